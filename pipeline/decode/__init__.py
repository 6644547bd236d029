"""decode: bytes → text, and which encoding it was (issue 3).

The one public function, :func:`decode`, turns an input file's bytes into text with LF
line ends, names the encoding it found (doc-tree ``encoding``) and records whatever it
had to drop.  It works in four steps, one module each:

0. **Read what has structure** (issue 16): a PDF with a text layer (:mod:`.pdf`) and a
   Word .docx (:mod:`.docx`), told by their content whatever their name, become lines
   with hints (:class:`~pipeline.model.Hints`) through their own readers; a Markdown
   draft (:mod:`.markdown`: ``.md``, or text that reads as Markdown) after step 2.
1. **Refuse what is not text** (:mod:`.binary`): empty input, files with a known binary
   signature (ZIP/XLSX, old Office/WPS, images, RTF, MHTML) and NUL-ridden
   data that is not UTF-16, each with a one-line reason that says what to do.
2. **Choose the encoding** (:mod:`.charset`) from a sample: ``--encoding``, a BOM, the
   NUL pattern of UTF-16/32, strict UTF-8, else the most plausible legacy encoding.
3. **HTML** (``.html``/``.htm``, or bytes that start like a page) is reduced to its
   visible text lines by :mod:`.html`, which also records the page chrome it removed.
4. **Repair at the boundary** (:mod:`.repair`): line separators, invisible and control
   characters, Unicode spaces, U+FFFD recorded; HTML character references in plain text
   read as the characters they stand for.

Encoding names are Python's lower-case codec names.  The GB family (GB2312, GBK) is
reported as ``gb18030``, the codec actually used: it decodes all of them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.decode import markdown, sniff
from pipeline.decode.binary import refuse_binary
from pipeline.decode.charset import bom_encoding, codec_name, decode_all, detect, forced_encoding
from pipeline.decode.repair import repair, scrub, unescape_entities
from pipeline.errors import EmptyError, InputError
from pipeline.model import NO_HINTS, Decoded, Hint, Hints, Notice, Removal, Table

__all__ = ["SUFFIXES", "codec_name", "decode"]

# what a folder given to `convert` contributes: every kind decode reads
_DOC_TREE = re.compile(r'\A\ufeff?\s*\{\s*"schema"\s*:\s*"doc-tree/')
SUFFIXES = (".txt", ".html", ".htm", *markdown.SUFFIXES, ".docx", ".pdf")


def decode(data: bytes, *, hint: str | None = None, filename: str = "") -> Decoded:
    """Decode ``data`` (an input file's bytes); ``hint`` forces an encoding.

    ``filename`` is used only for its suffix: ``.html``/``.htm`` are read as pages,
    ``.md``/``.markdown`` as Markdown, and a ``.docx`` that is an old ``.doc`` gets advice
    about saving it again.  PDF and DOCX are told by their bytes, whatever the name.

    >>> d = decode("一、基本情况\\r\\n".encode("gb18030"))
    >>> d.text, d.encoding
    ('一、基本情况\\n', 'gb18030')

    Raises :class:`~pipeline.errors.EmptyError` for an empty or blank file and
    :class:`~pipeline.errors.DecodeError` for non-text data, an unknown ``hint`` or
    bytes no candidate decodes without heavy loss.
    """
    if not data:
        raise EmptyError("empty file — nothing to convert")
    kind = sniff.binary_kind(data)
    if kind == "pdf":
        from pipeline.decode import pdf  # pypdfium2 is loaded only for PDFs

        return pdf.read(data).decoded()
    if kind == "docx":
        from pipeline.decode import docx  # python-docx is loaded only for Word files

        return docx.read(data).decoded()
    refuse_binary(data, filename)
    notices: list[Notice] = []
    if hint is not None:
        encoding = forced_encoding(hint, data)
    else:
        encoding = bom_encoding(data) or detect(data, filename, notices)
    text = decode_all(data, encoding, forced=hint is not None)

    if _DOC_TREE.match(text[:512]):
        raise InputError("a doc-tree JSON, not a text — render it with `gongwen render FILE.json`")
    removed: tuple[Removal, ...] = ()
    title_hint = ""
    form = "text"
    tables: tuple[Table, ...] = ()
    hints = NO_HINTS
    if sniff.looks_like_html(text[: sniff.WINDOW], filename):
        form = "html"
        from pipeline.decode import html  # beautifulsoup4 is loaded only for pages

        page = html.extract(text)
        text, title_hint, tables = page.text, page.title_hint, page.tables
        hints = Hints(tuple(Hint(n, "paragraph") for n in page.captions))
        removed = tuple(Removal(scrub(r.text), r.reason, r.line) for r in page.removed)
        if not text.strip() and not removed:
            raise EmptyError("the page has no visible text — nothing to convert")

    elif filename.lower().endswith(markdown.SUFFIXES) or markdown.looks_like_markdown(text):
        text, dropped, repair_notices = repair(text)
        reading = markdown.read(text)
        reading.encoding = encoding
        if not filename.lower().endswith(markdown.SUFFIXES):
            reading.note("markdown", "read as Markdown (its headings and bold leads say so)")
        md = reading.decoded()
        if not md.text.strip() and not md.removed:
            raise EmptyError("the Markdown draft has no text — nothing to convert")
        removed = tuple(sorted(dropped + md.removed, key=lambda r: r.line))
        return replace(md, removed=removed, notices=tuple(notices) + repair_notices + md.notices)
    else:
        text, entities = unescape_entities(text)
        if entities:
            notices.append(
                Notice("html-entities", f"{entities} HTML character reference(s) decoded (&ldquo; → “)")
            )

    text, dropped, repair_notices = repair(text)
    if not text.strip() and not removed:
        raise EmptyError("the file holds only whitespace — nothing to convert")
    removed = tuple(sorted(removed + dropped, key=lambda r: r.line))
    return Decoded(
        text, encoding, removed, tuple(notices) + repair_notices, title_hint, form, tables=tables, hints=hints
    )
