"""disclaimer: the site's legal notices go; prose about 声明, 侵权 or 网络 stays."""

from __future__ import annotations

import pytest

from pipeline.clean import disclaimer

NOTICES = [
    pytest.param(
        "声明:登载此文出于传递更多信息之目的,并不意味着赞同其观点或证实其描述。", id="seed002-shengming"
    ),
    pytest.param("免责声明：本站部分内容来自互联网，仅供学习交流。", id="mianze-shengming"),
    pytest.param("特别声明：本文仅代表作者个人观点，与本站无关。", id="tebie-shengming"),
    pytest.param("版权声明：本文为博主原创文章，转载请附上原文出处链接。", id="blog-banquan-shengming"),
    pytest.param("本文来源于网络，如有侵权请联系删除。", id="laiyuan-yu-wangluo"),
    pytest.param("文章来源于网络，如涉及侵权请联系我们删除。", id="ruo-sheji-qinquan"),
    pytest.param("如有侵权，请联系管理员删除。", id="ruyou-qinquan"),
    pytest.param(
        "以上内容转载自网络，版权归原作者所有。",
        id="zhuanzai-zi-wangluo",
    ),
    pytest.param(
        "本文档由用户上传，仅供学习交流，不代表本站立场。",
        id="docin-user-upload",
    ),
    pytest.param(
        "内容来自用户上传，不代表本站观点",
        id="doc-site-user-upload",
    ),
    pytest.param(
        "版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领",
        id="doc-library-banquan-shuoming",
    ),
    pytest.param(
        "1. 本站全部试题类文档,若标题没写含答案,则无答案;标题注明含答案的文档,主观题也可能无答案。",
        id="doc-site-terms-numbered",
    ),
    pytest.param(
        "某某文库仅提供信息存储空间,仅对该用户上传内容的表现方式做保护处理。", id="storage-space-only"
    ),
    pytest.param("本站不保证下载资源的准确性、安全性和完整性。", id="site-does-not-guarantee"),
    pytest.param("本网所有课件资源均为会员上传，仅供学习参考。", id="site-all-resources"),
]


@pytest.mark.parametrize("text", NOTICES)
def test_disclaimer_removes_site_notices(run_rule, text):
    assert run_rule(disclaimer, text) == ([], [text])


def test_disclaimer_keeps_the_article_before_it(run_rule):
    text = (
        "群众路线教育实践活动调研报告\n声明:登载此文出于传递更多信息之目的,并不意味着赞同其观点或证实其描述。"
    )
    assert run_rule(disclaimer, text) == (
        ["群众路线教育实践活动调研报告"],
        ["声明:登载此文出于传递更多信息之目的,并不意味着赞同其观点或证实其描述。"],
    )


NEAR_MISSES = [
    pytest.param("中美两国发表联合声明，表示将加强在气候变化领域的合作。", id="joint-statement"),
    pytest.param("声明是一种重要的外交文书，具有法律效力。", id="shengming-as-subject"),
    pytest.param("我局郑重声明：从未委托任何中介机构代办相关业务，请群众提高警惕。", id="bureau-declares"),
    pytest.param(
        "要加大知识产权保护力度，严厉打击侵权行为，对侵权商品一律予以删除下架并联系权利人。",
        id="ip-protection-sentence",
    ),
    pytest.param("特此声明。", id="teci-shengming"),
    pytest.param("声明" + "：本人" + "不慎遗失身份证，特此声明作废。" * 20, id="long-line"),
    pytest.param(
        "网络谣言来源于网络，传播于网络，治理也要依靠网络。",
        id="rumour-comes-from-the-web",
    ),
    # an explanation of copyright in the body, not the site's label
    pytest.param("关于版权说明的有关问题，由法制办负责解释。", id="banquan-shuoming-in-prose"),
    pytest.param("材料由各单位提供并上传至平台，逾期不予受理。", id="units-upload-material"),
    # a 水文站 reporting on itself: 本站 as the subject of a sentence
    pytest.param("本站全年降水量为1200毫米，较上年偏多一成。", id="hydrological-station"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_disclaimer_keeps_prose_about_shengming_or_qinquan(run_rule, text):
    assert run_rule(disclaimer, text) == ([text], [])
