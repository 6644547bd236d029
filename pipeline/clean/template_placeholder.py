"""template-placeholder: unfilled template fields of the site (@reply_date@, {$title}).

What it removes: a line holding a template variable that the site's engine never
filled — @name@, {{ name }}, {$name}, [!--name--], $name$, DedeCMS's {dede:…} and its
Chinese labels [标签:标题] — or a reply-form label such as "Reply on:"; in a long line
(the article run on after it) the placeholder alone.  A 文库 site's marker ##paidbegin##
(where the paid part of a preview starts) goes alone wherever it is: the text glued to it
is the article's.
Why: broken page templates leak their placeholders into the copied text.
Example (seed 002): "Reply on: @reply_date@", "@reply_contents@" → removed; (te01 of the
dev corpus) "##paidbegin##选择了同济，…" → "选择了同济，…".
Leaves alone: e-mail addresses (name@example.com), prices ($5), Markdown headings
("## 一、总体要求") and "#" tags ("#两会#").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "template-placeholder"

_PLACEHOLDER = re.compile(
    r"(?<![\w.])@[A-Za-z_][\w]*@(?![\w.])|\{\{\s*[\w.]+\s*\}\}|\{\$[\w.]+\}|\[!--[\w.]+--\]|"
    r"(?<![\w$])\$[A-Za-z_]\w*\$(?!\w)|^reply\s+on\s*:|^\[(键入|在此处键入|输入|请输入)[^\]]{0,10}\]$|\{dede:[^}]*\}|\{/dede:\w+\}|\$\{[\w.]+\}|"
    r"\[标签[:：][^\[\]]{1,10}\]",
    re.I,
)
MAX_LEN = 120
# ##paidbegin##, ##paidend##: ASCII words between double hashes, no space inside
_MARKER = re.compile(r"(?<!#)##[A-Za-z_][A-Za-z_0-9]{2,}##(?!#)")


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        if "##" in line.text and _MARKER.search(line.text):
            for m in _MARKER.finditer(line.text):
                yield Cut(i, m.start(), m.end())
            continue
        if len(line.key) <= MAX_LEN:
            if _PLACEHOLDER.search(line.text):
                yield Cut(i)
        elif "[" in line.text or "{" in line.text or "@" in line.text or "$" in line.text:
            for m in _PLACEHOLDER.finditer(line.text):  # in a long line: the placeholder alone
                if not m.group().lower().startswith("reply"):
                    yield Cut(i, m.start(), m.end())
