"""A PDF's text layer as geometry → lines in reading order → paragraphs (pure, no PDF library).

A PDF holds glyphs at positions, not lines or paragraphs.  From the glyphs of each
page (:class:`Glyph`, made by :mod:`.pdf` with pypdfium2, or by any other extractor):

1. **Runs**: glyphs on one baseline, close together, are a run; a wide gap (a column
   gutter) ends one.  Spaces between Chinese characters are never text: a PDF's
   justification and font changes make gaps, not words; between Latin letters a gap
   is a space.
2. **Columns**: a vertical strip in the middle of the page that no run crosses, with
   text on both sides, is a gutter; a page band between runs that span the page is
   read column by column, the left one first.
3. **Furniture**: the first and last lines of a page that repeat on other pages
   (digits folded: "第 3 页" = "第 4 页") or read as a page number ("— 3 —", "3/8",
   "第3页 共8页") are running headers, footers and page numbers, dropped with a reason.
4. **Paragraphs**: a line starts a paragraph when it is indented, when the line before
   it ended short of the right edge, after a wider gap, at a change of size or weight,
   or when it is centred; otherwise it continues the paragraph before it — across a
   page or column break too, so a hard-wrapped text comes out as its paragraphs.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")
_LATIN = re.compile(r"[A-Za-z]")  # a line break between two letters is a word space
# a page number as a line of its own: "3", "- 3 -", "— 3 —", "3/8", "第3页", "第 3 页 共 8 页", "Page 3 of 8"
PAGE_NUMBER = re.compile(
    r"^(?:[-—–−－·•\s]*\d{1,4}[-—–−－·•\s]*"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|第\s*\d{1,4}\s*页\s*[,，/、]?\s*(?:共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
FURNITURE_MAX = 40  # a longer repeated line is text held twice, not a running header


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character of a page's text layer (PDF points, y upwards, baseline ``y``)."""

    char: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool = False
    generated: bool = False  # a space the extractor made up from a gap (pdfium does)


@dataclass(slots=True)
class Line:
    """A run of glyphs on one baseline (built here; the page it stands on, its column)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    page: int
    column: int = 0  # 0 spans the page (or the page has one column), 1 left, 2 right
    chars: int = 0
    cells: tuple[str, ...] = ()  # runs set apart by wide gaps on one baseline: a table row
    cell_x: tuple[float, ...] = ()  # where each cell starts

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    size: float
    bold: bool
    centered: bool
    page: int
    cells: tuple[str, ...] = ()  # a table row's cells
    table: int = 0  # the table it is a row of (1, 2, …), 0 for body text


@dataclass
class Layout:
    """A document's paragraphs, and the furniture dropped from its pages."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    furniture: list[tuple[str, str, int]] = field(default_factory=list)  # (text, reason, page)
    body_size: float = 0.0
    columns: int = 1  # the most columns any page had


# ---------------------------------------------------------------- 1. runs


def runs(glyphs: Sequence[Glyph], page: int) -> list[Line]:
    """A page's glyphs (in the order the page draws them) → runs of one baseline."""
    out: list[Line] = []
    cur: list[Glyph] = []

    def flush() -> None:
        if cur:
            out.append(_line(cur, page))
            cur.clear()

    for g in glyphs:
        if g.char in "\r\n" or (g.generated and g.char != " "):
            continue
        if cur:
            last = cur[-1]
            size = max(last.size, g.size, 1.0)
            same_line = abs(g.y - last.y) <= 0.35 * size
            gap = g.x0 - last.x1
            # a gap over an em inside a line is a tab, a table's cell or a column gutter
            if not same_line or gap > 1.0 * size or gap < -0.5 * size:
                flush()
        if not cur and g.char.isspace():
            continue
        cur.append(g)
    flush()
    return [line for line in out if line.text]


