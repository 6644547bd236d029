"""page-number: page furniture from paginated sources goes; numbers that belong to the sentence
(with a unit or measure word, decimals, years, ratios) stay."""

from __future__ import annotations

import pytest

from pipeline.clean import page_number
from pipeline.text.normalize import join_wrapped

WHOLE_LINES = [
    pytest.param("- 3 -", id="hyphen-dashed"),
    pytest.param("— 12 —", id="em-dashed"),
    pytest.param("－ 5 －", id="fullwidth-hyphen-dashed"),
    pytest.param("3/13", id="slash-count"),
    pytest.param("第 3 页", id="di-ye"),
    pytest.param("第3页/共8页", id="di-gong-slash"),
    pytest.param("第3页 共8页", id="di-gong-space"),
    pytest.param("共8页 第3页", id="gong-di"),
    pytest.param("Page 3 of 8", id="latin-page-of"),
    pytest.param("12", id="bare-number"),
]


@pytest.mark.parametrize("text", WHOLE_LINES)
def test_page_number_removes_a_line_that_is_only_a_page_number(run_rule, text):
    assert run_rule(page_number, text) == ([], [text])


INLINE = [
    pytest.param(
        "现系中国石油集团测井有限公司长庆事业部靖边项目部党总支书记。 – 22 –",
        ["– 22 –"],
        ["现系中国石油集团测井有限公司长庆事业部靖边项目部党总支书记。"],
        id="seed004-dashed-at-line-end",
    ),
    pytest.param(
        "容易被少数别有用心的人唆摆利用,采取过激 1/ 13",
        ["1/ 13"],
        ["容易被少数别有用心的人唆摆利用,采取过激"],
        id="seed004-slash-count-at-line-end",
    ),
    # the engine leaves a space where the number stood; join_wrapped (normalize) closes it
    pytest.param(
        "采取过激的行为来反映利益诉1 求。这些都要求",
        ["1"],
        ["采取过激的行为来反映利益诉 求。这些都要求"],
        id="seed004-su-1-qiu",
    ),
    pytest.param(
        "一切为了群众。近年 2 来,我们坚持不懈地抓了干部作风建设,",
        ["2"],
        ["一切为了群众。近年 来,我们坚持不懈地抓了干部作风建设,"],
        id="seed004-jinnian-2-lai",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), INLINE)
def test_page_number_cuts_page_numbers_inside_running_text(run_rule, text, removed, kept):
    assert run_rule(page_number, text) == (kept, removed)


def test_page_number_cut_inside_a_word_is_rejoined_by_join_wrapped(run_rule):
    kept, _ = run_rule(page_number, "反映利益诉1 求。")
    assert join_wrapped(kept[0]) == "反映利益诉求。"


NEAR_MISSES = [
    pytest.param("工作18余年,经验丰富。", id="no-space"),
    pytest.param("全村 120 户,共 450 人。", id="measure-words-hu-ren"),
    pytest.param("全县共有 3 个乡镇、 12 个行政村。", id="measure-word-ge"),
    pytest.param("2012 年以来,全县经济快速发展。", id="year-with-space"),
    pytest.param("增长率为 3.5 %,高于全省。", id="decimal-percent"),
    pytest.param("比分为 3/1,我队获胜。", id="ratio"),
    pytest.param("资料显示，2010-2012年间，全县新增企业120家。", id="year-range"),
    pytest.param("第三页的表格需要修改。", id="chinese-page-word"),
    pytest.param("习近平总书记在 2013 年全国宣传思想工作会议上指出", id="year-in-speech"),
    pytest.param("截至10月 底,全区共建成服务站 15 个。", id="month-then-space"),
    pytest.param("完成 5 项重点任务", id="xiang"),
    pytest.param("参加培训的有党员 56 名,群众 120 名。", id="ming"),
    pytest.param("位列全省第 3 位", id="ordinal-wei"),
    pytest.param("累计发放补贴 15 万元。", id="wan-yuan"),
    pytest.param("新建道路 12 公里。", id="gongli"),
    pytest.param("如表 3 所示，各项指标均有提升。", id="table-reference"),
    pytest.param("今年第 3 季度，全县经济增速回升。", id="jidu"),
    pytest.param("窗口每天服务 8 小时以上。", id="xiaoshi"),
    pytest.param("全市 5 级书记抓乡村振兴。", id="ji"),
    pytest.param("全县 3 类地区全部脱贫。", id="lei"),
    pytest.param("详见附件 2 的说明。", id="fujian-2"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_page_number_keeps_numbers_that_belong_to_the_sentence(run_rule, text):
    assert run_rule(page_number, text) == ([text], [])
