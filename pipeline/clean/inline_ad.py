"""inline-ad: a site's advertisement sentence glued to the end of a paragraph.

What it removes: a final stretch after the paragraph's last full stop that names the
page's own content as an excerpt or sample and ends with "!" — "…调研报告范文节选!",
"以上就是小编…的全部内容", "更多…请关注/访问本站", "本文由…整理发布".
Why: 范文 sites stamp their own name for the piece into the text.
Example (seed 002): "…提高了党政工作的效率和群众满意度。党的群众路线教育实践活动调研报告范文节选!" →
"党的群众路线教育实践活动调研报告范文节选!" removed.
Leaves alone: sentences of the article that end with "！", and the word 范文 in prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "inline-ad"

_AD = re.compile(
    r"(?:(?<=[。！？!?”])|^)[^。！？!?”]{0,60}?(?:"
    r"(?:范文|文章|全文|资料)(?:节选|精选|摘录|欣赏)[!！。]?"
    r"|更多[^。！？!?]{0,30}(?:请|敬请)(?:关注|访问|登录|点击)[^。！？!?]{0,30}[!！。]?"
    r"|以上(?:就是|是)(?:小编|本站|本网|本文)[^。！？!?]{0,40}(?:全部内容|相关内容|内容分享)[^。！？!?]{0,20}[!！。]?"
    r"|本文(?:由|来自)[^。！？!?]{0,30}(?:整理|发布|收集|提供)[^。！？!?]{0,20}[!！。]?"
    r")\s*$"
)


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        m = _AD.search(line.text)
        if m and m.end() - m.start() < len(line.text):  # an ad alone on a line is a line of its own
            yield Cut(i, m.start(), m.end())
        elif m:
            yield Cut(i)
