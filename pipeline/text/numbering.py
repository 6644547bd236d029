"""Heading numbering markers as a data table, and :func:`parse_marker`.

GB/T 9704-2012 §7.3.3 orders a document's levels 一、 → （一） → 1. → （1）.  Real
texts use many variants (1、 1． 1 、 (1) ① 二. 第一、 1.1 ■); each row of
:data:`MARKERS` is one *family* of markers with the standard level it stands for
and the form it is printed in.  A family keeps its identity whatever separator a
line uses (一、 and 二. are one family), so a level change is never read from a
typo.  The structure stage decides the final level from the families' nesting.

>>> m = parse_marker("（二）加强干部作风建设，着力解决好问题。")
>>> (m.family, m.level, m.number, m.standard, m.value, m.rest[:6])
('cn-paren', 2, '（二）', '（二）', 2, '加强干部作风')
>>> parse_marker("一是强化自我管理。") is None, parse_marker("2013年以来") is None
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.text.shapes import HAN, MEASURE_WORDS

CN_NUMERALS = "〇零一二三四五六七八九十百两"
_CN = f"[{CN_NUMERALS}]{{1,4}}"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_BULLETS = "■□●◆◇★☆▲△◎○►▶"


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of marker: how to find it and how to print it."""

    name: str
    level: int  # the standard level (1 一、, 2 （一）, 3 1., 4 （1）)
    pattern: re.Pattern[str]  # matches the marker at the start of a line; group "n" = the numeral
    template: str  # standard printed form; "{}" is the numeral as written ("" keeps the source's marker)
    needs_title_shape: bool = False  # only a heading when the rest of the line is short, unpunctuated


# Order matters: the first family whose pattern matches wins.
MARKERS: tuple[Family, ...] = (
    # 第一、 第二. — an ordinal family of its own (nests under 一、 when both appear)
    Family("cn-ordinal", 1, re.compile(rf"第(?P<n>{_CN})\s*[、.．]"), ""),
    # 第一部分 / 第一章 / 第1章 followed by a space or text: level 1
    Family(
        "cn-part",
        1,
        re.compile(rf"第(?P<n>{_CN}|\d{{1,2}})(?:部分|章|编)\s*[、.．:：]?"),
        "",
        needs_title_shape=True,
    ),
    # 第一节 / 第1节: the level under a chapter
    Family(
        "cn-section", 2, re.compile(rf"第(?P<n>{_CN}|\d{{1,2}})节\s*[、.．:：]?"), "", needs_title_shape=True
    ),
    # 一、 二. 三． (not 一是, 一要: those have no separator)
    Family("cn-dun", 1, re.compile(rf"(?P<n>{_CN})\s*[、.．](?![{CN_NUMERALS}][类级等批])"), "{}、"),
    # （一） (一) （一）、
    Family("cn-paren", 2, re.compile(rf"[（(]\s*(?P<n>{_CN})\s*[）)]\s*[、.．]?"), "（{}）"),
    # 1.1 / 1.1.1 decimal outline numbering, followed by a space: levels by depth (set in parse_marker)
    Family(
        "decimal",
        1,
        re.compile(r"(?P<n>\d{1,2}(?:[.．]\d{1,2}){1,3})[.．]?(?=\s)"),
        "",
        needs_title_shape=True,
    ),
    # "1.1党员干部…" glued to its text: single-digit parts only, and not a figure or a date
    # (1.5亿元, 2.5万人, 5.12汶川, 3.15晚会)
    Family(
        "decimal",
        1,
        re.compile(rf"(?P<n>\d(?:[.．]\d){{1,3}})[.．]?(?=[{HAN}])(?![{MEASURE_WORDS}])"),
        "",
        needs_title_shape=True,
    ),
    # 1. 1． 1、 1 、 (not 1.5, not 2013年)
    Family("arabic-dot", 3, re.compile(r"(?P<n>\d{1,2})\s*[.．、](?![\d.．])"), "{}."),
    # （1） (1)
    Family("arabic-paren", 4, re.compile(r"[（(]\s*(?P<n>\d{1,2})\s*[）)]\s*[、.．]?"), "（{}）"),
    # ① ②
    Family("circled", 4, re.compile(rf"(?P<n>[{_CIRCLED}])\s*[、.．]?"), ""),
    # "1 基层党建工作现状": a bare number, a space, a short title (decimal outline, depth 1)
    Family("decimal", 1, re.compile(r"(?P<n>\d{1,2})\s+(?=[" + HAN + "A-Za-z])"), "", needs_title_shape=True),
    # ■ 充分认识… : a bullet before a short title
    Family("bullet", 1, re.compile(rf"(?P<n>[{_BULLETS}])\s*"), "", needs_title_shape=True),
)

