"""duplicate-title: repeats of a title (stacked, glued before the body, or a trailing copy) go;
the first copy and headings repeated after body text stay."""

from __future__ import annotations

import pytest

from pipeline.clean import duplicate_title

T000 = "关于增强群众组织力,走好新时代党的群众路线调研报告"

REPEATS = [
    pytest.param(
        f"{T000}\n\n{T000}\n\n{T000}\n\n党的十九大报告首次明确提出增强党的群众组织力的新要求。",
        [T000, T000],
        [T000, "党的十九大报告首次明确提出增强党的群众组织力的新要求。"],
        id="seed000-three-stacked",
    ),
    pytest.param(
        "新形势下如何做好群众工作心得体会\n\n新形势下如何做好群众工作心得体会 面对新形势、新任务,面对人民群众的新要求",
        ["新形势下如何做好群众工作心得体会"],
        ["新形势下如何做好群众工作心得体会", "面对新形势、新任务,面对人民群众的新要求"],
        id="seed004-glued-before-body",
    ),
    pytest.param(
        "做好新时期群众工作的几点做法和体会\n\n做好新时期群众工作的几点做法和体会 做好新时期群众工作的几点做法和体会 群众是我们党的力量",
        ["做好新时期群众工作的几点做法和体会", "做好新时期群众工作的几点做法和体会"],
        ["做好新时期群众工作的几点做法和体会", "群众是我们党的力量"],
        id="seed004-glued-twice",
    ),
    pytest.param(
        "新形势下如何做好群众工作\n\n新形势下如何做好群众工作 ——学习“七一”讲话精神心得体会 讲话强调",
        ["新形势下如何做好群众工作"],
        ["新形势下如何做好群众工作", "——学习“七一”讲话精神心得体会 讲话强调"],
        id="seed004-glued-before-subtitle",
    ),
    pytest.param(
        "群众路线教育实践活动调研报告\n按照要求,我县开展调研。\n一、基本情况\n正文。\n群众路线教育实践活动调研报告",
        ["群众路线教育实践活动调研报告"],
        ["群众路线教育实践活动调研报告", "按照要求,我县开展调研。", "一、基本情况", "正文。"],
        id="seed002-trailing-repeat",
    ),
    pytest.param(
        "一、基本情况\n一、基本情况\n正文。",
        ["一、基本情况"],
        ["一、基本情况", "正文。"],
        id="stacked-heading",
    ),
    pytest.param(
        "关于做好2023年防汛工作的通知\n关于做好2023年防汛工作的通知【篇一】各乡镇：",
        ["关于做好2023年防汛工作的通知"],
        ["关于做好2023年防汛工作的通知", "【篇一】各乡镇："],
        id="glued-before-bracket",
    ),
    pytest.param(
        "区委书记在创建全国文明城市工作动员大会上的表态发言\n市创建全国文明城市工作动员大会上的表态发言 今天，市委召开动员大会。",
        ["市创建全国文明城市工作动员大会上的表态发言"],
        ["区委书记在创建全国文明城市工作动员大会上的表态发言", "今天，市委召开动员大会。"],
        id="shortened-copy-glued-before-body",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), REPEATS)
def test_duplicate_title_removes_repeats_and_keeps_the_first(run_rule, text, removed, kept):
    assert run_rule(duplicate_title, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("一、基本情况\n正文一。\n一、基本情况\n正文二。", id="heading-repeated-after-body"),
    pytest.param("工作总结\n正文结束。\n谢谢大家", id="different-last-line"),
    pytest.param(
        "2023年工作总结\n今年以来，我局扎实推进各项工作。\n2023年工作计划\n明年我局将重点做好以下工作。",
        id="two-articles-similar-titles",
    ),
    pytest.param("加强作风建设\n加强作风建设。要坚持问题导向。", id="heading-then-sentence-starting-alike"),
    # the text's first piece ends like the title but is far shorter: a phrase, not a copy
    pytest.param("关于进一步加强城市管理工作的意见\n管理工作 要坚持问题导向。", id="short-tail-is-no-copy"),
    pytest.param(
        "加强作风建设\n加强作风建设的重要意义在于凝聚人心。", id="title-prefix-of-sentence-no-space"
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_duplicate_title_keeps_first_copies_and_repeated_headings(run_rule, text):
    assert run_rule(duplicate_title, text) == (text.split("\n"), [])
