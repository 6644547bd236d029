"""The batch (issue 13): names of any bytes and length, commits in any order with the
same outputs, and the clash rule that keeps that true.

Signals and killed workers are in ``test_signals.py``; reading inputs in
``test_inputs.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from pipeline.cli.batch import NAME_MAX, Committer, Result, clash_groups, output_stem
from pipeline.cli.output import stage
from pipeline.render import Output

from .test_cli import SEEDS, assert_complete, error_lines, hidden, run, visible, warning_lines

SEED = SEEDS / "000_9a153adfeeef4269.txt"
GBK_NAME = "报告".encode("gbk") + b".txt"  # b"\xb1\xa8\xb8\xe6.txt": not UTF-8


def _names(folder: Path) -> list[bytes]:
    return sorted(os.fsencode(n) for n in os.listdir(folder))


def test_a_gbk_file_name_converts_to_every_format(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / os.fsdecode(GBK_NAME))
    out = tmp_path / "out"
    code, err = run("convert", str(src), "-o", str(out), "--to", "all", "-j", "1")
    assert (code, error_lines(err)) == (0, {})
    # the outputs keep the input's bytes: they pair with it in any listing
    assert _names(out) == [b"\xb1\xa8\xb8\xe6.docx", b"\xb1\xa8\xb8\xe6.json", b"\xb1\xa8\xb8\xe6.pdf"]
    for name in os.listdir(out):
        assert_complete(out / name)
    doc = json.loads((out / os.fsdecode(b"\xb1\xa8\xb8\xe6.json")).read_bytes())
    assert doc["source"] == "\\xb1\\xa8\\xb8\\xe6.txt"  # valid text, the bytes shown escaped
    with zipfile.ZipFile(out / os.fsdecode(b"\xb1\xa8\xb8\xe6.docx")) as z:
        assert "\\xb1\\xa8\\xb8\\xe6.txt" in z.read("docProps/core.xml").decode("utf-8")


def test_a_gbk_file_name_is_shown_escaped_in_its_error_line(tmp_path):
    bad = tmp_path / os.fsdecode(b"\xbf\xd5.txt")
    bad.write_bytes(b"")
    code, err = run("convert", str(bad), "-o", str(tmp_path / "out"))
    assert code == 1
    assert error_lines(err) == {f"{tmp_path}/\\xbf\\xd5.txt": "empty file — nothing to convert"}


@pytest.mark.parametrize("length", [231, 240, 251])
def test_a_long_input_name_converts(tmp_path, length):
    # 231 bytes used to fail ("check the disk"): the temporary name passed 255 bytes
    name = "长" * ((length - 4) // 3) + "x" * ((length - 4) % 3) + ".txt"
    assert len(name.encode()) == length
    shutil.copy(SEED, tmp_path / name)
    out = tmp_path / "out"
    code, err = run("convert", str(tmp_path / name), "-o", str(out), "--to", "all", "-j", "1")
    assert (code, error_lines(err)) == (0, {})
    assert all(len(os.fsencode(n)) <= NAME_MAX for n in os.listdir(out))
    assert len(visible(out)) == 3
    assert hidden(out) == []
    for n in visible(out):
        assert_complete(out / n)
    shortened = [w for _, w in warning_lines(err) if w.startswith("output names shortened")]
    assert len(shortened) == (length > 245)


def test_output_stems_are_cut_on_a_character_and_stay_distinct():
    a, b = (Path("长" * 84 + tail + ".txt") for tail in ("甲", "乙"))
    sa, sb = output_stem(a), output_stem(b)
    assert sa != sb
    for s in (sa, sb):
        assert len(s.encode()) <= NAME_MAX - len("-9999.docx")
        s.encode("utf-8")  # whole characters: valid UTF-8


def test_clash_groups_link_only_stems_that_can_share_an_output_name():
    stems = ["x", "y", "x-01", "x-1", "z-02", "y", "x-01-02"]
    groups = clash_groups(stems)
    assert groups == [0, 1, 0, 3, 4, 1, 0]


def _staged(tmp_path: Path, name: str, data: bytes) -> Result:
    res = Result(f"in/{name}.txt")
    res.staged = stage(tmp_path, iter([Output(f"{name}.json", data)]), "1-1")
    return res


@pytest.mark.parametrize("finish", [[0, 1, 2], [2, 1, 0], [1, 2, 0]], ids=str)
def test_commit_order_does_not_decide_who_keeps_a_name(tmp_path, finish):
    # inputs 0 and 2 both make x.json; 1 is unrelated and committed the moment it finishes
    stems = ["x", "y", "x"]
    results = [_staged(tmp_path, s, f"input {i}".encode()) for i, s in enumerate(stems)]
    commit = Committer(tmp_path, stems)
    decided = {}
    for i in finish:
        for k, res in commit(i, results[i]):
            decided[k] = res
        if i == 1:
            assert 1 in decided  # not held back by the x's
    assert (tmp_path / "x.json").read_bytes() == b"input 0"
    assert decided[2].error.startswith("its output x.json would overwrite the one from in/x.txt")
    assert not decided[0].error
    assert not decided[1].error
    assert hidden(tmp_path) == []


def test_two_inputs_with_one_stem_in_a_jobs_2_batch(tmp_path):
    for d, seed in (("a", SEED), ("b", SEEDS / "001_80fc3c0c6ec81ccf.txt")):
        (tmp_path / d).mkdir()
        shutil.copy(seed, tmp_path / d / "x.txt")
        for k in range(6):  # other inputs, so the two x.txt run in either order
            shutil.copy(SEEDS / "003_8abec854f57bbb5b.txt", tmp_path / d / f"{d}{k}.txt")
    out = tmp_path / "out"
    code, err = run(
        "convert", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "--to", "json", "-j", "2"
    )
    assert code == 1
    assert list(error_lines(err)) == [str(tmp_path / "b" / "x.txt")]
    assert json.loads((out / "x.json").read_text("utf-8"))["source"] == "x.txt"
    assert (out / "x.json").read_bytes() == _alone(tmp_path, SEED)


def _alone(tmp_path: Path, seed: Path) -> bytes:
    one = tmp_path / "alone"
    one.mkdir()
    shutil.copy(seed, one / "x.txt")
    assert run("convert", str(one / "x.txt"), "-o", str(one), "--to", "json")[0] == 0
    return (one / "x.json").read_bytes()
