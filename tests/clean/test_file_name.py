"""file-name: lines that are a document's file name go; sentences about files stay."""

from __future__ import annotations

import pytest

from pipeline.clean import file_name

FILE_LINES = [
    pytest.param("2023年度抓基层党建工作述职报告.doc", id="doc"),
    pytest.param("XX区2024年营商环境优化提升行动实施方案.docx", id="docx"),
    pytest.param("2023年村党组织书记述职报告.docx　4页", id="with-page-count"),
    pytest.param("XX市城市内涝风险点位清单（模板）.xlsx", id="xlsx-attachment-link"),
    pytest.param("学习心得.PDF", id="upper-case-extension"),
]


@pytest.mark.parametrize("text", FILE_LINES)
def test_file_name_removes_file_name_lines(run_rule, text):
    assert run_rule(file_name, text) == ([], [text])


NEAR_MISSES = [
    pytest.param("请将材料以.docx格式报送至县委办。", id="sentence-about-format"),
    pytest.param("附件：工作方案.doc 和 任务清单.xlsx 两份材料请一并报送。", id="sentence-with-files"),
    pytest.param("关于印发《实施方案》的通知", id="title-no-extension"),
    pytest.param("下载地址见文末", id="no-extension"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_file_name_keeps_sentences_about_files(run_rule, text):
    assert run_rule(file_name, text) == ([text], [])


def test_the_items_of_an_attachment_list_are_the_documents(run_rule):
    text = "附件：1.国际会议申报须知.doc\n2.2010年度国际会议计划表.doc\n2023年度述职报告.doc"
    kept, removed = run_rule(file_name, text)
    assert kept == ["附件：1.国际会议申报须知.doc", "2.2010年度国际会议计划表.doc"]
    assert removed == ["2023年度述职报告.doc"]
