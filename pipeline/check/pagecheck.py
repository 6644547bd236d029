"""Checks made on the rendered page: what a reader of the printout would measure.

A PDF is read as it is; a DOCX is first laid out by LibreOffice
(:mod:`pipeline.check.libreoffice`).  From the text lines of each page
(:mod:`pipeline.check.pdfpage`) the checks rebuild paragraphs (a line that starts
indented, centred or after a short line opens one), give them roles from their text
(:mod:`pipeline.check.roles`) and measure: lines per page and their pitch, characters
per full line, where the ink sits against the 版心, the page number's form, side and
height, 避头尾 and split numbers at line breaks, headings left at a page foot,
near-empty last pages, 署名/日期 alone on a page, and — for a PDF, where the page is
all there is — the faces, sizes and element positions the XML checks make for a DOCX.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.check import roles as rk
from pipeline.check.faces import face_kind, wanted_kind
from pipeline.check.findings import Finding, Where
from pipeline.check.measure import (
    MM_TOL,
    PAPER_TOL,
    PITCH_TOL,
    POSITION_TOL_CHARS,
    SIZE_TOL,
    Findings,
    chars,
    mm,
    pt,
    width_in_chars,
)
from pipeline.check.pdfpage import Line, Pdf
from pipeline.check.xmlcheck import HEADING_SPAN, date_problem, doc_number_problem
from pipeline.render import style

PAGE = style.PAGE
BODY_LEFT = PAGE.left
BODY_RIGHT = PAGE.left + PAGE.body_width
BODY_BOTTOM = PAGE.top + PAGE.body_height

# "— 3 —", "- 3 -", "3", "第 3 页", "3 / 12": what a page number may look like
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－一~～_·]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／]\s*\d+\s*页?)?(\s*共\s*\d+\s*页)?[\s\-—–－一~～_·]*$"
)
_PAGE_NUMBER_FORM = re.compile(r"^—\s?\d{1,4}\s?—$")
_DIGIT = "0123456789０１２３４５６７８９"
_AFTER_DIGIT = _DIGIT + "%‰％.．年月日"
MIN_FACE_CHARS = 4  # a paragraph of fewer characters (a "―", a cell) says nothing of its face
TABLE_GAP_CHARS = 2  # characters this far apart in a line are in different cells (a table row)


@dataclass(frozen=True, slots=True)
class BodyLine:
    line: Line
    index: int  # 1-based on its page
    para: int  # paragraph number, 0-based, in reading order


@dataclass(frozen=True, slots=True)
class Para:
    lines: tuple[BodyLine, ...]
    align: str

    @property
    def text(self) -> str:
        return "".join(b.line.text for b in self.lines)

    @property
    def size(self) -> float:
        return self.lines[0].line.size


@dataclass(frozen=True, slots=True)
class Layout:
    body: tuple[tuple[BodyLine, ...], ...]  # per page
    numbers: tuple[Line | None, ...]  # the page-number line of each page
    paras: tuple[Para, ...]
    roles: tuple[rk.Role, ...]
    left: float  # where the document's lines start (its left edge)
    right: float
    edges_known: bool  # False: no full line followed by another showed the edges
    char: float  # one 字 of body text


def _page_number_line(lines: Sequence[Line], height: float) -> Line | None:
    outside = [ln for ln in lines if ln.baseline > BODY_BOTTOM or ln.baseline < PAGE.top - 2]
    found = [ln for ln in outside if PAGE_NUMBER.match(ln.text) and any(c in _DIGIT for c in ln.text)]
    if not found:
        return None
    return max(found, key=lambda ln: ln.baseline)


def layout(pdf: Pdf) -> Layout:
    """Body lines and page numbers of every page, paragraphs and their roles."""
    numbers = []
    body_pages: list[list[Line]] = []
    for page in pdf.pages:
        num = _page_number_line(page.lines, page.height)
        numbers.append(num)
        body_pages.append([ln for ln in page.lines if ln is not num])
    all_lines = [ln for p in body_pages for ln in p]
    # the body's size: the commonest by characters, among sizes a body could have (a
    # one-line document is mostly title), in lines that run on as text does — a table's
    # rows, cells apart, are left out (a long table would outweigh the body around it)
    running = [ln for ln in all_lines if not _gapped(ln)] or all_lines
    sizes = Counter(c.size for ln in running for c in ln.chars if not c.ch.isspace())
    small = Counter({round(k, 1): n for k, n in sizes.items() if k < style.TITLE.size - 2})
    body_size = (small or sizes).most_common(1)[0][0] if sizes else style.BODY.size
    plain = [ln for ln in all_lines if abs(ln.size - body_size) < 0.5]
    # the document's right edge: where at least two body lines end furthest out; its left
    # edge: where the lines after such full lines start (a continuation line; in a short
    # document of one-line paragraphs there may be none: then the 版心's edge is assumed)
    ends = Counter(round(_text_end(ln)) for ln in plain if ln.x1 > (BODY_LEFT + BODY_RIGHT) / 2)
    repeated = [x for x, n in ends.items() if n >= 2]
    right = float(max(repeated)) if repeated else BODY_RIGHT
    continuing = [
        b.x0
        for page in body_pages
        for a, b in itertools.pairwise(page)
        if abs(_text_end(a) - right) < 0.6 * body_size
        and abs(a.size - b.size) < 0.5
        and abs(a.size - body_size) < 0.5
    ]
    left = min(continuing) if continuing else BODY_LEFT
    full = [
        ln
        for ln in plain
        if abs(ln.x1 - right) < 2 and width_in_chars(ln.text) == len(ln.text) and len(ln.text) > 5
    ]
    char = statistics.median((ln.x1 - ln.x0) / len(ln.text) for ln in full) if full else PAGE.char_pitch
    pitch_guess = _pitch(body_pages, body_size) or PAGE.line_pitch
    paras: list[list[BodyLine]] = []
    aligns: list[str] = []
    body: list[tuple[BodyLine, ...]] = []
    prev: Line | None = None
    for page_lines in body_pages:
        page_out = []
        for i, ln in enumerate(page_lines, 1):
            centre = (ln.x0 + ln.x1) / 2
            centred = abs(centre - (left + right) / 2) < char and ln.x0 > left + char and ln.x1 < right - char
            right_set = ln.x0 > left + 4 * char and abs(ln.x1 - right) < 2 * char + 1
            large = abs(ln.size - body_size) > 1
            if large and prev is not None and abs(ln.size - prev.size) < 0.5 and ln.page == prev.page:
                # the next line of a title (or any large centred block): one paragraph
                new = abs(centre - (left + right) / 2) > 1.5 * char
            else:
                new = (
                    prev is None
                    or ln.x0 > left + 0.5 * char
                    or prev.x1 < right - 3 * char
                    or abs(ln.size - prev.size) > 1
                    or (prev.page == ln.page and ln.baseline - prev.baseline > 1.6 * pitch_guess)
                    or centred
                )
            if new:
                paras.append([])
                aligns.append(
                    "center"
                    if centred or (large and abs(centre - (left + right) / 2) < char)
                    else "right"
                    if right_set
                    else "both"
                )
            b = BodyLine(ln, i, len(paras) - 1)
            paras[-1].append(b)
            page_out.append(b)
            prev = ln
        body.append(tuple(page_out))
    para_objs = tuple(Para(tuple(p), a) for p, a in zip(paras, aligns, strict=True))
    found = rk.classify([rk.Hint(p.text, p.align, p.size, _face_level(p)) for p in para_objs])
    roles = tuple(
        rk.Role("table") if _small(p, body_size) else r for p, r in zip(para_objs, found, strict=True)
    )
    known = bool(continuing) and bool(repeated)
    return Layout(tuple(body), tuple(numbers), para_objs, roles, left, right, known, char)


# a one-line paragraph without a marker set in the face of a heading level is a heading
# of that level (the page has no style names to go by)
_LEVEL_OF_KIND = {wanted_kind(b.face): n for n, b in sorted(style.HEADINGS.items(), reverse=True)}
_LEVEL_OF_KIND.pop(wanted_kind(style.BODY.face), None)


def _gapped(ln: Line) -> bool:
    """Characters two 字 or more apart within the line: cells of a table's row."""
    ink = [c for c in ln.chars if not c.ch.isspace()]
    return any(b.x0 - a.x1 >= TABLE_GAP_CHARS * max(a.size, 1) for a, b in itertools.pairwise(ink))


