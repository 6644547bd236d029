"""Audit every line of our PDFs, and of our DOCX as LibreOffice lays it out.

    python tools/line_audit.py [--readme README.md] [INPUT ...]

Default inputs: every seed, ``tests/fixtures/genre``, ``tests/fixtures/heldout`` and
``corpus/dev/inputs`` (never ``corpus/test``).  For each article the tool renders our PDF
and two DOCX files — as shipped (``--docx-for word``: the standard's flags) and with
``--docx-for libreoffice`` — and converts both with LibreOffice headless.  It extends what
``tools/compare_layout.py`` measures (pages, lines breaking alike) with:

* **numbers split**: a number with its sign or unit (``style.number_spans``: 2.96%,
  1,286个, 55天) broken across two lines;
* **.notdef**: characters drawn with glyph 0 (the empty box) — read from the embedded
  font subsets of the PDF (:func:`notdef_characters`), not from the renderer's word;
* **headings split**: a standalone heading (or the title block) whose lines fall on two
  pages;
* **short last pages**: a document of several pages whose last page holds one or two lines
  (not a page holding only the 版记, which 7.4 puts on an even page of its own);
* **孤字**: paragraphs of two or more lines whose last line is one character (with its
  closing marks), as a share of those paragraphs;
* **loose lines**: full (justified) lines holding at least one character less than the
  line could (a character pushed down, the rest spread), as a share of full lines;
* **missing punctuation** (LibreOffice only): 。，、；：？！ of the text that the page does
  not show (LibreOffice hangs a line-final mark past the margin and drops it).

Prints one table (markdown) and, with ``--readme``, writes it into README.md between
``<!-- audit:start -->`` and ``<!-- audit:end -->``.  Needs ``soffice`` and ``pdftotext``.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.core import convert  # noqa: E402 - after the path line above
from pipeline.model import Article, Heading  # noqa: E402
from pipeline.render import docx as render_docx  # noqa: E402
from pipeline.render import pdf as render_pdf  # noqa: E402
from pipeline.render import style  # noqa: E402
from pipeline.render.title import split_title  # noqa: E402

PAGE = style.PAGE
BODY_BOTTOM = PAGE.top + PAGE.body_height
RIGHT = PAGE.left + PAGE.body_width
PUNCT = "。，、；：？！"
_CLOSERS = "".join(sorted(style.NOT_AT_LINE_START))


def default_inputs() -> list[Path]:
    dirs = [
        ROOT / "seeds",
        ROOT / "tests/fixtures/genre",
        ROOT / "tests/fixtures/heldout",
        ROOT / "corpus/dev/inputs",
    ]
    return [p for d in dirs for p in sorted(d.glob("*")) if p.suffix in (".txt", ".html", ".htm")]


# ---------------------------------------------------------------- reading a PDF


@dataclass(frozen=True)
class Line:
    page: int
    x0: float
    x1: float
    text: str


def pdf_lines(pdf: Path) -> list[Line]:
    """Body lines (page numbers left out), whitespace removed, with their x extent."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(xhtml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    out = []
    for n, page in enumerate(root.iterfind(".//h:page", ns), start=1):
        for line in page.iterfind(".//h:line", ns):
            if float(line.get("yMin", "0")) >= BODY_BOTTOM:
                continue
            text = "".join("".join((w.text or "").split()) for w in line.iterfind("h:word", ns))
            if text:
                out.append(Line(n, float(line.get("xMin", "0")), float(line.get("xMax", "0")), text))
    return out


# a font selection or a literal string in a content stream (reportlab escapes ( ) \\)
_TEXT_TOKEN = re.compile(rb"/([^\s/\[\]()<>]+)\s+[-\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f\s]*)>", re.S)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    def repl(m: re.Match[bytes]) -> bytes:
        e = m.group(1)
        if e[:1].isdigit():
            return bytes([int(e, 8) & 0xFF])
        return _ESCAPES.get(e, e)

    return _ESCAPE.sub(repl, raw)


