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
