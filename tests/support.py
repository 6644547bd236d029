"""Shared test support: the accounting check ("nothing disappears silently").

Body text plus ``removed`` must account for every visible character of the input.
Compared as multisets after folding what legitimately changes form on the way:
width (NFKC), whitespace, quote style, ellipsis/dash length (the fixers in
``pipeline/normalize.py``).  Heading markers are re-printed in standard form unless
``keep_numbering`` is set, so callers convert with ``Options(keep_numbering=True)``.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.decode.repair import unescape_entities
from pipeline.model import DocTree, body_text

ROOT = Path(__file__).resolve().parent.parent  # the checkout
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"

_FORM = str.maketrans(
    {"“": '"', "”": '"', "‘": "'", "’": "'", "…": "", "—": "", "-": "", "–": "", ".": "", "。": "."}
)


def fold(text: str) -> Counter[str]:
    """Visible characters of ``text`` as a multiset, form differences folded away (HTML
    character references count as the characters they stand for: decode reads them so)."""
    # NFKD, not NFKC: composition can join characters across a removed U+FFFD ("i\ufffd\u0311")
    s = unicodedata.normalize("NFKD", unescape_entities(text)[0]).translate(_FORM)
    return Counter(c for c in s if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


def unaccounted(source_text: str, doc: DocTree) -> Counter[str]:
    """Input characters that are neither in the body nor in ``removed`` (should be empty)."""
    kept = "".join(body_text(a) for a in doc.documents) + "".join(r.text for r in doc.removed)
    return fold(source_text) - fold(kept)


def invented(source_text: str, doc: DocTree) -> Counter[str]:
    """Output characters that the input does not have (should be empty)."""
    kept = "".join(body_text(a) for a in doc.documents) + "".join(r.text for r in doc.removed)
    return fold(kept) - fold(source_text)