def _line(glyphs: Sequence[Glyph], page: int) -> Line:
    chars: list[str] = []
    prev: Glyph | None = None
    for g in glyphs:
        if g.char.isspace():
            if g.generated:
                continue  # a gap, made a space by the extractor: words get theirs below
            if g.char == "\u3000":
                chars.append(g.char)  # "县长　张建国": an ideographic space is typed on purpose
            elif chars and chars[-1] != " ":
                chars.append(" ")
            prev = g
            continue
        if prev is not None and not prev.char.isspace():
            gap = g.x0 - prev.x1
            # a word space the PDF did not draw (justified digits stand apart, never words)
            latin = prev.char.isascii() and prev.char.isalpha() and g.char.isascii() and g.char.isalpha()
            if latin and gap > 0.45 * g.size:
                chars.append(" ")
        chars.append(g.char)
        prev = g
    text = "".join(chars).strip()
    # between Chinese characters a space is a gap of the layout, never a word break
    text = re.sub(
        r"(?<=[\u3000-\u9fff\uff00-\uffef，。、；：？！“”（）]) +(?=[\u3000-\u9fff\uff00-\uffef，。、；：？！“”（）])",
        "",
        text,
    )
    visible = [g for g in glyphs if not g.char.isspace()]
    sizes = Counter(round(g.size, 1) for g in visible)
    return Line(
        text=text,
        x0=min(g.x0 for g in visible) if visible else glyphs[0].x0,
        x1=max(g.x1 for g in visible) if visible else glyphs[-1].x1,
        y=statistics.median(g.y for g in visible) if visible else glyphs[0].y,
        size=sizes.most_common(1)[0][0] if sizes else glyphs[0].size,
        bold=bool(visible) and sum(g.bold for g in visible) * 2 > len(visible),
        page=page,
        chars=len(visible),
    )


def _same_baseline(a: Line, b: Line) -> bool:
    """On one baseline; a smaller run (a footnote mark, a superscript) up to half its
    neighbour's size above it counts too."""
    big, small = (a, b) if a.size >= b.size else (b, a)
    if small.size <= 0.8 * big.size:
        return -0.25 * big.size <= small.y - big.y <= 0.6 * big.size
    return abs(a.y - b.y) <= 0.35 * big.size


def merge_runs(lines: list[Line]) -> list[Line]:
    """Runs of one column on one baseline → one line; when two or more are set apart by
    wide gaps, the line is a table row and keeps them as its cells."""
    if not lines:
        return []
    body = statistics.median(ln.size for ln in lines)
    small = [ln for ln in lines if ln.size <= 0.8 * body]
    out: list[Line] = []
    for line in sorted(
        (ln for ln in lines if ln.size > 0.8 * body), key=lambda ln: (ln.column, -ln.y, ln.x0)
    ):
        host = next(
            (
                k
                for k in range(len(out) - 1, max(len(out) - 4, -1), -1)
                if out[k].column == line.column and _same_baseline(out[k], line) and line.x0 >= out[k].x1 - 1
            ),
            None,
        )
        if host is None:
            out.append(line)
        else:
            out[host] = _joined(out[host], line)
    for mark in sorted(small, key=lambda ln: ln.x0):  # footnote marks, superscripts
        host = next(
            (
                k
                for k, ln in enumerate(out)
                if ln.column == mark.column and _same_baseline(ln, mark) and 0 <= mark.x0 - ln.x1 <= ln.size
            ),
            None,
        )
        if host is None:
            out.append(mark)
        else:
            out[host] = _joined(out[host], mark)
    return out


def _joined(a: Line, b: Line) -> Line:
    wide = b.x0 - a.x1 > 2.0 * max(a.size, b.size)
    sep = " " if wide or (_LATIN.match(a.text[-1:]) and _LATIN.match(b.text[:1])) else ""
    cells = (a.cells or (a.text,)) + (b.text,) if wide else ()
    cell_x = (a.cell_x or (a.x0,)) + (b.x0,) if wide else ()
    if not wide and a.cells:
        cells, cell_x = (*a.cells[:-1], a.cells[-1] + sep + b.text), a.cell_x
    main = a if a.chars >= b.chars else b
    return Line(
        a.text + sep + b.text,
        a.x0,
        b.x1,
        main.y,
        main.size,
        main.bold,
        a.page,
        a.column,
        a.chars + b.chars,
        cells,
        cell_x,
    )


# ---------------------------------------------------------------- 2. columns


