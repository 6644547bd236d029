"""Corrections on top of the pipeline's tree: a pure, typed edit list.

The pipeline's call is sometimes wrong: a paragraph judged to be site furniture, a
heading one level off, the wrong line taken for the title.  ``gongwen serve`` lets a
user fix such a call with a click; each click is one :data:`Edit`, and the document the
user sees is :func:`apply` of the whole list to the tree :func:`pipeline.core.convert`
made.  Undo is the same list without its last edit.

Edits are applied in order, and each one addresses the tree as the edits before it left
it: ``Remove(0, 3)`` after a ``Restore`` that inserted a paragraph before block 3 removes
what is block 3 *then*.  A client that shows the current tree and appends edits made on
what it shows therefore always addresses the right thing.

Nothing disappears: a removed block becomes a :class:`~pipeline.model.Removal` with the
reason ``user-removed`` (so body + ``removed`` still account for every input
character), a restored piece leaves ``removed`` for the body, an old title replaced
by :class:`MakeTitle` stays as the article's first paragraph.

>>> from pipeline.model import Article, DocTree, Heading, Paragraph, Removal
>>> doc = DocTree("a.txt", "utf-8", (Article("题", "", (Paragraph("甲", line=2), Paragraph("丙", line=4))),),
...               (Removal("乙,", "site-furniture", line=3),))
>>> new = apply(doc, [Restore(0), SetLevel(0, 0, 1)])
>>> new.documents[0].blocks
(Heading(level=1, number='', text='甲', tail='', line=2), Paragraph(text='乙，', line=3), Paragraph(text='丙', line=4))
>>> new.removed
()
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from pipeline.errors import EditError
from pipeline.model import (
    TEXT_BLOCKS,
    Article,
    Block,
    DocTree,
    Heading,
    Paragraph,
    Removal,
    Table,
    block_lines,
)
from pipeline.text.normalize import normalize

USER_REMOVED = "user-removed"  # registered in pipeline.reasons, stage "edit"
LEVELS = range(0, 5)  # SetLevel: 1–4 a heading of that level, 0 a paragraph


@dataclass(frozen=True, slots=True)
class Restore:
    """Put ``doc.removed[removal]`` back as a paragraph where its input line stands."""

    removal: int
    op: ClassVar[str] = "restore"


@dataclass(frozen=True, slots=True)
class Remove:
    """Take block ``block`` of document ``doc`` out, into ``removed`` as ``user-removed``."""

    doc: int
    block: int
    op: ClassVar[str] = "remove"


@dataclass(frozen=True, slots=True)
class SetLevel:
    """Make block ``block`` of document ``doc`` a heading of ``level`` 1–4, or with level 0
    a paragraph (a heading's number, text and tail become the paragraph's text)."""

    doc: int
    block: int
    level: int
    op: ClassVar[str] = "level"


@dataclass(frozen=True, slots=True)
class MakeTitle:
    """Make block ``block`` of document ``doc`` its title; the old title, if any, becomes the
    document's first paragraph."""

    doc: int
    block: int
    op: ClassVar[str] = "title"


Edit = Restore | Remove | SetLevel | MakeTitle
EDITS: dict[str, type[Edit]] = {c.op: c for c in (Restore, Remove, SetLevel, MakeTitle)}


def apply(doc: DocTree, edits: Sequence[Edit]) -> DocTree:
    """``doc`` with every edit applied in order; :class:`EditError` names the first edit
    (1-based) that does not fit the tree the ones before it made."""
    for i, edit in enumerate(edits, 1):
        try:
            doc = _apply_one(doc, edit)
        except EditError as e:
            raise EditError(f"edit {i} ({edit.op}): {e}") from None
    return doc


