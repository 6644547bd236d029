"""Set-up of the PDF font stack: ``python -m pipeline.render.fontsetup prepare [DIR]``.

Called once by ``tools/setup_fonts.sh`` (``make fonts``), never while rendering (the run
time half is :mod:`pipeline.render.fonts`, which reads what this module writes).

reportlab reads TrueType (glyf) outlines only, while the free CJK fonts we want ship as
OpenType/CFF (FandolFang, Noto CJK).  :func:`prepare` finds each source font of
:data:`~pipeline.render.fonts.SOURCES` through fontconfig, subsets it to GB2312 plus the
punctuation and symbol blocks a document uses (so conversion takes seconds, not minutes),
turns the cubic CFF outlines into quadratic TrueType ones with fontTools (the ``otf2ttf``
recipe, fonts.md §5) and writes ``<name>.ttf`` into :func:`~pipeline.render.fonts.font_dir`.
Native TrueType fonts (AR PL UKai, HanaMinA/B) are not copied: their system paths are
recorded.  Everything goes into ``manifest.json``, so rendering never shells out to
fontconfig.  A font whose source (path, face, size, mtime) and recipe are unchanged is not
converted again, which makes a second run take well under a second.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from pipeline.errors import RenderError
from pipeline.render.fonts import (
    CACHE_SUFFIX,
    MANIFEST,
    RECIPE,
    SOURCES,
    Source,
    font_dir,
    load_manifest,
    prepare_cache,
)

# Unicode blocks kept besides GB2312 (fonts.md §5 "GB2312+"): ASCII and Latin-1, general
# punctuation (— U+2014 is not in Python's gb2312 codec, › U+203A occurs in a seed),
# letterlike symbols and number forms (℃ Ⅻ), enclosed numbers (①), CJK symbols and
# punctuation (〔〕 for 发文字号), vertical/small forms and the full-width block.
_EXTRA_RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x00FF),
    (0x2010, 0x205E),
    (0x2100, 0x218F),
    (0x2460, 0x24FF),
    (0x3000, 0x303F),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)


def gb2312_plus() -> frozenset[int]:
    """The code points every converted font keeps: all of GB2312 plus ``_EXTRA_RANGES``.

    >>> s = gb2312_plus(); len(s) > 7445, ord("翀") in s, ord("——"[0]) in s
    (True, False, True)
    """
    cps: set[int] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                ch = bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            cps.add(ord(ch))
    for lo, hi in _EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    return frozenset(cps)


def _fc_list() -> list[tuple[str, int, list[str], list[str]]]:
    """(file, face index, families, styles) of every font fontconfig knows."""
    try:
        out = subprocess.run(
            ["fc-list", "-f", "%{file}\t%{index}\t%{family}\t%{style}\n"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise RenderError(f"fc-list failed ({e}) — install fontconfig (tools/setup_fonts.sh)") from None
    rows = []
    for line in sorted(out.splitlines()):  # sorted: fc-list order is not stable
        parts = line.split("\t")
        if len(parts) == 4 and parts[1].isdigit():
            rows.append((parts[0], int(parts[1]), parts[2].split(","), parts[3].split(",")))
    return rows


def locate(source: Source, fonts: Sequence[tuple[str, int, list[str], list[str]]]) -> tuple[str, int]:
    """The real path and face index of ``source`` among fontconfig's fonts."""
    for file, index, families, styles in fonts:
        if source.family in families and source.style in styles:
            # fonts-hanazono is also reachable through a Debian alternatives symlink
            return os.path.realpath(file), index
    raise RenderError(
        f"font {source.family} {source.style} not found by fontconfig — run tools/setup_fonts.sh"
    )


# The blocks of Chinese characters a full conversion keeps (Source.full): radicals, CJK
# symbols, Bopomofo, Extension A, the unified ideographs, compatibility ideographs and
# whatever the font has of Extension B and beyond.
_CJK_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)


def _stamp(path: str, index: int, full: bool = False) -> dict[str, Any]:
    st = os.stat(path)
    stamp = {"source": path, "index": index, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "recipe": RECIPE}
    return {**stamp, "full": True} if full else stamp


