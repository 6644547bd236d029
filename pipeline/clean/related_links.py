"""related-links: "相关推荐" and similar headers with the list of links after them.

What it removes: a short header line (相关推荐, 相关文章, 相关阅读, 推荐阅读, 延伸阅读,
猜你喜欢, 热门推荐, 往期回顾, 相关范文, 更多精彩 …, optionally with a colon) and every
list-like line after it: short lines with no sentence punctuation, "[作者] 标题" lines,
numbered link lines; the list ends at the first line of prose.  Also single
"上一篇：…"/"下一篇：…" link lines, and a header with its one link after the colon
("推荐阅读：…专项整治电动车违法行为").
Why: pages list other articles after the text; copied, they read as stray titles.
Example (seed 003): "相关推荐" then "[包焕平] 试论临床检验中应用化学发光免疫技术" … → removed,
one entry per line.
Leaves alone: a body sentence that starts with 相关 ("相关部门要…。", "相关链接：详见附件。"),
and prose after the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line
from pipeline.text.shapes import ends_sentence

REASON = "related-links"

_WORDS = (
    r"((相关|推荐|延伸|热门|精彩|最新|更多|往期|猜你|大家都在|您可能|你可能|本文)"
    r"(推荐|文章|阅读|范文|文档|内容|链接|资料|回顾|喜欢|看|感兴趣|还看了|也喜欢|相关|新闻|报道|专题|资讯|精彩|的)+"
    r"|(看了|读了|阅读了)(本文|该文档|这篇文章)的(人|用户)还(看了|阅读了|喜欢)(这些)?(文章|文档)?"
    r"|更多精彩|精彩推荐|相关(附件|解读|链接|下载))(文章|阅读|推荐|范文|内容)?"
)
_HEADER = re.compile(rf"^{_WORDS}[:：]?$")
# the header with its one link on the same line: "推荐阅读：某某交警：8月1日起专项整治…"
_HEADER_WITH_ITEM = re.compile(rf"^{_WORDS}[:：]\s*(?P<item>\S.*)$")
_PREV_NEXT = re.compile(r"^(上一篇|下一篇|上一页|下一页)[:：]")
_AUTHOR_ITEM = re.compile(r"^[\[【][^\]】]{1,20}[\]】]")
MAX_ITEM = 60


def _list_item(key: str) -> bool:
    if _AUTHOR_ITEM.match(key):
        return len(key) <= MAX_ITEM + 20
    return len(key) <= MAX_ITEM and not ends_sentence(key) and "。" not in key


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    i = 0
    while i < len(lines):
        key = lines[i].key
        inline = _HEADER_WITH_ITEM.match(key)
        if (_PREV_NEXT.match(key) and len(key) <= 80) or (inline and _list_item(inline["item"])):
            yield Cut(i)
        elif _HEADER.match(key) and len(key) <= 20:
            yield Cut(i)
            j = i + 1
            while j < len(lines) and _list_item(lines[j].key):
                yield Cut(j)
                j += 1
            i = j
            continue
        i += 1
