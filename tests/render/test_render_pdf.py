"""The PDF renderer, measured from its output with poppler (pdftotext, pdffonts).

The seeds are turned into articles the simplest way (every non-empty line a
paragraph) so these tests depend on nothing but the renderer; a synthetic article
covers the title, subtitle, the four heading levels, run-in headings and rare
characters.  Skipped when the fonts are not prepared (``make fonts``) or poppler is
missing.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import SEEDS, needs_fonts

from pipeline.errors import RenderError
from pipeline.model import Article, Heading, Paragraph, body_text
from pipeline.render import fonts, style

SEED_FILES = sorted(SEEDS.glob("*.txt"))
PAGE = style.PAGE
MM = style.MM
BODY_ASCENT, BODY_DESCENT = 0.88, 0.12  # FandolFang / Noto CJK em box, as poppler boxes it


_POPPLER = bool(shutil.which("pdftotext") and shutil.which("pdffonts"))
pytestmark = [
    needs_fonts(),
    pytest.mark.skipif(
        not _POPPLER, reason="poppler-utils (pdftotext, pdffonts) not installed — run tools/setup_fonts.sh"
    ),
]


def seed_article(path: Path) -> Article:
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
    return Article("", "", tuple(Paragraph(ln) for ln in lines if ln))


SYNTHETIC = Article(
    "关于增强群众组织力，走好新时代党的群众路线调研报告",
    "——以某县为例",
    (
        Paragraph("党的十九大报告首次明确提出增强党的群众组织力的新要求。" * 6),
        Heading(1, "一、", "基本情况"),
        Heading(2, "（一）", "组织建设。", "全县共有党员XX名，处臵难度›大，忥翀𠀀字都要显示。" * 3),
        Heading(3, "1.", "工作机制"),
        Paragraph("主席总书记强调：“全党要坚持全心全意为人民服务的根本宗旨”……这是——根本。" * 5),
        Heading(4, "（1）", "具体做法。", "一是加强领导；二是完善制度。"),
    ),
)


def pdf_module():  # type: ignore[no-untyped-def]
    from pipeline.render import pdf

    return pdf


def render(article: Article) -> bytes:
    return pdf_module().render(article)


def run(*args: str, data: bytes) -> str:
    """A poppler tool's output for ``data`` (through a file: pdffonts cannot read stdin)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(data)
        cmd = [*args, str(path)] + (["-"] if args[0] == "pdftotext" else [])
        return subprocess.run(cmd, capture_output=True, check=True).stdout.decode()


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y0: float  # top of poppler's box (baseline − ascent), from the page top
    y1: float

    @property
    def baseline(self) -> float:
        return self.y1 - BODY_DESCENT * (self.y1 - self.y0)


_LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>")
_PAGE_NO = re.compile(r"^— ?\d+ ?—$")


def pages(pdf: bytes) -> list[list[Line]]:
    """Lines of each page, as poppler sees them (``pdftotext -bbox-layout``)."""
    xml = run("pdftotext", "-bbox-layout", data=pdf)
    out = []
    for page in xml.split("<page ")[1:]:
        lines = [
            Line(" ".join(_WORD.findall(m[5])), float(m[1]), float(m[3]), float(m[2]), float(m[4]))
            for m in _LINE.finditer(page)
        ]
        out.append(sorted(lines, key=lambda ln: (round(ln.y0, 1), ln.x0)))
    return out


def body_and_number(page: list[Line]) -> tuple[list[Line], Line]:
    numbers = [ln for ln in page if _PAGE_NO.match(ln.text.replace("\u00a0", " "))]
    assert len(numbers) == 1, [ln.text for ln in page]
    return [ln for ln in page if ln is not numbers[0]], numbers[0]


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Article, bytes, list[list[Line]]]]:
    out = {}
    for path in SEED_FILES:
        article = seed_article(path)
        pdf = render(article)
        out[path.stem] = (article, pdf, pages(pdf))
    pdf = render(SYNTHETIC)
    out["synthetic"] = (SYNTHETIC, pdf, pages(pdf))
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_seeds_are_there():
    assert len(SEED_FILES) == 5


def test_text_round_trips_exactly_for_every_document(rendered):
    for name, (article, pdf, _) in rendered.items():
        text = run("pdftotext", data=pdf)
        # page numbers stand alone at each page's foot
        text = re.sub(r"^— ?\d+ ?—$", "", text, flags=re.M)
        assert squash(text) == squash(body_text(article)), name


