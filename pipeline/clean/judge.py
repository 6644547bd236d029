"""judge: web furniture the named rules did not catch, decided from evidence that holds on any site.

What it removes: a whole line whose evidence (:mod:`pipeline.clean.evidence`) reads like a
site's furniture rather than the article — counts with units, dates and times, separators,
the site vocabulary of :mod:`pipeline.text.lexicon`, a place before the article's first line
of prose or after its last — weighed against how much it reads like prose.  The weights are
fitted on the real-page corpus (``tools/fit_judge.py``, scored leave-site-out) and kept as
data in :mod:`pipeline.clean.judge_weights`; a line goes when its score is over the fitted
threshold.  It reports the reason of the strongest kind of evidence (``download-prompt``,
``page-meta``, ``share-bar``, ``site-navigation``, ``disclaimer``, ``site-intro``,
``repeated-header``, else ``site-furniture``).
Why: the long tail of sites words its furniture in ways no list of strings keeps up with;
what furniture *is* — short, countable, labelled, outside the prose — does not change.
Example: "VIP专免", "21.78KB", "23 页", "下面是小编为大家整理的…供大家参考。" → removed.
Leaves alone: lines of prose, numbered headings, lines a 公文 ends with (a signature, a
date in Chinese form, "特此通知。"), the title candidates at the top (structure chooses among
them), and anything with too little evidence: the threshold is set for precision.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pipeline.clean.base import Cut
from pipeline.clean.evidence import KIND_NAMES, Evidence, evidence
from pipeline.text.lexicon import BY_KIND
from pipeline.text.lines import Line

REASON = "site-furniture"

# 成文日期 and closing lines of a 公文, never furniture (issue 14: near misses that must stay)
_CLOSING = re.compile(
    r"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
    r"|^特此(?:通知|通报|报告|函告|批复|公告)[。．.]?$|^此致$|^敬礼[!！]?$"
    r"|^[（(]此件\S{2,8}[)）]$"  # 附注: （此件公开发布）
    r"|^[（(](?:19|20)\d{2}年\d{1,2}月\d{1,2}日[)）]$"  # a speech's date under its title
    r"|^(?:同志们|同志們|各位\S{0,8}|尊敬的\S{1,20}|亲爱的\S{1,12}|朋友们|朋友們)[:：，,]$"  # a salutation
    r"|^各\S{1,30}[:：]$"  # 主送: "学校各单位：", "各乡镇人民政府，县直各单位："
)
# what ends a signing organ's name ("XX县人民政府", "中共XX县委办公室")
_ORGAN = re.compile(
    r"(?:政府|委员会|人大常委会|政协|党委|党组|委|办公室|办公厅|局|厅|部|院|署|处|科|中心|支部|小组)$"
)


def feature_names() -> tuple[str, ...]:
    """The names of :func:`features`, in order (the weights are stored against them)."""
    base = (
        "bias",
        "log_length",
        "short",
        "marks",
        "function",
        "han",
        "digits",
        "latin",
        "finished",
        "separators",
        "counts",
        "dates",
        "times",
        "addresses",
        "emoji",
        "bracketed",
        "title_like",
        "numbered",
        "repeats",
        "before_core",
        "after_core",
        "log_distance",
        "prose",
        "no_core",
        "short_outside",
        "prose_intro",
        "prose_legal",
        "neighbours_furniture",
        "label",
        "blanks",
        "code",
        "tokens",
        "short_inside",
    )
    return base + tuple(f"words_{k}" for k in KIND_NAMES)


def _furniture(ev: Evidence | None) -> float:
    """A rough, unweighted furniture signal of a neighbouring line (0 when none)."""
    if ev is None:
        return 0.0
    words = sum(n for _, n in ev.words)
    return float(min(3, words + ev.counts + ev.dates + ev.separators) if not ev.prose else 0)


def features(ev: Evidence, prev: Evidence | None = None, nxt: Evidence | None = None) -> tuple[float, ...]:
    """The judge's input for one line: :func:`feature_names` in order."""
    words = dict(ev.words)
    outside = ev.before_core or ev.after_core
    no_core = not (ev.before_core or ev.after_core or ev.prose or ev.distance)
    base = (
        1.0,
        math.log1p(ev.length),
        float(ev.length <= 12),
        float(min(ev.marks, 6)),
        ev.function,
        ev.han,
        ev.digits,
        ev.latin,
        float(ev.finished),
        float(min(ev.separators, 4)),
        float(min(ev.counts, 3)),
        float(min(ev.dates, 2)),
        float(min(ev.times, 2)),
        float(min(ev.addresses, 2)),
        float(min(ev.emoji, 2)),
        float(ev.bracketed),
        float(ev.title_like),
        float(ev.numbered),
        float(min(ev.repeats, 3)),
        float(ev.before_core),
        float(ev.after_core),
        math.log1p(ev.distance),
        float(ev.prose),
        float(no_core),
        float(ev.length <= 12 and outside),
        float(ev.prose) * min(words["intro"], 3),
        float(ev.prose) * min(words["legal"], 3),
        (_furniture(prev) + _furniture(nxt)) / 2,
        float(ev.label),
        float(ev.blanks),
        float(ev.code),
        float(min(ev.tokens, 6)),
        float(ev.length <= 12 and not outside),
    )
    return base + tuple(float(min(words[k], 3)) for k in KIND_NAMES)


