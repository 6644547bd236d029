"""Checks a DOCX makes from its XML: what Word is told to do, role by role.

The roles come from the text (:mod:`pipeline.check.roles`), the properties from the
resolved style cascade (:mod:`pipeline.check.ooxml`), the wanted values from
:mod:`pipeline.render.style`.  What the XML cannot settle (how many lines an
``auto``-spaced paragraph takes in a given font, where kinsoku really breaks) is left
to the rendered page (:mod:`pipeline.check.pagecheck`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from pipeline.check import roles as rk
from pipeline.check.faces import face_kind, wanted_kind
from pipeline.check.findings import Finding, Where
from pipeline.check.measure import (
    CHAR_TOL,
    MM_TOL,
    PAPER_TOL,
    PITCH_TOL,
    POSITION_TOL_CHARS,
    SIZE_TOL,
    Findings,
    chars,
    mm,
    pt,
    width_in_chars,
)
from pipeline.check.ooxml import Docx, Para, ParaProps, RunProps, Section
from pipeline.render import style
from pipeline.text.elements import CAPTION_MAX

PAGE = style.PAGE
_WIDE_MARKS = "“”‘’—…·"  # ambiguous-width marks a Latin font draws narrow (fonts.md §6)
_BLACK = ("auto", "000000")
HEADING_SPAN = 4  # characters after a run-in heading's marker whose face is judged


def _hint(p: Para) -> rk.Hint:
    props = p.main_props()
    outline = p.props.outline
    level = outline + 1 if outline is not None and outline < max(style.HEADINGS) else 0
    return rk.Hint(p.text, p.props.jc, props.size or 0.0 if props else 0.0, level)


def docx_roles(doc: Docx) -> list[rk.Role]:
    """The role of every body paragraph (table cells are "table")."""
    outside = [p for p in doc.paragraphs if not p.in_table]
    found = iter(rk.classify([_hint(p) for p in outside]))
    roles = [rk.Role("table") if p.in_table else next(found) for p in doc.paragraphs]
    for i, p in enumerate(doc.paragraphs[:-1]):
        if _caption(p) and doc.paragraphs[i + 1].in_table and not p.in_table:
            roles[i] = rk.Role("caption")
    return roles


def _caption(p: Para) -> bool:
    """A table's caption: a short centred line right above the table (D2, practice)."""
    return p.props.jc == "center" and 0 < len(p.text.strip()) <= CAPTION_MAX


# ---------------------------------------------------------------- geometry


def _section_checks(s: Section, out: Findings) -> None:
    where = Where(part=f"section {s.index}")
    if abs(s.width - PAGE.width) > PAPER_TOL or abs(s.height - PAGE.height) > PAPER_TOL:
        out.add(
            "paper-size", where, f"{mm(s.width)} × {mm(s.height)}", f"A4 {mm(PAGE.width)} × {mm(PAGE.height)}"
        )
    left = s.left + s.gutter
    for name, got, want in (
        ("top (天头)", s.top, PAGE.top),
        ("left (订口)", left, PAGE.left),
        ("bottom", s.bottom, PAGE.bottom),
        ("right", s.right, PAGE.right),
    ):
        if abs(got - want) > MM_TOL:
            out.add("margins", where, f"{name} margin {mm(got)}", f"{mm(want)} (版心 156 × 225 mm)")


def _advance(props: RunProps | None, s: Section) -> float:
    """One 字 of body text across the line: the font size plus character spacing, or the
    character grid's pitch when the section has one (ECMA-376 §17.6.5: charSpace is
    the difference from the Normal size in 4096ths of a point)."""
    size = props.size if props and props.size else 10.5
    if s.grid_type in ("linesAndChars", "snapToChars") and s.grid_char_space is not None:
        return size + s.grid_char_space / 4096
    return size + (props.spacing if props else 0.0)


