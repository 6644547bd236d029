"""Build the Markdown, DOCX and PDF test inputs of issue 16 from real texts, with their keys.

    python tools/build_format_fixtures.py [--only md|docx|pdf] [--out tests/fixtures/formats]

Every input is made from a real text whose answer key exists (the seeds' keys in
``../shared/gold``, the genre and held-out corpora's ``*.expected.json``): the key's
documents are written out the way the tool in question writes them —

* **Markdown** in the styles chat assistants produce (a lone ``#`` title, a draft that
  starts at ``##``, a bold first line for a title, bold paragraphs for headings, every
  heading at one depth with its numbering typed, bold run-in heads, ordered and
  unordered lists, a pipe table, an image, a link, a quote, YAML front matter, soft
  line wraps, ``#标题`` without its space, web debris pasted along);
* **DOCX** as LibreOffice writes it from a flat ODF document (``soffice --convert-to
  docx``): Title and Heading styles, automatic outline and list numbering (一、 （一）
  1. （1）), a table, running headers and footers with page fields, a text box, a
  footnote, a frame table around the whole text, a custom outline-level style;
* **PDF** by LibreOffice (one and two columns, running headers, "第 N 页 共 M 页") and
  by reportlab (hard-wrapped lines, two columns, a CID font without embedding, "— N —"
  and "1/3" page numbers, several texts in one file);

— and the key is that key's document, changed only where the format says something
else (a list item's written marker; the rows of a table a draft adds; the text of an
image's description or of a footnote; the running headers and page numbers, which go
to ``removed``).  Each change is listed in the key's ``notes``.

The outputs are committed (building needs LibreOffice and the fonts, and LibreOffice's
bytes differ from run to run); ``tools/format_eval.py`` scores them.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold"
GENRE = ROOT / "tests" / "fixtures" / "genre"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
OUT = ROOT / "tests" / "fixtures" / "formats"

Doc = dict[str, Any]


def source(name: str) -> dict[str, Any]:
    """A key by its stem, from the seeds' gold or the two corpora."""
    for path in (GOLD / f"{name}.json", GENRE / f"{name}.expected.json", HELDOUT / f"{name}.expected.json"):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    raise SystemExit(f"no key named {name}")


def docs(name: str, *which: int) -> list[Doc]:
    tree = source(name)
    documents = tree["documents"]
    return [copy.deepcopy(documents[i]) for i in (which or range(len(documents)))]


def label(b: dict[str, Any]) -> str:
    """A heading's number and text as a source prints them: "1 问题的提出" (a bare
    decimal number is set off by a space), "一、总体要求"."""
    number = b.get("number", "")
    return number + (" " if number[-1:].isdigit() else "") + b["text"]


def printed(b: dict[str, Any]) -> str:
    if b["type"] == "heading":
        return label(b) + (b.get("tail") or "")
    return str(b.get("text", ""))


def key(
    documents: list[Doc], name: str, notes: list[str], removed: list[dict[str, str]] = ()
) -> dict[str, Any]:
    return {
        "schema": "doc-tree/2",
        "source": name,
        "documents": documents,
        "removed": list(removed),
        "notes": notes,
    }


