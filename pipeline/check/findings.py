"""What an audit reports: findings as frozen dataclasses, and the file-level report.

A :class:`Finding` says which rule (``code``, with its clause of GB/T 9704-2012 and
its strength from :mod:`pipeline.check.rules`), where in the file, what was found and
what the standard (or office practice) wants.  :func:`finding_line` prints it the way
``gongwen check`` does:

>>> f = Finding("page-number-position", Where(page=3, text="- 3 -"), "centred", "one character from the left on even pages")
>>> finding_line(f)
'7.5 standard p3 "- 3 -": centred — want one character from the left on even pages'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.check.rules import RULES, Rule

SNIPPET = 12  # characters of text quoted in a finding's place


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a checked file: a page and line of the rendered page, a paragraph of
    the DOCX body, or a named part (``section 1``, ``style Heading 1``, ``footer even``),
    with the first characters of the text there."""

    page: int = 0  # 1-based; 0 when not on a page
    line: int = 0  # 1-based line of that page's 版心 (body lines only)
    paragraph: int = 0  # 1-based paragraph of the DOCX body
    part: str = ""
    text: str = ""

    def label(self) -> str:
        """``p3 l5 "一、总体要求…"``, ``¶12``, ``style Heading 1``.

        >>> Where(paragraph=4, text="各区人民政府、市政府各委办局：").label()
        '¶4 "各区人民政府、市政府各委…"'
        """
        parts = []
        if self.page:
            parts.append(f"p{self.page}" + (f" l{self.line}" if self.line else ""))
        if self.paragraph:
            parts.append(f"¶{self.paragraph}")
        if self.part:
            parts.append(self.part)
        if self.text:
            t = " ".join(self.text.split())
            parts.append(f'"{t[:SNIPPET]}…"' if len(t) > SNIPPET else f'"{t}"')
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One departure from the layout rules: the rule, the place, found and wanted."""

    code: str  # a key of pipeline.check.rules.RULES
    where: Where
    found: str
    wanted: str

    def __post_init__(self) -> None:
        if self.code not in RULES:
            raise KeyError(f"unregistered check code {self.code!r}")

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def clause(self) -> str:
        return self.rule.clause

    @property
    def strength(self) -> str:
        return self.rule.strength


@dataclass(frozen=True, slots=True)
class Report:
    """The audit of one file: its findings in reading order, and notes about how it was
    read (rendered with LibreOffice or not, fonts it substituted) — notes never count."""

    name: str
    kind: str  # "docx" | "pdf"
    findings: tuple[Finding, ...]
    pages: int = 0  # rendered pages (0: not rendered)
    notes: tuple[str, ...] = field(default=())

    def count(self, strength: str) -> int:
        return sum(1 for f in self.findings if f.strength == strength)

    def failed(self, strict: bool = False) -> bool:
        """Whether the file fails: a standard-level finding (or, ``strict``, any)."""
        return any(strict or f.strength == "standard" for f in self.findings)


def finding_line(f: Finding) -> str:
    """``CLAUSE STRENGTH WHERE: FOUND — want WANTED`` (one line)."""
    where = f.where.label()
    return f"{f.clause} {f.strength}{' ' + where if where else ''}: {f.found} — want {f.wanted}"


def report_to_dict(r: Report) -> dict[str, Any]:
    """A report as JSON data (the ``--json`` output), keys in a fixed order."""
    return {
        "file": r.name,
        "kind": r.kind,
        "pages": r.pages,
        "standard": r.count("standard"),
        "practice": r.count("practice"),
        "notes": list(r.notes),
        "findings": [
            {
                "code": f.code,
                "clause": f.clause,
                "strength": f.strength,
                "spec": f.rule.spec,
                "where": {
                    "page": f.where.page,
                    "line": f.where.line,
                    "paragraph": f.where.paragraph,
                    "part": f.where.part,
                    "text": f.where.text,
                },
                "found": f.found,
                "wanted": f.wanted,
            }
            for f in r.findings
        ],
    }