def test_every_font_is_embedded_as_a_subset_with_unicode_map(rendered):
    for name, (_, pdf, _) in rendered.items():
        rows = run("pdffonts", data=pdf).splitlines()[2:]
        assert rows, name
        for row in rows:
            emb, sub, uni = row.split()[-5:-2]
            assert (emb, sub, uni) == ("yes", "yes", "yes"), (name, row)
    names = run("pdffonts", data=rendered["synthetic"][1])
    for expected in (
        "FandolFang",
        "NotoSerifCJKsc-Bold",
        "NotoSansCJKsc",
        "UKaiCN",
        "NotoSerifCJKsc-Regular",
    ):
        assert expected in names  # body, title, 黑体, 楷体, 宋体 page numbers
    assert "NotoSerifCJKsc-Regular-Full" in names  # 臵 忥 from the full Chinese face (issue 17)
    assert "HanaMin" in names  # 𠀀 (Extension B): the Chinese faces lack it


SQUEEZABLE = "".join(f.squeeze for f in style.FACES)
# poppler boxes a glyph by its whole advance: a line-final mark squeezed by its blank
# half (挤进) has a box that reaches that far past the 版心, its ink and advance do not
# (test_squeezable_marks_have_their_ink_in_the_half_that_stays)
SQUEEZED_BOX = style.SQUEEZE_MAX * style.BODY.size - style.TRACKING


def test_page_is_a4_with_body_inside_the_type_area(rendered):
    left, right = PAGE.left, PAGE.left + PAGE.body_width
    top, bottom = PAGE.top, PAGE.top + PAGE.body_height
    for name, (_, pdf, pgs) in rendered.items():
        assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf, name
        for page in pgs:
            body, _ = body_and_number(page)
            for ln in body:
                assert left - 0.01 <= ln.x0, (name, ln)
                blank = SQUEEZED_BOX if ln.text[-1] in SQUEEZABLE else 0.0
                assert ln.x1 <= right + blank + 0.01, (name, ln)
                assert top - 0.01 <= ln.y0, (name, ln)
                assert ln.y1 <= bottom + 0.01, (name, ln)


def test_page_numbers_odd_right_even_left_7mm_below_type_area(rendered):
    inset = PAGE.page_number_inset_chars * style.PAGE_NUMBER.size
    for name, (_, _, pgs) in rendered.items():
        for n, page in enumerate(pgs, start=1):
            _, number = body_and_number(page)
            assert squash(number.text) == squash(style.page_number_text(n))
            if n % 2:
                assert number.x1 == pytest.approx(PAGE.left + PAGE.body_width - inset, abs=0.5), (name, n)
            else:
                assert number.x0 == pytest.approx(PAGE.left + inset, abs=0.5), (name, n)
            # the 一字线 is at mid-height of the box poppler draws round the number
            middle = (number.y0 + number.y1) / 2
            assert middle == pytest.approx((37 + 225 + 7) * MM, abs=1.5 * MM), (name, n)


def test_full_pages_hold_22_lines_at_the_line_pitch_filling_the_type_area(rendered):
    first_baseline = PAGE.top + style.LINE_BASELINE * PAGE.line_pitch
    for path in SEED_FILES:
        _, _, pgs = rendered[path.stem]
        assert len(pgs) > 1
        for page in pgs[:-1]:  # seeds have no title: every page but the last is full
            body, _ = body_and_number(page)
            assert len(body) == PAGE.lines, path.stem
            for i, ln in enumerate(body):
                if abs(ln.y1 - ln.y0 - style.BODY.size) < 0.01:  # a fallback glyph makes the box taller
                    assert ln.baseline == pytest.approx(first_baseline + i * PAGE.line_pitch, abs=0.05)
            # 22 line boxes fill 225 mm to within a point
            assert PAGE.body_height - PAGE.lines * PAGE.line_pitch < 1


def _break_forbidden(a: str, b: str) -> bool:
    return (
        b in style.NOT_AT_LINE_START
        or a in style.NOT_AT_LINE_END
        or a + b in style.NEVER_SPLIT
        or bool(style.number_spans(a + b))  # 6 / 项: a number keeps its unit
    )


_FULL_WIDTH = str.maketrans(",:;()!?", "，：；（）！？")


