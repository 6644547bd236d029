"""PDF renderer: one :class:`~pipeline.model.Article` → PDF bytes on the GB/T 9704 page.

Every number comes from :mod:`pipeline.render.style` (the same spec the DOCX renderer
reads): A4, a 156 × 225 mm 版心 at 37 mm from the top and 28 mm from the left, 22 lines
at a 28.95 pt pitch, 28 characters of 16 pt 仿宋 per line, justified, a two-character
first-line indent, the title in 22 pt 小标宋 split by :func:`~pipeline.render.title.split_title`,
headings in their level's face, ``— N —`` page numbers odd right / even left.

**Why we set the lines ourselves.**  reportlab's ``Paragraph(wordWrap="CJK")`` cannot
give this page: its line splitter (``platypus.paragraph.cjkFragSplit``) *hangs* a mark
that may not start a line into the right margin instead of pulling a character down,
its kinsoku tables (``lib/textsplit.py``) are Japanese and miss ，；：！？》”’…—, its
justification stretches only spaces (a Chinese line has none, so lines stay ragged), and
it has no character tracking, so 16 pt glyphs give 27 characters a line, not 28.  So
this module breaks lines itself (:func:`_set`) on the 15.79 pt character grid with the
避头尾 lists of ``style`` (GB/T 15834 §5.1), and hands platypus *lines*: a
``Block`` flowable per group of lines that splits between lines, so platypus still does
the page flow, the frames, the page template and the outline.

How a line is set:

* Each character advances by its glyph width plus a tracking of
  ``char_pitch − 16 pt`` (−0.207 pt), so 28 full-width characters fill 442.2 pt exactly;
  a digit or Latin letter advances by its own half-width glyph plus the same tracking.
* Break opportunities lie between any two characters except: before a
  :data:`style.NOT_AT_LINE_START` mark, after a :data:`style.NOT_AT_LINE_END` mark,
  inside :data:`style.NEVER_SPLIT` (——, ……), inside a run of Latin letters/digits
  (2013, GDP), inside a number with its sign or unit (:func:`style.number_spans`:
  2.96%, 1,286个, ￥100, 55天), and before a space (spaces hang at the end of a line).  When the next
  character would overflow, the line breaks at the last opportunity — the characters
  after it move down with the forbidden mark (push-down; nothing hangs past the 版心).
* A justified line spreads its slack evenly over the gaps between its glyphs (PDF
  ``Tc``), so its last glyph ends on the 版心's right edge; a paragraph's last line is
  set flush left at the natural pitch.
* Every character comes from the block's face or, when the face lacks it, from the
  first font of ``style.FALLBACKS`` that has it (:func:`pipeline.render.fonts.with_fallback`),
  so no character is boxed or dropped from the text layer.

Against the DOCX as LibreOffice 7.4 lays it out (25 seed articles, measured): 24 of 25
have the same page count and 66 % of the lines are identical.  Nearly all of the
difference is LibreOffice *hanging* a line-final ，。、 past the 版心 despite
``w:overflowPunct=0`` (and often not drawing it); letting one such mark hang here
gives 25/25 pages and 89 % identical lines, the rest being only that lost mark.  We
keep push-down: GB/T 9704 wants the lines inside the 版心 (gbt9704.md §8.7).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal

from pipeline.model import ATTACHMENT_LABEL as _ATTACHMENT_LABEL
from pipeline.model import (
    Article,
    Attachment,
    Block,
    Byline,
    Head,
    Heading,
    Imprint,
    Paragraph,
    Table,
    head_lines,
)
from pipeline.render import fonts, style
from pipeline.render.common import (
    Attachments,
    Closing,
    Single,
    TableRun,
    cell_grid,
    column_widths,
    heading_keeps,
    layout_runs,
    title_bylines,
)
from pipeline.render.title import split_title

PAGE = style.PAGE
BODY_SIZE = style.BODY.size
# 28 characters of a 16 pt face in 442.2 pt: each glyph advances 0.25 pt less than its
# width (style.TRACKING, the DOCX's w:spacing −5).  Applies to every 16 pt line; the 22 pt
# title is not on the grid.
TRACKING = style.TRACKING
_FUZZ = 0.01  # pt; absorbs float error when 28 cells meet 442.2 pt exactly
_NEVER_SPLIT = frozenset(pair for pair in style.NEVER_SPLIT)
_INFIX = ".,:;"  # Unicode line breaking class IS: no break after one between letters (LB29)


@dataclass(frozen=True, slots=True)
class _Span:
    """Text to set in one face and size (before per-character fallback)."""

    face: str
    size: float
    text: str
    tracking: float = TRACKING


@dataclass(frozen=True, slots=True)
class _Line:
    """One set line: runs of (font, size, text), where it starts, how it is spaced."""

    runs: tuple[tuple[str, float, str], ...]
    x: float  # left edge of the first glyph, from the 版心's left edge
    char_space: float  # PDF Tc for the whole line: tracking plus justification
    height: float  # line box; the baseline sits style.LINE_BASELINE of it below the top
    glue: bool = False  # no page break directly after this line (keep-with-next)
    mark: tuple[str, str, int] | None = None  # outline entry: (key, title, level)
    # runs set before ``x`` on the same baseline, from ``lead_x`` ("附件：1." before a name)
    lead: tuple[tuple[str, float, str], ...] = ()
    lead_x: float = 0.0
    # marks that advance less (挤进): (index among the line's characters, offset in the
    # block's printed text, pt given up)
    squeeze: tuple[tuple[int, int, float], ...] = ()
    block: int = -1  # index of the line's block in Article.blocks (-1: title, 版头, …)
    src: tuple[int, int] = (0, 0)  # the characters' offsets in the block's text (start, end)
    avail: float = 0.0  # the width the line was broken to


@dataclass(frozen=True, slots=True)
class Fit:
    """The page fit's decision (STD 7.3.5.5): from block ``tracking_from`` on (an index in
    ``Article.blocks``), paragraphs and headings get ``tracking`` pt more per character;
    from block ``pitch_from`` on, a line pitch of ``pitch``.  The default changes nothing."""

    tracking_from: int = -1
    tracking: float = 0.0
    pitch_from: int = -1
    pitch: float = PAGE.line_pitch

    def tracking_at(self, block: int) -> float:
        return TRACKING + (self.tracking if 0 <= self.tracking_from <= block else 0.0)

    def pitch_at(self, block: int) -> float:
        return self.pitch if 0 <= self.pitch_from <= block else PAGE.line_pitch


@cache
def _width(font: str, size: float, ch: str) -> float:
    return fonts.char_width(font, ch, size)


def _is_word_char(ch: str) -> bool:
    """Latin letters, digits, the hyphen-minus, "@" and "_", which break only at spaces
    (2013, GDP, ISSN 1671-8089, pjzfdcs@163.com: a line-final hyphen would also be eaten
    by text extraction)."""
    return (ch.isalnum() and ord(ch) < 0x2000) or ch in "-@_"


def _break_allowed(prev: str, ch: str) -> bool:
    """May a line end between ``prev`` and ``ch``?  (避头尾, gbt9704.md §8.2-8.6)

    >>> _break_allowed("国", "，"), _break_allowed("“", "国"), _break_allowed("—", "—")
    (False, False, False)
    >>> _break_allowed("国", "家"), _break_allowed("3", "年"), _break_allowed("1", "2")
    (True, True, False)
    """
    if ch in style.NOT_AT_LINE_START or prev in style.NOT_AT_LINE_END:
        return False
    if prev + ch in _NEVER_SPLIT:
        return False
    if ch.isspace():
        return False  # a space hangs at the end of the line it follows
    return not (_is_word_char(prev) and _is_word_char(ch))


def _set(
    spans: Sequence[_Span],
    *,
    align: str,
    indent: float = 0.0,
    height: float = PAGE.line_pitch,
    width: float = PAGE.body_width,
    missing: dict[str, None] | None = None,
) -> list[_Line]:
    """Break ``spans`` into lines of ``width`` (the first one ``indent`` narrower).

    ``align`` is a :class:`style.BlockStyle` alignment; ``missing`` collects characters
    no font has.  All spans of one call must share a tracking (one ``Tc`` per line).
    Justified text is squeezed before it is pushed (:data:`style.SQUEEZE_MAX`) and its
    last line is never one character alone (:data:`style.ORPHAN_CHARS`).
    """
    text = _Text.of(spans, missing)
    n = len(text.chars)
    justify = align == "justify"
    breaks: list[tuple[int, int, dict[int, float]]] = []  # (start, end, squeezes)
    start = 0
    while start < n:
        avail = width - (indent if not breaks else 0.0)
        end, squeeze = text.line_end(start, avail, squeeze=justify)
        breaks.append((start, end, squeeze))
        start = end
    if justify and len(breaks) >= 2:
        _no_orphan(text, breaks, width - (indent if len(breaks) == 2 else 0.0))
    lines: list[_Line] = []
    for k, (start, end, squeeze) in enumerate(breaks):
        first, last = k == 0, k == len(breaks) - 1
        avail = width - (indent if first else 0.0)
        x = indent if first else 0.0
        lines.append(text.line(start, end, squeeze, align, avail, x, height, last, width))
    return lines


@dataclass(frozen=True, slots=True)
class _Text:
    """A block's characters as the line breaker sees them, each with its font, advance,
    how much it may be squeezed, and where it stands in the block's printed text."""

    chars: list[str]
    font_of: list[tuple[str, float]]
    adv: list[float]
    squeezable: list[float]  # pt a character may give up (0: none)
    src: list[int]  # offset in the spans' joined text (what the DOCX writes)
    glued: frozenset[int]  # i: no break between chars[i-1] and chars[i] (inside a number)
    tracking: float

    @staticmethod
    def of(spans: Sequence[_Span], missing: dict[str, None] | None) -> _Text:
        chars: list[str] = []
        font_of: list[tuple[str, float]] = []
        adv: list[float] = []
        squeezable: list[float] = []
        src: list[int] = []
        trackings = {s.tracking for s in spans if s.text}
        if len(trackings) > 1:
            raise ValueError("spans of one block must share a tracking")
        tracking = trackings.pop() if trackings else 0.0
        offset = 0
        for span in spans:
            face = style.face_of(span.face)
            fb = fonts.with_fallback(span.text, span.face, latin=face.latin_pdf, dash=face.dash_pdf)
            if missing is not None:
                missing.update(dict.fromkeys(fb.missing))
            for run in fb.runs:
                for ch in run.text:
                    offset += 1
                    if ch == "\t":
                        ch = style.TAB_AS
                    elif ch in fb.missing or (fonts.invisible(ch) and not fonts.has_glyph(run.font, ch)):
                        continue  # reported (missing) or invisible: never drawn as a .notdef box
                    chars.append(ch)
                    font_of.append((run.font, span.size))
                    w = _width(run.font, span.size, ch)
                    adv.append(w + tracking)
                    can = run.font == face.pdf and ch in face.squeeze
                    squeezable.append(_step_down(style.SQUEEZE_MAX * w) if can else 0.0)
                    src.append(offset - 1)
        glued = frozenset(i for a, b in style.number_spans("".join(chars)) for i in range(a + 1, b))
        return _Text(chars, font_of, adv, squeezable, src, glued, tracking)

    def breakable(self, i: int) -> bool:
        """May a line end before ``chars[i]``?  (The text's end always may.)  Not after
        a half-width . , : ; between Latin letters or digits either (www.gov.cn,
        Specific,Measurable: Unicode's line breaking rule LB29, which Word and LibreOffice
        follow)."""
        if i >= len(self.chars):
            return True
        if i <= 0 or i in self.glued or not _break_allowed(self.chars[i - 1], self.chars[i]):
            return False
        inside = i >= 2 and self.chars[i - 1] in _INFIX and _is_word_char(self.chars[i - 2])
        return not (inside and _is_word_char(self.chars[i]))

    def width(self, start: int, end: int) -> float:
        """Advance of ``chars[start:end]`` without the spaces a line may end in."""
        while end > start and self.chars[end - 1].isspace():
            end -= 1
        return sum(self.adv[start:end])

    def line_end(self, start: int, avail: float, *, squeeze: bool) -> tuple[int, dict[int, float]]:
        """Where the line from ``start`` ends, and the squeezes that make it fit.

        The longest stretch that fits (trailing spaces may hang past the edge); when it
        does not end at a break opportunity, the line's marks are squeezed to take in
        the characters up to the next one (先挤), else the characters after the last
        one move down (后推; nothing hangs past the 版心)."""
        n = len(self.chars)
        end, used = start, 0.0
        while end < n and (used + self.adv[end] <= avail + _FUZZ or self.chars[end].isspace()):
            used += self.adv[end]
            end += 1
        if end >= n or self.breakable(end):
            return end, {}
        if squeeze:
            nxt = end + 1
            while not self.breakable(nxt):
                nxt += 1
            plan = self.squeeze(start, nxt, avail)
            if plan is not None:
                return nxt, plan
        brk = end
        while brk > start and not self.breakable(brk):
            brk -= 1
        # no legal break in the whole line (a 40-letter URL): break where it overflows
        return (brk if brk > start else max(end, start + 1)), {}

    def squeeze(self, start: int, end: int, avail: float) -> dict[int, float] | None:
        """How much each mark of ``chars[start:end]`` gives up so the line fits ``avail``
        (None when its marks cannot make the room): the line's last character first,
        then marks beside another mark, then the rest, evenly within each group."""
        need = self.width(start, end) - self.tracking - avail
        if need <= _FUZZ:
            return {}
        marks = [i for i in range(start, end) if self.squeezable[i] > 0]
        if sum(self.squeezable[i] for i in marks) + _FUZZ < need:
            return None

        def beside(i: int) -> bool:
            return any(start <= j < end and self.squeezable[j] > 0 for j in (i - 1, i + 1))

        last = end - 1
        while last > start and self.chars[last].isspace():
            last -= 1
        groups = [
            [i for i in marks if i == last],
            [i for i in marks if i != last and beside(i)],
            [i for i in marks if i != last and not beside(i)],
        ]
        plan: dict[int, float] = {}
        for group in groups:
            if need <= _FUZZ:
                break
            # water-fill: every mark of the group the same amount, each within its own limit
            todo = sorted(group, key=lambda i: (self.squeezable[i], i))
            while todo and need > _FUZZ:
                share = need / len(todo)
                i = todo.pop(0)
                take = min(self.squeezable[i], _step_up(share))
                plan[i] = take
                need -= take
        return plan if need <= _FUZZ else None

    def line(
        self,
        start: int,
        end: int,
        squeeze: dict[int, float],
        align: str,
        avail: float,
        x: float,
        height: float,
        last: bool,
        width: float,
    ) -> _Line:
        """The set line ``chars[start:end]``: justified (its slack spread over its gaps),
        centred or flush, squeezed marks advancing less."""
        ink_end = end
        while ink_end > start and self.chars[ink_end - 1].isspace():
            ink_end -= 1
        count = ink_end - start
        squeezed = sum(v for i, v in squeeze.items() if i < ink_end)
        ink = sum(self.adv[start:ink_end]) - self.tracking - squeezed if count else 0.0
        char_space = self.tracking
        if count > 1 and ((align == "justify" and not last) or ink > avail):
            # spread the slack over the gaps; a full last line (28 cells whose ink is
            # one tracking wider than the 版心) is squeezed back inside the same way
            char_space = self.tracking + (avail - ink) / (count - 1)
        elif align == "center":
            if count and self.chars[ink_end - 1] in style.CENTRE_ON_INK_MARKS:
                ink -= style.TRAILING_MARK_BLANK * self.font_of[ink_end - 1][1]  # centre on the ink
            x = (width - ink) / 2
        marks = tuple((i - start, self.src[i], v) for i, v in sorted(squeeze.items()) if start <= i < ink_end)
        src = (self.src[start], self.src[ink_end - 1] + 1) if count else (0, 0)
        return _Line(
            _runs(self.chars, self.font_of, start, ink_end),
            x,
            char_space,
            height,
            squeeze=marks,
            src=src,
            avail=avail,
        )


