"""The PDF font stack at run time: the font cache and per-character fallback.

The stack is prepared once at set-up by :mod:`pipeline.render.fontsetup` (``python -m
pipeline.render.fontsetup prepare``, called by ``tools/setup_fonts.sh``), which writes the
converted fonts, ``manifest.json`` and one cache file per font (``<name>.gwcache``:
reportlab's metrics of it, its cmap and its glyph offsets, marshalled — read in a few
milliseconds, where parsing the fonts took 0.12 s a process); this module only reads
them, so rendering never shells out to fontconfig or parses a font (``shared/fonts.md``
has the measurements).  A cache file that is missing or older than its font is rebuilt
on first use.

:func:`register_fonts` checks the stack once per process; :func:`font_data` is one
font's cache; :func:`with_fallback` splits a text into runs of the wanted face and runs
of the first fallback font (``style.FALLBACKS``) that has the characters the face lacks.
A PDF font never falls back by itself: a missing glyph is drawn as a box and *dropped
from the text layer* (fonts.md §4), so this module is what keeps every character visible
and extractable.  Characters no font has are returned to the caller, never silently
dropped.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from pipeline.errors import RenderError
from pipeline.render import style

MANIFEST = "manifest.json"
# Bump when the conversion (pipeline.render.fontsetup) changes: every converted font is then redone.
RECIPE = 2
_NOT_PREPARED = "fonts not prepared — run `make fonts`"


@dataclass(frozen=True, slots=True)
class Source:
    """One font of the stack: the reportlab name (``style.Face.pdf``) and how to find it."""

    name: str  # reportlab font name == file stem in font_dir() for converted fonts
    family: str  # fontconfig family
    style: str  # fontconfig style
    convert: bool  # CFF → TrueType at set-up; False: a TrueType file loaded in place
    full: bool = False  # converted with every Chinese character it has, not GB2312's only
    # Chinese characters advance one em whatever the font says: cwTeX 仿宋體 advances them
    # 0.92 em, and set among FandolFang's on the 仿宋 grid each must take a full 字 cell
    # (the PDF's width array says so; the glyph keeps its own outline)
    em_grid: bool = False


# Slowest conversion first so two workers finish together (fonts.md §5: Fandol 27 s,
# Noto Serif Bold 17 s, Noto Serif 16 s, Noto Sans 10 s; a full conversion, four times
# the glyphs, takes about a minute: Noto Serif Regular for rare characters, and the
# 小标宋 Bold and 黑体 Sans for Traditional ones, each loaded only when a text needs it).
SOURCES: tuple[Source, ...] = (
    # rare characters (臵, 忥, 翀) before any Japanese face: a Chinese face's forms
    Source(style.RARE_PDF, "Noto Serif CJK SC", "Regular", convert=True, full=True),
    # the title's and 黑体's Traditional characters (a reprinted 繁體 notice) in their face
    Source(style.XIAOBIAOSONG_FULL_PDF, "Noto Serif CJK SC", "Bold", convert=True, full=True),
    Source(style.HEITI_FULL_PDF, "Noto Sans CJK SC", "Regular", convert=True, full=True),
    Source(style.FANGSONG.pdf, "FandolFang", "Regular", convert=True),
    Source(style.XIAOBIAOSONG.pdf, "Noto Serif CJK SC", "Bold", convert=True),
    Source(style.SONGTI.pdf, "Noto Serif CJK SC", "Regular", convert=True),
    Source(style.HEITI.pdf, "Noto Sans CJK SC", "Regular", convert=True),
    Source(style.KAITI.pdf, "AR PL UKai CN", "Book", convert=False),
    Source(style.FANGSONG_TRADITIONAL_PDF, "cwTeXFangSong", "Medium", convert=False, em_grid=True),
    Source("HanaMinA", "HanaMinA", "Regular", convert=False),
    Source("HanaMinB", "HanaMinB", "Regular", convert=False),
    Source(style.LATIN_PDF, "Liberation Serif", "Regular", convert=False),
)


def font_dir() -> Path:
    """Where prepared fonts live: ``$GONGWEN_FONT_DIR``, else ``~/.cache/gongwen/fonts``."""
    env = os.environ.get("GONGWEN_FONT_DIR")
    return Path(env) if env else Path.home() / ".cache" / "gongwen" / "fonts"


# ---------------------------------------------------------------- run time


@dataclass(frozen=True, slots=True)
class FontInfo:
    """A registered font: where it was loaded from and the metric set-up measured."""

    name: str
    path: Path
    subfont: int
    em_dash_mid: float | None  # centre of U+2014's ink above the baseline, in em


def load_manifest(directory: Path) -> dict[str, FontInfo]:
    """Read ``manifest.json``; :class:`RenderError` if it or a font file is missing."""
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RenderError(f"{_NOT_PREPARED} (no readable {directory / MANIFEST})") from None
    fonts: Mapping[str, Any] = data.get("fonts", {}) if isinstance(data, dict) else {}
    infos: dict[str, FontInfo] = {}
    for source in SOURCES:
        e = fonts.get(source.name)
        if not isinstance(e, dict) or data.get("recipe") != RECIPE:
            raise RenderError(f"{_NOT_PREPARED} ({source.name} missing or from an older recipe)")
        path = directory / str(e["file"])
        if not path.is_file():
            raise RenderError(f"{_NOT_PREPARED} ({path} is gone)")
        infos[source.name] = FontInfo(source.name, path, int(e.get("subfont", 0)), e.get("em_dash_mid"))
    return infos


# ---------------------------------------------------------------- the font cache

# Bump when what a cache file holds changes: every cache file is then rebuilt (in a
# second or two, from the font itself; the TrueType conversion is not redone).
CACHE_VERSION = 2  # 2: cwTeX 仿宋體 on the em grid (Source.em_grid)
CACHE_SUFFIX = ".gwcache"
# the tables a subset copies as they are (reportlab's subsets keep the same ones);
# glyf, loca, hmtx, head, hhea, maxp and post are made for each subset
_COPIED = ("OS/2", "cvt ", "fpgm", "name", "prep")


@dataclass(frozen=True, slots=True)
class FontData:
    """One font of the stack as the PDF renderer needs it, loaded from its cache file.

    The metrics are reportlab's (``TTFontFile``), so lines break exactly as they did when
    reportlab measured them: ``widths`` is its ``charWidths`` (advance in 1/1000 em per
    code point), ``cmap`` its ``charToGlyph`` (glyph 0 never listed).  The rest is what
    :mod:`pipeline.render.pdfwrite` makes a subset of: the glyph table's offset in the
    font file, ``loca`` (glyph offsets in it), each glyph's checksum padded to 4 bytes,
    the parts of composite glyphs, the full ``hmtx`` and the fixed tables.
    """

    name: str
    ps_name: str  # the PostScript name (FontName/BaseFont after the subset tag)
    path: str
    cmap: dict[int, int]
    widths: dict[int, float]
    default_width: float
    ascent: float
    descent: float
    cap_height: float
    bbox: tuple[float, float, float, float]
    italic_angle: float
    stem_v: int
    flags: int
    glyf_offset: int
    loca: tuple[int, ...]
    sums: tuple[int, ...]
    components: dict[int, tuple[int, ...]]
    hmtx: bytes  # (advance, lsb) for every glyph, big-endian
    head: bytes
    hhea: bytes
    maxp: bytes
    post: bytes  # format 3 (no glyph names)
    copied: tuple[tuple[str, bytes], ...]  # _COPIED tables the font has


def _checksum(data: bytes) -> int:
    """The TrueType table checksum: the sum of big-endian uint32 words, zero-padded."""
    import struct

    data += b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(data) // 4}I", data)
    return sum(words) & 0xFFFFFFFF


def _components(glyph: bytes) -> tuple[int, ...]:
    """The glyph ids a composite glyph is made of (empty for a simple glyph)."""
    import struct

    if len(glyph) < 10 or struct.unpack(">h", glyph[:2])[0] >= 0:
        return ()
    out = []
    pos = 10
    while True:
        flags, gid = struct.unpack(">HH", glyph[pos : pos + 4])
        out.append(gid)
        pos += 4 + (4 if flags & 0x0001 else 2)
        pos += 8 if flags & 0x0080 else 4 if flags & 0x0040 else 2 if flags & 0x0008 else 0
        if not flags & 0x0020:
            return tuple(out)


def build_cache(info: FontInfo) -> dict[str, Any]:
    """The cache file's content for ``info``: reportlab parses the font once (at set-up),
    so run time never does."""
    import struct

    from reportlab.pdfbase.ttfonts import TTFontFile

    ttf = TTFontFile(str(info.path), subfontIndex=info.subfont)
    raw = info.path.read_bytes()
    tables = {tag: raw[t["offset"] : t["offset"] + t["length"]] for tag, t in ttf.table.items()}
    glyf_offset = ttf.table["glyf"]["offset"]
    loca = list(ttf.glyphPos)
    glyf = tables["glyf"]
    sums, components = [], {}
    for gid in range(len(loca) - 1):
        g = glyf[loca[gid] : loca[gid + 1]]
        sums.append(_checksum(g))
        parts = _components(g)
        if parts:
            components[gid] = parts
    # hmtx with an (advance, lsb) pair for every glyph: glyphs past numberOfHMetrics take
    # the last advance (a subset keeps every pair, so it can cut the table anywhere)
    n_glyphs = len(loca) - 1
    n_metrics = struct.unpack(">H", tables["hhea"][34:36])[0]
    raw_hmtx = tables["hmtx"]
    last_aw = raw_hmtx[4 * n_metrics - 4 : 4 * n_metrics - 2]
    lsbs = raw_hmtx[4 * n_metrics :]
    hmtx = raw_hmtx[: 4 * n_metrics] + b"".join(
        last_aw + lsbs[2 * i : 2 * i + 2] for i in range(n_glyphs - n_metrics)
    )
    post = b"\x00\x03\x00\x00" + tables["post"][4:16] + b"\x00" * 16
    return {
        "version": CACHE_VERSION,
        "stamp": _font_stamp(info),
        "name": info.name,
        "ps_name": ttf.name.decode("latin-1") if isinstance(ttf.name, bytes) else str(ttf.name),
        "path": str(info.path),
        "cmap": dict(ttf.charToGlyph),
        "widths": _on_em_grid(dict(ttf.charWidths)) if info.name in _EM_GRID else dict(ttf.charWidths),
        "default_width": ttf.defaultWidth,
        "ascent": ttf.ascent,
        "descent": ttf.descent,
        "cap_height": ttf.capHeight,
        "bbox": tuple(ttf.bbox),
        "italic_angle": ttf.italicAngle,
        "stem_v": ttf.stemV,
        "flags": ttf.flags,
        "glyf_offset": glyf_offset,
        "loca": tuple(loca),
        "sums": tuple(sums),
        "components": components,
        "hmtx": hmtx,
        "head": tables["head"],
        "hhea": tables["hhea"],
        "maxp": tables["maxp"],
        "post": post,
        "copied": tuple((tag, tables[tag]) for tag in _COPIED if tag in tables),
    }


_EM_GRID = frozenset(s.name for s in SOURCES if s.em_grid)
# what takes a full 字 cell: CJK punctuation, the ideographs and their extensions, the
# compatibility ideographs and the full-width forms
_EM_RANGES = ((0x2E80, 0x303F), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xFF01, 0xFF60), (0x20000, 0x3134F))


def _on_em_grid(widths: dict[int, float]) -> dict[int, float]:
    """``widths`` (1/1000 em) with every character of :data:`_EM_RANGES` one em wide."""
    return {cp: 1000.0 if any(lo <= cp <= hi for lo, hi in _EM_RANGES) else w for cp, w in widths.items()}


def _font_stamp(info: FontInfo) -> tuple[object, ...]:
    st = info.path.stat()
    return (CACHE_VERSION, str(info.path), info.subfont, st.st_size, st.st_mtime_ns)


def cache_path(info: FontInfo) -> Path:
    """Where ``info``'s cache file lives: beside the manifest, ``<name>.gwcache``."""
    return font_dir() / f"{info.name}{CACHE_SUFFIX}"


