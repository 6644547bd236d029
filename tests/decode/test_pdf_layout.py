"""PDF geometry → lines → paragraphs, on hand-made glyphs (no PDF needed)."""

from __future__ import annotations

from pipeline.decode.pdf_layout import Glyph, Line, furniture, layout, runs

SIZE = 10.0


def text_line(text, x, y, size=SIZE, *, pitch=None, bold=False):
    pitch = pitch or size
    return [Glyph(ch, x + k * pitch, x + k * pitch + size * 0.9, y, size, bold) for k, ch in enumerate(text)]


def page(lines):
    return [g for line in lines for g in line]


def test_generated_spaces_between_chinese_are_dropped_and_words_keep_theirs():
    glyphs = [
        *text_line("党建", 0, 100),
        Glyph(" ", 20, 20, 100, SIZE, generated=True),
        *text_line("工作", 21, 100),
    ]
    glyphs += [Glyph("a", 50, 55, 100, SIZE), Glyph("b", 60, 65, 100, SIZE)]
    (line,) = runs(glyphs, 0)
    assert line.text == "党建工作a b"


def test_a_hard_wrapped_paragraph_is_rejoined_and_an_indent_starts_the_next():
    body = [
        text_line("一二三四五六七八九十一二三四五六七八九十", 20, 700),  # indented first line, full
        text_line("一二三四五六七八九十一二三四五六七八九十一二", 0, 685),
        text_line("一二三四五六七八九十一二三四五六七八九十一二", 0, 670),
        text_line("结束。", 0, 655),  # ends short
        text_line("一二三四五六七八九十一二三四五六七八九十", 20, 640),
        text_line("一二三四五六七八九十一二三四五六七八九十一二", 0, 625),
        text_line("一二三四五六七八九十一二三四五六七八九十一二", 0, 610),
    ]
    result = layout([page(body)])
    assert [len(p.text) for p in result.paragraphs] == [20 + 22 + 22 + 3, 20 + 22 + 22]


def test_a_paragraph_goes_on_across_a_page_break():
    full = "一二三四五六七八九十一二三四五六七八九十一二"
    first = [text_line(full[2:], 20, 700)] + [text_line(full, 0, 700 - 15 * k) for k in range(1, 4)]
    second = [text_line(full, 0, 700), text_line(full, 0, 685), text_line("完。", 0, 670)]
    result = layout([page(first), page(second)])
    assert len(result.paragraphs) == 1


def test_two_columns_are_read_one_after_the_other():
    left = [text_line("左" * 12, 0, 700 - 15 * k) for k in range(6)]
    right = [text_line("右" * 12, 140, 700 - 15 * k) for k in range(6)]
    glyphs = [g for pair in zip(left, right, strict=True) for line in pair for g in line]  # drawn row by row
    result = layout([glyphs])
    text = "".join(p.text for p in result.paragraphs)
    assert text == "左" * 72 + "右" * 72
    assert result.columns == 2


def test_running_headers_and_page_numbers_are_furniture():
    pages = [
        [
            Line("XX县人民政府办公室", 0, 100, 800, SIZE, False, p),
            Line(["甲页正文。", "乙页正文。", "丙页正文。", "丁页正文。"][p], 0, 100, 700, SIZE, False, p),
            Line(f"— {p + 1} —", 0, 100, 50, SIZE, False, p),
        ]
        for p in range(4)
    ]
    got = furniture(pages)
    assert {(p, i) for p, i, _ in got} == {(p, i) for p in range(4) for i in (0, 2)}
    assert {r for _, i, r in got if i == 2} == {"page-number"}


def test_a_top_line_of_one_page_only_is_text():
    texts = ["关于开展检查的通知", "甲页正文。", "乙页正文。", "丙页正文。"]
    pages = [
        [Line(t, 0, 100, 800, SIZE, False, p), Line("又一句。", 0, 1, 700, SIZE, False, p)]
        for p, t in enumerate(texts)
    ]
    assert all(i != 0 for _, i, _ in furniture(pages))


def test_rows_of_cells_set_apart_are_a_table():
    rows = [page([text_line("序号", 0, 700), text_line("任务", 60, 700)])]
    rows += [page([text_line("1", 0, 685), text_line("排查隐患", 60, 685)])]
    result = layout([[g for r in rows for g in r]])
    assert [p.cells for p in result.paragraphs] == [("序号", "任务"), ("1", "排查隐患")]
    assert {p.table for p in result.paragraphs} == {1}
