"""template-placeholder: unfilled template fields of the site (@reply_date@, {$title}).

What it removes: a line holding a template variable that the site's engine never
filled — @name@, {{ name }}, {$name}, [!--name--], $name$ — or a reply-form label
such as "Reply on:".
Why: broken page templates leak their placeholders into the copied text.
Example (seed 002): "Reply on: @reply_date@", "@reply_contents@" → removed.
Leaves alone: e-mail addresses (name@example.com) and prices ($5).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "template-placeholder"

_PLACEHOLDER = re.compile(
    r"(?<![\w.])@[A-Za-z_][\w]*@(?![\w.])|\{\{\s*[\w.]+\s*\}\}|\{\$[\w.]+\}|\[!--[\w.]+--\]|"
    r"(?<![\w$])\$[A-Za-z_]\w*\$(?!\w)|^reply\s+on\s*:|^\[(键入|在此处键入|输入|请输入)[^\]]{0,10}\]$|\{dede:[^}]*\}|\{/dede:\w+\}|\$\{[\w.]+\}",
    re.I,
)
MAX_LEN = 120


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        if len(line.key) <= MAX_LEN and _PLACEHOLDER.search(line.text):
            yield Cut(i)
