"""The CLI contract (issue 2) and its batch behaviour on bad input (issue 8).

Exit codes, output names, one ``error: PATH: what went wrong — what to do`` line per failed
input, the bad-input fixture folder converted with the good seeds, outputs that do not
depend on ``-j``, the progress bar.  Fault injection (full disk, SIGKILL, …) is in
``test_faults.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import FIXTURES, ROOT, SEEDS

from pipeline.cli import main
from pipeline.model import from_json
from pipeline.render import output_names

BAD = FIXTURES / "bad"

# What each bad fixture must be told: a pattern for "what went wrong".  Every line must
# also have the `— what to do` half (checked by ERROR_LINE).
BAD_EXPECTED = {
    "all-cruft.txt": r"no body text left",
    "binary.txt": r"not a text file|binary",
    "empty.txt": r"empty",
    "no-text.html": r"no visible text|nothing to convert|no body text",
    "undecodable.txt": r"decode|encoding",
    "whitespace-only.txt": r"whitespace|empty|blank",
}
ERROR_LINE = re.compile(r"^error: (?P<path>.+?): (?P<what>\S.*?) — (?P<todo>\S.*)$")
WARNING_LINE = re.compile(r"^warning: (?P<path>.+?): (?P<what>\S.*)$")


def run(*args: str) -> tuple[int, list[str]]:
    """Run ``gongwen ARGS`` in-process; return (exit code, stderr lines)."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stderr.splitlines()


def error_lines(lines: list[str]) -> dict[str, str]:
    """{path: message} of the ``error:`` lines; every one must be well formed, and every
    other line a well-formed ``warning:`` line."""
    out = {}
    for line in lines:
        if WARNING_LINE.match(line):
            continue
        m = ERROR_LINE.match(line)
        assert m, f"not an `error: PATH: what — what to do` line: {line!r}"
        out[m["path"]] = f"{m['what']} — {m['todo']}"
    return out


def warning_lines(lines: list[str]) -> list[tuple[str, str]]:
    """(path, message) of the ``warning:`` lines, in order."""
    return [(m["path"], m["what"]) for m in map(WARNING_LINE.match, lines) if m]


def expected_outputs(json_path: Path, formats: tuple[str, ...] = ("docx", "pdf")) -> set[str]:
    """The names an input's JSON says must exist (one file per article and format)."""
    doc = from_json(json_path.read_text("utf-8"))
    stem = json_path.stem
    names = {json_path.name}
    for fmt in formats:
        names.update(output_names(stem, len(doc.documents), fmt))
    return names


def assert_complete(path: Path) -> None:
    """The file is a whole document of its kind, not a truncated one."""
    data = path.read_bytes()
    if path.suffix == ".json":
        assert from_json(data.decode("utf-8")).documents, path
    elif path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None, path
            assert "word/document.xml" in z.namelist(), path
    elif path.suffix == ".pdf":
        assert data.startswith(b"%PDF-"), path
        assert b"%%EOF" in data[-64:], path
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        assert int(re.search(r"Pages:\s+(\d+)", info)[1]) >= 1, path
    else:
        raise AssertionError(f"unexpected output {path.name}")


def visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---------------------------------------------------------------- exit codes and names


def test_exit_0_and_json_named_after_the_input(tmp_path):
    code, err = run("convert", str(SEEDS / "000_9a153adfeeef4269.txt"), "-o", str(tmp_path), "--to", "json")
    assert (code, err) == (0, [])
    assert visible(tmp_path) == ["000_9a153adfeeef4269.json"]
    assert json.loads((tmp_path / "000_9a153adfeeef4269.json").read_text("utf-8"))["schema"] == "doc-tree/2"


def test_outputs_are_readable_like_any_new_file(tmp_path):
    # a temporary file is created 0600; the renamed output must get the usual umask mode
    run("convert", str(SEEDS / "000_9a153adfeeef4269.txt"), "-o", str(tmp_path), "--to", "json")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "000_9a153adfeeef4269.json").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["convert"], id="no-path"),
        pytest.param(["convert", "seeds", "--to", "odt"], id="unknown-format"),
        pytest.param(["convert", "seeds", "--to", ","], id="empty-format"),
        pytest.param(["convert", "seeds", "--encoding", "klingon"], id="unknown-encoding"),
        pytest.param(["convert", "seeds", "-j", "0"], id="zero-jobs"),
        pytest.param(["convert", "seeds", "--max-bytes", "0"], id="zero-limit"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_usage_errors_exit_2(args, tmp_path):
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path)] if args[0] == "convert" else args)
    assert result.exit_code == 2, result.output
    assert list(tmp_path.iterdir()) == []


def test_missing_path_fails_alone_and_the_rest_converts(tmp_path):
    code, err = run(
        "convert",
        "no/such/file.txt",
        str(SEEDS / "001_80fc3c0c6ec81ccf.txt"),
        "-o",
        str(tmp_path),
        "--to",
        "json",
    )
    assert code == 1
    assert error_lines(err) == {"no/such/file.txt": "no such file or folder — check the path"}
    assert visible(tmp_path) == ["001_80fc3c0c6ec81ccf.json"]


