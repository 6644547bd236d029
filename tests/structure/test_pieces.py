"""Lines split where a space stands for a lost line break (structure/pieces.py)."""

from __future__ import annotations

from pipeline.model import Cleaned
from pipeline.structure import structure
from pipeline.text.lines import split_lines

BODY = "同志们：\n今天，我们召开局系统工作会议，主要任务是认真贯彻落实会议精神，总结去年工作。\n"


def _first(text: str):
    return structure(Cleaned(split_lines(text), ())).articles[0]


def test_a_title_of_parallel_phrases_on_one_line_stays_whole():
    title = "立足更高定位 彰显更大作为 推动城市管理事业高质量发展 以优异成绩迎接胜利召开"
    assert _first(f"{title}\n{BODY}").title == title


def test_a_title_glued_to_its_text_is_still_split_off():
    a = _first(
        "新形势下做好群众工作心得体会 面对新形势、新任务，面对人民群众的新要求，我们要做好群众工作。\n"
    )
    assert a.title == "新形势下做好群众工作心得体会"
    assert a.blocks[0].text.startswith("面对新形势")


def test_two_phrases_are_no_slogan_title():
    # a title and the start of its text: two pieces, not one title
    a = _first("做好群众工作 群众工作是党的生命线是我们的传家宝也是我们最大的政治优势和力量源泉\n")
    assert a.title == "做好群众工作"


def test_a_title_in_brackets_run_into_its_text_is_split_off():
    # tf05 of the dev corpus
    doc = structure(
        Cleaned(
            split_lines(
                "【2023春节放假通知】2023年春节即将来临，现将放假时间及相关事项通知如下：\n一、放假时间\n"
            ),
            (),
        )
    )
    a = doc.articles[0]
    assert a.title == "2023春节放假通知"
    assert a.blocks[0].text.startswith("2023年春节即将来临")
    assert [(r.text, r.reason) for r in doc.removed] == [("【", "listing-title"), ("】", "listing-title")]


def test_a_short_bracketed_label_before_the_text_is_no_title():
    for label in ("【篇一】", "【导读】", "【今日关注】"):
        a = _first(f"关于做好防汛工作的通知\n{label}近日，我县召开防汛工作会议，部署今年的防汛工作。\n")
        assert a.title == "关于做好防汛工作的通知", label


def test_a_flattened_outline_is_cut_after_each_headings_colon():
    # tc08 of the dev corpus: three levels of headings on one line
    a = _first(
        "绩效考核责任书\n" + BODY + "二、评分准则:(一) 绩效考核评分准则:1. 完成率每±5%,影响考核2分。\n"
    )
    heads = [(b.level, b.number, b.text, b.tail) for b in a.blocks if hasattr(b, "level")]
    assert heads == [
        (1, "二、", "评分准则：", ""),
        (2, "（一）", "绩效考核评分准则：", ""),
        (3, "1.", "完成率每±5%，影响考核2分。", ""),
    ]


def test_a_colon_before_a_date_or_in_a_sentence_cuts_nothing():
    a = _first(
        "会议通知\n" + BODY + "一、时间：2023年5月10日上午9时\n具体要求如下：1. 提高认识，加强领导。\n"
    )
    texts = [getattr(b, "number", "") + b.text + getattr(b, "tail", "") for b in a.blocks]
    assert "一、时间：2023年5月10日上午9时" in texts
    assert "具体要求如下：1. 提高认识，加强领导。" in texts


def test_a_title_run_into_its_text_with_no_space_is_split_at_its_genre_word():
    # tg06 of the dev corpus: the whole excerpt one flattened line
    a = _first(
        "2023年XX区卫生健康工作总结及2024年工作计划2023年，在区委、区政府的正确领导下，我们全面落实各项工作。\n"
    )
    assert a.title == "2023年XX区卫生健康工作总结及2024年工作计划"
    assert a.blocks[0].text.startswith("2023年，在区委")


def test_a_paragraph_that_opens_with_a_genre_word_is_no_title():
    a = _first("XX县安全生产工作会议讲话\n" + BODY + "工作方案制定后，要抓好落实，确保各项任务按时完成。\n")
    assert a.title == "XX县安全生产工作会议讲话"
    assert a.blocks[-1].text == "工作方案制定后，要抓好落实，确保各项任务按时完成。"
