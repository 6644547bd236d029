"""doc-tree/1 model: JSON round trip and schema checks."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import SchemaError
from pipeline.model import Article, DocTree, Heading, Paragraph, Removal, from_json, to_json

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
BLOCK = st.one_of(
    st.builds(Paragraph, TEXT),
    st.builds(Heading, st.integers(1, 4), TEXT, TEXT, TEXT),
)
DOC = st.builds(
    DocTree,
    source=TEXT,
    encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]),
    documents=st.lists(
        st.builds(Article, TEXT, TEXT, st.lists(BLOCK, max_size=5).map(tuple)), max_size=3
    ).map(tuple),
    removed=st.lists(
        st.builds(Removal, TEXT, st.sampled_from(["breadcrumb", "site-footer"])), max_size=3
    ).map(tuple),
)


@settings(derandomize=True, max_examples=200)
@given(DOC)
def test_json_round_trip(doc):
    assert from_json(to_json(doc)) == doc


def test_json_has_doc_tree_shape():
    doc = DocTree(
        "a.txt",
        "utf-8",
        (Article("题目", "", (Heading(2, "（一）", "标题句。", "正文"), Paragraph("段落"))),),
        (Removal("当前位置:首页", "breadcrumb", 1),),
    )
    d = json.loads(to_json(doc))
    assert d["schema"] == "doc-tree/1"
    assert d["documents"][0]["blocks"] == [
        {"type": "heading", "level": 2, "number": "（一）", "text": "标题句。", "tail": "正文"},
        {"type": "paragraph", "text": "段落"},
    ]
    assert d["removed"] == [{"text": "当前位置:首页", "reason": "breadcrumb"}]
    assert "当前位置" in to_json(doc)  # Chinese is not escaped


def test_gold_files_load():
    from pathlib import Path

    gold = Path(__file__).resolve().parents[2] / "shared" / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/gold not beside the repo")
    for f in sorted(gold.glob("*.json")):
        doc = from_json(f.read_text(encoding="utf-8"))
        assert doc.documents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": "doc-tree/2", "documents": []}', "unsupported schema 'doc-tree/2'"),
        ("[]", "must be a JSON object"),
        ("{not json", "not JSON"),
        ('{"schema": "doc-tree/1", "documents": [{"blocks": [{"type": "x"}]}]}', "unknown block type"),
        (
            '{"schema": "doc-tree/1", "documents": [{"blocks": [{"type": "heading", "level": 7, "text": ""}]}]}',
            "level must be 1-4",
        ),
    ],
    ids=["other-schema", "not-object", "not-json", "block-type", "level"],
)
def test_from_json_rejects_clearly(text, message):
    with pytest.raises(SchemaError, match=message):
        from_json(text)
