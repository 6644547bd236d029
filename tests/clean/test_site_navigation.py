"""site-navigation: rows of page links go; sentences that use the same words stay."""

from __future__ import annotations

import pytest

from pipeline.clean import site_navigation

ROWS = [
    pytest.param("相关主题", id="seed004-xiangguan-zhuti"),
    pytest.param("文本预览", id="seed004-wenben-yulan"),
    pytest.param("相关文档 最新文档", id="seed004-two-tabs"),
    pytest.param("上一页 下一页", id="pager"),
    pytest.param("首页 | 上一页 | 下一页 | 尾页", id="pager-pipes"),
    pytest.param("返回顶部", id="back-to-top"),
    pytest.param("设为首页 | 加入收藏 | 联系我们", id="site-header-links"),
    pytest.param("网站地图 · 联系我们 · 关于我们", id="footer-links-dots"),
    pytest.param("打印本页 关闭窗口", id="gov-print-close"),
    pytest.param("打印 关闭", id="print-close-short"),
    pytest.param("展开全文", id="expand"),
    pytest.param("登录 / 注册", id="login-register"),
    pytest.param("分享到：", id="share-colon"),
    pytest.param("免费下载 立即下载", id="docin-download-buttons"),
    pytest.param(
        "【打印本页】【关闭窗口】",
        id="gov-bracketed-print-close",
    ),
    pytest.param(
        "首页 上一页 1 2 3 4 下一页 尾页",
        id="pager-with-page-numbers",
    ),
    pytest.param(
        "阅读原文",
        id="wechat-read-original",
    ),
    pytest.param("我要留言", id="tb18-leave-a-message"),
    pytest.param("English 进入旧版 设为首页 加入收藏", id="tg01-portal-header"),
    pytest.param("TOP", id="tg01-back-to-top"),
    pytest.param("发表评论 我要纠错", id="comment-and-correction-buttons"),
]


@pytest.mark.parametrize("text", ROWS)
def test_site_navigation_removes_link_rows(run_rule, text):
    assert run_rule(site_navigation, text) == ([], [text])


def test_site_navigation_removes_each_row_of_the_seed_footer(run_rule):
    text = "做好群众工作的方法 人民群众是党的执政之基。\n\n相关主题\n文本预览\n相关文档 最新文档"
    assert run_rule(site_navigation, text) == (
        ["做好群众工作的方法 人民群众是党的执政之基。"],
        ["相关主题", "文本预览", "相关文档 最新文档"],
    )


NEAR_MISSES = [
    pytest.param("相关文档请见附件。", id="xiangguan-wendang-sentence"),
    pytest.param("返回顶部的按钮坏了", id="fanhui-dingbu-phrase"),
    pytest.param("下一页的内容更精彩", id="xiayiye-phrase"),
    pytest.param("我们要关心群众，登录群众家门了解情况。", id="denglu-in-prose"),
    pytest.param("帮助群众解决实际困难", id="bangzhu-heading"),
    pytest.param("首页 要闻 政务 信息公开", id="menu-with-content-words"),
    pytest.param("关于我们县的发展规划", id="guanyu-women-title"),
    pytest.param("更多的群众参与进来", id="gengduo-phrase"),
    pytest.param("我要留言给远方的朋友", id="liuyan-in-prose"),
    pytest.param("English Teaching Plan", id="english-title"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_site_navigation_keeps_lines_with_any_non_navigation_word(run_rule, text):
    assert run_rule(site_navigation, text) == ([text], [])
