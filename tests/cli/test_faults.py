"""Faults a user's machine causes (issue 8): unreadable files, unwritable or mistaken output
folders, a full disk mid-write, a process killed mid-write, a bug in one input of a batch,
a worker that dies, inputs over the size limit and pathological big inputs.

Each test checks the three promises: one ``error:`` line for the input concerned (never a
traceback), the rest of the batch converted, and no truncated or half-replaced output.
Tests run as root, where ``chmod 000`` does not stop a read; the real-permission tests
drop to ``nobody`` with ``setpriv``, and the rest simulate the failing call.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.cli.batch
import pipeline.cli.inputs
import pipeline.cli.output
import pipeline.core
import pipeline.errors
from pipeline.cli import main
from pipeline.cli.batch import WORKER_DIED
from pipeline.cli.output import _TEMP
from pipeline.core import Options, convert
from pipeline.errors import REPORT_HINT

from .test_cli import ROOT, SEEDS, assert_complete, error_lines, expected_outputs, hidden, run, visible

SEED = SEEDS / "000_9a153adfeeef4269.txt"  # one article: x.docx, x.pdf, x.json
OTHER = SEEDS / "001_80fc3c0c6ec81ccf.txt"
CAN_DROP_ROOT = os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.fixture
def inputs(tmp_path):
    """Two good inputs, a.txt and b.txt, in ``tmp_path/in``."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    shutil.copy(OTHER, src / "b.txt")
    return src


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# ---------------------------------------------------------------- reading


def test_unreadable_file_simulated(inputs, tmp_path, monkeypatch):
    real = os.open

    def fake_open(path, flags, *args, **kwargs):
        if Path(path).name == "a.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    code, err = run("convert", str(inputs), "-o", str(tmp_path / "out"), "--to", "json", "-j", "1")
    assert code == 1
    assert error_lines(err) == {
        str(inputs / "a.txt"): "cannot read the file (Permission denied) — check its permissions (chmod +r)"
    }
    assert visible(tmp_path / "out") == ["b.json"]


def _as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-m",
            "pipeline",
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def world_dir(tmp_path_factory):
    """A folder ``nobody`` can reach (pytest's own tmp folders are root-only)."""
    d = Path(tmp_path_factory.mktemp("shared"))
    for p in (d, *d.parents):
        if p == Path("/tmp") or p == Path("/"):
            break
        p.chmod(0o777)
    return d


@pytest.mark.skipif(not CAN_DROP_ROOT, reason="needs root and setpriv to run as nobody")
def test_unreadable_file_for_real(world_dir):
    shutil.copy(SEED, world_dir / "a.txt")
    shutil.copy(OTHER, world_dir / "b.txt")
    (world_dir / "a.txt").chmod(0)
    out = world_dir / "out"
    proc = _as_nobody(
        "convert", str(world_dir / "a.txt"), str(world_dir / "b.txt"), "-o", str(out), "--to", "json"
    )
    assert proc.returncode == 1
    assert error_lines(proc.stderr.splitlines()) == {
        str(
            world_dir / "a.txt"
        ): "cannot read the file (Permission denied) — check its permissions (chmod +r)"
    }
    assert visible(out) == ["b.json"]


@pytest.mark.skipif(not CAN_DROP_ROOT, reason="needs root and setpriv to run as nobody")
def test_output_folder_not_writable_for_real(world_dir):
    shutil.copy(SEED, world_dir / "a.txt")
    out = world_dir / "locked"
    out.mkdir()
    out.chmod(0o755)  # owned by root: nobody may not write
    proc = _as_nobody("convert", str(world_dir / "a.txt"), "-o", str(out), "--to", "json")
    assert proc.returncode == 1
    assert error_lines(proc.stderr.splitlines()) == {
        str(
            world_dir / "a.txt"
        ): f"cannot write to {out} (permission denied) — choose another -o or fix its permissions"
    }
    assert list(out.iterdir()) == []