def _no_orphan(text: _Text, breaks: list[tuple[int, int, dict[int, float]]], avail: float) -> None:
    """孤字 (:data:`style.ORPHAN_CHARS`): a last line of one character and its closing
    marks is taken back into the line above by squeezing that line's marks (先挤), else
    one more character moves down to it (后推)."""
    start, end, _ = breaks[-1]
    body = "".join(text.chars[start:end]).rstrip()
    while body and body[-1] in style.NOT_AT_LINE_START:
        body = body[:-1]
    if len(body) > style.ORPHAN_CHARS or not body:
        return
    prev_start, prev_end, _ = breaks[-2]
    plan = text.squeeze(prev_start, end, avail)
    if plan is not None:
        breaks[-2:] = [(prev_start, end, plan)]
        return
    brk = prev_end - 1
    while brk > prev_start and not text.breakable(brk):
        brk -= 1
    if brk <= prev_start:
        return
    breaks[-2:] = [(prev_start, brk, {}), (brk, end, {})]


def _step_up(v: float) -> float:
    """``v`` rounded up to a whole :data:`style.SQUEEZE_STEP` (a twip)."""
    return math.ceil(v / style.SQUEEZE_STEP - 1e-9) * style.SQUEEZE_STEP


def _step_down(v: float) -> float:
    return math.floor(v / style.SQUEEZE_STEP + 1e-9) * style.SQUEEZE_STEP


