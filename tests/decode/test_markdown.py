"""The Markdown reader: headings, bold leads, lists, tables, images, front matter."""

from __future__ import annotations

import pytest
from support import FIXTURES, SEEDS

from pipeline.core import convert
from pipeline.decode import decode
from pipeline.decode.markdown import MAX_LINE, looks_like_markdown, read
from pipeline.errors import InputError


def hints(text):
    r = read(text)
    return r.lines, [(h.line, h.kind, h.level, h.head) for h in r.hints]


def test_a_lone_top_heading_is_the_title_and_the_rest_are_rebased():
    lines, got = hints("# 通知\n\n## 总体要求\n\n### 工作目标\n\n正文。\n")
    assert lines == ["通知", "总体要求", "工作目标", "正文。"]
    assert got == [(1, "title", 0, ""), (2, "heading", 1, ""), (3, "heading", 2, "")]


def test_a_draft_that_starts_at_h2_is_rebased_and_skipped_depths_close_up():
    _, got = hints("## 通知\n\n### 甲\n\n##### 乙\n")
    assert got == [(1, "title", 0, ""), (2, "heading", 1, ""), (3, "heading", 2, "")]


def test_two_top_headings_are_no_title():
    _, got = hints("# 一、甲\n\n正文。\n\n# 二、乙\n")
    assert [g[1] for g in got] == ["heading", "heading"]


def test_a_bold_lead_is_a_run_in_heading_even_against_chinese_punctuation():
    # CommonMark sees no emphasis in "**…。**各" (flanking rules); chat assistants write it
    lines, got = hints("**（一）压实责任。**各单位要落实。\n")
    assert lines == ["（一）压实责任。各单位要落实。"]
    assert got == [(1, "run-in", 0, "（一）压实责任。")]


def test_a_bold_enumeration_stays_a_paragraph():
    _, got = hints("**一是压实责任，**各单位要落实。\n")
    assert got == []


def test_a_bold_first_line_is_the_title_of_a_draft_without_headings():
    _, got = hints("**关于开展检查的通知**\n\n正文。\n\n**一、检查内容**\n")
    assert got == [(1, "title", 0, ""), (3, "heading", 0, "")]


@pytest.mark.parametrize(
    ("source", "lines"),
    [
        ("- 甲\n- 乙\n", ["1.甲", "2.乙"]),
        ("3. 甲\n4. 乙\n", ["3.甲", "4.乙"]),
        ("- 甲\n  - 子\n    - 孙\n", ["1.甲", "（1）子", "①孙"]),
        ("- 一是加强领导\n- （二）乙\n", ["一是加强领导", "（二）乙"]),
    ],
    ids=["bullets", "ordered-start", "nested", "own-marker"],
)
def test_lists_become_paragraphs_with_the_markers_of_gongwen_practice(source, lines):
    r = read(source)
    assert r.lines == lines
    assert all(h.kind == "item" for h in r.hints)


def test_a_pipe_table_becomes_table_rows_with_its_header():
    r = read("| 序号 | 任务 |\n|---|---|\n| 1 | **排查** |\n")
    assert r.lines == ["序号\t任务", "1\t排查"]
    assert [(h.kind, h.row, h.header_rows, h.group) for h in r.hints] == [
        ("table", 0, 1, 1),
        ("table", 1, 1, 1),
    ]


def test_images_keep_their_description_links_their_text_and_markup_never_reaches_the_page():
    body = "为切实提升城市防洪排涝能力，保障人民群众生命财产安全，现就有关事项通知如下。"
    source = (
        f"# 关于加强城市内涝治理工作的通知\n\n{body}\n\n![城市内涝治理工作流程图](a.png)\n\n"
        "各地要按照[《城镇内涝防治技术规范》](http://x.cn)的要求，全面排查易涝积水点。\n\n"
        "> 各区、县（市）要在5月15日前完成排查，建立风险点位清单。\n\n---\n"
    )
    doc = convert(source.encode(), "a.md")
    texts = [b.text for b in doc.documents[0].blocks]
    assert texts == [
        body,
        "城市内涝治理工作流程图",
        "各地要按照《城镇内涝防治技术规范》的要求，全面排查易涝积水点。",
        "各区、县（市）要在5月15日前完成排查，建立风险点位清单。",
    ]
    assert any(n.code == "image" for n in doc.notices)
    assert not any(c in t for t in texts for c in "#*>[]")


def test_stray_stars_are_dropped_with_a_notice():
    r = read("这是**未闭合的强调。\n")
    assert r.lines == ["这是未闭合的强调。"]
    assert [n.code for n in r.notices] == ["markup"]


def test_soft_breaks_join_chinese_without_a_space_and_words_with_one():
    assert read("第一行\n第二行 and\nwords\n").lines == ["第一行第二行 and words"]


def test_front_matter_becomes_metadata_and_other_keys_are_recorded():
    r = read(
        "---\nissuer: XX县人民政府\n文号: X政发〔2024〕3号\ndate: 2024-03-05\nauthor: AI\n---\n# 通知\n\n正文。\n"
    )
    assert r.meta is not None
    assert (r.meta.head.issuer, r.meta.head.doc_number, r.meta.date) == (
        "XX县人民政府",
        "X政发〔2024〕3号",
        "2024年3月5日",
    )
    assert [(x.text, x.reason) for x in r.removed] == [("author: AI", "front-matter")]


def test_front_matter_that_is_not_yaml_is_left_out_with_a_notice():
    r = read("---\nissuer: [unclosed\n---\n正文。\n")
    assert r.meta is None
    assert [n.code for n in r.notices] == ["front-matter"]
    assert r.removed[0].reason == "front-matter"


def test_a_draft_with_front_matter_gets_its_head_and_date():
    doc = convert("---\nissuer: XX县人民政府\ndate: 2024年3月5日\n---\n# 通知\n\n正文。\n".encode(), "a.md")
    (a,) = doc.documents
    assert a.head is not None
    assert a.head.issuer == "XX县人民政府"
    assert [b.kind for b in a.blocks] == ["paragraph", "date"]


def test_a_line_of_ten_megabytes_is_a_one_line_error():
    with pytest.raises(InputError, match=r"^line 1 of the Markdown is 10,485,760 characters long") as e:
        decode(b"x" * (10 * 1024 * 1024), filename="big.md")
    assert "\n" not in str(e.value)
    assert MAX_LINE < 10 * 1024 * 1024


def test_text_that_reads_as_markdown_is_read_as_markdown_whatever_its_name():
    d = decode("# 通知\n\n## 一、要求\n\n**（一）甲。**乙。\n".encode(), filename="draft.txt")
    assert [h.kind for h in d.hints.hints] == ["title", "heading", "run-in"]
    assert any(n.code == "markdown" for n in d.notices)


@pytest.mark.parametrize(
    "path",
    sorted([*SEEDS.glob("*.txt"), *FIXTURES.glob("genre/*.txt"), *FIXTURES.glob("heldout/*.txt")]),
    ids=lambda p: p.name,
)
def test_no_text_copied_off_the_web_reads_as_markdown(path):
    assert not looks_like_markdown(path.read_text("utf-8", errors="replace"))
