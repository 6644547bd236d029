"""numbering: parse_marker over every marker family of MARKERS, its near misses, and cn_value.

GB/T 9704 orders levels 一、 → （一） → 1. → （1）; the table also knows the variants real
texts use (二. 三． (一) 1． 1、 1 、 (1) ① 第一、 第一部分 1 / 1.1 / 1.1.1 ■).  Each positive
row checks every field of the Marker; each near miss must return None.
"""

from __future__ import annotations

import doctest

import pytest

from pipeline.text import numbering
from pipeline.text.numbering import MARKERS, cn_value, parse_marker

# text, family, level, number (as written), standard (as printed), value, rest
POSITIVES = [
    # cn-dun: 一、 二. 三． — level 1, printed 一、
    pytest.param("一、基本情况", "cn-dun", 1, "一、", "一、", 1, "基本情况", id="cn-dun-dunhao"),
    pytest.param("二.基本情况", "cn-dun", 1, "二.", "二、", 2, "基本情况", id="cn-dun-ascii-dot"),
    pytest.param("三．基本情况", "cn-dun", 1, "三．", "三、", 3, "基本情况", id="cn-dun-fullwidth-dot"),
    pytest.param(
        "一 、基本情况", "cn-dun", 1, "一 、", "一、", 1, "基本情况", id="cn-dun-space-before-dunhao"
    ),
    pytest.param("一、 基本情况", "cn-dun", 1, "一、", "一、", 1, "基本情况", id="cn-dun-space-after"),
    pytest.param("十、附则", "cn-dun", 1, "十、", "十、", 10, "附则", id="cn-dun-ten"),
    pytest.param("十二、其他事项", "cn-dun", 1, "十二、", "十二、", 12, "其他事项", id="cn-dun-twelve"),
    pytest.param("二十一、附则", "cn-dun", 1, "二十一、", "二十一、", 21, "附则", id="cn-dun-twenty-one"),
    pytest.param("  一、基本情况", "cn-dun", 1, "一、", "一、", 1, "基本情况", id="leading-indent-ignored"),
    pytest.param(
        "二、在“四风”方面存在的突出问题、表现、原因及应对措施 在密切联系群众方面存在的问题。",
        "cn-dun",
        1,
        "二、",
        "二、",
        2,
        "在“四风”方面存在的突出问题、表现、原因及应对措施 在密切联系群众方面存在的问题。",
        id="seed002-run-in-heading",
    ),
    # cn-paren: （一） (一) — level 2, printed （一）
    pytest.param("（一）加强领导", "cn-paren", 2, "（一）", "（一）", 1, "加强领导", id="cn-paren-fullwidth"),
    pytest.param("(一)加强领导", "cn-paren", 2, "(一)", "（一）", 1, "加强领导", id="cn-paren-ascii"),
    pytest.param(
        "（ 二 ）加强领导", "cn-paren", 2, "（ 二 ）", "（二）", 2, "加强领导", id="cn-paren-inner-spaces"
    ),
    pytest.param(
        "（一）、加强领导", "cn-paren", 2, "（一）、", "（一）", 1, "加强领导", id="cn-paren-plus-dunhao"
    ),
    pytest.param("(三).加强领导", "cn-paren", 2, "(三).", "（三）", 3, "加强领导", id="cn-paren-plus-dot"),
    pytest.param("（十）其他", "cn-paren", 2, "（十）", "（十）", 10, "其他", id="cn-paren-ten"),
    pytest.param("(十二)其他", "cn-paren", 2, "(十二)", "（十二）", 12, "其他", id="cn-paren-twelve"),
    pytest.param(
        "(一)开展群众路线教育,要着力解决好“认识方面”的问题。在教育实践活动中",
        "cn-paren",
        2,
        "(一)",
        "（一）",
        1,
        "开展群众路线教育,要着力解决好“认识方面”的问题。在教育实践活动中",
        id="seed001-run-in",
    ),
    # arabic-dot: 1. 1． 1、 1 、 — level 3, printed 1.
    pytest.param("1.联系群众不够", "arabic-dot", 3, "1.", "1.", 1, "联系群众不够", id="arabic-dot-ascii"),
    pytest.param(
        "1．联系群众不够", "arabic-dot", 3, "1．", "1.", 1, "联系群众不够", id="arabic-dot-fullwidth"
    ),
    pytest.param("1、联系群众不够", "arabic-dot", 3, "1、", "1.", 1, "联系群众不够", id="arabic-dot-dunhao"),
    pytest.param(
        "1 、干部下基层开展", "arabic-dot", 3, "1 、", "1.", 1, "干部下基层开展", id="seed004-space-dunhao"
    ),
    pytest.param("12.第十二项", "arabic-dot", 3, "12.", "12.", 12, "第十二项", id="arabic-dot-two-digits"),
    pytest.param("1.（1）加强", "arabic-dot", 3, "1.", "1.", 1, "（1）加强", id="arabic-dot-before-paren"),
    # arabic-paren: （1） (1) — level 4, printed （1）
    pytest.param(
        "（1）做好宣传", "arabic-paren", 4, "（1）", "（1）", 1, "做好宣传", id="arabic-paren-fullwidth"
    ),
    pytest.param("(1)做好宣传", "arabic-paren", 4, "(1)", "（1）", 1, "做好宣传", id="arabic-paren-ascii"),
    pytest.param(
        "（12）做好宣传", "arabic-paren", 4, "（12）", "（12）", 12, "做好宣传", id="arabic-paren-twelve"
    ),
    pytest.param(
        "（1）、做好宣传", "arabic-paren", 4, "（1）、", "（1）", 1, "做好宣传", id="arabic-paren-dunhao"
    ),
    # circled: ① — level 4, printed as written
    pytest.param("①加强组织领导", "circled", 4, "①", "①", 1, "加强组织领导", id="circled-1"),
    pytest.param("② 加强组织领导", "circled", 4, "②", "②", 2, "加强组织领导", id="circled-space"),
    pytest.param("⑩第十项", "circled", 4, "⑩", "⑩", 10, "第十项", id="circled-10"),
    pytest.param("⑳第二十项", "circled", 4, "⑳", "⑳", 20, "第二十项", id="circled-20"),
    # cn-ordinal: 第一、 第二. — its own family (nested by structure), printed as written
    pytest.param(
        "第一、党的基层组织是党的组织基础",
        "cn-ordinal",
        1,
        "第一、",
        "第一、",
        1,
        "党的基层组织是党的组织基础",
        id="seed004-di-yi-dunhao",
    ),
    pytest.param("第二.加强学习", "cn-ordinal", 1, "第二.", "第二.", 2, "加强学习", id="cn-ordinal-dot"),
    pytest.param("第十二、其他", "cn-ordinal", 1, "第十二、", "第十二、", 12, "其他", id="cn-ordinal-twelve"),
    # cn-part: 第一部分 / 第一章 — level 1, title shape required
    pytest.param(
        "第一部分 基本情况", "cn-part", 1, "第一部分", "第一部分", 1, "基本情况", id="cn-part-bufen"
    ),
    pytest.param("第一章 总则", "cn-part", 1, "第一章", "第一章", 1, "总则", id="cn-part-zhang"),
    pytest.param("第1章 总则", "cn-part", 1, "第1章", "第1章", 1, "总则", id="cn-part-arabic"),
    pytest.param("第二节 工作流程", "cn-section", 2, "第二节", "第二节", 2, "工作流程", id="cn-section"),
    pytest.param(
        "第三部分：存在问题", "cn-part", 1, "第三部分：", "第三部分：", 3, "存在问题", id="cn-part-colon"
    ),
    pytest.param("第十章 附则", "cn-part", 1, "第十章", "第十章", 10, "附则", id="cn-part-ten"),
    # decimal outline: 1 / 1.1 / 1.1.1 — level by depth, title shape required
    pytest.param("1 基层党建工作现状", "decimal", 1, "1", "1", 1, "基层党建工作现状", id="seed003-decimal-1"),
    pytest.param(
        "1.1 党员干部覆盖情况", "decimal", 2, "1.1", "1.1", 1, "党员干部覆盖情况", id="seed003-decimal-2"
    ),
    pytest.param(
        "3.2 群众路线是解决人民群众突出问题的有效途径",
        "decimal",
        2,
        "3.2",
        "3.2",
        2,
        "群众路线是解决人民群众突出问题的有效途径",
        id="seed003-decimal-3-2",
    ),
    pytest.param("1.1.1 党员数量", "decimal", 3, "1.1.1", "1.1.1", 1, "党员数量", id="decimal-3"),
    pytest.param("1.1.1.1 细目", "decimal", 4, "1.1.1.1", "1.1.1.1", 1, "细目", id="decimal-4"),
    pytest.param("1.2.党员", "decimal", 2, "1.2.", "1.2.", 2, "党员", id="decimal-trailing-dot"),
    pytest.param("1．1 党员", "decimal", 2, "1．1", "1．1", 1, "党员", id="decimal-fullwidth-dot"),
    pytest.param(
        "1.1党员干部覆盖情况", "decimal", 2, "1.1", "1.1", 1, "党员干部覆盖情况", id="decimal-no-space"
    ),
    pytest.param("12 结论", "decimal", 1, "12", "12", 12, "结论", id="decimal-12"),
    # bullet: ■ ● … — level 1, value 0, title shape required
    pytest.param(
        "■充分认识做好新形势下群众工作的极端重要性",
        "bullet",
        1,
        "■",
        "■",
        0,
        "充分认识做好新形势下群众工作的极端重要性",
        id="seed004-square-bullet",
    ),
    pytest.param("● 当前群众的民主意识", "bullet", 1, "●", "●", 0, "当前群众的民主意识", id="round-bullet"),
    pytest.param("◆ 要点一", "bullet", 1, "◆", "◆", 0, "要点一", id="diamond-bullet"),
    pytest.param("★重点工作", "bullet", 1, "★", "★", 0, "重点工作", id="star-bullet"),
]


