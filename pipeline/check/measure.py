"""Small shared pieces of the checks: tolerances, text widths, finding collection.

The tolerances are the standard's own where it gives one (±1 mm for 天头/订口 and the
版心, STD 5.2.1 and 6.1) and otherwise the smallest that real renderers stay within
(stated with each); the wanted values come from :mod:`pipeline.render.style`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from pipeline.check.findings import Finding, Where
from pipeline.render import style

MM_TOL = 1 * style.MM  # ±1 mm: 天头 37±1, 订口 28±1 (STD 5.2.1), 版心 error ≤ 1 mm (STD 6.1)
PAPER_TOL = 0.5 * style.MM  # paper size: a rounding of the twips, not a tolerance of the standard
SIZE_TOL = 0.3  # pt: 号 sizes are whole or half points; a PDF's text matrix rounds a little
CHAR_TOL = 0.25  # characters: an indent of 2 字 written in twips of another character width
POSITION_TOL_CHARS = 0.5  # characters: where a line starts or ends on the page
PITCH_TOL = 0.1  # pt: line pitch 28.95 written as 579 twips or measured off a PDF


def mm(points: float) -> str:
    """``37.0 mm`` from points (one decimal).

    >>> mm(style.PAGE.top)
    '37.0 mm'
    """
    return f"{points / style.MM:.1f} mm"


def pt(points: float) -> str:
    """``28.95 pt`` (at most two decimals, no trailing zeros).

    >>> pt(28.95), pt(16.0), pt(15.7500001)
    ('28.95 pt', '16 pt', '15.75 pt')
    """
    return f"{points:.2f}".rstrip("0").rstrip(".") + " pt"


def chars(n: float) -> str:
    """``2 字``, ``1.5 字``.

    >>> chars(2.0), chars(0.5)
    ('2 字', '0.5 字')
    """
    return f"{n:.1f}".removesuffix(".0") + " 字"


def width_in_chars(text: str) -> float:
    """Printed width in 字: CJK characters and full-width marks one, ASCII half.

    >>> width_in_chars("2024年3月5日"), width_in_chars("XX县人民政府")
    (6.0, 6.0)
    """
    return sum(0.5 if unicodedata.east_asian_width(c) in ("N", "Na", "H") else 1.0 for c in text if c != "\n")


class Findings:
    """Collects findings; the same defect on many paragraphs becomes one finding at
    the first place, with "+N more" (a DOCX of 300 wrong paragraphs says so once)."""

    def __init__(self) -> None:
        self._items: list[Finding] = []
        self._seen: dict[tuple[str, str, str, str], tuple[int, int]] = {}

    def add(self, code: str, where: Where, found: str, wanted: str, group: str = "") -> None:
        key = (code, found, wanted, group)
        if group and key in self._seen:
            i, n = self._seen[key]
            self._seen[key] = (i, n + 1)
            return
        self._items.append(Finding(code, where, found, wanted))
        if group:
            self._seen[key] = (len(self._items) - 1, 0)

    def __iter__(self) -> Iterator[Finding]:
        more = {i: n for i, n in self._seen.values() if n}
        for i, f in enumerate(self._items):
            if i in more:
                label = f"+{more[i]} more"
                part = f"{f.where.part} {label}".strip()
                yield replace(f, where=replace(f.where, part=part))
            else:
                yield f
