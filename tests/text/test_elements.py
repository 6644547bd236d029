"""elements: each classifier on the shapes real pages print, and the near misses."""

from __future__ import annotations

import pytest

from pipeline.text import elements as e


@pytest.mark.parametrize(
    ("text", "ymd"),
    [
        pytest.param("2024年3月5日", (2024, 3, 5), id="arabic"),
        pytest.param("2024 年 3 月 5 日", (2024, 3, 5), id="spaced"),
        pytest.param("二〇二四年三月五日", (2024, 3, 5), id="chinese"),
        pytest.param("二OO八年三月五日", (2008, 3, 5), id="letter-O"),
        pytest.param("二○一九年十二月三十一日", (2019, 12, 31), id="circle-and-tens"),
        pytest.param("二〇二四年十月二十日", (2024, 10, 20), id="twenty"),
    ],
)
def test_parse_date_reads_arabic_and_chinese_numerals(text, ymd):
    assert e.parse_date(text) == ymd


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月",
        "3月5日",
        "2024年3月5日召开会议",
        "发布时间：2024年3月5日",
        "2024-03-05",
        "（2024年3月5日）",
    ],
)
def test_parse_date_refuses_partial_dates_and_dates_inside_sentences(text):
    assert e.parse_date(text) is None


def test_real_date_knows_the_calendar():
    assert e.real_date(2024, 2, 29)
    assert not e.real_date(2023, 2, 29)
    assert not e.real_date(2024, 13, 1)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("X政发〔2024〕3号", "X政发〔2024〕3号"),
        ("粤府办〔2023〕5号", "粤府办〔2023〕5号"),
        ("盤政辦發〔2021〕1號", "盤政辦發〔2021〕1號"),
        ("湘政办发[2009]24号", "湘政办发[2009]24号"),
        ("国办函（2020）第12号", "国办函（2020）第12号"),
        ("X政发〔2024〕3号    签发人：张三", "X政发〔2024〕3号"),
    ],
)
def test_doc_number_lines(text, number):
    assert e.doc_number(text) == number
    assert e.record_kind(text) == "head"


@pytest.mark.parametrize(
    "text",
    ["根据国办发〔2009〕3号文件精神", "X政发2024年3号", "〔2024〕3号", "X政发〔24〕3号"],
)
def test_doc_number_near_misses(text):
    assert e.doc_number(text) is None


def test_strict_doc_number_is_the_standard_form():
    assert e.STRICT_DOC_NUMBER.match("X政发〔2024〕3号")
    for wrong in ("X政发[2024]3号", "X政发〔2024〕03号", "X政发〔2024〕第3号", "X政发〔24〕3号"):
        assert not e.STRICT_DOC_NUMBER.match(wrong)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("000123", ("copy_number", "000123")),
        ("机密★1年", ("classification", "机密★1年")),
        ("秘密", ("classification", "秘密")),
        ("特急", ("urgency", "特急")),
        ("湖南省人民政府办公厅文件", ("issuer", "湖南省人民政府办公厅文件")),
        ("中共XX县委员会文件", ("issuer", "中共XX县委员会文件")),
    ],
)
def test_head_fields(text, field):
    assert e.head_field(text) == field


@pytest.mark.parametrize("text", ["12345", "学习文件", "关于印发文件的通知", "特急任务", "1234567"])
def test_head_field_near_misses(text):
    assert e.head_field(text) is None


def test_signers_after_a_label_or_a_doc_number():
    assert e.signers("签发人：张三　李四") == ("张三", "李四")
    assert e.signers("签 发 人: 王五") == ("王五",)
    assert e.signers("X政发〔2024〕3号 签发人：赵六") == ("赵六",)
    assert e.signers("签发人员名单") is None


@pytest.mark.parametrize(
    "text",
    [
        "太湖县人民政府",
        "盤錦市人民政府辦公室",
        "中共岳阳市委办公室",
        "天津创业股份有限公司董事会",
        "国际交流处",
        "鹰潭市科学技术协会",
    ],
)
def test_organs(text):
    assert e.is_organ(text)


@pytest.mark.parametrize(
    "text", ["特此通知", "张三", "各单位要高度重视。", "联系人：张三", "2024年3月5日", "局"]
)
def test_organ_near_misses(text):
    assert not e.is_organ(text)


@pytest.mark.parametrize(
    "text",
    [
        "各乡、镇人民政府，县政府各部门、各直属机构：",
        "各镇(街道)人民政府(办事处),临港经济开发区管委会,区政府各部门、直属机构:",
        "各县（市、区）科协、龙虎山景区文卫局、市工业园区经济发展局、各市级学会、厂矿科协：",
        "学校各单位：",
        "各市国防科工办，军工单位和民口配套单位：",
        "县委巡察办：",
    ],
)
def test_recipients(text):
    assert e.is_recipients(text)


