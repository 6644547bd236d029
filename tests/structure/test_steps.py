"""structure on hand-made line lists: no cleaning rule involved (Cleaned built directly)."""

from __future__ import annotations

from pipeline.model import Cleaned, Heading, Paragraph
from pipeline.structure import structure
from pipeline.text.lines import split_lines


def _structure(text: str, title_cuts: tuple[int, ...] = ()) -> list:
    return list(structure(Cleaned(split_lines(text), (), (), title_cuts)).articles)


def test_title_then_numbered_headings_and_paragraphs():
    [a] = _structure(
        "关于加强学习的调研报告\n一、基本情况\n我镇现有党员三百名，分布在各个村。\n（一）主要做法。正文在后。"
    )
    assert a.title == "关于加强学习的调研报告"
    assert a.blocks == (
        Heading(1, "一、", "基本情况"),
        Paragraph("我镇现有党员三百名，分布在各个村。"),
        Heading(2, "（一）", "主要做法。", "正文在后。"),
    )


def test_a_title_cut_after_a_title_line_opens_a_new_article():
    text = "第一篇心得\n第一篇的正文写得很长，已经是一句完整的话。\n第二篇体会\n第二篇的正文也写得很长，同样是完整的话。"
    assert len(_structure(text)) == 1
    # clean removed a copy of "第二篇体会" on input line 4 … (structure only sees where)
    two = _structure(text, title_cuts=(4,))
    assert [a.title for a in two] == ["第一篇心得", "第二篇体会"]


def test_a_page_break_inside_a_sentence_is_joined():
    [a] = _structure("标题\n我们要始终坚持以人民为中心的发展思想，不断\n增强人民群众的获得感。")
    assert a.blocks == (Paragraph("我们要始终坚持以人民为中心的发展思想，不断增强人民群众的获得感。"),)


def test_a_subtitle_under_the_title():
    [a] = _structure(
        "在全县大会上的讲话\n——学习贯彻会议精神\n同志们，今天我们召开这次会议，主要任务是部署工作。"
    )
    assert (a.title, a.subtitle) == ("在全县大会上的讲话", "——学习贯彻会议精神")
