"""Readers that hand :class:`~pipeline.corpus.steps.Convert` each input as it was stored.

datatrove's own readers decode for you (its WARC reader guesses a charset with cchardet)
and skip what they cannot read with a log line; these keep the bytes, so a record is
converted exactly as ``gongwen convert`` converts a file of the same bytes, and turn
what they cannot read into a record that fails with its reason (kind ``read``):

* :class:`DocumentFiles` — a folder of ``.txt``/``.html``/``.htm`` files (hidden files
  and folders skipped), one record per file, ``id`` and ``source`` its relative path.
* :class:`JsonlRecords` / :class:`ParquetRecords` — one record per line or row; the
  input is the ``text_key`` column (text, or bytes in Parquet); ``id`` from ``id_key``
  (else ``FILE/INDEX``), ``source`` from ``source_key`` (else the id); the other
  columns are kept in the metadata.
* :class:`WarcRecords` — one record per HTML or plain-text response (or resource,
  or WET conversion) with status 2xx; ``id`` the WARC-Record-ID, ``source`` the target
  URI, the payload as the server sent it (chunking and content-encoding undone).
  Requests, metadata, redirects, images … are not inputs: they are counted under
  ``skipped/<why>`` in the reader's stats.

**Shards.** With at least as many files as tasks, task *r* of *N* reads files *r*,
*r + N*, … (datatrove's rule).  With fewer files than tasks (one big JSONL), every task
reads every file and takes record *j* of file *i* when ``(i + j) % N == r``, so a single
file is still spread over all tasks.  A folder of documents is always sharded by file.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike
from datatrove.pipeline.readers.base import BaseDiskReader

from pipeline.core import DEFAULT_MAX_BYTES, check_size
from pipeline.corpus.record import READ, error_kind
from pipeline.corpus.steps import RAW, SOURCE, failed_document
from pipeline.decode import SUFFIXES
from pipeline.errors import PipelineError

Keep = Callable[[int], bool]

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".json.gz", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# the payload types a WARC response must have to be an input (none given: sniffed)
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def _strerror(e: OSError) -> str:
    return e.strerror or str(e) or type(e).__name__


class InputFiles(BaseDiskReader):  # type: ignore[misc]  # datatrove is untyped
    """Files of ``data_folder`` with one of :attr:`suffixes` (or only ``file``), sharded."""

    type = "📖 - READER"
    suffixes: ClassVar[tuple[str, ...]] = ()
    by_file: ClassVar[bool] = False  # always shard by file (one record per file)

    def __init__(self, data_folder: DataFolderLike, file: str | None = None, **kwargs: Any) -> None:
        super().__init__(data_folder, add_file_path=False, **kwargs)
        self.file = file

    def input_files(self) -> list[str]:
        """The files to read, relative to the folder, in a stable order."""
        if self.file is not None:
            return [self.file]
        return sorted(
            f
            for f in self.data_folder.list_files(recursive=True)
            if f.lower().endswith(self.suffixes) and not any(p.startswith(".") for p in f.split("/"))
        )

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data:
            yield from data
        files = self.input_files()
        if self.by_file or len(files) >= world_size:
            shard: list[tuple[int, str]] = list(enumerate(files))[rank::world_size]
            spread = False
        else:
            shard, spread = list(enumerate(files)), True
        for i, path in shard:
            self.stat_update("input_files")
            keep = (lambda j, i=i: (i + j) % world_size == rank) if spread else None
            for document in self.read_file(path, keep):
                self.stat_update("records")
                yield document

    @abc.abstractmethod
    def read_file(self, filepath: str, keep: Keep | None = None) -> Iterator[Document]:
        """The records of one file (only those ``keep`` takes, by index, when given)."""


class DocumentFiles(InputFiles):
    """A folder of documents: one record per file, its bytes in ``metadata["raw_bytes"]``."""

    name = "gongwen documents"
    suffixes = SUFFIXES  # what `convert FOLDER` reads
    by_file = True

    def __init__(
        self, data_folder: DataFolderLike, file: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        super().__init__(data_folder, file)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str, keep: Keep | None = None) -> Iterator[Document]:
        try:
            check_size(self.data_folder.size(filepath), self.max_bytes)  # before reading, as convert does
            with self.data_folder.open(filepath, "rb") as f:
                data = f.read()
        except PipelineError as e:
            yield failed_document(filepath, filepath, error_kind(e), str(e))
            return
        except OSError as e:
            msg = f"cannot read the file ({_strerror(e)}) — check that it exists and can be read"
            yield failed_document(filepath, filepath, READ, msg)
            return
        yield Document(text="", id=filepath, metadata={SOURCE: filepath, RAW: data})


class _Rows(InputFiles):
    """Records with columns: the input in ``text_key``, the id and source in their own."""

    def __init__(
        self,
        data_folder: DataFolderLike,
        file: str | None = None,
        text_key: str = "text",
        id_key: str = "id",
        source_key: str = "url",
    ) -> None:
        super().__init__(data_folder, file, text_key=text_key, id_key=id_key)
        self.source_key = source_key

    def from_row(self, row: dict[str, Any], fallback_id: str, where: str) -> Document:
        """A record of one row; a row without usable text becomes a failed record."""
        rid = str(row.pop(self.id_key)) if row.get(self.id_key) not in (None, "") else fallback_id
        source = str(row.pop(self.source_key)) if row.get(self.source_key) not in (None, "") else rid
        value = row.pop(self.text_key, None)
        if isinstance(value, str):
            return Document(text=value, id=rid, metadata={**row, SOURCE: source})
        if isinstance(value, bytes | bytearray):
            return Document(text="", id=rid, metadata={**row, SOURCE: source, RAW: bytes(value)})
        if value is None:
            fields = ", ".join(sorted(row)) or "none"
            msg = f"{where} has no {self.text_key!r} field (fields: {fields}) — pass --column NAME"
        else:
            msg = f"{where}: {self.text_key!r} is {type(value).__name__}, not text — pass --column NAME"
        return failed_document(rid, source, READ, msg)


class JsonlRecords(_Rows):
    """JSONL files (``.gz``/``.zst`` decompressed): one record per line; blank lines skipped."""

    name = "gongwen jsonl"
    suffixes = JSONL_SUFFIXES
    _requires_dependencies: ClassVar[list[str]] = ["orjson"]

    def read_file(self, filepath: str, keep: Keep | None = None) -> Iterator[Document]:
        import orjson

        index = -1
        try:
            with self.data_folder.open(filepath, "rb", compression="infer") as f:
                for index, line in enumerate(f):
                    if (keep is not None and not keep(index)) or not line.strip():
                        continue
                    rid = f"{filepath}/{index}"
                    try:
                        row = orjson.loads(line)
                    except orjson.JSONDecodeError as e:
                        msg = f"line {index + 1} is not JSON ({e}) — fix or remove the line"
                        yield failed_document(rid, rid, READ, msg)
                        continue
                    if not isinstance(row, dict):
                        msg = f"line {index + 1} is not a JSON object — each line must be one record {{…}}"
                        yield failed_document(rid, rid, READ, msg)
                        continue
                    yield self.from_row(row, rid, f"line {index + 1}")
        except (OSError, EOFError, UnicodeDecodeError) as e:  # unreadable, or a broken .gz
            rid = f"{filepath}/{index + 1}"
            msg = f"cannot read the file after line {index + 1} ({e}) — check or re-copy it"
            yield failed_document(rid, filepath, READ, msg)


class ParquetRecords(_Rows):
    """Parquet files: one record per row; the text column may hold strings or bytes."""

    name = "gongwen parquet"
    suffixes = PARQUET_SUFFIXES
    _requires_dependencies: ClassVar[list[str]] = ["pyarrow"]

    def read_file(self, filepath: str, keep: Keep | None = None) -> Iterator[Document]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        index = 0
        try:
            with self.data_folder.open(filepath, "rb") as f, pq.ParquetFile(f) as pqf:
                names = pqf.schema_arrow.names
                if self.text_key not in names:
                    msg = f"no column {self.text_key!r} (columns: {', '.join(names)}) — pass --column NAME"
                    yield failed_document(filepath, filepath, READ, msg)
                    return
                for batch in pqf.iter_batches(batch_size=256):
                    for row in batch.to_pylist():
                        if keep is None or keep(index):
                            yield self.from_row(row, f"{filepath}/{index}", f"row {index + 1}")
                        index += 1
        except (OSError, pa.ArrowException) as e:
            rid = f"{filepath}/{index}"
            msg = f"cannot read the file as Parquet after row {index} ({e}) — check or re-copy it"
            yield failed_document(rid, filepath, READ, msg)


class WarcRecords(InputFiles):
    """WARC (and ARC, WET) files: one record per text response, payload bytes kept."""

    name = "gongwen warc"
    suffixes = WARC_SUFFIXES
    _requires_dependencies: ClassVar[list[str]] = ["warcio"]

    def __init__(
        self, data_folder: DataFolderLike, file: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        super().__init__(data_folder, file)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str, keep: Keep | None = None) -> Iterator[Document]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        index = -1
        try:
            with self.data_folder.open(filepath, "rb") as f:
                for index, record in enumerate(ArchiveIterator(f)):
                    if keep is not None and not keep(index):
                        continue
                    document = self._record(record, f"{filepath}/{index}")
                    if document is not None:
                        yield document
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as e:
            # warcio meets a damaged file with any of these (AttributeError: a record cut short)
            rid = f"{filepath}/{index + 1}"
            what = f"{type(e).__name__}: {e}" if not isinstance(e, ArchiveLoadFailed) else str(e)
            msg = f"cannot read the WARC file after record {index + 1} ({what}) — check or re-copy it"
            yield failed_document(rid, filepath, READ, msg)

    def _skip(self, why: str) -> None:
        self.stat_update(f"skipped/{why}")

    def _record(self, record: Any, fallback_id: str) -> Document | None:
        """The input of a WARC record, None when it is not one (counted as skipped)."""
        if record.rec_type not in ("response", "resource", "conversion"):
            self._skip(record.rec_type)
            return None
        headers = record.http_headers
        if headers is not None:
            status = headers.get_statuscode() or ""
            if not status.startswith("2"):
                self._skip(f"http-{status or 'unknown'}")
                return None
            content_type = headers.get_header("Content-Type") or ""
        else:
            content_type = record.rec_headers.get_header("Content-Type") or ""
        mime = content_type.split(";")[0].strip().lower()
        if mime not in TEXT_TYPES:
            self._skip(mime)
            return None
        rid = record.rec_headers.get_header("WARC-Record-ID") or fallback_id
        source = record.rec_headers.get_header("WARC-Target-URI") or rid
        meta: dict[str, Any] = {SOURCE: source}
        if date := record.rec_headers.get_header("WARC-Date"):
            meta["date"] = date
        try:
            check_size(int(record.rec_headers.get_header("Content-Length") or 0), self.max_bytes)
        except PipelineError as e:
            return failed_document(rid, source, error_kind(e), str(e))
        meta[RAW] = record.content_stream().read()
        return Document(text="", id=rid, metadata=meta)