def write(out: Path, name: str, data: bytes | str, tree: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    stem = name.rsplit(".", 1)[0]
    text = json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    (out / f"{stem}.expected.json").write_text(text, encoding="utf-8")


# ================================================================ Markdown


def md_heading(b: Doc, depth: int) -> str:
    return "#" * depth + " " + label(b)


def md_runin(b: Doc) -> str:
    return f"**{label(b)}**{b.get('tail', '')}"


def md_blocks(doc: Doc, depth_of: Callable[[int], int], *, wrap: int = 0, tight: bool = False) -> list[str]:
    """The blocks as Markdown paragraphs: headings at ``depth_of(level)``, run-in ones
    (with a tail) as bold leads, the rest as paragraphs (soft-wrapped at ``wrap``)."""
    out = []
    for b in doc["blocks"]:
        if b["type"] == "heading" and b.get("tail"):
            out.append(md_runin(b))
        elif b["type"] == "heading":
            line = md_heading(b, depth_of(b["level"]))
            out.append(line.replace("# ", "#", 1) if tight else line)
        else:
            text = b["text"]
            if wrap:
                text = "\n".join(text[i : i + wrap] for i in range(0, len(text), wrap))
            out.append(text)
    return out


def md_cases() -> Iterator[tuple[str, str, dict[str, Any]]]:
    # 1. ChatGPT: "# title", "## 一、", "### （一）", rules between the sections
    (d,) = docs("000_9a153adfeeef4269")
    parts = [f"# {d['title']}"]
    for b, text in zip(d["blocks"], md_blocks(d, lambda lv: lv + 1), strict=True):
        if b["type"] == "heading" and b["level"] == 1 and len(parts) > 1:
            parts.append("---")
        parts.append(text)
    yield (
        "md01_chatgpt_seed000.md",
        "\n\n".join(parts) + "\n",
        key([d], "md01", ["a lone # title, ## and ### for the levels, --- rules"]),
    )

    # 2. a draft that starts at ##: the title at ##, levels at ### and ####; 1. and （1）
    #    run-in heads as an ordered list with a nested one
    (d,) = docs("g05_fangan_qinglian")
    parts = [f"## {d['title']}"]
    for b in d["blocks"]:
        if b["type"] == "heading" and b["level"] == 3 and b.get("tail"):
            parts.append(f"{b['number'].rstrip('.．')}. **{b['text']}**{b['tail']}")
        elif b["type"] == "heading" and b["level"] == 4 and b.get("tail"):
            n = b["number"].strip("（）()")
            parts.append(f"   {n}. **{b['text']}**{b['tail']}")
        elif b["type"] == "heading":
            parts.append(md_heading(b, b["level"] + 2))
        else:
            parts.append(b["text"].replace("附件：1．", "附件：1．"))
    text = "\n\n".join(parts)
    # the items of one list stand on consecutive lines (no blank line between): a tight list
    text = text.replace("\n\n   ", "\n   ")
    for n in range(2, 10):
        text = text.replace(f"\n\n{n}. **", f"\n{n}. **")
    yield (
        "md02_starts_at_h2_g05.md",
        text + "\n",
        key([d], "md02", ["the title at ##: levels re-based", "1. and （1） heads as a nested ordered list"]),
    )

    # 3. no heading for the title: a bold first line; headings as bold paragraphs
    (d,) = docs("g13_yaodian_jiguandangjian")
    parts = [f"**{d['title']}**"]
    for b in d["blocks"]:
        if b["type"] == "heading" and b.get("tail"):
            parts.append(md_runin(b))
        elif b["type"] == "heading":
            parts.append(f"**{label(b)}**")
        elif b["text"].startswith(("一是", "二是")):
            head, _, rest = b["text"].partition("，")
            parts.append(f"**{head}，**{rest}")  # a bold enumeration: a paragraph, not a heading
        else:
            parts.append(b["text"])
    yield (
        "md03_bold_title_g13.md",
        "\n\n".join(parts) + "\n",
        key([d], "md03", ["title and headings in bold paragraphs", "一是 in bold stays a paragraph"]),
    )

    # 4. every heading at ## whatever its level: the typed numbering sets the levels
    (d,) = docs("002_3341814f88bcb719", 0)
    parts = [f"# {d['title']}"] + [
        md_runin(b)
        if b["type"] == "heading" and b.get("tail")
        else f"## {label(b)}"
        if b["type"] == "heading"
        else b["text"]
        for b in d["blocks"]
    ]
    yield (
        "md04_one_depth_seed002.md",
        "\n\n".join(parts) + "\n",
        key([d], "md04", ["一、 and （一） both typed inside ##: levels from the numbering"]),
    )

    # 5. a 通知 with front matter, a table, an image, a link and a quote
    (d,) = docs("h04_zhengfu_xinxigongkai_neilao")
    blocks = d["blocks"]
    number = blocks[0]["text"]  # X政办发〔2024〕15号
    d["blocks"] = blocks[1:]
    d["head"] = {
        "copy_number": "",
        "classification": "",
        "urgency": "",
        "issuer": "XX市人民政府办公室",
        "doc_number": number,
        "signers": [],
    }
    heads = [b for b in d["blocks"] if b["type"] == "heading" and b["level"] == 1]
    rows = [["序号", "重点工作"]] + [[str(i), b["text"]] for i, b in enumerate(heads, 1)]
    table = {"type": "table", "caption": "", "header_rows": 1, "rows": rows}
    alt = "城市内涝治理工作流程图"
    parts = [
        "---",
        "issuer: XX市人民政府办公室",
        f"doc_number: {number}",
        "author: 智能写作助手",
        "---",
        "",
        f"# {d['title']}",
    ]
    body = []
    for _k, b in enumerate(d["blocks"]):
        if b["type"] == "heading" and b.get("tail"):
            body.append(md_runin(b))
        elif b["type"] == "heading":
            body.append(md_heading(b, 2))
        elif b["text"].startswith("（此件"):
            body.append("> " + b["text"])
        elif "《" in b["text"] and "》" in b["text"] and not any("](" in x for x in body):
            t = b["text"]
            body.append(t.replace("《", "[《", 1).replace("》", "》](https://www.mem.gov.cn/)", 1))
        else:
            body.append(b["text"])
    at = next(i for i, b in enumerate(d["blocks"]) if b["type"] == "heading" and b["level"] == 1)
    md_table = "| 序号 | 重点工作 |\n|:---:|---|\n" + "\n".join(f"| {r[0]} | {r[1]} |" for r in rows[1:])
    body[at:at] = ["主要工作安排如下表：", md_table, f"![{alt}](images/flow.png)"]
    d["blocks"][at:at] = [
        {"type": "paragraph", "text": "主要工作安排如下表："},
        table,
        {"type": "paragraph", "text": alt},
    ]
    text = "\n".join(parts) + "\n" + "\n\n".join(body) + "\n"
    yield (
        "md05_notice_table_h04.md",
        text,
        key(
            [d],
            "md05",
            [
                "front matter: issuer and doc_number into head; author is not metadata",
                "a sentence, a table of the level-1 headings and an image (its alt text) added before 一、",
                "the 发文字号 line moved into the front matter",
            ],
            [{"text": "author: 智能写作助手", "reason": "front-matter"}],
        ),
    )

    # 6. pasted from a page: web debris, soft wraps, "#一、" without the space
    tree = source("003_8abec854f57bbb5b")
    (d,) = docs("003_8abec854f57bbb5b")
    top = [r for r in source("g05_fangan_qinglian")["removed"] if r["reason"] in ("breadcrumb", "page-meta")]
    bottom = tree["removed"][:6]  # 相关推荐 and the first links under it
    body = md_blocks(d, lambda lv: lv + 1, wrap=38, tight=True)
    lines = (
        [c["text"] for c in top] + [f"# {d['title']}"] * bool(d["title"]) + body + [c["text"] for c in bottom]
    )
    yield (
        "md06_pasted_cruft_seed003.md",
        "\n\n".join(lines) + "\n",
        key(
            [d],
            "md06",
            [
                "web debris pasted along: a breadcrumb and page metadata first, related links last",
                "paragraphs soft-wrapped at 38",
                "#一、 typed without the space",
            ],
            top + bottom,
        ),
    )

    # 7. unordered lists: the 1. heads as "- " items (the reader writes 1. 2. 3.)
    (d,) = docs("g01_diaoyan_jitijingji")
    parts = [f"# {d['title']}"]
    for b in d["blocks"]:
        if b["type"] == "heading" and b["level"] == 3 and b.get("tail"):
            parts.append(f"- **{b['text']}**{b['tail']}")
        elif b["type"] == "heading" and b.get("tail"):
            parts.append(md_runin(b))
        elif b["type"] == "heading":
            parts.append(md_heading(b, b["level"] + 1))
        else:
            parts.append(b["text"])
    text = "\n\n".join(parts)
    text = text.replace("\n\n- ", "\n- ")
    yield (
        "md07_bullets_g01.md",
        text + "\n",
        key([d], "md07", ["1. heads as a bullet list: the reader writes 1. 2. 3."]),
    )


# ================================================================ ODF → DOCX and PDF (LibreOffice)

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Fang" svg:font-family="FandolFang"/>
 <style:font-face style:name="Hei" svg:font-family="Noto Sans CJK SC"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:line-height="150%"/>
  <style:text-properties style:font-name="Fang" style:font-name-asian="Fang" fo:font-size="16pt" style:font-size-asian="16pt"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="0.45in"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties style:font-name-asian="Hei" style:font-name="Hei"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2in"/>
  <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
 <style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3"/>
 <style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4"/>
 <style:style style:name="Level1" style:display-name="一级标题" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
 <style:style style:name="Level2" style:display-name="二级标题" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
 <text:outline-style style:name="Outline">
  {outline}
 </text:outline-style>
 <text:list-style style:name="L3"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
  <text:list-level-style-number text:level="2" style:num-format="1" style:num-prefix="（" style:num-suffix="）"/></text:list-style>
 <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2in"/></style:style>
 <style:style style:name="Big" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.3in"/></style:section-properties></style:style>
 <style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="paragraph" style:horizontal-pos="center" style:horizontal-rel="paragraph" fo:border="0.5pt solid #000000" fo:padding="0.05in"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  {header}{footer}
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"
OUTLINE_CN = (
    '<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
    '<text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>'
    '<text:outline-level-style text:level="3" style:num-format="1" style:num-suffix="."/>'
    '<text:outline-level-style text:level="4" style:num-format="1" style:num-prefix="（" style:num-suffix="）"/>'
)
OUTLINE_NONE = '<text:outline-level-style text:level="1" style:num-format=""/>'
PAGE_OF = '第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页'
DASH_PAGE = '— <text:page-number text:select-page="current">1</text:page-number> —'


def x(text: str) -> str:
    return escape(text)


def fodt(body: str, *, header: str = "", footer: str = "", outline: str = OUTLINE_CN) -> str:
    head = (
        f'<style:header><text:p text:style-name="Standard">{header}</text:p></style:header>' if header else ""
    )
    foot = (
        f'<style:footer><text:p text:style-name="Standard"><text:tab/>{footer}</text:p></style:footer>'
        if footer
        else ""
    )
    return (
        FODT_HEAD.replace("{outline}", outline).replace("{header}", head).replace("{footer}", foot)
        + body
        + FODT_TAIL
    )


def p(text: str, style: str = "Body") -> str:
    return f'<text:p text:style-name="{style}">{x(text)}</text:p>\n'


def p_runin(head: str, tail: str, style: str = "Body") -> str:
    return f'<text:p text:style-name="{style}"><text:span text:style-name="B">{x(head)}</text:span>{x(tail)}</text:p>\n'


def h(level: int, text: str, style: str = "") -> str:
    style = style or f"Heading_20_{level}"
    return f'<text:h text:style-name="{style}" text:outline-level="{level}">{x(text)}</text:h>\n'


def odf_auto(doc: Doc, *, title_style: str = "Title") -> str:
    """Title style; 一、（一） as Heading 1/2 with automatic outline numbering; 1. and （1）
    heads as automatic list items (a list per section) with their sentence in bold."""
    out = [p(doc["title"], title_style)] if doc["title"] else []
    out += [p(doc["subtitle"], "Sub")] if doc.get("subtitle") else []
    blocks = doc["blocks"]
    k = 0
    while k < len(blocks):
        b = blocks[k]
        if b["type"] == "heading" and b["level"] in (1, 2) and not b.get("tail"):
            out.append(h(b["level"], b["text"]))
        elif b["type"] == "heading" and b["level"] in (3, 4):
            items = []
            while k < len(blocks) and blocks[k]["type"] == "heading" and blocks[k]["level"] in (3, 4):
                items.append(blocks[k])
                k += 1
            out.append(_odf_list(items))
            continue
        elif b["type"] == "heading":
            out.append(p_runin(label(b), b.get("tail", "")))
        else:
            out.append(p(b["text"]))
        k += 1
    return "".join(out)


def _odf_list(items: list[Doc]) -> str:
    xml = '<text:list text:style-name="L3">'
    open_sub = False
    for b in items:
        body = (
            f'<text:p text:style-name="Body"><text:span text:style-name="B">{x(b["text"])}</text:span>{x(b.get("tail", ""))}</text:p>'
            if b.get("tail")
            else f'<text:p text:style-name="Body">{x(b["text"])}</text:p>'
        )
        if b["level"] == 3:
            if open_sub:
                xml += "</text:list></text:list-item>"
                open_sub = False
            elif "<text:list-item>" in xml and not xml.endswith("</text:list-item>"):
                xml += "</text:list-item>"
            xml += "<text:list-item>" + body
        else:
            if not open_sub:
                xml += "<text:list>"
                open_sub = True
            xml += "<text:list-item>" + body + "</text:list-item>"
    if open_sub:
        xml += "</text:list>"
    return xml + "</text:list-item></text:list>\n"


def odf_typed(
    doc: Doc, *, heading_style: Callable[[int], str] | None = None, title_style: str = "Title"
) -> str:
    """Numbers typed in the text; headings in ``heading_style(level)`` ("" = a bold Body paragraph)."""
    out = [p(doc["title"], title_style)] if doc["title"] else []
    out += [p(doc["subtitle"], "Sub")] if doc.get("subtitle") else []
    for b in doc["blocks"]:
        if b["type"] == "heading" and b.get("tail"):
            out.append(p_runin(label(b), b["tail"]))
        elif b["type"] == "heading":
            style = heading_style(b["level"]) if heading_style else ""
            text = label(b)
            out.append(h(b["level"], text, style) if style else p_runin(text, ""))
        else:
            out.append(p(b["text"]))
    return "".join(out)


def odf_table(rows: list[list[str]], header: bool = True) -> str:
    cols = max(len(r) for r in rows)
    xml = (
        f'<table:table table:name="T{len(rows)}"><table:table-column table:number-columns-repeated="{cols}"/>'
    )
    for i, row in enumerate(rows):
        cells = "".join(
            f'<table:table-cell><text:p text:style-name="Standard">{x(c)}</text:p></table:table-cell>'
            for c in row
        )
        r = f"<table:table-row>{cells}</table:table-row>"
        xml += f"<table:table-header-rows>{r}</table:table-header-rows>" if i == 0 and header else r
    return xml + "</table:table>\n"


def text_box(anchor: str, boxed: str) -> str:
    return (
        '<text:p text:style-name="Body"><draw:frame draw:style-name="fr1" text:anchor-type="paragraph" '
        'svg:width="14cm" draw:z-index="0"><draw:text-box fo:min-height="1cm">'
        f'<text:p text:style-name="Standard">{x(boxed)}</text:p></draw:text-box></draw:frame>{x(anchor)}</text:p>\n'
    )


def footnote(text: str, note: str) -> str:
    return (
        f'<text:p text:style-name="Body">{x(text)}<text:note text:id="n1" text:note-class="footnote">'
        f"<text:note-citation>1</text:note-citation><text:note-body><text:p>{x(note)}</text:p></text:note-body>"
        "</text:note></text:p>\n"
    )


def office_cases() -> Iterator[tuple[str, str, dict[str, Any], tuple[str, ...]]]:
    """(stem, FODT, key, formats LibreOffice writes of it)."""
    header, footer = "XX县市场监督管理局", PAGE_OF
    (d,) = docs("g05_fangan_qinglian")
    removed = [
        {"text": header, "reason": "page-header"},
        {"text": "第 1 页 共 2 页", "reason": "page-footer"},
    ]
    yield (
        "lo01_auto_numbering_g05",
        fodt(odf_auto(d), header=header, footer=footer),
        key(
            [d],
            "lo01",
            [
                "Title style; 一、（一） by outline numbering; 1. and （1） by list numbering, heads in bold",
                "header and footer (第 N 页 共 M 页) dropped",
            ],
            removed,
        ),
        ("docx", "pdf"),
    )

    (d,) = docs("h06_zhenggai_xuncha_sijibiaoti")
    blocks = d["blocks"]
    # the text box holds the second of two paragraphs in a row, anchored in the first
    anchor = next(
        i for i in range(len(blocks) - 1) if blocks[i]["type"] == blocks[i + 1]["type"] == "paragraph"
    )
    body = odf_typed(
        {"title": d["title"], "blocks": blocks[:anchor]}, heading_style=lambda lv: f"Heading_20_{lv}"
    )
    body += text_box(blocks[anchor]["text"], blocks[anchor + 1]["text"])
    body += odf_typed(
        {"title": "", "blocks": blocks[anchor + 2 :]}, heading_style=lambda lv: f"Heading_20_{lv}"
    )
    yield (
        "lo02_textbox_h06",
        fodt(body, footer=DASH_PAGE, outline=OUTLINE_NONE),
        key(
            [d],
            "lo02",
            [
                "numbers typed; Heading 1–4 styles without numbering",
                "a text box anchored in the paragraph before it",
            ],
            [{"text": "— 1 —", "reason": "page-footer"}],
        ),
        ("docx", "pdf"),
    )

    (d,) = docs("002_3341814f88bcb719", 0)
    heads = [b for b in d["blocks"] if b["type"] == "heading" and b["level"] == 1]
    rows = [["序号", "调研内容"]] + [[str(i), b["text"]] for i, b in enumerate(heads, 1)]
    body = odf_typed(
        {"title": d["title"], "blocks": d["blocks"][:1]}, heading_style=lambda lv: f"Heading_20_{lv}"
    )
    body += p("本次调研的内容见下表：") + odf_table(rows)
    body += odf_typed({"title": "", "blocks": d["blocks"][1:]}, heading_style=lambda lv: f"Heading_20_{lv}")
    d["blocks"][1:1] = [
        {"type": "paragraph", "text": "本次调研的内容见下表："},
        {"type": "table", "caption": "", "header_rows": 1, "rows": rows},
    ]
    yield (
        "lo03_table_seed002",
        fodt(body, header="群众路线教育实践活动", footer=PAGE_OF, outline=OUTLINE_NONE),
        key(
            [d],
            "lo03",
            ["a sentence and a table of the level-1 headings added after the first paragraph"],
            [
                {"text": "群众路线教育实践活动", "reason": "page-header"},
                {"text": "第 1 页 共 3 页", "reason": "page-footer"},
            ],
        ),
        ("docx", "pdf"),
    )

    ds = docs("h09_xinde_sanpian_wubiaoji")
    body = "".join(odf_typed(doc) for doc in ds)
    yield (
        "lo04_three_texts_h09",
        fodt(body, footer=DASH_PAGE),
        key(
            ds,
            "lo04",
            ["three texts, each under a Title-style title"],
            [{"text": "— 1 —", "reason": "page-footer"}],
        ),
        ("docx",),
    )

    (d,) = docs("h04_zhengfu_xinxigongkai_neilao")
    note = "《城镇内涝防治技术规范》（GB 51222—2017）。"
    cite = next(i for i, b in enumerate(d["blocks"]) if b["type"] == "paragraph" and "《" in b["text"])
    inner = odf_typed({"title": d["title"], "blocks": d["blocks"][:cite]}, title_style="Big")
    inner += footnote(d["blocks"][cite]["text"], note)
    inner += odf_typed({"title": "", "blocks": d["blocks"][cite + 1 :]})
    frame = (
        '<table:table table:name="Frame"><table:table-column/><table:table-row><table:table-cell>'
        + inner
        + "</table:table-cell></table:table-row></table:table>\n"
    )
    d["blocks"][cite]["text"] += "[1]"
    d["blocks"].insert(cite + 1, {"type": "paragraph", "text": "[1] " + note})
    yield (
        "lo05_frame_footnote_h04",
        fodt(frame, header="XX市人民政府办公室"),
        key(
            [d],
            "lo05",
            [
                "the whole text in a one-cell table (a frame)",
                "a centred bold 22 pt first paragraph as the title",
                "a footnote: [1] in the text and the note after its paragraph",
            ],
            [{"text": "XX市人民政府办公室", "reason": "page-header"}],
        ),
        ("docx",),
    )

    (d,) = docs("h11_jihua_ganjing_wuzaxiang")
    body = odf_typed(d, heading_style=lambda lv: {1: "Level1", 2: "Level2"}.get(lv, ""), title_style="Big")
    yield (
        "lo06_custom_outline_h11",
        fodt(body, footer=DASH_PAGE, outline=OUTLINE_NONE),
        key(
            [d],
            "lo06",
            [
                "headings in custom styles (一级标题, 二级标题) with outline levels",
                "a centred bold first paragraph as the title",
            ],
            [{"text": "— 1 —", "reason": "page-footer"}],
        ),
        ("docx",),
    )

    (d,) = docs("001_80fc3c0c6ec81ccf")
    body = ""
    for b in d["blocks"]:
        if b["type"] == "heading":
            body += (
                f'<text:list text:style-name="L2" text:continue-numbering="true"><text:list-item><text:p text:style-name="Body">'
                f'<text:span text:style-name="B">{x(b["text"])}</text:span>{x(b.get("tail", ""))}</text:p></text:list-item></text:list>\n'
            )
        else:
            body += p(b["text"])
    yield (
        "lo07_no_title_seed001",
        fodt(body, footer=PAGE_OF, outline=OUTLINE_NONE),
        key(
            [d],
            "lo07",
            ["no title; （一） heads by automatic list numbering (Chinese counting), sentence in bold"],
            [{"text": "第 1 页 共 3 页", "reason": "page-footer"}],
        ),
        ("docx", "pdf"),
    )

    (d,) = docs("g12_diaoyan_zuzhili_xiaoshu")
    body = (
        p(d["title"], "Title")
        + p(d["subtitle"], "Sub")
        + '<text:section text:style-name="Cols" text:name="S1">'
    )
    body += odf_typed({"title": "", "blocks": d["blocks"]}) + "</text:section>\n"
    yield (
        "lo08_two_columns_g12",
        fodt(body, header="基层党建研究", footer=DASH_PAGE, outline=OUTLINE_NONE),
        key(
            [d],
            "lo08",
            ["the body in two columns under a title across the page", "running header and — N — dropped"],
            [{"text": "基层党建研究", "reason": "page-header"}, {"text": "— 1 —", "reason": "page-footer"}],
        ),
        ("pdf",),
    )


def soffice(fodt_dir: Path, fmt: str, out: Path) -> None:
    files = sorted(str(f) for f in fodt_dir.glob("*.fodt"))
    if not files:
        return
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                *files,
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


def furniture_of(pdf: Path) -> list[dict[str, str]]:
    """The header/footer/page-number lines of each page as the key's removed entries
    (the PDF reader's own verdict is what is scored, so they are written from the
    page layout independently: first and last line of each page by pdftotext)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for page in text.split("\f"):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        if lines:
            out.append(lines)
    return [{"text": " ".join(p[0].split()), "reason": "first"} for p in out] + [
        {"text": " ".join(p[-1].split()), "reason": "last"} for p in out
    ]


# ================================================================ reportlab PDFs


def reportlab_pdf(
    documents: list[Doc], *, columns: int = 1, header: str = "", footer: str = "page-of", cid: bool = False
) -> tuple[bytes, list[dict[str, str]]]:
    """A PDF set line by line on a fixed grid (every line full but a paragraph's last: a
    hard-wrapped text), a running header and a page number on every page."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    from pipeline.render.fonts import register_with_reportlab

    if cid:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        body_font = title_font = "STSong-Light"
    else:
        register_with_reportlab()
        body_font, title_font = "FandolFang", "NotoSerifSC-Bold"
    width, height = A4
    margin_x, top, bottom = 70.0, 70.0, 70.0
    size, pitch = 14.0, 24.0
    gap = 24.0
    col_w = (width - 2 * margin_x - (columns - 1) * gap) / columns
    per_line = int(col_w // size)
    lines: list[tuple[str, float, float, bool]] = []  # (text, size, indent, centred)
    for doc in documents:
        if doc["title"]:
            lines.append((doc["title"], 20.0, 0.0, True))
        if doc.get("subtitle"):
            lines.append((doc["subtitle"], size, 0.0, True))
        for b in doc["blocks"]:
            text = printed(b)
            indent = 2 * size
            first = int((col_w - indent) // size)
            chunks = [text[:first]] + [text[i : i + per_line] for i in range(first, len(text), per_line)]
            for k, chunk in enumerate(chunks):
                if chunk:
                    lines.append((chunk, size, indent if k == 0 else 0.0, False))
    # lay out: pages of columns
    pages: list[list[tuple[str, float, float, float, bool]]] = [[]]
    col, y = 0, height - top
    col_top = y  # where a column starts on this page (below a title across the page)
    for text, sz, indent, centred in lines:
        need = pitch * (1.6 if sz > size else 1.0)
        if y - need < bottom:
            col += 1
            y = col_top
            if col >= columns:
                pages.append([])
                col = 0
                y = col_top = height - top
        x0 = margin_x + col * (col_w + gap)
        y -= need
        if centred and col == 0:
            col_top = y - 0.4 * pitch  # the columns start under the title
        pages[-1].append((text, sz, x0 + indent, y, centred))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    removed = []
    total = len(pages)
    for n, page in enumerate(pages, 1):
        if header:
            c.setFont(body_font, 10)
            c.drawString(margin_x, height - 45, header)
            removed.append({"text": header, "reason": "page-header"})
        label = {"page-of": f"第 {n} 页 共 {total} 页", "dash": f"— {n} —", "slash": f"{n}/{total}"}[footer]
        c.setFont(body_font, 10)
        c.drawCentredString(width / 2, 40, label)
        removed.append({"text": label, "reason": "page-number"})
        for text, sz, x0, y, centred in page:
            c.setFont(title_font if sz > size else body_font, sz)
            if centred:
                c.drawCentredString(width / 2, y, text)
            else:
                # justified: each character on the grid, so a full line ends at the column edge
                for k, ch in enumerate(text):
                    c.drawString(x0 + k * size, y, ch)
        c.showPage()
    c.save()
    return buf.getvalue(), removed


def reportlab_cases() -> Iterator[tuple[str, bytes, dict[str, Any]]]:
    ds = docs("002_3341814f88bcb719")
    data, removed = reportlab_pdf(ds, header="群众路线教育实践活动调研报告汇编", footer="page-of")
    yield (
        "rl01_four_texts_seed002.pdf",
        data,
        key(ds, "rl01", ["four texts, hard-wrapped lines, header and 第N页 共M页"], removed),
    )
    (d,) = docs("g10_zongjie_zongzhi_banjiao")
    data, removed = reportlab_pdf([d], columns=2, header="XX街道办事处", footer="dash")
    yield "rl02_two_columns_g10.pdf", data, key([d], "rl02", ["two columns, header, — N —"], removed)
    (d,) = docs("g02_jianghua_anquan")
    data, removed = reportlab_pdf([d], footer="slash", cid=True)
    yield (
        "rl03_cid_font_g02.pdf",
        data,
        key([d], "rl03", ["STSong-Light, not embedded (a CID font); 1/3 page numbers"], removed),
    )
    (d,) = docs("h07_diaoyan_bufen_xiaoshu")
    data, removed = reportlab_pdf([d], columns=2, header="调研与参考", footer="page-of")
    yield "rl04_two_columns_h07.pdf", data, key([d], "rl04", ["two columns, header, 第N页 共M页"], removed)


def gongwen_pdf_case() -> Iterator[tuple[str, bytes, dict[str, Any]]]:
    """A PDF gongwen itself made (reportlab): the title split over two centred lines,
    page numbers — N — on alternate sides."""
    from pipeline.model import from_dict
    from pipeline.render import pdf

    tree = source("g14_xinde_dushuban_biaoti2hang")
    doc = from_dict({**tree, "schema": "doc-tree/1"})
    data = pdf.render(doc.documents[0])
    removed = [{"text": f"— {n} —", "reason": "page-number"} for n in (1, 2)]
    yield (
        "gw01_our_own_g14.pdf",
        data,
        key(copy.deepcopy(tree["documents"]), "gw01", ["gongwen's own PDF of the text"], removed),
    )


# ================================================================ main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=("md", "docx", "pdf"))
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    if a.only in (None, "md"):
        for name, text, tree in md_cases():
            write(a.out / "markdown", name, text, tree)
            print("wrote", name)
    if a.only in (None, "docx", "pdf"):
        if shutil.which("soffice") is None:
            print("error: LibreOffice (soffice) is needed for the DOCX and PDF inputs", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            t = Path(tmp)
            plans = {}
            for stem, xml, tree, formats in office_cases():
                for fmt in formats:
                    if a.only in (None, fmt):
                        (t / fmt).mkdir(exist_ok=True)
                        (t / fmt / f"{stem}.fodt").write_text(xml, encoding="utf-8")
                        plans[(stem, fmt)] = tree
            for fmt in ("docx", "pdf"):
                if (t / fmt).exists():
                    soffice(t / fmt, fmt, t / f"out-{fmt}")
            for (stem, fmt), tree in sorted(plans.items()):
                made = t / f"out-{fmt}" / f"{stem}.{fmt}"
                tree = copy.deepcopy(tree)
                tree["removed"] = (
                    _pdf_furniture(made, tree["removed"]) if fmt == "pdf" else _docx_furniture(made)
                )
                write(a.out / fmt, f"{stem}.{fmt}", made.read_bytes(), tree)
                print("wrote", f"{stem}.{fmt}")
    if a.only in (None, "pdf"):
        for name, data, tree in [*reportlab_cases(), *gongwen_pdf_case()]:
            write(a.out / "pdf", name, data, tree)
            print("wrote", name)
    return 0


def _docx_furniture(path: Path) -> list[dict[str, str]]:
    """The texts of the headers and footers LibreOffice wrote (read from the file's
    parts with a regular expression, not with the reader under test)."""
    import re
    import zipfile

    out = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            m = re.match(r"word/(header|footer)\d*\.xml$", name)
            if not m:
                continue
            xml = z.read(name).decode("utf-8")
            xml = re.sub(r"<w:instrText[^>]*>.*?</w:instrText>", "", xml)
            for para in re.findall(r"<w:p[ >].*?</w:p>", xml):
                text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)).strip()
                if text:
                    out.append({"text": text, "reason": f"page-{m.group(1)}"})
    return out


def _pdf_furniture(pdf: Path, planned: list[dict[str, str]]) -> list[dict[str, str]]:
    """The planned header/footer entries, one per page of the PDF LibreOffice made
    (page numbers counted from the PDF, never from the reader under test)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")))
    out = []
    for n in range(1, pages + 1):
        for r in planned:
            text = r["text"]
            if "第 1 页 共" in text:
                text = f"第 {n} 页 共 {pages} 页"
            elif text == "— 1 —":
                text = f"— {n} —"
            out.append({"text": text, "reason": r["reason"]})
    return out


if __name__ == "__main__":
    sys.exit(main())
