"""listing-title: the site's (shortened, templated, decorated) title over a preview whose own
first line is a similar title goes; headings over a different text and exact repeats stay."""

from __future__ import annotations

import pytest

from pipeline.clean import listing_title

LISTINGS = [
    pytest.param(
        "xx新形势下如何做好群众工作心得体会\n\n2015新形势下如何做好群众工作心得体会 【篇一】 按照县委统一安排,近段时间",
        "xx新形势下如何做好群众工作心得体会",
        id="seed004-templated-xx",
    ),
    pytest.param(
        "如何做好新形势下的基层党建工作(讲课稿)\n\n如何做好新形势下的基层党建工作 根据培训安排,结合组织工作实际,重点讲四个大方面",
        "如何做好新形势下的基层党建工作(讲课稿)",
        id="seed004-decorated-jiangkegao",
    ),
    pytest.param(
        "做好群众工作的能力\n\n做好群众工作的方法 人民群众是党的执政之基、力量之源",
        "做好群众工作的能力",
        id="seed004-differs-in-last-word",
    ),
    pytest.param(
        "2023年XX镇工作总结范文\n\n2023年XX镇工作总结 今年以来，在县委县政府的正确领导下，我镇紧紧围绕",
        "2023年XX镇工作总结范文",
        id="fanwen-suffix",
    ),
    pytest.param(
        "XX局2023年上半年工作总结（通用5篇）\n\nXX局2023年上半年工作总结 2023年上半年，我局在市委市政府的坚强领导下",
        "XX局2023年上半年工作总结（通用5篇）",
        id="tongyong-n-pian-suffix",
    ),
]


@pytest.mark.parametrize(("text", "listing"), LISTINGS)
def test_listing_title_removes_the_sites_title_and_keeps_the_previews_own(run_rule, text, listing):
    preview = text.split("\n\n")[1]
    assert run_rule(listing_title, text) == ([preview], [listing])


NEAR_MISSES = [
    pytest.param("基本情况\n\n存在问题 调研发现，当前存在以下问题。", id="different-heading"),
    pytest.param("一、基本情况\n\n一、基本情况 全县共有党员12000名。", id="exact-repeat-is-duplicate-title"),
    pytest.param("二、存在问题\n\n（一）存在问题的表现 一是思想认识不到位。", id="heading-over-subheading"),
    pytest.param(
        "坚持新形势下群众工作的基本原则\n\n坚持新形势下群众工作的基本原则，必须继承优良传统。",
        id="heading-over-sentence-starting-alike",
    ),
    pytest.param("新形势下基层党建工作\n\n现代物业?新建设 2012年第11卷第6期", id="journal-header-below"),
    # the line is the fuller title: the preview's copy lost its first words
    pytest.param(
        "区委书记在创建全国文明城市工作动员大会上的表态发言\n\n市创建全国文明城市工作动员大会上的表态发言 今天，市委召开动员大会。",
        id="fuller-than-the-texts-copy",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_listing_title_keeps_headings_over_a_different_text(run_rule, text):
    assert run_rule(listing_title, text) == (text.split("\n\n"), [])


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("做好群众工作的能力", "做好群众工作的方法", True, id="shared-most-characters"),
        pytest.param("新形势下基层党建工作", "新形势下基层党建工作初探", True, id="one-holds-the-other"),
        pytest.param("基本情况", "存在问题", False, id="different"),
        pytest.param("工作总结", "工作计划", False, id="half-shared"),
    ],
)
def test_similar(a, b, expected):
    assert listing_title.similar(a, b) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("做好群众工作的方法 人民群众是党的执政之基", "做好群众工作的方法", id="title-then-body"),
        pytest.param("人民群众是党的执政之基。 面对新形势", "", id="sentence-first"),
        pytest.param("做好群众工作的方法", "", id="no-space"),
    ],
)
def test_own_title(text, expected):
    assert listing_title.own_title(text) == expected
