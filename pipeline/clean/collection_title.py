"""collection-title: the page title of a compilation of several articles.

What it removes: a title line followed by a text that holds two or more article
markers (【篇一】 【篇二】, 篇一： 篇二： …) — the first right after the title or its
repeat — and the copy of that title glued before the first marker.
The articles inside have titles of their own; the compilation's name is the site's.
Why: "…心得体会（精选5篇）" pages list several articles under one site title.
Example (seed 004): "如何做好群众工作感悟体会(最新)" + "如何做好群众工作感悟体会(最新)【篇一】2015年…"
→ both copies of the compilation title removed.
Leaves alone: a title followed by one article (a single 【篇一】 does not make a collection).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean.article_marker import MARKER
from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import title_like

REASON = "collection-title"


WINDOW = 400  # lines after the title in which the collection's markers must stand


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    # markers counted once, summed by prefix: a scan per title would be quadratic in big files
    before_line = [0]
    for ln in lines:
        before_line.append(before_line[-1] + len(MARKER.findall(ln.text)))
    for i, line in enumerate(lines):
        if not title_like(line.text, 50):
            continue
        j = i + 1
        while j < len(lines) and lines[j].key == line.key:
            j += 1  # repeats of the compilation title
        if j >= len(lines):
            continue
        nxt = lines[j]
        first = MARKER.search(nxt.text)
        if first is None:
            continue
        before = nxt.text[: first.start()].replace(" ", "")
        if before not in ("", line.text.replace(" ", "")):
            continue  # the marker does not follow the title: not this title's collection
        if before_line[min(j + WINDOW, len(lines))] - before_line[j] < 2:
            continue
        yield from (Cut(k) for k in range(i, j))
        if before:
            yield Cut(j, 0, first.start())
