"""running-header: journal running headers from PDF text (刊名 2012年第11卷第6期 English Name).

What it removes: a journal's running header — an optional short journal name, the
issue "YYYY年第N卷第N期" (or "YYYY年第N期", "Vol. N No. N"), and an optional English
journal name in capitalised words — standing at a line start or between spaces.
Why: text extracted from journal PDFs repeats the page header on every page.
Example (seed 004): "现代物业?新建设 2012年第11卷第6期现代建设 Modern Construction" → removed.
Leaves alone: dates in sentences ("2012年第6期《求是》发表了…" runs on into prose without
the header's shape: it has no space before the following sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "running-header"

_ISSUE = (
    r"\d{4}\s*年\s*第\s*\d+\s*卷\s*第\s*\d+\s*期"  # 2012年第11卷第6期
    r"|第\s*\d+\s*卷\s*第\s*\d+\s*期\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s+[^\s。，,]{2,14})?"  # 第35卷第2期 2021年4月 刊名
    r"|Vol\.?\s*\d+\s*,?\s*No\.?\s*\d+"
    r"|\d{4}\s*年\s*第\s*\d+\s*期(?=[^\s。，,]{0,12}\s+[A-Z][A-Za-z&]+\s+[A-Z])"  # 2012年第6期 … Modern Construction
)
# a journal name (or 总第N期) before a bare "YYYY年第N期", nothing glued after it
_NAMED = re.compile(
    r"(?:^|(?<=\s))(?:总第\s*\d+\s*期|[^\s。，,\d]{2,14})\s+\d{4}\s*年\s*第\s*\d+\s*期(?=\s|$)"
)
_HEADER = re.compile(
    rf"(?:^|(?<=\s))(?:[^\s。，,]{{2,14}}\s+)?(?:{_ISSUE})[^\s。，,]{{0,12}}"
    r"(?:\s+[A-Z][A-Za-z&]+(?:\s+[A-Z][A-Za-z&]+){0,5})?(?=\s|$)"
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        if "期" in line.text or "Vol" in line.text:
            for m in _HEADER.finditer(line.text):
                yield Cut(i, m.start(), m.end())
            for m in _NAMED.finditer(line.text):
                yield Cut(i, m.start(), m.end())
