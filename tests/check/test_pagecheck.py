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
