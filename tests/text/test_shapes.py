"""shapes: the character classes and line shapes the rules and structure share."""

from __future__ import annotations

import doctest
import re

import pytest

from pipeline.text import shapes
from pipeline.text.shapes import GENRE_SUFFIX, HAN, ends_sentence, has_han, title_like


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("做好群众工作。", True, id="ju-hao"),
        pytest.param("做好群众工作。”", True, id="closing-quote-looked-through"),
        pytest.param("“好。”）", True, id="two-closers"),
        pytest.param("好吗？", True, id="question"),
        pytest.param("注意!", True, id="halfwidth-exclamation"),
        pytest.param("现将有关情况报告如下：", True, id="colon-ends-lead-in"),
        pytest.param("如下:", True, id="halfwidth-colon"),
        pytest.param("结束；", True, id="semicolon"),
        pytest.param("等等……", True, id="ellipsis"),
        pytest.param("党的群众工作内容是具体的,包括", False, id="comma-mid-sentence"),
        pytest.param("一、基本情况", False, id="heading"),
        pytest.param("完成】", False, id="bracket-closer-only"),
        pytest.param("", False, id="empty"),
        pytest.param("   ", False, id="blank"),
        pytest.param(
            "各单位要认真贯彻落实.",
            True,
            id="halfwidth-full-stop-after-chinese",
        ),
    ],
)
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "max_len", "expected"),
    [
        pytest.param(
            "关于增强群众组织力,走好新时代党的群众路线调研报告", 40, True, id="seed000-title-with-comma"
        ),
        pytest.param("xx新形势下如何做好群众工作心得体会", 40, True, id="templated-title"),
        pytest.param("一、基本情况", 40, True, id="numbered-heading"),
        pytest.param("2023年工作总结", 40, True, id="year-title"),
        pytest.param("工作总结（2023）", 40, True, id="closing-paren"),
        pytest.param("■充分认识", 40, True, id="bullet"),
        pytest.param("  基本情况  ", 40, True, id="surrounding-spaces"),
        pytest.param("群众" * 20, 40, True, id="exactly-max-len"),
        pytest.param("群众" * 21, 40, False, id="over-max-len"),
        pytest.param("群众" * 21, 50, True, id="larger-max-len"),
        pytest.param("现将调研情况报告如下:", 40, False, id="ends-with-colon"),
        pytest.param("实践充分表明,群众路线是法宝。", 40, False, id="sentence"),
        pytest.param("党建工作，", 40, False, id="ends-with-comma"),
        pytest.param("你好？", 40, False, id="question"),
        pytest.param("甲；乙", 40, False, id="semicolon-inside"),
        pytest.param("Modern Construction", 40, False, id="no-chinese"),
        pytest.param("http://a.cn 调研报告", 40, False, id="url"),
        pytest.param("", 40, False, id="empty"),
    ],
)
def test_title_like(text, max_len, expected):
    assert title_like(text, max_len) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("群众路线教育实践活动调研报告", True, id="diaoyan-baogao"),
        pytest.param("新形势下如何做好群众工作心得体会", True, id="xinde-tihui"),
        pytest.param("在全县经济工作会议上的讲话稿", True, id="jianghua-gao"),
        pytest.param("关于开展作风建设年活动的实施方案", True, id="fangan"),
        pytest.param("关于开展活动的通知", True, id="tongzhi"),
        pytest.param("2023年度党员个人对照检查材料】", True, id="closing-bracket"),
        pytest.param("如何做好新形势下的基层党建工作(讲课稿)", True, id="genre-word-in-closing-paren"),
        pytest.param("基本情况", False, id="jiben-qingkuang"),
        pytest.param("召开报告会", False, id="baogaohui"),
        pytest.param("学习讲话精神", False, id="jianghua-jingshen"),
        pytest.param("培养研究生", False, id="yanjiusheng"),
    ],
)
def test_genre_suffix_matches_title_endings_only(text, expected):
    assert bool(GENRE_SUFFIX.search(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a中", True, id="mixed"),
        pytest.param("㐀", True, id="extension-a"),
        pytest.param("﨑", True, id="compatibility-ideograph"),
        pytest.param("abc", False, id="latin"),
        pytest.param("１２３，。", False, id="fullwidth-digits-and-marks"),
        pytest.param("", False, id="empty"),
    ],
)
def test_has_han(text, expected):
    assert has_han(text) is expected


def test_han_class_holds_ideographs_and_no_punctuation():
    han = re.compile(f"[{HAN}]")
    assert all(han.match(c) for c in "中国一两㐀")
    assert not any(han.match(c) for c in "，。、；：？！“”（）《》…—")


def test_shapes_doctests_pass():
    assert doctest.testmod(shapes).failed == 0
