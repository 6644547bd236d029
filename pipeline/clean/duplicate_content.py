"""duplicate-content: the article's text printed a second time, line for line.

What it removes: a run of three or more consecutive lines that repeats an earlier run
line for line, holding at least one line of Chinese prose (:data:`PROSE_MIN` hanzi) and
Chinese in most of its lines — the later copy, one entry per line.
Why: pages print the preview twice (a "正文复制" copy box, a mobile and a desktop
version, an expanded and a folded text); copied together, the document reads twice.
Example: "在…大会上的讲话" / "同志们：这次…" / "12日上午，…" / "下面，我先讲三点意见。" and the
same four lines again → the second four removed.
Also a *teaser*: one line that repeats the start of the text after it — at least
:data:`PROSE_MIN` hanzi, cut off where the site's preview stopped — after a short label
("推荐阅读：同志们：今天的会议是…", th04 of the dev corpus) or, without one, over more
than the next line (a page's summary of its title and first sentence, td07).
Leaves alone: repeated short lines (headings of two articles, "特此通知。", table rows of
equal cells), two repeated lines, a run whose lines are all shorter than a sentence, and
code (two shell scripts share their lines; they are not Chinese prose).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import HAN_CHAR, first_colon

REASON = "duplicate-content"

RUN_MIN = 3  # lines in a repeated run, at least
PROSE_MIN = 30  # hanzi of its longest line, at least: a paragraph, not a heading or a row
LINE_HAN_MIN = 4  # hanzi that make a line Chinese text (most of the run's lines are)


def _hanzi(text: str) -> int:
    return len(HAN_CHAR.findall(text))


def _prose(run: Sequence[Line]) -> bool:
    counts = [_hanzi(line.key) for line in run]
    return max(counts) >= PROSE_MIN and 2 * sum(n >= LINE_HAN_MIN for n in counts) > len(counts)


TEASER_LABEL_MAX = 6  # characters of the label before a teaser's colon ("推荐阅读：")
TEASER_AHEAD = 6  # lines after it whose text it may repeat


def _teasers(lines: Sequence[Line]) -> Iterator[Cut]:
    keys = [line.key for line in lines]
    for i, key in enumerate(keys):
        colon = first_colon(key)
        labelled = 0 < colon <= TEASER_LABEL_MAX
        rest = (key[colon + 1 :] if labelled else key).rstrip("….")
        if not labelled and (i + 1 == len(keys) or len(rest) <= len(keys[i + 1])):
            continue  # a paragraph printed twice in a row is the page's text, as it printed it
        if _hanzi(rest) >= PROSE_MIN and "".join(keys[i + 1 : i + 1 + TEASER_AHEAD]).startswith(rest):
            yield Cut(i)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    yield from _teasers(lines)
    # run[i]: how many lines from i on repeat, one for one, the lines from the first
    # occurrence of line i on (and end before line i): from the end, in one pass
    n = len(lines)
    first: dict[str, int] = {}
    origin = [first.setdefault(line.key, i) for i, line in enumerate(lines)]
    run = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        j = origin[i]
        if j < i:
            go_on = i + 1 < n and origin[i + 1] == j + 1
            run[i] = min(1 + (run[i + 1] if go_on else 0), i - j)
    i = 0
    while i < n:
        k = run[i]
        if k >= RUN_MIN:
            if _prose(lines[i : i + k]):
                yield from (Cut(i + m) for m in range(k))
            i += k  # a run that is no copy holds none: each line is looked at once
            continue
        i += 1
