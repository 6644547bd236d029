"""page-meta: date/source/author/counter lines and share-comment furniture go; prose with a
label stays."""

from __future__ import annotations

import pytest

from pipeline.clean import page_meta

META_LINES = [
    pytest.param("发布时间：2023-05-12 来源：县委办 浏览：1024次", id="docstring-example"),
    pytest.param("来源：新华社", id="source-only"),
    pytest.param("作者：张三", id="author-only"),
    pytest.param("时间：2015-06-18 09:30:12 来源：某某范文网 作者：佚名", id="fanwen-meta-row"),
    pytest.param("发布日期：2021年3月5日", id="fabu-riqi"),
    pytest.param("责任编辑：李四", id="zeren-bianji"),
    pytest.param("（责任编辑：张三）", id="news-parenthesised-editor"),
    pytest.param("浏览次数：1563", id="view-count"),
    pytest.param("访问量:", id="th02-visits-label-without-its-counter"),
    pytest.param("字数：3250 页数：5", id="docin-words-pages"),
    pytest.param("大小：25KB", id="file-size"),
    pytest.param("格式：DOC", id="file-format"),
    pytest.param("来源：人民网－人民日报 2023年06月01日", id="renminwang-source-date"),
    pytest.param("信息来源：XX市人民政府办公室 发布时间：2022-11-03", id="gov-info-source"),
    pytest.param("编辑：王五 审核：赵六", id="editor-reviewer"),
    pytest.param("来源：人民日报（ID：rmrbwx）", id="wechat-source-id"),
    pytest.param("2023-06-01 来源：人民网 阅读：1234", id="date-source-reads"),
    pytest.param("阅读：1,234", id="reads-with-comma"),
    pytest.param("分享到：", id="share-to"),
    pytest.param("举报", id="report"),
    pytest.param("我要投稿", id="contribute"),
    pytest.param("字号：大 中 小", id="font-size-colon"),
    pytest.param("字号 大 中 小", id="font-size-bare"),
    pytest.param("发表评论", id="post-comment"),
    pytest.param("已有3条评论", id="comment-count"),
    pytest.param("本帖最后由 admin 于 2015-6-18 09:30 编辑", id="discuz-edited-by"),
    pytest.param("只看该作者", id="discuz-only-author"),
    pytest.param("发表于 2015-6-18 09:30:12", id="discuz-posted-at"),
    pytest.param("扫码关注", id="scan-to-follow"),
    pytest.param("2023-05-12 10:30 来源：中国政府网", id="govcn-date-then-source"),
    pytest.param("【字体：大 中 小】", id="gov-font-size-bracketed"),
    pytest.param("扫一扫在手机打开当前页", id="govcn-scan-to-open"),
    pytest.param(
        "原创 张三 学习强国 2023-05-12 10:30 发表于北京",
        id="wechat-byline",
    ),
]


@pytest.mark.parametrize("text", META_LINES)
def test_page_meta_removes_metadata_lines(run_rule, text):
    assert run_rule(page_meta, text) == ([], [text])


def test_page_meta_keeps_title_and_body_around_the_meta_row(run_rule):
    text = "关于做好2023年防汛工作的通知\n发布时间：2023-05-12 来源：县应急局\n各乡镇人民政府："
    assert run_rule(page_meta, text) == (
        ["关于做好2023年防汛工作的通知", "各乡镇人民政府："],
        ["发布时间：2023-05-12 来源：县应急局"],
    )


NEAR_MISSES = [
    pytest.param(
        "资金来源：财政拨款，用于补助困难群众生活，确保专款专用，按季度发放到户。", id="zijin-laiyuan"
    ),
    pytest.param("来源于群众，服务于群众，这是我们的宗旨。", id="laiyuan-yu"),
    pytest.param("编辑部的同志们辛勤工作，保障了刊物按期出版。", id="bianjibu"),
    pytest.param("举报人的合法权益应当受到保护。", id="jubaoren"),
    pytest.param("分享经验，交流做法，共同提高。", id="fenxiang-jingyan"),
    pytest.param("会议时间：2023年5月12日上午", id="meeting-minutes-time"),
    pytest.param("楼主要负责的是基础设施建设", id="louzhu-prefix-in-prose"),
    pytest.param("一、作者简介：张三，男，1970年生。", id="numbered-label"),
    pytest.param(
        "时间：2013年6月至9月，调研组深入全县12个乡镇开展走访。",
        id="survey-time-sentence",
    ),
    pytest.param(
        "格式：要求统一使用A4纸打印，正文用仿宋三号字。",
        id="notice-format-requirement",
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_page_meta_keeps_prose_that_mentions_a_label(run_rule, text):
    assert run_rule(page_meta, text) == ([text], [])


def test_an_older_documents_keywords_above_its_imprint_stay(run_rule):
    text = "二OO八年三月五日\n主题词：科协工作 会议 通知\n鹰潭市科协办公室 2008年3月5日印发"
    kept, removed = run_rule(page_meta, text)
    assert "主题词：科协工作 会议 通知" in kept
    assert removed == []


def test_keywords_in_a_portals_catalogue_still_go(run_rule):
    text = "索引号：001/2011-204477 主题分类：综合\n主题词：行政处罚 文书\n关于推行说理性行政处罚文书的意见"
    _kept, removed = run_rule(page_meta, text)
    assert "主题词：行政处罚 文书" in removed


@pytest.mark.parametrize(
    "text",
    [
        "索引号 001008003004034/2011-204477 主题分类 综合类",
        "文号 瑞政办〔2011〕129号 发布机构 市市级机关事务管理局信息公开",
        "成文日期 2011-09-01 有效性",
        "字体:[ ]",
        "字号：大 中 小",
        "公开信 时间:2021-08-31 手机版",  # te06: a section, a labelled date, a nav word
    ],
)
def test_a_catalogue_copied_without_its_colons_and_font_buttons_go(run_rule, text):
    assert run_rule(page_meta, text) == ([], [text])


@pytest.mark.parametrize(
    "text",
    [
        "文号和成文日期要写全，有效性由起草部门把关。",  # a sentence about the fields
        "成文日期",  # one label alone
        "字体要端正，字号要统一。",
        "会议时间 2024年3月5日 手机请调至静音",  # a notice's line: no label colon, no nav word
    ],
)
def test_catalogue_words_in_prose_stay(run_rule, text):
    assert run_rule(page_meta, text) == ([text], [])


def test_a_word_count_glued_to_a_title_goes_when_the_title_stands_alone_too(run_rule):
    # tg03 of the dev corpus: "第一篇 镇政府镇长个人述职报告2150字" under the bare title
    text = "镇政府镇长个人述职报告\n第一篇 镇政府镇长个人述职报告2150字"
    kept, removed = run_rule(page_meta, text)
    assert removed == ["2150字"]
    assert kept == ["镇政府镇长个人述职报告", "第一篇 镇政府镇长个人述职报告"]


def test_a_titles_own_word_count_stays(run_rule):
    # "军训心得体会800字" is the title a 范文 site gives its text: nothing else names it
    assert run_rule(page_meta, "军训心得体会800字\n今天是军训的第一天，我们早早来到操场。") == (
        ["军训心得体会800字", "今天是军训的第一天，我们早早来到操场。"],
        [],
    )
