"""json: DocTree → doc-tree JSON bytes (UTF-8, stable key order, Chinese unescaped)."""

from __future__ import annotations

from pipeline.model import SCHEMA, DocTree, to_json


def render(doc: DocTree, *, schema: str = SCHEMA) -> bytes:
    """doc-tree/2, or the older doc-tree/1 for tools that read only that."""
    return to_json(doc, schema).encode("utf-8")
