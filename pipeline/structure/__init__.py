"""structure: cleaned lines → articles with title, subtitle, headings and paragraphs.

Four steps, in order:

1. **Articles.**  A file may hold several articles.  One starts at the first line, at a
   line a cleaning rule marked (``Line.boundary``: 【篇二】), and at a title-shaped line
   that heads a text: its repeat was just removed, a ``——`` subtitle follows, it ends
   in a genre word (…调研报告, …心得体会) after a finished paragraph, or a flattened
   preview follows it.
2. **Pieces.**  Each line is split where a space stands for a lost line break (after a
   full stop, before a heading marker, after a heading joined to its body by a space);
   in flattened lines the spaces that stand for mere line wraps are dropped.
3. **Blocks.**  The first title-shaped piece is the title (a ``——`` line under it the
   subtitle).  A piece with a numbering marker is a heading — a run-in one when body
   text follows its first sentence.  A short unpunctuated line followed by body is an
   unnumbered heading in articles that have no numbered first level.  Anything else is
   a paragraph, joined to the one before when a page break split a sentence.
4. **Levels.**  Each marker family has a standard level (:mod:`pipeline.text.numbering`); a
   family nested under another of the same level moves one level down (第一、 under 三、).

Text is normalised (:func:`pipeline.text.normalize.normalize`) as blocks are made.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.model import Article, Block, Cleaned, Heading, Notice, Paragraph, Removal, Structured
from pipeline.text.lines import Line
from pipeline.text.normalize import join_wrapped, normalize
from pipeline.text.numbering import SECTION_NUMBER, Marker, parse_marker
from pipeline.text.shapes import CLOSERS, GENRE_SUFFIX, HAN, TERMINAL, ends_sentence, title_like

TITLE_MAX = 50  # a title longer than this is a sentence
HEADING_MAX = 100  # a "heading" sentence longer than this is a numbered paragraph
UNNUMBERED_HEADING_MAX = 30
RUNIN_COLON_MAX = 30
RUNIN_DECIMAL_MAX = 40  # a decimal-numbered heading sentence run into its body is at most this long  # "一、主要做法：正文…" ends the heading at the colon only this early
GENRE_TITLE_MIN = 8  # "对策建议" alone is a section heading, not a new article's title
GLUED_BODY_MIN = 20  # a title glued to its body by a space: the body is at least this long
JOIN_MIN = 20  # a paragraph this short is a signature or a date, never continued
FLATTENED_MIN_SPACES = 2
_BULLETS = "■□●◆◇★☆▲△◎○►▶"
# unnumbered section headings of reports and papers, headings even beside numbered ones
SECTION_WORDS = frozenset(
    ["参考文献", "附录", "致谢", "结束语", "结语", "引言", "前言", "后记", "主要参考文献"]
)
# "附件：1．…" starts a list of attachments; its "2．…" items are not headings
_ATTACHMENTS = re.compile(r"^附件\s*[:：]")
# "市发展改革委　周涛" under a title: a unit and a person's name (a new article's byline)
_BYLINE = re.compile(r"^[^\s，。：:、“”]{2,20}[\s\u3000]+[^\s，。：:、“”]{2,4}$")
# short lines that are never section headings: a date or speaker line under a title
# ("（2024年3月1日）", "县委书记 张三"), a signature date at the end
_NOT_HEADING = re.compile(r"^[（(].*[)）]$|\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*日|\S\s+\S")
_SPACE_IN_HAN = re.compile(rf"[{HAN}，。、；：？！”）:,;?!)]\s+[{HAN}“（(]")
_SENTENCE_END = re.compile(r"[。？！?!]+[”’」』]*|[：:](?=.)")
_NO_BREAK_BEFORE = set("，、。；：！？）”’》,.;:!?)")
# the parts of a journal paper's front matter start new paragraphs even with no space
# before them (text extracted from PDFs runs "…718500 )摘 要:…" together)
_FRONT_MATTER_LABEL = r"(?:摘\s*要|关\s*键\s*词|关键字|作者简介)\s*[:：]|[\[【]作者简介[\]】]"
_FRONT_MATTER = re.compile(rf"(?<=[)）。”\s])(?={_FRONT_MATTER_LABEL})")
_FRONT_MATTER_AT = re.compile(_FRONT_MATTER_LABEL)
OWN_TITLE_EXTRA = 6  # "新形势下基层党建工作" + "初探": a journal title seen again, longer


@dataclass(slots=True)
class _Piece:
    text: str
    no: int
    new_line: bool  # starts a source line (so a page break may have split it from the last)
    whole_line: bool  # is a whole source line
    gap_before: bool


# ---------------------------------------------------------------- 1. articles


def _flattened(text: str) -> bool:
    """A paragraph run flattened into one line: spaces standing for line breaks."""
    return len(text) >= 60 and len(_SPACE_IN_HAN.findall(text)) >= FLATTENED_MIN_SPACES


def _title_candidate(line: Line) -> bool:
    return title_like(line.text, TITLE_MAX) and parse_marker(line.text) is None


def _article_starts(lines: Sequence[Line], title_cuts: Sequence[int]) -> list[int]:

    def title_removed_in(lo: int, hi: int) -> bool:
        k = bisect.bisect_right(title_cuts, lo)  # the first cut after line lo (log time: no quadratic scan)
        return k < len(title_cuts) and title_cuts[k] <= hi

    starts = [0]
    for i in range(1, len(lines)):
        line, prev = lines[i], lines[i - 1]
        if line.boundary:
            starts.append(i)
            continue
        if i + 1 < len(lines) and _title_candidate(line) and not line.text.startswith(("—", "-")):
            nxt = lines[i + 1]
            if (
                title_removed_in(line.no, nxt.no)
                or (nxt.text.startswith(("——", "--")) and not _title_candidate(prev))
                or (
                    GENRE_SUFFIX.search(line.key)
                    and len(line.key) >= GENRE_TITLE_MIN
                    and (ends_sentence(prev.text) or line.gap_before)
                    and not _title_candidate(nxt)
                )
                or (_flattened(nxt.text) and nxt.gap_before)
                or (_BYLINE.match(nxt.text) and (ends_sentence(prev.text) or line.gap_before))
            ):
                starts.append(i)
                continue
        # a preview whose listing title was removed: its own title opens the flattened line
        if (
            _flattened(line.text)
            and title_removed_in(prev.no, line.no)
            and not _title_candidate(prev)
            and title_like(line.text.split(None, 1)[0], TITLE_MAX)
        ):
            starts.append(i)
    return starts


# ---------------------------------------------------------------- 2. pieces


def _break_marker(text: str) -> Marker | None:
    """A marker that may open a new piece after a space (not the shape-only families)."""
    m = parse_marker(text)
    if m is None or (m.needs_title_shape and m.family != "bullet"):
        return None
    return m


def _is_run_on_heading(segment: str) -> bool:
    """ "二、…应对措施" before a space: a heading whose body followed after a space."""
    m = _break_marker(segment)
    if m is None or len(m.rest) < 4:
        return False
    return not any(c in m.rest for c in "。！？!?；;")


def _split_line(line: Line, *, heads_article: bool, title: str = "") -> list[_Piece]:
    parts = [p for p in _FRONT_MATTER.split(line.text) if p.strip()]
    pieces = _split_part(line, parts[0], heads_article=heads_article, title=title) if parts else []
    for part in parts[1:]:
        for p in _split_part(line, part, heads_article=False, title=title):
            p.new_line = p.whole_line = p.gap_before = False
            pieces.append(p)
    return pieces


def _own_title_at(text: str, title: str) -> int:
    """Length of the article's title, lengthened by a few characters, at the start of
    ``text`` and followed by a space ("新形势下基层党建工作初探 张自亮…"), or 0."""
    if not title or not text.startswith(title):
        return 0
    word = text.split(None, 1)[0]
    extra = len(word) - len(title)
    if 0 < extra <= OWN_TITLE_EXTRA and len(word) < len(text.rstrip()) + 1 and title_like(word, TITLE_MAX):
        return len(word)
    return 0


_WRAPPABLE = re.compile(f"[{HAN}，。、；：？！“”（）]")


def _line_break_at(
    text: str, a: int, b: int, segment: str, *, first: bool, heads_article: bool, title: str
) -> bool:
    """Does the space ``text[a:b]`` after ``segment`` stand for a lost line break?"""
    left, right = text[a - 1], text[b : b + 1]
    after = text[b:]
    if not right or right in _NO_BREAK_BEFORE:
        return False  # "坚定 ，履职": punctuation never starts a paragraph
    if left in ":;" and right.isascii() and _break_marker(after) is None:
        return False  # "2021(6): 45-48." — a reference or a time, not a sentence end
    if left in TERMINAL or left == "…" or (left in CLOSERS and a >= 2 and text[a - 2] in TERMINAL):
        return True  # after a finished sentence
    if right in _BULLETS or _break_marker(after) is not None or _FRONT_MATTER_AT.match(after):
        return True  # before a heading marker, a bullet, 摘要： …
    if _is_run_on_heading(segment):
        return True  # "二、…应对措施 在密切联系…": the heading ends at the space
    glued_title = first and title_like(segment, TITLE_MAX) and parse_marker(segment) is None
    body_follows = len(after) >= GLUED_BODY_MIN or any(c in after for c in "。！？")
    if glued_title and body_follows and (heads_article or segment.startswith(("——", "--"))):
        return True  # the article's title, or its subtitle, glued to the text
    return bool(_own_title_at(after, title) or _own_title_at(segment + " ", title) == len(segment))


def _split_part(line: Line, text: str, *, heads_article: bool, title: str) -> list[_Piece]:
    text = text.strip()
    flat = _flattened(text)
    pieces: list[_Piece] = []
    out: list[str] = []  # the current piece, as kept
    seg_start = 0
    for m in re.finditer(r"\s+", text):
        a, b = m.start(), m.end()
        segment = text[seg_start:a]
        first = not pieces
        out.append(segment)
        seg_start = b
        if _line_break_at(text, a, b, segment, first=first, heads_article=heads_article, title=title):
            pieces.append(_Piece("".join(out), line.no, first, False, line.gap_before if first else False))
            out = []
        elif flat and _WRAPPABLE.match(text[a - 1]) and _WRAPPABLE.match(text[b : b + 1] or "x"):
            pass  # in a flattened run a space between Chinese characters is a line wrap
        else:
            out.append(text[a:b])
    out.append(text[seg_start:])
    whole = not pieces
    pieces.append(
        _Piece("".join(out).strip(), line.no, not pieces, whole, line.gap_before if whole else False)
    )
    return [p for p in pieces if p.text]


# ---------------------------------------------------------------- 3. blocks and 4. levels


class _Levels:
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


def _split_run_in(rest: str) -> tuple[str, str]:
    """(heading sentence, tail): the heading ends at its first full stop (or an early colon)."""
    for m in _SENTENCE_END.finditer(rest):
        if m.group().startswith((":", "：")) and m.start() > RUNIN_COLON_MAX:
            continue
        end = m.end()
        return rest[:end], rest[end:].strip()
    return rest, ""


@dataclass(slots=True)
class _Builder:
    keep_numbering: bool
    blocks: list[Block] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    levels: _Levels = field(default_factory=_Levels)
    repairs: list[Notice] = field(default_factory=list)

    def heading(self, m: Marker, no: int) -> bool:
        head, tail = _split_run_in(m.rest)
        if len(head) > HEADING_MAX:
            return False
        fam = _family_key(m)
        level = self.levels.assign(fam, m.level)
        last = self.levels.last_value.get(fam)
        if m.value and last is not None and m.value != last + 1:
            kind = "repeated" if m.value == last else "out of order" if m.value < last else "skips a number"
            self.notices.append(Notice("numbering", f"heading {m.number} {kind} after {last}", no))
        if m.value:
            self.levels.last_value[fam] = m.value
        number = m.number if self.keep_numbering else m.standard
        self.blocks.append(Heading(level, normalize(number), normalize(head), normalize(tail)))
        return True

    def unnumbered(self, text: str, *, top: bool = False) -> None:
        """An unnumbered heading; ``top``: a section word (参考文献) that closes every level."""
        if top:
            self.levels.stack.clear()
            self.levels.last_value.clear()
        level = self.levels.assign("unnumbered", 1)
        self.blocks.append(Heading(level, "", normalize(text)))

    def numbered_line(self, number: str, text: str) -> None:
        """A section number on a line of its own ("01") and the heading text under it."""
        level = self.levels.assign("zero-number", 1)
        self.blocks.append(Heading(level, number, normalize(text)))

    def paragraph(self, text: str, *, join: bool, no: int = 0) -> None:
        text = normalize(text)
        prev = self.blocks[-1] if self.blocks else None
        if join and prev is not None:
            self.repairs.append(
                Notice("joined", "continues the paragraph before it (a page break or wrap split it)", no)
            )
            if isinstance(prev, Paragraph):
                self.blocks[-1] = Paragraph(join_wrapped(prev.text + text))
                return
            if prev.tail:
                self.blocks[-1] = Heading(prev.level, prev.number, prev.text, join_wrapped(prev.tail + text))
                return
        self.blocks.append(Paragraph(text))

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


def _wrap_width(pieces: Sequence[_Piece]) -> int:
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


def _subtitle_at(pieces: Sequence[_Piece], i: int) -> bool:
    return (
        i < len(pieces) and pieces[i].text.startswith(("——", "--", "—")) and len(pieces[i].text) <= TITLE_MAX
    )


def _has_numbered_first_level(pieces: Sequence[_Piece]) -> bool:
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


def _build_article(
    lines: Sequence[Line], keep_numbering: bool
) -> tuple[Article, list[Notice], list[Removal], list[Notice]]:
    head = lines[0].text if _title_candidate(lines[0]) else ""
    pieces: list[_Piece] = []
    splits: list[Notice] = []
    for k, line in enumerate(lines):
        parts = _split_line(line, heads_article=k == 0, title=head if k else "")
        if len(parts) > 1:
            splits.append(
                Notice("split", f"split into {len(parts)} blocks where spaces stood for line breaks", line.no)
            )
        pieces.extend(parts)
    title = subtitle = ""
    removed: list[Removal] = []
    i = 0
    if pieces and title_like(pieces[0].text, TITLE_MAX) and parse_marker(pieces[0].text) is None:
        title = pieces[0].text
        i = 1
        # the paper's own, fuller title later in the extracted text replaces the site's
        own = next((p for p in pieces[1:] if _own_title_at(p.text + " ", title) == len(p.text)), None)
        if own is not None:
            removed.append(Removal(title, "listing-title", pieces[0].no))
            title = own.text
            pieces.remove(own)
        # a title broken over two lines: the second short line ends it with its genre word
        if (
            i < len(pieces)
            and pieces[i].whole_line
            and title_like(pieces[i].text, 20)
            and parse_marker(pieces[i].text) is None
            and not pieces[i].text.startswith(("—", "-"))
            and not GENRE_SUFFIX.search(title)
            and (GENRE_SUFFIX.search(pieces[i].text) or _subtitle_at(pieces, i + 1))
            and len(title) + len(pieces[i].text) <= TITLE_MAX
        ):
            title += pieces[i].text
            i += 1
        if _subtitle_at(pieces, i):
            subtitle = pieces[i].text
            i += 1
    b = _Builder(keep_numbering)
    unnumbered_ok = not _has_numbered_first_level(pieces[i:])
    rest = pieces[i:]
    in_attachments = False
    width = _wrap_width(rest)
    last_len = 0  # visible length of the source line the open paragraph ends with
    for k, p in enumerate(rest):
        text = p.text
        m = parse_marker(text)
        in_attachments = bool(_ATTACHMENTS.match(text)) or (in_attachments and m is not None)
        # a hard-wrapped source: the line before was full, so this one continues it
        # (a paragraph's first line may be two characters short: its indent)
        wrapped = bool(width) and last_len >= width - 3 and p.new_line and not ends_sentence(b.open_text())
        last_len = _visible_len(text) if p.whole_line else 0
        if wrapped and m is None and text[0] not in _BULLETS:
            b.paragraph(text, join=True, no=p.no)
            continue
        if (
            m is not None
            and not in_attachments
            and (not m.needs_title_shape or title_like(m.rest, 40) or _short_run_in(m))
            and b.heading(m, p.no)
        ):
            continue
        if text in SECTION_WORDS and k + 1 < len(rest):
            b.unnumbered(text, top=True)
            continue
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        if SECTION_NUMBER.match(text) and nxt is not None and title_like(nxt.text, TITLE_MAX):
            b.numbered_line(text, nxt.text)  # WeChat "01" above its section heading
            rest[k + 1] = _Piece("", nxt.no, False, False, False)
            continue
        if not text:
            continue
        if (
            unnumbered_ok
            and p.whole_line
            and m is None
            and 4 <= len(text) <= UNNUMBERED_HEADING_MAX
            and title_like(text, UNNUMBERED_HEADING_MAX)
            and not _NOT_HEADING.search(text)
            and nxt is not None
            and not title_like(nxt.text, TITLE_MAX)
            and len(nxt.text) >= 30
            and (p.gap_before or ends_sentence(b.open_text()) or not b.blocks)
        ):
            b.unnumbered(text)
            continue
        before = b.open_text()
        join = (
            p.new_line
            and len(before) >= JOIN_MIN
            and not ends_sentence(before)
            and m is None
            and not title_like(text, UNNUMBERED_HEADING_MAX)
            and text[0] not in _BULLETS
        )
        b.paragraph(text, join=join, no=p.no)
    article = Article(normalize(title), normalize(subtitle), tuple(b.blocks))
    return article, b.notices, removed, splits + b.repairs


def structure(cleaned: Cleaned, *, title: str | None = None, keep_numbering: bool = False) -> Structured:
    """Articles of the cleaned text; ``title`` replaces the title of a single article."""
    lines = cleaned.lines
    if not lines:
        return Structured(())
    starts = _article_starts(lines, cleaned.title_cuts)
    articles: list[Article] = []
    notices: list[Notice] = []
    removed: list[Removal] = []
    repairs: list[Notice] = []
    orphan: tuple[Paragraph, ...] = ()  # a title heading nothing, before any article
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        article, ns, gone, fixed = _build_article(lines[a:b], keep_numbering)
        notices.extend(ns)
        removed.extend(gone)
        repairs.extend(fixed)
        if not article.blocks:
            # a title heading nothing is no document: keep its text as a paragraph of the
            # article before it (or, first in the file, of the article after it)
            lone = tuple(Paragraph(t) for t in (article.title, article.subtitle) if t)
            if articles:
                prev = articles[-1]
                articles[-1] = Article(prev.title, prev.subtitle, (*prev.blocks, *lone))
            else:
                orphan += lone
            continue
        if orphan:
            article = Article(article.title, article.subtitle, (*orphan, *article.blocks))
            orphan = ()
        articles.append(article)
    if orphan:
        articles.append(Article("", "", orphan))
    if title is not None and len(articles) == 1:
        only = articles[0]
        if only.title and only.title != title:
            removed.append(Removal(only.title, "replaced-title", lines[0].no))
        articles[0] = Article(normalize(title), only.subtitle, only.blocks)
    elif title is not None:
        notices.append(
            Notice("title-ignored", f"--title applies to single-article inputs; this one has {len(articles)}")
        )
    if any(not a.title for a in articles):
        notices.append(Notice("no-title", "a document has no title line; it starts with its body"))
    return Structured(
        tuple(articles), tuple(removed), tuple(notices), tuple(sorted(repairs, key=lambda n: n.line))
    )
