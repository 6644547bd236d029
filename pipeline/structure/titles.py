"""The title of an article, chosen among candidates (issue 14).

A page's first lines hold the article's title, but rarely alone: the site's listing title
above it, the compilation's title ("…（精选8篇）"), the title again with the site's name
after a bar, a 版头 line ("XX人民政府文件"), a date or record line, a label ("原标题：").
:func:`choose` looks at the pieces before the body starts and scores each candidate:

* its **shape** — a headline: at most :data:`TITLE_MAX` characters, no full stop inside;
  a news headline may hold commas and end in ？ or ！;
* the **page's own word** — the HTML ``<h1>``/``<title>`` (``Decoded.title_hint``);
* the **genre** — an official document's own title (关于…的通知/意见/决定) beats the headline
  of the page that reprints it; a genre word at the end (…调研报告, …讲话);
* **repetition** — a title printed twice is the title;
* **place** — earlier is likelier, but never before a better candidate;
* never a date, a record or metadata line, a 版头 line, or a compilation's title.

Furniture around the chosen candidate is stripped and recorded (a site suffix after a
bar, "(5篇)", ".docx", "原标题："); the candidates before it that are copies or listing
titles are removed with their reason; a title set over two or three lines is joined;
internal spaces are kept.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pipeline.model import Removal
from pipeline.structure.common import Piece
from pipeline.text import elements
from pipeline.text.lexicon import COLLECTION, TITLE_PREFIXES, TITLE_SUFFIX, hits
from pipeline.text.lines import fold
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import GENRE_SUFFIX, HAN_CHAR

TITLE_MAX = 120  # 印发/转发 titles run 50–90 characters, a few to 120
WINDOW = 8  # pieces looked at before the body starts
# an official document's own title: 关于…的通知 / …关于…的意见 / 印发《…》的通知
OFFICIAL = re.compile(
    r"关于.{2,}?的(?:通知|通报|意见|决定|报告|请示|批复|函|复函|公告|通告|规定|办法|方案|细则|纪要|决议|命令|议案)$"
    r"|(?:印发|转发|下发)《.+》的通知$"
)
# a 版头 line or a bare organ name: never the title ("XX县人民政府文件", "东阳市人民政府办公室")
# a 版头 line ("XX人民政府文件"): never the title, never part of it
BANNER = re.compile(r"文件$")
# a bare organ name ("东阳市人民政府办公室"): never a title alone, but it may open one set
# over two lines (发文机关 + 关于 + 事由 + 文种, GB/T 9704 7.3.1)
ORGAN = re.compile(r"^(?:中共)?\S{2,20}(?:人民政府|人大常委会|委员会|政协|办公室|办公厅|委|局|厅|部)$")
ISSUER = re.compile(f"{BANNER.pattern}|{ORGAN.pattern}")
# a record or metadata line: a date first, or a short label with a colon
RECORD = re.compile(
    r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]|^\d{1,2}月\d{1,2}日$|^(?:19|20)\d{2}\s*年$"
    r"|^[^：:，,。]{1,6}[：:]\s*[\d\s\-/.:年月日]{0,20}$"  # "归档时间：2018-11-21", "统计时间：2024年"
    r"|^\S*[〔\[(（](?:19|20)\d{2}[〕\])）]\s*\d+\s*号$"  # a 发文字号 alone: "X政发〔2024〕3号"
)
# a site's name and a tagline or section after a space: "共产党员网 先锋文汇…" (a banner)
SITE_BANNER = re.compile(r"^\S{2,12}(?:网|网站|之家|文库|在线|频道|平台)\s+\S")
_PREFIX = re.compile(r"^(?:" + "|".join(map(re.escape, TITLE_PREFIXES)) + r")\s*[:：]?\s*")
# a bracketed label a page puts before a headline: "[诗婷露雅化妆品]江门七旬阿婆…", "【转载】…"
_LABEL_BEFORE = re.compile(r"^[\[【]([^\[\]【】]{2,12})[\]】]\s*(?=\S{6,})")
# a listing's 发文字号 before the title in 书名号: "國科辦才〔2023〕569號《…的通知》"
_NUMBERED_LISTING = re.compile(rf"^(?P<number>{elements.DOC_NUMBER})\s*(?=《[^《》]+》$)")
_SENTENCE_INSIDE = re.compile(r"[。；;]")
_BAD_END = "。；;：:，,、"
_OPEN_CLOSE = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))


@dataclass(slots=True)
class Head:
    """What :func:`choose` found at the top of an article."""

    title: str = ""
    subtitle: str = ""
    removed: list[Removal] = field(default_factory=list)
    used: int = 0  # pieces taken by the title block (title, its copies, furniture, subtitle)
    # pieces above the title that are not copies of a title: they stay, as the first blocks
    before: list[Piece] = field(default_factory=list)
    doc_number: str = ""  # a 发文字号 printed in brackets after the title, taken out of it
    speaker: str = ""  # a speaker printed before the title ("县长张三：在…的讲话"), its byline
    line: int = 0  # the input line the title starts on


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # first piece
    end: int  # one past the last piece (a title set over several lines)
    title: str  # the title, furniture stripped
    furniture: tuple[tuple[str, str], ...]  # (stripped text, reason)
    score: float


def strip_furniture(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The title inside ``text`` and what was around it, with the reason for each.

    >>> strip_furniture("原标题：最强“中国芯”本月商用")
    ('最强“中国芯”本月商用', [('原标题：', 'page-meta')])
    >>> strip_furniture("企业员工绩效考核与评估指南_第1页")
    ('企业员工绩效考核与评估指南', [('_第1页', 'page-number')])
    >>> strip_furniture("心得体会的文体和方法(专业13篇)")
    ('心得体会的文体和方法', [('(专业13篇)', 'collection-title')])
    >>> strip_furniture("國科辦才〔2023〕569號《科技部辦公廳關于公布獲獎名單的通知》")[0]
    '科技部辦公廳關于公布獲獎名單的通知'
    >>> strip_furniture("[诗婷露雅化妆品]江门七旬阿婆接来电称其涉黑被骗上百万")
    ('江门七旬阿婆接来电称其涉黑被骗上百万', [('[诗婷露雅化妆品]', 'site-banner')])
    """
    gone: list[tuple[str, str]] = []
    core = text.strip()
    m = _PREFIX.match(core)
    if m and m.end() < len(core):
        gone.append((m.group(), "page-meta"))
        core = core[m.end() :]
    for _ in range(3):  # "…范文（精选5篇）_站名" carries more than one
        m = TITLE_SUFFIX.search(core)
        if m and m.start() >= 4:
            piece = m.group()
            reason = "page-number" if "第" in piece else "file-name" if "." in piece else "site-banner"
            gone.append((piece, reason))
            core = core[: m.start()].rstrip()
            continue
        m = COLLECTION.search(core)
        if m and m.start() >= 4 and m.end() >= len(core) - 1:
            gone.append((core[m.start() :], "collection-title"))
            core = core[: m.start()].rstrip()
            continue
        break
    m = _LABEL_BEFORE.match(core)
    if m is not None and not core.endswith(("】", "]")):
        gone.append((core[: m.end()].rstrip(), "site-banner"))
        core = core[m.end() :]
    m = _NUMBERED_LISTING.match(core)
    if m is not None:
        gone.append((core[: m.end()], "listing-title"))
        core = core[m.end() :]
    if core.startswith("《") and core.endswith("》") and core.count("《") == 1:
        # a listing's title in 书名号: "《生产企业安全生产责任制度》"
        gone += [("《", "listing-title"), ("》", "listing-title")]
        core = core[1:-1]
    elif core.startswith("【") and core.endswith("】") and core.count("【") == 1 and len(core) >= 8:
        # a page's title in 【】 ("【2023春节放假通知】"; not a 【篇一】 or 【导读】 label)
        gone += [("【", "listing-title"), ("】", "listing-title")]
        core = core[1:-1]
    return core, gone


