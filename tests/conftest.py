"""Shared test helpers: run one cleaning rule on a text, nothing clever."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

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
