"""pipeline.corpus.readers: the bytes as stored, what cannot be read as a failed record, the shards."""

from __future__ import annotations

import gzip
import json

import pytest
from support import FIXTURES, SEEDS

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from pipeline.corpus.readers import (
    DocumentFiles,
    JsonlRecords,
    ParquetRecords,
    WarcRecords,
)
from pipeline.corpus.steps import FAILED, RAW, SOURCE

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def read(reader, rank=0, world_size=1):
    return list(reader.run(None, rank, world_size))


def failure(document):
    return document.metadata.get(FAILED)


# ---------------------------------------------------------------- documents


def test_a_folder_gives_one_record_per_input_file_with_its_bytes(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_bytes(SEED_FILES[0].read_bytes())
    (tmp_path / "sub" / "b.HTML").write_bytes(b"<html><body><p>x</p></body></html>")
    (tmp_path / "sub" / "notes.csv").write_text("not an input")
    (tmp_path / ".c.txt").write_text("hidden")
    (tmp_path / ".hidden" / "d.txt").write_text("hidden")
    docs = read(DocumentFiles(str(tmp_path)))
    assert [(d.id, d.metadata[SOURCE]) for d in docs] == [("a.txt", "a.txt"), ("sub/b.HTML", "sub/b.HTML")]
    assert docs[0].metadata[RAW] == SEED_FILES[0].read_bytes()


def test_a_single_file_is_one_record(tmp_path):
    (tmp_path / "a.txt").write_text("甲")
    (tmp_path / "b.txt").write_text("乙")
    (doc,) = read(DocumentFiles(str(tmp_path), file="b.txt"))
    assert doc.metadata[RAW] == "乙".encode()


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (doc,) = read(DocumentFiles(str(tmp_path), max_bytes=1000))
    kind, message = failure(doc)
    assert kind == "too-big"
    assert message == "input is 2000 bytes, over the 1000 bytes limit — split the file or raise --max-bytes"
    assert RAW not in doc.metadata


def test_documents_are_sharded_by_file(tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(str(i))
    shards = [[d.id for d in read(DocumentFiles(str(tmp_path)), r, 3)] for r in range(3)]
    assert shards == [["0.txt", "3.txt"], ["1.txt", "4.txt"], ["2.txt"]]
    assert [d.id for d in read(DocumentFiles(str(tmp_path)), 6, 8)] == []  # more tasks than files


# ---------------------------------------------------------------- JSONL


def write_jsonl(path, rows, raw_lines=()):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "".join(raw_lines)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, "utf-8")


def test_jsonl_rows_give_text_id_source_and_the_other_columns(tmp_path):
    write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "p1", "url": "https://x.cn/a.html", "text": "<html>…</html>", "dump": "2024-10"},
            {"text": "正文", "lang": "zh"},
        ],
    )
    first, second = read(JsonlRecords(str(tmp_path)))
    assert (first.id, first.text, first.metadata) == (
        "p1",
        "<html>…</html>",
        {"dump": "2024-10", SOURCE: "https://x.cn/a.html"},
    )
    assert (second.id, second.metadata[SOURCE], second.metadata["lang"]) == ("a.jsonl/1", "a.jsonl/1", "zh")


def test_jsonl_columns_can_be_named(tmp_path):
    write_jsonl(tmp_path / "a.jsonl.gz", [{"key": 7, "html": "正文", "path": "site/x.htm"}])
    (doc,) = read(JsonlRecords(str(tmp_path), text_key="html", id_key="key", source_key="path"))
    assert (doc.id, doc.text, doc.metadata[SOURCE]) == ("7", "正文", "site/x.htm")


def test_jsonl_lines_that_are_not_records_fail_with_their_line_number(tmp_path):
    write_jsonl(
        tmp_path / "a.jsonl",
        [{"text": "甲"}, {"html": "乙", "id": "x"}, {"text": 5}],
        raw_lines=['{"text": "unterminated\n', "\n", "[1, 2]\n"],
    )
    docs = read(JsonlRecords(str(tmp_path)))
    assert [d.text for d in docs][:1] == ["甲"]
    assert [failure(d) for d in docs[1:]] == [
        ("read", "line 2 has no 'text' field (fields: html) — pass --column NAME"),
        ("read", "line 3: 'text' is int, not text — pass --column NAME"),
        ("read", failure(docs[3])[1]),
        ("read", "line 6 is not a JSON object — each line must be one record {…}"),
    ]
    assert failure(docs[3])[1].startswith("line 4 is not JSON (")
    assert failure(docs[3])[1].endswith(") — fix or remove the line")
    assert [d.id for d in docs] == ["a.jsonl/0", "x", "a.jsonl/2", "a.jsonl/3", "a.jsonl/5"]


def test_a_broken_gzip_fails_once_after_the_lines_it_gave(tmp_path):
    data = gzip.compress(b'{"text": "a"}\n' * 50)
    (tmp_path / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    docs = read(JsonlRecords(str(tmp_path)))
    assert all(d.text == "a" for d in docs[:-1])
    kind, message = failure(docs[-1])
    assert kind == "read"
    assert message.startswith("cannot read the file after line")


def test_one_jsonl_file_is_spread_over_all_tasks(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"id": str(i), "text": "x"} for i in range(10)])
    shards = [[d.id for d in read(JsonlRecords(str(tmp_path)), r, 4)] for r in range(4)]
    assert sorted(i for s in shards for i in s) == sorted(str(i) for i in range(10))
    assert all(s for s in shards)
    assert shards[0] == ["0", "4", "8"]