def write_cache(info: FontInfo, path: Path | None = None) -> dict[str, Any]:
    """Build ``info``'s cache file and write it atomically; returns its content."""
    import marshal

    data = build_cache(info)
    path = path or cache_path(info)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(marshal.dumps(data))
    os.replace(tmp, path)
    return data


def _read_cache(info: FontInfo, path: Path) -> dict[str, Any] | None:
    """The cache file's content, or None when it is missing, damaged or made from another
    font file or an older :data:`CACHE_VERSION`."""
    import marshal

    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("stamp") == _font_stamp(info) else None


def prepare_cache(info: FontInfo, path: Path) -> None:
    """Write ``info``'s cache file at ``path`` unless an up-to-date one is there (set-up)."""
    if _read_cache(info, path) is None:
        write_cache(info, path)


@cache
def _load_cache(info: FontInfo) -> dict[str, Any]:
    """The cache file's content (read once per process: :func:`register_fonts` checks
    it, :func:`font_data` uses it); rebuilt (and rewritten when the folder allows) when
    :func:`_read_cache` finds none."""
    data = _read_cache(info, cache_path(info))
    if data is not None:
        return data
    try:
        return write_cache(info)
    except OSError:  # a read-only font folder: build it in memory, every process
        return build_cache(info)
    except Exception as e:  # reportlab's TTFError and a damaged font file alike
        raise RenderError(f"{_NOT_PREPARED} ({info.path}: {e})") from None


