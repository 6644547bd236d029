"""Text → lines: the unit the cleaning rules look at.

``Line.text`` is raw (what ``removed`` reports); ``Line.key`` is the matching form
(NFKC, whitespace removed) that rules test, so ``当前位置:`` and ``当前位置：`` match alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """The matching form: NFKC, every whitespace character dropped.

    >>> fold("当前位置: 首页 ›  新闻")
    '当前位置:首页›新闻'
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty input line."""

    no: int  # 1-based line number in the decoded text
    text: str  # raw, stripped of surrounding whitespace
    gap_before: bool = False  # a blank line (or more) precedes it
    key: str = field(default="", compare=False)
    boundary: bool = False  # a cleaning rule marked an article start here (e.g. 【篇二】)

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", fold(self.text))


def split_lines(text: str) -> tuple[Line, ...]:
    """Non-blank lines of ``text`` with their numbers; blank lines become ``gap_before``.

    >>> [(ln.no, ln.text, ln.gap_before) for ln in split_lines("甲\\n\\n 乙 \\n丙")]
    [(1, '甲', False), (3, '乙', True), (4, '丙', False)]
    """
    out: list[Line] = []
    gap = False
    for no, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            gap = bool(out)
            continue
        out.append(Line(no, stripped, gap))
        gap = False
    return tuple(out)
