"""Roles from the text: the order of a 公文, headings from the numbering table."""

from __future__ import annotations

import pytest

from pipeline.check.roles import Hint, Levels, classify, heading_role


def kinds(*hints: Hint) -> list[str]:
    return [r.kind for r in classify(list(hints))]


def test_a_notice_in_order():
    got = kinds(
        Hint("XX县人民政府文件", "center"),
        Hint("X政发〔2024〕3号", "center"),
        Hint("XX县人民政府关于做好防汛工作的通知", "center", 22),
        Hint("各乡镇人民政府，县政府各部门："),
        Hint("现将有关事项通知如下。", size=16),
        Hint("附件：防汛工作责任分工表"),
        Hint("XX县人民政府", "right"),
        Hint("2024年3月5日", "right"),
        Hint("（此件公开发布）"),
        Hint("抄送：县委办公室。"),
        Hint("XX县人民政府办公室"),
        Hint("2024年3月6日印发"),
    )
    assert got == [
        "head", "head", "title", "recipients", "body", "attachment",
        "signature", "date", "note", "imprint", "imprint", "imprint",
    ]  # fmt: skip


def test_a_speech_has_subtitle_lines_and_a_salutation():
    got = kinds(
        Hint("在全县工作会议上的讲话", "center", 22), Hint("（2024年3月5日）", "center"), Hint("同志们：")
    )
    assert got == ["title", "subtitle", "salutation"]


def test_a_numbered_line_under_the_title_is_a_heading_though_it_reads_centred():
    # tg04 of the dev corpus: a full line of "一、…" under the title, centred to the reader
    got = kinds(
        Hint("小学教师职称的述职报告", "center", 22),
        Hint("一、提高政治思想意识，加强师德修养，树立良好形象", "center", 16),
        Hint("本人热爱教育事业，认真学习。", size=16),
    )
    assert got[:2] == ["title", "heading"]


def test_a_recipients_line_a_stray_line_below_the_title_is_still_the_recipients():
    got = kinds(
        Hint("关于印发某某实施方案的通知", "center", 22),
        Hint("《某某实施方案》", size=16),  # a web copy's leftover line between
        Hint("各地级以上市人民政府，省政府各部门、各直属机构：", size=16),
        Hint("现印发给你们，请认真组织实施。", size=16),
    )
    assert got == ["title", "body", "recipients", "body"]


def test_a_letter_under_a_heading_opens_with_its_salutation():
    got = kinds(
        Hint("习仲勋纳谏", "center", 22),
        Hint("原载《人民日报》1978年11月8日", size=16),
        Hint("麦子灿同志给习仲勋同志的信", size=16, level=1),
        Hint("省委习仲勋书记：", size=16),
        Hint("我同你不熟悉，也未见过面。", size=16),
    )
    assert got == ["title", "body", "heading", "salutation", "body"]


@pytest.mark.parametrize("line", ["参会人员：", "现将有关事项通知如下：", "主要做法："])
def test_a_colon_line_further_down_that_names_no_organ_is_body(line):
    got = kinds(
        Hint("关于召开会议的通知", "center", 22), Hint("经研究，决定召开会议。", size=16), Hint(line, size=16)
    )
    assert got == ["title", "body", "body"]


def test_a_first_paragraph_that_does_not_stand_out_is_not_a_title():
    assert kinds(Hint("现将有关事项说明如下", "both", 16), Hint("正文。", "both", 16)) == ["body", "body"]


@pytest.mark.parametrize(
    ("text", "kind", "level", "sentence"),
    [
        ("一、总体要求", "heading", 1, 0),
        ("（二）加强作风建设。要坚持问题导向。", "heading", 2, 10),
        ("3.强化组织功能", "heading", 3, 0),
        ("（4）完善制度", "heading", 4, 0),
        ("（三）组织制定并实施公司安全生产教育和培训计划。", "item", 2, 0),
    ],
    ids=["l1", "runin-l2", "l3", "l4", "item"],
)
def test_headings_from_their_markers(text, kind, level, sentence):
    r = heading_role(text)
    assert r is not None
    assert (r.kind, r.level, r.sentence) == (kind, level, sentence)


@pytest.mark.parametrize("text", ["一是强化自我管理。", "2013年以来", "1.5亿元的投入"])
def test_near_misses_are_not_headings(text):
    assert heading_role(text) is None


def test_marker_as_written_and_as_the_standard_prints_it():
    r = heading_role("1、联系群众")
    assert r is not None
    assert (r.marker, r.standard) == ("1、", "1.")


def test_a_second_family_of_the_same_level_nests_below_the_first():
    lv = Levels()
    assert [
        lv.assign(f, n) for f, n in (("cn-dun", 1), ("cn-ordinal", 1), ("cn-ordinal", 1), ("cn-dun", 1))
    ] == [
        1,
        2,
        2,
        1,
    ]


def test_an_unnumbered_heading_is_known_by_its_style_level():
    assert [r.level for r in classify([Hint("正文。", size=16), Hint("把握新形势", level=1)])] == [0, 1]


def test_a_bare_label_under_the_title_is_no_recipients_line():
    # tf08 of the dev corpus: a page's "瀏覽量：" left under the title is body text
    got = kinds(
        Hint("关于公布获奖名单的通知", "center", 22), Hint("瀏覽量：", size=16), Hint("正文。", size=16)
    )
    assert got == ["title", "body", "body"]


def test_without_a_title_a_long_colon_line_is_body():
    got = kinds(Hint("【2023春节放假通知】根据国务院办公厅发布的放假安排，现将有关事项通知如下：", size=16))
    assert got == ["body"]


def test_a_date_without_its_day_is_a_date_only_at_the_end():
    tail = kinds(Hint("春节放假通知", "center", 22), Hint("正文。", size=16), Hint("2023年1月", "right", 16))
    assert tail == ["title", "body", "date"]
    inner = kinds(Hint("工作回顾", "center", 22), Hint("2023年1月", size=16), Hint("正文。", size=16))
    assert inner[1] != "date"


def test_a_sentence_that_ends_with_a_colon_under_the_title_is_body():
    # tf05 of the dev corpus
    got = kinds(
        Hint("2023春节放假通知", "center", 22),
        Hint("2023年春节即将来临，根据国务院办公厅发布的放假安排，现将放假时间及相关事项通知如下：", size=16),
        Hint("正文。", size=16),
    )
    assert got == ["title", "body", "body"]


def test_a_date_above_a_merged_imprint_line_is_no_printer():
    # tb08: the PDF's 版记 rows read as one line that ends with 印发; the 成文日期 above it
    got = kinds(
        Hint("关于召开会议的通知", "center", 22),
        Hint("正文。", size=16),
        Hint("鹰潭市科学技术协会", "right", 16),
        Hint("2008年3月5日", "right", 16),
        Hint("主题词：科协工作 会议 通知 鹰潭市科协办公室 2008年3月5日印发", size=14),
    )
    assert got[-2:] == ["date", "imprint"]


def test_a_recipients_line_three_lines_below_the_title():
    # tf08: two page-metadata lines and the title's copy between title and 主送
    got = kinds(
        Hint("关于公布获奖名单的通知", "center", 22),
        Hint("瀏覽量：", size=16),
        Hint("時間：2024-01-07 15:31:14", size=16),
        Hint("关于公布获奖名单的通知", size=16),
        Hint("各省、自治区、直辖市科技厅（委、局）：", size=16),
        Hint("正文。", size=16),
    )
    assert got[4] == "recipients"
