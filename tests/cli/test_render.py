"""`gongwen render FILE.json`: a doc-tree back to DOCX/PDF, the round trip, and bad input of every kind."""

from __future__ import annotations

import json
import shutil
import zipfile

import docx
from click.testing import CliRunner
from support import FIXTURES, SEEDS

from pipeline.cli import main

SEED = SEEDS / "000_9a153adfeeef4269.txt"
FORMATS = FIXTURES / "formats"


def run(*args):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def paragraphs(path):
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_convert_json_edit_one_block_render_gives_exactly_that_change(tmp_path):
    out = tmp_path / "out"
    assert run("convert", str(SEED), "-o", str(out), "--to", "json,docx")[0] == 0
    tree = json.loads((out / f"{SEED.stem}.json").read_text("utf-8"))
    blocks = tree["documents"][0]["blocks"]
    k = next(i for i, b in enumerate(blocks) if b["type"] == "paragraph")
    blocks[k]["text"] = "这一段由用户改过。"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(tree, ensure_ascii=False), "utf-8")
    same = tmp_path / "same.json"
    shutil.copy(out / f"{SEED.stem}.json", same)
    code, err = run("render", str(edited), str(same), "-o", str(tmp_path / "r"))
    assert (code, err) == (0, "")
    before, after = paragraphs(out / f"{SEED.stem}.docx"), paragraphs(tmp_path / "r" / "edited.docx")
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert after[changed[0]][1] == "这一段由用户改过。"
    # rendering the unedited JSON gives the document convert gave, byte for byte
    assert (tmp_path / "r" / "same.docx").read_bytes() == (out / f"{SEED.stem}.docx").read_bytes()


def test_a_malformed_json_is_one_line_naming_the_field_and_the_rest_renders(tmp_path):
    out = tmp_path / "out"
    run("convert", str(SEED), "-o", str(out), "--to", "json")
    tree = json.loads((out / f"{SEED.stem}.json").read_text("utf-8"))
    tree["documents"][0]["blocks"][3]["level"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(tree, ensure_ascii=False), "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "doc-tree/2", "documents": [', "utf-8")
    code, err = run(
        "render", str(bad), str(broken), str(out / f"{SEED.stem}.json"), "-o", str(tmp_path / "r")
    )
    assert code == 1
    assert err.splitlines() == [
        f"error: {bad}: documents[0].blocks[3].level: must be a whole number 1–4, got 7",
        f"error: {broken}: not JSON: Expecting value at line 1, column 40",
    ]
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [f"{SEED.stem}.docx", f"{SEED.stem}.pdf"]


def test_render_reads_doc_tree_1(tmp_path):
    out = tmp_path / "out"
    run("convert", str(SEED), "-o", str(out), "--to", "json", "--schema", "doc-tree/1")
    code, _ = run("render", str(out / f"{SEED.stem}.json"), "-o", str(tmp_path / "r"), "--to", "docx")
    assert code == 0
    assert (tmp_path / "r" / f"{SEED.stem}.docx").exists()


def test_a_doc_tree_given_to_convert_says_to_render_it(tmp_path):
    out = tmp_path / "out"
    run("convert", str(SEED), "-o", str(out), "--to", "json")
    code, err = run("convert", str(out / f"{SEED.stem}.json"), "-o", str(tmp_path / "x"), "--to", "json")
    assert code == 1
    assert "render it with `gongwen render FILE.json`" in err


def test_a_folder_of_every_kind_converts_and_bad_input_of_each_kind_is_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in (
        "markdown/md01_chatgpt_seed000.md",
        "docx/lo04_three_texts_h09.docx",
        "pdf/rl03_cid_font_g02.pdf",
    ):
        shutil.copy(FORMATS / name, src)
    shutil.copy(SEED, src)
    pdf = (FORMATS / "pdf" / "rl03_cid_font_g02.pdf").read_bytes()
    (src / "z-broken.pdf").write_bytes(pdf[: len(pdf) // 3])
    (src / "z-broken.docx").write_bytes((FORMATS / "docx" / "lo04_three_texts_h09.docx").read_bytes()[:3000])
    (src / "z-renamed.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (src / "z-long.md").write_bytes(b"x" * (10 * 1024 * 1024))
    code, err = run("convert", str(src), "-o", str(tmp_path / "out"), "--to", "json", "-j", "1")
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert [line.split(": ", 2)[1].rsplit("/", 1)[1] for line in errors] == [
        "z-broken.docx",
        "z-broken.pdf",
        "z-long.md",
        "z-renamed.docx",
    ]
    assert not any("Traceback" in line for line in err.splitlines())
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [
        f"{SEED.stem}.json",
        "lo04_three_texts_h09.json",
        "md01_chatgpt_seed000.json",
        "rl03_cid_font_g02.json",
    ]


def test_render_writes_the_docx_for_libreoffice_as_convert_does(tmp_path):
    out = tmp_path / "out"
    args = ("--to", "docx", "--docx-for", "libreoffice")
    assert run("convert", str(SEED), "-o", str(out), "--to", "json")[0] == 0
    assert run("convert", str(SEED), "-o", str(tmp_path / "c"), *args)[0] == 0
    assert run("render", str(out / f"{SEED.stem}.json"), "-o", str(tmp_path / "r"), *args) == (0, "")
    converted = (tmp_path / "c" / f"{SEED.stem}.docx").read_bytes()
    rendered = (tmp_path / "r" / f"{SEED.stem}.docx").read_bytes()
    assert rendered == converted
    with zipfile.ZipFile(tmp_path / "r" / f"{SEED.stem}.docx") as z:
        assert b'<w:overflowPunct w:val="1"/>' in z.read("word/styles.xml")  # as LibreOffice reads it
    code, err = run("render", str(out / f"{SEED.stem}.json"), "-o", str(tmp_path / "x"), "--docx-for", "wps")
    assert code == 2
    assert "--docx-for" in err
