"""Corrections on top of the pipeline's tree (pipeline.edits): each edit alone, the
errors, the JSON edge, and the invariants over seeds (nothing lost, JSON round trip)."""

from __future__ import annotations

import io

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import SEEDS, unaccounted

from pipeline import edits as ed
from pipeline.core import Options, convert
from pipeline.errors import EditError
from pipeline.model import (
    Article,
    Attachment,
    Cell,
    DocTree,
    Heading,
    Paragraph,
    Removal,
    Signature,
    Table,
    from_json,
    to_json,
)
from pipeline.reasons import BY_NAME
from pipeline.render import render_outputs

A = Article(
    "关于某事的通知",
    "",
    (
        Paragraph("第一段。", line=4),
        Heading(1, "一、", "总体要求", line=6),
        Paragraph("第二段。", line=7),
        Signature("某某县人民政府", line=9),
        Table(((Cell("甲"), Cell("乙")),), line=10),
    ),
)
B = Article("第二篇", "", (Paragraph("丙。", line=14),))
DOC = DocTree(
    "x.txt",
    "utf-8",
    (A, B),
    (
        Removal("当前位置:首页 > 通知", "breadcrumb", line=1),
        Removal("精品文档", "repeated-header", line=7),
        Removal("【篇二】", "article-marker", line=12),
        Removal("Copyright 2024", "site-footer", line=20),
        Removal("   ", "site-furniture", line=21),
    ),
)


def texts(article):
    return [getattr(b, "text", None) for b in article.blocks]


def test_user_removed_is_a_registered_reason_of_the_edit_stage():
    assert BY_NAME[ed.USER_REMOVED].stages == ("edit",)


@pytest.mark.parametrize(
    ("k", "doc", "at"),
    [(0, 0, 0), (1, 0, 3), (2, 1, 0), (3, 1, 1)],
    ids=["before-first-document", "inside-after-its-line", "between-documents-opens-next", "after-last"],
)
def test_restore_puts_the_piece_back_as_a_paragraph_where_its_line_stands(k, doc, at):
    new = ed.apply(DOC, [ed.Restore(k)])
    block = new.documents[doc].blocks[at]
    assert block == Paragraph(ed.normalize(DOC.removed[k].text))
    assert block.line == DOC.removed[k].line
    assert DOC.removed[k] not in new.removed
    assert len(new.removed) == len(DOC.removed) - 1


def test_restored_text_is_normalised_like_body_text():
    new = ed.apply(DOC, [ed.Restore(0)])
    assert new.documents[0].blocks[0].text == "当前位置：首页 > 通知"


def test_remove_moves_the_printed_text_into_removed_in_line_order():
    new = ed.apply(DOC, [ed.Remove(0, 1)])
    assert texts(new.documents[0]) == ["第一段。", "第二段。", "某某县人民政府", None]
    r = next(r for r in new.removed if r.reason == ed.USER_REMOVED)
    assert (r.text, r.line) == ("一、总体要求", 6)
    assert [r.line for r in new.removed] == sorted(r.line for r in new.removed)


def test_remove_then_restore_gives_the_block_back_as_a_paragraph():
    new = ed.apply(DOC, [ed.Remove(0, 2)])
    k = next(i for i, r in enumerate(new.removed) if r.reason == ed.USER_REMOVED)
    back = ed.apply(new, [ed.Restore(k)])
    assert texts(back.documents[0]) == texts(A)
    assert back.removed == DOC.removed


def test_removing_a_table_records_one_line_per_row():
    t = Article("", "", (Table(((Cell("甲"), Cell("乙")), (Cell("丙"), Cell("丁")))),))
    new = ed.apply(DocTree("", "", (t,), ()), [ed.Remove(0, 0)])
    assert new.removed[0].text == "甲 乙\n丙 丁"


