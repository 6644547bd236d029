"""page-meta: article metadata lines (时间/来源/作者/浏览/字数/分享/举报 …).

What it removes: a short line that starts with a metadata label and a colon
(发布时间：, 来源：, 作者：, 浏览次数：, 字数：, 页数：, 编辑：, 点击：) or that holds
two or more such labels; and bare action rows (分享到, 举报, 我要投稿, 字号 大 中 小).
Why: CMS pages print the article's date, source, author and counters above it.
Also a row of page buttons (【字号：大 中 小】【打印】【关闭】), a date-first meta row, reading
time and word counts (本文共3012字，预计阅读时间8分钟), and share, comment and forum furniture alone on a line (扫一扫, 发表评论, 已有3条评论,
本帖最后由 … 编辑, 只看该作者).
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
_START = re.compile(rf"^[（(\[【]?({_LABELS})[:：]")  # "（责任编辑：张三）" too
_ANY = re.compile(rf"({_LABELS})[:：]")
# share/comment/forum furniture that stands alone on a line
_ACTIONS = re.compile(
    r"^(分享到|我要投稿|我要举报|举报|投诉|字号|收藏本文|打印本文|发表评论|我要评论|网友评论|查看评论|"
    r"扫一扫|微信扫一扫|扫码|长按识别|只看该作者|倒序浏览|阅读模式|楼主|沙发|板凳|地板|点赞|在看)"
    r"([:：]|$|大中小|分享|关注|二维码)"
    r"|^(已有|共有)?\d+(条|人)(评论|参与|回复)|^评论[(（]\d+[)）]$|^本帖最后由.{1,40}编辑$|^发表于\d{4}-\d{1,2}-\d{1,2}"
    r"|^(微信)?(扫一扫|扫码|扫描二维码)|^本文(共|约|字数)?[:：]?约?\d+字|^(预计)?阅读(时间|需要|约需)?[:：]?约?\d+分钟"
)
# a row of bracketed page buttons: 【字号：大 中 小】【打印】【关闭】
_BUTTONS = re.compile(r"^([【\[](字体|字号|打印|关闭|收藏|分享|返回顶部|返回|纠错|大|中|小|[:：])+[】\]])+$")
# a date/time first, then labels or buttons: "2024-02-27 09:12:45 来源：县政府办 【打印】"
_DATED = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\d{1,2}:\d{2}(:\d{2})?)?")
_COUNTER = re.compile(r"\d+\s*(次|人|字|页|KB|MB|K|M)\b|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}", re.I)
MAX_LEN = 120
# labels that also open lines of prose ("时间：2013年6月至9月，调研组…。", "格式：要求…。"): alone
# they count only beside another label, a counter or a date-first row
_PROSE_LABEL = re.compile(r"^[（(\[【]?(时间|日期|格式|大小|下载)[:：]")
# a WeChat byline: 原创 + author/account + date (+ 发表于 place)
_WECHAT = re.compile(r"^(原创|转载|翻译)\S{0,30}\d{4}-\d{1,2}-\d{1,2}(\d{1,2}:\d{2})?(发表于\S{1,6})?$")


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        key = line.key
        if len(key) > MAX_LEN:
            continue
        labels = len(_ANY.findall(key))
        dated = _DATED.match(key)
        if (
            labels >= 2
            or _ACTIONS.match(key)
            or _BUTTONS.match(key)
            or (dated and (labels or "【" in key or "[" in key))
            or _WECHAT.match(key)
            or (
                _START.match(key)
                and not (_PROSE_LABEL.match(key) and key.endswith("。"))
                and (len(key) <= 40 or _COUNTER.search(key))
            )
        ):
            yield Cut(i)
