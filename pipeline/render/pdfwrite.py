"""Writing the PDF file: pages, embedded font subsets, outline, in one pass (issue 20).

reportlab's platypus still pours the flowables into frames and pages; what it draws goes
to :class:`Canvas` (a reportlab ``Canvas`` whose output side is replaced), which keeps
each page's content stream, the fonts it used and the bookmarks, and at ``save`` writes
the file itself.  Measured on seed 004 (18 PDFs, 45 pages, warm), reportlab's own
output side took four fifths of a render: deflating the font programs at zlib's default
level, building each subset from the parsed font again for every document, and
formatting each PDF object through its object model.  Here:

* **Fonts** are Type0/CIDFontType2 with ``Identity-H``: a character's code is its CID,
  given in order of first use in the document (so two characters sharing a glyph keep
  their own text), ``CIDToGIDMap`` maps it to its glyph in the subset.  The subset holds
  only the used glyphs, renumbered in font order (a composite glyph's parts too), built
  by slicing the font file with the offsets, checksums and tables of
  :class:`~pipeline.render.fonts.FontData`: no table of it is as long as the font.
* **Compression**: every stream is deflated by ISA-L (``isal``) at :data:`LEVEL`;
  same bytes for the same input, readable by any zlib.  Content streams are no longer
  ASCII85-wrapped.
* **Same bytes for the same input**: no dates, the file identifier is a digest of the
  content, subset tags are derived from the glyph set.
"""

from __future__ import annotations

import hashlib
import io
import mmap
import struct
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

from pipeline.render.fonts import FontData, font_data

# ISA-L's level 1 (of 0-3): measured on the seed 004 font programs, 30 times zlib's level
# 6 for 2.5 % more bytes (0.666 of the input against 0.649; level 2: 0.662, 20 % slower).
LEVEL = 1


def deflate(data: bytes) -> bytes:
    """A zlib stream (PDF ``FlateDecode``) of ``data``."""
    from isal import isal_zlib

    out: bytes = isal_zlib.compress(data, LEVEL)
    return out


def fp(x: float) -> str:
    """A number as reportlab writes it in content streams (``rl_accel.fp_str``), so that
    every position is the one reportlab's own writer put in the file.

    >>> fp(1.0), fp(-0.2070000001), fp(595.2755905511812), fp(1e-9)
    ('1', '-0.207', '595.2756', '0')
    """
    out: str = _fp_str(x)
    return out


def _fp_str(x: float) -> str:
    global _fp_str
    from reportlab.lib.rl_accel import fp_str

    _fp_str = fp_str
    out: str = fp_str(x)
    return out


# ---------------------------------------------------------------- fonts


@dataclass(slots=True)
class FontUse:
    """A font as one document uses it: its resource name and the characters drawn with
    it, each with its CID (1, 2, … in order of first use; 0 is .notdef)."""

    data: FontData
    resource: str
    codes: dict[str, str] = field(default_factory=dict)  # character → its CID as 4 hex digits
    chars: list[str] = field(default_factory=list)  # chars[cid - 1]

    def hex(self, text: str) -> str:
        """``text`` as the hex digits of its CIDs (new characters get the next CID)."""
        codes = self.codes
        try:
            return "".join([codes[c] for c in text])
        except KeyError:
            for c in text:
                if c not in codes:
                    self.chars.append(c)
                    codes[c] = f"{len(self.chars):04X}"
            return "".join([codes[c] for c in text])


class _Widths(dict[str, bytes]):
    """Each character's advance in one font as the /W array writes it (1/1000 em),
    formatted once per character and process."""

    __slots__ = ("font",)

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, ch: str) -> bytes:
        d = font_data(self.font)
        out = self[ch] = fp(d.widths.get(ord(ch), d.default_width)).encode()
        return out


@cache
def _widths(font: str) -> _Widths:
    return _Widths(font)


