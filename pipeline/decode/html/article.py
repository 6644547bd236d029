"""Step 3: find the article, the element the rest of the page is placed around.

From the root, step into the child with the most non-link text (two thirds at least of
what is left once chrome is taken out) while nothing beside it looks like article text
and the child is a container of lines, not one paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import PageElement, Tag

from pipeline.decode.html.count import Counted
from pipeline.decode.html.tree import TEXT_TYPES, is_excerpt, is_prose, is_title_named, squeeze
from pipeline.decode.html.vocab import (
    BLOCK,
    CELLS,
    HANZI,
    MAIN_SHARE,
    MIN_PROSE,
    MIN_SENTENCE,
    NUMBERED,
    PARAGRAPHS,
)


@dataclass(slots=True)
class _Left:
    """Each visible element's counts with its chrome descendants taken out."""

    own: dict[int, int] = field(default_factory=dict)
    prose: dict[int, int] = field(default_factory=dict)
    marks: dict[int, int] = field(default_factory=dict)
    inside_chrome: set[int] = field(default_factory=set)  # chrome elements and their subtrees

    def live(self, c: PageElement) -> bool:
        return isinstance(c, Tag) and id(c) in self.own and id(c) not in self.inside_chrome


def _without_chrome(counted: Counted, chrome: dict[int, str]) -> _Left:
    left = _Left()
    for t in [counted.root, *counted.order]:
        st = counted.stats[id(t)]
        left.own[id(t)], left.prose[id(t)], left.marks[id(t)] = st.own, st.prose, st.marks
    for i, tag in enumerate(counted.order):
        if id(tag) in chrome:
            st = counted.stats[id(tag)]
            for parent in tag.parents:
                if id(parent) in left.own:
                    left.own[id(parent)] -= st.own
                    left.prose[id(parent)] -= st.prose
                    left.marks[id(parent)] -= st.marks
            left.inside_chrome.update(id(t) for t in counted.order[i : counted.skip_subtree(i)])
    return left


def find_article(counted: Counted, chrome: dict[int, str]) -> Tag | None:
    """The article: from the root, step into the child with the most non-link text
    while nothing beside it looks like article text (:func:`_article_like`).

    Stepping past a sibling that holds article text would cut the article in two
    (broken markup nests it: ``<div>p1<div>p2<div>p3…`` with unclosed divs), so a
    numbered heading or a sentence beside the child stops the descent; titles,
    copies of the article (summaries), link lists and chrome do not.  Nor does the
    descent enter a lone paragraph: the article is a container of blocks.
    """
    left = _without_chrome(counted, chrome)
    own = left.own
    if own[id(counted.root)] <= 0:
        return None
    node: Tag = counted.root
    while True:
        kids = [c for c in node.children if isinstance(c, Tag) and left.live(c)]
        best = max(kids, key=lambda c: own[id(c)], default=None)
        if best is None or own[id(best)] < MAIN_SHARE * own[id(node)]:
            break  # no child holds most of the text: the article is all of them
        if not _container(best, own):
            break
        siblings = {
            id(c) for c in node.children if c is not best and (not isinstance(c, Tag) or left.live(c))
        }
        # the article's text is needed only to judge siblings: deep single-child nesting
        # (10 000 unclosed divs) must not pay a get_text() per level (quadratic)
        inner = squeeze(best.get_text()) if siblings else ""
        before = True
        blocked = False
        for c in node.children:
            if c is best:
                before = False
            elif id(c) in siblings and _article_like(counted, left, c, inner, before):
                blocked = True
                break
        if blocked:
            break
        node = best
    return None if node is counted.root else node


def _container(tag: Tag, own: dict[int, int]) -> bool:
    """A block that holds lines: block children with text, or text broken by ``<br>``.

    Paragraph-level elements (``p``, headings, list items …) and inline ones never
    are: stepping into a long first paragraph would leave the headings beside it out.
    """
    if tag.name in PARAGRAPHS or (tag.name not in BLOCK and tag.name not in CELLS):
        return False
    return any(
        isinstance(c, Tag)
        and (((c.name in BLOCK or c.name in CELLS) and own.get(id(c), 0) > 0) or c.name == "br")
        for c in tag.children
    )


def _article_like(counted: Counted, left: _Left, node: PageElement, inner: str, before: bool) -> bool:
    """Whether ``node``, beside the article candidate, holds article text of its own.

    Before the candidate one sentence is enough (the article's opening, cut off by
    broken nesting); after it, it takes a paragraph (footers say "版权所有，禁止转载").
    """
    need = MIN_SENTENCE if before else MIN_PROSE
    if type(node) in TEXT_TYPES:
        text = str(node)
        return bool(NUMBERED.match(text)) or (is_prose(text) and len(HANZI.findall(text)) >= need)
    if not isinstance(node, Tag) or id(node) not in left.own or left.own[id(node)] <= 0:
        return False  # hidden, chrome, or only links
    key = id(node)
    st = counted.stats[key]
    if is_title_named(node) or st.link_letters * 2 >= st.letters:
        return False  # the title, or a link list
    if left.marks[key]:
        return True
    if left.prose[key] < need:
        return False
    if st.titles and left.prose[key] < MIN_PROSE:
        return False  # the title's own wrapper: a title may have a comma
    return not is_excerpt(node.get_text(), inner)
