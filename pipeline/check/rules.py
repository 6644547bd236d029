"""Every check ``gongwen check`` makes, as one table: code, clause, basis, spec row.

The basis is the mark of the spec row the check enforces (``../shared/gbt9704.md``,
``../shared/gbt9704-elements.md``): **STD** — the text of GB/T 9704-2012 (or of GB/T
15834, which its clause 9 makes binding) — gives a *standard*-level finding, which
fails the file; **PRAC** — office practice, or a file setting whose only purpose is a
standard rule (kinsoku on, theme fonts off) — gives a *practice*-level finding, which
fails it only under ``--strict``.  ``clause`` is the standard's clause the check serves
(for practice rows, the clause the practice implements); ``spec`` is the row of the
spec files (``9704`` = gbt9704.md, ``E`` = gbt9704-elements.md).

The values checked against are never here: they come from the layout table
:mod:`pipeline.render.style`, the one place a number of the layout lives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Basis = Literal["STD", "PRAC"]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    clause: str  # "7.3.3"
    basis: Basis
    spec: str  # the spec row: "9704 §5.2", "E C1"
    meaning: str  # one line, for `gongwen check --rules`

    @property
    def strength(self) -> str:
        """``standard`` for STD rows, ``practice`` for PRAC rows."""
        return "standard" if self.basis == "STD" else "practice"


_TABLE: tuple[Rule, ...] = (
    # ---- page and grid (STD 5)
    Rule("paper-size", "5.1", "STD", "9704 §1.1", "A4 210 × 297 mm, portrait"),
    Rule("margins", "5.2.1", "STD", "9704 §1.2–1.6", "天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (±1 mm)"),
    Rule("lines-per-page", "5.2.3", "STD", "9704 §2.1, 2.6", "22 lines a page filling the 版心"),
    Rule("line-pitch", "5.2.3", "PRAC", "9704 §2.6–2.8", "line pitch 225 mm / 22 (28.95 pt)"),
    Rule("chars-per-line", "5.2.3", "STD", "9704 §2.1, 2.9–2.11", "28 characters a line filling the 版心"),
    Rule("text-colour", "5.2.4", "STD", "9704 §1.10", "text black unless the standard says otherwise"),
    # ---- faces and sizes per role
    Rule("body-face", "7.3.3", "STD", "9704 §3, §5.1", "body in 仿宋 (5.2.2: 3号仿宋 unless stated)"),
    Rule("body-size", "7.3.3", "STD", "9704 §3, §5.1", "body 3号 (16 pt)"),
    Rule("title-face", "7.3.1", "STD", "9704 §3, §4", "title in 小标宋"),
    Rule("title-size", "7.3.1", "STD", "9704 §3, §4", "title 2号 (22 pt)"),
    Rule("title-bold", "7.3.1", "PRAC", "9704 §3 (title: bold no)", "小标宋 carries its weight: no bold"),
    Rule("subtitle-face", "7.3.1", "PRAC", "9704 §4.11", "subtitle/byline under the title in 3号楷体"),
    Rule("heading-face", "7.3.3", "STD", "9704 §6.1", "一、黑体 （一）楷体 1. and （1）仿宋"),
    Rule("heading-size", "7.3.3", "STD", "9704 §3", "headings 3号 (16 pt) like the body (5.2.2)"),
    Rule("heading-marker", "7.3.3", "STD", "9704 §6.2", "markers printed 一、 （一） 1. （1）"),
    Rule(
        "runin-tail-face", "7.3.3", "PRAC", "9704 §6.5", "a run-in heading's text after its sentence in 仿宋"
    ),
    Rule("page-number-face", "7.5", "STD", "9704 §7.1", "page number in 4号宋体"),
    Rule("page-number-size", "7.5", "STD", "9704 §7.1", "page number 4号 (14 pt)"),
    Rule("theme-font", "7.3.3", "PRAC", "9704 §3 (DOCX font rules)", "no theme fonts over the named faces"),
    Rule(
        "latin-punct", "9", "PRAC", "9704 §3 (DOCX font rules), §8.10", "“”‘’—… drawn full-width, not Latin"
    ),
    # ---- title, body, headings
    Rule("title-align", "7.3.1", "STD", "9704 §4.4", "title centred, no indent"),
    Rule("title-gap", "7.3.2", "PRAC", "9704 §4.3", "one blank line under the title"),
    Rule("recipients-gap", "7.3.2", "STD", "E C1", "主送机关 one line below the title"),
    Rule("body-indent", "7.3.3", "STD", "9704 §5.2", "每个自然段左空二字，回行顶格"),
    Rule("body-align", "5.2.3", "PRAC", "9704 §5.3", "body justified so lines fill the 版心"),
    Rule("body-spacing", "5.2.3", "PRAC", "9704 §5.4", "no space before or after body paragraphs"),
    Rule("widow-control", "5.2.3", "PRAC", "9704 §5.5", "widow control off (keeps 22 lines a page)"),
    Rule("first-page-body", "7.3.3", "STD", "E A", "公文首页必须显示正文"),
    Rule("heading-indent", "7.3.3", "STD", "9704 §6.3", "headings 左空二字 like paragraphs"),
    Rule(
        "heading-outline",
        "7.3.3",
        "PRAC",
        "9704 §6.1 (DOCX: Heading styles)",
        "heading paragraphs carry outline levels",
    ),
    Rule(
        "keep-with-next", "7.3.3", "PRAC", "9704 §6.4", "a standalone heading keeps with the next paragraph"
    ),
    Rule("heading-at-foot", "7.3.3", "PRAC", "9704 §6.4", "no heading alone at the foot of a page"),
    # ---- page numbers (STD 7.5)
    Rule("page-number-missing", "7.5", "STD", "9704 §7.1, 7.9", "every page numbered below the 版心"),
    Rule("page-number-form", "7.5", "STD", "9704 §7.1–7.2", "— N —: an 一字线 each side of Arabic digits"),
    Rule("page-number-position", "7.5", "STD", "9704 §7.6", "单页码居右空一字，双页码居左空一字"),
    Rule("page-number-gap", "7.5", "STD", "9704 §7.3", "一字线上距版心下边缘 7 mm"),
    Rule("odd-even-footers", "7.5", "STD", "9704 §7.6, 7.8", "odd and even pages with their own footers"),
    # ---- line breaking (STD 9 → GB/T 15834)
    Rule("kinsoku", "9", "STD", "9704 §8.2–8.3", "no closing mark starts, no opening mark ends a line"),
    Rule("dash-split", "9", "STD", "9704 §8.4", "—— and …… never split across lines"),
    Rule("number-split", "9", "PRAC", "9704 §8.6", "numbers, decimals, %, year+年 kept on one line"),
    Rule("kinsoku-off", "9", "PRAC", "9704 §8.7", "kinsoku on in the file's paragraphs"),
    Rule("overflow-punct", "9", "PRAC", "9704 §8.7", "no punctuation hanging past the 版心"),
    Rule(
        "line-break-lists", "9", "PRAC", "9704 §8.2, 8.8", "the file's kinsoku lists hold GB/T 15834's marks"
    ),
    Rule("autospace", "5.2.3", "PRAC", "9704 §2.1 (issue 17)", "no ¼-em gaps between hanzi and digits"),
    # ---- pages as a whole
    Rule("near-empty-page", "7.3.5.5", "PRAC", "9704 §2.13", "no last page of one or two lines"),
    Rule("signature-alone", "7.3.5.5", "STD", "9704 §9.5, E C7", "署名/日期 never alone on a page"),
    Rule("fonts-embedded", "5.2.2", "PRAC", "9704 §10", "a PDF embeds every font it draws"),
    # ---- elements (gbt9704-elements.md)
    Rule("recipients-indent", "7.3.2", "STD", "E C1", "主送机关 flush left (顶格)"),
    Rule("salutation-indent", "7.3.2", "PRAC", "9704 §4.12", "a speech's salutation flush left like 主送"),
    Rule("attachment-indent", "7.3.4", "STD", "E C3", "附件说明 左空二字, items aligned"),
    Rule("signature-position", "7.3.5.2", "STD", "9704 §9.1, E C4", "署名 右空二字 under the body"),
    Rule("date-position", "7.3.5.2", "STD", "9704 §9.1, E C4", "成文日期 首字比署名首字右移二字"),
    Rule("date-form", "7.3.5.4", "STD", "9704 §9.3, E C6", "成文日期 in Arabic numerals, no leading zeros"),
    Rule("note-form", "7.3.6", "STD", "E C8", "附注 左空二字, in round brackets"),
    Rule("issuer-colour", "7.2.4", "STD", "E B4", "发文机关标志 red"),
    Rule("issuer-align", "7.2.4", "STD", "E B4", "发文机关标志 centred"),
    Rule("doc-number-form", "7.2.5", "STD", "E B6", "发文字号 X〔2024〕3号: 六角括号, no 第, no leading 0"),
    Rule("doc-number-align", "7.2.5", "STD", "E B6", "发文字号 centred (flush left beside 签发人)"),
    Rule("imprint-size", "7.4.2", "STD", "E E2, E4", "版记 in 4号仿宋"),
    Rule("imprint-indent", "7.4.2", "STD", "E E2, E4", "版记 lines 左右各空一字"),
    Rule("imprint-position", "7.4.1", "STD", "E E1", "版记 at the foot of the last page's 版心"),
)

RULES: Final[dict[str, Rule]] = {r.code: r for r in _TABLE}
