"""Shared test support: paths, and the accounting check ("nothing disappears silently").

Body text plus ``removed`` must account for every visible character of the input,
compared as multisets after folding what legitimately changes form on the way
(:func:`pipeline.accounting.visible`: width, whitespace, quote style, ellipsis/dash
length, HTML character references) — the same count the corpus steps report per shard.
Heading markers are re-printed in standard form unless ``keep_numbering`` is set, so
callers convert with ``Options(keep_numbering=True)``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pipeline.accounting import output_text, visible
from pipeline.model import DocTree

ROOT = Path(__file__).resolve().parent.parent  # the checkout
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"

fold = visible  # the name the tests have always used


def unaccounted(source_text: str, doc: DocTree) -> Counter[str]:
    """Input characters that are neither in the body nor in ``removed`` (should be empty)."""
    return visible(source_text) - visible(output_text(doc))


def invented(source_text: str, doc: DocTree) -> Counter[str]:
    """Output characters that the input does not have (should be empty)."""
    return visible(output_text(doc)) - visible(source_text)


def fonts_missing() -> str:
    """Why the PDF fonts cannot be registered here ("" when they can): `make fonts` has
    not run.  Registering them is cached, so asking again costs nothing."""
    from pipeline.errors import RenderError
    from pipeline.render import fonts

    try:
        fonts.register_fonts()
    except RenderError as e:
        return str(e)
    return ""


def needs_fonts():  # type: ignore[no-untyped-def]
    """A mark that skips a test (or, as ``pytestmark``, a module) where the PDF fonts are
    not prepared."""
    import pytest

    reason = fonts_missing()
    return pytest.mark.skipif(bool(reason), reason=reason or "fonts ready")
