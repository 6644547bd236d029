"""structure: articles, titles, headings and their levels, run-in headings, paragraph repair."""

import pytest

from pipeline.core import Options, convert
from pipeline.model import Heading, Paragraph


def doc(text, **kw):
    return convert(text.encode("utf-8"), "t.txt", Options(**kw))


def blocks(text, **kw):
    return [
        (b.level, b.number, b.text, b.tail) if isinstance(b, Heading) else b.text
        for b in doc(text, **kw).documents[0].blocks
    ]


BODY = "这是一段足够长的正文内容，用来说明前面的行是标题而不是正文，并且以句号结束。"


def test_title_repeats_removed_and_title_kept():
    d = doc(f"关于加强基层党建工作的调研报告\n\n关于加强基层党建工作的调研报告\n\n{BODY}")
    assert d.documents[0].title == "关于加强基层党建工作的调研报告"
    assert [r.reason for r in d.removed] == ["duplicate-title"]


def test_no_title_line_gives_empty_title():
    d = doc(f"{BODY}\n一、基本情况\n{BODY}")
    assert d.documents[0].title == ""


def test_subtitle_under_title():
    d = doc(f"新形势下如何做好群众工作\n——学习“七一”讲话精神心得体会\n{BODY}")
    a = d.documents[0]
    assert (a.title, a.subtitle) == ("新形势下如何做好群众工作", "——学习“七一”讲话精神心得体会")


def test_title_option_replaces_detected_title_and_records_it():
    d = doc(f"旧的标题\n{BODY}", title="新的标题")
    assert d.documents[0].title == "新的标题"
    assert ("旧的标题", "replaced-title") in [(r.text, r.reason) for r in d.removed]


def test_standard_levels_and_printed_numbers():
    text = f"题目\n一、基本情况\n{BODY}\n(一)主要做法\n{BODY}\n1、第一点\n{BODY}\n(1)细项\n{BODY}\n二.存在问题\n{BODY}"
    heads = [b[:3] for b in blocks(text) if isinstance(b, tuple)]
    assert heads == [
        (1, "一、", "基本情况"),
        (2, "（一）", "主要做法"),
        (3, "1.", "第一点"),
        (4, "（1）", "细项"),
        (1, "二、", "存在问题"),
    ]


def test_keep_numbering_prints_source_markers():
    heads = [
        b[1]
        for b in blocks(f"题目\n1、第一点\n{BODY}\n二.存在问题\n{BODY}", keep_numbering=True)
        if isinstance(b, tuple)
    ]
    assert heads == ["1、", "二."]


def test_family_nested_under_same_level_moves_down():
    text = f"题目\n三、基层党组织的地位\n第一、党的组织基础\n{BODY}\n第二、联系群众的桥梁\n{BODY}\n四、下一步\n{BODY}"
    heads = [(b[0], b[1]) for b in blocks(text) if isinstance(b, tuple)]
    assert heads == [(1, "三、"), (2, "第一、"), (2, "第二、"), (1, "四、")]


def test_arabic_items_directly_under_first_level_keep_level_three():
    heads = [
        b[0]
        for b in blocks(f"题目\n一、问题\n1、联系群众不够。{BODY}\n2、学习不够。{BODY}")
        if isinstance(b, tuple)
    ]
    assert heads == [1, 3, 3]


def test_decimal_numbering_by_depth():
    text = (
        f"1 基层党建工作现状\n{BODY}\n1.1 党员干部覆盖情况\n{BODY}\n1.2 认识情况\n{BODY}\n2 总体情况\n{BODY}"
    )
    heads = [(b[0], b[2]) for b in blocks(text) if isinstance(b, tuple)]
    assert heads == [(1, "基层党建工作现状"), (2, "党员干部覆盖情况"), (2, "认识情况"), (1, "总体情况")]


def test_run_in_heading_splits_at_first_full_stop():
    (h, *_rest) = [
        b
        for b in blocks("题目\n（一）开展群众路线教育，要着力解决好问题。在教育实践活动中必须高度重视。")
        if isinstance(b, tuple)
    ]
    assert h == (2, "（一）", "开展群众路线教育，要着力解决好问题。", "在教育实践活动中必须高度重视。")


def test_heading_joined_to_body_by_space_ends_at_space():
    hs = [
        b
        for b in blocks(f"题目\n二、存在的突出问题及应对措施 在密切联系群众方面存在问题。{BODY}")
        if isinstance(b, tuple)
    ]
    assert hs[0][2] == "存在的突出问题及应对措施"


