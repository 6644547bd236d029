"""injected-title: an unrelated genre-titled line between a numbered heading and its body goes;
titles after paragraphs (new articles) and plain subheadings stay."""

from __future__ import annotations

import pytest

from pipeline.clean import injected_title

INJECTED = [
    pytest.param(
        "(一)关于活动的目标、原则\n质监法规处副处长实现伟大中国梦心得体会\n"
        "1.以活动的开展为契机,解决各方面突出问题,促进中心任务落实。",
        "质监法规处副处长实现伟大中国梦心得体会",
        id="seed002-xinde-tihui",
    ),
    pytest.param(
        "二、存在的问题\n2023年度党员个人对照检查材料\n（一）思想认识不到位。",
        "2023年度党员个人对照检查材料",
        id="cailiao",
    ),
    pytest.param(
        "一、指导思想\nXX局关于开展作风建设年活动的实施方案\n以习近平新时代中国特色社会主义思想为指导。",
        "XX局关于开展作风建设年活动的实施方案",
        id="fangan",
    ),
    pytest.param(
        "三、工作要求\n2023年度XX县政府工作报告\n各单位要高度重视。",
        "2023年度XX县政府工作报告",
        id="baogao",
    ),
]


@pytest.mark.parametrize(("text", "injected"), INJECTED)
def test_injected_title_removes_the_injected_line(run_rule, text, injected):
    lines = text.split("\n")
    assert run_rule(injected_title, text) == ([lines[0], lines[2]], [injected])


NEAR_MISSES = [
    pytest.param("三、工作措施\n（一）加强组织领导\n1.成立工作专班。", id="numbered-subheading"),
    pytest.param(
        "正文段落结束。\n2023年工作总结\n今年以来，我局扎实推进各项工作。", id="new-article-after-paragraph"
    ),
    pytest.param("四、下一步工作打算\n（一）深化调查研究\n1.加强调研。", id="subheading-ending-in-yanjiu"),
    pytest.param("附件：\n1.XX县2023年工作总结\n2.XX县2024年工作计划", id="attachment-list"),
    pytest.param("（二）工作要求\n各单位要高度重视。", id="heading-then-body"),
    pytest.param("1.加强学习。要坚持不懈。\n学习心得体会\n正文。", id="run-in-heading-is-not-standalone"),
    pytest.param(
        "三、下一步工作打算\n强化保障措施\n1.加强组织领导。",
        id="unnumbered-subheading-cuoshi",
    ),
    pytest.param(
        "二、主要做法\n经验做法\n（一）建立机制。",
        id="unnumbered-subheading-zuofa",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_injected_title_keeps_new_articles_and_subheadings(run_rule, text):
    assert run_rule(injected_title, text) == (text.split("\n"), [])