def test_full_lines_hold_28_characters_unless_marks_were_squeezed_or_one_pushed_down():
    """先挤后推: a full line of full-width characters holds 28, more when its marks gave
    room (at most SQUEEZE_MAX of each), fewer only where the characters that would have
    completed it may not be parted (a mark, a number) or where one more came down to keep
    a paragraph's last character company (孤字)."""
    left, right = PAGE.left, PAGE.left + PAGE.body_width
    room = PAGE.body_width - PAGE.chars * (style.BODY.size + style.TRACKING)
    checked = pushed = squeezed = 0
    for path in SEED_FILES:
        # the seeds without spaces and with full-width commas, as the pipeline normalises them
        article = seed_article(path)
        article = Article(
            "", "", tuple(Paragraph(b.text.translate(_FULL_WIDTH).replace(" ", "")) for b in article.blocks)
        )
        pgs = pages(render(article))
        lines = [ln for page in pgs for ln in body_and_number(page)[0]]
        for ln, nxt in itertools.pairwise(lines):
            full = abs(ln.x0 - left) < 0.1 and ln.x1 > right - 0.1
            if not full or not all(ord(c) > 0x2000 for c in ln.text):
                continue  # indented, short, or with half-width characters
            n = len(ln.text)
            if n > PAGE.chars:
                marks = sum(1 for c in ln.text if c in style.FANGSONG.squeeze)
                extra = (n - PAGE.chars) * (style.BODY.size + style.TRACKING) - room
                assert marks * style.SQUEEZE_MAX * style.BODY.size >= extra - 0.01, ln.text
                squeezed += 1
            elif n < PAGE.chars:
                last_of_paragraph = nxt.x1 < right - PAGE.char_pitch
                keeps_company = last_of_paragraph and len(nxt.text.rstrip("。，、；：”’）！？")) == 2
                if not keeps_company:
                    # each character that would have completed it could not end a line
                    for j in range(1, PAGE.chars - n + 1):
                        assert _break_forbidden(nxt.text[j - 1], nxt.text[j]), (ln.text, nxt.text)
                pushed += 1
            checked += 1
    assert checked > 1000, checked
    assert pushed < checked / 20, (checked, pushed)  # was one in five before 先挤后推
    assert squeezed > checked / 20, (checked, squeezed)


def test_no_line_starts_or_ends_with_a_forbidden_mark(rendered):
    for name, (_, _, pgs) in rendered.items():
        lines = [ln for page in pgs for ln in body_and_number(page)[0]]
        for line_a, line_b in itertools.pairwise(lines):
            if abs(line_b.x0 - PAGE.left) > 0.1:
                continue  # b starts a paragraph (indented) or is a centred title line
            a, b = line_a.text, line_b.text
            assert b[0] not in style.NOT_AT_LINE_START, (name, a, b)
            assert a[-1] not in style.NOT_AT_LINE_END, (name, a, b)
            assert not _break_forbidden(a[-1], b[0]), (name, a, b)  # —— and …… stay whole


def test_same_bytes_twice(rendered):
    for name, (article, pdf, _) in rendered.items():
        assert render(article) == pdf, name


def test_title_is_split_centred_and_followed_by_subtitle_and_a_blank_line(rendered):
    from pipeline.render.title import split_title

    _, pdf, pgs = rendered["synthetic"]
    body, _ = body_and_number(pgs[0])
    parts = split_title(SYNTHETIC.title)
    assert len(parts) > 1
    assert [ln.text for ln in body[: len(parts)]] == list(parts)
    for i, ln in enumerate(body[: len(parts) + 1]):  # title lines and subtitle: centred in the 版心
        centre = PAGE.left + PAGE.body_width / 2
        # …，: centred on its ink, the mark's empty right half left out (issue 17)
        size = style.TITLE.size if i < len(parts) else style.SUBTITLE.size
        blank = style.TRAILING_MARK_BLANK * size if ln.text[-1] in style.CENTRE_ON_INK_MARKS else 0
        assert (ln.x0 + ln.x1 - blank) / 2 == pytest.approx(centre, abs=0.5), ln
    assert body[len(parts)].text == SYNTHETIC.subtitle
    first_body = body[len(parts) + 1]
    gap = first_body.baseline - body[len(parts)].baseline
    pitch = pdf_module().layout_hints(SYNTHETIC)[0].pitch  # the page fit may set it tighter
    grid = (1 - style.LINE_BASELINE + style.TITLE_GAP_LINES) * PAGE.line_pitch
    assert gap == pytest.approx(grid + style.LINE_BASELINE * pitch, abs=0.05)
    assert first_body.x0 == pytest.approx(PAGE.left + 2 * PAGE.char_pitch, abs=0.05)  # 2-字 indent
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Title:\s+" + re.escape(SYNTHETIC.title) + "$", info, re.M)
    assert b"/Lang (zh-CN)" in pdf


