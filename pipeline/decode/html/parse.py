"""Step 0: parse the markup, as a browser would where ``html.parser`` does not (issue 13).

beautifulsoup4's ``html.parser`` builder differs from a browser (the HTML standard) in
two ways that lose visible text or invent some:

* an unknown named character reference with its semicolon, ``R&D;``, loses the ``;``
  (bs4 keeps ``&D`` of ``&D;``), where a browser shows ``R&D;``: unknown references are
  escaped before parsing, so they come out as written;
* an unclosed ``<!--`` makes ``html.parser`` give up on the comment and show the rest of
  the page as text, tags and all; a browser hides everything after it: the tail is
  taken as a comment.

And a page saved before its scripts ran is read as a reader sees it loaded
(:func:`reveal`): an article kept ``visibility: hidden`` until a script shows it (公众号
pages do this) is shown.
"""

from __future__ import annotations

import inspect
import re
import warnings
from html.entities import html5

from bs4 import BeautifulSoup, Tag
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder

from pipeline.decode.html.vocab import HANZI, REVEAL_SHARE, VISIBILITY_HIDDEN

# "&name;" as html.parser reads a named reference (its name pattern, with the semicolon)
_NAMED_REF = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*;)")


def escape_unknown_references(markup: str) -> str:
    """``&name;`` that names no character escaped as ``&amp;name;`` (it is text).

    >>> escape_unknown_references("R&D; &copy; &amp; &nbsp")
    'R&amp;D; &copy; &amp; &nbsp'
    """
    if "&" not in markup:
        return markup
    return _NAMED_REF.sub(lambda m: m.group() if m.group(1) in html5 else "&amp;" + m.group(1), markup)


class _Parser(BeautifulSoupHTMLParser):
    """bs4's parser, with a comment left open at the end of the page taken as a comment."""

    def close(self) -> None:
        # an incomplete construct waits in rawdata; a "<!--" there (outside script and
        # style, whose text html.parser keeps apart) is a comment that never ends
        if self.rawdata.startswith("<!--") and getattr(self, "cdata_elem", None) is None:
            self.handle_comment(self.rawdata[4:])
            self.rawdata = ""
        super().close()


# bs4 4.13 and later let a builder's feed() take the parser class; before, a page keeps
# html.parser's reading of an unclosed comment
_TAKES_PARSER = "_parser_class" in inspect.signature(HTMLParserTreeBuilder.feed).parameters


class _Builder(HTMLParserTreeBuilder):
    """bs4's html.parser builder, with :class:`_Parser`."""

    def feed(self, markup: str) -> None:
        if _TAKES_PARSER:
            super().feed(markup, _parser_class=_Parser)  # type: ignore[call-arg]
        else:  # pragma: no cover - bs4 < 4.13
            super().feed(markup)


def parse(markup: str) -> BeautifulSoup:
    """The page's tree (see the module doc for where it differs from plain bs4).

    >>> parse("<p>R&D; 研发</p><!-- 未闭合的注释 <p>看不见</p>").get_text()
    'R&D; 研发'
    """
    with warnings.catch_warnings():
        # bs4 warns when markup looks like a file name or URL; a page is a page.
        warnings.simplefilter("ignore")
        return BeautifulSoup(escape_unknown_references(markup), builder=_Builder())


def reveal(soup: BeautifulSoup) -> BeautifulSoup:
    """Show an element kept ``visibility: hidden`` that holds at least
    :data:`~.vocab.REVEAL_SHARE` of the page's Chinese text: the article, which the
    page's script makes visible once it has loaded.  Smaller hidden elements (a login
    box, a template) stay hidden.

    >>> page = parse("<div style='visibility: hidden'>正文第一段。正文第二段。</div><p>分享</p>")
    >>> reveal(page).get_text()
    '正文第一段。正文第二段。分享'
    >>> str(reveal(parse("<p>正文第一段。正文第二段。</p><div style='visibility:hidden'>登录</div>")).div)
    '<div style="visibility:hidden">登录</div>'
    """
    hidden = [t for t in soup.find_all(style=VISIBILITY_HIDDEN) if isinstance(t, Tag)]
    if not hidden:
        return soup
    total = len(HANZI.findall(soup.get_text()))
    for tag in hidden:
        if total and len(HANZI.findall(tag.get_text())) >= REVEAL_SHARE * total:
            tag["style"] = VISIBILITY_HIDDEN.sub("", str(tag["style"]))
    return soup
