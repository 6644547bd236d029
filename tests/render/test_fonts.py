"""Run-time registration and fallback (``pipeline.render.fonts``).

Tests that need the prepared stack skip with the reason when ``make fonts`` has not
been run; the rest run anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ROOT
from support import needs_fonts as support_needs_fonts

from pipeline.errors import RenderError
from pipeline.render import fonts, style

REPO = ROOT


needs_fonts = support_needs_fonts()


def test_font_dir_is_the_environment_variable_or_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("GONGWEN_FONT_DIR", str(tmp_path))
    assert fonts.font_dir() == tmp_path
    monkeypatch.delenv("GONGWEN_FONT_DIR")
    assert fonts.font_dir() == Path.home() / ".cache" / "gongwen" / "fonts"


def test_every_face_of_the_style_has_a_source():
    names = {s.name for s in fonts.SOURCES}
    faces = {style.FANGSONG, style.XIAOBIAOSONG, style.HEITI, style.KAITI, style.SONGTI}
    chains = {name for f in faces for name in style.fallbacks_for(f.pdf)}
    assert {f.pdf for f in faces} | chains | {style.LATIN_PDF} == names


def test_traditional_characters_keep_their_faces_design():
    # a reprinted 繁體 notice (tb04 of the dev corpus): 仿宋 from cwTeX 仿宋體, the 小标宋
    # title and 黑体 headings from full conversions of their own fonts, never a 宋体
    fonts.register_fonts()
    text = "盤錦市人民政府辦公室關於印發"
    fangsong = fonts.with_fallback(text, style.FANGSONG.pdf)
    assert {r.font for r in fangsong.runs} == {style.FANGSONG.pdf, style.FANGSONG_TRADITIONAL_PDF}
    for face, full in (
        (style.XIAOBIAOSONG, style.XIAOBIAOSONG_FULL_PDF),
        (style.HEITI, style.HEITI_FULL_PDF),
    ):
        assert {r.font for r in fonts.with_fallback(text, face.pdf).runs} == {face.pdf, full}
    # on the 字 grid: cwTeX advances its characters 0.92 em, the PDF's widths say one
    assert fonts.char_width(style.FANGSONG_TRADITIONAL_PDF, "縣", 16) == 16


def test_unprepared_directory_gives_one_clear_line(tmp_path):
    with pytest.raises(RenderError) as err:
        fonts.load_manifest(tmp_path)
    assert "fonts not prepared — run `make fonts`" in str(err.value)
    assert "\n" not in str(err.value)


def test_manifest_from_an_older_recipe_is_refused(tmp_path):
    (tmp_path / fonts.MANIFEST).write_text(json.dumps({"recipe": fonts.RECIPE - 1, "fonts": {}}))
    with pytest.raises(RenderError, match="make fonts"):
        fonts.load_manifest(tmp_path)


def test_to_unicode_cmap_writes_supplementary_characters_as_surrogate_pairs():
    from pipeline.render.pdfwrite import _to_unicode

    cmap = _to_unicode(["中", "\U00020000", "A"]).decode()
    assert "<0001> <4E2D>" in cmap
    assert "<0002> <D840DC00>" in cmap
    assert "<0003> <0041>" in cmap
    assert "<0000> <FFFF>" in cmap  # the two-byte codespace of Identity-H


@needs_fonts
def test_registration_happens_once_per_process():
    first = fonts.register_fonts()  # already registered by needs_fonts(): the same object back
    assert fonts.register_fonts() is first
    assert set(first) == {s.name for s in fonts.SOURCES}


@needs_fonts
def test_fallback_wraps_only_what_the_face_lacks():
    fb = fonts.with_fallback("处臵难度›大", style.KAITI.pdf)  # UKai lacks 臵 and ›
    assert "".join(r.text for r in fb.runs) == "处臵难度›大"
    # 臵 (GBK, not GB2312) from the full Chinese face, not a Japanese Mincho (issue 17)
    assert [r.font for r in fb.runs] == ["UKai", style.RARE_PDF, "UKai", "NotoSerifSC", "UKai"]
    assert fb.missing == ""


@needs_fonts
def test_fallback_reaches_cjk_extension_b():
    fb = fonts.with_fallback("甲𠀀乙", style.FANGSONG.pdf)
    assert [(r.font, r.text) for r in fb.runs] == [
        ("FandolFang", "甲"),
        ("HanaMinA", "𠀀"),
        ("FandolFang", "乙"),
    ]


@needs_fonts
def test_characters_no_font_has_are_returned_not_dropped():
    fb = fonts.with_fallback("甲\U000f0001乙\U000f0001", style.FANGSONG.pdf)
    assert "".join(r.text for r in fb.runs) == "甲\U000f0001乙\U000f0001"
    assert fb.missing == "\U000f0001"


def test_committed_fontconfig_copy_matches_the_shared_one():
    shared = REPO.parent / "shared" / "fonts.conf"
    if not shared.is_file():
        pytest.skip("no ../shared/fonts.conf beside this checkout")
    assert (REPO / "tools" / "fonts.conf").read_bytes() == shared.read_bytes()


@needs_fonts
@pytest.mark.parametrize("face", [f for f in style.FACES if f.squeeze], ids=lambda f: f.pdf)
def test_squeezable_marks_have_their_ink_in_the_half_that_stays(face):
    """A mark of ``Face.squeeze`` may give up SQUEEZE_MAX of its advance (挤进): its ink
    must end before that, or squeezing would cut into the next character's room."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    info = fonts.register_fonts()[face.pdf]
    with TTFont(str(info.path), fontNumber=info.subfont, lazy=True) as font:
        cmap, glyphs = font.getBestCmap(), font.getGlyphSet()
        for mark in face.squeeze:
            name = cmap[ord(mark)]
            pen = BoundsPen(glyphs)
            glyphs[name].draw(pen)
            assert pen.bounds is not None
            advance = font["hmtx"][name][0]
            assert pen.bounds[2] <= (1 - style.SQUEEZE_MAX) * advance, (face.pdf, mark)