def _small(p: Para, body_size: float) -> bool:
    """Text set smaller than the body (a table's cells, 四号 and below): not body text."""
    return p.size < body_size - 1


def _face_level(p: Para) -> int:
    if len(p.lines) != 1:
        return 0
    return _LEVEL_OF_KIND.get(face_kind(p.lines[0].line.font_of()) or "", 0)


def _pitch(pages: Sequence[Sequence[Line]], size: float) -> float | None:
    """The typical distance between consecutive body-size lines on a page."""
    gaps = []
    for lines in pages:
        same = [ln for ln in lines if abs(ln.size - size) < 0.5]
        gaps += [
            b.baseline - a.baseline
            for a, b in itertools.pairwise(same)
            if 0 < b.baseline - a.baseline < 3 * size
        ]
    if not gaps:
        return None
    # each gap averaged with the next: a renderer that rounds positions sets lines 29.7
    # and 28.2 pt apart by turns on a 28.95 pt grid (LibreOffice with two faces in a line)
    pairs = [(a + b) / 2 for a, b in itertools.pairwise(gaps)] or gaps
    mode = Counter(round(g) for g in pairs).most_common(1)[0][0]
    return statistics.median(g for g in pairs if abs(g - mode) <= 0.6)


def _where(b: BodyLine) -> Where:
    return Where(page=b.line.page, line=b.index, text=b.line.text)