def headline(text: str) -> bool:
    """Shaped like a title: Chinese, not too long, no sentence inside, a clean end.

    >>> headline("运营商 5G 手机促销方式曝光，禁止提供购机补贴"), headline("为什么 ChatGPT 不火了？")
    (True, True)
    >>> headline("现将调研情况报告如下："), headline("实践充分表明，群众路线是法宝。")
    (False, False)
    """
    t = text.strip()
    if not (2 <= len(t) <= TITLE_MAX) or not HAN_CHAR.search(t) or t[-1] in _BAD_END:
        return False
    if _SENTENCE_INSIDE.search(t) or t.count("，") + t.count(",") > 3:
        return False
    return all(t.count(a) == t.count(b) for a, b in _OPEN_CLOSE)


def _ruled_out(text: str) -> bool:
    """Never a title: a date, record or label line, a 版头 or organ line, a subtitle
    (——…), a numbered heading, furniture."""
    key = fold(text)
    if (
        text.startswith(("—", "-"))
        or RECORD.search(key)
        or ISSUER.search(key)
        or elements.record_kind(text) is not None  # 发文字号, 签发人, 抄送, 附件, 附注 …
        or parse_marker(text) is not None
    ):
        return True
    words = hits(key)
    furniture = words["download"] + words["social"] + words["nav"] + words["legal"] + words["meta"]
    return furniture >= 2 and len(key) <= 4 * furniture + 8  # mostly furniture words


