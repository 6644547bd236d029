"""What a reader of a structured format knows, as structure uses it (:class:`~pipeline.model.Hint`).

Markdown, Word and PDF readers know things a plain text only suggests: which line is
the title, which a heading and how deep, where a bold lead ends, which lines are list
items or table rows.  They hand that over as :class:`~pipeline.model.Hints`, one per
input line, and the structure stage honours it here: a hinted line is never split
into pieces, never taken for a continuation, and becomes the block its hint says.
What the hint does not say is still read from the text: the numbering marker in a
hinted heading sets its 公文 level (一、 is level 1 whatever the Markdown depth), so a
draft that types "一、" inside a ``##`` comes out like a text file that has it.

The table rows of a hint carry their cells as read; the cells of the row as kept are
taken from the line (cleaning may have cut from it), split at the tabs the reader
joined them with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.model import Cell, Hint, Hints, Table
from pipeline.structure.common import Piece
from pipeline.text.lines import Line
from pipeline.text.normalize import normalize

# what the readers join a table row's cells with (decode never leaves a tab elsewhere)
CELL_SEPARATOR = "\t"


def whole_line(line: Line, hints: Hints) -> Piece | None:
    """A hinted line as one piece (a heading, an item or a table row is never split at
    its spaces), or None when the line has no hint that fixes its block."""
    hint = hints.at(line.no)
    if hint is None:
        return None
    # a known paragraph break: the piece never continues the line before
    return Piece(line.text, line.no, not hints.paragraphs, True, line.gap_before)


def article_starts(lines: Sequence[Line], hints: Hints) -> list[int]:
    """Indexes of the lines that open a document, when the reader named the titles
    (always 0 first); empty when it named none (the text then decides)."""
    titles = set(hints.titles())
    if not titles:
        return []
    starts = [0]
    seen: set[int] = set()
    for i, line in enumerate(lines):
        if line.no in titles and line.no not in seen and i:
            starts.append(i)
        seen.add(line.no)
    return starts


@dataclass(slots=True)
class HintReader:
    """Hands each hint out once (cleaning may split a line in two: the hint is the
    first part's) and keeps track of the table being built."""

    hints: Hints
    used: set[int] = field(default_factory=set)
    table: int = 0  # the group of the table the last block is, 0 for none

    def take(self, p: Piece) -> Hint | None:
        if not p.text or p.no in self.used:
            return None
        hint = self.hints.at(p.no)
        if hint is not None:
            self.used.add(p.no)
        return hint


def row_cells(hint: Hint, text: str) -> tuple[Cell, ...]:
    """The cells of a table row as kept: the hint's spans, the texts from the line.

    >>> h = Hint(1, "table", cells=(Cell("甲"), Cell("乙", colspan=2)))
    >>> [(c.text, c.colspan) for c in row_cells(h, "甲\\t乙")]
    [('甲', 1), ('乙', 2)]

    An empty cell the line lost at its start keeps its place; a row whose cells no
    longer line up with the hint keeps its text in the cells it has.

    >>> [c.text for c in row_cells(Hint(1, "table", cells=(Cell(""), Cell("乙"))), "乙")]
    ['', '乙']
    >>> [c.text for c in row_cells(h, "乙")]
    ['乙']
    """
    parts = [normalize(t) for t in text.split(CELL_SEPARATOR)]
    cells = hint.cells
    if len(parts) == len(cells):
        return tuple(Cell(t, c.rowspan, c.colspan) for t, c in zip(parts, cells, strict=True))
    # the line was stripped of its empty cells at either end, or a cut took a tab
    filled = [i for i, c in enumerate(cells) if c.text.strip()]
    if len(parts) == len(filled):
        texts = dict(zip(filled, parts, strict=True))
        return tuple(Cell(texts.get(i, ""), c.rowspan, c.colspan) for i, c in enumerate(cells))
    return tuple(Cell(t) for t in parts)


def add_row(table: Table | None, hint: Hint, text: str) -> Table:
    """``table`` with the row of ``hint`` added (a new table when ``table`` is None)."""
    row = row_cells(hint, text)
    if table is None:
        return Table((row,), header_rows=1 if hint.row < hint.header_rows else 0)
    rows = (*table.rows, row)
    header = table.header_rows
    if hint.row < hint.header_rows and header == len(table.rows):
        header += 1
    return Table(rows, header, table.caption)
