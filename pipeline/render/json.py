"""json: DocTree → doc-tree/1 JSON bytes (UTF-8, stable key order, Chinese unescaped)."""

from __future__ import annotations

from pipeline.model import DocTree, to_json


def render(doc: DocTree) -> bytes:
    return to_json(doc).encode("utf-8")
