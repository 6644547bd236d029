"""table-of-contents: a 目录 heading and the contents list with its page numbers.

What it removes: a "目录"/"目 录" label (a line of its own, or the last word of a line
after a space) and the lines that follow it made of entries ending in page references —
"一、新时期社会的新特点 (3) 1、社会结构… (3)", "第一章 总则……1".
Why: previews of long documents start with their table of contents; the entries
repeat the headings and carry page numbers.
Example (seed 004): "目录" then "一、新时期社会的新特点 (3) 1、社会结构发生明显变化 (3) …" → removed.
The contents end at their last page reference: text after it on the same line stays.
Leaves alone: a sentence containing 目录 ("编制权力清单目录。"), lists without page references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "table-of-contents"

_LABEL = re.compile(r"^目\s*录[:：]?$")
_TRAILING_LABEL = re.compile(r"\s目\s*录[:：]?$")
_PAGE_REF = re.compile(r"[(（]\s*\d{1,3}\s*[)）]|(?:\.{3,}|…{1,}|·{3,})\s*\d{1,3}(?=\s|$)")
MIN_REFS = 3
_ENTRY = re.compile(r"(?:\.{3,}|…+|·{3,}|-{3,}|\s{2,})\s*\d{1,3}\s*$|[(（]\s*\d{1,3}\s*[)）]\s*$")


def _entries(lines: Sequence[Line], j: int) -> bool:
    """Lines from ``j`` on hold a contents list: three page references on the line, or
    lines of one entry each (第一章 总则……1) for three lines running."""
    if j >= len(lines):
        return False
    if len(_PAGE_REF.findall(lines[j].text)) >= MIN_REFS:
        return True
    run = lines[j : j + MIN_REFS]
    return len(run) == MIN_REFS and all(_ENTRY.search(ln.text) for ln in run)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        text = line.text.strip()
        label = _LABEL.match(text)
        trailing = None if label else _TRAILING_LABEL.search(text)
        if not (label or trailing):
            continue
        if not _entries(lines, i + 1):
            continue  # a 目录 not followed by an actual contents list stays
        yield Cut(i) if label else Cut(i, trailing.start() if trailing else 0)
        j = i + 1
        while j < len(lines) and (
            len(_PAGE_REF.findall(lines[j].text)) >= MIN_REFS or _ENTRY.search(lines[j].text)
        ):
            # the contents end at the last page reference; prose may follow on the line
            last = list(_PAGE_REF.finditer(lines[j].text))[-1]
            yield Cut(j, 0, last.end())
            j += 1
