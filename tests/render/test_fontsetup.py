"""Font set-up (``pipeline.render.fontsetup``, ``tools/setup_fonts.sh``).

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
from support import needs_fonts as support_needs_fonts

from pipeline.errors import RenderError
from pipeline.render import fonts, fontsetup

REPO = ROOT


needs_fonts = support_needs_fonts()


def test_converted_fonts_keep_all_of_gb2312_and_the_punctuation_blocks():
    cps = fontsetup.gb2312_plus()
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
    assert fontsetup.locate(source, rows) == (str(real), 0)


def test_locate_names_the_fix_when_a_font_is_not_installed():
    with pytest.raises(RenderError, match="setup_fonts"):
        fontsetup.locate(fonts.SOURCES[0], [])


def test_usage_error_exits_2():
    assert fontsetup.main(["bogus"]) == 2


@needs_fonts
def test_prepare_keeps_fonts_whose_source_is_unchanged(tmp_path, monkeypatch):
    real = fonts.font_dir()
    for f in real.iterdir():
        (tmp_path / f.name).symlink_to(f) if f.suffix == ".ttf" else shutil.copy(f, tmp_path)
    (tmp_path / "NotoSansSC.ttf").unlink()
    converted = []

    def fake_convert(src: str, index: int, out: str, full: bool = False) -> float:
        converted.append(Path(out).name)
        shutil.copy(real / Path(out).name, out)
        return 0.0

    monkeypatch.setattr(fontsetup, "_convert", fake_convert)
    manifest = fontsetup.prepare(tmp_path, workers=1, log=io.StringIO())
    assert converted == ["NotoSansSC.ttf"]  # only the missing one
    assert manifest == json.loads((real / fonts.MANIFEST).read_text())
    fontsetup.prepare(tmp_path, workers=1, log=io.StringIO())
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


def test_a_font_converted_full_and_now_wanted_as_gb2312_is_converted_again(tmp_path, monkeypatch):
    real = fonts.font_dir()
    for f in real.iterdir():
        (tmp_path / f.name).symlink_to(f) if f.suffix == ".ttf" else shutil.copy(f, tmp_path)
    manifest = json.loads((tmp_path / fonts.MANIFEST).read_text())
    manifest["fonts"]["NotoSansSC"]["full"] = True  # as an earlier stack converted it
    (tmp_path / fonts.MANIFEST).write_text(json.dumps(manifest))
    converted = []

    def fake_convert(src: str, index: int, out: str, full: bool = False) -> float:
        converted.append((Path(out).name, full))
        Path(out).unlink(missing_ok=True)
        shutil.copy(real / Path(out).name, out)
        return 0.0

    monkeypatch.setattr(fontsetup, "_convert", fake_convert)
    fontsetup.prepare(tmp_path, workers=1, log=io.StringIO())
    assert converted == [("NotoSansSC.ttf", False)]
