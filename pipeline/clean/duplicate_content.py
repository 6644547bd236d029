"""duplicate-content: the article's text printed a second time, line for line.

What it removes: a run of three or more consecutive lines that repeats an earlier run
line for line, holding at least one line of Chinese prose (:data:`PROSE_MIN` hanzi) and
Chinese in most of its lines — the later copy, one entry per line.
Why: pages print the preview twice (a "正文复制" copy box, a mobile and a desktop
version, an expanded and a folded text); copied together, the document reads twice.
Example: "在…大会上的讲话" / "同志们：这次…" / "12日上午，…" / "下面，我先讲三点意见。" and the
same four lines again → the second four removed.
Leaves alone: repeated short lines (headings of two articles, "特此通知。", table rows of
equal cells), two repeated lines, a run whose lines are all shorter than a sentence, and
code (two shell scripts share their lines; they are not Chinese prose).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import HAN_CHAR

REASON = "duplicate-content"

RUN_MIN = 3  # lines in a repeated run, at least
PROSE_MIN = 30  # hanzi of its longest line, at least: a paragraph, not a heading or a row
LINE_HAN_MIN = 4  # hanzi that make a line Chinese text (most of the run's lines are)


def _hanzi(text: str) -> int:
    return len(HAN_CHAR.findall(text))


def _prose(run: Sequence[Line]) -> bool:
    counts = [_hanzi(line.key) for line in run]
    return max(counts) >= PROSE_MIN and 2 * sum(n >= LINE_HAN_MIN for n in counts) > len(counts)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    first: dict[str, int] = {}  # a line's text → where it first stood
    i = 0
    while i < len(lines):
        j = first.get(lines[i].key)
        if j is not None:
            n = 0
            while i + n < len(lines) and j + n < i and lines[i + n].key == lines[j + n].key:
                n += 1
            if n >= RUN_MIN and _prose(lines[i : i + n]):
                yield from (Cut(i + k) for k in range(n))
                i += n
                continue
        first.setdefault(lines[i].key, i)
        i += 1
