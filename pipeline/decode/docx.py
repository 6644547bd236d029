"""Word files (.docx) → lines with structure hints, read with python-docx and lxml.

The output is a new document laid out to the standard; the input is only read.  What
the file holds becomes data for the structure stage:

* **Paragraphs and tables** in document order (content controls, hyperlinks, tracked
  insertions and field results read through; tracked deletions, hidden text and field
  codes left out).  A table becomes a table block with its spans; a table of one cell
  (a frame around the text, common in downloaded 范文) is read as the text it holds.
* **Automatic numbering** resolved to the marker a reader sees ("一、", "（一）", "1.",
  :mod:`.docx_numbering`); bullets are dropped (公文 has none) and the paragraph is a
  list item.
* **Headings** from Word's Title and Heading styles and from outline levels (a lone
  top heading at the start is the title; depths re-based as for Markdown); a centred,
  larger or bold first paragraph is the title of a file that uses no styles; bold leads
  are run-in headings (:meth:`~.reader.Reading.add_paragraph`).
* **Text boxes and footnotes** are kept as text with a notice: a text box's paragraphs
  after the paragraph it is anchored to, footnotes as "[n] …" after the paragraph that
  cites them ("[n]" in its text).
* **Headers and footers** of the old file (running titles, page numbers) are dropped and
  recorded in ``removed`` (``page-header``, ``page-footer``).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pipeline.decode.docx_numbering import MC, Numbering, W
from pipeline.decode.reader import Reading, Span
from pipeline.errors import DecodeError
from pipeline.model import Cell

_WPS_TXBX = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"
_VML_TEXTBOX = "{urn:schemas-microsoft-com:vml}textbox"
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
# runs whose content is read through (their text is the paragraph's)
_CONTAINERS = {
    W + t for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
}
_SKIPPED = {W + t for t in ("del", "moveFrom", "pPr", "rPr")}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
_TITLE_NAMES = ("title", "标题")
_SUBTITLE_NAMES = ("subtitle", "副标题")
TITLE_MAX = 50
_ON = ("0", "false", "off", "none")


def _on(el: Any) -> bool | None:
    """An on/off property (``<w:b/>``, ``<w:b w:val="0"/>``); None when not set."""
    if el is None:
        return None
    return str(el.get(W + "val", "1")).lower() not in _ON


def _val(parent: Any, tag: str) -> str:
    el = parent.find(W + tag) if parent is not None else None
    return str(el.get(W + "val", "")) if el is not None else ""


@dataclass(frozen=True, slots=True)
class _Style:
    name: str
    based_on: str
    bold: bool | None
    size: int | None  # half-points
    outline: int | None  # w:outlineLvl (0 = level 1); 9 = body text
    num_id: str
    ilvl: int | None
    center: bool | None


def _styles(root: Any) -> dict[str, _Style]:
    out: dict[str, _Style] = {}
    if root is None:
        return out
    for s in root.findall(W + "style"):
        ppr, rpr = s.find(W + "pPr"), s.find(W + "rPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        outline = _val(ppr, "outlineLvl")
        ilvl = _val(num, "ilvl")
        jc = _val(ppr, "jc")
        sz = _val(rpr, "sz")
        out[str(s.get(W + "styleId", ""))] = _Style(
            name=_val(s, "name"),
            based_on=_val(s, "basedOn"),
            bold=_on(rpr.find(W + "b")) if rpr is not None else None,
            size=int(sz) if sz.isdigit() else None,
            outline=int(outline) if outline.isdigit() else None,
            num_id=_val(num, "numId"),
            ilvl=int(ilvl) if ilvl.isdigit() else None,
            center=(jc == "center") if jc else None,
        )
    return out


@dataclass
class _Doc:
    """What reading one document needs, and what it has found so far."""

    styles: dict[str, _Style]
    numbering: Numbering
    notes: dict[str, list[str]]  # footnote/endnote id → its paragraphs' text
    reading: Reading
    default_size: int = 0
    cited: list[str] = field(default_factory=list)  # note texts cited by the current paragraph
    boxes: list[Any] = field(default_factory=list)  # text-box contents anchored in it
    note_count: int = 0
    box_count: int = 0
    images: int = 0
    alts: list[str] = field(default_factory=list)
    deleted: int = 0
    hidden: int = 0
    bullets: int = 0
    headings: list[tuple[int, int]] = field(default_factory=list)  # (line, depth)
    sizes: Counter[int] = field(default_factory=Counter)  # characters per font size
    firsts: list[tuple[int, bool, bool, int]] = field(default_factory=list)  # first lines' look
    tables: int = 0

    def chain(self, style_id: str) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            s = self.styles[style_id]
            yield s
            style_id = s.based_on

    def style_value(self, style_id: str, attr: str) -> Any:
        """The first value the style or a style it is based on sets (None: none does)."""
        for s in self.chain(style_id):
            v = getattr(s, attr)
            if v is not None and v != "":
                return v
        return None


def read(data: bytes) -> Reading:
    """A .docx file's bytes → a :class:`Reading` (see the module docstring).

    Raises :class:`~pipeline.errors.DecodeError` for a file python-docx cannot open
    (damaged, a macro-enabled or template file, not a Word file after all).
    """
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:
        # (AttributeError, KeyError, lxml's XMLSyntaxError …): whatever it is, the file caused it
        raise DecodeError(
            f"cannot read the Word file ({_why(e)}) — it may be damaged or incomplete;"
            " open it in Word/WPS/LibreOffice and save it again as .docx"
        ) from None
    part = document.part
    styles_root = _part_root(document, "styles")
    styles = _styles(styles_root)
    style_num = {sid: s.num_id for sid, s in styles.items() if s.num_id}
    numbering = Numbering.parse(_part_root(document, "numbering"), style_num)
    reading = Reading("docx", form="docx")
    doc = _Doc(styles, numbering, _notes(part), reading)
    doc.default_size = _default_size(styles_root)
    body = document.element.body
    _blocks(body, doc)
    _headers_footers(document, doc)
    _finish(doc)
    return reading


def _why(e: BaseException) -> str:
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    return text[:100]


def _part_root(document: Any, kind: str) -> Any:
    """The root element of the document's styles or numbering part (None if absent)."""
    try:
        return document.styles.element if kind == "styles" else document.part.numbering_part.element
    except Exception:
        return None