def _apply_one(doc: DocTree, edit: Edit) -> DocTree:
    if isinstance(edit, Restore):
        return _restore(doc, edit.removal)
    article, block = _block(doc, edit.doc, edit.block)
    blocks = list(article.blocks)
    if isinstance(edit, Remove):
        del blocks[edit.block]
        text = "\n".join(t for _, t in block_lines((block,)))
        removal = Removal(text, USER_REMOVED, line=block.line)
        return _with_article(doc, edit.doc, replace(article, blocks=tuple(blocks)), _inserted(doc, removal))
    if isinstance(edit, SetLevel):
        blocks[edit.block] = _leveled(block, edit.level)
        return _with_article(doc, edit.doc, replace(article, blocks=tuple(blocks)), doc.removed)
    # MakeTitle
    if isinstance(block, Table):
        raise EditError(f"block {edit.block} of document {edit.doc} is a table; a table cannot be a title")
    del blocks[edit.block]
    title = "".join(t for _, t in block_lines((block,)))
    if article.title:
        first_line = next((b.line for b in article.blocks if b.line), 0)
        blocks.insert(0, Paragraph(article.title, line=first_line))
    return _with_article(doc, edit.doc, replace(article, title=title, blocks=tuple(blocks)), doc.removed)


def _block(doc: DocTree, d: int, b: int) -> tuple[Article, Block]:
    if not 0 <= d < len(doc.documents):
        raise EditError(f"there is no document {d} (the input has {len(doc.documents)})")
    article = doc.documents[d]
    if not 0 <= b < len(article.blocks):
        raise EditError(f"document {d} has no block {b} (it has {len(article.blocks)})")
    return article, article.blocks[b]


def _with_article(doc: DocTree, d: int, article: Article, removed: tuple[Removal, ...]) -> DocTree:
    documents = (*doc.documents[:d], article, *doc.documents[d + 1 :])
    return replace(doc, documents=documents, removed=removed)


def _inserted(doc: DocTree, removal: Removal) -> tuple[Removal, ...]:
    """``doc.removed`` with ``removal`` in input order (after pieces of the same line)."""
    at = bisect.bisect_right([r.line for r in doc.removed], removal.line)
    return (*doc.removed[:at], removal, *doc.removed[at:])


def _leveled(block: Block, level: int) -> Block:
    if level not in LEVELS:
        raise EditError(f"level must be 0 (a paragraph) or 1–4, got {level}")
    if isinstance(block, Heading):
        if level == 0:
            return Paragraph(block.number + block.text + block.tail, line=block.line)
        return replace(block, level=level)
    if type(block) not in TEXT_BLOCKS.values():
        raise EditError(f"a {block.kind} cannot become a heading or a paragraph")
    text: str = block.text  # type: ignore[union-attr]  # every TEXT_BLOCKS type has one
    if level == 0:
        return Paragraph(text, line=block.line)
    return Heading(level, "", text, line=block.line)


def _restore(doc: DocTree, k: int) -> DocTree:
    if not 0 <= k < len(doc.removed):
        raise EditError(f"there is no removed piece {k} (the input has {len(doc.removed)})")
    removal = doc.removed[k]
    text = normalize(removal.text)
    if not text:
        raise EditError(f"removed piece {k} is only white space; there is nothing to restore")
    if not doc.documents:
        raise EditError("the tree has no document to restore into")
    d, at = place(doc, removal.line)
    article = doc.documents[d]
    blocks = (*article.blocks[:at], Paragraph(text, line=removal.line), *article.blocks[at:])
    removed = doc.removed[:k] + doc.removed[k + 1 :]
    return _with_article(doc, d, replace(article, blocks=blocks), removed)


def place(doc: DocTree, line: int) -> tuple[int, int]:
    """Where a piece of input line ``line`` goes: (document, index among its blocks).

    Inside a document's span of lines it goes after the last block that starts on or
    before ``line``; in the gap between two documents it opens the later one (what stands
    between two articles of a compilation is mostly the next one's header: a copy of
    its title, 【篇二】, its date line); before the first document it opens that one,
    after the last it closes it.  Blocks without a line (a tree read from JSON, which
    does not keep them) are passed over, so there a piece goes to the end.

    >>> from pipeline.model import Article, DocTree, Paragraph
    >>> a = Article("", "", (Paragraph("甲", line=2), Paragraph("乙", line=5)))
    >>> b = Article("", "", (Paragraph("丙", line=9),))
    >>> doc = DocTree("", "", (a, b), ())
    >>> [place(doc, n) for n in (1, 3, 5, 7, 10)]
    [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)]
    """
    return Places(doc)(line)


