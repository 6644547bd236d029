"""Break a long title into lines in a 梯形 or 菱形 shape (GB/T 9704-2012 §7.3.1).

The standard asks that a title running over several lines be broken so that each
line keeps its meaning whole (词意完整), the lines sit symmetrically (排列对称) and
are of suitable lengths (长短适宜), arranged as a 梯形 (lengths grow or shrink line
by line) or a 菱形 (middle line longest) — ``shared/gbt9704.md`` §4.7–4.10.  Both
renderers call :func:`split_title` and print the lines it returns centred, one
per line, so Word, LibreOffice and the PDF all break the title in the same place.

How it decides, in short:

1. Mark what must never be split: the content of 《》 “” ‘’ （） 〔〕 【】, ordinals
   such as 第十五届, numbers with their unit such as 2026年, 破折号 —— and 省略号 …….
2. List the *phrase boundaries* a reader would accept, each with a cost (lower is
   better): after 、，；： and after closing 》”）, before 关于, before the
   ``的+文种`` tail (…的通知), after an organ name (…办公厅), after 的, after
   和/与/及, before a 文种 word (…调研报告), after a number with its unit,
   before an ordinal, before a phrase-opening verb (加强, 推进, 参与…).
3. Try every way to place the line breaks on those boundaries, for the fewest
   lines that fit and one more, and keep the cheapest: the cost of its breaks plus
   penalties for equal-length lines (长方形), an hourglass (沙漏形, a middle line
   shorter than both its neighbours), very unequal lines and extra lines.
4. Only when no arrangement on phrase boundaries fits does it break elsewhere, and
   even then never inside the protected spans above — unless a span is itself wider
   than a line, where the page would wrap it anyway; then it breaks inside the
   span, at a phrase boundary there if it has one.

No line starts with a mark from :data:`style.NOT_AT_LINE_START` or ends with one
from :data:`style.NOT_AT_LINE_END`.

>>> split_title("提高做好新形势下群众工作的能力")
('提高做好新形势下群众工作的能力',)
>>> split_title("关于增强群众组织力，走好新时代党的群众路线调研报告")
('关于增强群众组织力，', '走好新时代党的群众路线调研报告')
>>> split_title("关于印发《国家行政机关公文处理办法》的通知")
('关于印发《国家行政机关公文处理办法》', '的通知')
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from pipeline.render import style

# Width of a half-width character (digit, Latin letter) in units of one 字.  Digits
# of a CJK face are about half an em, a little more in bold Song; psknlr's title
# splitter uses 0.64 so that an estimated-full line never re-wraps on the page.
HALF_WIDTH = 0.64

# Spans whose inside is never broken: paired quotes/brackets, then ordinals and
# numbers with a unit (第十五届, 第4次, 2026年, 30%), then 破折号/省略号.
_PAIRS = {"《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "〔": "〕", "【": "】", "「": "」"}
_CN_NUM = "〇零一二三四五六七八九十百千万两"
_UNIT = "年月日号届次期批个项条章节款部轮季度周岁名人家件元万亿%％"
_ORDINAL = re.compile(rf"第[{_CN_NUM}\d０-９]+[{_UNIT}]?")  # 第十五届, 第4次
_NUMBER_UNIT = re.compile(rf"[\d０-９][\d０-９.．]*[{_UNIT}]+|[{_CN_NUM}]+[年月日届次]")  # 2026年
_MULTI_MARK = re.compile(r"—{2,}|…{2,}|\.{3,}")  # —— …… never split (GB/T 15834 §5.1.4)

# 文种 and similar closing words of a report title; "before 的+文种" is the classic
# break of 公文 titles (…《…》 / 的通知).  Matched against the whole rest of the title.
_GENRE_WORDS = (
    "通知 通报 报告 请示 批复 意见 决定 决议 命令 公告 通告 议案 函 纪要 公报 "
    "方案 办法 规定 规则 细则 规划 计划 要点 总结 讲话 发言 致辞 讲稿 体会 心得体会 "
    "调研报告 调查报告 述职报告 工作报告 实施意见 实施方案 工作方案 工作要点 工作总结 "
    "思考 做法 探讨 初探 研究 建议 对策 汇报 说明 情况 经验 启示"
)
_GENRES = frozenset(_GENRE_WORDS.split())
_ORGAN_SUFFIXES = ("办公厅", "办公室", "委员会", "人民政府", "常委会", "党组", "国务院")
# Verbs and adverbs that open a phrase in 公文 titles (关于|加强…, …建设|参与…): a
# break before one never splits a word, where a blind break in the middle might.
_PHRASE_OPENERS = re.compile(
    "进一步|切实|全面|认真|深入|加强|加快|推进|推动|做好|提高|提升|开展|深化|完善|建立|健全"
    "|落实|贯彻|促进|实施|坚持|印发|转发|召开|举办|组织|表彰|发布|学习|强化|规范|化解|维护"
    "|保障|构建|打造|增强|走好|参与|解决|防范|有关"
)
_GOVERNORS = ("关于", "进一步", "切实", "全面", "认真", "深入", "不断", "大力", "积极")
# 和/与/及 that begin or end a longer word, where breaking after them splits a word.
_CONJ_WORDS = re.compile(
    r"(和(?=[谐平睦解善美气蔼])|(?<=[温总缓调平共饱])和|与(?=[会其])|(?<=[参给赋授])与"
    r"|及(?=[时早格])|(?<=[普涉波危顾论来企])及)"
)

# Costs of breaking at a position (after the character before it).
_COST_AFTER_PUNCT = 0.0  # after 、，；： or a closing 》”）: the strongest boundary
_COST_BEFORE_GUANYU = 0.0  # 国务院办公厅 / 关于…
_COST_BEFORE_DE_GENRE = 0.5  # …《…》 / 的通知
_COST_AFTER_ORGAN = 1.0  # 中共中央办公厅 / 国务院办公厅…
_COST_BEFORE_OPENING = 1.5  # 关于印发 / 《…》的通知
_COST_AFTER_DE = 1.5  # 关于…的 / …
_COST_BEFORE_GENRE = 1.5  # …群众路线 / 调研报告
_COST_AFTER_CONJ = 2.0  # 加强和 / 改进…
_COST_AFTER_NUMBER = 2.0  # 2026年 / …
_COST_BEFORE_ORDINAL = 2.0  # …2026年 / 第十五届全运会…
_COST_BEFORE_OPENER = 3.0  # …和谐社会建设 / 参与基层治理…
_COST_AFTER_ORDINAL = 3.5  # 第四次 / 会议: parts a counted noun from its ordinal
_COST_ANYWHERE = 8.0  # last resort: may split a word, but never a protected span
_COST_IN_SPAN = 15.0  # only when a span is wider than a line (it would wrap anyway)

# Shape penalties.
_PENALTY_EQUAL = 4.0  # two neighbouring lines of the same length: 长方形
_PENALTY_NEAR_EQUAL = 1.0  # differing by less than one character looks equal too
_PENALTY_HOURGLASS = 20.0  # 沙漏形: a middle line shorter than both neighbours
_PENALTY_ZIGZAG = 20.0  # neither 梯形 nor 菱形
_PENALTY_UNBALANCED = 6.0  # × (0.5 − shortest/longest) when the shortest is < half
_PENALTY_EXTRA_LINE = 3.0  # each line beyond the fewest that fit
_PENALTY_OVERFLOW = 50.0  # × characters beyond max_chars (only when nothing fits)

_MAX_COMBINATIONS = 200_000  # beyond this, place breaks greedily (titles are short)


def char_width(ch: str) -> float:
    """Width of one character in 字: 1 for CJK and full-width marks, less for Latin.

    Ambiguous-width marks (“ ” — …) count as full: the DOCX sets them with the East
    Asian font (``w:hint="eastAsia"``) and the PDF with the CJK face.

    >>> char_width("字"), char_width("“"), char_width("2")
    (1.0, 1.0, 0.64)
    """
    if unicodedata.east_asian_width(ch) in ("W", "F", "A"):
        return 1.0
    return HALF_WIDTH


def text_width(text: str) -> float:
    """Width of ``text`` in 字 (see :func:`char_width`).

    >>> text_width("2026年工作要点")
    7.56
    """
    return round(sum(char_width(c) for c in text), 2)


def _protected(title: str) -> set[int]:
    """Positions ``i`` (a break between ``title[i-1]`` and ``title[i]``) that are
    inside a span which must stay whole."""
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(title):
        if stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                inside.update(range(start + 1, i + 1))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
    # An unclosed opening mark protects nothing: it is a typo, not a span.
    for pattern in (_ORDINAL, _NUMBER_UNIT, _MULTI_MARK):
        for m in pattern.finditer(title):
            inside.update(range(m.start() + 1, m.end()))
    return inside


def _genre_tail_at(title: str, i: int) -> bool:
    """Whether ``title[i:]`` is exactly a 文种 word (…调研报告)."""
    return title[i:] in _GENRES


def _boundary_costs(title: str) -> dict[int, float]:
    """Phrase boundaries of ``title`` (break positions 1..len-1) and their costs."""
    costs: dict[int, float] = {}

    def offer(i: int, cost: float) -> None:
        if 0 < i < len(title):
            costs[i] = min(cost, costs.get(i, math.inf))

    for i, ch in enumerate(title):
        nxt = title[i + 1 : i + 2]
        if ch in "、，；：,;:" or (ch in _PAIRS.values() and ch not in "」"):
            offer(i + 1, _COST_AFTER_PUNCT)
        if ch == " ":
            offer(i + 1, _COST_AFTER_PUNCT)
        if title.startswith("关于", i):
            offer(i, _COST_BEFORE_GUANYU)
        if ch == "的":
            if _genre_tail_at(title, i + 1):
                offer(i, _COST_BEFORE_DE_GENRE)
            if nxt not in ("确", "士") and title[i - 1 : i] not in ("目", "有"):
                offer(i + 1, _COST_AFTER_DE)
        if ch in _PAIRS:
            offer(i, _COST_BEFORE_OPENING)
        if ch in "和与及" and not _CONJ_WORDS.match(title, i):
            offer(i + 1, _COST_AFTER_CONJ)
        if _genre_tail_at(title, i) and title[i - 1 : i] != "的":
            offer(i, _COST_BEFORE_GENRE)
    for suffix in _ORGAN_SUFFIXES:
        for m in re.finditer(suffix, title):
            offer(m.end(), _COST_AFTER_ORGAN)
    for m in _NUMBER_UNIT.finditer(title):
        offer(m.end(), _COST_AFTER_NUMBER)
    for m in _ORDINAL.finditer(title):
        offer(m.start(), _COST_BEFORE_ORDINAL)
        offer(m.end(), _COST_AFTER_ORDINAL)
    for m in _PHRASE_OPENERS.finditer(title):
        # not between 关于 or an adverb and the verb it governs (关于 / 进一步加强)
        if not title[: m.start()].endswith(_GOVERNORS):
            offer(m.start(), _COST_BEFORE_OPENER)
    return costs


def _allowed(title: str, i: int, protected: set[int]) -> bool:
    """A break at ``i`` keeps spans whole and obeys 避头尾."""
    return (
        i not in protected
        and title[i] not in style.NOT_AT_LINE_START
        and title[i - 1] not in style.NOT_AT_LINE_END
    )


def _shape_penalty(widths: Sequence[float], max_chars: int, min_lines: int) -> float:
    """How far a list of line widths is from a good 梯形/菱形 (0 = fine)."""
    penalty = _PENALTY_OVERFLOW * sum(max(0.0, w - max_chars) for w in widths)
    penalty += _PENALTY_EXTRA_LINE * (len(widths) - min_lines)
    for a, b in itertools.pairwise(widths):
        if abs(a - b) < 0.5:
            penalty += _PENALTY_EQUAL
        elif abs(a - b) < 1:
            penalty += _PENALTY_NEAR_EQUAL
    for a, b, c in zip(widths, widths[1:], widths[2:], strict=False):
        if b < a and b < c:
            penalty += _PENALTY_HOURGLASS
    # 梯形: monotonic; 菱形: rises then falls (one peak).  Anything else zigzags.
    signs = [1 if b > a else -1 for a, b in itertools.pairwise(widths) if abs(b - a) >= 0.5]
    turns = sum(1 for s, t in itertools.pairwise(signs) if s != t)
    if turns > 1 or (turns == 1 and signs[0] < 0):
        penalty += _PENALTY_ZIGZAG
    ratio = min(widths) / max(widths)
    if ratio < 0.5:
        penalty += _PENALTY_UNBALANCED * (0.5 - ratio)
    return penalty


def _lines(title: str, breaks: Iterable[int]) -> tuple[str, ...]:
    cuts = [0, *breaks, len(title)]
    return tuple(title[a:b].strip() for a, b in itertools.pairwise(cuts))


def _cost(
    title: str, costs: dict[int, float], breaks: Sequence[int], max_chars: int, min_lines: int
) -> float:
    widths = [text_width(s) for s in _lines(title, breaks)]
    return sum(costs[b] for b in breaks) + _shape_penalty(widths, max_chars, min_lines)


def _greedy(title: str, costs: dict[int, float], max_chars: int) -> tuple[int, ...]:
    """Fill each line nearly full, breaking at the cheapest allowed position among
    those that fit (for pathological, very long titles)."""
    breaks: list[int] = []
    start = 0
    while text_width(title[start:]) > max_chars:
        later = [i for i in costs if i > start]
        if not later:
            break
        fitting = [i for i in later if text_width(title[start:i]) <= max_chars] or [min(later)]
        reach = max(fitting)
        # Each character given up costs half a point: prefer a good boundary nearby.
        cut = min(fitting, key=lambda i: (costs[i] + (reach - i) * 0.5, -i))
        breaks.append(cut)
        start = cut
    return tuple(breaks)


def _best(
    title: str, costs: dict[int, float], max_chars: int, min_lines: int
) -> tuple[float, tuple[int, ...]]:
    """The cheapest placement of breaks among ``costs``' positions: (cost, breaks).

    Every placement into the fewest lines and one more is tried; when that is too
    many to try, the greedy placement is taken instead."""
    positions = sorted(costs)
    candidates: list[tuple[int, ...]] = []
    for n in (min_lines, min_lines + 1):
        if n - 1 > len(positions):
            break
        if math.comb(len(positions), n - 1) > _MAX_COMBINATIONS:
            candidates = [_greedy(title, costs, max_chars)]
            break
        candidates.extend(itertools.combinations(positions, n - 1))
    if not candidates:
        candidates = [_greedy(title, costs, max_chars)]
    return min((_cost(title, costs, b, max_chars, min_lines), b) for b in candidates)


def split_title(title: str, max_chars: int = style.TITLE_MAX_CHARS) -> tuple[str, ...]:
    """The lines of ``title``, each at most ``max_chars`` 字 wide where possible.

    A title that fits on one line is returned whole.  See the module docstring for
    the rules; the result never breaks inside 《》/“”/（）, an ordinal or a number
    with its unit, and never starts a line with closing punctuation.

    >>> split_title("关于做好2026年第十五届全国运动会安全保卫工作的通知")
    ('关于做好2026年第十五届', '全国运动会安全保卫工作的通知')
    >>> split_title("中共中央办公厅国务院办公厅关于进一步加强和改进新形势下群众工作的意见")
    ('中共中央办公厅国务院办公厅', '关于进一步加强和改进新形势下群众工作', '的意见')
    """
    title = title.strip()
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    width = text_width(title)
    if width <= max_chars:
        return (title,) if title else ()
    min_lines = math.ceil(width / max_chars)
    protected = _protected(title)
    boundaries = _boundary_costs(title)
    phrase = {i: c for i, c in boundaries.items() if _allowed(title, i, protected)}
    anywhere = {
        i: phrase.get(i, _COST_ANYWHERE) for i in range(1, len(title)) if _allowed(title, i, protected)
    }
    in_span = {
        i: _COST_IN_SPAN + boundaries.get(i, _COST_ANYWHERE)
        for i in range(1, len(title))
        if i in protected and _allowed(title, i, set())
    }
    # Widen the choice only while the cheapest arrangement still overflows a line.
    best = _best(title, phrase, max_chars, min_lines)
    for choice in (anywhere, anywhere | in_span):
        if all(text_width(s) <= max_chars for s in _lines(title, best[1])):
            break
        best = min(best, _best(title, choice, max_chars, min_lines))
    return tuple(line for line in _lines(title, best[1]) if line)
