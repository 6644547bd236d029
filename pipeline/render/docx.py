"""docx: one Article → a DOCX laid out to GB/T 9704-2012 (``shared/gbt9704.md``).

Every number comes from :mod:`pipeline.render.style`; this module only translates
it into WordprocessingML, the way Word, WPS and LibreOffice all honour:

* **Page** (§1): A4, margins 37/35/28/26 mm, so the 版心 is 156 × 225 mm.
* **Grid** (§2.11, the run-spacing method): ``w:docGrid w:type="lines"`` with
  ``linePitch`` 579 twips, body lines *exactly* 28.95 pt (22 lines fill 225 mm),
  and the 16 pt text set with −0.25 pt character spacing (``w:spacing -5``), so
  one character advances 15.75 pt: 28 fit the 442.2 pt line, a 29th does not.
  Not option A (``linesAndChars`` with ``charSpace`` −848): LibreOffice 7.4 lays
  every 16 pt glyph over *two* 15.79 pt grid cells, giving 14 characters and 18
  lines a page (measured here); run spacing gives 28 × 22 in LibreOffice and
  needs no grid arithmetic from Word.
* **Fonts** (§3, fonts.md §6): every style used names its font in ``w:rFonts``
  (``eastAsia`` and ``ascii``/``hAnsi``/``cs`` = the official CJK name, ``hint``
  eastAsia so “”—… stay full-width); theme attributes are stripped from the
  defaults and all styles, since a ``*Theme`` attribute would win over the name;
  ``w:lang w:eastAsia="zh-CN"`` so kinsoku and the Chinese theme font apply.
* **Title** (§4): 2号小标宋 centred, not bold, broken by
  :func:`pipeline.render.title.split_title` into 梯形/菱形 lines joined by line
  breaks, not snapped to the character grid; subtitle 3号楷体 directly under it;
  one blank body line below the block.
* **Body** (§5): 3号仿宋, justified, first line indented two characters, no space
  between paragraphs, widow control off (it would break the 22-line grid).
* **Headings** (§6): the built-in ``Heading 1``–``Heading 4`` styles, rebuilt
  (黑体/楷体/仿宋/仿宋, 16 pt, indented like paragraphs, outline levels 0–3 so the
  navigation pane and a TOC work).  A standalone heading keeps with the next
  paragraph, but an item (one whole sentence) before a heading of its level or above
  does not (:func:`~pipeline.render.common.heading_keeps`, as the PDF).  A run-in
  heading (``tail`` non-empty) is *one* paragraph in the heading style: the heading
  sentence in the level's font, then the tail in the body font, and keep-with-next
  switched off (a chain of run-in items would otherwise be pushed to the next page
  together).  Word's TOC then lists the whole
  paragraph for such items; the alternative (a "style separator", two paragraphs)
  is not rendered by LibreOffice.
* **Page numbers** (§7): ``— N —`` with a PAGE field, 4号宋体, odd pages right
  and even pages left, one character in from the 版心 edge
  (``w:evenAndOddHeaders``), the dash line 7 mm below the 版心.
* **Line breaking** (§8): kinsoku on, ``overflowPunct`` off (no 。，、 hanging
  past the 版心 as a 29th character), and the GB/T 15834 lists of
  :data:`style.NOT_AT_LINE_START`/``END`` written as the document's zh-CN
  ``noLineBreaksBefore``/``After``.  Known reader bug: LibreOffice (7.4 and
  later) imports ``overflowPunct`` inverted (writerfilter ``DomainMapper``:
  ``IsHangingPunctuation = (val == 0)``) while it exports it the right way
  round, so it hangs punctuation in our files — and its PDF export then drops
  the hung mark.  The file follows ECMA-376 §17.3.1.21 and Word/WPS; see
  ``tests/test_docx_libreoffice.py``.

The output is byte-for-byte reproducible: python-docx's default template gives
fixed part contents, the core properties carry no dates, and the ZIP is rewritten
with fixed member timestamps.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import io
import itertools
import math
import os
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from lxml import etree

from pipeline.errors import RenderError
from pipeline.model import (
    ATTACHMENT_LABEL,
    Article,
    Attachment,
    Block,
    Byline,
    Head,
    Heading,
    Imprint,
    Paragraph,
    Table,
    head_lines,
)
from pipeline.render import style
from pipeline.render.common import (
    Attachments,
    Closing,
    TableRun,
    cell_grid,
    column_widths,
    heading_keeps,
    layout_runs,
    title_bylines,
)
from pipeline.render.title import split_title

if TYPE_CHECKING:  # python-docx is imported only to build the template (once per version)
    from docx.document import Document
    from docx.text.paragraph import Paragraph as DocxParagraph

    from pipeline.render.pdf import BlockFit

# ---------------------------------------------------------------- units and derived numbers


def _twips(points: float) -> int:
    """Points → twentieths of a point, the unit of most WordprocessingML lengths."""
    return round(points * 20)


def _half_points(points: float) -> int:
    """Points → half-points, the unit of ``w:sz``."""
    return round(points * 2)


PAGE = style.PAGE
LINE_PITCH_TWIPS = _twips(PAGE.line_pitch)  # 579: 22 lines fit 12756 twips of 版心
# Character spacing that makes 28 characters fit the 版心 width (gbt9704 §2.11):
# the 28-character pitch (442.2 / 28 = 15.79 pt) minus the 16 pt font, rounded
# *down* to whole twips (−4.1 → −5, i.e. −0.25 pt) so that 28 advances (441 pt)
# never exceed the line, while 29 (456.75 pt) never fit.
CHAR_SPACING_TWIPS = round(style.TRACKING * 20)  # −5: the PDF's tracking, in twips
CHAR_ADVANCE_TWIPS = _twips(style.BODY.size) + CHAR_SPACING_TWIPS  # 315: one 字 of body text

# Page number position (gbt9704 §7.3–7.4).  The standard puts the 一字线 7 mm below
# the bottom edge of the 版心: 35 − 7 = 28 mm above the bottom edge of the paper.
# w:footer is the distance from the paper's bottom edge to the bottom of the footer
# text, i.e. of the page number's line box.  That line is set with *exact* spacing
# equal to the font size, so the box is one em tall; CJK fonts draw the em dash
# through the middle of the ideographic em box, which is then the middle of the
# line box.  So the footer distance is 28 mm minus half an em: 28 mm − 7 pt ≈
# 25.5 mm (gbt9704 §7.4 quotes 24.7–25.5 mm from a template that measured it).
# Measured on LibreOffice's PDF (tests/test_docx_libreoffice.py): dash ink centred
# 269.2 mm from the top edge, against 269 mm asked.
PAGE_NUMBER_LINE_TWIPS = _twips(style.PAGE_NUMBER.size)
FOOTER_TWIPS = _twips(PAGE.bottom - PAGE.page_number_gap - style.PAGE_NUMBER.size / 2)
HEADER_TWIPS = _twips(15 * style.MM)  # no header content; Word's usual 15 mm (§1.7)
# 单页码居右空一字，双页码居左空一字: one 4号 character (gbt9704 §7.7)
PAGE_NUMBER_INSET_TWIPS = _twips(PAGE.page_number_inset_chars * style.PAGE_NUMBER.size)

# w:overflowPunct off: 。，、 may not hang past the 版心 as a 29th character (§8,
# ECMA-376 §17.3.1.21).  LibreOffice reads this flag inverted (module docstring):
# "1" makes LibreOffice right and Word/WPS hang punctuation instead, so it is written
# only for ``reader="libreoffice"`` (``--docx-for libreoffice``).
OVERFLOW_PUNCT = "0"
OVERFLOW_PUNCT_FOR = {"word": OVERFLOW_PUNCT, "libreoffice": "1"}

# Style ids in python-docx's default template for each role.
BODY_STYLE = "Normal"
TITLE_STYLE = "Title"
SUBTITLE_STYLE = "Subtitle"
HEADING_STYLES = {level: f"Heading{level}" for level in style.HEADINGS}
FOOTER_STYLE = "Footer"

_ALIGN = {"justify": "both", "center": "center", "left": "left", "right": "right"}

# Child order inside w:pPr / w:rPr (ISO/IEC 29500 CT_PPrBase, CT_RPr).  Word
# rejects a document whose property elements are out of order.
_PPR_ORDER_NAMES = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
    "sectPr pPrChange"
)
_PPR_ORDER = tuple(_PPR_ORDER_NAMES.split())
_RPR_ORDER_NAMES = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)
_RPR_ORDER = tuple(_RPR_ORDER_NAMES.split())
# Child order inside w:style (CT_Style).
_STYLE_ORDER_NAMES = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
    "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
)
_STYLE_ORDER = tuple(_STYLE_ORDER_NAMES.split())
# Successors of w:noLineBreaksAfter/Before in w:settings (CT_Settings sequence).
_SETTINGS_AFTER_LINE_BREAK_LISTS_NAMES = (
    "savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
    "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving "
    "saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr "
    "endnotePr compat docVars rsids mathPr attachedSchema themeFontLang clrSchemeMapping "
    "doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown "
    "smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
)
_SETTINGS_AFTER_LINE_BREAK_LISTS = tuple(_SETTINGS_AFTER_LINE_BREAK_LISTS_NAMES.split())
_RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Measured on LibreOffice 7.4 (as style.LINE_BASELINE is), not from the standard: where a
# line's glyphs sit in an exact-height line box, so the 版头 lands where 7.2 puts it.
ISSUER_LINE = 1.25  # the mark's line box, in em: exact spacing at its size would clip its tops
ISSUER_GLYPH_TOP = 0.13  # em from the top of the mark's line box to its glyphs' top (ink, 42 pt 小标宋)
SEPARATOR_SPACE_PT = 7  # w:space of the separator (whole points) below the 发文字号's line box
IMPRINT_ANCHOR_TWIPS = 20  # the 1 pt paragraph the 版记's floating table hangs on
AUTOSPACE = 3.2  # pt LibreOffice 7.4 leaves where Chinese and digits meet at 16 pt (0.2 em), measured

# A fixed ZIP member time (the earliest ZIP can store) so the bytes never vary.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- small XML helpers


_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_W = "{" + _NS["w"] + "}"
_W_NSMAP = {"w": _NS["w"]}
# what python-docx parses parts with (docx.oxml.parser.oxml_parser), without its classes
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def qn(tag: str) -> str:
    """``w:jc`` → ``{http://…/wordprocessingml/2006/main}jc`` (python-docx's ``qn``).

    >>> qn("w:jc")[-3:], qn("r:id")[-3:]
    ('}jc', '}id')
    """
    prefix, _, local = tag.partition(":")
    return "{" + _NS[prefix] + "}" + local


def _serialize(root: etree._Element) -> bytes:
    """A part's XML as python-docx writes it (``serialize_part_xml``)."""
    out: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return out


def _el(tag: str, **attrs: str) -> etree._Element:
    """A ``w:`` element with ``w:`` attributes: ``_el("jc", val="both")`` (the element
    python-docx's ``OxmlElement`` makes, without its proxy class)."""
    e = etree.Element(_W + tag, nsmap=_W_NSMAP)
    for name, value in attrs.items():
        e.set(_W + name, value)
    return e


def _ppr(p: etree._Element) -> etree._Element:
    """``p``'s ``w:pPr``, added as its first child when missing (python-docx's
    ``CT_P.get_or_add_pPr``)."""
    ppr = p.find(_W + "pPr")
    if ppr is None:
        ppr = _el("pPr")
        p.insert(0, ppr)
    return ppr


def _local(e: etree._Element) -> str:
    return str(etree.QName(e).localname)


def _put(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> etree._Element:
    """Insert ``child`` into ``parent`` at its schema position, replacing any element
    of the same name already there."""
    name = _local(child)
    for old in parent.findall(child.tag):
        parent.remove(old)
    rank = order.index(name)
    for i, sibling in enumerate(parent):
        if _local(sibling) in order and order.index(_local(sibling)) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """``parent``'s ``w:tag`` child, created (appended) when missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = _el(tag)
        parent.append(found)
    return found


def _rfonts(face: style.Face) -> etree._Element:
    """``w:rFonts`` naming ``face`` for every script slot, with the East Asian hint.

    ``ascii``/``hAnsi`` carry ``Face.latin`` (Times New Roman beside 仿宋/楷体/宋体) or
    the CJK name; the ``eastAsia`` hint keeps the ambiguous-width marks “”‘’—… in the
    CJK face, full-width.
    """
    latin = face.latin or face.official
    return _el(
        "rFonts",
        ascii=latin,
        hAnsi=latin,
        eastAsia=face.official,
        cs=latin,
        hint="eastAsia",
    )


def _on_off(tag: str, on: bool) -> etree._Element:
    return _el(tag) if on else _el(tag, val="0")


def _run_props(block: style.BlockStyle) -> list[etree._Element]:
    """rPr children for a block style: font, weight, character spacing, size.

    Text at the body size is condensed to the 28-per-line advance; larger or
    smaller text (title, page number) keeps its natural width (spacing 0, written
    out so it does not inherit the body's value through ``basedOn``)."""
    size = str(_half_points(block.size))
    spacing = CHAR_SPACING_TWIPS if block.size == style.BODY.size else 0
    return [
        _rfonts(block.face),
        _on_off("b", block.bold),
        _on_off("bCs", block.bold),
        _el("spacing", val=str(spacing)),
        _el("sz", val=size),
        _el("szCs", val=size),
    ]


def _spacing(line_twips: int, after_twips: int = 0) -> etree._Element:
    return _el("spacing", before="0", after=str(after_twips), line=str(line_twips), lineRule="exact")


def _indent(chars: float) -> etree._Element:
    """First-line indent of ``chars`` characters: ``firstLineChars`` (hundredths of
    a character, what Word shows as "2 字符") plus the same length in twips for
    readers that ignore the character unit (one character = the body advance, so
    an indented line holds exactly 26 characters)."""
    return _el(
        "ind",
        left="0",
        right="0",
        firstLine=str(round(chars * CHAR_ADVANCE_TWIPS)),
        firstLineChars=str(round(chars * 100)),
    )


def _para_props(
    block: style.BlockStyle,
    *,
    line_twips: int,
    snap_to_grid: bool = True,
    outline_level: int | None = None,
) -> list[etree._Element]:
    """pPr children for a block style."""
    props = [
        _on_off("keepNext", block.keep_with_next),
        # a block that keeps with the next keeps its own lines together too (a two-line
        # heading never splits across pages: issue 17, seed 004-10)
        _on_off("keepLines", block.keep_with_next),
        _el("widowControl", val="0"),
        _el("kinsoku"),
        _el("overflowPunct", val=_overflow_punct()),
        _on_off("snapToGrid", snap_to_grid),
        _spacing(line_twips),
        _indent(block.indent_chars),
        _el("jc", val=_ALIGN[block.align]),
    ]
    if outline_level is not None:
        props.append(_el("outlineLvl", val=str(outline_level)))
    return props


def _set_props(container: etree._Element, tag: str, children: Iterable[etree._Element]) -> None:
    """Replace ``container``'s (a ``w:style``'s) ``w:pPr``/``w:rPr`` with one holding
    ``children``."""
    props = _el(tag)
    order = _PPR_ORDER if tag == "pPr" else _RPR_ORDER
    for c in children:
        _put(props, c, order)
    _put(container, props, _STYLE_ORDER)


# ---------------------------------------------------------------- styles


def _strip_theme_fonts(root: etree._Element) -> None:
    """Remove ``w:*Theme`` font attributes everywhere under ``root``: when present,
    they override the explicit names (ECMA-376 §17.3.2.26; fonts.md §6)."""
    for rf in root.iter(qn("w:rFonts")):
        for attr in _THEME_FONT_ATTRS:
            rf.attrib.pop(qn(attr), None)


def _style_element(styles_root: etree._Element, style_id: str) -> etree._Element:
    for s in styles_root.findall(qn("w:style")):
        if s.get(qn("w:styleId")) == style_id:
            return s
    raise KeyError(f"style {style_id!r} is missing from the template")


def _define_style(
    styles_root: etree._Element,
    style_id: str,
    block: style.BlockStyle,
    *,
    line_twips: int,
    snap_to_grid: bool = True,
    outline_level: int | None = None,
    gallery: bool = True,
) -> None:
    """Rebuild a paragraph style from ``block`` (and its linked character style's
    run properties, which Word applies when the style is used on part of a line)."""
    s = _style_element(styles_root, style_id)
    if gallery:  # show it in Word's quick style gallery
        for tag in ("semiHidden", "unhideWhenUsed"):
            for old in s.findall(qn(f"w:{tag}")):
                s.remove(old)
        _put(s, _el("qFormat"), _STYLE_ORDER)
    ppr = _para_props(block, line_twips=line_twips, snap_to_grid=snap_to_grid, outline_level=outline_level)
    _set_props(s, "pPr", ppr)
    _set_props(s, "rPr", _run_props(block))
    link = s.find(qn("w:link"))
    if link is not None:
        linked = _style_element(styles_root, link.get(qn("w:val"), ""))
        _set_props(linked, "rPr", _run_props(block))


def _setup_styles(document: Document) -> None:
    """docDefaults, Normal (= body), Title, Subtitle, Heading 1–4, Footer."""
    root = document.styles.element
    _strip_theme_fonts(root)

    defaults = root.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
    assert rpr is not None
    assert ppr is not None
    body = style.BODY
    size = str(_half_points(body.size))
    for child in list(rpr):
        rpr.remove(child)
    for c in (
        _rfonts(body.face),
        _el("sz", val=size),
        _el("szCs", val=size),
        _el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"),
    ):
        _put(rpr, c, _RPR_ORDER)
    for child in list(ppr):
        ppr.remove(child)
    for c in (
        _el("widowControl", val="0"),
        _el("kinsoku"),
        _el("overflowPunct", val=_overflow_punct()),
        # no ¼ em between hanzi and Latin/digits ("2024 年"): it breaks the 28-per-line
        # grid and makes lines break differently from the PDF (issue 17)
        _el("autoSpaceDE", val="0"),
        _el("autoSpaceDN", val="0"),
        _el("spacing", before="0", after="0"),
    ):
        _put(ppr, c, _PPR_ORDER)

    _define_style(root, BODY_STYLE, body, line_twips=LINE_PITCH_TWIPS)
    normal_rpr = _style_element(root, BODY_STYLE).find(qn("w:rPr"))
    assert normal_rpr is not None
    _put(normal_rpr, _el("lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"), _RPR_ORDER)
    # The title's 22 pt glyphs must not be spread to the 16 pt character grid
    # (gbt9704 §2.10), and its lines are spaced by the title pitch, not the grid.
    _define_style(
        root, TITLE_STYLE, style.TITLE, line_twips=_twips(style.TITLE_LINE_PITCH), snap_to_grid=False
    )
    _define_style(root, SUBTITLE_STYLE, style.SUBTITLE, line_twips=LINE_PITCH_TWIPS)
    for level, block in style.HEADINGS.items():
        _define_style(
            root, HEADING_STYLES[level], block, line_twips=LINE_PITCH_TWIPS, outline_level=level - 1
        )
    # The page number is off the grid: 14 pt text must keep its own width, and its
    # line box must be exactly one em for the footer distance above to hold.
    _define_style(
        root,
        FOOTER_STYLE,
        style.PAGE_NUMBER,
        line_twips=PAGE_NUMBER_LINE_TWIPS,
        snap_to_grid=False,
        gallery=False,
    )


# ---------------------------------------------------------------- section, settings, parts


def _setup_section(document: Document) -> None:
    """A4, the GB/T 9704 margins, the 22 × 28 grid, odd and even page numbers."""
    section = document.sections[0]
    from docx.shared import Twips

    section.page_width = Twips(_twips(PAGE.width))
    section.page_height = Twips(_twips(PAGE.height))
    section.top_margin = Twips(_twips(PAGE.top))
    section.bottom_margin = Twips(_twips(PAGE.bottom))
    section.left_margin = Twips(_twips(PAGE.left))
    section.right_margin = Twips(_twips(PAGE.right))
    section.header_distance = Twips(HEADER_TWIPS)
    section.footer_distance = Twips(FOOTER_TWIPS)
    section.gutter = Twips(0)

    sect_pr = section._sectPr
    grid = _child(sect_pr, "docGrid")
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    for attr in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect_pr.attrib.pop(qn(attr), None)

    document.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _page_number(paragraph: DocxParagraph, *, odd: bool) -> None:
    """``— N —`` with a PAGE field: odd pages right, even pages left, one
    character in from the 版心 edge (gbt9704 §7.6)."""
    p = paragraph._p
    ppr = _ppr(p)
    _put(ppr, _el("pStyle", val=FOOTER_STYLE), _PPR_ORDER)
    inset = str(PAGE_NUMBER_INSET_TWIPS)
    if odd:
        _put(ppr, _el("ind", left="0", right=inset, firstLine="0"), _PPR_ORDER)
        _put(ppr, _el("jc", val="right"), _PPR_ORDER)
    else:
        _put(ppr, _el("ind", left=inset, right="0", firstLine="0"), _PPR_ORDER)
        _put(ppr, _el("jc", val="left"), _PPR_ORDER)
    # style.page_number_text is the one definition of the glyphs around the number
    before, _, after = style.page_number_text(0).partition("0")
    p.append(_text_run(before))
    p.append(_field_char("begin"))
    instr = _el("r")
    instr_text = _el("instrText")
    instr_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_text.text = " PAGE "
    instr.append(instr_text)
    p.append(instr)
    p.append(_field_char("separate"))
    p.append(_text_run("1" if odd else "2"))  # cached result; viewers recompute it
    p.append(_field_char("end"))
    p.append(_text_run(after))


def _field_char(kind: str) -> etree._Element:
    r = _el("r")
    r.append(_el("fldChar", fldCharType=kind))
    return r


def _text_run(text: str, rpr: Sequence[etree._Element] = ()) -> etree._Element:
    """``<w:r>[<w:rPr>…</w:rPr>]<w:t>text</w:t></w:r>``, spaces preserved."""
    r = _el("r")
    if rpr:
        props = _el("rPr")
        for c in rpr:
            _put(props, c, _RPR_ORDER)
        r.append(props)
    text = _printable(text)
    t = _el("t")
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    r.append(t)
    return r


_UNPRINTABLE = {c: None for c in range(0x20) if c not in (0x09, 0x0A)} | {0x09: style.TAB_AS}


def _printable(text: str) -> str:
    """TAB as :data:`style.TAB_AS` (what the PDF prints) and no other control character
    (XML 1.0 cannot hold them; decode drops them from inputs already).

    >>> _printable("姓名\\t张三\\x07")
    '姓名\\u3000张三'
    """
    return text.translate(_UNPRINTABLE)


def _setup_settings(document: Document) -> None:
    """Kinsoku lists, the Chinese theme-font language, no stale revision ids."""
    settings = document.settings.element
    for tag, chars in (
        ("noLineBreaksAfter", style.NOT_AT_LINE_END),
        ("noLineBreaksBefore", style.NOT_AT_LINE_START),
    ):
        for old in settings.findall(qn(f"w:{tag}")):
            settings.remove(old)
        lst = _el(tag, lang="zh-CN", val="".join(sorted(chars)))
        successor = next(
            (c for c in settings if _local(c) in _SETTINGS_AFTER_LINE_BREAK_LISTS),
            None,
        )
        if successor is None:
            settings.append(lst)
        else:
            successor.addprevious(lst)
    # noLineBreaksAfter must precede noLineBreaksBefore: the loop above inserts each
    # before the first later element, so After is placed first, then Before after it.
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    # Word 2013+ layout: mode 14 makes Word show "[兼容模式]" in the title bar (issue 17)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _font_table(document: Document) -> None:
    """Only the fonts the document names, each official CJK face with the nearest face a
    PC without it has (``w:altName``, ``style.Face.alt``; charset 86 = GB2312): the
    template's Japanese (ＭＳ 明朝, ＭＳ ゴシック) and Western leftovers go."""
    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        root = etree.fromstring(part.blob)
        keep = {style.LATIN}
        for old in list(root):
            if old.get(qn("w:name")) not in keep:
                root.remove(old)
        for face in style.FACES:
            font = _el("font", name=face.official)
            if face.alt:
                font.append(_el("altName", val=face.alt))
            font.append(_el("charset", val="86"))
            font.append(_el("family", val="modern" if face is not style.XIAOBIAOSONG else "roman"))
            font.append(_el("pitch", val="fixed"))
            root.append(font)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _prune_styles(document: Document) -> None:
    """Drop every style the document does not use: python-docx's template brings ~160
    (blue Heading 5–9, Intense Quote, 100 table styles) that Word would show in the
    gallery.  Kept: the defaults, every style named in the body or the footers, and
    what those are based on or linked to."""
    used: set[str] = set()
    parts = [document.element, *(f for sec in document.sections for f in _footers(sec))]
    for part in parts:
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used.update(e.get(qn("w:val")) for e in part.iter(qn(f"w:{tag}")))
    _prune(document.styles.element, frozenset(used))


def _prune(root: etree._Element, named: frozenset[str]) -> None:
    """Remove from the styles part ``root`` every style neither default, nor in
    ``named``, nor reached from those by basedOn/link/next."""
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    used = {sid for sid, s in by_id.items() if s.get(qn("w:default")) == "1"} | set(named)
    todo = list(used)
    while todo:
        s = by_id.get(todo.pop())
        if s is None:
            continue
        for tag in ("basedOn", "link", "next"):
            ref = s.find(qn(f"w:{tag}"))
            if ref is not None and ref.get(qn("w:val")) not in used:
                used.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for sid, s in by_id.items():
        if sid not in used:
            root.remove(s)


def _footers(section: object) -> list[etree._Element]:
    return [section.footer._element, section.even_page_footer._element]  # type: ignore[attr-defined]


def _drop_template_leftovers(document: Document) -> None:
    """Remove parts of python-docx's template that would mislead: a thumbnail of
    some other document, and Word 2010's ``stylesWithEffects`` copy of the styles
    (with their theme fonts and blue headings)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == _RT_STYLES_WITH_EFFECTS:
            document.part.drop_rel(rid)


def _core_properties(document: Document, article: Article, source: str) -> None:
    """Title and language; no dates (they would make every run differ)."""
    _core_properties_of(document.core_properties, article, source)


PROPERTY_MAX = 255  # characters of a core property Word keeps (python-docx refuses more)


def _property(value: str) -> str:
    """``value`` cut in the middle to :data:`PROPERTY_MAX` characters ("…" marks the cut):
    a long source name or title keeps its start and its end.

    >>> len(_property("甲" * 300)), _property("短")
    (255, '短')
    """
    if len(value) <= PROPERTY_MAX:
        return value
    half = (PROPERTY_MAX - 1) // 2
    return value[:half] + "…" + value[len(value) - (PROPERTY_MAX - 1 - half) :]


def _comments(source: str) -> str:
    return _property(f"converted by gongwen from {source}" if source else "converted by gongwen")


def _core_properties_of(props: object, article: Article, source: str) -> None:
    p: Any = props
    p.title = _property(article.title)
    p.language = "zh-CN"
    p.author = "gongwen"
    p.last_modified_by = "gongwen"
    p.comments = _comments(source)
    p.revision = 1
    core = p._element
    for tag in ("created", "modified", "lastPrinted"):
        for ns in (
            "http://purl.org/dc/terms/",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        ):
            for old in core.findall(f"{{{ns}}}{tag}"):
                core.remove(old)


# ---------------------------------------------------------------- body


def _paragraph(document: _Doc, style_id: str) -> etree._Element:
    """A new empty paragraph of ``style_id`` appended to the body."""
    p: etree._Element = document.add_paragraph()._p
    _put(_ppr(p), _el("pStyle", val=style_id), _PPR_ORDER)
    return p


def _title_block(document: _Doc, article: Article, reader: str = "word") -> None:
    """Title lines (line breaks between them), subtitle, then one blank line.  For
    LibreOffice the title lines get the invisible characters that keep its
    Asian/non-Asian spacing out (:func:`~pipeline.render.pdf.docx_joiners`), so that a
    line the PDF fits stays one line."""
    from pipeline.render import pdf

    last: tuple[etree._Element, int] | None = None  # (paragraph, its line pitch)
    if article.title:
        p = _paragraph(document, TITLE_STYLE)
        for i, line in enumerate(split_title(article.title)):
            if reader == "libreoffice":
                line = _joined(line, 0, len(line), pdf.docx_joiners(line))
            if i:
                br = _el("r")
                br.append(_el("br"))
                p.append(br)
            if line[-1] in style.CENTRE_ON_INK_MARKS:
                # centred on the ink: the mark's empty right half is taken off its advance
                blank = -_twips(style.TRAILING_MARK_BLANK * style.TITLE.size)
                p.append(_text_run(line[:-1]))
                p.append(_text_run(line[-1], [_el("spacing", val=str(blank))]))
            else:
                p.append(_text_run(line))
        last = (p, _twips(style.TITLE_LINE_PITCH))
    if article.subtitle:
        p = _paragraph(document, SUBTITLE_STYLE)
        p.append(_text_run(article.subtitle))
        last = (p, LINE_PITCH_TWIPS)
    if last is not None:
        # one blank body line after the block: space after its last paragraph
        p, pitch = last
        gap = round(style.TITLE_GAP_LINES * LINE_PITCH_TWIPS)
        _put(_ppr(p), _spacing(pitch, after_twips=gap), _PPR_ORDER)


def _heading(
    document: _Doc, heading: Heading, fit: BlockFit | None = None, reader: str = "word", *, keep: bool = True
) -> None:
    """A heading paragraph; with a tail, the tail follows in the body font.  ``keep``
    off (:func:`~pipeline.render.common.heading_keeps`): not kept with the next block."""
    p = _paragraph(document, HEADING_STYLES[heading.level])
    label = style.heading_label(heading.number, heading.text)
    text = label + heading.tail
    _fitted_runs(p, text, 0, len(label), (), fit, reader)
    if not keep:
        _put(_ppr(p), _el("keepNext", val="0"), _PPR_ORDER)
    if heading.tail:
        _put(_ppr(p), _el("keepLines", val="0"), _PPR_ORDER)
        body = style.BODY
        level = style.HEADINGS[heading.level]
        tail_props = [_rfonts(body.face)]
        if level.bold != body.bold:
            tail_props += [_on_off("b", body.bold), _on_off("bCs", body.bold)]
        if level.size != body.size:
            size = str(_half_points(body.size))
            tail_props += [_el("sz", val=size), _el("szCs", val=size)]
        _fitted_runs(p, text, len(label), len(text), tail_props, fit, reader)
    _fitted_paragraph(p, fit)


def _body(document: _Doc, paragraph: Paragraph, fit: BlockFit | None = None, reader: str = "word") -> None:
    p = _paragraph(document, BODY_STYLE)
    _fitted_runs(p, paragraph.text, 0, len(paragraph.text), (), fit, reader)
    _fitted_paragraph(p, fit)


def _fitted_runs(
    p: etree._Element,
    text: str,
    start: int,
    end: int,
    rpr: Sequence[etree._Element],
    fit: BlockFit | None,
    reader: str,
) -> None:
    """Append ``text[start:end]`` to ``p`` as runs of ``rpr``, saying what the PDF's line
    breaker decided (``fit``, :func:`pipeline.render.pdf.layout_hints`), so that a word
    processor breaks the lines where the PDF does.

    For Word (``reader="word"``) a squeezed mark is a run of its own whose character
    spacing is the grid's less what it gives up (Word adds a run's spacing after each of
    its characters).  LibreOffice adds it only *between* the characters of a stretch of
    like text and never condenses by more than about ⅙ em, so for it a line the PDF
    squeezed is a run of its own condensed evenly to the PDF's width; it also gets an
    invisible character where it would put Asian/non-Asian spacing
    (:func:`~pipeline.render.pdf.docx_joiners`).  For both, a line the PDF ended early
    (a mark or a number pushed down, a 孤字 kept company) is spread to its width, so
    that the next character no longer fits (:func:`_told_lines`): neither word processor
    can be told not to break between two Chinese characters or before a measure word
    (LibreOffice breaks at a word joiner there).  The page fit's tracking is every
    run's spacing."""
    from pipeline.render import pdf

    base = CHAR_SPACING_TWIPS + _twips(fit.tracking) if fit is not None and fit.tracking else None
    grid = base if base is not None else CHAR_SPACING_TWIPS
    spacing: dict[int, int] = {}  # offset → the character's spacing, where not ``base``
    extra: dict[int, str] = {}
    if reader == "libreoffice":
        extra = pdf.docx_joiners(text)
    if fit is not None:
        if reader != "libreoffice":
            for offset, v in fit.squeeze:
                spacing[offset] = grid - _twips(v)
        # where LibreOffice's stretches of like text end: invisible characters, Latin
        # against Chinese, a change of run
        ends = {i for i in range(1, len(text)) if text[i - 1].isascii() != text[i].isascii()}
        told = _told_lines(fit, ends | set(extra) | {start, end}, grid, reader)
        spacing.update({i: v for (s, e), v in told.items() for i in range(max(s, start), min(e, end))})

    def run(a: int, b: int, value: int | None) -> None:
        # a copy for each run: an element has one parent, appending it again would move
        # it out of the run before (the tail of a run-in heading lost its body font)
        props = [copy.deepcopy(e) for e in rpr]
        if value is not None:
            props.append(_el("spacing", val=str(value)))
        p.append(_text_run(_joined(text, a, b, extra), props))

    cut = start
    for i in range(start + 1, end + 1):
        if i == end or spacing.get(i, base) != spacing.get(cut, base):
            run(cut, i, spacing.get(cut, base))
            cut = i
    if start == end:
        run(start, end, base)


# Measured on LibreOffice 7.4: its widths differ from the PDF's by rounding, so a line
# told its width is set this much (pt) inside it; and it condenses characters by at most
# about ⅙ em (more is ignored).
TOLD_MARGIN = 0.3
LO_MAX_CONDENSE = -2.6  # pt per character


def _told_lines(fit: BlockFit, ends: set[int], grid: int, reader: str) -> dict[tuple[int, int], int]:
    """The lines of ``fit`` a word processor must be told about, (start, end) → the
    character spacing (twips) that gives the line the PDF's width less
    :data:`TOLD_MARGIN`: a line its own count makes too wide (for LibreOffice: squeezed
    marks, the spacing it loses before an invisible character and at the end of a run),
    and a line the PDF ended before the next character would have filled it (so that
    character no longer fits).  Word adds spacing after every character; LibreOffice
    between the characters of a stretch of like text (``ends``: the offsets where one
    ends), so a told line ends its stretch and the line before is counted again."""
    lines = fit.lines
    told: dict[int, int] = {}
    sigma0 = grid / 20
    lo = reader == "libreoffice"
    for _ in range(3):
        changed = False
        for k, (s, e, glyphs, avail, _) in enumerate(lines):
            if k in told:
                continue
            n = e - s
            # LibreOffice condenses (spacing < 0) no character before the end of a
            # stretch of like text; it spreads (spacing ≥ 0) every one (measured).  A
            # told line's spacing is counted on the safe side (a character on either
            # side of an end), as a line condensed a little too much is spread back by
            # its justification.
            condensed = n
            if lo:
                inside = sum(1 for o in ends if s < o < e)
                ends_run = k + 1 in told or e in ends or k + 1 == len(lines)
                gaps = n - inside - (1 if ends_run else 0) if sigma0 < 0 else n
                condensed = n - 2 * inside - 1
            else:
                glyphs -= sum(v for o, v in fit.squeeze if s <= o < e)
                gaps = n
            width = glyphs + sigma0 * gaps
            too_wide = width > avail - (TOLD_MARGIN if lo else 0.0)
            ended_early = k + 1 < len(lines) and width + lines[k + 1][4] + sigma0 <= avail
            if not (too_wide or ended_early):
                continue
            # a line spread so its next character cannot come up is set well inside,
            # so a miscount of LibreOffice's gaps cannot push one of its own down
            margin = TOLD_MARGIN if too_wide else max(TOLD_MARGIN, lines[k + 1][4] / 3)
            room = avail - margin - glyphs
            if room < 0 and condensed <= 0:
                continue
            sigma = math.floor(room / (n if room >= 0 else condensed) * 20)
            if lo and sigma / 20 < LO_MAX_CONDENSE:
                continue
            told[k] = sigma
            changed = True
        if not changed:
            break
    return {(lines[k][0], lines[k][1]): v for k, v in told.items()}


def _joined(text: str, start: int, end: int, extra: dict[int, str]) -> str:
    """``text[start:end]`` with ``extra[i]`` put before ``text[i]``."""
    return "".join(extra.get(i, "") + text[i] for i in range(start, end))


def _fitted_paragraph(p: etree._Element, fit: BlockFit | None) -> None:
    """The page fit's line pitch, off the grid (a lines grid would snap it back)."""
    if fit is None or fit.pitch == PAGE.line_pitch:
        return
    _put(_ppr(p), _el("snapToGrid", val="0"), _PPR_ORDER)
    _put(_ppr(p), _spacing(_twips(fit.pitch)), _PPR_ORDER)


# ---------------------------------------------------------------- the elements of a 公文
# Direct paragraph formatting, no new styles: a document without these elements keeps
# exactly the styles part it had.

CH = CHAR_ADVANCE_TWIPS  # one 字 of body text
BODY_WIDTH_TWIPS = _twips(PAGE.body_width)


def _ind(*, left: int = 0, right: int = 0, first: int = 0, hanging: int = 0) -> etree._Element:
    """``w:ind`` in twips, the character-unit attributes zeroed so the Normal style's
    two-字 ``firstLineChars`` is not inherited."""
    attrs = {"left": str(left), "right": str(right)}
    if hanging:
        attrs |= {"hanging": str(hanging), "hangingChars": "0"}
    else:
        attrs |= {"firstLine": str(first), "firstLineChars": "0"}
    return _el("ind", **attrs)


def _element(
    document: _Doc,
    block: style.BlockStyle,
    texts: Sequence[tuple[str, style.BlockStyle]] | str,
    *,
    ind: etree._Element | None = None,
    jc: str | None = None,
    before: int = 0,
    keep_next: bool = False,
    line: int = LINE_PITCH_TWIPS,
) -> etree._Element:
    """A body paragraph set as ``block`` says (face, size, alignment, indent), its text
    in runs of their own styles."""
    p = _paragraph(document, BODY_STYLE)
    _put(_ppr(p), _on_off("keepNext", keep_next), _PPR_ORDER)
    _put(_ppr(p), _el("spacing", before=str(before), after="0", line=str(line), lineRule="exact"), _PPR_ORDER)
    if block.size != style.BODY.size:
        _put(_ppr(p), _el("snapToGrid", val="0"), _PPR_ORDER)
    indent = round(block.indent_chars * CH)
    _put(_ppr(p), ind if ind is not None else _ind(first=indent), _PPR_ORDER)
    _put(_ppr(p), _el("jc", val=jc or _ALIGN[block.align]), _PPR_ORDER)
    for text, st in [(texts, block)] if isinstance(texts, str) else texts:
        for k, part in enumerate(text.split("\t")):  # a tab here is a layout tab, not text
            if k:
                p.append(_tab_run(_element_run(st)))
            if part:
                p.append(_text_run(part, _element_run(st)))
    return p


def _tab_run(rpr: Sequence[etree._Element]) -> etree._Element:
    """A run holding a tab character (``w:tab``): to the paragraph's next tab stop."""
    r = _el("r")
    if rpr:
        props = _el("rPr")
        for c in rpr:
            _put(props, c, _RPR_ORDER)
        r.append(props)
    r.append(_el("tab"))
    return r


def _element_run(block: style.BlockStyle, color: str = "") -> list[etree._Element]:
    """rPr children for a run in ``block``'s face: none when it is the body's."""
    if block.face == style.BODY.face and block.size == style.BODY.size and not color:
        return []
    props = _run_props(block)
    if color:
        props.append(_el("color", val=color))
    return props


def _last_spacing(
    p: etree._Element, pitch: int, *, before: int | None = None, after: int | None = None
) -> None:
    """Set ``before``/``after`` on ``p``'s exact spacing, keeping what is not given."""
    ppr = _ppr(p)
    old = ppr.find(qn("w:spacing"))
    b = old.get(qn("w:before"), "0") if old is not None else "0"
    a = old.get(qn("w:after"), "0") if old is not None else "0"
    spacing = _el(
        "spacing",
        before=str(before) if before is not None else b,
        after=str(after) if after is not None else a,
        line=str(pitch),
        lineRule="exact",
    )
    _put(ppr, spacing, _PPR_ORDER)


def _title_paragraphs(article: Article) -> tuple[int, int]:
    """How many paragraphs the title block takes, and its last one's line pitch."""
    if article.subtitle:
        return int(bool(article.title)) + 1, LINE_PITCH_TWIPS
    return int(bool(article.title)), _twips(style.TITLE_LINE_PITCH)


def _bylines(document: _Doc, article: Article, bylines: Sequence[Byline]) -> None:
    """The speech's bylines under the title and subtitle, centred in 楷体, before the
    title block's blank line (gbt9704.md §4.12, PRAC)."""
    count, pitch = _title_paragraphs(article)
    gap = round(style.TITLE_GAP_LINES * LINE_PITCH_TWIPS)
    if count:
        _last_spacing(document.paragraphs[-1]._p, pitch, after=0)
    for k, b in enumerate(bylines):
        p = _element(document, style.BYLINE, b.text, keep_next=True)
        if k == len(bylines) - 1:
            _last_spacing(p, LINE_PITCH_TWIPS, after=gap)


def _head(document: _Doc, head: Head) -> None:
    """The 版头 (7.2): 份号, 密级, 紧急程度 flush left on the first lines; the red mark
    centred with its top edge 35 mm below the 版心's top; the 发文字号 two lines under
    it (with the 签发人 on its line for a 上行文); the red separator 4 mm below it."""
    used = 0
    for value, st in (
        (head.copy_number, style.COPY_NUMBER),
        (head.classification, style.HEAD_MARKS),
        (head.urgency, style.HEAD_MARKS),
    ):
        if value:
            _element(document, st, value, ind=_ind())
            used += LINE_PITCH_TWIPS
    box_bottom = used  # where the line boxes so far end
    mark = style.ISSUER
    if head.issuer:
        line = _twips(mark.size * ISSUER_LINE)
        top = max(_twips(style.ISSUER_TOP - mark.size * ISSUER_GLYPH_TOP) - used, 0)
        p = _element(document, mark, [], ind=_ind(), before=top, line=line)
        # rounded down: a mark scaled to 88 % where 87.7 % fits wraps its last character
        scale = math.floor(100 * style.issuer_scale(style.text_width(head.issuer, mark.size)))
        props = _element_run(mark, style.RED_HEX)
        if scale < 100:
            props.append(_el("w", val=str(scale)))
        p.append(_text_run(head.issuer, props))
        box_bottom = used + top + line
    if head.doc_number or head.signers:
        number = style.DOC_NUMBER
        before = 0
        if head.issuer:  # its line box two lines below the mark's em box (as the PDF sets it)
            target = _twips(style.ISSUER_TOP + mark.size) + style.DOC_NUMBER_GAP_LINES * LINE_PITCH_TWIPS
            before = max(target - box_bottom, 0)
        texts: list[tuple[str, style.BlockStyle]] = [(head.doc_number, number)]
        if head.signers:  # 上行文 (7.2.5-7.2.6): number one 字 in, 签发人 one 字 from the right
            inset = round(style.SIGNER_INDENT_CHARS * CH)
            texts += [("\t" + style.SIGNER_LABEL, number), ("　".join(head.signers), style.SIGNER_NAME)]
            p = _element(document, number, texts, ind=_ind(left=inset, right=inset), jc="left", before=before)
            tabs = _el("tabs")
            tabs.append(_el("tab", val="right", pos=str(BODY_WIDTH_TWIPS - inset)))
            _put(_ppr(p), tabs, _PPR_ORDER)
        else:
            p = _element(document, number, texts, ind=_ind(), before=before)
        borders = _el("pBdr")
        borders.append(
            _el(
                "bottom",
                val="single",
                sz=str(round(style.SEPARATOR_WEIGHT * 8)),
                space=str(SEPARATOR_SPACE_PT),
                color=style.RED_HEX,
            )
        )
        _put(_ppr(p), borders, _PPR_ORDER)


def _after_head(document: _Doc, first_title: int) -> None:
    """The title two lines below the separator (7.3.1)."""
    if first_title < len(document.paragraphs):
        p = document.paragraphs[first_title]._p
        pitch_el = _ppr(p).find(qn("w:spacing"))
        pitch = int(pitch_el.get(qn("w:line"))) if pitch_el is not None else _twips(style.TITLE_LINE_PITCH)
        _last_spacing(p, pitch, before=round(style.TITLE_AFTER_SEPARATOR_LINES * LINE_PITCH_TWIPS))


def _single(document: _Doc, block: Block) -> None:
    """主送 and salutations flush left, a byline centred in 楷体, a 附注 two 字 in."""
    st = {
        "recipients": style.RECIPIENTS,
        "salutation": style.SALUTATION,
        "byline": style.BYLINE,
        "note": style.NOTE,
    }.get(block.kind, style.BODY)
    text = block.text if not isinstance(block, Heading | Table | Attachment) else ""
    _element(document, st, text)


def _keep_previous(document: _Doc) -> None:
    """Keep the paragraph before with the next one (7.3.5.5: 署名/日期 never alone)."""
    if document.paragraphs:
        _put(_ppr(document.paragraphs[-1]._p), _el("keepNext"), _PPR_ORDER)


def _attachments(document: _Doc, run: Attachments) -> None:
    """附件说明 (7.3.4): one line below the body, two 字 in; each later number under the
    first; names and their continuation lines at one column (a tab stop and a hanging
    indent at it)."""
    _keep_previous(document)
    label_x = round(style.ATTACHMENT.indent_chars * CH)
    number_x = label_x + round(style.half_widths(ATTACHMENT_LABEL) * CH / 2)
    number_w = max((round(style.half_widths(a.number) * CH / 2) for a in run.items), default=0)
    name_x = number_x + number_w
    for k, item in enumerate(run.items):
        start = label_x if k == 0 else number_x
        lead = (ATTACHMENT_LABEL if k == 0 else "") + item.number + ("\t" if item.number else "")
        p = _element(
            document,
            style.ATTACHMENT,
            lead + item.text,
            ind=_ind(left=name_x, hanging=name_x - start) if name_x > start else _ind(left=name_x),
            before=style.ATTACHMENT_GAP_LINES * LINE_PITCH_TWIPS if k == 0 else 0,
            keep_next=True,
        )
        if item.number:
            tabs = _el("tabs")
            tabs.append(_el("tab", val="left", pos=str(name_x)))
            _put(_ppr(p), tabs, _PPR_ORDER)


def _closing(document: _Doc, run: Closing, *, seal: bool) -> None:
    """署名 and 成文日期 (7.3.5.2, or 7.3.5.1 with ``seal``) one line (two) below the body,
    placed by :func:`style.closing_positions`; the 附注 on the next line (7.3.6); all kept
    with the last body lines.  The edge a clause fixes is set exactly (the 署名's right
    indent; a longer date's, or a sealed date's, right indent), the other from the width
    the text will take (:func:`_set_width`)."""
    _keep_previous(document)
    sig_w = tuple(_set_width(b.text) for b in run.signatures)
    date_w = max((_set_width(b.text) for b in run.dates), default=0.0)
    xs, x_date = style.closing_positions(sig_w, date_w, seal=seal)
    date_exact = seal or date_w > max(sig_w, default=0.0)  # the date's right edge is the rule's
    gap = (style.SEAL_GAP_LINES if seal else style.CLOSING_GAP_LINES) * LINE_PITCH_TWIPS
    paragraphs: list[etree._Element] = []
    for k, (sig, x, w) in enumerate(zip(run.signatures, xs, sig_w, strict=True)):
        right = max(BODY_WIDTH_TWIPS - _twips(x + w), 0)
        if seal:  # centred over the date
            centre = _twips(x + w / 2)
            ind, jc = (
                _ind(left=max(2 * centre - BODY_WIDTH_TWIPS, 0), right=max(BODY_WIDTH_TWIPS - 2 * centre, 0)),
                "center",
            )
        elif date_exact:  # its first 字 two left of the date's
            ind, jc = _ind(left=max(_twips(x), 0)), "left"
        else:  # right-indented two 字
            ind, jc = _ind(right=right), "right"
        paragraphs.append(
            _element(document, style.SIGNATURE, sig.text, ind=ind, jc=jc, before=0 if k else gap)
        )
    for k, date in enumerate(run.dates):
        before = gap if not run.signatures and not k else 0
        if date_exact:
            ind, jc = _ind(right=max(BODY_WIDTH_TWIPS - _twips(x_date + date_w), 0)), "right"
        else:
            ind, jc = _ind(left=max(_twips(x_date), 0)), "left"
        paragraphs.append(_element(document, style.SIGNATURE, date.text, ind=ind, jc=jc, before=before))
    for note in run.notes:
        paragraphs.append(_element(document, style.NOTE, note.text))
    for p in paragraphs[:-1]:
        _put(_ppr(p), _el("keepNext"), _PPR_ORDER)


def _set_width(text: str) -> float:
    """The width (pt) a word processor gives one line of body text: a full-width
    character one body advance, a half-width one half of 16 pt less the run spacing, and
    the gap LibreOffice leaves where Chinese and Latin letters or digits meet (measured;
    Word leaves about as much with its automatic spacing on, none with it off).

    >>> round(_set_width("2024年3月5日"), 1), round(_set_width("某县人民政府"), 1)
    (109.8, 94.5)
    >>> round(_set_width("****年**月**日"), 1)
    109.2
    """
    full = CHAR_ADVANCE_TWIPS / 20
    half = style.BODY.size / 2 + CHAR_SPACING_TWIPS / 20
    width = sum(half if ord(c) < 0x80 else full for c in text)
    # only beside a Latin letter or digit: "****年**月**日" (a template's blanks) gets none
    changes = sum(
        1
        for a, b in itertools.pairwise(text)
        if (ord(a) < 0x80) != (ord(b) < 0x80) and (a if ord(a) < 0x80 else b).isalnum()
    )
    return width + changes * AUTOSPACE


def _cell_props(width: int, *, span: int = 1, merge: str = "") -> etree._Element:
    tc_pr = _el("tcPr")
    tc_pr.append(_el("tcW", w=str(width), type="dxa"))
    if span > 1:
        tc_pr.append(_el("gridSpan", val=str(span)))
    if merge:
        tc_pr.append(_el("vMerge", val=merge) if merge == "restart" else _el("vMerge"))
    tc_pr.append(_el("vAlign", val="center"))
    return tc_pr


def _cell_paragraph(text: str, block: style.BlockStyle) -> etree._Element:
    """A table cell's paragraph: off the body grid, single spacing, no indent (§D PRAC)."""
    p = _el("p")
    ppr = _el("pPr")
    for c in (
        _el("pStyle", val=BODY_STYLE),
        _el("snapToGrid", val="0"),
        _el("spacing", before="0", after="0", line=str(_twips(style.TABLE_LINE_PITCH)), lineRule="exact"),
        _ind(),
        _el("jc", val=_ALIGN[block.align]),
    ):
        _put(ppr, c, _PPR_ORDER)
    p.append(ppr)
    if text:
        p.append(_text_run(text, _run_props(block)))
    return p


def _borders(tag: str, sides: Sequence[str], size: int) -> etree._Element:
    out = _el(tag)
    for side in sides:
        out.append(_el(side, val="single", sz=str(size), space="0", color="000000"))
    return out


def _table(document: _Doc, table: Table) -> None:
    """A table (§D, PRAC): caption centred above in 黑体 and kept with it; 仿宋 四号 cells
    at single spacing; header rows in 黑体, repeated on every page (``tblHeader``); no
    row split across pages (``cantSplit``); row and column spans kept; ½ pt grid."""
    if table.caption:
        _element(document, style.TABLE_CAPTION, table.caption, ind=_ind(), keep_next=True)
    grid = cell_grid(table)
    if not grid or not grid[0]:
        return
    widths = [_twips(w) for w in column_widths(grid)]
    tbl = _el("tbl")
    tbl_pr = _el("tblPr")
    tbl_pr.append(_el("tblW", w=str(sum(widths)), type="dxa"))
    tbl_pr.append(_el("jc", val="center"))
    rule = round(style.TABLE_RULE * 8)
    tbl_pr.append(_borders("tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV"), rule))
    tbl_pr.append(_el("tblLayout", type="fixed"))
    margins = _el("tblCellMar")
    pad_x, pad_y = str(_twips(style.TABLE_PAD_X)), str(_twips(style.TABLE_PAD_Y))
    for side, value in (("top", pad_y), ("left", pad_x), ("bottom", pad_y), ("right", pad_x)):
        margins.append(_el(side, w=value, type="dxa"))
    tbl_pr.append(margins)
    tbl.append(tbl_pr)
    tbl_grid = _el("tblGrid")
    for w in widths:
        tbl_grid.append(_el("gridCol", w=str(w)))
    tbl.append(tbl_grid)
    for r, row in enumerate(grid):
        tr = _el("tr")
        tr_pr = _el("trPr")
        if not style.TABLE_ROWS_SPLIT:
            tr_pr.append(_el("cantSplit"))
        if r < table.header_rows and style.TABLE_HEADER_REPEATS:
            tr_pr.append(_el("tblHeader"))
        tr.append(tr_pr)
        st = style.TABLE_HEADER if r < table.header_rows else style.TABLE
        c = 0
        while c < len(row):
            entry = row[c]
            owner = entry or next((row_up[c] for row_up in reversed(grid[:r]) if row_up[c] is not None), None)
            if entry is None and (owner is None or owner[0] + owner[2].rowspan <= r):
                owner = None  # a hole in a ragged row: an empty cell
            span = owner[2].colspan if owner is not None else 1
            tc = _el("tc")
            if entry is not None:
                merge = "restart" if entry[2].rowspan > 1 else ""
                tc.append(_cell_props(sum(widths[c : c + span]), span=span, merge=merge))
                tc.append(_cell_paragraph(entry[2].text, st))
            else:  # covered by a row span from above
                tc.append(
                    _cell_props(sum(widths[c : c + span]), span=span, merge="continue" if owner else "")
                )
                tc.append(_cell_paragraph("", st))
            tr.append(tc)
            c += span
        tbl.append(tr)
    body = document.element.find(_W + "body")
    body.find(qn("w:sectPr")).addprevious(tbl)
    # a paragraph after the table, so that two tables never merge and Word can edit below
    _element(document, style.BODY, "", ind=_ind(), line=_twips(style.TABLE_LINE_PITCH))


def _imprint(document: _Doc, article: Article, where: str) -> None:
    """The 版记 (7.4) as a frame of paragraphs anchored at the bottom of the 版心, on the
    page the PDF layout puts it (``where``: an even one; after a blank page when it must
    be, the two pages then in a section with empty footers, 7.5)."""
    assert article.imprint is not None
    if where == "blank":
        assert not isinstance(document, _Body)  # render() takes python-docx's path for it
        _unnumbered_section(document)
    anchor = _element(document, style.BODY, "", ind=_ind(), line=IMPRINT_ANCHOR_TWIPS)
    if where != "here":
        _put(_ppr(anchor), _el("pageBreakBefore"), _PPR_ORDER)
    anchor.addprevious(_imprint_table(article.imprint))


def _unnumbered_section(document: Document) -> None:
    """End the body's section here (its footers carry the page numbers) and start one
    with empty footers, its first page blank (the 版记 follows on the next)."""
    body = document.element.find(_W + "body")
    last = body.find(qn("w:sectPr"))
    holder = _element(document, style.BODY, "", ind=_ind(), line=IMPRINT_ANCHOR_TWIPS)
    _put(_ppr(holder), copy.deepcopy(last), _PPR_ORDER)
    for ref in last.findall(qn("w:footerReference")):
        last.remove(ref)
    for kind in ("even", "default"):  # empty footers of its own (no reference would link the numbered ones)
        _, rid = document.part.add_footer_part()  # type: ignore[no-untyped-call]
        ref = _el("footerReference", type=kind)
        ref.set(qn("r:id"), rid)
        last.insert(0, ref)
    _element(document, style.BODY, "", ind=_ind(), line=IMPRINT_ANCHOR_TWIPS)  # the blank page


def _imprint_table(imprint: Imprint) -> etree._Element:
    """The 版记's lines as a floating table at the bottom of the 版心 (``w:tblpPr``
    bottom of the margin box): a thick rule above the first line and under the last, on
    the 版心's bottom edge (7.4.1), a thin one above the 印发 line when lines stand above
    it (7.4.3); 抄送 continuation lines after the colon (7.4.2); the 印发机关 one 字 from
    the left, the date one 字 from the right (7.4.3).  Its left edge is given from the page
    (the 订口): LibreOffice 7.4 imports a floating table placed relative to the margins
    as an inline one."""
    st = style.IMPRINT
    inset = _twips(style.IMPRINT_INDENT_CHARS * st.size)
    width = BODY_WIDTH_TWIPS
    half = width // 2
    thick, thin = round(style.IMPRINT_THICK * 8), round(style.IMPRINT_THIN * 8)  # eighths of a point
    tbl = _el("tbl")
    tbl_pr = _el("tblPr")
    tbl_pr.append(
        _el(
            "tblpPr",
            leftFromText="0",
            rightFromText="0",
            topFromText="0",
            bottomFromText="0",
            vertAnchor="margin",
            horzAnchor="page",
            tblpX=str(_twips(PAGE.left)),
            tblpYSpec="bottom",
        )
    )
    tbl_pr.append(_el("tblW", w=str(width), type="dxa"))
    borders = _el("tblBorders")
    borders.append(_el("top", val="single", sz=str(thick), space="0", color="000000"))
    borders.append(_el("bottom", val="single", sz=str(thick), space="0", color="000000"))
    tbl_pr.append(borders)
    tbl_pr.append(_el("tblLayout", type="fixed"))
    margins = _el("tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margins.append(_el(side, w="0", type="dxa"))
    tbl_pr.append(margins)
    tbl.append(tbl_pr)
    tbl_grid = _el("tblGrid")
    tbl_grid.append(_el("gridCol", w=str(half)))
    tbl_grid.append(_el("gridCol", w=str(width - half)))
    tbl.append(tbl_grid)

    def paragraph(text: str, ind: etree._Element, jc: str) -> etree._Element:
        p = _el("p")
        ppr = _el("pPr")
        pitch = str(_twips(style.IMPRINT_LINE_PITCH))
        for c in (
            _el("pStyle", val=BODY_STYLE),
            _el("snapToGrid", val="0"),
            _el("spacing", before="0", after="0", line=pitch, lineRule="exact"),
            ind,
            _el("jc", val=jc),
        ):
            _put(ppr, c, _PPR_ORDER)
        p.append(ppr)
        if text:
            p.append(_text_run(text, _run_props(st)))
        return p

    def row(cells: Sequence[tuple[etree._Element, int, int]], top_rule: bool) -> etree._Element:
        tr = _el("tr")
        tr_pr = _el("trPr")
        tr_pr.append(_el("cantSplit"))
        tr_pr.append(_el("trHeight", val=str(_twips(style.IMPRINT_LINE_PITCH)), hRule="atLeast"))
        tr.append(tr_pr)
        for p, cell_width, span in cells:
            tc = _el("tc")
            tc_pr = _cell_props(cell_width, span=span)
            if top_rule:
                tc_pr.insert(len(tc_pr) - 1, _borders("tcBorders", ("top",), thin))
            tc.append(tc_pr)
            tc.append(p)
            tr.append(tc)
        return tr

    rows = 0
    after_keywords = False  # the row after 主题词 takes a thin rule above it (as in the PDF)
    for label, value in (
        (style.IMPRINT_KEYWORDS_LABEL, imprint.keywords),
        (style.IMPRINT_RECIPIENTS_LABEL, imprint.recipients),
        (style.IMPRINT_CC_LABEL, imprint.cc),
    ):
        if value:
            hang = _twips(style.text_width(label, st.size))
            ind = _ind(left=inset + hang, right=inset, hanging=hang)
            tbl.append(row([(paragraph(label + value, ind, "both"), width, 2)], top_rule=after_keywords))
            after_keywords = label == style.IMPRINT_KEYWORDS_LABEL
            rows += 1
    if imprint.printer or imprint.print_date:
        cells = [
            (paragraph(imprint.printer, _ind(left=inset), "left"), half, 1),
            (paragraph(imprint.print_date, _ind(right=inset), "right"), width - half, 1),
        ]
        tbl.append(row(cells, top_rule=rows > 0))
        rows += 1
    if imprint.copies:
        tbl.append(
            row([(paragraph(imprint.copies, _ind(right=inset), "right"), width, 2)], top_rule=rows > 0)
        )
    return tbl


# ---------------------------------------------------------------- output


def _stable_zip(data: bytes) -> bytes:
    """The same ZIP with fixed member timestamps and attributes, so equal content
    gives equal bytes (python-docx stamps every member with the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# the reader _styled_base is building for (styles read it through _overflow_punct)
_building_for = ["word"]


def _overflow_punct() -> str:
    return OVERFLOW_PUNCT_FOR[_building_for[-1]]


@functools.cache
def _styled_base(reader: str = "word") -> bytes:
    """The empty document with styles, page, settings and font table set up: built once
    per process and reader (setting up styles is about a quarter of a render), then
    reopened."""
    if reader not in OVERFLOW_PUNCT_FOR:
        raise ValueError(f"unknown DOCX reader {reader!r}: one of {', '.join(OVERFLOW_PUNCT_FOR)}")
    _building_for.append(reader)
    try:
        return _build_base()
    finally:
        _building_for.pop()


def _build_base() -> bytes:
    import docx

    document = docx.Document()
    _drop_template_leftovers(document)
    _setup_styles(document)
    _setup_section(document)
    _setup_settings(document)
    _font_table(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def render(article: Article, *, source: str = "", reader: str = "word", seal: bool = False) -> bytes:
    """One article as DOCX bytes (see the module docstring for the layout).

    ``source`` (the input file name) is recorded in the document's comments
    property.  ``reader`` is who will open it: ``"word"`` (Word, WPS: the standard
    flags) or ``"libreoffice"`` (``w:overflowPunct`` inverted for its importer).  The
    same article always gives the same bytes.

    The package is not opened with python-docx for each article: :class:`_Template`
    holds the styled base's parts as bytes, and an article only changes three of them
    (the body, the core properties, the styles it uses).  Only a 版记 after a blank page,
    which adds footer parts, goes through python-docx (:func:`_render_package`); both
    give the same bytes as rendering every article through python-docx did.
    """
    where = "here"
    if article.imprint is not None:
        from pipeline.render import pdf

        where = pdf.imprint_placement(article, seal=seal)
    if where == "blank":
        return _render_package(article, source=source, reader=reader, seal=seal, where=where)
    template = _template(reader)
    document = _Body(template.document_xml)
    _body_content(document, article, reader=reader, seal=seal, where=where)
    parts = {
        "word/document.xml": _serialize(document.element),
        "docProps/core.xml": template.core(article, source),
        "word/styles.xml": template.styles(_used_styles(document.element)),
    }
    return template.package(parts)


def _body_content(document: _Doc, article: Article, *, reader: str, seal: bool, where: str) -> None:
    """Everything the article puts in the body, in order."""
    if article.head is not None and head_lines(article.head):
        _head(document, article.head)
    first_title = len(document.paragraphs)
    _title_block(document, article, reader)
    if article.head is not None and head_lines(article.head):
        _after_head(document, first_title)
    bylines = title_bylines(article)
    if bylines:
        _bylines(document, article, bylines)
    hints: dict[int, BlockFit] = {}
    if any(isinstance(b, Heading | Paragraph) for b in article.blocks):
        from pipeline.render import pdf

        # the PDF's line and page decisions need its fonts; without them (no `make
        # fonts`) the DOCX is still made, its word processor breaking lines on its own
        with contextlib.suppress(RenderError):
            hints = pdf.layout_hints(article, seal=seal)
        tables = any(isinstance(b, Table) for b in article.blocks)
        if not style.PAGE_FIT_PITCH_IN_DOCX[reader] or (
            tables and not style.PAGE_FIT_PITCH_IN_DOCX_WITH_TABLES
        ):
            hints = {k: dataclasses.replace(h, pitch=PAGE.line_pitch) for k, h in hints.items()}
    index = {id(b): k for k, b in enumerate(article.blocks)}
    for run in layout_runs(article):
        if isinstance(run, Attachments):
            _attachments(document, run)
        elif isinstance(run, Closing):
            _closing(document, run, seal=seal)
        elif isinstance(run, TableRun):
            _table(document, run.table)
        elif isinstance(run.block, Heading):
            k = index[id(run.block)]
            following = article.blocks[k + 1] if k + 1 < len(article.blocks) else None
            _heading(document, run.block, hints.get(k), reader, keep=heading_keeps(run.block, following))
        elif isinstance(run.block, Paragraph):
            _body(document, run.block, hints.get(index[id(run.block)]), reader)
        else:
            _single(document, run.block)
    if article.imprint is not None:
        _imprint(document, article, where)
    if not document.paragraphs:  # an empty article: Word wants one paragraph
        _paragraph(document, BODY_STYLE)


def _render_package(article: Article, *, source: str, reader: str, seal: bool, where: str) -> bytes:
    """The article through python-docx's package (footer parts added)."""
    import docx

    document = docx.Document(io.BytesIO(_styled_base(reader)))
    _core_properties(document, article, source)
    _body_content(document, article, reader=reader, seal=seal, where=where)
    _prune_styles(document)
    buf = io.BytesIO()
    document.save(buf)
    return _stable_zip(buf.getvalue())


class _P:
    """What the body functions use of a python-docx ``Paragraph``: its element."""

    __slots__ = ("_p",)

    def __init__(self, p: etree._Element) -> None:
        self._p = p


class _Body:
    """The part of python-docx's ``Document`` the body functions use, over a parsed
    ``document.xml``: its root, its paragraphs, adding one before the ``w:sectPr``
    (python-docx's ``CT_Body.add_p``), in plain lxml."""

    def __init__(self, xml: bytes) -> None:
        self.element = etree.fromstring(xml, _PARSER)
        body = self.element.find(_W + "body")
        assert body is not None
        self.body = body

    @property
    def paragraphs(self) -> list[_P]:
        return [_P(p) for p in self.body.iterchildren(_W + "p")]

    def add_paragraph(self) -> _P:
        p = _el("p")
        sect = self.body.find(_W + "sectPr")
        if sect is None:
            self.body.append(p)
        else:
            sect.addprevious(p)
        return _P(p)


_Doc: TypeAlias = "Document | _Body"  # what the body functions write into


def _used_styles(root: etree._Element) -> frozenset[str]:
    """The style ids ``root`` names."""
    return frozenset(
        str(e.get(_W + "val")) for tag in ("pStyle", "rStyle", "tblStyle") for e in root.iter(_W + tag)
    )


# the core properties an article sets (python-docx's CT_CoreProperties names them so)
_DC = "{http://purl.org/dc/elements/1.1/}"


class _Template:
    """The styled base of one reader as the ZIP members python-docx writes for an
    article, in order, and the three parts an article changes: the body (from the base's
    ``document.xml``), the core properties (an empty article's, its title and comments
    then set) and the styles (the base's, pruned to what the article uses).  Built with
    python-docx once per reader and kept on disk (:func:`_template`)."""

    def __init__(
        self,
        members: list[tuple[str, bytes]],
        document: bytes,
        core: bytes,
        styles: bytes,
        footer_styles: frozenset[str],
    ) -> None:
        self.members = members
        self.document_xml = document
        self.core_xml = core
        self.styles_xml = styles
        self.footer_styles = footer_styles
        self._styles: dict[frozenset[str], bytes] = {}

    @classmethod
    def build(cls, reader: str) -> _Template:
        import docx

        blank = Article("", "", ())
        package = _render_package(blank, source="", reader=reader, seal=False, where="here")
        with zipfile.ZipFile(io.BytesIO(package)) as z:
            members = [(info.filename, z.read(info.filename)) for info in z.infolist()]
        core = dict(members)["docProps/core.xml"]
        base = docx.Document(io.BytesIO(_styled_base(reader)))
        footers = frozenset(u for f in _footers(base.sections[0]) for u in _used_styles(f))
        return cls(members, _serialize(base.element), core, _serialize(base.styles.element), footers)

    def to_data(self) -> dict[str, Any]:
        return {
            "members": self.members,
            "document": self.document_xml,
            "core": self.core_xml,
            "styles": self.styles_xml,
            "footer_styles": sorted(self.footer_styles),
        }

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> _Template:
        members = [(str(n), bytes(b)) for n, b in d["members"]]
        return cls(members, d["document"], d["core"], d["styles"], frozenset(d["footer_styles"]))

    def core(self, article: Article, source: str) -> bytes:
        """``docProps/core.xml`` for ``article``, as :func:`_core_properties` sets it."""
        root = etree.fromstring(self.core_xml, _PARSER)
        for tag, value in (("title", _property(article.title)), ("description", _comments(source))):
            el = root.find(_DC + tag)
            assert el is not None  # the empty article's core properties hold every one
            el.text = value
        return _serialize(root)

    def styles(self, used: frozenset[str]) -> bytes:
        """``word/styles.xml`` keeping what ``used`` needs (:func:`_prune`), cached: a few
        sets of styles serve every article."""
        out = self._styles.get(used)
        if out is None:
            root = etree.fromstring(self.styles_xml, _PARSER)
            _prune(root, used | self.footer_styles)
            out = self._styles[used] = _serialize(root)
        return out

    def package(self, parts: dict[str, bytes]) -> bytes:
        """The ZIP, as :func:`_stable_zip` writes it: each member's record deflated once
        per process (most members are the template's own bytes, and the styles part is
        one of a few: deflating them for every article was two thirds of a render)."""
        import struct

        local, central = [], []
        offset = 0
        for name, data in self.members:
            head, entry = _zip_entry(name, parts.get(name, data))
            local.append(head)
            central.append(entry[:42] + struct.pack("<L", offset) + entry[46:])
            offset += len(head)
        directory = b"".join(central)
        end = struct.pack(
            _END_RECORD,
            b"PK\x05\x06",
            0,
            0,
            len(central),
            len(central),
            len(directory),
            offset,
            0,
        )
        return b"".join(local) + directory + end


# the end of central directory record (APPNOTE.TXT 4.3.16), as zipfile's structEndArchive
_END_RECORD = "<4s4H2LH"
_ENTRIES: dict[tuple[str, bytes], tuple[bytes, bytes]] = {}
_ENTRIES_MAX = 512  # the template's members and a few styles parts; the rest is per article


def _zip_entry(name: str, data: bytes) -> tuple[bytes, bytes]:
    """``name``'s local record (header and deflated data) and its central directory
    record (local header offset 0), exactly as :class:`zipfile.ZipFile` writes them."""
    import struct

    key = (name, data)
    hit = _ENTRIES.get(key)
    if hit is not None:
        return hit
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 3
        dst.writestr(info, data)
        size = dst.start_dir
    raw = out.getvalue()
    central_size = len(raw) - size - struct.calcsize(_END_RECORD)
    entry = (raw[:size], raw[size : size + central_size])
    if name not in ("word/document.xml", "docProps/core.xml") and len(_ENTRIES) < _ENTRIES_MAX:
        _ENTRIES[key] = entry
    return entry


def _template_key(reader: str) -> str:
    """What the template is made from: this module, the layout table, python-docx."""
    import hashlib
    import importlib.util
    from pathlib import Path

    h = hashlib.sha256(reader.encode())
    here = Path(__file__).resolve().parent
    for name in ("docx.py", "style.py", "common.py", "title.py"):
        h.update((here / name).read_bytes())
    spec = importlib.util.find_spec("docx")
    if spec is not None and spec.origin:
        st = Path(spec.origin).parent.stat()
        h.update(f"{spec.origin}:{st.st_mtime_ns}".encode())
    h.update(etree.LXML_VERSION.__repr__().encode())
    return h.hexdigest()[:20]


@functools.cache
def _template(reader: str) -> _Template:
    """The reader's template: read from the cache folder (``docx-<key>.cache`` beside the
    prepared fonts, keyed by what it is made from), else built with python-docx (about
    0.1 s and python-docx's import) and written there for the next process."""
    import marshal

    from pipeline.render.fonts import font_dir

    path = font_dir() / f"docx-{_template_key(reader)}.cache"
    try:
        return _Template.from_data(marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    template = _Template.build(reader)
    if path.parent.is_dir():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_bytes(marshal.dumps(template.to_data()))
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
    return template
