"""The layout spec: GB/T 9704-2012 as one table of data, shared by both renderers.

Every number comes from ``shared/gbt9704.md`` (clause in the comment: STD = the
standard's text, PRAC = office practice, DERIVED = arithmetic from STD numbers).
The DOCX and PDF renderers translate this spec; neither invents numbers of its own.

Lengths are in points (1 pt = 1/72 in); ``MM`` converts millimetres.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True, slots=True)
class Face:
    """A typeface role: the official name written into the DOCX, and the free font
    (file stem under the prepared font directory, see ``pipeline/render/fontsetup.py``) the PDF
    embeds for it."""

    official: str  # name in w:rFonts (Word/WPS pick the real font by this name)
    pdf: str  # reportlab font name registered by pipeline.render.fonts
    # w:ascii/w:hAnsi: the font for Latin letters and digits.  "" = the CJK face itself
    # (“”—… stay full-width either way: the DOCX hints eastAsia, fonts.md §6)
    latin: str = ""
    latin_pdf: str = ""  # the PDF's font for ASCII letters, digits and marks; "" = ``pdf``
    alt: str = ""  # w:altName: the nearest face a PC without ``official`` has (fontTable)
    dash_pdf: str = ""  # the PDF's font for U+2014 when ``pdf``'s dash does not meet its cell edges


# Latin letters and digits beside 仿宋/楷体/宋体 in a Times-metric serif, as office
# practice sets them (PRAC §3: 数字、外文用 Times New Roman); the PDF embeds Liberation
# Serif, metric-compatible with Times New Roman and what LibreOffice substitutes for it.
# 黑体 headings and the 小标宋 title keep their own digits (a serif digit in a sans or
# heavy display line looks pasted in).
LATIN = "Times New Roman"
LATIN_PDF = "LiberationSerif"
# gbt9704.md §3, §10; fonts.md §1.  alt: 方正小标宋简体 → 华文中宋 (the heavy Song that
# ships with Office), not the thin 宋体 Word would take otherwise.  dash_pdf: UKai's and
# Noto Sans's U+2014 stop short of their cell edges, so "——" shows a gap; FandolFang's
# runs edge to edge.
FANGSONG = Face("仿宋_GB2312", "FandolFang", LATIN, LATIN_PDF, alt="仿宋")
XIAOBIAOSONG = Face("方正小标宋简体", "NotoSerifSC-Bold", alt="华文中宋")
HEITI = Face("黑体", "NotoSansSC", alt="SimHei", dash_pdf="FandolFang")
KAITI = Face("楷体_GB2312", "UKai", LATIN, LATIN_PDF, alt="楷体", dash_pdf="FandolFang")
SONGTI = Face("宋体", "NotoSerifSC", LATIN, LATIN_PDF, alt="SimSun")
FACES = (FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI)
FALLBACKS = ("NotoSerifSC", "HanaMinA", "HanaMinB")  # per-character fallback chain (fonts.md §7)


def face_of(pdf_name: str) -> Face:
    """The :class:`Face` whose PDF font is ``pdf_name`` (a bare Face for any other font).

    >>> face_of("UKai").official, face_of("HanaMinA").latin_pdf
    ('楷体_GB2312', '')
    """
    return next((f for f in FACES if f.pdf == pdf_name), Face(pdf_name, pdf_name))


@dataclass(frozen=True, slots=True)
class Page:
    width: float = 210 * MM  # A4, STD 5.1
    height: float = 297 * MM
    top: float = 37 * MM  # 天头, STD 5.2.1
    left: float = 28 * MM  # 订口, STD 5.2.1
    body_width: float = 156 * MM  # 版心 width, STD 5.2.1
    body_height: float = 225 * MM  # 版心 height, STD 5.2.1
    lines: int = 22  # STD 5.2.3
    chars: int = 28  # STD 5.2.3
    line_pitch: float = 28.95  # 579 twips = 225 mm / 22 truncated, DERIVED/PRAC §2.6
    page_number_gap: float = 7 * MM  # 一字线上距版心下边缘 7 mm, STD 7.5
    page_number_inset_chars: int = 1  # 单页码居右空一字，双页码居左空一字, STD 7.5

    @property
    def bottom(self) -> float:
        """地脚: 297 − 37 − 225 = 35 mm (DERIVED §1.5)."""
        return self.height - self.top - self.body_height

    @property
    def right(self) -> float:
        """切口: 210 − 28 − 156 = 26 mm (DERIVED §1.6)."""
        return self.width - self.left - self.body_width

    @property
    def char_pitch(self) -> float:
        """442.2 pt / 28 = 15.79 pt (DERIVED §2.9)."""
        return self.body_width / self.chars


@dataclass(frozen=True, slots=True)
class BlockStyle:
    """How one kind of block is set."""

    face: Face
    size: float  # pt
    align: str  # "justify" | "center" | "left"
    indent_chars: float  # first-line indent in characters (of the body char pitch)
    keep_with_next: bool = False
    bold: bool = False
    space_after_lines: float = 0  # blank body lines after the block


# Chinese size names (号) → pt, gbt9704.md header
SIZE_2HAO = 22.0
SIZE_3HAO = 16.0
SIZE_4HAO = 14.0

BODY = BlockStyle(FANGSONG, SIZE_3HAO, "justify", 2)  # STD 7.3.3, §5
TITLE = BlockStyle(XIAOBIAOSONG, SIZE_2HAO, "center", 0, keep_with_next=True)  # STD 7.3.1, §4
TITLE_GAP_LINES = 1  # one blank line below the title (block), STD 7.3.2 / PRAC §4.3
TITLE_LINE_PITCH = 35.0  # practice 28.95-35 pt for title lines, PRAC §4.5
TITLE_MAX_CHARS = 20  # per title line before it is split (梯形/菱形), PRAC §4.6
# A centred line ending in one of these is centred on its ink: the mark's glyph sits in
# the left half of its cell, so its empty right half (TRAILING_MARK_BLANK of an em) is
# left out of the line's width (issue 17: "…组织力，" sat 3 mm off centre).  PRAC §4.9.
CENTRE_ON_INK_MARKS = "，、。；：！？"
TRAILING_MARK_BLANK = 0.5
SUBTITLE = BlockStyle(KAITI, SIZE_3HAO, "center", 0, keep_with_next=True)  # PRAC §4.11
HEADINGS: dict[int, BlockStyle] = {  # STD 7.3.3, §6: all 16 pt, indented like paragraphs
    1: BlockStyle(HEITI, SIZE_3HAO, "justify", 2, keep_with_next=True),
    2: BlockStyle(KAITI, SIZE_3HAO, "justify", 2, keep_with_next=True),
    3: BlockStyle(FANGSONG, SIZE_3HAO, "justify", 2, keep_with_next=True),
    4: BlockStyle(FANGSONG, SIZE_3HAO, "justify", 2, keep_with_next=True),
}
PAGE_NUMBER = BlockStyle(SONGTI, SIZE_4HAO, "left", 0)  # 4号半角宋体, STD 7.5
PAGE_NUMBER_DASH = "\u2014"  # 一字线 EM DASH, STD 7.5 / §7.2


def page_number_text(n: int) -> str:
    """``— 1 —``: em dash, half-width space, Arabic digits (STD 7.5, PRAC §7.2).

    >>> page_number_text(12)
    '— 12 —'
    """
    return f"{PAGE_NUMBER_DASH} {n} {PAGE_NUMBER_DASH}"


# 避头尾 (gbt9704.md §8, GB/T 15834-2011 §5.1; Word's zh-CN lists §8.8)
NOT_AT_LINE_START = frozenset(
    "。，、；：？！"  # 点号 §5.1.1-5.1.2
    "”’）〕】》〉」』］｝〗"  # closing quotes/brackets §5.1.3
    "…—·/%‰℃!),.:;?]}"  # ellipsis/dash halves, 间隔号, half-width closers (Word list)
    "々〃ー"
)
NOT_AT_LINE_END = frozenset("“‘（〔【《〈「『［｛〖([{")
NEVER_SPLIT = ("——", "……")  # 破折号/省略号 occupy two 字 and never break, §5.1.4-5.1.5

# A TAB means "a gap here" (copied tables, aligned lists): both renderers print it as one
# ideographic space, which every CJK face has; a raw U+0009 would draw the face's .notdef
# box in the PDF (issue 17).  Tables themselves are recognised upstream (issue 15).
TAB_AS = "\u3000"

# A number is never broken across lines, nor parted from its currency sign, percent sign
# or a measure word after it (GB/T 15834 §5.1: 数字…不能分开; Word and LibreOffice keep
# "2.96%" and "1,286" whole, and a careful typist keeps "55天", "6项", "￥100" too).
NUMBER_UNITS = "年月日号时分秒天周项个元角万亿千百人次件家条名倍米吨户所座台辆余多岁期批届轮"
NUMBER = re.compile(
    rf"[￥¥$€£]?[0-9０-９]+(?:[.,:．，][0-9０-９]+)*(?:[%％‰℃]|[{NUMBER_UNITS}]{{1,2}})?"
)  # ￥100, 2.96%, 1,286个, 3.14159亿元, 55天


def number_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a number with its sign or unit (start, end), per :data:`NUMBER`.

    >>> number_spans("增长2.96%，共1,286个，用时55天")
    [(2, 7), (9, 15), (18, 21)]
    """
    return [m.span() for m in NUMBER.finditer(text) if m.end() - m.start() > 1]


PAGE = Page()

# Where a line's baseline sits in its line box, as a fraction of the line pitch from the
# box top.  Measured, not from the standard: LibreOffice 7.4 sets a 16 pt FandolFang line
# of exact 28.95 pt spacing with its baseline 23.19 pt below the line top (0.801), so the
# PDF puts its lines where the DOCX's land.  Used by the PDF renderer (Word/LO decide
# this themselves for the DOCX).
LINE_BASELINE = 0.8

# A decimal outline number ("1", "1.1") needs a gap before the heading text; the
# Chinese markers (一、 （一） 1. （1）) and bullets (■) carry their own separator.  One
# ideographic space keeps the 28-character grid (PRAC: GB/T 1.1 style sets "1　范围").
HEADING_NUMBER_GAP = "\u3000"


def heading_label(number: str, text: str) -> str:
    """What a heading prints: its number, a gap when the number has no separator, its text.

    >>> heading_label("1.1", "党员干部覆盖情况"), heading_label("（一）", "基本情况"), heading_label("", "标题")
    ('1.1\u3000党员干部覆盖情况', '（一）基本情况', '标题')
    """
    if number and number[-1].isdigit():
        return number + HEADING_NUMBER_GAP + text
    return number + text