def _convert(src: str, index: int, out: str, full: bool = False) -> float:
    """Subset ``src`` (face ``index``) to :func:`gb2312_plus` (``full``: and every
    character of ``_CJK_RANGES`` it has), convert CFF → glyf, save ``out``.

    The otf2ttf recipe from fontTools' snippets (fonts.md §5): Cu2Qu at 1 unit max
    error with reversed contours, ``hmtx`` lsb = xMin, maxp 1.0, ``post`` format 3
    (CID fonts would otherwise carry tens of thousands of ``cidNNNNN`` names).  GSUB/GPOS
    are dropped (``layout_features=[]``): reportlab does no shaping, and keeping them
    doubles the glyph count.  Returns the seconds it took.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    t0 = time.perf_counter()
    font = TTFont(src, fontNumber=index, recalcTimestamp=False)  # same bytes on every machine
    opts = subset.Options()
    opts.layout_features = []
    opts.desubroutinize = True
    opts.hinting = False
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.drop_tables += ["VORG", "DSIG"]
    subsetter = subset.Subsetter(opts)
    keep = set(gb2312_plus())
    if full:
        keep |= {cp for cp in font.getBestCmap() if any(lo <= cp <= hi for lo, hi in _CJK_RANGES)}
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    if full:
        # reportlab keeps one face per PostScript name: the full conversion of a face
        # converted as GB2312 too needs a name of its own, or it is never loaded
        for record in font["name"].names:
            if record.nameID == 6:
                record.string = f"{record.toUnicode()}-Full"

    if "CFF " in font:
        glyph_set = font.getGlyphSet()
        order = font.getGlyphOrder()
        glyphs = {}
        for name in order:
            tt_pen = TTGlyphPen(glyph_set)
            glyph_set[name].draw(Cu2QuPen(tt_pen, 1.0, reverse_direction=True))
            glyphs[name] = tt_pen.glyph()
        font["loca"] = newTable("loca")
        glyf = font["glyf"] = newTable("glyf")
        glyf.glyphOrder = order
        glyf.glyphs = glyphs
        del font["CFF "]
        glyf.compile(font)
        hmtx = font["hmtx"]
        for name, g in glyphs.items():
            if hasattr(g, "xMin"):
                hmtx[name] = (hmtx[name][0], g.xMin)
        maxp = font["maxp"] = newTable("maxp")
        maxp.tableVersion = 0x00010000
        maxp.maxZones = 1
        for attr in (
            "maxTwilightPoints",
            "maxStorage",
            "maxFunctionDefs",
            "maxInstructionDefs",
            "maxStackElements",
            "maxSizeOfInstructions",
            "maxComponentElements",
        ):
            setattr(maxp, attr, 0)
        maxp.compile(font)
        post = font["post"]
        post.formatType = 3.0
        post.extraNames = []
        post.mapping = {}
        post.glyphOrder = None
        font["head"].glyphDataFormat = 0
        font.sfntVersion = "\x00\x01\x00\x00"
    tmp = out + ".tmp"
    font.save(tmp)
    os.replace(tmp, out)  # atomic: an interrupted run never leaves a half-written font
    return time.perf_counter() - t0


def _em_dash_mid(path: str, index: int) -> float | None:
    """Vertical centre of U+2014's ink in em (page numbers put the 一字线 at 7 mm)."""
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:  # closed: no stray open file
        name = font.getBestCmap().get(0x2014)
        if name is None:
            return None
        glyph = font["glyf"][name]
        glyph.recalcBounds(font["glyf"])
        upem: int = font["head"].unitsPerEm
        mid: float = round((glyph.yMin + glyph.yMax) / 2 / upem, 4)
    return mid


def prepare(directory: Path | None = None, *, workers: int = 2, log: Any = sys.stderr) -> dict[str, Any]:
    """Make ``directory`` (default :func:`font_dir`) hold the whole stack and its manifest.

    Idempotent: fonts whose source and recipe are unchanged are kept.  Conversions run
    in ``workers`` processes.  Returns the manifest written.
    """
    directory = directory or font_dir()
    directory.mkdir(parents=True, exist_ok=True)
    old: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        old = json.loads((directory / MANIFEST).read_text(encoding="utf-8")).get("fonts", {})
    found = _fc_list()
    entries: dict[str, dict[str, Any]] = {}
    jobs: list[tuple[str, str, int, str, bool]] = []
    for source in SOURCES:
        path, index = locate(source, found)
        stamp = _stamp(path, index, source.full)
        if not source.convert:
            entries[source.name] = {"file": path, "subfont": index, **stamp}
            continue
        ttf = directory / f"{source.name}.ttf"
        entries[source.name] = {"file": ttf.name, "subfont": 0, **stamp}
        prev = old.get(source.name, {})
        # "full" compared whether or not the new stamp has it: a font once converted full
        # and now wanted as GB2312 is converted again
        if ttf.is_file() and all(prev.get(k) == stamp.get(k) for k in {*stamp, "full"}):
            continue
        jobs.append((source.name, path, index, str(ttf), source.full))
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:  # one job (or one core): no process pool to start
        for name, src, idx, out, full in jobs:
            print(f"converting {name} to TrueType…", file=log)
            print(f"  {name}.ttf  {_convert(src, idx, out, full):.1f} s", file=log)
    elif jobs:
        print(f"converting {len(jobs)} fonts to TrueType in {workers} processes…", file=log)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [
                (name, pool.submit(_convert, src, idx, out, full)) for name, src, idx, out, full in jobs
            ]
            for name, fut in futures:
                print(f"  {name}.ttf  {fut.result():.1f} s", file=log)
    for name, e in entries.items():
        file = directory / e["file"]
        if "em_dash_mid" not in old.get(name, {}) or any(old[name].get(k) != e[k] for k in e):
            e["em_dash_mid"] = _em_dash_mid(str(file), e["subfont"])
        else:
            e["em_dash_mid"] = old[name]["em_dash_mid"]
    manifest = {"recipe": RECIPE, "fonts": entries}
    tmp = directory / (MANIFEST + ".tmp")
    tmp.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    os.replace(tmp, directory / MANIFEST)
    # the run-time cache of every font (metrics, cmap, glyph offsets: fonts.FontData), so
    # that no process parses a font again
    for info in load_manifest(directory).values():
        prepare_cache(info, directory / f"{info.name}{CACHE_SUFFIX}")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pipeline.render.fontsetup prepare [DIR]`` — the set-up entry point."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "prepare" or len(args) > 2:
        print("usage: python -m pipeline.render.fontsetup prepare [DIR]", file=sys.stderr)
        return 2
    directory = Path(args[1]) if len(args) == 2 else font_dir()
    t0 = time.perf_counter()
    try:
        prepare(directory, workers=min(2, os.cpu_count() or 1))
    except RenderError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"fonts ready in {directory} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
