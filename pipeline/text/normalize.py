"""Text fixers (ftfy style): small ``str -> str`` functions that change form, never content.

They run on kept text only and produce no ``removed`` entries: after any fixer,
NFKC of the output equals NFKC of the input except for the marks a fixer is *for*
(quotes become curly, ``...`` becomes ``……``, ``--`` becomes ``——``).

>>> normalize('他说:"要做好群众工作,做到三点(见下)..."')
'他说：“要做好群众工作，做到三点（见下）……”'
>>> normalize("会议于10:30开始, 见 http://a.cn/x?a=1,2 和 3.5%")
'会议于10:30开始， 见 http://a.cn/x?a=1,2 和 3.5%'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.text.shapes import HAN

# what counts as "Chinese context" next to a half-width mark
_CJK = f"{HAN}\u3000-\u303f\uff00-\uffef“”‘’《》…—"
_URL = re.compile(
    rf"(?:https?://|www\.)[^\s{HAN}\u3000-\u303f\uff00-\uffef“”《》，。]+|[A-Za-z0-9.+_-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+",
    re.I,
)
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def _outside_urls(text: str, fix: Callable[[str], str]) -> str:
    """Apply ``fix`` to the stretches of ``text`` that are not URLs or e-mail addresses."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        url = m.group().rstrip(",.;:!?)")  # "见www.example.gov.cn," — the comma is the sentence's
        out.append(fix(text[pos : m.start()]))
        out.append(url)
        pos = m.start() + len(url)
    out.append(fix(text[pos:]))
    return "".join(out)


def _until_stable(fix: Callable[[str], str], text: str, rounds: int = 4) -> str:
    """Apply ``fix`` until the text stops changing ("?!" converts one mark per pass; nested
    parentheses one pair per pass)."""
    for _ in range(rounds):
        fixed = fix(text)
        if fixed == text:
            break
        text = fixed
    return text


_PUNCT = re.compile(rf"(?<=[{_CJK}])\s*([,:;?!])|([,:;?!])(?=\s*[{_CJK}])")


