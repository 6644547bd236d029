"""Step 1 of decode: refuse what is not text, by the signature of its first bytes.

Checked before any text is decoded, so even ``--encoding`` cannot make an image "decode"
(PDF and DOCX files never get here: :func:`pipeline.decode.decode` reads them).
Each refusal is a one-line :class:`~pipeline.errors.BinaryError` that says what to do.
"""

from __future__ import annotations

import re

from pipeline.errors import BinaryError

# (signature at offset 0, what it looks like, what to do)
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
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
_OFFICE_ADVICE = "open it in Word/WPS and save as .docx or .txt"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# ZIP containers: the part names inside tell a workbook from a plain archive (a .docx
# never gets here: decode reads it).
_ZIP_MEMBERS: tuple[tuple[bytes, str, str], ...] = (
    (b"xl/", "an Excel workbook", "save the sheet as .txt"),
    (b"ppt/", "a PowerPoint file", "copy its text into a .txt file"),
    (b"opendocument", "an OpenDocument file", _OFFICE_ADVICE),
)
_MHTML = re.compile(rb"\A\s*(MIME-Version:|From:|Content-Type:\s*multipart/related)", re.I)


def _not_text(what: str, advice: str) -> BinaryError:
    return BinaryError(f"not a text file (looks like {what}) — {advice or _OFFICE_ADVICE}")


def refuse_binary(data: bytes, filename: str) -> None:
    """Raise for data whose first bytes name a binary format (PDF and DOCX are read
    before this, by :mod:`.pdf` and :mod:`.docx`)."""
    if data.startswith(_OLE):
        _refuse_ole(data, filename)
    for magic, what, advice in _SIGNATURES:
        if data.startswith(magic):
            raise _not_text(what, advice)
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        for member, what, advice in _ZIP_MEMBERS:
            if member in head:
                raise _not_text(what, advice)
        raise _not_text("a ZIP archive", "unpack it and convert the .txt/.html files inside")
    if _MHTML.match(data[:512]) and b"multipart/related" in data[:4096].lower():
        raise _not_text("an MHTML web archive (.mht)", "open it in a browser and save it as .html or .txt")


def _refuse_ole(data: bytes, filename: str) -> None:
    """An OLE compound file: an old .doc/.wps, or a password-protected .docx (Office
    keeps those in an OLE container with an ``EncryptedPackage`` stream)."""
    if "EncryptedPackage".encode("utf-16-le") in data[: 1 << 20]:
        raise BinaryError(
            "a password-protected Word file — remove the password (Word/WPS: File → Info →"
            " Protect Document) and save it again"
        )
    if filename.lower().endswith((".docx", ".dotx")):
        raise BinaryError(
            "a .docx in name only: it is an old Word .doc file, renamed — open it in"
            " Word/WPS/LibreOffice and save it as .docx"
        )
    if filename.lower().endswith((".doc", ".wps", ".dot")):
        raise BinaryError(
            "an old Word/WPS .doc file, which gongwen does not read — save it as .docx"
            " (Word/WPS/LibreOffice: Save As) and convert that"
        )
