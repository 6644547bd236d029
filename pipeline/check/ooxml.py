"""Read a DOCX as the checks need it: body paragraphs with their *effective* properties.

Word decides a paragraph's look from a cascade — document defaults, the paragraph
style and the styles it is based on, list numbering, a run style, then direct
formatting — and a checker that reads only one level is fooled (a run that looks
right in ``document.xml`` while its style's theme font wins, a Heading style whose
face comes from its ``basedOn``).  :func:`read_docx` resolves the cascade once:

* run properties per *slot*: the most specific level that names a font or a theme
  font for a script slot (``ascii``, ``hAnsi``, ``eastAsia``, ``cs``) decides it, and
  at that level a ``*Theme`` attribute wins over the name (ECMA-376 §17.3.2.26);
  theme fonts are resolved through ``theme1.xml`` and ``w:themeFontLang``;
* paragraph properties per attribute, the first-line indent as one slot (a
  ``hanging`` cancels an inherited ``firstLine``; ``*Chars`` values win over twips);
* list numbering (``w:numPr``) turned into the marker Word prints (``%1、`` with
  ``chineseCounting`` → ``一、``), so a heading numbered by a list is still a heading;
* footers per section with their PAGE field shown as ``#``.

Only reading: nothing here judges.  Lengths are in points.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from pipeline.errors import PipelineError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
# w:themeFontLang w:eastAsia → the <a:font script=…> of the theme that Word uses
_SCRIPT_OF_LANG = {
    "zh-CN": "Hans",
    "zh-SG": "Hans",
    "zh-TW": "Hant",
    "zh-HK": "Hant",
    "ja-JP": "Jpan",
    "ko-KR": "Hang",
}


class DocxError(PipelineError):
    """A file that cannot be read as a DOCX."""


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _on(e: etree._Element | None) -> bool | None:
    """An on/off property: None when absent, else its value (no ``w:val`` = on)."""
    if e is None:
        return None
    return e.get(w("val"), "1") not in ("0", "false", "off")


def _num(v: str | None) -> float | None:
    try:
        return float(v) if v is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------- properties


@dataclass(frozen=True, slots=True)
class FontSlot:
    name: str = ""  # explicit name, or the theme font's typeface when theme is set
    theme: str = ""  # "minorEastAsia" … when a theme attribute decided the slot


@dataclass(frozen=True, slots=True)
class RunProps:
    fonts: dict[str, FontSlot]
    hint: str
    size: float | None  # pt
    bold: bool
    colour: str  # "auto", "000000", "FF0000" …
    spacing: float  # pt of character spacing (w:spacing in rPr)

    def font(self, slot: str) -> FontSlot:
        return self.fonts.get(slot, FontSlot())


@dataclass(frozen=True, slots=True)
class ParaProps:
    jc: str  # "both", "left", "center", "right", "distribute", "" (= left)
    left: float  # pt (w:left / w:start; leftChars → chars × 16 pt is not guessed: see left_chars)
    right: float
    left_chars: float | None
    right_chars: float | None
    first: float  # pt; negative = hanging
    first_chars: float | None  # characters; negative = hanging
    before: float  # pt
    after: float
    before_lines: float | None
    after_lines: float | None
    line: float | None  # pt for exact/atLeast; lines (1.0 = single) for auto
    line_rule: str  # "exact" | "atLeast" | "auto"
    outline: int | None  # 0-based outline level
    kinsoku: bool
    overflow_punct: bool
    autospace_de: bool
    autospace_dn: bool
    keep_next: bool
    widow_control: bool
    snap_to_grid: bool


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    props: RunProps


@dataclass(frozen=True, slots=True)
class Para:
    index: int  # 1-based among the body's paragraphs (tables included)
    style_id: str
    style_name: str
    props: ParaProps
    runs: tuple[Run, ...]
    marker: str = ""  # the list-numbering marker Word prints before the text ("一、"), if any
    in_table: bool = False
    page_break_before: bool = False

    @property
    def text(self) -> str:
        """The paragraph as printed, a list marker (the first run) included."""
        return "".join(r.text for r in self.runs)

    def main_props(self) -> RunProps | None:
        """The run properties covering most of the paragraph's visible characters."""
        best: dict[int, tuple[int, RunProps]] = {}
        for r in self.runs:
            n = len(r.text.strip())
            if n:
                key = id(r.props)
                best[key] = (best.get(key, (0, r.props))[0] + n, r.props)
        if not best:
            return self.runs[0].props if self.runs else None
        return max(best.values(), key=lambda t: t[0])[1]