def test_folder_without_inputs_is_an_error(tmp_path):
    empty = tmp_path / "in"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.rtf").write_text("不是输入", "utf-8")
    code, err = run("convert", str(empty), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 1
    assert (
        "no .txt, .html, .htm, .md, .markdown, .mdown, .mkd, .docx, .pdf files"
        in error_lines(err)[str(empty)]
    )


def test_folder_expansion_skips_hidden_files_and_takes_each_file_once(tmp_path):
    src = tmp_path / "in"
    (src / ".git").mkdir(parents=True)
    shutil.copy(SEEDS / "000_9a153adfeeef4269.txt", src / "a.txt")
    shutil.copy(SEEDS / "000_9a153adfeeef4269.txt", src / ".hidden.txt")
    shutil.copy(SEEDS / "000_9a153adfeeef4269.txt", src / ".git" / "b.txt")
    out = tmp_path / "out"
    code, err = run("convert", str(src), str(src / "a.txt"), "-o", str(out), "--to", "json")
    assert (code, err) == (0, [])
    assert visible(out) == ["a.json"]


def test_two_inputs_with_one_output_name_the_later_is_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(SEEDS / "000_9a153adfeeef4269.txt", tmp_path / "a" / "x.txt")
    shutil.copy(SEEDS / "001_80fc3c0c6ec81ccf.txt", tmp_path / "b" / "x.txt")
    alone = tmp_path / "alone"
    assert run("convert", str(tmp_path / "a"), "-o", str(alone), "--to", "json")[0] == 0
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        code, err = run(
            "convert", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "--to", "json", "-j", jobs
        )
        assert code == 1
        assert error_lines(err) == {
            str(
                tmp_path / "b" / "x.txt"
            ): f"its output x.json would overwrite the one from {tmp_path / 'a' / 'x.txt'}"
            " — rename one of the two inputs or convert it with another -o"
        }
        # the first input's output is the one kept, whatever -j, and nothing is left over
        assert (out / "x.json").read_bytes() == (alone / "x.json").read_bytes()
        assert (visible(out), hidden(out)) == (["x.json"], [])


# ---------------------------------------------------------------- bad input with the seeds


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory):
    """The bad fixtures and the good seeds in one folder, converted with ``--to all -j 2``."""
    src = tmp_path_factory.mktemp("mixed")
    for f in [*sorted(BAD.iterdir()), *sorted(SEEDS.glob("*.txt"))]:
        shutil.copy(f, src / f.name)
    out = tmp_path_factory.mktemp("out")
    code, err = run("convert", str(src), "-o", str(out), "--to", "all", "-j", "2")
    return src, out, code, err


def test_bad_fixture_folder_covers_every_case():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(BAD_EXPECTED)


def test_mixed_batch_exits_1_with_one_line_per_bad_input(mixed_batch):
    src, _, code, err = mixed_batch
    assert code == 1
    errors = error_lines(err)
    assert sorted(errors) == sorted(str(src / name) for name in BAD_EXPECTED)
    for name, pattern in BAD_EXPECTED.items():
        assert re.search(pattern, errors[str(src / name)]), (name, errors[str(src / name)])
    # in input order (sorted folder listing), so a log reads like the folder
    assert [m["path"] for m in map(ERROR_LINE.match, err) if m] == sorted(errors)


def test_mixed_batch_writes_every_good_output_complete_and_nothing_else(mixed_batch):
    _, out, _, _ = mixed_batch
    expected: set[str] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        expected |= expected_outputs(out / f"{seed.stem}.json")
    assert visible(out) == sorted(expected)
    assert hidden(out) == []
    for name in expected:
        assert_complete(out / name)


# ---------------------------------------------------------------- -j does not change anything


def test_outputs_and_messages_do_not_depend_on_jobs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in [*sorted(SEEDS.glob("*.txt")), BAD / "empty.txt", BAD / "binary.txt"]:
        shutil.copy(f, src / f.name)
    runs = {}
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"j{jobs}"
        code, err = run("convert", str(src), "-o", str(out), "--to", "json,pdf", "-j", jobs)
        runs[jobs] = (
            code,
            err,
            {p.name: p.read_bytes() for p in sorted(out.iterdir())},  # PDFs are invariant=1: same bytes
        )
    assert runs["1"] == runs["2"] == runs["3"]
    assert runs["1"][0] == 1
    assert len(error_lines(runs["1"][1])) == 2


# ---------------------------------------------------------------- progress bar


