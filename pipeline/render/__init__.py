"""render: the document model → output files, one typed registry of formats.

:data:`RENDERERS` maps each format ``--to`` accepts onto a function of one signature,
``(doc, stem, options) -> Iterator[Output]``: every file that format makes of one converted
input, named after ``stem``.  ``json`` makes one file for the whole input; ``docx``
and ``pdf`` one per article (``stem.pdf`` for one, ``stem-01.pdf``, ``stem-02.pdf`` …
for several, see :func:`output_names`).  The format modules are imported on first use,
so a ``--to json`` run never loads reportlab or python-docx.

An :class:`Output` carries the notices its renderer raised (characters no font has),
so the caller reports them per file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pipeline.errors import PipelineError
from pipeline.model import SCHEMA, Article, DocTree, Heading, Notice, Paragraph

# --docx-for: the reader the DOCX is written for.  "word" (Word, WPS) follows ECMA-376;
# "libreoffice" inverts w:overflowPunct, which LibreOffice imports the wrong way round.
DOCX_READERS: Final = ("word", "libreoffice")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a user can choose about the outputs (the same for every format)."""

    schema: str = SCHEMA  # --schema: the doc-tree version the JSON is written in
    docx_reader: str = DOCX_READERS[0]  # --docx-for
    seal: bool = False  # --seal: 署名/日期 laid out for a seal (GB/T 9704 7.3.5.1)


@dataclass(frozen=True, slots=True)
class Output:
    """One rendered file: its name, its bytes, and what its renderer had to say."""

    name: str
    data: bytes
    notices: tuple[Notice, ...] = ()


Renderer = Callable[[DocTree, str, RenderOptions], Iterator[Output]]


def output_names(stem: str, n_articles: int, fmt: str) -> list[str]:
    """``stem.docx`` for one article; ``stem-01.docx``, ``stem-02.docx``… for several.

    >>> output_names("a", 1, "pdf"), output_names("a", 2, "docx")
    (['a.pdf'], ['a-01.docx', 'a-02.docx'])
    """
    if n_articles == 1:
        return [f"{stem}.{fmt}"]
    return [f"{stem}-{i:02d}.{fmt}" for i in range(1, n_articles + 1)]


def missing_glyphs(missing: str) -> tuple[Notice, ...]:
    """The notice for characters no font of the stack has (empty when there are none).

    >>> missing_glyphs("")
    ()
    >>> [n.message for n in missing_glyphs("😀")]
    ['1 character no font has, left out of the PDF: 😀 (U+1F600)']
    """
    if not missing:
        return ()
    shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:8]) + (" …" if len(missing) > 8 else "")
    n = len(missing)
    what = "character no font has" if n == 1 else "characters no font has"
    return (Notice("missing-glyph", f"{n} {what}, left out of the PDF: {shown}"),)


def _json(doc: DocTree, stem: str, options: RenderOptions) -> Iterator[Output]:
    from pipeline.render import json

    yield Output(f"{stem}.json", json.render(doc, schema=options.schema))


def _docx(doc: DocTree, stem: str, options: RenderOptions) -> Iterator[Output]:
    from pipeline.render import docx

    for name, article in zip(output_names(stem, len(doc.documents), "docx"), doc.documents, strict=True):
        yield Output(
            name, docx.render(article, source=doc.source, reader=options.docx_reader, seal=options.seal)
        )


def _pdf(doc: DocTree, stem: str, options: RenderOptions) -> Iterator[Output]:
    from pipeline.render import pdf

    for name, article in zip(output_names(stem, len(doc.documents), "pdf"), doc.documents, strict=True):
        data, missing = pdf.render_checked(article, seal=options.seal)
        yield Output(name, data, missing_glyphs(missing))


RENDERERS: Final[Mapping[str, Renderer]] = {"docx": _docx, "pdf": _pdf, "json": _json}
FORMATS: Final = tuple(RENDERERS)  # what --to accepts; "all" means every one


def render_outputs(
    doc: DocTree, stem: str, formats: Sequence[str], options: RenderOptions = RenderOptions()
) -> Iterator[Output]:
    """Every file a converted input makes in ``formats``, one at a time.

    A generator, so that a caller can write each output before the next is rendered:
    a 20 MB input makes thousands of PDF pages, and holding them all at once would
    multiply the peak memory.
    """
    for fmt in formats:
        yield from RENDERERS[fmt](doc, stem, options)


def warm_up(formats: Sequence[str], options: RenderOptions = RenderOptions()) -> None:
    """Render a small article once in ``formats``, so that what every render needs first
    (the format modules and reportlab or python-docx, the font caches, the DOCX
    template, the per-character caches) is in memory: a batch calls it before it forks
    its workers, which then share it instead of each loading it again.  A renderer that
    cannot work (fonts not prepared) is left for the inputs to report, one line each.
    """
    article = Article(
        "关于预热的通知",
        "副标题",
        (Paragraph("正文，一二三。ABC 123"), *(Heading(n, "", f"第{n}级标题") for n in (1, 2, 3, 4))),
    )
    try:
        for _ in render_outputs(DocTree("warm.txt", "utf-8", (article,), ()), "warm", formats, options):
            pass
    except PipelineError:
        pass