# ---------------------------------------------------------------- geometry


def _paper(pdf: Pdf, out: Findings) -> None:
    for p in pdf.pages:
        if abs(p.width - PAGE.width) > PAPER_TOL or abs(p.height - PAGE.height) > PAPER_TOL:
            out.add(
                "paper-size",
                Where(page=p.number),
                f"{mm(p.width)} × {mm(p.height)}",
                "A4 210.0 mm × 297.0 mm",
                group="paper",
            )


# marks whose ink sits in the left part of their cell in some face of the layout table:
# at a line end 先挤 may squeeze away their blank part (style.SQUEEZE_MAX), so their cell
# reaches past the 版心 while their ink stays inside (clreq §3.1.6, PRAC)
_SQUEEZABLE = frozenset("".join(f.squeeze for f in style.FACES))


def _text_end(line: Line) -> float:
    """Where ``line``'s text ends: its last cell's right edge; for a line-final mark that
    may be squeezed, whose cell passes the 版心, no further out than its blank part
    allows (a mark hanging past the edge, as LibreOffice sets one, still passes it)."""
    last = line.chars[-1]
    if last.ch in _SQUEEZABLE and line.x1 > BODY_RIGHT:
        return max(BODY_RIGHT, line.x1 - style.SQUEEZE_MAX * last.size)
    return line.x1


def _margins(lay: Layout, out: Findings) -> None:
    lines = [b for page in lay.body for b in page]
    if not lines:
        return
    leftmost = min(lines, key=lambda b: b.line.x0)
    rightmost = max(lines, key=lambda b: _text_end(b.line))
    if (lay.edges_known and abs(lay.left - BODY_LEFT) > MM_TOL) or leftmost.line.x0 < BODY_LEFT - MM_TOL:
        got = leftmost.line.x0 if leftmost.line.x0 < BODY_LEFT - MM_TOL else lay.left
        out.add(
            "margins",
            _where(leftmost),
            f"text starts {mm(got)} from the left edge",
            f"{mm(BODY_LEFT)} (订口)",
        )
    end = _text_end(rightmost.line)
    if end > BODY_RIGHT + MM_TOL or (lay.edges_known and lay.right < BODY_RIGHT - MM_TOL - lay.char / 2):
        got = PAGE.width - (end if end > BODY_RIGHT + MM_TOL else lay.right)
        out.add(
            "margins",
            _where(rightmost),
            f"text ends {mm(got)} from the right edge",
            f"{mm(PAGE.right)} (版心 156 mm wide)",
        )
    tops = [page[0] for page in lay.body if page]
    high = min(tops, key=lambda b: min(c.top for c in b.line.chars))
    # the cell's top (the font's ascent above the baseline) must not rise above the 版心
    if min(c.top for c in high.line.chars) < PAGE.top - MM_TOL:
        out.add(
            "margins",
            _where(high),
            f"text {mm(min(c.top for c in high.line.chars))} from the top edge",
            f"below {mm(PAGE.top)} (天头)",
        )
    low = max(lines, key=lambda b: b.line.baseline)
    if low.line.baseline > BODY_BOTTOM + MM_TOL:
        out.add(
            "margins",
            _where(low),
            f"text line {mm(PAGE.height - low.line.baseline)} above the bottom edge",
            f"inside the 版心, {mm(PAGE.bottom)} or more",
        )


