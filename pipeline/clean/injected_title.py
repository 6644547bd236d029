"""injected-title: an unrelated article title the site slipped between a heading and its body.

What it removes: a title-shaped line ending in a genre word (心得体会, 调研报告, 讲话 …)
that stands right after a standalone numbered heading and before that heading's first
numbered item or body — a place where no title of this article can be.
Why: some sites inject links to other articles inside the text.
Example (seed 002): "(一)关于活动的目标、原则" / "质监法规处副处长实现伟大中国梦心得体会" / "1.以活动…"
→ the middle line removed.
Leaves alone: article titles that follow a paragraph (a new article in the file), and
subheadings without a genre word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.numbering import parse_marker
from pipeline.text.shapes import GENRE_SUFFIX, title_like

REASON = "injected-title"

MIN_LEN = 10  # "强化保障措施" is a subheading; an article title names its subject and its genre


def _standalone_heading(line: Line) -> bool:
    m = parse_marker(line.text)
    return m is not None and m.family != "bullet" and title_like(m.rest, 60)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if (
            title_like(line.text)
            and len(line.key) >= MIN_LEN
            and parse_marker(line.text) is None
            and GENRE_SUFFIX.search(line.key)
            and _standalone_heading(lines[i - 1])
        ):
            yield Cut(i)
