"""pipeline.accounting: the character count the tests check and the corpus reports."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from support import FIXTURES, SEEDS

from pipeline.accounting import Accounting, account, visible
from pipeline.core import Options, convert_traced
from pipeline.model import Article, DocTree, Paragraph, Removal


def read_text(traced) -> str:
    return traced.decoded.text + "".join(r.text for r in traced.decoded.removed)


def test_visible_folds_width_quotes_dashes_and_whitespace():
    assert visible("“ＡＢ”——１，2") == visible('"AB"1,2')
    assert visible("甲 \t\n乙\u200b") == visible("甲乙")


def test_visible_reads_character_references_as_their_characters():
    assert visible("&ldquo;四真&rdquo;") == visible("“四真”")


def test_account_counts_kept_and_removed_per_reason():
    doc = DocTree(
        "x.txt",
        "utf-8",
        (Article("题目", "", (Paragraph("正文"),)),),
        (
            Removal("首页>", "breadcrumb", 1),
            Removal("第1页", "page-number", 4),
            Removal("共2页", "page-number", 5),
        ),
    )
    acc = account("首页>\n题目\n正文\n第1页\n共2页\n", doc)
    assert acc == Accounting(input=13, kept=4, removed=(("breadcrumb", 3), ("page-number", 6)))


def test_account_names_what_neither_side_has():
    doc = DocTree("x.txt", "utf-8", (Article("题目", "", (Paragraph("1.正文"),)),), ())
    acc = account("题目\n1、正文\n", doc)  # the marker re-printed in standard form
    assert (acc.rewritten_from, acc.rewritten_to) == (1, 0)  # "、" gone, "." folded away
    assert acc.input == acc.kept + sum(n for _, n in acc.removed) + acc.rewritten_from - acc.rewritten_to


def test_accountings_add_up_reason_by_reason():
    a = Accounting(10, 7, (("breadcrumb", 3),))
    b = Accounting(5, 2, (("breadcrumb", 1), ("site-footer", 1)), rewritten_from=1)
    assert a + b == Accounting(15, 9, (("breadcrumb", 4), ("site-footer", 1)), rewritten_from=1)


def test_every_seed_and_genre_text_is_accounted_for_with_its_markers_kept():
    files = sorted(SEEDS.glob("*.txt")) + sorted((FIXTURES / "genre").glob("*.txt"))
    for f in files:
        traced = convert_traced(f.read_bytes(), f.name, Options(keep_numbering=True))
        acc = account(read_text(traced), traced.doc)
        assert (acc.rewritten_from, acc.rewritten_to) == (0, 0), f.name
        assert acc.input == acc.kept + sum(n for _, n in acc.removed), f.name


def test_html_pages_are_accounted_for_from_what_decode_read():
    # the input is the page's visible text and its chrome (Decoded.removed), not its markup
    for f in sorted((FIXTURES / "html").glob("*.html")):
        traced = convert_traced(f.read_bytes(), f.name, Options(keep_numbering=True))
        acc = account(read_text(traced), traced.doc)
        assert (acc.rewritten_from, acc.rewritten_to) == (0, 0), f.name
        assert acc.input == acc.kept + sum(n for _, n in acc.removed), f.name


@settings(derandomize=True, max_examples=200, deadline=None)
@given(
    st.text(max_size=80), st.lists(st.tuples(st.text(max_size=20), st.sampled_from(["a", "b"])), max_size=4)
)
def test_input_is_kept_plus_removed_plus_what_was_rewritten(body, removals):
    doc = DocTree(
        "x.txt",
        "utf-8",
        (Article("", "", (Paragraph(body),)),),
        tuple(Removal(t, r, 1) for t, r in removals),
    )
    source = body[: len(body) // 2] + "".join(t for t, _ in removals) + "额外"
    acc = account(source, doc)
    assert acc.input == acc.kept + sum(n for _, n in acc.removed) + acc.rewritten_from - acc.rewritten_to
