"""Step 2 of structure: each line split where a space stands for a lost line break.

A space after a full stop, before a heading marker, after a heading joined to its body,
or after the article's title glued to its text breaks the line; in flattened lines the
spaces that stand for mere line wraps are dropped.  A journal paper's front-matter
labels (摘要：, 关键词：) start new pieces even with no space before them, and so does a
heading marker glued after a heading's colon in a flattened outline.
"""

from __future__ import annotations

import re

from pipeline.structure.common import BULLETS, GLUED_BODY_MIN, TITLE_MAX, Piece, flattened, own_title_at
from pipeline.text.lines import Line
from pipeline.text.numbering import Marker, parse_marker
from pipeline.text.shapes import CLOSERS, GENRE_WORD, HAN, TERMINAL, first_colon, title_like

_NO_BREAK_BEFORE = set("，、。；：！？）”’》,.;:!?)")
# the parts of a journal paper's front matter start new paragraphs even with no space
# before them (text extracted from PDFs runs "…718500 )摘 要:…" together)
_FRONT_MATTER_LABEL = r"(?:摘\s*要|关\s*键\s*词|关键字|作者简介)\s*[:：]|[\[【]作者简介[\]】]"
_FRONT_MATTER = re.compile(rf"(?<=[)）。”\s])(?={_FRONT_MATTER_LABEL})")
_FRONT_MATTER_AT = re.compile(_FRONT_MATTER_LABEL)


def break_marker(text: str) -> Marker | None:
    """A marker that may open a new piece after a space (not the shape-only families)."""
    m = parse_marker(text)
    if m is None or (m.needs_title_shape and m.family != "bullet"):
        return None
    return m


# a flattened outline: a heading ended by its colon, the next heading's marker glued after
# it ("二、评分准则：（一）绩效考核评分准则：1. 完成率…", tc08 of the dev corpus)
COLON_HEAD_MAX = 30  # characters of such a heading's text, after its marker


def colon_heads(text: str) -> list[str]:
    """``text`` cut after each heading's colon that a heading marker follows.

    >>> colon_heads("二、评分准则：（一）绩效考核评分准则：1. 完成率每±5%，影响考核2分。")
    ['二、评分准则：', '（一）绩效考核评分准则：', '1. 完成率每±5%，影响考核2分。']
    >>> colon_heads("二、评分准则:(一) 绩效考核评分准则:1. 完成率")
    ['二、评分准则:', '(一) 绩效考核评分准则:', '1. 完成率']
    >>> colon_heads("一、时间：2023年5月")
    ['一、时间：2023年5月']
    >>> colon_heads("具体要求如下：1. 提高认识")
    ['具体要求如下：1. 提高认识']
    """
    parts: list[str] = []
    while (m := break_marker(text)) is not None:
        colon = first_colon(m.rest)
        if not 0 < colon <= COLON_HEAD_MAX or any(c in TERMINAL for c in m.rest[:colon]):
            break
        after = m.rest[colon + 1 :].lstrip()
        if break_marker(after) is None:
            break
        cut = len(text) - len(m.rest) + colon + 1
        parts.append(text[:cut])
        text = text[cut:].lstrip()
    return [*parts, text]


SLOGAN_MAX = 80  # characters of a title set as parallel phrases on one line
SLOGAN_PHRASE_MAX = 24  # characters of one of its phrases
_SLOGAN_BREAKS = set("，,、：:；;。！？!?")


def slogan_title(text: str) -> bool:
    """A title of parallel phrases set on one line with spaces between them ("立足更高定位
    彰显更大作为 推动…高质量发展"): three or more title-shaped phrases, no punctuation.

    >>> slogan_title("立足更高定位 彰显更大作为 推动城管事业高质量发展")
    True
    >>> slogan_title("新形势下做好群众工作心得体会 面对新形势、新任务，面对新要求")
    False
    """
    phrases = text.split()
    return (
        len(text) <= SLOGAN_MAX
        and len(phrases) >= 3
        and not any(c in _SLOGAN_BREAKS for c in text)
        and all(len(p) <= SLOGAN_PHRASE_MAX and title_like(p, SLOGAN_PHRASE_MAX) for p in phrases)
    )


def _is_run_on_heading(segment: str) -> bool:
    """ "二、…应对措施" before a space: a heading whose body followed after a space."""
    m = break_marker(segment)
    if m is None or len(m.rest) < 4:
        return False
    return not any(c in m.rest for c in "。！？!?；;")


# a title in 【】 run into the text it heads: "【2023春节放假通知】2023年春节即将来临，…"
_BRACKETED_TITLE = re.compile(r"^\s*(【[^【】]{6,40}】)(?=\S)(.+)$")


def _bracketed_title(text: str) -> tuple[str, str] | None:
    """(【title】, the text after it) of a line that opens with a bracketed title glued to
    its body; None for a section marker (【篇一】 is shorter than a title) or a label."""
    m = _BRACKETED_TITLE.match(text)
    if m is None:
        return None
    inner, rest = m[1][1:-1], m[2]
    body = len(rest) >= GLUED_BODY_MIN or any(c in rest for c in "。！？")
    return (m[1], rest) if body and title_like(inner, TITLE_MAX) and parse_marker(inner) is None else None


