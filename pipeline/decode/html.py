"""html: a saved web page → its visible text as lines, the page chrome removed and recorded.

Called by :mod:`pipeline.decode` for ``.html``/``.htm`` inputs and bytes that start like
a page.  :func:`extract` returns a :class:`Page`: the visible text, one block element
per line with a blank line between blocks (``<br>`` is a plain line break), what was
removed as page chrome (one :class:`~pipeline.model.Removal` per visible line, with a
reason), and a title candidate (the first kept ``<h1>``, else the ``<title>``).

Parsing uses beautifulsoup4 with the standard library's ``html.parser``.  It survives
broken markup that other parsers do not: a stray ``</html>`` or ``</body>`` before the
article keeps the article (lxml.html drops everything after it), because the text after
it is still in the tree and the walk starts at the document root, not at ``<body>``.

**Visible text only.**  ``script``, ``style``, ``noscript``, ``template``, ``head`` and
other non-rendered elements, and elements hidden by ``hidden``, ``aria-hidden="true"``
or an inline ``display:none``/``visibility:hidden``, contribute nothing.  They are not
recorded: nobody sees them, so they are not part of the text to account for.

**Page chrome** is decided by structure, never by a site's strings, in four rules:

A. *Chrome elements*: ``nav``, ``aside``, ``footer``, ``form``, form controls, a
   ``header`` that does not hold the page's ``<h1>``, ARIA landmark roles, and elements
   whose class/id tokens name chrome (``nav``, ``breadcrumb``, ``sidebar``,
   ``related``, ``comment``, ``share``, ``copyright``, ``tags`` …, see ``_CHROME``).
B. *Weakly named parts* (``top``, ``head``, ``foot``, ``info``, ``date``,
   ``location`` … see ``_WEAK``): chrome when they hold no real paragraph.
C. *Link lists*: blocks whose text is mostly anchor text (``≥ 50 %`` with two links
   outside the article; ``≥ 70 %`` with three inside it, or a box of nothing but a
   link); links to documents such as ``.doc``/``.pdf`` attachments do not count.
D. *Outside the article*.  The article is found by stepping from the root into the
   child with the most non-link text (two thirds at least), as long as nothing beside
   it looks like article text (a numbered heading, a sentence before it, a paragraph
   after it) and the child is a container of lines, not one paragraph.  Outside it, a block with
   less than a paragraph of sentences (40 hanzi before ``。，；？！``) goes whole, save
   the title before the article (``h1``–``h3`` or a title-named element); of the rest,
   lines are kept only if they are that title or prose.  What goes is named by its
   class/id or by position (``site-header`` before the article, ``site-footer`` after
   it), and a labelled or cut-off copy of the article's text (a CMS summary) is
   ``summary``.

No element that holds half of the page's non-link text is ever chrome, so a wrapper
such as ASP.NET's page-wide ``<form>`` or a ``main-side`` layout box never takes the
article with it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import bs4.element
from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from pipeline.decode.tables import data_tables
from pipeline.model import Removal, Table
from pipeline.text.shapes import SENTENCE_PUNCT


@dataclass(frozen=True, slots=True)
class Page:
    """What :func:`extract` finds in a page."""

    text: str  # visible text lines, LF-separated, blank line between blocks
    removed: tuple[Removal, ...]  # page chrome, one entry per visible line, in page order
    title_hint: str  # the first kept <h1> and the <title> without the site's name, one per line
    tables: tuple[Table, ...] = ()  # the page's data tables (pipeline.decode.tables), cells and all


# ---------------------------------------------------------------- structure as data


def _names(text: str) -> list[str]:
    """A space-separated list of names, for readable tables."""
    return text.split()


# Elements whose start and end break a line with a blank line between (CSS display:block).
_BLOCK = frozenset(
    _names(
        "address article aside blockquote body caption center dd details dialog dir div dl dt"
        " fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend"
        " li main menu nav ol option p pre section summary table tbody tfoot thead tr ul"
    )
)
# Never rendered (or only as fallback content) — contributes no text.
_INVISIBLE = frozenset(
    _names(
        "script style noscript template head title meta link base iframe frame frameset noframes"
        " object embed svg math canvas audio video map area rp"
    )
)
# Blocks that are one paragraph of text, never a container of the article.
_PARAGRAPHS = frozenset(
    _names("p h1 h2 h3 h4 h5 h6 li dt dd pre caption figcaption summary legend option address")
)
_CELLS = frozenset({"td", "th"})  # inline in a row, but blocks for the article search
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_HEADINGS = frozenset({"h1", "h2", "h3"})
# Elements rule B may name chrome: containers, never a paragraph, heading or cell.
_CONTAINERS = frozenset(_names("div section ul ol dl table tbody center article header"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A link to a document (an attachment) is content, not navigation: "附件：实施方案.docx".
_DOC_LINK = re.compile(r"\.(?:docx?|xlsx?|pptx?|pdf|wps|et|ofd|txt|zip|rar|7z)(?:[?#].*)?$", re.I)

# Rule A: tag names and ARIA roles that are chrome by definition.
_CHROME_TAGS = {
    "nav": "site-navigation",
    "menu": "site-navigation",
    "aside": "sidebar",
    "footer": "site-footer",
    "form": "form",
    "button": "form",
    "select": "form",
    "textarea": "form",
}
_CHROME_ROLES = {
    "navigation": "site-navigation",
    "banner": "site-header",
    "contentinfo": "site-footer",
    "complementary": "sidebar",
    "search": "site-search",
}
# Rule A: class/id tokens (split at -, _, digits and camelCase) that name chrome anywhere.
# Pinyin names (xiangguan 相关, pinglun 评论 …) are as common on Chinese sites as English.
_CHROME: dict[str, str] = {
    **dict.fromkeys(
        _names("nav navbar navi navigation menu menubar topnav mainnav subnav daohang"), "site-navigation"
    ),
    **dict.fromkeys(_names("breadcrumb breadcrumbs crumb crumbs bread mianbaoxie"), "breadcrumb"),
    **dict.fromkeys(_names("sidebar side aside widget sidebox rightbar leftbar"), "sidebar"),
    **dict.fromkeys(
        _names(
            "related relate relates relation xiangguan recommend recommends tuijian hot hotnews rank ranking"
            " prenext prevnext prev next previous youlike guess"
        ),
        "related-links",
    ),
    **dict.fromkeys(_names("comment comments pinglun reply replies discuss"), "comments"),
    **dict.fromkeys(_names("share sharing bdshare jiathis social fenxiang"), "share-bar"),
    **dict.fromkeys(_names("toolbar tools print fontsize"), "page-tools"),
    **dict.fromkeys(_names("login signin register denglu passport"), "login-prompt"),
    **dict.fromkeys(_names("download xiazai"), "download-prompt"),
    **dict.fromkeys(
        _names("ad ads advert advertisement adv adsense gg guanggao sponsor promo"), "advertisement"
    ),
    **dict.fromkeys(_names("tags tag keyword keywords tagcloud biaoqian"), "tags"),
    **dict.fromkeys(_names("footer copyright beian icp"), "site-footer"),
    **dict.fromkeys(_names("search searchbox sousuo"), "site-search"),
    **dict.fromkeys(_names("pagination pager paging pagelist"), "pagination"),
}
# Rule B: tokens that name a page part which may, rarely, hold article text.
_WEAK: dict[str, str] = {
    **dict.fromkeys(_names("header head hd top topbar banner logo masthead"), "site-header"),
    **dict.fromkeys(_names("foot ft bottom"), "site-footer"),
    **dict.fromkeys(_names("position location weizhi dqwz path"), "breadcrumb"),
    **dict.fromkeys(
        _names("info meta attr date time source author byline editor publish views"), "page-meta"
    ),
    "more": "related-links",
}
# Elements that carry the article's title or subtitle (kept before the article).
_TITLE_TOKENS = frozenset(_names("title tit biaoti headline subtitle subhead fbt"))

_PROTECT_SHARE = 0.5  # an element with this share of the page's non-link text is never chrome
_MAIN_SHARE = 2 / 3  # the article's container holds at least this share of its parent's text
_MIN_PROSE = 40  # a part holding this many hanzi of sentences is a paragraph, not chrome
_MIN_SENTENCE = 10  # hanzi of sentences that make text beside the article article-like
# Prose is counted in hanzi: "Processed in 0.06 second(s), 18 queries." is no sentence of ours.
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_LETTER = re.compile(r"[^\W_]")
# HTML whitespace plus the line separators a text node may carry; all collapse to a space.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")
# CSS Text 3 segment breaks: a newline in the source between two CJK characters is no space.
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2014\u2018\u2019\u201c\u201d\u2026\U00020000-\U0003ffff]"
_CJK_BREAK = re.compile(rf"(?<={_CJK})[ \t\r\f]*\n[ \t\n\r\f]*(?={_CJK})")
# Numbering that starts a heading of this genre: 一、 第二、 （三） (4) 1.2 党员… 3 结论
_NUMBERED = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}(?:\.\d{1,2})*[、.．]?\s*[\u4e00-\u9fff])"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[a-z]+")
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜]|\s[-–—]+\s|——)\s*")


# ---------------------------------------------------------------- the walk


@dataclass(slots=True)
class _Stats:
    """Counts over one element's visible subtree."""

    index: int  # preorder position among visible elements
    end: int = 0  # preorder position of its last visible descendant element
    letters: int = 0  # letters and digits (CJK included) of its visible text
    link_letters: int = 0  # ... of which inside <a href>
    links: int = 0  # <a href> elements with text
    doc_links: int = 0  # ... of which point at a document
    prose: int = 0  # non-link hanzi of text nodes that hold a sentence
    titles: int = 0  # h1-h3 and title-named elements with non-link text
    h1: int = 0  # <h1> elements with non-link text
    marks: int = 0  # non-link text nodes that start with a heading number: 一、/（一）/1.1 …

    @property
    def own(self) -> int:
        """Letters outside links: the measure of content."""
        return self.letters - self.link_letters


