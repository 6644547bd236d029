"""Step 1 of structure: where the articles of a file start.

A file may hold several articles.  One starts at the first line, at a line a cleaning
rule marked (``Line.boundary``: 【篇二】), and at a title-shaped line that heads a text:
its repeat was just removed, a ``——`` subtitle follows, it ends in a genre word
(…调研报告, …心得体会) after a finished paragraph, a flattened preview follows it, or a
byline ("市发展改革委　周涛") does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.structure.common import TITLE_MAX, flattened, title_candidate
from pipeline.structure.titles import OFFICIAL
from pipeline.text.elements import is_organ, record_kind
from pipeline.text.lexicon import meta_labelled
from pipeline.text.lines import Line, fold
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import GENRE_SUFFIX, ends_sentence, title_like

TITLE_LINE_MAX = 24  # characters of one line of a title set over several lines
OPENING_TITLE_MIN = 2  # characters of a title that opens a new article by its shape
GENRE_TITLE_MIN = 8  # "对策建议" alone is a section heading, not a new article's title
# "市发展改革委　周涛" under a title: a unit and a person's name (a new article's byline)
_BYLINE = re.compile(r"^[^\s，。：:、“”]{2,20}[\s\u3000]+[^\s，。：:、“”]{2,4}$")


# "…关于印发《X实施方案》的通知": X is printed after the notice, as a document of its own
# and "《X》已经市政府同意，现印发给你们", the notice's own sentence
_ISSUES = re.compile(
    r"(?:印发|转发|下发|发布)《([^》]{4,60})》|^《([^》]{4,60})》(?:已经|已|经)[^。]{0,30}(?:印发|转发|下发)给"
)


def _continues_title(prev: str, key: str) -> bool:
    """Whether ``key`` ends the official title ``prev`` began on the line before."""
    return (
        bool(OFFICIAL.search(prev + key))
        and not OFFICIAL.search(prev)
        and "关于" in prev
        and "。" not in prev
    )


def _byline(text: str) -> bool:
    """A new article's byline under its title ("市发展改革委　周涛"), not a numbered
    heading of the same shape ("2.1 指挥机构")."""
    return bool(_BYLINE.match(text)) and parse_marker(text) is None


def _title_goes_on(prev: Line, line: Line) -> bool:
    """``line`` ends a title ``prev`` began, a blank line between them ("转发温州市推行说理性
    行政处罚文书" + "指导意见及操作规范的通知"): ``prev`` is a short title-shaped line that
    neither ends like a title (a genre word, 的通知) nor names an organ or a date (the
    署名 and 成文日期 closing the article before a new one), and the two read as one title."""
    return (
        len(prev.key) <= TITLE_LINE_MAX
        and title_candidate(prev.text)
        and not ends_sentence(prev.text)
        and not GENRE_SUFFIX.search(prev.key)
        and not OFFICIAL.search(prev.key)
        and not is_organ(prev.text)
        and record_kind(prev.text) is None
        and title_like(prev.key + line.key, TITLE_MAX)
    )


def _may_open(line: Line) -> bool:
    """A title-shaped line that may head a new article by its shape alone: not a
    page-metadata line ("图片来源：…报告", "来源 | …"), not one character ("踩"), not a
    sentence cut off by an ellipsis ("换眼镜片、修手机屏幕……")."""
    return (
        title_candidate(line.text)
        and len(line.key) >= OPENING_TITLE_MIN
        and not line.key.endswith(("…", "..."))
        and not meta_labelled(line.text)
    )


def article_starts(lines: Sequence[Line], title_cuts: Sequence[int]) -> list[int]:
    """Indexes of the lines that open an article (always 0 first); ``title_cuts`` are
    the input lines where clean removed a copy of a title (``Cleaned.title_cuts``)."""

    def title_removed_in(lo: int, hi: int) -> bool:
        k = bisect.bisect_right(title_cuts, lo)  # the first cut after line lo (log time: no quadratic scan)
        return k < len(title_cuts) and title_cuts[k] <= hi

    starts = [0]
    issued: set[str] = set()  # names of texts an 印发/转发 notice issues ("…印发《X》的通知")
    second_line = -1  # the second line of an issued text's title set over two lines
    for i in range(1, len(lines)):
        line, prev = lines[i], lines[i - 1]
        issued.update(fold(m.group(1) or m.group(2)) for m in _ISSUES.finditer(prev.key))
        if line.boundary:
            starts.append(i)
            continue
        if i == second_line:
            continue
        if title_candidate(line.text) and line.key.strip("《》") in issued:
            starts.append(i)  # the text the notice issues follows it, under its own title
            continue
        if (
            i + 1 < len(lines)
            and title_candidate(line.text)
            and title_candidate(lines[i + 1].text)
            and (line.key + lines[i + 1].key).strip("《》") in issued
        ):
            starts.append(i)  # the same, its title over two lines ("…支持民间" + "投资…方案")
            second_line = i + 1
            continue
        if _continues_title(prev.key, line.key) or _title_goes_on(prev, line):
            continue  # "…关于加强普通高等学校" + "毕业生就业工作的通知": one title over two lines
        if i + 1 < len(lines) and _may_open(line) and not line.text.startswith(("—", "-")):
            nxt = lines[i + 1]
            if (
                title_removed_in(line.no, nxt.no)
                or (nxt.text.startswith(("——", "--")) and not title_candidate(prev.text))
                or (
                    GENRE_SUFFIX.search(line.key)
                    and len(line.key) >= GENRE_TITLE_MIN
                    and (ends_sentence(prev.text) or line.gap_before)
                    and not title_candidate(nxt.text)
                )
                or (flattened(nxt.text) and nxt.gap_before)
                or (_byline(nxt.text) and (ends_sentence(prev.text) or line.gap_before))
            ):
                starts.append(i)
                continue
        # a preview whose listing title was removed: its own title opens the flattened line
        if (
            flattened(line.text)
            and title_removed_in(prev.no, line.no)
            and not title_candidate(prev.text)
            and title_like(line.text.split(None, 1)[0], TITLE_MAX)
        ):
            starts.append(i)
    return starts
