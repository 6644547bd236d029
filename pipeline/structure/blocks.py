"""Steps 3 and 4 of structure: an article's pieces → title, subtitle and blocks, with levels.

The first title-shaped piece is the title (a ``——`` line under it the subtitle; a second
short line that ends the title's genre word joins it).  Each later piece then goes to the
first of these that takes it (:data:`BODY_STEPS`, in order): a continuation of a
hard-wrapped paragraph, a numbered heading (a run-in one when body text follows its first
sentence), a section word (参考文献), a WeChat "01" section number above its heading, an
unnumbered heading (a short unpunctuated line followed by body, in articles with no
numbered first level); anything else is a paragraph, joined to the one before when a page
break split a sentence.  Levels: each marker family has a standard level
(:mod:`pipeline.text.numbering`); a family nested under another of the same level moves
one level down (第一、 under 三、).

The elements of a formal 公文 (:mod:`pipeline.text.elements` says what shape a line
has; the steps here say where that shape counts): 版头 lines before the title (份号, 密级,
紧急程度, "XX文件", 发文字号, 签发人) go to ``Article.head`` and never become the title; under
the title a 发文字号 goes to the head too, then speaker lines are bylines, an organ list
ending in a colon the 主送机关, "同志们：" a salutation; "附件：" lines are attachments; an
organ line followed by a date is a signature, a date line a date, "（此件公开发布）" a
note; "抄送：" and "…印发" lines go to ``Article.imprint``.  A table (found before
cleaning, :mod:`pipeline.structure.tables`) arrives as a piece of its own.

Text is normalised (:func:`pipeline.text.normalize.normalize`) as blocks are made.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pipeline.model import (
    NO_HINTS,
    Article,
    Attachment,
    Block,
    Byline,
    Cell,
    Date,
    Head,
    Heading,
    Hints,
    Imprint,
    Note,
    Notice,
    Paragraph,
    PlacedTable,
    Recipients,
    Removal,
    Salutation,
    Signature,
    Table,
)
from pipeline.structure import titles
from pipeline.structure.common import BULLETS, TITLE_MAX, Piece, own_title_at, title_candidate
from pipeline.structure.hints import HintReader, add_row, whole_line
from pipeline.structure.pieces import split_line
from pipeline.text import elements
from pipeline.text.lines import Line, fold
from pipeline.text.normalize import join_wrapped, normalize
from pipeline.text.numbering import SECTION_NUMBER, Marker, parse_marker
from pipeline.text.shapes import HAN_CHAR, ends_sentence, title_like

HEADING_MAX = 100  # a "heading" sentence longer than this is a numbered paragraph
UNNUMBERED_HEADING_MAX = 30
RUNIN_COLON_MAX = 30  # "一、主要做法：正文…" ends the heading at the colon only this early
RUNIN_DECIMAL_MAX = 40  # a decimal-numbered heading sentence run into its body is at most this long
JOIN_MIN = 20  # a paragraph this short is a signature or a date, never continued
TITLE_NUMBER_AFTER = 8  # a bracketed 发文字号 ends a title of at least this many characters
HEAD_LINE_AFTER_MAX = 4  # a 发文字号 line under at most this many paragraphs (a title split up)
BYLINES_MAX = 3  # speaker, occasion, date: more lines under a title are body
CREDIT_BLOCKS_MAX = 2  # a "记者 …" credit may follow a news page's dateline paragraph
SIGNATURES_MAX = 4  # organs signing one document jointly, one line each
LABEL_LINE_MAX = 20  # characters of a "X：" line that heads the subhead under it
PREAMBLE_MAX = 3  # blocks before a 主送 that say nothing (bylines, a broken 发文字号, a time stamp)
PREAMBLE_LINE_MAX = 30  # … each short and no sentence
# A joined paragraph stops growing here and the next line starts a new one.  The longest
# real paragraph in the seeds and fixtures is 735 characters; a join that runs past four
# times that is joining what is no paragraph (a list or a table without sentence ends:
# a 16 000-line roster became one 391 800-character paragraph, issue 13).
JOIN_MAX = 3000
LIST_CELL_MAX = 12  # a cell of a list or table row: a name, a date, a post
# "10000. 第10000项工作要求": an item number the numbering table has no level for (> 99)
_ITEM_NUMBER = re.compile(r"^\d+[.．、]\s*[^\d\s.．、]")
_SENTENCE_MARK = re.compile(r"[，。；！？,;!?]")
# unnumbered section headings of reports and papers, headings even beside numbered ones
SECTION_WORDS = frozenset(
    ["参考文献", "附录", "致谢", "结束语", "结语", "引言", "前言", "后记", "主要参考文献"]
)
# short lines that are never section headings: a date or speaker line under a title
# ("（2024年3月1日）", "县委书记 张三"), a signature date at the end
_NOT_HEADING = re.compile(r"^[（(].*[)）]$|\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日")
# a space inside a short line: a unit and a name ("县委书记 张三"), or pieces of flattened
# text — but a news subhead of two or three phrases ("重庆湖北等地降雨 中东部地区出现明显降温")
# is a heading: every phrase holds at least this many hanzi
SPACED_PHRASE_MIN = 5


def _spaces_allowed(text: str) -> bool:
    parts = text.split()
    return len(parts) == 1 or (
        len(parts) <= 3 and all(len(HAN_CHAR.findall(p)) >= SPACED_PHRASE_MIN for p in parts)
    )


_SENTENCE_END = re.compile(r"[。？！?!]+[”’」』]*|[：:](?=.)")


# ---------------------------------------------------------------- levels


class Levels:
    """Heading levels from marker families (see module docstring, step 4)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []  # (family, assigned level)
        self.last_value: dict[str, int] = {}

    def assign(self, family: str, std: int) -> int:
        for k, (fam, level) in enumerate(self.stack):
            if fam == family:
                for f, _ in self.stack[k + 1 :]:
                    self.last_value.pop(f, None)  # a child family's count restarts
                del self.stack[k + 1 :]
                return level
        while self.stack and self.stack[-1][1] > std:
            self.last_value.pop(self.stack.pop()[0], None)
        level = std
        if self.stack and self.stack[-1][1] == std:
            level = std + 1  # same standard level, other family: nested under it
        level = min(level, 4)
        self.stack.append((family, level))
        return level


