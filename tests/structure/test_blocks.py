"""The element steps of blocks.py on hand-made line lists (no cleaning rule involved), and
joining source lines into paragraphs (issue 13, finding 4).

Joining used to rescan the whole paragraph built so far for every line it added
(``join_wrapped(prev.text + text)``), so a 16 000-line roster took 37 s and became one
391 800-character paragraph.  The join now works at the seam, a joined paragraph stops
growing at :data:`~pipeline.structure.blocks.JOIN_MAX`, and rows of a list or table are
never joined.  Linear cost is checked here by counting the characters the join scans
(deterministic); the time ratio is measured by ``make bench``.
"""

from __future__ import annotations

import pipeline.structure.blocks as blocks
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
from pipeline.text.normalize import join_wrapped

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


def test_a_doc_number_in_brackets_after_the_title_goes_to_the_head():
    text = f"岳阳市人民政府办公室关于印发实施意见的通知（岳政办发〔2017〕2号）\n各县市区人民政府：\n{BODY}"
    doc = structure(Cleaned(split_lines(text), ()))
    [a] = doc.articles
    assert a.title == "岳阳市人民政府办公室关于印发实施意见的通知"
    assert a.head == Head(doc_number="岳政办发〔2017〕2号")
    assert [(r.text, r.reason) for r in doc.removed] == [("（", "number-brackets"), ("）", "number-brackets")]


def test_a_title_that_is_only_a_bracketed_number_keeps_it():
    # too short to be a title with a number after it: left as it is
    a = _one(f"通知（岳政办发〔2017〕2号）\n{BODY}")
    assert a.head is None or not a.head.doc_number


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


def test_a_templates_signature_and_date_with_their_figures_left_blank():
    # 范文 templates leave the organ's name and the figures for the user (te06, tf04)
    a = _one(f"关于做好防汛工作的通知\n{BODY}\n***县教育局\n****年**月**日\n")
    assert a.blocks[1:] == (Signature("***县教育局"), Date("****年**月**日"))
    a = _one(f"关于申请经费的请示\n{BODY}\n市工业经济运行指挥部\nxx年xx月xx日\n")
    assert a.blocks[1:] == (Signature("市工业经济运行指挥部"), Date("xx年xx月xx日"))


def test_a_date_without_its_day_is_a_date_only_at_the_end():
    a = _one(f"春节放假通知\n{BODY}\n2023年1月\n")
    assert a.blocks[-1] == Date("2023年1月")
    a = _one(f"工作回顾\n2023年1月\n{BODY}\n{BODY}\n")
    assert Date("2023年1月") not in a.blocks


def test_a_recipients_line_after_a_line_that_says_nothing():
    # a 发文字号 the page broke, a publishing time left in: the 主送 still comes first
    for stray in ("牟政办发〔201746", "2010年3月4日 09:12"):
        a = _one(f"关于召开会议的通知\n{stray}\n各镇、街道党工委，区级机关各部门：\n{BODY}\n")
        assert Recipients("各镇、街道党工委，区级机关各部门：") in a.blocks, stray


def test_a_recipients_shaped_line_after_the_body_has_begun_is_a_paragraph():
    a = _one(f"关于召开会议的通知\n{BODY}\n各镇、街道党工委，区级机关各部门：\n{BODY}\n")
    assert not any(isinstance(b, Recipients) for b in a.blocks)


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


# ---------------------------------------------------------------- joining (issue 13)

SURNAMES = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def _blocks(text: str) -> list:
    """The blocks of ``text`` under a title line (so that no line of it is taken as the title)."""
    [article] = structure(Cleaned(split_lines("关于做好人员培训工作的通知\n" + text), (), (), ())).articles
    assert article.title == "关于做好人员培训工作的通知"
    return list(article.blocks)


def _wrapped_prose(lines: int) -> str:
    """A hard-wrapped text (every line 24 characters, no sentence end): one paragraph."""
    row = "各级党组织要始终坚持以人民为中心的发展思想不断增强群众的获得感"[:24]
    return "\n".join([row] * lines) + "\n"


