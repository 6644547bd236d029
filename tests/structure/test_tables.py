"""find_tables: tables among the decoded lines, and what they take back from cleaning."""

from __future__ import annotations

from pipeline.model import Cell, Cleaned, Removal, Table
from pipeline.structure.tables import find_tables
from pipeline.text.lines import split_lines


def _texts(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def _found(text: str, known: tuple[Table, ...] = (), cleaned: Cleaned | None = None):
    lines = split_lines(text)
    return find_tables(lines, cleaned or Cleaned(lines, ()), known)


def test_space_aligned_columns_with_figures_are_a_table_with_a_header_row():
    rest, [placed] = _found(
        "下表是各乡镇的数据。\n乡镇      人口    面积\n城关镇    35000   120\n新华镇    21000   98\n"
    )
    assert _texts(placed.table) == [
        ["乡镇", "人口", "面积"],
        ["城关镇", "35000", "120"],
        ["新华镇", "21000", "98"],
    ]
    assert placed.table.header_rows == 1
    assert [ln.text for ln in rest.lines] == ["下表是各乡镇的数据。"]
    assert (placed.first, placed.last) == (2, 4)


def test_tab_separated_lines_need_not_line_up_or_hold_figures():
    _, [placed] = _found("姓名\t职务\t单位\n张三\t局长\t县水利局\n李四\t副局长\t县应急管理局\n")
    assert _texts(placed.table)[2] == ["李四", "副局长", "县应急管理局"]


def test_columns_that_do_not_line_up_are_no_table():
    assert _found("甲  1\n乙乙乙乙乙乙乙乙  2\n丙  3\n")[1] == ()


def test_aligned_words_without_a_figure_are_a_list_not_a_table():
    assert _found("首页      新闻      通知\n关于      联系      地图\n帮助      反馈      网站\n")[1] == ()


def test_flattened_prose_with_spaces_is_no_table():
    prose = "我们要坚持以人民为中心的发展思想。  不断增强人民群众的获得感。  持续推进各项工作落实。"
    assert _found(f"{prose}\n{prose}\n{prose}\n")[1] == ()


def test_two_rows_are_not_enough_for_a_space_aligned_table():
    assert _found("联系人：张三      电话：1234\n传真：5678        邮箱：无\n")[1] == ()


def test_markdown_table_drops_its_separators_as_table_markup():
    rest, [placed] = _found("序号 | 省份 | GDP |\n---|---|---|\n1 | 广东 | 13.57 |\n2 | 江苏 | 12.82 |\n")
    assert _texts(placed.table) == [["序号", "省份", "GDP"], ["1", "广东", "13.57"], ["2", "江苏", "12.82"]]
    assert placed.table.header_rows == 1
    assert [(r.text, r.reason) for r in rest.removed] == [
        ("|||", "table-markup"),
        ("---|---|---|", "table-markup"),
        ("|||", "table-markup"),
        ("|||", "table-markup"),
    ]


def test_pipes_without_a_rule_line_are_no_markdown_table():
    assert _found("首页 | 新闻 | 通知\n关于 | 联系 | 地图\n")[1] == ()


def test_rows_closed_by_a_bar_are_a_table_without_a_rule_line():
    # tf05 of the dev corpus: a holiday table pasted as "cell | cell |" rows
    rest, [placed] = _found(
        "具体安排如下：\n节日 | 放假开始日期 | 共计天数 |\n春节 | 2023年1月21日 | 7天 |\n调休 | 2023年1月28日 | 2天 |\n"
    )
    assert _texts(placed.table) == [
        ["节日", "放假开始日期", "共计天数"],
        ["春节", "2023年1月21日", "7天"],
        ["调休", "2023年1月28日", "2天"],
    ]
    assert [ln.text for ln in rest.lines] == ["具体安排如下："]
    assert [r.text for r in rest.removed] == ["|||"] * 3


def test_a_row_broken_inside_a_cell_is_joined_and_the_columns_come_from_the_rows():
    # tf02: the header's second cell broken over two lines, then rows of five
    rows = "\n".join(f"作物{i} | {i}00 | -1.{i} | {i}50 | 0.{i} |" for i in range(1, 5))
    _, [placed] = _found(
        "品 名 | 播种面积\n（亩） |\n同比增减（%） | 产量（吨） | 同比增减（%） |\n" + rows + "\n"
    )
    assert _texts(placed.table)[0] == [
        "品 名",
        "播种面积（亩）",
        "同比增减（%）",
        "产量（吨）",
        "同比增减（%）",
    ]
    assert len(placed.table.rows) == 5
    assert placed.table.header_rows == 1


def test_a_cell_per_line_closed_by_bars_finds_its_column_count():
    # tf01: a 统计公报 table flattened to "cell |" lines
    cells = ["指 标", "绝对数", "比上年增长（%）", "生产总值", "414.9", "7.4", "第一产业", "60.8", "3.9"]
    _, [placed] = _found("单位：亿元\n" + "\n".join(c + " |" for c in cells) + "\n")
    assert _texts(placed.table) == [cells[0:3], cells[3:6], cells[6:9]]


def test_two_rows_of_words_closed_by_bars_are_no_table():
    assert _found("首页 | 新闻 | 通知 |\n关于 | 联系 | 地图 |\n")[1] == ()


def test_a_cell_per_line_with_bar_lines_finds_its_column_count():
    cells = [
        "指标",
        "单位",
        "累计",
        "±%",
        "工业增加值",
        "亿元",
        "―",
        "3.0",
        "社会消费品零售总额",
        "亿元",
        "631.38",
        "-7.8",
    ]
    rest, [placed] = _found("\n".join(x for c in cells for x in (c, "|")) + "\n")
    assert _texts(placed.table) == [cells[0:4], cells[4:8], cells[8:12]]
    assert placed.table.header_rows == 1
    assert {r.text for r in rest.removed} == {"|"}
    assert len(rest.removed) == 12


def test_a_caption_shaped_line_above_a_text_table_is_its_caption():
    _, [placed] = _found(
        "2020年主要经济指标\n指标      单位    数值\n产值      亿元    3.0\n投资      亿元    3.2\n"
    )
    assert placed.table.caption == "2020年主要经济指标"
    assert placed.first == 1


def test_a_table_takes_back_the_cells_cleaning_cut_inside_it():
    text = "指标\n|\n单位\n|\n累计\n|\n产值\n|\n亿元\n|\n3.0\n|\n投资\n|\n亿元\n|\n3.2\n|\n"
    lines = split_lines(text)
    # a rule cut the unit cells and the bars as a repeated header
    cut = {"亿元", "|"}
    cleaned = Cleaned(
        tuple(ln for ln in lines if ln.text not in cut),
        tuple(Removal(ln.text, "repeated-header", ln.no) for ln in lines if ln.text in cut),
    )
    rest, [placed] = find_tables(lines, cleaned)
    assert _texts(placed.table)[1] == ["产值", "亿元", "3.0"]
    assert {r.reason for r in rest.removed} == {"table-markup"}


def test_a_table_cleaning_cut_mostly_stays_cut():
    lines = split_lines("文章一      2024-01-01\n文章二      2024-01-02\n文章三      2024-01-03\n")
    cleaned = Cleaned((), tuple(Removal(ln.text, "related-links", ln.no) for ln in lines))
    rest, placed = find_tables(lines, cleaned)
    assert placed == ()
    assert rest == cleaned


def test_an_html_table_is_matched_to_its_row_lines_with_its_caption():
    table = Table(
        ((Cell("日期"), Cell("值班")), (Cell("3月6日"), Cell("张三", rowspan=2)), (Cell("3月7日"),)),
        1,
        "表1 值班安排",
    )
    rest, [placed] = _found("通知如下。\n表1 值班安排\n日期 值班\n3月6日 张三\n3月7日\n以上。\n", (table,))
    assert placed.table == table
    assert (placed.first, placed.last) == (2, 5)
    assert [ln.text for ln in rest.lines] == ["通知如下。", "以上。"]


def test_an_html_table_whose_rows_are_not_in_the_text_is_left_alone():
    table = Table(((Cell("甲"), Cell("乙")), (Cell("丙"), Cell("丁"))))
    assert _found("正文一段。\n正文二段。\n", (table,))[1] == ()