@dataclass(frozen=True, slots=True)
class Footer:
    kind: str  # "default" | "even" | "first"
    paragraphs: tuple[Para, ...]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    def page_field(self) -> Para | None:
        """The paragraph holding a PAGE field (its text shows the number as ``#``)."""
        return next((p for p in self.paragraphs if "#" in p.text), None)


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float
    gutter: float
    header: float
    footer: float
    grid_type: str  # "default" | "lines" | "linesAndChars" | "snapToChars"
    grid_pitch: float | None  # pt
    grid_char_space: int | None  # w:charSpace
    footers: dict[str, Footer]
    title_page: bool


@dataclass(frozen=True, slots=True)
class Docx:
    paragraphs: tuple[Para, ...]
    sections: tuple[Section, ...]
    even_odd: bool
    kinsoku_before: dict[str, str]  # lang → w:noLineBreaksBefore
    kinsoku_after: dict[str, str]
    style_names: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------- the package


class _Package:
    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise DocxError("not a DOCX (not a ZIP package) — give a .docx or a .pdf") from None
        self.names = set(self.zip.namelist())
        main = self._main_part()
        self.main = main
        self.rels = self._rels(main)

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        try:
            return etree.fromstring(
                self.zip.read(name), parser=etree.XMLParser(resolve_entities=False, huge_tree=True)
            )
        except etree.XMLSyntaxError as e:
            raise DocxError(f"broken XML in {name}: {e}") from None

    def _main_part(self) -> str:
        root = self.xml("_rels/.rels")
        if root is not None:
            for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    return str(rel.get("Target", "")).lstrip("/")
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxError("a ZIP file without a Word document in it — give a .docx or a .pdf")

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, _, base = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{base}.rels")
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL}}}Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], path)
        return out

    def related(self, kind: str) -> str | None:
        return next((path for k, path in self.rels.values() if k == kind), None)