@pytest.mark.parametrize(
    "text",
    [
        "同志们：",
        "现将有关事项通知如下：",
        "参会人员：",
        "主要做法：",
        "各单位要做到：一是学习，二是落实：",
        "说明：",
    ],
)
def test_recipients_near_misses(text):
    assert not e.is_recipients(text)


@pytest.mark.parametrize(
    "text",
    [
        "同志们：",
        "同志們:",
        "尊敬的领导、各位同事：",
        "各位领导，同志们：",
        "同志们、青年朋友们：",
        "省委习仲勋书记：",
        "亲爱的同学们：",
    ],
)
def test_salutations(text):
    assert e.is_salutation(text)


@pytest.mark.parametrize(
    "text", ["各单位：", "同志们要注意：", "主要做法：", "同志们", "请各位领导同志们在会后认真学习："]
)
def test_salutation_near_misses(text):
    assert not e.is_salutation(text)


def test_salutation_run_into_the_first_sentence_is_split_off():
    assert e.split_salutation("同志们：今天我们召开会议。") == ("同志们：", "今天我们召开会议。")
    assert e.split_salutation("我们要做到：一是学习。") is None


@pytest.mark.parametrize(
    "text",
    [
        "县长　张建国",
        "市城管局党组书记、局长  杜  宇",
        "（2024年2月26日）",
        "（2024年5月4日，根据录音整理）",
        "作者：白居易",
        "朝代：唐代",
        "文 / 欧洲金靴",
        "新华社记者邹多为、唐诗凝、丁乐",
        "文章发表于2022年12月26日",
        "安徽省安庆市岳西县石关乡人民政府 储川川",
    ],
)
def test_bylines(text):
    assert e.is_byline(text)


@pytest.mark.parametrize(
    "text",
    [
        "一、基本情况",
        "各位领导：",
        "我们要认真学习，深刻领会。",
        "提高思想认识",
        "01 初心",
        "（此件公开发布）",
    ],
)
def test_byline_near_misses(text):
    assert not e.is_byline(text)


def test_attachment_lines_and_items():
    assert e.attachment_line("附件：1.名单") == ("1.", "名单")
    assert e.attachment_line("附 件:会议回执") == ("", "会议回执")
    assert e.attachment_line("附件：") == ("", "")
    assert e.attachment_item("2、值班安排表") == ("2.", "值班安排表")
    assert e.attachment_item("3．《实施方案》") == ("3.", "《实施方案》")
    assert e.attachment_item("2.5万元") is None
    assert e.attachment_line("附件是一份名单") is None


def test_notes_are_bracketed_and_start_like_one():
    assert e.is_note("（此件公开发布）")
    assert e.is_note("(联系人：张三，电话：1234567)")
    assert not e.is_note("（2024年3月1日）")
    assert not e.is_note("（一）加强领导")


def test_signature_and_date_on_one_line():
    assert e.signature_and_date("XX县人民政府  2024年3月5日") == ("XX县人民政府", "2024年3月5日")
    assert e.signature_and_date("鹰潭市科协办公室 2008年3月5日印发") is None
    assert e.signature_and_date("截至 2024年3月5日") is None


def test_imprint_fields():
    assert e.imprint_fields("抄送：县委各部门。") == {"cc": "县委各部门。"}
    assert e.imprint_fields("主送：省政府。") == {"recipients": "省政府。"}
    assert e.imprint_fields("XX县人民政府办公室　　2024年3月6日印发") == {
        "printer": "XX县人民政府办公室",
        "print_date": "2024年3月6日印发",
    }
    assert e.imprint_fields("关于印发方案的通知") is None
    assert e.imprint_fields("经研究，2024年3月6日印发") is None


def test_closing_formulas_are_not_names():
    assert e.is_formula("特此通知")
    assert e.is_formula("此致敬礼！")
    assert not e.is_formula("张三")


def test_captions():
    assert e.is_caption("表1 应急值守安排")
    assert e.is_caption("2020年1-6月綿陽主要經濟指標")
    assert not e.is_caption("主要做法")
    assert not e.is_caption("下表为各地的主要经济指标。")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("湖南省人民政府办公厅文件", "head"),
        ("签发人：张三", "head"),
        ("2024年3月5日", "date"),
        ("抄送：县委办。", "imprint"),
        ("附件：名单", "attachment"),
        ("（此件公开发布）", "note"),
        ("关于做好防汛工作的通知", None),
        ("湖南省人民政府办公厅关于加强普通高等学校", None),
    ],
)
def test_record_kind_names_the_lines_that_are_never_a_title(text, kind):
    assert e.record_kind(text) == kind
