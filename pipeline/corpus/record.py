"""One corpus record converted: the pure part of the corpus steps (no datatrove here).

A record is converted exactly as ``gongwen convert FILE --to json`` converts a file of
the same bytes: :func:`pipeline.core.convert_traced` (the body of
:func:`pipeline.core.convert`) makes the tree and the ``json`` renderer of
:data:`pipeline.render.RENDERERS` makes its JSON, so the ``doc_tree`` of a record *is*
the file ``convert`` writes, parsed.  ``name`` plays the part of the file name: its
suffix decides whether the bytes are read as a page (``.html``), as for a file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Final

from pipeline.accounting import Accounting, account
from pipeline.core import Options, convert_traced
from pipeline.decode import SUFFIXES
from pipeline.errors import (
    BinaryError,
    DecodeError,
    EmptyError,
    InputError,
    NoBodyError,
    PipelineError,
    RenderError,
    SchemaError,
    TooBigError,
)
from pipeline.model import DocTree, article_lines
from pipeline.render import RenderOptions, render_outputs

# An error's kind, for the per-shard counts: the first class in this table it is an
# instance of.  ``read`` (a record the reader could not make: a line that is not JSON,
# a missing column) and ``internal`` (a bug) are the two kinds outside the table.
ERROR_KINDS: Final[tuple[tuple[type[PipelineError], str], ...]] = (
    (TooBigError, "too-big"),
    (EmptyError, "empty"),
    (BinaryError, "binary"),
    (DecodeError, "undecodable"),
    (NoBodyError, "no-body"),
    (InputError, "input"),
    (RenderError, "render"),
    (SchemaError, "schema"),
    (PipelineError, "input"),
)
READ = "read"
INTERNAL = "internal"


def error_kind(e: BaseException) -> str:
    """The kind an error is counted under.

    >>> error_kind(NoBodyError("…")), error_kind(BinaryError("…")), error_kind(KeyError("x"))
    ('no-body', 'binary', 'internal')
    """
    return next((kind for cls, kind in ERROR_KINDS if isinstance(e, cls)), INTERNAL)


@dataclass(frozen=True, slots=True)
class Converted:
    """A record converted: its tree, the JSON object ``convert --to json`` writes for it,
    its cleaned text, and where its characters went."""

    doc: DocTree
    tree: dict[str, Any]
    text: str
    accounting: Accounting


def cleaned_text(doc: DocTree) -> str:
    """The text a corpus keeps of a tree: each article's printed lines, one a line
    (版头, title, subtitle, blocks, 版记), articles apart by a blank line.

    >>> from pipeline.model import Article, Paragraph
    >>> cleaned_text(DocTree("x.txt", "utf-8", (Article("甲", "", (Paragraph("乙。"),)),
    ...                                         Article("丙", "", ())), ()))
    '甲\\n乙。\\n\\n丙'
    """
    return "\n\n".join("\n".join(article_lines(a)) for a in doc.documents)


def convert_record(
    data: bytes, name: str, options: Options = Options(), render: RenderOptions = RenderOptions()
) -> Converted:
    """Convert one record's bytes as ``gongwen convert NAME --to json`` would a file.

    Raises :class:`~pipeline.errors.PipelineError` for what the bytes can cause, as
    ``convert`` does; anything else is a bug.
    """
    traced = convert_traced(data, name, options)
    (out,) = render_outputs(traced.doc, stem(name), ("json",), render)
    decoded = traced.decoded
    read = decoded.text + "".join(r.text for r in decoded.removed)
    return Converted(traced.doc, json.loads(out.data), cleaned_text(traced.doc), account(read, traced.doc))


# ---------------------------------------------------------------- names

# The last segment of a path or URL: ".../art/2024/art_1_123.html?id=5#top" → "art_1_123.html"
_LAST_SEGMENT = re.compile(r"([^/\\?#]*)(?:[?#].*)?$")
# What a rendered file's name may hold of a record id: letters (any script), digits, . _ -
_UNSAFE = re.compile(r"[^\w.\-]+")


def source_name(source: str) -> str:
    """The file name a record's ``source`` stands for: the name ``convert`` would see.

    >>> source_name("sub/通知.txt"), source_name("https://x.gov.cn/art/2024/art_1.html?id=5")
    ('通知.txt', 'art_1.html')
    >>> source_name("https://mp.weixin.qq.com/s/AbC"), source_name("https://x.cn/"), source_name("")
    ('AbC', 'x.cn', 'record')
    """
    m = _LAST_SEGMENT.search(source)
    name = m.group(1) if m else ""
    if not name:  # "https://x.cn/": the host is the best name there is
        name = next((seg for seg in reversed(re.split(r"[/\\]+", source.split("?")[0])) if seg), "")
        name = name.split("#")[0]
    return name or "record"


def stem(name: str) -> str:
    """A name without the suffix of an input (``a.txt`` → ``a``), as ``convert`` names its outputs.

    >>> stem("a.txt"), stem("b.HTML"), stem("c.v2"), stem("art_1_123")
    ('a', 'b', 'c.v2', 'art_1_123')
    """
    for suffix in SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def output_stem(record_id: str) -> str:
    """Where a record's rendered files go, from its id: a relative path of safe segments.

    Ids made only of safe segments keep their shape (``sub/a.txt`` → ``sub/a``); any
    other id is made safe and gets 8 hex digits of its hash, so that two ids never share
    a name.

    >>> output_stem("sub/a.txt"), output_stem("gw-00017")
    ('sub/a', 'gw-00017')
    >>> output_stem("<urn:uuid:1b2c>")
    'urn_uuid_1b2c-c46d9593'
    """
    parts = [seg for seg in stem(record_id).split("/") if seg]
    safe = [_UNSAFE.sub("_", seg).strip("._") or "_" for seg in parts] or ["record"]
    result = "/".join(seg[:120] for seg in safe)
    if result != stem(record_id):
        result += "-" + hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:8]
    return result
