"""The two datatrove steps: :class:`Convert` (decode → clean → structure) and :class:`Render`.

Compose them with datatrove's own readers, filters, dedup and writers::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from pipeline.corpus.steps import Convert

    LocalPipelineExecutor(
        [JsonlReader("pages/", text_key="html"), Convert(), JsonlWriter("clean/")],
        tasks=8, workers=2, logging_dir="logs/",
    ).run()

**What Convert reads.** A record's input is ``metadata["raw_bytes"]`` when a reader put
bytes there (the readers of :mod:`pipeline.corpus.readers` do, for files and WARC
payloads), otherwise ``text`` encoded as UTF-8 (a JSONL or Parquet text column).  Its
``metadata["source"]`` (else its ``id``) names it; the last segment of that name is the
file name ``convert`` would see (:func:`~pipeline.corpus.record.source_name`), so
``….html`` is read as a page.

**What Convert writes.** ``text`` becomes the cleaned text (each article's printed
lines); ``metadata["doc_tree"]`` the doc-tree object that ``gongwen convert FILE --to
json`` writes for the same bytes.  A record that fails is not passed on: it goes to
``error_writer`` (when given) as ``metadata["kind"]`` and ``metadata["error"]``, the
one-line reason ``convert`` prints, and the task goes on.

**Stats** (datatrove's per-task ``stats/NNNNN.json``, block ``🀄 - GONGWEN: convert``):
``inputs``, ``converted``, ``documents`` (articles), ``errors/<kind>``, and the
characters of :mod:`pipeline.accounting`: ``chars/input``, ``chars/kept``,
``chars/removed/<reason>``, ``chars/rewritten_from`` and ``chars/rewritten_to``, where
``input = kept + Σ removed + rewritten_from − rewritten_to``.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Sequence
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolder, DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.writers.disk_base import DiskWriter

from pipeline.core import Options
from pipeline.corpus.record import (
    INTERNAL,
    READ,
    Converted,
    convert_record,
    error_kind,
    output_stem,
    source_name,
)
from pipeline.errors import PipelineError, internal_error
from pipeline.model import SCHEMA, from_dict
from pipeline.render import RenderOptions, render_outputs

# metadata keys of a record
RAW = "raw_bytes"  # the input's bytes, from a reader; consumed by Convert
FAILED = "read_failed"  # (kind, message) from a reader that could not make the record
SOURCE = "source"  # where the record came from: a path, a URL
TREE = "doc_tree"  # the doc-tree object, from Convert
KIND, ERROR = "kind", "error"  # on a record sent to an error writer

# A lone surrogate ("\ud800") is valid in a JSON string but is no character: UTF-8 cannot
# hold it.  It becomes U+FFFD, which decode drops as a "replacement-char" removal.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def failed_document(record_id: str, source: str, kind: str, message: str) -> Document:
    """A record a reader could not make, for Convert to send to its error writer."""
    return Document(text="", id=record_id, metadata={SOURCE: source, FAILED: (kind, message)})


def error_document(document: Document, kind: str, message: str) -> Document:
    """What goes to an error writer: the record's id and source, the kind, the reason."""
    source = str(document.metadata.get(SOURCE, document.id))
    return Document(text="", id=document.id, metadata={SOURCE: source, KIND: kind, ERROR: message})


def _failing(errors: DiskWriter | None) -> contextlib.AbstractContextManager[DiskWriter | None]:
    return errors if errors is not None else contextlib.nullcontext()