def _grid(lay: Layout, out: Findings, skip_chars: bool) -> None:
    text = [[b.line for b in page if lay.roles[b.para].kind != "table"] for page in lay.body]
    body_size = Counter(ln.size for page in text for ln in page).most_common(1)
    if not body_size:
        return
    size = body_size[0][0]
    pitch = _pitch(text, size)
    # a page whose last paragraph runs on to the next page is full by the flow of the text:
    # it shows the grid.  One that ends with a paragraph may be short for a good reason
    # (the heading after it kept with its paragraph on the next page, a page break).
    # the page fit (STD 7.3.5.5 调整行距, style.PAGE_FIT_LINES) may set the paragraphs of
    # the last pages at a tighter pitch to take back a last page of one or two lines
    fitted = len(lay.body) - 2
    fit_lines = range(PAGE.lines + 1, PAGE.lines + style.PAGE_FIT_MAX_EXTRA_LINES + 1)
    counts = {}
    for i, page in enumerate(lay.body[:-1]):
        if i >= fitted and len(page) in fit_lines:
            continue
        following = lay.body[i + 1]
        runs_on = page and following and page[-1].para == following[0].para
        tables = any(lay.roles[b.para].kind == "table" for b in page)
        if runs_on and i > 0 and lay.roles[page[-1].para].kind == "body" and not tables:
            counts[i + 1] = len(page)
    over = [
        i + 1
        for i, page in enumerate(lay.body)
        if sum(lay.roles[b.para].kind != "table" for b in page)
        > PAGE.lines + (len(fit_lines) if i >= fitted else 0)
    ]
    if over:
        pno = over[0]
        out.add(
            "lines-per-page",
            _where(lay.body[pno - 1][0]),
            f"{len(lay.body[pno - 1])} lines on the page",
            f"{PAGE.lines} lines filling the 版心",
        )
    elif counts:
        typical, _ = Counter(counts.values()).most_common(1)[0]
        if typical != PAGE.lines:
            pno = next(p for p, n in counts.items() if n == typical)
            out.add(
                "lines-per-page",
                _where(lay.body[pno - 1][0]),
                f"{typical} lines on a full page",
                f"{PAGE.lines} lines filling the 版心",
            )
    if pitch and not any(f.code == "lines-per-page" for f in out):
        # coordinates in a PDF are rounded: allow the measured pitch PITCH_TOL/2 of error
        lines = int(PAGE.body_height / (pitch - PITCH_TOL / 2))
        first = next(
            (b for page in lay.body for b in page if lay.roles[b.para].kind == "body"),
            next(b for page in lay.body for b in page),
        )
        # a document of one or two pages set entirely by the page fit: its last page
        # holds the lines the fit took back, more than the grid's
        # (its body lines alone may be fewer than the grid's when the title block shares
        # the page: then the page is full to the 版心's foot)
        full = bool(lay.body[-1]) and (
            len(lay.body[-1]) > PAGE.lines or lay.body[-1][-1].line.baseline > BODY_BOTTOM - PAGE.line_pitch
        )
        fit_only = len(lay.body) <= 2 and full and lines in fit_lines
        if lines != PAGE.lines and not fit_only:
            out.add(
                "lines-per-page",
                Where(page=first.line.page, text=first.line.text),
                f"line pitch {pt(pitch)}: {lines} lines fit the 版心",
                f"{PAGE.lines} ({pt(PAGE.line_pitch)})",
            )
        elif not fit_only and abs(pitch - PAGE.line_pitch) > PITCH_TOL + 0.05:
            out.add(
                "line-pitch",
                Where(page=first.line.page, text=first.line.text),
                f"line pitch {pt(pitch)}",
                f"{pt(PAGE.line_pitch)} (225 mm / 22)",
            )
    if skip_chars:
        return
    widths: Counter[int] = Counter()
    example: dict[int, BodyLine] = {}
    flat = [b for page in lay.body for b in page]
    for b, nxt in itertools.pairwise(flat):
        ln = b.line
        if nxt.para != b.para or abs(ln.size - size) > 0.5 or abs(_text_end(ln) - lay.right) > lay.char / 2:
            continue
        if width_in_chars(ln.text) != len(ln.text):
            continue  # half-width digits or Latin: not a count of 字
        indent = round((ln.x0 - lay.left) / lay.char)
        n = len(ln.text) + indent
        short = PAGE.chars - n
        if 0 < short <= 2 and _pushed_by_kinsoku(ln.text, nxt.line.text, short):
            n = PAGE.chars  # a full line that gave one or two characters to the next (避头尾)
        widths[n] += 1
        example.setdefault(n, b)
    if sum(widths.values()) >= 3:
        typical = widths.most_common(1)[0][0]
        if typical != PAGE.chars:
            out.add(
                "chars-per-line",
                _where(example[typical]),
                f"full lines hold {typical} characters",
                f"{PAGE.chars} filling the 版心",
            )


