"""LibreOffice's render of a DOCX, as Word reads it."""

from __future__ import annotations

import shutil

import pytest

from pipeline.check.libreoffice import render_pdfs
from pipeline.model import Article, Paragraph
from pipeline.render import docx


@pytest.mark.slow
def test_one_call_renders_every_file():
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    pdfs = render_pdfs([docx.render(Article(t, "", (Paragraph("正文。"),))) for t in ("甲文件", "乙文件")])
    assert [p[:5] if p else None for p in pdfs] == [b"%PDF-", b"%PDF-"]


def test_nothing_to_render_runs_nothing():
    assert render_pdfs([]) == []


def _docx_with_settings(settings: str) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/settings.xml", settings)
    return out.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_file_without_lists_breaks_by_words_defaults():
    from pipeline.check.libreoffice import WORD_KINSOKU, kinsoku_of

    lists = dict(
        (locale, (start, end))
        for locale, start, end in kinsoku_of(_docx_with_settings(f"<w:settings {W_NS}/>"))
    )
    assert lists == WORD_KINSOKU
    start, end = lists["zh-CN"]
    assert "…" in start
    assert "%" in start
    assert "、" in start
    assert "“" in end


def test_a_files_own_lists_win_for_their_language_only():
    from pipeline.check.libreoffice import WORD_KINSOKU, kinsoku_of

    settings = (
        f'<w:settings {W_NS}><w:noLineBreaksAfter w:lang="zh-CN" w:val="（"/>'
        f'<w:noLineBreaksBefore w:lang="zh-CN" w:val="。，"/></w:settings>'
    )
    lists = {locale: (start, end) for locale, start, end in kinsoku_of(_docx_with_settings(settings))}
    assert lists["zh-CN"] == ("。，", "（")
    assert lists["zh-TW"] == WORD_KINSOKU["zh-TW"]


def test_the_profile_holds_one_set_of_lists_the_last_written(tmp_path):
    from pipeline.check.libreoffice import _set_kinsoku

    _set_kinsoku(tmp_path, (("zh-CN", "。", "（"),))
    _set_kinsoku(tmp_path, (("zh-CN", "…%", "“"),))
    text = (tmp_path / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert text.count("AsianLayout/StartEndCharacters") == 1
    assert "<value>…%</value>" in text
    assert "<value>。</value>" not in text
    assert text.rstrip().endswith("</oor:items>")


def _plain_docx(text: str) -> bytes:
    """A paragraph as python-docx's template sets it: no line told where to end."""
    import io

    import docx as python_docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = python_docx.Document()
    run = document.add_paragraph().add_run(text)
    run.font.size = Pt(16)
    lang = run._r.get_or_add_rPr().makeelement(qn("w:lang"), {qn("w:eastAsia"): "zh-CN"})
    run._r.get_or_add_rPr().append(lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _line_starts(pdf: bytes) -> list[str]:
    from pipeline.check.pdfpage import read_pdf

    return [line.text[:1] for page in read_pdf(pdf).pages for line in page.lines]


@pytest.mark.slow
def test_word_keeps_an_ellipsis_and_a_percent_off_a_line_start(monkeypatch):
    # tb16 and tc08 of the dev corpus: LibreOffice's own lists let "……" split and "%"
    # start a line; Word's (ECMA-376 §17.3.1.16) do not
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from pipeline.check import libreoffice

    files = [_plain_docx("国" * n + "……" + "国" * 40 + "。") for n in range(20, 36)]
    files += [_plain_docx("国" * n + "达____%以上" + "国" * 40 + "。") for n in range(16, 32)]
    starts = [s for pdf in render_pdfs(files) for s in _line_starts(pdf or b"")]
    assert "…" not in starts
    assert "%" not in starts
    # the control: lists without them, and LibreOffice puts them there
    monkeypatch.setattr(libreoffice, "kinsoku_of", lambda data: (("zh-CN", "。，", ""),))
    starts = [s for pdf in render_pdfs(files) for s in _line_starts(pdf or b"")]
    assert "…" in starts
    assert "%" in starts
