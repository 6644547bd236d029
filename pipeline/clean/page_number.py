"""page-number: page numbers from printed or PDF sources (– 22 –, 1/ 13, 第3页 共8页).

What it removes: a line that is only a page number (- 3 -, — 12 —, 3/13, 第 3 页,
第3页/共8页, Page 3 of 8); and inside a line, a dashed number (– 22 –), a "N/ M" page
count or a bare 1–3 digit number standing between Chinese characters with a space on
one side (诉1 求, 近年 2 来) — the marks a PDF page break leaves in running text.
Why: text copied from paginated sources keeps the page furniture.
Example (seed 004): "…利益诉1 求。" → "1" removed; "– 22 –" at a line end → removed.
Leaves alone: numbers that belong to the sentence: no space ("工作18余年"), a number with
a unit or measure word ("全村 120 户", "3 个"), decimals and years ("2012 年").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.numbering import SECTION_NUMBER
from pipeline.text.shapes import HAN, MEASURE_WORDS

REASON = "page-number"

_DASH = "-–—－‒"
_WHOLE = re.compile(
    rf"^(?:[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}]|\d{{1,4}}\s*/\s*\d{{1,4}}|第\s*\d{{1,4}}\s*页(?:\s*[/,，]?\s*共\s*\d{{1,4}}\s*页)?|"
    r"共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|\d{1,3})$",
    re.I,
)
# measure words and units: a number followed by one of these is content, not a page number
_UNIT = MEASURE_WORDS
# words that make the number after them part of the sentence (第 3, 附件 2, 图 1 …)
_BEFORE = (
    "第",
    "附件",
    "附表",
    "图",
    "表",
    "共",
    "约",
    "近",
    "达",
    "超",
    "前",
    "后",
    "每",
    "序号",
    "编号",
    "号",
)
_INLINE = re.compile(
    rf"(?<=[{HAN}，。、])\s*[{_DASH}]\s*\d{{1,4}}\s*[{_DASH}](?=\s|$)"  # – 22 –
    rf"|(?:^|(?<=[{HAN}]))\s*\d{{1,4}}\s*/\s+\d{{1,4}}(?=\s|$)"  # 1/ 13
    rf"|(?<=[{HAN}])(?:\s\d{{1,3}}\s?|\d{{1,3}}\s)(?=[{HAN}])"  # 诉1 求, 近年 2 来
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        text = line.text
        if _WHOLE.match(text.strip()) and not SECTION_NUMBER.match(text.strip()):
            yield Cut(i)
            continue
        for m in _INLINE.finditer(text):
            after = text[m.end() : m.end() + 1]
            before = text[: m.start()].rstrip()
            if (after and after in _UNIT) or before.endswith(_BEFORE):
                continue
            yield Cut(i, m.start(), m.end())
