"""The evidence the judge weighs for each line: how it reads, where it stands, how often.

:func:`evidence` describes every line of a text with named numbers that hold on any site:

* **prose** — sentence punctuation, the share of function characters (的 了 是 在 …),
  length, a finished sentence at the end;
* **furniture** — separators (| • › _ /), counts with units (23 页, 21.78KB, 999+),
  dates and times (2024-06-10 14:30), addresses, and the site vocabulary of
  :mod:`pipeline.text.lexicon` by kind;
* **place** — whether the line stands before the article's core (its first line of
  prose), after the core's last line of prose, or inside it, and how far;
* **repetition** — how many times the same line occurs in the text.

The judge (:mod:`pipeline.clean.judge`) turns these into a decision with weights fitted on
the corpus (``tools/fit_judge.py``); ``gongwen explain`` shows them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.text.lexicon import KINDS, hits
from pipeline.text.lines import Line
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import HAN_CHAR, URL, ends_sentence, title_like

# characters that carry the grammar of a sentence, rare in labels, names and menus
FUNCTION_CHARS = frozenset(
    "的了是在和与对为要也就都而及并把被让使从向以其这那着过给所将于之"
    "與對為這從著過給將讓並於"  # the same in Traditional script
)
_SENTENCE_MARKS = re.compile(r"[,，。;；!！?？、]")
_SEPARATORS = re.compile(r"[|｜•·›»>/_＞＿►▶◆■□●★☆]|\s-\s|--")
_COUNT = re.compile(
    r"\d+(?:\.\d+)?\s*(?:KB|MB|GB|K|M|字|页|次|人|条|篇|份|赞|阅读|浏览|下载|评论|分钟|小时|天前|小时前|分钟前)|\d+\+",
    re.I,
)
_DATE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月](?:\s*\d{1,2}日?)?|\d{1,2}月\d{1,2}日")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_ADDRESS = re.compile(r"@|\.(?:com|cn|net|org)\b|(?:qq|微信|电话|手机|tel)[:：]?\s*\d", re.I)
_DIGIT = re.compile(r"\d")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf]")
_BRACKETED = re.compile(r"^[【\[（(《<].*[】\]）)》>]$")
_LABEL = re.compile(r"^[^,，。;；:：!！?？]{1,8}[:：]\S{0,12}$")
_BLANKS = re.compile(r"_{3,}|＿{2,}|（\s*）|\(\s*\)")
# a template's fill-in blank ("本人自20__年…任__镇镇长"): no separator however many "_"
_FILL_IN = re.compile(r"_{2,}|＿{2,}")
_CODE = re.compile(r"[=$\\{};<>]|--?[a-z]|\b(?:cd|ls|echo|sudo|docker|curl|import|def|return|print)\b")
PROSE_MIN = 30  # a line of prose: at least this many characters …
PROSE_MARKS = 2  # … and this many sentence marks


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about one line (every field a number or a flag)."""

    length: int  # characters of the folded line
    marks: int  # sentence punctuation
    function: float  # share of function characters among the hanzi
    han: float  # share of hanzi
    digits: float  # share of digits
    latin: float  # share of Latin letters
    finished: bool  # ends like a finished sentence
    separators: int
    counts: int  # numbers with units, "999+"
    dates: int
    times: int
    addresses: int  # URLs, e-mail, domain names, phone/QQ/WeChat numbers
    emoji: int
    bracketed: bool  # the whole line in brackets: 【…】 (…)
    title_like: bool
    numbered: bool  # starts with a heading marker (一、 （一） 1.)
    label: bool  # a label with nothing or little after it: "资源描述：", "格式：DOCX"
    blanks: bool  # a template's blanks to fill in: "____分" (a form is content)
    code: bool  # reads like program code or a command line (a blog's listing is content)
    tokens: int  # words set apart by spaces: "绩效 管理 细则 通用 10" (a keyword list)
    words: tuple[tuple[str, int], ...]  # site vocabulary hits by kind (lexicon order)
    repeats: int  # other lines with the same text
    before_core: bool  # above the first line of prose
    after_core: bool  # below the last line of prose
    distance: int  # lines between this one and the core (0 inside it)
    prose: bool  # a line of prose itself

    def word_hits(self, kind: str) -> int:
        return dict(self.words)[kind]


