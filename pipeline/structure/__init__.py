"""structure: cleaned lines → articles with title, subtitle, headings and paragraphs.

Four steps, in order, one module each:

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

from pipeline.model import NO_HINTS, Article, Cleaned, Hints, Notice, Paragraph, Removal, Structured
from pipeline.structure import hints as hinted
from pipeline.structure.articles import article_starts
from pipeline.structure.blocks import build_article
from pipeline.structure.meta import apply_meta
from pipeline.text.normalize import normalize

__all__ = ["apply_meta", "structure"]


def structure(
    cleaned: Cleaned,
    *,
    title: str | None = None,
    keep_numbering: bool = False,
    hint: str = "",
    hints: Hints = NO_HINTS,
) -> Structured:
    """Articles of the cleaned text; ``title`` replaces the title of a single article;
    ``hint`` is what a page says its title is (``Decoded.title_hint``); ``hints``: what
    the reader of a Markdown, Word or PDF file knows (:mod:`.hints`) — the documents
    then start at the titles it named."""
    lines = cleaned.lines
    if not lines:
        return Structured(())
    starts = hinted.article_starts(lines, hints) or article_starts(lines, cleaned.title_cuts)
    articles: list[Article] = []
    notices: list[Notice] = []
    removed: list[Removal] = []
    repairs: list[Notice] = []
    orphan: tuple[Paragraph, ...] = ()  # a title heading nothing, before any article
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    k = 0
    while k < len(bounds):
        a, b = bounds[k]
        article, ns, gone, fixed = build_article(lines[a:b], keep_numbering, hint if not a else "", hints)
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
            # article before it (or, first in the file, of the article after it)
            first = lines[a].no
            lone = tuple(Paragraph(t, line=first) for t in (article.title, article.subtitle) if t)
            if articles:
                prev = articles[-1]
                articles[-1] = Article(prev.title, prev.subtitle, (*prev.blocks, *lone))
            else:
                orphan += lone
            continue
        if orphan:
            article = Article(article.title, article.subtitle, (*orphan, *article.blocks))
            orphan = ()
        articles.append(article)
    if orphan:
        articles.append(Article("", "", orphan))
    if title is not None and len(articles) == 1:
        only = articles[0]
        if only.title and only.title != title:
            removed.append(Removal(only.title, "replaced-title", lines[0].no))
        articles[0] = Article(normalize(title), only.subtitle, only.blocks)
    elif title is not None:
        notices.append(
            Notice("title-ignored", f"--title applies to single-article inputs; this one has {len(articles)}")
        )
    if any(not a.title for a in articles):
        notices.append(Notice("no-title", "a document has no title line; it starts with its body"))
    return Structured(
        tuple(articles), tuple(removed), tuple(notices), tuple(sorted(repairs, key=lambda n: n.line))
    )