class Convert(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Each record's raw text or HTML → cleaned text and doc-tree (see the module doc)."""

    name = "convert"
    type = "🀄 - GONGWEN"

    def __init__(
        self, options: Options = Options(), schema: str = SCHEMA, error_writer: DiskWriter | None = None
    ) -> None:
        super().__init__()
        self.options = options
        self.render_options = RenderOptions(schema=schema)
        self.error_writer = error_writer

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        with _failing(self.error_writer) as errors:
            for document in data or ():
                self.stat_update("inputs")
                with self.track_time():
                    failure = self._convert(document)
                if failure is None:
                    yield document
                    continue
                self.stat_update(f"errors/{failure[0]}")
                if errors is not None:
                    errors.write(error_document(document, *failure), rank)

    def _convert(self, document: Document) -> tuple[str, str] | None:
        """Convert ``document`` in place; (kind, reason) when it fails."""
        meta: dict[str, Any] = document.metadata
        failed = meta.pop(FAILED, None)
        if failed is not None:
            return str(failed[0]), str(failed[1])
        raw = meta.pop(RAW, None)
        data = raw if isinstance(raw, bytes) else _SURROGATE.sub("\ufffd", document.text).encode("utf-8")
        source = str(meta.setdefault(SOURCE, document.id))
        try:
            result = convert_record(data, source_name(source), self.options, self.render_options)
        except PipelineError as e:
            return error_kind(e), str(e)
        except Exception as e:  # a bug: reported for this record, the task goes on (pipeline.cli's policy)
            return INTERNAL, internal_error(e)
        document.text = result.text
        meta[TREE] = result.tree
        self._count(result)
        return None

    def _count(self, result: Converted) -> None:
        acc = result.accounting
        self.stat_update("converted")
        self.stat_update("documents", value=len(result.doc.documents))
        self.stat_update("chars/input", value=acc.input)
        self.stat_update("chars/kept", value=acc.kept)
        for reason, n in acc.removed:
            self.stat_update(f"chars/removed/{reason}", value=n)
        if acc.rewritten_from:
            self.stat_update("chars/rewritten_from", value=acc.rewritten_from)
        if acc.rewritten_to:
            self.stat_update("chars/rewritten_to", value=acc.rewritten_to)


def write_atomic(folder: DataFolder, name: str, data: bytes) -> None:
    """Write ``name`` in ``folder`` under a hidden temporary name, then rename it into place.

    On a local disk the file is fsynced first, so the name never points at unwritten
    blocks; an object store's upload is atomic by itself.
    """
    parent, _, base = name.rpartition("/")
    tmp = f"{parent}/.{base}.{os.getpid()}.part" if parent else f".{base}.{os.getpid()}.part"
    try:
        with folder.open(tmp, "wb") as f:
            f.write(data)
            if folder.is_local():
                f.flush()
                os.fsync(f.fileno())
        folder.mv(tmp, name)
    except BaseException:
        with contextlib.suppress(OSError):
            folder.rm(tmp)
        raise


class Render(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Each converted record's documents as DOCX and/or PDF files in ``output_folder``.

    Files are named after the record's id (:func:`~pipeline.corpus.record.output_stem`):
    ``sub/a.txt`` → ``sub/a.docx``, or ``sub/a-01.docx``, ``sub/a-02.docx`` … for a
    record of several articles, as ``convert`` names them.  A record whose rendering
    fails goes to ``error_writer`` with none of its files written.  Stats:
    ``rendered``, ``files/<format>``, ``errors/<kind>``.
    """

    name = "render"
    type = "🀄 - GONGWEN"

    def __init__(
        self,
        output_folder: DataFolderLike,
        formats: Sequence[str] = ("docx", "pdf"),
        error_writer: DiskWriter | None = None,
    ) -> None:
        super().__init__()
        self.output_folder = get_datafolder(output_folder)
        self.formats = tuple(formats)
        self.error_writer = error_writer

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        with _failing(self.error_writer) as errors:
            for document in data or ():
                with self.track_time():
                    failure = self._render(document)
                if failure is None:
                    yield document
                    continue
                self.stat_update(f"errors/{failure[0]}")
                if errors is not None:
                    errors.write(error_document(document, *failure), rank)

    def _render(self, document: Document) -> tuple[str, str] | None:
        tree = document.metadata.get(TREE)
        if tree is None:
            return READ, "the record has no doc_tree — put the Convert step before Render"
        try:
            outputs = list(render_outputs(from_dict(tree), output_stem(document.id), self.formats))
        except PipelineError as e:
            return error_kind(e), str(e)
        except Exception as e:  # a bug: reported for this record, the task goes on
            return INTERNAL, internal_error(e)
        for out in outputs:  # all rendered before any is written: all or nothing per record
            write_atomic(self.output_folder, out.name, out.data)
            self.stat_update(f"files/{out.name.rpartition('.')[2]}")
        self.stat_update("rendered")
        return None
