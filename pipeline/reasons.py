"""Every ``reason`` the pipeline can give for removing text, in one registry.

A :class:`~pipeline.model.Removal` names why a piece of input left the document.  The
names are a vocabulary shared by the stages (the HTML path of decode, the cleaning
rules, structure), by ``gongwen rules`` and ``gongwen explain``, and by whoever reads
the doc-tree's ``removed`` list, so they live here and nowhere else: a stage that
emits a name missing from :data:`REASONS` fails the tests (``tests/test_reasons.py``).

One name may be given by more than one stage when it means the same thing to the
reader — a site footer is ``site-footer`` whether the HTML structure or a text rule
found it.  Each cleaning rule module is named after its reason and starts its
docstring with ``"<name>: <meaning>"`` (checked by the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stage = Literal["decode", "clean", "structure", "edit"]  # "edit": a user's correction (pipeline.edits)


@dataclass(frozen=True, slots=True)
class Reason:
    name: str
    stages: tuple[Stage, ...]  # the stages that emit it, in pipeline order
    meaning: str  # one line, for `gongwen rules`
    # what it removes is a copy of a title: the text after it may open an article
    title: bool = False


REASONS: tuple[Reason, ...] = (
    # ---- decode: bytes and the HTML page
    Reason("replacement-char", ("decode",), "undecodable bytes (U+FFFD) dropped at the input boundary."),
    Reason("noncharacter", ("decode",), "U+FFFE/U+FFFF noncharacters, which no document format may hold."),
    Reason("site-header", ("decode",), "a page's header above the article (logo, top links, search)."),
    Reason("sidebar", ("decode",), "a page's sidebar and widgets beside the article."),
    Reason("comments", ("decode",), "the comment section of a page."),
    Reason("share-bar", ("decode", "clean"), "share buttons and their labels (分享到 微信 微博 …)."),
    Reason("page-tools", ("decode",), "print, font-size and other page tools."),
    Reason("login-prompt", ("decode",), "login and registration boxes of a page."),
    Reason("advertisement", ("decode",), "advertisements placed in a page."),
    Reason("tags", ("decode",), "a page's tag or keyword list."),
    Reason("site-search", ("decode",), "a page's search box."),
    Reason("pagination", ("decode",), "page links of a page split in several (上一页 1 2 3 下一页)."),
    Reason("form", ("decode",), "form controls of a page (buttons, inputs, selects)."),
    Reason("summary", ("decode",), "a page's labelled or cut-off copy of the article's opening (摘要：…)."),
    # ---- decode: the readers of Word, PDF and Markdown files
    Reason(
        "page-header",
        ("decode",),
        "the running header of a Word or PDF file's pages (a repeated title, an organ).",
    ),
    Reason(
        "page-footer", ("decode",), "the footer of a Word or PDF file's pages (page numbers, 第N页 共M页)."
    ),
    Reason(
        "front-matter",
        ("decode",),
        "fields of a Markdown draft's front matter that are not document metadata.",
    ),
    # ---- clean: the text rules, in the order they run (pipeline.clean.RULES)
    Reason(
        "assistant-chatter",
        ("clean",),
        "a chat assistant's words around the draft it wrote (好的，以下是…；希望对您有帮助).",
    ),
    Reason("breadcrumb", ("decode", "clean"), 'site navigation trails such as "当前位置:文档之家› 提高…".'),
    Reason(
        "site-banner", ("clean", "structure"), "the site's name, as a banner line or glued to the page title."
    ),
    Reason(
        "site-navigation",
        ("decode", "clean"),
        "lines made only of navigation links (上一页, 相关文档, 返回顶部 …).",
    ),
    Reason(
        "page-meta",
        ("decode", "clean", "structure"),
        "article metadata lines (时间/来源/作者/浏览/字数/分享/举报 …).",
    ),
    Reason(
        "site-footer",
        ("decode", "clean"),
        "footers and banners of the site (欢迎光临, Powered by, Copyright, ICP).",
    ),
    Reason("anti-copy", ("clean",), "a site's name or address glued into the middle of a paragraph."),
    Reason("disclaimer", ("clean",), "the site's legal notices (声明：登载此文出于传递更多信息之目的 …)."),
    Reason(
        "template-placeholder", ("clean",), "unfilled template fields of the site (@reply_date@, {$title})."
    ),
    Reason(
        "file-name", ("clean", "structure"), 'a document\'s file name copied along with it ("…述职报告.doc").'
    ),
    Reason(
        "related-links",
        ("decode", "clean"),
        '"相关推荐" and similar headers with the list of links after them.',
    ),
    Reason(
        "download-prompt",
        ("decode", "clean"),
        "the site's download and login prompts (【下载本文档…】, 登录后下载).",
    ),
    Reason(
        "html-fragment", ("clean",), "bits of HTML markup left in the text (style= align=>, <p>, <!-- -->)."
    ),
    Reason(
        "running-header",
        ("clean",),
        "journal running headers from PDF text (刊名 2012年第11卷第6期 English Name).",
    ),
    Reason("journal-metadata", ("clean",), "CLC, document-code and article-number fields of journal papers."),
    Reason(
        "page-number",
        ("decode", "clean", "structure"),
        "page numbers from printed or PDF sources (– 22 –, 1/ 13, 第3页 共8页).",
    ),
    Reason(
        "repeated-header", ("clean",), "a short line repeated at every page break (精品文档, a page header)."
    ),
    Reason("table-of-contents", ("clean",), "a 目录 heading and the contents list with its page numbers."),
    Reason("inline-ad", ("clean",), "a site's advertisement sentence glued to the end of a paragraph."),
    Reason("truncation-mark", ("clean",), "the marks a site leaves where it cut a text short."),
    Reason("jammer", ("clean",), "anti-copy strings a site scatters through its text (群众工作4fK7q2是…)."),
    Reason(
        "collection-title",
        ("clean", "structure"),
        "the page title of a compilation of several articles.",
        title=True,
    ),
    Reason("article-marker", ("clean",), "the 【篇一】 / 篇二： markers of a compilation page."),
    Reason(
        "listing-title",
        ("clean", "structure"),
        "the site's title line for a preview whose own title differs.",
        title=True,
    ),
    Reason("duplicate-content", ("clean",), "the article's text printed a second time, line for line."),
    Reason(
        "duplicate-title",
        ("clean", "structure"),
        "a title printed again (site header, page title, preview heading).",
        title=True,
    ),
    Reason(
        "injected-title",
        ("clean",),
        "an unrelated article title the site slipped between a heading and its body.",
    ),
    # ---- the judge (pipeline/clean/judge.py): lines decided from evidence, not wording
    Reason(
        "site-furniture",
        ("clean",),
        "a line that reads as site furniture, not article text (judged from evidence).",
    ),
    Reason(
        "site-intro",
        ("clean",),
        "a site's introduction to the text it offers (下面是小编为大家整理的…，供大家参考).",
    ),
    # ---- structure
    Reason(
        "replaced-title", ("structure",), "the input's own title, replaced by the one given with --title."
    ),
    Reason(
        "number-brackets",
        ("structure",),
        "the brackets around a 发文字号 printed after the title; the number goes to the 版头.",
    ),
    Reason(
        "speaker-colon",
        ("structure",),
        'the colon after a speaker put before a speech\'s title ("县长张三：在…上的讲话"); the speaker becomes its byline.',
    ),
    Reason(
        "table-markup",
        ("structure",),
        "the cell separators of a table typed as text (| and ---|--- rules); its cells are kept.",
    ),
    # ---- edit: corrections a user makes on top of the pipeline's tree (pipeline/edits.py)
    Reason("user-removed", ("edit",), "a block the user removed by hand (gongwen serve)."),
)

BY_NAME: dict[str, Reason] = {r.name: r for r in REASONS}
TITLE_REASONS: frozenset[str] = frozenset(r.name for r in REASONS if r.title)


def is_registered(name: str) -> bool:
    """Whether ``name`` is a reason of the registry.

    >>> is_registered("breadcrumb"), is_registered("made-up")
    (True, False)
    """
    return name in BY_NAME