@cache
def font_data(name: str) -> FontData:
    """The cached data of the stack's font ``name`` (loaded once per process)."""
    info = register_fonts().get(name)
    if info is None:
        raise RenderError(f"{_NOT_PREPARED} (no font {name!r} in the manifest)")
    d = _load_cache(info)
    return FontData(**{k: v for k, v in d.items() if k not in ("version", "stamp")})


@cache
def _register(directory: Path) -> dict[str, FontInfo]:
    infos = load_manifest(directory)
    for info in infos.values():
        if info.name not in _ON_DEMAND:
            _load_cache(info)  # a stale cache is rebuilt now, once, not in the middle of a render
    return infos


# the big fallback fonts (rare and Traditional characters) are parsed only when a text
# needs them (0.15 s and 30 MB a process)
_ON_DEMAND = frozenset(
    {
        style.RARE_PDF,
        style.XIAOBIAOSONG_FULL_PDF,
        style.HEITI_FULL_PDF,
        style.FANGSONG_TRADITIONAL_PDF,
        "HanaMinA",
        "HanaMinB",
    }
)


def register_fonts() -> dict[str, FontInfo]:
    """Check the prepared stack and its caches (once per process and font directory).

    Raises :class:`~pipeline.errors.RenderError` when set-up has not been run.
    """
    return _register(font_dir())