def notdef_characters(data: bytes) -> list[str]:
    """Characters a PDF draws with glyph 0 (.notdef, the empty box), each once.

    Every string a page shows is read with the font selected at that point.  A simple
    TrueType subset (``FontFile2``, one byte a code, as reportlab writes them) draws
    .notdef for a code its ``cmap`` maps to glyph 0; a Type0 font with ``Identity-H``
    (two bytes a code, as pipeline.render.pdfwrite writes them) for a CID its
    ``CIDToGIDMap`` maps to glyph 0, or CID 0 itself.  The character is taken from the
    font's ``ToUnicode`` map; a code without one is reported as such.
    """
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    found: dict[str, None] = {}
    reader = PdfReader(io.BytesIO(data))
    # per font: (bytes a code, codes that draw .notdef, code → character)
    cache: dict[tuple[int, int], tuple[int, set[int], dict[int, str]]] = {}

    def zero_codes(ref: Any) -> tuple[int, set[int], dict[int, str]]:
        key = (ref.idnum, ref.generation) if hasattr(ref, "idnum") else (id(ref), 0)
        if key not in cache:
            font = ref.get_object()
            chars = (
                _to_unicode(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
                if "/ToUnicode" in font
                else {}
            )
            if font.get("/Subtype") == "/Type0":
                cid_font = font["/DescendantFonts"][0].get_object()
                gid_map = cid_font.get("/CIDToGIDMap")
                if gid_map is None or gid_map == "/Identity":
                    zero = {0}
                else:
                    raw = gid_map.get_object().get_data()
                    gids = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                    zero = {0} | {cid for cid, gid in enumerate(gids) if gid == 0}
                cache[key] = (2, zero, chars)
            else:
                desc = font.get("/FontDescriptor")
                file2 = desc.get_object().get("/FontFile2") if desc is not None else None
                zero = set()
                if file2 is not None and chars:
                    tt = TTFont(io.BytesIO(file2.get_object().get_data()))
                    cmap: dict[int, str] = {}
                    for table in tt["cmap"].tables:
                        cmap.update(table.cmap)
                    notdef = tt.getGlyphOrder()[0]
                    zero = {code for code in range(256) if cmap.get(code, notdef) == notdef}
                else:
                    chars = {}
                cache[key] = (1, zero, chars)
        return cache[key]

    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        content = page.get_contents()
        if content is None:
            continue
        width, zero, chars = 1, set[int](), dict[int, str]()
        for m in _TEXT_TOKEN.finditer(content.get_data()):
            if m.group(1) is not None:
                name = "/" + m.group(1).decode("latin-1")
                width, zero, chars = zero_codes(fonts.raw_get(name)) if name in fonts else (1, set(), {})
                continue
            raw = _unescape(m.group(2)) if m.group(2) is not None else bytes.fromhex(m.group(3).decode())
            codes = (
                raw if width == 1 else [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
            )
            for code in codes:
                if code in zero:
                    ch = chars.get(code, "\x00")
                    found[ch if ch != "\x00" else f"code {code} (.notdef)"] = None
    return list(found)


def _to_unicode(cmap: str) -> dict[int, str]:
    out = {}
    for m in re.finditer(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", cmap.split("beginbfchar", 1)[-1]):
        out[int(m.group(1), 16)] = bytes.fromhex(m.group(2)).decode("utf-16-be", errors="replace")
    return out


# ---------------------------------------------------------------- measures


@dataclass
class Counts:
    docs: int = 0
    lines: int = 0
    same: int = 0  # lines also found in our PDF (LibreOffice rows)
    pages_differ: int = 0
    numbers_split: int = 0
    notdef: int = 0
    headings_split: int = 0
    short_last_pages: int = 0
    wrapped: int = 0
    orphans: int = 0
    full: int = 0
    loose: int = 0
    missing_punct: int = 0
    where: dict[str, list[str]] = field(default_factory=dict)

    def note(self, what: str, doc: str) -> None:
        self.where.setdefault(what, []).append(doc)


def _width(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def _number_spans(text: str) -> list[tuple[int, int]]:
    if hasattr(style, "number_spans"):
        return style.number_spans(text)  # type: ignore[no-any-return]
    # a checkout from before style.number_spans (a before/after run): the same pattern
    units = "年月日号时分秒天周项个元角万亿千百人次件家条名倍米吨户所座台辆余多岁期批届轮"
    pattern = rf"[￥¥$€£]?[0-9０-９]+(?:[.,:．，][0-9０-９]+)*(?:[%％‰℃]|[{units}]{{1,2}})?"
    return [m.span() for m in re.finditer(pattern, text) if m.end() - m.start() > 1]


def _numbers_split(lines: Sequence[Line]) -> list[str]:
    """Numbers broken between two lines of one paragraph (a paragraph ending in a digit
    before one starting "1." is no split; table cells are paragraphs of their own)."""
    out = []
    pairs = (pair for para in _paragraphs(lines) for pair in itertools.pairwise(para))
    for a, b in pairs:
        tail, head = a.text[-10:], b.text[:10]
        if any(s < len(tail) < e for s, e in _number_spans(tail + head)):
            out.append(f"{tail}/{head}")
    return out


def _paragraphs(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs: a paragraph starts at an indented or centred line."""
    indent = PAGE.left + 1.5 * PAGE.char_pitch
    paras: list[list[Line]] = []
    for ln in lines:
        starts = ln.x0 > indent or not paras or paras[-1][-1].x1 < RIGHT - PAGE.char_pitch
        if starts:
            paras.append([ln])
        else:
            paras[-1].append(ln)
    return paras


def _split_blocks(article: Article, lines: Sequence[Line]) -> int:
    """Standalone headings and the title block whose text is on two pages."""
    texts = [
        style.heading_label(b.number, b.text) for b in article.blocks if isinstance(b, Heading) and not b.tail
    ]
    if article.title:
        texts.append("".join(split_title(article.title)) + article.subtitle)
    by_page: dict[int, str] = {}
    for ln in lines:
        by_page[ln.page] = by_page.get(ln.page, "") + ln.text
    whole = "".join(by_page.values())
    n = 0
    for t in texts:
        t = "".join(t.split())
        if t and t in whole and not any(t in p for p in by_page.values()):
            n += 1
    return n


def measure(c: Counts, doc: str, article: Article, lines: Sequence[Line], pdf: bytes | None) -> None:
    c.docs += 1
    c.lines += len(lines)
    splits = _numbers_split(lines)
    c.numbers_split += len(splits)
    for sp in splits:
        c.note("numbers split", f"{doc} {sp}")
    if pdf is not None:
        bad = notdef_characters(pdf)
        c.notdef += len(bad)
        if bad:
            c.note("notdef", f"{doc} {bad}")
    split = _split_blocks(article, lines)
    c.headings_split += split
    if split:
        c.note("headings split", doc)
    pages = max((ln.page for ln in lines), default=0)
    last = [ln for ln in lines if ln.page == pages]
    imprint = "".join("".join(v.split()) for v in article.imprint.values()) if article.imprint else ""
    if imprint and all(ln.text.replace("抄送：", "").replace("主送：", "") in imprint for ln in last):
        c.note("版记 page", doc)  # 7.4: the 版记 alone on the even page after an odd last page
    elif pages > 1 and len(last) <= 2:
        c.short_last_pages += 1
        c.note("short last page", doc)
    for para in _paragraphs(lines):
        if len(para) < 2:
            continue
        c.wrapped += 1
        if len(para[-1].text.rstrip(_CLOSERS)) == 1:
            c.orphans += 1
            c.note("孤字", f"{doc} …{para[-2].text[-4:]}/{para[-1].text}")
    for ln in lines:
        if ln.x1 < RIGHT - PAGE.char_pitch / 2 or ln.x0 > PAGE.left + 3 * PAGE.char_pitch:
            continue  # not full, or centred
        c.full += 1
        room = PAGE.chars - (2 if ln.x0 > PAGE.left + PAGE.char_pitch else 0)
        if _width(ln.text) <= room - 1:
            c.loose += 1


def missing_punct(ours: Iterable[Line], theirs: Iterable[Line]) -> int:
    a = Counter(ch for ln in ours for ch in ln.text if ch in PUNCT)
    b = Counter(ch for ln in theirs for ch in ln.text if ch in PUNCT)
    return sum(max(0, a[ch] - b[ch]) for ch in PUNCT)


# ---------------------------------------------------------------- driver


def _docx(article: Article, reader: str) -> bytes:
    """The DOCX for ``reader``; a checkout from before ``--docx-for`` gets the flag
    flipped by hand (as tools/compare_layout.py did), so before/after compare alike."""
    try:
        return render_docx.render(article, reader=reader)  # type: ignore[call-arg]
    except TypeError:
        data = render_docx.render(article)
        if reader == "word":
            return data
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                blob = src.read(item.filename)
                if item.filename.endswith(".xml"):
                    blob = blob.replace(b'<w:overflowPunct w:val="0"/>', b'<w:overflowPunct w:val="1"/>')
                dst.writestr(item, blob)
        return out.getvalue()


def audit(
    inputs: Sequence[Path], keep: Path | None = None, readers: Sequence[str] = ("word", "libreoffice")
) -> dict[str, Counts]:
    names = {
        "word": "DOCX → LibreOffice, as shipped",
        "libreoffice": "DOCX → LibreOffice, --docx-for libreoffice",
    }
    rows = {"PDF (ours)": Counts(), **{names[r]: Counts() for r in readers}}
    with tempfile.TemporaryDirectory() as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        jobs: list[tuple[str, Article, Path]] = []
        for path in inputs:
            doc = convert(path.read_bytes(), path.name)
            for n, article in enumerate(doc.documents, 1):
                stem = f"{path.stem}-{n:02d}"
                pdf = render_pdf.render(article)
                (work / f"{stem}.pdf").write_bytes(pdf)
                for reader in readers:
                    (work / reader).mkdir(exist_ok=True)
                    (work / reader / f"{stem}.docx").write_bytes(_docx(article, reader))
                jobs.append((stem, article, work / f"{stem}.pdf"))
        for reader in readers:
            files = sorted(str(p) for p in (work / reader).glob("*.docx"))
            for chunk in range(0, len(files), 40):
                subprocess.run(
                    [
                        "soffice",
                        f"-env:UserInstallation=file://{work / 'lo-profile'}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(work / reader),
                        *files[chunk : chunk + 40],
                    ],
                    capture_output=True,
                    check=True,
                    timeout=1200,
                )
        for stem, article, ours_pdf in jobs:
            ours = pdf_lines(ours_pdf)
            measure(rows["PDF (ours)"], stem, article, ours, ours_pdf.read_bytes())
            for reader, key in ((r, names[r]) for r in readers):
                lo_pdf = work / reader / f"{stem}.pdf"
                theirs = pdf_lines(lo_pdf)
                c = rows[key]
                measure(c, stem, article, theirs, None)
                ours_set = Counter(ln.text for ln in ours)
                c.same += sum(min(k, ours_set[t]) for t, k in Counter(ln.text for ln in theirs).items())
                if max((ln.page for ln in ours), default=0) != max((ln.page for ln in theirs), default=0):
                    c.pages_differ += 1
                    c.note("pages differ", stem)
                m = missing_punct(ours, theirs)
                c.missing_punct += m
                if m:
                    c.note("missing punctuation", f"{stem} {m}")
    return rows


def table(rows: dict[str, Counts], n_inputs: int) -> str:
    def pct(a: int, b: int) -> str:
        return f"{a} ({a / b:.1%})" if b else "0"

    out = [
        f"{n_inputs} inputs, {next(iter(rows.values())).docs} documents "
        "(seeds, tests/fixtures/genre, tests/fixtures/heldout, corpus/dev).",
        "",
        "| | lines | same lines as our PDF | page count differs | numbers split | .notdef | "
        "headings split across pages | last page ≤ 2 lines | 孤字 (of wrapped paragraphs) | "
        "loose lines (of full lines) | missing punctuation |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, c in rows.items():
        ours = name.startswith("PDF")
        out.append(
            f"| {name} | {c.lines} | {'—' if ours else pct(c.same, c.lines)} | "
            f"{'—' if ours else c.pages_differ} | {c.numbers_split} | {c.notdef if ours else '—'} | "
            f"{c.headings_split} | {c.short_last_pages} | {pct(c.orphans, c.wrapped)} | "
            f"{pct(c.loose, c.full)} | {'—' if ours else c.missing_punct} |"
        )
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("inputs", nargs="*", type=Path)
    ap.add_argument("--readme", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the PDFs made (ours, word/, libreoffice/) in this folder")
    ap.add_argument(
        "--readers",
        default="word,libreoffice",
        help="DOCX variants to convert (comma-separated; '' for none)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list where each count comes from")
    a = ap.parse_args()
    inputs = a.inputs or default_inputs()
    rows = audit(inputs, a.keep, [r for r in a.readers.split(",") if r])
    text = table(rows, len(inputs))
    print(text)
    if a.verbose:
        for name, c in rows.items():
            for what, docs in c.where.items():
                print(f"{name}: {what}: {len(docs)}: {', '.join(docs[:30])}")
    if a.readme:
        readme = a.readme.read_text(encoding="utf-8")
        start, end = "<!-- audit:start -->", "<!-- audit:end -->"
        if start in readme:
            head, _, rest = readme.partition(start)
            _, _, tail = rest.partition(end)
            a.readme.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
