"""The cleaning engine (pipeline.clean.clean): cuts, records, stability — with stand-in rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pipeline.clean import Rule, clean
from pipeline.clean.base import Cut
from pipeline.text.lines import Line, split_lines


def _whole(word: str) -> Rule:
    """A stand-in rule: every line equal to ``word`` goes, as ``site-footer``."""

    def find(lines: Sequence[Line]) -> Iterator[Cut]:
        for i, line in enumerate(lines):
            if line.text == word:
                yield Cut(i)

    return Rule("site-footer", find)


def _span(word: str, reason: str = "anti-copy", *, split: bool = False) -> Rule:
    """A stand-in rule: every occurrence of ``word`` inside a line goes."""

    def find(lines: Sequence[Line]) -> Iterator[Cut]:
        for i, line in enumerate(lines):
            start = line.text.find(word)
            if start >= 0:
                yield Cut(i, start, start + len(word), split=split)

    return Rule(reason, find)


def test_a_whole_line_cut_is_recorded_with_its_text_reason_and_line():
    cleaned = clean(split_lines("正文一。\n版权所有\n正文二。"), rules=(_whole("版权所有"),))
    assert [ln.text for ln in cleaned.lines] == ["正文一。", "正文二。"]
    assert [(r.text, r.reason, r.line) for r in cleaned.removed] == [("版权所有", "site-footer", 2)]


def test_a_removed_line_separates_what_stood_around_it():
    cleaned = clean(split_lines("正文一\n版权所有\n正文二"), rules=(_whole("版权所有"),))
    assert [ln.gap_before for ln in cleaned.lines] == [False, True]


def test_an_inline_cut_keeps_the_words_on_either_side_apart():
    cleaned = clean(split_lines("我们要 某某网 坚持学习。"), rules=(_span("某某网"),))
    assert [ln.text for ln in cleaned.lines] == ["我们要 坚持学习。"]
    assert [r.text for r in cleaned.removed] == ["某某网"]


def test_a_split_cut_starts_an_article_after_it():
    cleaned = clean(
        split_lines("第一篇的末句。【篇二】第二篇标题"),
        rules=(_span("【篇二】", "article-marker", split=True),),
    )
    assert [(ln.text, ln.boundary) for ln in cleaned.lines] == [
        ("第一篇的末句。", False),
        ("第二篇标题", True),
    ]


def test_each_rule_sees_only_what_the_rules_before_it_kept():
    seen: list[str] = []

    def spy(lines: Sequence[Line]) -> Iterator[Cut]:
        seen.extend(ln.text for ln in lines)
        return iter(())

    clean(split_lines("正文。\n版权所有"), rules=(_whole("版权所有"), Rule("disclaimer", spy)))
    assert seen == ["正文。"]


def test_removed_is_in_input_order_whatever_the_rule_order():
    text = "甲某某网\n版权所有\n乙"
    cleaned = clean(split_lines(text), rules=(_whole("版权所有"), _span("某某网")))
    assert [r.line for r in cleaned.removed] == [1, 2]


def test_cleaning_twice_removes_nothing_more():
    rules = (_whole("版权所有"), _span("某某网"))
    once = clean(split_lines("甲某某网乙\n版权所有\n丙"), rules=rules)
    twice = clean(once.lines, rules=rules)
    assert twice.removed == ()
    assert [ln.text for ln in twice.lines] == [ln.text for ln in once.lines]


def test_losing_more_than_half_the_text_is_a_notice_not_silence():
    cleaned = clean(split_lines("版权所有\n版权所有\n短。"), rules=(_whole("版权所有"),))
    assert [n.code for n in cleaned.notices] == ["over-cleaned"]
    kept = clean(
        split_lines("版权所有\n这是一段足够长的正文，远远超过被删去的部分。"), rules=(_whole("版权所有"),)
    )
    assert kept.notices == ()


def test_title_copies_are_marked_for_structure_by_line():
    def dup(lines: Sequence[Line]) -> Iterator[Cut]:
        yield Cut(1)

    cleaned = clean(split_lines("标题\n标题\n正文。"), rules=(Rule("duplicate-title", dup), _whole("无")))
    assert cleaned.title_cuts == (2,)
    other = clean(split_lines("标题\n版权所有\n正文。"), rules=(_whole("版权所有"),))
    assert other.title_cuts == ()
