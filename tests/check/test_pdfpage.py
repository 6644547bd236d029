"""Reading PDF pages with PDFium: lines, boxes, fonts."""

from __future__ import annotations

import pytest

from pipeline.check.pdfpage import PdfError, read_pdf
from pipeline.model import Article, Heading, Paragraph
from pipeline.render import pdf, style

ARTICLE = Article(
    "关于开展调研的报告", "", (Heading(1, "一、", "基本情况"), Paragraph("正文内容，" * 80 + "完。"))
)


@pytest.fixture(scope="module")
def page_lines():
    return read_pdf(pdf.render(ARTICLE))


def test_lines_come_back_in_reading_order_with_their_text(page_lines):
    texts = [ln.text for p in page_lines.pages for ln in p.lines]
    assert texts[0] == "关于开展调研的报告"
    assert texts[1] == "一、基本情况"
    assert "".join(texts[2:]).startswith("正文内容，正文内容，")


def test_sizes_fonts_and_boxes(page_lines):
    title, heading, body = page_lines.pages[0].lines[:3]
    assert (title.size, heading.size, body.size) == (style.TITLE.size, 16, 16)
    assert heading.font_of().startswith("NotoSansCJK")
    assert body.x0 == pytest.approx(style.PAGE.left + 2 * style.PAGE.char_pitch, abs=1)
    assert all(embedded for _, embedded in page_lines.fonts)


def test_not_a_pdf_is_one_error():
    with pytest.raises(PdfError, match="cannot read the PDF"):
        read_pdf(b"%PDF-1.7 not really")
