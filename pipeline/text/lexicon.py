"""The vocabulary of web furniture, by kind: one lexicon, as data (issue 14).

Words that sites print around an article — download and login prompts, page metadata,
share buttons, navigation, legal notices, the "小编整理" introductions of 范文 sites.
None names a site: they are the genre's words, the same on any site.  A word here is
*evidence*, never a verdict: "下载" in a sentence about a government app is prose, so the
judge (:mod:`pipeline.clean.judge`) weighs these hits against how much a line reads like
prose and where it stands.

Each kind maps to the ``reason`` a line removed mainly for that kind of word reports
(registered in :mod:`pipeline.reasons`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    reason: str  # what a line removed mainly for these words is reported as
    words: tuple[str, ...]


KINDS: tuple[Kind, ...] = (
    Kind(
        "download",
        "download-prompt",
        (
            "下载",
            "下载券",
            "积分",
            "金币",
            "立即下载",
            "免费下载",
            "付费",
            "购买",
            "开通",
            "会员",
            "vip",
            "试读",
            "预览",
            "全文",
            "未读",
            "还剩",
            "继续阅读",
            "展开全文",
            "阅读全文",
            "查看全文",
            "获取全文",
            "复制",
            "登录",
            "登陆",
            "注册",
            "充值",
            "定制",
            "代笔",
            "代写",
        ),
    ),
    Kind(
        "meta",
        "page-meta",
        (
            "来源",
            "作者",
            "编辑",
            "责编",
            "责任编辑",
            "发布",
            "发布时间",
            "发表",
            "发表于",
            "更新",
            "浏览",
            "阅读",
            "阅读量",
            "点击",
            "人气",
            "字数",
            "页数",
            "大小",
            "格式",
            "上传",
            "上传人",
            "上传时间",
            "贡献者",
            "卖家",
            "文档编号",
            "热度",
            "下载次数",
            "关键词",
            "关 键 词",
            "标签",
            "tag",
            "简介",
            "资源描述",
            "文档简介",
            "摘要",
            "网友",
            "原创",
        ),
    ),
    Kind(
        "social",
        "share-bar",
        (
            "分享",
            "收藏",
            "点赞",
            "在看",
            "关注",
            "扫码",
            "扫一扫",
            "二维码",
            "公众号",
            "转发",
            "评论",
            "回复",
            "举报",
            "投诉",
            "侵权",
            "申诉",
            "打赏",
            "海报",
            "书签",
            "纠错",
            "投稿",
        ),
    ),
    Kind(
        "nav",
        "site-navigation",
        (
            "首页",
            "主页",
            "上一篇",
            "下一篇",
            "上一页",
            "下一页",
            "返回",
            "返回顶部",
            "栏目",
            "频道",
            "更多",
            "相关",
            "推荐",
            "热门",
            "排行",
            "目录",
            "导航",
            "当前位置",
            "您的位置",
            "打印",
            "关闭窗口",
            "网站地图",
            "联系我们",
            "关于我们",
        ),
    ),
    Kind(
        "legal",
        "disclaimer",
        (
            "版权",
            "版权所有",
            "声明",
            "免责",
            "copyright",
            "all rights reserved",
            "备案",
            "icp",
            "许可证",
            "转载",
            "未经",
            "授权",
            "禁止",
            "仅供",
            "参考",
            "学习交流",
            "删除",
            "联系",
            "信息存储空间",
            "本站",
            "本网",
            "网站",
        ),
    ),
    Kind(
        "intro",
        "site-intro",
        (
            "小编",
            "为大家",
            "给大家",
            "供大家",
            "供您",
            "以下是",
            "下面是",
            "下面就是",
            "精选",
            "范文",
            "范例",
            "希望对",
            "有所帮助",
            "欢迎阅读",
            "仅供参考",
            "一起来看看",
            "一起看看",
            "为您带来",
            "为大家带来",
            "相信一定会对",
            "整理的",
            "收集的",
            "整理分享",
            "相关范文",
            "篇范文",
        ),
    ),
)

BY_KIND: dict[str, Kind] = {k.name: k for k in KINDS}

# Traditional forms of the lexicon's characters: a 繁體 page's "下載本文檔" is the same
# prompt as "下载本文档" (only the characters the words above use; matching only)
_TRADITIONAL = str.maketrans(
    "載費檔閱讀頁剩餘繼續關註冊錄購買開試預覽復製權聲網轉發時間來編輯責瀏點擊標籤簡資訊評論說擊"
    "舉報訴訟藏掃碼號導覽熱門推薦頂層頁頭歡迎禁僅參謝權與員會賬戶彈窗僅傳",
    "载费档阅读页剩余继续关注册录购买开试预览复制权声网转发时间来编辑责浏点击标签简资讯评论说击"
    "举报诉讼藏扫码号导览热门推荐顶层页头欢迎禁仅参谢权与员会账户弹窗仅传",
)


def simplified(key: str) -> str:
    """``key`` with the lexicon's Traditional characters in their Simplified form.

    >>> simplified("下載本文檔")
    '下载本文档'
    """
    return key.translate(_TRADITIONAL)


# one pattern per kind, longest words first so "责任编辑" is one hit, not 编辑 + …
_PATTERNS: dict[str, re.Pattern[str]] = {
    k.name: re.compile("|".join(re.escape(w) for w in sorted(k.words, key=len, reverse=True)), re.I)
    for k in KINDS
}


def hits(key: str) -> dict[str, int]:
    """How many words of each kind a line holds (on its folded form).

    >>> hits("VIP专免 立即下载")["download"], hits("下面是小编为大家整理的范文，供大家参考")["intro"]
    (2, 6)
    """
    key = simplified(key)
    return {name: len(p.findall(key)) for name, p in _PATTERNS.items()}


# a line that opens with a page-metadata label: "来源 | …", "图片来源：…", "原创： …"
_META_WORDS = next(k.words for k in KINDS if k.name == "meta")
META_LABEL = re.compile(
    "^(?:图片|图文|视频)?(?:"
    + "|".join(re.escape(w) for w in sorted(_META_WORDS, key=len, reverse=True))
    + r")\s*[:：|｜]",
    re.I,
)


def meta_labelled(text: str) -> bool:
    """A line that opens with a page-metadata label and its colon or bar.

    >>> meta_labelled("图片来源：城市轨道交通2023年度统计和分析报告"), meta_labelled("来源 | 综合抖音黑板报")
    (True, True)
    >>> meta_labelled("城市有轨电车之困：一边争相上马"), meta_labelled("发展来源于改革")
    (False, False)
    """
    return bool(META_LABEL.match(simplified(text.strip())))


# ---------------------------------------------------------------- furniture around a title
# What sites wrap an article's title in: a label before it, their name or section after a
# bar, the count of pieces of a compilation, a file extension, a page number (issue 14).
TITLE_PREFIXES = ("原标题", "标题", "题目", "文章标题", "正文", "正文复制", "类型")
# a compilation, not an article: "（精选8篇）", "【推荐5篇】", "范文2篇", "合集", "汇编", "大全"
COLLECTION = re.compile(
    r"[（(【\[]?(?:专业|精选|通用|推荐|优秀|热门|最新|实用)?\s*[0-9一二三四五六七八九十两]+\s*篇[)）】\]]?"
    r"|合集|汇编|大全|范文\s*[0-9一二三四五六七八九十两]+\s*篇|(?:收集|汇总|精选)$"
)
# after the title, set apart by a bar, underscore or spaced dash: the site or the section
TITLE_SUFFIX = re.compile(
    r"(?:\s*[|｜_]\s*|\s+[-–—]+\s+)[^|｜_]{1,24}$"  # "标题|栏目", "标题_站名", "标题 - 站名"
    r"|_第\s*\d+\s*[页頁]$"  # "标题_第1页" (a 文库 page header)
    r"|\.(?:docx?|pdf|wps|txt|pptx?)$"  # a file name
    r"|\s*(?:范文|范例|模板|样本)?\s*篇[一二三四五六七八九十\d]+$"  # "…述职报告范文 篇一"
    r"|\s*[(（]?(?:VIP|vip|会员|精选|推荐|最新|范文)[)）]?$",
)