def _default_size(root: Any) -> int:
    if root is None:
        return 0
    el = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    v = str(el.get(W + "val", "")) if el is not None else ""
    return int(v) if v.isdigit() else 0


def _notes(part: Any) -> dict[str, list[str]]:
    """Footnote and endnote texts by id (separators left out)."""
    from lxml import etree

    out: dict[str, list[str]] = {}
    for rel in part.rels.values():
        if rel.reltype not in (_FOOTNOTES, _ENDNOTES) or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        kind = "fn" if rel.reltype == _FOOTNOTES else "en"
        for note in root:
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            texts = [_plain(p) for p in note.iter(W + "p")]
            out[f"{kind}{note.get(W + 'id')}"] = [t for t in texts if t]
    return out


def _plain(el: Any) -> str:
    """The text of an element, fields' codes and deletions left out (headers, notes)."""
    out: list[str] = []
    depth = 0  # inside a field's code
    for node in el.iter(W + "t", W + "tab", W + "fldChar", W + "instrText", W + "br"):
        tag = node.tag
        if tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            depth = depth + 1 if kind == "begin" else 0 if kind == "separate" else depth
        elif depth:
            continue
        elif tag == W + "t" and not _in(node, W + "del"):
            out.append(node.text or "")
        elif tag in (W + "tab", W + "br"):
            out.append(" ")
    return "".join(out).strip()


def _in(node: Any, tag: str) -> bool:
    p = node.getparent()
    while p is not None:
        if p.tag == tag:
            return True
        p = p.getparent()
    return False


def _headers_footers(document: Any, doc: _Doc) -> None:
    """Every header and footer text of the old file, recorded as removed (once each)."""
    seen: set[tuple[str, str]] = set()
    for section in document.sections:
        for attr, reason in (
            ("first_page_header", "page-header"),
            ("header", "page-header"),
            ("even_page_header", "page-header"),
            ("first_page_footer", "page-footer"),
            ("footer", "page-footer"),
            ("even_page_footer", "page-footer"),
        ):
            try:
                part = getattr(section, attr)
                if part.is_linked_to_previous:
                    continue
                element = part._element
            except (KeyError, AttributeError, ValueError):
                continue
            for p in element.iter(W + "p"):
                text = _plain(p)
                if text and (text, reason) not in seen:
                    seen.add((text, reason))
                    doc.reading.drop(text, reason, 1 if reason == "page-header" else 0)


# ---------------------------------------------------------------- the body