def _pushed_by_kinsoku(line: str, nxt: str, short: int) -> bool:
    """Whether a line ``short`` characters shy of the grid gave them to the next line so
    that a closing mark does not start it or an opening mark end this one (the next line
    then starts with the moved characters and a mark that may not start a line)."""
    if len(nxt) > short and nxt[short] in style.NOT_AT_LINE_START:
        return True
    return nxt[:1] in style.NOT_AT_LINE_END or line[-1:] in style.NOT_AT_LINE_END


# ---------------------------------------------------------------- page numbers


def _page_numbers(lay: Layout, out: Findings, faces: bool) -> None:
    missing = [i + 1 for i, n in enumerate(lay.numbers) if n is None]
    if missing:
        shown = ", ".join(map(str, missing[:8])) + (" …" if len(missing) > 8 else "")
        out.add(
            "page-number-missing",
            Where(page=missing[0]),
            f"no page number on page{'s' if len(missing) > 1 else ''} {shown}",
            "— N — below the 版心 on every page",
        )
    one = style.PAGE_NUMBER.size * PAGE.page_number_inset_chars
    lo, hi = one - MM_TOL, style.BODY.size * PAGE.page_number_inset_chars + MM_TOL  # gbt9704.md §7.7
    want_gap = BODY_BOTTOM + PAGE.page_number_gap
    for i, ln in enumerate(lay.numbers):
        if ln is None:
            continue
        page = i + 1
        text = " ".join(ln.text.split())
        where = Where(page=page, text=text)
        if not _PAGE_NUMBER_FORM.match(text):
            out.add(
                "page-number-form",
                where,
                f'page number "{text}"',
                f'"{style.page_number_text(page)}" (一字线 U+2014 each side)',
                group="form",
            )
        ink = [c.ink or (c.x0, c.top, c.x1, c.bottom) for c in ln.chars if not c.ch.isspace()]
        x0, x1 = min(b[0] for b in ink), max(b[2] for b in ink)
        centred = abs((x0 + x1) / 2 - PAGE.width / 2) < 3
        if page % 2:
            inset = BODY_RIGHT - x1
            if not lo <= inset <= hi:
                found = "centred" if centred else f"right end {pt(inset)} in from the 版心's right edge"
                out.add(
                    "page-number-position",
                    where,
                    f"odd-page number {found}",
                    "right, one character in (居右空一字)",
                    group="odd" + ("c" if centred else ""),
                )
        else:
            inset = x0 - BODY_LEFT
            if not lo <= inset <= hi:
                found = "centred" if centred else f"left end {pt(inset)} in from the 版心's left edge"
                out.add(
                    "page-number-position",
                    where,
                    f"even-page number {found}",
                    "left, one character in (居左空一字)",
                    group="even" + ("c" if centred else ""),
                )
        dashes = [c.ink for c in ln.chars if c.ch in "—-–－一" and c.ink]
        if dashes:
            y = (dashes[0][1] + dashes[0][3]) / 2
            if abs(y - want_gap) > MM_TOL:
                out.add(
                    "page-number-gap",
                    where,
                    f"dash line {mm(y - BODY_BOTTOM)} below the 版心",
                    f"{mm(PAGE.page_number_gap)} (一字线上距版心下边缘 7 mm)",
                    group="gap",
                )
        if faces:
            font = ln.font_of()
            if face_kind(font) != wanted_kind(style.PAGE_NUMBER.face):
                out.add("page-number-face", where, f"page number in {font}", "宋体", group="face")
            if abs(ln.size - style.PAGE_NUMBER.size) > SIZE_TOL:
                out.add(
                    "page-number-size",
                    where,
                    f"page number {pt(ln.size)}",
                    pt(style.PAGE_NUMBER.size),
                    group="size",
                )


# ---------------------------------------------------------------- line breaks and page breaks