def _line_pitch(p: ParaProps, size: float, s: Section) -> float | None:
    """The pitch Word gives a body line, when the XML settles it: exact spacing, or
    single/auto spacing snapped to a line grid.  None when it depends on the font."""
    if p.line_rule == "exact" and p.line:
        return p.line
    on_grid = s.grid_type in ("lines", "linesAndChars", "snapToChars") and p.snap_to_grid and s.grid_pitch
    if on_grid and s.grid_pitch and p.line_rule in ("auto", "atLeast"):
        if p.line_rule == "atLeast" and p.line and p.line > s.grid_pitch:
            return math.ceil(p.line / s.grid_pitch - 0.01) * s.grid_pitch
        multiple = p.line if p.line_rule == "auto" and p.line else 1.0
        # a CJK face's single line is 1.0–1.3 em: one grid line holds it while 1.3 em fits
        return math.ceil(multiple * size * 1.3 / s.grid_pitch - 0.01) * s.grid_pitch
    return None


def _grid_checks(body: Sequence[Para], s: Section, out: Findings) -> None:
    if not body:
        return
    p = body[0]
    props = p.main_props()
    size = props.size if props and props.size else 10.5
    where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
    height = s.height - s.top - s.bottom
    width = s.width - s.left - s.right - s.gutter
    pitch = _line_pitch(p.props, size, s)
    if pitch:
        lines = math.floor(height / pitch + 1e-6)
        # a pitch of one or two lines more a page is the page fit's (STD 7.3.5.5, our
        # renderers set the paragraphs of the last pages so): the rendered check judges it
        fitted = PAGE.lines < lines <= PAGE.lines + style.PAGE_FIT_MAX_EXTRA_LINES
        if lines != PAGE.lines and not fitted:
            out.add(
                "lines-per-page",
                where,
                f"line pitch {pt(pitch)}: {lines} lines a page",
                f"{PAGE.lines} lines filling the 版心 ({pt(PAGE.line_pitch)})",
            )
        elif not fitted and abs(pitch - PAGE.line_pitch) > PITCH_TOL:
            short = PAGE.body_height - PAGE.lines * pitch
            out.add(
                "line-pitch",
                where,
                f"line pitch {pt(pitch)}: {PAGE.lines} lines leave {mm(short)} of the 版心 empty",
                f"{pt(PAGE.line_pitch)} (225 mm / 22)",
            )
    adv = _advance(props, s)
    n = math.floor(width / adv + 1e-6)
    if n != PAGE.chars:
        out.add(
            "chars-per-line",
            where,
            f"{n} characters a line ({pt(adv)} a character over {mm(width)})",
            f"{PAGE.chars} filling the 版心 ({pt(PAGE.char_pitch)} a character)",
        )


# ---------------------------------------------------------------- faces and sizes


def _span_props(p: Para, start: int, end: int | None = None) -> RunProps | None:
    """The run properties covering most characters of ``p.text[start:end]``."""
    counts: dict[int, tuple[int, RunProps]] = {}
    pos = 0
    for r in p.runs:
        lo, hi = max(pos, start), min(pos + len(r.text), end if end is not None else pos + len(r.text))
        n = len(r.text[lo - pos : hi - pos].strip()) if hi > lo else 0
        if n:
            counts[id(r.props)] = (counts.get(id(r.props), (0, r.props))[0] + n, r.props)
        pos += len(r.text)
    return max(counts.values(), key=lambda t: t[0])[1] if counts else None


def _face_name(props: RunProps) -> tuple[str, str]:
    """(the East Asian font Word uses, and a note when a theme font decides it)."""
    slot = props.font("eastAsia")
    if slot.theme:
        return slot.name, f"theme {slot.theme}"
    return slot.name, ""


def _face(
    out: Findings, code: str, p: Para, props: RunProps | None, block: style.BlockStyle, what: str, group: str
) -> None:
    if props is None:
        return
    name, theme = _face_name(props)
    want = wanted_kind(block.face)
    kind = face_kind(name) if name else None
    where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
    if kind != want:
        shown = f"{name or 'no East Asian font named'}" + (
            f" ({theme} overrides the named face)" if theme else ""
        )
        out.add(code, where, f"{what} in {shown}", f"{want} ({block.face.official})", group=group + shown)
    if theme:
        out.add(
            "theme-font",
            where,
            f"{what}: East Asian face from the {theme} theme font ({name})",
            f"the face named in w:rFonts ({block.face.official}), no *Theme attribute",
            group=group + theme,
        )


