"""truncation-mark: "read on" prompts and 未完待续 marks at a line end go; the words in prose stay."""

from __future__ import annotations

import pytest

from pipeline.clean import truncation_mark

MARKS = [
    pytest.param("加强党的群众工作。 展开全文", ["展开全文"], ["加强党的群众工作。"], id="docstring-expand"),
    pytest.param(
        "要坚持问题导向，扎实推进各项工作。（未完待续）",
        ["（未完待续）"],
        ["要坚持问题导向，扎实推进各项工作。"],
        id="to-be-continued",
    ),
    pytest.param("（全文完）", ["（全文完）"], [], id="the-end"),
    pytest.param("剩余5页未读，继续阅读", ["剩余5页未读，继续阅读"], [], id="pages-left"),
    pytest.param("此处省略1200字", ["此处省略1200字"], [], id="words-omitted"),
    pytest.param("点击阅读全文>>", ["点击阅读全文>>"], [], id="click-read-all"),
    pytest.param("继续阅读", ["继续阅读"], [], id="read-on"),
    pytest.param(
        "还剩5页未读，继续阅读",
        ["还剩5页未读，继续阅读"],
        [],
        id="docin-haisheng-pages",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), MARKS)
def test_truncation_mark_removes_read_on_prompts(run_rule, text, removed, kept):
    assert run_rule(truncation_mark, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("要把文件精神展开全文学习。", id="docstring-leaves-alone"),
    pytest.param("请大家继续阅读下一章节。", id="read-on-in-prose"),
    pytest.param("他说：“继续阅读”", id="quoted"),
    pytest.param("这项工作未完待续，明年继续推进。", id="weiwan-daixu-in-prose"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_truncation_mark_keeps_the_words_in_prose(run_rule, text):
    assert run_rule(truncation_mark, text) == ([text], [])
