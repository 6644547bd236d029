"""Measuring rendered pages for the element layout tests (issue 15).

Text comes from poppler's boxes (``pdftotext -bbox-layout``: lines and their words, in pt
from the page's top-left corner); rules and ink from the page rasterised with
``pdftoppm`` (so a rule is where its pixels are, whoever drew it).  The articles the tests
render are built here, by hand, so that a failure is the renderer's, not structure's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from pipeline.model import (
    Article,
    Attachment,
    Byline,
    Cell,
    Date,
    Head,
    Heading,
    Imprint,
    Note,
    Paragraph,
    Recipients,
    Salutation,
    Signature,
    Table,
)
from pipeline.render import style

MM = style.MM
PAGE = style.PAGE
LEFT = PAGE.left
RIGHT = PAGE.left + PAGE.body_width
TOP = PAGE.top
BOTTOM = PAGE.top + PAGE.body_height
CENTRE = PAGE.left + PAGE.body_width / 2
CH = PAGE.char_pitch
ONE_MM = MM  # the tolerance of every position (GB/T 9704 6.1: 版心 ±1 mm)


@dataclass(frozen=True)
class Box:
    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Line(Box):
    words: tuple[Box, ...] = ()


def lines(pdf: Path) -> list[Line]:
    """Every text line with its box and its words' boxes."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(xhtml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    out = []
    for n, page in enumerate(root.iterfind(".//h:page", ns), start=1):
        for line in page.iterfind(".//h:line", ns):
            words = tuple(
                Box(n, *(float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
                for w in line.iterfind("h:word", ns)
            )
            box = [float(line.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
            out.append(Line(n, *box, "".join(w.text for w in words), words))
    return out


def find(all_lines: list[Line], text: str, *, whole: bool = False) -> Line:
    """The one line that holds ``text`` (or is ``text``, with ``whole``; spaces ignored)."""
    found = [
        ln
        for ln in all_lines
        if (ln.text.replace(" ", "") == text if whole else text in ln.text.replace(" ", ""))
    ]
    assert len(found) == 1, f"{text!r}: {len(found)} lines hold it: {[ln.text for ln in found]}"
    return found[0]


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info)
    assert m
    return int(m[1])


def _raster(pdf: Path, page: int, dpi: int) -> tuple[int, int, bytes]:
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    assert header, "pdftoppm did not give a PPM"
    return int(header[1]), int(header[2]), ppm[header.end() :]


@dataclass(frozen=True)
class Rule:
    y0: float  # pt from the top
    y1: float
    x0: float
    x1: float
    red: bool

    @property
    def y(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def weight(self) -> float:
        return self.y1 - self.y0


_LOW = bytes(0x31 if v < 110 else 0x30 for v in range(256))  # a channel below 110 → "1"
_HIGH = bytes(0x31 if v > 150 else 0x30 for v in range(256))  # a channel above 150 → "1"
_RUN = re.compile(rb"1+")


def _masks(row: bytes) -> tuple[bytes, bytes]:
    """(inked, red) masks of one RGB row: "1" where the pixel is dark or red / red."""
    inked = row[1::3].translate(_LOW)  # black and red both have little green
    high_r = row[0::3].translate(_HIGH)
    red = bytes(a & b for a, b in zip(inked, high_r, strict=True))  # "1" & "1" = 0x31
    return inked, red


def rules(pdf: Path, page: int, dpi: int = 300) -> list[Rule]:
    """The horizontal rules of a page longer than half the 版心: runs of dark or red
    pixels, top to bottom (a rule several pixels thick is one rule)."""
    w, h, px = _raster(pdf, page, dpi)
    scale = dpi / 72
    need = PAGE.body_width / 2 * scale
    out: list[Rule] = []
    for y in range(h):
        inked, red = _masks(px[y * w * 3 : (y + 1) * w * 3])
        run = max(_RUN.finditer(inked), key=lambda m: m.end() - m.start(), default=None)
        if run is None or run.end() - run.start() < need:
            continue
        is_red = red[run.start() : run.end()].count(b"1") * 2 > run.end() - run.start()
        x0, x1 = run.start() / scale, run.end() / scale
        if out and abs(out[-1].y1 - y / scale) < 1.5 / scale and out[-1].red == is_red:
            last = out[-1]
            out[-1] = Rule(last.y0, (y + 1) / scale, min(last.x0, x0), max(last.x1, x1), is_red)
        else:
            out.append(Rule(y / scale, (y + 1) / scale, x0, x1, is_red))
    return out


def red_ink(pdf: Path, page: int, dpi: int = 300) -> tuple[float, float, float, float]:
    """The box of the red pixels that are not a rule (the 发文机关标志), pt from the top."""
    w, h, px = _raster(pdf, page, dpi)
    scale = dpi / 72
    xs, ys = [], []
    for y in range(h):
        _, red = _masks(px[y * w * 3 : (y + 1) * w * 3])
        runs = list(_RUN.finditer(red))
        if runs and max(m.end() - m.start() for m in runs) < PAGE.body_width / 2 * scale:
            xs += [runs[0].start(), runs[-1].end()]
            ys.append(y)
    assert ys, "no red ink on the page"
    return min(xs) / scale, min(ys) / scale, max(xs) / scale, (max(ys) + 1) / scale


# ---------------------------------------------------------------- LibreOffice


def libreoffice_missing() -> str:
    """Why the DOCX cannot be laid out here, or "" when it can."""
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        return "poppler-utils (pdftotext, pdftoppm) is not installed"
    match = subprocess.run(
        ["fc-match", "仿宋_GB2312:lang=zh-cn", "family"], capture_output=True, text=True, check=False
    ).stdout
    if "FandolFang" not in match:
        return f"fc-match 仿宋_GB2312 gives {match.strip()!r}, not FandolFang (fonts.md §9)"
    return ""


def libreoffice_pdfs(docx: dict[str, bytes], workdir: Path) -> dict[str, Path]:
    """Each DOCX laid out by LibreOffice (one ``soffice`` call for all), as Word reads
    ``w:overflowPunct`` (tests/render/test_docx_libreoffice.py explains the flip)."""
    from render.test_docx_libreoffice import as_word_reads_it

    for name, data in docx.items():
        (workdir / f"{name}.docx").write_bytes(as_word_reads_it(data))
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            *(str(workdir / f"{name}.docx") for name in docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: workdir / f"{name}.pdf" for name in docx}


# ---------------------------------------------------------------- the articles measured

BODY = (
    "为切实做好本年度防汛抗旱工作，确保人民群众生命财产安全和经济社会平稳运行，"
    "经县政府同意，现就有关事项通知如下，请各地各部门认真贯彻落实。"
)


def notice(**kw: object) -> Article:
    """A red-header 通知 with every element: 版头, 主送 over two lines, headings and
    paragraphs, two 附件 (the first name long enough to wrap), 署名 (longer than the
    date), 成文日期, 附注, 版记."""
    blocks = (
        Recipients("各乡镇人民政府，各街道办事处，县政府各部门、各直属机构，县属各国有企业，各有关单位："),
        Paragraph(BODY),
        Heading(1, "一、", "提高思想认识"),
        Paragraph(BODY),
        Attachment("1.", "2024年度县防汛抗旱责任人名单及各乡镇、各部门防汛抗旱值班联系电话一览表"),
        Attachment("2.", "汛期值班安排表"),
        Signature("某县防汛抗旱指挥部"),
        Date("2024年3月5日"),
        Note("（此件公开发布）"),
    )
    defaults: dict[str, object] = {
        "title": "关于做好2024年度防汛抗旱工作的通知",
        "subtitle": "",
        "blocks": blocks,
        "head": Head("000123", "", "特急", "XX县人民政府文件", "X政发〔2024〕3号"),
        "imprint": Imprint(
            "",
            "县委各部门，县人大常委会办公室，县政协办公室，县法院，县检察院。",
            "XX县人民政府办公室",
            "2024年3月6日印发",
        ),
    }
    defaults.update(kw)
    return Article(**defaults)  # type: ignore[arg-type]


def speech() -> Article:
    """A 讲话稿: speaker and date bylines under the title, "同志们：", body."""
    return Article(
        "在全县安全生产工作会议上的讲话",
        "",
        (Byline("县长　张建国"), Byline("（2024年2月26日）"), Salutation("同志们："), Paragraph(BODY)),
    )


def filler(n: int) -> tuple[Paragraph, ...]:
    """``n`` paragraphs of two full lines each (52 characters after the indent)."""
    return tuple(Paragraph(f"第{k:02d}段" + "经" * 49 + "。") for k in range(n))


def long_table(rows: int = 60) -> Table:
    """A table longer than a page: a header row, and every fifth row three lines tall
    (its note starts 起N号 and ends 止N号, so a split row would show as its two ends on two
    pages)."""
    body = []
    for r in range(1, rows + 1):
        note = f"起{r}号" + ("说明文字" * 12 if r % 5 == 0 else "") + f"止{r}号"
        body.append((Cell(f"R{r}"), Cell(note), Cell(f"{r * 3.5:.1f}")))
    return Table(((Cell("序号"), Cell("说明"), Cell("数值")), *body), 1, "表1 汛期值班安排")