def _is_link(tag: Tag) -> bool:
    return tag.name == "a" and tag.has_attr("href")


def _tokens(tag: Tag) -> list[str]:
    """Lower-case words of the class and id: ``class="relatedNews box2"`` → related news box."""
    classes = tag.get("class") or []
    words = [*classes] if isinstance(classes, list) else [classes]
    ident = tag.get("id")
    if isinstance(ident, str):
        words.append(ident)
    return _TOKEN.findall(_CAMEL.sub(" ", " ".join(words)).lower())


def _hidden(tag: Tag) -> bool:
    if tag.name in _INVISIBLE or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true" or str(tag.get("type", "")).lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(str(tag.get("style", ""))))


def _is_title_named(tag: Tag) -> bool:
    return tag.name in _TITLE_HEADINGS or any(t in _TITLE_TOKENS for t in _tokens(tag))


_ENTER, _TEXT, _EXIT = 0, 1, 2
# Text that is rendered: plain strings and ruby annotations.  Comments, doctypes, CDATA
# and the strings inside script/style/template are other NavigableString subclasses.
_TEXT_TYPES: frozenset[type] = frozenset(
    {NavigableString, getattr(bs4.element, "RubyTextString", NavigableString)}
)


def _events(root: Tag) -> Iterator[tuple[int, PageElement]]:
    """Enter/text/exit events over the visible tree, without recursion (pages nest deep)."""
    stack: list[tuple[Tag, Iterator[PageElement]]] = [(root, iter(list(root.contents)))]
    while stack:
        tag, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                yield _EXIT, tag
        elif isinstance(child, Tag):
            if not _hidden(child):
                yield _ENTER, child
                stack.append((child, iter(list(child.contents))))
        elif type(child) in _TEXT_TYPES:
            yield _TEXT, child


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