def _pdf_string(raw: bytes) -> str:
    """Decode a PDF literal string (octal escapes, UTF-16BE with BOM)."""
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == 0x5C:  # backslash
            m = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if m:
                out.append(int(m.group(), 8))
                i += 1 + len(m.group())
                continue
            nxt = raw[i + 1 : i + 2]
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(nxt, nxt)
            i += 2
            continue
        out.append(c)
        i += 1
    return out.decode("utf-16") if out.startswith(b"\xfe\xff") else out.decode("latin-1")


def test_outline_has_the_title_and_every_heading(rendered):
    _, pdf, _ = rendered["synthetic"]
    titles = [_pdf_string(m) for m in re.findall(rb"/Parent \d+ 0 R /Title \((.*?)\)\s*\n", pdf, re.S)]
    headings = [b.number + b.text for b in SYNTHETIC.blocks if isinstance(b, Heading)]
    assert titles == [SYNTHETIC.title, *headings]
    assert b"/PageMode /UseOutlines" in pdf


def test_standalone_heading_moves_to_the_next_page_with_its_paragraph():
    # 21 full lines (26 + 20 × 28 characters) leave exactly one line on page 1
    filler = Paragraph("国" * (26 + 20 * 28))
    # three lines after the heading: a last page of two would be pulled back (page fit)
    article = Article(
        "", "", (filler, Heading(1, "一、", "标题"), Paragraph("正" * 26 + "文" * 28 + "章" * 5 + "。"))
    )
    pgs = pages(render(article))
    first, _ = body_and_number(pgs[0])
    second, _ = body_and_number(pgs[1])
    assert len(first) == 21
    assert [ln.text for ln in second] == ["一、标题", "正" * 26, "文" * 28, "章" * 5 + "。"]


def test_an_item_may_end_a_page_before_its_sibling():
    # 21 full lines leave one line on page 1: the first item ends it, the second item and
    # the paragraph after it go on (items are not glued to each other: tc08)
    filler = Paragraph("国" * (26 + 20 * 28))
    items = (Heading(3, "1.", "完成率每±5%，影响考核2分。"), Heading(3, "2.", "每±5人次，影响考核2分。"))
    after = Paragraph("下" * 26 + "一" * 28 + "段" * 10 + "。")  # three lines: no page fit
    pgs = pages(render(Article("", "", (filler, *items, after))))
    assert [ln.text for ln in body_and_number(pgs[0])[0]][-1] == "1.完成率每±5%，影响考核2分。"
    assert body_and_number(pgs[1])[0][0].text == "2.每±5人次，影响考核2分。"


def test_run_in_heading_may_end_a_page():
    filler = Paragraph("国" * (26 + 20 * 28))
    after = Paragraph("下" * 26 + "一" * 28 + "段" * 10 + "。")  # three lines: no page fit
    article = Article("", "", (filler, Heading(2, "（一）", "标题。", "正文。"), after))
    pgs = pages(render(article))
    assert [ln.text for ln in body_and_number(pgs[0])[0]][-1] == "（一）标题。正文。"


def test_characters_no_font_has_are_reported_not_dropped():
    from pipeline.render import pdf

    article = Article("", "", (Paragraph("甲\U000f0001乙"),))  # a private-use character
    data, missing = pdf.render_checked(article)
    assert missing == "\U000f0001"
    assert "甲" in run("pdftotext", data=data)
    assert pdf.render_checked(SYNTHETIC)[1] == ""


def test_missing_fonts_raise_a_render_error_naming_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGWEN_FONT_DIR", str(tmp_path))
    with pytest.raises(RenderError, match="make fonts"):
        render(SYNTHETIC)


# ---------------------------------------------------------------- 先挤后推, 孤字, page fit (issue 17)


def _lines(text: str) -> list[str]:
    return [
        ln.text
        for page in pages(render(Article("", "", (Paragraph(text),))))
        for ln in body_and_number(page)[0]
    ]


def test_a_mark_that_may_not_start_a_line_is_squeezed_in_not_pushed_down():
    # line 2 holds 28 characters; the "，" after them comes in, the line's two commas
    # giving up the room (before issue 17 "国，" went down and line 2 was spread)
    text = "甲" * 26 + "国" * 13 + "，" + "国" * 14 + "，" + "乙乙乙。"
    assert _lines(text)[1:] == ["国" * 13 + "，" + "国" * 14 + "，", "乙乙乙。"]
    from pipeline.render import pdf

    (fit,) = pdf.layout_hints(Article("", "", (Paragraph(text),))).values()
    squeezed = dict(fit.squeeze)
    assert sorted(squeezed) == [39, 54]  # the two commas of line 2, nothing else
    limit = style.SQUEEZE_MAX * style.BODY.size
    assert squeezed[54] == pytest.approx(limit, abs=style.SQUEEZE_STEP)  # the line end first
    assert all(0 < v <= limit for v in squeezed.values())
    assert all(round(v / style.SQUEEZE_STEP, 6).is_integer() for v in squeezed.values())  # whole twips


