"""The one place the stages meet: bytes in, a DocTree out.

Reading :func:`convert` tells you the whole pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.decode import decode
from pipeline.errors import InputError
from pipeline.lines import split_lines
from pipeline.model import DocTree
from pipeline.rules import clean
from pipeline.structure import structure

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # larger inputs are refused (issue 8)


@dataclass(frozen=True, slots=True)
class Options:
    """What a user can choose per conversion."""

    encoding: str | None = None  # --encoding: force this codec
    title: str | None = None  # --title: supply the title of a single-article input
    keep_numbering: bool = False  # --keep-numbering: print the source's markers
    max_bytes: int = DEFAULT_MAX_BYTES


def convert(data: bytes, source: str, options: Options = Options()) -> DocTree:
    """Decode, clean and structure one input file."""
    if len(data) > options.max_bytes:
        raise InputError(
            f"input is {len(data) / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit"
            " — split the file or raise --max-bytes"
        )
    decoded = decode(data, hint=options.encoding, filename=source)
    cleaned = clean(split_lines(decoded.text), title_hint=decoded.title_hint)
    result = structure(cleaned, title=options.title, keep_numbering=options.keep_numbering)
    if not any(a.blocks or a.title for a in result.articles):
        raise InputError(
            "no body text left after removing web cruft — see `gongwen explain` for what was removed"
        )
    removed = tuple(sorted(decoded.removed + cleaned.removed + result.removed, key=lambda r: r.line))
    return DocTree(
        source=source,
        encoding=decoded.encoding,
        documents=result.articles,
        removed=removed,
        notices=decoded.notices + result.notices,
    )
