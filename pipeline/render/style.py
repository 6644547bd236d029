"""The layout spec: GB/T 9704-2012 as one table of data, shared by both renderers.

Every number comes from ``shared/gbt9704.md`` (clause in the comment: STD = the
standard's text, PRAC = office practice, DERIVED = arithmetic from STD numbers).
The DOCX and PDF renderers translate this spec; neither invents numbers of its own.

Lengths are in points (1 pt = 1/72 in); ``MM`` converts millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True, slots=True)
class Face:
    """A typeface role: the official name written into the DOCX, and the free font
    (file stem under the prepared font directory, see ``pipeline/render/fontsetup.py``) the PDF
    embeds for it."""

    official: str  # name in w:rFonts (Word/WPS pick the real font by this name)
    pdf: str  # reportlab font name registered by pipeline.render.fonts
    latin: str  # w:ascii/w:hAnsi; the CJK name too, so “”—… stay full-width (fonts.md §6)


# gbt9704.md §3, §10; fonts.md §1
FANGSONG = Face("仿宋_GB2312", "FandolFang", "仿宋_GB2312")
XIAOBIAOSONG = Face("方正小标宋简体", "NotoSerifSC-Bold", "方正小标宋简体")
HEITI = Face("黑体", "NotoSansSC", "黑体")
KAITI = Face("楷体_GB2312", "UKai", "楷体_GB2312")
SONGTI = Face("宋体", "NotoSerifSC", "宋体")
FALLBACKS = ("NotoSerifSC", "HanaMinA", "HanaMinB")  # per-character fallback chain (fonts.md §7)


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