# "01" alone on a line above a section heading (WeChat layout): a section number, not a page number
SECTION_NUMBER = re.compile(r"^0\d$")

_CN_VALUES = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def cn_value(numeral: str) -> int:
    """Chinese numeral → int (up to 百).

    >>> cn_value("十二"), cn_value("二十"), cn_value("一百零五")
    (12, 20, 105)
    """
    total, current = 0, 0
    for ch in numeral:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = (
                current * 10 + _CN_VALUES.get(ch, 0) if current and ch in "〇零" else _CN_VALUES.get(ch, 0)
            )
    return total + current


_YEAR_DIGITS = {
    **{c: "0" for c in "〇零○OＯ"},
    **{c: str(i) for i, c in enumerate("〇一二三四五六七八九") if i},
}
_DATE = re.compile(
    r"(?P<y>[〇零○OＯ一二三四五六七八九0-9０-９]{4})\s*年\s*(?P<m>[十一二三四五六七八九0-9０-９]{1,3})\s*月"
    r"\s*(?P<d>[十一二三四五六七八九0-9０-９]{1,3})\s*日"
)


def arabic_date(text: str) -> str:
    """A date as GB/T 9704 7.3.5.4 writes a 成文日期: Arabic numerals, the year in full,
    no leading zeros ("二OO八年三月五日" → "2008年3月5日"); any other text as it is.

    >>> arabic_date("二OO八年三月五日"), arabic_date("2024年03月05日"), arabic_date("二〇二四年十二月二十日")
    ('2008年3月5日', '2024年3月5日', '2024年12月20日')
    >>> arabic_date("2024年3月"), arabic_date("二〇二四年十三月一日")
    ('2024年3月', '二〇二四年十三月一日')
    """
    m = _DATE.fullmatch(text.strip())
    if m is None:
        return text

    def value(part: str) -> int:
        part = part.translate(_FULL_WIDTH_DIGITS)
        return int(part) if part.isdigit() else cn_value(part)

    year = "".join(_YEAR_DIGITS.get(c, c) for c in m["y"].translate(_FULL_WIDTH_DIGITS))
    month, day = value(m["m"]), value(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return text
    return f"{year}年{month}月{day}日"


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker found at the start of a line."""

    family: str
    level: int
    number: str  # the marker as written in the source (stripped)
    standard: str  # the marker in GB/T 9704 form (一、 （一） 1. （1）); source form when none
    value: int  # its ordinal (一 → 1, ③ → 3), for gap/repeat notices
    rest: str  # the line after the marker
    needs_title_shape: bool


def _value(family: str, n: str) -> int:
    if family == "circled":
        return _CIRCLED.index(n) + 1
    if family == "bullet":
        return 0
    if family == "decimal":
        return int(re.split(r"[.．]", n)[-1])
    return int(n) if n.isdigit() else cn_value(n)


# the stages parse the same line's marker many times (100 000 numbered lines: 8 times each);
# a Marker is frozen, so one object serves every caller
@lru_cache(maxsize=1 << 14)
def parse_marker(text: str) -> Marker | None:
    """The numbering marker at the start of ``text``, or None.

    >>> [parse_marker(t).standard for t in ("1、联系群众不够", "二.基本情况", "(一)关于活动", "1 、干部下基层")]
    ['1.', '二、', '（一）', '1.']
    >>> parse_marker("1.5亿元的投入") is None, parse_marker("1.1 党员干部覆盖情况").level
    (True, 2)
    """
    s = text.lstrip()
    for fam in MARKERS:
        m = fam.pattern.match(s)
        if not m:
            continue
        rest = s[m.end() :].strip()
        if not rest:
            return None  # a marker alone is not a heading
        n = m.group("n")
        number = s[: m.end()].strip()
        level = fam.level
        if fam.name == "decimal":
            level = min(4, n.count(".") + n.count("．") + 1)
        standard = fam.template.format(n) if fam.template else number
        return Marker(fam.name, level, number, standard, _value(fam.name, n), rest, fam.needs_title_shape)
    return None