def _runs(
    chars: Sequence[str], font_of: Sequence[tuple[str, float]], start: int, end: int
) -> tuple[tuple[str, float, str], ...]:
    """Group ``chars[start:end]`` into runs of one (font, size)."""
    runs: list[tuple[str, float, str]] = []
    i = start
    while i < end:
        j = i
        while j < end and font_of[j] == font_of[i]:
            j += 1
        runs.append((*font_of[i], "".join(chars[i:j])))
        i = j
    return tuple(runs)


# ---------------------------------------------------------------- article → lines


def _title_lines(article: Article, missing: dict[str, None]) -> list[_Line]:
    """Title (22 pt, centred, split by split_title), subtitle, one blank line; all glued."""
    lines: list[_Line] = []
    if article.title:
        t = style.TITLE
        for part in split_title(article.title):
            lines += _set(
                [_Span(t.face.pdf, t.size, part, tracking=0.0)],
                align=t.align,
                height=style.TITLE_LINE_PITCH,
                missing=missing,
            )
    if article.subtitle:
        s = style.SUBTITLE
        lines += _set([_Span(s.face.pdf, s.size, article.subtitle)], align=s.align, missing=missing)
    if lines:
        lines += [_Line((), 0.0, 0.0, PAGE.line_pitch)] * int(style.TITLE_GAP_LINES)
        lines = [replace(line, glue=True) for line in lines]  # never alone at the foot of a page
        if article.title:
            lines[0] = replace(lines[0], mark=("t", article.title, 0))
    return lines


def _block_lines(
    block: Heading | Paragraph, missing: dict[str, None], tracking: float = TRACKING
) -> tuple[list[_Line], bool]:
    """A block's lines, and whether it keeps with the next block.  ``tracking``: the
    grid's, or the page fit's tighter one (:class:`Fit`)."""
    body = style.BODY
    if isinstance(block, Paragraph):
        spans = [_Span(body.face.pdf, body.size, block.text, tracking)]
        return _set(
            spans, align=body.align, indent=body.indent_chars * PAGE.char_pitch, missing=missing
        ), False
    h = style.HEADINGS[block.level]
    spans = [_Span(h.face.pdf, h.size, style.heading_label(block.number, block.text), tracking)]
    if block.tail:  # run-in: heading sentence in the level face, the rest in the body face
        spans.append(_Span(body.face.pdf, body.size, block.tail, tracking))
    lines = _set(spans, align=h.align, indent=h.indent_chars * PAGE.char_pitch, missing=missing)
    # gbt9704.md §6.5: a run-in heading does not keep with the next block
    return lines, h.keep_with_next and not block.tail


def _outline_level(levels: Iterable[int], has_title: bool) -> Iterator[int]:
    """Outline levels for heading levels: below the title, never jumping a level
    (reportlab refuses 0 → 2).

    >>> list(_outline_level([2, 3, 1, 3], has_title=True))
    [1, 2, 1, 2]
    """
    base = 1 if has_title else 0
    last = base - 1
    for level in levels:
        last = min(base + level - 1, last + 1)
        yield last


