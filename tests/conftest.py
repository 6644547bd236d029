"""Shared test helpers: run one cleaning rule on a text, nothing clever."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from support import ROOT

from pipeline.clean import RULES, Rule, clean
from pipeline.text.lines import split_lines

RunRule = Callable[[ModuleType, str], tuple[list[str], list[str]]]


def _run_rule(module: ModuleType, text: str) -> tuple[list[str], list[str]]:
    """Run the rule of ``module`` alone on ``text``; return (kept line texts, removed texts).

    The rule is built from the module the way :data:`pipeline.clean.RULES` builds it
    (``REASON`` + ``find``), so a rule is tested exactly as it runs, minus its neighbours.
    Every removal must carry that reason: a rule's test can never pass on another rule's work.
    """
    reason = module.REASON
    assert reason in {r.name for r in RULES}, f"{reason!r} is not registered in RULES"
    cleaned = clean(split_lines(text), rules=(Rule(reason, module.find),))
    assert {r.reason for r in cleaned.removed} <= {reason}
    return [ln.text for ln in cleaned.lines], [r.text for r in cleaned.removed]


@pytest.fixture
def run_rule() -> RunRule:
    """``run_rule(module, text) -> (kept_texts, removed_texts)``: one rule, alone, on ``text``."""
    return _run_rule


# ---------------------------------------------------------------- every PDF the suite makes

_PDFS_SCANNED: list[int] = [0]


@pytest.fixture(scope="session", autouse=True)
def no_pdf_draws_a_notdef_box() -> Iterator[None]:
    """Scan every PDF this test process renders for glyph 0 (.notdef, the empty box) —
    from the embedded font subsets, not from the renderer's own report (issue 17).

    Wraps :func:`pipeline.render.pdf.render_checked` for the session, so the CLI, the
    renderer tests, the fuzz and the corpora are all covered; fails at the end of the
    session with the offending characters."""
    from pipeline.render import pdf

    spec = importlib.util.spec_from_file_location("line_audit", ROOT / "tools" / "line_audit.py")
    assert spec is not None
    assert spec.loader is not None
    audit = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("line_audit", audit)  # its dataclasses look their module up
    spec.loader.exec_module(audit)
    original = pdf.render_checked
    seen: set[bytes] = set()
    bad: dict[str, None] = {}

    def checked(article: Any, **options: Any) -> tuple[bytes, str]:
        data, missing = original(article, **options)
        digest = hashlib.sha1(data).digest()
        if digest not in seen:
            seen.add(digest)
            _PDFS_SCANNED[0] += 1
            for ch in audit.notdef_characters(data):
                bad[f"{ch!r} in {article.title[:20]!r}"] = None
        return data, missing

    pdf.render_checked = checked
    try:
        yield
    finally:
        pdf.render_checked = original
    assert not bad, f".notdef glyphs drawn: {list(bad)[:10]}"
