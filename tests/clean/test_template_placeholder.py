"""template-placeholder: unfilled template fields go; e-mail addresses, prices and @mentions stay."""

from __future__ import annotations

import pytest

from pipeline.clean import template_placeholder

PLACEHOLDERS = [
    pytest.param("Reply on: @reply_date@", id="seed002-reply-on"),
    pytest.param("@reply_contents@", id="seed002-reply-contents"),
    pytest.param("{$title}", id="php-brace-dollar"),
    pytest.param("{{ article.title }}", id="double-brace"),
    pytest.param("[!--newstext--]", id="empirecms-tag"),
    pytest.param("$content$", id="dollar-pair"),
    pytest.param("发布时间：{$pubdate}", id="placeholder-after-label"),
    pytest.param(
        "{dede:field name='title'/}",
        id="dedecms-tag",
    ),
    pytest.param(
        "${article.content}",
        id="dollar-brace",
    ),
    pytest.param("[标签:标题]", id="dedecms-chinese-label"),
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_template_placeholder_removes_unfilled_fields(run_rule, text):
    assert run_rule(template_placeholder, text) == ([], [text])


def test_template_placeholder_removes_the_seed_reply_form_only(run_rule):
    text = "Tags in this post...\nReply on: @reply_date@\n@reply_contents@"
    assert run_rule(template_placeholder, text) == (
        ["Tags in this post..."],
        ["Reply on: @reply_date@", "@reply_contents@"],
    )


NEAR_MISSES = [
    pytest.param("请将材料发送至 dangban@example.gov.cn，联系人：张三。", id="email-in-prose"),
    pytest.param("联系邮箱：zhang.san@example.com", id="email-line"),
    pytest.param("每套售价$5，团购另有优惠。", id="price"),
    pytest.param("价格区间为$3-$5，较去年有所下降。", id="price-range"),
    pytest.param("微博话题@人民日报@新华社 引发热议。", id="chinese-mentions"),
    pytest.param("Reply on the question, see below.", id="reply-on-without-colon"),
    pytest.param("回复：@张三 说得好", id="reply-mention"),
    pytest.param("集合{1,2,3}中的元素", id="set-braces"),
    pytest.param("[标签]说明", id="bracketed-word-without-a-field"),
    pytest.param("## 一、总体要求", id="markdown-heading"),
    pytest.param("#两会# 代表委员热议政府工作报告", id="hash-tag"),
    pytest.param("### Summary ###", id="markdown-closed-heading"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_template_placeholder_keeps_emails_prices_and_mentions(run_rule, text):
    assert run_rule(template_placeholder, text) == ([text], [])


def test_in_a_long_line_only_the_placeholder_goes(run_rule):
    # tb16 of the dev corpus: a CMS label glued before the article's text
    body = "今天，市安委会在这里召开全市安全生产例会，重点是分析当前安全生产形势。" * 5
    kept, removed = run_rule(template_placeholder, "[标签:标题] " + body)
    assert ([k.strip() for k in kept], removed) == ([body], ["[标签:标题]"])


def test_a_paid_marker_goes_alone_even_in_a_short_line(run_rule):
    # te01 of the dev corpus: a 文库 preview's marker glued before a sentence of the speech
    kept, removed = run_rule(template_placeholder, "##paidbegin##选择了同济，就是选择了梦想与执着。")
    assert ([k.strip() for k in kept], removed) == (["选择了同济，就是选择了梦想与执着。"], ["##paidbegin##"])


def test_a_line_of_a_paid_marker_alone_goes(run_rule):
    assert run_rule(template_placeholder, "##paidend##") == ([], ["##paidend##"])
