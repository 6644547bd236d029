"""XML checks: our own DOCX passes at standard level; each rule fires on its defect."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.check.ooxml import read_docx
from pipeline.check.xmlcheck import check_docx_xml, date_problem, doc_number_problem
from pipeline.model import Article, Heading, Paragraph
from pipeline.render import docx

HANZI = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x62FF), min_size=2, max_size=60)
MARKERS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


@st.composite
def articles(draw: st.DrawFn) -> Article:
    blocks: list[Heading | Paragraph] = []
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            level = draw(st.integers(1, 4))
            tail = draw(st.one_of(st.just(""), HANZI.map(lambda s: s + "。")))
            text = draw(HANZI) + ("。" if tail else "")
            blocks.append(Heading(level, MARKERS[level], text, tail))
        else:
            blocks.append(Paragraph(draw(HANZI) + "。"))
    return Article(draw(HANZI), "", tuple(blocks))


@settings(max_examples=30, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_our_docx_has_no_standard_level_xml_finding(article):
    found = check_docx_xml(read_docx(docx.render(article)))
    assert [f for f in found if f.strength == "standard"] == []


def test_our_docx_has_no_xml_finding_at_any_level():
    article = Article("调研报告", "", (Heading(1, "一、", "总体要求"), Paragraph("正文。")))
    assert check_docx_xml(read_docx(docx.render(article))) == []


def test_date_and_document_number_forms():
    assert [date_problem(t) for t in ("2024年3月5日", "二〇二四年三月五日", "2024年03月5日")] == [
        "",
        "Chinese numerals",
        "leading zeros",
    ]
    assert doc_number_problem("X政发（2024）3号") == "year in （ ） instead of 〔 〕"
    assert doc_number_problem("X政发〔2024〕03号") == "number with a leading zero"


def _with_pitch(data: bytes, twips: int) -> bytes:
    """The DOCX with every exact line spacing of 579 twips (28.95 pt) set to ``twips``."""
    import io
    import zipfile

    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            part = src.read(info)
            if info.filename in ("word/document.xml", "word/styles.xml"):
                part = part.replace(b'w:line="579"', f'w:line="{twips}"'.encode())
            z.writestr(info, part)
    return out.getvalue()


def test_the_page_fits_pitch_is_no_xml_finding_but_a_wrong_grid_is():
    data = docx.render(Article("调研报告", "", (Paragraph("正文。" * 40),)))
    codes = {
        lines: {f.code for f in check_docx_xml(read_docx(_with_pitch(data, int(12756 / lines))))}
        for lines in (23, 24, 25)
    }
    # 23 and 24 lines a page are the page fit's pitches (STD 7.3.5.5): the rendered check judges them
    assert "lines-per-page" not in codes[23] | codes[24]
    assert "lines-per-page" in codes[25]


def test_a_table_caption_is_not_judged_as_body_text():
    # tb19 of the dev corpus: no title, three headings, then a table under its caption
    from pipeline.check.xmlcheck import docx_roles
    from pipeline.model import Cell, Table

    table = Table(
        ((Cell("指标"), Cell("1-6月")), (Cell("地区生产总值"), Cell("1412.5"))),
        header_rows=1,
        caption="2020年1-6月主要经济指标",
    )
    article = Article("", "", (Heading(1, "一、", "工业生产"), Paragraph("正文。"), table))
    read = read_docx(docx.render(article))
    roles = dict(zip((p.text for p in read.paragraphs), (r.kind for r in docx_roles(read)), strict=True))
    assert roles["2020年1-6月主要经济指标"] == "caption"
    assert [f for f in check_docx_xml(read) if f.strength == "standard"] == []


def test_a_centred_line_above_no_table_is_still_judged():
    from pipeline.check.xmlcheck import docx_roles

    article = Article("关于做好防汛工作的通知", "", (Paragraph("正文。"),))
    read = read_docx(docx.render(article))
    assert "caption" not in [r.kind for r in docx_roles(read)]
