"""pipeline.corpus.record: one record converted as `convert` converts a file (no datatrove needed)."""

from __future__ import annotations

import json

import pytest
from support import FIXTURES, SEEDS

from pipeline.core import Options, convert
from pipeline.corpus.record import cleaned_text, convert_record, error_kind, output_stem, source_name, stem
from pipeline.errors import (
    BinaryError,
    DecodeError,
    EmptyError,
    InputError,
    NoBodyError,
    PipelineError,
    RenderError,
    TooBigError,
)
from pipeline.model import SCHEMA, from_dict
from pipeline.render import RenderOptions, render_outputs

INPUTS = [*sorted(SEEDS.glob("*.txt")), *sorted((FIXTURES / "html").glob("*.html"))[:4]]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_a_record_is_what_convert_writes_for_the_same_bytes(path):
    data = path.read_bytes()
    result = convert_record(data, path.name)
    (written,) = render_outputs(convert(data, path.name), path.stem, ("json",))
    assert result.tree == json.loads(written.data)
    assert json.dumps(result.tree, ensure_ascii=False, indent=2).encode("utf-8") + b"\n" == written.data
    assert from_dict(result.tree) == result.doc


def test_options_and_schema_reach_the_record():
    path = SEEDS / "004_68c38517b1657e64.txt"
    data = path.read_bytes()
    kept = convert_record(data, path.name, Options(keep_numbering=True), RenderOptions(schema="doc-tree/1"))
    (written,) = render_outputs(
        convert(data, path.name, Options(keep_numbering=True)), "x", ("json",), RenderOptions("doc-tree/1")
    )
    assert kept.tree == json.loads(written.data)
    assert kept.tree["schema"] == "doc-tree/1" != SCHEMA


def test_the_name_decides_whether_bytes_are_a_page():
    page = (FIXTURES / "html" / "gov_notice_html5.html").read_bytes()
    as_page = convert_record(page, "notice.html")
    assert any(r["reason"] in ("site-header", "site-footer") for r in as_page.tree["removed"])
    assert as_page.tree["source"] == "notice.html"


def test_cleaned_text_is_the_printed_lines_of_every_article():
    path = SEEDS / "002_3341814f88bcb719.txt"  # four articles
    result = convert_record(path.read_bytes(), path.name)
    articles = result.text.split("\n\n")
    assert len(articles) == len(result.doc.documents) == 4
    assert articles[0].splitlines()[0] == result.doc.documents[0].title
    assert cleaned_text(result.doc) == result.text


def test_what_convert_refuses_a_record_fails_with_the_same_error():
    for bad in sorted((FIXTURES / "bad").iterdir()):
        with pytest.raises(PipelineError) as by_convert:
            convert(bad.read_bytes(), bad.name)
        with pytest.raises(PipelineError) as by_record:
            convert_record(bad.read_bytes(), bad.name)
        assert str(by_record.value) == str(by_convert.value), bad.name
        assert type(by_record.value) is type(by_convert.value), bad.name


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (TooBigError("x"), "too-big"),
        (EmptyError("x"), "empty"),
        (BinaryError("x"), "binary"),
        (DecodeError("x"), "undecodable"),
        (NoBodyError("x"), "no-body"),
        (InputError("x"), "input"),
        (RenderError("x"), "render"),
        (ZeroDivisionError(), "internal"),
    ],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_error_kinds(error, kind):
    assert error_kind(error) == kind


def test_every_bad_fixture_has_a_kind_of_its_own():
    kinds = {}
    for bad in sorted((FIXTURES / "bad").iterdir()):
        try:
            convert(bad.read_bytes(), bad.name)
        except PipelineError as e:
            kinds[bad.name] = error_kind(e)
    assert kinds == {
        "all-cruft.txt": "no-body",
        "binary.txt": "binary",
        "empty.txt": "empty",
        "no-text.html": "empty",
        "undecodable.txt": "undecodable",
        "whitespace-only.txt": "empty",
    }


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("a.txt", "a.txt"),
        ("sub/dir/a.html", "a.html"),
        ("C:\\x\\y.htm", "y.htm"),
        ("https://www.gov.cn/zhengce/2024-03/05/content_1.htm", "content_1.htm"),
        ("https://x.cn/a/b.php?id=3&p=2", "b.php"),
        ("https://x.cn/a/b.html#top", "b.html"),
        ("https://x.cn/", "x.cn"),
        ("data/part-0.jsonl/17", "17"),
    ],
)
def test_source_name(source, name):
    assert source_name(source) == name


def test_stem_strips_only_input_suffixes():
    assert [stem(n) for n in ("x.txt", "x.htm", "x.tar.gz", ".txt")] == ["x", "x", "x.tar.gz", ".txt"]


def test_output_stems_are_safe_and_distinct():
    ids = [
        "a/b.txt",
        "a_b.txt",
        "a b.txt",
        "a:b.txt",
        "../x.txt",
        "<urn:uuid:1>",
        "<urn:uuid:2>",
        "a/./b.txt",
    ]
    stems = [output_stem(i) for i in ids]
    assert len(set(stems)) == len(ids)
    for s in stems:
        assert ".." not in s.split("/")
        assert not s.startswith("/")
        assert " " not in s
        assert ":" not in s