def _groups(
    article: Article, missing: dict[str, None], seal: bool = False, fit: Fit | None = None
) -> list[list[_Line] | Table]:
    """The article as groups of lines: one group per block, except that a block that
    keeps with the next (title, standalone heading) shares a group with it and glues
    its last line to the next line.  The elements of a 公文 are grouped as
    :func:`~pipeline.render.common.layout_runs` says (bylines with the title, the
    附件说明 as one group, 署名/日期/附注 as one group glued to the last body lines); a
    table is handed on as it is (a group ending in a glued line keeps with it).  ``fit``
    sets paragraphs and headings tighter (the page fit); every line knows its block."""
    fit = fit or Fit()
    index = {id(b): k for k, b in enumerate(article.blocks)}
    groups: list[list[_Line] | Table] = []
    pending = _title_lines(article, missing)
    bylines = title_bylines(article)
    if bylines:
        pending = _with_bylines(pending, bylines, missing)
    headings = [b for b in article.blocks if isinstance(b, Heading)]
    levels = iter(_outline_level((b.level for b in headings), bool(article.title)))
    i = len(bylines)  # index of the run's first block in article.blocks (bookmark keys)
    for run in layout_runs(article):
        if isinstance(run, TableRun):
            if pending:
                groups.append(pending)  # its last line is glued: it keeps with the table
                pending = []
            groups.append(run.table)
            i += 1
            continue
        if not isinstance(run, Single):
            lines = _attachment_lines(run, missing) if isinstance(run, Attachments) else []
            if isinstance(run, Closing):
                lines = _closing_lines(run, missing, seal=seal)
            i += len(run.items) if isinstance(run, Attachments) else _closing_size(run)
            _keep_with_body(groups, pending, lines)
            pending = []
            continue
        block = run.block
        k = index[id(block)]
        if isinstance(block, Heading | Paragraph):
            lines, keep = _block_lines(block, missing, fit.tracking_at(k))
            pitch = fit.pitch_at(k)
            if pitch != PAGE.line_pitch:
                lines = [replace(line, height=pitch) for line in lines]
        else:
            lines, keep = _element_lines(block, missing), False
        lines = [replace(line, block=k) for line in lines]
        if lines and isinstance(block, Heading):
            title = style.heading_label(block.number, block.text).strip()
            lines[0] = replace(lines[0], mark=(f"h{i}", title, next(levels)))
        i += 1
        if not lines:
            continue
        if keep and isinstance(block, Heading):
            keep = heading_keeps(block, article.blocks[k + 1] if k + 1 < len(article.blocks) else None)
        if keep:  # every line of it, not only the last: a two-line heading stays whole
            lines = [replace(line, glue=True) for line in lines]
            pending += lines
            continue
        groups.append(pending + lines)
        pending = []
    if pending:
        groups.append([*pending[:-1], replace(pending[-1], glue=False)])
    return groups


# ---------------------------------------------------------------- the elements of a 公文


def _blank() -> _Line:
    return _Line((), 0.0, 0.0, PAGE.line_pitch)


def _font_runs(
    text: str, face: str, size: float, missing: dict[str, None]
) -> tuple[tuple[str, float, str], ...]:
    """``text`` as (font, size, text) runs, characters the face lacks from a fallback."""
    fb = fonts.with_fallback(text, face)
    missing.update(dict.fromkeys(fb.missing))
    return tuple((run.font, size, run.text) for run in fb.runs)


def _advance(runs: Sequence[tuple[str, float, str]], tracking: float = TRACKING) -> float:
    """How far ``runs`` move the pen: every glyph's width plus the tracking after it."""
    return sum(_width(font, size, ch) + tracking for font, size, text in runs for ch in text)


def _ink(line: _Line) -> float:
    """The width of a set line's ink: its glyphs and the spacing between them."""
    n = sum(len(text) for _, _, text in line.runs)
    return _advance(line.runs, 0.0) + line.char_space * (n - 1) if n else 0.0


def _draw_runs(
    canv: object,
    runs: Sequence[tuple[str, float, str]],
    x: float,
    y: float,
    char_space: float,
    scale: float = 1.0,
) -> None:
    canv.draw_runs(runs, x, y, char_space, scale)  # type: ignore[attr-defined]


def _with_bylines(title: list[_Line], bylines: Sequence[Byline], missing: dict[str, None]) -> list[_Line]:
    """The title block with the speech's bylines under the title and subtitle, centred
    in 楷体, before the block's blank line (gbt9704.md §4.12, PRAC)."""
    b = style.BYLINE
    lines: list[_Line] = []
    for byline in bylines:
        lines += _set([_Span(b.face.pdf, b.size, byline.text)], align=b.align, missing=missing)
    gap = int(style.TITLE_GAP_LINES)
    at = len(title) - gap
    return [*title[:at], *(replace(line, glue=True) for line in lines), *title[at:]]


_ELEMENT_STYLES: dict[str, style.BlockStyle] = {
    "recipients": style.RECIPIENTS,
    "salutation": style.SALUTATION,
    "byline": style.BYLINE,
    "note": style.NOTE,
}


def _element_lines(block: Block, missing: dict[str, None]) -> list[_Line]:
    """A 主送 or a salutation (flush left), a byline (centred 楷体), a 附注 (two 字 in)."""
    st = _ELEMENT_STYLES.get(block.kind, style.BODY)
    text = block.text if not isinstance(block, Heading | Table | Attachment) else ""
    indent = st.indent_chars * PAGE.char_pitch
    return _set([_Span(st.face.pdf, st.size, text)], align=st.align, indent=indent, missing=missing)


def _attachment_lines(run: Attachments, missing: dict[str, None]) -> list[_Line]:
    """附件说明 (7.3.4): one line below the body, two 字 in, "附件：" and the first name;
    each later number under the first one, and every name, continuation lines too,
    starting at the same column."""
    st = style.ATTACHMENT
    face, size = st.face.pdf, st.size
    label_x = st.indent_chars * PAGE.char_pitch
    number_x = label_x + _advance(_font_runs(_ATTACHMENT_LABEL, face, size, missing))
    number_w = max((_advance(_font_runs(a.number, face, size, missing)) for a in run.items), default=0.0)
    name_x = number_x + number_w
    out = [_blank() for _ in range(style.ATTACHMENT_GAP_LINES)]
    for k, item in enumerate(run.items):
        names = _set(
            [_Span(face, size, item.text)], align=st.align, width=PAGE.body_width - name_x, missing=missing
        )
        names = [replace(line, x=line.x + name_x) for line in names] or [
            _Line((), name_x, TRACKING, PAGE.line_pitch)
        ]
        lead = (_ATTACHMENT_LABEL if k == 0 else "") + item.number
        if lead:
            names[0] = replace(
                names[0], lead=_font_runs(lead, face, size, missing), lead_x=label_x if k == 0 else number_x
            )
        out += names
    return out


def _closing_size(run: Closing) -> int:
    return len(run.signatures) + len(run.dates) + len(run.notes)


def _closing_lines(run: Closing, missing: dict[str, None], *, seal: bool) -> list[_Line]:
    """署名 and 成文日期 one line (two with a seal) below the body, placed by
    :func:`style.closing_positions` (7.3.5.1/7.3.5.2), the 附注 on the next line (7.3.6)."""
    st = style.SIGNATURE
    face, size = st.face.pdf, st.size

    def one(text: str) -> list[_Line]:
        return _set([_Span(face, size, text)], align=st.align, missing=missing)

    signatures = [one(b.text) for b in run.signatures]
    dates = [one(b.text) for b in run.dates]
    widths = tuple(max((_ink(line) for line in lines), default=0.0) for lines in signatures)
    date_w = max((_ink(line) for lines in dates for line in lines), default=0.0)
    xs, x_date = style.closing_positions(widths, date_w, seal=seal)
    out = [_blank() for _ in range(style.SEAL_GAP_LINES if seal else style.CLOSING_GAP_LINES)]
    for lines, x in zip(signatures, xs, strict=True):
        out += [replace(line, x=max(x, 0.0)) for line in lines]
    for lines in dates:
        out += [replace(line, x=max(x_date, 0.0)) for line in lines]
    for note in run.notes:
        out += _element_lines(note, missing)
    return out