def _family_key(m: Marker) -> str:
    return f"{m.family}-{m.level}" if m.family == "decimal" else m.family


# ---------------------------------------------------------------- the blocks of one article


def _split_run_in(rest: str) -> tuple[str, str]:
    """(heading sentence, tail): the heading ends at its first full stop (or an early colon)."""
    for m in _SENTENCE_END.finditer(rest):
        if m.group().startswith((":", "：")) and m.start() > RUNIN_COLON_MAX:
            continue
        end = m.end()
        return rest[:end], rest[end:].strip()
    return rest, ""


def list_row(text: str) -> bool:
    """A row of a list or table: three or more short cells apart by spaces, most of them
    Chinese (names, posts, dates), no sentence.

    >>> list_row("张三 李四 王五"), list_row("张三 男 汉族 1960年1月 县委办公室科员")
    (True, True)
    >>> list_row("民主 集中制"), list_row("要坚持 民主 集中制，做好工作"), list_row("docker run -d --rm \\\\")
    (False, False, False)
    """
    cells = text.split()
    if len(cells) < 3 or any(len(c) > LIST_CELL_MAX for c in cells) or _SENTENCE_MARK.search(text):
        return False
    return 2 * sum(bool(HAN_CHAR.search(c)) for c in cells) >= len(cells)


