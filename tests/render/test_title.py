"""split_title: long titles broken into 梯形/菱形 lines (gbt9704.md §4.7-4.10)."""

from __future__ import annotations

import doctest
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.render import style, title
from pipeline.render.title import split_title, text_width

# Titles of every kind the seeds and real 公文 produce, with the lines we expect.
EXPECTED = [
    pytest.param("提高做好新形势下群众工作的能力", ("提高做好新形势下群众工作的能力",), id="fits-one-line"),
    pytest.param(
        "关于增强群众组织力，走好新时代党的群众路线调研报告",
        ("关于增强群众组织力，", "走好新时代党的群众路线调研报告"),
        id="after-comma",
    ),
    pytest.param(
        "关于印发《国家行政机关公文处理办法》的通知",
        ("关于印发《国家行政机关公文处理办法》", "的通知"),
        id="before-de-genre",
    ),
    pytest.param(
        "国务院办公厅关于印发《国家突发公共事件总体应急预案》的通知",
        ("国务院办公厅关于印发", "《国家突发公共事件总体应急预案》的通知"),
        id="book-title-kept-whole",
    ),
    pytest.param(
        "关于开展“不忘初心、牢记使命”主题教育工作情况的调研报告",
        ("关于开展“不忘初心、牢记使命”", "主题教育工作情况的调研报告"),
        id="quote-kept-whole",
    ),
    pytest.param(
        "中共中央办公厅国务院办公厅关于进一步加强和改进新形势下群众工作的意见",
        ("中共中央办公厅国务院办公厅", "关于进一步加强和改进新形势下群众工作", "的意见"),
        id="organ-guanyu-rhombus",
    ),
    pytest.param(
        "关于做好2026年第十五届全国运动会安全保卫工作的通知",
        ("关于做好2026年第十五届", "全国运动会安全保卫工作的通知"),
        id="ordinal-and-year",
    ),
    pytest.param(
        "关于表彰2025年度全市优秀共产党员、优秀党务工作者和先进基层党组织的决定",
        ("关于表彰2025年度全市优秀共产党员、", "优秀党务工作者和先进基层党组织的决定"),
        id="after-dunhao",
    ),
]


@pytest.mark.parametrize(("text", "lines"), EXPECTED)
def test_split_title_breaks_at_phrase_boundaries(text, lines):
    assert split_title(text) == lines


# Titles for the invariants below: the expected ones plus harder cases.
SAMPLES = [p.values[0] for p in EXPECTED] + [
    "当前我市群众工作的现实状况、主要特点和面临的新变化、新情况、新问题",
    "加强和改进新形势下党的群众工作切实提高做好群众工作的能力的调研报告",
    "关于《中华人民共和国国家通用语言文字法实施细则修订草案征求意见稿》的说明",
    "关于召开第十四届全国人民代表大会第四次会议有关事项和2026年工作安排的通知",
    "学习贯彻党的二十届四中全会精神（2025年10月）专题研讨交流发言材料汇编",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "新形势下如何做好群众工作心得体会" * 4,
]
_SPANS = re.compile(r"《[^》]*》|“[^”]*”|（[^）]*）|第[一二三四五六七八九十百\d]+[届次]|\d+年")


@pytest.mark.parametrize("text", SAMPLES)
def test_lines_join_back_to_the_title(text):
    assert "".join(split_title(text)) == text


@pytest.mark.parametrize("text", SAMPLES)
def test_no_line_starts_with_closing_or_ends_with_opening_mark(text):
    for line in split_title(text):
        assert line[0] not in style.NOT_AT_LINE_START, line
        assert line[-1] not in style.NOT_AT_LINE_END, line


@pytest.mark.parametrize("text", SAMPLES)
def test_spans_that_fit_a_line_are_never_split(text):
    lines = split_title(text)
    for m in _SPANS.finditer(text):
        if text_width(m.group()) <= style.TITLE_MAX_CHARS:
            assert any(m.group() in line for line in lines), (m.group(), lines)


@pytest.mark.parametrize("text", SAMPLES)
def test_lines_fit_unless_a_span_is_wider_than_a_line(text):
    for line in split_title(text):
        assert text_width(line) <= style.TITLE_MAX_CHARS, line


@pytest.mark.parametrize("text", [t for t in SAMPLES if len(split_title(t)) > 1 and len(set(t)) > 20])
def test_multi_line_titles_are_trapezoid_or_rhombus(text):
    widths = [text_width(line) for line in split_title(text)]
    # never 长方形: neighbouring lines differ
    assert all(a != b for a, b in itertools.pairwise(widths)), widths
    # never 沙漏形: no middle line shorter than both neighbours
    assert not any(b < a and b < c for a, b, c in zip(widths, widths[1:], widths[2:], strict=False)), widths


def test_long_book_title_breaks_inside_only_because_it_cannot_fit():
    text = "关于《中华人民共和国国家通用语言文字法实施细则修订草案征求意见稿》的说明"
    lines = split_title(text)
    assert len(lines) == 2
    assert lines[0].startswith("关于《")  # not a lone "关于" line
    assert lines[1].endswith("》的说明")


def test_words_around_conjunctions_stay_whole():
    # 和谐 / 参与 / 及时 are words: no break right after their 和/与/及
    text = "关于进一步推进和谐社会建设参与基层治理及时化解矛盾纠纷的实施意见"
    for line in split_title(text)[:-1]:
        assert not line.endswith(("和", "参与", "及")), split_title(text)


def test_narrow_limit_and_empty_title():
    assert split_title("") == ()
    assert split_title("关于甲乙的通知", max_chars=4) == ("关于甲乙", "的通知")
    with pytest.raises(ValueError, match="max_chars"):
        split_title("题", max_chars=0)


def test_half_width_digits_count_as_narrow():
    # 27 code points, but 12 digits × 0.64 + 11 hanzi = 18.68 字: one line
    text = "关于202520262027年度工作方案的通知"
    assert len(text) > style.TITLE_MAX_CHARS
    assert split_title(text) == (text,)


_ALPHABET = "关于的和与及、，《》“”（）第十届2026年通知报告工作群众形势能力研究建设发展意见"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=70))
def test_any_title_keeps_its_text_and_obeys_kinsoku(text):
    lines = split_title(text)
    assert "".join(lines) == text.strip()
    for i, line in enumerate(lines):
        if i > 0:
            assert line[0] not in style.NOT_AT_LINE_START
        if i < len(lines) - 1:
            assert line[-1] not in style.NOT_AT_LINE_END
    assert split_title(text) == lines  # deterministic


def test_doctests():
    result = doctest.testmod(title)
    assert result.attempted > 0
    assert result.failed == 0
