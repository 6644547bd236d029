"""inline-ad: a site's plug glued after a paragraph's last full stop goes, the paragraph stays;
the article's own closing sentences stay."""

from __future__ import annotations

import pytest

from pipeline.clean import inline_ad

SEED_002_BODY = "让人民群众全面了解、正确评判、积极参与党和政府的工作,提高了党政工作的效率和群众满意度。"

GLUED = [
    pytest.param(
        SEED_002_BODY + "党的群众路线教育实践活动调研报告范文节选!",
        ["党的群众路线教育实践活动调研报告范文节选!"],
        [SEED_002_BODY],
        id="seed002-fanwen-jiexuan",
    ),
    pytest.param(
        "全面提升服务水平。以上就是小编为大家整理的2023年工作总结的全部内容，希望对你有所帮助！",
        ["以上就是小编为大家整理的2023年工作总结的全部内容，希望对你有所帮助！"],
        ["全面提升服务水平。"],
        id="xiaobian-zhengli",
    ),
    pytest.param(
        "扎实推进各项工作。更多心得体会范文请关注某某范文网！",
        ["更多心得体会范文请关注某某范文网！"],
        ["扎实推进各项工作。"],
        id="fanwen-follow",
    ),
    pytest.param(
        "不断开创工作新局面。本文由某某范文网整理发布，转载请注明出处。",
        ["本文由某某范文网整理发布，转载请注明出处。"],
        ["不断开创工作新局面。"],
        id="benwen-you-zhengli",
    ),
    pytest.param(
        "我的发言完了，谢谢大家！更多范文请登录www.fanwen.com",
        ["更多范文请登录www.fanwen.com"],
        ["我的发言完了，谢谢大家！"],
        id="after-exclamation-with-url",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), GLUED)
def test_inline_ad_cuts_the_plug_and_keeps_the_paragraph(run_rule, text, removed, kept):
    assert run_rule(inline_ad, text) == (kept, removed)


AD_LINES = [
    pytest.param("以上就是本文的全部内容。", id="yishang-jiushi"),
    pytest.param("更多精彩范文请访问本站。", id="gengduo-fangwen"),
    pytest.param("更多关于调研报告的文章请点击这里", id="gengduo-dianji"),
    pytest.param("更多工作总结，请关注公众号“范文大全”。", id="gengduo-gongzhonghao"),
]


@pytest.mark.parametrize("text", AD_LINES)
def test_inline_ad_removes_an_ad_line_of_its_own(run_rule, text):
    assert run_rule(inline_ad, text) == ([], [text])


NEAR_MISSES = [
    pytest.param("同志们，让我们携手并进，共创辉煌！", id="rousing-close"),
    pytest.param("这篇范文精选了多个案例，值得借鉴。", id="fanwen-jingxuan-in-prose"),
    pytest.param("要把文章精选出来，汇编成册。", id="wenzhang-jingxuan"),
    pytest.param("以上是我的全部发言，谢谢大家！", id="speech-close"),
    pytest.param(
        "以上就是我今天党课的全部内容，讲得不对的地方，请大家批评指正。",
        id="party-lecture-close",
    ),
    pytest.param(
        "各支部要认真学习，以上是本次会议的全部内容。",
        id="meeting-minutes-close",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_inline_ad_keeps_the_articles_own_closing_sentences(run_rule, text):
    assert run_rule(inline_ad, text) == ([text], [])