def _size(
    out: Findings, code: str, p: Para, props: RunProps | None, block: style.BlockStyle, what: str, group: str
) -> None:
    if props is None:
        return
    size = props.size or 10.5
    if abs(size - block.size) > SIZE_TOL:
        out.add(
            code,
            Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text),
            f"{what} {pt(size)}",
            pt(block.size),
            group=group,
        )


def _latin_punct(out: Findings, p: Para) -> None:
    for r in p.runs:
        marks = [c for c in r.text if c in _WIDE_MARKS]
        if not marks or r.props.hint == "eastAsia":
            continue
        latin = r.props.font("hAnsi").name or r.props.font("ascii").name
        if face_kind(latin) is None:
            out.add(
                "latin-punct",
                Where(paragraph=p.index, text=p.text),
                f"{''.join(dict.fromkeys(marks))} drawn in the Latin font {latin or '(default)'} (no w:hint eastAsia)",
                'full-width marks in the CJK face: w:hint="eastAsia" or a CJK w:hAnsi',
                group="latin-punct",
            )
            return


def _colour(out: Findings, p: Para, what: str) -> None:
    for r in p.runs:
        if r.text.strip() and r.props.colour.upper() not in (c.upper() for c in _BLACK):
            out.add(
                "text-colour",
                Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text),
                f"{what} coloured #{r.props.colour}",
                "black",
                group=f"colour{p.style_name}{r.props.colour}",
            )
            return


# ---------------------------------------------------------------- indents and positions


def _indent_chars(p: Para, adv: float) -> tuple[float, float, float]:
    """(first-line indent, left indent, right indent) in characters."""
    pp = p.props
    first = pp.first_chars if pp.first_chars is not None else pp.first / adv
    left = pp.left_chars if pp.left_chars is not None else pp.left / adv
    right = pp.right_chars if pp.right_chars is not None else pp.right / adv
    return first, left, right


def _start_chars(p: Para, adv: float, line_chars: float) -> float:
    """Where the paragraph's first line starts, in 字 from the 版心's left edge."""
    first, left, right = _indent_chars(p, adv)
    w = width_in_chars(p.text.split("\n")[0])
    if p.props.jc == "right":
        return line_chars - right - w
    if p.props.jc == "center":
        return left + first + (line_chars - left - right - first - w) / 2
    return left + first


def _indent(out: Findings, code: str, p: Para, adv: float, want: float, what: str, group: str) -> None:
    first, left, right = _indent_chars(p, adv)
    where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
    if abs(first - want) > CHAR_TOL:
        out.add(code, where, f"{what} first line indented {chars(first)}", chars(want), group=group + "first")
    if abs(left) > CHAR_TOL or abs(right) > CHAR_TOL:
        out.add(
            code,
            where,
            f"{what} indented {chars(left)} left, {chars(right)} right",
            "回行顶格: no left or right indent",
            group=group + "lr",
        )


def _title_gap(out: Findings, paras: Sequence[Para], roles: Sequence[rk.Role]) -> None:
    last = max((i for i, r in enumerate(roles) if r.kind in ("title", "subtitle")), default=-1)
    if last < 0:
        return
    nxt = next((i for i in range(last + 1, len(roles)) if roles[i].kind != "table"), None)
    if nxt is None:
        return
    blank = roles[nxt].kind == "empty"
    a, b = paras[last].props, paras[nxt].props
    gap = a.after + b.before
    gap_lines = (a.after_lines or 0) + (b.before_lines or 0)
    if blank or gap_lines >= 0.5 or gap >= 0.5 * PAGE.line_pitch:
        return
    following = next((roles[i] for i in range(nxt, len(roles)) if roles[i].kind != "empty"), None)
    code = "recipients-gap" if following is not None and following.kind == "recipients" else "title-gap"
    out.add(
        code,
        Where(paragraph=paras[nxt].index, text=paras[nxt].text),
        f"no blank line under the title ({pt(gap)} between)",
        f"one blank line ({pt(PAGE.line_pitch)})",
    )