def reading_order(lines: list[Line]) -> tuple[list[Line], int]:
    """One page's lines in reading order, and how many columns it has (1 or 2)."""
    if not lines:
        return [], 1
    gutter = _gutter(lines)
    if gutter is not None:
        g0, g1 = gutter
        for ln in lines:
            ln.column = 1 if ln.x1 <= g0 + 1 else 2 if ln.x0 >= g1 - 1 else 0
    lines = merge_runs(lines)
    top_down = sorted(lines, key=lambda ln: -ln.y)
    if gutter is None:
        return top_down, 1
    out: list[Line] = []
    band: list[Line] = []
    for ln in top_down:
        if ln.column == 0:
            out += _columns(band)
            band = []
            out.append(ln)
        else:
            band.append(ln)
    out += _columns(band)
    return out, 2


def _columns(band: list[Line]) -> list[Line]:
    return [ln for ln in band if ln.column == 1] + [ln for ln in band if ln.column == 2]


def _gutter(lines: list[Line]) -> tuple[float, float] | None:
    """The x-interval of a column gutter, or None: the widest strip in the middle half
    of the text that (almost) no line of text crosses, with text lines on either side."""
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    width = right - left
    if width <= 0 or len(lines) < 4:
        return None
    size = statistics.median(ln.size for ln in lines)
    # lines of text (a page number or a short label may sit in the gutter)
    narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.6 * width and ln.chars >= 8]
    if len(narrow) < 4:
        return None
    # a centred subtitle or heading across the page may cross the gutter: a few do
    allowed = max(1, len(narrow) // 15)
    covered = [0] * (int(width) + 2)
    for ln in narrow:
        for x in range(int(ln.x0 - left), int(ln.x1 - left) + 1):
            covered[x] += 1
    best: tuple[int, int] | None = None
    x = int(width * 0.25)
    while x < int(width * 0.75):
        if covered[x] <= allowed:
            start = x
            while x < len(covered) and covered[x] <= allowed:
                x += 1
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
        x += 1
    if best is None or best[1] - best[0] < 0.6 * size:  # hanging punctuation narrows it
        return None
    g0, g1 = left + best[0], left + best[1]
    # text columns, not a table's: lines of a third of the width on either side
    wide = [ln for ln in narrow if ln.x1 - ln.x0 >= 0.3 * width]
    n_left = sum(1 for ln in wide if ln.x1 <= g0 + 1)
    n_right = sum(1 for ln in wide if ln.x0 >= g1 - 1)
    if min(n_left, n_right) < max(2, len(narrow) // 6):
        return None
    return g0, g1


# ---------------------------------------------------------------- 3. furniture


def _fold(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def furniture(pages: list[list[Line]], body: float = 0.0) -> list[tuple[int, int, str]]:
    """(page, index, reason) of the running headers, footers and page numbers: from
    either end of a page, a line that reads as a page number or repeats at the same end
    of other pages (the second line only when the first went too).

    >>> pages = [[Line("XX县人民政府", 0, 1, 0, 10, False, p), Line("甲乙丙"[p] + "页的正文。", 0, 1, 0, 10, False, p),
    ...           Line(f"第 {p + 1} 页 共 3 页", 0, 1, 0, 10, False, p)] for p in range(3)]
    >>> furniture(pages)[:2]
    [(0, 0, 'page-header'), (0, 2, 'page-number')]
    """
    n = len(pages)
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for lines in pages:
        tops.update({_fold(ln.text) for ln in lines[:2]})
        bottoms.update({_fold(ln.text) for ln in lines[-2:]})
    need = 2 if n <= 3 else max(2, (n + 1) // 2)

    def reason(line: Line, seen: Counter[str], repeated: str) -> str | None:
        text = line.text
        if PAGE_NUMBER.match(text.strip()):
            return "page-number"
        folded = _fold(text)
        if n > 1 and seen[folded] >= need and len(folded) <= FURNITURE_MAX:
            return repeated
        # small type above everything else on the page: a header even on a single page
        small = body and line.size <= 0.8 * body and len(folded) <= FURNITURE_MAX
        if small and repeated == "page-header" and line is max(pages[line.page], key=lambda ln: ln.y):
            return repeated
        return None

    out: list[tuple[int, int, str]] = []
    for p, lines in enumerate(pages):
        top: set[int] = set()
        for i in range(min(2, len(lines))):
            why = reason(lines[i], tops, "page-header")
            if why is None:
                break
            out.append((p, i, why))
            top.add(i)
        for i in range(len(lines) - 1, max(len(lines) - 3, -1), -1):
            why = None if i in top else reason(lines[i], bottoms, "page-footer")
            if why is None:
                break
            out.append((p, i, why))
    return out


# ---------------------------------------------------------------- 4. paragraphs


def paragraphs(lines: list[Line], body_size: float, middle: float = 0.0) -> list[Paragraph]:
    """Lines in reading order (furniture gone) → paragraphs (module docstring, step 4);
    ``middle``: the x of the middle of the page."""
    if not lines:
        return []
    margins = _margins(lines)
    centred = [_centered(ln, margins, middle, body_size) for ln in lines]
    pitch = _pitch(lines)
    out: list[Paragraph] = []
    cur: list[Line] = []
    start = [0]  # index of cur's first line

    def flush() -> None:
        if cur:
            text = cur[0].text
            for ln in cur[1:]:
                sep = " " if _LATIN.match(text[-1:]) and _LATIN.match(ln.text[:1]) else ""
                text += sep + ln.text
            out.append(Paragraph(text, cur[0].size, cur[0].bold, centred[start[0]], cur[0].page))
            cur.clear()

    rows = _table_rows(lines)
    table = 0
    for k, ln in enumerate(lines):
        if k in rows and not ln.cells:
            # a cell's text wrapped onto a line of its own: it goes on in the cell it lines up with
            last = out[-1]
            col = min(range(len(rows[k - 1 if k - 1 in rows else k])), key=lambda c: abs(rows[k][c] - ln.x0))
            cells = list(last.cells)
            cells[col] += ln.text
            out[-1] = Paragraph("\t".join(cells), last.size, last.bold, False, last.page, tuple(cells), table)
            continue
        if k in rows:
            flush()
            if k - 1 not in rows:
                table += 1
            out.append(Paragraph(ln.text, ln.size, ln.bold, False, ln.page, ln.cells, table))
            continue
        if cur and _starts_paragraph(cur[-1], ln, margins, pitch, body_size, centred[k - 1], centred[k]):
            flush()
        if not cur:
            start[0] = k
        cur.append(ln)
    flush()
    return out


def _table_rows(lines: list[Line]) -> dict[int, tuple[float, ...]]:
    """The lines that are table rows (two or more in a row holding cells set apart by
    wide gaps, and the lines between them that go on in one of their cells), each with
    where the cells of its row start."""
    rows: dict[int, tuple[float, ...]] = {}
    k = 0
    while k < len(lines):
        if len(lines[k].cells) < 2:
            k += 1
            continue
        run: dict[int, tuple[float, ...]] = {}
        end = k
        starts = lines[k].cell_x
        while end < len(lines):
            ln = lines[end]
            if len(ln.cells) >= 2:
                starts = ln.cell_x
            elif not (run and len(starts) >= 2 and any(abs(ln.x0 - x) <= 0.5 * ln.size for x in starts[1:])):
                break
            run[end] = starts
            end += 1
        if sum(1 for i in run if len(lines[i].cells) >= 2) >= 2:
            rows.update(run)
        k = max(end, k + 1)
    return rows


def _clusters(values: list[float], tolerance: float, least: int = 3) -> list[float]:
    """Values that recur (within ``tolerance``) at least ``least`` times, one per cluster
    (its median), in order."""
    out: list[float] = []
    group: list[float] = []
    for v in sorted(values):
        if group and v - group[-1] > tolerance:
            if len(group) >= least:
                out.append(statistics.median(group))
            group = []
        group.append(v)
    if len(group) >= least:
        out.append(statistics.median(group))
    return out


@dataclass(frozen=True, slots=True)
class _Edges:
    """Where the text's lines start and end on the pages: the left edges of its columns
    (first-line indents left out) and their right edges, over the whole document."""

    lefts: tuple[float, ...]
    rights: tuple[float, ...]

    def left(self, ln: Line) -> float:
        starts = [x for x in self.lefts if x <= ln.x0 + 0.5 * ln.size]
        return max(starts) if starts else ln.x0

    def right(self, ln: Line) -> float:
        ends = [x for x in self.rights if x >= ln.x1 - 0.5 * ln.size]
        return min(ends) if ends else ln.x1


def _margins(lines: list[Line]) -> _Edges:
    size = statistics.median(ln.size for ln in lines)
    full = [ln for ln in lines if ln.chars >= 10] or lines
    # an edge is where many lines start or end (on a grid, paragraphs' last lines end
    # at a few places too, each far less often)
    least = max(3, len(full) // 8)
    lefts = _clusters([ln.x0 for ln in full], 0.5 * size, least)
    # a cluster two characters right of another is the first-line indent, not a column
    lefts = [x for x in lefts if not any(1.2 * size <= x - y <= 3.0 * size for y in lefts)]
    rights = _clusters([ln.x1 for ln in full], 0.5 * size, least)
    if not lefts:
        lefts = [min(ln.x0 for ln in lines)]
    if not rights:
        rights = [max(ln.x1 for ln in lines)]
    return _Edges(tuple(lefts), tuple(rights))


def _pitch(lines: list[Line]) -> float:
    gaps = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.column == b.column and 0 < a.y - b.y < 4 * a.size
    ]
    return statistics.median(gaps) if gaps else 0.0


def _centered(ln: Line, edges: _Edges, middle: float = 0.0, body: float = 0.0) -> bool:
    """Set in the middle of its column, or of the page (``middle``, when known); a line
    of body type must stand well in from the left (an indented full line is nearly
    centred too), a line of larger type only clear of the edge."""
    left, right = edges.left(ln), edges.right(ln)
    big = body > 0 and ln.size >= 1.15 * body
    clear = (0.5 if big else 2.0) * ln.size  # room on both sides
    if ln.x0 - left <= clear or right - ln.x1 <= clear:
        return False
    rights = [x for x in edges.rights if x > ln.x1]
    centres = [(left + min(rights)) / 2] if rights else []
    centres += [middle] if middle else []
    return any(abs(ln.center - c) < 1.5 * ln.size for c in centres)


def _starts_paragraph(
    prev: Line,
    ln: Line,
    margins: _Edges,
    pitch: float,
    body: float,
    prev_center: bool,
    this_center: bool,
) -> bool:
    left = margins.left(ln)
    prev_right = margins.right(prev)
    size = ln.size
    if abs(ln.size - prev.size) > 1.0 or ln.bold != prev.bold:
        return True
    same_column = prev.page == ln.page and prev.column == ln.column
    if ln.size >= 1.15 * body and (
        not pitch or not same_column or prev.y - ln.y < 2.2 * pitch * ln.size / body
    ):
        return False  # a title in large type over two or three lines is one paragraph
    if prev_center or this_center:
        # a title set on two centred lines is one paragraph
        return True
    if ln.x0 > left + 1.0 * size:
        return True  # indented first line
    if prev.x1 < prev_right - 1.5 * size:
        return True  # the line before ended short
    return same_column and pitch > 0 and prev.y - ln.y > 1.6 * pitch


def layout(pages: Sequence[Sequence[Glyph]], width: float = 0.0) -> Layout:
    """Every page's glyphs → the document's paragraphs and furniture (the module steps);
    ``width``: the page width, when known (a centred title is centred on the page)."""
    result = Layout()
    ordered: list[list[Line]] = []
    for p, glyphs in enumerate(pages):
        lines, columns = reading_order(runs(glyphs, p))
        ordered.append(lines)
        result.columns = max(result.columns, columns)
    sizes: Counter[float] = Counter()
    for lines in ordered:
        for ln in lines:
            sizes[ln.size] += ln.chars
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    drop = {(p, i): reason for p, i, reason in furniture(ordered, body_size)}
    body: list[Line] = []
    for p, lines in enumerate(ordered):
        for i, ln in enumerate(lines):
            if (p, i) in drop:
                result.furniture.append((ln.text, drop[(p, i)], p))
            else:
                body.append(ln)
    result.body_size = body_size
    result.paragraphs = paragraphs(body, result.body_size, width / 2)
    return result
