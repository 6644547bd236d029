"""End to end: DOCX → PDF with LibreOffice, then measure the page (issue 6).

A long article built from seed 004 is rendered to DOCX, converted with
``soffice --headless --convert-to pdf`` and measured with poppler:

* full pages carry 22 body lines, 28.95 pt apart;
* full body lines hold 28 characters (26 after the two-character indent);
* no line starts with closing punctuation or ends with an opening mark;
* the page number reads ``— N —``, right on odd pages and left on even pages one
  character in from the 版心, its dash line 7 mm below the 版心 (≈ 269 mm from
  the top edge) — measured on the rendered pixels, not the font's box;
* ``pdffonts`` lists only the font stack of ``shared/fonts.md``.

Needs LibreOffice and the fontconfig aliases of ``shared/fonts.conf`` with the
Fandol fonts installed; skipped with the reason otherwise.

LibreOffice imports ``w:overflowPunct`` inverted (see ``pipeline/render/docx.py``),
so the layout measurements convert the DOCX written for it (``--docx-for
libreoffice``: the flag the way it reads it, and what it needs to break lines where the
PDF does).  The file as written for Word is converted too, in an xfail test that
documents the bug and will report when a LibreOffice release fixes it.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import SEEDS

from pipeline.model import Article, Heading, Paragraph, body_text
from pipeline.render import style
from pipeline.render.docx import render
from pipeline.render.title import split_title
from render import measure
from render.measure import Line

pytestmark = pytest.mark.slow

SEED = SEEDS / "004_68c38517b1657e64.txt"
PT_PER_MM = style.MM
PAGE = style.PAGE
BODY_LEFT = PAGE.left
BODY_RIGHT = PAGE.left + PAGE.body_width
BODY_BOTTOM = PAGE.top + PAGE.body_height
ONE_CHAR = PAGE.char_pitch  # 15.79 pt; LibreOffice sets 15.75 (see docx.CHAR_SPACING_TWIPS)
# The seed still has the web page's half-width punctuation (the normalize stage
# fixes that in the pipeline; this test builds its article by hand).
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_CN = "一二三四五六七八九十"


def _requirements() -> str:
    """Why the test cannot run here, or "" when it can."""
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        return "poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed"
    match = subprocess.run(
        ["fc-match", "仿宋_GB2312:lang=zh-cn", "family"], capture_output=True, text=True, check=False
    ).stdout
    if "FandolFang" not in match:
        return (
            f"fc-match 仿宋_GB2312 gives {match.strip()!r}, not FandolFang: install the Fandol fonts "
            "and shared/fonts.conf as /etc/fonts/conf.d/60-gongwen-aliases.conf (fonts.md §9)"
        )
    return ""


def long_article() -> Article:
    """About 30 paragraphs of seed 004 with headings of levels 1 and 2.

    Each non-blank line of the seed is a paragraph.  The first article's short
    lines without a full stop are its section titles (level 1, 一、…); a paragraph
    opening with a short sentence becomes a run-in level-2 heading (（一）…), at
    most three a section.  Later short lines (other articles' titles), download
    prompts (【…) and lines longer than 800 characters are left out.
    """
    text = SEED.read_text(encoding="utf-8").translate(_FULL_WIDTH)
    # stray spaces inside lines take width but pdftotext drops them: remove them
    lines = [re.sub(r"\s+", "", ln) for ln in text.splitlines()]
    blocks: list[Heading | Paragraph] = []
    sections = run_ins = bodies = 0
    for line in [ln for ln in lines if ln][5:]:  # 0-4: breadcrumb and repeated titles
        if bodies == 30:
            break
        if len(line) <= 20 and "。" not in line:
            if sections < 4 and bodies < 25:
                blocks.append(Heading(1, f"{_CN[sections]}、", line))
                sections += 1
                run_ins = 0
            continue
        if len(line) > 800 or line.startswith("【"):
            continue
        head, dot, tail = line.partition("。")
        if dot and len(head) <= 24 and tail and run_ins < 3:
            blocks.append(Heading(2, f"（{_CN[run_ins]}）", head + dot, tail))
            run_ins += 1
        else:
            blocks.append(Paragraph(line))
        bodies += 1
    return Article(
        "关于增强群众组织力，走好新时代党的群众路线调研报告", "——学习“七一”讲话精神心得体会", tuple(blocks)
    )


def paragraph_openings(article: Article) -> list[str]:
    """What each printed paragraph (title lines, subtitle, blocks) begins with."""
    texts = [*split_title(article.title), article.subtitle]
    texts += [
        style.heading_label(b.number, b.text) + b.tail if isinstance(b, Heading) else b.text
        for b in article.blocks
    ]
    return texts


def as_word_reads_it(data: bytes) -> bytes:
    """The DOCX with ``w:overflowPunct`` flipped, so LibreOffice's inverted import
    (``IsHangingPunctuation = (val == 0)``) ends up where Word's reading of our
    ``val="0"`` is: no hanging punctuation."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename in ("word/styles.xml", "word/document.xml"):
                blob = blob.replace(b'<w:overflowPunct w:val="0"/>', b'<w:overflowPunct w:val="1"/>')
            dst.writestr(info, blob)
    return out.getvalue()


def to_pdf(data: bytes, workdir: Path, name: str) -> Path:
    source = workdir / f"{name}.docx"
    source.write_bytes(data)
    profile = (workdir / "lo-profile").as_uri()  # a private profile: no clash with other runs
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return workdir / f"{name}.pdf"


def dark_box(pdf: Path, page: int, top: float, bottom: float, dpi: int = 300) -> tuple[float, float, float]:
    """Ink of the page number between ``top`` and ``bottom`` (pt from the top):
    (x of its leftmost ink, x of its rightmost ink, y of the left dash's centre), in pt.

    Rasterises that strip with pdftoppm (greyscale PGM) so the position is the
    glyphs' real ink, not the font's line box."""
    scale = dpi / 72
    y_px, h_px = round(top * scale), round((bottom - top) * scale)
    w_px = round(PAGE.width * scale)
    pgm = subprocess.run(
        [
            *("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page)),
            *("-x", "0", "-y", str(y_px), "-W", str(w_px), "-H", str(h_px), str(pdf)),
        ],
        capture_output=True,
        check=True,
    ).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", pgm)
    assert header, "pdftoppm -gray did not give a PGM"
    width, height = int(header[1]), int(header[2])
    pixels = pgm[header.end() :]
    dark = [(i % width, i // width) for i, v in enumerate(pixels[: width * height]) if v < 128]
    assert dark, f"no ink below the type area on page {page}"
    left = min(x for x, _ in dark)
    right = max(x for x, _ in dark)
    # the left dash alone: ink within its first half em (the number starts ~1.3 em on)
    dash_rows = [y for x, y in dark if x <= left + 0.5 * style.PAGE_NUMBER.size * scale]
    centre = (min(dash_rows) + max(dash_rows) + 1) / 2
    return left / scale, right / scale, top + centre / scale


def _width_in_chars(text: str) -> float:
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


# ---------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Rendered:
    article: Article
    pdf: Path
    lines: list[Line]
    pages: int


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    reason = _requirements()
    if reason:
        pytest.skip(reason)
    article = long_article()
    workdir = tmp_path_factory.mktemp("lo")
    pdf = to_pdf(render(article, source=SEED.name, reader="libreoffice"), workdir, "long")
    lines = measure.lines(pdf)
    return Rendered(article, pdf, lines, max(line.page for line in lines))


def body_lines(r: Rendered, page: int) -> list[Line]:
    return [ln for ln in r.lines if ln.page == page and ln.y0 < BODY_BOTTOM]


def footer_lines(r: Rendered, page: int) -> list[Line]:
    return [ln for ln in r.lines if ln.page == page and ln.y0 >= BODY_BOTTOM]


def heading_starts(article: Article) -> set[str]:
    """The first six characters of every standalone heading."""
    return {
        style.heading_label(b.number, b.text)[:6]
        for b in article.blocks
        if isinstance(b, Heading) and not b.tail
    }


# ---------------------------------------------------------------- measurements


def test_article_runs_over_several_full_pages(rendered: Rendered):
    assert rendered.pages >= 6


def test_full_pages_carry_22_lines_28_95_pt_apart(rendered: Rendered):
    counts = {p: len(body_lines(rendered, p)) for p in range(2, rendered.pages)}  # first: title; last: short
    headings = heading_starts(rendered.article)
    for page, count in counts.items():
        if count < PAGE.lines:
            # a page ends early only where standalone headings, kept with the
            # paragraph after them, start the next page instead
            top = body_lines(rendered, page + 1)
            leading = next(i for i, ln in enumerate(top) if ln.text[:6] not in headings)
            assert 0 < PAGE.lines - count <= leading + 1, (page, count, top[0].text)
        else:
            assert count == PAGE.lines, (page, count)
    assert Counter(counts.values()).most_common(1)[0][0] == 22
    pitches = []
    for page in range(1, rendered.pages + 1):
        lines = body_lines(rendered, page)
        for a, b in itertools.pairwise(lines):
            if round(a.y1 - a.y0, 1) == round(b.y1 - b.y0, 1):  # same face: same box offset
                pitches.append(b.y0 - a.y0)
    assert sorted(pitches)[len(pitches) // 2] == pytest.approx(PAGE.line_pitch, abs=0.1)
    for page in range(1, rendered.pages + 1):
        assert body_lines(rendered, page)[-1].y1 <= BODY_BOTTOM + 1


def test_full_lines_hold_28_characters(rendered: Rendered):
    """Every line that runs to the right edge holds 28 characters (26 after the
    indent); more only where our PDF squeezed marks to take one in (the DOCX tells
    LibreOffice so), fewer only where kinsoku moved one down (then the next line carries
    it followed by a mark that may not start a line, or it starts with an opening mark
    that may not end one) or where the PDF kept a paragraph's last character company."""
    from pipeline.render import pdf

    ours = {ln.text for ln in pdf_lines_of(pdf.render(rendered.article), rendered.pdf.parent)}
    lines = [ln for ln in rendered.lines if ln.y0 < BODY_BOTTOM]
    widths: Counter[int] = Counter()
    for ln, nxt in itertools.pairwise(lines):
        if ln.x1 < BODY_RIGHT - 3 or _width_in_chars(ln.text) != len(ln.text):
            continue  # a paragraph's last line, or one holding half-width digits
        if abs(ln.x0 - BODY_LEFT) < 2:
            expected = PAGE.chars
        else:
            assert abs(ln.x0 - BODY_LEFT - 2 * ONE_CHAR) < 2, ln  # first line: indented two
            expected = PAGE.chars - 2
        short = expected - len(ln.text)
        widths[short] += 1
        assert -2 <= short <= 2, ln
        if short < 0:
            assert ln.text in ours, ln  # squeezed in our PDF too
        elif short and not (
            nxt.text[short] in style.NOT_AT_LINE_START or nxt.text[0] in style.NOT_AT_LINE_END
        ):
            assert ln.text in ours, (ln, nxt)  # a 孤字 kept company
            assert len(nxt.text) <= 3, (ln, nxt)
    assert sum(widths.values()) > 100
    assert widths[0] >= 0.75 * sum(widths.values()), widths


def test_lines_break_where_our_pdf_breaks(rendered: Rendered):
    from pipeline.render import pdf

    ours = [ln.text for ln in pdf_lines_of(pdf.render(rendered.article), rendered.pdf.parent)]
    theirs = Counter(ln.text for ln in rendered.lines)
    same = sum(min(k, theirs[t]) for t, k in Counter(ours).items())
    assert same / len(ours) >= 0.99, (same, len(ours))  # measured 1.000


def pdf_lines_of(data: bytes, workdir: Path) -> list[Line]:
    path = workdir / "ours.pdf"
    path.write_bytes(data)
    return measure.lines(path)


def test_lines_start_and_end_at_the_type_area_edges(rendered: Rendered):
    lines = [ln for p in range(2, rendered.pages + 1) for ln in body_lines(rendered, p)]
    assert min(ln.x0 for ln in lines) == pytest.approx(BODY_LEFT, abs=1)
    assert max(ln.x1 for ln in lines) == pytest.approx(BODY_RIGHT, abs=2)
    first = body_lines(rendered, 2)[0]
    assert first.y0 >= PAGE.top - 1  # nothing above the 版心


def test_kinsoku_no_closing_mark_starts_and_no_opening_mark_ends_a_line(rendered: Rendered):
    openings = paragraph_openings(rendered.article)
    checked = 0
    for ln in rendered.lines:
        if ln.y0 >= BODY_BOTTOM:
            continue
        if not any(o.startswith(ln.text) for o in openings):  # a paragraph may open with ——
            assert ln.text[0] not in style.NOT_AT_LINE_START, ln
            checked += 1
        assert ln.text[-1] not in style.NOT_AT_LINE_END, ln
    assert checked > 100


def test_every_character_reaches_the_page(rendered: Rendered):
    printed = "".join(ln.text for ln in rendered.lines if ln.y0 < BODY_BOTTOM)
    assert re.sub(r"\s", "", printed) == re.sub(r"\s", "", body_text(rendered.article))


def test_page_numbers_read_em_dash_n_em_dash(rendered: Rendered):
    for page in range(1, rendered.pages + 1):
        texts = [re.sub(r"\s", "", ln.text) for ln in footer_lines(rendered, page)]
        assert texts == [style.page_number_text(page).replace(" ", "")]


def test_page_number_sides_alternate(rendered: Rendered):
    for page in range(1, rendered.pages + 1):
        (ln,) = footer_lines(rendered, page)
        if page % 2:
            assert ln.x0 > PAGE.width / 2, ln
            assert BODY_RIGHT - ln.x1 == pytest.approx(style.PAGE_NUMBER.size, abs=1.5)
        else:
            assert ln.x0 < PAGE.width / 2, ln
            assert ln.x0 - BODY_LEFT == pytest.approx(style.PAGE_NUMBER.size, abs=1.5)


@pytest.mark.parametrize("page", [1, 2])
def test_page_number_ink_sits_7mm_below_the_type_area(rendered: Rendered, page: int):
    left, right, dash_y = dark_box(rendered.pdf, page, BODY_BOTTOM + 2, PAGE.height - 10 * PT_PER_MM)
    inset = PAGE.page_number_inset_chars * style.PAGE_NUMBER.size
    # dash line 269 mm from the top edge (37 + 225 + 7), brief's tolerance 2 mm
    assert dash_y / PT_PER_MM == pytest.approx(
        (PAGE.top + PAGE.body_height + PAGE.page_number_gap) / PT_PER_MM, abs=2
    )
    if page % 2:  # 单页码居右空一字
        assert (BODY_RIGHT - inset - right) / PT_PER_MM == pytest.approx(0, abs=1)
    else:  # 双页码居左空一字
        assert (left - BODY_LEFT - inset) / PT_PER_MM == pytest.approx(0, abs=1)


# The free stack of shared/fonts.md for the official names (fontconfig aliases),
# plus the per-glyph fallbacks.  "jp"/"VKana" are only the PostScript names of
# the shared CFF inside Noto's TTC.
_STACK = re.compile(
    r"^(FandolFang|FandolSong|FandolKai|FandolHei|NotoSerifCJK|NotoSansCJK|UKai|AR ?PL|HanaMin|LiberationSerif)"
)


def test_pdffonts_shows_only_the_font_stack(rendered: Rendered):
    out = subprocess.run(["pdffonts", str(rendered.pdf)], capture_output=True, text=True, check=True).stdout
    names = [row.split()[0].split("+", 1)[-1] for row in out.splitlines()[2:] if row.strip()]
    assert names
    assert [n for n in names if not _STACK.match(n)] == []
    assert any(n.startswith("FandolFang") for n in names)  # the body is 仿宋
    assert all(" yes " in row for row in out.splitlines()[2:] if row.strip())  # embedded


@pytest.mark.xfail(
    strict=True,
    reason="LibreOffice imports w:overflowPunct inverted (DomainMapper: hanging = val == 0) "
    "and its PDF export drops the hung 。，、; when this passes, drop as_word_reads_it()",
)
def test_libreoffice_reads_overflow_punct_off_as_written(rendered: Rendered, tmp_path: Path):
    pdf = to_pdf(render(rendered.article, source=SEED.name), tmp_path, "as-written")
    printed = "".join(ln.text for ln in measure.lines(pdf) if ln.y0 < BODY_BOTTOM)
    assert re.sub(r"\s", "", printed) == re.sub(r"\s", "", body_text(rendered.article))