def _signature_date(
    out: Findings, paras: Sequence[Para], roles: Sequence[rk.Role], adv: float, line: float
) -> None:
    sigs = [i for i, r in enumerate(roles) if r.kind == "signature"]
    dates = [i for i, r in enumerate(roles) if r.kind == "date"]
    if not dates:
        return
    d = paras[dates[-1]]
    d_w = width_in_chars(d.text)
    if not sigs:
        return
    s = paras[sigs[-1]]
    s_w = width_in_chars(s.text)
    # 7.3.5.2: 署名右空二字; 日期首字比署名首字右移二字; a date longer than the 署名 is set
    # 右空二字 and the 署名 moves left to keep the two-character shift
    sig_start = line - style.SIGNATURE_RIGHT_CHARS - s_w
    date_start = sig_start + style.DATE_SHIFT_CHARS
    if d_w > s_w:  # "日期长于署名时，日期右空二字、相应增加署名右空字数" (read literally)
        date_start = line - style.SIGNATURE_RIGHT_CHARS - d_w
        sig_start = date_start - style.DATE_SHIFT_CHARS
    got_sig = _start_chars(s, adv, line)
    got_date = _start_chars(d, adv, line)
    if abs(got_sig - sig_start) > POSITION_TOL_CHARS:
        out.add(
            "signature-position",
            Where(paragraph=s.index, text=s.text),
            f"署名 starts {chars(got_sig)} from the left ({_align_name(s.props.jc)})",
            f"{chars(sig_start)}: 右空{style.SIGNATURE_RIGHT_CHARS}字 (right-aligned, right indent "
            f"{chars(line - sig_start - s_w)})",
        )
    if abs(got_date - date_start) > POSITION_TOL_CHARS:
        out.add(
            "date-position",
            Where(paragraph=d.index, text=d.text),
            f"成文日期 starts {chars(got_date)} from the left ({_align_name(d.props.jc)})",
            f"{chars(date_start)}: {style.DATE_SHIFT_CHARS} 字 right of the 署名's first character",
        )


def _align_name(jc: str) -> str:
    return {
        "both": "justified",
        "": "left",
        "left": "left",
        "center": "centred",
        "right": "right-aligned",
    }.get(jc, jc)


_CN_NUMERAL = re.compile(r"[〇○零一二三四五六七八九十Ｏ]")
_LEADING_ZERO = re.compile(r"(?<!\d)0\d")


def date_problem(text: str) -> str:
    """What is wrong with a 成文日期's digits (7.3.5.4), or "".

    >>> date_problem("2024年3月5日"), date_problem("二〇二四年三月五日"), date_problem("2024年03月05日")
    ('', 'Chinese numerals', 'leading zeros')
    """
    if _CN_NUMERAL.search(text):
        return "Chinese numerals"
    if _LEADING_ZERO.search(text):
        return "leading zeros"
    if re.search(r"[０-９]", text):
        return "full-width digits"
    return ""


def doc_number_problem(text: str) -> str:
    """What is wrong with a 发文字号 (7.2.5), or "".

    >>> doc_number_problem("X政发〔2024〕3号"), doc_number_problem("X政发[2024]3号"), doc_number_problem("X政发〔2024〕第03号")
    ('', 'year in [ ] instead of 〔 〕', 'number with 第')
    """
    m = rk.DOC_NUMBER.match(text)
    if m is None:
        return ""
    t = m["all"]
    if not re.search(r"〔\d{4}〕", t):
        bracket = re.search(r"([\[［(（])\s*\d{4}\s*([\]］)）])", t)
        return f"year in {bracket[1]} {bracket[2]} instead of 〔 〕" if bracket else "year not in 〔 〕"
    if "第" in t:
        return "number with 第"
    if re.search(r"〕\s*0\d", t):
        return "number with a leading zero"
    return ""