def register_with_reportlab() -> dict[str, FontInfo]:
    """Register the stack with reportlab's own font machinery, for tools that draw with a
    reportlab canvas (tools/build_format_fixtures.py); the renderer does not need it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    infos = register_fonts()
    for info in infos.values():
        if info.name in pdfmetrics.getRegisteredFontNames():
            continue
        try:
            pdfmetrics.registerFont(TTFont(info.name, str(info.path), subfontIndex=info.subfont))
        except (TTFError, OSError) as e:
            raise RenderError(f"{_NOT_PREPARED} ({info.path}: {e})") from None
    return infos


def char_width(font: str, ch: str, size: float) -> float:
    """The advance of ``ch`` in ``font`` at ``size`` pt, as reportlab's ``stringWidth``
    measures one character (its default width for a character the font lacks)."""
    d = font_data(font)
    return d.widths.get(ord(ch), d.default_width) * 0.001 * size


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text drawn in one font."""

    font: str
    text: str


@dataclass(frozen=True, slots=True)
class Fallback:
    """:func:`with_fallback`'s answer: the runs, and the characters no font has."""

    runs: tuple[Run, ...]
    missing: str  # in order of first appearance, each once


def _cmap(name: str) -> Mapping[int, int]:
    return font_data(name).cmap


def has_glyph(font: str, ch: str) -> bool:
    """Whether the registered ``font`` maps ``ch`` to a real glyph (not .notdef)."""
    return _cmap(font).get(ord(ch), 0) != 0