@pytest.mark.parametrize(
    ("block", "level", "expected"),
    [
        (1, 3, Heading(3, "一、", "总体要求")),
        (1, 0, Paragraph("一、总体要求")),
        (0, 2, Heading(2, "", "第一段。")),
        (3, 1, Heading(1, "", "某某县人民政府")),
        (3, 0, Paragraph("某某县人民政府")),
    ],
    ids=[
        "heading-level",
        "heading-to-paragraph",
        "paragraph-to-heading",
        "signature-to-heading",
        "signature-to-paragraph",
    ],
)
def test_set_level(block, level, expected):
    new = ed.apply(DOC, [ed.SetLevel(0, block, level)])
    assert new.documents[0].blocks[block] == expected
    assert new.documents[0].blocks[block].line == A.blocks[block].line


def test_make_title_keeps_the_old_title_as_the_first_paragraph():
    new = ed.apply(DOC, [ed.MakeTitle(0, 1)])
    a = new.documents[0]
    assert a.title == "一、总体要求"
    assert texts(a)[:3] == ["关于某事的通知", "第一段。", "第二段。"]
    assert new.removed == DOC.removed


def test_make_title_of_an_article_without_title_adds_no_paragraph():
    doc = DocTree("", "", (Article("", "", (Paragraph("甲"), Paragraph("乙"))),), ())
    new = ed.apply(doc, [ed.MakeTitle(0, 0)])
    assert new.documents[0].title == "甲"
    assert texts(new.documents[0]) == ["乙"]


def test_an_attachment_made_title_is_its_printed_text():
    doc = DocTree("", "", (Article("", "", (Attachment("1.", "名单"),)),), ())
    assert ed.apply(doc, [ed.MakeTitle(0, 0)]).documents[0].title == "附件：1.名单"


def test_edits_apply_in_order_each_on_the_tree_the_last_left():
    # Restore(1) inserts a paragraph at index 3 of document 0, so the signature moves to 4
    new = ed.apply(DOC, [ed.Restore(1), ed.Remove(0, 4)])
    assert "某某县人民政府" not in texts(new.documents[0])
    assert new.documents[0].blocks[3] == Paragraph("精品文档")


def test_an_empty_edit_list_changes_nothing():
    assert ed.apply(DOC, []) is DOC


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (ed.Restore(9), "edit 1 (restore): there is no removed piece 9 (the input has 5)"),
        (ed.Restore(4), "edit 1 (restore): removed piece 4 is only white space; there is nothing to restore"),
        (ed.Remove(2, 0), "edit 1 (remove): there is no document 2 (the input has 2)"),
        (ed.Remove(0, 5), "edit 1 (remove): document 0 has no block 5 (it has 5)"),
        (ed.SetLevel(0, 1, 5), "edit 1 (level): level must be 0 (a paragraph) or 1–4, got 5"),
        (ed.SetLevel(0, 4, 1), "edit 1 (level): a table cannot become a heading or a paragraph"),
        (ed.MakeTitle(0, 4), "edit 1 (title): block 4 of document 0 is a table; a table cannot be a title"),
    ],
    ids=["no-removal", "blank-removal", "no-document", "no-block", "bad-level", "table-level", "table-title"],
)
def test_an_edit_that_does_not_fit_is_refused_with_what_is_wrong(edit, message):
    with pytest.raises(EditError) as e:
        ed.apply(DOC, [edit])
    assert str(e.value) == message


def test_a_tree_without_lines_restores_at_the_end():
    doc = from_json(to_json(DOC))  # JSON keeps no lines
    new = ed.apply(doc, [ed.Restore(0)])
    assert new.documents[-1].blocks[-1] == Paragraph("当前位置：首页 > 通知")


# ---------------------------------------------------------------- JSON edge

