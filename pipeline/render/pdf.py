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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from pipeline.model import Article, Heading, Paragraph
from pipeline.render import fonts, style
from pipeline.render.common import printed_blocks
from pipeline.render.title import split_title

PAGE = style.PAGE
BODY_SIZE = style.BODY.size
# 28 characters of a 16 pt face in 442.2 pt: each glyph advances 0.207 pt less than its
# width (gbt9704.md §2.12 option "16 pt + negative tracking"; the DOCX's w:spacing / char
# grid does the same).  Applies to every 16 pt line; the 22 pt title is not on the grid.
TRACKING = PAGE.char_pitch - BODY_SIZE
_FUZZ = 0.01  # pt; absorbs float error when 28 cells meet 442.2 pt exactly
_NEVER_SPLIT = frozenset(pair for pair in style.NEVER_SPLIT)


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


@cache
def _width(font: str, size: float, ch: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w: float = stringWidth(ch, font, size)
    return w


def _is_word_char(ch: str) -> bool:
    """Latin letters, digits and the hyphen-minus, which break only at spaces (2013, GDP,
    ISSN 1671-8089: a line-final hyphen would also be eaten by text extraction)."""
    return (ch.isalnum() and ord(ch) < 0x2000) or ch == "-"


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
    """
    chars: list[str] = []
    font_of: list[tuple[str, float]] = []
    adv: list[float] = []
    trackings = {s.tracking for s in spans if s.text}
    if len(trackings) > 1:
        raise ValueError("spans of one block must share a tracking")
    tracking = trackings.pop() if trackings else 0.0
    for span in spans:
        face = style.face_of(span.face)
        fb = fonts.with_fallback(span.text, span.face, latin=face.latin_pdf, dash=face.dash_pdf)
        if missing is not None:
            missing.update(dict.fromkeys(fb.missing))
        for run in fb.runs:
            for ch in run.text:
                if ch == "\t":
                    ch = style.TAB_AS
                elif ch in fb.missing or (fonts.invisible(ch) and not fonts.has_glyph(run.font, ch)):
                    continue  # reported (missing) or invisible: never drawn as a .notdef box
                chars.append(ch)
                font_of.append((run.font, span.size))
                adv.append(_width(run.font, span.size, ch) + tracking)
    n = len(chars)
    glued = {i for a, b in style.number_spans("".join(chars)) for i in range(a + 1, b)}
    lines: list[_Line] = []
    start = 0
    while start < n:
        first = not lines
        avail = width - (indent if first else 0.0)
        # the longest stretch that fits (trailing spaces may hang past the edge)
        end, used = start, 0.0
        while end < n and (used + adv[end] <= avail + _FUZZ or chars[end].isspace()):
            used += adv[end]
            end += 1
        if end < n:
            brk = end
            while brk > start and (brk in glued or not _break_allowed(chars[brk - 1], chars[brk])):
                brk -= 1
            # no legal break in the whole line (a 40-letter URL): break where it overflows
            end = brk if brk > start else max(end, start + 1)
        last = end >= n
        ink_end = end
        while ink_end > start and chars[ink_end - 1].isspace():
            ink_end -= 1
        count = ink_end - start
        ink = sum(adv[start:ink_end]) - tracking if count else 0.0
        x = indent if first else 0.0
        char_space = tracking
        if count > 1 and ((align == "justify" and not last) or ink > avail):
            # spread the slack over the gaps; a full last line (28 cells whose ink is
            # one tracking wider than the 版心) is squeezed back inside the same way
            char_space = tracking + (avail - ink) / (count - 1)
        elif align == "center":
            if count and chars[ink_end - 1] in style.CENTRE_ON_INK_MARKS:
                ink -= style.TRAILING_MARK_BLANK * font_of[ink_end - 1][1]  # centre on the ink
            x = (width - ink) / 2
        lines.append(_Line(_runs(chars, font_of, start, ink_end), x, char_space, height))
        start = end
    return lines


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


def _block_lines(block: Heading | Paragraph, missing: dict[str, None]) -> tuple[list[_Line], bool]:
    """A block's lines, and whether it keeps with the next block."""
    body = style.BODY
    if isinstance(block, Paragraph):
        spans = [_Span(body.face.pdf, body.size, block.text)]
        return _set(
            spans, align=body.align, indent=body.indent_chars * PAGE.char_pitch, missing=missing
        ), False
    h = style.HEADINGS[block.level]
    spans = [_Span(h.face.pdf, h.size, style.heading_label(block.number, block.text))]
    if block.tail:  # run-in: heading sentence in the level face, the rest in the body face
        spans.append(_Span(body.face.pdf, body.size, block.tail))
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


def _groups(article: Article, missing: dict[str, None]) -> list[list[_Line]]:
    """The article as groups of lines: one group per block, except that a block that
    keeps with the next (title, standalone heading) shares a group with it and glues
    its last line to the next line."""
    groups: list[list[_Line]] = []
    pending = _title_lines(article, missing)
    headings = [b for b in article.blocks if isinstance(b, Heading)]
    levels = iter(_outline_level((b.level for b in headings), bool(article.title)))
    for i, (element, text) in enumerate(printed_blocks(article)):
        # until the elements of a 公文 have their own layout, each prints as a body paragraph
        block = element if isinstance(element, Heading) else Paragraph(text)
        lines, keep = _block_lines(block, missing)
        if not lines:
            continue
        if isinstance(block, Heading):
            title = style.heading_label(block.number, block.text).strip()
            lines[0] = replace(lines[0], mark=(f"h{i}", title, next(levels)))
        if keep:  # every line of it, not only the last: a two-line heading stays whole
            lines = [replace(line, glue=True) for line in lines]
            pending += lines
            continue
        groups.append(pending + lines)
        pending = []
    if pending:
        groups.append([*pending[:-1], replace(pending[-1], glue=False)])
    return groups


# ---------------------------------------------------------------- platypus


def _flowable_class() -> type:
    """The ``Block`` flowable class, built on first use so importing this module does
    not import reportlab."""
    from reportlab.platypus import Flowable

    class Block(Flowable):  # type: ignore[misc]
        """Set lines; splits between any two lines not glued together."""

        def __init__(self, lines: Sequence[_Line]) -> None:
            super().__init__()
            self.lines = tuple(lines)
            self.height = sum(line.height for line in self.lines)

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return PAGE.body_width, self.height

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
            return [Block(self.lines[:k]), Block(self.lines[k:])]

        def draw(self) -> None:
            canv = self.canv
            top = self.height
            for line in self.lines:
                if line.mark is not None:
                    key, title, level = line.mark
                    canv.bookmarkHorizontal(key, 0, top)
                    canv.addOutlineEntry(title, key, level=level, closed=False)
                if line.runs:
                    tx = canv.beginText(line.x, top - line.height * style.LINE_BASELINE)
                    tx.setCharSpace(line.char_space)
                    for font, size, text in line.runs:
                        tx.setFont(font, size)
                        tx.textOut(text)
                    canv.drawText(tx)
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
    tx = canv.beginText(x, y)  # type: ignore[attr-defined]
    for run in runs:
        tx.setFont(run.font, ps.size)
        tx.textOut(run.text)
    canv.drawText(tx)  # type: ignore[attr-defined]


def render(article: Article, *, source: str = "") -> bytes:
    """The article as a PDF: same bytes for the same article (reportlab ``invariant``).

    ``source`` (the input's name) is accepted for the renderers' common call and
    deliberately not written into the PDF: a local file path is private.  Raises
    :class:`~pipeline.errors.RenderError` when the fonts are not prepared.
    """
    return render_checked(article)[0]


def render_checked(article: Article) -> tuple[bytes, str]:
    """The article as a PDF, and the characters no font of the stack has (each once, in
    order of appearance; the renderer draws them as the face's empty box)."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts.register_fonts()
    block = _block_class()
    missing: dict[str, None] = {}
    groups = _groups(article, missing)
    flowables = [block(lines) for lines in groups]
    has_outline = any(line.mark for lines in groups for line in lines)

    def on_page(canv: object, doc: object) -> None:
        if has_outline and canv.getPageNumber() == 1:  # type: ignore[attr-defined]
            canv.showOutline()  # type: ignore[attr-defined]  # open the bookmarks pane
        _draw_page_number(canv, doc)

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
    doc.build(flowables or [block([_Line((), 0.0, 0.0, PAGE.line_pitch)])])
    return buf.getvalue(), "".join(missing)
