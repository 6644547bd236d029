"""repeated-header: a short line printed at every page break goes; repeats that mean something stay."""

from __future__ import annotations

import pytest

from pipeline.clean import repeated_header

BODY = "这是一段正文，用来把页眉隔开。"


def test_repeated_header_removes_every_copy(run_rule):
    text = "\n".join(["精品文档", BODY, "精品文档", BODY, "精品文档", BODY])
    kept, removed = run_rule(repeated_header, text)
    assert removed == ["精品文档"] * 3
    assert kept == [BODY] * 3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\n".join(["标题", "标题", "标题", BODY]), id="title-repeated-on-consecutive-lines"),
        pytest.param(
            "\n".join(["一、基本情况", BODY, "一、基本情况", BODY, "一、基本情况", BODY]), id="headings"
        ),
        pytest.param("\n".join(["同志们：", BODY, "同志们：", BODY]), id="twice-only"),
        pytest.param("\n".join(["好。", BODY, "好。", BODY, "好。", BODY]), id="sentences"),
        pytest.param(
            "\n".join(["这是一行超过二十个字的较长的重复出现的文字内容啊", BODY] * 3), id="long-lines"
        ),
        pytest.param(
            "\n".join(["提高做好新形势下群众工作的能力", BODY] * 3), id="title-of-a-text-held-three-times"
        ),
    ],
)
def test_repeated_header_keeps_meaningful_repeats(run_rule, text):
    kept, removed = run_rule(repeated_header, text)
    assert removed == []
    assert len(kept) == len(text.splitlines())