# ---------------------------------------------------------------- lines


@dataclass(slots=True)
class _Line:
    """One output line while it is built, with what the rules need to know about it."""

    parts: list[str] = field(default_factory=list)
    letters: int = 0
    link_letters: int = 0
    prose: int = 0
    chrome: str = ""  # reason, when inside a chrome element
    weak: str = ""  # reason named by the nearest weakly named ancestor
    heading: str = ""  # "h1".."h6" or "title" when inside one
    region: int = 0  # -1 before the article, 0 in it (or no article found), 1 after it
    gap_before: bool = False  # a blank line precedes it
    pre: bool = False  # inside <pre>: keep inner spacing
    started: bool = False  # has visible text (its context fields are set)
    text: str = ""

    def finish(self) -> str:
        raw = "".join(self.parts)
        if self.pre:
            return raw.strip()
        return _WHITESPACE.sub(" ", _CJK_BREAK.sub("", raw)).strip()


class _Extractor:
    """The four chrome rules of the module docstring, over one parsed page."""

    def __init__(self, soup: BeautifulSoup) -> None:
        self.soup = soup
        self.stats: dict[int, _Stats] = {}
        self.order: list[Tag] = []  # visible elements in preorder
        self.chrome: dict[int, str] = {}  # id(tag) → reason
        self.main: Tag | None = None
        self._count()
        self.total = self.stats[id(soup)].own

    # -- counting

    def _count(self) -> None:
        root = self.soup
        self.stats[id(root)] = _Stats(index=-1)
        open_stats = [self.stats[id(root)]]
        link_depth = 0
        for kind, node in _events(root):
            if kind == _ENTER:
                assert isinstance(node, Tag)
                st = _Stats(index=len(self.order))
                self.order.append(node)
                self.stats[id(node)] = st
                open_stats.append(st)
                link_depth += _is_link(node)
            elif kind == _TEXT:
                text = str(node)
                n = _letters(text)
                top = open_stats[-1]
                top.letters += n
                if link_depth:
                    top.link_letters += n
                else:
                    if SENTENCE_PUNCT.search(text):
                        top.prose += len(_HANZI.findall(text))
                    top.marks += bool(_NUMBERED.match(text))
            else:
                assert isinstance(node, Tag)
                st = open_stats.pop()
                st.end = len(self.order) - 1
                if _is_link(node):
                    link_depth -= 1
                    if st.letters:
                        st.links += 1
                        st.doc_links += bool(_DOC_LINK.search(str(node.get("href", ""))))
                if _is_title_named(node) and st.own:  # a link-only <h1> is a logo
                    st.titles += 1
                    st.h1 += node.name == "h1"
                parent = open_stats[-1]
                parent.letters += st.letters
                parent.link_letters += st.link_letters
                parent.links += st.links
                parent.doc_links += st.doc_links
                parent.prose += st.prose
                parent.titles += st.titles
                parent.h1 += st.h1
                parent.marks += st.marks

    def _skip_subtree(self, i: int) -> int:
        """Position in ``order`` just past element ``i``'s subtree."""
        return self.stats[id(self.order[i])].end + 1

    def _walk(self, decide: Callable[[Tag, _Stats], str]) -> None:
        """Top-down over elements not yet chrome; a reason from ``decide`` marks a subtree."""
        i = 0
        while i < len(self.order):
            tag = self.order[i]
            st = self.stats[id(tag)]
            if id(tag) in self.chrome:
                i = self._skip_subtree(i)
                continue
            reason = decide(tag, st)
            if reason:
                self.chrome[id(tag)] = reason
                i = self._skip_subtree(i)
            else:
                i += 1

    def _protected(self, tag: Tag, st: _Stats) -> bool:
        return tag.name in ("html", "body") or (self.total > 0 and st.own >= _PROTECT_SHARE * self.total)

    # -- rules A and B

    def _named_chrome(self, tag: Tag, st: _Stats) -> str:
        if self._protected(tag, st):
            return ""
        name = tag.name
        tokens = _tokens(tag)
        if name == "header":
            # a <header> holding the page's <h1>, or inside the article, is the article's own
            if not st.h1 and tag.find_parent(["article", "main"]) is None:
                return "site-header"
        elif name == "form":
            for t in tokens:
                if _CHROME.get(t) in ("site-search", "login-prompt", "comments"):
                    return _CHROME[t]
            return "form"
        elif name in _CHROME_TAGS:
            return _CHROME_TAGS[name]
        role = str(tag.get("role", "")).lower()
        if role in _CHROME_ROLES:
            return _CHROME_ROLES[role]
        for t in tokens:
            if t in _CHROME:
                return _CHROME[t]
        if name in _CONTAINERS and st.prose < _MIN_PROSE and not st.titles:
            for t in tokens:
                if t in _WEAK:
                    return _WEAK[t]
        return ""

    # -- the article

    def _find_main(self) -> Tag | None:
        """The article: from the root, step into the child with the most non-link text
        while nothing beside it looks like article text (:meth:`_article_like`).

        Stepping past a sibling that holds article text would cut the article in two
        (broken markup nests it: ``<div>p1<div>p2<div>p3…`` with unclosed divs), so a
        numbered heading or a sentence beside the child stops the descent; titles,
        copies of the article (summaries), link lists and chrome do not.  Nor does the
        descent enter a lone paragraph: the article is a container of blocks.
        """
        every = [self.soup, *self.order]
        own = {id(t): self.stats[id(t)].own for t in every}
        prose = {id(t): self.stats[id(t)].prose for t in every}
        marks = {id(t): self.stats[id(t)].marks for t in every}
        inside_chrome: set[int] = set()
        for i, tag in enumerate(self.order):
            if id(tag) in self.chrome:
                st = self.stats[id(tag)]
                for parent in tag.parents:
                    if id(parent) in own:
                        own[id(parent)] -= st.own
                        prose[id(parent)] -= st.prose
                        marks[id(parent)] -= st.marks
                inside_chrome.update(id(t) for t in self.order[i : self._skip_subtree(i)])
        if own[id(self.soup)] <= 0:
            return None

        def live(c: PageElement) -> bool:
            return isinstance(c, Tag) and id(c) in own and id(c) not in inside_chrome

        node: Tag = self.soup
        while True:
            kids = [c for c in node.children if isinstance(c, Tag) and live(c)]
            best = max(kids, key=lambda c: own[id(c)], default=None)
            if best is None or own[id(best)] < _MAIN_SHARE * own[id(node)]:
                break  # no child holds most of the text: the article is all of them
            if not self._container(best, own):
                break
            siblings = {id(c) for c in node.children if c is not best and (not isinstance(c, Tag) or live(c))}
            # the article's text is needed only to judge siblings: deep single-child nesting
            # (10 000 unclosed divs) must not pay a get_text() per level (quadratic)
            inner = _squeeze(best.get_text()) if siblings else ""
            before = True
            blocked = False
            for c in node.children:
                if c is best:
                    before = False
                elif id(c) in siblings and self._article_like(c, inner, before, own, prose, marks):
                    blocked = True
                    break
            if blocked:
                break
            node = best
        return None if node is self.soup else node

    @staticmethod
    def _container(tag: Tag, own: dict[int, int]) -> bool:
        """A block that holds lines: block children with text, or text broken by ``<br>``.

        Paragraph-level elements (``p``, headings, list items …) and inline ones never
        are: stepping into a long first paragraph would leave the headings beside it out.
        """
        if tag.name in _PARAGRAPHS or (tag.name not in _BLOCK and tag.name not in _CELLS):
            return False
        return any(
            isinstance(c, Tag)
            and (((c.name in _BLOCK or c.name in _CELLS) and own.get(id(c), 0) > 0) or c.name == "br")
            for c in tag.children
        )

    def _article_like(
        self,
        node: PageElement,
        inner: str,
        before: bool,
        own: dict[int, int],
        prose: dict[int, int],
        marks: dict[int, int],
    ) -> bool:
        """Whether ``node``, beside the article candidate, holds article text of its own.

        Before the candidate one sentence is enough (the article's opening, cut off by
        broken nesting); after it, it takes a paragraph (footers say "版权所有，禁止转载").
        """
        need = _MIN_SENTENCE if before else _MIN_PROSE
        if type(node) in _TEXT_TYPES:
            text = str(node)
            return bool(_NUMBERED.match(text)) or (_is_prose(text) and len(_HANZI.findall(text)) >= need)
        if not isinstance(node, Tag) or id(node) not in own or own[id(node)] <= 0:
            return False  # hidden, chrome, or only links
        key = id(node)
        st = self.stats[key]
        if _is_title_named(node) or st.link_letters * 2 >= st.letters:
            return False  # the title, or a link list
        if marks[key]:
            return True
        if prose[key] < need:
            return False
        if st.titles and prose[key] < _MIN_PROSE:
            return False  # the title's own wrapper: a title may have a comma
        return not _is_excerpt(node.get_text(), inner)

    # -- rules C and D for whole blocks

    def _placed_chrome(self, tag: Tag, st: _Stats) -> str:
        """Rule C (link lists), and rule D for a whole block outside the article."""
        main = self.main
        if not st.letters or st.h1:
            return ""
        if main is not None:
            m = self.stats[id(main)]
            if st.index <= m.index and st.end >= m.end:  # the article or around it
                return ""
            region = 0 if m.index < st.index <= m.end else (-1 if st.index < m.index else 1)
        else:
            region = 0
        nav_links = st.links - st.doc_links
        if region == 0:
            # In the article: a list of three links, or a box (not a paragraph) of nothing
            # but a link — "开通会员 免费下载全部范文" dropped into the middle of the text.
            dense = nav_links >= 3 and st.link_letters >= 0.7 * st.letters
            dense = dense or (nav_links >= 1 and not st.own and tag.name in _CONTAINERS)
        else:
            dense = nav_links >= 2 and st.link_letters >= 0.5 * st.letters
        is_block = tag.name in _BLOCK or tag.name in _CELLS
        # Outside the article a block without a paragraph's worth of sentences (or, before
        # it, the title) is page furniture as a whole: "版权所有，未经授权禁止使用" goes too.
        loose = region != 0 and st.prose < _MIN_PROSE and not (region < 0 and st.titles)
        if not is_block or not (dense or loose):
            return ""
        for t in _tokens(tag):
            if t in _WEAK:
                return _WEAK[t]
        if dense:
            return "site-navigation" if region < 0 else "related-links"
        return "site-header" if region < 0 else "site-footer"

    # -- layout

    def _lines(self) -> list[_Line]:
        """The page's visible lines in order, each knowing its chrome/region context."""
        lines: list[_Line] = []
        line = _Line()
        gap = False
        region = -1 if self.main is not None else 0
        chrome_owner: Tag | None = None
        chrome_reason = ""
        weak: list[tuple[Tag, str]] = []
        heading: list[tuple[Tag, str]] = []
        link_depth = pre_depth = 0

        def flush(blank_after: bool) -> None:
            nonlocal line, gap
            text = line.finish()
            if text:
                line.text = text
                line.gap_before = gap and bool(lines)
                lines.append(line)
                gap = False
            if blank_after:
                gap = True
            elif not text:
                gap = True  # <br> on an empty line: a blank line
            line = _Line()

        for kind, node in _events(self.soup):
            if kind == _TEXT:
                pieces = str(node).split("\n") if pre_depth else [str(node)]
                for k, piece in enumerate(pieces):
                    if k:
                        flush(False)  # a newline inside <pre> is a line break
                    if not line.started and piece.strip():
                        # the line takes its context from its first visible text
                        line.started = True
                        line.chrome = chrome_reason
                        line.weak = weak[-1][1] if weak else ""
                        line.heading = heading[-1][1] if heading else ""
                        line.region = region
                        line.pre = pre_depth > 0
                    self._add(line, piece, link_depth)
                continue
            assert isinstance(node, Tag)
            name = node.name
            if kind == _ENTER:
                if chrome_owner is None and id(node) in self.chrome:
                    flush(True)
                    chrome_owner, chrome_reason = node, self.chrome[id(node)]
                elif node is self.main:
                    flush(True)
                    region = 0
                elif name in _BLOCK:
                    flush(True)
                elif name == "br":
                    flush(False)
                elif name in _CELLS and line.parts:
                    line.parts.append(" ")
                link_depth += _is_link(node)
                pre_depth += name == "pre"
                tokens = _tokens(node)
                named = next((_WEAK[t] for t in tokens if t in _WEAK), "")
                if named:
                    weak.append((node, named))
                if name in _HEADINGS:
                    heading.append((node, name))
                elif any(t in _TITLE_TOKENS for t in tokens):
                    heading.append((node, "title"))
            else:
                if node is chrome_owner:
                    flush(True)
                    chrome_owner, chrome_reason = None, ""
                elif node is self.main:
                    flush(True)
                    region = 1
                elif name in _BLOCK:
                    flush(True)
                link_depth -= _is_link(node)
                pre_depth -= name == "pre"
                if weak and weak[-1][0] is node:
                    weak.pop()
                if heading and heading[-1][0] is node:
                    heading.pop()
        flush(True)
        return lines

    @staticmethod
    def _add(line: _Line, text: str, link_depth: int) -> None:
        n = _letters(text)
        line.parts.append(text)
        line.letters += n
        if link_depth:
            line.link_letters += n
        elif SENTENCE_PUNCT.search(text):
            line.prose += len(_HANZI.findall(text))

    # -- rule D and assembly

    @staticmethod
    def _outside_reason(line: _Line) -> str:
        """Rule D: why a line outside the article goes, or "" when it stays."""
        linky = line.link_letters * 2 >= line.letters > 0
        if line.region < 0 and line.heading in ("h1", "h2", "h3", "title") and not linky:
            return ""
        if line.prose >= 10 and not linky:
            return ""
        if line.weak:
            return line.weak
        if linky:
            return "site-navigation" if line.region < 0 else "related-links"
        return "site-header" if line.region < 0 else "site-footer"

    def run(self) -> tuple[str, tuple[Removal, ...], str]:
        self._walk(self._named_chrome)
        self.main = self._find_main()
        self._walk(self._placed_chrome)
        lines = self._lines()
        article = "".join(_squeeze(ln.text) for ln in lines if not ln.region and not ln.chrome)
        out: list[str] = []
        removed: list[Removal] = []
        h1 = ""
        gap = False
        for line in lines:
            gap = gap or line.gap_before
            reason = line.chrome or (self._outside_reason(line) if line.region else "")
            if (
                line.region
                and reason in ("", "site-header", "site-footer")
                and _is_excerpt(line.text, article)
            ):
                reason = "summary"  # a copy of the article's start, kept or not: say what it is
            if reason:
                removed.append(Removal(line.text, reason, len(out) + (2 if out and gap else 1)))
                continue
            if gap and out:
                out.append("")
            gap = False
            out.append(line.text)
            if not h1 and line.heading == "h1":
                h1 = line.text
        return ("\n".join(out) + "\n" if out else ""), tuple(removed), h1


