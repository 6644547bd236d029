"""Font set-up and run-time registration (``pipeline.render.fonts``, ``tools/setup_fonts.sh``).

Tests that need the prepared stack skip with the reason when ``make fonts`` has not
been run; the rest run anywhere.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import ROOT

from pipeline.errors import RenderError
from pipeline.render import fonts, style

REPO = ROOT


def _not_ready() -> str:
    try:
        fonts.register_fonts()
    except RenderError as e:
        return str(e)
    return ""


needs_fonts = pytest.mark.skipif(bool(_not_ready()), reason=_not_ready() or "ready")


def test_font_dir_is_the_environment_variable_or_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("GONGWEN_FONT_DIR", str(tmp_path))
    assert fonts.font_dir() == tmp_path
    monkeypatch.delenv("GONGWEN_FONT_DIR")
    assert fonts.font_dir() == Path.home() / ".cache" / "gongwen" / "fonts"


def test_every_face_of_the_style_has_a_source():
    names = {s.name for s in fonts.SOURCES}
    faces = {style.FANGSONG, style.XIAOBIAOSONG, style.HEITI, style.KAITI, style.SONGTI}
    assert {f.pdf for f in faces} | set(style.FALLBACKS) == names


def test_converted_fonts_keep_all_of_gb2312_and_the_punctuation_blocks():
    cps = fonts.gb2312_plus()
    gb = {
        ch
        for lead in range(0xA1, 0xF8)
        for trail in range(0xA1, 0xFF)
        for ch in [bytes((lead, trail)).decode("gb2312", errors="ignore")]
        if ch
    }
    assert len(gb) == 7445
    assert {ord(c) for c in gb} <= cps
    for ch in "—…“”‘’，。、；：！？（）《》〔〕【】·０９ＡａA~›℃①":
        assert ord(ch) in cps, ch
    assert ord("翀") not in cps  # rarer characters come from the fallback chain


def test_locate_finds_family_and_style_and_resolves_symlinks(tmp_path):
    real = tmp_path / "HanaMinA.ttf"
    real.write_bytes(b"")
    link = tmp_path / "fonts-japanese-mincho.ttf"
    link.symlink_to(real)
    rows = [
        (str(tmp_path / "other.ttc"), 0, ["HanaMinA"], ["Bold"]),
        (str(link), 0, ["HanaMinA", "花園明朝A"], ["Regular"]),
    ]
    source = next(s for s in fonts.SOURCES if s.name == "HanaMinA")
    assert fonts.locate(source, rows) == (str(real), 0)


def test_locate_names_the_fix_when_a_font_is_not_installed():
    with pytest.raises(RenderError, match="setup_fonts"):
        fonts.locate(fonts.SOURCES[0], [])


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
    cmap = fonts._to_unicode_cmap("F", [0x4E2D, 0x20000, 0x41])
    assert "<00> <4E2D>" in cmap
    assert "<01> <D840DC00>" in cmap
    assert "<02> <0041>" in cmap
    assert "<00> <02>" in cmap  # codespace range covers the subset


def test_usage_error_exits_2():
    assert fonts.main(["bogus"]) == 2


@needs_fonts
def test_registration_happens_once_per_process():
    t0 = time.perf_counter()
    first = fonts.register_fonts()
    assert fonts.register_fonts() is first
    assert time.perf_counter() - t0 < 0.05  # already registered by _not_ready()
    assert set(first) == {s.name for s in fonts.SOURCES}


@needs_fonts
def test_fallback_wraps_only_what_the_face_lacks():
    fb = fonts.with_fallback("处臵难度›大", style.KAITI.pdf)  # UKai lacks 臵 and ›
    assert "".join(r.text for r in fb.runs) == "处臵难度›大"
    assert [r.font for r in fb.runs] == ["UKai", "HanaMinA", "UKai", "NotoSerifSC", "UKai"]
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


@needs_fonts
def test_prepare_keeps_fonts_whose_source_is_unchanged(tmp_path, monkeypatch):
    real = fonts.font_dir()
    for f in real.iterdir():
        (tmp_path / f.name).symlink_to(f) if f.suffix == ".ttf" else shutil.copy(f, tmp_path)
    (tmp_path / "NotoSansSC.ttf").unlink()
    converted = []

    def fake_convert(src: str, index: int, out: str) -> float:
        converted.append(Path(out).name)
        shutil.copy(real / Path(out).name, out)
        return 0.0

    monkeypatch.setattr(fonts, "_convert", fake_convert)
    manifest = fonts.prepare(tmp_path, workers=1, log=io.StringIO())
    assert converted == ["NotoSansSC.ttf"]  # only the missing one
    assert manifest == json.loads((real / fonts.MANIFEST).read_text())
    fonts.prepare(tmp_path, workers=1, log=io.StringIO())
    assert converted == ["NotoSansSC.ttf"]  # and nothing the second time


@needs_fonts
def test_setup_script_second_run_is_fast_and_changes_nothing():
    if os.geteuid() != 0 and not shutil.which("sudo"):
        pytest.skip("needs root or sudo")
    ttfs = sorted(fonts.font_dir().glob("*.ttf"))
    before = [f.stat().st_mtime_ns for f in ttfs]
    t0 = time.perf_counter()
    subprocess.run(
        ["bash", str(REPO / "tools" / "setup_fonts.sh")],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHON": sys.executable},
    )
    assert time.perf_counter() - t0 < 10
    assert [f.stat().st_mtime_ns for f in ttfs] == before


def test_committed_fontconfig_copy_matches_the_shared_one():
    shared = REPO.parent / "shared" / "fonts.conf"
    if not shared.is_file():
        pytest.skip("no ../shared/fonts.conf beside this checkout")
    assert (REPO / "tools" / "fonts.conf").read_bytes() == shared.read_bytes()