EDIT = st.one_of(
    st.builds(ed.Restore, st.integers(-3, 50)),
    st.builds(ed.Remove, st.integers(-3, 5), st.integers(-3, 50)),
    st.builds(ed.SetLevel, st.integers(-3, 5), st.integers(-3, 50), st.integers(-1, 6)),
    st.builds(ed.MakeTitle, st.integers(-3, 5), st.integers(-3, 50)),
)
SETTINGS = settings(
    derandomize=True, max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(st.lists(EDIT, max_size=8))
def test_edit_lists_survive_json(edits):
    assert ed.from_dicts(ed.to_dicts(edits)) == tuple(edits)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"op": "restore"}, "edits: must be a list of edits"),
        (["restore"], "edits[0]: must be an object"),
        ([{"op": "split"}], "edits[0].op: must be one of restore, remove, level, title, got 'split'"),
        ([{"op": "restore", "removal": "3"}], "edits[0].removal: must be a whole number, got '3'"),
        ([{"op": "remove", "doc": 0, "block": True}], "edits[0].block: must be a whole number, got True"),
    ],
    ids=["not-a-list", "not-an-object", "unknown-op", "string-index", "bool-index"],
)
def test_a_malformed_edit_list_is_refused_with_its_json_path(value, message):
    with pytest.raises(EditError) as e:
        ed.from_dicts(value)
    assert str(e.value) == message


# ---------------------------------------------------------------- invariants over the seeds

SEED_DOCS = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))[:4]}  # 004 is slow to edit 300×


def _valid_edit(doc: DocTree, data) -> ed.Edit:
    """An edit that fits ``doc`` (drawn by hypothesis)."""
    kinds = ["restore"] if doc.removed else []
    lined = [(d, b) for d, a in enumerate(doc.documents) for b in range(len(a.blocks))]
    if lined:
        kinds += ["remove", "level", "title"]
    kind = data.draw(st.sampled_from(kinds))
    if kind == "restore":
        k = data.draw(st.integers(0, len(doc.removed) - 1))
        return ed.Restore(k)
    d, b = data.draw(st.sampled_from(lined))
    block = doc.documents[d].blocks[b]
    if kind == "remove":
        return ed.Remove(d, b)
    if kind == "level" and not isinstance(block, Table | Attachment):
        return ed.SetLevel(d, b, data.draw(st.integers(0, 4)))
    if isinstance(block, Table):
        return ed.Remove(d, b)
    return ed.MakeTitle(d, b)


@settings(derandomize=True, max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEED_DOCS)), st.data())
def test_edits_lose_nothing_and_survive_json(name, data):
    source = SEED_DOCS[name]
    doc = convert(source, name, Options(keep_numbering=True))
    edits: list[ed.Edit] = []
    for _ in range(data.draw(st.integers(1, 6))):
        current = ed.apply(doc, edits)
        try:
            edit = _valid_edit(current, data)
            ed.apply(current, [edit])
        except EditError:  # a blank removed piece: nothing to restore
            continue
        edits.append(edit)
    edited = ed.apply(doc, edits)
    # nothing lost: body + removed account for the input exactly as before the edits
    assert unaccounted(source.decode("utf-8"), edited) == unaccounted(source.decode("utf-8"), doc)
    # the edited tree written as JSON reads back as the same tree
    assert from_json(to_json(edited)) == edited


def test_the_edited_tree_as_json_renders_the_same_documents():
    """What ``gongwen render FILE.json`` does (from_json, then the renderer registry) on the
    JSON the web page downloads gives the same PDF bytes and DOCX text as the page's tree."""
    name = "000_9a153adfeeef4269.txt"
    doc = convert((SEEDS / name).read_bytes(), name)
    edited = ed.apply(doc, [ed.Restore(0), ed.SetLevel(0, 1, 2), ed.Remove(0, 3)])
    assert edited != doc
    (json_out,) = render_outputs(edited, "x", ["json"])
    back = from_json(json_out.data.decode("utf-8"))
    ours = {o.name: o.data for o in render_outputs(edited, "x", ["pdf", "docx"])}
    theirs = {o.name: o.data for o in render_outputs(back, "x", ["pdf", "docx"])}
    assert ours["x.pdf"] == theirs["x.pdf"]

    def docx_text(data: bytes) -> list[str]:
        return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]

    assert docx_text(ours["x.docx"]) == docx_text(theirs["x.docx"])
    assert ed.normalize(doc.removed[0].text) in docx_text(ours["x.docx"])