def _keep_with_body(groups: list[list[_Line] | Table], pending: list[_Line], lines: list[_Line]) -> None:
    """Add a 附件说明 or closing group, glued together and to the last
    :data:`style.CLOSING_KEEP_LINES` lines before it, so that it never stands alone on a
    page (7.3.5.5)."""
    lines = [*(replace(line, glue=True) for line in lines[:-1]), *lines[-1:]]
    if pending:
        groups.append(pending + lines)
        return
    prev = groups[-1] if groups else None
    if isinstance(prev, list) and prev:
        keep = style.CLOSING_KEEP_LINES
        prev[-keep:] = [replace(line, glue=True) for line in prev[-keep:]]
        prev += lines
    else:
        groups.append(lines)


def _head_layout(
    head: Head, missing: dict[str, None]
) -> tuple[
    list[tuple[tuple[tuple[str, float, str], ...], float, float, float, float, bool]], float | None, float
]:
    """The 版头 (7.2) as placed text — (runs, x, baseline below the 版心 top, char space,
    horizontal scale, red) —, the separator's distance below the 版心 top (None when
    there is no 发文字号 or mark) and the height the block takes, down to two lines below
    the separator where the title starts."""
    pitch = PAGE.line_pitch
    placed: list[tuple[tuple[tuple[str, float, str], ...], float, float, float, float, bool]] = []
    line = 0
    for value, st in (
        (head.copy_number, style.COPY_NUMBER),
        (head.classification, style.HEAD_MARKS),
        (head.urgency, style.HEAD_MARKS),
    ):
        if value:
            placed.append(
                (
                    _font_runs(value, st.face.pdf, st.size, missing),
                    0.0,
                    (line + style.LINE_BASELINE) * pitch,
                    TRACKING,
                    1.0,
                    False,
                )
            )
            line += 1
    bottom = line * pitch  # where the lines so far end
    if head.issuer:
        mark = style.ISSUER
        runs = _font_runs(head.issuer, mark.face.pdf, mark.size, missing)
        natural = _advance(runs, 0.0)
        scale = style.issuer_scale(natural)
        baseline = style.ISSUER_TOP + _ascent(mark.face.pdf) * mark.size
        placed.append((runs, (PAGE.body_width - natural * scale) / 2, baseline, 0.0, scale, True))
        bottom = baseline - _descent(mark.face.pdf) * mark.size
    separator: float | None = None
    number = style.DOC_NUMBER
    if head.doc_number or head.signers:
        top = bottom + (style.DOC_NUMBER_GAP_LINES * pitch if head.issuer else 0.0)
        baseline = top + style.LINE_BASELINE * pitch
        runs = _font_runs(head.doc_number, number.face.pdf, number.size, missing)
        if head.signers:  # 上行文: number one 字 from the left, 签发人 one 字 from the right (7.2.5-7.2.6)
            inset = style.SIGNER_INDENT_CHARS * PAGE.char_pitch
            placed.append((runs, inset, baseline, TRACKING, 1.0, False))
            signer = _font_runs(style.SIGNER_LABEL, number.face.pdf, number.size, missing)
            signer += _font_runs("　".join(head.signers), style.SIGNER_NAME.face.pdf, number.size, missing)
            x = PAGE.body_width - inset - (_advance(signer) - TRACKING)
            placed.append((signer, x, baseline, TRACKING, 1.0, False))
        else:
            placed.append(
                (runs, (PAGE.body_width - (_advance(runs) - TRACKING)) / 2, baseline, TRACKING, 1.0, False)
            )
        separator = baseline - _descent(number.face.pdf) * number.size + style.SEPARATOR_GAP
    elif head.issuer:
        separator = bottom + style.SEPARATOR_GAP
    height = separator + style.TITLE_AFTER_SEPARATOR_LINES * pitch if separator is not None else bottom
    return placed, separator, height


def _ascent(font: str) -> float:
    return fonts.font_data(font).ascent / 1000


def _descent(font: str) -> float:
    """The font's descent, in em (negative: below the baseline)."""
    return fonts.font_data(font).descent / 1000


def _imprint_layout(
    imprint: Imprint, missing: dict[str, None]
) -> tuple[list[_Line], list[tuple[float, float]], float]:
    """The 版记 (7.4) as lines from its top, the rules as (distance below its top,
    weight) and its height; the last rule is at the bottom (the 版心's bottom edge)."""
    st = style.IMPRINT
    face, size = st.face.pdf, st.size
    inset = style.IMPRINT_INDENT_CHARS * size
    pitch = style.IMPRINT_LINE_PITCH
    lines: list[_Line] = []
    rules = [(0.0, style.IMPRINT_THICK)]
    for label, value in (
        (style.IMPRINT_KEYWORDS_LABEL, imprint.keywords),
        (style.IMPRINT_RECIPIENTS_LABEL, imprint.recipients),
        (style.IMPRINT_CC_LABEL, imprint.cc),
    ):
        if not value:
            continue
        lead = _font_runs(label, face, size, missing)
        x = inset + _advance(lead, 0.0)  # continuation lines aligned after the colon (7.4.2)
        body = _set(
            [_Span(face, size, value, tracking=0.0)],
            align="justify",
            width=PAGE.body_width - inset - x,
            height=pitch,
            missing=missing,
        )
        body = [replace(line, x=line.x + x) for line in body]
        if body:
            body[0] = replace(body[0], lead=lead, lead_x=inset)
        lines += body
        if label == style.IMPRINT_KEYWORDS_LABEL and (imprint.recipients or imprint.cc):
            rules.append((len(lines) * pitch, style.IMPRINT_THIN))  # 主题词 apart from 抄送
    if imprint.printer or imprint.print_date:
        if lines:
            rules.append((len(lines) * pitch, style.IMPRINT_THIN))  # 印发 apart from the rest (7.4.3)
        date = _font_runs(imprint.print_date, face, size, missing)
        lines.append(
            _Line(
                date,
                PAGE.body_width - inset - _advance(date, 0.0),
                0.0,
                pitch,
                lead=_font_runs(imprint.printer, face, size, missing),
                lead_x=inset,
            )
        )
    if imprint.copies:
        if lines:
            rules.append((len(lines) * pitch, style.IMPRINT_THIN))
        copies = _font_runs(imprint.copies, face, size, missing)
        lines.append(_Line(copies, PAGE.body_width - inset - _advance(copies, 0.0), 0.0, pitch))
    height = len(lines) * pitch
    rules.append((height, style.IMPRINT_THICK))
    return lines, rules, height


