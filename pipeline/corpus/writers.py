"""Writers of the output shards: doc-tree records (JSONL or Parquet) and error records (JSONL).

Each is a datatrove writer whose shard is written under a hidden temporary name
(``records/.00003.jsonl.part``) and renamed into place only when its task has written
everything: a task that fails or is killed leaves no partial shard under a real name,
and its rerun (datatrove reruns every task without a completion marker) writes the
shard again from the start.

A record line is ``{"id", "source", "text", "doc_tree", "metadata"?}``: ``doc_tree`` is
the object ``gongwen convert FILE --to json`` writes (in Parquet, that JSON text itself,
byte for byte), ``metadata`` the input's other columns when it had any.  An error line is
``{"id", "source", "kind", "error"}``.
"""

from __future__ import annotations

import contextlib
import json
import os
from types import TracebackType
from typing import Any

from datatrove.data import Document
from datatrove.io import DataFolderLike
from datatrove.pipeline.writers.jsonl import JsonlWriter
from datatrove.pipeline.writers.parquet import ParquetWriter

from pipeline.corpus.steps import ERROR, KIND, SOURCE, TREE

PART = ".part"


def part_name(name: str) -> str:
    """The hidden temporary name a shard is written under.

    >>> part_name("records/00003.jsonl"), part_name("00003.jsonl")
    ('records/.00003.jsonl.part', '.00003.jsonl.part')
    """
    parent, _, base = name.rpartition("/")
    return f"{parent}/.{base}{PART}" if parent else f".{base}{PART}"


def final_name(part: str) -> str:
    """The name a shard gets when its task is done (the inverse of :func:`part_name`).

    >>> final_name("records/.00003.jsonl.part")
    'records/00003.jsonl'
    """
    parent, _, base = part.rpartition("/")
    base = base.removeprefix(".").removesuffix(PART)
    return f"{parent}/{base}" if parent else base


class _Atomic:
    """Mixin for a datatrove ``DiskWriter``: shards under :func:`part_name`, renamed on success."""

    def _get_output_filename(self, document: Document, rank: int | str = 0, **kwargs: Any) -> str:
        name: str = super()._get_output_filename(document, rank, **kwargs)  # type: ignore[misc]
        # datatrove also asks with rank "XXXXX", for the label of its per-file count
        return name if rank == "XXXXX" else part_name(name)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        folder: Any = self.output_folder  # type: ignore[attr-defined]
        parts = list(self.output_mg.get_open_files())  # type: ignore[attr-defined]
        if exc_type is None:
            self.close()  # type: ignore[attr-defined]  # flushes, and Parquet writes its last batch
            for part in parts:
                if folder.is_local():
                    _fsync(folder.resolve_paths(part))
                folder.mv(part, final_name(part))
            return
        with contextlib.suppress(Exception):  # the task is failing already: its error is the one to see
            self.close()  # type: ignore[attr-defined]
        for part in parts:
            with contextlib.suppress(OSError):
                folder.rm(part)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def record_dict(writer: Any, document: Document) -> dict[str, Any]:
    """A converted record as a JSONL line (the ``adapter`` of :class:`RecordJsonlWriter`)."""
    meta = dict(document.metadata)
    line: dict[str, Any] = {
        "id": document.id,
        "source": str(meta.pop(SOURCE, document.id)),
        "text": document.text,
        "doc_tree": meta.pop(TREE, None),
    }
    if meta:
        line["metadata"] = meta
    return line


def record_row(writer: Any, document: Document) -> dict[str, Any]:
    """A converted record as a Parquet row: the doc-tree as the JSON text ``convert`` writes."""
    line = record_dict(writer, document)
    line["doc_tree"] = json.dumps(line["doc_tree"], ensure_ascii=False, indent=2) + "\n"
    line["metadata"] = json.dumps(line.get("metadata", {}), ensure_ascii=False, default=str)
    return line


def error_dict(writer: Any, document: Document) -> dict[str, Any]:
    """A failed record as a line of the error shard."""
    meta = document.metadata
    return {
        "id": document.id,
        "source": meta.get(SOURCE, document.id),
        "kind": meta[KIND],
        "error": meta[ERROR],
    }


class RecordJsonlWriter(_Atomic, JsonlWriter):  # type: ignore[misc]  # datatrove is untyped
    """Doc-tree records as JSONL shards, ``records/00000.jsonl`` (``.gz`` with ``compression="gzip"``)."""

    name = "gongwen records (jsonl)"

    def __init__(
        self,
        output_folder: DataFolderLike,
        output_filename: str | None = None,
        compression: str | None = None,
    ) -> None:
        super().__init__(output_folder, output_filename, compression=compression, adapter=record_dict)


class RecordParquetWriter(_Atomic, ParquetWriter):  # type: ignore[misc]  # datatrove is untyped
    """Doc-tree records as Parquet shards, ``records/00000.parquet``; every column a string."""

    name = "gongwen records (parquet)"

    def __init__(self, output_folder: DataFolderLike, output_filename: str | None = None) -> None:
        import pyarrow as pa

        schema = pa.schema([(k, pa.string()) for k in ("id", "source", "text", "doc_tree", "metadata")])
        # one file per shard (no rotation at 5 GB: a rotated name would not be the shard's)
        super().__init__(output_folder, output_filename, adapter=record_row, schema=schema, max_file_size=-1)


class ErrorJsonlWriter(_Atomic, JsonlWriter):  # type: ignore[misc]  # datatrove is untyped
    """Failed records as JSONL shards, ``errors/00000.jsonl``: id, source, kind, reason."""

    name = "gongwen errors (jsonl)"

    def __init__(self, output_folder: DataFolderLike, output_filename: str | None = None) -> None:
        super().__init__(output_folder, output_filename, compression=None, adapter=error_dict)
