"""layout_runs: the article's blocks grouped as the layout rules speak of them."""

from __future__ import annotations

from pipeline.model import Article, Attachment, Byline, Cell, Date, Heading, Note, Paragraph, Signature, Table
from pipeline.render.common import (
    Attachments,
    Closing,
    Single,
    TableRun,
    cell_grid,
    column_widths,
    layout_runs,
    title_bylines,
)
from pipeline.render.style import PAGE


def test_bylines_under_a_title_join_the_title_block_and_nowhere_else():
    a = Article("讲话", "", (Byline("县长 张三"), Paragraph("正文。"), Byline("（另一行）")))
    assert title_bylines(a) == (Byline("县长 张三"),)
    assert layout_runs(a) == [Single(Paragraph("正文。")), Single(Byline("（另一行）"))]
    assert title_bylines(Article("", "", (Byline("县长 张三"),))) == ()


def test_attachments_and_closing_are_one_run_each():
    a = Article(
        "通知",
        "",
        (
            Paragraph("正文。"),
            Attachment("1.", "甲"),
            Attachment("2.", "乙"),
            Signature("甲县人民政府"),
            Signature("乙县人民政府"),
            Date("2024年3月5日"),
            Note("（此件公开发布）"),
            Heading(1, "一、", "另起"),
        ),
    )
    runs = layout_runs(a)
    assert runs[1] == Attachments((Attachment("1.", "甲"), Attachment("2.", "乙")))
    assert runs[2] == Closing(
        (Signature("甲县人民政府"), Signature("乙县人民政府")),
        (Date("2024年3月5日"),),
        (Note("（此件公开发布）"),),
    )
    assert runs[3] == Single(Heading(1, "一、", "另起"))


def test_a_note_without_a_closing_before_it_stands_alone():
    assert layout_runs(Article("", "", (Note("（此件公开发布）"),))) == [Single(Note("（此件公开发布）"))]


def test_tables_are_runs_of_their_own_and_their_grid_places_spanned_cells():
    t = Table(
        (
            (Cell("a", colspan=2), Cell("b")),
            (Cell("c"), Cell("d", rowspan=2), Cell("e")),
            (Cell("f"), Cell("g")),
        )
    )
    assert layout_runs(Article("", "", (t,))) == [TableRun(t)]
    grid = cell_grid(t)
    assert [[e and e[2].text for e in row] for row in grid] == [
        ["a", None, "b"],
        ["c", "d", "e"],
        ["f", None, "g"],
    ]
    assert abs(sum(column_widths(grid)) - PAGE.body_width) < 1e-6


def test_the_closing_prints_the_date_in_arabic_numerals():
    """7.3.5.4: a 成文日期 typed in Chinese numerals or with leading zeros is printed as
    "2008年3月5日"; the doc-tree keeps what the source typed."""
    from pipeline.model import Article, Date, Paragraph, Signature
    from pipeline.render.common import Closing, layout_runs

    for typed in ("二OO八年三月五日", "二〇〇八年三月五日", "2008年03月05日"):
        a = Article("通知", "", (Paragraph("正文。"), Signature("某县科协"), Date(typed, line=9)))
        (closing,) = [r for r in layout_runs(a) if isinstance(r, Closing)]
        assert [(d.text, d.line) for d in closing.dates] == [("2008年3月5日", 9)]
        assert a.blocks[-1].text == typed
