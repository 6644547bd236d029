"""The elements of a 公文 on the PDF's pages, measured (issue 15).

Every position is taken from the rendered file — poppler's text boxes, the rules' pixels —
and compared with the clause of GB/T 9704-2012 it implements, within 1 mm.  Vertical
positions of text use the baseline: pdftotext's box ends at the font's descent below it.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.model import Article, Date, Head, Paragraph, Signature
from pipeline.render import fonts, style
from pipeline.render.pdf import render
from render.measure import (
    BOTTOM,
    CENTRE,
    CH,
    LEFT,
    MM,
    ONE_MM,
    PAGE,
    RIGHT,
    TOP,
    filler,
    find,
    lines,
    long_table,
    notice,
    pages,
    red_ink,
    rules,
    speech,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _descent(face: style.Face) -> float:
    return fonts.font_data(face.pdf).descent / 1000


def baseline(line: object, block: style.BlockStyle = style.BODY) -> float:
    """The baseline of a line set in ``block``'s face (pt from the page top)."""
    return line.y1 + _descent(block.face) * block.size  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("elements")


def pdf(out: Path, name: str, article: Article, **kw: bool) -> Path:
    path = out / f"{name}.pdf"
    if not path.exists():
        path.write_bytes(render(article, **kw))
    return path


# ---------------------------------------------------------------- 版头 (7.2)


def test_copy_number_and_urgency_stand_flush_left_on_the_first_lines(out):
    ls = lines(pdf(out, "notice", notice()))
    copy, urgency = find(ls, "000123"), find(ls, "特急")
    assert abs(copy.x0 - LEFT) < ONE_MM
    assert abs(urgency.x0 - LEFT) < ONE_MM
    assert abs(baseline(copy) - (TOP + style.LINE_BASELINE * PAGE.line_pitch)) < ONE_MM  # line 1 (7.2.1)
    assert abs(baseline(urgency, style.HEAD_MARKS) - baseline(copy) - PAGE.line_pitch) < ONE_MM


def test_issuer_mark_is_red_centred_with_its_top_35mm_below_the_type_area(out):
    x0, y0, x1, _ = red_ink(pdf(out, "notice", notice()), 1)
    assert abs(y0 - (TOP + 35 * MM)) < ONE_MM  # 7.2.4
    assert abs((x0 + x1) / 2 - CENTRE) < ONE_MM


def test_a_long_issuer_mark_is_narrowed_to_the_type_area(out):
    long_mark = notice(head=Head(issuer="中共XX县委员会XX县人民政府XX县人民武装部联合文件"))
    x0, _, x1, _ = red_ink(pdf(out, "long-mark", long_mark), 1)
    assert x0 >= LEFT - ONE_MM
    assert x1 <= RIGHT + ONE_MM
    assert x1 - x0 > PAGE.body_width * 0.9  # narrowed, not shrunk to nothing


def test_doc_number_is_centred_two_lines_below_the_mark(out):
    path = pdf(out, "notice", notice())
    number = find(lines(path), "X政发〔2024〕3号")
    assert abs(number.centre - CENTRE) < ONE_MM
    mark_bottom = TOP + style.ISSUER_TOP + style.ISSUER.size  # the mark's em box
    expected = mark_bottom + (style.DOC_NUMBER_GAP_LINES + style.LINE_BASELINE) * PAGE.line_pitch
    assert abs(baseline(number, style.DOC_NUMBER) - expected) < ONE_MM  # 7.2.5


def test_red_separator_is_4mm_under_the_doc_number_and_as_wide_as_the_type_area(out):
    path = pdf(out, "notice", notice())
    number = find(lines(path), "X政发〔2024〕3号")
    [separator] = [r for r in rules(path, 1) if r.red]
    assert abs(separator.y - number.y1 - 4 * MM) < ONE_MM  # 7.2.7
    assert abs(separator.x0 - LEFT) < ONE_MM
    assert abs(separator.x1 - RIGHT) < ONE_MM


def test_title_starts_two_lines_below_the_separator(out):
    path = pdf(out, "notice", notice())
    [separator] = [r for r in rules(path, 1) if r.red]
    title = find(lines(path), "关于做好2024年度防汛抗旱工作的通知")
    expected = separator.y + style.TITLE_AFTER_SEPARATOR_LINES * PAGE.line_pitch
    expected += style.LINE_BASELINE * style.TITLE_LINE_PITCH
    assert abs(baseline(title, style.TITLE) - expected) < ONE_MM  # 7.3.1


