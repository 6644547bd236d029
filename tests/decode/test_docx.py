"""The Word reader, on files LibreOffice wrote (tests/fixtures/formats/docx) and broken ones."""

from __future__ import annotations

import io
import zipfile

import pytest
from support import FIXTURES

from pipeline.decode import decode
from pipeline.errors import DecodeError

DOCX = FIXTURES / "formats" / "docx"


def read(name):
    return decode((DOCX / name).read_bytes(), filename=name)


def test_automatic_numbering_is_written_as_the_markers_a_reader_sees():
    d = read("lo01_auto_numbering_g05.docx")
    lines = d.text.splitlines()
    assert "一、总体要求" in lines
    assert "（二）工作目标" in lines
    assert any(line.startswith("（1）规范“三重一大”决策。") for line in lines)
    assert [h.kind for h in d.hints.hints][:2] == ["title", "heading"]


def test_headers_and_footers_are_removed_with_their_reasons():
    d = read("lo01_auto_numbering_g05.docx")
    assert {(r.text, r.reason) for r in d.removed} >= {("XX县市场监督管理局", "page-header")}
    # the footer's page fields as LibreOffice saved them
    assert any(
        r.reason == "page-footer" and r.text.startswith("第 ") and r.text.endswith(" 页") for r in d.removed
    )


def test_a_text_box_is_kept_after_its_paragraph_with_a_notice():
    d = read("lo02_textbox_h06.docx")
    lines = d.text.splitlines()
    assert lines.index("县委巡察办：") + 1 == next(
        i for i, t in enumerate(lines) if t.startswith("2024年1月8日")
    )
    assert any(n.code == "text-box" for n in d.notices)


def test_a_frame_table_is_read_as_its_text_and_a_footnote_is_kept():
    d = read("lo05_frame_footnote_h04.docx")
    assert not any(h.kind == "table" for h in d.hints.hints)
    assert any(line.startswith("[1] 《城镇内涝防治技术规范》") for line in d.text.splitlines())
    assert next(h.kind for h in d.hints.hints) == "title"  # a centred bold 22 pt first paragraph


def test_a_table_keeps_its_spans_and_header_row():
    d = read("lo03_table_seed002.docx")
    rows = [h for h in d.hints.hints if h.kind == "table"]
    assert rows[0].header_rows == 1
    assert [c.text for c in rows[0].cells] == ["序号", "调研内容"]


def test_custom_styles_with_outline_levels_are_headings():
    d = read("lo06_custom_outline_h11.docx")
    # 一级标题 and 二级标题 carry outline levels 1 and 2; this text's level-2 heads run in
    assert [h.level for h in d.hints.hints if h.kind == "heading"] == [1, 1, 1, 1]


def _broken(name: str) -> bytes:
    data = (DOCX / name).read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_broken("lo01_auto_numbering_g05.docx"), r"^cannot read the Word file \(.*\) — it may be damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), r"^a .docx in name only: it is an old Word .doc"),
    ],
    ids=["truncated", "renamed-doc"],
)
def test_a_broken_word_file_is_one_line_of_advice(data, message):
    with pytest.raises(DecodeError, match=message) as e:
        decode(data, filename="a.docx")
    assert "\n" not in str(e.value)


def test_a_word_file_is_told_by_its_content_whatever_its_name():
    d = decode((DOCX / "lo04_three_texts_h09.docx").read_bytes(), filename="download.txt")
    assert d.encoding == "docx"
    assert [h.kind for h in d.hints.hints].count("title") == 3


def test_tracked_deletions_are_left_out():
    buf = io.BytesIO()
    src = zipfile.ZipFile(DOCX / "lo04_three_texts_h09.docx")
    with zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"<w:body>",
                    b'<w:body><w:p><w:r><w:t>\xe4\xbf\x9d\xe7\x95\x99</w:t></w:r><w:del w:id="1" w:author="a">'
                    b"<w:r><w:delText>\xe5\x88\xa0\xe6\x8e\x89</w:delText></w:r></w:del></w:p>",
                )
            out.writestr(info, data)
    d = decode(buf.getvalue(), filename="a.docx")
    assert d.text.splitlines()[0] == "保留"
    assert any(n.code == "tracked-changes" for n in d.notices)