@dataclass(slots=True)
class Builder:
    keep_numbering: bool
    blocks: list[Block] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    levels: Levels = field(default_factory=Levels)
    repairs: list[Notice] = field(default_factory=list)
    # the join's state: which block's open text is already join_wrapped, and the last
    # piece joined into it (a list row is never joined to, nor onto)
    wrapped_block: int = -1
    last_piece: str = ""
    sealed_block: int = -1  # a paragraph nothing is joined onto (a caption its reader named)

    def heading(self, m: Marker, no: int) -> bool:
        head, tail = _split_run_in(m.rest)
        if len(head) > HEADING_MAX:
            return False
        self.numbered(m, head, tail, no)
        return True

    def numbered(self, m: Marker, head: str, tail: str, no: int) -> None:
        """A heading numbered ``m``: level from its family, a notice for a gap in the count."""
        fam = _family_key(m)
        level = self.levels.assign(fam, m.level)
        last = self.levels.last_value.get(fam)
        if m.value and last is not None and m.value != last + 1:
            kind = "repeated" if m.value == last else "out of order" if m.value < last else "skips a number"
            self.notices.append(Notice("numbering", f"heading {m.number} {kind} after {last}", no))
        if m.value:
            self.levels.last_value[fam] = m.value
        number = m.number if self.keep_numbering else m.standard
        self.blocks.append(Heading(level, normalize(number), normalize(head), normalize(tail), line=no))

    def unnumbered(self, text: str, *, top: bool = False, no: int = 0) -> None:
        """An unnumbered heading; ``top``: a section word (参考文献) that closes every level."""
        if top:
            self.levels.stack.clear()
            self.levels.last_value.clear()
        level = self.levels.assign("unnumbered", 1)
        self.blocks.append(Heading(level, "", normalize(text), line=no))

    def numbered_line(self, number: str, text: str, no: int = 0) -> None:
        """A section number on a line of its own ("01") and the heading text under it."""
        level = self.levels.assign("zero-number", 1)
        self.blocks.append(Heading(level, number, normalize(text), line=no))

    def paragraph(self, text: str, *, join: bool, no: int = 0) -> None:
        """A paragraph, or with ``join`` the continuation of the open one (see :meth:`_may_join`)."""
        text = normalize(text)
        prev = self.blocks[-1] if self.blocks else None
        if join and prev is not None and self._may_join(text, no):
            self.repairs.append(
                Notice("joined", "continues the paragraph before it (a page break or wrap split it)", no)
            )
            if isinstance(prev, Paragraph):
                self.blocks[-1] = Paragraph(self._seam(prev.text, text), line=prev.line)
                return
            if isinstance(prev, Heading) and prev.tail:
                joined = self._seam(prev.tail, text)
                self.blocks[-1] = Heading(prev.level, prev.number, prev.text, joined, line=prev.line)
                return
        self.blocks.append(Paragraph(text, line=no))
        self.last_piece = text

    def _may_join(self, text: str, no: int) -> bool:
        """Whether ``text`` may continue the open paragraph: not past :data:`JOIN_MAX`, and
        neither it nor the line before a row of a list or table or a numbered item."""
        last = self.last_piece if self.wrapped_block == len(self.blocks) - 1 else self.open_text()
        if self.sealed_block == len(self.blocks) - 1:
            return False
        if list_row(text) or list_row(last) or _ITEM_NUMBER.match(text):
            return False
        if len(self.open_text()) + len(text) > JOIN_MAX:
            self.repairs.append(
                Notice(
                    "not-joined", f"starts a new paragraph: the one before reached {JOIN_MAX} characters", no
                )
            )
            return False
        return True

    def _seam(self, before: str, text: str) -> str:
        """``join_wrapped(before + text)`` at the cost of ``text`` only.

        Both sides are normalised, so neither has a space at the seam and
        ``join_wrapped`` of the whole equals that of the parts; ``before`` is wrapped
        once, at its block's first join (its first line kept its spaces until then).
        """
        if self.wrapped_block != len(self.blocks) - 1:
            before = join_wrapped(before)
            self.wrapped_block = len(self.blocks) - 1
        self.last_piece = text
        return before + join_wrapped(text)

    def element(self, block: Block) -> None:
        """An element block (recipients, byline, signature …): never joined to anything."""
        self.blocks.append(block)

    def opening(self) -> bool:
        """Nothing but bylines yet: the lines under the title are still being read."""
        return all(isinstance(b, Byline) for b in self.blocks)

    def preamble(self) -> bool:
        """Nothing yet but bylines and a line or two that say nothing (a 发文字号 a page
        broke, "2010年3月4日 09:12", an issuing organ's line taken for a heading): a
        主送 may still come."""
        return len(self.blocks) <= PREAMBLE_MAX and all(
            isinstance(b, Byline)
            or (isinstance(b, Paragraph) and len(b.text) <= PREAMBLE_LINE_MAX and not _sentence(b.text))
            or (isinstance(b, Heading) and not b.number and not b.tail)
            for b in self.blocks
        )

    def open_text(self) -> str:
        """The text a continuation would be joined to ("" when none may be)."""
        prev = self.blocks[-1] if self.blocks else None
        if isinstance(prev, Paragraph):
            return prev.text
        if isinstance(prev, Heading):
            return prev.tail
        return ""


def _visible_len(text: str) -> int:
    return len(text) - len(_ANY_SPACE.findall(text))


_ANY_SPACE = re.compile(r"\s")


WRAP_MIN_WIDTH = 16  # narrower "wrapping" is a list of short items, not a page's lines
WRAP_SHARE = 0.4  # share of lines at the common width that makes a text hard-wrapped


def _wrap_width(pieces: Sequence[Piece]) -> int:
    """The printed line width of a hard-wrapped text (copied from a PDF: every line of a
    paragraph but its last is one width and ends mid-sentence), or 0 when it is not one.

    The width is the most common line length (±1); it counts when that many lines make
    at least :data:`WRAP_SHARE` of the lines and most of them end mid-sentence.
    """
    lines = [p.text for p in pieces if p.whole_line and _visible_len(p.text) >= 10]
    if len(lines) < 4:
        return 0
    lengths = Counter(_visible_len(t) for t in lines)
    width, band = max(
        ((w, sum(lengths[w + d] for d in (-1, 0, 1))) for w in lengths), key=lambda x: (x[1], x[0])
    )
    full = [t for t in lines if abs(_visible_len(t) - width) <= 1]
    mid_sentence = sum(1 for t in full if not ends_sentence(t))
    if width < WRAP_MIN_WIDTH or band < WRAP_SHARE * len(lines) or mid_sentence * 2 < len(full):
        return 0
    return width + 1


