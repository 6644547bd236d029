"""normalize: each fixer on doctest-sized examples, what every fixer must leave alone, and two
properties — fixers change form only, and normalize is idempotent."""

from __future__ import annotations

import doctest
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text import normalize as normalize_module
from pipeline.text.normalize import FIXERS, join_wrapped, normalize

# fixer name, input, expected output of that fixer alone
FIXER_CASES = [
    # to_fullwidth_punctuation: , : ; ? ! next to Chinese
    ("to_fullwidth_punctuation", "第一,要坚持; 第二:要落实", "第一，要坚持； 第二：要落实"),
    ("to_fullwidth_punctuation", "是否做到了?要反思!", "是否做到了？要反思！"),
    ("to_fullwidth_punctuation", "问题 : 如何", "问题： 如何"),
    ("to_fullwidth_punctuation", "时间:2023-05-12", "时间：2023-05-12"),
    ("to_fullwidth_punctuation", "比例为3:2,较去年", "比例为3:2，较去年"),
    ("to_fullwidth_punctuation", "增长3.5%,高于全省", "增长3.5%，高于全省"),
    ("to_fullwidth_punctuation", "他说:Yes, we can.", "他说：Yes, we can."),
    ("to_fullwidth_punctuation", "请发邮件至dangban@xx.gov.cn,谢谢", "请发邮件至dangban@xx.gov.cn，谢谢"),
    # to_fullwidth_parentheses: (…) with Chinese inside or next to it
    ("to_fullwidth_parentheses", "厂长(经理)负责制", "厂长（经理）负责制"),
    ("to_fullwidth_parentheses", "(一)加强领导", "（一）加强领导"),
    ("to_fullwidth_parentheses", "(1)做好宣传", "（1）做好宣传"),
    ("to_fullwidth_parentheses", "GDP(国内生产总值)", "GDP（国内生产总值）"),
    ("to_fullwidth_parentheses", "调查(见表1)", "调查（见表1）"),
    ("to_fullwidth_parentheses", "f(x) = 1", "f(x) = 1"),
    ("to_fullwidth_parentheses", "IT (information technology)", "IT (information technology)"),
    # to_curly_quotes: paired “” ‘’ in Chinese text only
    ("to_curly_quotes", '要做到"四真"和"两心"', "要做到“四真”和“两心”"),
    ("to_curly_quotes", "要做到'四真'", "要做到‘四真’"),
    ("to_curly_quotes", '他说:"好"', "他说:“好”"),
    ("to_curly_quotes", 'a "b" c', 'a "b" c'),
    ("to_curly_quotes", "“已经是弯引号”", "“已经是弯引号”"),
    # to_ellipsis: ... 。。。 … → ……
    ("to_ellipsis", "等等...", "等等……"),
    ("to_ellipsis", "等等......", "等等……"),
    ("to_ellipsis", "等等。。。", "等等……"),
    ("to_ellipsis", "等等…", "等等……"),
    ("to_ellipsis", "3.14159", "3.14159"),
    # to_dash: -- or a lone — between Chinese → ——
    ("to_dash", "群众路线--党的生命线", "群众路线——党的生命线"),
    ("to_dash", "甲---乙", "甲——乙"),
    ("to_dash", "主题—为民", "主题——为民"),
    ("to_dash", "—学习讲话精神", "——学习讲话精神"),
    ("to_dash", "工作——学习", "工作——学习"),
    ("to_dash", "2010-2012年", "2010-2012年"),
    ("to_dash", "A--B", "A--B"),
    ("to_dash", "2023—2024年", "2023—2024年"),
]


@pytest.mark.parametrize(
    ("fixer", "text", "expected"),
    [pytest.param(f, t, e, id=f"{f}:{t}") for f, t, e in FIXER_CASES],
)
def test_fixer_examples(fixer, text, expected):
    assert FIXERS[fixer](text) == expected


def test_fixers_are_named_for_what_they_fix():
    assert all(fix.__name__ == name for name, fix in FIXERS.items())


def test_every_fixer_has_examples():
    assert {f for f, _, _ in FIXER_CASES} == set(FIXERS)


