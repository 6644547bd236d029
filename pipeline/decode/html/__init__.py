"""html: a saved web page → its visible text as lines, the page chrome removed and recorded.

Called by :mod:`pipeline.decode` for ``.html``/``.htm`` inputs and bytes that start like
a page.  :func:`extract` returns a :class:`Page`: the visible text, one block element
per line with a blank line between blocks (``<br>`` is a plain line break), what was
removed as page chrome (one :class:`~pipeline.model.Removal` per visible line, with a
reason), and title candidates (the first kept ``<h1>`` and the ``<title>``).

Parsing uses beautifulsoup4 with the standard library's ``html.parser``.  It survives
broken markup that other parsers do not: a stray ``</html>`` or ``</body>`` before the
article keeps the article (lxml.html drops everything after it), because the text after
it is still in the tree and the walk starts at the document root, not at ``<body>``.

**Visible text only.**  ``script``, ``style``, ``noscript``, ``template``, ``head`` and
other non-rendered elements, and elements hidden by ``hidden``, ``aria-hidden="true"``
or an inline ``display:none``/``visibility:hidden``, contribute nothing.  They are not
recorded: nobody sees them, so they are not part of the text to account for.

**Page chrome** is decided by structure, never by a site's strings, in five rules:

A. *Chrome elements*: ``nav``, ``aside``, ``footer``, ``form``, form controls, a
   ``header`` that does not hold the page's ``<h1>``, ARIA landmark roles, and elements
   whose class/id tokens name chrome (``nav``, ``breadcrumb``, ``sidebar``,
   ``related``, ``comment``, ``share``, ``copyright``, ``tags`` …, see :data:`.vocab.CHROME`).
B. *Weakly named parts* (``top``, ``head``, ``foot``, ``info``, ``date``,
   ``location`` … see :data:`.vocab.WEAK`): chrome when they hold no real paragraph.
A feed. *Teaser feeds* (:mod:`.feeds`): three or more short sibling items of one kind,
   each with a link and a publication stamp (a title, a summary, ``2024-04-03 15:11``),
   are ``related-links`` — their summaries are sentences that rules C and D keep.
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

**The steps**, one module each, in the order :func:`extract` runs them:

0. :mod:`.parse` — the markup parsed, an unknown ``&name;`` and an unclosed ``<!--``
   read as a browser reads them;
1. :mod:`.count` — one pass over the visible tree counts, per element, its letters,
   link letters, links, prose, titles and numbered headings;
2. :mod:`.named` — rules A and B name chrome by tag, role and class/id;
3. :mod:`.article` — the article is found among what is left;
4. :mod:`.placed` — rules C and D name whole blocks by their links and their place;
5. :mod:`.layout` — the visible text is laid out in lines, each with its context;
6. :mod:`.assemble` — rule D line by line, summaries, and the text and removals.

:mod:`.vocab` holds the tables and thresholds, :mod:`.tree` the walk and text measures.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from pipeline.decode.html.article import find_article
from pipeline.decode.html.assemble import assemble
from pipeline.decode.html.count import count
from pipeline.decode.html.feeds import feed_chrome
from pipeline.decode.html.layout import lay_out
from pipeline.decode.html.named import named_chrome
from pipeline.decode.html.parse import parse, reveal
from pipeline.decode.html.placed import placed_chrome
from pipeline.decode.html.vocab import TITLE_SEPARATORS, WHITESPACE
from pipeline.decode.tables import data_tables
from pipeline.model import Removal, Table

__all__ = ["Page", "extract"]


@dataclass(frozen=True, slots=True)
class Page:
    """What :func:`extract` finds in a page."""

    text: str  # visible text lines, LF-separated, blank line between blocks
    removed: tuple[Removal, ...]  # page chrome, one entry per visible line, in page order
    title_hint: str  # the first kept <h1> and the <title> without the site's name, one per line
    tables: tuple[Table, ...] = ()  # the page's data tables (pipeline.decode.tables), cells and all
    captions: tuple[int, ...] = ()  # 1-based lines of ``text`` that are a picture's caption


def extract(markup: str) -> Page:
    """A page's visible text lines, the chrome removed (see the module docstring).

    >>> page = extract("<body><nav><a href=/>首页</a> <a href=/n>新闻</a></nav>"
    ...                "<div><h1>通知</h1><p>各单位：</p><p>现将有关事项通知如下。</p></div></body>")
    >>> page.text
    '通知\\n\\n各单位：\\n\\n现将有关事项通知如下。\\n'
    >>> [(r.text, r.reason) for r in page.removed], page.title_hint
    ([('首页 新闻', 'site-navigation')], '通知')
    """
    soup = reveal(parse(markup))
    counted = count(soup)
    chrome = feed_chrome(counted, named_chrome(counted))
    main = find_article(counted, chrome)
    chrome = placed_chrome(counted, chrome, main)
    text, removed, h1, captions = assemble(lay_out(counted, chrome, main))
    # both what the page's <h1> and its <title> say (they disagree on some pages: an <h1>
    # may be a widget's); one per line
    hints = dict.fromkeys(t for t in (h1, _title_from_head(soup)) if t)
    return Page(text, removed, "\n".join(hints), data_tables(soup), captions)


def _title_from_head(soup: BeautifulSoup) -> str:
    """The ``<title>`` without the site's name: its longest ``_``/``|``/`` - `` part."""
    title = soup.find("title")
    if not isinstance(title, Tag):
        return ""
    text = WHITESPACE.sub(" ", title.get_text()).strip()
    parts = [p for p in TITLE_SEPARATORS.split(text) if p]
    return max(parts, key=len, default="")
