"""Word's automatic numbering (``word/numbering.xml``) resolved to the markers a reader sees.

A numbered Word paragraph holds no marker text: it names a numbering instance
(``w:numId``) and a level (``w:ilvl``), directly or through its style, and Word counts.
:class:`Numbering` counts the same way, paragraph by paragraph in document order, and
returns the marker as printed — "一、", "（一）", "1.", "（1）", "1.2." — from the level's
``w:lvlText`` template (``%1`` is level 1's count, in level 1's ``w:numFmt``).

How Word counts, as implemented here (ECMA-376 Part 1, §17.9):

* every ``w:num`` that points at the same ``w:abstractNum`` continues one list, unless
  it overrides a level's start (``w:lvlOverride/w:startOverride``): then it is a list of
  its own, starting over;
* a level starts at ``w:start`` (default 0 when absent, as Word does; LibreOffice always
  writes it) and counts up by one per paragraph;
* a level restarts when a level above it is used (``w:lvlRestart="0"``: never);
* ``w:isLgl`` prints every level's count in Arabic digits (legal numbering "1.1");
* a level whose ``w:numFmt`` is ``bullet`` prints its glyph, ``none`` nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


def chinese_counting(n: int, digits: str = _CN_DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """A count in Chinese numerals as Word's ``chineseCounting`` prints it.

    >>> [chinese_counting(n) for n in (1, 10, 11, 20, 23, 100, 105, 110)]
    ['一', '十', '十一', '二十', '二十三', '一百', '一百零五', '一百一十']
    """
    if n <= 0:
        return "零"
    if n >= 1000:
        return str(n)
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    out = digits[h] + hundred if h else ""
    if t:
        out += ("" if t == 1 and not h else digits[t]) + ten
    elif h and u:
        out += "零"
    if u:
        out += digits[u]
    return out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    """Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cycle(chars: str) -> Callable[[int], str]:
    return lambda n: chars[(n - 1) % len(chars)] if n > 0 else str(n)


def _table(chars: str) -> Callable[[int], str]:
    return lambda n: chars[n - 1] if 1 <= n <= len(chars) else str(n)


# w:numFmt values → how a count is printed; an unknown format prints decimal digits
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalHalfWidth": str,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "ideographLegalTraditional": lambda n: chinese_counting(n, _CN_LEGAL, "拾", "佰"),
    "chineseLegalSimplified": lambda n: chinese_counting(n, _CN_LEGAL, "拾", "佰"),
    "ideographDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_CN_DIGITS[int(d)] for d in str(n)),
    "ideographTraditional": _cycle(_TIANGAN),
    "ideographZodiac": _cycle(_DIZHI),
    "decimalEnclosedCircle": _table(_CIRCLED),
    "decimalEnclosedCircleChinese": _table(_CIRCLED),
    "ideographEnclosedCircle": _table(_CIRCLED),
    "decimalEnclosedParen": _table(_PAREN),
    "decimalEnclosedFullstop": _table(_FULLSTOP),
    "none": lambda n: "",
}
# w14 "custom" formats name themselves by their first items ("一, 二, 三, ...")
_CUSTOM = {
    "一": "chineseCounting",
    "壹": "chineseLegalSimplified",
    "01": "decimalZero",
    "①": "decimalEnclosedCircle",
}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int = 0
    fmt: str = "decimal"
    text: str = ""  # w:lvlText, "%1、"
    restart: int | None = None  # w:lvlRestart; None = after any higher level
    legal: bool = False  # w:isLgl
    suffix: str = "tab"  # w:suff: tab, space or nothing
    style: str = ""  # w:pStyle: the paragraph style this level belongs to


@dataclass(frozen=True, slots=True)
class _Num:
    abstract: str
    levels: dict[int, Level]  # the abstract's levels with this num's overrides applied
    own: bool  # overrides a start: a list of its own


def _attr(el: Any, name: str, default: str = "") -> str:
    if el is None:
        return default
    v = el.get(W + name)
    return default if v is None else str(v)


def _val(parent: Any, tag: str, default: str = "") -> str:
    return _attr(parent.find(W + tag) if parent is not None else None, "val", default)


