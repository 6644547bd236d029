"""Step 1: count, for every visible element, what its subtree holds.

One pass over :func:`~pipeline.decode.html.tree.events` gives each element a
:class:`Stats` (letters, link letters, links, prose, titles, numbered headings) and its
place in preorder, so that every later rule decides from numbers, never by walking a
subtree again.  :func:`mark` is the top-down walk the chrome rules share: a reason for
an element marks its whole subtree, which is then skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from pipeline.decode.html.tree import ENTER, TEXT, events, is_link, is_title_named, letters
from pipeline.decode.html.vocab import DOC_LINK, HANZI, NUMBERED
from pipeline.text.shapes import SENTENCE_PUNCT


@dataclass(slots=True)
class Stats:
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

    def add(self, child: Stats) -> None:
        """Add a finished child's counts to this element's."""
        self.letters += child.letters
        self.link_letters += child.link_letters
        self.links += child.links
        self.doc_links += child.doc_links
        self.prose += child.prose
        self.titles += child.titles
        self.h1 += child.h1
        self.marks += child.marks


@dataclass(slots=True)
class Counted:
    """A parsed page with the counts of every visible element."""

    root: BeautifulSoup
    stats: dict[int, Stats] = field(default_factory=dict)  # id(tag) → its counts
    order: list[Tag] = field(default_factory=list)  # visible elements in preorder

    @property
    def total(self) -> int:
        """The page's non-link letters."""
        return self.stats[id(self.root)].own

    def skip_subtree(self, i: int) -> int:
        """Position in ``order`` just past element ``i``'s subtree."""
        return self.stats[id(self.order[i])].end + 1


def count(root: BeautifulSoup) -> Counted:
    """The counts of every visible element of ``root`` (module docstring)."""
    counted = Counted(root)
    counted.stats[id(root)] = Stats(index=-1)
    open_stats = [counted.stats[id(root)]]
    link_depth = 0
    for kind, node in events(root):
        if kind == ENTER:
            assert isinstance(node, Tag)
            st = Stats(index=len(counted.order))
            counted.order.append(node)
            counted.stats[id(node)] = st
            open_stats.append(st)
            link_depth += is_link(node)
        elif kind == TEXT:
            text = str(node)
            n = letters(text)
            top = open_stats[-1]
            top.letters += n
            if link_depth:
                top.link_letters += n
            else:
                if SENTENCE_PUNCT.search(text):
                    top.prose += len(HANZI.findall(text))
                top.marks += bool(NUMBERED.match(text))
        else:
            assert isinstance(node, Tag)
            st = open_stats.pop()
            st.end = len(counted.order) - 1
            if is_link(node):
                link_depth -= 1
                if st.letters:
                    st.links += 1
                    st.doc_links += bool(DOC_LINK.search(str(node.get("href", ""))))
            if is_title_named(node) and st.own:  # a link-only <h1> is a logo
                st.titles += 1
                st.h1 += node.name == "h1"
            open_stats[-1].add(st)
    return counted


Decide = Callable[[Tag, Stats], str]


def mark(counted: Counted, chrome: dict[int, str], decide: Decide) -> dict[int, str]:
    """``chrome`` plus what ``decide`` names, top-down over elements not yet chrome.

    A reason from ``decide`` marks the element's subtree: its descendants are not asked.
    """
    marked = dict(chrome)
    order, stats = counted.order, counted.stats
    i = 0
    while i < len(order):
        tag = order[i]
        st = stats[id(tag)]
        if id(tag) in marked:
            i = counted.skip_subtree(i)
            continue
        reason = decide(tag, st)
        if reason:
            marked[id(tag)] = reason
            i = counted.skip_subtree(i)
        else:
            i += 1
    return marked
