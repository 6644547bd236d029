"""download-prompt: the site's download and login prompts (【下载本文档…】, 登录后下载).

What it removes: a bracketed prompt 【…下载…】 / 【…登录…】 / 【…复制…】 wherever it
stands in a line (often glued before the article), and whole short lines that only
ask the reader to download, log in or pay (点击下载, 下载本文档, 登录后可复制全文,
本文档下载地址, VIP免费下载 …).
Why: document sites wrap previews in calls to download the file.
Example (seed 004): "【下载本文档,可以自由复制内容或自由编辑修改内容,更多精彩文章,期待你的好评和
关注,我将一如既往为您服务】 新形势下…" → the bracketed prompt is cut, the rest kept.
Leaves alone: body sentences about downloading ("群众可下载政务APP办理业务。") and
brackets that hold no prompt (【案例】).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "download-prompt"

_BRACKETED = re.compile(
    r"[【\[]([^】\]]{0,120}?)(下载本|下载此|下载文档|下载全文|点击下载|免费下载|登录后|登陆后|自由复制|复制内容|付费|会员|VIP)"
    r"([^】\]]{0,120}?)[】\]]",
    re.I,
)
_LINE = re.compile(
    r"^(点击|立即|免费|马上|直接)(下载|登录|登陆)|^(下载|登录|登陆)(本文|本文档|文档|全文|地址|此文|完整版)|"
    r"(金币|下载券|积分)\s*[:：]?\s*\d*\s*(立即|免费)?下载|"
    r"(下载|复制|查看)(完整|全文|全部)(内容|文档|版)?|(登录|登陆|注册)后(可|才能|即可)?(下载|复制|查看|阅读)|"
    r"^(本文档|文档)下载|VIP(免费|专享)?下载|下载(券|积分|币)|下载高清|无水印|预览与源文档一致|"
    r"根据预览(情况)?[^。]{0,6}下载",
    re.I,
)
MAX_LINE = 60
_ITEM = re.compile(r"^\d{1,2}[.、．]\s*")


def _prose(key: str) -> bool:
    """A sentence about downloading ("群众可登录政务APP后查看办理进度。") is content: it has a
    subject before the prompt words and ends like a sentence."""
    key = _ITEM.sub("", key)  # "4. 请根据预览情况…": an item of the site's terms
    return key.endswith("。") and not key.startswith(
        ("点击", "立即", "免费", "下载", "登录", "登陆", "本文", "（", "(", "请根据预览")
    )


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        if len(line.key) <= MAX_LINE and _LINE.search(line.key) and not _prose(line.key):
            yield Cut(i)
            continue
        for m in _BRACKETED.finditer(line.text):
            yield Cut(i, m.start(), m.end())
