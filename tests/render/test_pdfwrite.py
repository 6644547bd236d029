"""The PDF writer (``pipeline.render.pdfwrite``): font subsets, streams, the file."""

from __future__ import annotations

import io
import zlib

import pytest
from support import needs_fonts

from pipeline.model import Article, Heading, Paragraph
from pipeline.render import fonts, pdfwrite, style

pytestmark = needs_fonts()


def _use(font: str, text: str) -> pdfwrite.FontUse:
    use = pdfwrite.FontUse(fonts.font_data(font), "F1")
    use.hex(text)
    return use


@pytest.mark.parametrize(
    ("font", "text"),
    [
        (style.BODY.face.pdf, "做好群众工作是推动科学发展、促进社会和谐的重要保障。"),
        (style.LATIN_PDF, "Áé ñ GDP 2.96% ÀÉÎÕÜ"),  # accented letters are composite glyphs
        (style.KAITI.pdf, "处理难度大，楷体字"),
    ],
)
def test_a_subset_holds_the_used_glyphs_renumbered_with_their_outlines(font, text):
    from fontTools.ttLib import TTFont

    data = fonts.font_data(font)
    use = _use(font, text)
    gids = pdfwrite._glyph_ids(use)
    program = pdfwrite.subset_program(data, gids)
    sub = TTFont(io.BytesIO(program), checkChecksums=2)  # raises on a wrong table checksum
    full = TTFont(data.path, fontNumber=0)  # UKai: the first face of its collection
    assert sub["maxp"].numGlyphs == len(gids)
    assert sub["hhea"].numberOfHMetrics == len(gids)
    order_full, order_sub = full.getGlyphOrder(), sub.getGlyphOrder()
    for new, old in enumerate(gids):
        g_sub, g_full = sub["glyf"][order_sub[new]], full["glyf"][order_full[old]]
        if g_full.isComposite():
            parts = [order_full.index(c.glyphName) for c in g_full.components]
            assert [gids[order_sub.index(c.glyphName)] for c in g_sub.components] == parts
        else:
            assert g_sub.getCoordinates(sub["glyf"])[0] == g_full.getCoordinates(full["glyf"])[0]
        assert sub["hmtx"][order_sub[new]] == full["hmtx"][order_full[old]]
    if font == style.LATIN_PDF:
        assert any(sub["glyf"][n].isComposite() for n in order_sub)
    head_sum = sum(int.from_bytes(program[i : i + 4], "big") for i in range(0, len(program), 4)) & 0xFFFFFFFF
    assert head_sum == 0xB1B0AFBA  # the whole font sums to the magic number (head.checkSumAdjustment)


def test_characters_get_cids_in_order_of_first_use_and_keep_their_own_text():
    use = _use(style.BODY.face.pdf, "国家国")
    assert use.hex("家国") == "00020001"
    assert use.chars == ["国", "家"]
    cmap = pdfwrite._to_unicode(use.chars).decode()
    assert "<0001> <56FD>" in cmap
    assert "<0002> <5BB6>" in cmap


def test_streams_are_zlib_streams():
    data = b"BT /F1 16 Tf <0001> Tj ET\n" * 100
    assert zlib.decompress(pdfwrite.deflate(data)) == data


ARTICLE = Article(
    "关于做好新形势下群众工作的通知",
    "",
    (Heading(1, "一、", "总体要求"), Paragraph("要坚持群众路线，GDP增长2.96%。" * 20), Paragraph("谢谢。")),
)


def test_the_same_article_gives_the_same_bytes_and_poppler_reads_its_text():
    from pypdf import PdfReader

    from pipeline.render import pdf

    a, b = pdf.render(ARTICLE), pdf.render(ARTICLE)
    assert a == b
    reader = PdfReader(io.BytesIO(a))
    text = "".join(p.extract_text() for p in reader.pages).replace("\n", "")
    assert "一、总体要求" in text
    assert "GDP增长2.96%" in text
    assert reader.metadata.title == ARTICLE.title
    assert reader.outline[0].title == ARTICLE.title


def test_a_dry_build_lays_pages_out_and_writes_nothing():
    from pipeline.render import pdf

    pages: list[int] = []
    flowables, _ = pdf._flowables(ARTICLE, {}, False)
    out = pdf._build(ARTICLE, flowables, lambda canv, doc: pages.append(canv.getPageNumber()), dry=True)
    assert out == b""
    assert pages == [1]


def test_a_squeezed_mark_advances_by_its_own_char_spacing_and_keeps_its_text():
    canvas = pdfwrite.canvas_class()(io.BytesIO(), pagesize=(595.0, 842.0))
    face = style.BODY.face.pdf
    runs = [(face, 16.0, "群众，工作"), (face, 16.0, "。")]
    canvas.draw_runs(runs, 10.0, 20.0, -0.25, squeeze={2: 7.5, 5: 7.0})
    plain = pdfwrite.canvas_class()(io.BytesIO(), pagesize=(595.0, 842.0))
    plain.draw_runs(runs, 10.0, 20.0, -0.25)
    ops, plain_ops = canvas._code[-1], plain._code[-1]
    assert " -7.75 Tc " in ops  # the grid's −0.25 pt less the squeeze
    assert " -7.25 Tc " in ops
    assert ops.count(" -0.25 Tc") == 3  # back to the line's spacing after each mark, and at the start
    assert " Tc " not in plain_ops.split("Tm", 1)[1].split(" Tc", 1)[1]  # no squeeze: one Tc
    # the same characters in the same order: "".join of the shown strings is unchanged
    shown = "".join(t.split(">")[0] for t in ops.split("<")[1:])
    assert shown == "".join(t.split(">")[0] for t in plain_ops.split("<")[1:])
