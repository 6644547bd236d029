"""listing-title: the site's title line for a preview whose own title differs.

What it removes: a short title line directly followed by a text that begins with a
similar but different title of its own ("xx新形势下…心得体会" over "2015新形势下…心得体会
面对…"; "…工作(讲课稿)" over "…工作 根据…").  The text's own title is kept.
Why: document sites show each preview under their listing title, which is often
shortened, templated ("xx") or decorated ("(讲课稿)", "(最新)").
Example (seed 004): "做好群众工作的能力" over "做好群众工作的方法 人民群众是…" → the first removed.
Leaves alone: a heading followed by a body that starts differently, exact repeats
(those are duplicate-title), and a line that is the fuller form of the text's title
("区委书记在…表态发言" over "市创建…表态发言 今天…": the text's copy lost its first words, and
duplicate-title removes it).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import shortened_copy, title_like

REASON = "listing-title"

MIN_SIMILARITY = 0.6


def own_title(text: str) -> str:
    """The first space-separated piece of a flattened text, if it is title-shaped."""
    head = text.split(None, 1)
    if len(head) < 2:
        return ""
    return head[0] if title_like(head[0]) else ""


def similar(a: str, b: str) -> bool:
    """Two titles of one article: one holds the other, or they share most characters.

    >>> similar("做好群众工作的能力", "做好群众工作的方法"), similar("基本情况", "存在问题")
    (True, False)
    """
    if a in b or b in a:
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= MIN_SIMILARITY


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i in range(len(lines) - 1):
        line, nxt = lines[i], lines[i + 1]
        if not title_like(line.text, 50):
            continue
        title = own_title(nxt.text)
        if title and title != line.key and similar(line.key, title) and not shortened_copy(line.key, title):
            yield Cut(i)
