"""meta: values a user supplies, checked with one-line errors and merged into an article."""

from __future__ import annotations

import datetime

import pytest

from pipeline.errors import MetaError
from pipeline.model import Article, Date, Head, Imprint, Meta, Note, Paragraph, Recipients, Signature
from pipeline.structure.meta import FIELDS, Supplied, apply_meta, merged, meta_from, parse_meta


def test_every_field_is_a_supplied_value_and_has_help():
    assert {f.name for f in FIELDS} == set(Supplied.__dataclass_fields__)
    assert all(f.help and f.flag.startswith("--") for f in FIELDS)


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("2024-03-05", "2024年3月5日"),
        ("2024年03月05日", "2024年3月5日"),
        ("二〇二四年三月五日", "2024年3月5日"),
        (datetime.date(2024, 3, 5), "2024年3月5日"),
    ],
)
def test_dates_are_stored_in_the_standard_form(value, stored):
    assert meta_from({"date": value}).date == stored


def test_print_date_carries_its_yinfa():
    assert meta_from({"print_date": "2024-03-06"}).print_date == "2024年3月6日印发"
    assert meta_from({"print_date": "2024年3月6日印发"}).print_date == "2024年3月6日印发"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"date": "2023-02-29"}, "date: 2023-02-29 is not a real date"),
        ({"date": "三月五日"}, "date: 三月五日 is not a date"),
        ({"date": 20240305}, "date: must be a date"),
        ({"doc_number": "X政发[2024]3号"}, "write X政发〔2024〕3号"),
        ({"doc_number": "X政发〔2024〕03号"}, "write X政发〔2024〕3号"),
        ({"doc_number": "三号文件"}, "not a 发文字号 of the form X政发〔2024〕3号"),
        ({"copy_number": "123"}, "copy_number: 123 is not a 份号 of six digits"),
        ({"urgency": "很急"}, "urgency: 很急 is not 特急 or 加急"),
        ({"classification": "内部"}, "classification: 内部 is not 绝密, 机密 or 秘密"),
        ({"issuer": 3}, "issuer: must be text"),
        ({"signers": [1, 2]}, "signers: must be text or a list of texts"),
        ({"seal": "yes"}, "seal: must be true or false"),
        ({"isuer": "X"}, "unknown key 'isuer' — the keys are copy_number"),
    ],
)
def test_bad_values_get_one_line_errors(values, message):
    with pytest.raises(MetaError) as err:
        meta_from(values)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_recipients_and_cc_get_their_closing_marks():
    m = meta_from({"recipients": "各乡镇人民政府，县政府各部门", "cc": "县委办，"})
    assert (m.recipients, m.cc) == ("各乡镇人民政府，县政府各部门：", "县委办。")


def test_parse_meta_reads_toml_and_names_a_syntax_error():
    m = parse_meta('doc_number = "X政发〔2024〕3号"\nsigners = "张三"\nseal = true\n')
    assert (m.doc_number, m.signers, m.seal) == ("X政发〔2024〕3号", ("张三",), True)
    with pytest.raises(MetaError, match="not TOML"):
        parse_meta("doc_number = X政发")


def test_options_override_the_file():
    base = parse_meta('issuer = "甲县人民政府文件"\ndate = 2024-03-05\n')
    m = meta_from({"date": "2024-04-01"}, base)
    assert (m.issuer, m.date) == ("甲县人民政府文件", "2024年4月1日")


ARTICLE = Article(
    "通知",
    "",
    (Recipients("各单位："), Paragraph("正文。"), Signature("甲县人民政府"), Note("（此件公开发布）")),
    Head(doc_number="甲政发〔2024〕1号"),
)


def test_supplied_values_become_the_models_meta():
    m = meta_from(
        {"issuer": "甲县人民政府文件", "cc": "县委办", "signature": "甲县人民政府", "seal": True}
    ).meta()
    assert m == Meta(
        head=Head(issuer="甲县人民政府文件"), imprint=Imprint(cc="县委办。"), signatures=("甲县人民政府",)
    )
    assert Supplied(seal=True).meta() is None  # the seal is a layout option, not a value


def test_apply_meta_fills_in_what_the_text_lacks_and_keeps_what_it_has():
    meta = Meta(
        head=Head(issuer="甲县人民政府文件", doc_number="甲政发〔2024〕9号"),
        imprint=Imprint(cc="县委办。"),
        recipients="另一单位：",
        date="2024年3月5日",
    )
    (merged_article,), notices = apply_meta((ARTICLE,), meta)
    assert notices == []
    assert merged_article.head == Head(
        issuer="甲县人民政府文件", doc_number="甲政发〔2024〕1号"
    )  # field by field
    assert merged_article.blocks == (
        Recipients("各单位："),
        Paragraph("正文。"),
        Signature("甲县人民政府"),
        Date("2024年3月5日"),  # after the signature, before the 附注
        Note("（此件公开发布）"),
    )
    assert merged_article.imprint == Imprint(cc="县委办。")


def test_apply_meta_puts_missing_elements_where_they_go():
    bare = Article("", "", (Paragraph("正文。"), Note("（此件公开发布）")))
    meta = Meta(
        title="通知", recipients="各单位：", signatures=("甲县人民政府", "乙县人民政府"), date="2024年3月5日"
    )
    (a,), _ = apply_meta((bare,), meta)
    assert a.title == "通知"
    assert a.blocks == (
        Recipients("各单位："),
        Paragraph("正文。"),
        Signature("甲县人民政府"),
        Signature("乙县人民政府"),
        Date("2024年3月5日"),
        Note("（此件公开发布）"),
    )


def test_apply_meta_applies_to_a_single_document_only():
    two = (ARTICLE, ARTICLE)
    out, notices = apply_meta(two, Meta(date="2024年3月5日"))
    assert out == two
    assert [n.code for n in notices] == ["meta-ignored"]


def test_apply_meta_with_nothing_given_changes_nothing():
    assert apply_meta((ARTICLE,), Meta()) == ((ARTICLE,), [])
    assert apply_meta((ARTICLE,), None) == ((ARTICLE,), [])


def test_the_users_values_win_over_a_drafts_front_matter_field_by_field():
    user = Meta(head=Head(doc_number="甲政发〔2024〕9号"))
    front = Meta(title="通知", head=Head(issuer="甲县人民政府文件", doc_number="甲政发〔2024〕1号"))
    both = merged(user, front)
    assert both is not None
    assert both.title == "通知"
    assert both.head == Head(issuer="甲县人民政府文件", doc_number="甲政发〔2024〕9号")
