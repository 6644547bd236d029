"""A corpus run end to end (issue 21): `gongwen corpus` on datatrove's local executor and on Slurm.

The inputs are built from the seeds, tests/fixtures/genre and a few HTML pages, with bad
records injected; every record must equal what `gongwen convert FILE --to json` writes
for the same bytes, every input must land in exactly one shard (records or errors), and
the per-shard stats must add up.  Runs are whole processes, as a user starts them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from support import FIXTURES, ROOT, SEEDS

pytest.importorskip("datatrove")
pytest.importorskip("orjson")

from pipeline.corpus.record import source_name
from pipeline.corpus.run import CorpusJob, find_input, pin, summarize
from pipeline.errors import PipelineError

GONGWEN = [sys.executable, "-m", "pipeline"]
TEXTS = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "genre").glob("*.txt"))
PAGES = [
    FIXTURES / "html" / n for n in ("wendang_gbk.html", "gov_notice_html5.html", "big5_traditional.html")
]
BAD = [FIXTURES / "bad" / n for n in ("binary.txt", "all-cruft.txt", "empty.txt")]
# a Word file, a PDF and a Markdown draft of the genre texts: what `convert` reads, the corpus reads
FORMATS = [
    FIXTURES / "formats" / "docx" / "lo01_auto_numbering_g05.docx",
    FIXTURES / "formats" / "pdf" / "gw01_our_own_g14.pdf",
    FIXTURES / "formats" / "markdown" / "md01_chatgpt_seed000.md",
]
ERROR_LINE = re.compile(r"^error: (?P<path>.+?): (?P<what>.+)$")


def gongwen(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GONGWEN, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)


def convert_folder(folder: Path, out: Path, *options: str) -> tuple[dict[str, dict], dict[str, str]]:
    """`gongwen convert FOLDER --to json`: {file name: tree} and {file name: error message}."""
    proc = gongwen("convert", str(folder), "-o", str(out), "--to", "json", "-q", "-j", "2", *options)
    errors = {}
    for line in proc.stderr.splitlines():
        m = ERROR_LINE.match(line)
        if m:
            errors[Path(m["path"]).name] = m["what"]
    trees = {f"{p.stem}": json.loads(p.read_text("utf-8")) for p in out.glob("*.json")}
    return trees, errors


def shard_lines(out: Path, kind: str) -> dict[str, list[dict]]:
    """{shard file name: its lines} of OUT/records or OUT/errors."""
    return {
        p.name: [json.loads(x) for x in p.read_text("utf-8").splitlines()]
        for p in sorted((out / kind).glob("*.jsonl"))
    }


def all_lines(out: Path, kind: str) -> list[dict]:
    return [line for lines in shard_lines(out, kind).values() for line in lines]


def block(stats: list[dict], name: str) -> dict[str, float]:
    """Totals of one step's block in datatrove's stats (a bare number or {"total": …})."""
    (found,) = [b for b in stats if b["name"] == name]
    return {k: (v["total"] if isinstance(v, dict) else v) for k, v in found["stats"].items()}


CONVERT_BLOCK = "🀄 - GONGWEN: convert"


def assert_stats_add_up(out: Path, tasks: int, keep_numbering: bool) -> None:
    """Per shard and merged: inputs = records + errors, documents, and the characters."""
    merged = json.loads((out / "stats.json").read_text("utf-8"))
    totals: Counter[str] = Counter()
    for t in range(tasks):
        stats = block(json.loads((out / "stats" / f"{t:05d}.json").read_text("utf-8")), CONVERT_BLOCK)
        records = shard_lines(out, "records").get(f"{t:05d}.jsonl", [])
        errors = shard_lines(out, "errors").get(f"{t:05d}.jsonl", [])
        assert stats.get("inputs", 0) == len(records) + len(errors), t
        assert stats.get("converted", 0) == len(records), t
        assert stats.get("documents", 0) == sum(len(r["doc_tree"]["documents"]) for r in records), t
        assert Counter(
            {k.removeprefix("errors/"): v for k, v in stats.items() if k.startswith("errors/")}
        ) == Counter(e["kind"] for e in errors), t
        removed = sum(v for k, v in stats.items() if k.startswith("chars/removed/"))
        rewritten = stats.get("chars/rewritten_from", 0) - stats.get("chars/rewritten_to", 0)
        assert stats.get("chars/input", 0) == stats.get("chars/kept", 0) + removed + rewritten, t
        if keep_numbering:
            assert rewritten == 0, t
            assert "chars/rewritten_from" not in stats, t
        totals.update(stats)
    assert Counter(block(merged, CONVERT_BLOCK)) == +totals


# ---------------------------------------------------------------- the inputs


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("corpus")


@pytest.fixture(scope="module")
def folder(work):
    """The seeds, the genre texts, three pages, three other formats and three bad files."""
    root = work / "folder"
    for f in TEXTS + PAGES:
        (root / ("pages" if f.suffix == ".html" else "texts")).mkdir(parents=True, exist_ok=True)
        shutil.copy(f, root / ("pages" if f.suffix == ".html" else "texts") / f.name)
    for sub, files in (("bad", BAD), ("formats", FORMATS)):
        (root / sub).mkdir()
        for f in files:
            shutil.copy(f, root / sub / f.name)
    return root


@pytest.fixture(scope="module")
def jsonl(work):
    """One JSONL file: a record per text and page (their text), and four bad lines."""
    root = work / "jsonl"
    root.mkdir()
    lines = []
    for i, f in enumerate(TEXTS + PAGES):
        text = f.read_bytes().decode(
            "gb18030" if "gbk" in f.name else "big5" if "big5" in f.name else "utf-8"
        )
        lines.append(
            json.dumps({"id": f"gw-{i:03d}", "url": f"https://example.cn/fw/{f.name}", "text": text})
        )
    lines.insert(7, '{"id": "broken", "text": "关于')  # cut off: not JSON
    lines.insert(
        3, json.dumps({"id": "gw-cruft", "url": "https://example.cn/c.txt", "text": BAD[1].read_text()})
    )
    lines.insert(11, json.dumps({"id": "gw-empty", "url": "https://example.cn/e.txt", "text": ""}))
    lines.insert(15, json.dumps({"id": "gw-nocol", "url": "https://example.cn/n.txt", "body": "正文"}))
    (root / "pages.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return root / "pages.jsonl"


@pytest.fixture(scope="module")
def folder_run(work, folder):
    out = work / "folder-out"
    proc = gongwen("corpus", str(folder), "-o", str(out), "--tasks", "5", "--workers", "2")
    return out, proc


@pytest.fixture(scope="module")
def jsonl_run(work, jsonl):
    out = work / "jsonl-out"
    proc = gongwen("corpus", str(jsonl), "-o", str(out), "--tasks", "4", "--workers", "2", "--keep-numbering")
    return out, proc


# ---------------------------------------------------------------- local executor


def test_a_folder_run_writes_what_convert_writes_for_each_file(work, folder, folder_run):
    out, proc = folder_run
    assert proc.returncode == 1, proc.stderr[-2000:]  # three records failed
    trees, errors = convert_folder(folder, work / "folder-convert")
    records = all_lines(out, "records")
    assert sorted(r["id"] for r in records) == sorted(
        [f"{'pages' if f.suffix == '.html' else 'texts'}/{f.name}" for f in TEXTS + PAGES]
        + [f"formats/{f.name}" for f in FORMATS]
    )
    for r in records:
        assert r["source"] == r["id"]
        assert r["doc_tree"] == trees[Path(r["id"]).stem], r["id"]
    failed = {e["id"]: e for e in all_lines(out, "errors")}
    assert sorted(failed) == sorted(f"bad/{f.name}" for f in BAD)
    for rid, e in failed.items():
        assert e["error"] == errors[Path(rid).name]
    assert {e["kind"] for e in failed.values()} == {"binary", "no-body", "empty"}


def test_a_folder_run_spreads_its_files_over_the_tasks_and_reports_them(folder_run):
    out, proc = folder_run
    assert sorted(p.name for p in (out / "completions").iterdir()) == [f"{t:05d}" for t in range(5)]
    assert len(shard_lines(out, "records")) == 5
    n = len(TEXTS + PAGES + FORMATS) + len(BAD)
    assert proc.stdout.splitlines()[0] == (
        f"{n} records in 5 tasks → {n - 3} written "
        f"({sum(len(r['doc_tree']['documents']) for r in all_lines(out, 'records'))} documents), "
        f"3 failed: binary 1, empty 1, no-body 1 — reasons in {out}/errors/"
    )
    assert not list(out.rglob("*.part"))


def test_folder_stats_add_up_per_shard(folder_run):
    assert_stats_add_up(folder_run[0], 5, keep_numbering=False)


def test_a_jsonl_run_writes_what_convert_writes_for_the_same_bytes(work, jsonl, jsonl_run):
    out, proc = jsonl_run
    assert proc.returncode == 1, proc.stderr[-2000:]
    rows = [json.loads(x) for x in jsonl.read_text("utf-8").splitlines() if x.startswith('{"id": "gw-')]
    files = work / "jsonl-files"
    files.mkdir()
    for row in rows:
        if "text" in row:  # the bytes a record stands for: its text in UTF-8, named by its URL
            (files / source_name(row["url"])).write_bytes(row["text"].encode("utf-8"))
    trees, errors = convert_folder(files, work / "jsonl-convert", "--keep-numbering")
    records = {r["id"]: r for r in all_lines(out, "records")}
    assert sorted(records) == sorted(f"gw-{i:03d}" for i in range(len(TEXTS + PAGES)))
    for row in rows:
        if row["id"] in records:
            name = source_name(row["url"])
            assert records[row["id"]]["source"] == row["url"]
            assert records[row["id"]]["doc_tree"] == trees[Path(name).stem], row["id"]
    failed = {e["id"]: e for e in all_lines(out, "errors")}
    assert failed["gw-cruft"]["error"] == errors["c.txt"]
    assert failed["gw-empty"]["error"] == errors["e.txt"]
    assert {k: e["kind"] for k, e in failed.items()} == {
        "gw-cruft": "no-body",
        "gw-empty": "empty",
        "gw-nocol": "read",
        "pages.jsonl/8": "read",  # the cut-off line, named by its place (line 9)
    }
    assert failed["pages.jsonl/8"]["error"].startswith("line 9 is not JSON (")


def test_one_jsonl_file_is_spread_over_every_task(jsonl, jsonl_run):
    out, _ = jsonl_run
    inputs = [
        block(json.loads((out / "stats" / f"{t:05d}.json").read_text()), CONVERT_BLOCK)["inputs"]
        for t in range(4)
    ]
    assert sum(inputs) == len(jsonl.read_text("utf-8").splitlines())
    assert max(inputs) - min(inputs) <= 1  # record j of the file goes to task j % 4
    assert len(shard_lines(out, "records")) == 4


def test_jsonl_stats_add_up_with_every_character_accounted_for(jsonl_run):
    assert_stats_add_up(jsonl_run[0], 4, keep_numbering=True)


def test_a_finished_run_is_not_run_again(folder, folder_run):
    out, first = folder_run
    logs = {p: p.stat().st_mtime_ns for p in (out / "logs").iterdir()}
    again = gongwen("corpus", str(folder), "-o", str(out), "--workers", "2")  # --tasks from corpus.json
    assert again.returncode == 1
    assert again.stdout == first.stdout
    assert {p: p.stat().st_mtime_ns for p in (out / "logs").iterdir()} == logs


def test_a_run_into_an_out_of_other_settings_is_refused(folder, folder_run):
    out, _ = folder_run
    proc = gongwen("corpus", str(folder), "-o", str(out), "--tasks", "3", "--keep-numbering")
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"error: {out}: holds a run started with other settings (--tasks was 5, --keep-numbering was False)"
        " — rerun with those, or choose another -o"
    )


@pytest.mark.slow
def test_a_run_killed_part_way_finishes_only_the_missing_tasks_when_rerun(work):
    """SIGKILL the whole run as soon as one task is done; the rerun redoes only the others."""
    big = b"\n\n".join([(SEEDS / "004_68c38517b1657e64.txt").read_bytes()] * 4)  # ~0.4 s a task
    src = work / "kill-in"
    src.mkdir()
    tasks = 6
    for t in range(tasks):  # sorted, file t and file t + 6 are task t's: one big, one small
        (src / f"a{t}-big.txt").write_bytes(big)
        shutil.copy(TEXTS[t], src / f"b{t}-{TEXTS[t].name}")
    out = work / "kill-out"
    args = [*GONGWEN, "corpus", str(src), "-o", str(out), "--tasks", str(tasks), "--workers", "2"]
    proc = subprocess.Popen(
        args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 120
    while not (out / "completions").is_dir() or not any((out / "completions").iterdir()):
        assert proc.poll() is None, "the run ended before a task was done"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(int(p.name) for p in (out / "completions").iterdir())
    assert 1 <= len(done) < tasks
    kept = {
        p: (p.stat().st_mtime_ns, p.read_bytes())
        for t in done
        for p in (
            out / "records" / f"{t:05d}.jsonl",
            out / "stats" / f"{t:05d}.json",
            out / "logs" / f"task_{t:05d}.log",
        )
    }
    started = time.time_ns()
    rerun = gongwen("corpus", str(src), "-o", str(out), "--workers", "2")
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in kept} == kept  # done tasks untouched
    for t in set(range(tasks)) - set(done):
        assert (out / "logs" / f"task_{t:05d}.log").stat().st_mtime_ns >= started, t  # … the others redone
    assert sorted(p.name for p in (out / "completions").iterdir()) == [f"{t:05d}" for t in range(tasks)]
    assert not list(out.rglob("*.part"))
    records = all_lines(out, "records")
    assert sorted(r["id"] for r in records) == sorted(p.name for p in src.iterdir())
    trees, _ = convert_folder(src, work / "kill-convert")
    for r in records:
        assert r["doc_tree"] == trees[Path(r["id"]).stem], r["id"]
    assert f"{2 * tasks} records in {tasks} tasks → {2 * tasks} written" in rerun.stdout
    assert_stats_add_up(out, tasks, keep_numbering=False)


# ---------------------------------------------------------------- Slurm


STAND_INS = {
    # records the script it is given and its options; answers as sbatch does
    "sbatch": """#!/bin/bash