def _breaks(lay: Layout, out: Findings) -> None:
    flat = [b for page in lay.body for b in page]
    for b, nxt in itertools.pairwise(flat):
        if nxt.para != b.para or lay.roles[b.para].kind in ("title", "table"):
            continue
        a, c = b.line.text, nxt.line.text
        if c[0] in style.NOT_AT_LINE_START and not (a.endswith("—") and c.startswith("—")):
            out.add(
                "kinsoku",
                _where(nxt),
                f"line starts with {c[0]}",
                "no closing mark at a line start (GB/T 15834 5.1)",
            )
        if a[-1] in style.NOT_AT_LINE_END:
            out.add(
                "kinsoku",
                _where(b),
                f"line ends with {a[-1]}",
                "no opening mark at a line end (GB/T 15834 5.1)",
            )
        for mark in style.NEVER_SPLIT:
            if a.endswith(mark[0]) and c.startswith(mark[1]) and not a.endswith(mark):
                out.add(
                    "dash-split",
                    _where(b),
                    f"{mark} split across lines",
                    f"{mark} on one line (GB/T 15834 5.1.4)",
                )
        if (a[-1] in _DIGIT or (a[-1] in ".．," and len(a) > 1 and a[-2] in _DIGIT)) and c[0] in _AFTER_DIGIT:
            out.add(
                "number-split",
                _where(b),
                f'"{a[-4:]} / {c[:4]}" split',
                "a number (with its %, 年, decimals) on one line",
            )


def _pages(lay: Layout, out: Findings) -> None:
    pages = lay.body
    for i, page in enumerate(pages[:-1]):
        if not page or not pages[i + 1]:
            continue
        last, nxt = page[-1], pages[i + 1][0]
        role = lay.roles[last.para]
        if role.kind == "heading" and not role.sentence and nxt.para != last.para:
            out.add(
                "heading-at-foot",
                _where(last),
                "heading alone at the foot of the page",
                "kept with the paragraph after it",
            )
        elif role.kind == "heading" and not role.sentence:
            out.add(
                "heading-at-foot",
                _where(last),
                "heading split across pages",
                "all its lines on one page, with the paragraph after it",
            )
    if len(pages) > 1 and pages[-1]:
        tail = pages[-1]
        kinds = {lay.roles[b.para].kind for b in tail}
        if kinds <= {"signature", "date", "note"}:
            out.add(
                "signature-alone",
                _where(tail[0]),
                "署名/日期 alone on the last page",
                "with the body's last lines (adjust line or character spacing)",
            )
        elif len(tail) <= 2 and not kinds & {"imprint"}:
            out.add(
                "near-empty-page",
                _where(tail[0]),
                f"last page holds {len(tail)} line{'s' if len(tail) > 1 else ''}",
                "pulled back onto the page before (7.3.5.5: adjust spacing)",
            )
    if pages and pages[0]:
        kinds = {lay.roles[b.para].kind for b in pages[0]}
        if not kinds - {"head", "title", "subtitle", "empty"}:
            out.add(
                "first-page-body",
                _where(pages[0][0]),
                "the first page shows no body text",
                "body text on page 1",
            )


# ---------------------------------------------------------------- what a PDF alone can tell


def _face_size(
    out: Findings,
    p: Para,
    start: int,
    end: int | None,
    code_face: str,
    code_size: str | None,
    block: style.BlockStyle,
    what: str,
) -> None:
    b = p.lines[0]
    if end is None:
        drawn = Counter(c.font for ln in p.lines for c in ln.line.chars if _is_cjk(c.ch))
        if sum(drawn.values()) < MIN_FACE_CHARS:
            return  # too little text to tell a face by
        font = drawn.most_common(1)[0][0]
    else:
        cjk = Counter(c.font for c in b.line.chars[start:end] if _is_cjk(c.ch))
        font = cjk.most_common(1)[0][0] if cjk else b.line.font_of(start, end)
    kind = face_kind(font)
    want = wanted_kind(block.face)
    if kind != want:
        out.add(code_face, _where(b), f"{what} in {font}", f"{want}", group=code_face + font)
    if code_size and abs(b.line.size - block.size) > SIZE_TOL:
        out.add(code_size, _where(b), f"{what} {pt(b.line.size)}", pt(block.size), group=code_size)


def _is_cjk(ch: str) -> bool:
    """A character a CJK face draws (Latin letters and digits are set in a Latin face)."""
    return ord(ch) >= 0x2E80


