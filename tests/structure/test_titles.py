"""Title choice among candidates (pipeline.structure.titles): what wins, what is stripped, near misses."""

from __future__ import annotations

import pytest

from pipeline.structure.common import Piece
from pipeline.structure.titles import choose, headline, strip_furniture


def _pieces(*texts: str) -> list[Piece]:
    return [Piece(t, i + 1, True, True, False) for i, t in enumerate(texts)]


BODY = "为切实做好今年的各项工作，现就有关事项通知如下，请各单位认真贯彻落实。"


@pytest.mark.parametrize(
    ("raw", "title", "gone"),
    [
        ("原标题：最强中国芯本月商用", "最强中国芯本月商用", ["原标题："]),
        ("企业员工绩效考核与评估指南_第1页", "企业员工绩效考核与评估指南", ["_第1页"]),
        ("心得体会的文体和方法(专业13篇)", "心得体会的文体和方法", ["(专业13篇)"]),
        ("2024年机关党建工作要点_某某范文网", "2024年机关党建工作要点", ["_某某范文网"]),
        ("绩效管理细则.docx", "绩效管理细则", [".docx"]),
        ("科局局长述职报告范文 篇一", "科局局长述职报告", ["范文 篇一"]),
        ("《生产企业安全生产责任制度》", "生产企业安全生产责任制度", ["《", "》"]),
        (
            "[诗婷露雅化妆品]江门七旬阿婆接来电称其涉黑被骗",
            "江门七旬阿婆接来电称其涉黑被骗",
            ["[诗婷露雅化妆品]"],
        ),
        (
            "國科辦才〔2023〕569號《關于公布獲獎名單的通知》",
            "關于公布獲獎名單的通知",
            ["國科辦才〔2023〕569號", "《", "》"],
        ),
        ("【2023春节放假通知】", "2023春节放假通知", ["【", "】"]),
    ],
    ids=[
        "label",
        "page-number",
        "collection-count",
        "site-after-bar",
        "file-name",
        "piece-marker",
        "shuming",
        "bracketed-label-before",
        "doc-number-before-shuming",
        "square-brackets",
    ],
)
def test_furniture_around_a_title_is_stripped_and_named(raw, title, gone):
    core, removed = strip_furniture(raw)
    assert core == title
    assert [text.strip() for text, _ in removed] == [g.strip() for g in gone]


@pytest.mark.parametrize(
    "text",
    [
        "筑牢安全网—守护群众平安",
        "关于做好2024年度防汛抗旱工作的紧急通知",
        "学习《党章》心得体会",
        "【篇一】",
        "[转载]短",
    ],
    ids=["dash-inside", "official", "shuming-inside", "piece-marker-alone", "label-over-a-short-rest"],
)
def test_a_title_without_furniture_is_left_whole(text):
    assert strip_furniture(text) == (text, [])


def test_headline_takes_news_titles_but_no_sentence():
    assert headline("顺丰小哥汪勇连升3级，国家授予特别奖：时代永远在奖励解决问题的摆渡人")
    assert headline("为什么 ChatGPT 不火了？")
    assert not headline("现将调研情况报告如下：")
    assert not headline("实践充分表明，群众路线是法宝。我们要坚持。")
    assert not headline("关于《印发实施方案")  # a bracket left open: not a whole title


def test_the_pages_h1_wins_over_an_earlier_line():
    head = choose(
        _pieces("播报文章", "37岁丁俊晖身价过亿，住英国富人区", BODY), hint="37岁丁俊晖身价过亿，住英国富人区"
    )
    assert head.title == "37岁丁俊晖身价过亿，住英国富人区"
    assert head.used == 2


def test_an_official_title_beats_the_headline_of_the_page_that_reprints_it():
    head = choose(_pieces("县里部署防汛工作", "XX县人民政府关于做好防汛工作的通知", BODY))
    assert head.title == "XX县人民政府关于做好防汛工作的通知"
    assert [(r.text, r.reason) for r in head.removed] == [("县里部署防汛工作", "listing-title")]


def test_a_fuller_later_title_is_the_articles_own():
    head = choose(_pieces("在全市招商引资工作会上的讲话", "市长在全市招商引资工作会上的讲话", BODY))
    assert head.title == "市长在全市招商引资工作会上的讲话"


@pytest.mark.parametrize(
    "line",
    ["归档时间：2018-11-21", "2014 年", "XX县人民政府文件", "X政发〔2024〕3号"],
    ids=["record", "year", "banner-issuer", "doc-number"],
)
def test_never_a_date_record_or_banner_line_nor_part_of_the_title(line):
    head = choose(_pieces(line, "关于做好安全生产工作的通知", BODY))
    assert head.title == "关于做好安全生产工作的通知"
    assert line not in [r.text for r in head.removed]  # not a title copy: it stays (as a block)


def test_an_organ_line_above_an_official_title_is_part_of_it():
    # GB/T 9704 7.3.1: 发文机关 + 关于 + 事由 + 文种, here set over two lines
    head = choose(_pieces("东阳市人民政府办公室", "关于做好安全生产工作的通知", BODY))
    assert head.title == "东阳市人民政府办公室关于做好安全生产工作的通知"
    assert choose(_pieces("东阳市人民政府办公室", BODY)).title == ""  # never a title alone


def test_internal_spaces_of_a_title_are_kept():
    title = "立足更高定位 彰显更大作为 推动城市管理高质量发展"
    assert choose(_pieces(title, BODY)).title == title


def test_a_title_over_two_lines_is_joined():
    head = choose(_pieces("关于印发《XX县防汛应急", "预案》的通知", BODY))
    assert head.title == "关于印发《XX县防汛应急预案》的通知"
    assert head.used == 2


def test_two_titles_on_two_lines_are_not_joined():
    head = choose(_pieces("七一党课讲稿合集", "没有共产党就没有新中国", "——话说七一党的生日", BODY))
    assert head.title == "没有共产党就没有新中国"
    assert ("七一党课讲稿合集", "collection-title") in [(r.text, r.reason) for r in head.removed]


def test_a_copy_of_the_title_under_it_is_removed():
    head = choose(_pieces("2023年度个人工作总结", "2023年度个人工作总结", BODY))
    assert head.title == "2023年度个人工作总结"
    assert [r.reason for r in head.removed] == ["duplicate-title"]
    assert head.used == 2


def test_a_site_banner_line_is_not_the_title():
    head = choose(_pieces("某某党建网 先锋文汇主题教育心得体会", "主题教育要“层层递进”", BODY))
    assert head.title == "主题教育要“层层递进”"


def test_no_candidate_no_title():
    assert choose(_pieces(BODY)).title == ""


def test_a_sites_name_over_a_title_that_begins_with_it_is_no_part_of_it():
    # td03 of the dev corpus: the portal's name, then the notice's title under its issuer
    head = choose(_pieces("牟定县人民政府", "牟定县人民政府办公室关于印发突发环境事件应急预案的通知", BODY))
    assert head.title == "牟定县人民政府办公室关于印发突发环境事件应急预案的通知"
