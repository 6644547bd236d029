"""Is an input a web page, and what charset does it declare? (No HTML parser needed.)

Kept apart from :mod:`pipeline.decode.html` so that deciding costs no beautifulsoup4 import:
plain-text inputs, the common case, never load it.
"""

from __future__ import annotations

import io
import re
import zipfile

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# The start of a page: "<!DOCTYPE html", "<html", "<head", "<body" or a "<meta" tag.
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.I)
# <meta charset="gbk">, <meta http-equiv=Content-Type content="text/html; charset=gb2312">,
# <?xml version="1.0" encoding="big5"?>
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9._:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']\s*([a-z0-9._:-]+)", re.I)


def binary_kind(data: bytes) -> str | None:
    """ "pdf" or "docx" when the bytes are one, whatever the file is called; else None.

    A PDF may have a few bytes of junk before its header (readers accept 1 KB of it); a
    .docx is a ZIP holding ``word/document.xml`` (a damaged one, whose directory cannot
    be read, still names its parts in their local headers).

    >>> binary_kind(b"%PDF-1.7"), binary_kind(b"PK\\x03\\x04..word/document.xml"), binary_kind(b"text")
    ('pdf', 'docx', None)
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
            return "docx" if "word/document.xml" in names else None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "docx" if b"word/" in data[:65536] else None
    return None


def looks_like_html(head: str, filename: str = "") -> bool:
    """Whether to read an input as a page: by suffix, or by how its text starts.

    >>> looks_like_html("  <!DOCTYPE html><html>"), looks_like_html("<关于…>通知")
    (True, False)
    """
    if filename.lower().endswith(_PAGE_SUFFIXES):
        return True
    head = head.lstrip("\ufeff \t\r\n")
    return head.startswith("<") and _PAGE_START.search(head) is not None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta>`` or XML declaration).

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb2312'
    """
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii").lower() if found else None
