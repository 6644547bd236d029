"""repeated-header: a short line repeated at every page break (精品文档, a page header).

What it removes: a short line (at most 12 characters, no sentence punctuation, no
heading marker) that occurs three or more times in the text, apart from each other —
the header or footer a paginated source prints on every page.  Page furniture is short
(精品文档, a site or school name); a longer line that recurs is a title of a text the file
holds more than once, and stays.
Why: text copied from a multi-page preview repeats its page furniture; left in, it
also splits the sentences that run across the page breaks.
Example: "精品文档" before each page of a 道客巴巴 preview → every copy removed.
Leaves alone: a title repeated on consecutive lines (duplicate-title handles it),
headings (一、基本情况 may open each of several articles), and anything said twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import SENTENCE_PUNCT

REASON = "repeated-header"

MAX_LEN = 12
MIN_COPIES = 3


def _candidate(line: Line) -> bool:
    key = line.key
    return 0 < len(key) <= MAX_LEN and not SENTENCE_PUNCT.search(key) and parse_marker(line.text) is None


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        # copies on consecutive lines count once: a repeated title is not a page header
        if _candidate(line) and not (i and lines[i - 1].key == line.key):
            counts[line.key] += 1
    repeated = {k for k, n in counts.items() if n >= MIN_COPIES}
    for i, line in enumerate(lines):
        if line.key in repeated:
            yield Cut(i)
