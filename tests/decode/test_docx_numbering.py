"""Word's automatic numbering resolved to the markers a reader sees."""

from __future__ import annotations

import pytest

from pipeline.decode.docx_numbering import FORMATS, Level, Numbering, _Num, chinese_counting


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"), (101, "一百零一")],
)
def test_chinese_counting(n, text):
    assert chinese_counting(n) == text


@pytest.mark.parametrize(
    ("fmt", "n", "text"),
    [
        ("decimal", 12, "12"),
        ("decimalZero", 3, "03"),
        ("upperRoman", 14, "XIV"),
        ("lowerLetter", 28, "bb"),
        ("taiwaneseCountingThousand", 3, "三"),
        ("ideographTraditional", 2, "乙"),
        ("decimalEnclosedCircle", 3, "③"),
        ("chineseLegalSimplified", 12, "拾贰"),
        ("none", 4, ""),
    ],
)
def test_formats(fmt, n, text):
    assert FORMATS[fmt](n) == text


def _numbering(*levels, own=False, nums=("1",)):
    n = Numbering(abstracts={"0": dict(enumerate(levels))})
    for num in nums:
        n.nums[num] = _Num("0", n.abstracts["0"], own)
    return n


def test_a_level_counts_and_restarts_under_the_level_above():
    n = _numbering(
        Level(1, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）"), Level(1, "decimal", "%3.")
    )
    got = [n.marker("1", k)[0] for k in (0, 1, 2, 2, 1, 2, 0, 1)]
    assert got == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"]


def test_a_level_that_never_restarts_keeps_counting():
    n = _numbering(Level(1, "decimal", "%1."), Level(1, "decimal", "（%2）", restart=0))
    assert [n.marker("1", k)[0] for k in (1, 0, 1)] == ["（1）", "1.", "（2）"]


def test_two_nums_on_one_list_continue_it_unless_one_starts_over():
    n = _numbering(Level(1, "decimal", "%1."), nums=("1", "2"))
    assert [n.marker(num, 0)[0] for num in ("1", "1", "2")] == ["1.", "2.", "3."]
    n.nums["3"] = _Num("0", {0: Level(1, "decimal", "%1.")}, True)
    assert n.marker("3", 0)[0] == "1."


def test_legal_numbering_prints_every_level_in_digits():
    n = _numbering(Level(1, "chineseCounting", "%1、"), Level(1, "decimal", "%1.%2", legal=True))
    assert [n.marker("1", k)[0] for k in (0, 1)] == ["一、", "1.1"]


def test_bullets_print_their_glyph_and_unknown_formats_are_noted():
    n = _numbering(Level(1, "bullet", "●"), Level(1, "hebrew1", "%2."))
    assert n.marker("1", 0)[0] == "●"
    assert n.marker("1", 1)[0] == "1."
    assert n.unknown == {"hebrew1"}


def test_an_unknown_list_prints_nothing():
    assert Numbering().marker("9", 0) == ("", "nothing")