def _is_red(colour: str) -> bool:
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", colour):
        return False
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


# ---------------------------------------------------------------- page numbers


def _page_number_checks(doc: Docx, out: Findings) -> None:
    for s in doc.sections:
        part = f"section {s.index}"
        numbered = {k: f for k, f in s.footers.items() if f.page_field() is not None}
        if not numbered:
            out.add(
                "page-number-missing",
                Where(part=f"{part} footers"),
                "no PAGE field in any footer" if s.footers else "no footer",
                "— N — below the 版心 on every page",
            )
            continue
        if s.title_page and "first" not in numbered:
            out.add(
                "page-number-missing",
                Where(part=f"{part} first-page footer"),
                "first page unnumbered",
                "page 1 numbered (7.9)",
            )
        odd = numbered.get("default")
        even = numbered.get("even") if doc.even_odd else None
        if not doc.even_odd:
            out.add(
                "odd-even-footers",
                Where(part=f"{part} footers"),
                "one footer for every page (no w:evenAndOddHeaders)",
                "odd pages right, even pages left",
            )
        elif even is None:
            out.add(
                "page-number-missing",
                Where(part=f"{part} even footer"),
                "even pages unnumbered",
                "— N — on even pages, left",
            )
        for footer, side in ((odd, "odd"), (even, "even")):
            if footer is None:
                continue
            p = footer.page_field()
            assert p is not None
            _page_number_para(p, side if doc.even_odd else "every", f"{part} {side} footer", out)


_PAGE_NUMBER_FORM = re.compile(r"^\s*—\s*#\s*—\s*$")


def _page_number_para(p: Para, side: str, part: str, out: Findings) -> None:
    text = p.text.strip()
    shown = text.replace("#", "N")
    where = Where(part=part, text=shown)
    want_form = style.page_number_text(0).replace("0", "N")
    if not _PAGE_NUMBER_FORM.match(text):
        out.add(
            "page-number-form", where, f'page number "{shown}"', f'"{want_form}" (一字线 U+2014 each side)'
        )
    props = _span_props(p, 0) or p.main_props()
    if props is not None:
        name, _ = _face_name(props)
        if face_kind(name) != wanted_kind(style.PAGE_NUMBER.face):
            out.add("page-number-face", where, f"page number in {name or '(default font)'}", "宋体")
        if abs((props.size or 10.5) - style.PAGE_NUMBER.size) > SIZE_TOL:
            out.add(
                "page-number-size", where, f"page number {pt(props.size or 10.5)}", pt(style.PAGE_NUMBER.size)
            )
    one = style.PAGE_NUMBER.size * style.PAGE.page_number_inset_chars
    # "一字" here: one 4号 character (14 pt), or read as one 3号 character (16 pt) (gbt9704.md §7.7)
    lo, hi = one - MM_TOL, style.BODY.size * style.PAGE.page_number_inset_chars + MM_TOL
    jc, pp = p.props.jc, p.props
    want = {"odd": "right, one character in (居右空一字)", "even": "left, one character in (居左空一字)"}
    if side == "every":
        return  # reported as odd-even-footers
    if side == "odd" and not (jc == "right" and lo <= pp.right <= hi):
        found = f"{_align_name(jc)}" + (f", right indent {pt(pp.right)}" if jc == "right" else "")
        out.add("page-number-position", where, f"odd-page number {found}", want["odd"])
    if side == "even" and not (jc in ("left", "", "both") and lo <= pp.left + max(pp.first, 0) <= hi):
        found = f"{_align_name(jc)}" + (f", left indent {pt(pp.left)}" if jc in ("left", "", "both") else "")
        out.add("page-number-position", where, f"even-page number {found}", want["even"])


# ---------------------------------------------------------------- settings


