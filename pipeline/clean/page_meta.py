"""page-meta: article metadata lines (时间/来源/作者/浏览/字数/分享/举报 …).

What it removes: a short line that starts with a metadata label and a colon (发布时间：,
来源：, 作者：, 浏览次数：, 字数：, 编辑：, 审核：, 本文链接：…) or that holds two or more such
labels (a government page's 索引号/发布机构/文号/发文日期 table, a 文库 page's 上传者/格式/页数
row, or a 政府信息公开 catalogue copied without its colons: "索引号 … 主题分类 …") — and
a single labelled row beside such a line; a date-first row with words but no
sentence ("2023-09-12 老街书屋 阅 3526"); a row of page buttons (【字号：大 中 小】【打印】);
a WeChat byline (原创 … 2024-04-16 发表于浙江); reading time and word counts (also a
count glued to a title line whose text stands alone elsewhere: "…述职报告2150字"); share,
follow, comment and forum furniture alone on a line (扫一扫, 点击上方蓝字关注我们, 发表评论,
文明上网理性发言, 本帖最后由 … 编辑, 打开XX日报APP).
Why: CMS pages print the article's date, source, author and counters around it.
Example: "发布时间：2023-05-12 来源：县委办 浏览：1024次" → removed.
Leaves alone: body sentences that open with a label ("时间：2013年6月至9月，调研组深入…。"
ends as a sentence), a bare date line (the 成文日期 under a signature), headings, and an
older document's "主题词：…" right above its 抄送 or 印发 line (a 版记 line of GB/T 9704-1999).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.clean.site_navigation import NAV_WORDS
from pipeline.text.elements import imprint_fields
from pipeline.text.lines import Line
from pipeline.text.shapes import SENTENCE_PUNCT, URL

REASON = "page-meta"

# the fields of a portal's 政府信息公开 catalogue (索引号 … 主题分类 … 发布机构 …)
CATALOGUE_LABELS = (
    "索引号",
    "主题分类",
    "发布机构",
    "发文机关",
    "文号",
    "发文字号",
    "成文日期",
    "发文日期",
    "有效性",
    "公开方式",
    "公开范围",
    "公开时限",
    "体裁分类",
    "组配分类",
    "生成日期",
    "所属机构",
    "服务对象",
)
_LABELS = (
    r"(发布|更新|上传|发表|录入)?(时间|日期)|来源|文章来源|信息来源|稿件来源|作者|编辑|责任编辑|责编|"
    r"浏览(次数|量)?|阅读(次数|量)?|访问(次数|量)|点击(数|量|次数)?|人气|字数|页数|大小|格式|评论(数)?|收藏|分享|举报|"
    r"发布(人|者|单位)|供稿|审核|摄影|字号|下载(次数)?|上传者|贡献者|一审|二审|三审|终审|校对|美编|"
    + "|".join(CATALOGUE_LABELS)
    + r"|主题词|标题|投稿邮箱|联系电话|联系邮箱|本文链接|原文链接|原文地址|文章链接|链接|网址"
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
    r"|^点击(上方|下方|顶部)?(蓝字|关注)|^(长按|识别)(识别)?二维码|^关注(我们|该公众号|本公众号|公众号)|"
    r"^用(手机|微信)扫(描|码)|^在手机上(继续)?(查看|阅读)|^分享至|^(打开|下载)\S{0,12}(APP|app|客户端)|^来自[:：]|"
    r"^文明上网|理性发言|评论服务协议|^(网友|用户)评论仅供|^请(您)?遵守"
)
# a row of bracketed page buttons: 【字号：大 中 小】【打印】【关闭】
_BUTTONS = re.compile(
    r"^([【\[](字体|字号|打印|关闭|收藏|分享|返回顶部|返回|纠错|大|中|小|[:：])+[】\]])+$"
    r"|^(字体|字号)[:：][\[【(（]?[大中小]*[\]】)）]?$"  # "字体:[ ]", "字号：大中小" (key: no spaces)
)
# a date/time first, then labels or buttons: "2024-02-27 09:12:45 来源：县政府办 【打印】"
_DATED = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\d{1,2}:\d{2}(:\d{2})?)?")
_COUNTER = re.compile(r"\d+\s*(次|人|字|页|KB|MB|K|M)\b|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}", re.I)
# a date-first row with words after the date but no sentence: "2023-09-12 老街书屋 阅 3526 转 48"
_DATED_ROW_MAX = 40
# the fields of a portal's 政府信息公开 catalogue, which copies as "label value" pairs
# without their colons: two of them on one line are that catalogue
_CATALOGUE = re.compile(r"(?:^|(?<=\s))(" + "|".join(CATALOGUE_LABELS) + r")(?=[\s:：]|$)")
MAX_LEN = 120
# labels that also open lines of prose ("时间：2013年6月至9月，调研组…。", "格式：要求…。"): alone
# they count only beside another label, a counter or a date-first row
_PROSE_LABEL = re.compile(r"^[（(\[【]?(时间|日期|格式|大小|下载)[:：]")
# a WeChat byline: 原创 + author/account + date (+ 发表于 place)
_WECHAT = re.compile(r"^(原创|转载|翻译)\S{0,30}\d{4}-\d{1,2}-\d{1,2}(\d{1,2}:\d{2})?(发表于\S{1,6})?$")


def _strong(key: str) -> bool:
    """A metadata line by itself (see the module docstring)."""
    labels = len(_ANY.findall(key))
    dated = _DATED.match(key)
    return bool(
        labels >= 2
        or _ACTIONS.match(key)
        or _BUTTONS.match(key)
        or (dated and (labels or "【" in key or "[" in key))
        or (
            dated and dated.end() < len(key) and len(key) <= _DATED_ROW_MAX and not SENTENCE_PUNCT.search(key)
        )
        or _WECHAT.match(key)
        or (
            _START.match(key)
            and not (_PROSE_LABEL.match(key) and key.endswith("。"))
            and (len(key) <= 40 or _COUNTER.search(key) or URL.search(key))
        )
    )


def _labelled_with_nav(text: str) -> bool:
    """ "公开信 时间：2021-08-31 手机版": a short row with a labelled date or counter and a
    page's navigation word (:data:`site_navigation.NAV_WORDS`) — the page's, whatever else
    it names (a section)."""
    key = "".join(text.split())
    if len(key) > _DATED_ROW_MAX or SENTENCE_PUNCT.search(key) or not _ANY.search(key):
        return False
    return bool(_COUNTER.search(key)) and any(w.rstrip(":：") in NAV_WORDS for w in text.split())


def _catalogue(text: str) -> bool:
    """ "索引号 001008/2011-204477 主题分类 综合类": a catalogue's row, its colons lost."""
    return len(_CATALOGUE.findall(text)) >= 2 and not SENTENCE_PUNCT.search(text)


