"""`gongwen corpus`: its options, its one-line errors, and the formats it reads and writes."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys

import pytest
from click.testing import CliRunner
from support import FIXTURES, SEEDS

from pipeline.cli import main
from pipeline.core import convert
from pipeline.render import render_outputs

needs_datatrove = pytest.mark.skipif(
    importlib.util.find_spec("datatrove") is None or importlib.util.find_spec("orjson") is None,
    reason="the corpus extra is not installed (make test-deps installs it)",
)
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def run(*args: str):
    result = CliRunner().invoke(main, ["corpus", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def tree_of(path) -> dict:
    (out,) = render_outputs(convert(path.read_bytes(), path.name), path.stem, ("json",))
    return json.loads(out.data)


def test_help_names_the_executors_and_the_input_formats():
    code, out, _ = run("--help")
    assert code == 0
    for word in (
        "--executor [local|slurm|ray]",
        "--column",
        "--partition",
        "--ray-address",
        "jsonl.gz",
        "warc",
    ):
        assert word in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--executor", "slurm", "--tasks", "4"], "--executor slurm needs --partition NAME"),
        (["--executor", "ray"], "--executor ray needs --tasks N"),
        (["--column", "html"], "--column applies to JSONL and Parquet input"),
        (["--render", "json"], "unknown format 'json'; choose docx, pdf or both"),
        (["--sbatch-arg", "account"], "'account' is not KEY=VALUE"),
        (["--encoding", "klingon"], "unknown or non-text encoding 'klingon'"),
    ],
    ids=["slurm-partition", "ray-tasks", "column", "render", "sbatch-arg", "encoding"],
)
@needs_datatrove
def test_usage_errors_exit_2_with_the_fix(tmp_path, args, message):
    code, _, err = run(str(SEEDS), "-o", str(tmp_path / "out"), *args)
    assert code == 2
    assert message in err


@needs_datatrove
def test_a_missing_input_is_one_line(tmp_path):
    code, _, err = run(str(tmp_path / "nothing"), "-o", str(tmp_path / "out"))
    assert (code, err) == (1, f"error: {tmp_path / 'nothing'}: no such file or folder — check the path\n")


def test_an_output_that_is_a_file_is_one_line(tmp_path):
    (tmp_path / "out").write_text("x")
    code, _, err = run(str(SEEDS), "-o", str(tmp_path / "out"))
    if importlib.util.find_spec("datatrove") is None:
        pytest.skip("the corpus extra is not installed")
    assert code == 1
    assert (
        err
        == f"error: {tmp_path / 'out'}: cannot write to {tmp_path / 'out'}: it is a file, not a folder — choose another -o\n"
    )


def test_without_the_extra_the_command_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "datatrove", None)  # import datatrove → ImportError
    monkeypatch.setitem(sys.modules, "orjson", None)
    code, _, err = run(str(SEEDS), "-o", str(tmp_path / "out"))
    assert (code, err) == (1, "error: corpus: needs datatrove, orjson — pip install 'gongwen[corpus]'\n")
    assert not (tmp_path / "out").exists()


@needs_datatrove
@pytest.mark.skipif(
    importlib.util.find_spec("ray") is not None, reason="ray is installed: it would look for a cluster"
)
def test_the_ray_executor_without_ray_says_so(tmp_path):
    code, _, err = run(str(SEEDS), "-o", str(tmp_path / "out"), "--executor", "ray", "--tasks", "2")
    assert (code, err) == (
        1,
        "error: corpus: --executor ray needs ray — pip install the ray version of your cluster\n",
    )


@needs_datatrove
def test_a_clean_run_exits_0_and_says_where_everything_is(tmp_path):
    out = tmp_path / "out"
    code, stdout, _ = run(str(SEEDS), "-o", str(out), "--workers", "1", "--tasks", "2", "--keep-numbering")
    assert code == 0
    lines = stdout.splitlines()
    assert lines[0].startswith("5 records in 2 tasks → 5 written (25 documents)")
    assert lines[1].startswith("characters: ")
    assert " rewritten" not in lines[1]
    assert lines[-1] == f"records in {out}/records/, stats in {out}/stats.json"
    assert json.loads((out / "corpus.json").read_text())["job"]["tasks"] == 2


@needs_datatrove
def test_parquet_in_parquet_out(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "in").mkdir()
    pq.write_table(
        pa.table(
            {
                "key": [f.stem for f in SEED_FILES],
                "raw": pa.array([f.read_bytes() for f in SEED_FILES], pa.binary()),
                "path": [f"site/{f.name}" for f in SEED_FILES],
            }
        ),
        tmp_path / "in" / "pages.parquet",
    )
    out = tmp_path / "out"
    args = ["--column", "raw", "--id-column", "key", "--source-column", "path", "--format", "parquet"]
    code, _, _ = run(str(tmp_path / "in"), "-o", str(out), "--workers", "1", "--tasks", "2", *args)
    assert code == 0
    rows = [r for p in sorted((out / "records").glob("*.parquet")) for r in pq.read_table(p).to_pylist()]
    assert sorted(r["id"] for r in rows) == [f.stem for f in SEED_FILES]
    for r in rows:
        f = SEEDS / f"{r['id']}.txt"
        assert r["source"] == f"site/{f.name}"
        assert json.loads(r["doc_tree"]) == tree_of(f)


@needs_datatrove
def test_warc_in_gzip_jsonl_out(tmp_path):
    from tests.corpus.test_readers import write_warc

    (tmp_path / "in").mkdir()
    page = FIXTURES / "html" / "gov_notice_html5.html"
    write_warc(
        tmp_path / "in" / "crawl.warc.gz",
        [
            ("https://www.example.gov.cn/tzgg/notice.html", "200 OK", "text/html", page.read_bytes()),
            ("https://www.example.gov.cn/logo.png", "200 OK", "image/png", b"\x89PNG"),
        ],
    )
    out = tmp_path / "out"
    code, stdout, _ = run(
        str(tmp_path / "in"), "-o", str(out), "--workers", "1", "--tasks", "1", "--format", "jsonl.gz"
    )
    assert code == 0, stdout
    (line,) = gzip.decompress((out / "records" / "00000.jsonl.gz").read_bytes()).decode().splitlines()
    record = json.loads(line)
    assert record["source"] == "https://www.example.gov.cn/tzgg/notice.html"
    assert record["metadata"] == {"date": "2024-03-05T08:00:00Z"}
    expected = tree_of(page)
    expected["source"] = "notice.html"
    assert record["doc_tree"] == expected


@needs_datatrove
def test_render_writes_the_files_convert_writes(tmp_path):
    out = tmp_path / "out"
    seed = SEED_FILES[0]
    code, stdout, _ = run(str(seed), "-o", str(out), "--workers", "1", "--render", "pdf")
    assert code == 0
    assert "rendered: 1 records into" in stdout
    (pdf,) = render_outputs(convert(seed.read_bytes(), seed.name), seed.stem, ("pdf",))
    assert (out / "rendered" / pdf.name).read_bytes() == pdf.data