def _join(folder: str, target: str) -> str:
    parts = [p for p in folder.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


# ---------------------------------------------------------------- cascade


_RPR_KEYS = ("sz", "b", "color", "spacing")


def _rpr_layer(rpr: etree._Element | None) -> dict[str, Any]:
    """One level of run properties as a flat dict (only what the level sets)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    rf = rpr.find(w("rFonts"))
    if rf is not None:
        for slot in SLOTS:
            theme = rf.get(w(_THEME_ATTR[slot]))
            name = rf.get(w(slot))
            if theme:
                out[f"font.{slot}"] = ("", theme)
            elif name:
                out[f"font.{slot}"] = (name, "")
        if rf.get(w("hint")):
            out["hint"] = rf.get(w("hint"))
    sz = rpr.find(w("sz"))
    if sz is not None and _num(sz.get(w("val"))) is not None:
        out["size"] = float(sz.get(w("val"), "0")) / 2
    b = _on(rpr.find(w("b")))
    if b is not None:
        out["bold"] = b
    color = rpr.find(w("color"))
    if color is not None:
        out["colour"] = color.get(w("val"), "auto")
    sp = rpr.find(w("spacing"))
    if sp is not None and _num(sp.get(w("val"))) is not None:
        out["spacing"] = float(sp.get(w("val"), "0")) / 20
    return out


def _ppr_layer(ppr: etree._Element | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    jc = ppr.find(w("jc"))
    if jc is not None:
        out["jc"] = {"start": "left", "end": "right"}.get(jc.get(w("val"), ""), jc.get(w("val"), ""))
    ind = ppr.find(w("ind"))
    if ind is not None:
        for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
            v = _num(ind.get(w(attr)))
            if v is not None:
                out[key] = v / 20
        for attr, key in (
            ("leftChars", "left_chars"),
            ("startChars", "left_chars"),
            ("rightChars", "right_chars"),
            ("endChars", "right_chars"),
        ):
            v = _num(ind.get(w(attr)))
            if v is not None:
                out[key] = v / 100
        first = _num(ind.get(w("firstLine")))
        hanging = _num(ind.get(w("hanging")))
        first_chars = _num(ind.get(w("firstLineChars")))
        hanging_chars = _num(ind.get(w("hangingChars")))
        if first is not None or hanging is not None or first_chars is not None or hanging_chars is not None:
            out["first"] = -hanging / 20 if hanging is not None else (first or 0) / 20
            chars = -hanging_chars / 100 if hanging_chars else (first_chars / 100 if first_chars else None)
            out["first_chars"] = chars
    sp = ppr.find(w("spacing"))
    if sp is not None:
        for attr in ("before", "after"):
            v = _num(sp.get(w(attr)))
            if v is not None:
                out[attr] = v / 20
            v = _num(sp.get(w(attr + "Lines")))
            if v is not None:
                out[attr + "_lines"] = v / 100
        line = _num(sp.get(w("line")))
        if line is not None:
            rule = sp.get(w("lineRule"), "auto")
            out["line_rule"] = rule
            out["line"] = line / 240 if rule == "auto" else line / 20
    ol = ppr.find(w("outlineLvl"))
    if ol is not None and _num(ol.get(w("val"))) is not None:
        out["outline"] = int(float(ol.get(w("val"), "9")))
    for tag, key in (
        ("kinsoku", "kinsoku"),
        ("overflowPunct", "overflow_punct"),
        ("autoSpaceDE", "autospace_de"),
        ("autoSpaceDN", "autospace_dn"),
        ("keepNext", "keep_next"),
        ("widowControl", "widow_control"),
        ("snapToGrid", "snap_to_grid"),
        ("pageBreakBefore", "page_break_before"),
    ):
        v = _on(ppr.find(w(tag)))
        if v is not None:
            out[key] = v
    return out


# ECMA-376 / Word defaults for what no level sets
_PPR_DEFAULTS: dict[str, Any] = {
    "jc": "",
    "left": 0.0,
    "right": 0.0,
    "left_chars": None,
    "right_chars": None,
    "first": 0.0,
    "first_chars": None,
    "before": 0.0,
    "after": 0.0,
    "before_lines": None,
    "after_lines": None,
    "line": None,
    "line_rule": "auto",
    "outline": None,
    "kinsoku": True,
    "overflow_punct": True,
    "autospace_de": True,
    "autospace_dn": True,
    "keep_next": False,
    "widow_control": False,
    "snap_to_grid": True,
}


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.names: dict[str, str] = {}
        self.default_para = ""
        self.default_rpr: dict[str, Any] = {}
        self.default_ppr: dict[str, Any] = {}
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = _rpr_layer(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            self.default_ppr = _ppr_layer(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for s in root.findall(w("style")):
            sid = s.get(w("styleId"), "")
            self.by_id[sid] = s
            name = s.find(w("name"))
            self.names[sid] = name.get(w("val"), sid) if name is not None else sid
            if s.get(w("type")) == "paragraph" and _on_attr(s.get(w("default"))):
                self.default_para = sid

    def chain(self, sid: str) -> list[etree._Element]:
        """The style and the styles it is based on, base first."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            s = self.by_id[sid]
            out.append(s)
            based = s.find(w("basedOn"))
            sid = based.get(w("val"), "") if based is not None else ""
        return out[::-1]

    def numpr(self, sid: str) -> tuple[str, int] | None:
        found: tuple[str, int] | None = None
        for s in self.chain(sid):
            n = s.find(f"{w('pPr')}/{w('numPr')}")
            if n is not None:
                found = _numpr(n, found)
        return found


def _on_attr(v: str | None) -> bool:
    return v is not None and v not in ("0", "false", "off")


def _numpr(n: etree._Element, inherited: tuple[str, int] | None) -> tuple[str, int] | None:
    num = n.find(w("numId"))
    lvl = n.find(w("ilvl"))
    num_id = num.get(w("val"), "") if num is not None else (inherited[0] if inherited else "")
    ilvl = int(_num(lvl.get(w("val"))) or 0) if lvl is not None else (inherited[1] if inherited else 0)
    return (num_id, ilvl) if num_id and num_id != "0" else None


class _Numbering:
    """numId × level → (the marker Word prints for a first item, the level's pPr/rPr)."""

    _COUNTERS: ClassVar[dict[str, str]] = {
        "decimal": "1",
        "decimalZero": "01",
        "chineseCounting": "一",
        "chineseCountingThousand": "一",
        "ideographTraditional": "甲",
        "japaneseCounting": "一",
        "ideographLegalTraditional": "壹",
        "decimalEnclosedCircle": "①",
        "decimalEnclosedCircleChinese": "①",
        "decimalFullWidth": "１",
        "upperLetter": "A",
        "lowerLetter": "a",
        "upperRoman": "I",
        "lowerRoman": "i",
        "bullet": "",
        "none": "",
    }

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, etree._Element] = {}
        self.nums: dict[str, tuple[str, dict[int, etree._Element]]] = {}
        if root is None:
            return
        for a in root.findall(w("abstractNum")):
            self.abstract[a.get(w("abstractNumId"), "")] = a
        for n in root.findall(w("num")):
            aid = n.find(w("abstractNumId"))
            overrides = {}
            for o in n.findall(w("lvlOverride")):
                lvl = o.find(w("lvl"))
                if lvl is not None:
                    overrides[int(_num(o.get(w("ilvl"))) or 0)] = lvl
            self.nums[n.get(w("numId"), "")] = (aid.get(w("val"), "") if aid is not None else "", overrides)

    def level(self, num_id: str, ilvl: int) -> etree._Element | None:
        if num_id not in self.nums:
            return None
        aid, overrides = self.nums[num_id]
        if ilvl in overrides:
            return overrides[ilvl]
        a = self.abstract.get(aid)
        if a is None:
            return None
        return next((lv for lv in a.findall(w("lvl")) if int(_num(lv.get(w("ilvl"))) or 0) == ilvl), None)

    def marker(self, num_id: str, ilvl: int) -> str:
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return ""
        fmt_e = lvl.find(w("numFmt"))
        fmt = fmt_e.get(w("val"), "decimal") if fmt_e is not None else "decimal"
        text_e = lvl.find(w("lvlText"))
        text = text_e.get(w("val"), "") if text_e is not None else ""
        if fmt == "bullet":
            return text
        counter = self._COUNTERS.get(fmt, "1")
        return re.sub(r"%\d", counter, text)


