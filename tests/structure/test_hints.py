"""What a reader knows (Hints) as structure honours it, on hand-made lines."""

from __future__ import annotations

from pipeline.model import Cell, Cleaned, Heading, Hint, Hints, Paragraph, Table
from pipeline.structure import structure
from pipeline.structure.hints import article_starts, row_cells
from pipeline.text.lines import split_lines


def run(text, *hints, paragraphs=True):
    lines = split_lines(text)
    return structure(Cleaned(lines, ()), hints=Hints(tuple(hints), paragraphs=paragraphs)).articles


def test_a_hinted_heading_takes_its_level_from_its_numbering():
    # "一、" typed inside a "###": the marker sets the 公文 level, not the depth
    (a,) = run("通知\n一、总体要求\n正文。\n", Hint(1, "title"), Hint(2, "heading", 2))
    assert a.title == "通知"
    assert a.blocks[0] == Heading(1, "一、", "总体要求")


def test_an_unnumbered_hinted_heading_keeps_its_depth_and_numbered_ones_nest_under_it():
    (a,) = run("总体要求\n（一）指导思想\n正文。\n", Hint(1, "heading", 1), Hint(2, "heading", 2))
    assert [(b.level, b.number, b.text) for b in a.blocks[:2]] == [
        (1, "", "总体要求"),
        (2, "（一）", "指导思想"),
    ]


def test_a_hinted_heading_is_never_the_title():
    (a,) = run("工作要求\n正文写在这里。\n", Hint(1, "heading", 1))
    assert a.title == ""
    assert isinstance(a.blocks[0], Heading)


def test_a_run_in_hint_splits_at_the_bold_lead():
    (a,) = run(
        "（一）加强领导，明确责任。各单位要落实。\n", Hint(1, "run-in", head="（一）加强领导，明确责任。")
    )
    assert a.blocks == (Heading(2, "（一）", "加强领导，明确责任。", "各单位要落实。"),)


def test_a_bold_lead_without_numbering_stands_one_level_below_its_heading():
    (a,) = run("一、总体要求\n加强领导。要落实。\n1.分工\n", Hint(2, "run-in", head="加强领导。"))
    assert [(b.level, b.text) for b in a.blocks if isinstance(b, Heading)] == [
        (1, "总体要求"),
        (2, "加强领导。"),
        (3, "分工"),
    ]


def test_a_list_item_is_a_paragraph_even_when_it_looks_like_a_heading():
    (a,) = run("一、要求\n1.加强领导\n", Hint(2, "item"))
    assert a.blocks[1] == Paragraph("1.加强领导")


def test_table_rows_make_one_table_with_its_header():
    cells = (Cell("序号"), Cell("任务"))
    (a,) = run(
        "表头说明。\n序号\t任务\n1\t排查\n",
        Hint(2, "table", group=1, row=0, cells=cells, header_rows=1),
        Hint(3, "table", group=1, row=1, cells=(Cell("1"), Cell("排查")), header_rows=1),
    )
    assert a.blocks[1] == Table(((Cell("序号"), Cell("任务")), (Cell("1"), Cell("排查"))), header_rows=1)


def test_known_paragraphs_are_never_joined():
    long = "标题\n这一段没有写完句号的话而且写得足够长足够长足够长\n下一段接着说。\n"
    assert len(run(long, paragraphs=False)[0].blocks) == 1
    assert len(run(long, paragraphs=True)[0].blocks) == 2


def test_title_hints_open_the_documents():
    lines = split_lines("甲\n正文。\n乙\n正文。\n")
    assert article_starts(lines, Hints((Hint(1, "title"), Hint(3, "title")))) == [0, 2]
    assert article_starts(lines, Hints()) == []
    arts = run("甲\n正文一。\n乙\n正文二。\n", Hint(1, "title"), Hint(3, "title"))
    assert [a.title for a in arts] == ["甲", "乙"]


def test_cells_cleaning_cut_from_keep_their_places():
    hint = Hint(1, "table", cells=(Cell(""), Cell("乙", colspan=2)))
    assert row_cells(hint, "乙") == (Cell(""), Cell("乙", colspan=2))


def test_a_paragraph_hint_is_never_a_heading_and_nothing_joins_onto_it():
    # without the hint the short unpunctuated line above a long one is a heading
    text = (
        "金融知识宣传活动启动\n前言写在这里，共有两句话。\n活动现场志愿者合影\n"
        + "活动中志愿者们发放宣传资料并解答群众提问" * 3
        + "\n"
    )
    plain = run(text, paragraphs=False)[0].blocks
    hinted = run(text, Hint(3, "paragraph"), paragraphs=False)[0].blocks
    assert any(isinstance(b, Heading) for b in plain)
    assert [type(b) for b in hinted] == [Paragraph, Paragraph, Paragraph]
    assert hinted[1] == Paragraph("活动现场志愿者合影")