def test_upward_document_puts_doc_number_and_signers_on_one_line_one_char_in(out):
    head = Head(issuer="XX县人民政府", doc_number="X政〔2024〕12号", signers=("张三", "李四"))
    ls = lines(pdf(out, "signers", notice(head=head)))
    number = find(ls, "X政〔2024〕12号")
    signer = next(w for ln in ls for w in ln.words if "李四" in w.text)
    assert abs(number.x0 - (LEFT + CH)) < ONE_MM  # 7.2.5: one 字 from the left
    assert abs(signer.x1 - (RIGHT - CH)) < ONE_MM  # 7.2.6: one 字 from the right
    assert abs(number.y1 - signer.y1) < ONE_MM


# ---------------------------------------------------------------- 主体 (7.3)


def test_recipients_are_flush_left_and_so_is_their_second_line(out):
    ls = lines(pdf(out, "notice", notice()))
    first = find(ls, "各乡镇人民政府")
    second = ls[ls.index(first) + 1]
    assert abs(first.x0 - LEFT) < ONE_MM
    assert abs(second.x0 - LEFT) < ONE_MM
    assert second.text.endswith("：")


def test_speech_bylines_are_centred_under_the_title_and_the_salutation_flush_left(out):
    ls = lines(pdf(out, "speech", speech()))
    title, speaker, date = find(ls, "安全生产工作会议"), find(ls, "张建国"), find(ls, "2024年2月26日")
    salutation = find(ls, "同志们：")
    for byline in (speaker, date):
        assert abs(byline.centre - CENTRE) < ONE_MM
    assert speaker.y0 > title.y1
    assert date.y0 > speaker.y1
    assert abs(salutation.x0 - LEFT) < ONE_MM
    # the title block's blank line comes after the bylines, before the body
    assert abs(baseline(salutation) - baseline(date, style.BYLINE) - 2 * PAGE.line_pitch) < ONE_MM


def test_attachments_stand_a_line_below_the_body_with_their_names_aligned(out):
    ls = lines(pdf(out, "notice", notice()))
    first = find(ls, "附件：1.2024年度")
    continuation = ls[ls.index(first) + 1]
    second = find(ls, "2.汛期值班安排表")
    body_end = ls[ls.index(first) - 1]
    assert abs(first.x0 - (LEFT + 2 * CH)) < ONE_MM  # 7.3.4: 左空二字
    assert abs(baseline(first) - baseline(body_end) - 2 * PAGE.line_pitch) < ONE_MM  # 正文下空一行
    assert abs(second.x0 - (LEFT + 5 * CH)) < ONE_MM  # "2." under "1.", after "附件："
    # the second name starts where its seven full-width characters end, minus them
    second_name = second.x1 - len("汛期值班安排表") * CH
    assert abs(continuation.x0 - second_name) < ONE_MM  # a long name wraps under its first character
    assert second_name > second.x0 + CH / 2  # and the names stand after the numbers


def test_signature_is_right_indented_two_chars_and_the_date_two_chars_right_of_it(out):
    ls = lines(pdf(out, "notice", notice()))
    sig, date = find(ls, "某县防汛抗旱指挥部"), find(ls, "2024年3月5日")
    attachment_end = find(ls, "2.汛期值班安排表")
    assert abs(sig.x1 - (RIGHT - 2 * CH)) < ONE_MM  # 7.3.5.2 右空二字
    assert abs(date.x0 - (sig.x0 + 2 * CH)) < ONE_MM  # 首字比署名首字右移二字
    assert abs(baseline(sig) - baseline(attachment_end) - 2 * PAGE.line_pitch) < ONE_MM  # 下空一行
    assert abs(baseline(date) - baseline(sig) - PAGE.line_pitch) < ONE_MM


def test_a_date_longer_than_the_signature_is_right_indented_two_chars(out):
    article = notice(blocks=(Paragraph("正文。"), Signature("某局"), Date("2024年12月25日")))
    ls = lines(pdf(out, "long-date", article))
    sig, date = find(ls, "某局"), find(ls, "2024年12月25日")
    assert abs(date.x1 - (RIGHT - 2 * CH)) < ONE_MM  # 7.3.5.2: 日期右空二字
    assert abs(date.x0 - (sig.x0 + 2 * CH)) < ONE_MM  # 相应增加署名右空字数