def _punct(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        ch = m.group(1) or m.group(2)
        start = m.start(1) if m.group(1) else m.start(2)
        before, after = text[start - 1 : start], text[start + 1 : start + 2]
        if ch in ":," and before.isdigit() and after.isdigit():
            return m.group()  # 10:30, 3,000
        if m.group(2) and before.isascii() and before.isalnum() and after.isspace():
            return m.group()  # "Hello, world! 时间": the mark ends a Latin phrase
        return _HALF_TO_FULL[ch]

    return _PUNCT.sub(repl, text)


def to_fullwidth_punctuation(text: str) -> str:
    """Half-width ``, : ; ? !`` next to Chinese → ``，：；？！``; URLs, times, numbers and
    Latin phrases keep theirs.

    >>> to_fullwidth_punctuation("第一,要坚持; Hello, world! 时间10:30")
    '第一，要坚持； Hello, world! 时间10:30'
    """
    if not _HALF_MARK.search(text):
        return text  # nothing to widen (most text: it is already full-width)
    return _until_stable(lambda s: _outside_urls(s, _punct), text)


_HALF_MARK = re.compile("[,:;?!]")  # what _PUNCT needs; tests/text: without one, no fixer changes a text


_PARENS = re.compile(r"\(([^()]{0,80})\)")


def to_fullwidth_parentheses(text: str) -> str:
    """``(…)`` → ``（…）`` when the content or a neighbour is Chinese.

    >>> to_fullwidth_parentheses("厂长(经理)负责制, f(x) = 1, (1)做好")
    '厂长（经理）负责制, f(x) = 1, （1）做好'
    """

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = m.string[m.start() - 1 : m.start()]
        after = m.string[m.end() : m.end() + 1]
        chinese = re.search(f"[{_CJK}]", inner + before + after)
        if chinese or (not before.strip() and inner.isdigit()):
            return f"（{inner}）"
        return m.group()

    if "(" not in text:
        return text
    return _until_stable(lambda s: _outside_urls(s, lambda t: _PARENS.sub(repl, t)), text)


def to_curly_quotes(text: str) -> str:
    """Straight ``"`` and ``'`` in Chinese text → paired “” ‘’.

    >>> to_curly_quotes('要做到"四真"和\\'两心\\'')
    '要做到“四真”和‘两心’'
    """
    if '"' not in text and "'" not in text:
        return text
    if not re.search(f"[{HAN}]", text):
        return text
    out, double, single = [], False, False
    for ch in text:
        if ch == '"':
            out.append("”" if double else "“")
            double = not double
        elif ch == "'":
            out.append("’" if single else "‘")
            single = not single
        else:
            out.append(ch)
    return "".join(out)


# "..." or "。。。" next to Chinese, a lone "…", or a run of three or more "…"
_ELLIPSIS = re.compile(
    rf"(?:(?<=[{_CJK}])(?:\.{{3,}}|。{{3,}})|(?:\.{{3,}}|。{{3,}})(?=[{_CJK}]|$))|(?<!…)…(?!…)|…{{3,}}"
)
_CJK_NO_DASH = _CJK.replace("—", "")
_DASH = re.compile(
    rf"(?<=[{_CJK_NO_DASH}])\s*-{{2,}}\s*(?=[{_CJK_NO_DASH}])|(?<=[{_CJK_NO_DASH}])(?<!—)—(?![—-])(?=[{_CJK_NO_DASH}])"
    rf"|(?<![—-])—(?![—-])(?=[{_CJK_NO_DASH}])"
)


# X—Y—Z: two or more single dashes joining words of at most eight characters
_CHAIN = re.compile(rf"[{HAN}]{{1,8}}(?<!—)—(?!—)[{HAN}]{{1,8}}(?<!—)—(?!—)[{HAN}]")


def to_ellipsis(text: str) -> str:
    """``...`` / ``。。。`` / a lone ``…`` → ``……`` (省略号 is two 字, GB/T 15834).

    >>> to_ellipsis("等等... 还有。。。以及…")
    '等等…… 还有……以及……'
    """
    if "…" not in text and "..." not in text and "。。。" not in text:
        return text
    return _ELLIPSIS.sub("……", text)


def to_dash(text: str) -> str:
    """``--`` or a lone ``—`` between Chinese → ``——`` (破折号 is two 字).

    A chain of single dashes joining short words ("街道—社区—网格") is a 连接号 (GB/T 15834
    §4.13: 一字线 links related items) and stays.

    >>> to_dash("群众路线--党的生命线; 2010-2012年; 主题—为民; 工作——学习")
    '群众路线——党的生命线; 2010-2012年; 主题——为民; 工作——学习'
    >>> to_dash("构建街道—社区—网格三级体系")
    '构建街道—社区—网格三级体系'
    """

    def repl(m: re.Match[str]) -> str:
        if m.group() == "—" and _CHAIN.search(text, max(0, m.start() - 9), m.end() + 9):
            return m.group()
        return "——"

    if "—" not in text and "--" not in text:
        return text
    return _DASH.sub(repl, text)


_WRAP_SPACE = re.compile(
    rf"(?<=[{HAN}，。、；：？！“”（）《》])[ \t\u3000]+(?=[{HAN}，。、；：？！“”（）《》])"
)


def join_wrapped(text: str) -> str:
    """Drop line-wrap spaces between Chinese characters ("民主 集中制" → "民主集中制");
    spaces between Latin words and in numbers stay.

    >>> join_wrapped("民主 集中制 and Modern Construction 2012 年")
    '民主集中制 and Modern Construction 2012 年'
    """
    return _WRAP_SPACE.sub("", text)


FIXERS: dict[str, Callable[[str], str]] = {
    # marks that others look at come first: a curly quote or an ellipsis next to a half-width
    # comma is Chinese context for it, so fixing them first makes one pass enough
    "to_curly_quotes": to_curly_quotes,
    "to_ellipsis": to_ellipsis,
    "to_dash": to_dash,
    "to_fullwidth_punctuation": to_fullwidth_punctuation,
    "to_fullwidth_parentheses": to_fullwidth_parentheses,
}


def normalize(text: str) -> str:
    """Every fixer in order, repeated until nothing changes (a fix can make the context of
    another: "群,--群" → "群，--群" → "群，——群"), then surrounding whitespace trimmed."""

    def once(s: str) -> str:
        for fix in FIXERS.values():
            s = fix(s)
        return s

    return _until_stable(once, text).strip()
