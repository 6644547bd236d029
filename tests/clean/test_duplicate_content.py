"""duplicate-content: the text printed twice loses its second copy; repeated headings,
short lines, two lines and code stay."""

from __future__ import annotations

import pytest

from pipeline.clean import duplicate_content

SPEECH = [
    "在创建省级文明城市动员大会上的讲话",
    "同志们：这次创建省级文明城市动员大会，是市委、市政府在充分酝酿的基础上召开的一次十分重要的会议。",
    "12日上午，市委召开了创建工作领导小组全体成员会议，就创建有关事项和工作要求进行了明确。",
    "下面，我先讲三点意见。",
]


def test_the_second_copy_of_the_text_goes_line_by_line(run_rule):
    text = "\n".join(["正文复制", *SPEECH, *SPEECH])
    assert run_rule(duplicate_content, text) == (["正文复制", *SPEECH], SPEECH)


NEAR_MISSES = [
    # two articles with the same headings and closing: short lines only
    pytest.param(
        "一、基本情况\n二、存在问题\n三、下一步打算\n正文一，讲了很多。\n一、基本情况\n二、存在问题\n三、下一步打算",
        id="repeated-headings",
    ),
    # two repeated lines are not a copy of the text
    pytest.param("\n".join([*SPEECH[1:3], "中间一段。", *SPEECH[1:3]]), id="two-lines"),
    # two shell scripts share their lines: code, not Chinese prose
    pytest.param(
        "docker脚本\ndocker run -d --name apollo-configservice --net=host -e SPRING_DATASOURCE_URL=jdbc\n"
        "-e SPRING_DATASOURCE_USERNAME=root -e SPRING_DATASOURCE_PASSWORD=secret apolloconfig\n"
        "--restart=always -v /data/logs:/opt/logs apolloconfig/apollo-configservice:2.1.0\n"
        "podman脚本\ndocker run -d --name apollo-configservice --net=host -e SPRING_DATASOURCE_URL=jdbc\n"
        "-e SPRING_DATASOURCE_USERNAME=root -e SPRING_DATASOURCE_PASSWORD=secret apolloconfig\n"
        "--restart=always -v /data/logs:/opt/logs apolloconfig/apollo-configservice:2.1.0",
        id="code",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_duplicate_content_keeps_repeats_that_are_no_copy(run_rule, text):
    assert run_rule(duplicate_content, text) == (text.split("\n"), [])


OPENING = "今天的会议是市政府决定召开的一次重要会议，也是继全市城镇规划建设动员会之后，又一次专题研究安排城镇建设管理的重要会议。"


def test_a_labelled_teaser_repeating_the_opening_goes(run_rule):
    # th04 of the dev corpus: "推荐阅读：" and the speech's first lines, cut off
    teaser = "推荐阅读：同志们：" + OPENING[:40]
    text = "\n".join(["领导在重点镇建设专题会发言", teaser, "同志们：", OPENING, "大家看一下会标。"])
    kept, removed = run_rule(duplicate_content, text)
    assert removed == [teaser]
    assert kept == ["领导在重点镇建设专题会发言", "同志们：", OPENING, "大家看一下会标。"]


def test_a_summary_over_the_title_and_the_text_goes(run_rule):
    # td07: the page's summary runs the title lines and the first sentence together
    summary = "关于实施基础教育改革的意见各市、县人民政府：" + OPENING[:30]
    text = "\n".join([summary, "关于实施基础教育改革的意见", "各市、县人民政府：", OPENING])
    assert run_rule(duplicate_content, text)[1] == [summary]


def test_a_paragraph_printed_twice_in_a_row_stays(run_rule):
    # hm22: the page prints one paragraph twice; the key keeps both, as printed
    text = "\n".join([OPENING, OPENING, "会议强调，要抓好落实。"])
    assert run_rule(duplicate_content, text) == ([OPENING, OPENING, "会议强调，要抓好落实。"], [])