def test_with_a_seal_the_date_is_four_chars_in_and_the_signature_centred_over_it(out):
    ls = lines(pdf(out, "seal", notice(), seal=True))
    sig, date = find(ls, "某县防汛抗旱指挥部"), find(ls, "2024年3月5日")
    attachment_end = find(ls, "2.汛期值班安排表")
    assert abs(date.x1 - (RIGHT - 4 * CH)) < ONE_MM  # 7.3.5.1 右空四字
    assert abs(sig.centre - date.centre) < ONE_MM  # 以成文日期为准居中
    gap = (style.SEAL_GAP_LINES + 1) * PAGE.line_pitch
    assert abs(baseline(sig) - baseline(attachment_end) - gap) < ONE_MM


def test_note_is_on_the_line_under_the_date_two_chars_in(out):
    ls = lines(pdf(out, "notice", notice()))
    date, note = find(ls, "2024年3月5日"), find(ls, "（此件公开发布）")
    assert abs(note.x0 - (LEFT + 2 * CH)) < ONE_MM  # 7.3.6
    assert abs(baseline(note) - baseline(date) - PAGE.line_pitch) < ONE_MM


@pytest.mark.parametrize("paragraphs", [9, 10, 11])
def test_signature_and_date_never_stand_alone_on_a_page(out, paragraphs):
    """Page 1 holds 22 lines; the title takes two, each paragraph two: the closing
    would start the second page after 9, 10 or 11 paragraphs."""
    article = Article(
        "关于做好工作的通知", "", (*filler(paragraphs), Signature("某县人民政府"), Date("2024年3月5日"))
    )
    ls = lines(pdf(out, f"alone-{paragraphs}", article))
    sig, date = find(ls, "某县人民政府", whole=True), find(ls, "2024年3月5日")
    last_body = find(ls, f"第{paragraphs - 1:02d}段")
    assert sig.page == date.page
    body_on_that_page = [ln for ln in ls if ln.page == sig.page and "经经经" in ln.text]
    assert body_on_that_page, "署名/日期 alone on a page (7.3.5.5)"
    assert last_body.page <= sig.page


# ---------------------------------------------------------------- tables (§D)


def test_table_caption_above_header_repeated_on_every_page_and_no_row_split(out):
    path = pdf(out, "table", Article("统计表", "", (Paragraph("下表为各项数值。"), long_table())))
    ls = lines(path)
    n = pages(path)
    assert n >= 2
    caption = find(ls, "表1汛期值班安排")
    assert abs(caption.centre - CENTRE) < ONE_MM
    header = [ln for ln in ls if ln.text.startswith("序号")]
    assert [h.page for h in header] == list(range(1, n + 1))  # D3: the header on every page
    assert header[0].y0 > caption.y1
    for r in range(1, 61):
        start, end = find(ls, f"起{r}号"), find(ls, f"止{r}号")
        assert start.page == end.page, f"row {r} split across pages"


def test_table_cells_are_set_in_fangsong_smaller_than_the_body(out):
    path = pdf(out, "table", Article("统计表", "", (Paragraph("下表为各项数值。"), long_table())))
    cell = find(lines(path), "起7号")
    assert cell.y1 - cell.y0 == pytest.approx(
        style.TABLE.size, abs=0.5
    )  # 四号 (the CJK face's box is one em)


# ---------------------------------------------------------------- 版记 (7.4)


def imprint_rules(path: Path, page: int) -> list[object]:
    return [r for r in rules(path, page) if not r.red and r.y > TOP + PAGE.body_height / 2]


def test_imprint_last_rule_lies_on_the_bottom_edge_of_the_type_area_on_an_even_page(out):
    path = pdf(out, "notice", notice())
    last = pages(path)
    assert last % 2 == 0  # 7.4: the last page, an even one
    found = imprint_rules(path, last)
    assert len(found) == 3  # thick, thin above 印发, thick
    assert abs(found[-1].y - BOTTOM) < ONE_MM  # 7.4.1
    assert found[0].weight > found[1].weight  # the first and last thick, the one between thin
    for r in found:
        assert abs(r.x0 - LEFT) < ONE_MM
        assert abs(r.x1 - RIGHT) < ONE_MM


