"""Step 0: parse the markup, as a browser would where ``html.parser`` does not (issue 13).

beautifulsoup4's ``html.parser`` builder differs from a browser (the HTML standard) in
two ways that lose visible text or invent some:

* an unknown named character reference with its semicolon, ``R&D;``, loses the ``;``
  (bs4 keeps ``&D`` of ``&D;``), where a browser shows ``R&D;``: unknown references are
  escaped before parsing, so they come out as written;
* an unclosed ``<!--`` makes ``html.parser`` give up on the comment and show the rest of
  the page as text, tags and all; a browser hides everything after it: the tail is
  taken as a comment.
"""

from __future__ import annotations

import inspect
import re
import warnings
from html.entities import html5

from bs4 import BeautifulSoup
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder

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
