"""The document model: frozen dataclasses mirroring doc-tree/1 (``shared/doc-tree.md``).

Field names equal the doc-tree/1 names, so :func:`to_json` is mechanical.
Which text form each field holds:

* ``Removal.text`` is *raw*: exactly the input text that was dropped (half-width
  punctuation and all), so a reader can find it in the input.
* ``Article.title``/``subtitle``, ``Heading.text``/``tail``/``number`` and
  ``Paragraph.text`` are *normalised*: full-width Chinese punctuation, no
  leading indentation, whitespace trimmed; what the renderers print.

The tree is flat, as in pandoc: an article is a title, a subtitle and a tuple of
blocks; sections are never stored (derive them when needed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import SchemaError
from pipeline.text.lines import Line

SCHEMA = "doc-tree/1"


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of input text the pipeline dropped, and why (the rule's name)."""

    text: str
    reason: str
    # 1-based input line; kept for ordering and `explain`, not in JSON (so not compared)
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or unnumbered) heading; ``tail`` is body text run in after it."""

    level: int
    number: str
    text: str
    tail: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One natural paragraph of body text."""

    text: str


Block = Heading | Paragraph


@dataclass(frozen=True, slots=True)
class Article:
    """One document of the input: title, subtitle and blocks in reading order."""

    title: str
    subtitle: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning as data (pandoc's LogMessage): never an error, never printed here."""

    code: str
    message: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class DocTree:
    """One input file, converted."""

    source: str
    encoding: str
    documents: tuple[Article, ...]
    removed: tuple[Removal, ...]
    notices: tuple[Notice, ...] = ()
    schema: str = SCHEMA
    # what structure repaired (paragraphs joined, lines split): for `gongwen explain`, not in JSON
    repairs: tuple[Notice, ...] = field(default=(), compare=False)


# ---------------------------------------------------------------- hand-offs between stages


@dataclass(frozen=True, slots=True)
class Decoded:
    """What decode hands to clean: the input as text, and what decoding dropped."""

    text: str  # LF line ends, visible text only (an HTML page reduced to its text lines)
    encoding: str  # doc-tree `encoding`: utf-8, utf-8-sig, utf-16, gb18030, big5, ...
    removed: tuple[Removal, ...] = ()  # what decoding dropped (U+FFFD, HTML page chrome)
    notices: tuple[Notice, ...] = ()
    title_hint: str = ""  # an HTML page's <h1>, else its <title>: a candidate for the title


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What clean hands to structure."""

    lines: tuple[Line, ...]  # kept lines, cut spans taken out
    removed: tuple[Removal, ...]  # input order
    notices: tuple[Notice, ...] = ()
    # input lines where a copy of a title was cut away (a repeated, listing or collection
    # title, see pipeline.reasons): an article may start at the line before or after one
    title_cuts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Structured:
    """What structure hands back: the articles, and what structure itself dropped."""

    articles: tuple[Article, ...]
    removed: tuple[Removal, ...] = ()
    notices: tuple[Notice, ...] = ()
    repairs: tuple[Notice, ...] = ()  # paragraphs joined and lines split, for `gongwen explain`


def body_text(article: Article) -> str:
    """All printed text of an article in reading order (used by checks and tests).

    >>> body_text(Article("题", "", (Heading(1, "一、", "甲", "乙"), Paragraph("丙"))))
    '题一、甲乙丙'
    """
    parts = [article.title, article.subtitle]
    for b in article.blocks:
        if isinstance(b, Heading):
            parts.extend((b.number, b.text, b.tail))
        else:
            parts.append(b.text)
    return "".join(parts)


# ---------------------------------------------------------------- JSON edge


def _block_to_dict(b: Block) -> dict[str, Any]:
    if isinstance(b, Heading):
        d: dict[str, Any] = {"type": "heading", "level": b.level, "number": b.number, "text": b.text}
        if b.tail:
            d["tail"] = b.tail
        return d
    return {"type": "paragraph", "text": b.text}


def to_dict(doc: DocTree) -> dict[str, Any]:
    """The doc-tree/1 object, keys in the order of ``shared/doc-tree.md``."""
    return {
        "schema": doc.schema,
        "source": doc.source,
        "encoding": doc.encoding,
        "documents": [
            {
                "title": a.title,
                "subtitle": a.subtitle,
                "blocks": [_block_to_dict(b) for b in a.blocks],
            }
            for a in doc.documents
        ],
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "notices": [{"code": n.code, "message": n.message, "line": n.line} for n in doc.notices],
    }


def to_json(doc: DocTree) -> str:
    """Stable, readable JSON: fixed key order, Chinese not escaped, trailing newline."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def _str(d: dict[str, Any], key: str, default: str | None = None) -> str:
    v = d.get(key, default)
    if not isinstance(v, str):
        raise SchemaError(f"field {key!r} must be a string, got {type(v).__name__}")
    return v


def _block_from_dict(d: Any) -> Block:
    if not isinstance(d, dict):
        raise SchemaError("a block must be an object")
    kind = d.get("type")
    if kind == "heading":
        level = d.get("level")
        if not isinstance(level, int) or not 1 <= level <= 4:
            raise SchemaError(f"heading level must be 1-4, got {level!r}")
        return Heading(level, _str(d, "number", ""), _str(d, "text"), _str(d, "tail", "") or "")
    if kind == "paragraph":
        return Paragraph(_str(d, "text"))
    raise SchemaError(f"unknown block type {kind!r}")


def from_dict(d: Any) -> DocTree:
    """Build a DocTree from a doc-tree/1 object; rejects other schemas clearly."""
    if not isinstance(d, dict):
        raise SchemaError("a doc-tree must be a JSON object")
    schema = d.get("schema")
    if schema != SCHEMA:
        raise SchemaError(f"unsupported schema {schema!r}: this version reads {SCHEMA!r} only")
    docs = d.get("documents")
    if not isinstance(docs, list):
        raise SchemaError("'documents' must be a list")
    articles = []
    for a in docs:
        if not isinstance(a, dict):
            raise SchemaError("a document must be an object")
        blocks = a.get("blocks", [])
        if not isinstance(blocks, list):
            raise SchemaError("'blocks' must be a list")
        articles.append(
            Article(
                _str(a, "title", ""),
                _str(a, "subtitle", ""),
                tuple(_block_from_dict(b) for b in blocks),
            )
        )
    removed = []
    for r in d.get("removed", []):
        if not isinstance(r, dict):
            raise SchemaError("a removed entry must be an object")
        removed.append(Removal(_str(r, "text"), _str(r, "reason")))
    notices = []
    for n in d.get("notices", []):
        if not isinstance(n, dict):
            raise SchemaError("a notice must be an object")
        line = n.get("line", 0)
        notices.append(Notice(_str(n, "code"), _str(n, "message"), line if isinstance(line, int) else 0))
    return DocTree(
        source=_str(d, "source", ""),
        encoding=_str(d, "encoding", ""),
        documents=tuple(articles),
        removed=tuple(removed),
        notices=tuple(notices),
    )


def from_json(text: str) -> DocTree:
    """Parse doc-tree/1 JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SchemaError(f"not JSON: {e.msg} at line {e.lineno}") from None
    return from_dict(data)