def test_joining_scans_each_character_a_bounded_number_of_times(monkeypatch):
    scanned = []

    def counting(text: str) -> str:
        scanned.append(len(text))
        return join_wrapped(text)

    monkeypatch.setattr(blocks, "join_wrapped", counting)
    for n in (100, 400):
        scanned.clear()
        text = _wrapped_prose(n)
        _blocks(text)
        # linear: a constant number of scans per input character, whatever the length
        assert sum(scanned) <= 3 * len(text), (n, sum(scanned), len(text))


def test_a_joined_paragraph_stops_growing_at_the_cap_and_keeps_every_character():
    text = _wrapped_prose(400)  # 9 600 characters, all one "paragraph"
    out = _blocks(text)
    assert all(isinstance(b, Paragraph) for b in out)
    assert max(len(b.text) for b in out) <= blocks.JOIN_MAX
    assert len(out) == -(-len(text.replace("\n", "")) // blocks.JOIN_MAX)  # as few pieces as the cap allows
    assert "".join(b.text for b in out) == text.replace("\n", "")


def test_seam_join_equals_joining_the_whole():
    # the first line keeps its wrap spaces until a join: they go as before
    out = _blocks(
        "我们要始终坚持以人民 为中心的发展思想，不断增强人民群众的获得感、\n"
        "幸福感和安全感，切实 做好新形势下的群众工作，推动各项工作落地见效，\n"
        "让人民群众 真正得到实惠。\n"
    )
    assert out == [
        Paragraph(
            "我们要始终坚持以人民为中心的发展思想，不断增强人民群众的获得感、幸福感和安全感，"
            "切实做好新形势下的群众工作，推动各项工作落地见效，让人民群众真正得到实惠。"
        )
    ]


def test_a_roster_of_space_separated_names_stays_a_list():
    rows = [
        " ".join(SURNAMES[(i + k) % 20] + GIVEN[(i * 7 + k) % 20] + GIVEN[(i + 3 * k) % 20] for k in range(6))
        for i in range(60)
    ]
    out = _blocks("\n".join(rows) + "\n")
    assert [b.text for b in out] == rows


def test_table_like_lines_stay_a_list():
    rows = [
        f"{SURNAMES[i % 20]}{GIVEN[i % 19]} 男 汉族 {1960 + i % 40}年{1 + i % 12}月 县委办公室科员"
        for i in range(80)
    ]
    out = _blocks("\n".join(rows) + "\n")
    assert [b.text for b in out] == rows


def test_numbered_lines_beyond_99_stay_a_list():
    # 1.–99. are numbered headings; from 100 on the numbering table has no level for them,
    # and at five digits the lines are as wide as a hard-wrapped text's lines
    lines = [f"{i}. 第{i}项工作要求" for i in range(10_000, 10_300)]
    out = _blocks("\n".join(lines) + "\n")
    assert [b.text for b in out] == lines


def test_hard_wrapped_prose_is_still_joined():
    text = "\n".join(
        [
            "为深入贯彻落实党的二十大精神，进一步加强基层党组织建设，推动",
            "全面从严治党向纵深发展，结合我县实际，现就做好今年的党建工作",
            "提出如下意见，请各单位认真贯彻落实，确保各项任务落到实处。要",
            "坚持问题导向，聚焦群众反映强烈的突出问题，切实抓好整改落实。",
        ]
    )
    assert len(_blocks(text + "\n")) == 1


NEWS = "综合消息，近日，较强冷空气袭击多地，东北地区中东部、华北、黄淮等地降温，多地开启冬季模式。"
NEXT = "受冷空气影响，昨日东北地区中东部、华北、黄淮、江淮、江汉、江南西部等地降温6至12摄氏度。"


def test_a_news_subhead_of_two_phrases_is_a_heading():
    a = _one(f"全国多地开启冬季模式\n{NEWS}\n\n重庆湖北等地降雨 中东部地区出现明显降温\n\n{NEXT}\n")
    assert [b.text for b in a.blocks if isinstance(b, Heading)] == ["重庆湖北等地降雨 中东部地区出现明显降温"]


def test_spaced_lines_that_are_no_subhead_stay_paragraphs():
    # a unit and a name; a label and a number
    for line in ("县委办公室 张三", "网友发表时间 2691740"):
        a = _one(f"全国多地开启冬季模式\n{NEWS}\n\n{line}\n\n{NEXT}\n")
        assert not any(isinstance(b, Heading) for b in a.blocks), line


def test_a_speaker_printed_before_a_speech_title_becomes_its_byline():
    doc = structure(
        Cleaned(split_lines(f"同济大学校长陈杰：在开学典礼上的讲话\n亲爱的同学们：\n{BODY}\n"), ())
    )
    [a] = doc.articles
    assert a.title == "在开学典礼上的讲话"
    assert a.blocks[0] == Byline("同济大学校长陈杰")
    assert ("：", "speaker-colon") in [(r.text, r.reason) for r in doc.removed]


def test_a_colon_in_a_headline_is_no_speaker():
    for title in ("城市有轨电车之困：一边争相上马，一边接连叫停", "专访：在基层一线的讲话者们"):
        [a] = structure(Cleaned(split_lines(f"{title}\n{BODY}\n"), ())).articles
        assert a.title == title
        assert not any(isinstance(b, Byline) for b in a.blocks)


def test_an_older_documents_keywords_and_copies_go_to_its_imprint():
    # tb08 of the dev corpus: GB/T 9704-1999's 主题词 above the 印发 line, 份数 after it
    a = _one(
        f"关于召开会议的通知\n{BODY}\n鹰潭市科学技术协会\n二OO八年三月五日\n主题词：科协工作 会议 通知\n"
        "鹰潭市科协办公室 2008年3月5日印发\n共印60份\n"
    )
    assert a.imprint == Imprint(
        "", "", "鹰潭市科协办公室", "2008年3月5日印发", "科协工作 会议 通知", "共印60份"
    )
    assert a.blocks[-2:] == (Signature("鹰潭市科学技术协会"), Date("二OO八年三月五日"))


def test_a_copies_line_in_the_body_stays_in_the_body():
    a = _one(f"关于印刷材料的通知\n{BODY}\n共印60份\n{BODY}\n")
    assert a.imprint is None
    assert "共印60份" in [b.text for b in a.blocks]


def test_the_documents_own_doc_number_wins_over_a_listings_form():
    # td01 of the dev corpus: the portal's listing printed "(2011)", the document "〔2011〕"
    from support import ROOT

    from pipeline.core import convert

    doc = convert((ROOT / "corpus/dev/inputs/td01_ruian_shuolixing_chufa.txt").read_bytes(), "td01.txt")
    head = doc.documents[0].head
    assert head is not None
    assert head.doc_number == "瑞政办〔2011〕129号"


def test_numbered_attachment_labels_and_file_names_are_a_list_of_attachments():
    # tf03 of the dev corpus: "附件1：" / "附件2：" labels
    a = _one(f"关于公示获奖名单的通知\n{BODY}\n附件1：绘画拟获奖名单\n附件2：手工作品拟获奖名单\n")
    assert a.blocks[1:] == (Attachment("1.", "绘画拟获奖名单"), Attachment("2.", "手工作品拟获奖名单"))
    # tb09: an item that reads as a decimal ("2.2010年度…")
    a = _one(f"关于填报计划的通知\n{BODY}\n附件：1.申报须知.doc\n2.2010年度会议计划表.doc\n")
    assert a.blocks[1:] == (Attachment("1.", "申报须知.doc"), Attachment("2.", "2010年度会议计划表.doc"))


def test_a_recipients_line_after_a_pages_labels():
    # tb15 of the dev corpus: "归档时间：…" and "视力保护色：" left above the 主送
    a = _one(
        f"关于印发实施意见的通知\n归档时间：2018-11-21\n视力保护色：\n各县市区委、人民政府，市直各单位：\n{BODY}\n"
    )
    assert Recipients("各县市区委、人民政府，市直各单位：") in a.blocks


def test_a_label_line_above_a_subhead_is_the_headings_first_words():
    # hg05 of the dev corpus: "<strong>英国《泰晤士报》：</strong>" on a line of its own
    long = "国庆黄金周期间，武汉各大景区游人如织，城市重新焕发活力，外国媒体纷纷报道了这一景象。"
    a = _one(f"外媒看武汉\n{long}\n\n英国《泰晤士报》：\n蓬勃发展的武汉再次充满欢声笑语\n{long}\n")
    assert Heading(1, "", "英国《泰晤士报》：蓬勃发展的武汉再次充满欢声笑语") in a.blocks
    assert Paragraph("英国《泰晤士报》：") not in a.blocks
