"""check: audit a DOCX or PDF against GB/T 9704-2012, clause by clause.

``gongwen check FILE...`` prints one finding a line — clause, strength (standard /
practice, from the STD/PRAC marks of ``../shared/gbt9704.md`` and
``gbt9704-elements.md``, see :mod:`pipeline.check.rules`), where, what was found and
what is wanted — and fails a file on a standard-level finding.

Two sources of evidence:

* **the XML** of a DOCX (:mod:`~pipeline.check.xmlcheck`): page, margins, grid, faces
  and sizes per role, theme fonts, page-number field and footers, kinsoku settings,
  heading styles, the elements of a 公文 — what Word is told;
* **the rendered page** (:mod:`~pipeline.check.pagecheck`): a PDF as it is, a DOCX as
  LibreOffice lays it out (:mod:`~pipeline.check.libreoffice`) — lines per page,
  characters per line, ink margins, page numbers, 避头尾, headings at a page foot,
  near-empty last pages, fonts embedded or substituted.

Every wanted value comes from the layout table :mod:`pipeline.render.style`; the roles
of the paragraphs come from their text (:mod:`~pipeline.check.roles`).  The package
uses the model layer, the text layer's numbering table and ``render.style`` only —
no stage code (the import-linter contract in ``pyproject.toml``).

:func:`check` is pure (bytes in, a report out); :func:`check_files` adds the
LibreOffice render.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.check.findings import Finding, Report, Where, finding_line, report_to_dict
from pipeline.check.libreoffice import RenderUnavailableError, render_pdfs
from pipeline.check.ooxml import read_docx
from pipeline.check.pagecheck import check_pages
from pipeline.check.pdfpage import read_pdf
from pipeline.check.xmlcheck import check_docx_xml
from pipeline.errors import PipelineError

__all__ = ["Finding", "Report", "Where", "check", "check_files", "finding_line", "kind_of", "report_to_dict"]


PAGE_DECIDES = frozenset({"signature-position", "date-position"})  # for a rendered DOCX


class CheckError(PipelineError):
    """A file that is neither a DOCX nor a PDF."""


def kind_of(data: bytes) -> str:
    """``docx`` or ``pdf`` from the file's first bytes; raises :class:`CheckError`.

    >>> kind_of(b"%PDF-1.7 ..."), kind_of(b"PK\\x03\\x04...")
    ('pdf', 'docx')
    """
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    raise CheckError("neither a DOCX nor a PDF — `gongwen check` reads .docx and .pdf files")


def check(data: bytes, name: str, rendered: bytes | None = None, notes: Sequence[str] = ()) -> Report:
    """Audit one file.  ``rendered``: LibreOffice's PDF of a DOCX (None: XML checks only).

    A DOCX's page findings add what its XML findings lack: a rule the XML already
    broke is not reported again from the page — except the 署名/日期 positions, which the
    rendered page decides (:data:`PAGE_DECIDES`).
    """
    kind = kind_of(data)
    out_notes = list(notes)
    if kind == "pdf":
        pdf = read_pdf(data)
        findings, page_notes = check_pages(pdf, from_docx=False)
        return Report(name, kind, tuple(findings), len(pdf.pages), tuple(out_notes + page_notes))
    doc = read_docx(data)
    found = check_docx_xml(doc)
    pages = 0
    if rendered is not None:
        pdf = read_pdf(rendered)
        pages = len(pdf.pages)
        grid = any(s.grid_type in ("linesAndChars", "snapToChars") for s in doc.sections)
        page_findings, page_notes = check_pages(pdf, from_docx=True, char_grid=grid)
        # where 署名 and 日期 sit depends on the fonts' widths and tab stops: the page decides
        found = [f for f in found if f.code not in PAGE_DECIDES]
        codes = {f.code for f in found}
        found += [f for f in page_findings if f.code not in codes]
        out_notes += page_notes
    return Report(name, kind, tuple(found), pages, tuple(out_notes))


def check_files(files: Sequence[tuple[str, bytes]], render: bool = True) -> list[Report | PipelineError]:
    """Audit many files; the DOCX files are laid out by LibreOffice in one call.

    Each result is a :class:`Report`, or the error that kept the file from being read.
    """
    docx = [i for i, (_, data) in enumerate(files) if data[:4] == b"PK\x03\x04"]
    rendered: dict[int, bytes | None] = {}
    note = ""
    if render and docx:
        try:
            for i, pdf in zip(docx, render_pdfs([files[i][1] for i in docx]), strict=True):
                rendered[i] = pdf
        except RenderUnavailableError as e:
            note = f"not rendered: {e} — XML checks only"
    elif docx:
        note = "not rendered (--no-render): XML checks only"
    out: list[Report | PipelineError] = []
    for i, (name, data) in enumerate(files):
        notes = []
        if i in docx and note:
            notes = [note]
        elif i in docx and render and rendered.get(i) is None:
            notes = ["LibreOffice could not lay the file out: XML checks only"]
        try:
            out.append(check(data, name, rendered.get(i), notes))
        except PipelineError as e:
            out.append(e)
    return out
