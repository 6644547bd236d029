"""What the page shows of a converted input, as plain values for the templates.

The source pane lists the input in reading order: every block the document keeps and
every piece the pipeline removed, struck through and labelled with its reason, each
piece standing exactly where restoring it would put it (:class:`pipeline.edits.Places`),
so what the user clicks is what the correction does.  The outline lists each document's
title, subtitle and headings.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.edits import Places
from pipeline.model import Attachment, Block, DocTree, Heading, Table, block_lines
from pipeline.reasons import BY_NAME

# Chinese names of the reasons (pipeline/reasons.py has the English meanings); a reason
# missing here is shown by its name
REASON_LABELS: dict[str, str] = {
    "replacement-char": "无法解码的字节",
    "noncharacter": "非字符",
    "site-header": "网站页头",
    "sidebar": "侧边栏",
    "comments": "评论区",
    "share-bar": "分享栏",
    "page-tools": "页面工具",
    "login-prompt": "登录提示",
    "advertisement": "广告",
    "tags": "标签",
    "site-search": "站内搜索",
    "pagination": "分页链接",
    "form": "表单控件",
    "summary": "摘要",
    "breadcrumb": "导航路径",
    "site-banner": "网站名称",
    "site-navigation": "导航链接",
    "page-meta": "发布信息",
    "site-footer": "网站页脚",
    "anti-copy": "防复制插字",
    "disclaimer": "免责声明",
    "template-placeholder": "模板占位符",
    "file-name": "文件名",
    "related-links": "相关推荐",
    "download-prompt": "下载提示",
    "html-fragment": "HTML 残片",
    "running-header": "期刊页眉",
    "journal-metadata": "期刊信息",
    "page-number": "页码",
    "repeated-header": "重复页眉",
    "table-of-contents": "目录",
    "inline-ad": "文中广告",
    "truncation-mark": "截断标记",
    "jammer": "干扰字符",
    "collection-title": "合集标题",
    "article-marker": "篇目标记",
    "listing-title": "列表标题",
    "duplicate-title": "重复的标题",
    "injected-title": "插入的无关标题",
    "site-furniture": "网站杂项",
    "site-intro": "网站导语",
    "replaced-title": "被替换的标题",
    "user-removed": "手动删除",
}

KIND_LABELS: dict[str, str] = {
    "paragraph": "正文",
    "heading": "标题",
    "recipients": "主送",
    "salutation": "称谓",
    "byline": "署名行",
    "attachment": "附件",
    "signature": "署名",
    "date": "日期",
    "note": "附注",
    "table": "表格",
}
LEVEL_LABELS = ("正文", "一级标题", "二级标题", "三级标题", "四级标题")  # SetLevel 0–4


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the source pane: a kept block (``block`` ≥ 0) or a removed piece
    (``removal`` ≥ 0) or a document's title (``title``)."""

    kind: str  # "block", "removal" or "title"
    doc: int
    text: str
    line: int = 0
    tail: str = ""  # a run-in heading's body text, printed after ``text`` in body type
    block: int = -1
    removal: int = -1
    label: str = ""  # the block's kind or the removal's reason, in Chinese
    hint: str = ""  # what the reason means (English, from pipeline.reasons)
    level: int = -1  # a heading's level; 0 for a block that may become one; -1 for none
    restorable: bool = True  # a removed piece of only white space has nothing to restore
    can_title: bool = True


@dataclass(frozen=True, slots=True)
class OutlineItem:
    level: int  # 0 for the title
    text: str
    anchor: str


@dataclass(frozen=True, slots=True)
class DocOutline:
    doc: int
    title: str
    subtitle: str
    items: tuple[OutlineItem, ...]


def _block_row(d: int, b: int, block: Block) -> Row:
    text = "\n".join(t for _, t in block_lines((block,)))
    tail = ""
    if isinstance(block, Heading):
        level = block.level
        text, tail = block.number + block.text, block.tail
    elif isinstance(block, Table | Attachment):
        level = -1
    else:
        level = 0
    return Row(
        "block",
        d,
        text,
        line=block.line,
        tail=tail,
        block=b,
        label=KIND_LABELS.get(block.kind, block.kind)
        if not isinstance(block, Heading)
        else LEVEL_LABELS[level],
        level=level,
        can_title=not isinstance(block, Table),
    )


def rows(doc: DocTree) -> list[Row]:
    """The source pane of ``doc``: titles, blocks and removed pieces in reading order."""
    places = Places(doc)
    by_place: dict[tuple[int, int], list[int]] = {}
    for k, r in enumerate(doc.removed):
        by_place.setdefault(places(r.line), []).append(k)

    def removal_rows(d: int, at: int) -> list[Row]:
        out = []
        for k in by_place.get((d, at), ()):
            r = doc.removed[k]
            reason = BY_NAME.get(r.reason)
            out.append(
                Row(
                    "removal",
                    d,
                    r.text,
                    line=r.line,
                    removal=k,
                    label=REASON_LABELS.get(r.reason, r.reason),
                    hint=f"{r.reason}: {reason.meaning}" if reason else r.reason,
                    restorable=bool(r.text.strip()),
                )
            )
        return out

    out: list[Row] = []
    for d, article in enumerate(doc.documents):
        out += removal_rows(d, 0)
        out.append(Row("title", d, article.title or "（无标题）", label="标题"))
        if article.subtitle:
            out.append(Row("title", d, article.subtitle, label="副标题"))
        for b, block in enumerate(article.blocks):
            if b:
                out += removal_rows(d, b)
            out.append(_block_row(d, b, block))
        if article.blocks:
            out += removal_rows(d, len(article.blocks))
    return out


def outline(doc: DocTree) -> list[DocOutline]:
    """Each document's title, subtitle and headings, with the anchors of their rows."""
    result = []
    for d, article in enumerate(doc.documents):
        items = tuple(
            OutlineItem(b.level, b.number + b.text, f"row-{d}-{i}")
            for i, b in enumerate(article.blocks)
            if isinstance(b, Heading)
        )
        result.append(DocOutline(d, article.title or "（无标题）", article.subtitle, items))
    return result


def counts(doc: DocTree) -> dict[str, int]:
    """Figures for the result's summary line."""
    return {
        "documents": len(doc.documents),
        "blocks": sum(len(a.blocks) for a in doc.documents),
        "removed": len(doc.removed),
        "headings": sum(isinstance(b, Heading) for a in doc.documents for b in a.blocks),
    }
