"""The defect corpus of `gongwen check`: DOCX files with one planted defect each, and clean ones.

    python tools/check_corpus.py OUTDIR        (writes the files and manifest.json)

Every file is made here, by script: our renderer writes a clean document (an article built
from the characters of seed 004, so the text does not move when the cleaning rules do),
python-docx/lxml plants one defect, and LibreOffice makes the ones only it makes (a round
trip through LibreOffice turns ``w:overflowPunct`` on).  The clean files lay out what our
renderer did not when this was written (主送, 署名/日期, 版头; issue 15) by the same edits,
and switch ``autoSpaceDE``/``DN`` off (issue 17), so that a clean file is clean at every
level whatever the renderer's version.

:func:`cases` returns ``(name, data, code, clause)`` for each file: the finding the checker
must report (``code`` "" for a clean file, which must have none).  ``needs_render``: the
defect shows only on the rendered page.  The tests build the corpus with it
(``tests/check/test_corpus.py``); ``make bench`` uses :func:`long_docx`.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.model import (  # noqa: E402 - after the path line above
    Article,
    Attachment,
    Date,
    Head,
    Heading,
    Note,
    Paragraph,
    Recipients,
    Signature,
)
from pipeline.render import docx as render_docx  # noqa: E402
from pipeline.render import style  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SEED = ROOT / "seeds" / "004_68c38517b1657e64.txt"
ADVANCE = render_docx.CHAR_ADVANCE_TWIPS  # one 字 of body text, twips


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


# ---------------------------------------------------------------- text


class Text:
    """Deterministic Chinese filler: the seed's hanzi in order, cut into sentences."""

    def __init__(self) -> None:
        self.chars = [c for c in SEED.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"]
        self.pos = 0

    def take(self, n: int) -> str:
        out = []
        for _ in range(n):
            out.append(self.chars[self.pos % len(self.chars)])
            self.pos += 1
        return "".join(out)

    def para(self, n: int) -> str:
        """About ``n`` characters: clauses of 11 with a comma, a full stop at the end."""
        parts = []
        while sum(len(p) + 1 for p in parts) < n:
            parts.append(self.take(11))
        return "，".join(parts) + "。"


def report_article() -> Article:
    """Title, four heading levels (standalone and run-in), body over three pages."""
    t = Text()
    blocks: list[Heading | Paragraph] = [
        Paragraph(t.para(160)),
        Heading(1, "一、", "基本情况"),
        Paragraph(t.para(220)),
        Heading(2, "（一）", "组织建设。", t.para(150)),
        Heading(3, "1.", "强化组织功能"),
        Paragraph(t.para(200)),
        Heading(4, "（1）", "完善工作制度"),
        Paragraph(t.para(260)),
        Heading(1, "二、", "存在问题"),
    ]
    blocks += [Paragraph(t.para(230)) for _ in range(9)]
    blocks += [Heading(2, "（二）", "下一步打算。", t.para(180)), Paragraph(t.para(420))]
    return Article("关于加强基层党组织建设情况的调研报告", "", tuple(blocks))


def notice_article() -> Article:
    """A 通知 with 版头, 主送, 附件说明, 署名, 成文日期 and 附注."""
    t = Text()
    return Article(
        "XX县人民政府关于做好防汛工作的通知",
        "",
        (
            Recipients("各乡镇人民政府，县政府各部门："),
            Paragraph(t.para(150)),
            Paragraph(t.para(100)),
            Attachment("", "防汛工作责任分工表"),
            Signature("某某县人民政府办公室"),
            Date("2024年3月5日"),
            Note("（此件公开发布）"),
        ),
        head=Head(issuer="XX县人民政府文件", doc_number="X政发〔2024〕3号"),
    )


# ---------------------------------------------------------------- editing a DOCX


def edit(data: bytes, part: str, fn: Callable[[etree._Element], None]) -> bytes:
    """``data`` with ``fn`` applied to the parsed XML of ``part``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(blob)
                fn(root)
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info, blob)
    return out.getvalue()


def put(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Replace ``parent``'s ``w:tag`` child with one carrying ``attrs`` (w: names)."""
    for old in parent.findall(q(tag)):
        parent.remove(old)
    e = etree.SubElement(parent, q(tag))
    for k, v in attrs.items():
        e.set(q(k), v)
    return e


def child(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(q(tag))
    if found is None:
        found = etree.Element(q(tag))
        parent.insert(0, found) if tag in ("pPr", "rPr") else parent.append(found)
    return found


def style_el(root: etree._Element, sid: str) -> etree._Element:
    return next(s for s in root.iter(q("style")) if s.get(q("styleId")) == sid)


def para_starting(root: etree._Element, text: str, whole: bool = False) -> etree._Element:
    """The first paragraph whose text starts with (``whole``: is) ``text``."""
    for p in root.iter(q("p")):
        got = "".join(t.text or "" for t in p.iter(q("t")))
        if got == text or (not whole and got.startswith(text)):
            return p
    raise KeyError(text)


def styles(data: bytes, fn: Callable[[etree._Element], None]) -> bytes:
    return edit(data, "word/styles.xml", fn)


def document(data: bytes, fn: Callable[[etree._Element], None]) -> bytes:
    return edit(data, "word/document.xml", fn)


def settings(data: bytes, fn: Callable[[etree._Element], None]) -> bytes:
    return edit(data, "word/settings.xml", fn)


def footers(data: bytes, fn: Callable[[etree._Element], None]) -> bytes:
    for part in ("word/footer1.xml", "word/footer2.xml"):
        data = edit(data, part, fn)
    return data


def in_style(sid: str, fn: Callable[[etree._Element], None], props: str = "rPr") -> Callable[[bytes], bytes]:
    """A defect made by editing the ``props`` of style ``sid``."""
    return lambda d: styles(d, lambda r: fn(child(style_el(r, sid), props)))


def no_autospace(data: bytes) -> bytes:
    """autoSpaceDE/DN off in the document defaults (what issue 17 will make our default)."""

    def fn(root: etree._Element) -> None:
        ppr = root.find(f"{q('docDefaults')}/{q('pPrDefault')}/{q('pPr')}")
        assert ppr is not None
        put(ppr, "autoSpaceDE", val="0")
        put(ppr, "autoSpaceDN", val="0")

    return styles(data, fn)


def _indent(p: etree._Element, **attrs: str) -> None:
    ppr = child(p, "pPr")
    put(ppr, "ind", **attrs)


def lay_out_elements(data: bytes) -> bytes:
    """The notice's elements as GB/T 9704 sets them (what issue 15 will make our renderer do)."""
    sig, date = "某某县人民政府办公室", "2024年3月5日"
    line = style.PAGE.chars

    def width(text: str) -> float:  # ASCII letters and digits are half a 字
        return sum(0.5 if c.isascii() else 1.0 for c in text)

    # 7.3.5.2: 署名右空二字, the date's first character two right of the 署名's (the 署名
    # here is longer than the date, so neither moves for it)
    sig_right = style.SIGNATURE_RIGHT_CHARS
    assert width(date) <= width(sig)

    def fn(root: etree._Element) -> None:
        # 版头 first (a renderer that printed the head's lines after the title: issue 15)
        title = para_starting(root, "XX县人民政府关于")
        paras = list(root.iter(q("p")))
        if paras.index(para_starting(root, "XX县人民政府文件")) > paras.index(title):
            for text in ("X政发", "XX县人民政府文件"):
                title.addprevious(para_starting(root, text))
        issuer = para_starting(root, "XX县人民政府文件")
        put(child(issuer, "pPr"), "jc", val="center")
        _indent(issuer, left="0", right="0", firstLine="0", firstLineChars="0")
        for r in issuer.iter(q("r")):
            rpr = child(r, "rPr")
            put(
                rpr,
                "rFonts",
                eastAsia="方正小标宋简体",
                ascii="方正小标宋简体",
                hAnsi="方正小标宋简体",
                hint="eastAsia",
            )
            put(rpr, "color", val="FF0000")
        number = para_starting(root, "X政发")
        put(child(number, "pPr"), "jc", val="center")
        _indent(number, left="0", right="0", firstLine="0", firstLineChars="0")
        rec = para_starting(root, "各乡镇人民政府")
        _indent(rec, left="0", right="0", firstLine="0", firstLineChars="0")
        # the 署名 right-aligned 右空二字; the date set from the left, its first character two
        # right of the 署名's (first-character positions do not depend on how wide a
        # renderer draws digits)
        p = para_starting(root, sig, whole=True)
        put(child(p, "pPr"), "jc", val="right")
        _indent(
            p,
            left="0",
            right=str(round(sig_right * ADVANCE)),
            rightChars=str(round(sig_right * 100)),
            firstLine="0",
            firstLineChars="0",
        )
        start = line - sig_right - width(sig) + style.DATE_SHIFT_CHARS
        p = para_starting(root, date, whole=True)
        put(child(p, "pPr"), "jc", val="left")
        _indent(
            p,
            left=str(round(start * ADVANCE)),
            leftChars=str(round(start * 100)),
            right="0",
            firstLine="0",
            firstLineChars="0",
        )

    return document(data, fn)


def clean_report() -> bytes:
    return no_autospace(render_docx.render(report_article()))


def clean_notice() -> bytes:
    return lay_out_elements(no_autospace(render_docx.render(notice_article())))


# ---------------------------------------------------------------- the defects


@dataclass(frozen=True)
class Defect:
    name: str
    code: str  # the finding the checker must give
    clause: str
    make: Callable[[], bytes]
    needs_render: bool = False
    note: str = ""


def _pg_mar(**attrs: str) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        mar = root.find(f".//{q('sectPr')}/{q('pgMar')}")
        assert mar is not None
        for k, v in attrs.items():
            mar.set(q(k), v)

    return lambda d: document(d, fn)


def _sect(tag: str, **attrs: str) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        e = root.find(f".//{q('sectPr')}/{q(tag)}")
        assert e is not None
        for k, v in attrs.items():
            e.set(q(k), v)

    return lambda d: document(d, fn)


def _normal_line(twips: int) -> Callable[[bytes], bytes]:
    return in_style(
        "Normal",
        lambda ppr: put(ppr, "spacing", before="0", after="0", line=str(twips), lineRule="exact"),
        "pPr",
    )


def _footer_text(old: str, new: str) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        for t in root.iter(q("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)

    return lambda d: footers(d, fn)


def _footer_jc(val: str) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        for p in root.iter(q("p")):
            ppr = child(p, "pPr")
            put(ppr, "jc", val=val)
            put(ppr, "ind", left="0", right="0", firstLine="0")

    return lambda d: footers(d, fn)


def _no_even_odd(d: bytes) -> bytes:
    def fn(root: etree._Element) -> None:
        for e in root.findall(q("evenAndOddHeaders")):
            root.remove(e)

    return settings(d, fn)


def _no_footers(d: bytes) -> bytes:
    def fn(root: etree._Element) -> None:
        sect = root.find(f".//{q('sectPr')}")
        assert sect is not None
        for e in sect.findall(q("footerReference")):
            sect.remove(e)

    return document(d, fn)


def _para(start: str, fn: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    return lambda d: document(d, lambda r: fn(para_starting(r, start)))


def _whole(text: str, fn: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    return lambda d: document(d, lambda r: fn(para_starting(r, text, whole=True)))


def _runs(start: str, which: int, fn: Callable[[etree._Element], None]) -> Callable[[bytes], bytes]:
    """Edit the rPr of run ``which`` of the paragraph starting with ``start``."""

    def edit_para(p: etree._Element) -> None:
        runs = p.findall(q("r"))
        fn(child(runs[which], "rPr"))

    return _para(start, edit_para)


def _text(old: str, new: str) -> Callable[[bytes], bytes]:
    def fn(root: etree._Element) -> None:
        for t in root.iter(q("t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise KeyError(old)

    return lambda d: document(d, fn)


def _fonts(name: str) -> Callable[[etree._Element], None]:
    return lambda rpr: put(rpr, "rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name, hint="eastAsia")


def _latin_quotes(d: bytes) -> bytes:
    """A run of the first body paragraph gets “quotes” in Times New Roman, no hint."""

    def fn(p: etree._Element) -> None:
        r = p.find(q("r"))
        assert r is not None
        t = r.find(q("t"))
        assert t is not None
        assert t.text
        t.text = "“" + t.text[:6] + "”" + t.text[6:]
        put(
            child(r, "rPr"),
            "rFonts",
            ascii="Times New Roman",
            hAnsi="Times New Roman",
            eastAsia="仿宋_GB2312",
            hint="default",
        )

    text = Text()
    return _para(text.para(160)[:6], fn)(d)


def _list_lacks_comma(d: bytes) -> bytes:
    def fn(root: etree._Element) -> None:
        e = root.find(q("noLineBreaksBefore"))
        assert e is not None
        e.set(q("val"), e.get(q("val"), "").replace("，", ""))

    return settings(d, fn)


def _heading_in_normal(d: bytes) -> bytes:
    """A level-3 heading typed into Normal with direct formatting: no outline level."""

    def fn(p: etree._Element) -> None:
        ppr = child(p, "pPr")
        put(ppr, "pStyle", val="Normal")

    return _para("1.强化组织功能", fn)(d)


def _keep_next_off(d: bytes) -> bytes:
    return in_style("Heading3", lambda ppr: put(ppr, "keepNext", val="0"), "pPr")(d)


def libreoffice_round_trip(data: bytes) -> bytes:
    """The DOCX opened and saved again by LibreOffice (``--convert-to docx``)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in" / "x.docx"
        src.parent.mkdir()
        src.write_bytes(data)
        profile = (Path(tmp) / "profile").as_uri()
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "docx:MS Word 2007 XML",
                "--outdir",
                tmp,
                str(src),
            ],
            capture_output=True,
            check=True,
            timeout=300,
        )
        return (Path(tmp) / "x.docx").read_bytes()


def heading_at_foot() -> bytes:
    """A standalone heading that lands on the last line of page 1 with keep-with-next off:
    no title, one paragraph of exactly 21 full lines (26 + 20 × 28 hanzi), the heading."""
    t = Text()
    first = t.take(style.PAGE.chars - 2 + 20 * style.PAGE.chars)
    article = Article("", "", (Paragraph(first), Heading(1, "一、", "基本情况"), Paragraph(t.para(300))))
    data = no_autospace(render_docx.render(article))
    return in_style("Heading1", lambda ppr: put(ppr, "keepNext", val="0"), "pPr")(data)


def near_empty_last_page() -> bytes:
    """Two pages where the second holds one line: 22 + 1 full lines of text."""
    t = Text()
    text = t.take(style.PAGE.chars - 2 + 22 * style.PAGE.chars - 6)
    return no_autospace(render_docx.render(Article("", "", (Paragraph(text),))))


def defects() -> list[Defect]:
    rep, note = clean_report, clean_notice
    return [
        Defect("margins-top-30mm", "margins", "5.2.1", lambda: _pg_mar(top=str(round(30 * 56.6929)))(rep())),
        Defect(
            "margins-left-25mm", "margins", "5.2.1", lambda: _pg_mar(left=str(round(25 * 56.6929)))(rep())
        ),
        Defect("paper-letter", "paper-size", "5.1", lambda: _sect("pgSz", w="12240", h="15840")(rep())),
        Defect("line-29pt", "lines-per-page", "5.2.3", lambda: _normal_line(580)(rep())),
        Defect("line-28pt", "line-pitch", "5.2.3", lambda: _normal_line(560)(rep())),
        Defect(
            "no-char-spacing",
            "chars-per-line",
            "5.2.3",
            lambda: in_style("Normal", lambda rpr: put(rpr, "spacing", val="0"))(rep()),
        ),
        Defect(
            "theme-font",
            "theme-font",
            "7.3.3",
            lambda: in_style(
                "Normal",
                lambda rpr: put(
                    rpr,
                    "rFonts",
                    asciiTheme="minorHAnsi",
                    hAnsiTheme="minorHAnsi",
                    eastAsiaTheme="minorEastAsia",
                ),
            )(rep()),
        ),
        Defect("body-songti", "body-face", "7.3.3", lambda: in_style("Normal", _fonts("宋体"))(rep())),
        Defect(
            "heading1-songti", "heading-face", "7.3.3", lambda: in_style("Heading1", _fonts("宋体"))(rep())
        ),
        Defect(
            "heading-blue",
            "text-colour",
            "5.2.4",
            lambda: in_style("Heading1", lambda rpr: put(rpr, "color", val="365F91"))(rep()),
        ),
        Defect(
            "runin-heading-fangsong",
            "heading-face",
            "7.3.3",
            lambda: _runs("（一）", 0, _fonts("仿宋_GB2312"))(rep()),
        ),
        Defect(
            "runin-tail-kaiti",
            "runin-tail-face",
            "7.3.3",
            lambda: _runs("（一）", 1, _fonts("楷体_GB2312"))(rep()),
        ),
        Defect(
            "heading-marker-1dun",
            "heading-marker",
            "7.3.3",
            lambda: _text("1.强化组织功能", "1、强化组织功能")(rep()),
        ),
        Defect("heading-no-outline", "heading-outline", "7.3.3", lambda: _heading_in_normal(rep())),
        Defect("heading-keep-next-off", "keep-with-next", "7.3.3", lambda: _keep_next_off(rep())),
        Defect(
            "title-left",
            "title-align",
            "7.3.1",
            lambda: in_style("Title", lambda ppr: put(ppr, "jc", val="left"), "pPr")(rep()),
        ),
        Defect(
            "title-bold", "title-bold", "7.3.1", lambda: in_style("Title", lambda rpr: put(rpr, "b"))(rep())
        ),
        Defect(
            "title-18pt",
            "title-size",
            "7.3.1",
            lambda: in_style("Title", lambda rpr: put(rpr, "sz", val="36"))(rep()),
        ),
        Defect(
            "body-no-indent",
            "body-indent",
            "7.3.3",
            lambda: in_style(
                "Normal",
                lambda ppr: put(ppr, "ind", left="0", right="0", firstLine="0", firstLineChars="0"),
                "pPr",
            )(rep()),
        ),
        Defect("page-number-hyphens", "page-number-form", "7.5", lambda: _footer_text("—", "-")(rep())),
        Defect("page-number-centred", "page-number-position", "7.5", lambda: _footer_jc("center")(rep())),
        Defect("no-odd-even-footers", "odd-even-footers", "7.5", lambda: _no_even_odd(rep())),
        Defect("no-page-number", "page-number-missing", "7.5", lambda: _no_footers(rep())),
        Defect(
            "page-number-low",
            "page-number-gap",
            "7.5",
            lambda: _pg_mar(footer=str(round(12 * 56.6929)))(rep()),
            needs_render=True,
        ),
        Defect(
            "kinsoku-off",
            "kinsoku-off",
            "9",
            lambda: in_style("Normal", lambda ppr: put(ppr, "kinsoku", val="0"), "pPr")(rep()),
        ),
        Defect("kinsoku-list-lacks-comma", "line-break-lists", "9", lambda: _list_lacks_comma(rep())),
        Defect("latin-quotes", "latin-punct", "9", lambda: _latin_quotes(rep())),
        Defect(
            "widow-control-on",
            "widow-control",
            "5.2.3",
            lambda: in_style("Normal", lambda ppr: put(ppr, "widowControl"), "pPr")(rep()),
        ),
        Defect(
            "body-space-after",
            "body-spacing",
            "5.2.3",
            lambda: in_style(
                "Normal",
                lambda ppr: put(ppr, "spacing", before="0", after="120", line="579", lineRule="exact"),
                "pPr",
            )(rep()),
        ),
        Defect("heading-at-foot", "heading-at-foot", "7.3.3", heading_at_foot, needs_render=True),
        Defect("near-empty-last-page", "near-empty-page", "7.3.5.5", near_empty_last_page, needs_render=True),
        Defect(
            "libreoffice-round-trip",
            "overflow-punct",
            "9",
            lambda: libreoffice_round_trip(rep()),
            needs_render=True,
            note="made by LibreOffice: it reads w:overflowPunct 0 inverted and writes it back as 1",
        ),
        Defect(
            "signature-left",
            "signature-position",
            "7.3.5.2",
            lambda: _whole(
                "某某县人民政府办公室",
                lambda p: (
                    put(child(p, "pPr"), "jc", val="left"),
                    _indent(p, left="0", right="0", firstLine="0"),
                ),
            )(note()),
        ),
        Defect(
            "date-leading-zeros",
            "date-form",
            "7.3.5.4",
            lambda: _text("2024年3月5日", "2024年03月05日")(note()),
        ),
        Defect(
            "recipients-indented",
            "recipients-indent",
            "7.3.2",
            lambda: _para(
                "各乡镇人民政府",
                lambda p: _indent(p, left="0", right="0", firstLine=str(2 * ADVANCE), firstLineChars="200"),
            )(note()),
        ),
        Defect(
            "issuer-black",
            "issuer-colour",
            "7.2.4",
            lambda: _para(
                "XX县人民政府文件",
                lambda p: [put(child(r, "rPr"), "color", val="000000") for r in p.iter(q("r"))],
            )(note()),
        ),
        Defect(
            "doc-number-brackets", "doc-number-form", "7.2.5", lambda: _text("〔2024〕", "[2024]")(note())
        ),
        Defect(
            "attachment-flush-left",
            "attachment-indent",
            "7.3.4",
            lambda: _para(
                "附件：", lambda p: _indent(p, left="0", right="0", firstLine="0", firstLineChars="0")
            )(note()),
        ),
    ]


def cases(render: bool = True) -> Iterator[tuple[str, bytes, str, str]]:
    """``(file name, DOCX bytes, code, clause)``: the clean files (code "") and every
    defect (those needing LibreOffice only when ``render`` and it is installed)."""
    yield "clean-report.docx", clean_report(), "", ""
    yield "clean-notice.docx", clean_notice(), "", ""
    for d in defects():
        if d.needs_render and not (render and shutil.which("soffice")):
            continue
        yield f"{d.name}.docx", d.make(), d.code, d.clause


def long_docx(pages: int = 40) -> bytes:
    """A report of about ``pages`` pages (for `make bench`): the report's blocks repeated
    as often as our PDF of it says ``pages`` needs (LibreOffice's count is within a page)."""
    from pipeline.render import pdf

    base = report_article()
    per_copy = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.render(base)))
    blocks = base.blocks * max(1, round(pages / per_copy))
    return no_autospace(render_docx.render(Article(base.title, "", blocks)))


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("outdir", type=Path)
    a = ap.parse_args()
    a.outdir.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, data, code, clause in cases():
        (a.outdir / name).write_bytes(data)
        manifest.append({"file": name, "code": code, "clause": clause})
    (a.outdir / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"{len(manifest)} files in {a.outdir} ({sum(1 for m in manifest if m['code'])} defects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
