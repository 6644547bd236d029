"""DOCX renderer: read the file back (python-docx + the XML) and check it against
the GB/T 9704 spec in ``pipeline/render/style.py`` (issue 6)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from support import needs_fonts as support_needs_fonts

from pipeline.model import Article, Heading, Paragraph
from pipeline.render import docx as render_docx
from pipeline.render import style
from pipeline.render.title import split_title

MM_TWIPS = 1440 / 25.4

ARTICLE = Article(
    title="关于增强群众组织力，走好新时代党的群众路线调研报告",
    subtitle="——学习“七一”讲话精神心得体会",
    blocks=(
        Paragraph("党的十九大报告首次明确提出“增强群众组织力”。"),
        Heading(1, "一、", "基本情况"),
        Paragraph("群众是我们党的力量源泉和胜利之本。"),
        Heading(
            2, "（一）", "开展群众路线教育，要着力解决好“认识方面”的问题。", "在教育实践活动中必须高度重视。"
        ),
        Heading(3, "1.", "干部下基层"),
        Heading(4, "（1）", "送政策。", "采取专题报告会。"),
        Paragraph("2026年，全市共有74名党员。"),
    ),
)


def _doc(article: Article = ARTICLE):
    return docx.Document(io.BytesIO(render_docx.render(article, source="seed.txt")))


@pytest.fixture(scope="module")
def document():
    return _doc()


@pytest.fixture(scope="module")
def styles(document):
    return {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}


def _w(el, path):
    """The first element at a ``w:``-prefixed path like ``w:pPr/w:spacing``."""
    return el.find("/".join(qn(p) for p in path.split("/")))


def _val(el, path, attr="w:val"):
    found = _w(el, path)
    return None if found is None else found.get(qn(attr))


# ---------------------------------------------------------------- page and grid


def test_page_is_a4_with_gbt9704_margins(document):
    s = document.sections[0]
    assert (s.page_width.twips, s.page_height.twips) == (11906, 16838)
    margins = (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    assert [round(m.twips / MM_TWIPS) for m in margins] == [37, 35, 28, 26]
    # 版心 156 × 225 mm
    assert round((s.page_width.twips - s.left_margin.twips - s.right_margin.twips) / MM_TWIPS) == 156
    assert round((s.page_height.twips - s.top_margin.twips - s.bottom_margin.twips) / MM_TWIPS) == 225


def test_grid_gives_22_lines_of_28_95_pt(document):
    s = document.sections[0]
    grid = _w(s._sectPr, "w:docGrid")
    assert grid.get(qn("w:type")) == "lines"
    pitch = int(grid.get(qn("w:linePitch")))
    assert pitch == 579
    body_height = s.page_height.twips - s.top_margin.twips - s.bottom_margin.twips
    assert 22 * pitch <= body_height < 23 * pitch


def test_body_spacing_fits_exactly_28_characters_per_line(document, styles):
    s = document.sections[0]
    text_width = s.page_width.twips - s.left_margin.twips - s.right_margin.twips
    rpr = _w(styles["Normal"], "w:rPr")
    size_twips = int(_val(rpr, "w:sz")) * 10
    advance = size_twips + int(_val(rpr, "w:spacing"))
    assert size_twips == 320  # 3号 = 16 pt: the standard's size, not shrunk to fit
    assert 28 * advance <= text_width < 29 * advance


def test_footer_distance_puts_the_dash_line_7mm_below_the_type_area(document, styles):
    s = document.sections[0]
    line = int(_val(styles["Footer"], "w:pPr/w:spacing", "w:line"))
    assert _val(styles["Footer"], "w:pPr/w:spacing", "w:lineRule") == "exact"
    dash_centre_from_bottom = (s.footer_distance.twips + line / 2) / MM_TWIPS
    type_area_bottom_from_bottom = s.bottom_margin.twips / MM_TWIPS
    assert type_area_bottom_from_bottom - dash_centre_from_bottom == pytest.approx(7, abs=0.05)


# ---------------------------------------------------------------- fonts and styles

ROLES = [
    ("Normal", style.BODY),
    ("Title", style.TITLE),
    ("Subtitle", style.SUBTITLE),
    ("Heading1", style.HEADINGS[1]),
    ("Heading2", style.HEADINGS[2]),
    ("Heading3", style.HEADINGS[3]),
    ("Heading4", style.HEADINGS[4]),
    ("Footer", style.PAGE_NUMBER),
]


@pytest.mark.parametrize(("style_id", "block"), ROLES, ids=[r[0] for r in ROLES])
def test_style_names_the_official_font_in_every_slot(styles, style_id, block):
    fonts = _w(styles[style_id], "w:rPr/w:rFonts")
    assert fonts.get(qn("w:eastAsia")) == block.face.official
    latin = block.face.latin or block.face.official
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == latin
    assert fonts.get(qn("w:hint")) == "eastAsia"


@pytest.mark.parametrize(("style_id", "block"), ROLES, ids=[r[0] for r in ROLES])
def test_style_size_and_weight(styles, style_id, block):
    rpr = _w(styles[style_id], "w:rPr")
    assert int(_val(rpr, "w:sz")) == block.size * 2
    assert _val(rpr, "w:b") == (None if block.bold else "0")


def test_official_font_names_are_the_gbt9704_ones(styles):
    names = {_val(s, "w:rPr/w:rFonts", "w:eastAsia") for s in styles.values()} - {None}
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"} <= names


def test_no_theme_font_attributes_remain(document):
    root = document.styles.element
    for rf in root.iter(qn("w:rFonts")):
        assert not [a for a in rf.attrib if a.endswith("Theme") or a.endswith("theme")], rf.attrib


def test_doc_defaults_use_fangsong_and_chinese_language(document):
    defaults = _w(document.styles.element, "w:docDefaults/w:rPrDefault/w:rPr")
    assert _val(defaults, "w:rFonts", "w:eastAsia") == "仿宋_GB2312"
    assert _val(defaults, "w:lang", "w:eastAsia") == "zh-CN"
    ppr = _w(document.styles.element, "w:docDefaults/w:pPrDefault/w:pPr")
    assert _val(ppr, "w:widowControl") == "0"
    assert _val(ppr, "w:overflowPunct") == "0"
    assert _w(ppr, "w:kinsoku") is not None


def test_body_is_justified_indented_two_chars_exact_spacing_no_gaps(styles):
    ppr = _w(styles["Normal"], "w:pPr")
    assert _val(ppr, "w:jc") == "both"
    assert _val(ppr, "w:ind", "w:firstLineChars") == "200"
    assert int(_val(ppr, "w:ind", "w:firstLine")) == 2 * (320 + render_docx.CHAR_SPACING_TWIPS)
    spacing = _w(ppr, "w:spacing")
    assert spacing.get(qn("w:line")) == "579"
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert spacing.get(qn("w:before")) == spacing.get(qn("w:after")) == "0"
    assert _val(ppr, "w:widowControl") == "0"
    assert _val(ppr, "w:overflowPunct") == "0"
    assert _w(ppr, "w:kinsoku") is not None
    assert _val(styles["Normal"], "w:rPr/w:lang", "w:eastAsia") == "zh-CN"


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_heading_styles_have_outline_levels_and_keep_with_next(document, styles, level):
    s = styles[f"Heading{level}"]
    assert _val(s, "w:pPr/w:outlineLvl") == str(level - 1)
    assert _w(s, "w:pPr/w:keepNext") is not None
    assert _val(s, "w:pPr/w:keepNext") is None  # on
    assert _val(s, "w:pPr/w:ind", "w:firstLineChars") == "200"
    assert _w(s, "w:rPr/w:color") is None  # the template's blue is gone
    assert document.styles[f"Heading {level}"].element is s  # the built-in Word style


def test_title_is_centred_off_the_grid_and_not_indented(styles):
    ppr = _w(styles["Title"], "w:pPr")
    assert _val(ppr, "w:jc") == "center"
    assert _val(ppr, "w:snapToGrid") == "0"
    assert _val(ppr, "w:ind", "w:firstLineChars") == "0"
    assert _w(ppr, "w:pBdr") is None  # the template's underline border is gone
    assert _val(styles["Title"], "w:rPr/w:spacing") == "0"  # no body condensing
    assert _val(styles["Subtitle"], "w:pPr/w:jc") == "center"


# ---------------------------------------------------------------- body content


def test_paragraphs_read_back_in_order_with_their_styles(document):
    got = [(p.style.name, p.text) for p in document.paragraphs]
    assert got == [
        ("Title", "\n".join(split_title(ARTICLE.title))),
        ("Subtitle", ARTICLE.subtitle),
        ("Normal", "党的十九大报告首次明确提出“增强群众组织力”。"),
        ("Heading 1", "一、基本情况"),
        ("Normal", "群众是我们党的力量源泉和胜利之本。"),
        ("Heading 2", "（一）开展群众路线教育，要着力解决好“认识方面”的问题。在教育实践活动中必须高度重视。"),
        ("Heading 3", "1.干部下基层"),
        ("Heading 4", "（1）送政策。采取专题报告会。"),
        ("Normal", "2026年，全市共有74名党员。"),
    ]


def test_long_title_is_split_by_line_breaks(document):
    title = document.paragraphs[0]._p
    assert len(title.findall(f"{qn('w:r')}/{qn('w:br')}")) == len(split_title(ARTICLE.title)) - 1 == 1


def test_one_blank_line_below_the_title_block(document):
    title, subtitle = document.paragraphs[0]._p, document.paragraphs[1]._p
    assert _val(title, "w:pPr/w:spacing", "w:after") is None  # subtitle directly under
    assert _val(subtitle, "w:pPr/w:spacing", "w:after") == "579"
    assert _val(subtitle, "w:pPr/w:spacing", "w:line") == "579"


def test_gap_goes_under_the_title_when_there_is_no_subtitle():
    doc = _doc(Article("短标题", "", (Paragraph("正文。"),)))
    spacing = _w(doc.paragraphs[0]._p, "w:pPr/w:spacing")
    assert spacing.get(qn("w:after")) == "579"
    assert spacing.get(qn("w:line")) == str(round(style.TITLE_LINE_PITCH * 20))


def test_run_in_heading_is_one_paragraph_with_the_tail_in_body_font(document):
    p = document.paragraphs[5]
    runs = p.runs
    assert [r.text for r in runs] == [
        "（一）开展群众路线教育，要着力解决好“认识方面”的问题。",
        "在教育实践活动中必须高度重视。",
    ]
    assert _w(runs[0]._r, "w:rPr") is None  # heading sentence: the 楷体 of Heading 2
    assert _val(runs[1]._r, "w:rPr/w:rFonts", "w:eastAsia") == "仿宋_GB2312"
    assert _val(p._p, "w:pPr/w:keepNext") == "0"  # a run-in item never drags the next


@support_needs_fonts()
def test_every_run_of_a_run_in_headings_tail_is_in_body_font():
    """The tail split into runs where the PDF squeezed a mark (seed 002-03's (三) heading):
    each run keeps the body font, not only the last."""
    tail = (
        "推行在职党员报到制度、承诺公示制度及“双岗双争”评议制度，按照“一名党员一个岗，以岗承诺办实事”"
        "的要求，通过在职党员帮钱、帮物、慰问困难群众、开展公益劳动、修建公共设施等多种形式"
        "支持社区建设，帮扶社区居民，形成了齐心协力建社区的良好氛围。"
    )
    article = Article("题", "", (Heading(2, "（三）", "“双岗双争”汇聚社区力量建设美好家园。", tail),))
    p = _doc(article).paragraphs[1]
    runs = p.runs[1:]
    assert len(runs) > 1  # the squeezed marks are runs of their own
    assert "".join(r.text for r in runs) == tail
    assert {_val(r._r, "w:rPr/w:rFonts", "w:eastAsia") for r in runs} == {"仿宋_GB2312"}


def test_decimal_heading_number_gets_the_spec_gap():
    doc = _doc(Article("题", "", (Heading(2, "1.1", "党员干部覆盖情况"),)))
    assert (
        doc.paragraphs[1].text
        == style.heading_label("1.1", "党员干部覆盖情况")
        == "1.1\u3000党员干部覆盖情况"
    )


def test_standalone_heading_keeps_the_style_keep_with_next(document):
    p = document.paragraphs[3]._p
    assert _w(p, "w:pPr/w:keepNext") is None


def test_an_item_before_its_sibling_does_not_keep_with_it():
    # tc08 of the dev corpus: a list of one-sentence items glued together made one group
    # taller than a page (render.common.heading_keeps)
    items = [Heading(3, f"{i}.", f"每±{i}人次，影响考核{i}分。") for i in range(1, 4)]
    doc = _doc(Article("题", "", (Heading(1, "二、", "评分准则："), *items, Paragraph("正文。"))))
    keep = {p.text: _val(p._p, "w:pPr/w:keepNext") for p in doc.paragraphs}
    assert keep["二、评分准则："] is None  # the style's keep-with-next
    assert keep["1.每±1人次，影响考核1分。"] == keep["2.每±2人次，影响考核2分。"] == "0"
    assert keep["3.每±3人次，影响考核3分。"] is None  # before a paragraph: kept with it


# ---------------------------------------------------------------- footers and settings


def _footer_parts(document):
    s = document.sections[0]
    return s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]


def test_page_numbers_are_em_dash_page_field_em_dash(document):
    for p in _footer_parts(document):
        xml = p._p
        assert _val(xml, "w:pPr/w:pStyle") == "Footer"
        instr = [t.text for t in xml.iter(qn("w:instrText"))]
        assert instr == [" PAGE "]
        texts = [t.text for t in xml.iter(qn("w:t"))]
        assert texts[0] == "— "
        assert texts[-1] == " —"
        assert style.page_number_text(7) == f"{texts[0]}7{texts[-1]}"


def test_odd_pages_right_even_pages_left_one_character_in(document):
    odd, even = _footer_parts(document)
    one_char = str(round(style.PAGE_NUMBER.size * 20))
    assert _val(odd._p, "w:pPr/w:jc") == "right"
    assert _val(odd._p, "w:pPr/w:ind", "w:right") == one_char
    assert _val(even._p, "w:pPr/w:jc") == "left"
    assert _val(even._p, "w:pPr/w:ind", "w:left") == one_char
    assert document.settings.odd_and_even_pages_header_footer is True


def test_settings_carry_the_chinese_kinsoku_lists(document):
    settings = document.settings.element
    before = _w(settings, "w:noLineBreaksBefore")
    after = _w(settings, "w:noLineBreaksAfter")
    assert before.get(qn("w:lang")) == after.get(qn("w:lang")) == "zh-CN"
    assert set(before.get(qn("w:val"))) == set(style.NOT_AT_LINE_START)
    assert set(after.get(qn("w:val"))) == set(style.NOT_AT_LINE_END)
    assert _val(settings, "w:themeFontLang", "w:eastAsia") == "zh-CN"
    names = [c.tag.split("}")[1] for c in settings]
    assert names.index("evenAndOddHeaders") < names.index("noLineBreaksAfter")
    assert names.index("noLineBreaksAfter") < names.index("noLineBreaksBefore") < names.index("compat")


def test_core_properties_title_language_and_no_dates(document):
    props = document.core_properties
    assert props.title == ARTICLE.title
    assert props.language == "zh-CN"
    assert "seed.txt" in props.comments
    assert props.created is None
    assert props.modified is None


def test_property_elements_are_in_schema_order(document):
    """Word refuses a file whose pPr/rPr children are out of order."""
    roots = [document.element, document.styles.element]
    roots += [p._p for p in _footer_parts(document)]
    for root in roots:
        for tag, order in (("w:pPr", render_docx._PPR_ORDER), ("w:rPr", render_docx._RPR_ORDER)):
            for props in root.iter(qn(tag)):
                ranks = [order.index(c.tag.split("}")[1]) for c in props]
                assert ranks == sorted(ranks), [c.tag for c in props]


def test_template_leftovers_are_dropped():
    names = zipfile.ZipFile(io.BytesIO(render_docx.render(ARTICLE))).namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "word/stylesWithEffects.xml" not in names
    assert {"word/footer1.xml", "word/footer2.xml", "word/fontTable.xml"} <= set(names)


# ---------------------------------------------------------------- determinism and edge cases


def test_same_article_gives_the_same_bytes():
    a = render_docx.render(ARTICLE, source="x.txt")
    b = render_docx.render(ARTICLE, source="x.txt")
    assert a == b
    za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
    for part in ("word/document.xml", "word/styles.xml", "word/settings.xml", "docProps/core.xml"):
        assert za.read(part) == zb.read(part)


def test_different_articles_give_different_documents():
    other = Article(ARTICLE.title, ARTICLE.subtitle, (*ARTICLE.blocks, Paragraph("多一段。")))
    assert render_docx.render(other) != render_docx.render(ARTICLE)


def test_empty_article_still_makes_a_valid_document():
    doc = _doc(Article("", "", ()))
    assert [p.style.name for p in doc.paragraphs] == ["Normal"]
    assert doc.core_properties.title == ""


def test_the_registry_makes_one_docx_per_article_named_after_the_input():
    from pipeline.model import DocTree
    from pipeline.render import RENDERERS, RenderOptions

    two = (Article("甲", "", (Paragraph("一。"),)), Article("乙", "", (Paragraph("二。"),)))
    outputs = list(RENDERERS["docx"](DocTree("x.txt", "utf-8", two, ()), "x", RenderOptions()))
    assert [o.name for o in outputs] == ["x-01.docx", "x-02.docx"]
    assert docx.Document(io.BytesIO(outputs[1].data)).paragraphs[0].text == "乙"


def test_a_long_source_name_and_title_are_cut_in_the_middle_of_the_properties():
    """Word keeps 255 characters of a core property: a longer source name (a deep path)
    or title keeps its start and end, and the document is still written."""
    source = "很长的目录/" * 60 + "报告.txt"
    article = Article("关于" + "加强" * 150 + "的通知", "", (Paragraph("正文。"),))
    props = docx.Document(io.BytesIO(render_docx.render(article, source=source))).core_properties
    assert len(props.comments) == len(props.title) == render_docx.PROPERTY_MAX
    assert props.comments.startswith("converted by gongwen from 很长的目录/")
    assert props.comments.endswith("报告.txt")
    assert "…" in props.title
    assert props.title.endswith("的通知")


# ---------------------------------------------------------------- what the PDF decided (issue 17)


needs_fonts = support_needs_fonts()
SQUEEZED = Paragraph("甲" * 26 + "国" * 13 + "，" + "国" * 14 + "，" + "乙乙乙。")  # see test_render_pdf


def _runs(article: Article, reader: str = "word", index: int = 0):
    doc = docx.Document(io.BytesIO(render_docx.render(article, reader=reader)))
    p = doc.paragraphs[index]._p
    return [(r.findtext(qn("w:t")), _val(r, "w:rPr/w:spacing")) for r in p.iter(qn("w:r"))]


@needs_fonts
def test_a_mark_the_pdf_squeezed_is_a_run_of_its_own_condensed_by_as_much_for_word():
    from pipeline.render import pdf

    article = Article("", "", (SQUEEZED,))
    (fit,) = pdf.layout_hints(article).values()
    runs = _runs(article)
    assert "".join(t for t, _ in runs) == SQUEEZED.text
    squeezed = {t: int(v) for t, v in runs if v is not None}
    assert set(squeezed) == {"，"}
    grid = render_docx.CHAR_SPACING_TWIPS
    given = sorted(grid - int(v) for _, v in runs if v is not None)
    assert given == sorted(round(v * 20) for _, v in fit.squeeze)


@needs_fonts
def test_for_libreoffice_a_squeezed_line_is_one_run_condensed_to_the_pdfs_width():
    runs = _runs(Article("", "", (SQUEEZED,)), reader="libreoffice")
    told = [(t, int(v)) for t, v in runs if v is not None]
    assert [t for t, _ in told] == ["国" * 13 + "，" + "国" * 14 + "，"]  # line 2, as the PDF set it
    assert -2.6 * 20 <= told[0][1] < render_docx.CHAR_SPACING_TWIPS


@needs_fonts
def test_for_libreoffice_a_line_the_pdf_ended_early_is_spread_so_nothing_more_fits():
    text = "甲" * 26 + "国" * 28 + "乙。"  # the PDF keeps the 孤字 company: "国" * 27 / "国乙。"
    runs = _runs(Article("", "", (Paragraph(text),)), reader="libreoffice")
    told = [(t, int(v)) for t, v in runs if v is not None]
    assert [t for t, _ in told] == ["国" * 27]
    assert told[0][1] > 0  # spread: 27 characters over the whole line
    word = _runs(Article("", "", (Paragraph(text),)))
    assert [(t, int(v)) for t, v in word if v is not None] == [("国" * 27, told[0][1])]


@needs_fonts
def test_only_the_libreoffice_docx_has_joiners_against_its_asian_latin_spacing():
    article = Article("", "", (Paragraph("共55天，完成GDP增长2.96%。"),))
    lo = "".join(t for t, _ in _runs(article, reader="libreoffice"))
    assert lo == "共\u200b55\u2060天，完成\u200bGDP\u200b增长\u200b2.96%。"
    assert "".join(t for t, _ in _runs(article)) == "共55天，完成GDP增长2.96%。"


@needs_fonts
def test_for_libreoffice_the_page_fits_pitch_is_the_paragraphs_exact_spacing_off_the_grid():
    two = [Paragraph("国" * 26 + "家" * 4 + "。") for _ in range(11)]
    article = Article("", "", (*two, Paragraph("民" * 10 + "。")))  # page 2 of one line
    doc = docx.Document(io.BytesIO(render_docx.render(article, reader="libreoffice")))
    pitch = round(style.PAGE.body_height / (style.PAGE.lines + 1) * 20)
    for p in doc.paragraphs:
        assert _val(p._p, "w:pPr/w:spacing", "w:line") == str(pitch)
        assert _val(p._p, "w:pPr/w:snapToGrid") == "0"  # a lines grid would snap it back


@needs_fonts
def test_for_word_the_page_fit_keeps_the_grids_pitch():
    # a word processor whose lines differ from ours by one would get the tighter pitch
    # and still the second page (style.PAGE_FIT_PITCH_IN_DOCX)
    from pipeline.render import pdf

    two = [Paragraph("国" * 26 + "家" * 4 + "。") for _ in range(11)]
    article = Article("", "", (*two, Paragraph("民" * 10 + "。")))
    assert {f.pitch for f in pdf.layout_hints(article).values()} != {style.PAGE.line_pitch}  # the PDF fits
    doc = docx.Document(io.BytesIO(render_docx.render(article)))
    for p in doc.paragraphs:
        assert _val(p._p, "w:pPr/w:snapToGrid") is None
        assert _val(p._p, "w:pPr/w:spacing", "w:line") in (None, str(render_docx.LINE_PITCH_TWIPS))


@needs_fonts
def test_a_document_with_a_table_takes_the_page_fits_tracking_but_not_its_pitch():
    # a word processor sets a table's rows by its own rules, so the PDF's tighter pitch
    # would not save the DOCX its page (style.PAGE_FIT_PITCH_IN_DOCX_WITH_TABLES)
    from pipeline.model import Cell, Table
    from pipeline.render import pdf

    two = [Paragraph("国" * 26 + "家" * 4 + "。") for _ in range(10)]
    table = Table(((Cell("指标"), Cell("数值")),))
    article = Article("", "", (table, *two, Paragraph("民" * 10 + "。"), Paragraph("民" * 10 + "。")))
    assert {f.pitch for f in pdf.layout_hints(article).values()} != {style.PAGE.line_pitch}  # the PDF fits
    fitted = {str(round(f.pitch * 20)) for f in pdf.layout_hints(article).values()}
    doc = docx.Document(io.BytesIO(render_docx.render(article)))
    body = [p for p in doc.paragraphs if p.text.startswith(("国", "民"))]
    assert len(body) == 12
    for p in body:
        assert _val(p._p, "w:pPr/w:snapToGrid") is None
        assert _val(p._p, "w:pPr/w:spacing", "w:line") not in fitted


def test_a_templates_blank_date_takes_no_latin_gap():
    # te06 of the dev corpus: "****年**月**日" has no Latin letter or digit beside a
    # Chinese character, so LibreOffice leaves no gap there: the 署名 is placed by it
    assert render_docx._set_width("****年**月**日") == pytest.approx(8 * 7.75 + 3 * 15.75, abs=0.01)