def test_jsonl_files_at_least_as_many_as_tasks_are_sharded_by_file(tmp_path):
    for k in range(3):
        write_jsonl(tmp_path / f"{k}.jsonl", [{"id": f"{k}-{i}", "text": "x"} for i in range(2)])
    assert [d.id for d in read(JsonlRecords(str(tmp_path)), 1, 3)] == ["1-0", "1-1"]


# ---------------------------------------------------------------- Parquet


def test_parquet_rows_may_hold_text_or_bytes(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    gbk = "关于做好群众工作的通知".encode("gb18030")
    pq.write_table(pa.table({"id": ["a", "b"], "text": ["正文", None], "n": [1, 2]}), tmp_path / "t.parquet")
    pq.write_table(pa.table({"html": pa.array([gbk], pa.binary())}), tmp_path / "u.parquet")
    a, b = read(ParquetRecords(str(tmp_path), file="t.parquet"))
    assert (a.id, a.text, a.metadata["n"]) == ("a", "正文", 1)
    assert failure(b) == ("read", "row 2 has no 'text' field (fields: n) — pass --column NAME")
    (u,) = read(ParquetRecords(str(tmp_path), file="u.parquet", text_key="html"))
    assert u.metadata[RAW] == gbk
    assert u.id == "u.parquet/0"


def test_a_parquet_file_without_the_column_fails_once(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"content": ["x", "y"]}), tmp_path / "t.parquet")
    (doc,) = read(ParquetRecords(str(tmp_path)))
    assert failure(doc) == ("read", "no column 'text' (columns: content) — pass --column NAME")


def test_a_file_that_is_not_parquet_fails_with_its_reason(tmp_path):
    (tmp_path / "t.parquet").write_bytes(b"PAR1 this is not a parquet file")
    (doc,) = read(ParquetRecords(str(tmp_path)))
    kind, message = failure(doc)
    assert kind == "read"
    assert message.startswith("cannot read the file as Parquet after row 0 (")


# ---------------------------------------------------------------- WARC


def warc_record(kind: str, uri: str, block: bytes, n: int) -> bytes:
    headers = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T08:00:00Z\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode("ascii") + block + b"\r\n\r\n"


def write_warc(path, responses):
    """A WARC file of a request and a response per (uri, status, content type, body)."""
    records = []
    for uri, status, ctype, body in responses:
        request = f"GET {uri} HTTP/1.1\r\nHost: x.cn\r\n\r\n".encode("ascii")
        response = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode("ascii") + body
        records += [
            warc_record("request", uri, request, len(records)),
            warc_record("response", uri, response, len(records) + 1),
        ]
    if path.suffix == ".gz":
        path.write_bytes(b"".join(gzip.compress(r) for r in records))  # one gzip member per record
    else:
        path.write_bytes(b"".join(records))


def test_warc_gives_the_payload_of_each_text_response(tmp_path):
    page = (FIXTURES / "html" / "wendang_gbk.html").read_bytes()
    write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://x.cn/a.html", "200 OK", "text/html; charset=gbk", page),
            ("https://x.cn/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
            ("https://x.cn/old", "301 Moved Permanently", "text/html", b""),
            ("https://x.cn/b.txt", "200 OK", "text/plain", SEED_FILES[0].read_bytes()),
        ],
    )
    reader = WarcRecords(str(tmp_path))
    docs = read(reader)
    assert [d.metadata[SOURCE] for d in docs] == ["https://x.cn/a.html", "https://x.cn/b.txt"]
    assert docs[0].metadata[RAW] == page  # the bytes as served, not decoded
    assert docs[0].id == "<urn:uuid:00000000-0000-0000-0000-000000000001>"
    skipped = {k: v.total for k, v in reader.stats.stats.items() if k.startswith("skipped/")}
    assert skipped == {"skipped/request": 4, "skipped/image/png": 1, "skipped/http-301": 1}


def test_a_warc_response_over_the_limit_is_refused(tmp_path):
    write_warc(tmp_path / "c.warc", [("https://x.cn/a.html", "200 OK", "text/html", b"<p>" + b"x" * 5000)])
    (doc,) = read(WarcRecords(str(tmp_path), max_bytes=1000))
    assert failure(doc)[0] == "too-big"


def test_a_file_that_is_not_warc_fails_with_its_reason(tmp_path):
    (tmp_path / "c.warc").write_bytes(b"garbage\n" * 100)
    (doc,) = read(WarcRecords(str(tmp_path)))
    assert failure(doc) == (
        "read",
        "cannot read the WARC file after record 0 (Unknown archive format, first line: ['garbage'])"
        " — check or re-copy it",
    )


def test_a_warc_file_cut_short_fails_after_the_records_it_gave(tmp_path):
    write_warc(tmp_path / "c.warc", [("https://x.cn/a.txt", "200 OK", "text/plain", "正文".encode())])
    with (tmp_path / "c.warc").open("ab") as f:
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    first, last = read(WarcRecords(str(tmp_path)))
    assert first.metadata[RAW] == "正文".encode()
    assert failure(last)[0] == "read"
    assert failure(last)[1].startswith("cannot read the WARC file after record 2 (")
