"""site-footer: banners, copyright/ICP lines and tag rows go; sentences about 欢迎 or 版权 stay."""

from __future__ import annotations

import pytest

from pipeline.clean import site_footer

FOOTERS = [
    pytest.param(
        "欢迎光临 老秘网_材夜思范文 (http://caiyes.cn/) | Powered by Discuz! X3.4 |", id="seed001-laomi"
    ),
    pytest.param("Tags in this post...", id="seed002-tags-in-post"),
    pytest.param("Powered by Discuz! X3.4", id="powered-by"),
    pytest.param("Copyright © 2008-2023 www.fanwen-example.com All Rights Reserved.", id="fanwen-copyright"),
    pytest.param("版权所有：XX市人民政府办公室", id="gov-banquan-suoyou"),
    pytest.param("版权所有 © 某某范文网", id="banquan-copyright-sign"),
    pytest.param("©2023 某某文档 版权所有", id="doc-site-copyright"),
    pytest.param("京ICP备12345678号-1", id="icp-bei"),
    pytest.param("粤ICP证030173号", id="icp-zheng"),
    pytest.param("京公网安备 11010502030143号", id="gongan-beian"),
    pytest.param("技术支持：XX网络科技有限公司", id="tech-support"),
    pytest.param("标签：调研报告 群众路线", id="tag-row"),
    pytest.param("Tags: 心得体会", id="latin-tags"),
    pytest.param("本站所有资源均来源于网络，仅供学习参考。", id="benzhan-suoyou"),
    pytest.param("欢迎访问范文网 www.fanwen.com", id="welcome-visit"),
    pytest.param("欢迎来到公文易", id="welcome-to-site"),
    pytest.param("Copyright©2023 All Rights Reserved 主办：XX县人民政府", id="gov-copyright-host"),
    pytest.param("主办单位：XX市人民政府办公室 承办单位：XX市大数据中心", id="gov-host-operator"),
    pytest.param("网站标识码：3201000001", id="gov-site-code"),
    pytest.param("欢迎来到010在线作文网!", id="welcome-banner-exclaimed"),
    pytest.param("欢迎光临某某范文网！", id="welcome-banner-fullwidth-exclaimed"),
]


@pytest.mark.parametrize("text", FOOTERS)
def test_site_footer_removes_furniture_lines(run_rule, text):
    assert run_rule(site_footer, text) == ([], [text])


def test_site_footer_keeps_the_text_above_the_footer(run_rule):
    text = "(四)加强群众工作研究,解决好“机制方面”的问题。\n欢迎光临 老秘网_材夜思范文 (http://caiyes.cn/) | Powered by Discuz! X3.4 |"
    assert run_rule(site_footer, text) == (
        ["(四)加强群众工作研究,解决好“机制方面”的问题。"],
        ["欢迎光临 老秘网_材夜思范文 (http://caiyes.cn/) | Powered by Discuz! X3.4 |"],
    )


NEAR_MISSES = [
    pytest.param("欢迎各位领导莅临指导！", id="welcome-leaders"),
    pytest.param("本站在全县率先建成，服务群众超过一万人次。", id="benzhan-service-station"),
    pytest.param("本网讯 近日，我县召开群众路线教育实践活动推进会。", id="benwang-xun"),
    pytest.param("本网站建设要坚持以人民为中心，方便群众办事。", id="benwangzhan-jianshe"),
    pytest.param("标签化管理要避免一刀切。", id="biaoqian-hua"),
    pytest.param("热烈欢迎光临我县考察的各位客商。", id="welcome-mid-sentence"),
    pytest.param(
        "要保护知识产权和版权所有人的合法权益，依法打击侵权盗版行为。",
        id="docstring-leaves-alone-example",
    ),
    pytest.param(
        "欢迎来到美丽的XX县，参加第五届旅游文化节开幕式！",
        id="welcome-speech-opening",
    ),
    pytest.param("欢迎来到美丽的校园！", id="welcome-speech-exclaimed"),
    pytest.param(
        "各网站主办者应当在网站首页底部标明ICP备案编号，并链接至备案管理系统。",
        id="notice-about-icp",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_site_footer_keeps_sentences_mentioning_huanying_or_banquan(run_rule, text):
    assert run_rule(site_footer, text) == ([text], [])