def test_size_limit_refuses_without_reading(inputs, tmp_path, monkeypatch):
    real = pipeline.cli.inputs.read_at_most

    def read_at_most(fd: int, limit: int) -> bytes:
        name = Path(os.readlink(f"/proc/self/fd/{fd}")).name
        assert name != "a.txt", "an oversized file must be refused before it is read"
        return real(fd, limit)

    monkeypatch.setattr(pipeline.cli.inputs, "read_at_most", read_at_most)
    limit = SEED.stat().st_size - 1
    assert OTHER.stat().st_size <= limit
    code, err = run(
        "convert",
        str(inputs),
        "-o",
        str(tmp_path / "out"),
        "--to",
        "json",
        "-j",
        "1",
        "--max-bytes",
        str(limit),
    )
    assert code == 1
    assert error_lines(err) == {
        str(inputs / "a.txt"): f"input is {SEED.stat().st_size} bytes, over the {limit} bytes limit"
        " — split the file or raise --max-bytes"
    }
    assert visible(tmp_path / "out") == ["b.json"]


def test_size_limit_message_in_megabytes():
    with pytest.raises(pipeline.errors.InputError, match=r"^input is 20\.5 MB, over the 20 MB limit — "):
        pipeline.core.check_size(int(20.5 * 1024 * 1024), 20 * 1024 * 1024)
    assert convert(SEED.read_bytes(), SEED.name, Options(max_bytes=SEED.stat().st_size)).documents


# ---------------------------------------------------------------- the output folder


