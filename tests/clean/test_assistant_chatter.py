"""assistant-chatter: a chat reply's opening and closing go; the same words in a document stay."""

from __future__ import annotations

import pytest

from pipeline.clean import assistant_chatter

BODY = "为深入了解基层党建工作情况，调研组近期深入各村开展了专题调研。"


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        pytest.param(
            f"好的，以下是一篇关于基层党建的调研报告：\n关于基层党建的调研报告\n{BODY}",
            ["好的，以下是一篇关于基层党建的调研报告："],
            id="opener",
        ),
        pytest.param(
            f"当然可以！下面为您撰写一份讲话稿。\n{BODY}",
            ["当然可以！下面为您撰写一份讲话稿。"],
            id="opener-for-you",
        ),
        pytest.param(
            f"{BODY}\n希望以上内容对您有所帮助！\n如需调整篇幅或风格，请随时告诉我。",
            ["希望以上内容对您有所帮助！", "如需调整篇幅或风格，请随时告诉我。"],
            id="closers",
        ),
    ],
)
def test_a_replys_opening_and_closing_go(run_rule, text, removed):
    assert run_rule(assistant_chatter, text)[1] == removed


@pytest.mark.parametrize(
    "text",
    [
        f"以下是我镇的主要做法：\n{BODY}",
        f"下面，我讲三点意见。\n{BODY}",
        f"{BODY}\n希望全镇干部群众共同努力。",
        f"标题\n好的，以下是会议决定的事项：\n{BODY}",
    ],
    ids=["here-is-our-practice", "speech-opener", "closing-wish", "not-first"],
)
def test_the_same_words_in_a_document_stay(run_rule, text):
    assert run_rule(assistant_chatter, text)[1] == []
