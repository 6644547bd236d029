"""One line per message whatever the names hold, and a closed stderr that never stops
the work (issue 13)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli.say import shown

from .test_cli import BAD, ERROR_LINE, ROOT, SEEDS, assert_complete, visible

CLI = [sys.executable, "-m", "pipeline"]


@pytest.mark.parametrize(
    ("raw", "seen"),
    [
        pytest.param("a\nb", "a\\nb", id="newline"),
        pytest.param("a\rb\tc", "a\\rb\\tc", id="cr-tab"),
        pytest.param("\x1b[2J", "\\x1b[2J", id="escape-sequence"),
        pytest.param("\x85\u2028\u2029", "\\x85\\u2028\\u2029", id="line-separators"),
        pytest.param("文\u202etxt.exe", "文\\u202etxt.exe", id="bidi-override"),
        pytest.param("\ufeff\u200b", "\\ufeff\\u200b", id="invisible"),
        pytest.param(os.fsdecode(b"\xc4\xe3"), "\\xc4\\xe3", id="non-utf8-bytes"),
        pytest.param("工作　总结 (1).txt", "工作　总结 (1).txt", id="spaces-kept"),
        pytest.param("😀文", "😀文", id="printable-kept"),
    ],
)
def test_shown_escapes_what_could_break_or_disguise_a_line(raw, seen):
    assert shown(raw) == seen
    assert len(shown(raw).splitlines()) <= 1


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BAD / "empty.txt", src / "a\nerror: forged.txt: fake — believe me.txt")
    shutil.copy(BAD / "empty.txt", src / "b\x1b[31mred.txt")
    for k in range(6):
        shutil.copy(SEEDS / "000_9a153adfeeef4269.txt", src / f"c{k}.txt")
    return src


def test_a_control_character_in_a_name_cannot_break_or_forge_an_error_line(tmp_path):
    src = _folder(tmp_path)
    proc = subprocess.run(
        [*CLI, "convert", str(src), "-o", str(tmp_path / "out"), "--to", "json"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    lines = proc.stderr.decode("utf-8").splitlines()
    errors = [ln for ln in lines if ln.startswith("error:")]
    assert errors == [
        f"error: {src}/a\\nerror: forged.txt: fake — believe me.txt: empty file — nothing to convert",
        f"error: {src}/b\\x1b[31mred.txt: empty file — nothing to convert",
    ]
    assert all(ERROR_LINE.match(ln) for ln in errors)
    assert b"\x1b" not in proc.stderr


def test_a_broken_stderr_pipe_does_not_stop_the_batch(tmp_path):
    # `gongwen convert … 2>&1 | head -1`: head exits after one line, the rest must still convert
    src = _folder(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [*CLI, "convert", str(src), "-o", str(out), "--to", "json", "-j", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    proc.stderr.readline()
    proc.stderr.close()  # the reader is gone: the next write gets EPIPE
    code = proc.wait(timeout=120)
    assert code == 1  # the two bad inputs
    assert visible(out) == [f"c{k}.json" for k in range(6)]
    for name in visible(out):
        assert_complete(out / name)


def test_a_closed_stderr_does_not_stop_the_batch_or_reach_an_output(tmp_path):
    # `2>&-`: no fd 2 at all; a file the batch opens must not become fd 2
    src = _folder(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.run(
        [*CLI, "convert", str(src), "-o", str(out), "--to", "json", "-j", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(2),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    assert visible(out) == [f"c{k}.json" for k in range(6)]
    for name in visible(out):
        assert_complete(out / name)


def test_explain_into_a_closed_pipe_ends_quietly(tmp_path):
    # `gongwen explain FILE | head -1`, with more to say than a pipe holds (64 KB)
    src = tmp_path / "a.txt"
    crumbs = "\n".join(f"当前位置:首页 > 范文大全 > 工作总结 > 第{k}页" for k in range(4000))
    src.write_text(f"{crumbs}\n工作总结\n\n今年以来，我们认真落实各项任务，取得了明显成效。\n", "utf-8")
    proc = subprocess.Popen(
        [*CLI, "explain", str(src)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err