def _is_prose(text: str) -> bool:
    """A sentence: hanzi and sentence punctuation."""
    return bool(SENTENCE_PUNCT.search(text)) and len(_HANZI.findall(text)) >= _MIN_SENTENCE


def _squeeze(text: str) -> str:
    return _WHITESPACE.sub("", text)


# "摘要: 党的十九大报告首次明确提出…" / "导读：…" — a label, then the excerpt, then an ellipsis.
_EXCERPT_LABEL = re.compile(r"^[^:：]{1,6}[:：]")
_ELLIPSIS = re.compile(r"(?:\.{2,}|…+|。{2,})$")
_MIN_EXCERPT = 20


def _is_excerpt(text: str, article: str) -> bool:
    """Whether a line or block is a CMS summary: a labelled or cut-off copy of the article.

    It must say so (a ``摘要:``-style label or a closing ellipsis): a paragraph that merely
    repeats one of the article's is not a summary.

    >>> _is_excerpt("摘要: 党的十九大报告首次明确提出增强党的群众组织力的新要求 ...", "党的十九大报告首次明确提出增强党的群众组织力的新要求。增强…")
    True
    >>> _is_excerpt("党的十九大报告首次明确提出增强党的群众组织力的新要求", "党的十九大报告首次明确提出增强党的群众组织力的新要求。增强…")
    False
    """
    squeezed = _squeeze(text)
    unlabelled = _EXCERPT_LABEL.sub("", squeezed)
    body = _ELLIPSIS.sub("", unlabelled)
    if body == squeezed:
        return False
    return len(body) >= _MIN_EXCERPT and body in article