def test_imprint_lines_are_indented_one_char_and_cc_continues_after_its_colon(out):
    path = pdf(out, "notice", notice())
    ls = [ln for ln in lines(path) if ln.page == pages(path)]
    one = style.IMPRINT_INDENT_CHARS * style.IMPRINT.size
    cc = find(ls, "抄送：")
    continuation = ls[ls.index(cc) + 1]
    printer = next(w for ln in ls for w in ln.words if "办公室" in w.text and ln.y0 > cc.y0 + 20)
    date = next(w for ln in ls for w in ln.words if w.text.endswith("印发"))
    assert abs(cc.x0 - (LEFT + one)) < ONE_MM  # 7.4.2
    assert abs(continuation.x0 - (LEFT + one + 3 * style.IMPRINT.size)) < ONE_MM  # aligned after 抄送：
    assert abs(printer.x0 - (LEFT + one)) < ONE_MM
    assert abs(date.x1 - (RIGHT - one)) < ONE_MM
    [rule_between] = [r for r in imprint_rules(path, pages(path))][1:2]
    assert cc.y1 < rule_between.y < printer.y0


def _body(paragraphs: int) -> Article:
    """A 通知 without 版头 of two-line paragraphs: page 1 holds 19 lines under the title,
    page 2 holds 22."""
    return notice(head=None, blocks=filler(paragraphs))


def _numbered(ls: list[object]) -> set[int]:
    return {ln.page for ln in ls if ln.text.replace(" ", "").startswith("—")}  # type: ignore[attr-defined]


def test_imprint_after_a_body_ending_on_an_odd_page_goes_to_the_next_page(out):
    path = pdf(out, "odd", _body(5))
    ls = lines(path)
    assert pages(path) == 2
    assert find(ls, "抄送：").page == 2
    assert not [ln for ln in ls if ln.page == 2 and "经经经" in ln.text]
    assert 2 in _numbered(ls)  # numbered: no blank page stands before it (7.5)


def test_imprint_shares_an_even_last_page_that_has_room(out):
    path = pdf(out, "even-room", _body(11))
    ls = lines(path)
    assert pages(path) == 2
    assert find(ls, "抄送：").page == 2
    assert find(ls, "第10段").page == 2


def test_imprint_after_a_full_even_page_follows_a_blank_page_and_neither_is_numbered(out):
    path = pdf(out, "even-full", _body(20))
    ls = lines(path)
    last = pages(path)
    assert last == 4
    assert find(ls, "第19段").page == 2
    assert find(ls, "抄送：").page == 4
    assert not [ln for ln in ls if ln.page == 3]  # the blank page
    assert _numbered(ls) == {1, 2}  # 7.5: neither the blank page nor the 版记's


def test_a_document_without_elements_gets_no_head_no_rules_and_no_imprint(out):
    article = Article("关于做好工作的通知", "", filler(3))
    path = pdf(out, "plain", article)
    assert rules(path, 1) == []
    assert pages(path) == 1


def test_head_with_only_a_doc_number_prints_it_with_the_separator(out):
    article = replace(notice(), head=Head(doc_number="盤政辦發〔2021〕1號"), imprint=None)
    path = pdf(out, "number-only", article)
    number = find(lines(path), "盤政辦發〔2021〕1號")
    [separator] = [r for r in rules(path, 1) if r.red]
    assert abs(separator.y - number.y1 - 4 * MM) < ONE_MM
    assert abs(baseline(number, style.DOC_NUMBER) - (TOP + style.LINE_BASELINE * PAGE.line_pitch)) < ONE_MM


def test_an_older_documents_keywords_and_copies_stand_in_the_imprint_between_its_rules(out):
    # GB/T 9704-1999's 主题词 above 抄送 and "共印60份" after the 印发 line (tb08 of the dev corpus)
    from pipeline.model import Imprint

    older = Imprint(
        "", "县委各部门。", "XX县人民政府办公室", "2024年3月6日印发", keywords="防汛 通知", copies="共印60份"
    )
    path = pdf(out, "older-imprint", notice(imprint=older))
    last = pages(path)
    ls = [ln for ln in lines(path) if ln.page == last]
    one = style.IMPRINT_INDENT_CHARS * style.IMPRINT.size
    keywords, cc = find(ls, "主题词："), find(ls, "抄送：")
    copies = next(w for ln in ls for w in ln.words if w.text == "共印60份")
    found = imprint_rules(path, last)
    assert len(found) == 5  # thick; thin under 主题词, above 印发, above the copies; thick
    assert abs(found[-1].y - BOTTOM) < ONE_MM  # the 版记 still ends on the 版心's bottom edge
    assert abs(keywords.x0 - (LEFT + one)) < ONE_MM
    assert keywords.y1 < found[1].y < cc.y0
    assert abs(copies.x1 - (RIGHT - one)) < ONE_MM
    assert found[-2].y < copies.y0