FURNITURE_PENALTY = 1.5  # per word of site vocabulary (版权, 举报, 下载 …) in a candidate


def _score(title: str, raw: str, index: int, hints: Sequence[str], seen: dict[str, int]) -> float:
    key = fold(title)
    score = -0.4 * index
    words = hits(key)
    score -= FURNITURE_PENALTY * (words["download"] + words["social"] + words["nav"] + words["legal"])
    for hint in hints:  # the page's <h1> and <title> each vouch for a candidate
        if key == hint or (len(key) >= 6 and (key in hint or hint in key)):
            score += 3.0
    if OFFICIAL.search(key):
        score += 3.0
    elif GENRE_SUFFIX.search(key):
        score += 1.0
    if seen.get(key, 0) > 1:
        score += 1.5  # printed twice: the page's title line and the article's own
    if COLLECTION.search(fold(raw)):
        score -= 3.0  # a compilation's title; its articles have their own
    if SITE_BANNER.match(raw):
        score -= 3.0
    if len(key) > 60 and not OFFICIAL.search(key):
        score -= 1.0
    return score


def _candidates(pieces: Sequence[Piece], limit: int, hints: Sequence[str]) -> list[_Candidate]:
    seen: dict[str, int] = {}
    for p in pieces[:limit]:
        core = fold(strip_furniture(p.text)[0])
        seen[core] = seen.get(core, 0) + 1
    out = []
    for i in range(limit):
        for span in (1, 2, 3):  # a title set over up to three lines
            parts = pieces[i : i + span]
            # a title over several lines, or one line split where a space stood
            joinable = all(
                (p.whole_line or (not p.new_line and p.no == q.no)) and not p.text.startswith(("—", "-"))
                for q, p in itertools.pairwise(parts)
            )
            if len(parts) < span or not joinable:
                break
            raw = "".join(p.text for p in parts) if span > 1 else parts[0].text
            title, gone = strip_furniture(raw)
            hinted = fold(title) in hints
            if not headline(title) or (_ruled_out(title) and not hinted):
                continue
            after = pieces[i + span] if i + span < len(pieces) else None
            if span > 1 and not _joins(parts, title, hinted, after):
                continue
            out.append(_Candidate(i, i + span, title, tuple(gone), _score(title, raw, i, hints, seen)))
    return out


def _joins(parts: Sequence[Piece], title: str, hinted: bool, after: Piece | None) -> bool:
    """Whether lines are one title: the first leaves a bracket open, or the whole ends like
    an official title, a genre word or the page's <h1>, or a ``——`` subtitle follows the
    last (and the last is short); and no part is a title alone."""
    key = fold(title)
    first = parts[0].text
    unbalanced = any(first.count(a) > first.count(b) for a, b in _OPEN_CLOSE)
    subtitle_next = after is not None and after.text.startswith(("——", "--")) and len(parts[-1].text) <= 20
    ends = bool(OFFICIAL.search(key) or GENRE_SUFFIX.search(key) or hinted or subtitle_next)
    alone = (
        OFFICIAL.search(fold(first))
        or GENRE_SUFFIX.search(fold(first))
        or COLLECTION.search(fold(first))
        or RECORD.search(fold(first))  # a 发文字号 or a date before the title is no part of it
    )
    # the later parts do not stand as titles of their own (two titles are not one)
    whole = all(not (OFFICIAL.search(fold(p.text)) and len(p.text) >= 8) for p in parts[1:]) or bool(
        ORGAN.search(fold(first))
    )
    if BANNER.search(fold(first)):
        return False
    if any(fold(b.text).startswith(fold(a.text)) for a, b in itertools.pairwise(parts)):
        return False  # "牟定县人民政府" over "牟定县人民政府办公室关于…": the site's name, not a part
    return (unbalanced or ends) and not alone and whole and len(key) <= TITLE_MAX