def _short_run_in(m: Marker) -> bool:
    """ "3.1.1 扶持龙头企业做大做强。设立…": a decimal heading sentence run into its body."""
    head, tail = _split_run_in(m.rest)
    return bool(tail) and len(head) <= RUNIN_DECIMAL_MAX and m.family == "decimal"


def _subtitle_at(pieces: Sequence[Piece], i: int) -> bool:
    return (
        i < len(pieces) and pieces[i].text.startswith(("——", "--", "—")) and len(pieces[i].text) <= TITLE_MAX
    )


def _has_numbered_first_level(pieces: Sequence[Piece]) -> bool:
    for p in pieces:
        m = parse_marker(p.text)
        if (
            m
            and m.level == 1
            and m.family not in ("bullet",)
            and (not m.needs_title_shape or title_like(m.rest))
        ):
            return True
    return False


# ---------------------------------------------------------------- the title


def _title_block(pieces: list[Piece], hint: str) -> titles.Head:
    """The title (chosen among candidates, :mod:`.titles`), and the subtitle under it (a
    piece used elsewhere, the paper's own fuller title, is taken out of ``pieces``)."""
    head = titles.choose(pieces, hint)
    if not head.title:
        return head
    # the paper's own, fuller title later in the extracted text replaces the site's
    own = next(
        (p for p in pieces[head.used :] if own_title_at(p.text + " ", head.title) == len(p.text)), None
    )
    if own is not None:
        head.removed.append(Removal(head.title, "listing-title", pieces[max(0, head.used - 1)].no))
        head.title = own.text
        pieces.remove(own)
    m = elements.TITLE_DOC_NUMBER.search(head.title)
    if m is not None and m.start() >= TITLE_NUMBER_AFTER:
        # the 发文字号 a page prints after the title is the 版头's (STD 7.2.5)
        no = head.line
        head.removed += [
            Removal(m["open"], "number-brackets", no),
            Removal(m["close"], "number-brackets", no),
        ]
        head.doc_number = normalize(m["number"])
        head.title = head.title[: m.start()].rstrip()
    spoken = elements.speaker_title(head.title)
    if spoken is not None:
        head.speaker, colon, head.title = spoken
        head.removed.append(Removal(colon, "speaker-colon", head.line))
    if _subtitle_at(pieces, head.used):
        head.subtitle = pieces[head.used].text
        head.used += 1
    return head


# ---------------------------------------------------------------- the body, step by step


@dataclass(slots=True)
class _Body:
    """What the body steps share while one article's pieces are turned into blocks."""

    b: Builder
    rest: list[Piece]
    unnumbered_ok: bool  # no numbered first level: short lines may be unnumbered headings
    width: int  # the printed line width of a hard-wrapped source, or 0
    in_attachments: bool = False
    last_len: int = 0  # visible length of the source line the open paragraph ends with
    hints: HintReader = field(default_factory=lambda: HintReader(NO_HINTS))
    has_title: bool = False
    label_pending: bool = False  # a bare "附件：" line waits for its first item
    head_at: int = -2  # the piece a 发文字号 under the title was found at
    head: dict[str, str] = field(default_factory=dict)  # 版头 fields found (doc-tree names)
    signers: tuple[str, ...] = ()
    imprint: dict[str, str] = field(default_factory=dict)  # 版记 fields found

    def next_piece(self, k: int) -> Piece | None:
        return self.rest[k + 1] if k + 1 < len(self.rest) else None


