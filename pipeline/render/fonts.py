"""The PDF font stack at run time: registration with reportlab and per-character fallback.

The stack is prepared once at set-up by :mod:`pipeline.render.fontsetup` (``python -m
pipeline.render.fontsetup prepare``, called by ``tools/setup_fonts.sh``), which writes the
converted fonts and ``manifest.json`` into :func:`font_dir`; this module only reads that
manifest, so rendering never shells out to fontconfig (``shared/fonts.md`` has the
measurements).

:func:`register_fonts` registers every font of the manifest with reportlab once per
process; :func:`with_fallback` splits a text into runs of the wanted face and runs of the
first fallback font (``style.FALLBACKS``) that has the characters the face lacks.
reportlab itself never falls back: a missing glyph is drawn as a box and *dropped from
the text layer* (fonts.md §4), so this module is what keeps every character visible and
extractable.  Characters no font has are returned to the caller, never silently dropped.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
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


# Slowest conversion first so two workers finish together (fonts.md §5: Fandol 27 s,
# Noto Serif Bold 17 s, Noto Serif 16 s, Noto Sans 10 s).
SOURCES: tuple[Source, ...] = (
    Source(style.FANGSONG.pdf, "FandolFang", "Regular", convert=True),
    Source(style.XIAOBIAOSONG.pdf, "Noto Serif CJK SC", "Bold", convert=True),
    Source(style.SONGTI.pdf, "Noto Serif CJK SC", "Regular", convert=True),
    Source(style.HEITI.pdf, "Noto Sans CJK SC", "Regular", convert=True),
    Source(style.KAITI.pdf, "AR PL UKai CN", "Book", convert=False),
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


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ``ttfonts.makeToUnicodeCMap`` with characters beyond the BMP fixed.

    reportlab writes each destination as ``<%04X>``, so U+20000 (CJK Ext B, which
    HanaMinB supplies) becomes the invalid ``<20000>`` and the character vanishes from
    the text layer.  A ToUnicode destination is UTF-16BE (PDF 1.7 §9.10.3), so a
    supplementary character must be written as its surrogate pair, ``<D840DC00>``.

    >>> "<01> <D840DC00>" in _to_unicode_cmap("F", [0x4E00, 0x20000])
    True
    """

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@cache
def _register(directory: Path) -> dict[str, FontInfo]:
    from reportlab.pdfbase import ttfonts

    # The one patch we apply to reportlab (see _to_unicode_cmap): module-level, because
    # TTFont.addObjects looks the function up in its module on every document.
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    infos = load_manifest(directory)
    for info in infos.values():
        if info.name not in _ON_DEMAND:
            _register_one(info)
    return infos


# the big rare-character fonts are parsed only when a text needs them (0.15 s a process)
_ON_DEMAND = frozenset({"HanaMinA", "HanaMinB"})


def _register_one(info: FontInfo) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        pdfmetrics.registerFont(TTFont(info.name, str(info.path), subfontIndex=info.subfont))
    except (TTFError, OSError) as e:
        raise RenderError(f"{_NOT_PREPARED} ({info.path}: {e})") from None


def register_fonts() -> dict[str, FontInfo]:
    """Register the prepared stack with reportlab (once per process and font directory).

    Raises :class:`~pipeline.errors.RenderError` when set-up has not been run.
    """
    return _register(font_dir())


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


@cache
def _cmap(name: str) -> Mapping[int, int]:
    from reportlab.pdfbase import pdfmetrics

    if name in _ON_DEMAND and name not in pdfmetrics.getRegisteredFontNames():
        _register_one(register_fonts()[name])

    cmap: Mapping[int, int] = pdfmetrics.getFont(name).face.charToGlyph
    return cmap


def has_glyph(font: str, ch: str) -> bool:
    """Whether the registered ``font`` maps ``ch`` to a real glyph (not .notdef)."""
    return _cmap(font).get(ord(ch), 0) != 0


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


def with_fallback(
    text: str,
    face: str,
    fallbacks: Iterable[str] = style.FALLBACKS,
    *,
    latin: str = "",
    dash: str = "",
) -> Fallback:
    """Split ``text`` into runs of ``face`` and of the first fallback that has a character.

    ``latin`` (when given) sets printable ASCII, as the DOCX's ``w:ascii`` font does, and
    ``dash`` sets U+2014 (a face whose dash does not meet its cell edges).  Characters
    that no font has stay in ``face`` (drawn as its .notdef box, so the gap is visible)
    and are listed in ``missing`` for the caller to report.  Call :func:`register_fonts`
    first.
    """
    chain = (face, *fallbacks)
    runs: list[Run] = []
    missing: dict[str, None] = {}
    cur_font, cur = face, list[str]()
    for ch in text:
        if latin and _is_latin(ch):
            font: str | None = latin
        elif dash and ch == "\u2014":
            font = dash
        else:
            font = next((f for f in chain if has_glyph(f, ch)), None)
        if font is None:
            if not ch.isspace() and not invisible(ch):
                missing[ch] = None
            font = face
        if font != cur_font and cur:
            runs.append(Run(cur_font, "".join(cur)))
            cur = []
        cur_font = font
        cur.append(ch)
    if cur:
        runs.append(Run(cur_font, "".join(cur)))
    return Fallback(tuple(runs), "".join(missing))
