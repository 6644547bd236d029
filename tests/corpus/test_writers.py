"""pipeline.corpus.writers: shards under a hidden name until their task is done; the record shapes."""

from __future__ import annotations

import gzip
import json

import pytest
from support import SEEDS

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from datatrove.data import Document

from pipeline.core import convert
from pipeline.corpus.steps import RAW, SOURCE, Convert
from pipeline.corpus.writers import ErrorJsonlWriter, RecordJsonlWriter, RecordParquetWriter
from pipeline.render import render_outputs

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def records(extra: dict | None = None):
    docs = [
        Document(text="", id=f.name, metadata={RAW: f.read_bytes(), SOURCE: f"in/{f.name}", **(extra or {})})
        for f in SEED_FILES[:3]
    ]
    return Convert().run(iter(docs))


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_shard_is_hidden_until_its_task_has_written_everything(tmp_path):
    writer = RecordJsonlWriter(str(tmp_path), "records/${rank}.jsonl")
    seen = []
    for _ in writer.run(records(), rank=2):
        seen.append(files(tmp_path))
    assert seen[-1] == ["records/.00002.jsonl.part"]
    assert files(tmp_path) == ["records/00002.jsonl"]


def test_a_task_that_fails_leaves_no_shard(tmp_path):
    def failing():
        yield from records()
        raise OSError("the disk went away")

    writer = RecordJsonlWriter(str(tmp_path), "records/${rank}.jsonl")
    with pytest.raises(OSError, match="disk went away"):
        list(writer.run(failing(), rank=0))
    assert files(tmp_path) == []


def test_a_task_stopped_part_way_leaves_no_shard(tmp_path):
    run = RecordJsonlWriter(str(tmp_path), "records/${rank}.jsonl").run(records(), rank=0)
    next(run)
    run.close()  # what happens to the generator when its task is interrupted
    assert files(tmp_path) == []


def test_a_record_line_holds_id_source_text_the_tree_and_the_other_columns(tmp_path):
    list(RecordJsonlWriter(str(tmp_path), "records/${rank}.jsonl").run(records({"dump": "CC-2024"})))
    lines = [json.loads(x) for x in (tmp_path / "records" / "00000.jsonl").read_text("utf-8").splitlines()]
    assert [line["id"] for line in lines] == [f.name for f in SEED_FILES[:3]]
    first = lines[0]
    assert list(first) == ["id", "source", "text", "doc_tree", "metadata"]
    assert first["source"] == f"in/{SEED_FILES[0].name}"
    assert first["metadata"] == {"dump": "CC-2024"}
    (out,) = render_outputs(convert(SEED_FILES[0].read_bytes(), SEED_FILES[0].name), "x", ("json",))
    assert first["doc_tree"] == json.loads(out.data)


def test_gzip_shards_read_back(tmp_path):
    list(RecordJsonlWriter(str(tmp_path), "records/${rank}.jsonl.gz", "gzip").run(records()))
    lines = (
        gzip.decompress((tmp_path / "records" / "00000.jsonl.gz").read_bytes()).decode("utf-8").splitlines()
    )
    assert len(lines) == 3


def test_a_parquet_row_holds_the_json_convert_writes_byte_for_byte(tmp_path):
    import pyarrow.parquet as pq

    list(RecordParquetWriter(str(tmp_path), "records/${rank}.parquet").run(records()))
    assert files(tmp_path) == ["records/00000.parquet"]
    rows = pq.read_table(tmp_path / "records" / "00000.parquet").to_pylist()
    for row, f in zip(rows, SEED_FILES[:3], strict=True):
        (out,) = render_outputs(convert(f.read_bytes(), f.name), "x", ("json",))
        assert row["doc_tree"].encode("utf-8") == out.data
        assert row["id"] == f.name
        assert row["metadata"] == "{}"


def test_an_error_line_holds_id_source_kind_and_reason(tmp_path):
    bad = Document(text="", id="e.txt", metadata={RAW: b""})
    step = Convert(error_writer=ErrorJsonlWriter(str(tmp_path), "errors/${rank}.jsonl"))
    assert list(step.run(iter([bad]))) == []
    line = json.loads((tmp_path / "errors" / "00000.jsonl").read_text("utf-8"))
    assert line == {
        "id": "e.txt",
        "source": "e.txt",
        "kind": "empty",
        "error": "empty file — nothing to convert",
    }
