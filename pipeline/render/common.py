"""What both document renderers need of an article beyond the layout table."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.model import Article, Block, Paragraph, block_lines, head_lines, imprint_lines


def printed_blocks(article: Article) -> Iterator[tuple[Block, str]]:
    """The article's blocks with their printed text (:func:`pipeline.model.block_lines`),
    the 版头 values before them and the 版记 values after them as paragraphs."""
    for text in head_lines(article.head):
        yield Paragraph(text), text
    yield from block_lines(article.blocks)
    for text in imprint_lines(article.imprint):
        yield Paragraph(text), text
