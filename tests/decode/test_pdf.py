"""The PDF reader: test PDFs made by LibreOffice and reportlab, and PDFs it must refuse."""

from __future__ import annotations

import io

import pytest
from support import FIXTURES

from pipeline.decode import decode
from pipeline.errors import DecodeError

PDF = FIXTURES / "formats" / "pdf"


def _pdf(draw, **kw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **kw)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_an_encrypted_pdf_is_one_line_that_says_to_remove_the_password():
    from reportlab.lib import pdfencrypt

    data = _pdf(
        lambda c: c.drawString(72, 700, "secret"), encrypt=pdfencrypt.StandardEncryption("pw", "owner")
    )
    with pytest.raises(
        DecodeError, match=r"^an encrypted PDF that needs a password to open — remove the password"
    ):
        decode(data, filename="a.pdf")


def test_a_pdf_without_a_text_layer_is_refused_no_ocr():
    def scan(c):
        c.setFillGray(0.5)
        c.rect(72, 72, 400, 600, fill=1)  # a page that is all picture

    with pytest.raises(
        DecodeError, match=r"^a PDF without a text layer \(1 page\(s\) of images: a scan\?\) — "
    ) as e:
        decode(_pdf(scan), filename="scan.pdf")
    assert "\n" not in str(e.value)


def test_a_truncated_pdf_is_one_line():
    data = (PDF / "rl03_cid_font_g02.pdf").read_bytes()
    with pytest.raises(DecodeError, match=r"^cannot read the PDF"):
        decode(data[: len(data) // 3], filename="a.pdf")


def test_running_headers_and_page_numbers_go_to_removed():
    d = decode((PDF / "rl01_four_texts_seed002.pdf").read_bytes(), filename="a.pdf")
    reasons = {r.reason for r in d.removed}
    assert reasons == {"page-header", "page-number"}
    import pypdfium2

    pages = len(pypdfium2.PdfDocument((PDF / "rl01_four_texts_seed002.pdf").read_bytes()))
    assert sum(1 for r in d.removed if r.reason == "page-number") == pages  # 第 N 页 共 M 页 on each
    assert [h.kind for h in d.hints.hints].count("title") == 4  # four texts, four large centred titles


def test_a_cid_font_without_embedding_is_read():
    d = decode((PDF / "rl03_cid_font_g02.pdf").read_bytes(), filename="a.pdf")
    # (U+3000 is made a plain space at the input boundary, as for text files)
    assert d.text.startswith("压紧压实责任 守牢安全底线\n——在全县2024年安全生产工作会议上的讲话\n")


def test_two_columns_are_read_column_by_column_with_a_notice():
    d = decode((PDF / "rl02_two_columns_g10.pdf").read_bytes(), filename="a.pdf")
    assert any(n.code == "columns" for n in d.notices)
    assert "（二）加强治安防控，提升群众安全感" in d.text.splitlines()


def test_a_pdf_is_told_by_its_content_whatever_its_name():
    d = decode((PDF / "gw01_our_own_g14.pdf").read_bytes(), filename="download.doc")
    assert d.encoding == "pdf"
