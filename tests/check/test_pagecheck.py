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
