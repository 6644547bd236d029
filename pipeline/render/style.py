"""The layout spec: GB/T 9704-2012 as one table of data, shared by both renderers.

Every number comes from ``shared/gbt9704.md`` (clause in the comment: STD = the
standard's text, PRAC = office practice, DERIVED = arithmetic from STD numbers).
The DOCX and PDF renderers translate this spec; neither invents numbers of its own.

Lengths are in points (1 pt = 1/72 in); ``MM`` converts millimetres.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True, slots=True)
class Face:
    """A typeface role: the official name written into the DOCX, and the free font
    (file stem under the prepared font directory, see ``pipeline/render/fontsetup.py``) the PDF
    embeds for it."""

    official: str  # name in w:rFonts (Word/WPS pick the real font by this name)
    pdf: str  # the font's name in the prepared stack (pipeline.render.fonts: its file and cache)
    # w:ascii/w:hAnsi: the font for Latin letters and digits.  "" = the CJK face itself
    # (“”—… stay full-width either way: the DOCX hints eastAsia, fonts.md §6)
    latin: str = ""
    latin_pdf: str = ""  # the PDF's font for ASCII letters, digits and marks; "" = ``pdf``
    alt: str = ""  # w:altName: the nearest face a PC without ``official`` has (fontTable)
    dash_pdf: str = ""  # the PDF's font for U+2014 when ``pdf``'s dash does not meet its cell edges
    # marks whose ink lies in the left half of their cell in ``pdf`` (measured from the
    # glyph outlines), so that up to SQUEEZE_MAX of their advance may go (挤进, see below)
    squeeze: str = ""


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
# squeeze: in FandolFang and Noto Sans CJK SC every 点号 but ？ (centred) and every closing
# mark ends by 0.47 em; AR PL UKai centres its 点号 (ink to 0.62 em), so only its closing
# marks may be squeezed.
_LEFT_MARKS = "，。、；：！”’）》〕】」』〉"
_LEFT_CLOSERS = "”’）》〕】」』〉"
FANGSONG = Face("仿宋_GB2312", "FandolFang", LATIN, LATIN_PDF, alt="仿宋", squeeze=_LEFT_MARKS)
XIAOBIAOSONG = Face("方正小标宋简体", "NotoSerifSC-Bold", alt="华文中宋")
HEITI = Face("黑体", "NotoSansSC", alt="SimHei", dash_pdf="FandolFang", squeeze=_LEFT_MARKS)
KAITI = Face(
    "楷体_GB2312", "UKai", LATIN, LATIN_PDF, alt="楷体", dash_pdf="FandolFang", squeeze=_LEFT_CLOSERS
)
SONGTI = Face("宋体", "NotoSerifSC", LATIN, LATIN_PDF, alt="SimSun")
FACES = (FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI)
# Per-character fallback chain (fonts.md §7): the 宋体 face (GB2312, registered anyway),
# then all of Noto Serif CJK SC (every CJK ideograph it has: a Chinese face for the
# rare characters GB2312 lacks, 臵 忥 翀, issue 17), and only then HanaMin (Japanese
# Mincho forms; CJK Extension B and beyond).
RARE_PDF = "NotoSerifSC-Full"
FALLBACKS = ("NotoSerifSC", RARE_PDF, "HanaMinA", "HanaMinB")
# Traditional characters in a 仿宋 role (a reprinted 繁體 notice): FandolFang has the
# simplified set only, so they would fall to Noto Serif, a 宋体; cwTeX 仿宋體 (fonts-cwtex-fs,
# the Big5 set in a 仿宋 design, fonts.md §1) draws them first.
FANGSONG_TRADITIONAL_PDF = "cwTeXFangSong"
# The 小标宋 title and 黑体 faces are GB2312 subsets (every document loads them); their
# full conversions, loaded only when a text needs them, draw Traditional characters in
# the same weight and design (a 繁體 title no longer mixes Bold and Regular).
XIAOBIAOSONG_FULL_PDF = "NotoSerifSC-Bold-Full"
HEITI_FULL_PDF = "NotoSansSC-Full"
_OWN_FALLBACK = {
    FANGSONG.pdf: FANGSONG_TRADITIONAL_PDF,
    XIAOBIAOSONG.pdf: XIAOBIAOSONG_FULL_PDF,
    HEITI.pdf: HEITI_FULL_PDF,
}


def fallbacks_for(pdf_name: str) -> tuple[str, ...]:
    """The per-character fallback chain of one face of the stack: its own fuller font
    first, where it has one, then :data:`FALLBACKS`.

    >>> fallbacks_for(FANGSONG.pdf)[0], fallbacks_for(HEITI.pdf)[0], fallbacks_for(KAITI.pdf) == FALLBACKS
    ('cwTeXFangSong', 'NotoSansSC-Full', True)
    """
    own = _OWN_FALLBACK.get(pdf_name)
    return (own, *FALLBACKS) if own else FALLBACKS


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
# 4号半角宋体阿拉伯数字 (STD 7.5): the digits too in 宋体, not the Latin face body text uses
PAGE_NUMBER_FACE = replace(SONGTI, latin="", latin_pdf="")
PAGE_NUMBER = BlockStyle(PAGE_NUMBER_FACE, SIZE_4HAO, "left", 0)
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

# 先挤后推 — squeeze before pushing (gbt9704.md §8; STD 5.2.3 "特定情况可以作适当调整" and
# 7.3.5.5 "调整…字距"; PRAC: W3C clreq §3.1.6 标点符号的宽度调整 at line ends and between
# marks).  When a mark that may not start a line (or a number that may not break) would
# overflow, the marks of the line give up to half their advance each so that it fits,
# instead of pushing a character down and spreading the rest: the line end first (its
# blank half only: nothing hangs past the 版心), then marks next to another mark (two
# marks in a row take 1.5 字, clreq), then the others evenly.  Only when the line's
# marks cannot make the room is a character pushed down.
# clreq §3.1.6 lets a mark give up its blank half; 0.48 em, not 0.5: with the grid's
# −0.25 pt tracking a mark squeezed by half would let the next glyph start more than half
# an em inside the mark's box, and poppler (pdftotext, copy and paste) then reads it as
# the start of another line (measured: "…一公里”" / "。").
SQUEEZE_MAX = 0.48  # of a mark's advance (em)
SQUEEZE_STEP = 0.05  # pt: squeezes are whole twips, so that the DOCX can state them exactly (DERIVED)
# 孤字: a paragraph's last line of one character (with its closing marks) is pulled back
# into the line above by squeezing that line's marks (先挤); when they cannot make the
# room, one more character is pushed down to keep it company (后推).  PRAC (clreq §3.1.6;
# office practice: 不留孤字).
ORPHAN_CHARS = 1

# Page fit (STD 7.3.5.5 "可以采取调整行距、字距的措施解决"; STD 5.2.3 "特定情况可以作适当
# 调整"): a last page of PAGE_FIT_LINES lines or fewer is pulled back onto the page before
# it, trying first tracking on the paragraphs from that page on (each step tried in
# turn; −0.3 pt with one mark squeezed lets a 29th character in), then a tighter line
# pitch on that page's paragraphs: the 22 lines of the grid plus the lines to pull back,
# at most PAGE_FIT_MAX_EXTRA_LINES more (225 mm / 24 = 26.6 pt, DERIVED).
PAGE_FIT_LINES = 2
PAGE_FIT_TRACKING = (-0.1, -0.2, -0.3)  # pt per character, the issue's −0.1…−0.3 pt (PRAC)
PAGE_FIT_MAX_EXTRA_LINES = 2
# The DOCX takes the PDF's tighter pitch only in a document without tables: a word
# processor sets a table's rows by its own rules (LibreOffice 7.4 made tb20 of the dev
# corpus a page longer than the PDF, so the fit saved no page there and left its pitch
# off the grid); the tracking it still takes (line breaks, not row heights) (PRAC)
PAGE_FIT_PITCH_IN_DOCX_WITH_TABLES = False
# Nor does the DOCX for Word and WPS take it (``--docx-for word``, the default): a tighter
# pitch saves the page only where the word processor breaks every line as this renderer
# does, and a fit that does not save it leaves the page off the grid (5.2.3) where a
# short last page is only practice.  Measured: LibreOffice laying the Word flavour out
# as Word reads it (``gongwen check``) kept the page of 2 of the 4 documents fitted by
# pitch (dev corpus ta09, seed 004; tb18 and tc03 ran onto a second page at 26.6 and
# 27.7 pt), as the marks this renderer squeezes by ½ em it condenses by at most ⅙ em and
# it spaces digits from hanzi; Word sets Latin letters in the user's fonts, not ours.
# The LibreOffice flavour, its lines told (99.6% as ours), keeps it.  The tracking of
# the fit is kept by both (−0.1…−0.3 pt changes no grid).  (PRAC)
PAGE_FIT_PITCH_IN_DOCX = {"word": False, "libreoffice": True}

# LibreOffice puts 0.2 em between a Chinese character and a Latin letter or digit and its
# DOCX import ignores w:autoSpaceDE/DN (writerfilter: "case LN_CT_PPrBase_autoSpaceDE:
# break;"), so its lines hold less than 28 characters where digits occur.  The spacing is
# not put next to a character that is not a letter or digit: ``--docx-for libreoffice``
# writes one of these invisible characters at each such boundary — a zero-width space
# where a line may break, a word joiner where it may not (55天).  Measured, LibreOffice 7.4.
LO_MAY_BREAK = "\u200b"
LO_NO_BREAK = "\u2060"

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

# ---- The elements of a formal 公文 (gbt9704-elements.md), in character units of the
# element's own size.  `gongwen check` reads them; the renderers will when they lay the
# elements out (issue 15), so that a rule has one number in one place.
RECIPIENTS_INDENT_CHARS = 0  # 主送机关 顶格, continuation lines too, STD 7.3.2 (E C1)
SALUTATION_INDENT_CHARS = 0  # a speech's "同志们：" set like 主送, PRAC (gbt9704.md §4.12)
ATTACHMENT_INDENT_CHARS = 2  # "附件：" 左空二字, STD 7.3.4 (E C3)
SIGNATURE_RIGHT_CHARS = 2  # 署名 右空二字 (no seal), STD 7.3.5.2 (gbt9704.md §9.1)
DATE_SHIFT_CHARS = 2  # 成文日期 首字比署名首字右移二字; a longer date 右空二字, STD 7.3.5.2
NOTE_INDENT_CHARS = 2  # 附注 左空二字, STD 7.3.6 (E C8)
IMPRINT = BlockStyle(FANGSONG, SIZE_4HAO, "left", 0)  # 版记 elements in 4号仿宋, STD 7.4.2-7.4.3
IMPRINT_INSET_CHARS = 1  # 抄送/印发机关 左空一字, 印发日期 右空一字, STD 7.4.2-7.4.3 (E E2, E4)

# 28 characters of 16 pt in the 442.2 pt line: every character advances by its glyph plus
# this tracking, the 28-character pitch minus the size (−0.207 pt, §2.12) rounded down to
# whole twips (−0.25 pt, §2.11: the DOCX's w:spacing −5), so that the PDF and the DOCX
# give a character the same advance and break their lines at the same places
# (28 × 15.75 = 441 pt fit, 29 do not).  DERIVED.
TRACKING = math.floor((PAGE.char_pitch - SIZE_3HAO) * 20) / 20

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


# ---------------------------------------------------------------- the elements of a 公文
# Clauses of GB/T 9704-2012 as summarised in ``shared/gbt9704-elements.md`` (its § letter
# and row number in brackets) and ``shared/gbt9704.md`` §9.  "一字" is one character of the
# element's own size (gbt9704-elements.md, header).

RED = (
    1.0,
    0.0,
    0.0,
)  # 红色 (STD 7.2.4, 7.2.7 name the colour, not a value): pure red, as templates use (PRAC ⚠)
RED_HEX = "FF0000"

# 版头 (§B)
COPY_NUMBER = BlockStyle(FANGSONG, SIZE_3HAO, "left", 0)  # 6 digits 三号, flush left, line 1 [B1] STD 7.2.1
HEAD_MARKS = BlockStyle(
    HEITI, SIZE_3HAO, "left", 0
)  # 密级, 紧急程度: 三号黑体 flush left [B2, B3] STD 7.2.2-7.2.3
SIZE_CHUHAO = 42.0  # 初号
ISSUER = BlockStyle(XIAOBIAOSONG, SIZE_CHUHAO, "center", 0)  # red 小标宋, centred [B4] STD 7.2.4
# 初号 glyphs are 14.8 mm high, in the 15-22 mm practice gives the mark [B5] PRAC ⚠; a mark
# wider than the 版心 is narrowed (horizontal scale) to fit it [B5] PRAC
ISSUER_TOP = 35 * MM  # the mark's top edge below the top of the 版心 [B4] STD 7.2.4
DOC_NUMBER = BlockStyle(FANGSONG, SIZE_3HAO, "center", 0)  # 三号仿宋 centred [B6] STD 7.2.5
DOC_NUMBER_GAP_LINES = 2  # 发文字号 two lines below the mark [B6] STD 7.2.5
SIGNER_INDENT_CHARS = (
    1  # 上行文: 发文字号 one 字 from the left, 签发人 one from the right [B7] STD 7.2.5-7.2.6
)
SIGNER_LABEL = "签发人："  # 三号仿宋, the names after it in 三号楷体 [B7] STD 7.2.6
SIGNER_NAME = BlockStyle(KAITI, SIZE_3HAO, "left", 0)
SEPARATOR_GAP = 4 * MM  # the red separator 4 mm below the 发文字号 [B8] STD 7.2.7
SEPARATOR_WEIGHT = 1.0  # pt; not fixed by the standard, templates use 0.5-1 pt [B9] PRAC ⚠
TITLE_AFTER_SEPARATOR_LINES = 2  # the title two lines below the separator [B10] STD 7.3.1

# 主体 (§C, gbt9704.md §4.12, §9)
RECIPIENTS = BlockStyle(FANGSONG, SIZE_3HAO, "justify", 0)  # flush left, continuation too [C1] STD 7.3.2
SALUTATION = BlockStyle(FANGSONG, SIZE_3HAO, "justify", 0)  # "同志们：" flush left like the 主送 (PRAC)
BYLINE = BlockStyle(
    KAITI, SIZE_3HAO, "center", 0
)  # speaker/date lines centred 3号楷体 under the title §4.12 PRAC
ATTACHMENT = BlockStyle(FANGSONG, SIZE_3HAO, "left", 2)  # "附件：" two 字 in [C3] STD 7.3.4
ATTACHMENT_GAP_LINES = 1  # the 附件说明 one line below the body [C3] STD 7.3.4
SIGNATURE = BlockStyle(
    FANGSONG, SIZE_3HAO, "left", 0
)  # 署名 and 成文日期 in the body face, 3号仿宋 STD 5.2.2
CLOSING_GAP_LINES = 1  # 署名 one line below the body (or the 附件说明) [C4] STD 7.3.5.2
SIGNATURE_RIGHT_CHARS = 2  # 署名 right-indented two 字 [C4] STD 7.3.5.2
DATE_SHIFT_CHARS = 2  # the date's first 字 two right of the 署名's [C4] STD 7.3.5.2
DATE_RIGHT_CHARS = (
    2  # a date longer than the 署名: right-indented two 字, the 署名 moved left [C4] STD 7.3.5.2
)
SEAL_DATE_RIGHT_CHARS = (
    4  # with a seal: the date right-indented four 字, 署名 centred over it [C5] STD 7.3.5.1
)
# With a seal the 署名 starts two lines below the body: a 42 mm seal (the usual size, PRAC ⚠)
# whose top is within one line of the body [C5] then presses 署名 and 日期 just below its
# centre (DERIVED: seal centre 2.6 lines below the body, 署名/日期 lines 2-4)
SEAL_GAP_LINES = 2
CLOSING_KEEP_LINES = (
    2  # body lines that move with 署名/日期 so they never stand alone on a page [C7] STD 7.3.5.5
)
NOTE = BlockStyle(
    FANGSONG, SIZE_3HAO, "justify", 2
)  # next line under the date, two 字 in, in brackets [C8] STD 7.3.6

# tables (§D, practice)
TABLE = BlockStyle(FANGSONG, SIZE_4HAO, "left", 0)  # 仿宋, 四号 [D2] PRAC
TABLE_HEADER = BlockStyle(HEITI, SIZE_4HAO, "center", 0)  # header row 黑体 [D2] PRAC
TABLE_CAPTION = BlockStyle(
    HEITI, SIZE_3HAO, "center", 0, keep_with_next=True
)  # centred above, 黑体 [D2] PRAC
TABLE_LINE_PITCH = 1.25 * SIZE_4HAO  # single spacing in cells, off the body grid [D2] PRAC ⚠
TABLE_PAD_X = 5.4  # pt: Word's default cell margin (108 twips = 1.9 mm) PRAC
TABLE_PAD_Y = 2.0  # pt above and below a cell's text (PRAC ⚠)
TABLE_RULE = 0.5  # pt: cell borders, Word's default single ½ pt grid (PRAC)
TABLE_HEADER_REPEATS = True  # a table longer than a page repeats its header rows [D3] PRAC
TABLE_ROWS_SPLIT = False  # a row never breaks across pages [D3] PRAC

# 版记 (§E)
IMPRINT = BlockStyle(
    FANGSONG, SIZE_4HAO, "left", 0
)  # 抄送, 印发机关和印发日期 in 四号仿宋 [E2, E4] STD 7.4.2-7.4.3
IMPRINT_INDENT_CHARS = 1  # one 四号 字 in from the left and the right [E2, E4] STD 7.4.2-7.4.3
IMPRINT_LINE_PITCH = PAGE.line_pitch  # one body line per 版记 line (PRAC ⚠: the standard gives no pitch)
IMPRINT_THICK = 0.35 * MM  # first and last rules [E1] STD 7.4.1 (recommended)
IMPRINT_THIN = 0.25 * MM  # the rules between [E1, E5] STD 7.4.1, 7.4.3
IMPRINT_CC_LABEL = "抄送："  # [E2] STD 7.4.2
IMPRINT_RECIPIENTS_LABEL = "主送："  # [E3] STD 7.4.2
# an older document's own 版记 lines (GB/T 9704-1999 6.3, dropped in 2012): 主题词 as the
# first line, set like 抄送; the copies printed ("共印60份") as the last, set right like
# the 印发日期 (PRAC: kept as the document prints them, each between thin rules)
IMPRINT_KEYWORDS_LABEL = "主题词："
# the 版记 stands at the foot of the last page, an even one; a blank page put before it and
# the 版记's page then carry no page number [E6] STD 7.4, 7.5
IMPRINT_ON_EVEN_PAGE = True
# Room the 版记 must leave on the last page to stay there: word processors set lines a few
# points apart from this layout, and a 版记 that fits by less would push its anchor onto a
# new page in the DOCX (PRAC: one body line of slack, measured with LibreOffice 7.4)
IMPRINT_FIT_SLACK = PAGE.line_pitch


def half_widths(text: str) -> int:
    """How many half-字 cells ``text`` takes on the grid: an ASCII letter, digit or mark
    takes one, every other character two (GB/T 15834: half-width forms are half a 字).
    Used wherever a renderer must place text by its width before a reader sets it.

    >>> half_widths("2024年3月5日"), half_widths("附件：")
    (12, 6)
    """
    return sum(1 if ord(c) < 0x80 else 2 for c in text)


def text_width(text: str, size: float = SIZE_3HAO) -> float:
    """The width ``text`` takes in points at ``size`` (body text: on the character grid).

    >>> round(text_width("附件："), 1), round(text_width("1.", 14), 1)
    (47.4, 14.0)
    """
    pitch = PAGE.char_pitch if size == SIZE_3HAO else size
    return half_widths(text) * pitch / 2


def closing_positions(
    signatures: tuple[float, ...], date: float, *, seal: bool, width: float = PAGE.body_width
) -> tuple[tuple[float, ...], float]:
    """Left edges of the 署名 lines and of the 成文日期, from their widths (pt).

    Without a seal (7.3.5.2): the 署名 right-indented two 字, the date starting two 字
    right of the 署名's start; a date longer than the 署名 is right-indented two 字 and
    the 署名 moves left to keep the two-字 step.  With a seal (7.3.5.1): the date
    right-indented four 字, each 署名 centred over it.

    >>> ch = PAGE.char_pitch
    >>> def chars(sig, date, seal=False):
    ...     s, d = closing_positions((sig * ch,), date * ch, seal=seal)
    ...     return round(s[0] / ch, 2), round(d / ch, 2)
    >>> chars(8, 6)  # 署名 ends two 字 from the right, the date starts two 字 right of it
    (18.0, 20.0)
    >>> chars(6, 6.5)  # a date longer than the 署名: right-indented two 字, the 署名 moved left
    (17.5, 19.5)
    >>> chars(4, 6, seal=True)  # the date four 字 in, the 署名 centred over it
    (19.0, 18.0)
    """
    ch = PAGE.char_pitch
    if seal:
        x_date = width - SEAL_DATE_RIGHT_CHARS * ch - date
        centre = x_date + date / 2
        return tuple(centre - w / 2 for w in signatures), x_date
    widest = max(signatures, default=0.0)
    x_sig = width - SIGNATURE_RIGHT_CHARS * ch - widest
    x_date = x_sig + DATE_SHIFT_CHARS * ch
    if date > widest:
        x_date = width - DATE_RIGHT_CHARS * ch - date
        x_sig = x_date - DATE_SHIFT_CHARS * ch
    right = x_sig + widest  # every 署名 line ends where the widest one does
    return tuple(right - w for w in signatures), x_date


def issuer_scale(width: float) -> float:
    """Horizontal scale that keeps a mark of natural ``width`` inside the 版心 [B5].

    >>> issuer_scale(300.0), round(issuer_scale(PAGE.body_width * 2), 2)
    (1.0, 0.5)
    """
    return min(1.0, PAGE.body_width / width) if width > 0 else 1.0