@cache
def invisible(ch: str) -> bool:
    """Controls, format characters (zero-width space, joiners, BOM) and combining marks such
    as the emoji variation selector U+FE0F: nothing to draw, nothing to report missing.

    >>> invisible("\u200d"), invisible("\ufe0f"), invisible("字")
    (True, True, False)
    """
    return unicodedata.category(ch) in ("Cc", "Cf", "Mn", "Me", "Zl", "Zp")


def _is_latin(ch: str) -> bool:
    """What Word sets in the ``w:ascii`` font: printable ASCII (letters, digits, marks, space)."""
    return " " <= ch <= "~"


class _Picker(dict[str, str]):
    """Which font sets each character, for one (face, fallbacks, latin, dash): decided
    once per character and process (:func:`with_fallback` is on the PDF renderer's hot
    path: one look-up a character, the runs grouped in C)."""

    __slots__ = ("chain", "dash", "face", "lacking", "latin")

    def __init__(self, face: str, fallbacks: tuple[str, ...], latin: str, dash: str) -> None:
        super().__init__()
        self.face, self.chain, self.latin, self.dash = face, (face, *fallbacks), latin, dash
        self.lacking: set[str] = set()  # visible characters no font of the chain has

    def __missing__(self, ch: str) -> str:
        if self.latin and " " <= ch <= "~":  # _is_latin
            font: str | None = self.latin
        elif self.dash and ch == "\u2014":
            font = self.dash
        else:
            font = next((f for f in self.chain if has_glyph(f, ch)), None)
        if font is None:
            if not ch.isspace() and not invisible(ch):
                self.lacking.add(ch)
            font = self.face
        self[ch] = font
        return font


@cache
def _picker(face: str, fallbacks: tuple[str, ...], latin: str, dash: str) -> _Picker:
    return _Picker(face, fallbacks, latin, dash)


def with_fallback(
    text: str,
    face: str,
    fallbacks: Iterable[str] | None = None,
    *,
    latin: str = "",
    dash: str = "",
) -> Fallback:
    """Split ``text`` into runs of ``face`` and of the first fallback that has a character
    (``fallbacks``: the face's own chain, :func:`style.fallbacks_for`, when not given).

    ``latin`` (when given) sets printable ASCII, as the DOCX's ``w:ascii`` font does, and
    ``dash`` sets U+2014 (a face whose dash does not meet its cell edges).  Characters
    that no font has stay in ``face`` (drawn as its .notdef box, so the gap is visible)
    and are listed in ``missing`` for the caller to report.  Call :func:`register_fonts`
    first.
    """
    chain = tuple(fallbacks) if fallbacks is not None else style.fallbacks_for(face)
    pick = _picker(face, chain, latin, dash)
    runs = tuple(Run(font, "".join(chars)) for font, chars in groupby(text, pick.__getitem__))
    lacking = pick.lacking
    missing = (
        "".join(dict.fromkeys(ch for ch in text if ch in lacking))
        if lacking and not lacking.isdisjoint(text)
        else ""
    )
    return Fallback(runs, missing)
