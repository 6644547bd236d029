"""breadcrumb: navigation trails at the top of a page go; sentences about 首页 or 位置 stay."""

from __future__ import annotations

import pytest

from pipeline.clean import breadcrumb

# Whole lines that are a site's location trail: each is removed as it stands.
TRAILS = [
    pytest.param("当前位置:文档之家› 提高做好新形势下群众工作的能力", id="seed004-wendangzhijia"),
    pytest.param("您的位置：首页 > 范文大全 > 工作总结 > 正文", id="nin-de-weizhi"),
    pytest.param("当前位置：某某范文网 >> 心得体会 >> 学习心得", id="fanwen-double-arrow"),
    pytest.param("你现在的位置: 公文易 > 调研报告", id="gongwenyi"),
    pytest.param("您现在的位置是：首页 > 政务公开 > 通知公告", id="gov-xianzai-de-weizhi-shi"),
    pytest.param("所在位置：首页 > 范文", id="suozai-weizhi"),
    pytest.param("位置：首页 > 要闻", id="bare-weizhi"),
    pytest.param("当前位置：首页>>资讯>>正文", id="no-spaces"),
    pytest.param("首页 > 公文写作 > 调研报告", id="home-gt"),
    pytest.param("首页 » 新闻中心 » 工作动态", id="home-guillemet"),
    pytest.param("网站首页 > 党建工作 > 正文", id="wangzhan-shouye"),
    pytest.param("主页 > 党建园地", id="zhuye"),
    pytest.param("首页 → 党建 → 调研报告", id="home-arrow"),
    pytest.param("Home > News > 2023", id="latin-home"),
    pytest.param("首页 > 文档 > 党团工作 > 新形势下基层党建工作的思考 > 下载", id="docin-long-trail"),
    pytest.param("首页 / 政策 / 解读", id="home-slash"),
    pytest.param("您所在的位置：首页 > 新闻中心", id="gov-nin-suozai-de-weizhi"),
    pytest.param("您当前所在位置：首页 > 新闻中心", id="gov-nin-dangqian-suozai"),
]


@pytest.mark.parametrize("text", TRAILS)
def test_breadcrumb_removes_whole_trail_line(run_rule, text):
    assert run_rule(breadcrumb, text) == ([], [text])


def test_breadcrumb_keeps_the_article_around_the_trail(run_rule):
    text = "当前位置:文档之家› 提高做好新形势下群众工作的能力\n\n提高做好新形势下群众工作的能力\n\n做好群众工作是重要保障。"
    assert run_rule(breadcrumb, text) == (
        ["提高做好新形势下群众工作的能力", "做好群众工作是重要保障。"],
        ["当前位置:文档之家› 提高做好新形势下群众工作的能力"],
    )


# Body sentences that mention 首页 / 位置 / 当前 but are not trails.
NEAR_MISSES = [
    pytest.param("把群众放在首页位置，是我们的一贯做法。", id="shouye-weizhi-in-prose"),
    pytest.param("首页是网站的门面，要及时更新内容。", id="starts-with-shouye"),
    pytest.param("当前位置是否合适，需要进一步论证。", id="dangqian-weizhi-no-colon"),
    pytest.param("位置决定视野，视野决定格局。", id="weizhi-no-colon"),
    pytest.param("当前，我们所处的位置十分关键。", id="dangqian-comma"),
    pytest.param("项目位置：XX镇XX村", id="xiangmu-weizhi"),
    pytest.param("首页 要闻 政务 服务", id="menu-without-separator"),
    pytest.param(
        "位置：位于县城东北部，距县城15公里，交通便利。",
        id="village-profile-weizhi-sentence",
    ),
    pytest.param("我们站在新的历史位置上 > 过去任何时期", id="gt-in-prose"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_breadcrumb_keeps_sentences_mentioning_shouye_or_weizhi(run_rule, text):
    assert run_rule(breadcrumb, text) == ([text], [])


def test_breadcrumb_keeps_long_lines(run_rule):
    text = "当前位置：" + "群众工作" * 40  # MAX_LEN guards against eating a paragraph
    assert run_rule(breadcrumb, text) == ([text], [])
