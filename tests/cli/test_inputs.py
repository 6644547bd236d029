"""Input discovery and reading (issue 13): only regular files are opened, reads are bounded.

A folder of downloads can hold a symbolic link to itself, a named pipe or a link to a
device under a ``.txt`` name.  Each must cost one ``error:`` line and nothing else: the
rest of the folder converts, nothing hangs, nothing reads for ever.  The cases that used
to hang or eat memory run the CLI in a subprocess with a hard timeout (and a memory
limit), so a regression fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli.inputs import find_inputs, read_input
from pipeline.errors import InputError

from .test_cli import ROOT, SEEDS, error_lines, visible

SEED = SEEDS / "000_9a153adfeeef4269.txt"
HARD_TIMEOUT = 60  # seconds: a conversion of one seed takes well under one


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def cli(*args: str) -> tuple[int, list[str]]:
    """``gongwen ARGS`` in a subprocess that must end within HARD_TIMEOUT and 2 GB."""
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=HARD_TIMEOUT,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stderr.splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / "a.txt")
    return d


def test_symlink_loop_in_a_folder_is_one_line_and_the_rest_converts(folder, tmp_path):
    (folder / "self.txt").symlink_to("self.txt")
    code, err = cli("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert error_lines(err) == {
        str(
            folder / "self.txt"
        ): "a symbolic link loop (the link leads back to itself) — fix or remove the link"
    }
    assert visible(tmp_path / "out") == ["a.json"]


def test_symlink_loop_named_on_the_command_line(tmp_path):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    code, err = cli("convert", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert "symbolic link loop" in error_lines(err)[str(tmp_path / "a.txt")]


def test_fifo_in_a_folder_does_not_hang_the_batch(folder, tmp_path):
    os.mkfifo(folder / "pipe.txt")
    code, err = cli("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json", "-j", "2")
    assert code == 1
    assert error_lines(err) == {
        str(folder / "pipe.txt"): "not a regular file (a named pipe (FIFO))"
        " — only regular files are converted"
    }
    assert visible(tmp_path / "out") == ["a.json"]


def test_explain_does_not_hang_on_a_fifo(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    code, err = cli("explain", str(tmp_path / "pipe.txt"))
    assert code == 1
    assert "not a regular file (a named pipe (FIFO))" in error_lines(err)[str(tmp_path / "pipe.txt")]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_link_to_a_device_is_refused_not_read_until_memory_runs_out(folder, tmp_path):
    (folder / "zero.txt").symlink_to("/dev/zero")
    code, err = cli("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert error_lines(err) == {
        str(folder / "zero.txt"): "not a regular file (a character device) — only regular files are converted"
    }
    assert visible(tmp_path / "out") == ["a.json"]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs procfs")
def test_a_proc_file_whose_size_reads_0_is_read_only_up_to_the_limit(folder, tmp_path):
    # /proc files are regular files that say they are empty; the limit must hold anyway
    (folder / "maps.txt").symlink_to("/proc/self/maps")
    code, err = cli(
        "convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json", "--max-bytes", "8000"
    )
    assert code == 1
    assert error_lines(err) == {
        str(folder / "maps.txt"): "input is over the 8000 bytes limit — split the file or raise --max-bytes"
    }


def test_read_takes_at_most_one_byte_over_the_limit(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 10_000)
    real_fstat = os.fstat

    def fstat(fd):  # a file whose size lies, as /proc files do
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, *st[1:6], 0, *st[7:]))

    reads = []
    real_read = os.read

    def read(fd, n):
        data = real_read(fd, n)
        reads.append(len(data))
        return data

    monkeypatch.setattr(os, "fstat", fstat)
    monkeypatch.setattr(os, "read", read)
    with pytest.raises(InputError, match=r"^input is over the 100 bytes limit"):
        read_input(big, 100)
    assert sum(reads) == 101


def test_broken_symlink_in_a_folder(folder, tmp_path):
    (folder / "gone.txt").symlink_to("nowhere.txt")
    code, err = cli("convert", str(folder), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert error_lines(err) == {
        str(
            folder / "gone.txt"
        ): "a broken symbolic link (what it points to is missing) — fix or remove the link"
    }


def test_a_symlink_to_a_regular_file_is_converted_once(folder):
    (folder / "link.txt").symlink_to(folder / "a.txt")
    files, bad = find_inputs([str(folder)])
    assert (files, bad) == ([folder / "a.txt"], [])


def test_special_files_without_an_input_suffix_are_not_mentioned(folder):
    os.mkfifo(folder / "pipe")
    (folder / "loop").symlink_to("loop")
    assert find_inputs([str(folder)]) == ([folder / "a.txt"], [])
