"""tables: runs of input lines that are a table → :class:`~pipeline.model.Table` blocks.

Found on the *decoded* lines, after cleaning, by :func:`find_tables`:

1. **HTML tables** (``Decoded.tables``, read by :mod:`pipeline.decode.tables`): the run of
   lines whose text is the table's rows, in order (a row prints as its cells joined by a
   space), and its caption line above them.
2. **Delimited text**: three lines or more of the same number of cells (two at least),
   split by tabs, by runs of two or more spaces whose columns line up (starts or ends
   within :data:`ALIGN_SLACK` columns), or by ``|`` (a Markdown table, its ``---|---``
   rule line required).  Cells are short and no cell ends a sentence, so flattened prose
   (spaces standing for line breaks) is never a table.
3. **Cells closed by a bar** without a rule line: a row per line ("春节 | 7天 |"), a
   cell per line ("414.9 |"), or a row broken inside a cell; and **a cell per line**:
   cells each followed by a line holding only ``|`` (a web table copied cell by cell).  The column count is the one under which every column keeps
   one kind of value (numbers, or words) down its data rows, the first row being words.

Why on the decoded lines: the cleaning rules are written for prose, and a table's cells
("億元", "%", "|") look like a page's repeated header to them.  A table is taken only
where cleaning kept most of its cell lines (:data:`KEPT_SHARE`) — a related-links list
laid out in columns is cut by its rule and stays cut — and then it takes back what
cleaning cut inside it: its lines leave ``Cleaned.lines``, the removals on them leave
``Cleaned.removed``, and its separators (``|``, ``---``) are recorded as
``table-markup``.  A caption-shaped line right above a text table
(:func:`pipeline.text.elements.is_caption`) is its caption.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.model import Cell, Cleaned, PlacedTable, Removal, Table
from pipeline.text.elements import is_caption
from pipeline.text.lines import Line, fold

ROWS_MIN = 3  # delimited text: fewer rows are a pair of labelled lines, not a table
PIPE_ROWS_MIN = 2  # a Markdown table: header and one row (its rule line says it is one)
COLUMNS_MAX = 12
CELL_MAX = 40  # a longer "cell" is prose
STACKED_CELLS_MIN = 6  # a cell per line: at least two rows of three
STACKED_COLUMNS = range(2, 9)
ALIGN_SLACK = 2  # display columns a cell edge may wander in a space-aligned table
KEPT_SHARE = 0.5  # of a table's cell lines cleaning must have kept
CONSISTENT_SHARE = 0.8  # of a column's data cells of the column's kind
MARKUP = "table-markup"

_SPACES = re.compile(r"\t+| {2,}|\u3000{2,}")
_RULE_CELL = re.compile(r"^:?-{3,}:?$")
_BAR_LINE = re.compile(r"^[|｜]$")
_NUMERIC = re.compile(r"^[-+±−]?(?:\d[\d,，.]*)(?:%|‰|％)?$|^[―—–-]{1,2}$")


@dataclass(frozen=True, slots=True)
class _Run:
    start: int  # index into the lines of the first line (caption included)
    end: int  # one past the last line
    table: Table
    cell_lines: tuple[int, ...]  # indexes of the lines that hold cells
    markup: tuple[Removal, ...]


def _width(text: str) -> int:
    """Display columns: wide (CJK, full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _numeric(cell: str) -> bool:
    return bool(_NUMERIC.match(cell.strip()))


def _header_rows(rows: Sequence[Sequence[str]]) -> int:
    """1 when the first row is words over rows that hold figures, else 0."""
    if len(rows) < 2 or any(_numeric(c) for c in rows[0]):
        return 0
    with_figures = sum(1 for r in rows[1:] if any(_numeric(c) for c in r))
    return 1 if with_figures * 2 >= len(rows) - 1 else 0


def _cells_ok(cells: Sequence[str]) -> bool:
    return all(c and len(c) <= CELL_MAX and not c.endswith(("。", "！", "？")) for c in cells)


# ---------------------------------------------------------------- delimited text


def _split(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Cells of a line split at tabs or runs of spaces, and each cell's (start, end)
    display columns."""
    cells, spans, pos = [], [], 0
    for part in _SPACES.split(text):
        at = text.index(part, pos) if part else pos
        if part.strip():
            start = _width(text[:at])
            cells.append(part.strip())
            spans.append((start, start + _width(part.strip())))
        pos = at + len(part)
    return cells, spans


def _aligned(spans: Sequence[Sequence[tuple[int, int]]]) -> bool:
    """Every column's starts, or its ends, within ALIGN_SLACK columns of each other."""
    for col in range(1, len(spans[0])):
        starts = [s[col][0] for s in spans]
        ends = [s[col][1] for s in spans]
        if max(starts) - min(starts) > ALIGN_SLACK and max(ends) - min(ends) > ALIGN_SLACK:
            return False
    return True


def _cells(text: str) -> list[str]:
    """The cells of :func:`_split` without their columns (cheap: most lines hold one)."""
    return [c for part in _SPACES.split(text) if (c := part.strip())]


def _delimited_at(lines: Sequence[Line], i: int) -> _Run | None:
    """A tab- or space-delimited table starting at line ``i``."""
    if not 2 <= len(_cells(lines[i].text)) <= COLUMNS_MAX:
        return None  # the common case, decided before any display widths are counted
    first, first_spans = _split(lines[i].text)
    if not _cells_ok(first):
        return None
    rows, spans, tabbed = [first], [first_spans], "\t" in lines[i].text
    j = i + 1
    while j < len(lines):
        if len(_cells(lines[j].text)) != len(first):
            break
        cells, sp = _split(lines[j].text)
        if not _cells_ok(cells):
            break
        rows.append(cells)
        spans.append(sp)
        tabbed = tabbed and "\t" in lines[j].text
        j += 1
    if len(rows) < ROWS_MIN or not (tabbed or _aligned(spans)):
        return None
    if not tabbed and not any(_numeric(c) for r in rows for c in r):
        return None  # aligned words without a figure: a list laid out in columns
    table = Table(tuple(tuple(Cell(c) for c in r) for r in rows), _header_rows(rows))
    return _Run(i, j, table, tuple(range(i, j)), ())


def _pipe_cells(text: str) -> list[str] | None:
    t = text.strip()
    if t.count("|") < 1:
        return None
    return [c.strip() for c in t.strip("|").split("|")]


def _pipe_at(lines: Sequence[Line], i: int) -> _Run | None:
    """A Markdown table (``a | b |`` rows and a ``---|---`` rule) starting at line ``i``."""
    first = _pipe_cells(lines[i].text)
    if first is None or not 2 <= len(first) <= COLUMNS_MAX:
        return None
    rows: list[list[str]] = []
    header = 0
    markup: list[Removal] = []
    j = i
    while j < len(lines):
        cells = _pipe_cells(lines[j].text)
        if cells is None or len(cells) != len(first):
            break
        if all(_RULE_CELL.match(c) for c in cells):
            if header or not rows:
                break
            header = len(rows)
            markup.append(Removal(lines[j].text, MARKUP, lines[j].no))
        elif _cells_ok([c for c in cells if c]) and any(cells):
            rows.append(cells)
            markup.append(Removal("".join(ch for ch in lines[j].text if ch in "|｜"), MARKUP, lines[j].no))
        else:
            break
        j += 1
    if not header or len(rows) < PIPE_ROWS_MIN:
        return None
    table = Table(tuple(tuple(Cell(c) for c in r) for r in rows), header)
    cell_lines = tuple(
        k for k in range(i, j) if not all(_RULE_CELL.match(c) for c in _pipe_cells(lines[k].text) or [])
    )
    return _Run(i, j, table, cell_lines, tuple(markup))


# ---------------------------------------------------------------- rows closed by a bar


def _bars_at(lines: Sequence[Line], i: int) -> _Run | None:
    """Cells closed by ``|`` without a Markdown rule line, as pages copy a table: a row
    per line ("春节 | 2023年1月21日 | 7天 |"), a cell per line ("414.9 |"), or rows broken
    inside a cell ("品 名 | 播种面积" / "(亩﹚ |").  Every line holds a bar and the last
    ends with one; a line that does not end with one runs on into the next (the same
    cell).  The column count is the one most rows have, or else the one under which
    each column keeps one kind of value (:func:`_columns`)."""
    j = i
    while j < len(lines) and ("|" in lines[j].text or "｜" in lines[j].text):
        j += 1
    while j > i and not lines[j - 1].text.strip().endswith(("|", "｜")):
        j -= 1
    if j - i < 2:
        return None
    rows_text: list[str] = []
    joined = ""
    for k in range(i, j):
        t = lines[k].text.strip().replace("｜", "|")
        joined += t.removeprefix("|") if not joined else t
        if t.endswith("|"):
            rows_text.append(joined)
            joined = ""
    per_line = [[c.strip() for c in r.removesuffix("|").split("|")] for r in rows_text]
    cells = [c for r in per_line for c in r]
    if len(cells) < STACKED_CELLS_MIN or not _cells_ok([c for c in cells if c]) or not any(cells):
        return None
    counts = [len(r) for r in per_line]
    common = max(set(counts), key=counts.count)
    k = common if common >= 2 and counts.count(common) * 2 >= len(counts) else _columns(cells)
    if not 2 <= k <= COLUMNS_MAX or -(-len(cells) // k) < ROWS_MIN or any(_numeric(c) for c in cells[:k]):
        return None  # two rows of words closed by bars: a menu ("首页 | 新闻 |") as likely as a table
    rows = [cells[r : r + k] for r in range(0, len(cells), k)]
    rows[-1] = rows[-1] + [""] * (k - len(rows[-1]))  # an excerpt stopped inside the last row
    markup = tuple(
        Removal("".join(ch for ch in lines[n].text if ch in "|｜"), MARKUP, lines[n].no) for n in range(i, j)
    )
    table = Table(tuple(tuple(Cell(c) for c in r) for r in rows), _header_rows(rows))
    return _Run(i, j, table, tuple(range(i, j)), markup)


# ---------------------------------------------------------------- a cell per line


def _columns(cells: Sequence[str]) -> int:
    """The column count under which each column holds one kind of value, or 0."""
    best, best_score = 0, 0.0
    for k in STACKED_COLUMNS:
        if len(cells) % k or len(cells) // k < 2:
            continue
        rows = [cells[r * k : (r + 1) * k] for r in range(len(cells) // k)]
        if any(_numeric(c) for c in rows[0]):
            continue
        data = rows[1:]
        score = 1.0
        numeric_columns = 0
        for col in range(k):
            kinds = [_numeric(r[col]) for r in data]
            share = max(kinds.count(True), kinds.count(False)) / len(kinds)
            numeric_columns += kinds.count(True) * 2 > len(kinds)
            score = min(score, share)
        if numeric_columns and score >= CONSISTENT_SHARE and score > best_score:
            best, best_score = k, score
    return best


def _stacked_at(lines: Sequence[Line], i: int) -> _Run | None:
    """Cells one per line, each followed by a ``|`` line, starting at line ``i``."""
    cells: list[str] = []
    cell_lines: list[int] = []
    markup: list[Removal] = []
    j = i
    while j + 1 < len(lines) and not _BAR_LINE.match(lines[j].text) and _BAR_LINE.match(lines[j + 1].text):
        if len(lines[j].text) > CELL_MAX:
            break
        cells.append(lines[j].text.strip())
        cell_lines.append(j)
        markup.append(Removal(lines[j + 1].text, MARKUP, lines[j + 1].no))
        j += 2
    if len(cells) < STACKED_CELLS_MIN:
        return None
    k = _columns(cells)
    if not k:
        return None
    rows = [cells[r * k : (r + 1) * k] for r in range(len(cells) // k)]
    table = Table(tuple(tuple(Cell(c) for c in r) for r in rows), _header_rows(rows))
    return _Run(i, j, table, tuple(cell_lines), tuple(markup))


# ---------------------------------------------------------------- HTML tables


def _html_at(lines: Sequence[Line], i: int, table: Table) -> _Run | None:
    """The lines of an HTML table's rows (and its caption above them) starting at line ``i``."""
    keys = [k for k in (fold("".join(c.text for c in row)) for row in table.rows) if k]
    start = i
    if table.caption and lines[i].key == fold(table.caption):
        i += 1
    if not keys or i + len(keys) > len(lines) or any(lines[i + n].key != k for n, k in enumerate(keys)):
        return None
    end = i + len(keys)
    return _Run(start, end, table, tuple(range(i, end)), ())


def _with_caption(lines: Sequence[Line], run: _Run, floor: int) -> _Run:
    """A text table takes the caption-shaped line right above it (at ``floor`` or later)."""
    if run.start <= floor or run.table.caption or not is_caption(lines[run.start - 1].text):
        return run
    table = replace(run.table, caption=lines[run.start - 1].text.strip())
    return replace(run, start=run.start - 1, table=table)


# ---------------------------------------------------------------- public


def find_tables(
    lines: Sequence[Line], cleaned: Cleaned, known: Sequence[Table] = ()
) -> tuple[Cleaned, tuple[PlacedTable, ...]]:
    """The tables among the decoded ``lines`` (``known``: the page's HTML tables), and
    ``cleaned`` without what they took (see the module docstring).

    >>> from pipeline.text.lines import split_lines
    >>> lines = split_lines("值班安排表\\n日期      值班领导  电话\\n3月6日    张三      1234\\n3月7日    李四      5678\\n")
    >>> rest, [placed] = find_tables(lines, Cleaned(lines, ()))
    >>> rest.lines, placed.table.caption, [[c.text for c in r] for r in placed.table.rows]
    ((), '值班安排表', [['日期', '值班领导', '电话'], ['3月6日', '张三', '1234'], ['3月7日', '李四', '5678']])
    """
    kept = {line.no for line in cleaned.lines}
    runs: list[_Run] = []
    pending = list(known)
    i = 0
    while i < len(lines):
        run = None
        for n, t in enumerate(pending):
            run = _html_at(lines, i, t)
            if run is not None:
                del pending[n]
                break
        if run is None:
            found = (
                _pipe_at(lines, i) or _bars_at(lines, i) or _stacked_at(lines, i) or _delimited_at(lines, i)
            )
            floor = runs[-1].end if runs else 0
            run = _with_caption(lines, found, floor) if found is not None else None
        if run is None:
            i += 1
            continue
        cell_nos = [lines[k].no for k in run.cell_lines]
        if sum(no in kept for no in cell_nos) >= KEPT_SHARE * len(cell_nos):
            runs.append(run)
        i = run.end  # a run cleaning cut is not looked at again line by line
    if not runs:
        return cleaned, ()
    spans = [(lines[r.start].no, lines[r.end - 1].no) for r in runs]

    def inside(no: int) -> bool:
        return any(a <= no <= b for a, b in spans)

    markup = [m for r in runs for m in r.markup]
    rest = Cleaned(
        tuple(line for line in cleaned.lines if not inside(line.no)),
        tuple(sorted([r for r in cleaned.removed if not inside(r.line)] + markup, key=lambda r: r.line)),
        cleaned.notices,
        cleaned.title_cuts,
    )
    return rest, tuple(PlacedTable(a, b, r.table) for (a, b), r in zip(spans, runs, strict=True))
