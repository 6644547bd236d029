"""Is an input a web page, and what charset does it declare? (No HTML parser needed.)

Kept apart from :mod:`pipeline.decode.html` so that deciding costs no beautifulsoup4 import:
plain-text inputs, the common case, never load it.
"""

from __future__ import annotations

import io
import re
import zipfile

_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# How much of the start is looked at: a page saved as .txt may open with scripts, styles
# or a comment longer than a few KB before its first <html> or <body>.
WINDOW = 65536
# The start of a page: "<!DOCTYPE html", "<html", "<head", "<body" or a "<meta" tag.
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.I)
# A page's part saved as text ("view source" copied, a CMS export): it opens with an
# element's tag or a comment and closes some element soon after (issue 13: such a .txt
# was read as text, its tags left to the cleaning rules and half of them kept).
_FRAGMENT_START = re.compile(
    r"<(?:!--|(?:div|p|section|article|main|table|tbody|tr|td|ul|ol|li|h[1-6]|span|font|center|strong"
    r"|b|a|br|form|header|nav|footer|aside|style|script|link|title)(?=[\s>/]))",
    re.I,
)
_END_TAG = re.compile(
    r"</(?:div|p|section|article|table|tr|td|ul|ol|li|h[1-6]|span|font|center|strong|b|a|title)\s*>", re.I
)
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
    """Whether to read an input as a page: by suffix, or by how its text starts (``head``
    is its first :data:`WINDOW` characters): with a page's own tags, or with an
    element's tag or a comment and an element closed soon after (a page's part).

    >>> looks_like_html("  <!DOCTYPE html><html>"), looks_like_html("<关于…>通知")
    (True, False)
    >>> looks_like_html('<div class="content"><p>正文</p>'), looks_like_html("<b>注意</b>：下周开会")
    (True, True)
    >>> looks_like_html("<p>一段文字"), looks_like_html("<附件1>名单</附件1>")
    (False, False)
    """
    if filename.lower().endswith(_PAGE_SUFFIXES):
        return True
    head = head.lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return False
    if _PAGE_START.search(head) is not None:
        return True
    return _FRAGMENT_START.match(head) is not None and _END_TAG.search(head) is not None


def declared_charset(head: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta>`` or XML declaration).

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">')
    'gb2312'
    """
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii").lower() if found else None