def _pdf_roles(lay: Layout, out: Findings) -> None:
    """Faces, sizes and element positions, as the XML checks make them for a DOCX."""
    for p, role in zip(lay.paras, lay.roles, strict=True):
        k = role.kind
        b = p.lines[0]
        indent = (b.line.x0 - lay.left) / lay.char
        if p.align == "center" and k in ("body", "heading", "item"):
            continue  # a table caption or a 附件 title: centred, not a paragraph of the body
        if k == "body":
            _face_size(out, p, 0, None, "body-face", "body-size", style.BODY, "body")
            if abs(indent - style.BODY.indent_chars) > POSITION_TOL_CHARS and len(p.lines) > 1:
                out.add(
                    "body-indent",
                    _where(b),
                    f"paragraph indented {chars(indent)}",
                    chars(style.BODY.indent_chars),
                    group="indent",
                )
        elif k == "title":
            _face_size(out, p, 0, None, "title-face", "title-size", style.TITLE, "title")
            if p.align != "center":
                out.add("title-align", _where(b), "title not centred", "centred")
        elif k == "subtitle":
            _face_size(out, p, 0, None, "subtitle-face", None, style.SUBTITLE, "subtitle")
        elif k == "item" and role.marker != role.standard:
            out.add(
                "heading-marker", _where(b), f"marker {role.marker}", role.standard, group=f"m{role.marker}"
            )
        elif k == "heading":
            block = style.HEADINGS.get(role.level, style.HEADINGS[max(style.HEADINGS)])
            end = min(len(role.marker) + HEADING_SPAN, len(b.line.text)) if role.sentence else None
            _face_size(out, p, 0, end, "heading-face", "heading-size", block, f"level-{role.level} heading")
            if abs(indent - block.indent_chars) > POSITION_TOL_CHARS:
                out.add(
                    "heading-indent",
                    _where(b),
                    f"level-{role.level} heading indented {chars(indent)}",
                    chars(block.indent_chars),
                    group=f"hi{role.level}",
                )
            if role.marker != role.standard:
                out.add(
                    "heading-marker",
                    _where(b),
                    f"marker {role.marker}",
                    role.standard,
                    group=f"m{role.marker}",
                )
        elif k in ("recipients", "salutation"):
            if abs(indent) > POSITION_TOL_CHARS:
                code = "recipients-indent" if k == "recipients" else "salutation-indent"
                out.add(
                    code,
                    _where(b),
                    f"{'主送机关' if k == 'recipients' else 'salutation'} indented {chars(indent)}",
                    "顶格 (flush left)",
                )
        elif k == "date":
            problem = date_problem(p.text)
            if problem:
                out.add(
                    "date-form", _where(b), f"成文日期 with {problem}", "Arabic numerals, no leading zeros"
                )
        elif k == "head" and role.sub == "issuer":
            if not all(
                c.colour[0] >= 0xB0 and c.colour[1] <= 0x60 and c.colour[2] <= 0x60 for c in b.line.chars
            ):
                out.add("issuer-colour", _where(b), "发文机关标志 not red", "red")
        elif k == "head" and role.sub == "doc-number":
            problem = doc_number_problem(p.text)
            if problem:
                out.add("doc-number-form", _where(b), f"发文字号 {problem}", "X〔2024〕3号")


def _positions(lay: Layout, out: Findings) -> None:
    """署名 and 成文日期 where 7.3.5.2 puts them, measured on the page (a DOCX's own
    estimate from the XML cannot know its fonts' widths or its tab stops)."""
    line_chars = (lay.right - lay.left) / lay.char
    sig: Para | None = None
    for p, role in zip(lay.paras, lay.roles, strict=True):
        if role.kind == "signature":
            sig = p
        elif role.kind == "date" and sig is not None:
            _signature_date(out, sig, p, lay, line_chars)


