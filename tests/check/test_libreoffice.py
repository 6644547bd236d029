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