def _settings_checks(doc: Docx, body: Sequence[Para], out: Findings) -> None:
    if doc.kinsoku_before:
        for lang, marks in doc.kinsoku_before.items():
            missing = "".join(sorted(c for c in style.NOT_AT_LINE_START if c not in marks))
            if missing and lang.lower().startswith("zh"):
                out.add(
                    "line-break-lists",
                    Where(part="settings noLineBreaksBefore"),
                    f"{lang} list lacks {missing}",
                    "every mark GB/T 15834 keeps off a line start",
                )
    if doc.kinsoku_after:
        for lang, marks in doc.kinsoku_after.items():
            missing = "".join(sorted(c for c in style.NOT_AT_LINE_END if c not in marks))
            if missing and lang.lower().startswith("zh"):
                out.add(
                    "line-break-lists",
                    Where(part="settings noLineBreaksAfter"),
                    f"{lang} list lacks {missing}",
                    "every mark GB/T 15834 keeps off a line end",
                )
    for p in body:
        where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
        g = p.style_name
        if not p.props.kinsoku:
            out.add("kinsoku-off", where, "kinsoku off (w:kinsoku 0)", "kinsoku on", group="k" + g)
        if p.props.overflow_punct:
            out.add(
                "overflow-punct",
                where,
                "punctuation may hang past the 版心 (w:overflowPunct on)",
                "w:overflowPunct 0",
                group="o" + g,
            )
        if p.props.autospace_de or p.props.autospace_dn:
            which = " and ".join(
                n
                for n, on in (("autoSpaceDE", p.props.autospace_de), ("autoSpaceDN", p.props.autospace_dn))
                if on
            )
            out.add(
                "autospace",
                where,
                f"{which} on: ¼ em inserted between hanzi and Latin/digits",
                "w:autoSpaceDE 0 and w:autoSpaceDN 0",
                group="a" + g,
            )
        if p.props.widow_control:
            out.add("widow-control", where, "widow control on", "off (22 lines on every page)", group="w" + g)


# ---------------------------------------------------------------- the whole file


