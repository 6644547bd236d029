"""Where the articles of a file start (structure/articles.py), on hand-made lines."""

from __future__ import annotations

from pipeline.structure.articles import article_starts
from pipeline.text.lines import split_lines

NOTICE = (
    "广东省人民政府办公厅关于印发支持民间投资实施方案的通知\n"
    "各地级以上市人民政府：\n"
    "《广东省支持民间投资的实施方案》已经省人民政府同意，现印发给你们，请认真组织实施。\n"
    "广东省人民政府办公厅\n"
    "2023年3月17日\n"
)


def _starts(text: str) -> list[str]:
    lines = split_lines(text)
    return [lines[i].text for i in article_starts(lines, ())]


def test_the_text_a_notice_issues_opens_an_article_under_its_own_title():
    text = NOTICE + "广东省支持民间投资的实施方案\n为进一步激发民间投资活力，制定本方案。\n"
    assert _starts(text)[1:] == ["广东省支持民间投资的实施方案"]


def test_its_title_may_stand_over_two_lines():
    # "现印发给你们" names the text; the page set its title over two lines
    text = NOTICE + "广东省支持民间\n\n投资的实施方案\n为进一步激发民间投资活力，制定本方案。\n"
    assert _starts(text)[1:] == ["广东省支持民间"]


def test_two_short_lines_that_are_not_the_issued_text_open_nothing_of_their_own():
    text = NOTICE + "（此件公开发布）\n附件下载\n为进一步激发民间投资活力，制定本方案。\n"
    assert _starts(text)[1:] == []


PARAGRAPH = "与此同时，国内地铁的运营线路里程已经达到八千五百公里，有轨电车的增速已明显放缓。"


def test_a_genre_word_at_the_end_of_a_source_line_opens_no_article():
    # hm21 of the dev corpus: a picture's source line ending in 报告, after a paragraph
    text = f"城市有轨电车之困\n{PARAGRAPH}\n\n图片来源：城市轨道交通2023年度统计和分析报告\n{PARAGRAPH}\n"
    assert _starts(text)[1:] == []


def test_a_sentence_cut_off_by_an_ellipsis_is_no_title_over_a_dash_line():
    # hg34: a list ending "……" and the next paragraph opening with ——
    text = f"顺丰小哥汪勇\n{PARAGRAPH}\n\n换眼镜片、修手机屏幕、买拖鞋、生日蛋糕……\n——汪勇所领导的志愿者团队，成了医院的后勤服务队。\n"
    assert _starts(text)[1:] == []


def test_a_one_character_line_opens_no_article():
    # hm32: a page's "踩" button above "觉得还不错? 一键收藏"
    assert _starts(f"为什么不火了\n{PARAGRAPH}\n\n踩\n觉得还不错 一键收藏\n")[1:] == []


def test_a_genre_title_after_a_finished_paragraph_still_opens_an_article():
    text = f"第一篇心得\n{PARAGRAPH}\n\n学习党史教育活动心得体会\n通过学习，我深刻认识到党的历史是最生动的教科书。\n"
    assert _starts(text)[1:] == ["学习党史教育活动心得体会"]


def test_a_title_set_over_lines_with_blank_lines_between_opens_one_article():
    # td01 of the dev corpus: 版头, then a three-line title with blank lines between
    text = (
        "瑞政办〔2011〕129号\n\n瑞安市人民政府办公室\n\n转发温州市推行说理性行政处罚文书\n\n"
        "指导意见及操作规范的通知\n\n市政府直属各单位：\n为深入贯彻落实科学发展观，加快法治政府建设。\n"
    )
    assert _starts(text)[1:] == []


def test_a_signature_and_date_before_a_new_notice_still_close_the_first():
    text = (
        f"关于做好防汛工作的通知\n{PARAGRAPH}\n某县人民政府\n2024年3月5日\n\n"
        f"关于做好抗旱工作的通知\n{PARAGRAPH}\n"
    )
    assert _starts(text)[1:] == ["关于做好抗旱工作的通知"]


def test_a_numbered_heading_under_a_chapter_line_is_no_byline():
    # td03: a 预案's contents, "组织体系及职责" over "2.1 指挥机构", after a blank line
    text = f"牟定县突发环境事件应急预案\n{PARAGRAPH}\n1.5 工作原则\n\n组织体系及职责\n2.1 指挥机构\n2.2 办事机构\n"
    assert _starts(text)[1:] == []


def test_a_byline_under_a_new_title_still_opens_an_article():
    text = f"第一篇调研报告\n{PARAGRAPH}\n\n关于农村基层治理的调研报告\n市发展改革委　周涛\n{PARAGRAPH}\n"
    assert _starts(text)[1:] == ["关于农村基层治理的调研报告"]