def _element_flowables() -> dict[str, type]:
    """The flowables of the 版头, the 版记 and a probe, built on first use (reportlab is
    imported only when a PDF is made)."""
    from reportlab.platypus import Flowable

    class HeadBlock(Flowable):  # type: ignore[misc]
        """The 版头 at the top of page 1: drawn where the standard puts each line."""

        def __init__(self, head: Head, missing: dict[str, None]) -> None:
            super().__init__()
            self.placed, self.separator, self.height = _head_layout(head, missing)

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return PAGE.body_width, self.height

        def draw(self) -> None:
            canv = self.canv
            for runs, x, baseline, char_space, scale, red in self.placed:
                if red:
                    canv.setFillColorRGB(*style.RED)
                _draw_runs(canv, runs, x, self.height - baseline, char_space, scale)
                if red:
                    canv.setFillColorRGB(0, 0, 0)
            if self.separator is not None:
                canv.setStrokeColorRGB(*style.RED)
                canv.setLineWidth(style.SEPARATOR_WEIGHT)
                y = self.height - self.separator
                canv.line(0, y, PAGE.body_width, y)
                canv.setStrokeColorRGB(0, 0, 0)

    class ImprintBlock(Flowable):  # type: ignore[misc]
        """The 版记: takes the rest of the page and draws itself at its foot, the last
        rule on the 版心's bottom edge (7.4.1)."""

        def __init__(self, imprint: Imprint, missing: dict[str, None]) -> None:
            super().__init__()
            self.lines, self.rules, self.need = _imprint_layout(imprint, missing)
            self.height = self.need

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.height = max(self.need, avail_height)
            return PAGE.body_width, self.height

        def draw(self) -> None:
            canv = self.canv
            top = self.need
            for line in self.lines:
                baseline = top - line.height * style.LINE_BASELINE
                if line.lead:
                    _draw_runs(canv, line.lead, line.lead_x, baseline, 0.0)
                if line.runs:
                    _draw_runs(canv, line.runs, line.x, baseline, line.char_space)
                top -= line.height
            for depth, weight in self.rules:
                canv.setLineWidth(weight)
                canv.line(0, self.need - depth, PAGE.body_width, self.need - depth)

    class Probe(Flowable):  # type: ignore[misc]
        """Records the page it lands on and the height left there (the 版记's plan)."""

        def __init__(self) -> None:
            super().__init__()
            self.page, self.left = 0, 0.0

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.page, self.left = self.canv.getPageNumber(), avail_height
            return 0.0, 0.0

        def draw(self) -> None:
            return None

    class Captioned(Flowable):  # type: ignore[misc]
        """Lines kept with a table's first rows (a heading, the caption): split, they stay
        with the part of the table that fits, never alone at a page's foot."""

        def __init__(self, lead: Flowable | None, table: Flowable) -> None:
            super().__init__()
            self.lead, self.table = lead, table

        def _lead_height(self) -> float:
            return float(self.lead.height) if self.lead is not None else 0.0

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            _, h = self.table.wrap(avail_width, avail_height)
            self.height = self._lead_height() + h
            return PAGE.body_width, self.height

        def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
            parts = self.table.split(avail_width, avail_height - self._lead_height())
            if not parts:
                return []
            return [x for x in (self.lead, *parts) if x is not None]

        def draw(self) -> None:
            y = self.height
            if self.lead is not None:
                y -= self._lead_height()
                self.lead.drawOn(self.canv, 0, y)
            _, h = self.table.wrap(PAGE.body_width, self.height)
            x = (PAGE.body_width - self.table._width) / 2 if hasattr(self.table, "_width") else 0.0
            self.table.drawOn(self.canv, x, y - h)

    return {"head": HeadBlock, "imprint": ImprintBlock, "probe": Probe, "captioned": Captioned}


_element_classes = cache(_element_flowables)


def _table_flowable(table: Table, lead: list[_Line], missing: dict[str, None]) -> object:
    """A table (§D, PRAC): caption centred above in 黑体, cells in 仿宋 四号 at single
    spacing, the header rows in 黑体 and repeated on every page, rows never split across
    pages, ½ pt grid; ``lead`` (a heading kept with it) and the caption stay with its
    first rows, not with the whole table."""
    from reportlab.platypus import Table as PdfTable
    from reportlab.platypus import TableStyle

    block = _block_class()
    if table.caption:
        cap = style.TABLE_CAPTION
        lead = lead + _set([_Span(cap.face.pdf, cap.size, table.caption)], align=cap.align, missing=missing)
    lead = [replace(line, glue=True) for line in lead]
    grid = cell_grid(table)
    if not grid or not grid[0]:
        return block(lead or [_blank()])
    widths = column_widths(grid)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), style.TABLE_RULE, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), style.TABLE_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), style.TABLE_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), style.TABLE_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), style.TABLE_PAD_Y),
    ]
    data: list[list[object]] = []
    for r, row in enumerate(grid):
        cells: list[object] = []
        for c, entry in enumerate(row):
            if entry is None or entry[0] != r or entry[1] != c:
                cells.append("")
                continue
            cell = entry[2]
            st = style.TABLE_HEADER if r < table.header_rows else style.TABLE
            inner = sum(widths[c : c + cell.colspan]) - 2 * style.TABLE_PAD_X
            lines = _set(
                [_Span(st.face.pdf, st.size, cell.text, tracking=0.0)],
                align=st.align,
                width=max(inner, st.size),
                height=style.TABLE_LINE_PITCH,
                missing=missing,
            )
            cells.append(block(lines or [_Line((), 0.0, 0.0, style.TABLE_LINE_PITCH)], max(inner, st.size)))
            if cell.rowspan > 1 or cell.colspan > 1:
                commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        data.append(cells)
    grid_table = PdfTable(
        data,
        colWidths=widths,
        repeatRows=table.header_rows if style.TABLE_HEADER_REPEATS else 0,
        style=TableStyle(commands),
        splitInRow=int(style.TABLE_ROWS_SPLIT),
        hAlign="CENTER",
    )
    return _element_classes()["captioned"](block(lead) if lead else None, grid_table)


# ---------------------------------------------------------------- platypus


def _flowable_class() -> type:
    """The ``Block`` flowable class, built on first use so importing this module does
    not import reportlab."""
    from reportlab.platypus import Flowable

    class Block(Flowable):  # type: ignore[misc]
        """Set lines; splits between any two lines not glued together."""

        def __init__(self, lines: Sequence[_Line], width: float = PAGE.body_width) -> None:
            super().__init__()
            self.lines = tuple(lines)
            self.height = sum(line.height for line in self.lines)
            self.width = width  # a table cell's: its inner width

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return self.width, self.height

        def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
            fit, used = 0, 0.0
            for line in self.lines:
                if used + line.height > avail_height + _FUZZ:
                    break
                used += line.height
                fit += 1
            k = fit
            while k > 0 and self.lines[k - 1].glue:
                k -= 1
            if k == 0 and avail_height >= PAGE.body_height - _FUZZ:
                k = fit  # glued lines taller than a page: break them rather than fail
            if k == 0:
                return []
            if k >= len(self.lines):
                return [self]
            return [Block(self.lines[:k], self.width), Block(self.lines[k:], self.width)]

        def draw(self) -> None:
            canv = self.canv
            top = self.height
            log = getattr(canv, "line_log", None)  # a dry layout's (page fit, _dry_canvas)
            for line in self.lines:
                if log is not None:
                    log.append((canv.getPageNumber(), line.block, bool(line.runs)))
                if line.mark is not None:
                    key, title, level = line.mark
                    canv.bookmarkHorizontal(key, 0, top)
                    canv.addOutlineEntry(title, key, level=level, closed=False)
                if line.lead:
                    _draw_runs(
                        canv, line.lead, line.lead_x, top - line.height * style.LINE_BASELINE, TRACKING
                    )
                if line.runs:
                    canv.draw_runs(
                        line.runs,
                        line.x,
                        top - line.height * style.LINE_BASELINE,
                        line.char_space,
                        squeeze={i: v for i, _, v in line.squeeze},
                    )
                top -= line.height

    return Block


