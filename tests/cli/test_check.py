"""``gongwen check`` and ``gongwen convert --check``: lines, JSON, exit codes."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from support import SEEDS

from pipeline.cli import main
from pipeline.model import Article, Heading, Paragraph
from pipeline.render import docx, pdf

ARTICLE = Article(
    "关于开展调研的报告", "", (Heading(1, "一、", "基本情况"), Paragraph("正文内容，" * 60 + "完。"))
)
LINE = r"^\S+: \d+(\.\d+)* (standard|practice) .*: .+ — want .+$"


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(docx.render(ARTICLE))
    (tmp_path / "good.pdf").write_bytes(pdf.render(ARTICLE))
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def test_our_files_pass_and_each_finding_is_one_line(files):
    r = run("--no-render", str(files / "good.docx"), str(files / "good.pdf"))
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert any(ln.endswith("good.pdf: 0 standard, 0 practice (1 page)") for ln in lines), r.output
    assert [ln for ln in lines if " want " in ln] == []


def test_strict_counts_practice_findings(tmp_path):
    # a standalone heading that does not keep with the next paragraph: practice (6.4)
    src = zipfile.ZipFile(io.BytesIO(docx.render(ARTICLE)))
    path = tmp_path / "loose.docx"
    with zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "word/styles.xml":
                blob = blob.replace(b"<w:keepNext/>", b'<w:keepNext w:val="0"/>')
            dst.writestr(info, blob)
    r = run("--no-render", str(path))
    assert r.exit_code == 0
    findings = [ln for ln in r.output.splitlines() if " want " in ln]
    assert findings
    assert all(re.match(LINE, ln) for ln in findings), findings
    assert run("--no-render", "--strict", str(path)).exit_code == 1


def test_a_standard_level_finding_fails_the_file(tmp_path):
    bad = Article("关于开展调研的报告", "", (Heading(1, "1、", "基本情况"), Paragraph("正文。")))
    path = tmp_path / "marker.docx"
    path.write_bytes(docx.render(bad))
    r = run("--no-render", str(path))
    assert r.exit_code == 1
    assert "7.3.3 standard" in r.output
    assert "marker 1、 — want 1." in r.output


def test_json_gives_the_same_findings_as_data(files):
    r = run("--no-render", "--json", str(files / "good.docx"))
    (report,) = json.loads(r.output)
    assert report["kind"] == "docx"
    assert report["findings"] == []
    assert report["notes"] == ["not rendered (--no-render): XML checks only"]


def test_usage_errors_exit_2_with_one_line_each(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("正文", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "missing.docx"), str(text)])
    assert r.exit_code == 2
    errors = [ln for ln in r.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 2
    assert "no such file" in errors[0]
    assert "neither a DOCX nor a PDF" in errors[1]


def test_a_folder_is_every_docx_and_pdf_in_it(files):
    r = run("--no-render", str(files))
    assert r.exit_code == 0
    assert sum(1 for ln in r.output.splitlines() if " standard, " in ln) == 2


@pytest.mark.slow
def test_convert_check_audits_what_it_wrote(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    seed = SEEDS / "000_9a153adfeeef4269.txt"
    r = CliRunner().invoke(main, ["convert", str(seed), "-o", str(tmp_path), "--check", "-q"])
    assert r.exit_code == 0, r.output
    summaries = [ln for ln in r.output.splitlines() if " standard, " in ln]
    assert len(summaries) == 2
    assert all(": 0 standard," in ln for ln in summaries)
    assert "pages rendered" in summaries[0]
