"""structure: cleaned lines → articles with title, subtitle, headings and paragraphs.

Tables are found first, on the decoded lines (:mod:`.tables`, :func:`find_tables`,
called by :mod:`pipeline.core` between clean and structure), then four steps, in order,
one module each:

1. **Articles** (:mod:`.articles`): where each article of the file starts.
2. **Pieces** (:mod:`.pieces`): each line split where a space stands for a lost line
   break; in flattened lines the spaces that stand for mere line wraps dropped (a line
   a Markdown, Word or PDF reader hinted, :mod:`.hints`, stays whole).
3. **Blocks** and 4. **levels** (:mod:`.blocks`): the title and subtitle, then each piece
   to the first body step that takes it (heading, section word, paragraph …), heading
   levels from the marker families.

Text is normalised (:func:`pipeline.text.normalize.normalize`) as blocks are made.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.model import (
    NO_HINTS,
    Article,
    Cleaned,
    Head,
    Hints,
    Imprint,
    Notice,
    Paragraph,
    PlacedTable,
    Removal,
    Structured,
    head_lines,
    imprint_lines,
)
from pipeline.structure import hints as hinted
from pipeline.structure.articles import article_starts
from pipeline.structure.blocks import build_article
from pipeline.structure.meta import apply_meta
from pipeline.structure.tables import find_tables
from pipeline.text.lines import Line
from pipeline.text.normalize import normalize

__all__ = ["apply_meta", "find_tables", "structure"]


def structure(
    cleaned: Cleaned,
    *,
    tables: Sequence[PlacedTable] = (),
    title: str | None = None,
    keep_numbering: bool = False,
    hint: str = "",
    hints: Hints = NO_HINTS,
) -> Structured:
    """Articles of the cleaned text; ``tables`` (:func:`find_tables`) go back where they
    stood; ``title`` replaces the title of a single article; ``hint`` is what a page says
    its title is (``Decoded.title_hint``); ``hints``: what the reader of a Markdown, Word
    or PDF file knows (:mod:`.hints`) — the documents then start at the titles it named."""
    lines = cleaned.lines
    if not lines:
        alone = tuple(t.table for t in tables)
        return Structured((Article("", "", alone),) if alone else ())
    starts = hinted.article_starts(lines, hints) or article_starts(lines, cleaned.title_cuts)
    articles: list[Article] = []
    notices: list[Notice] = []
    removed: list[Removal] = []
    repairs: list[Notice] = []
    orphan: tuple[Paragraph, ...] = ()  # a title heading nothing, before any article
    head: Head | None = None  # a 版头 heading nothing: the next article's
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    k = 0
    while k < len(bounds):
        a, b = bounds[k]
        inside = _tables_in(tables, lines, a, b)
        article, ns, gone, fixed = build_article(
            lines[a:b], keep_numbering, hint if not a else "", hints, inside
        )
        if not article.blocks and not articles and k + 1 < len(bounds):
            # the file opens with a title heading nothing: it and the next article are one
            # (the title chooser decides which of their first lines is the title)
            bounds[k + 1] = (a, bounds[k + 1][1])
            k += 1
            continue
        k += 1
        notices.extend(ns)
        removed.extend(gone)
        repairs.extend(fixed)
        if not article.blocks:
            # a title heading nothing is no document: keep its text as a paragraph of the
            # article before it (or, first in the file, of the article after it); a 版头
            # goes on to the article after it, a 版记 stays with the one before
            first = lines[a].no
            lone = tuple(Paragraph(t, line=first) for t in (article.title, article.subtitle) if t)
            head = head or article.head
            if articles:
                prev = articles[-1]
                articles[-1] = replace(
                    prev, blocks=(*prev.blocks, *lone), imprint=_merged(prev.imprint, article.imprint)
                )
            else:
                orphan += lone + tuple(Paragraph(t) for t in imprint_lines(article.imprint))
            continue
        if orphan:
            article = replace(article, blocks=(*orphan, *article.blocks))
            orphan = ()
        if head is not None:
            article = replace(article, head=_merged_head(head, article.head))
            head = None
        articles.append(article)
    if head is not None:  # a 版头 with nothing after it: its lines as paragraphs
        orphan += tuple(Paragraph(t) for t in head_lines(head))
    if orphan and articles:
        articles[-1] = replace(articles[-1], blocks=(*articles[-1].blocks, *orphan))
    elif orphan:
        articles.append(Article("", "", orphan))
    if title is not None and len(articles) == 1:
        only = articles[0]
        if only.title and only.title != title:
            removed.append(Removal(only.title, "replaced-title", lines[0].no))
        articles[0] = replace(only, title=normalize(title))
    elif title is not None:
        notices.append(
            Notice("title-ignored", f"--title applies to single-article inputs; this one has {len(articles)}")
        )
    if any(not a.title for a in articles):
        notices.append(Notice("no-title", "a document has no title line; it starts with its body"))
    return Structured(
        tuple(articles), tuple(removed), tuple(notices), tuple(sorted(repairs, key=lambda n: n.line))
    )


def _merged(a: Imprint | None, b: Imprint | None) -> Imprint | None:
    """Two 版记 of one document as one (the fields ``a`` lacks taken from ``b``)."""
    if a is None or b is None:
        return a or b
    return Imprint(*(x or y for x, y in zip(a.values(), b.values(), strict=True)))


def _merged_head(a: Head, b: Head | None) -> Head:
    """A 版头 found above an article's own (the fields ``b`` lacks taken from ``a``)."""
    if b is None:
        return a
    return Head(
        b.copy_number or a.copy_number,
        b.classification or a.classification,
        b.urgency or a.urgency,
        b.issuer or a.issuer,
        b.doc_number or a.doc_number,
        b.signers or a.signers,
    )


def _tables_in(tables: Sequence[PlacedTable], lines: Sequence[Line], a: int, b: int) -> list[PlacedTable]:
    """The tables whose first line stands among ``lines[a:b]`` (before the first line: the first article's)."""
    lo = lines[a].no if a else 0
    hi = lines[b].no if b < len(lines) else float("inf")
    return [t for t in tables if lo <= t.first < hi]
