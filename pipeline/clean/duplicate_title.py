"""duplicate-title: a title printed again (site header, page title, preview heading).

What it removes: (1) a title-shaped line that repeats an earlier title-shaped line,
when only repeats stand between them (the page printed the title two, three times);
(2) the repeat of a title line glued to the start of the text after it
("新形势下…体会" then "新形势下…体会 面对新形势…"), also when the repeat lost its first
words ("区委书记在创建…表态发言" then "市创建…表态发言 今天，…"); (3) a title-shaped last line that
repeats a title seen earlier and heads nothing.
Why: scraped pages carry the title in the breadcrumb, the page heading, the article
heading and the preview; only one is the document's.
Example (seed 000): three lines "关于增强群众组织力,走好新时代党的群众路线调研报告" → the
second and third removed.
Leaves alone: the first copy; a heading that repeats an earlier heading after body
text ("一、基本情况" in two articles).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import shortened_copy, title_like


def _glued_repeat(title: Line, rest: str) -> int:
    """Length of ``title`` repeated at the start of ``rest`` before a space, or 0."""
    t = title.text.strip()
    if rest.startswith(t) and len(rest) > len(t) and (rest[len(t)].isspace() or rest[len(t)] in "【[—"):
        return len(t)
    return 0


def _shortened_repeat(title: Line, rest: str) -> int:
    """Length of a shortened copy of ``title`` opening ``rest`` before a space, or 0."""
    head = rest.split(None, 1)
    if len(head) == 2 and title_like(head[0]) and shortened_copy(title.key, head[0]):
        return len(head[0])
    return 0


REASON = "duplicate-title"


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    i = 0
    titles: set[str] = set()
    while i < len(lines):
        line = lines[i]
        if not title_like(line.text, 50):
            i += 1
            continue
        titles.add(line.key)
        j = i + 1
        while j < len(lines) and lines[j].key == line.key:
            yield Cut(j)  # (1) repeats
            j += 1
        if j < len(lines):
            # (2) glued repeats, possibly several ("X X 正文…" when markup stood between them)
            pos, rest = 0, lines[j].text
            while n := _glued_repeat(line, rest[pos:]) or _shortened_repeat(line, rest[pos:]):
                yield Cut(j, pos, pos + n)
                pos += n
                pos += len(rest[pos:]) - len(rest[pos:].lstrip())
        i = j
    if len(lines) > 1:
        last = lines[-1]
        earlier = {ln.key for ln in lines[:-1] if title_like(ln.text, 50)}
        if title_like(last.text, 50) and last.key in earlier:
            yield Cut(len(lines) - 1)  # (3) a trailing repeat