def check_docx_xml(doc: Docx) -> list[Finding]:
    """Every XML-level finding for a read DOCX, in reading order of the checks."""
    out = Findings()
    roles = docx_roles(doc)
    paras = doc.paragraphs
    section = doc.sections[-1] if doc.sections else None
    for s in doc.sections:
        _section_checks(s, out)
    body = [p for p, r in zip(paras, roles, strict=True) if r.kind == "body"]
    if section is not None:
        _grid_checks(body, section, out)
    main = body[0].main_props() if body else None
    adv = _advance(main, section) if section is not None else style.BODY.size
    width = (section.width - section.left - section.right - section.gutter) if section else PAGE.body_width
    line = width / adv
    _title_gap(out, paras, roles)
    for p, role in zip(paras, roles, strict=True):
        k = role.kind
        if k in ("empty", "table", "caption"):
            continue
        props = p.main_props()
        _latin_punct(out, p)
        if k != "head" or role.sub != "issuer":
            _colour(out, p, k)
        if k == "body":
            _face(out, "body-face", p, props, style.BODY, "body", "body")
            _size(out, "body-size", p, props, style.BODY, "body", "body")
            _indent(out, "body-indent", p, adv, style.BODY.indent_chars, "paragraph", "body")
            if p.props.jc not in ("both", "distribute"):
                out.add(
                    "body-align",
                    Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text),
                    f"body {_align_name(p.props.jc)}",
                    "justified (两端对齐)",
                    group="align",
                )
            if (
                p.props.before > 0.5
                or p.props.after > 0.5
                or (p.props.before_lines or 0) > 0
                or (p.props.after_lines or 0) > 0
            ):
                out.add(
                    "body-spacing",
                    Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text),
                    f"space before {pt(p.props.before)}, after {pt(p.props.after)}",
                    "0 (no gaps between paragraphs: the grid holds)",
                    group="spacing",
                )
        elif k == "title":
            _face(out, "title-face", p, props, style.TITLE, "title", "title")
            _size(out, "title-size", p, props, style.TITLE, "title", "title")
            if props is not None and props.bold:
                out.add(
                    "title-bold",
                    Where(paragraph=p.index, text=p.text),
                    "title bold",
                    "小标宋 regular (its weight is the face's)",
                )
            if p.props.jc != "center":
                out.add(
                    "title-align",
                    Where(paragraph=p.index, text=p.text),
                    f"title {_align_name(p.props.jc)}",
                    "centred",
                )
        elif k == "subtitle":
            _face(out, "subtitle-face", p, props, style.SUBTITLE, "subtitle", "subtitle")
        elif k == "item":
            block = style.HEADINGS.get(role.level, style.HEADINGS[max(style.HEADINGS)])
            _size(out, "heading-size", p, props, block, f"level-{role.level} item", f"h{role.level}")
            _indent(
                out,
                "heading-indent",
                p,
                adv,
                block.indent_chars,
                f"level-{role.level} item",
                f"h{role.level}",
            )
            if role.marker != role.standard:
                where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
                out.add(
                    "heading-marker", where, f"marker {role.marker}", role.standard, group=f"m{role.marker}"
                )
        elif k == "heading":
            block = style.HEADINGS.get(role.level, style.HEADINGS[max(style.HEADINGS)])
            # the marker and the heading's first characters: a run-in heading's sentence
            # may end at "：" or "。" (practice differs), its opening never is the tail
            head = _span_props(p, 0, len(role.marker) + HEADING_SPAN if role.sentence else None)
            what = f"level-{role.level} heading" + (" sentence" if role.sentence else "")
            _face(out, "heading-face", p, head, block, what, f"h{role.level}")
            _size(out, "heading-size", p, head, block, what, f"h{role.level}")
            _indent(
                out,
                "heading-indent",
                p,
                adv,
                block.indent_chars,
                f"level-{role.level} heading",
                f"h{role.level}",
            )
            where = Where(paragraph=p.index, part=f"style {p.style_name}", text=p.text)
            if role.marker != role.standard:
                out.add(
                    "heading-marker", where, f"marker {role.marker}", role.standard, group=f"m{role.marker}"
                )
            if role.sentence:
                tail = _span_props(p, role.sentence)
                if tail is not None:
                    name, _ = _face_name(tail)
                    if face_kind(name) != wanted_kind(style.BODY.face):
                        out.add(
                            "runin-tail-face",
                            where,
                            f"text after the heading sentence in {name or '(default)'}",
                            f"{wanted_kind(style.BODY.face)} like the body",
                            group=f"t{role.level}{name}",
                        )
            else:
                if p.props.outline != role.level - 1:
                    got = (
                        "no outline level"
                        if p.props.outline is None or p.props.outline > 8
                        else f"outline level {p.props.outline + 1}"
                    )
                    out.add(
                        "heading-outline",
                        where,
                        f"level-{role.level} heading with {got}",
                        f"outline level {role.level} (a Heading {role.level} style)",
                        group=f"o{role.level}",
                    )
                if not p.props.keep_next:
                    out.add(
                        "keep-with-next",
                        where,
                        "heading not kept with the next paragraph",
                        "keep with next",
                        group=f"k{role.level}",
                    )
        elif k in ("recipients", "salutation"):
            want: float = (
                style.RECIPIENTS_INDENT_CHARS if k == "recipients" else style.SALUTATION_INDENT_CHARS
            )
            first, left, _ = _indent_chars(p, adv)
            if abs(first + left - want) > CHAR_TOL or p.props.jc in ("center", "right"):
                code = "recipients-indent" if k == "recipients" else "salutation-indent"
                name = "主送机关" if k == "recipients" else "salutation"
                out.add(
                    code,
                    Where(paragraph=p.index, text=p.text),
                    f"{name} starts {chars(first + left)} in ({_align_name(p.props.jc)})",
                    "顶格 (flush left)",
                )
            _face(out, "body-face", p, props, style.BODY, k, "body")
        elif k == "attachment":
            first, left, _ = _indent_chars(p, adv)
            is_label = rk.ATTACHMENT.match(p.text.strip()) is not None
            indent_want = (
                style.ATTACHMENT_INDENT_CHARS
                if is_label
                else style.ATTACHMENT_INDENT_CHARS + width_in_chars("附件：")
            )
            if abs(first + left - indent_want) > POSITION_TOL_CHARS:
                what = "附件说明" if is_label else "附件说明 item"
                out.add(
                    "attachment-indent",
                    Where(paragraph=p.index, text=p.text),
                    f"{what} starts {chars(first + left)} in",
                    f"{chars(indent_want)}" + ("" if is_label else " (under the first name)"),
                )
        elif k == "date":
            problem = date_problem(p.text)
            if problem:
                out.add(
                    "date-form",
                    Where(paragraph=p.index, text=p.text),
                    f"成文日期 with {problem}",
                    "Arabic numerals, no leading zeros (2024年3月5日)",
                )
        elif k == "note":
            first, left, _ = _indent_chars(p, adv)
            t = p.text.strip()
            if abs(first + left - style.NOTE_INDENT_CHARS) > CHAR_TOL or not (
                t.startswith("（") and t.endswith("）")
            ):
                out.add(
                    "note-form",
                    Where(paragraph=p.index, text=p.text),
                    f"附注 starts {chars(first + left)} in",
                    f"{chars(style.NOTE_INDENT_CHARS)}, in full-width round brackets",
                )
        elif k == "imprint" and props is not None:
            if abs((props.size or 10.5) - style.IMPRINT.size) > SIZE_TOL or face_kind(
                _face_name(props)[0]
            ) != wanted_kind(style.IMPRINT.face):
                out.add(
                    "imprint-size",
                    Where(paragraph=p.index, text=p.text),
                    f"版记 in {pt(props.size or 10.5)} {_face_name(props)[0]}",
                    f"4号 ({pt(style.IMPRINT.size)}) {wanted_kind(style.IMPRINT.face)}",
                    group="imprint",
                )
            imp_adv = (props.size or style.IMPRINT.size) + props.spacing
            first, left, right = _indent_chars(p, imp_adv)
            t = p.text.strip()
            side_ok = (
                (p.props.jc == "right" and abs(right - style.IMPRINT_INSET_CHARS) <= POSITION_TOL_CHARS)
                if t.endswith("印发") and p.props.jc == "right"
                else abs(first + left - style.IMPRINT_INSET_CHARS) <= POSITION_TOL_CHARS
            )
            if not side_ok:
                out.add(
                    "imprint-indent",
                    Where(paragraph=p.index, text=p.text),
                    f"版记 line starts {chars(first + left)} in ({_align_name(p.props.jc)})",
                    f"{chars(style.IMPRINT_INSET_CHARS)} in from the 版心 edge",
                    group="imprint-indent",
                )
        elif k == "head":
            where = Where(paragraph=p.index, text=p.text)
            if role.sub == "issuer":
                colours = {r.props.colour for r in p.runs if r.text.strip()}
                if not all(_is_red(c) for c in colours):
                    out.add("issuer-colour", where, f"发文机关标志 in #{'/#'.join(sorted(colours))}", "red")
                if p.props.jc != "center":
                    out.add("issuer-align", where, f"发文机关标志 {_align_name(p.props.jc)}", "centred")
            elif role.sub == "doc-number":
                problem = doc_number_problem(p.text)
                if problem:
                    out.add("doc-number-form", where, f"发文字号 {problem}", "X〔2024〕3号")
                if p.props.jc != "center":
                    out.add("doc-number-align", where, f"发文字号 {_align_name(p.props.jc)}", "centred")
    if section is not None:
        _signature_date(out, paras, roles, adv, line)
    _page_number_checks(doc, out)
    _settings_checks(doc, body, out)
    return list(out)
