"""What both document renderers need of an article beyond the layout table: its blocks
grouped into the units the layout rules speak of.

GB/T 9704 lays out some elements as groups, not one block at a time: the speech bylines
under the title belong to the title block (before its blank line), consecutive
``attachment`` blocks are one 附件说明 (7.3.4), and the 署名, 成文日期 and the 附注 under
them are one closing unit (7.3.5, 7.3.6) whose positions depend on each other's widths and
which must not stand alone on a page (7.3.5.5).  :func:`layout_runs` makes those groups
once, so the DOCX and PDF renderers cannot group differently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.model import Article, Attachment, Block, Byline, Cell, Date, Heading, Note, Signature, Table
from pipeline.render import style
from pipeline.text.numbering import arabic_date
from pipeline.text.shapes import is_item


@dataclass(frozen=True, slots=True)
class Single:
    """One block laid out on its own (heading, paragraph, 主送, salutation, byline, note)."""

    block: Block


@dataclass(frozen=True, slots=True)
class Attachments:
    """A 附件说明: "附件：" and the items, names aligned (7.3.4)."""

    items: tuple[Attachment, ...]


@dataclass(frozen=True, slots=True)
class Closing:
    """署名 lines, the 成文日期 and the 附注 under them (7.3.5, 7.3.6)."""

    signatures: tuple[Signature, ...]
    dates: tuple[Date, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class TableRun:
    table: Table


Run = Single | Attachments | Closing | TableRun


def title_bylines(article: Article) -> tuple[Byline, ...]:
    """The bylines right under the title, which the renderers set with the title block."""
    if not (article.title or article.subtitle):
        return ()
    out = []
    for b in article.blocks:
        if not isinstance(b, Byline):
            break
        out.append(b)
    return tuple(out)


def heading_keeps(heading: Heading, following: Block | None) -> bool:
    """Does ``heading`` keep with the block after it (on the same page)?  A standalone
    heading does (gbt9704.md §6.5); a run-in one does not (its text is on its line).  Nor
    does an *item* (:func:`~pipeline.text.shapes.is_item`: a numbered heading that is one
    whole sentence, "2.每±5人次，影响考核2分。") before a heading of its level or above:
    a list of such items is text, and gluing each to the next made tc08 of the dev corpus
    one group taller than a page, broken anywhere ("二、评分准则：" left at a page foot).

    >>> item = Heading(3, "1.", "完成率每±5%，影响考核2分。")
    >>> heading_keeps(item, Heading(3, "2.", "每±5人次，影响考核2分。")), heading_keeps(item, None)
    (False, True)
    >>> heading_keeps(Heading(1, "二、", "评分准则："), Heading(2, "（一）", "绩效考核评分准则："))
    True
    """
    if heading.tail:
        return False
    item = bool(heading.number) and is_item(heading.text)
    return not (item and isinstance(following, Heading) and following.level <= heading.level)


def layout_runs(article: Article) -> list[Run]:
    """The article's blocks after its :func:`title_bylines`, grouped for layout.

    >>> from pipeline.model import Paragraph
    >>> a = Article("通知", "", (Paragraph("正文。"), Attachment("1.", "名单"), Attachment("2.", "表"),
    ...                          Signature("甲县人民政府"), Date("2024年3月5日"), Note("（此件公开发布）")))
    >>> [type(r).__name__ for r in layout_runs(a)]
    ['Single', 'Attachments', 'Closing']
    """
    blocks = article.blocks[len(title_bylines(article)) :]
    runs: list[Run] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        j = i + 1
        if isinstance(b, Attachment):
            while j < len(blocks) and isinstance(blocks[j], Attachment):
                j += 1
            runs.append(Attachments(tuple(x for x in blocks[i:j] if isinstance(x, Attachment))))
        elif isinstance(b, Signature | Date):
            while j < len(blocks) and isinstance(blocks[j], Signature | Date):
                j += 1
            while j < len(blocks) and isinstance(blocks[j], Note):
                j += 1
            group = blocks[i:j]
            runs.append(
                Closing(
                    tuple(x for x in group if isinstance(x, Signature)),
                    # the 成文日期 in Arabic numerals (STD 7.3.5.4), whatever the source typed
                    tuple(replace(x, text=arabic_date(x.text)) for x in group if isinstance(x, Date)),
                    tuple(x for x in group if isinstance(x, Note)),
                )
            )
        elif isinstance(b, Table):
            runs.append(TableRun(b))
        else:
            runs.append(Single(b))
        i = j
    return runs


# ---------------------------------------------------------------- tables

GridEntry = tuple[int, int, Cell]  # the row and column a cell starts at, and the cell
Grid = list[list["GridEntry | None"]]


def cell_grid(table: Table) -> Grid:
    """The table as a full grid, the HTML table model: each cell at the (row, column) it
    starts at; the positions its row or column span covers hold None.

    >>> g = cell_grid(Table(((Cell("a", rowspan=2), Cell("b")), (Cell("c"),))))
    >>> [[e and e[2].text for e in row] for row in g]
    [['a', 'b'], [None, 'c']]
    """
    taken: set[tuple[int, int]] = set()
    starts: list[GridEntry] = []
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            starts.append((r, c, cell))
            c += cell.colspan
            width = max(width, c)
    height = max((r for r, _ in taken), default=-1) + 1
    grid: Grid = [[None] * width for _ in range(height)]
    for r, c, cell in starts:
        grid[r][c] = (r, c, cell)
    return grid


def column_widths(grid: Grid) -> list[float]:
    """Column widths (pt) filling the 版心: each column as wide as its widest one-column
    cell (:func:`style.text_width` at the table's size, padding included, at least two 字
    and at most half the 版心), scaled to the 版心's width.

    >>> [round(w) for w in column_widths(cell_grid(Table(((Cell("序号"), Cell("名称名称名称名称")),))))]
    [106, 336]
    """
    size = style.TABLE.size
    ncols = len(grid[0]) if grid else 0
    natural = [2 * size + 2 * style.TABLE_PAD_X] * ncols
    for row in grid:
        for entry in row:
            if entry is not None and entry[2].colspan == 1:
                w = style.text_width(entry[2].text, size) + 2 * style.TABLE_PAD_X
                natural[entry[1]] = max(natural[entry[1]], min(w, style.PAGE.body_width / 2))
    total = sum(natural) or 1.0
    return [w * style.PAGE.body_width / total for w in natural]
