"""Markdown drafts (``.md``, or text that reads as Markdown) → lines with structure hints.

Parsed with markdown-it-py (CommonMark plus pipe tables and strikethrough); what the
draft's markup says becomes data for the structure stage, and no markup reaches the
page (no ``#``, ``**``, ``>``, ``|``):

* **Headings.**  A lone top heading at the start (``# 关于……的通知`` over ``##``
  sections) is the title; the other depths are re-based (a draft that starts at ``##``
  has its ``##`` as level 1; skipped depths close up) and capped at 4.  A numbering
  marker typed in a heading ("## 一、总体要求") sets its 公文 level in structure.
* **Bold leads.**  A paragraph that starts in bold (``**一是压实责任。**各单位要……``)
  is a run-in heading, its bold part the heading; a short paragraph all in bold is a
  heading (the title when it opens a draft that has no title heading).  Chat assistants
  put ``**`` against Chinese punctuation, where CommonMark does not see emphasis, so
  ``**…**`` left in the text is read as bold too.
* **Lists** become paragraphs with their markers written as 公文 practice does: "1."
  at the first depth, "（1）" at the second, "①" below — never bullets; an item that
  types its own marker (一是…, （一）…) keeps it.
* **Tables** become table blocks; **links** keep their text; **images** their
  description (alt text), with a notice; code is kept as plain text.
* **YAML front matter** becomes :class:`~pipeline.model.Meta` (title, 版头 and 版记
  fields, 主送, 署名, 成文日期); keys it does not know are recorded as removed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.decode.reader import ENUMERATION, Reading
from pipeline.errors import InputError
from pipeline.model import Cell, Head, Hint, Imprint, Meta
from pipeline.text.numbering import parse_marker

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# A longer line is no draft (10 MB of text with no line break): markdown-it's inline
# parser is linear but slow on such data (brackets: 5 s a million), and no editor or
# chat assistant writes one.  The text path still takes it: rename it .txt.
MAX_LINE = 1_000_000
TITLE_MAX = 50

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# "#标题" without the space CommonMark wants before a heading's text (typed by hand)
_TIGHT_HEADING = re.compile(r"^(#{1,6})(?=[^\s#])", re.M)
# "**…**" that CommonMark left as text: its flanking rules miss emphasis against CJK
# punctuation ("**一是压实责任。**各单位"), so chat assistants' bold leads survive as stars
_STARS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_STRAY = re.compile(r"\*\*+|(?<![\w*])\*(?![\s*])|(?<=\S)\*(?![\w*])")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.I)
_MARKUP_LINE = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>|\|.*\|\s*$|```)")
_HEADING_LINE = re.compile(r"^#{1,6}\s+\S", re.M)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$", re.M)
_BOLD_LEAD = re.compile(r"^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?\*\*[^*\n]+\*\*", re.M)

# front-matter keys (English as --meta spells them, and the Chinese labels) → Meta fields
_HEAD_KEYS = {
    "copy_number": "copy_number",
    "份号": "copy_number",
    "classification": "classification",
    "密级": "classification",
    "urgency": "urgency",
    "紧急程度": "urgency",
    "issuer": "issuer",
    "发文机关": "issuer",
    "发文机关标志": "issuer",
    "doc_number": "doc_number",
    "发文字号": "doc_number",
    "文号": "doc_number",
}
_IMPRINT_KEYS = {
    "cc": "cc",
    "抄送": "cc",
    "抄送机关": "cc",
    "printer": "printer",
    "印发机关": "printer",
    "print_date": "print_date",
    "印发日期": "print_date",
}
_OTHER_KEYS = {
    "title": "title",
    "标题": "title",
    "recipients": "recipients",
    "主送": "recipients",
    "主送机关": "recipients",
    "signers": "signers",
    "签发人": "signers",
    "signature": "signatures",
    "signatures": "signatures",
    "署名": "signatures",
    "date": "date",
    "成文日期": "date",
}


def looks_like_markdown(text: str) -> bool:
    """Whether a text file without a Markdown suffix is a Markdown draft: ATX headings
    with bold leads or a pipe table, or several headings.  Text copied off the web has
    none of these, so the test is strict (no single ``#`` line is enough).

    >>> looks_like_markdown("# 通知\\n\\n## 一、要求\\n\\n正文。")
    True
    >>> looks_like_markdown("一、基本情况\\n#1 号楼\\n**注意")
    False
    """
    head = text[:200_000]
    headings = len(_HEADING_LINE.findall(head))
    table = _TABLE_RULE.search(head) is not None
    bold = len(_BOLD_LEAD.findall(head))
    return headings >= 2 or (headings >= 1 and (bold >= 1 or table)) or (table and bold >= 1) or bold >= 3


@dataclass(slots=True)
class _Span:
    text: str
    bold: bool = False


@dataclass
class _State:
    reading: Reading
    headings: list[tuple[int, int]] = field(default_factory=list)  # (line, depth)
    images: int = 0
    code: int = 0
    stray: int = 0
    tables: int = 0


def read(text: str) -> Reading:
    """A Markdown draft's text → a :class:`Reading` (see the module docstring).

    >>> r = read("# 关于开展检查的通知\\n\\n## 一、检查内容\\n\\n**（一）安全生产。**各单位自查。\\n")
    >>> [(h.line, h.kind, h.level, h.head) for h in r.hints]
    [(1, 'title', 0, ''), (2, 'heading', 1, ''), (3, 'run-in', 0, '（一）安全生产。')]
    >>> r.lines
    ['关于开展检查的通知', '一、检查内容', '（一）安全生产。各单位自查。']
    """
    from markdown_it import MarkdownIt

    for no, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            raise InputError(
                f"line {no} of the Markdown is {len(line):,} characters long, more than a draft's"
                f" {MAX_LINE:,} — split it into paragraphs (or rename the file .txt to convert it as text)"
            )
    reading = Reading("", form="markdown")
    fm = _FRONT_MATTER.match(text)
    if fm:
        reading.meta = _front_matter(fm.group(1) or "", reading)
        text = text[fm.end() :]
    text = _TIGHT_HEADING.sub(r"\1 ", text)
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    state = _State(reading)
    _blocks(md.parse(text), state)
    _heading_hints(state)
    if state.images:
        reading.note(
            "image",
            f"{state.images} image(s) in the draft: only their descriptions (alt text) are kept"
            " — insert the pictures into the DOCX by hand",
        )
    if state.code:
        reading.note("code", f"{state.code} code block(s) kept as plain text")
    if state.stray:
        reading.note("markup", f"{state.stray} unpaired Markdown emphasis mark(s) (* or **) left out")
    return reading


# ---------------------------------------------------------------- front matter


def _value(v: Any) -> str:
    if isinstance(v, dt.date):
        return f"{v.year}年{v.month}月{v.day}日"
    if isinstance(v, list | tuple):
        return "、".join(_value(x) for x in v)
    return "" if v is None else str(v).strip()


def _names(v: Any) -> tuple[str, ...]:
    items = v if isinstance(v, list | tuple) else re.split(r"[、，,\s]+", _value(v))
    return tuple(s for s in (_value(x) for x in items) if s)


def _front_matter(source: str, reading: Reading) -> Meta | None:
    """The front matter's fields as :class:`Meta`; what is not metadata is recorded."""
    import yaml

    try:
        data = yaml.safe_load(source) if source.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        reading.note("front-matter", f"the front matter is not valid YAML{where}; it was left out")
        reading.drop(source, "front-matter", 1)
        return None
    if not isinstance(data, dict):
        reading.drop(source, "front-matter", 1)
        reading.note("front-matter", "the front matter is not a list of key: value fields; it was left out")
        return None
    head: dict[str, Any] = {}
    imprint: dict[str, str] = {}
    other: dict[str, Any] = {}
    for key, value in data.items():
        k = str(key).strip()
        name = k.lower()
        if name in _HEAD_KEYS or k in _HEAD_KEYS:
            head[_HEAD_KEYS.get(name, _HEAD_KEYS.get(k, ""))] = _value(value)
        elif name in _IMPRINT_KEYS or k in _IMPRINT_KEYS:
            imprint[_IMPRINT_KEYS.get(name, _IMPRINT_KEYS.get(k, ""))] = _value(value)
        elif name in _OTHER_KEYS or k in _OTHER_KEYS:
            other[_OTHER_KEYS.get(name, _OTHER_KEYS.get(k, ""))] = value
        else:
            shown = _value(value)
            reading.drop(f"{k}: {shown}" if shown else k, "front-matter", 1)
    signers = _names(other["signers"]) if "signers" in other else ()
    return Meta(
        title=_value(other.get("title")),
        head=Head(**head, signers=signers) if head or signers else None,
        imprint=Imprint(**imprint) if imprint else None,
        recipients=_value(other.get("recipients")),
        signatures=_names(other["signatures"]) if "signatures" in other else (),
        date=_value(other.get("date")),
    )


# ---------------------------------------------------------------- inline


def _join(a: str, b: str) -> str:
    """A soft line break: nothing between Chinese, a space between words."""
    if not a or not b or _CJK.match(a[-1]) or _CJK.match(b[0]):
        return a + b
    return a + " " + b


def _stars(text: str, bold: bool, state: _State) -> Iterator[_Span]:
    """Spans of a text token, ``**…**`` CommonMark missed read as bold, stray stars dropped."""
    pos = 0
    for m in _STARS.finditer(text):
        if m.start() > pos:
            yield from _plain(text[pos : m.start()], bold, state)
        yield _Span(m.group(1) or m.group(2), True)
        pos = m.end()
    if pos < len(text):
        yield from _plain(text[pos:], bold, state)


def _plain(text: str, bold: bool, state: _State) -> Iterator[_Span]:
    cleaned, n = _STRAY.subn("", text)
    state.stray += n
    if cleaned:
        yield _Span(cleaned, bold)


def _inline(children: Sequence[Any], state: _State) -> list[list[_Span]]:
    """An inline token's children → lines (a hard break starts a new one) of spans."""
    lines: list[list[_Span]] = [[]]
    bold = 0
    for c in children:
        t = c.type
        if t == "text":
            lines[-1].extend(_stars(c.content, bold > 0, state))
        elif t == "softbreak":
            lines[-1].append(_Span("\n", bold > 0))
        elif t == "hardbreak":
            lines.append([])
        elif t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold = max(0, bold - 1)
        elif t == "code_inline":
            lines[-1].append(_Span(c.content, bold > 0))
        elif t == "image":
            state.images += 1
            alt = "".join(x.content for x in (c.children or []) if x.type in ("text", "code_inline"))
            if alt.strip():
                lines[-1].append(_Span(alt, bold > 0))
        elif t == "html_inline" and _BR.fullmatch(c.content.strip()):
            lines.append([])
        # em/s/link open and close: markup only, their text comes as text tokens
    return [_merge(spans) for spans in lines]


def _merge(spans: list[_Span]) -> list[_Span]:
    """Adjacent spans of one weight joined; soft breaks resolved (:func:`_join`)."""
    out: list[_Span] = []
    for s in spans:
        if out and out[-1].bold == s.bold:
            out[-1].text = out[-1].text + s.text
        else:
            out.append(_Span(s.text, s.bold))
    for s in out:
        if "\n" in s.text:
            parts = s.text.split("\n")
            text = parts[0]
            for p in parts[1:]:
                text = _join(text.rstrip(), p.lstrip())
            s.text = text
    for a, b in itertools.pairwise(out):  # a soft break at a weight change
        if a.text.endswith(" ") and b.text[:1] and _CJK.match(b.text[0]):
            a.text = a.text.rstrip()
    return [s for s in out if s.text]


def _text(spans: Sequence[_Span]) -> str:
    return "".join(s.text for s in spans).strip()


# ---------------------------------------------------------------- blocks


def _blocks(tokens: Sequence[Any], state: _State) -> None:
    r = state.reading
    lists: list[list[int]] = []  # per open list: [next number, ordered]
    item_first = False  # the next paragraph is the first of a list item
    i = 0
    while i < len(tokens):
        t = tokens[i]
        kind = t.type
        if kind == "heading_open":
            spans = _inline(tokens[i + 1].children or [], state)
            text = " ".join(_text(line) for line in spans if _text(line))
            if text:
                no = r.add(text)
                state.headings.append((no, int(t.tag[1])))
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = t.attrs.get("start", 1) if kind == "ordered_list_open" else 1
            lists.append([int(start) if isinstance(start, int | str) else 1, kind == "ordered_list_open"])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_first = True
        elif kind == "paragraph_open":
            marker = ""
            if item_first and lists:
                marker = _list_marker(len(lists), lists[-1][0])
                lists[-1][0] += 1
            _paragraph(_inline(tokens[i + 1].children or [], state), marker, state)
            item_first = False
            i += 3
            continue
        elif kind == "table_open":
            i = _table(tokens, i, state)
            continue
        elif kind in ("code_block", "fence"):
            state.code += 1
            for line in t.content.splitlines():
                if line.strip():
                    r.add(line.strip())
        elif kind == "html_block":
            for line in _BR.sub("\n", t.content).splitlines():
                text = _TAG.sub("", line).strip()
                if text:
                    r.add(text)
        i += 1


def _list_marker(depth: int, n: int) -> str:
    """ "1." at the first depth, "（1）" at the second, "①" below (公文 practice)."""
    if depth == 1:
        return f"{n}."
    if depth == 2:
        return f"（{n}）"
    return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else f"（{n}）"


def _paragraph(lines: list[list[_Span]], marker: str, state: _State) -> None:
    first = True
    for spans in lines:
        text = _text(spans)
        if not text:
            continue
        own = parse_marker(text) is not None or ENUMERATION.match(text) is not None
        item = first and bool(marker)
        prefix = marker if item and not own else ""
        state.reading.add_paragraph([(s.text, s.bold) for s in spans], prefix, item=item)
        first = False


def _table(tokens: Sequence[Any], i: int, state: _State) -> int:
    """A pipe table → one line per row, cells joined by tabs; returns the index after it."""
    r = state.reading
    state.tables += 1
    rows: list[list[str]] = []
    header = 0
    in_head = False
    while tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            rows.append([])
            header += in_head
        elif t.type == "inline":
            cell = " ".join(_text(line) for line in _inline(t.children or [], state))
            rows[-1].append(cell.replace("\t", " "))
        i += 1
    kept = [row for row in rows if any(c.strip() for c in row)]
    header = min(header, len(kept))
    for k, row in enumerate(kept):
        cells = tuple(Cell(c) for c in row)
        r.add("\t".join(row), "table", group=state.tables, row=k, cells=cells, header_rows=header)
    return i + 1


def _heading_hints(state: _State) -> None:
    """Title and levels of the headings, once all are known (module docstring)."""
    r = state.reading
    heads = state.headings
    title_line = 0
    if heads and heads[0][0] == 1 and all(d > heads[0][1] for _, d in heads[1:]):
        title_line, heads = 1, heads[1:]
    else:
        first = next((h for h in r.hints if h.line == 1), None)
        if (
            first is not None
            and first.kind == "heading"
            and len(r.lines[0]) <= TITLE_MAX
            and parse_marker(r.lines[0]) is None
        ):
            title_line = 1  # "**关于……的通知**" opening a draft that has no title heading
    rank = {d: k for k, d in enumerate(sorted({d for _, d in heads}), 1)}
    hints = [h for h in r.hints if h.line != title_line]
    hints += [Hint(no, "heading", min(rank[d], 4)) for no, d in heads]
    if title_line:
        hints.append(Hint(title_line, "title"))
    r.hints = sorted(hints, key=lambda h: h.line)