def _blocks(parent: Any, doc: _Doc) -> None:
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            _paragraph(child, doc)
        elif tag == W + "tbl":
            _table(child, doc)
        elif tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent")
            _blocks(content if content is not None else child, doc)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _blocks(choice, doc)


@dataclass
class _Runs:
    spans: list[Span] = field(default_factory=list)
    fields: list[bool] = field(default_factory=list)  # per open field: in its result part


def _runs(el: Any, doc: _Doc, out: _Runs, base_bold: bool) -> None:
    """The runs under ``el`` in order, into ``out`` (text boxes, notes and images noted)."""
    for child in el:
        tag = child.tag
        if tag == W + "r":
            _run(child, doc, out, base_bold)
        elif tag in _CONTAINERS:
            _runs(child, doc, out, base_bold)
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _runs(content, doc, out, base_bold)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _runs(choice, doc, out, base_bold)
        elif tag in (W + "del", W + "moveFrom"):
            doc.deleted += 1


def _run(r: Any, doc: _Doc, out: _Runs, base_bold: bool) -> None:
    rpr = r.find(W + "rPr")
    bold = base_bold
    if rpr is not None:
        style_bold = doc.style_value(_val(rpr, "rStyle"), "bold")
        direct = _on(rpr.find(W + "b"))
        bold = direct if direct is not None else style_bold if style_bold is not None else base_bold
        if _on(rpr.find(W + "vanish")):
            doc.hidden += 1
            return
        sz = _val(rpr, "sz")
    else:
        sz = ""
    in_code = any(not result for result in out.fields)
    texts: list[str] = []
    for node in r:
        tag = node.tag
        if tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                out.fields.append(False)
            elif kind == "separate" and out.fields:
                out.fields[-1] = True
            elif kind == "end" and out.fields:
                out.fields.pop()
            in_code = any(not result for result in out.fields)
        elif in_code:
            continue
        elif tag == W + "t":
            texts.append(node.text or "")
        elif tag in (W + "tab", W + "ptab"):
            texts.append(" ")
        elif tag in (W + "br", W + "cr"):
            texts.append("\n")
        elif tag == W + "noBreakHyphen":
            texts.append("-")
        elif tag == W + "sym":
            code = int(str(node.get(W + "char", "0")), 16) if node.get(W + "char") else 0
            if code and not 0xF000 <= code <= 0xF0FF:  # Symbol/Wingdings private codes
                texts.append(chr(code))
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            kind = "fn" if tag == W + "footnoteReference" else "en"
            doc.note_count += 1
            texts.append(f"[{doc.note_count}]")
            doc.cited.append(
                f"[{doc.note_count}] " + "".join(doc.notes.get(f"{kind}{node.get(W + 'id')}", []))
            )
        elif tag in (W + "drawing", W + "pict", MC + "AlternateContent"):
            _object(node, doc)
    text = "".join(texts)
    if text:
        out.spans.append((text, bool(bold)))
        size = int(sz) if sz.isdigit() else 0
        doc.sizes[size] += len(text.strip())


def _object(node: Any, doc: _Doc) -> None:
    """A drawing: a text box's content is kept for after the paragraph, an image's
    description noted (only the first choice of an mc:AlternateContent is read)."""
    if node.tag == MC + "AlternateContent":
        choice = node.find(MC + "Choice")
        node = choice if choice is not None else node.find(MC + "Fallback")
        if node is None:
            return
    for box in node.iter(_WPS_TXBX, _VML_TEXTBOX):
        content = box.find(W + "txbxContent")
        if content is not None:
            doc.boxes.append(content)
            doc.box_count += 1
            return
    if next(node.iter(_PIC, _VML_IMAGE), None) is not None:
        doc.images += 1
        pr = next(node.iter(_DOCPR), None)
        alt = str(pr.get("descr", "") or pr.get("title", "")).strip() if pr is not None else ""
        if alt:
            doc.alts.append(alt)


