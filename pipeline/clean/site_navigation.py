"""site-navigation: lines made only of navigation links (上一页, 相关文档, 返回顶部 …).

What it removes: a short line every word of which is a navigation label of a web page
(首页, 上一页/下一页, 返回顶部, 返回列表, 文本预览, 相关主题, 相关文档, 最新文档,
加入收藏, 设为首页, 打印本页, 关闭窗口, 登录/注册 …), words split by spaces or | / ·.
Why: page tabs and link rows survive copy-paste as lines of their own.
Example (seed 004): "相关文档 最新文档", "文本预览" → removed.
Leaves alone: a line with any word that is not a navigation label
("相关文档请见附件", "返回顶部的按钮坏了").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from pipeline.clean.base import Cut
from pipeline.text.lines import Line

REASON = "site-navigation"

NAV_WORDS = frozenset(
    [
        "首页",
        "网站首页",
        "返回首页",
        "主页",
        "上一页",
        "下一页",
        "上一篇",
        "下一篇",
        "尾页",
        "末页",
        "返回顶部",
        "返回列表",
        "返回目录",
        "文本预览",
        "全文预览",
        "在线预览",
        "相关主题",
        "相关文档",
        "最新文档",
        "热门文档",
        "推荐文档",
        "相关搜索",
        "热门搜索",
        "相关标签",
        "加入收藏",
        "收藏本站",
        "设为首页",
        "打印本页",
        "打印",
        "关闭窗口",
        "关闭",
        "登录",
        "注册",
        "退出",
        "会员中心",
        "用户中心",
        "网站导航",
        "网站地图",
        "联系我们",
        "关于我们",
        "意见反馈",
        "投稿",
        "我要投稿",
        "帮助",
        "帮助中心",
        "分享到",
        "更多",
        "展开全文",
        "收起",
        "点击查看",
        "查看更多",
        "阅读全文",
        "全文阅读",
        "免费下载",
        "立即下载",
        "下载文档",
        "收藏",
        "分享",
        "分享到微信",
        "分享到朋友圈",
        "分享到微博",
        "点赞",
        "评论",
        "纠错",
        "网站声明",
        "法律声明",
        "免责声明",
        "版权声明",
        "隐私政策",
        "友情链接",
        "人才招聘",
        "广告服务",
        "合作伙伴",
        "站点地图",
        "投稿须知",
        "使用帮助",
        "意见建议",
        "网站纠错",
        "无障碍",
        "长者模式",
    ]
)
# WeChat, portal, 360doc and player rows
NAV_WORDS |= frozenset(
    [
        "阅读原文",
        "在看",
        "打印此页",
        "打印本文",
        "关闭本页",
        "我要纠错",
        "我要留言",
        "我要评论",
        "发表评论",
        "图片",
        "转藏",
        "全屏",
        "朗读",
        "献花",
        "认证",
        "类似文章",
        "阅读下一篇",
        "听新闻",
        "倍速",
        "播放",
        "暂停",
        "重播",
        "返回",
        "分享至",
        "举报",
        "手机版",
        "电脑版",
        "移动版",
        "网页版",
        "繁体版",
        "简体版",
        "English",
        "进入旧版",
        "进入新版",
        "旧版",
        "TOP",
    ]
)
_SPLIT = re.compile(r"[\s|·/｜、【】\[\]]+")
# tokens that carry no words: pager numbers, counts (献花(0), +1), player times and speeds
_NEUTRAL = re.compile(r"^(\d{1,3}|\+\d{1,3}|\d{1,2}:\d{2}(:\d{2})?|\d(\.\d)?x)$", re.I)
_COUNT = re.compile(r"[(（]\d{1,6}[)）]$")
_HOME = re.compile(r"^返回\S{0,8}首页$")


def find(lines: Sequence[Line]) -> Iterator[Cut]:
    for i, line in enumerate(lines):
        words = [_COUNT.sub("", w) for w in _SPLIT.split(line.text.strip()) if w]
        nav = [w for w in words if w.rstrip(":：") in NAV_WORDS or _HOME.match(w)]
        neutral = [w for w in words if _NEUTRAL.match(w)]
        if len(line.key) > 40 or len(nav) + len(neutral) != len(words):
            continue
        if nav or (len(neutral) >= 2 and all(":" in w for w in neutral)):  # "00:00 / 06:32" (a player)
            yield Cut(i)
