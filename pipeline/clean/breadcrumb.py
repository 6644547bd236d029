"""breadcrumb: site navigation trails such as "当前位置:文档之家› 提高…".

What it removes: a line that begins with a location label (当前位置, 您的位置, 你现在的
位置, 您当前所在位置, 所在栏目 …) or that starts at 首页/网站首页/主页 and continues
through separators (› > » >> / | →), when the line is short.
Why: scraped pages prepend the site's navigation trail; it is never part of the article.
Example (seed 004): "当前位置:文档之家› 提高做好新形势下群众工作的能力" → removed.
Leaves alone: body sentences that mention 位置 or 首页 ("把群众放在首页位置…"), long lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "breadcrumb"

# "当前位置:" "您现在的位置是：" "位置：" at the start of the (folded) line
_LABEL = re.compile(r"^(您|你)?(当前|现在|目前)?(所在|的)?(的)?(位置|栏目)(是)?[:：>›»]")
# "首页 > 范文 > 调研报告", "首页 / 政务动态": home link followed by a separator
_HOME = re.compile(r"^(网站首页|首页|主页|home)[>›»/→|]", re.I)
_SEP = re.compile(r"[>›»→/|]")
MAX_LEN = 120


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        key = line.key
        if len(key) > MAX_LEN:
            continue
        label = _LABEL.match(key)
        if label and not label.group(1) and not label.group(2) and not label.group(3) and key.endswith("。"):
            continue  # "位置：位于县城东部…。" describes a place
        if label or (_HOME.match(key) and len(_SEP.findall(key)) >= 1):
            yield Cut(i)