_block_class = cache(_flowable_class)


def _draw_page_number(canv: object, doc: object) -> None:
    """``— N —`` in 14 pt 宋体: odd pages right, even pages left, one 字 in from the
    版心 edge; the 一字线's middle 7 mm below the 版心 (STD 7.5)."""
    n: int = canv.getPageNumber()  # type: ignore[attr-defined]
    ps = style.PAGE_NUMBER
    font = ps.face.pdf
    text = style.page_number_text(n)
    inset = PAGE.page_number_inset_chars * ps.size  # one 4号 字 (gbt9704.md §7.7)
    dash_mid = fonts.register_fonts()[font].em_dash_mid or 0.3
    y = PAGE.bottom - PAGE.page_number_gap - dash_mid * ps.size
    # the digits in the Latin face, as the DOCX footer's w:ascii font sets them
    runs = fonts.with_fallback(text, font, latin=ps.face.latin_pdf).runs
    width = sum(_width(r.font, ps.size, ch) for r in runs for ch in r.text)
    x = PAGE.left + PAGE.body_width - inset - width if n % 2 else PAGE.left + inset
    canv.draw_runs([(r.font, ps.size, r.text) for r in runs], x, y, 0.0)  # type: ignore[attr-defined]


def render(article: Article, *, source: str = "", seal: bool = False) -> bytes:
    """The article as a PDF: same bytes for the same article (reportlab ``invariant``).

    ``source`` (the input's name) is accepted for the renderers' common call and
    deliberately not written into the PDF: a local file path is private.  ``seal``
    lays 署名 and 成文日期 out for a seal (7.3.5.1).  Raises
    :class:`~pipeline.errors.RenderError` when the fonts are not prepared.
    """
    return render_checked(article, seal=seal)[0]


def _flowables(
    article: Article,
    missing: dict[str, None],
    seal: bool,
    fit: Fit | None = None,
    groups: list[list[_Line] | Table] | None = None,
) -> tuple[list[object], bool]:
    """The article's flowables (版头, blocks, tables; not the 版记) and whether it has an
    outline; ``groups`` when they are already set (:func:`_groups` with ``fit``)."""
    block = _block_class()
    if groups is None:
        groups = _groups(article, missing, seal, fit)
    flowables: list[object] = []
    if article.head is not None and head_lines(article.head):
        flowables.append(_element_classes()["head"](article.head, missing))
    lead: list[_Line] = []  # lines kept with the table after them
    for k, group in enumerate(groups):
        if isinstance(group, Table):
            flowables.append(_table_flowable(group, lead, missing))
            lead = []
            continue
        if group and group[-1].glue and k + 1 < len(groups) and isinstance(groups[k + 1], Table):
            lead = group
            continue
        flowables.append(block(group))
    has_outline = any(line.mark for g in groups if isinstance(g, list) for line in g)
    return flowables, has_outline


Placement = Literal["here", "next", "blank"]


def _placement(probe_page: int, left: float, need: float) -> Placement:
    """Where the 版记 goes (7.4, 7.5): at the foot of the last page when it is even and has
    room ("here"), on the next page when the body ends on an odd one ("next"), else on
    the even page after a blank one ("blank"; neither of them is numbered).

    >>> _placement(2, 120.0, 80.0), _placement(3, 500.0, 80.0), _placement(2, 100.0, 80.0)
    ('here', 'next', 'blank')
    """
    if probe_page % 2 == 0 and left + _FUZZ >= need + style.IMPRINT_FIT_SLACK:
        return "here"
    return "next" if probe_page % 2 == 1 else "blank"


def imprint_placement(article: Article, *, seal: bool = False) -> Placement:
    """Where this renderer puts the article's 版记 (see :func:`_placement`); the DOCX
    renderer asks it, since a word processor has no "on the next even page, or here"."""
    if article.imprint is None:
        return "here"
    fonts.register_fonts()
    return _probe(article, seal)[0]


def _probe(article: Article, seal: bool) -> tuple[Placement, int]:
    """The 版记's placement and the page the body ends on: the body laid out once."""
    classes = _element_classes()
    probe = classes["probe"]()
    flowables, _ = _flowables(article, {}, seal, _plan(article, seal)[0])
    _build(article, [*flowables, probe], lambda canv, doc: None, dry=True)
    assert article.imprint is not None
    need = _imprint_layout(article.imprint, {})[2]
    return _placement(probe.page, probe.left, need), probe.page


