"""The same doc-tree as a Typst document, in the same fonts: what ``make bench`` times Typst on.

    python tools/typst_doc.py INPUT [-o OUT.typ]      # convert INPUT, write its .typ
    python tools/typst_doc.py INPUT --pdf OUT.pdf     # … and let Typst set it

The comparison of the issue "Speed: as fast as a compiled typesetter" (20): a user who
picks Typst for speed would write the 公文 page in Typst's own terms, so the .typ says
what our PDF does with Typst's own means, numbers from :mod:`pipeline.render.style`:
A4 with the GB/T 9704 margins, 16 pt 仿宋 (FandolFang) justified with a two-character
indent on the 28.95 pt pitch and −0.207 pt tracking (28 characters a line), the title
in 22 pt 小标宋 (Noto Serif CJK SC Bold) centred in the lines our title splitter chose,
the subtitle and level-2 headings in 楷体 (AR PL UKai), level 1 in 黑体 (Noto Sans CJK
SC), Latin letters and digits in Liberation Serif, ``— N —`` page numbers odd right /
even left, each article from a page of its own with its page count restarted.  Tables
become Typst tables; the other elements of a 公文 are set as paragraphs in their face.
Typst is given the prepared font folder and the system fonts, so it draws the same
glyphs (Typst breaks lines and fills pages by its own rules: the page counts differ by
a few pages).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.core import convert  # noqa: E402
from pipeline.model import Article, DocTree, Heading, Paragraph, Table  # noqa: E402
from pipeline.render import style  # noqa: E402
from pipeline.render.common import cell_grid  # noqa: E402
from pipeline.render.title import split_title  # noqa: E402

# family names as Typst reads them from the font files (fonts.md §1)
FAMILY = {
    style.FANGSONG.pdf: "FandolFang R",  # its name ID 1: Typst takes "FandolFang" for HanaMinA
    style.XIAOBIAOSONG.pdf: "Noto Serif CJK SC",
    style.HEITI.pdf: "Noto Sans CJK SC",
    style.KAITI.pdf: "AR PL UKai CN",
    style.SONGTI.pdf: "Noto Serif CJK SC",
}
LATIN = "Liberation Serif"


def font_folder(target: Path) -> Path:
    """``target`` filled with links to exactly the fonts our PDF embeds (the prepared
    manifest's files), for Typst with its system fonts ignored: the same glyphs, and no
    other font Typst could take instead (it would take a system OTF of the same family)."""
    from pipeline.render.fonts import font_dir, load_manifest

    target.mkdir(parents=True, exist_ok=True)
    for info in load_manifest(font_dir()).values():
        link = target / info.path.name
        if not link.exists():
            link.symlink_to(info.path)
    return target


def _escape(text: str) -> str:
    """Text as Typst markup: every character that markup would read is escaped."""
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@=-+/[]\"~'":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\u3000")
        elif ch < " ":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _font(face: style.Face, latin: bool = True) -> str:
    fam = FAMILY.get(face.pdf, "Noto Serif CJK SC")
    if latin and face.latin_pdf:
        return f'(LATIN-cover, "{fam}")'.replace("LATIN-cover", f'(name: "{LATIN}", covers: "latin-in-cjk")')
    return f'("{fam}",)'


def _weight(face: style.Face) -> str:
    return ', weight: "bold"' if face is style.XIAOBIAOSONG else ""


def _text(block: style.BlockStyle, body: str, *, indent: bool = True) -> str:
    """One paragraph: Typst's ``par`` in the block's face, size, tracking and alignment."""
    size = block.size
    tracking = style.PAGE.char_pitch - size if size == style.BODY.size else 0.0
    ind = f"{block.indent_chars * style.PAGE.char_pitch:.2f}pt" if indent else "0pt"
    run = f"#text(font: {_font(block.face)}, size: {size}pt{_weight(block.face)}, tracking: {tracking:.3f}pt)[{body}]"
    if block.align == "center":
        return f"#align(center)[{run}]"
    return f"#par(justify: true, first-line-indent: (amount: {ind}, all: true))[{run}]"


def _article(article: Article) -> Iterator[str]:
    if article.title:
        lines = "\\\n".join(_escape(part) for part in split_title(article.title))
        t = style.TITLE
        leading = style.TITLE_LINE_PITCH - t.size
        yield (
            f'#block(width: 100%)[#set text(font: {_font(t.face, False)}, size: {t.size}pt, weight: "bold");'
            f"#set par(leading: {leading:.2f}pt);#align(center)[{lines}]]"
        )
    if article.subtitle:
        yield _text(style.SUBTITLE, _escape(article.subtitle), indent=False)
    if article.title or article.subtitle:
        yield f"#v({style.PAGE.line_pitch}pt)"
    for block in article.blocks:
        if isinstance(block, Heading):
            label = _escape(style.heading_label(block.number, block.text))
            h = style.HEADINGS[block.level]
            if block.tail:
                b = style.BODY
                label += f"#text(font: {_font(b.face)})[{_escape(block.tail)}]"
            yield _text(h, label)
        elif isinstance(block, Paragraph):
            yield _text(style.BODY, _escape(block.text))
        elif isinstance(block, Table):
            yield _table(block)
        else:
            yield _text(style.BODY, _escape(block.text), indent=False)


def _table(table: Table) -> str:
    grid = cell_grid(table)
    if not grid or not grid[0]:
        return ""
    cells = []
    for r, row in enumerate(grid):
        for c, entry in enumerate(row):
            if entry is None or entry[0] != r or entry[1] != c:
                continue
            cell = entry[2]
            face = style.TABLE_HEADER.face if r < table.header_rows else style.TABLE.face
            cells.append(
                f"table.cell(colspan: {cell.colspan}, rowspan: {cell.rowspan})"
                f"[#text(font: {_font(face)})[{_escape(cell.text)}]]"
            )
    caption = (
        f"#align(center)[#text(font: {_font(style.TABLE_CAPTION.face)})[{_escape(table.caption)}]]"
        if table.caption
        else ""
    )
    return (
        f"{caption}#block[#set text(size: {style.TABLE.size}pt);"
        f"#table(columns: {len(grid[0])}, stroke: {style.TABLE_RULE}pt, {', '.join(cells)})]"
    )


def typst_source(doc: DocTree) -> str:
    """The whole input (every article) as one Typst document."""
    p = style.PAGE
    pn = style.PAGE_NUMBER
    inset = p.page_number_inset_chars * pn.size
    footer = (
        "context { let n = counter(page).get().first(); "
        f"let t = text(font: {_font(pn.face)}, size: {pn.size}pt)[— #n —]; "
        f"if calc.odd(n) {{ align(right, pad(right: {inset}pt, t)) }} else {{ align(left, pad(left: {inset}pt, t)) }} }}"
    )
    head = [
        f"#set page(width: {p.width:.3f}pt, height: {p.height:.3f}pt, margin: (top: {p.top:.3f}pt, "
        f"bottom: {p.bottom:.3f}pt, left: {p.left:.3f}pt, right: {p.right:.3f}pt), "
        f"footer-descent: {p.page_number_gap:.3f}pt, footer: [#{footer}])",
        f'#set text(lang: "zh", region: "cn", font: {_font(style.BODY.face)}, size: {style.BODY.size}pt, '
        f"top-edge: 1em, bottom-edge: 0em)",
        f"#set par(leading: {p.line_pitch - style.BODY.size:.2f}pt, spacing: {p.line_pitch - style.BODY.size:.2f}pt)",
    ]
    parts = []
    for k, article in enumerate(doc.documents):
        if k:
            parts.append("#pagebreak()\n#counter(page).update(1)")
        parts.extend(_article(article))
    return "\n".join(head) + "\n" + "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", type=Path)
    ap.add_argument("-o", "--out", type=Path, help="where the .typ goes (default: beside --pdf, or stdout)")
    ap.add_argument("--pdf", type=Path, help="also let Typst set it into this PDF")
    args = ap.parse_args(argv)
    doc = convert(args.input.read_bytes(), args.input.name)
    source = typst_source(doc)
    out = args.out or (args.pdf.with_suffix(".typ") if args.pdf else None)
    if out is None:
        sys.stdout.write(source)
        return 0
    out.write_text(source, "utf-8")
    if args.pdf:
        import tempfile

        import typst

        with tempfile.TemporaryDirectory() as tmp:
            fonts = font_folder(Path(tmp))
            typst.compile(str(out), output=str(args.pdf), font_paths=[str(fonts)], ignore_system_fonts=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
