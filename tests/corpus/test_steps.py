"""pipeline.corpus.steps: Convert and Render as datatrove steps, run on hand-made records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import FIXTURES, SEEDS

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from datatrove.data import Document

import pipeline.corpus.steps as steps
from pipeline.core import Options, convert
from pipeline.corpus.steps import RAW, SOURCE, TREE, Convert, Render, failed_document
from pipeline.corpus.writers import ErrorJsonlWriter
from pipeline.errors import PipelineError, RenderError
from pipeline.render import render_outputs

SEED = SEEDS / "000_9a153adfeeef4269.txt"
MANY = SEEDS / "002_3341814f88bcb719.txt"  # four articles


def convert_json(data: bytes, name: str, options: Options = Options()) -> dict:
    (out,) = render_outputs(convert(data, name, options), "x", ("json",))
    return json.loads(out.data)


def total(step, key: str) -> float:
    return step.stats[key].total


def errors_written(folder: Path) -> list[dict]:
    return [
        json.loads(line)
        for f in sorted(folder.glob("errors/*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
    ]


def test_a_text_record_and_a_bytes_record_convert_as_files_of_their_bytes():
    text = SEED.read_text("utf-8")
    gbk = (FIXTURES / "html" / "wendang_gbk.html").read_bytes()
    records = [
        Document(text=text, id="r1", metadata={SOURCE: "https://example.cn/fanwen/000.txt"}),
        Document(text="", id="r2", metadata={SOURCE: "pages/wendang_gbk.html", RAW: gbk}),
    ]
    out = list(Convert().run(iter(records)))
    assert [d.id for d in out] == ["r1", "r2"]
    assert out[0].metadata[TREE] == convert_json(text.encode("utf-8"), "000.txt")
    assert out[1].metadata[TREE] == convert_json(gbk, "wendang_gbk.html")
    assert RAW not in out[1].metadata  # the bytes are consumed, not carried to the writer
    assert out[0].text.splitlines()[0] == out[0].metadata[TREE]["documents"][0]["title"]


def test_a_record_without_source_is_named_by_its_id():
    (out,) = Convert().run(iter([Document(text=SEED.read_text("utf-8"), id="batch/0017")]))
    assert out.metadata[SOURCE] == "batch/0017"
    assert out.metadata[TREE]["source"] == "0017"


def test_failing_records_go_to_the_error_writer_with_the_reason_convert_gives(tmp_path):
    bad = sorted((FIXTURES / "bad").iterdir())
    records = [Document(text="", id=f.name, metadata={RAW: f.read_bytes()}) for f in bad]
    records.insert(2, Document(text=SEED.read_text("utf-8"), id="good.txt"))
    records.append(
        failed_document("data.jsonl/9", "data.jsonl/9", "read", "line 10 is not JSON (…) — fix it")
    )
    step = Convert(error_writer=ErrorJsonlWriter(str(tmp_path), "errors/${rank}.jsonl"))
    out = list(step.run(iter(records), rank=3))
    assert [d.id for d in out] == ["good.txt"]
    written = {e["id"]: e for e in errors_written(tmp_path)}
    assert sorted(p.name for p in tmp_path.glob("errors/*")) == ["00003.jsonl"]
    for f in bad:
        with pytest.raises(PipelineError) as e:
            convert(f.read_bytes(), f.name)
        assert written[f.name]["error"] == str(e.value)
    assert written["data.jsonl/9"] == {
        "id": "data.jsonl/9",
        "source": "data.jsonl/9",
        "kind": "read",
        "error": "line 10 is not JSON (…) — fix it",
    }
    assert total(step, "inputs") == len(records)
    assert total(step, "converted") == 1
    kinds = {
        k.removeprefix("errors/"): v.total for k, v in step.stats.stats.items() if k.startswith("errors/")
    }
    assert kinds == {"no-body": 1, "binary": 1, "empty": 3, "undecodable": 1, "read": 1}


def test_a_bug_on_one_record_is_reported_for_it_and_the_task_goes_on(tmp_path, monkeypatch):
    real = steps.convert_record

    def flaky(data, name, *args):
        if name == "boom.txt":
            raise ZeroDivisionError("division by zero")
        return real(data, name, *args)

    monkeypatch.setattr(steps, "convert_record", flaky)
    records = [Document(text=SEED.read_text("utf-8"), id=name) for name in ("boom.txt", "ok.txt")]
    step = Convert(error_writer=ErrorJsonlWriter(str(tmp_path), "errors/${rank}.jsonl"))
    assert [d.id for d in step.run(iter(records))] == ["ok.txt"]
    (error,) = errors_written(tmp_path)
    assert error["kind"] == "internal"
    assert error["error"].startswith("internal error (ZeroDivisionError: division by zero at pipeline/")


def test_stats_count_documents_and_characters_that_add_up():
    files = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "genre").glob("*.txt"))[:5]
    records = [Document(text="", id=f.name, metadata={RAW: f.read_bytes()}) for f in files]
    step = Convert(Options(keep_numbering=True))
    out = list(step.run(iter(records)))
    assert total(step, "documents") == sum(len(d.metadata[TREE]["documents"]) for d in out)
    removed = sum(v.total for k, v in step.stats.stats.items() if k.startswith("chars/removed/"))
    assert total(step, "chars/input") == total(step, "chars/kept") + removed > 0
    assert "chars/rewritten_from" not in step.stats.stats
    assert "chars/rewritten_to" not in step.stats.stats


def test_standard_numbering_shows_as_rewritten_characters():
    records = [
        Document(text="", id=f.name, metadata={RAW: f.read_bytes()}) for f in sorted(SEEDS.glob("*.txt"))
    ]
    step = Convert()  # markers re-printed in standard form: "1、" → "1."
    list(step.run(iter(records)))
    removed = sum(v.total for k, v in step.stats.stats.items() if k.startswith("chars/removed/"))
    rewritten = total(step, "chars/rewritten_from") - step.stats["chars/rewritten_to"].total
    assert rewritten > 0
    assert total(step, "chars/input") == total(step, "chars/kept") + removed + rewritten


def test_a_lone_surrogate_in_a_text_record_becomes_a_recorded_replacement():
    text = "关于做好群众工作的通知\n\n一、总体要求\n要坚持群众\ud800路线。\n"
    (out,) = Convert().run(iter([Document(text=text, id="s.txt")]))
    assert {"text": "\ufffd", "reason": "replacement-char"} in out.metadata[TREE]["removed"]


# ---------------------------------------------------------------- Render


def converted(path: Path, rid: str) -> Document:
    (doc,) = Convert().run(iter([Document(text="", id=rid, metadata={RAW: path.read_bytes()})]))
    return doc


def test_render_writes_each_article_named_after_the_record(tmp_path):
    records = [converted(SEED, "sub/one.txt"), converted(MANY, "many.txt")]
    step = Render(str(tmp_path / "rendered"), ("docx", "pdf"))
    assert [d.id for d in step.run(iter(records))] == ["sub/one.txt", "many.txt"]
    names = sorted(
        str(p.relative_to(tmp_path / "rendered")) for p in (tmp_path / "rendered").rglob("*") if p.is_file()
    )
    assert names == [
        *sorted([f"many-0{i}.{fmt}" for fmt in ("docx", "pdf") for i in range(1, 5)]),
        "sub/one.docx",
        "sub/one.pdf",
    ]
    for name, data in (
        (o.name, o.data) for o in render_outputs(convert(SEED.read_bytes(), "one.txt"), "one", ("pdf",))
    ):
        assert (tmp_path / "rendered" / "sub" / name).read_bytes() == data  # same bytes as `convert --to pdf`
    assert step.stats["files/pdf"].total == 5
    assert step.stats["rendered"].total == 2


def test_a_record_that_fails_to_render_writes_none_of_its_files(tmp_path, monkeypatch):
    def broken(doc, stem, formats, *args):
        yield from ()
        raise RenderError("no font for the title — run make fonts")

    monkeypatch.setattr(steps, "render_outputs", broken)
    step = Render(
        str(tmp_path / "rendered"), ("pdf",), ErrorJsonlWriter(str(tmp_path), "errors/render-${rank}.jsonl")
    )
    assert list(step.run(iter([converted(SEED, "a.txt"), Document(text="x", id="b.txt")]))) == []
    assert not (tmp_path / "rendered").exists() or not any((tmp_path / "rendered").rglob("*"))
    assert {e["id"]: (e["kind"], e["error"]) for e in errors_written(tmp_path)} == {
        "a.txt": ("render", "no font for the title — run make fonts"),
        "b.txt": ("read", "the record has no doc_tree — put the Convert step before Render"),
    }


def test_the_steps_compose_with_datatroves_own_reader_and_writer(tmp_path):
    from datatrove.executor.local import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    (tmp_path / "in").mkdir()
    lines = [{"id": f.stem, "html": f.read_text("utf-8")} for f in sorted(SEEDS.glob("*.txt"))[:3]]
    (tmp_path / "in" / "part.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    )
    LocalPipelineExecutor(
        [
            JsonlReader(str(tmp_path / "in"), text_key="html"),
            Convert(),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [
        json.loads(line) for line in (tmp_path / "out" / "00000.jsonl").read_text("utf-8").splitlines()
    ]
    assert [w["id"] for w in written] == [r["id"] for r in lines]
    for w, r in zip(written, lines, strict=True):
        assert w["metadata"][TREE] == convert_json(r["html"].encode("utf-8"), r["id"])
