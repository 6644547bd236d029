"""What the readers of structured formats share: lines with hints → :class:`~pipeline.model.Decoded`.

A Markdown, Word or PDF reader adds the visible text of its input one line (one block)
at a time with what it knows about the line (:class:`~pipeline.model.Hint`), records
what it drops (page headers and footers, front matter that is not metadata) and what
it had to say (a text box kept as text).  :meth:`Reading.decoded` then does the
boundary repairs the text path does (:mod:`.repair`): invisible and control characters
dropped, Unicode spaces made plain, U+FFFD recorded; empty lines dropped with the hints
renumbered to the lines that remain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from pipeline.decode.repair import scrub
from pipeline.model import Decoded, Hint, HintKind, Hints, Meta, Notice, Removal

# a tab separates a table row's cells (pipeline.structure.hints.CELL_SEPARATOR); any other
# line separator inside a block's text is a space
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_DROPPED = re.compile("\ufffd+|[\ufffe\uffff]+")
BOLD_HEADING_MAX = 40  # a paragraph all in bold this short is a heading; longer, emphasis

Span = tuple[str, bool]  # a run of text and whether it is bold
# inline enumerations (style.md §5.5: never headings), bold or not: 一是 二要 首先 其次 第一，
ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[，,]|首先|其次|再次|最后)"
)


@dataclass
class Reading:
    """A reader's output as it is built (mutable; only :meth:`decoded` leaves the reader)."""

    encoding: str  # doc-tree `encoding`: the format for binary inputs ("docx", "pdf")
    form: str = "text"  # Decoded.form: "markdown", "docx", "pdf"
    lines: list[str] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)  # Hint.line = 1-based index into lines
    removed: list[Removal] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    meta: Meta | None = None
    paragraphs: bool = True  # each line is a whole paragraph (all three readers know them)

    def add(self, text: str, kind: HintKind | None = None, **hint: object) -> int:
        """Add one line (one block); returns its 1-based line number."""
        self.lines.append(text)
        no = len(self.lines)
        if kind is not None:
            self.hints.append(Hint(no, kind, **hint))  # type: ignore[arg-type]
        return no

    def add_paragraph(self, spans: Sequence[Span], prefix: str = "", *, item: bool = False) -> int:
        """Add a paragraph read as runs of bold and plain text; ``prefix`` is its list
        marker as written.  A bold lead followed by plain text makes a run-in heading, a
        short paragraph all in bold a heading (level from its numbering or its place), a
        list ``item`` a paragraph; anything else is left to the text to tell."""
        text = prefix + "".join(t for t, _ in spans).strip()
        k = 0
        while k < len(spans) and not spans[k][0].strip():
            k += 1
        lead = ""
        while k < len(spans) and spans[k][1]:
            lead += spans[k][0]
            k += 1
        rest = "".join(t for t, _ in spans[k:]).strip()
        if ENUMERATION.match(prefix + lead.strip()):
            lead = ""  # "**一是加强领导。**…": an enumeration in bold, not a heading
        if lead.strip() and rest:
            return self.add(text, "run-in", head=prefix + lead.strip())
        if lead.strip() and len(text) <= BOLD_HEADING_MAX and not item:
            return self.add(text, "heading", level=0)
        return self.add(text, "item") if item else self.add(text)

    def drop(self, text: str, reason: str, line: int = 0) -> None:
        """Record visible text the reader leaves out (``reason`` from pipeline.reasons)."""
        text = scrub(_BREAKS.sub(" ", text)).strip()
        if text:
            self.removed.append(Removal(text, reason, line or len(self.lines) + 1))

    def note(self, code: str, message: str, line: int = 0) -> None:
        self.notices.append(Notice(code, message, line))

    def decoded(self) -> Decoded:
        """The lines as decode's result (see the module docstring)."""
        kept: list[str] = []
        renumber: dict[int, int] = {}
        removed = list(self.removed)
        bad = 0
        tables = {h.line for h in self.hints if h.kind == "table"}
        for no, raw in enumerate(self.lines, 1):
            text = scrub(_BREAKS.sub(" ", raw if no in tables else raw.replace("\t", " ")))
            for run in _DROPPED.finditer(text):
                reason = "replacement-char" if run.group()[0] == "\ufffd" else "noncharacter"
                removed.append(Removal(run.group(), reason, len(kept) + 1))
                bad += len(run.group()) if reason == "replacement-char" else 0
            text = _DROPPED.sub("", text).strip()
            if text.replace("\t", "").strip():
                kept.append(text)
                renumber[no] = len(kept)
        notices = list(self.notices)
        if bad:
            notices.append(
                Notice(
                    "replacement-char", f"{bad} character(s) the file does not say how to read were dropped"
                )
            )
        hints = tuple(replace(h, line=renumber[h.line]) for h in self.hints if h.line in renumber)
        return Decoded(
            "\n".join(kept) + "\n" if kept else "",
            self.encoding,
            tuple(sorted(removed, key=lambda r: r.line)),
            tuple(notices),
            form=self.form,
            hints=Hints(hints, paragraphs=self.paragraphs),
            meta=self.meta,
        )
