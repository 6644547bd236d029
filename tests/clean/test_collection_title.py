"""collection-title: the site's title over a compilation of several 篇 goes (and its glued copy);
a title over a single article stays."""

from __future__ import annotations

import pytest

from pipeline.clean import collection_title

SEED_004 = (
    "如何做好群众工作感悟体会(最新)\n\n"
    "如何做好群众工作感悟体会(最新)【篇一】2015年如何做好群众工作心得体会 密切联系群众是我们党的优良传统。 "
    "【篇二】2015年如何做好群众工作心得体会 按照县委统一"
)

COLLECTIONS = [
    pytest.param(
        SEED_004,
        ["如何做好群众工作感悟体会(最新)", "如何做好群众工作感悟体会(最新)"],
        [
            "【篇一】2015年如何做好群众工作心得体会 密切联系群众是我们党的优良传统。 "
            "【篇二】2015年如何做好群众工作心得体会 按照县委统一"
        ],
        id="seed004-title-and-glued-copy",
    ),
    pytest.param(
        "党员个人学习心得体会（精选5篇）\n【篇一】学习心得\n正文一。\n【篇二】学习心得\n正文二。",
        ["党员个人学习心得体会（精选5篇）"],
        ["【篇一】学习心得", "正文一。", "【篇二】学习心得", "正文二。"],
        id="jingxuan-5-pian",
    ),
    pytest.param(
        "学习心得体会范文（精选）\n学习心得体会范文（精选）\n【第一篇】心得体会\n正文一。\n【第二篇】心得体会\n正文二。",
        ["学习心得体会范文（精选）", "学习心得体会范文（精选）"],
        ["【第一篇】心得体会", "正文一。", "【第二篇】心得体会", "正文二。"],
        id="repeated-title-di-n-pian",
    ),
    pytest.param(
        "2023年党员个人总结（通用3篇）\n篇一：党员个人总结\n正文一。\n篇二：党员个人总结\n正文二。",
        ["2023年党员个人总结（通用3篇）"],
        ["篇一：党员个人总结", "正文一。", "篇二：党员个人总结", "正文二。"],
        id="tongyong-pian-colon-markers",
    ),
    pytest.param(
        "关于加强基层党建工作的调研报告\n【篇一】\n正文。\n【篇二】\n正文二。",
        ["关于加强基层党建工作的调研报告"],
        ["【篇一】", "正文。", "【篇二】", "正文二。"],
        id="markers-on-lines-of-their-own",
    ),
    pytest.param(
        "党员个人学习心得体会（精选3篇）\n【篇一】学习心得\n第一段。\n第二段。\n第三段。\n第四段。\n【篇二】学习心得\n第一段。",
        ["党员个人学习心得体会（精选3篇）"],
        ["【篇一】学习心得", "第一段。", "第二段。", "第三段。", "第四段。", "【篇二】学习心得", "第一段。"],
        id="articles-longer-than-lookahead",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), COLLECTIONS)
def test_collection_title_removes_compilation_title(run_rule, text, removed, kept):
    assert run_rule(collection_title, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("2023年工作总结\n【篇一】工作总结\n正文一。", id="single-article"),
    pytest.param("会议纪要\n【篇一】", id="single-marker-line"),
    pytest.param(
        "关于开展“三篇”文章写作竞赛的通知\n各单位：为提高写作水平，现就【篇一】【篇二】格式说明如下。",
        id="markers-inside-a-sentence",
    ),
    pytest.param(
        "一、基本情况\n一、基本情况 全县共有党员。【篇一】甲【篇二】乙", id="markers-not-after-title"
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_collection_title_keeps_title_of_a_single_article(run_rule, text):
    assert run_rule(collection_title, text) == (text.split("\n"), [])
