"""Staging and sweeping temporary outputs, and the output folder's own problems (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.cli.output import _TEMP, run_tag, stage, start_time, sweep_temps
from pipeline.render import Output

from .test_cli import SEEDS, error_lines, hidden, run


def _temp(folder, run: str) -> str:
    [(_, tmp)] = stage(folder, iter([Output("x.json", b"{}")]), run)
    return os.path.basename(tmp)


def test_a_temporary_name_names_the_run_and_is_short_whatever_the_output(tmp_path):
    [(_, tmp)] = stage(tmp_path, iter([Output("长" * 80 + ".json", b"{}")]), run_tag())
    m = _TEMP.match(os.path.basename(tmp))
    assert m is not None
    assert (int(m[1]), int(m[2])) == (os.getpid(), start_time(os.getpid()))
    assert len(os.path.basename(tmp)) < 64


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="start times come from /proc")
def test_a_reused_pid_does_not_keep_a_dead_runs_files(tmp_path):
    # our own PID, but another start time: the run that wrote it is gone
    dead = _temp(tmp_path, f"{os.getpid()}-{start_time(os.getpid()) + 1}")
    live = _temp(tmp_path, f"{os.getppid()}-{start_time(os.getppid())}")
    assert sweep_temps(tmp_path) == 1
    assert hidden(tmp_path) == [live]
    assert dead not in hidden(tmp_path)


def test_a_run_sweeps_its_own_files_only_when_told(tmp_path):
    mine = _temp(tmp_path, run_tag())
    assert sweep_temps(tmp_path) == 0
    assert hidden(tmp_path) == [mine]
    assert sweep_temps(tmp_path, own=run_tag()) == 1
    assert hidden(tmp_path) == []


def test_a_finished_process_runs_files_are_swept(tmp_path):
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    pid = int(child.stdout)
    _temp(tmp_path, f"{pid}-1")
    assert sweep_temps(tmp_path) == 1


def test_old_style_temporary_files_of_dead_writers_are_swept(tmp_path):
    (tmp_path / ".x.json.gw999999999.0123abcd.tmp").write_bytes(b"")
    (tmp_path / f".x.json.gw{os.getppid()}.0123abcd.tmp").write_bytes(b"")
    assert sweep_temps(tmp_path) == 1
    assert hidden(tmp_path) == [f".x.json.gw{os.getppid()}.0123abcd.tmp"]


def test_a_dangling_output_symlink_is_named_as_such(tmp_path):
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    src = SEEDS / "000_9a153adfeeef4269.txt"
    code, err = run("convert", str(src), "-o", str(link), "--to", "json")
    assert code == 1
    assert error_lines(err) == {
        str(src): f"cannot create the folder {link}: {link} is a symbolic link to {tmp_path / 'gone'},"
        " which does not exist — choose another -o"
    }


def test_an_output_symlink_loop_is_named_as_such(tmp_path):
    link = tmp_path / "out"
    link.symlink_to(link)
    src = SEEDS / "000_9a153adfeeef4269.txt"
    code, err = run("convert", str(src), "-o", str(link / "sub"), "--to", "json")
    assert code == 1
    assert "symbolic link loop" in error_lines(err)[str(src)]