@cache
def _utf16_hex(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


def _glyph_ids(use: FontUse) -> list[int]:
    """The glyph ids a subset must hold: .notdef, every character's glyph, their parts."""
    cmap = use.data.cmap
    comps = use.data.components
    gids = {0, *(cmap.get(ord(c), 0) for c in use.chars)}
    todo = [g for g in gids if g in comps]
    while todo:
        for part in comps[todo.pop()]:
            if part not in gids:
                gids.add(part)
                if part in comps:
                    todo.append(part)
    return sorted(gids)


@cache
def _font_file(path: str) -> mmap.mmap:
    with open(path, "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def subset_program(data: FontData, gids: Sequence[int]) -> bytes:
    """A TrueType font holding only ``gids``' outlines (sorted, 0 first), renumbered
    0, 1, 2 … in that order (``CIDToGIDMap`` says which is which): every table is as
    long as the subset, not as the font, and a composite glyph's parts are renumbered."""
    mm = _font_file(data.path)
    base, loca, sums, comps = data.glyf_offset, data.loca, data.sums, data.components
    if comps.keys().isdisjoint(gids):  # no composite glyph (the CJK faces): slices as they are
        spans = [(loca[g], loca[g + 1]) for g in gids]
        lengths = [(b - a + 3) & -4 for a, b in spans]
        pieces = [mm[base + a : base + b] + _PAD[(a - b) % 4] for a, b in spans]
        glyf_sum = sum([sums[g] for g in gids])
    else:
        lengths, pieces, glyf_sum = _glyphs_renumbered(data, gids, mm)
    return _subset_tables(data, gids, b"".join(pieces), glyf_sum, lengths)


_PAD = (b"", b"\0", b"\0\0", b"\0\0\0")  # zeros that pad a glyph of length n to 4: _PAD[-n % 4]


def _glyphs_renumbered(
    data: FontData, gids: Sequence[int], mm: mmap.mmap
) -> tuple[list[int], list[bytes], int]:
    """The glyphs of a subset holding composite glyphs: their padded lengths, their
    bytes with each part's id renumbered, the sum of their checksums."""
    base, loca, sums, comps = data.glyf_offset, data.loca, data.sums, data.components
    new_of = {g: i for i, g in enumerate(gids)}
    lengths = []
    pieces = []
    glyf_sum = 0
    for g in gids:
        a, b = loca[g], loca[g + 1]
        if b > a:
            glyph = mm[base + a : base + b]
            pad = -(b - a) % 4
            if pad:
                glyph += b"\0" * pad
            if g in comps:
                glyph = _renumbered(glyph, new_of)
                glyf_sum += _checksum(glyph)
            else:
                glyf_sum += sums[g]
            pieces.append(glyph)
            lengths.append(len(glyph))
        else:
            lengths.append(0)
    return lengths, pieces, glyf_sum


def _subset_tables(
    data: FontData, gids: Sequence[int], glyf: bytes, glyf_sum: int, lengths: list[int]
) -> bytes:
    """The subset's font file around its glyph table (see :func:`subset_program`)."""
    offsets = array("I", [0, *accumulate(lengths)])
    if _LITTLE:
        offsets.byteswap()
    new_loca = offsets.tobytes()
    hmtx_all = data.hmtx
    hmtx = b"".join([hmtx_all[4 * g : 4 * g + 4] for g in gids])
    n = len(gids)
    head = bytearray(data.head)
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    head[50:52] = b"\0\1"  # indexToLocFormat: long offsets
    hhea = data.hhea[:34] + struct.pack(">H", n) + data.hhea[36:]
    maxp = data.maxp[:4] + struct.pack(">H", n) + data.maxp[6:]
    tables = {
        "glyf": (glyf, glyf_sum & 0xFFFFFFFF),
        "head": (bytes(head), None),
        "hhea": (hhea, None),
        "hmtx": (hmtx, None),
        "loca": (new_loca, None),
        "maxp": (maxp, None),
        "post": (data.post, None),
        **_copied(data.name),
    }
    return _sfnt(tables)


_LITTLE = struct.pack("=I", 1) != struct.pack(">I", 1)


@cache
def _copied(font: str) -> dict[str, tuple[bytes, int | None]]:
    """The tables every subset of ``font`` copies as they are, with their checksums
    (summed once per process, not once per subset)."""
    return {tag: (blob, _checksum(blob)) for tag, blob in font_data(font).copied}


def _renumbered(glyph: bytes, new_of: dict[int, int]) -> bytes:
    """A composite glyph with each part's glyph id replaced by its id in the subset."""
    out = bytearray(glyph)
    pos = 10
    while True:
        flags, gid = struct.unpack(">HH", out[pos : pos + 4])
        out[pos + 2 : pos + 4] = struct.pack(">H", new_of[gid])
        pos += 4 + (4 if flags & 0x0001 else 2)
        pos += 8 if flags & 0x0080 else 4 if flags & 0x0040 else 2 if flags & 0x0008 else 0
        if not flags & 0x0020:
            return bytes(out)


def _checksum(blob: bytes) -> int:
    blob += b"\0" * (-len(blob) % 4)
    words = array("I", blob)
    if struct.pack("=I", 1) != struct.pack(">I", 1):
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _sfnt(tables: dict[str, tuple[bytes, int | None]]) -> bytes:
    """The font file: offset table, table directory (sorted tags), tables 4-aligned,
    ``head.checkSumAdjustment`` set (OpenType spec, "head")."""
    tags = sorted(tables)
    num = len(tags)
    entry_selector = num.bit_length() - 1
    search_range = 16 << entry_selector
    header = struct.pack(">IHHHH", 0x00010000, num, search_range, entry_selector, num * 16 - search_range)
    offset = 12 + 16 * num
    directory = []
    body = []
    total = 0
    head_at = 0
    for tag in tags:
        blob, known = tables[tag]
        s = known if known is not None else _checksum(blob)
        total += s
        directory.append(struct.pack(">4sIII", tag.encode("latin-1"), s, offset, len(blob)))
        if tag == "head":
            head_at = offset
        pad = -len(blob) % 4
        body.append(blob + b"\0" * pad if pad else blob)
        offset += len(blob) + pad
    front = header + b"".join(directory)
    total = (total + _checksum(front)) & 0xFFFFFFFF
    out = bytearray(front + b"".join(body))
    out[head_at + 8 : head_at + 12] = struct.pack(">I", (0xB1B0AFBA - total) & 0xFFFFFFFF)
    return bytes(out)


def _to_unicode(chars: Sequence[str]) -> bytes:
    """The ToUnicode CMap: CID i+1 → chars[i], as UTF-16BE (a character beyond the BMP
    as its surrogate pair, PDF 1.7 §9.10.3).

    >>> b"<0002> <D840DC00>" in _to_unicode(["中", "\\U00020000"])
    True
    """
    lines = []
    for start in range(0, len(chars), 100):  # at most 100 entries a block (PDF 1.7 §9.10.3)
        block = chars[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{start + i:04X}> <{_utf16_hex(c)}>" for i, c in enumerate(block, 1)]
        lines.append("endbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(lines)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _tag(gids: Sequence[int], name: str) -> str:
    """A subset tag (six capitals) from the glyph set: same subset, same tag."""
    digest = hashlib.md5(name.encode() + array("I", gids).tobytes(), usedforsecurity=False).digest()
    return "".join(chr(65 + b % 26) for b in digest[:6])


# ---------------------------------------------------------------- the file


def pdf_string(text: str) -> bytes:
    """A text string (Title, outline entries): PDFDocEncoding-safe ASCII as it is, else
    UTF-16BE with its byte order mark; ``\\``, parentheses and bytes outside printable
    ASCII escaped (octal).

    >>> pdf_string("a(b)"), pdf_string("中")
    (b'(a\\\\(b\\\\))', b'(\\\\376\\\\377N-)')
    """
    raw = text.encode("latin-1") if text.isascii() else b"\xfe\xff" + text.encode("utf-16-be")
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes((b,))
        elif 32 <= b < 127:
            out.append(b)
        else:
            out += b"\\%03o" % b
    out += b")"
    return bytes(out)


@dataclass(slots=True)
class Mark:
    """An outline entry: its title, level (0 = top) and where it points."""

    title: str
    level: int
    page: int  # 0-based
    x: float
    y: float


def _outline(marks: Sequence[Mark], first_id: int, page_ids: Sequence[int]) -> list[bytes]:
    """The /Outlines objects (root first, numbered from ``first_id``): items nested by
    level, every item open (a positive /Count of all its descendants)."""
    n = len(marks)
    parent = [-1] * n  # index of the parent mark, -1 for the root
    stack: list[int] = []
    for i, m in enumerate(marks):
        while stack and marks[stack[-1]].level >= m.level:
            stack.pop()
        parent[i] = stack[-1] if stack else -1
        stack.append(i)
    children: dict[int, list[int]] = {}
    for i, p in enumerate(parent):
        children.setdefault(p, []).append(i)
    count = [0] * n
    for i in reversed(range(n)):
        if parent[i] >= 0:
            count[parent[i]] += 1 + count[i]

    def oid(i: int) -> int:
        return first_id + 1 + i

    top = children.get(-1, [])
    objs = [b"<<\n/Count %d /First %d 0 R /Last %d 0 R /Type /Outlines\n>>" % (n, oid(top[0]), oid(top[-1]))]
    for i, m in enumerate(marks):
        sibs = children[parent[i]]
        k = sibs.index(i)
        kids = children.get(i, [])
        parts = []
        if kids:
            parts.append(b"/Count %d" % count[i])
        parts.append(
            b"/Dest [ %d 0 R /XYZ %s %s 0 ]" % (page_ids[m.page], fp(m.x).encode(), fp(m.y).encode())
        )
        if kids:
            parts.append(b"/First %d 0 R /Last %d 0 R" % (oid(kids[0]), oid(kids[-1])))
        if k + 1 < len(sibs):
            parts.append(b"/Next %d 0 R" % oid(sibs[k + 1]))
        parts.append(b"/Parent %d 0 R" % (oid(parent[i]) if parent[i] >= 0 else first_id))
        if k:
            parts.append(b"/Prev %d 0 R" % oid(sibs[k - 1]))
        parts.append(b"/Title " + pdf_string(m.title))
        objs.append(b"<<\n" + b" ".join(parts) + b"\n>>")
    return objs


@dataclass(slots=True)
class Document:
    """What a PDF file holds, gathered while the pages are drawn."""

    width: float
    height: float
    title: str = ""
    lang: str = ""
    creator: str = ""
    producer: str = ""
    display_title: bool = False
    show_outline: bool = False
    pages: list[bytes] = field(default_factory=list)  # content streams, uncompressed
    fonts: dict[str, FontUse] = field(default_factory=dict)  # by font name, in first use
    marks: list[Mark] = field(default_factory=list)

    def font(self, name: str) -> FontUse:
        use = self.fonts.get(name)
        if use is None:
            use = self.fonts[name] = FontUse(font_data(name), f"F{len(self.fonts) + 1}")
        return use

    def to_bytes(self) -> bytes:
        """The whole file: objects, cross-reference table, trailer."""
        objs: list[bytes] = []

        def add(obj: bytes) -> int:
            objs.append(obj)
            return len(objs)

        def stream(data: bytes, extra: bytes = b"") -> int:
            packed = deflate(data)
            return add(
                b"<<\n/Filter /FlateDecode /Length %d%s\n>>\nstream\n%s\nendstream"
                % (len(packed), extra, packed)
            )

        catalog = add(b"")  # filled in at the end
        pages_id = add(b"")
        info_parts = [b"/Creator " + pdf_string(self.creator), b"/Producer " + pdf_string(self.producer)]
        if self.title:
            info_parts.append(b"/Title " + pdf_string(self.title))
        info = add(b"<<\n" + b" ".join(info_parts) + b"\n>>")
        font_refs = []
        for use in self.fonts.values():
            font_refs.append(b"/%s %d 0 R" % (use.resource.encode(), self._embed(use, add, stream)))
        resources = add(b"<<\n/Font << " + b" ".join(font_refs) + b" >> /ProcSet [ /PDF /Text ]\n>>")
        box = b"[ 0 0 %s %s ]" % (fp(self.width).encode(), fp(self.height).encode())
        page_ids = []
        first_page = len(objs) + 1
        for k, content in enumerate(self.pages):
            page_ids.append(first_page + 2 * k)
            add(
                b"<<\n/Contents %d 0 R /MediaBox %s /Parent %d 0 R /Resources %d 0 R /Type /Page\n>>"
                % (first_page + 2 * k + 1, box, pages_id, resources)
            )
            stream(content)
        objs[pages_id - 1] = b"<<\n/Count %d /Kids [ %s ] /Type /Pages\n>>" % (
            len(page_ids),
            b" ".join(b"%d 0 R" % p for p in page_ids),
        )
        cat = [b"/Type /Catalog /Pages %d 0 R" % pages_id]
        if self.lang:
            cat.append(b"/Lang " + pdf_string(self.lang))
        if self.marks:
            first = len(objs) + 1
            for obj in _outline(self.marks, first, page_ids):
                add(obj)
            cat.append(b"/Outlines %d 0 R" % first)
            if self.show_outline:
                cat.append(b"/PageMode /UseOutlines")
        if self.display_title:
            cat.append(b"/ViewerPreferences << /DisplayDocTitle true >>")
        objs[catalog - 1] = b"<<\n" + b" ".join(cat) + b"\n>>"

        out = io.BytesIO()
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, obj in enumerate(objs, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n%s\nendobj\n" % (i, obj))
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
        out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        # the file identifier (PDF 1.7 §14.4): a digest of what makes the file, not of its
        # bytes (hashing the font programs again would cost more than compressing them)
        digest = hashlib.md5(usedforsecurity=False)
        for content in self.pages:
            digest.update(content)
        for use in self.fonts.values():
            digest.update(use.data.ps_name.encode() + "".join(use.chars).encode("utf-8", "surrogatepass"))
        digest.update(objs[info - 1])
        ident = digest.hexdigest().encode()
        out.write(
            b"trailer\n<<\n/ID [<%s><%s>] /Info %d 0 R /Root %d 0 R /Size %d\n>>\nstartxref\n%d\n%%%%EOF\n"
            % (ident, ident, info, catalog, len(objs) + 1, xref)
        )
        return out.getvalue()

    @staticmethod
    def _embed(use: FontUse, add: Callable[[bytes], int], stream: Callable[..., int]) -> int:
        """The font's five objects; returns the Type0 font's id."""
        d = use.data
        gids = _glyph_ids(use)
        name = f"{_tag(gids, d.ps_name)}+{d.ps_name}".encode()
        program = subset_program(d, gids)
        file_id = stream(program, b" /Length1 %d" % len(program))
        bbox = b" ".join(fp(v).encode() for v in d.bbox)
        descriptor = add(
            b"<<\n/Ascent %s /CapHeight %s /Descent %s /Flags %d /FontBBox [ %s ] /FontFile2 %d 0 R"
            b" /FontName /%s /ItalicAngle %s /StemV %d /Type /FontDescriptor\n>>"
            % (
                fp(d.ascent).encode(),
                fp(d.cap_height).encode(),
                fp(d.descent).encode(),
                (d.flags & ~32) | 4,
                bbox,
                file_id,
                name,
                fp(d.italic_angle).encode(),
                d.stem_v,
            )
        )
        cmap = d.cmap
        new_of = {g: i for i, g in enumerate(gids)}
        to_gid = array("H", [0, *[new_of[cmap.get(ord(c), 0)] for c in use.chars]])
        if struct.pack("=H", 1) != struct.pack(">H", 1):
            to_gid.byteswap()
        gid_map = stream(to_gid.tobytes())
        dflt = d.default_width
        w = b" ".join(map(_widths(d.name).__getitem__, use.chars))
        cid_font = add(
            b"<<\n/BaseFont /%s /CIDSystemInfo << /Ordering (Identity) /Registry (Adobe) /Supplement 0 >>"
            b" /CIDToGIDMap %d 0 R /DW %s /FontDescriptor %d 0 R /Subtype /CIDFontType2 /Type /Font"
            b" /W [ 1 [ %s ] ]\n>>" % (name, gid_map, fp(dflt).encode(), descriptor, w)
        )
        to_unicode = stream(_to_unicode(use.chars))
        return add(
            b"<<\n/BaseFont /%s /DescendantFonts [ %d 0 R ] /Encoding /Identity-H /Subtype /Type0"
            b" /ToUnicode %d 0 R /Type /Font\n>>" % (name, cid_font, to_unicode)
        )


# ---------------------------------------------------------------- the canvas platypus draws on

Runs = Sequence[tuple[str, float, str]]  # (font, size, text)


@cache
def canvas_class(dry: bool = False) -> type:
    """:class:`Canvas` (``dry``: one that lays pages out and writes nothing), built on
    first use so that importing this module does not import reportlab."""
    from reportlab.lib.rl_accel import fp_str
    from reportlab.pdfgen.canvas import Canvas as RLCanvas

    class Canvas(RLCanvas):  # type: ignore[misc]
        """A reportlab canvas that writes the file itself (module docstring).

        (The page size comes from the document template, as ``pagesize``.)

        Graphics (lines, colours, the state stack, transformations) are reportlab's own
        operators; text is drawn only through :meth:`draw_runs`, in the stack's fonts.
        ``dry=True`` lays pages out and writes nothing (a probe of where things fall).
        """

        def __init__(self, filename: Any, *args: Any, **kwargs: Any) -> None:
            width, height = kwargs["pagesize"]
            self.gw = Document(width, height, lang=kwargs.get("lang") or "")
            super().__init__(filename, *args, **kwargs)

        def _make_preamble(self) -> None:
            self._preamble = "1 0 0 1 0 0 cm"  # no initial font: every text object sets its own

        def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:  # noqa: N802
            self._fontname, self._fontsize = psfontname, size  # only platypus' own (empty) strings

        def drawString(self, x: float, y: float, text: str, *args: Any, **kwargs: Any) -> None:  # noqa: N802
            if text:
                raise ValueError("text is drawn through draw_runs, in the stack's fonts")

        drawRightString = drawCentredString = drawString  # noqa: N815

        def draw_runs(
            self,
            runs: Runs,
            x: float,
            y: float,
            char_space: float,
            scale: float = 1.0,
            squeeze: Mapping[int, float] | None = None,
        ) -> None:
            """One line of text: ``runs`` from (x, y) with PDF ``Tc`` = ``char_space``;
            ``squeeze`` (index of a character in the line → pt) makes a squeezed mark
            advance by that much less (its own ``Tc``)."""
            ops = [f"BT 1 0 0 1 {fp_str(x)} {fp_str(y)} Tm {fp_str(char_space)} Tc"]
            if scale != 1.0:
                ops.append(f"{fp_str(scale * 100)} Tz")
            font = self.gw.font
            k = 0  # index of the run's first character in the line
            for name, size, text in runs:
                use = font(name)
                marks = [j for j in range(len(text)) if k + j in squeeze] if squeeze else []
                if not marks:
                    ops.append(f"/{use.resource} {fp_str(size)} Tf <{use.hex(text)}> Tj")
                else:
                    ops.append(f"/{use.resource} {fp_str(size)} Tf")
                    cut = 0
                    for j in marks:
                        assert squeeze is not None
                        if j > cut:
                            ops.append(f"<{use.hex(text[cut:j])}> Tj")
                        ops.append(
                            f"{fp_str(char_space - squeeze[k + j])} Tc <{use.hex(text[j])}> Tj {fp_str(char_space)} Tc"
                        )
                        cut = j + 1
                    if cut < len(text):
                        ops.append(f"<{use.hex(text[cut:])}> Tj")
                k += len(text)
            ops.append("ET")
            self._code.append(" ".join(ops))

        def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float, **kw: Any) -> None:  # noqa: N802, N803
            self._gw_at = (self._pageNumber - 1, *self.absolutePosition(relativeX, relativeY))

        def addOutlineEntry(self, title: str, key: str, level: int = 0, closed: Any = None) -> None:  # noqa: N802
            page, x, y = self._gw_at
            self.gw.marks.append(Mark(title, level, page, x, y))

        def showOutline(self) -> None:  # noqa: N802
            self.gw.show_outline = True

        def setViewerPreference(self, pref: str, value: str) -> None:  # noqa: N802
            if pref == "DisplayDocTitle":
                self.gw.display_title = value == "true"

        def showPage(self) -> None:  # noqa: N802
            if not self.dry:
                self.gw.pages.append(f"{self._preamble}\n{chr(10).join(self._code)}\n".encode("latin-1"))
            if self._onPage:
                self._onPage(self._pageNumber)
            self._startPage()

        def save(self) -> None:
            if self._code:
                self.showPage()
            if self.dry:
                return
            info = self._doc.info
            gw = self.gw
            gw.title, gw.creator, gw.producer = info.title, info.creator, info.producer
            self._filename.write(gw.to_bytes())

    Canvas.dry = dry
    return Canvas
