"""data_tables: the data tables of a page, cells, spans, header rows and caption."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pipeline.decode.html import extract
from pipeline.decode.tables import data_tables


def _tables(markup: str):
    return data_tables(BeautifulSoup(markup, "html.parser"))


def test_cells_spans_header_and_caption():
    [t] = _tables(
        "<table><caption>表1 安排</caption><thead><tr><th>日期</th><th colspan=2>值班</th></tr></thead>"
        "<tbody><tr><td>3月6日</td><td rowspan=2>张三</td><td>李四</td></tr><tr><td>3月7日</td><td>王五</td></tr>"
        "</tbody></table>"
    )
    assert t.caption == "表1 安排"
    assert t.header_rows == 1
    assert [[(c.text, c.rowspan, c.colspan) for c in r] for r in t.rows] == [
        [("日期", 1, 1), ("值班", 1, 2)],
        [("3月6日", 1, 1), ("张三", 2, 1), ("李四", 1, 1)],
        [("3月7日", 1, 1), ("王五", 1, 1)],
    ]


def test_a_layout_table_holding_another_table_or_long_text_is_not_a_data_table():
    nested = "<table><tr><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr></table>"
    assert len(_tables(nested)) == 1  # only the inner one
    long_cell = "<table><tr><td>" + "正文" * 150 + "</td><td>x</td></tr><tr><td>a</td><td>b</td></tr></table>"
    assert _tables(long_cell) == ()


def test_one_row_or_one_column_is_no_table():
    assert _tables("<table><tr><td>甲</td><td>乙</td></tr></table>") == ()
    assert _tables("<table><tr><td>甲</td></tr><tr><td>乙</td></tr></table>") == ()


def test_the_extractor_hands_its_page_tables_on_with_the_rows_as_lines():
    page = extract(
        "<body><div><h1>统计</h1><p>各项数据如下。</p><table><tr><th>项目</th><th>数值</th></tr>"
        "<tr><td>产值</td><td>3.0</td></tr></table></div></body>"
    )
    [t] = page.tables
    assert [[c.text for c in r] for r in t.rows] == [["项目", "数值"], ["产值", "3.0"]]
    assert "项目 数值" in page.text