def _imprint_keywords(lines: Sequence[Line], i: int) -> bool:
    """A "主题词：" line of an older document's 版记: a 抄送 or 印发 line within two lines
    after it (GB/T 9704-1999 printed 主题词 above them).  The document's, not the page's."""
    mine = imprint_fields(lines[i].text)
    if mine is None or "keywords" not in mine:
        return False
    after = lines[i + 1 : i + 3]
    return any((f := imprint_fields(ln.text)) is not None and set(f) & {"cc", "print_date"} for ln in after)


# a 范文 site's word count glued to a title line: "镇政府镇长个人述职报告2150字" (tg03)
_WORD_COUNT = re.compile(r"(?<=[^\d\s])\d{3,5}字$")
_TITLE_MIN = 6  # characters of the title the line without its count must end with


def _word_counts(lines: Sequence[Line]) -> Iterator[Cut]:
    """The count after a title line whose text without it stands on a line of its own
    elsewhere on the page (so the count is the site's, not the title's: "心得体会800字")."""
    alone = {ln.key for ln in lines if len(ln.key) <= 40}
    for i, ln in enumerate(lines):
        m = _WORD_COUNT.search(ln.text) if len(ln.key) <= 40 else None
        if m is None:
            continue
        before = "".join(ln.text[: m.start()].split())  # its title, after a marker ("第一篇 …")
        if any(before[k:] in alone for k in range(len(before) - _TITLE_MIN + 1)):
            yield Cut(i, m.start(), m.end())


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    yield from _word_counts(lines)
    strong = [
        len(ln.key) <= MAX_LEN
        and (_strong(ln.key) or _catalogue(ln.text) or _labelled_with_nav(ln.text))
        and not _imprint_keywords(lines, i)
        for i, ln in enumerate(lines)
    ]
    for i, line in enumerate(lines):
        key = line.key
        if strong[i]:
            yield Cut(i)
        elif (
            len(key) <= MAX_LEN
            and _ANY.search(key)
            and not key.endswith("。")
            and ((i and strong[i - 1]) or (i + 1 < len(lines) and strong[i + 1]))
        ):
            yield Cut(i)  # one labelled row of a metadata table ("标　　题：…" beside "文　　号：…")