class _Theme:
    def __init__(self, root: etree._Element | None, lang: str) -> None:
        self.fonts: dict[str, str] = {}
        if root is None:
            return
        script = _SCRIPT_OF_LANG.get(lang, "")
        for which in ("major", "minor"):
            f = root.find(f".//{{{A}}}{which}Font")
            if f is None:
                continue
            latin = f.find(f"{{{A}}}latin")
            ea = f.find(f"{{{A}}}ea")
            ea_name = ea.get("typeface", "") if ea is not None else ""
            if not ea_name and script:
                s = next((x for x in f.findall(f"{{{A}}}font") if x.get("script") == script), None)
                ea_name = s.get("typeface", "") if s is not None else ""
            latin_name = latin.get("typeface", "") if latin is not None else ""
            self.fonts[f"{which}HAnsi"] = self.fonts[f"{which}Ascii"] = latin_name
            self.fonts[f"{which}EastAsia"] = ea_name
            self.fonts[f"{which}Bidi"] = latin_name

    def name(self, theme: str) -> str:
        return self.fonts.get(theme, "") or f"({theme})"


class _Reader:
    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        styles_path = pkg.related("styles")
        self.styles = _Styles(pkg.xml(styles_path) if styles_path else None)
        num_path = pkg.related("numbering")
        self.numbering = _Numbering(pkg.xml(num_path) if num_path else None)
        settings_path = pkg.related("settings")
        self.settings = pkg.xml(settings_path) if settings_path else None
        lang = ""
        if self.settings is not None:
            tfl = self.settings.find(w("themeFontLang"))
            if tfl is not None:
                lang = tfl.get(w("eastAsia"), "")
        theme_path = pkg.related("theme")
        self.theme = _Theme(pkg.xml(theme_path) if theme_path else None, lang)
        self._rpr_cache: dict[tuple[Any, ...], RunProps] = {}

    # -- run properties
    def run_props(self, layers: list[dict[str, Any]]) -> RunProps:
        merged: dict[str, Any] = {}
        for layer in layers:
            merged.update(layer)
        key = tuple(sorted((k, v) for k, v in merged.items()))
        cached = self._rpr_cache.get(key)
        if cached is not None:
            return cached
        fonts = {}
        for slot in SLOTS:
            v = merged.get(f"font.{slot}")
            if v:
                name, theme = v
                fonts[slot] = FontSlot(self.theme.name(theme) if theme else name, theme)
        props = RunProps(
            fonts=fonts,
            hint=merged.get("hint", ""),
            size=merged.get("size"),
            bold=bool(merged.get("bold", False)),
            colour=str(merged.get("colour", "auto")),
            spacing=float(merged.get("spacing", 0.0)),
        )
        self._rpr_cache[key] = props
        return props

    def style_rpr_layers(self, sid: str) -> list[dict[str, Any]]:
        return [_rpr_layer(s.find(w("rPr"))) for s in self.styles.chain(sid)]

    # -- paragraphs
    def paragraph(self, p: etree._Element, index: int, in_table: bool) -> Para:
        ppr = p.find(w("pPr"))
        ps = ppr.find(w("pStyle")) if ppr is not None else None
        sid = ps.get(w("val"), "") if ps is not None else self.styles.default_para
        if sid not in self.styles.by_id:
            sid = self.styles.default_para
        layers = [self.styles.default_ppr]
        layers += [_ppr_layer(s.find(w("pPr"))) for s in self.styles.chain(sid)]
        numpr = self.styles.numpr(sid)
        direct_num = ppr.find(w("numPr")) if ppr is not None else None
        if direct_num is not None:
            numpr = _numpr(direct_num, numpr)
        marker = ""
        num_rpr: dict[str, Any] = {}
        if numpr is not None:
            lvl = self.numbering.level(*numpr)
            if lvl is not None:
                layers.append(_ppr_layer(lvl.find(w("pPr"))))
                num_rpr = _rpr_layer(lvl.find(w("rPr")))
                marker = self.numbering.marker(*numpr)
        direct = _ppr_layer(ppr)
        layers.append(direct)
        merged: dict[str, Any] = dict(_PPR_DEFAULTS)
        for layer in layers:
            if "first" in layer and "first_chars" not in layer:
                merged["first_chars"] = None
            merged.update(layer)
        page_break = bool(merged.pop("page_break_before", False))
        props = ParaProps(**{k: merged[k] for k in _PPR_DEFAULTS})
        base_r = [self.styles.default_rpr, *self.style_rpr_layers(sid)]
        runs = list(self._runs(p, base_r, index))
        if marker:
            runs.insert(0, Run(marker, self.run_props([*base_r, num_rpr])))
        return Para(
            index=index,
            style_id=sid,
            style_name=self.styles.names.get(sid, sid),
            props=props,
            runs=tuple(runs),
            marker=marker,
            in_table=in_table,
            page_break_before=page_break or _has_page_break(p),
        )

    def _runs(self, p: etree._Element, base: list[dict[str, Any]], index: int) -> Iterator[Run]:
        in_field = 0  # nesting of complex fields; 1 = between begin and separate
        field_is_page = False
        for r in _run_elements(p):
            if r.tag == w("fldSimple"):
                instr = r.get(w("instr"), "")
                if re.search(r"\bPAGE\b", instr):
                    yield Run("#", self.run_props(base))
                continue
            rpr = r.find(w("rPr"))
            layers = list(base)
            rs = rpr.find(w("rStyle")) if rpr is not None else None
            if rs is not None:
                layers += self.style_rpr_layers(rs.get(w("val"), ""))
            layers.append(_rpr_layer(rpr))
            text = []
            for c in r:
                tag = c.tag
                if tag == w("fldChar"):
                    kind = c.get(w("fldCharType"))
                    if kind == "begin":
                        in_field = 1
                        field_is_page = False
                    elif kind == "separate":
                        in_field = 2
                        if field_is_page:
                            text.append("#")
                    elif kind == "end":
                        in_field = 0
                elif tag == w("instrText"):
                    if re.search(r"\bPAGE\b", c.text or ""):
                        field_is_page = True
                elif in_field == 1 or (in_field == 2 and field_is_page):
                    continue  # a field's code, or the cached result of a PAGE field
                elif tag == w("t"):
                    text.append(c.text or "")
                elif tag == w("tab"):
                    text.append("\t")
                elif tag in (w("br"), w("cr")):
                    text.append("\n")
                elif tag == w("noBreakHyphen"):
                    text.append("-")
            if text:
                yield Run("".join(text), self.run_props(layers))

    # -- sections
    def section(self, sect: etree._Element, index: int) -> Section:
        def attr(tag: str, name: str) -> float | None:
            e = sect.find(w(tag))
            return _num(e.get(w(name))) if e is not None else None

        def pt(v: float | None, default: float) -> float:
            return v / 20 if v is not None else default

        footers: dict[str, Footer] = {}
        for ref in sect.findall(w("footerReference")):
            kind = ref.get(w("type"), "default")
            rid = ref.get(f"{{{R}}}id", "")
            target = self.pkg.rels.get(rid)
            if target is None:
                continue
            root = self.pkg.xml(target[1])
            if root is None:
                continue
            paras = tuple(self.paragraph(p, 0, False) for p in root.iter(w("p")))
            footers[kind] = Footer(kind, paras)
        grid = sect.find(w("docGrid"))
        return Section(
            index=index,
            width=pt(attr("pgSz", "w"), 612),
            height=pt(attr("pgSz", "h"), 792),
            top=pt(attr("pgMar", "top"), 72),
            bottom=pt(attr("pgMar", "bottom"), 72),
            left=pt(attr("pgMar", "left"), 90),
            right=pt(attr("pgMar", "right"), 90),
            gutter=pt(attr("pgMar", "gutter"), 0),
            header=pt(attr("pgMar", "header"), 36),
            footer=pt(attr("pgMar", "footer"), 36),
            grid_type=grid.get(w("type"), "default") if grid is not None else "default",
            grid_pitch=pt(_num(grid.get(w("linePitch"))), 0) or None if grid is not None else None,
            grid_char_space=int(_num(grid.get(w("charSpace"))) or 0)
            if grid is not None and grid.get(w("charSpace"))
            else None,
            footers=footers,
            title_page=bool(_on(sect.find(w("titlePg")))),
        )