@pytest.mark.parametrize(
    "line",
    [
        "一是强化自我管理，主动拉近与群众的距离。",
        "首先，要提高认识。",
        "2013年以来，全县累计投入1.5亿元。",
        "“一、二类地区”要先行。",
    ],
    ids=["yishi", "shouxian", "figures", "quoted"],
)
def test_not_headings(line):
    assert all(isinstance(b, str) for b in blocks(f"题目\n{BODY}\n{line}"))


def test_unnumbered_short_lines_are_headings_when_no_numbered_first_level():
    text = f"题目\n{BODY}\n\n把握工作的基本内涵\n\n{BODY}\n\n坚持工作的基本原则\n\n{BODY}"
    assert [b for b in blocks(text) if isinstance(b, tuple)] == [
        (1, "", "把握工作的基本内涵", ""),
        (1, "", "坚持工作的基本原则", ""),
    ]


def test_page_break_split_sentence_is_rejoined_but_not_across_a_heading():
    text = (
        "题目\n党的群众工作方法也是具体的，党的群众工作内容是具体的，包括\n\n思想、政治、经济、文化等方面的任务。"
        "\n一、基本情况\n从党员覆盖情况来看，\n1.2 党员干部认识情况"
    )
    bs = blocks(text)
    assert (
        bs[0]
        == "党的群众工作方法也是具体的，党的群众工作内容是具体的，包括思想、政治、经济、文化等方面的任务。"
    )
    assert "从党员覆盖情况来看，" in bs


def test_flattened_line_is_split_into_paragraphs_and_wraps_joined():
    text = "做好群众工作的思考\n\n做好群众工作的思考 讲话强调，要把服务群众作为基层党组织的核心任务。 作为一名党务工作者，贯彻这一精神，要坚持民主 集中制，拥护 党和政府的决定。 一、树立正确的群众观 是否乐于做群众工作，首先要解决思想认识的问题。"
    d = doc(text)
    a = d.documents[0]
    assert a.title == "做好群众工作的思考"
    assert [type(b).__name__ for b in a.blocks] == ["Paragraph", "Paragraph", "Heading", "Paragraph"]
    assert "民主集中制，拥护党和政府" in a.blocks[1].text


def test_several_articles_split_at_genre_titles():
    text = f"县群众路线调研报告\n{BODY}\n一、基本情况\n{BODY}\n社区群众路线教育实践活动调研报告\n{BODY}\n一、主要做法\n{BODY}"
    assert [a.title for a in doc(text).documents] == [
        "县群众路线调研报告",
        "社区群众路线教育实践活动调研报告",
    ]


def test_compilation_markers_split_articles():
    text = (
        "心得体会(精选)\n\n心得体会(精选)【篇一】做好群众工作心得体会 密切联系群众是优良传统。"
        " 【篇二】改进作风心得体会 按照县委统一安排，认真研读了文件。"
    )
    d = doc(text)
    assert [a.title for a in d.documents] == ["做好群众工作心得体会", "改进作风心得体会"]
    assert {r.reason for r in d.removed} == {"collection-title", "article-marker"}


def test_paragraph_blocks_are_normalised():
    (p,) = doc('题目\n甲说:"做好工作,要有方法(见下)..."').documents[0].blocks
    assert isinstance(p, Paragraph)
    assert p.text == "甲说：“做好工作，要有方法（见下）……”"


def test_numbering_gap_gives_a_notice():
    d = doc(f"题目\n一、甲\n{BODY}\n三、丙\n{BODY}")
    assert any(n.code == "numbering" and "skips" in n.message for n in d.notices)


def test_repairs_are_recorded_for_explain():
    text = (
        "题目\n党的群众工作方法也是具体的，党的群众工作内容是具体的，包括\n\n思想、政治、经济等方面的任务。\n\n"
        "第二篇的标题 讲话强调，要把服务群众作为核心任务。 作为一名党务工作者，要坚持民主集中制。"
    )
    d = doc(text)
    assert [(n.code, n.line) for n in d.repairs] == [("joined", 4), ("split", 6)]


def test_character_references_are_characters_not_debris():
    """&nbsp; was a space: decode reads it so, and the heading before it ends there."""
    d = doc(
        "题目\n一、基本情况&nbsp;&nbsp;全县共有党员12000名，基层党组织356个。\n&#12288;&#12288;各有关单位："
    )
    assert d.documents[0].blocks[:2] == (
        Heading(1, "一、", "基本情况"),
        Paragraph("全县共有党员12000名，基层党组织356个。"),
    )
    assert d.documents[0].blocks[2] == Paragraph("各有关单位：")
    assert d.removed == ()