def _build(
    article: Article, items: list[object], on_page: object, *, dry: bool = False, canvasmaker: object = None
) -> bytes:
    """Pour ``items`` into the pages and write the file (``dry``: lay out only;
    ``canvasmaker``: another canvas class, as the page fit's dry layouts use)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from pipeline.render.pdfwrite import canvas_class

    buf = io.BytesIO()
    frame = Frame(
        PAGE.left,
        PAGE.bottom,
        PAGE.body_width,
        PAGE.body_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc = BaseDocTemplate(
        buf,
        pagesize=(PAGE.width, PAGE.height),
        pageTemplates=[PageTemplate("page", [frame], onPage=on_page)],
        title=article.title,
        author="",
        subject="",
        creator="gongwen",
        producer="gongwen (reportlab)",
        lang="zh-CN",
        invariant=1,
        displayDocTitle=True,
        initialFontName=style.BODY.face.pdf,  # else an unused, unembedded Helvetica
        initialFontSize=BODY_SIZE,
    )
    doc.build(
        items or [_block_class()([_Line((), 0.0, 0.0, PAGE.line_pitch)])],
        canvasmaker=canvasmaker or canvas_class(dry),
    )
    return buf.getvalue()


# ---------------------------------------------------------------- page fit and the DOCX's hints


def _dry_canvas() -> type:
    """A canvas that lays pages out without keeping them (:func:`canvas_class` with
    ``dry``): it records, for every set line drawn, (page, block index, whether it has
    text) in the list it is given, and writes nothing."""
    from pipeline.render.pdfwrite import canvas_class

    class Dry(canvas_class(True)):  # type: ignore[misc]
        def __init__(self, log: list[tuple[int, int, bool]], *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self.line_log = log

    return Dry


_dry_class = cache(_dry_canvas)


_Layout = tuple[list[tuple[int, int, bool]], list[list[_Line] | Table]]


def _dry_layout(article: Article, seal: bool, fit: Fit) -> _Layout:
    """(page, block, has text) of every line drawn, the article laid out with ``fit``,
    and the groups of lines it was laid out from."""
    log: list[tuple[int, int, bool]] = []
    dry = _dry_class()
    groups = _groups(article, {}, seal, fit)
    flowables, _ = _flowables(article, {}, seal, groups=groups)
    _build(article, flowables, lambda canv, doc: None, canvasmaker=lambda *a, **k: dry(log, *a, **k))
    return log, groups


def _page_fit(article: Article, seal: bool) -> tuple[Fit, list[list[_Line] | Table]]:
    """The page fit (STD 7.3.5.5, :data:`style.PAGE_FIT_LINES`): when the last page holds
    only one or two lines, the first of these that saves the page: each of
    :data:`style.PAGE_FIT_TRACKING` on the paragraphs from the page before on; a line
    pitch that puts one, then two more lines on that page's paragraphs (at most
    :data:`style.PAGE_FIT_MAX_EXTRA_LINES`); both at their tightest; then all of these
    from two pages before (when the page before holds nothing that gives a line, a
    table).  No fit when none of them saves the page.  Also returns the groups laid out."""
    log, groups = _dry_layout(article, seal, Fit())
    if not log:
        return Fit(), groups
    pages = log[-1][0]
    last = sum(1 for page, _, text in log if page == pages and text)
    if pages < 2 or not 0 < last <= style.PAGE_FIT_LINES:
        return Fit(), groups
    first_page: dict[int, int] = {}
    for page, block, _ in log:
        if block >= 0:
            first_page.setdefault(block, page)

    def tightenable(blocks: Iterable[int]) -> list[int]:
        return [b for b in blocks if isinstance(article.blocks[b], Heading | Paragraph)]

    candidates: list[Fit] = []
    for back in (1, 2):
        on = tightenable(b for page, b, _ in log if page >= pages - back and b >= 0)
        if not on:
            continue
        tracked = min(on)
        candidates += [Fit(tracked, t) for t in style.PAGE_FIT_TRACKING]
        starting = [b for b in on if first_page[b] == pages - back]
        if starting:
            pitched = min(starting)
            candidates += [
                Fit(pitch_from=pitched, pitch=PAGE.body_height / (PAGE.lines + extra))
                for extra in range(1, style.PAGE_FIT_MAX_EXTRA_LINES + 1)
            ]
            tightest = PAGE.body_height / (PAGE.lines + style.PAGE_FIT_MAX_EXTRA_LINES)
            candidates.append(Fit(tracked, min(style.PAGE_FIT_TRACKING), pitched, tightest))
    for fit in dict.fromkeys(candidates):
        trial, fitted = _dry_layout(article, seal, fit)
        if trial and trial[-1][0] < pages:
            return fit, fitted
    return Fit(), groups


@dataclass(frozen=True, slots=True)
class BlockFit:
    """What the PDF's line breaker decided for one block, for the DOCX to say the same:
    marks squeezed (offset in the block's printed text → pt given up), the page fit's
    tracking and line pitch, and where each line starts and ends."""

    squeeze: tuple[tuple[int, float], ...] = ()
    tracking: float = 0.0  # pt added to the grid's tracking
    pitch: float = PAGE.line_pitch
    # every line: (start, end) offsets in the block's text, its glyphs' width, the width
    # it was broken to, its first glyph's width (a word processor is told to break where
    # this renderer did when its own widths would not make it)
    lines: tuple[tuple[int, int, float, float, float], ...] = ()


@lru_cache(maxsize=32)
def _plan(article: Article, seal: bool) -> tuple[Fit, dict[int, BlockFit]]:
    """The page fit and every block's :class:`BlockFit`, computed once for both renderers
    (``--to all`` renders the DOCX first, then the PDF)."""
    fonts.register_fonts()
    fit, groups = _page_fit(article, seal)
    squeezes: dict[int, list[tuple[int, float]]] = {}
    spans: dict[int, list[tuple[int, int, float, float, float]]] = {}
    for group in groups:
        if isinstance(group, Table):
            continue
        for line in group:
            if line.block >= 0:
                squeezes.setdefault(line.block, []).extend((src, v) for _, src, v in line.squeeze)
                if line.runs:
                    font, size, first = line.runs[0]
                    glyphs = _advance(line.runs, 0.0)
                    spans.setdefault(line.block, []).append(
                        (*line.src, glyphs, line.avail, _width(font, size, first[0]))
                    )
    hints: dict[int, BlockFit] = {}
    for k, block in enumerate(article.blocks):
        if not isinstance(block, Heading | Paragraph):
            continue
        tracking = fit.tracking_at(k) - TRACKING
        pitch = fit.pitch_at(k)
        hints[k] = BlockFit(tuple(squeezes.get(k, ())), tracking, pitch, tuple(spans.get(k, ())))
    return fit, hints


def layout_hints(article: Article, *, seal: bool = False) -> dict[int, BlockFit]:
    """What the DOCX needs to break its lines and pages as this renderer does: a
    :class:`BlockFit` for every paragraph and heading (index in ``article.blocks``)."""
    return _plan(article, seal)[1]


def docx_joiners(text: str) -> dict[int, str]:
    """Where LibreOffice needs an invisible character before ``text[offset]``: between a
    Latin letter or digit and a Chinese character it inserts 0.2 em of its own
    ("Asian/non-Asian spacing", which its DOCX import cannot switch off), but not next to
    a character that is not a letter or digit.  A zero-width space where this renderer
    may break the line there, a word joiner where it may not (55天, 2.96%); and a
    zero-width space between a Chinese mark and a Latin letter or digit, where
    LibreOffice would not break by itself.

    >>> docx_joiners("共55天，GDP增长")
    {1: '\\u200b', 3: '\\u2060', 5: '\\u200b', 8: '\\u200b'}
    """
    glued = {i for a, b in style.number_spans(text) for i in range(a + 1, b)}
    out: dict[int, str] = {}
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        free = i not in glued and _break_allowed(a, b)
        if a.isalnum() and b.isalnum() and (ord(a) < 0x80) != (ord(b) < 0x80):
            out[i] = style.LO_MAY_BREAK if free else style.LO_NO_BREAK
        elif free and ord(a) >= 0x80 and not a.isalnum() and b.isascii() and b.isalnum():
            out[i] = style.LO_MAY_BREAK  # LibreOffice never breaks between "，" and "1" itself
    return out


def render_checked(article: Article, *, seal: bool = False) -> tuple[bytes, str]:
    """The article as a PDF, and the characters no font of the stack has (each once, in
    order of appearance; the renderer draws them as the face's empty box)."""
    from reportlab.platypus import PageBreak

    fonts.register_fonts()
    missing: dict[str, None] = {}
    flowables, has_outline = _flowables(article, missing, seal, _plan(article, seal)[0])
    unnumbered: frozenset[int] = frozenset()
    if article.imprint is not None:
        where, page = _probe(article, seal)
        breaks = {"here": 0, "next": 1, "blank": 2}[where]
        if where == "blank":
            unnumbered = frozenset({page + 1, page + 2})
        flowables += [PageBreak() for _ in range(breaks)]
        flowables.append(_element_classes()["imprint"](article.imprint, missing))

    def on_page(canv: object, doc: object) -> None:
        if has_outline and canv.getPageNumber() == 1:  # type: ignore[attr-defined]
            canv.showOutline()  # type: ignore[attr-defined]  # open the bookmarks pane
        if canv.getPageNumber() not in unnumbered:  # type: ignore[attr-defined]
            _draw_page_number(canv, doc)

    return _build(article, flowables, on_page), "".join(missing)