def _title_from_head(soup: BeautifulSoup) -> str:
    """The ``<title>`` without the site's name: its longest ``_``/``|``/`` - `` part."""
    title = soup.find("title")
    if not isinstance(title, Tag):
        return ""
    text = _WHITESPACE.sub(" ", title.get_text()).strip()
    parts = [p for p in _TITLE_SEPARATORS.split(text) if p]
    return max(parts, key=len, default="")


def extract(markup: str) -> Page:
    """A page's visible text lines, the chrome removed (see the module docstring).

    >>> page = extract("<body><nav><a href=/>首页</a> <a href=/n>新闻</a></nav>"
    ...                "<div><h1>通知</h1><p>各单位：</p><p>现将有关事项通知如下。</p></div></body>")
    >>> page.text
    '通知\\n\\n各单位：\\n\\n现将有关事项通知如下。\\n'
    >>> [(r.text, r.reason) for r in page.removed], page.title_hint
    ([('首页 新闻', 'site-navigation')], '通知')
    """
    with warnings.catch_warnings():
        # bs4 warns when markup looks like a file name or URL; a page is a page.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(markup, "html.parser")
    text, removed, h1 = _Extractor(soup).run()
    # both what the page's <h1> and its <title> say (they disagree on some pages: an <h1>
    # may be a widget's); one per line
    hints = dict.fromkeys(t for t in (h1, _title_from_head(soup)) if t)
    return Page(text, removed, "\n".join(hints), data_tables(soup))
