"""Step 1 of decode: refuse what is not text, by the signature of its first bytes.

Checked before anything else, so even ``--encoding`` cannot make a PDF "decode".
Each refusal is a one-line :class:`~pipeline.errors.DecodeError` that says what to do.
"""

from __future__ import annotations

import re

from pipeline.errors import DecodeError

# (signature at offset 0, what it looks like, what to do).  Checked before anything else,
# so even ``--encoding`` cannot make a PDF "decode".
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF", "save it as .txt first (copy the text out, or export it as text)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office/WPS file (.doc/.xls/.wps)", ""),
    (b"{\\rtf", "an RTF document", ""),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "nothing to convert in an image"),
    (b"\xff\xd8\xff", "a JPEG image", "nothing to convert in an image"),
    (b"GIF87a", "a GIF image", "nothing to convert in an image"),
    (b"GIF89a", "a GIF image", "nothing to convert in an image"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"\x7fELF", "a program", "nothing to convert"),
)
_OFFICE_ADVICE = "open it in Word/WPS and save as .txt"
# ZIP containers: the part names inside tell a .docx from a workbook or a plain archive.
_ZIP_MEMBERS: tuple[tuple[bytes, str, str], ...] = (
    (b"word/", "a Word .docx document", "for .docx input " + _OFFICE_ADVICE),
    (b"xl/", "an Excel workbook", "save the sheet as .txt"),
    (b"ppt/", "a PowerPoint file", "copy its text into a .txt file"),
    (b"opendocument", "an OpenDocument file", _OFFICE_ADVICE),
)
_MHTML = re.compile(rb"\A\s*(MIME-Version:|From:|Content-Type:\s*multipart/related)", re.I)
_DOC_SUFFIXES = (".docx", ".doc", ".wps", ".dotx")


def _not_text(what: str, advice: str) -> DecodeError:
    return DecodeError(f"not a text file (looks like {what}) — {advice or _OFFICE_ADVICE}")


def refuse_binary(data: bytes, filename: str) -> None:
    """Raise for data whose first bytes name a binary format."""
    for magic, what, advice in _SIGNATURES:
        if data.startswith(magic):
            raise _not_text(what, advice)
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        for member, what, advice in _ZIP_MEMBERS:
            if member in head:
                raise _not_text(what, advice)
        if filename.lower().endswith(_DOC_SUFFIXES):
            raise _not_text("a Word .docx document", "for .docx input " + _OFFICE_ADVICE)
        raise _not_text("a ZIP archive", "unpack it and convert the .txt/.html files inside")
    if _MHTML.match(data[:512]) and b"multipart/related" in data[:4096].lower():
        raise _not_text("an MHTML web archive (.mht)", "open it in a browser and save it as .html or .txt")