n=$(( $(ls "$SBATCH_RECORD" | grep -c '\\.sh$') + 1 ))
cp "${@: -1}" "$SBATCH_RECORD/$n.sh"
printf '%s\\n' "${@:1:$#-1}" > "$SBATCH_RECORD/$n.args"
echo "Submitted batch job $((4000 + n))"
""",
    # runs the command after its options, on this machine
    "srun": """#!/bin/bash
while [[ $# -gt 0 && $1 == -* ]]; do case $1 in -n|-N|-c) shift 2;; *) shift;; esac; done
exec "$@"
""",
    "scontrol": """#!/bin/bash
[[ $1 == show && $2 == hostnames ]] && { echo localhost; exit 0; }
exit 1
""",
}


@pytest.fixture
def slurm_bin(tmp_path):
    bin_dir, record = tmp_path / "bin", tmp_path / "submitted"
    bin_dir.mkdir()
    record.mkdir()
    for name, text in STAND_INS.items():
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "SBATCH_RECORD": str(record)}
    return env, record


def directives(script: str) -> dict[str, str]:
    return dict((m[1], m[2]) for m in re.finditer(r"^#SBATCH --([\w-]+)(?:=(.*))?$", script, re.M))


@pytest.mark.slow
def test_a_slurm_run_submits_a_script_that_does_the_run(tmp_path, folder, folder_run, slurm_bin):
    env, record = slurm_bin
    out = tmp_path / "slurm-out"
    args = [
        "corpus",
        str(folder),
        "-o",
        str(out),
        "--executor",
        "slurm",
        "--partition",
        "cpu",
        "--tasks",
        "5",
    ]
    slurm = [*args, "--workers", "3", "--time", "02:00:00", "--cpus-per-task", "2", "--mem-per-cpu-gb", "3"]
    slurm += ["--qos", "high", "--sbatch-arg", "account=corpora"]
    proc = gongwen(*slurm, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("submitted Slurm job 4001: 5 of 5 tasks")
    assert sorted(p.name for p in record.iterdir()) == ["1.args", "1.sh", "2.args", "2.sh"]

    script = (record / "1.sh").read_text()
    assert script == (out / "launch_script.slurm").read_text()
    assert directives(script) == {
        "cpus-per-task": "2",
        "mem-per-cpu": "3G",
        "nodes": "1",
        "partition": "cpu",
        "job-name": "gongwen-corpus",
        "time": "02:00:00",
        "output": f"{out}/slurm_logs/%A_%a.out",
        "error": f"{out}/slurm_logs/%A_%a.out",
        "array": "0-4%3",  # one array task per corpus task, at most --workers at once
        "account": "corpora",
        "requeue": None,
        "qos": "high",
    }
    body = [line.strip() for line in script.splitlines() if line.strip() and not line.startswith("#")]
    assert f"source {Path(sys.prefix) / 'bin' / 'activate'}" in body  # the job runs this installation
    assert body[-1].split() == ["srun", "-l", "-n", "1", "launch_pickled_pipeline", f"{out}/executor.pik"]
    assert (record / "1.args").read_text().split() == ["--export=ALL,RUN_OFFSET=0"]
    merge = (record / "2.sh").read_text()
    assert directives(merge)["dependency"] == "afterok:4001"
    assert merge.splitlines()[-1].split() == ["merge_stats", f"{out}/stats", "-o", f"{out}/stats.json"]

    # Slurm's part: each array task runs the script with its SLURM_ARRAY_TASK_ID
    for t in range(5):
        task = {**env, "SLURM_ARRAY_TASK_ID": str(t), "SLURM_NODELIST": "node1", "RUN_OFFSET": "0"}
        ran = subprocess.run(
            ["bash", str(record / "1.sh")], env=task, capture_output=True, text=True, timeout=300
        )
        assert ran.returncode == 0, ran.stderr[-2000:]
    assert (
        subprocess.run(["bash", str(record / "2.sh")], env=env, capture_output=True, timeout=300).returncode
        == 0
    )

    again = gongwen(*slurm, env=env)  # all done: the summary, and nothing submitted
    assert again.returncode == 1  # three bad records
    assert sorted(p.name for p in record.iterdir()) == ["1.args", "1.sh", "2.args", "2.sh"]
    local, _ = folder_run
    assert again.stdout.splitlines()[0] == folder_run[1].stdout.splitlines()[0].replace(str(local), str(out))
    assert shard_lines(out, "records") == shard_lines(local, "records")
    assert shard_lines(out, "errors") == shard_lines(local, "errors")
    assert_stats_add_up(out, 5, keep_numbering=False)


# ---------------------------------------------------------------- pieces of the run


def test_the_format_of_an_input_is_told_by_its_suffixes(tmp_path, folder, jsonl):
    assert find_input(str(folder)) == (str(folder), None, "documents")
    assert find_input(str(jsonl)) == (str(jsonl.parent), "pages.jsonl", "jsonl")
    assert find_input(str(TEXTS[0])) == (str(TEXTS[0].parent), TEXTS[0].name, "documents")
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "a.txt").write_text("x")
    (tmp_path / "mixed" / "b.warc.gz").write_bytes(b"")
    with pytest.raises(
        PipelineError, match=r"several kinds of input \(1 documents, 1 warc\) — pass --input-format"
    ):
        find_input(str(tmp_path / "mixed"))
    assert find_input(str(tmp_path / "mixed"), "warc")[2] == "warc"
    with pytest.raises(PipelineError, match="no such file or folder"):
        find_input(str(tmp_path / "nothing"))
    with pytest.raises(PipelineError, match="needs --input-format"):
        find_input("s3://bucket/pages/")


def test_settings_are_pinned_by_the_first_run(tmp_path):
    job = CorpusJob(str(tmp_path), None, "documents", 4)
    pin(tmp_path, job)
    pin(tmp_path, job)  # the same: fine
    with pytest.raises(PipelineError, match=r"other settings \(--format was 'jsonl', --render was \[\]\)"):
        pin(
            tmp_path, CorpusJob(str(tmp_path), None, "documents", 4, output_format="parquet", render=("pdf",))
        )


def test_finished_tasks_without_their_settings_are_not_resumed(tmp_path):
    (tmp_path / "completions").mkdir()
    (tmp_path / "completions" / "00000").touch()
    with pytest.raises(PipelineError, match=r"holds finished tasks of a run but no corpus\.json"):
        pin(tmp_path, CorpusJob(str(tmp_path), None, "documents", 4))
    (tmp_path / "corpus.json").write_text("{not json")
    with pytest.raises(PipelineError, match=r"cannot read .*corpus.json \(.*\) — choose another -o"):
        pin(tmp_path, CorpusJob(str(tmp_path), None, "documents", 4))


def test_a_summary_adds_up_the_blocks_of_our_steps():
    blocks = [
        {"name": "📖 - READER: gongwen documents", "stats": {"records": 9}},
        {
            "name": CONVERT_BLOCK,
            "stats": {
                "inputs": 9,
                "converted": {"total": 7, "n": 7},
                "errors/empty": 2,
                "documents": {"total": 11, "n": 7, "mean": 1.6},
                "chars/input": {"total": 100, "n": 7},
                "chars/kept": {"total": 90, "n": 7},
                "chars/removed/breadcrumb": 10,
            },
        },
        {"name": "🀄 - GONGWEN: render", "stats": {"rendered": 6, "errors/render": 1}},
    ]
    s = summarize(blocks)
    assert (s.inputs, s.converted, s.written, s.failed, s.documents, s.rendered) == (9, 7, 6, 3, 11, 6)
    assert s.errors == {"empty": 2, "render": 1}
    assert s.chars == {"input": 100, "kept": 90, "removed": 10, "rewritten_from": 0, "rewritten_to": 0}