LEFT_ALONE = [
    pytest.param("会议于10:30开始", id="time"),
    pytest.param("10:30:45", id="time-seconds"),
    pytest.param("共3:0获胜", id="score"),
    pytest.param("总投资3,000万元", id="thousands-separator"),
    pytest.param("第1.5条", id="decimal"),
    pytest.param("3.14159", id="pi"),
    pytest.param("www.fanwen.com", id="bare-domain"),
    pytest.param(
        "详见 http://www.example.gov.cn/zhengce/2023-05/12/content_123.htm?a=1,2 的说明", id="url-with-comma"
    ),
    pytest.param("联系邮箱 zhang.san@example.com 或电话", id="email"),
    pytest.param("正如Hello, world! 所示", id="latin-phrase"),
    pytest.param("Vol. 32, No. 4", id="latin-citation"),
    pytest.param("路径C:\\Windows", id="windows-path"),
    pytest.param("Mr. Smith说", id="latin-abbreviation"),
    pytest.param("x,y", id="latin-pair"),
    pytest.param("A:B", id="latin-ratio"),
    pytest.param("2010-2012年", id="year-range"),
    pytest.param("“已经规范的引号”、（括号）、《书名》和——破折号", id="already-normal"),
]


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_normalize_leaves_urls_emails_times_decimals_ratios_and_latin_alone(text):
    assert normalize(text) == text


KNOWN_BUGS = [
    pytest.param(
        "等等……",
        "等等……",
        id="proper-ellipsis-grows",
    ),
    pytest.param(
        "难道不是吗?!",
        "难道不是吗？！",
        id="repeated-marks-half-converted",
    ),
    pytest.param(
        "(注:见附件(二))",
        "（注：见附件（二））",
        id="nested-parentheses",
    ),
    pytest.param(
        "详见www.example.gov.cn,各单位要(认真)学习:",
        "详见www.example.gov.cn，各单位要（认真）学习：",
        id="url-swallows-following-chinese",
    ),
    pytest.param(
        "He said wait... and left，然后",
        "He said wait... and left，然后",
        id="latin-phrase-ellipsis",
    ),
    pytest.param(
        "群众路线 -- 党的生命线",
        "群众路线——党的生命线",
        id="spaced-double-hyphen",
    ),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_BUGS)
def test_normalize_known_problem_cases(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("民主 集中制", "民主集中制", id="wrap-between-han"),
        pytest.param("拥护 党和政府", "拥护党和政府", id="seed004-yonghu"),
        pytest.param("桩 桩", "桩桩", id="seed004-zhuang"),
        pytest.param("群众，　 工作", "群众，工作", id="after-fullwidth-comma-ideographic-space"),
        pytest.param("Modern Construction", "Modern Construction", id="latin-words"),
        pytest.param("2012 年", "2012 年", id="number-then-han"),
        pytest.param("全村 120 户", "全村 120 户", id="number-between-han"),
        pytest.param("使用 Word 软件", "使用 Word 软件", id="latin-between-han"),
    ],
)
def test_join_wrapped(text, expected):
    assert join_wrapped(text) == expected


def test_normalize_doctests_pass():
    assert doctest.testmod(normalize_module).failed == 0


# --- properties ------------------------------------------------------------------------------

# Chinese, Latin, digits, every mark a fixer handles, and whole URLs/e-mails/times/decimals.
_TOKENS = [
    *"群众路线工作党",
    *"abXY019",
    *",:;?!()\"'.。…—-《》“”‘’ \u3000",
    "http://a.cn/x",
    "www.b.cn",
    "a@b.cn",
    "10:30",
    "3.5",
    "...",
    "--",
    "——",
    "……",
    "Hello, world",
]
TEXTS = st.lists(st.sampled_from(_TOKENS), max_size=24).map("".join)

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_ELLIPSES = re.compile(r"(?:\.{3,}|。{3,})+")  # after NFKC, … is "..."
_DASHES = re.compile(r"(?:—|-{2,})+")


def _fold(text: str) -> str:
    """The content of ``text`` with form differences the fixers are for folded away: width
    (NFKC), quote style, ellipsis and dash length, and whitespace (the punctuation fixer eats the
    space before a mark it widens; normalize trims the ends)."""
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    s = _DASHES.sub("—", _ELLIPSES.sub("…", s))
    return "".join(s.split())


@settings(derandomize=True, max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_changes_form_only(text):
    assert _fold(normalize(text)) == _fold(text)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(TEXTS)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


# each fixer returns a text at once when it lacks the marks the fixer's pattern needs
# (issue 20: most text has none); the pattern must then indeed find nothing in it
_NEEDS = [
    (normalize_module._PUNCT, lambda t: normalize_module._HALF_MARK.search(t) is None),
    (normalize_module._PARENS, lambda t: "(" not in t),
    (normalize_module._ELLIPSIS, lambda t: "…" not in t and "..." not in t and "。。。" not in t),
    (normalize_module._DASH, lambda t: "—" not in t and "--" not in t),
]


@settings(derandomize=True, max_examples=400, deadline=None)
@given(TEXTS)
def test_a_fixer_skips_only_texts_its_pattern_finds_nothing_in(text):
    for pattern, skipped in _NEEDS:
        if skipped(text):
            assert pattern.search(text) is None, (pattern.pattern, text)