def _level(lvl: Any) -> Level:
    fmt = _val(lvl, "numFmt", "decimal")
    custom = lvl.find(f"{MC}AlternateContent/{MC}Choice/{W}numFmt")
    if custom is not None and _attr(custom, "val") == "custom":
        first = _attr(custom, "format").split(",")[0].strip()
        fmt = _CUSTOM.get(first, fmt)
    restart = _val(lvl, "lvlRestart")
    legal = lvl.find(W + "isLgl")
    return Level(
        start=int(_val(lvl, "start", "0") or 0),
        fmt=fmt,
        text=_val(lvl, "lvlText"),
        restart=int(restart) if restart.lstrip("-").isdigit() else None,
        legal=legal is not None and _attr(legal, "val", "1") not in ("0", "false", "off"),
        suffix=_val(lvl, "suff", "tab"),
        style=_val(lvl, "pStyle"),
    )


@dataclass
class Numbering:
    """The numbering definitions of a document and the counts so far (mutable: it
    counts as the paragraphs are read, in order)."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, _Num] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)
    unknown: set[str] = field(default_factory=set)  # numFmt values printed as decimal

    @classmethod
    def parse(cls, root: Any, style_num: dict[str, str] | None = None) -> Numbering:
        """From the ``w:numbering`` element; ``style_num`` maps a numbering style to the
        ``w:numId`` its definition carries (for ``w:numStyleLink``)."""
        n = cls()
        if root is None:
            return n
        links: dict[str, str] = {}
        for a in root.findall(W + "abstractNum"):
            aid = _attr(a, "abstractNumId")
            n.abstracts[aid] = {int(_attr(lvl, "ilvl", "0")): _level(lvl) for lvl in a.findall(W + "lvl")}
            link = _val(a, "numStyleLink")
            if link:
                links[aid] = link
        raw: dict[str, tuple[str, dict[int, Level], bool]] = {}
        for num in root.findall(W + "num"):
            nid = _attr(num, "numId")
            aid = _val(num, "abstractNumId")
            levels = dict(n.abstracts.get(aid, {}))
            own = False
            for ov in num.findall(W + "lvlOverride"):
                ilvl = int(_attr(ov, "ilvl", "0"))
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = ov.find(W + "startOverride")
                if start is not None:
                    base = levels.get(ilvl, Level())
                    levels[ilvl] = replace(base, start=int(_attr(start, "val", "0") or 0))
                    own = True
            raw[nid] = (aid, levels, own)
        # an abstract that only links to a numbering style (w:numStyleLink) counts as the
        # list that style's definition names
        for nid, (aid, levels, own) in raw.items():
            linked = raw.get((style_num or {}).get(links.get(aid, ""), ""))
            if linked is not None and not levels:
                aid, levels = linked[0], dict(linked[1])
            n.nums[nid] = _Num(aid, levels, own)
        return n

    def level_of_style(self, num_id: str, style: str) -> int | None:
        """The level of list ``num_id`` that names paragraph style ``style``."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        return next((k for k, lvl in num.levels.items() if lvl.style == style), None)

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; return its marker as
        printed and what follows it (``w:suff``: "tab", "space" or "nothing").

        >>> n = Numbering(abstracts={"0": {0: Level(1, "chineseCounting", "%1、"),
        ...                                1: Level(1, "chineseCounting", "（%2）")}})
        >>> n.nums["1"] = _Num("0", n.abstracts["0"], False)
        >>> [n.marker("1", k)[0] for k in (0, 1, 1, 0, 1)]
        ['一、', '（一）', '（二）', '二、', '（一）']
        """
        num = self.nums.get(num_id)
        if num is None or ilvl not in num.levels:
            return "", "nothing"
        key = f"num:{num_id}" if num.own else f"abstract:{num.abstract}"
        counts = self.counts.setdefault(key, {})
        level = num.levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            restart = num.levels.get(deeper, Level()).restart
            if restart != 0 and (restart is None or ilvl < restart):
                del counts[deeper]
        if level.fmt == "bullet":
            return level.text, level.suffix

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = num.levels.get(k, Level())
            count = counts.get(k, lvl.start)
            fmt = "decimal" if level.legal and lvl.fmt != "none" else lvl.fmt
            if fmt not in FORMATS:
                self.unknown.add(fmt)
            return FORMATS.get(fmt, str)(count)

        return _PLACEHOLDER.sub(fill, level.text), level.suffix
