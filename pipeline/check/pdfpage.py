"""Read a PDF's pages as the page checks need them: lines of characters with boxes,
sizes, fonts and colours (PDFium through pypdfium2).

Why PDFium: it gives per character what the checks measure — the advance box (where
a character's cell is), the glyph box (where its ink is: the page number's dash line),
the font's base name and whether it is embedded, the size and fill colour — and reads
a 70-page LibreOffice PDF in about 0.5 s, against 2.4 s of CPU for pdfplumber
(pdfminer) on the same file; ``pdftotext -bbox-layout`` gives word boxes without fonts.

Coordinates are points from the page's top-left corner, as on paper.
"""

from __future__ import annotations

import ctypes
import statistics
from collections import Counter
from dataclasses import dataclass

from pipeline.errors import PipelineError


class PdfError(PipelineError):
    """A file that cannot be read as a PDF."""


@dataclass(frozen=True, slots=True)
class Char:
    ch: str
    x0: float  # advance box, from the left edge
    x1: float
    ink_top: float  # glyph box, from the top edge
    ink_bottom: float
    ink_x0: float
    ink_x1: float
    baseline: float  # from the top edge
    size: float
    font: str  # base font name, subset prefix removed
    colour: tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Line:
    page: int  # 1-based
    chars: tuple[Char, ...]

    @property
    def text(self) -> str:
        return "".join(c.ch for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def baseline(self) -> float:
        return statistics.median(c.baseline for c in self.chars)

    @property
    def size(self) -> float:
        return Counter(round(c.size, 1) for c in self.chars if not c.ch.isspace()).most_common(1)[0][0]

    def font_of(self, start: int = 0, end: int | None = None) -> str:
        """The font drawing most of ``text[start:end]``."""
        got = Counter(c.font for c in self.chars[start:end] if not c.ch.isspace())
        return got.most_common(1)[0][0] if got else ""


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Pdf:
    pages: tuple[Page, ...]
    fonts: tuple[tuple[str, bool], ...]  # (base font name, embedded), each once


def _strip_subset(name: str) -> str:
    if len(name) > 7 and name[6] == "+" and name[:6].isupper() and name[:6].isalpha():
        return name[7:]
    return name


def read_pdf(data: bytes) -> Pdf:
    """Every page's text lines, top to bottom; raises :class:`PdfError` for what PDFium
    cannot open (not a PDF, encrypted, broken)."""
    import pypdfium2 as pdfium  # imported on use: `gongwen convert` never needs it
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise PdfError(f"cannot read the PDF ({e}) — is it a PDF, and not password-protected?") from None
    fonts: dict[str, bool] = {}
    pages = []
    buf = ctypes.create_string_buffer(512)
    flags = ctypes.c_int()
    d = [ctypes.c_double() for _ in range(4)]
    rect = raw.FS_RECTF()
    rgba = [ctypes.c_uint() for _ in range(4)]
    try:
        for n in range(len(doc)):
            page = doc[n]
            width, height = page.get_size()
            tp = page.get_textpage()
            chars: list[Char] = []
            font_cache: dict[int, str] = {}  # text object → font name (object addresses are per page)
            for i in range(tp.count_chars()):
                code = raw.FPDFText_GetUnicode(tp.raw, i)
                if code < 0x20 or code in (0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(tp.raw, i) == 1:
                    continue
                size = raw.FPDFText_GetFontSize(tp.raw, i)
                obj = raw.FPDFText_GetTextObject(tp.raw, i)
                key = ctypes.cast(obj, ctypes.c_void_p).value or 0
                name = font_cache.get(key)
                if name is None:
                    raw.FPDFText_GetFontInfo(tp.raw, i, buf, len(buf), ctypes.byref(flags))
                    name = _strip_subset(buf.value.decode("utf-8", "replace"))
                    font = raw.FPDFTextObj_GetFont(obj)
                    embedded = bool(raw.FPDFFont_GetIsEmbedded(font)) if font else False
                    fonts[name] = fonts.get(name, False) or embedded
                    font_cache[key] = name
                raw.FPDFText_GetLooseCharBox(tp.raw, i, ctypes.byref(rect))
                raw.FPDFText_GetCharBox(tp.raw, i, *(ctypes.byref(x) for x in d))
                left, right, bottom, top = (x.value for x in d)
                ox, oy = ctypes.c_double(), ctypes.c_double()
                raw.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(ox), ctypes.byref(oy))
                raw.FPDFText_GetFillColor(tp.raw, i, *(ctypes.byref(x) for x in rgba))
                chars.append(
                    Char(
                        ch=chr(code),
                        x0=rect.left,
                        x1=rect.right,
                        ink_top=height - top,
                        ink_bottom=height - bottom,
                        ink_x0=left,
                        ink_x1=right,
                        baseline=height - oy.value,
                        size=size,
                        font=name,
                        colour=(rgba[0].value, rgba[1].value, rgba[2].value),
                    )
                )
            pages.append(Page(n + 1, width, height, tuple(_lines(n + 1, chars))))
            tp.close()
            page.close()
    finally:
        doc.close()
    return Pdf(tuple(pages), tuple(fonts.items()))


def _lines(page: int, chars: list[Char]) -> list[Line]:
    """Characters grouped into lines by baseline, each line left to right."""
    out: list[Line] = []
    group: list[Char] = []
    for c in sorted(chars, key=lambda c: (round(c.baseline, 1), c.x0)):
        if group and abs(c.baseline - group[0].baseline) > 0.3 * max(group[0].size, c.size, 1):
            out.append(_line(page, group))
            group = []
        group.append(c)
    if group:
        out.append(_line(page, group))
    return [ln for ln in out if ln.text.strip()]


def _line(page: int, group: list[Char]) -> Line:
    cs = sorted(group, key=lambda c: c.x0)
    while cs and cs[-1].ch.isspace():
        cs.pop()
    while cs and cs[0].ch.isspace():
        cs.pop(0)
    return Line(page, tuple(cs) if cs else tuple(group))