@dataclass(frozen=True, slots=True)
class Weights:
    names: tuple[str, ...]
    values: tuple[float, ...]
    threshold: float  # a line goes when its probability is at least this


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judge's decision on one line, with the evidence that weighed most."""

    index: int
    probability: float
    removed: bool
    reason: str
    top: tuple[tuple[str, float], ...]  # (feature, contribution to the score), largest first

    def summary(self) -> str:
        """The verdict in one line: ``p=0.97 for words_download +2.1, short +0.4; against …``."""
        pro = ", ".join(f"{n} {c:+.1f}" for n, c in self.top if c > 0)
        con = ", ".join(f"{n} {c:+.1f}" for n, c in self.top if c < 0)
        return f"p={self.probability:.2f} for {pro or '—'}" + (f"; against {con}" if con else "")


def _bars(key: str) -> int:
    return key.count("|") + key.count("｜")


_IMPRINT = re.compile(
    r"\d{1,2}月\d{1,2}日印发$|^共印\d+份$|^[〇○OＯ零一二三四五六七八九]{4}年\S{1,3}月\S{1,3}日$"
)
_VALUE = re.compile(r"^[-+±―—–~～.%％\d\s]{1,10}$")  # a bare table value: "-6.6", "99.70", "―"


def protected(lines: Sequence[Line], evs: Sequence[Evidence], i: int) -> bool:
    """Lines the judge never removes, whatever the score (see the module docstring)."""
    line, ev = lines[i], evs[i]
    key = line.key
    words = dict(ev.words)
    if _CLOSING.match(key):
        return True
    notice = words["legal"] + words["download"]
    # a site's notice in prose: the site's words at least three times, dense ("本站全部…请谨慎下单")
    dense_notice = notice >= 3 and notice * 100 >= 3 * ev.length
    if ev.numbered and (ev.length > 30 or not (words["meta"] or notice)):
        return True  # a heading (with its run-in text) or a list item
    if ev.after_core and ev.length <= 20 and _ORGAN.search(key) and not sum(words.values()):
        return True  # a signing organ under the last paragraph
    if ev.prose and words["intro"] < 2 and not dense_notice:
        return True  # prose, unless it is a site's own introduction or notice
    if ev.code:
        return True  # a program listing in a blog post: content, however odd it reads
    bars = _bars(key)
    if bars >= 2 and any(0 <= j < len(lines) and _bars(lines[j].key) == bars for j in (i - 1, i + 1)):
        return True  # a row of a table set with bars ("1 | 广东 | 13.57 |"), among rows like it
    if ev.length <= 15 and not ev.marks:
        # a table laid out one cell per line: short unpunctuated lines around it, several
        # of them bare values ("-6.6", "99.70"), none with site vocabulary
        near = range(max(0, i - 3), min(len(evs), i + 4))
        cells = [j for j in near if evs[j].length <= 15 and not evs[j].marks]
        values = sum(bool(_VALUE.match(lines[j].key)) for j in cells)
        furniture = sum(n for j in cells for _, n in evs[j].words)
        if len(cells) >= 5 and values >= 3 and not furniture:
            return True
    if _IMPRINT.search(key):
        return True  # a 版记 line: "XX办公室 2024年3月6日印发", "共印60份"
    # no evidence of furniture at all: nothing to weigh (and the title candidates at the top
    # are structure's to choose among)
    evidence_of_furniture = (
        sum(words.values()) or ev.counts or ev.dates or ev.times or ev.addresses or ev.emoji or ev.label
    )
    return not evidence_of_furniture and ev.separators < 2 and not ev.repeats


def _reason(ev: Evidence) -> str:
    """What a removed line is reported as: the kind of site vocabulary it holds most of,
    else page metadata for counts, dates and separators, else a repeated header."""
    words = dict(ev.words)
    best = max(KIND_NAMES, key=lambda k: words[k])  # lexicon order breaks ties
    if words[best]:
        return BY_KIND[best].reason
    if ev.counts or ev.dates or ev.times or ev.separators or ev.digits > 0.3:
        return "page-meta"
    if ev.repeats:
        return "repeated-header"
    return REASON


def judge(lines: Sequence[Line], weights: Weights) -> list[Verdict]:
    """A verdict for every line (removed or not), in order."""
    evs = evidence(lines)
    names = weights.names
    out = []
    for i, ev in enumerate(evs):
        x = features(ev, evs[i - 1] if i else None, evs[i + 1] if i + 1 < len(evs) else None)
        contributions = {n: w * v for n, w, v in zip(names, weights.values, x, strict=True)}
        z = sum(contributions.values())
        p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
        removed = p >= weights.threshold and not protected(lines, evs, i)
        top = tuple(
            sorted(
                ((n, c) for n, c in contributions.items() if n != "bias" and abs(c) >= 0.05),
                key=lambda t: -abs(t[1]),
            )[:5]
        )
        out.append(Verdict(i, p, removed, _reason(ev) if removed else "", top))
    return out


ROUNDS = 8  # removing lines changes the evidence of the rest (repeats, the core): judge again


def finder(weights: Weights) -> Callable[[Sequence[Line]], Iterator[Cut]]:
    """The judge as a cleaning rule's ``find`` with these weights (a rule of its own).

    It judges again what is left until nothing more goes, so that cleaning twice removes
    nothing more (the stability invariant of the tests).
    """

    def find(lines: Sequence[Line]) -> Iterator[Cut]:
        left = list(range(len(lines)))
        for _ in range(ROUNDS):
            verdicts = judge([lines[i] for i in left], weights)
            gone = [v for v in verdicts if v.removed]
            if not gone:
                return
            for v in gone:
                yield Cut(left[v.index], reason=v.reason, evidence=v.summary())
            out = {v.index for v in gone}
            left = [i for k, i in enumerate(left) if k not in out]

    return find
