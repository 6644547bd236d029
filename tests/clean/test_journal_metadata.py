"""journal-metadata: CLC / document-code / article-number / DOI fields go; abstract, keywords,
byline and prose about 编号 stay."""

from __future__ import annotations

import pytest

from pipeline.clean import journal_metadata

FIELDS = [
    pytest.param(
        "中图分类号:D267 文献标识码:A 文章编号:1671-8089(2012)06-0030-02",
        ["中图分类号:D267 文献标识码:A 文章编号:1671-8089(2012)06-0030-02"],
        [],
        id="seed004-clc-line",
    ),
    pytest.param(
        "中图分类号：D26 文献标志码：A", ["中图分类号：D26 文献标志码：A"], [], id="fullwidth-biaozhima"
    ),
    pytest.param(
        "DOI:10.16655/j.cnki.2095-4786.2021.05.030",
        ["DOI:10.16655/j.cnki.2095-4786.2021.05.030"],
        [],
        id="cnki-doi",
    ),
    pytest.param(
        "CLC number: D267 Document code: A Article ID: 1671-8089(2012)06-0030-02",
        ["CLC number: D267 Document code: A Article ID: 1671-8089(2012)06-0030-02"],
        [],
        id="english-fields",
    ),
    pytest.param(
        "关键词：群众工作；新时期 中图分类号:D267 文献标识码:A",
        ["中图分类号:D267 文献标识码:A"],
        ["关键词：群众工作；新时期"],
        id="fields-after-keywords-on-one-line",
    ),
    pytest.param(
        "【中图分类号】D630 【文献标识码】A 【文章编号】1009-0592(2014)11-0158-02",
        ["【中图分类号】D630 【文献标识码】A 【文章编号】1009-0592(2014)11-0158-02"],
        [],
        id="cnki-bracketed-fields",
    ),
]


@pytest.mark.parametrize(("text", "removed", "kept"), FIELDS)
def test_journal_metadata_removes_library_fields(run_rule, text, removed, kept):
    assert run_rule(journal_metadata, text) == (kept, removed)


NEAR_MISSES = [
    pytest.param("摘要：人民群众是我们党存在和发展的基础。", id="abstract"),
    pytest.param("关键词：群众工作；新时期；途径", id="keywords"),
    pytest.param("作者简介：张三（1970-），男，汉族，工程师。", id="author-bio"),
    pytest.param("基金项目：国家社科基金项目（12BDJ001）", id="fund"),
    pytest.param("各单位要按照文件编号顺序归档，不得遗漏。", id="wenjian-bianhao"),
    pytest.param("文章编号为1671-8089，请核对。", id="wenzhang-bianhao-in-prose"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_journal_metadata_keeps_abstract_keywords_and_prose(run_rule, text):
    assert run_rule(journal_metadata, text) == ([text], [])