def _continuation(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """A hard-wrapped source: the line before was full, so this one continues it (a
    paragraph's first line may be two characters short: its indent)."""
    wrapped = (
        bool(s.width) and s.last_len >= s.width - 3 and p.new_line and not ends_sentence(s.b.open_text())
    )
    s.last_len = _visible_len(p.text) if p.whole_line else 0
    if wrapped and m is None and p.text[0] not in BULLETS:
        s.b.paragraph(p.text, join=True, no=p.no)
        return True
    return False


def _numbered_heading(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    return (
        m is not None
        and not s.in_attachments
        and (not m.needs_title_shape or title_like(m.rest, 40) or _short_run_in(m))
        and s.b.heading(m, p.no)
    )


def _section_word(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    if p.text in SECTION_WORDS and k + 1 < len(s.rest):
        s.b.unnumbered(p.text, top=True, no=p.no)
        return True
    return False


def _section_number(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """WeChat's "01" on a line of its own above its section heading."""
    nxt = s.next_piece(k)
    if SECTION_NUMBER.match(p.text) and nxt is not None and title_like(nxt.text, TITLE_MAX):
        s.b.numbered_line(p.text, nxt.text, no=p.no)
        s.rest[k + 1] = Piece("", nxt.no, False, False, False)
        return True
    return False


def _empty(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    return not p.text  # a piece an earlier step used up


def _unnumbered_heading(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    nxt = s.next_piece(k)
    text = p.text
    if (
        s.unnumbered_ok
        and p.whole_line
        and m is None
        and 4 <= len(text) <= UNNUMBERED_HEADING_MAX
        and title_like(text, UNNUMBERED_HEADING_MAX)
        and not _NOT_HEADING.search(text)
        and _spaces_allowed(text)
        and not titles.RECORD.search(fold(text))  # a 发文字号 or a date, never a heading
        and nxt is not None
        and not title_like(nxt.text, TITLE_MAX)
        and len(nxt.text) >= 30
        and (p.gap_before or ends_sentence(s.b.open_text()) or not s.b.blocks)
    ):
        prev = s.b.blocks[-1] if s.b.blocks else None
        if isinstance(prev, Paragraph) and _label_line(prev.text):
            # "英国《泰晤士报》：" on the line above a subhead: the heading's own first words
            s.b.blocks.pop()
            s.b.unnumbered(prev.text + text, no=prev.line)
            return True
        s.b.unnumbered(text, no=p.no)
        return True
    return False


def _label_line(text: str) -> bool:
    """A short line that ends with a colon and says no more ("英国《泰晤士报》：", "冷风：")."""
    t = text.strip()
    return 2 <= len(t) <= LABEL_LINE_MAX and t.endswith(("：", ":")) and not _SENTENCE_MARK.search(t[:-1])


def _paragraph(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """Body text, joined to the paragraph before when a page break split a sentence."""
    before = s.b.open_text()
    join = (
        p.new_line
        and len(before) >= JOIN_MIN
        and not ends_sentence(before)
        and m is None
        and not title_like(p.text, UNNUMBERED_HEADING_MAX)
        and p.text[0] not in BULLETS
    )
    s.b.paragraph(p.text, join=join, no=p.no)
    return True


def _hint_level(levels: Levels, level: int) -> int:
    """The level of an unnumbered hinted heading: its source depth, or (0, a bold line
    with no depth) one below the heading it stands under — without opening a level, so
    a numbered heading after it keeps its own."""
    if level >= 1:
        return levels.assign(f"depth-{level}", min(level, 4))
    return min(4, (levels.stack[-1][1] if levels.stack else 0) + 1)


def _hinted(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """A line whose reader (Markdown, Word, PDF) said what it is (:mod:`.hints`): a
    heading (its marker, when it has one, sets the level), a bold run-in heading, a
    list item or a caption (a paragraph, never a heading) or a table row."""
    hint = s.hints.take(p)
    if hint is None or hint.kind in ("title", "subtitle"):
        return False
    b = s.b
    if hint.kind == "table":
        last = b.blocks[-1] if b.blocks else None
        current = last if isinstance(last, Table) and s.hints.table == hint.group else None
        table = add_row(current, hint, p.text)
        if current is None:
            b.blocks.append(table)
        else:
            b.blocks[-1] = table
        s.hints.table = hint.group
        return True
    if hint.kind in ("item", "paragraph"):
        b.paragraph(p.text, join=False, no=p.no)
        if hint.kind == "paragraph":
            b.sealed_block = len(b.blocks) - 1
        return True
    head, tail = p.text, ""
    if hint.kind == "run-in":
        if not hint.head or not p.text.startswith(hint.head):
            return False  # cleaning cut into the heading: read the line as text
        head, tail = hint.head.strip(), p.text[len(hint.head) :].strip()
    if m is not None and len(m.number) < len(head):
        b.numbered(m, head.lstrip()[len(m.number) :].strip(), tail, p.no)
    else:
        level = _hint_level(b.levels, hint.level)
        b.blocks.append(Heading(level, "", normalize(head), normalize(tail), line=p.no))
    return True


# ---------------------------------------------------------------- the elements of a 公文


def _table(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """A table found before cleaning; a caption-shaped paragraph just above it is its caption."""
    if p.table is None:
        return False
    rows = tuple(tuple(Cell(normalize(c.text), c.rowspan, c.colspan) for c in row) for row in p.table.rows)
    table = Table(rows, p.table.header_rows, normalize(p.table.caption), line=p.no)
    prev = s.b.blocks[-1] if s.b.blocks else None
    if not table.caption and isinstance(prev, Paragraph) and elements.is_caption(prev.text):
        s.b.blocks.pop()
        table = Table(table.rows, table.header_rows, prev.text, line=prev.line)
    s.b.element(table)
    return True


def _sentence(text: str) -> bool:
    """A finished sentence (:func:`ends_sentence`), not a label's colon ("视力保护色：")."""
    return ends_sentence(text) and not text.rstrip().endswith(("：", ":"))


def _put_number(head: dict[str, str], number: str) -> None:
    """The 版头's 发文字号: the first one met, unless a later one has the standard form
    (a listing's "瑞政办(2011)129号" gives way to the document's "瑞政办〔2011〕129号")."""
    old = head.get("doc_number")
    if old is None or (
        not elements.STRICT_DOC_NUMBER.match(old) and elements.STRICT_DOC_NUMBER.match(number)
    ):
        head["doc_number"] = number


def _head_line(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """A 发文字号 or 签发人 line under the title, before the body: the 版头's (STD 7.2.5)."""
    body = [b for b in s.b.blocks if not isinstance(b, Byline)]
    # a title the title step missed may stand above it as paragraphs, nothing else
    if len(body) > HEAD_LINE_AFTER_MAX or any(not isinstance(b, Paragraph) for b in body):
        return False
    number, names = elements.doc_number(p.text), elements.signers(p.text)
    if number is None and names is None:
        return False
    if number is not None:
        _put_number(s.head, normalize(number))
    s.signers = s.signers or tuple(normalize(n) for n in names or ())
    s.head_at = k
    return True


def _byline(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """Who spoke or wrote, where and when, on the lines right under the title (a writer's
    credit also a paragraph or two in, under a news page's dateline)."""
    early = len(s.b.blocks) <= CREDIT_BLOCKS_MAX and elements.is_credit(p.text)
    if (
        s.has_title
        and m is None
        and ((s.b.opening() and len(s.b.blocks) < BYLINES_MAX) or early)
        and elements.is_byline(p.text)
    ):
        s.b.element(Byline(normalize(p.text), line=p.no))
        return True
    return False


def _recipients(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """主送机关: the organs addressed, first thing of the body (STD 7.3.2)."""
    if m is None and (s.b.preamble() or s.head_at == k - 1) and elements.is_recipients(p.text):
        s.b.element(Recipients(normalize(p.text), line=p.no))
        return True
    return False


def _salutation(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """ "同志们：" on a line of its own, run into the first sentence, or after a heading
    on its line ("一、…的信 省委习仲勋书记：")."""
    if m is None and elements.is_salutation(p.text):
        s.b.element(Salutation(normalize(p.text), line=p.no))
        return True
    early = not any(isinstance(b, Paragraph | Heading) for b in s.b.blocks)
    split = elements.split_salutation(p.text) if m is None and early else None
    if split is not None:
        s.b.element(Salutation(normalize(split[0]), line=p.no))
        s.b.paragraph(split[1], join=False, no=p.no)
        return True
    before, space, last = p.text.rpartition(" ")
    if m is not None and space and elements.is_salutation(last):
        marker = parse_marker(before.strip())
        if marker is not None and s.b.heading(marker, p.no):
            s.b.element(Salutation(normalize(last), line=p.no))
            return True
    return False


def _attachment(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """附件说明: "附件：1.名称" and the numbered items under it (STD 7.3.4); a bare
    "附件：" is taken only when an item follows it."""
    first = elements.attachment_line(p.text)
    if first is not None:
        number, name = first
        nxt = s.next_piece(k)
        if name:
            s.b.element(Attachment(number, normalize(name), line=p.no))
            return True
        if nxt is not None and elements.attachment_item(nxt.text) is not None:
            s.label_pending = True  # printed again before the first item (model.block_lines)
            return True
        return False  # "附件：" with nothing listed under it: a paragraph
    item = elements.attachment_item(p.text) if s.in_attachments else None
    prev = s.b.blocks[-1] if s.b.blocks else None
    if item is not None and (isinstance(prev, Attachment) or s.label_pending):
        s.label_pending = False
        s.b.element(Attachment(item[0], normalize(item[1]), line=p.no))
        return True
    return False


def _imprint(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """版记 lines: "抄送：…", "主送：…", "XX办公室 2024年3月6日印发" (STD 7.4), and an older
    document's "主题词：…" and "共印60份" (GB/T 9704-1999) at the end; an organ line
    directly above a "…印发" line is the 印发机关."""
    fields = elements.imprint_fields(p.text)
    nxt = s.next_piece(k)
    if fields is None and nxt is not None and elements.is_organ(p.text):
        after = elements.imprint_fields(nxt.text)
        if after is not None and set(after) == {"print_date"}:
            fields = {"printer": p.text.strip()}
    if fields is None or (s.b.opening() and "cc" not in fields and "recipients" not in fields):
        return False
    if set(fields) <= {"keywords", "copies"} and not _last(s, k):
        return False  # the 1999 edition's 主题词 and 份数 lines only where the 版记 is
    for name, value in fields.items():
        old = s.imprint.get(name, "")
        s.imprint[name] = old + normalize(value) if old else normalize(value)
    return True


def _closing_date_follows(s: _Body, k: int) -> bool:
    """A 成文日期 after the signature lines that start at piece ``k`` (joint 署名 allowed)."""
    j = k + 1
    while j < len(s.rest) and j <= k + SIGNATURES_MAX and elements.is_organ(s.rest[j].text):
        j += 1
    return j < len(s.rest) and elements.is_date(s.rest[j].text)


def _signature(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """发文机关署名 (STD 7.3.5): an organ (or a person's name) followed by a date, or an
    organ line closing the article after its body."""
    if m is not None or (s.b.opening() and not s.has_title):
        return False
    both = elements.signature_and_date(p.text)
    if both is not None:
        s.b.element(Signature(normalize(both[0]), line=p.no))
        s.b.element(Date(normalize(both[1]), line=p.no))
        return True
    text = p.text
    organ = elements.is_organ(text)
    if not (organ or elements.is_person_name(text)) or s.b.opening():
        return False
    closing = organ and _last(s, k) and isinstance(s.b.blocks[-1], Paragraph)
    nxt = s.next_piece(k)
    person = not organ and nxt is not None and elements.is_date(nxt.text) and not elements.is_formula(text)
    if (organ and _closing_date_follows(s, k)) or closing or person:
        s.b.element(Signature(normalize(text), line=p.no))
        return True
    return False


def _date(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """成文日期: a line that is a date and nothing else, after the opening lines; a date
    without its day ("2023年1月") only where nothing but 附注 and 版记 lines follow it."""
    if not s.b.blocks or s.b.opening():
        return False
    if elements.is_date(p.text) or (elements.is_month_date(p.text) and _last(s, k)):
        s.b.element(Date(normalize(p.text), line=p.no))
        return True
    return False


def _last(s: _Body, k: int) -> bool:
    """Nothing but 附注 and 版记 lines after piece ``k``."""
    return all(
        elements.record_kind(q.text) in ("note", "imprint") for q in s.rest[k + 1 :] if q.text or q.table
    )


def _note(s: _Body, k: int, p: Piece, m: Marker | None) -> bool:
    """附注 (STD 7.3.6): "（此件公开发布）", or a bracketed contact line after the date."""
    prev = s.b.blocks[-1] if s.b.blocks else None
    if elements.is_note(p.text) and (
        isinstance(prev, Date | Signature | Note | Attachment)
        or p.text.strip()[1:].startswith(("此件", "本件"))
    ):
        s.b.element(Note(normalize(p.text), line=p.no))
        return True
    return False


Step = Callable[[_Body, int, Piece, "Marker | None"], bool]
# Each piece goes to the first step that takes it; the order is reviewed like code.
BODY_STEPS: tuple[Step, ...] = (
    _hinted,
    _table,
    _continuation,
    _head_line,
    _byline,
    _recipients,
    _salutation,
    _attachment,
    _imprint,
    _signature,
    _date,
    _note,
    _numbered_heading,
    _section_word,
    _section_number,
    _empty,
    _unnumbered_heading,
    _paragraph,
)


def _hinted_head(pieces: Sequence[Piece], hints: HintReader) -> titles.Head | None:
    """The title block as the reader named it; None when it said nothing about the
    first piece (the text then decides), no title when that piece is a heading."""
    hint = hints.hints.at(pieces[0].no) if pieces else None
    if hint is None:
        return None
    if hint.kind not in ("title", "subtitle"):
        return titles.Head()  # a heading, an item or a table opens the body
    hints.used.add(pieces[0].no)
    head = titles.Head(used=1)
    if hint.kind == "subtitle":
        head.subtitle = pieces[0].text
        return head
    head.title = pieces[0].text
    nxt = hints.hints.at(pieces[1].no) if len(pieces) > 1 else None
    if (nxt is not None and nxt.kind == "subtitle") or (nxt is None and _subtitle_at(pieces, 1)):
        hints.used.add(pieces[1].no)
        head.subtitle = pieces[1].text
        head.used = 2
    return head


def build_article(
    lines: Sequence[Line],
    keep_numbering: bool,
    hint: str = "",
    hints: Hints = NO_HINTS,
    tables: Sequence[PlacedTable] = (),
) -> tuple[Article, list[Notice], list[Removal], list[Notice]]:
    """One article's lines → (article, notices, removals, repairs); ``hint`` is what the
    page says its title is (an HTML ``<h1>``), for the first article; ``hints``: what the
    reader of a structured format knows about the lines (:mod:`.hints`); ``tables``: the
    tables that stood among the lines (:mod:`.tables`)."""
    first = lines[0].text if title_candidate(lines[0].text) else ""
    pieces: list[Piece] = []
    splits: list[Notice] = []
    for k, line in enumerate(lines):
        whole = whole_line(line, hints)
        if whole is not None:
            parts = [whole]
        elif k == 0 and fold(line.text) in titles.hints(hint):
            parts = [Piece(line.text, line.no, True, True, line.gap_before)]  # the page's own title, whole
        else:
            parts = split_line(line, heads_article=k == 0, title=first if k else "")
        if hints.paragraphs and parts:
            parts[0].new_line = False  # a paragraph as the source laid it out continues nothing
        if len(parts) > 1:
            splits.append(
                Notice("split", f"split into {len(parts)} blocks where spaces stood for line breaks", line.no)
            )
        pieces.extend(parts)
    top, signers, used = _leading_head(pieces)  # 版头 lines are never the title (7.2)
    pieces = pieces[used:]
    reader = HintReader(hints)
    head = _hinted_head(pieces, reader)
    if head is None:
        # the title is chosen from the text, but never among lines the reader placed
        # (a table row, a heading, a list item)
        k = next((i for i, p in enumerate(pieces) if hints.at(p.no) is not None), len(pieces))
        front = pieces[:k]
        head = _title_block(front, hint)
        pieces[:k] = front
    rest = head.before + pieces[head.used :]
    for t in tables:  # a table stands before the first piece of a later line (never in the title)
        at = next((i for i, p in enumerate(rest) if p.no > t.first), len(rest))
        rest.insert(at, Piece("", t.first, True, False, False, t.table))
    s = _Body(
        Builder(keep_numbering), rest, not _has_numbered_first_level(rest), _wrap_width(rest), hints=reader
    )
    s.has_title = bool(head.title or head.subtitle)
    if head.speaker:
        s.b.element(Byline(normalize(head.speaker), line=head.line))
    s.head, s.signers = top, signers
    if head.doc_number:
        s.head.setdefault("doc_number", head.doc_number)
    for k, p in enumerate(rest):
        m = parse_marker(p.text)
        s.in_attachments = elements.attachment_line(p.text) is not None or (
            s.in_attachments and (m is not None or elements.attachment_item(p.text) is not None)
        )  # "2.2010年度计划表.doc" reads as a decimal, not a marker: the item's shape decides
        for step in BODY_STEPS:
            if step(s, k, p, m):
                break
    article = Article(
        normalize(head.title),
        normalize(head.subtitle),
        tuple(s.b.blocks),
        Head(**s.head, signers=s.signers) if s.head or s.signers else None,
        Imprint(**s.imprint) if s.imprint else None,
    )
    return article, s.b.notices, head.removed, splits + s.b.repairs


def _leading_head(pieces: Sequence[Piece]) -> tuple[dict[str, str], tuple[str, ...], int]:
    """The 版头 lines an article opens with (STD 7.2): their fields, the 签发人 and how
    many pieces they take.  An organ's name alone directly above a 发文字号 is the mark
    without "文件"."""
    fields: dict[str, str] = {}
    names: tuple[str, ...] = ()
    i = 0
    while i < len(pieces):
        text = pieces[i].text
        found = elements.head_field(text)
        signed = elements.signers(text)
        nxt = pieces[i + 1].text if i + 1 < len(pieces) else ""
        if found is not None and found[0] not in fields:
            fields[found[0]] = normalize(found[1])
            names = names or tuple(normalize(n) for n in signed or ())
        elif signed is not None and not names:
            names = tuple(normalize(n) for n in signed)
        elif "issuer" not in fields and elements.is_organ(text) and elements.doc_number(nxt) is not None:
            fields["issuer"] = normalize(text)
        else:
            break
        i += 1
    return fields, names, i
