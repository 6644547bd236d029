"""related-links: a 相关推荐-style header and its list go; the list ends at prose; 相关 in a
sentence stays."""

from __future__ import annotations

import pytest

from pipeline.clean import related_links

SEED_003_TAIL = """4 结论
党的群众路线教育实践活动为基层党建工作提供了一种工作法。
相关推荐
[包焕平] 试论临床检验中应用化学发光免疫技术
[王青 武加福] 毛泽东对党的群众路线的贡献
[南守宇 孙海涛] 浅谈以党的群众路线教育实践活动为契机加强大学生思想"""


def test_related_links_removes_header_and_each_seed_entry(run_rule):
    assert run_rule(related_links, SEED_003_TAIL) == (
        ["4 结论", "党的群众路线教育实践活动为基层党建工作提供了一种工作法。"],
        [
            "相关推荐",
            "[包焕平] 试论临床检验中应用化学发光免疫技术",
            "[王青 武加福] 毛泽东对党的群众路线的贡献",
            "[南守宇 孙海涛] 浅谈以党的群众路线教育实践活动为契机加强大学生思想",
        ],
    )


LISTS = [
    pytest.param(
        "正文最后一段。\n推荐阅读：\n2023年党支部工作总结\n2023年个人述职报告范文\n学习二十大精神心得体会",
        ["推荐阅读：", "2023年党支部工作总结", "2023年个人述职报告范文", "学习二十大精神心得体会"],
        ["正文最后一段。"],
        id="fanwen-recommended-reading",
    ),
    pytest.param(
        "正文最后一段。\n相关文章\n1. 关于加强基层党建工作的调研报告\n2. 群众路线教育实践活动心得体会\n"
        "这是文章之后的正文，还要保留下来。",
        ["相关文章", "1. 关于加强基层党建工作的调研报告", "2. 群众路线教育实践活动心得体会"],
        ["正文最后一段。", "这是文章之后的正文，还要保留下来。"],
        id="numbered-list-ends-at-prose",
    ),
    pytest.param(
        "猜你喜欢\n党员个人对照检查材料", ["猜你喜欢", "党员个人对照检查材料"], [], id="caini-xihuan"
    ),
    pytest.param(
        "上一篇：关于开展2023年度民主评议党员工作的通知\n下一篇：XX县2023年上半年工作总结",
        ["上一篇：关于开展2023年度民主评议党员工作的通知", "下一篇：XX县2023年上半年工作总结"],
        [],
        id="prev-next-links",
    ),
    pytest.param("往期回顾", ["往期回顾"], [], id="wechat-wangqi-huigu"),
    pytest.param("相关范文", ["相关范文"], [], id="xiangguan-fanwen"),
    pytest.param("延伸阅读", ["延伸阅读"], [], id="yanshen-yuedu"),
    pytest.param("热门推荐", ["热门推荐"], [], id="remen-tuijian"),
    pytest.param("相关链接", ["相关链接"], [], id="gov-xiangguan-lianjie"),
    pytest.param("相关阅读:", ["相关阅读:"], [], id="header-with-colon"),
    pytest.param("猜你感兴趣", ["猜你感兴趣"], [], id="caini-ganxingqu"),
    pytest.param(
        "更多精彩",
        ["更多精彩"],
        [],
        id="gengduo-jingcai",
    ),
    pytest.param(
        "看了本文的人还看了\n2023年工作总结",
        ["看了本文的人还看了", "2023年工作总结"],
        [],
        id="readers-also-read",
    ),
    pytest.param(
        "您可能感兴趣的文章\n2023年工作总结",
        ["您可能感兴趣的文章", "2023年工作总结"],
        [],
        id="you-may-like-articles",
    ),
    pytest.param(
        "会议强调要抓好落实。\n推荐阅读：某某交警：8月1日起，专项整治电动车、二轮车违法行为",
        ["推荐阅读：某某交警：8月1日起，专项整治电动车、二轮车违法行为"],
        ["会议强调要抓好落实。"],
        id="header-with-its-one-link",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), LISTS)
def test_related_links_removes_header_and_list(run_rule, text, removed, kept):
    assert run_rule(related_links, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("相关部门要加强协调配合，形成工作合力。", id="xiangguan-bumen"),
    pytest.param("相关推荐：有关部门表示将推荐一批优秀案例，供各地学习借鉴。", id="header-word-in-sentence"),
    pytest.param("推荐意见", id="tuijian-yijian-heading"),
    pytest.param("相关", id="bare-xiangguan"),
    pytest.param("上一篇文章中我们谈到了作风建设。", id="shangyipian-in-prose"),
    pytest.param("相关链接：详见附件。", id="xiangguan-lianjie-sentence"),
    pytest.param(
        "推荐阅读：各单位要组织党员干部认真学习以下篇目，结合实际撰写心得体会，并于月底前报送。",
        id="tuijian-yuedu-instruction",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_related_links_keeps_sentences_starting_with_xiangguan(run_rule, text):
    assert run_rule(related_links, text) == ([text], [])
