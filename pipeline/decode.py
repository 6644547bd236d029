"""decode: bytes → text, and which encoding it was (first version; see issue 3)."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import DecodeError, InputError
from pipeline.model import Notice, Removal


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # LF line ends, visible text only (HTML reduced to its text lines)
    encoding: str  # doc-tree `encoding`: utf-8, utf-8-sig, utf-16, gb18030, big5, ...
    removed: tuple[Removal, ...] = ()  # what decoding dropped (U+FFFD, HTML page chrome)
    notices: tuple[Notice, ...] = ()
    title_hint: str = ""  # an HTML page's <title>/<h1>, a candidate for the title


def decode(data: bytes, *, hint: str | None = None, filename: str = "") -> Decoded:
    """Decode ``data``; ``hint`` forces an encoding."""
    if not data.strip():
        raise InputError("empty file — nothing to convert")
    for enc in ([hint] if hint else ["utf-8-sig", "utf-8", "gb18030"]):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            enc = "utf-8"
        return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), enc)
    raise DecodeError("cannot decode the bytes — pass --encoding NAME to force one")