def _paragraph(p: Any, doc: _Doc, *, in_table: bool = False) -> list[str]:
    """One ``w:p``: its numbering marker, runs and hints; returns its lines (in a table
    cell the lines are the cell's, not added to the reading)."""
    ppr = p.find(W + "pPr")
    style_id = _val(ppr, "pStyle")
    base_bold = bool(doc.style_value(style_id, "bold"))
    out = _Runs()
    doc.boxes, doc.cited, doc.alts = [], [], []
    _runs(p, doc, out, base_bold)
    marker, bullet = _marker(ppr, style_id, doc)
    lines = _split(out.spans)
    boxes, cited, alts = doc.boxes, doc.cited, doc.alts
    if in_table:
        texts = ["".join(t for t, _ in spans).strip() for spans in lines]
        for content in boxes:
            for q in content.iter(W + "p"):
                texts += _paragraph(q, doc, in_table=True)
        return [marker + " ".join(t for t in texts if t), *cited, *alts]
    r = doc.reading
    depth, kind = _heading_kind(style_id, ppr, doc)
    for k, spans in enumerate(lines):
        text = "".join(t for t, _ in spans).strip()
        if not text and not (k == 0 and marker):
            continue
        prefix = marker if k == 0 else ""
        if k == 0 and kind == "title":
            r.add(prefix + text, "title")
        elif k == 0 and kind == "subtitle":
            r.add(prefix + text, "subtitle")
        elif k == 0 and kind == "heading":
            no = r.add(prefix + text)
            doc.headings.append((no, depth))
        else:
            no = r.add_paragraph(spans, prefix, item=k == 0 and bullet)
            if len(doc.firsts) < 3 and k == 0:
                doc.firsts.append(
                    (no, _centered(ppr, style_id, doc), _all_bold(spans), _size(p, style_id, doc))
                )
    for alt in alts:
        r.add(alt)
    for content in boxes:
        _blocks(content, doc)
    for note in cited:
        r.add(note)
    return []


def _split(spans: list[Span]) -> list[list[Span]]:
    """Spans split at line breaks (a ``w:br`` starts a new line of its own)."""
    lines: list[list[Span]] = [[]]
    for text, bold in spans:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            if part:
                lines[-1].append((part, bold))
    return lines


def _marker(ppr: Any, style_id: str, doc: _Doc) -> tuple[str, bool]:
    """The paragraph's automatic numbering marker as printed, and whether it is a bullet."""
    num = ppr.find(W + "numPr") if ppr is not None else None
    num_id = _val(num, "numId") or (doc.style_value(style_id, "num_id") or "")
    if not num_id or num_id == "0":
        return "", False
    ilvl_text = _val(num, "ilvl")
    if ilvl_text.isdigit():
        ilvl = int(ilvl_text)
    else:
        style_level = doc.style_value(style_id, "ilvl")
        found = doc.numbering.level_of_style(num_id, style_id)
        ilvl = style_level if style_level is not None else found if found is not None else 0
    marker, suffix = doc.numbering.marker(num_id, ilvl)
    num_def = doc.numbering.nums.get(num_id)
    level = num_def.levels.get(ilvl) if num_def is not None else None
    if level is not None and level.fmt == "bullet":
        doc.bullets += 1
        return "", True
    marker = marker.strip()
    if marker and suffix != "nothing" and marker[-1].isascii() and marker[-1] not in ".)":
        marker += " "
    return marker, False


def _heading_kind(style_id: str, ppr: Any, doc: _Doc) -> tuple[int, str]:
    """(depth, "title" | "subtitle" | "heading" | "") from the style and outline level."""
    for s in doc.chain(style_id):
        name = s.name.strip().lower()
        if name in _TITLE_NAMES:
            return 0, "title"
        if name in _SUBTITLE_NAMES:
            return 0, "subtitle"
        m = _HEADING_NAME.match(name)
        if m:
            return int(m.group(1)), "heading"
    outline = _val(ppr, "outlineLvl")
    level = int(outline) if outline.isdigit() else doc.style_value(style_id, "outline")
    if level is not None and 0 <= level < 9:
        return level + 1, "heading"
    return 0, ""


def _centered(ppr: Any, style_id: str, doc: _Doc) -> bool:
    jc = _val(ppr, "jc")
    if jc:
        return jc == "center"
    return bool(doc.style_value(style_id, "center"))


def _all_bold(spans: list[Span]) -> bool:
    return bool(spans) and all(b for t, b in spans if t.strip())


def _size(p: Any, style_id: str, doc: _Doc) -> int:
    sizes = [int(v) for v in (_val(r.find(W + "rPr"), "sz") for r in p.iter(W + "r")) if v.isdigit()]
    return max(sizes) if sizes else int(doc.style_value(style_id, "size") or doc.default_size or 0)


