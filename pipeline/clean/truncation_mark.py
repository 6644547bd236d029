"""truncation-mark: the marks a site leaves where it cut a text short.

What it removes: "（未完待续）", "（全文完）"-style marks, "（未完，完整内容请下载…）",
"展开全文∨", "点击阅读全文", "还剩N页未读，继续阅读", "以上为部分内容预览", "此处省略N字",
"内容已截断" — a line of their own or at the end of a paragraph.
Why: previews are cut off with a prompt to read on; the prompt is the site's, not the text's.
Example: "…加强党的群众工作。 展开全文" → "展开全文" removed.
Leaves alone: the words in prose ("要把文件精神展开全文学习。" is a sentence: the mark must end
the line and stand apart from the sentence before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "truncation-mark"

_MARK = re.compile(
    r"(?:^|(?<=[。！？!?”…\s]))\s*(?:"
    r"[（(](?:未完待续|全文完|待续|未完)(?:[，,][^）)]{0,30})?[）)]|"
    r"(?:展开|查看|阅读|显示)全文[>》»∨▼↓]*|点击(?:展开|查看|阅读)(?:全文|更多)[>》»∨▼↓]*|"
    r"(?:还剩|剩余)\s*\d+\s*页未读[，,]?\s*(?:继续阅读|点击阅读)?|继续阅读[>》»∨▼↓]*|"
    r"以上(?:为|是|仅为)(?:部分)?(?:内容|文档)?预览[^。]{0,30}|"
    r"[（(]?此处省略\s*\d*\s*字[）)]?|[（(]?内容(?:已|被)?截断[）)]?"
    r")[。！!]?\s*$"
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        m = _MARK.search(line.text)
        if m:
            yield Cut(i, m.start(), m.end())
