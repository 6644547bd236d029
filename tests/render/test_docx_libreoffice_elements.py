"""The elements of a 公文 in the DOCX, laid out by LibreOffice and measured (issue 15).

The same hand-made articles as ``test_render_pdf_elements.py`` are rendered to DOCX,
converted with one ``soffice --headless --convert-to pdf`` call and measured on the pages:
text boxes from poppler, rules and the red mark from the pixels.  Vertical distances are
taken between lines of one face (LibreOffice's text boxes are taller than reportlab's,
so their bottoms differ from the baseline by another constant), each within 1 mm of the
clause.  Needs LibreOffice and the Fandol fonts as in ``test_docx_libreoffice.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Article, Date, Head, Paragraph, Signature
from pipeline.render import style
from pipeline.render.docx import render
from render.measure import (
    BOTTOM,
    CENTRE,
    LEFT,
    MM,
    ONE_MM,
    PAGE,
    RIGHT,
    TOP,
    Line,
    filler,
    find,
    libreoffice_missing,
    libreoffice_pdfs,
    lines,
    long_table,
    notice,
    pages,
    red_ink,
    rules,
    speech,
)

pytestmark = pytest.mark.slow

CH = 15.75  # LibreOffice advances a body character 15.75 pt (docx.CHAR_SPACING_TWIPS)


def _articles() -> dict[str, tuple[Article, bool]]:
    head = Head(issuer="XX县人民政府", doc_number="X政〔2024〕12号", signers=("张三", "李四"))
    return {
        "notice": (notice(), False),
        "seal": (notice(), True),
        "signers": (notice(head=head), False),
        "speech": (speech(), False),
        "table": (Article("统计表", "", (Paragraph("下表为各项数值。"), long_table())), False),
        "alone": (
            Article("关于做好工作的通知", "", (*filler(9), Signature("某县人民政府"), Date("2024年3月5日"))),
            False,
        ),
        "odd": (notice(head=None, blocks=filler(5)), False),
        "even-full": (notice(head=None, blocks=filler(20)), False),
    }


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    reason = libreoffice_missing()
    if reason:
        pytest.skip(reason)
    docx = {name: render(a, seal=seal) for name, (a, seal) in _articles().items()}
    return libreoffice_pdfs(docx, tmp_path_factory.mktemp("lo-elements"))


def _lines(laid_out: dict[str, Path], name: str) -> list[Line]:
    return lines(laid_out[name])


def test_issuer_mark_top_is_35mm_below_the_type_area_and_centred(laid_out):
    x0, y0, x1, _ = red_ink(laid_out["notice"], 1)
    assert abs(y0 - (TOP + 35 * MM)) < ONE_MM  # 7.2.4
    assert abs((x0 + x1) / 2 - CENTRE) < ONE_MM


def test_red_separator_4mm_under_the_doc_number_and_title_two_lines_below(laid_out):
    ls = _lines(laid_out, "notice")
    number, title = find(ls, "X政发〔2024〕3号"), find(ls, "关于做好2024年度防汛抗旱工作的通知")
    [separator] = [r for r in rules(laid_out["notice"], 1) if r.red]
    # the doc number's ink ends near its box's bottom less the face's descent (LibreOffice's
    # boxes run 0.3 em below the baseline, the glyphs 0.12 em): 4 mm from the glyphs
    glyph_bottom = number.y1 - (0.316 - 0.12) * style.DOC_NUMBER.size
    assert abs(separator.y - glyph_bottom - 4 * MM) < ONE_MM  # 7.2.7
    assert abs(separator.x0 - LEFT) < ONE_MM
    assert abs(separator.x1 - RIGHT) < ONE_MM
    assert abs(number.centre - CENTRE) < ONE_MM
    assert title.y0 - separator.y > style.TITLE_AFTER_SEPARATOR_LINES * PAGE.line_pitch - ONE_MM  # 7.3.1


def test_upward_document_doc_number_and_signers_one_char_in(laid_out):
    ls = _lines(laid_out, "signers")
    number = find(ls, "X政〔2024〕12号")
    signer = next(w for ln in ls for w in ln.words if "李四" in w.text)
    assert abs(number.x0 - (LEFT + CH)) < ONE_MM
    assert abs(signer.x1 - (RIGHT - CH)) < ONE_MM


def test_recipients_and_their_continuation_flush_left(laid_out):
    ls = _lines(laid_out, "notice")
    first = find(ls, "各乡镇人民政府")
    second = ls[ls.index(first) + 1]
    assert abs(first.x0 - LEFT) < ONE_MM
    assert abs(second.x0 - LEFT) < ONE_MM


def test_speech_bylines_centred_and_salutation_flush_left(laid_out):
    ls = _lines(laid_out, "speech")
    speaker, date, salutation = find(ls, "张建国"), find(ls, "2024年2月26日"), find(ls, "同志们：")
    assert abs(speaker.centre - CENTRE) < ONE_MM
    assert abs(date.centre - CENTRE) < ONE_MM
    assert abs(salutation.x0 - LEFT) < ONE_MM
    assert abs(salutation.y1 - date.y1 - 2 * PAGE.line_pitch) < ONE_MM  # the blank line after the bylines


def test_attachments_two_chars_in_numbers_and_names_aligned(laid_out):
    ls = _lines(laid_out, "notice")
    first = find(ls, "附件：1.")
    continuation = ls[ls.index(first) + 1]
    second = find(ls, "2.汛期值班安排表")
    assert abs(first.x0 - (LEFT + 2 * CH)) < ONE_MM  # 7.3.4
    assert abs(second.x0 - (LEFT + 5 * CH)) < ONE_MM
    second_name = second.x1 - len("汛期值班安排表") * CH
    assert abs(continuation.x0 - second_name) < ONE_MM


def test_signature_right_indented_two_chars_date_two_chars_right_of_it(laid_out):
    ls = _lines(laid_out, "notice")
    sig, date, note = find(ls, "某县防汛抗旱指挥部"), find(ls, "2024年3月5日"), find(ls, "（此件公开发布）")
    end = find(ls, "2.汛期值班安排表")
    assert abs(sig.x1 - (RIGHT - 2 * CH)) < ONE_MM  # 7.3.5.2
    assert abs(date.x0 - (sig.x0 + 2 * CH)) < ONE_MM
    assert abs(sig.y1 - end.y1 - 2 * PAGE.line_pitch) < ONE_MM
    assert abs(note.x0 - (LEFT + 2 * CH)) < ONE_MM
    assert abs(note.y1 - date.y1 - PAGE.line_pitch) < ONE_MM


def test_with_a_seal_date_four_chars_in_and_signature_centred_over_it(laid_out):
    ls = _lines(laid_out, "seal")
    sig, date = find(ls, "某县防汛抗旱指挥部"), find(ls, "2024年3月5日")
    assert abs(date.x1 - (RIGHT - 4 * CH)) < ONE_MM  # 7.3.5.1
    assert abs(sig.centre - date.centre) < ONE_MM


def test_signature_and_date_keep_a_body_line_on_their_page(laid_out):
    ls = _lines(laid_out, "alone")
    sig = find(ls, "某县人民政府", whole=True)
    assert sig.page == find(ls, "2024年3月5日").page
    assert [ln for ln in ls if ln.page == sig.page and "经经经" in ln.text]  # 7.3.5.5


def test_table_header_repeated_on_every_page_and_no_row_split(laid_out):
    ls = _lines(laid_out, "table")
    n = pages(laid_out["table"])
    assert n >= 2
    header = [ln for ln in ls if ln.text.replace(" ", "").startswith("序号")]
    assert sorted({h.page for h in header}) == list(range(1, n + 1))  # tblHeader
    assert abs(find(ls, "表1汛期值班安排").centre - CENTRE) < ONE_MM
    for r in range(1, 61):
        assert find(ls, f"起{r}号").page == find(ls, f"止{r}号").page, f"row {r} split (cantSplit)"


def test_imprint_last_rule_on_the_bottom_edge_of_the_type_area_on_an_even_page(laid_out):
    path = laid_out["notice"]
    last = pages(path)
    assert last % 2 == 0
    found = [r for r in rules(path, last) if not r.red and r.y > TOP + PAGE.body_height / 2]
    assert len(found) == 3
    assert abs(found[-1].y - BOTTOM) < ONE_MM  # 7.4.1
    ls = [ln for ln in _lines(laid_out, "notice") if ln.page == last]
    cc = find(ls, "抄送：")
    one = style.IMPRINT_INDENT_CHARS * style.IMPRINT.size
    assert abs(cc.x0 - (LEFT + one)) < ONE_MM
    continuation = ls[ls.index(cc) + 1]
    assert abs(continuation.x0 - (LEFT + one + 3 * style.IMPRINT.size)) < ONE_MM  # after 抄送：


def test_imprint_after_an_odd_page_goes_to_the_next_page(laid_out):
    ls = _lines(laid_out, "odd")
    assert pages(laid_out["odd"]) == 2
    assert find(ls, "抄送：").page == 2


def test_imprint_after_a_full_even_page_follows_a_blank_page_neither_numbered(laid_out):
    path = laid_out["even-full"]
    ls = _lines(laid_out, "even-full")
    assert pages(path) == 4
    assert find(ls, "抄送：").page == 4
    assert not [ln for ln in ls if ln.page == 3]
    numbered = {ln.page for ln in ls if ln.text.replace(" ", "").startswith("—")}
    assert numbered == {1, 2}  # 7.5