def test_output_folder_not_writable_simulated(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    out = tmp_path / "out"
    code, err = run("convert", str(inputs), "-o", str(out), "--to", "json")
    assert code == 1
    msg = f"cannot write to {out} (permission denied) — choose another -o or fix its permissions"
    assert error_lines(err) == {str(inputs / "a.txt"): msg, str(inputs / "b.txt"): msg}
    assert list(out.iterdir()) == []


def test_output_given_as_a_file(inputs, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep me", "utf-8")
    code, err = run("convert", str(inputs / "a.txt"), "-o", str(target), "--to", "json")
    assert code == 1
    assert error_lines(err) == {
        str(inputs / "a.txt"): f"cannot write to {target}: it is a file, not a folder — choose another -o"
    }
    assert target.read_text("utf-8") == "keep me"


def test_output_under_a_file(inputs, tmp_path):
    (tmp_path / "f").write_text("x", "utf-8")
    code, err = run("convert", str(inputs / "a.txt"), "-o", str(tmp_path / "f" / "out"), "--to", "json")
    assert code == 1
    assert error_lines(err)[str(inputs / "a.txt")].endswith(
        f"part of its path ({tmp_path / 'f'}) is a file — choose another -o"
    )


def test_output_name_taken_by_a_folder(inputs, tmp_path):
    out = tmp_path / "out"
    (out / "a.json").mkdir(parents=True)
    code, err = run("convert", str(inputs), "-o", str(out), "--to", "json", "-j", "1")
    assert code == 1
    assert error_lines(err) == {
        str(inputs / "a.txt"): f"a.json in {out} is a folder — move it away or choose another -o"
    }
    assert visible(out) == ["a.json", "b.json"]
    assert (out / "a.json").is_dir()
    assert hidden(out) == []


# ---------------------------------------------------------------- a full disk


class _FullDisk(io.RawIOBase):
    """A file whose ``write`` stores half the data and then fails with ENOSPC."""

    def __init__(self, f: io.BufferedWriter) -> None:
        self.f = f

    def write(self, b) -> int:  # type: ignore[override]
        self.f.write(bytes(b)[: len(b) // 2])
        self.f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()


@pytest.mark.parametrize("where", ["write", "fsync"])
def test_disk_full_mid_write_keeps_old_outputs_and_leaves_nothing(inputs, tmp_path, monkeypatch, where):
    out = tmp_path / "out"
    assert run("convert", str(inputs), "-o", str(out), "--to", "all", "-j", "1")[0] == 0
    before = snapshot(out)
    assert {"a.docx", "a.pdf", "a.json", "b.json"} <= set(before)
    (out / "a.json").write_bytes(b"an older good output")  # must survive the failed rerun
    before["a.json"] = b"an older good output"

    # fail the third file of the first input (a.docx and a.pdf staged, a.json not)
    calls = {"n": 0}
    if where == "write":
        real_fdopen = os.fdopen

        def fdopen(fd, *args, **kwargs):
            f = real_fdopen(fd, *args, **kwargs)
            calls["n"] += 1
            return _FullDisk(f) if calls["n"] == 3 else f

        monkeypatch.setattr(os, "fdopen", fdopen)
    else:
        real_fsync = os.fsync

        def fsync(fd):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    code, err = run("convert", str(inputs), "-o", str(out), "--to", "all", "-j", "1")
    assert code == 1
    assert error_lines(err) == {
        str(inputs / "a.txt"): f"disk full while writing to {out} — free some space and run again"
        " (old outputs are untouched)"
    }
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k.startswith("a.")} == {
        k: v for k, v in before.items() if k.startswith("a.")
    }
    assert hidden(out) == []
    for name in expected_outputs(out / "b.json"):  # the other input was converted
        assert_complete(out / name)


def test_renderer_failing_on_a_later_output_leaves_old_outputs_and_no_temp(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("convert", str(inputs / "a.txt"), "-o", str(out), "--to", "docx,pdf", "-j", "1")[0] == 0
    before = snapshot(out)

    def render(article, **options):
        raise pipeline.errors.RenderError("fonts not prepared — run `make fonts`")

    # a.docx renders and is staged first; the PDF renderer then fails
    monkeypatch.setattr("pipeline.render.pdf.render_checked", render)
    code, err = run("convert", str(inputs / "a.txt"), "-o", str(out), "--to", "docx,pdf", "-j", "1")
    assert code == 1
    assert error_lines(err) == {str(inputs / "a.txt"): "fonts not prepared — run `make fonts`"}
    assert snapshot(out) == before
    assert hidden(out) == []


# ---------------------------------------------------------------- a process killed mid-write

_PAUSE_IN_FSYNC = """
import os, sys, time
flag = sys.argv.pop(1)
real = os.fsync
def fsync(fd):
    real(fd)
    open(flag, "w").close()   # the test kills us here: a temp file written, not renamed
    time.sleep(600)
os.fsync = fsync
from pipeline.cli import main
main()
"""


def _wait_for(path: Path, proc: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, "the conversion ended before it wrote anything"
        assert time.monotonic() < deadline, "the conversion never reached its first write"
        time.sleep(0.02)


def test_sigkill_mid_write_leaves_no_partial_file_and_the_next_run_sweeps(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").write_bytes(b"an older good output")
    flag = tmp_path / "in-fsync"
    args = ["convert", str(inputs / "a.txt"), "-o", str(out), "--to", "json", "-j", "1"]
    proc = subprocess.Popen([sys.executable, "-c", _PAUSE_IN_FSYNC, str(flag), *args], cwd=ROOT)
    _wait_for(flag, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # nothing visible changed; the killed run's temporary file is hidden and names its PID
    assert visible(out) == ["a.json"]
    assert (out / "a.json").read_bytes() == b"an older good output"
    [leftover] = hidden(out)
    assert _TEMP.match(leftover)[1] == str(proc.pid)
    # the next run into the folder deletes it (its writer is gone) and converts normally
    code, err = run("convert", str(inputs / "b.txt"), "-o", str(out), "--to", "json")
    assert (code, error_lines(err)) == (0, {})
    assert (hidden(out), visible(out)) == ([], ["a.json", "b.json"])


def test_a_live_runs_temp_files_are_not_swept(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    live = out / f".x.json.gw{os.getppid()}.0123abcd.tmp"  # our parent is alive
    live.write_bytes(b"")
    assert run("convert", str(inputs / "a.txt"), "-o", str(out), "--to", "json")[0] == 0
    assert hidden(out) == [live.name]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="zombie detection reads /proc")
def test_a_zombie_writer_counts_as_dead():
    # a killed run's orphaned workers can linger as zombies until init reaps them; their
    # temporary files must still be swept
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    while Path(f"/proc/{child.pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z":
        time.sleep(0.01)
    alive = pipeline.cli.output._alive
    try:
        assert not alive(child.pid, 0)
        assert alive(os.getpid(), 0)
        assert alive(os.getppid(), 0)
    finally:
        child.wait()
    assert not alive(child.pid, 0)


def _count(folder: Path, hidden_files: bool) -> int:
    try:
        return sum(e.name.startswith(".") == hidden_files for e in os.scandir(folder))
    except FileNotFoundError:
        return 0


# When to pull the plug: as soon as a worker has staged a temporary file, as soon as the
# first output is renamed into place, and well into the batch.
KILL_WHEN = {
    "first-temp": lambda out: _count(out, hidden_files=True) >= 1,
    "first-output": lambda out: _count(out, hidden_files=False) >= 1,
    "mid-batch": lambda out: _count(out, hidden_files=False) >= 12,
}


@pytest.mark.parametrize("moment", sorted(KILL_WHEN))
def test_batch_killed_at_any_moment_leaves_only_complete_files(tmp_path, moment):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(2):
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, src / f"{k}-{f.name}")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline",
            "convert",
            str(src),
            "-o",
            str(out),
            "--to",
            "all",
            "-j",
            "2",
            "-q",
        ],
        cwd=ROOT,
        start_new_session=True,  # its own process group: the workers die with it
    )
    deadline = time.monotonic() + 120
    while not KILL_WHEN[moment](out):
        assert proc.poll() is None, "the batch finished before the moment came"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for name in visible(out):
        assert_complete(out / name)
    code, err = run("convert", str(src), "-o", str(out), "--to", "all", "-j", "2", "-q")
    assert (code, error_lines(err)) == (0, {})
    assert hidden(out) == []
    expected: set[str] = set()
    for f in sorted(src.iterdir()):
        expected |= expected_outputs(out / f"{f.stem}.json")
    assert visible(out) == sorted(expected)


# ---------------------------------------------------------------- bugs and dead workers


def test_internal_error_is_one_line_and_the_batch_goes_on(inputs, tmp_path, monkeypatch):
    real_convert = pipeline.cli.batch.convert

    def convert(data, source, options):
        if source == "a.txt":
            {}["no such key"]  # a bug somewhere in the pipeline
        return real_convert(data, source, options)

    monkeypatch.setattr(pipeline.cli.batch, "convert", convert)
    code, err = run("convert", str(inputs), "-o", str(tmp_path / "out"), "--to", "json", "-j", "1")
    assert code == 1
    msg = error_lines(err)[str(inputs / "a.txt")]
    assert msg.startswith("internal error (KeyError: 'no such key' at pipeline/cli/")
    assert msg.endswith(f") — {REPORT_HINT}")
    assert visible(tmp_path / "out") == ["b.json"]


def test_internal_error_names_the_pipeline_line_it_came_from(inputs, tmp_path, monkeypatch):
    def render(doc, **options):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("pipeline.render.json.render", render)
    code, err = run("convert", str(inputs / "a.txt"), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert error_lines(err)[str(inputs / "a.txt")].startswith(
        "internal error (ZeroDivisionError: division by zero at pipeline/render/"
    )


def test_debug_lets_an_internal_error_propagate(inputs, tmp_path, monkeypatch):
    def convert(data, source, options):
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline.cli.batch, "convert", convert)
    result = CliRunner().invoke(main, ["convert", str(inputs / "a.txt"), "-o", str(tmp_path), "--debug"])
    assert isinstance(result.exception, RuntimeError)


def test_a_worker_that_dies_costs_only_its_input(inputs, tmp_path, monkeypatch):
    shutil.copy(SEED, inputs / "c.txt")
    real_convert = pipeline.cli.batch.convert

    def convert(data, source, options):
        if source == "b.txt":  # as the kernel's OOM killer would
            os.kill(os.getpid(), signal.SIGKILL)
        return real_convert(data, source, options)

    # worker processes are forked from this one, so they run the patched function
    monkeypatch.setattr(pipeline.cli.batch, "convert", convert)
    out = tmp_path / "out"
    code, err = run("convert", str(inputs), "-o", str(out), "--to", "json", "-j", "2")
    assert code == 1
    assert error_lines(err) == {str(inputs / "b.txt"): WORKER_DIED}
    assert visible(out) == ["a.json", "c.json"]
    assert hidden(out) == []


# ---------------------------------------------------------------- big and pathological inputs


def test_one_megabyte_line_without_breaks(tmp_path):
    text = SEED.read_text("utf-8").replace("\n", "")
    line = (text * (1_100_000 // len(text.encode()) + 1)).encode()[: 1024 * 1024].decode("utf-8", "ignore")
    (tmp_path / "line.txt").write_text(line, "utf-8")
    code, err = run(
        "convert", str(tmp_path / "line.txt"), "-o", str(tmp_path / "out"), "--to", "all", "-j", "1"
    )
    assert (code, error_lines(err)) == (0, {})
    for name in expected_outputs(tmp_path / "out" / "line.json"):
        assert_complete(tmp_path / "out" / name)


def _nested(depth: int) -> bytes:
    return (
        "<html><body>" + "<div>" * depth + "<p>深层嵌套的正文内容。</p>" + "</div>" * depth + "</body></html>"
    ).encode()


@pytest.mark.slow  # 7 s while html._find_main is O(depth²), see below
def test_ten_thousand_deep_nested_html():
    doc = convert(_nested(10_000), "deep.html")
    body = "".join(a.title + "".join(b.text for b in a.blocks) for a in doc.documents)
    assert "深层嵌套的正文内容。" in body


@pytest.mark.slow
def test_deep_nesting_takes_linear_time():
    growth = _growth(_nested(2_500), _nested(10_000), 4, "d.html")
    assert growth < 1.5, f"4× the depth took {4 * growth:.1f}× the time"


def _hundred_thousand_lines(n: int) -> bytes:
    lines = [ln.strip()[:25] for ln in (SEEDS / "004_68c38517b1657e64.txt").read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    return ("\n".join((lines * (n // len(lines) + 1))[:n]) + "\n").encode()


def _growth(small: bytes, large: bytes, scale: float, name: str = "x.txt") -> float:
    """The time *large* takes over *small*'s, per *scale* (how many times larger it is).

    1.0 is linear; quadratic growth gives *scale* itself.

    These are invariants (linear, not quadratic: 4× the input must not take 16× the
    time), not benchmarks. A 2-core CI machine under load once made one 35 ms run
    look 6× slower than its 4× sibling, so both sizes are timed in turns, each at its
    best of up to five, and the check is repeated while the ratio is above the limit.
    """
    best = [float("inf"), float("inf")]
    for _ in range(5):
        for i, data in enumerate((small, large)):
            gc.collect()
            t = time.perf_counter()
            convert(data, name)
            best[i] = min(best[i], time.perf_counter() - t)
        if best[1] / best[0] / scale < 1.25:  # comfortably linear: no need for more runs
            break
    return best[1] / best[0] / scale


@pytest.mark.slow
def test_hundred_thousand_short_lines_take_linear_time():
    growth = _growth(_hundred_thousand_lines(6_250), _hundred_thousand_lines(25_000), 4)
    assert growth < 1.5, f"4× the lines took {4 * growth:.1f}× the time"


@pytest.mark.slow
def test_hundred_thousand_lines_convert():
    doc = convert(_hundred_thousand_lines(100_000), "x.txt")
    assert doc.documents


@pytest.mark.slow
def test_time_is_linear_in_size_for_repeated_seeds():
    seed = (SEEDS / "004_68c38517b1657e64.txt").read_bytes()
    large = b"\n".join([seed] * 16)
    growth = _growth(seed, large, len(large) / len(seed))
    assert growth < 1.5, f"per char, 16 seeds took {growth:.2f}× the time of one"


@pytest.mark.slow
def test_twenty_megabytes_convert_within_memory(tmp_path):
    seeds = [f.read_bytes() for f in sorted(SEEDS.glob("*.txt"))]
    limit = 20 * 1024 * 1024
    parts, size = [], 0
    while size < limit - 70_000:
        for s in seeds:
            if size + len(s) + 1 <= limit:
                parts.append(s)
                size += len(s) + 1
    (tmp_path / "big.txt").write_bytes(b"\n".join(parts))
    probe = (
        "import resource, subprocess, sys;"
        "p = subprocess.run(sys.argv[1:]);"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    args = ["convert", str(tmp_path / "big.txt"), "-o", str(tmp_path / "out"), "--to", "json"]
    proc = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    code, rss_kb = map(int, proc.stdout.split())
    assert code == 0, proc.stderr
    assert rss_kb < 1024 * 1024, f"peak memory {rss_kb / 1024:.0f} MB"
    assert_complete(tmp_path / "out" / "big.json")
