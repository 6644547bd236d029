"""Step 2b: teaser feeds — lists of other articles, each a title, a summary and a time.

News and portal pages run feeds of other articles beside or under the text ("巴南高铁进入
联调联试阶段 / 4月2日，随着57652次检测车… / 2024-04-03 15:11", three and more in a row).
Their summaries are sentences, so the link-density rule (C) keeps them and the article
search (step 3) takes them for article text: a page with a feed under its article came
out as the whole page.

A feed is :data:`~.vocab.FEED_MIN` or more sibling elements of one kind (tag and class),
each short (at most :data:`~.vocab.FEED_ITEM_MAX` letters), each with a link and a
publication stamp (``2024-04-03``, ``05-24 00:16``): every such item is
``related-links``.  Paragraphs of an article are not items — they have no stamp and no
link each; a page's own date line stands alone.
"""

from __future__ import annotations

from collections import defaultdict

from bs4 import Tag

from pipeline.decode.html.count import Counted
from pipeline.decode.html.vocab import FEED_ITEM_MAX, FEED_MIN, FEED_STAMP

REASON = "related-links"


def feed_chrome(counted: Counted, chrome: dict[int, str]) -> dict[int, str]:
    """``chrome`` plus every item of a teaser feed (module docstring)."""
    marked = dict(chrome)
    stats = counted.stats
    for parent in [counted.root, *counted.order]:
        if id(parent) in marked:
            continue
        groups: dict[tuple[str, str], list[Tag]] = defaultdict(list)
        for child in parent.children:
            if not isinstance(child, Tag) or id(child) not in stats or id(child) in marked:
                continue
            st = stats[id(child)]
            if 0 < st.letters <= FEED_ITEM_MAX and st.links and not st.h1:
                groups[(child.name, " ".join(child.get("class") or ()))].append(child)
        for items in groups.values():
            if len(items) < FEED_MIN:
                continue
            stamped = [t for t in items if FEED_STAMP.search(t.get_text(" "))]
            if len(stamped) >= FEED_MIN and 3 * len(stamped) >= 2 * len(items):
                marked.update((id(t), REASON) for t in items)
    return marked
