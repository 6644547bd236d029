"""table-of-contents: a 目录 label and the contents entries with page references go; 目录 in a
sentence and lists without page references stay."""

from __future__ import annotations

import pytest

from pipeline.clean import table_of_contents

SEED_004_TOC = (
    "一、新时期社会的新特点 (3) 1、社会结构发生明显变化 (3) 2、群众权益观念逐步转变 (3) "
    "3、人民内部矛盾发生变化 (3) 4、宣传媒体作用越来越重要 (4)"
)

CONTENTS = [
    pytest.param(
        "关键词:新时期群众工作特点意义途径 目录\n" + SEED_004_TOC,
        ["目录", SEED_004_TOC],
        ["关键词:新时期群众工作特点意义途径"],
        id="seed004-trailing-label-and-flattened-toc",
    ),
    pytest.param(
        "目录\n" + SEED_004_TOC + " 正文开始的内容。",
        ["目录", SEED_004_TOC],
        ["正文开始的内容。"],
        id="prose-after-last-page-ref-stays",
    ),
    pytest.param(
        "目 录\n一、基本情况 (1) 二、存在问题 (3) 三、对策建议 (6)\n一、基本情况",
        ["目 录", "一、基本情况 (1) 二、存在问题 (3) 三、对策建议 (6)"],
        ["一、基本情况"],
        id="spaced-label",
    ),
    pytest.param(
        "目录\n第一章 总则……1\n第二章 组织机构……3\n第三章 工作职责……5\n第一章 总则",
        ["目录", "第一章 总则……1", "第二章 组织机构……3", "第三章 工作职责……5"],
        ["第一章 总则"],
        id="one-entry-per-line-ellipsis-leaders",
    ),
    pytest.param(
        "目 录\n一、基本情况..........1\n二、存在问题..........3\n三、对策建议..........6",
        ["目 录", "一、基本情况..........1", "二、存在问题..........3", "三、对策建议..........6"],
        [],
        id="one-entry-per-line-dot-leaders",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), CONTENTS)
def test_table_of_contents_removes_label_and_entries(run_rule, text, removed, kept):
    assert run_rule(table_of_contents, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("要编制权力清单目录。", id="mulu-in-sentence"),
    pytest.param("目录", id="label-alone"),
    pytest.param("目录\n一、基本情况\n二、存在问题", id="list-without-page-refs"),
    pytest.param("一、基本情况 (3) 二、存在问题 (5) 三、对策建议 (8)", id="entries-without-label"),
    pytest.param(
        "制定了《教育实践活动学习资料目录》等，规定了学习的内容和篇目。", id="seed003-mulu-in-title"
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_table_of_contents_keeps_mulu_in_prose_and_plain_lists(run_rule, text):
    assert run_rule(table_of_contents, text) == (text.split("\n"), [])