@pytest.mark.parametrize(("text", "family", "level", "number", "standard", "value", "rest"), POSITIVES)
def test_parse_marker_reads_every_field(text, family, level, number, standard, value, rest):
    m = parse_marker(text)
    assert m is not None
    assert (m.family, m.level, m.number, m.standard, m.value, m.rest) == (
        family,
        level,
        number,
        standard,
        value,
        rest,
    )


def test_every_family_of_the_table_has_a_positive_case():
    covered = {p.values[1] for p in POSITIVES}
    assert covered == {fam.name for fam in MARKERS}


@pytest.mark.parametrize(
    ("text", "needs_title_shape"),
    [
        pytest.param("一、基本情况", False, id="cn-dun"),
        pytest.param("1.1 党员干部覆盖情况", True, id="decimal"),
        pytest.param("第一部分 基本情况", True, id="cn-part"),
        pytest.param("■充分认识", True, id="bullet"),
        pytest.param("（1）做好宣传", False, id="arabic-paren"),
    ],
)
def test_parse_marker_flags_families_that_need_a_title_shaped_rest(text, needs_title_shape):
    m = parse_marker(text)
    assert m is not None
    assert m.needs_title_shape is needs_title_shape


NEAR_MISSES = [
    # inline enumerations (seed 001, 002, 004): body paragraphs, not headings
    pytest.param("一是强化自我管理。", id="yi-shi"),
    pytest.param("二是强化组织严管。", id="er-shi"),
    pytest.param("一要总体把握活动的主要内容。", id="yi-yao"),
    pytest.param("一是要…", id="yi-shi-yao"),
    pytest.param("首先，党的群众路线教育实践活动", id="shouxian"),
    pytest.param("其次，要加强学习。", id="qici"),
    pytest.param("第一，要加强学习。", id="di-yi-comma"),
    # dates and figures
    pytest.param("2013年以来，全县经济", id="year"),
    pytest.param("3.2%的增长率", id="percent"),
    pytest.param("10:30召开会议", id="time"),
    pytest.param("2013.5.12召开会议", id="dotted-date"),
    pytest.param("1.2.3", id="version-alone"),
    pytest.param("二〇二三年工作要点", id="chinese-year"),
    pytest.param("一九九八年", id="chinese-year-bare"),
    pytest.param("（2023）12号文件", id="document-year-in-parens"),
    pytest.param("100、编号", id="three-digits"),
    pytest.param("12345.编号", id="five-digits"),
    pytest.param("1、2号楼已经完工。", id="dunhao-between-numbers"),
    pytest.param("1 、2号楼", id="spaced-dunhao-between-numbers"),
    pytest.param("一、二类地区全部脱贫", id="yi-er-lei"),
    pytest.param("三、四级干部", id="san-si-ji"),
    pytest.param("一.二级", id="yi-er-ji-dot"),
    pytest.param("1.5亿元的投入", id="decimal-yi-yuan"),
    pytest.param("2.5万人参加", id="decimal-wan-ren"),
    pytest.param("1.5倍", id="decimal-bei"),
    pytest.param("5.12汶川特大地震发生后", id="date-5-12"),
    pytest.param("3.15晚会曝光了一批企业", id="date-3-15"),
    # quoted list items and items inside a sentence
    pytest.param("“一、坚持党的领导”是首要原则。", id="quoted-cn-dun"),
    pytest.param('"一、坚持"', id="straight-quoted"),
    pytest.param("我们要做到三点：一、坚持学习；二、坚持实践。", id="items-inside-sentence"),
    pytest.param("在（一）中已经说明。", id="paren-inside-sentence"),
    # a marker alone is not a heading
    pytest.param("一、", id="alone-cn-dun"),
    pytest.param("（一）", id="alone-cn-paren"),
    pytest.param("1.", id="alone-arabic-dot"),
    pytest.param("(1)", id="alone-arabic-paren"),
    pytest.param("①", id="alone-circled"),
    pytest.param("① ", id="alone-circled-space"),
    pytest.param("●", id="alone-bullet"),
    pytest.param("第一部分", id="alone-cn-part"),
    pytest.param("1 ", id="alone-decimal"),
    pytest.param("1.1 ", id="alone-decimal-2"),
    # forms outside the table
    pytest.param("第一条 为了规范管理", id="di-yi-tiao"),
    pytest.param("第一 加强学习", id="di-yi-space"),
    pytest.param("Ⅰ.总则", id="roman"),
    pytest.param("A.基本情况", id="latin-letter"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_parse_marker_returns_none_for_near_misses(text):
    assert parse_marker(text) is None


_DIGITS = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """1..99 in Chinese numerals, written the usual way (十, 十二, 二十, 二十一)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


@pytest.mark.parametrize("n", [*range(1, 31), 39, 40, 45, 50, 88, 99])
def test_every_number_reads_back_in_each_numbered_family(n):
    cases = {
        f"{_cn(n)}、基本情况": ("cn-dun", f"{_cn(n)}、"),
        f"（{_cn(n)}）加强领导": ("cn-paren", f"（{_cn(n)}）"),
        f"{n}.联系群众": ("arabic-dot", f"{n}."),
        f"({n})做好宣传": ("arabic-paren", f"（{n}）"),
        f"第{_cn(n)}、加强学习": ("cn-ordinal", f"第{_cn(n)}、"),
    }
    for text, (family, standard) in cases.items():
        m = parse_marker(text)
        assert m is not None, text
        assert (m.family, m.value, m.standard) == (family, n, standard), text


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        pytest.param("一", 1, id="1"),
        pytest.param("两", 2, id="liang"),
        pytest.param("九", 9, id="9"),
        pytest.param("十", 10, id="10"),
        pytest.param("十二", 12, id="12"),
        pytest.param("二十", 20, id="20"),
        pytest.param("二十一", 21, id="21"),
        pytest.param("九十九", 99, id="99"),
        pytest.param("一百", 100, id="100"),
        pytest.param("一百零五", 105, id="105"),
        pytest.param("一百〇五", 105, id="105-ling-circle"),
        pytest.param("三百二十", 320, id="320"),
        pytest.param("〇", 0, id="ling-circle"),
        pytest.param("零", 0, id="ling"),
    ],
)
def test_cn_value(numeral, value):
    assert cn_value(numeral) == value


@pytest.mark.parametrize("n", range(1, 100))
def test_cn_value_inverts_the_usual_writing(n):
    assert cn_value(_cn(n)) == n


def test_numbering_doctests_pass():
    assert doctest.testmod(numbering).failed == 0
