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
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import PipelineError


class PdfError(PipelineError):
    """A file that cannot be read as a PDF."""


@dataclass(frozen=True, slots=True)
class Char:
    ch: str
    x0: float  # advance box ("loose" box: the character's cell), from the left edge
    x1: float
    top: float  # the cell's top and bottom (font ascent and descent), from the top edge
    bottom: float
    baseline: float  # from the top edge
    size: float
    font: str  # base font name, subset prefix removed
    colour: tuple[int, int, int]
    # the glyph's ink box (x0, top, x1, bottom); read only below the 版心, where the page
    # number's dash line is measured (the cell box elsewhere: ink costs a call a character)
    ink: tuple[float, float, float, float] | None = None


@dataclass(frozen=True, slots=True)
class Line:
    page: int  # 1-based
    chars: tuple[Char, ...]
    text: str
    x0: float
    x1: float
    baseline: float
    size: float  # the commonest character size

    @staticmethod
    def of(page: int, chars: Sequence[Char]) -> Line:
        cs = tuple(chars)
        sizes = Counter(round(c.size, 1) for c in cs if not c.ch.isspace())
        return Line(
            page,
            cs,
            "".join(c.ch for c in cs),
            cs[0].x0,
            cs[-1].x1,
            statistics.median(c.baseline for c in cs),
            sizes.most_common(1)[0][0] if sizes else cs[0].size,
        )

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


def read_pdf(data: bytes, ink_below: float = 0.0) -> Pdf:
    """Every page's text lines, top to bottom; raises :class:`PdfError` for what PDFium
    cannot open (not a PDF, encrypted, broken).  Characters whose cell lies below
    ``ink_below`` (pt from the top; 0: the lower fifth of the page) get their ink box."""
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
    d_refs = [ctypes.byref(x) for x in d]
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    rgba = [ctypes.c_uint() for _ in range(4)]
    rgba_refs = [ctypes.byref(x) for x in rgba]
    get_unicode, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    get_size, get_loose = raw.FPDFText_GetFontSize, raw.FPDFText_GetLooseCharBox
    # FPDFText_GetTextObject returning a plain address: a cheap dictionary key (casting the
    # typed pointer pypdfium2 returns cost a tenth of the whole read)
    typed = raw.FPDFText_GetTextObject
    address = ctypes.cast(typed, ctypes.c_void_p).value or 0
    get_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)
    object_type = typed.restype
    get_origin = raw.FPDFText_GetCharOrigin
    try:
        for n in range(len(doc)):
            page = doc[n]
            width, height = page.get_size()
            ink_from = ink_below or height * 0.8
            tp = page.get_textpage()
            t = tp.raw
            chars: list[Char] = []
            # text object → (font name, colour); object addresses are valid for this page only
            objects: dict[int, tuple[str, tuple[int, int, int]]] = {}
            for i in range(tp.count_chars()):
                code = get_unicode(t, i)
                if code < 0x20 or code in (0xFFFE, 0xFFFF) or is_generated(t, i) == 1:
                    continue
                key = get_object(t, i) or 0
                known = objects.get(key)
                if known is None:
                    raw.FPDFText_GetFontInfo(t, i, buf, len(buf), ctypes.byref(flags))
                    name = _strip_subset(buf.value.decode("utf-8", "replace"))
                    font = raw.FPDFTextObj_GetFont(ctypes.cast(key, object_type)) if key else None
                    fonts[name] = fonts.get(name, False) or (
                        bool(raw.FPDFFont_GetIsEmbedded(font)) if font else False
                    )
                    raw.FPDFText_GetFillColor(t, i, *rgba_refs)
                    known = objects[key] = (name, (rgba[0].value, rgba[1].value, rgba[2].value))
                get_loose(t, i, rect_ref)
                get_origin(t, i, ox_ref, oy_ref)
                top = height - rect.top
                ink = None
                if top >= ink_from:
                    raw.FPDFText_GetCharBox(t, i, *d_refs)
                    left, right, bottom, upper = (x.value for x in d)
                    ink = (left, height - upper, right, height - bottom)
                chars.append(
                    Char(
                        chr(code),
                        rect.left,
                        rect.right,
                        top,
                        height - rect.bottom,
                        height - oy.value,
                        get_size(t, i),
                        known[0],
                        known[1],
                        ink,
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
    return Line.of(page, cs or group)