class Places:
    """:func:`place` for many lines of one tree (each in O(log n)): the page shows every
    removed piece where restoring it would put it."""

    def __init__(self, doc: DocTree) -> None:
        self.doc = doc
        # per document with lined blocks: (document, first line, last line)
        self.spans: list[tuple[int, int, int]] = []
        # per document: its lined blocks' lines sorted, and for each the highest block
        # index among those of that line or before (lines need not rise block by block)
        self.lines: dict[int, tuple[list[int], list[int]]] = {}
        for d, article in enumerate(doc.documents):
            lined = sorted((b.line, i) for i, b in enumerate(article.blocks) if b.line)
            if not lined:
                continue
            self.spans.append((d, lined[0][0], max(n for n, _ in lined)))
            highest, top = [], -1
            for _, i in lined:
                top = max(top, i)
                highest.append(top)
            self.lines[d] = ([n for n, _ in lined], highest)
        self.starts = [first for _, first, _ in self.spans]

    def __call__(self, line: int) -> tuple[int, int]:
        if not self.spans:
            d = max(len(self.doc.documents) - 1, 0)
            return d, len(self.doc.documents[d].blocks) if self.doc.documents else 0
        i = bisect.bisect_right(self.starts, line) - 1
        if i < 0:
            return self.spans[0][0], 0
        d, _, last = self.spans[i]
        if line > last and i + 1 < len(self.spans):
            return self.spans[i + 1][0], 0
        lines, highest = self.lines[d]
        j = bisect.bisect_right(lines, line) - 1
        return d, highest[j] + 1


# ---------------------------------------------------------------- JSON edge


def to_dicts(edits: Sequence[Edit]) -> list[dict[str, Any]]:
    """The edit list as JSON objects: ``{"op": "restore", "removal": 3}`` …

    >>> to_dicts([Restore(3), SetLevel(0, 5, 2)])
    [{'op': 'restore', 'removal': 3}, {'op': 'level', 'doc': 0, 'block': 5, 'level': 2}]
    """
    out = []
    for e in edits:
        d: dict[str, Any] = {"op": e.op}
        d.update({name: getattr(e, name) for name in e.__slots__})
        out.append(d)
    return out


def from_dicts(value: Any) -> tuple[Edit, ...]:
    """Read an edit list from JSON; :class:`EditError` names what is wrong where.

    >>> from_dicts([{"op": "remove", "doc": 0, "block": 2}])
    (Remove(doc=0, block=2),)
    >>> from_dicts([{"op": "level", "doc": 0, "block": 2}])
    Traceback (most recent call last):
      ...
    pipeline.errors.EditError: edits[0].level: must be a whole number, got nothing
    """
    if not isinstance(value, list):
        raise EditError("edits: must be a list of edits")
    edits = []
    for i, item in enumerate(value):
        where = f"edits[{i}]"
        if not isinstance(item, dict):
            raise EditError(f"{where}: must be an object")
        cls = EDITS.get(item.get("op"))  # type: ignore[arg-type]
        if cls is None:
            raise EditError(f"{where}.op: must be one of {', '.join(EDITS)}, got {item.get('op')!r}")
        args = {}
        for name in cls.__slots__:
            v = item.get(name)
            if not isinstance(v, int) or isinstance(v, bool):
                got = "nothing" if name not in item else repr(v)
                raise EditError(f"{where}.{name}: must be a whole number, got {got}")
            args[name] = v
        edits.append(cls(**args))
    return tuple(edits)
