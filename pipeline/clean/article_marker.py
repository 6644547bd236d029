"""article-marker: the 【篇一】 / 篇二： markers of a compilation page.

What it removes: markers that number the articles of a compilation — 【篇一】, 【第二篇】,
[篇三], "篇四：" or "范文五：" at a line start, "第一篇 " before a title, " 篇1" between a
title and the text glued to it.  When a file holds two or more of them, each marks where
an article begins: the cut splits the line there and the text after it starts a new
article.  A single marker is only removed, and so is "篇1" glued to the end of a title
line (the title before it is the article's it numbers).
Why: 范文 sites bundle several articles under one page title, numbered 篇一, 篇二…
Example (seed 004): "…马上落实。 【篇二】2015年如何做好群众工作心得体会 按照县委…" →
"【篇二】" removed, a new article starts at "2015年…".
Leaves alone: 篇 in prose ("这篇文章", "千篇一律", "第三篇章", "共收录文章12篇。").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.numbering import CN_NUMERALS, cn_value
from pipeline.text.shapes import HAN, title_like

REASON = "article-marker"

_N = f"[{CN_NUMERALS}\\d]{{1,3}}"
MARKER = re.compile(
    rf"[【\[]\s*(?:篇\s*(?P<a>{_N})|第\s*(?P<b>{_N})\s*篇|范文\s*(?P<c>{_N}))\s*[】\]]"
    rf"|(?:^|(?<=\s))(?:篇|范文)\s*(?P<d>{_N})\s*[:：]|^\s*第\s*(?P<g>{_N})\s*篇\s*[:：]"
    rf"|^\s*(?:篇\s*(?P<e>{_N})|第\s*(?P<f>{_N})\s*篇)\s*$"  # a marker alone on its line
    rf"|^\s*第\s*(?P<h>{_N})\s*篇(?=\s+\S)"  # "第一篇 镇政府镇长个人述职报告"
    rf"|(?<=\s)篇\s*(?P<i>\d{{1,2}})(?=[{HAN}])"  # "工作方案 篇1为深入推进…": before its text
)
# "镇长2023工作总结篇1": a marker glued to the end of the article's title line; only
# removed (the title before it belongs to the article it numbers, not to the one before)
END_MARKER = re.compile(r"(?<=[^\s\d])篇\s*(?P<n>\d{1,2})\s*$")
END_LINE_MAX = 40


def _value(m: re.Match[str]) -> int:
    n = next(g for g in m.groups() if g)
    return int(n) if n.isdigit() else cn_value(n)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        end = END_MARKER.search(line.text) if len(line.key) <= END_LINE_MAX else None
        if end is not None and title_like(line.text[: end.start()].strip()):
            yield Cut(i, end.start(), end.end())
    hits = [(i, m, _value(m)) for i, line in enumerate(lines) for m in MARKER.finditer(line.text)]
    # a run 篇一, 篇二, … numbers the articles of a compilation: each marker of a run of
    # two or more starts an article; a lone 【篇一】 under a single article is only removed
    runs: list[list[tuple[int, re.Match[str], int]]] = []
    for hit in hits:
        if runs and hit[2] == runs[-1][-1][2] + 1:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    for run in runs:
        for i, m, _ in run:
            yield Cut(i, m.start(), m.end(), split=len(run) >= 2)
