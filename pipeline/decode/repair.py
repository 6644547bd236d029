"""Step 4 of decode: repairs at the boundary, so later stages see plain text.

CRLF/CR and other line separators → LF; zero-width and bidi-control characters, the BOM
inside text and control characters (except tab) dropped; every Unicode space separator
(NBSP, U+3000 …) → a plain space; U+FFFD replacement characters dropped, each run
recorded as a ``replacement-char`` removal plus one notice.  None of the dropped
characters but U+FFFD is visible, so "body text + removed" still accounts for all
visible text.  HTML character references left in plain text are read as the
characters they stand for.
"""

from __future__ import annotations

import html as html_lib
import re

from pipeline.model import Notice, Removal

# Line separators other than LF (CR is handled first, as part of CRLF).
_LINE_SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Invisible format characters: BOM/ZWNBSP, zero-width space/joiners, LRM/RLM, bidi
# embeddings and isolates, word joiner and invisible operators, soft hyphen.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u00ad"
# Unicode space separators (category Zs) other than the ASCII space.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n")
_REPAIR_TABLE = str.maketrans(
    {
        **{ch: None for ch in _CONTROLS + _INVISIBLE},
        **{ch: "\n" for ch in _LINE_SEPARATORS},
        **{ch: " " for ch in _SPACES},
    }
)
_SCRUB_TABLE = str.maketrans({**{ch: None for ch in _CONTROLS + _INVISIBLE}, **{ch: " " for ch in _SPACES}})
_DROPPED_RUN = re.compile("\ufffd+|[\ufffe\uffff]+")  # dropped at the boundary and recorded


# a character reference left in copied text, also double-escaped (&amp;ldquo;)
_ENTITY = re.compile(r"&(?:amp;)?(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,7});")


def unescape_entities(text: str) -> tuple[str, int]:
    """Decode HTML character references in plain text ("&ldquo;" "&mdash;&mdash;" "&nbsp;"):
    they are the visible characters a badly saved page wrote in escaped form.  Only
    references that name a character are decoded; "A&B" and unknown names stay.

    >>> unescape_entities("&ldquo;四真&rdquo;&mdash;&mdash;A&B &amp;hellip;")
    ('“四真”——A&B …', 5)
    """
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        ref = m.group().replace("&amp;", "&", 1)
        char = html_lib.unescape(ref)
        if char == ref:
            return m.group()
        count += 1
        return char

    return _ENTITY.sub(repl, text), count


def scrub(text: str) -> str:
    """One line's invisible and control characters dropped, its spaces made plain.

    >>> scrub("当前\\u200b位置\\u3000首页\\x07")
    '当前位置 首页'
    """
    return text.translate(_SCRUB_TABLE)


def repair(text: str) -> tuple[str, tuple[Removal, ...], tuple[Notice, ...]]:
    """The boundary repairs of the module docstring; returns text, removals, notices.

    >>> repair("甲\\r\\n乙\\ufffd\\ufffd丙\\u00a0丁\\u200b")[0]
    '甲\\n乙丙 丁'
    """
    text = text.replace("\r\n", "\n").translate(_REPAIR_TABLE)
    if not _DROPPED_RUN.search(text):
        return text, (), ()
    removed: list[Removal] = []
    line, pos = 1, 0
    for run in _DROPPED_RUN.finditer(text):
        line += text.count("\n", pos, run.start())
        pos = run.start()
        # U+FFFE/U+FFFF are noncharacters: no document format may hold them (XML refuses them)
        reason = "replacement-char" if run.group()[0] == "\ufffd" else "noncharacter"
        removed.append(Removal(run.group(), reason, line))
    notices: list[Notice] = []
    count = sum(len(r.text) for r in removed if r.reason == "replacement-char")
    if count:
        first = next(r.line for r in removed if r.reason == "replacement-char")
        notices.append(
            Notice(
                "replacement-char",
                f"{count} undecodable character(s) (U+FFFD) dropped — if text is missing, pass --encoding NAME",
                first,
            )
        )
    return _DROPPED_RUN.sub("", text), tuple(removed), tuple(notices)
