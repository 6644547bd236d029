"""anti-copy: a site's stamps glued into running text go; addresses the text cites stay."""

from __future__ import annotations

import pytest

from pipeline.clean import anti_copy

STAMPS = [
    pytest.param(
        "优化网格设置，[来源:范文网Fw123.Com]全年走访居民2000余户。",
        ["[来源:范文网Fw123.Com]"],
        ["优化网格设置，全年走访居民2000余户。"],
        id="bracketed-source",
    ),
    pytest.param(
        "全年走访居民ｗｗｗ．ｆｗ１２３．ｃｏｍ两千余户。",
        ["ｗｗｗ．ｆｗ１２３．ｃｏｍ"],
        ["全年走访居民两千余户。"],
        id="fullwidth-address",
    ),
    pytest.param(
        "划分为8个网格，本文由范文网整理发布，转载请注明出处推动党员干部下沉网格。",
        ["本文由范文网整理发布，转载请注明出处"],
        ["划分为8个网格，推动党员干部下沉网格。"],
        id="glued-stamp-sentence",
    ),
    pytest.param(
        "坚持问题导向【来源：公文库www.gwk.cn】，聚焦群众急难愁盼。",
        ["【来源：公文库www.gwk.cn】"],
        ["坚持问题导向，聚焦群众急难愁盼。"],
        id="lenticular-brackets",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), STAMPS)
def test_anti_copy_cuts_stamps(run_rule, text, removed, kept):
    assert run_rule(anti_copy, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("群众可登录www.example.gov.cn查询办理进度。", id="cited-address-after-login"),
    pytest.param("详见www.stats.gov.cn发布的公报。", id="cited-address-after-jian"),
    pytest.param("全县GDP增长6.5%（来源：县统计局）。", id="quoted-source-in-parens"),
    pytest.param("本文由县委办公室起草，经常委会审议通过。", id="authorship-not-a-site"),
    pytest.param("www.example.com", id="whole-line-left-to-line-rules"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_anti_copy_keeps_cited_addresses_and_sources(run_rule, text):
    assert run_rule(anti_copy, text) == ([text], [])