def _on_a_terminal(*args: str) -> str:
    """Run the CLI with stderr on a pseudo-terminal; return what the terminal showed."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
        check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_silenced_by_q(tmp_path):
    args = ("convert", "seeds", "-o", str(tmp_path), "--to", "json", "-j", "1")
    shown = _on_a_terminal(*args)
    assert "converting" in shown
    assert "100%" in shown
    quiet = _on_a_terminal(*args, "-q").splitlines()
    assert quiet == [ln for ln in quiet if WARNING_LINE.match(ln)]  # -q hides the bar, never a warning


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "convert", "seeds", "-o", str(tmp_path), "--to", "json"],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0
    lines = proc.stderr.decode().splitlines()
    assert b"\r" not in proc.stderr
    assert lines == [ln for ln in lines if WARNING_LINE.match(ln)]  # the seeds' notices, nothing else


# ---------------------------------------------------------------- explain


def test_explain_shows_what_an_all_cruft_input_lost():
    # convert refuses the input and points here; explain must then show the removals
    result = CliRunner().invoke(main, ["explain", str(BAD / "all-cruft.txt")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("0 document(s), 5 removal(s)")
    assert [ln.split()[2] for ln in lines[1:6]] == [
        "breadcrumb",
        "download-prompt",
        "disclaimer",
        "site-footer",
        "site-footer",
    ]
    assert lines[-1].startswith("no body text left")


@pytest.mark.parametrize("name", ["binary.txt", "empty.txt", "undecodable.txt"])
def test_explain_refuses_unreadable_input_in_one_line(name):
    code, err = run("explain", str(BAD / name))
    assert code == 1
    assert re.search(BAD_EXPECTED[name], error_lines(err)[str(BAD / name)])


def test_explain_missing_file():
    code, err = run("explain", "no/such.txt")
    assert code == 1
    assert error_lines(err) == {"no/such.txt": "no such file (was it moved or deleted?) — check the path"}


# ---------------------------------------------------------------- what reaches the user (issue 12)


def test_a_cleaning_warning_reaches_stderr_and_the_json(tmp_path):
    # more than half of this input is site debris: clean warns, and the warning must not stop there
    debris = "\n".join(["当前位置:首页 > 范文大全 > 工作总结"] * 12)
    src = tmp_path / "a.txt"
    src.write_text(f"{debris}\n工作总结\n\n今年以来，我们认真落实各项任务，取得了明显成效。\n", "utf-8")
    code, err = run("convert", str(src), "-o", str(tmp_path / "out"), "--to", "json")
    assert code == 0
    assert any(w[0] == str(src) and "cleaning removed" in w[1] for w in warning_lines(err))
    notices = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))["notices"]
    assert [n["code"] for n in notices] == ["over-cleaned"]


def test_a_character_no_font_has_is_reported_for_the_pdf_it_is_in(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("标题\n\n正文里有一个私用区字符\U000f0001，其余照常。\n", "utf-8")
    code, err = run("convert", str(src), "-o", str(tmp_path / "out"), "--to", "pdf,json")
    assert code == 0
    warnings = warning_lines(err)
    assert (
        str(src),
        "a.pdf: 1 character no font has, left out of the PDF: \U000f0001 (U+F0001)",
    ) in warnings


@pytest.mark.parametrize(
    "name", ["ansi", "ANSI", "unicode", "utf-8-bom", "utf8-bom", "utf16le", "gbk", "GB2312"]
)
def test_every_encoding_name_decode_accepts_works_on_the_command_line(tmp_path, name):
    text = "关于做好安全生产工作的通知\n\n各单位要高度重视。\n"
    data = text.encode({"unicode": "utf-16", "utf16le": "utf-16-le"}.get(name.lower(), "gb18030"))
    if "bom" in name:
        data = text.encode("utf-8-sig")
    src = tmp_path / "a.txt"
    src.write_bytes(data)
    code, err = run("convert", str(src), "-o", str(tmp_path / "out"), "--to", "json", "--encoding", name)
    assert (code, error_lines(err)) == (0, {})
    doc = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))
    assert doc["documents"][0]["title"] == "关于做好安全生产工作的通知"


@pytest.mark.parametrize("name", ["unicode_escape", "idna", "rot13", "no-such-codec"])
def test_an_encoding_that_is_no_text_encoding_is_a_usage_error(tmp_path, name):
    src = tmp_path / "a.txt"
    src.write_text("正文。\n", "utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path), "--encoding", name])
    assert result.exit_code == 2
    assert "encoding" in result.stderr


# ---------------------------------------------------------------- --title (issue 13)


@pytest.mark.parametrize(
    ("title", "why"),
    [
        pytest.param("关" * 121, "is 121 characters long, over 120", id="too-long"),
        pytest.param("关于\n通知", "(U+000A)", id="newline"),
        pytest.param("关于\x1b[31m通知", "(U+001B)", id="escape"),
        pytest.param("关于通知\u202e", "(U+202E)", id="bidi-override"),
        pytest.param("   ", "is empty", id="blank"),
    ],
)
def test_a_title_that_is_no_title_is_a_usage_error(tmp_path, title, why):
    src = tmp_path / "a.txt"
    src.write_text("正文内容写得很长，已经是一句完整的话。\n", "utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--title", title])
    assert result.exit_code == 2, result.output
    assert why in result.stderr
    assert "\x1b" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_title_of_the_longest_length_is_used(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("正文内容写得很长，已经是一句完整的话。\n", "utf-8")
    title = "关于做好" + "工作" * 58  # 120 characters
    code, err = run("convert", str(src), "-o", str(tmp_path / "out"), "--to", "json,docx", "--title", title)
    assert (code, error_lines(err)) == (0, {})
    assert json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))["documents"][0]["title"] == title
