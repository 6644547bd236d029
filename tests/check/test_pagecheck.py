"""Rendered-page checks on our own PDF and on pages with known defects."""

from __future__ import annotations

import pytest
from support import SEEDS

from pipeline.check.pagecheck import check_pages, layout
from pipeline.check.pdfpage import read_pdf
from pipeline.core import convert
from pipeline.render import pdf


@pytest.fixture(scope="module")
def seed_pdfs():
    doc = convert((SEEDS / "002_3341814f88bcb719.txt").read_bytes(), "002.txt")
    return [read_pdf(pdf.render(a)) for a in doc.documents]


def test_our_pdfs_have_no_standard_level_page_finding(seed_pdfs):
    for p in seed_pdfs:
        found, _ = check_pages(p, from_docx=False)
        assert [f for f in found if f.strength == "standard"] == []


def test_layout_finds_the_page_number_of_every_page_and_the_grid(seed_pdfs):
    for p in seed_pdfs:
        lay = layout(p)
        assert [n.text.replace(" ", "") if n else None for n in lay.numbers] == [
            f"—{i}—" for i in range(1, len(p.pages) + 1)
        ]
        assert lay.left == pytest.approx(79.37, abs=1)
        assert lay.edges_known


def test_every_page_number_missing_is_reported(seed_pdfs):
    p = seed_pdfs[0]
    bare = type(p)(tuple(type(pg)(pg.number, pg.width, pg.height, pg.lines[:-1]) for pg in p.pages), p.fonts)
    found, _ = check_pages(bare, from_docx=False)
    assert "page-number-missing" in {f.code for f in found}


def test_a_line_end_mark_squeezed_into_the_line_is_no_margin_finding():
    # 先挤: the 孤字 "众。" is taken back by squeezing the marks, the line-final 。 to its
    # ink: its cell reaches past the 版心, its ink does not
    from pipeline.check.pagecheck import BODY_RIGHT
    from pipeline.model import Article, Paragraph

    text = "各级党组织，要坚持路线，密切联系群众，做好新时代、群众。"
    lead = Paragraph("为进一步做好群众工作，" * 6)
    page = read_pdf(pdf.render(Article("", "", (lead, Paragraph(text), lead, Paragraph(text)))))
    lines = [ln for ln in page.pages[0].lines if ln.text.replace(" ", "").startswith("各级")]
    assert lines
    assert all(ln.x1 > BODY_RIGHT + 1 for ln in lines)  # the cells do pass the edge
    found, _ = check_pages(page, from_docx=False)
    assert "margins" not in {f.code for f in found}


def test_a_page_fit_last_page_of_23_lines_is_no_grid_finding():
    from pipeline.model import Article, Paragraph

    body = tuple(Paragraph("为进一步做好群众工作，" * 4 + f"第{i}段") for i in range(11))
    page = read_pdf(pdf.render(Article("", "", (*body, Paragraph("最后一行。")))))
    assert len(page.pages) == 1  # the page fit took the 23rd line back
    found, _ = check_pages(page, from_docx=False)
    assert {"lines-per-page", "line-pitch"} & {f.code for f in found if f.strength == "standard"} == set()
    # the same 23 lines on the first of three pages are no page fit
    more = tuple(Paragraph("为进一步做好群众工作，" * 4) for _ in range(30))
    three = read_pdf(pdf.render(Article("", "", (*body, Paragraph("最后一行。"), *more))))
    crowded = type(three)(
        (
            type(three.pages[0])(1, page.pages[0].width, page.pages[0].height, page.pages[0].lines),
            *three.pages[1:],
        ),
        three.fonts,
    )
    found, _ = check_pages(crowded, from_docx=False)
    assert "lines-per-page" in {f.code for f in found}


def test_a_titled_page_the_page_fit_filled_is_no_grid_finding():
    """A one-page document whose title block shares the page: fewer than 22 body lines,
    but the page is full to the 版心's foot at the fit's pitch."""
    from pipeline.model import Article, Paragraph

    body = tuple(Paragraph("为进一步做好群众工作，" * 4 + f"第{i}段") for i in range(9))
    article = Article("关于进一步做好群众工作的通知", "", (*body, Paragraph("最后一行。")))
    page = read_pdf(pdf.render(article))
    assert len(page.pages) == 1
    found, _ = check_pages(page, from_docx=False)
    assert {"lines-per-page", "line-pitch"} & {f.code for f in found if f.strength == "standard"} == set()


def _statistics_article():
    # a 统计 page as the dev corpus has one (tb20): three paragraphs, then a table of 31
    # rows in 四号 whose characters outnumber the body's
    from pipeline.model import Article, Cell, Paragraph, Table

    rows = [tuple(Cell(t) for t in ("序号", "省份", "2023年GDP（亿元）", "增速（%）"))] + [
        tuple(Cell(t) for t in (str(i), "某省", f"{i * 1.37:.2f}", f"{i % 9}.{i % 7}")) for i in range(1, 32)
    ]
    lead = Paragraph("国家统计局数据显示，全年国内生产总值比上年增长百分之五点二，各地区均实现增长。" * 2)
    return Article("数据概要", "", (lead, lead, lead, Table(tuple(rows), header_rows=1)))


def test_a_long_table_does_not_set_the_body_size_the_margins_or_the_pitch():
    page = read_pdf(pdf.render(_statistics_article()))
    lay = layout(page)
    assert lay.left == pytest.approx(79.37, abs=1)  # the 版心's edge, not the table's text
    found, _ = check_pages(page, from_docx=False)
    assert {f.code for f in found} & {"margins", "lines-per-page", "line-pitch", "body-size"} == set()


def test_a_pitch_rounded_by_turns_is_the_grid():
    # LibreOffice sets lines 29.7 and 28.2 pt apart by turns on the 28.95 pt grid
    from pipeline.check.pagecheck import _pitch
    from pipeline.check.pdfpage import Char, Line

    def line(baseline: float) -> Line:
        return Line.of(
            1, [Char("字", 79.4, 95.4, baseline - 14, baseline + 2, baseline, 16.0, "F", (0, 0, 0))]
        )

    gaps = [29.7, 28.2] * 5
    baselines = [100.0]
    for g in gaps:
        baselines.append(baselines[-1] + g)
    assert _pitch([[line(b) for b in baselines]], 16.0) == pytest.approx(28.95, abs=0.01)
    assert _pitch([[line(100 + 28.95 * i) for i in range(12)]], 16.0) == pytest.approx(28.95, abs=0.01)
