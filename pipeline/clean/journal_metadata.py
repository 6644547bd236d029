"""journal-metadata: CLC, document-code and article-number fields of journal papers.

What it removes: runs of 中图分类号/中图法分类号, 文献标识码, 文章编号, DOI and
"CLC number"/"Document code"/"Article ID" fields with their values.
Why: text extracted from journal PDFs carries the library metadata line; it is not prose.
Example (seed 004): "中图分类号:D267 文献标识码:A 文章编号:1671-8089(2012)06-0030-02" → removed.
Leaves alone: keywords and abstracts (关键词：…, 摘要：… are the paper's content).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "journal-metadata"

_FIELD = (
    r"(?:[【\[]\s*)?(?:中图(?:法)?分类号|文献标(?:识|志)码|文章编号|DOI|CLC\s*number|Document\s*code|Article\s*ID)"
    r"\s*(?:[:：]|[】\]])\s*[^\s【\[]+"
)
_RUN = re.compile(rf"{_FIELD}(?:\s+{_FIELD})*", re.I)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        for m in _RUN.finditer(line.text):
            yield Cut(i, m.start(), m.end())
