"""Limits and line shapes the structure steps share (named data, habit 5 in style.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Table
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import HAN, title_like

TITLE_MAX = 50  # a title longer than this is a sentence
GLUED_BODY_MIN = 20  # a title glued to its body by a space: the body is at least this long
FLATTENED_MIN_SPACES = 2
OWN_TITLE_EXTRA = 6  # "新形势下基层党建工作" + "初探": a journal title seen again, longer
BULLETS = "■□●◆◇★☆▲△◎○►▶"
_SPACE_IN_HAN = re.compile(rf"[{HAN}，。、；：？！”）:,;?!)]\s+[{HAN}“（(]")


@dataclass(slots=True)
class Piece:
    """A piece of a source line: the unit blocks are made of."""

    text: str
    no: int
    new_line: bool  # starts a source line (so a page break may have split it from the last)
    whole_line: bool  # is a whole source line
    gap_before: bool
    table: Table | None = None  # a table found before cleaning stands here (text "")


def flattened(text: str) -> bool:
    """A paragraph run flattened into one line: spaces standing for line breaks."""
    return len(text) >= 60 and len(_SPACE_IN_HAN.findall(text)) >= FLATTENED_MIN_SPACES


def title_candidate(text: str) -> bool:
    """A line that may be a title: title-shaped and not a numbered heading."""
    return title_like(text, TITLE_MAX) and parse_marker(text) is None


def own_title_at(text: str, title: str) -> int:
    """Length of the article's title, lengthened by a few characters, at the start of
    ``text`` and followed by a space ("新形势下基层党建工作初探 张自亮…"), or 0."""
    if not title or not text.startswith(title):
        return 0
    word = text.split(None, 1)[0]
    extra = len(word) - len(title)
    if 0 < extra <= OWN_TITLE_EXTRA and len(word) < len(text.rstrip()) + 1 and title_like(word, TITLE_MAX):
        return len(word)
    return 0
