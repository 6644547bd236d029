"""Metadata stated outside the body (a Markdown draft's front matter) merged into the document.

The seam for ``--meta`` (issue 15): a :class:`~pipeline.model.Meta` value goes into a
single-document input the same way whatever supplied it — the title when the text has
none, the 版头 and 版记 fields, 主送机关 before the body, 署名 and 成文日期 after it.
What the text already has wins: a value is filled in, never overwritten.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.model import Article, Block, Date, Meta, Notice, Recipients, Signature
from pipeline.text.normalize import normalize


def apply_meta(articles: tuple[Article, ...], meta: Meta | None) -> tuple[tuple[Article, ...], list[Notice]]:
    """``articles`` with ``meta`` filled in (one document only; a notice otherwise).

    >>> from pipeline.model import Paragraph, Head
    >>> (a,), _ = apply_meta((Article("", "", (Paragraph("正文。"),)),),
    ...                      Meta(title="通知", head=Head(issuer="XX县人民政府文件"), date="2024年3月5日"))
    >>> a.title, a.head.issuer, [b.kind for b in a.blocks]
    ('通知', 'XX县人民政府文件', ['paragraph', 'date'])
    """
    if meta is None or meta == Meta():
        return articles, []
    if len(articles) != 1:
        return articles, [
            Notice("meta-ignored", f"front matter applies to one document; this input has {len(articles)}")
        ]
    a = articles[0]
    blocks: list[Block] = list(a.blocks)
    if meta.recipients and not any(isinstance(b, Recipients) for b in blocks):
        blocks.insert(0, Recipients(normalize(meta.recipients)))
    if meta.signatures and not any(isinstance(b, Signature) for b in blocks):
        blocks += [Signature(normalize(s)) for s in meta.signatures]
    if meta.date and not any(isinstance(b, Date) for b in blocks):
        blocks.append(Date(normalize(meta.date)))
    return (
        replace(
            a,
            title=a.title or normalize(meta.title),
            blocks=tuple(blocks),
            head=a.head or meta.head,
            imprint=a.imprint or meta.imprint,
        ),
    ), []