def is_prose(key: str) -> bool:
    """A line of prose: long enough, with sentence punctuation, mostly hanzi.

    >>> is_prose("我们要坚持以人民为中心的发展思想，不断增强人民群众的获得感、幸福感。")
    True
    >>> is_prose("上传人：淡然人生 文档编号：3146226 上传时间：2022-07-22")
    False
    """
    if len(key) < PROSE_MIN or len(_SENTENCE_MARKS.findall(key)) < PROSE_MARKS:
        return False
    han = len(HAN_CHAR.findall(key))
    if han + len(_DIGIT.findall(key)) < 0.6 * len(key):  # statistics are prose too
        return False
    # 公文 prose is terse (few 的/了): many clauses count as much as function characters
    return sum(c in FUNCTION_CHARS for c in key) >= 0.04 * han or len(_SENTENCE_MARKS.findall(key)) >= 4


def _describe(key: str) -> dict[str, object]:
    n = max(1, len(key))
    han = len(HAN_CHAR.findall(key))
    return {
        "length": len(key),
        "marks": len(_SENTENCE_MARKS.findall(key)),
        "function": sum(c in FUNCTION_CHARS for c in key) / max(1, han),
        "han": han / n,
        "digits": len(_DIGIT.findall(key)) / n,
        "latin": len(_ASCII_LETTER.findall(key)) / n,
        "finished": ends_sentence(key),
        "separators": len(_SEPARATORS.findall(_FILL_IN.sub("", key))),
        "counts": len(_COUNT.findall(key)),
        "dates": len(_DATE.findall(key)),
        "times": len(_TIME.findall(key)),
        "addresses": len(_ADDRESS.findall(key)) + len(URL.findall(key)),
        "emoji": len(_EMOJI.findall(key)),
        "bracketed": bool(_BRACKETED.match(key)),
        "title_like": title_like(key),
        "numbered": parse_marker(key) is not None,
        "label": bool(_LABEL.match(key)),
        "blanks": bool(_BLANKS.search(key)),
        "code": len(_ASCII_LETTER.findall(key)) > 0.5 * n and bool(_CODE.search(key)),
        "words": tuple(hits(key).items()),
    }


def evidence(lines: Sequence[Line]) -> tuple[Evidence, ...]:
    """The evidence for every line of ``lines`` (which are one text, in order)."""
    keys = [ln.key for ln in lines]
    # the raw text keeps its spaces: "上传人 淡然人生" folds to one word, but a separator
    # spaced as " - " is only visible in the raw form
    prose = [is_prose(k) for k in keys]
    first = next((i for i, p in enumerate(prose) if p), None)
    last = next((i for i in range(len(prose) - 1, -1, -1) if prose[i]), None)
    seen = Counter(keys)
    out = []
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        d = _describe(key)
        d["separators"] = len(_SEPARATORS.findall(_FILL_IN.sub("", line.text)))
        d["tokens"] = len(line.text.split())
        latin = float(d["latin"])  # type: ignore[arg-type]
        d["code"] = bool(d["code"]) or (latin > 0.5 and bool(_CODE.search(line.text)))
        before = first is not None and i < first
        after = last is not None and i > last
        distance = (
            (first - i) if before and first is not None else (i - last) if after and last is not None else 0
        )
        out.append(
            Evidence(
                **d,  # type: ignore[arg-type]
                repeats=seen[key] - 1,
                before_core=before,
                after_core=after,
                distance=distance,
                prose=prose[i],
            )
        )
    return tuple(out)


KIND_NAMES = tuple(k.name for k in KINDS)
