"""Reading a DOCX with the style cascade resolved."""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.check.ooxml import DocxError, read_docx
from pipeline.model import Article, Heading, Paragraph
from pipeline.render import docx, style

ARTICLE = Article(
    "关于开展调研的报告", "", (Heading(1, "一、", "基本情况"), Paragraph("正文内容，共十个字。"))
)


def replace(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            dst.writestr(info, blob.replace(old, new) if info.filename == part else blob)
    return out.getvalue()


@pytest.fixture(scope="module")
def ours() -> bytes:
    return docx.render(ARTICLE)


def test_our_docx_read_back_with_its_faces_and_sizes(ours):
    d = read_docx(ours)
    texts = [p.text for p in d.paragraphs]
    assert texts == ["关于开展调研的报告", "一、基本情况", "正文内容，共十个字。"]
    title, head, body = (p.main_props() for p in d.paragraphs)
    assert (title.font("eastAsia").name, title.size) == (style.TITLE.face.official, style.TITLE.size)
    assert (head.font("eastAsia").name, d.paragraphs[1].props.outline) == (style.HEADINGS[1].face.official, 0)
    assert (body.font("eastAsia").name, body.size, body.spacing) == (style.BODY.face.official, 16, -0.25)


def test_section_grid_and_footers(ours):
    (s,) = read_docx(ours).sections
    assert (round(s.top / style.MM), round(s.left / style.MM), s.grid_pitch) == (
        37,
        28,
        style.PAGE.line_pitch,
    )
    assert {k: f.page_field().text for k, f in s.footers.items()} == {"default": "— # —", "even": "— # —"}


def test_a_theme_attribute_wins_over_the_named_face(ours):
    themed = replace(
        ours,
        "word/styles.xml",
        b'w:eastAsia="\xe4\xbb\xbf\xe5\xae\x8b_GB2312"',
        b'w:eastAsiaTheme="minorEastAsia"',
    )
    slot = read_docx(themed).paragraphs[2].main_props().font("eastAsia")
    assert slot.theme == "minorEastAsia"
    assert slot.name  # the theme's typeface for zh-CN, or "(minorEastAsia)"


def test_not_a_docx_is_one_error():
    with pytest.raises(DocxError, match="not a DOCX"):
        read_docx(b"PK\x03\x04 but not really a zip")