def _signature_date(out: Findings, sig: Para, date: Para, lay: Layout, line_chars: float) -> None:
    """7.3.5.2 on drawn positions (in 字 from the left edge): 署名右空二字 and the date's first
    character two to the right of the 署名's; a date longer than the 署名 右空二字 and the
    署名 two to the left of it.  Only first characters and right ends are compared, so the
    widths a renderer gives digits and Latin letters do not matter."""
    s, d = sig.lines[-1].line, date.lines[0].line
    s0, s1 = (s.x0 - lay.left) / lay.char, (s.x1 - lay.left) / lay.char
    d0, d1 = (d.x0 - lay.left) / lay.char, (d.x1 - lay.left) / lay.char
    edge = line_chars - style.SIGNATURE_RIGHT_CHARS
    if d1 - d0 > s1 - s0 + POSITION_TOL_CHARS / 2:  # 日期长于署名
        if abs(d1 - edge) > POSITION_TOL_CHARS:
            out.add(
                "date-position",
                Where(page=d.page, text=d.text),
                f"成文日期 ends {chars(line_chars - d1)} from the right",
                f"右空{style.SIGNATURE_RIGHT_CHARS}字 (a date longer than the 署名)",
            )
        if abs(s0 - (d0 - style.DATE_SHIFT_CHARS)) > POSITION_TOL_CHARS:
            out.add(
                "signature-position",
                Where(page=s.page, text=s.text),
                f"署名 starts {chars(d0 - s0)} left of the date",
                f"{style.DATE_SHIFT_CHARS} 字 left of the date's first character",
            )
        return
    if abs(s1 - edge) > POSITION_TOL_CHARS:
        out.add(
            "signature-position",
            Where(page=s.page, text=s.text),
            f"署名 ends {chars(line_chars - s1)} from the right",
            f"右空{style.SIGNATURE_RIGHT_CHARS}字",
        )
    if abs(d0 - (s0 + style.DATE_SHIFT_CHARS)) > POSITION_TOL_CHARS:
        out.add(
            "date-position",
            Where(page=d.page, text=d.text),
            f"成文日期 starts {chars(d0 - s0)} right of the 署名's first character",
            f"{style.DATE_SHIFT_CHARS} 字 (首字比署名首字右移二字)",
        )


def _imprint(lay: Layout, out: Findings) -> None:
    imprint = [b for page in lay.body for b in page if lay.roles[b.para].kind == "imprint"]
    if not imprint:
        return
    last = imprint[-1]
    pages = len(lay.body)
    if last.line.page != pages or BODY_BOTTOM - last.line.baseline > PAGE.line_pitch:
        out.add(
            "imprint-position",
            _where(last),
            f"版记 ends {mm(BODY_BOTTOM - last.line.baseline)} above the 版心's foot on page {last.line.page}",
            "its last line on the 版心's bottom edge of the last page",
        )


# ---------------------------------------------------------------- the whole file


def check_pages(pdf: Pdf, *, from_docx: bool, char_grid: bool = False) -> tuple[list[Finding], list[str]]:
    """Findings from the rendered pages, and notes about the reading.

    ``from_docx``: the PDF is LibreOffice's render of a DOCX, whose faces, sizes and
    element positions the XML checks settle (so they are not measured again here, but
    substitutions of the drawn fonts are noted).  ``char_grid``: the DOCX sets a
    character grid, which LibreOffice lays out unlike Word — characters per line are
    then left to the XML check.
    """
    out = Findings()
    notes: list[str] = []
    if not pdf.pages:
        return [], ["the PDF has no pages"]
    lay = layout(pdf)
    _paper(pdf, out)
    _margins(lay, out)
    _grid(lay, out, skip_chars=char_grid)
    if char_grid:
        notes.append(
            "the DOCX sets a character grid (w:docGrid linesAndChars), which LibreOffice lays out unlike Word: characters per line are checked from the XML only"
        )
    _page_numbers(lay, out, faces=not from_docx)
    _breaks(lay, out)
    _pages(lay, out)
    _imprint(lay, out)
    _positions(lay, out)
    if not from_docx:
        _pdf_roles(lay, out)
        missing = [name for name, embedded in pdf.fonts if not embedded]
        if missing:
            out.add(
                "fonts-embedded",
                Where(part="fonts"),
                f"not embedded: {', '.join(missing)}",
                "every font embedded (a viewer substitutes the others)",
            )
    else:
        notes += _substitutions(lay)
    return list(out), notes


def _substitutions(lay: Layout) -> list[str]:
    """What LibreOffice drew each role with, when that is not the kind the role wants:
    a font this machine lacks, so measurements of that role use a stand-in."""
    seen: dict[str, str] = {}
    for p, role in zip(lay.paras, lay.roles, strict=True):
        block = {
            "body": style.BODY,
            "title": style.TITLE,
            "heading": style.HEADINGS.get(role.level, style.BODY),
        }.get(role.kind)
        if block is None:
            continue
        end = len(role.marker) + HEADING_SPAN if role.sentence else None
        font = p.lines[0].line.font_of(0, end)
        want = wanted_kind(block.face)
        label = role.kind + (f" {role.level}" if role.level else "")
        if face_kind(font) != want and label not in seen:
            seen[label] = (
                f"LibreOffice drew the {label} in {font}, not a {want} face"
                " (the font the file names is missing here, or the file names another)"
            )
    return list(seen.values())
