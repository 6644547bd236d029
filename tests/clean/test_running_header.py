"""running-header: a journal's page header (刊名 YYYY年第N卷第N期 English Name) goes; dates and
issue numbers in sentences stay."""

from __future__ import annotations

import pytest

from pipeline.clean import running_header

SEED_004_HEADER = "现代物业?新建设 2012年第11卷第6期现代建设 Modern Construction"

HEADERS = [
    pytest.param(
        SEED_004_HEADER + " 新形势下企业党支部的特点:企业实行了厂长(经理)负责制后",
        [SEED_004_HEADER],
        ["新形势下企业党支部的特点:企业实行了厂长(经理)负责制后"],
        id="seed004-glued-before-body",
    ),
    pytest.param("中国行政管理 2019年第3期", ["中国行政管理 2019年第3期"], [], id="name-year-issue"),
    pytest.param(
        "现代经济信息 2015年第10期 MODERN ECONOMIC INFORMATION",
        ["现代经济信息 2015年第10期 MODERN ECONOMIC INFORMATION"],
        [],
        id="capitalised-english-name",
    ),
    pytest.param("Vol. 32 No. 4", ["Vol. 32 No. 4"], [], id="vol-no"),
    pytest.param("总第256期 2021年第8期", ["总第256期 2021年第8期"], [], id="total-issue-then-issue"),
    pytest.param(
        "第35卷第2期 2021年4月 青海社会科学 Qinghai Social Sciences",
        ["第35卷第2期 2021年4月 青海社会科学 Qinghai Social Sciences"],
        [],
        id="volume-first-header",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), HEADERS)
def test_running_header_removes_journal_header(run_rule, text, removed, kept):
    assert run_rule(running_header, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("2012年第6期《求是》发表了习近平同志的重要文章。", id="issue-in-sentence"),
    pytest.param("据《人民日报》2023年第12期报道，全国各地积极推进改革。", id="issue-after-book-title"),
    pytest.param("我县2015年第一期培训班于3月开班。", id="training-class-issue"),
    pytest.param("人民论坛·学术前沿 2021.05上", id="dotted-date-not-claimed"),
    pytest.param(
        "2023年第2期党员发展对象培训班总结",
        id="training-report-title",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_running_header_keeps_issue_numbers_in_prose(run_rule, text):
    assert run_rule(running_header, text) == ([text], [])
