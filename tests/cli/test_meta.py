"""--meta and the value options of convert and explain (issue 15)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main

NOTICE = (
    "关于做好防汛抗旱工作的通知\n各乡镇人民政府，县政府各部门：\n"
    "为切实做好防汛抗旱工作，确保人民群众生命财产安全，现就有关事项通知如下。\nXX县人民政府\n2024年3月5日\n"
)
META = 'issuer = "XX县人民政府文件"\ndoc_number = "X政发〔2024〕3号"\ncc = "县委各部门"\nprinter = "XX县人民政府办公室"\nprint_date = 2024-03-06\n'


def _run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr.splitlines()


def test_convert_with_meta_writes_a_complete_red_header_document(tmp_path):
    (tmp_path / "x.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "doc.toml").write_text(META, encoding="utf-8")
    code, _, err = _run(
        "convert",
        str(tmp_path / "x.txt"),
        "--meta",
        str(tmp_path / "doc.toml"),
        "-o",
        str(tmp_path / "out"),
        "--to",
        "all",
    )
    assert code == 0, err
    doc = json.loads((tmp_path / "out" / "x.json").read_text(encoding="utf-8"))["documents"][0]
    assert doc["head"]["issuer"] == "XX县人民政府文件"
    assert doc["head"]["doc_number"] == "X政发〔2024〕3号"
    assert doc["imprint"] == {
        "recipients": "",
        "cc": "县委各部门。",
        "printer": "XX县人民政府办公室",
        "print_date": "2024年3月6日印发",
    }
    assert [b["type"] for b in doc["blocks"]] == ["recipients", "paragraph", "signature", "date"]
    assert (tmp_path / "out" / "x.pdf").stat().st_size > 0
    assert (tmp_path / "out" / "x.docx").stat().st_size > 0


def test_options_override_the_meta_file(tmp_path):
    (tmp_path / "x.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "doc.toml").write_text(META, encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = _run(
        "convert",
        str(tmp_path / "x.txt"),
        "--meta",
        str(tmp_path / "doc.toml"),
        "--doc-number",
        "X政发〔2024〕9号",
        "--signer",
        "张三",
        "--signer",
        "李四",
        "-o",
        str(out),
        "--to",
        "json",
    )
    assert code == 0
    head = json.loads((out / "x.json").read_text(encoding="utf-8"))["documents"][0]["head"]
    assert (head["doc_number"], head["signers"]) == ("X政发〔2024〕9号", ["张三", "李四"])


def test_a_bad_value_is_one_error_line_and_exit_2_before_any_input_is_read(tmp_path):
    (tmp_path / "doc.toml").write_text('doc_number = "X政发[2024]3号"\n', encoding="utf-8")
    code, _, err = _run(
        "convert", str(tmp_path / "missing.txt"), "--meta", str(tmp_path / "doc.toml"), "-o", str(tmp_path)
    )
    assert code == 2
    assert err == [
        f"error: {tmp_path / 'doc.toml'}: doc_number: X政发[2024]3号 is not a 发文字号 of the form "
        "X政发〔2024〕3号 (year in full in 〔〕, number without 第 or leading zeros) — write X政发〔2024〕3号"
    ]
    code, _, err = _run("convert", str(tmp_path / "missing.txt"), "--date", "2024-02-30", "-o", str(tmp_path))
    assert (code, err) == (2, ["error: options: date: 2024-02-30 is not a real date — correct the option"])


def test_an_unreadable_or_broken_meta_file_is_one_error_line(tmp_path):
    code, _, err = _run("convert", "x.txt", "--meta", str(tmp_path / "none.toml"), "-o", str(tmp_path))
    assert code == 2
    assert len(err) == 1
    assert err[0].startswith(f"error: {tmp_path / 'none.toml'}: cannot read it")
    (tmp_path / "bad.toml").write_text("issuer = \n", encoding="utf-8")
    code, _, err = _run("convert", "x.txt", "--meta", str(tmp_path / "bad.toml"), "-o", str(tmp_path))
    assert code == 2
    assert len(err) == 1
    assert "not TOML" in err[0]


def test_explain_shows_the_elements_and_where_each_came_from(tmp_path):
    (tmp_path / "x.txt").write_text(NOTICE, encoding="utf-8")
    code, out, _ = _run("explain", str(tmp_path / "x.txt"), "--doc-number", "X政发〔2024〕3号", "--seal")
    assert code == 0
    lines = [ln.strip() for ln in out.splitlines()]
    assert "版头 doc_number   X政发〔2024〕3号 (meta)" in lines
    assert "recipients      各乡镇人民政府，县政府各部门： (text)" in lines
    assert "signature       XX县人民政府 (text)" in lines
    assert any("--seal" in ln for ln in lines)