def _body_start(pieces: Sequence[Piece]) -> int:
    """Where the body starts: the first piece that is a sentence, a numbered heading or
    long (the title is among the pieces before it)."""
    for i, p in enumerate(pieces[:WINDOW]):
        t = p.text
        if parse_marker(t) is not None or len(t) > TITLE_MAX or (len(t) > 30 and "。" in t):
            return i
    return min(len(pieces), WINDOW)


OWN_TITLE_BONUS = 1.0  # a later, fuller title similar to an earlier one is the article's own
SUBTITLE_BONUS = 1.0  # a candidate with a ——subtitle under it heads the article


def _revised(cands: list[_Candidate], pieces: Sequence[Piece]) -> list[_Candidate]:
    """Scores that need the other candidates: a later candidate that repeats an earlier
    one more fully ("区委书记在…表态发言" under "…表态发言") is the article's own title and
    the earlier the page's listing; a candidate with a subtitle under it heads the text."""
    out = []
    for c in cands:
        bonus = 0.0
        key = fold(c.title)
        for e in cands:
            if e.start < c.start and e.end <= c.start:
                other = fold(e.title)
                if len(key) > len(other) and SequenceMatcher(None, other, key).ratio() >= 0.6:
                    bonus = max(bonus, OWN_TITLE_BONUS + 0.4 * (c.start - e.start))
        if c.end < len(pieces) and pieces[c.end].text.startswith(("——", "--")):
            bonus += SUBTITLE_BONUS
        out.append(_Candidate(c.start, c.end, c.title, c.furniture, c.score + bonus) if bonus else c)
    return out


def hints(hint: str) -> tuple[str, ...]:
    """The folded title hints of a page (``Decoded.title_hint``: one per line)."""
    return tuple(h for h in (fold(x) for x in hint.splitlines()) if h)


def choose(pieces: list[Piece], hint: str = "") -> Head:
    """The title block at the start of ``pieces`` (see the module docstring)."""
    head = Head()
    limit = max(1, _body_start(pieces)) if pieces else 0
    cands = _candidates(pieces, limit, hints(hint))
    if not cands:
        return head
    cands = _revised(cands, pieces)
    best = max(cands, key=lambda c: (c.score, -c.start, c.end - c.start))
    head.title = best.title
    head.line = pieces[best.start].no
    why = f"the title is 「{best.title}」 (score {best.score:.1f} of {len(cands)} candidates)"
    for text, reason in best.furniture:
        head.removed.append(Removal(text, reason, pieces[best.start].no, f"around {why}"))
    key = fold(best.title)
    # what stood above the title: copies of it, listing and compilation titles go
    for p in pieces[: best.start]:
        core = strip_furniture(p.text)[0]
        if fold(core) == key:
            head.removed.append(Removal(p.text, "duplicate-title", p.no, f"a copy: {why}"))
        elif COLLECTION.search(fold(p.text)):
            head.removed.append(Removal(p.text, "collection-title", p.no, f"a compilation's title: {why}"))
        elif headline(core) and not _ruled_out(core) and not p.text.startswith(("—", "-")):
            head.removed.append(Removal(p.text, "listing-title", p.no, f"a weaker candidate: {why}"))
        else:
            head.before.append(p)
    i = best.end
    while i < len(pieces) and i < limit and fold(strip_furniture(pieces[i].text)[0]) == key:
        head.removed.append(Removal(pieces[i].text, "duplicate-title", pieces[i].no, f"a copy: {why}"))
        i += 1  # the title again under itself
    head.used = i
    return head