def _table(tbl: Any, doc: _Doc) -> None:
    """A table → one line per row (cells joined by tabs) with table hints; a table of one
    cell is read as the text it holds."""
    rows_el = tbl.findall(W + "tr")
    cells_el = [tr.findall(W + "tc") for tr in rows_el]
    if len(rows_el) == 1 and len(cells_el[0]) == 1:
        _blocks(cells_el[0][0], doc)
        return
    grid: list[list[list[Any]]] = []  # rows of [text, rowspan, colspan]
    above: dict[int, list[Any]] = {}  # column → the cell a vMerge continues
    header = 0
    for k, (tr, tcs) in enumerate(zip(rows_el, cells_el, strict=True)):
        trpr = tr.find(W + "trPr")
        if trpr is not None and _on(trpr.find(W + "tblHeader")) and header == k:
            header += 1
        row: list[list[Any]] = []
        col = int(_val(trpr, "gridBefore") or 0) if trpr is not None else 0
        for tc in tcs:
            tcpr = tc.find(W + "tcPr")
            span = int(_val(tcpr, "gridSpan") or 1) if tcpr is not None else 1
            merge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if merge is not None and merge.get(W + "val", "continue") == "continue" and col in above:
                above[col][1] += 1
                col += span
                continue
            texts: list[str] = []
            for child in tc:
                if child.tag == W + "p":
                    texts += _paragraph(child, doc, in_table=True)
                elif child.tag == W + "tbl":
                    texts += [" ".join(c.text for row_ in _nested(child, doc) for c in row_)]
            cell = [" ".join(t for t in texts if t.strip()).replace("\t", " "), 1, span]
            row.append(cell)
            above[col] = cell
            col += span
        grid.append(row)
    kept = [row for row in grid if any(c[0].strip() for c in row)]
    if not kept:
        return
    doc.tables += 1
    for k, row in enumerate(kept):
        cells = tuple(Cell(t, rs, cs) for t, rs, cs in row)
        doc.reading.add(
            "\t".join(c.text for c in cells),
            "table",
            group=doc.tables,
            row=k,
            cells=cells,
            header_rows=min(header, len(kept)),
        )


def _nested(tbl: Any, doc: _Doc) -> list[list[Cell]]:
    return [
        [Cell(" ".join(t for p in tc.iter(W + "p") for t in [_plain(p)] if t)) for tc in tr.findall(W + "tc")]
        for tr in tbl.findall(W + "tr")
    ]


def _finish(doc: _Doc) -> None:
    """Title and heading levels once every paragraph is read; the notices."""
    from pipeline.model import Hint

    r = doc.reading
    hints = {h.line: h for h in r.hints}
    heads = doc.headings
    title_line = 0
    if not any(h.kind == "title" for h in r.hints):
        first = hints.get(1)
        if heads and heads[0][0] == 1 and all(d > heads[0][1] for _, d in heads[1:]):
            title_line, heads = 1, heads[1:]  # a lone top heading opening the file
        elif doc.firsts and doc.firsts[0][0] == 1 and (first is None or first.kind == "heading"):
            _, centered, bold, size = doc.firsts[0]
            body = doc.sizes.most_common(1)[0][0] if doc.sizes else 0
            if centered and (bold or (size and body and size > body)) and len(r.lines[0]) <= TITLE_MAX:
                title_line = 1  # a centred, larger or bold first paragraph
    rank = {d: k for k, d in enumerate(sorted({d for _, d in heads}), 1)}
    new = [h for h in r.hints if h.line != title_line]
    new += [Hint(no, "heading", min(rank[d], 4)) for no, d in heads]
    if title_line:
        new.append(Hint(title_line, "title"))
    r.hints = sorted(new, key=lambda h: h.line)
    if doc.box_count:
        r.note(
            "text-box",
            f"{doc.box_count} text box(es): kept as body text after the paragraph each is anchored to",
        )
    if doc.note_count:
        r.note("footnote", f"{doc.note_count} footnote(s): kept as text, [n] in the paragraph and after it")
    if doc.images:
        r.note(
            "image", f"{doc.images} picture(s) left out (their descriptions, where they have one, are kept)"
        )
    if doc.deleted:
        r.note("tracked-changes", "tracked deletions left out, tracked insertions kept")
    if doc.hidden:
        r.note("hidden-text", f"{doc.hidden} run(s) of hidden text left out")
    if doc.numbering.unknown:
        r.note(
            "numbering", f"numbering format(s) {', '.join(sorted(doc.numbering.unknown))} printed as 1, 2, 3"
        )
