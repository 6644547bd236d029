"""Break a long title into lines in a 梯形 or 菱形 shape (GB/T 9704-2012 §7.3.1).

The standard asks that a title running over several lines be broken so that each
line keeps its meaning whole (词意完整), the lines sit symmetrically (排列对称) and
are of suitable lengths (长短适宜), arranged as a 梯形 (lengths grow or shrink line
by line) or a 菱形 (middle line longest) — ``shared/gbt9704.md`` §4.7–4.10.  Both
renderers call :func:`split_title` and print the lines it returns centred, one
per line, so Word, LibreOffice and the PDF all break the title in the same place.

How it decides, in short:

1. **Words.**  The title is segmented into words by ``jieba`` (dictionary only, no
   HMM guessing, so the same title always gives the same words), with a user
   dictionary of organ names and fixed political terms kept as data in
   ``title_words.txt`` (国务院办公厅, 党组织, 习近平新时代中国特色社会主义思想 …).  A
   break lies between two words; breaking inside one is a last resort.
2. **Spans.**  What must stay whole besides words: the content of 《》〈〉“”（）〔〕
   【】, ordinals such as 第十五届, numbers with their unit such as 2026年, 破折号 ——
   and 省略号 …….
3. **Phrase boundaries.**  Word boundaries a reader would choose get a lower cost:
   after 、，；： and after closing 》”）, before the ``的+文种`` tail (…的通知), after
   an organ name, before 关于, after 的, after 和/与/及, before a 文种 word, after a
   number with its unit, before an ordinal, before a phrase-opening verb.
4. **Shape.**  Every arrangement into the fewest lines that fit, and one more, is
   scored (dynamic programming over the break positions, titles up to 120
   characters in well under a second): the cost of its breaks, plus penalties for
   equal neighbouring lines (长方形), a line shorter than both its neighbours
   (沙漏形) or any zigzag, lines far from the mean length, and extra lines.  No
   fixed rule ("always break before 关于") overrides the shape.
5. **Tiers.**  Breaks are first sought only between words outside the spans; then
   also between words inside a span wider than a line (the page would break it
   anyway); then inside words; then anywhere 避头尾 allows.  The first tier that
   gives an arrangement whose every line fits is used.

No line starts with a mark from :data:`style.NOT_AT_LINE_START` or ends with one
from :data:`style.NOT_AT_LINE_END`.

>>> split_title("提高做好新形势下群众工作的能力")
('提高做好新形势下群众工作的能力',)
>>> split_title("关于增强群众组织力，走好新时代党的群众路线调研报告")
('关于增强群众组织力，', '走好新时代党的群众路线调研报告')
>>> split_title("国务院办公厅关于印发国家突发公共事件总体应急预案的通知")
('国务院办公厅关于印发', '国家突发公共事件总体应急预案的通知')
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from pipeline.render import style

# Width of a half-width character (digit, Latin letter) in units of one 字.  Digits
# of a CJK face are about half an em, a little more in bold Song; psknlr's title
# splitter uses 0.64 so that an estimated-full line never re-wraps on the page.
HALF_WIDTH = 0.64

# Spans whose inside is never broken: paired quotes/brackets, then ordinals and
# numbers with a unit (第十五届, 第4次, 2026年, 30%), then 破折号/省略号.
_PAIRS = {
    "《": "》",
    "〈": "〉",
    "<": ">",
    "“": "”",
    "‘": "’",
    "（": "）",
    "(": ")",
    "〔": "〕",
    "【": "】",
    "「": "」",
}
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
_ADVERBS = re.compile("进一步|切实|全面|认真|深入|不断|大力|积极")
# the verbs of 印发/转发/批转 titles, after which the document's name begins
_ISSUING = re.compile("印发|转发|批转|颁发|发布|公布")
# the last character of an organ's name (局 部 委员会 办公室 厅 政府 …)
_ORGAN_END = "局厅部委办室会府院署行社处所站团联"
# 和/与/及 that begin or end a longer word, where breaking after them splits a word.
_CONJ_WORDS = re.compile(
    r"(和(?=[谐平睦解善美气蔼])|(?<=[温总缓调平共饱])和|与(?=[会其])|(?<=[参给赋授])与"
    r"|及(?=[时早格])|(?<=[普涉波危顾论来企])及)"
)

# Costs of breaking at a word boundary (after the character before it); lower is better.
_COST_AFTER_PUNCT = 0.0  # after 、，；： or a closing 》”）: the strongest boundary
_COST_BEFORE_GUANYU = 1.0  # 国务院办公厅 / 关于…: good, but no longer a rule that beats shape
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
_COST_AFTER_ISSUING = 1.0  # 国务院办公厅关于印发 / 国家突发公共事件总体应急预案的通知
_COST_WORD = 4.0  # any other boundary between two words of the segmenter
_COST_IN_WORD = 10.0  # inside a word (only in the tiers that allow it)
_COST_IN_SPAN = 15.0  # inside a protected span (only in the tiers that allow it)
# Added to a word boundary that parts words a reader takes together:
_EXTRA_AFTER_ADVERB = 4.0  # 全面 / 推进, 进一步 / 加强: an adverb from the verb it governs
_EXTRA_IN_ORGAN = 4.0  # 成都市 / 规划和自然资源局: inside one of several space-separated organs

# Shape penalties (梯形/菱形, 长短适宜).
_PENALTY_EQUAL = 4.0  # two neighbouring lines of the same length: 长方形
_PENALTY_NEAR_EQUAL = 1.0  # differing by less than one character looks equal too
_PENALTY_BAD_TURN = 20.0  # 沙漏形 (a line shorter than both neighbours) or a zigzag
_PENALTY_BALANCE = 40.0  # × Σ ((width − mean width) / max_chars)²: lines of suitable length
_PENALTY_EXTRA_LINE = 3.0  # each line beyond the fewest that fit

TITLE_WORDS_FILE = Path(__file__).with_name("title_words.txt")


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
    for m in _ISSUING.finditer(title):
        offer(m.end(), _COST_AFTER_ISSUING)
    return costs


def _extra_costs(title: str) -> dict[int, float]:
    """Word boundaries that still part what belongs together, and what that adds.

    >>> _extra_costs("中共中央国务院关于全面推进乡村振兴的意见")[11]
    4.0
    >>> sorted(_extra_costs("成都市发展和改革委员会 成都市规划和自然资源局 关于印发方案的通知"))[:2]
    [1, 2]
    """
    extra: dict[int, float] = {}
    for m in _ADVERBS.finditer(title):
        extra[m.end()] = extra.get(m.end(), 0.0) + _EXTRA_AFTER_ADVERB
    if " " in title.strip():
        pos = 0
        for chunk in title.split(" "):
            if chunk and chunk[-1] in _ORGAN_END:  # a joint issuer's organ, e.g. 财政部
                for i in range(pos + 1, pos + len(chunk)):
                    extra[i] = extra.get(i, 0.0) + _EXTRA_IN_ORGAN
            pos += len(chunk) + 1
    return extra


def title_words(path: Path = TITLE_WORDS_FILE) -> tuple[str, ...]:
    """The user dictionary: one word a line, ``#`` comments and blank lines skipped.

    >>> "党组织" in title_words() and "国务院办公厅" in title_words()
    True
    """
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return tuple(words)


def words(title: str) -> tuple[str, ...]:
    """``title`` as the segmenter's words (dictionary only, deterministic): jieba's, from
    its dictionary with ``title_words.txt`` added (:mod:`pipeline.render.title_dict`
    keeps that dictionary on disk, so jieba itself is loaded once per machine).

    >>> words("中共中央办公厅国务院办公厅印发")
    ('中共中央办公厅', '国务院办公厅', '印发')
    >>> words("关于加强基层党组织建设的意见")
    ('关于', '加强', '基层党组织建设', '的', '意见')
    """
    from pipeline.render import title_dict

    return tuple(title_dict.cut(title_dict.dictionary(_user_words()), title))


@cache
def _user_words() -> tuple[str, ...]:
    return title_words()


def word_boundaries(title: str) -> frozenset[int]:
    """Positions ``i`` (0 < i < len) where one word ends and the next begins."""
    out: set[int] = set()
    pos = 0
    for w in words(title):
        pos += len(w)
        out.add(pos)
    out.discard(len(title))
    return frozenset(out)


def _allowed(title: str, i: int) -> bool:
    """A break at ``i`` obeys 避头尾."""
    return title[i] not in style.NOT_AT_LINE_START and title[i - 1] not in style.NOT_AT_LINE_END


def _wide_spans(title: str, max_chars: int) -> set[int]:
    """Positions inside a paired span (《…》 …) that is itself wider than a line."""
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(title):
        if stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if text_width(title[start : i + 1]) > max_chars:
                inside.update(range(start + 1, i + 1))
        elif ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
    return inside


def _tiers(title: str, max_chars: int) -> Iterable[dict[int, float]]:
    """The break positions with their costs, widening tier by tier (module docstring §5)."""
    protected = _protected(title)
    bounds = word_boundaries(title)
    phrase = _boundary_costs(title)
    extra = _extra_costs(title)
    wide = _wide_spans(title, max_chars)
    legal = [i for i in range(1, len(title)) if _allowed(title, i)]

    def cost(i: int) -> float:
        base = phrase.get(i, _COST_WORD) if i in bounds else _COST_IN_WORD + phrase.get(i, 0.0)
        return base + extra.get(i, 0.0) + (_COST_IN_SPAN if i in protected else 0.0)

    tier = {i: cost(i) for i in legal if i in bounds and i not in protected}
    yield tier
    tier = tier | {i: cost(i) for i in legal if i in bounds and i in wide}
    yield tier
    tier = tier | {i: cost(i) for i in legal if i not in protected}
    yield tier
    yield {i: cost(i) for i in legal}


class _Shape:
    """The best arrangement of ``n`` lines over ``breaks`` (dynamic programming).

    A state is the latest line ``[a, b)``, its number ``k`` and where the shape stands:
    ``start`` (one line so far), ``up``/``down`` (widths growing or shrinking: 梯形),
    ``peak`` (grew, then shrank: 菱形) or ``bad`` (anything else, penalised once).
    """

    def __init__(self, title: str, breaks: Mapping[int, float], max_chars: int, n: int) -> None:
        self.title, self.breaks, self.max, self.n = title, breaks, max_chars, n
        self.ends = [*sorted(breaks), len(title)]
        self.prefix = list(itertools.accumulate((char_width(c) for c in title), initial=0.0))
        self.mean = self.width(0, len(title)) / n
        self.memo: dict[tuple[int, int, int, str], tuple[float, tuple[int, ...]]] = {}

    def width(self, a: int, b: int) -> float:
        line = self.title[a:b]
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        return self.prefix[b - trail] - self.prefix[a + lead] if lead < len(line) else 0.0

    def line_penalty(self, w: float) -> float:
        return _PENALTY_BALANCE * ((w - self.mean) / self.max) ** 2

    @staticmethod
    def turn(state: str, prev: float, w: float) -> tuple[float, str]:
        """Penalty and new state for a line of width ``w`` after one of width ``prev``."""
        diff = w - prev
        penalty = _PENALTY_EQUAL if abs(diff) < 0.5 else _PENALTY_NEAR_EQUAL if abs(diff) < 1 else 0.0
        if abs(diff) < 0.5:
            return penalty, state if state != "start" else "start"
        up = diff > 0
        nxt = {
            ("start", True): "up",
            ("start", False): "down",
            ("up", True): "up",
            ("up", False): "peak",
            ("down", False): "down",
            ("peak", False): "peak",
        }.get((state, up), "bad")
        if nxt == "bad" and state != "bad":
            penalty += _PENALTY_BAD_TURN
        return penalty, nxt

    def rest(self, a: int, b: int, k: int, state: str) -> tuple[float, tuple[int, ...]]:
        """Cheapest completion after line ``k`` = ``[a, b)``: (cost, later breaks)."""
        length = len(self.title)
        if b == length:
            return (0.0, ()) if k == self.n else (math.inf, ())
        if k == self.n:
            return math.inf, ()
        key = (a, b, k, state)
        if key in self.memo:
            return self.memo[key]
        best: tuple[float, tuple[int, ...]] = (math.inf, ())
        prev = self.width(a, b)
        for c in self.ends:
            if c <= b:
                continue
            w = self.width(b, c)
            if w > self.max:
                break
            if self.width(c, length) > (self.n - k - 1) * self.max:
                continue
            penalty, nxt = self.turn(state, prev, w)
            cost, later = self.rest(b, c, k + 1, nxt)
            total = self.breaks[b] + penalty + self.line_penalty(w) + cost
            if total < best[0]:
                best = (total, (b, *later))
        self.memo[key] = best
        return best

    def best(self) -> tuple[float, tuple[int, ...]]:
        length = len(self.title)
        best: tuple[float, tuple[int, ...]] = (math.inf, ())
        for b in self.ends:
            w = self.width(0, b)
            if w > self.max:
                break
            if b == length and self.n > 1:
                continue
            if self.width(b, length) > (self.n - 1) * self.max:
                continue
            cost, later = self.rest(0, b, 1, "start")
            total = self.line_penalty(w) + cost
            if total < best[0]:
                best = (total, later)
        return best


def _lines(title: str, breaks: Iterable[int]) -> tuple[str, ...]:
    cuts = [0, *breaks, len(title)]
    return tuple(title[a:b].strip() for a, b in itertools.pairwise(cuts))


def _greedy(title: str, positions: Sequence[int], max_chars: int) -> tuple[int, ...]:
    """Fill each line as far as it goes (a title no tier can fit: a 40-letter URL)."""
    breaks: list[int] = []
    start = 0
    while text_width(title[start:]) > max_chars:
        later = [i for i in positions if i > start]
        if not later:
            break
        fitting = [i for i in later if text_width(title[start:i]) <= max_chars] or [min(later)]
        breaks.append(max(fitting))
        start = breaks[-1]
    return tuple(breaks)


def split_title(title: str, max_chars: int = style.TITLE_MAX_CHARS) -> tuple[str, ...]:
    """The lines of ``title``, each at most ``max_chars`` 字 wide where possible.

    A title that fits on one line is returned whole.  See the module docstring for
    the rules: words, spans and 避头尾 are kept, the shape is a 梯形 or 菱形 of lines
    of suitable length.  Titles of any length are split; up to 120 characters (six
    lines) every arrangement is scored, beyond that as well, only more slowly.

    >>> split_title("关于做好2026年第十五届全国运动会安全保卫工作的通知")
    ('关于做好2026年第十五届', '全国运动会安全保卫工作的通知')
    >>> split_title("中共中央办公厅国务院办公厅关于进一步加强和改进新形势下群众工作的意见")
    ('中共中央办公厅国务院办公厅关于', '进一步加强和改进新形势下群众工作的意见')
    """
    title = title.strip()
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    width = text_width(title)
    if width <= max_chars:
        return (title,) if title else ()
    min_lines = math.ceil(width / max_chars)
    tiers = list(_tiers(title, max_chars))
    for breaks in tiers:
        results = []
        for n in (min_lines, min_lines + 1):
            cost, cuts = _Shape(title, breaks, max_chars, n).best()
            results.append((cost + _PENALTY_EXTRA_LINE * (n - min_lines), cuts))
        cost, cuts = min(results)
        if cost < math.inf:
            return tuple(line for line in _lines(title, cuts) if line)
    return tuple(line for line in _lines(title, _greedy(title, sorted(tiers[-1]), max_chars)) if line)