def _has_page_break(p: etree._Element) -> bool:
    return any(br.get(w("type")) == "page" for br in p.iter(w("br")))


_CONTAINERS = {
    w(t) for t in ("hyperlink", "ins", "smartTag", "customXml", "sdt", "sdtContent", "moveTo", "dir", "bdo")
}


def _run_elements(p: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's runs (and simple fields) in order, through hyperlinks, insertions
    and content controls; deleted text and text boxes left out."""
    for c in p:
        if c.tag == w("r"):
            yield c
        elif c.tag == w("fldSimple"):
            yield c
            yield from _run_elements(c)
        elif c.tag in _CONTAINERS:
            yield from _run_elements(c)


def _body_paragraphs(body: etree._Element) -> Iterator[tuple[etree._Element, bool]]:
    """Every paragraph of the body in order, and whether it sits in a table."""
    for c in body:
        if c.tag == w("p"):
            yield c, False
        elif c.tag == w("tbl"):
            for p in c.iter(w("p")):
                yield p, True
        elif c.tag in (w("sdt"), w("customXml")):
            content = c.find(w("sdtContent")) if c.tag == w("sdt") else c
            if content is not None:
                yield from _body_paragraphs(content)


def read_docx(data: bytes) -> Docx:
    """Everything the checks read of a DOCX, with the style cascade resolved.

    Raises :class:`DocxError` for what is not a readable DOCX.
    """
    pkg = _Package(data)
    reader = _Reader(pkg)
    root = pkg.xml(pkg.main)
    if root is None:
        raise DocxError(f"{pkg.main} is missing — not a Word document")
    body = root.find(w("body"))
    if body is None:
        raise DocxError("the document has no body")
    paras: list[Para] = []
    sections: list[Section] = []
    for i, (p, in_table) in enumerate(_body_paragraphs(body), 1):
        paras.append(reader.paragraph(p, i, in_table))
        sect = p.find(f"{w('pPr')}/{w('sectPr')}")
        if sect is not None:
            sections.append(reader.section(sect, len(sections) + 1))
    last = body.find(w("sectPr"))
    if last is not None:
        sections.append(reader.section(last, len(sections) + 1))
    settings = reader.settings
    even_odd = False
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    if settings is not None:
        even_odd = bool(_on(settings.find(w("evenAndOddHeaders"))))
        for tag, store in (("noLineBreaksBefore", before), ("noLineBreaksAfter", after)):
            for e in settings.findall(w(tag)):
                store[e.get(w("lang"), "")] = e.get(w("val"), "")
    return Docx(
        paragraphs=tuple(paras),
        sections=tuple(sections),
        even_odd=even_odd,
        kinsoku_before=before,
        kinsoku_after=after,
        style_names=reader.styles.names,
    )