GENRE_GLUED_MIN = 8  # characters of a title glued to its text with no space between
_CONTINUES = set("的和及与并暨、（(《“")  # a title's text goes on after this word


def _genre_glued_title(text: str) -> tuple[str, str] | None:
    """(title, text) of a flattened line whose title runs straight into its text, no space
    between ("2023年XX区卫生健康工作总结及2024年工作计划2023年，在区委…", tg06 of the dev
    corpus): the longest title-shaped start that ends in a genre word, before text that
    starts a sentence and holds one.

    >>> _genre_glued_title("2023年XX区卫生健康工作总结及2024年工作计划2023年，在区委、区政府的正确领导下，我们全面落实。")[0]
    '2023年XX区卫生健康工作总结及2024年工作计划'
    >>> _genre_glued_title("工作方案制定后，要抓好落实，确保各项任务按时完成。") is None
    True
    """
    if " " in text[:TITLE_MAX] or parse_marker(text) is not None:
        return None
    best = None
    for m in GENRE_WORD.finditer(text, 0, TITLE_MAX + 1):
        head, rest = text[: m.end()], text[m.end() :]
        if len(head) < GENRE_GLUED_MIN or not title_like(head, TITLE_MAX):
            continue
        if rest[:1] in _CONTINUES or not rest[:1] or rest[0] in _NO_BREAK_BEFORE:
            continue
        if len(rest) >= GLUED_BODY_MIN and any(c in rest for c in "。！？"):
            best = (head, rest)
    return best


def split_line(line: Line, *, heads_article: bool, title: str = "") -> list[Piece]:
    glued = _bracketed_title(line.text) if heads_article else None
    if glued is None and heads_article and not title:
        glued = _genre_glued_title(line.text)
    if glued is not None:  # the title, then its text as the line's next piece
        first = _split_part(line, glued[0], heads_article=True, title=title)
        rest = _split_part(line, glued[1], heads_article=False, title=title)
        for p in rest:
            p.new_line = p.whole_line = p.gap_before = False
        return first + rest
    parts = [h for p in _FRONT_MATTER.split(line.text) if p.strip() for h in colon_heads(p.strip())]
    pieces = _split_part(line, parts[0], heads_article=heads_article, title=title) if parts else []
    for part in parts[1:]:
        for p in _split_part(line, part, heads_article=False, title=title):
            p.new_line = p.whole_line = p.gap_before = False
            pieces.append(p)
    return pieces


_WRAPPABLE = re.compile(f"[{HAN}，。、；：？！“”（）]")


def _line_break_at(
    text: str, a: int, b: int, segment: str, *, first: bool, heads_article: bool, title: str
) -> bool:
    """Does the space ``text[a:b]`` after ``segment`` stand for a lost line break?"""
    left, right = text[a - 1], text[b : b + 1]
    after = text[b:]
    if not right or right in _NO_BREAK_BEFORE:
        return False  # "坚定 ，履职": punctuation never starts a paragraph
    if left in ":;" and right.isascii() and break_marker(after) is None:
        return False  # "2021(6): 45-48." — a reference or a time, not a sentence end
    if left in TERMINAL or left == "…" or (left in CLOSERS and a >= 2 and text[a - 2] in TERMINAL):
        return True  # after a finished sentence
    if right in BULLETS or break_marker(after) is not None or _FRONT_MATTER_AT.match(after):
        return True  # before a heading marker, a bullet, 摘要： …
    if _is_run_on_heading(segment):
        return True  # "二、…应对措施 在密切联系…": the heading ends at the space
    glued_title = first and title_like(segment, TITLE_MAX) and parse_marker(segment) is None
    body_follows = len(after) >= GLUED_BODY_MIN or any(c in after for c in "。！？")
    if glued_title and body_follows and (heads_article or segment.startswith(("——", "--"))):
        return True  # the article's title, or its subtitle, glued to the text
    return bool(own_title_at(after, title) or own_title_at(segment + " ", title) == len(segment))


def _split_part(line: Line, text: str, *, heads_article: bool, title: str) -> list[Piece]:
    text = text.strip()
    if heads_article and slogan_title(text):
        return [Piece(text, line.no, True, True, line.gap_before)]  # the title, whole
    flat = flattened(text)
    pieces: list[Piece] = []
    out: list[str] = []  # the current piece, as kept
    seg_start = 0
    for m in re.finditer(r"\s+", text):
        a, b = m.start(), m.end()
        segment = text[seg_start:a]
        first = not pieces
        out.append(segment)
        seg_start = b
        if _line_break_at(text, a, b, segment, first=first, heads_article=heads_article, title=title):
            pieces.append(Piece("".join(out), line.no, first, False, line.gap_before if first else False))
            out = []
        elif flat and _WRAPPABLE.match(text[a - 1]) and _WRAPPABLE.match(text[b : b + 1] or "x"):
            pass  # in a flattened run a space between Chinese characters is a line wrap
        else:
            out.append(text[a:b])
    out.append(text[seg_start:])
    whole = not pieces
    pieces.append(
        Piece("".join(out).strip(), line.no, not pieces, whole, line.gap_before if whole else False)
    )
    return [p for p in pieces if p.text]