def test_a_line_without_room_in_its_marks_still_pushes_a_character_down():
    text = "甲" * 26 + "国" * 28 + "，" + "乙乙乙。"  # no mark in line 2 to give room
    assert _lines(text)[1:] == ["国" * 27, "国，乙乙乙。"]


def test_a_one_character_last_line_is_taken_back_by_squeezing_the_line_above():
    text = "甲" * 26 + "国，" * 14 + "乙。"  # line 2: 28 characters, "乙。" left over
    assert _lines(text)[1:] == ["国，" * 14 + "乙。"]


def test_a_one_character_last_line_that_cannot_come_back_gets_company():
    text = "甲" * 26 + "国" * 28 + "乙。"  # no marks in line 2: 后推, one more comes down
    assert _lines(text)[1:] == ["国" * 27, "国乙。"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(alphabet="国家人民建设，。、；：“”《》（）1234567abcGDP", min_size=1, max_size=400))
def test_set_lines_never_overflow_never_start_with_a_closing_mark_and_squeeze_only_within_limits(text):
    from pipeline.render import pdf

    fonts.register_fonts()
    spans = [pdf._Span(style.BODY.face.pdf, style.BODY.size, text)]
    indent = 2 * PAGE.char_pitch
    lines = pdf._set(spans, align="justify", indent=indent)
    assert "".join(t for ln in lines for _, _, t in ln.runs) == text  # nothing lost or doubled
    for k, ln in enumerate(lines):
        avail = PAGE.body_width - (indent if k == 0 else 0.0)
        chars = "".join(t for _, _, t in ln.runs)
        squeeze = sum(v for _, _, v in ln.squeeze)
        assert pdf._advance(ln.runs) - pdf.TRACKING - squeeze <= avail + 0.01, chars
        for i, _, v in ln.squeeze:
            assert chars[i] in style.FANGSONG.squeeze
            assert 0 < v <= style.SQUEEZE_MAX * style.BODY.size + 1e-9
        if k:
            assert chars[0] not in style.NOT_AT_LINE_START, chars


def _page_fit_article(extra: int) -> Article:
    """Eleven paragraphs of two lines fill page 1; ``extra`` one-line paragraphs follow."""
    two = [Paragraph("国" * 26 + "家" * 4 + "。") for _ in range(11)]
    return Article("", "", (*two, *(Paragraph("民" * 10 + "。") for _ in range(extra))))


@pytest.mark.parametrize("extra", [1, 2])
def test_a_last_page_of_one_or_two_lines_is_pulled_back_by_a_tighter_pitch(extra):
    from pipeline.render import pdf

    article = _page_fit_article(extra)
    pgs = pages(render(article))
    assert len(pgs) == 1  # 22 + extra lines on one page (STD 7.3.5.5)
    body, _ = body_and_number(pgs[0])
    assert len(body) == PAGE.lines + extra
    hints = pdf.layout_hints(article)
    assert {f.pitch for f in hints.values()} == {PAGE.body_height / (PAGE.lines + extra)}
    assert body[-1].y1 <= PAGE.top + PAGE.body_height + 0.01


def test_a_last_page_of_three_lines_is_left_alone():
    from pipeline.render import pdf

    article = _page_fit_article(3)
    assert len(pages(render(article))) == 2
    assert {f.pitch for f in pdf.layout_hints(article).values()} == {PAGE.line_pitch}


def test_page_fit_tries_tracking_before_the_pitch():
    # paragraphs of 28 characters with three marks: at the grid's tracking their marks
    # cannot take the last two into the indented line (30.6 pt needed, 23 pt there), at
    # −0.3 pt they can (22.5 pt), so each loses its second line and no pitch is needed
    from pipeline.render import pdf

    two = [Paragraph("国" * 11 + "，" + "国" * 6 + "，" + "国" * 8 + "。") for _ in range(11)]
    article = Article("", "", (*two, Paragraph("民" * 10 + "。")))
    plain = pdf._dry_layout(article, False, pdf.Fit())[0]
    assert plain[-1][0] == 2  # without the fit: a second page of one line
    hints = pdf.layout_hints(article)
    assert len(pages(render(article))) == 1
    assert {f.pitch for f in hints.values()} == {PAGE.line_pitch}
    assert {round(f.tracking, 2) for f in hints.values()} == {min(style.PAGE_FIT_TRACKING)}
