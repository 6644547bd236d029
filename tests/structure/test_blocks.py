"""The element steps of blocks.py on hand-made line lists (no cleaning rule involved)."""

from __future__ import annotations

from pipeline.model import (
    Attachment,
    Byline,
    Cell,
    Cleaned,
    Date,
    Head,
    Heading,
    Imprint,
    Note,
    Paragraph,
    PlacedTable,
    Recipients,
    Salutation,
    Signature,
    Table,
)
from pipeline.structure import structure
from pipeline.text.lines import split_lines

BODY = "为切实做好防汛抗旱工作，确保人民群众生命财产安全，现就有关事项通知如下。"


def _one(text: str, tables: tuple[PlacedTable, ...] = ()):
    [a] = structure(Cleaned(split_lines(text), ()), tables=tables).articles
    return a


def test_a_red_header_notice_read_back_from_text():
    a = _one(
        "000123\n特急\nXX县人民政府文件\nX政发〔2024〕3号\n关于做好防汛抗旱工作的通知\n各乡镇人民政府，县政府各部门：\n"
        f"{BODY}\n附件：1.责任人名单\n2.值班安排表\nXX县人民政府\n2024年3月5日\n（此件公开发布）\n"
        "抄送：县委各部门。\nXX县人民政府办公室 2024年3月6日印发\n"
    )
    assert a.title == "关于做好防汛抗旱工作的通知"
    assert a.head == Head("000123", "", "特急", "XX县人民政府文件", "X政发〔2024〕3号")
    assert a.blocks == (
        Recipients("各乡镇人民政府，县政府各部门："),
        Paragraph(BODY),
        Attachment("1.", "责任人名单"),
        Attachment("2.", "值班安排表"),
        Signature("XX县人民政府"),
        Date("2024年3月5日"),
        Note("（此件公开发布）"),
    )
    assert a.imprint == Imprint("", "县委各部门。", "XX县人民政府办公室", "2024年3月6日印发")


def test_a_doc_number_under_the_title_goes_to_the_head():
    a = _one(f"关于印发方案的通知\n盤政辦發〔2021〕1號\n各縣、區人民政府：\n{BODY}")
    assert a.head == Head(doc_number="盤政辦發〔2021〕1號")
    assert a.blocks[0] == Recipients("各縣、區人民政府：")


def test_speech_bylines_and_a_salutation_run_into_the_first_sentence():
    a = _one(
        f"在全县安全生产工作会议上的讲话\n县长　张建国\n（2024年2月26日）\n同志们：今天我们召开会议。{BODY}"
    )
    assert a.blocks[:3] == (Byline("县长　张建国"), Byline("（2024年2月26日）"), Salutation("同志们："))
    assert isinstance(a.blocks[3], Paragraph)
    assert a.blocks[3].text.startswith("今天我们召开会议。")


def test_joint_signatures_then_the_date():
    a = _one(f"关于印发意见的通知\n{BODY}\n中共岳阳市委办公室\n岳阳市人民政府办公室\n2017年1月10日\n")
    assert a.blocks[1:] == (
        Signature("中共岳阳市委办公室"),
        Signature("岳阳市人民政府办公室"),
        Date("2017年1月10日"),
    )


def test_a_closing_formula_is_never_a_signature():
    a = _one(f"关于召开会议的通知\n{BODY}\n特此通知\n鹰潭市科学技术协会\n二OO八年三月五日\n")
    assert a.blocks[1] == Paragraph("特此通知")
    assert a.blocks[2:] == (Signature("鹰潭市科学技术协会"), Date("二OO八年三月五日"))


def test_a_bare_attachment_label_waits_for_its_items():
    a = _one(f"关于印发方案的通知\n{BODY}\n附件：\n1.实施方案\n2.任务分工表\n")
    assert a.blocks[1:] == (Attachment("1.", "实施方案"), Attachment("2.", "任务分工表"))


def test_an_organ_name_in_the_body_without_a_date_stays_a_paragraph():
    a = _one(f"工作总结\n{BODY}\n县水利局\n{BODY}\n")
    assert Signature("县水利局") not in a.blocks


def test_a_table_stands_where_its_lines_stood_and_takes_a_caption_line_above_it():
    table = Table(((Cell("项目"), Cell("数值")), (Cell("产值"), Cell("3.0"))), 1)
    # line 4 held the table (find_tables took it out of the cleaned lines)
    a = _one(f"统计公报\n{BODY}\n主要经济指标\n\n{BODY}\n", (PlacedTable(4, 4, table),))
    kinds = [b.kind for b in a.blocks]
    assert kinds == ["paragraph", "table", "paragraph"]
    assert a.blocks[1] == Table(table.rows, 1, "主要经济指标")


def test_numbered_headings_are_untouched_by_the_element_steps():
    a = _one(f"调研报告\n一、基本情况\n{BODY}\n（一）主要做法。正文在后。\n")
    assert isinstance(a.blocks[0], Heading)
    assert a.blocks[2] == Heading(2, "（一）", "主要做法。", "正文在后。")
