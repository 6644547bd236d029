"""page-meta: article metadata lines (时间/来源/作者/浏览/字数/分享/举报 …).

What it removes: a short line that starts with a metadata label and a colon
(发布时间：, 来源：, 作者：, 浏览次数：, 字数：, 页数：, 编辑：, 点击：) or that holds
two or more such labels; and bare action rows (分享到, 举报, 我要投稿, 字号 大 中 小).
Why: CMS pages print the article's date, source, author and counters above it.
Example: "发布时间：2023-05-12 来源：县委办 浏览：1024次" → removed.
Leaves alone: body sentences that mention 来源 or 作者 ("资金来源：财政拨款，用于…" is
long prose with one label and no counters), headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.lines import Line
from pipeline.rules.base import Cut

REASON = "page-meta"

_LABELS = (
    r"(发布|更新|上传|发表|录入)?(时间|日期)|来源|文章来源|信息来源|稿件来源|作者|编辑|责任编辑|责编|"
    r"浏览(次数|量)?|阅读(次数|量)?|点击(数|量|次数)?|人气|字数|页数|大小|格式|评论(数)?|收藏|分享|举报|"
    r"发布(人|者|单位)|供稿|审核|摄影|字号|下载(次数)?"
)
_START = re.compile(rf"^({_LABELS})[:：]")
_ANY = re.compile(rf"({_LABELS})[:：]")
_ACTIONS = re.compile(r"^(分享到|我要投稿|我要举报|举报|投诉|字号|收藏本文|打印本文)([:：]|$|大中小)")
_COUNTER = re.compile(r"\d+\s*(次|人|字|页|KB|MB|K|M)\b|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}", re.I)
MAX_LEN = 120


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        key = line.key
        if len(key) > MAX_LEN:
            continue
        labels = len(_ANY.findall(key))
        if (
            labels >= 2
            or _ACTIONS.match(key)
            or (_START.match(key) and (len(key) <= 40 or _COUNTER.search(key)))
        ):
            yield Cut(i)
