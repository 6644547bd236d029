"""site-banner: a site's banner line, or its name glued to a page title, goes; titles and prose
that mention 网 or 平台 stay."""

from __future__ import annotations

import pytest

from pipeline.clean import site_banner

BANNERS = [
    pytest.param(
        "红旗党建网 — 党员教育学习平台", ["红旗党建网 — 党员教育学习平台"], [], id="banner-with-tagline"
    ),
    pytest.param(
        "2024年机关党建工作要点_公文范文网",
        ["_公文范文网"],
        ["2024年机关党建工作要点"],
        id="docstring-underscore-suffix",
    ),
    pytest.param(
        "2024年机关党建工作要点 - 某某范文网",
        ["- 某某范文网"],
        ["2024年机关党建工作要点"],
        id="fanwen-spaced-dash-suffix",
    ),
    pytest.param(
        "关于加强基层党建工作的调研报告_豆丁网",
        ["_豆丁网"],
        ["关于加强基层党建工作的调研报告"],
        id="docin-suffix",
    ),
    pytest.param("2023年工作总结_范文之家", ["_范文之家"], ["2023年工作总结"], id="zhijia-suffix"),
]


@pytest.mark.parametrize(("text", "removed", "kept"), BANNERS)
def test_site_banner_removes_site_name(run_rule, text, removed, kept):
    assert run_rule(site_banner, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("在学习强国平台上学习。", id="platform-in-prose"),
    pytest.param("织密织牢民生保障网", id="title-ending-in-wang"),
    pytest.param(
        "筑牢安全网—守护群众平安",
        id="docstring-leaves-alone-example",
    ),
    pytest.param(
        "构建社会安全网 - 织密民生保障网",
        id="two-part-title-with-spaced-dash",
        marks=pytest.mark.xfail(
            reason="a two-part title whose parts end in 网 is removed as a banner", strict=True
        ),
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_site_banner_keeps_titles_and_prose_mentioning_wang(run_rule, text):
    assert run_rule(site_banner, text) == ([text], [])
