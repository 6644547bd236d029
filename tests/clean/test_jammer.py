"""jammer: random letter/digit runs glued between Chinese characters go; real codes stay."""

from __future__ import annotations

import pytest

from pipeline.clean import jammer

NOISE = [
    pytest.param(
        "密切联系群众a8Kq2z7是我们党的优良传统",
        ["a8Kq2z7"],
        ["密切联系群众是我们党的优良传统"],
        id="docstring-example",
    ),
    pytest.param("群众工作x9y8z7w6是基础", ["x9y8z7w6"], ["群众工作是基础"], id="alternating-run"),
    pytest.param("績(jì)效管理細(xì)則", ["(jì)", "(xì)"], ["績效管理細則"], id="pinyin-after-characters"),
    pytest.param("感動（dòng）中國", ["（dòng）"], ["感動中國"], id="pinyin-full-width-brackets"),
]


@pytest.mark.parametrize(("text", "removed", "kept"), NOISE)
def test_jammer_cuts_noise_runs(run_rule, text, removed, kept):
    assert run_rule(jammer, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("推进5G网络建设", id="5g"),
    pytest.param("防控H7N9禽流感", id="h7n9"),
    pytest.param("通过ISO9001质量体系认证", id="iso9001"),
    pytest.param("字体采用GB2312编码", id="gb2312"),
    pytest.param("防控COVID19疫情", id="covid19"),
    pytest.param(
        "车牌号为京A12B34的小型轿车",
        id="licence-plate",
    ),
    pytest.param("汉语拼音 (pīnyīn) 方案", id="pinyin-gloss-after-a-space"),
    pytest.param("附件(a)所列事项", id="bracketed-letter"),
    pytest.param("实行“河长制”(hezhang)管理", id="pinyin-without-tone-mark"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_jammer_keeps_real_codes(run_rule, text):
    assert run_rule(jammer, text) == ([text], [])
