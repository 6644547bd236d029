"""Step 6: rule D line by line, and the page's text and removals assembled.

A line outside the article is kept only if it is the title before the article or
prose; what goes is named by its weakly named ancestor or by position.  A labelled or
cut-off copy of the article's start (a CMS summary) is ``summary`` wherever it stands.
"""

from __future__ import annotations

from pipeline.decode.html.layout import Line
from pipeline.decode.html.tree import is_excerpt, squeeze
from pipeline.decode.html.vocab import CAPTION_MAX
from pipeline.model import Removal


def outside_reason(line: Line) -> str:
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


def assemble(lines: list[Line]) -> tuple[str, tuple[Removal, ...], str, tuple[int, ...]]:
    """(text, removed, first kept ``<h1>``, the 1-based numbers of the kept lines that are
    a picture's caption): kept lines joined, a blank line between blocks."""
    article = "".join(squeeze(ln.text) for ln in lines if not ln.region and not ln.chrome)
    out: list[str] = []
    removed: list[Removal] = []
    h1 = ""
    captions: list[int] = []
    gap = False
    for line in lines:
        gap = gap or line.gap_before
        reason = line.chrome or (outside_reason(line) if line.region else "")
        if line.region and reason in ("", "site-header", "site-footer") and is_excerpt(line.text, article):
            reason = "summary"  # a copy of the article's start, kept or not: say what it is
        if reason:
            removed.append(Removal(line.text, reason, len(out) + (2 if out and gap else 1)))
            continue
        if gap and out:
            out.append("")
        gap = False
        out.append(line.text)
        if line.caption and not line.heading and len(line.text) <= CAPTION_MAX:
            captions.append(len(out))
        if not h1 and line.heading == "h1":
            h1 = line.text
    return ("\n".join(out) + "\n" if out else ""), tuple(removed), h1, tuple(captions)
