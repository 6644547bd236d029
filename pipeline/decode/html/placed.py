"""Step 4, rules C and D for whole blocks: chrome by where a block is and what it holds.

C. Link lists: a block whose text is mostly anchor text (``≥ 50 %`` with two links
   outside the article; ``≥ 70 %`` with three inside it, or a box of nothing but a
   link); links to documents (``.doc``/``.pdf`` attachments) do not count.
D. Outside the article, a block with less than a paragraph of sentences goes whole,
   save the title before the article.
"""

from __future__ import annotations

from bs4 import Tag

from pipeline.decode.html.count import Counted, Stats, mark
from pipeline.decode.html.tree import tokens
from pipeline.decode.html.vocab import BLOCK, CELLS, CONTAINERS, MIN_PROSE, WEAK


def placed_chrome(counted: Counted, chrome: dict[int, str], main: Tag | None) -> dict[int, str]:
    """``chrome`` plus every block rules C and D name, given the article ``main``."""
    article = counted.stats[id(main)] if main is not None else None
    return mark(counted, chrome, lambda tag, st: _reason(tag, st, article))


def _reason(tag: Tag, st: Stats, m: Stats | None) -> str:
    """Rule C (link lists), and rule D for a whole block outside the article ``m``."""
    if not st.letters or st.h1:
        return ""
    if m is not None:
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
        dense = dense or (nav_links >= 1 and not st.own and tag.name in CONTAINERS)
    else:
        dense = nav_links >= 2 and st.link_letters >= 0.5 * st.letters
    is_block = tag.name in BLOCK or tag.name in CELLS
    # Outside the article a block without a paragraph's worth of sentences (or, before
    # it, the title) is page furniture as a whole: "版权所有，未经授权禁止使用" goes too.
    loose = region != 0 and st.prose < MIN_PROSE and not (region < 0 and st.titles)
    if not is_block or not (dense or loose):
        return ""
    for t in tokens(tag):
        if t in WEAK:
            return WEAK[t]
    if dense:
        return "site-navigation" if region < 0 else "related-links"
    return "site-header" if region < 0 else "site-footer"
