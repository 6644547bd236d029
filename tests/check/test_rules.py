"""The rule table: one row per check, strengths from the spec's marks."""

from __future__ import annotations

import re

from support import ROOT

from pipeline.check.rules import RULES

SPEC = (ROOT.parent / "shared" / "gbt9704.md", ROOT.parent / "shared" / "gbt9704-elements.md")


def test_every_rule_names_a_clause_a_basis_and_a_spec_row():
    for rule in RULES.values():
        assert re.fullmatch(r"\d+(\.\d+)*", rule.clause), rule
        assert rule.basis in ("STD", "PRAC"), rule
        assert rule.spec.startswith(("9704", "E ")), rule
        assert rule.strength == ("standard" if rule.basis == "STD" else "practice")


def test_standard_rules_cite_clauses_the_spec_marks_std():
    """A standard-level rule's clause appears as "STD <clause>" in a spec file (or, for
    clause 9, the GB/T 15834 rows it makes binding)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SPEC if p.exists())
    if not text:
        return  # ../shared not beside the checkout
    for rule in RULES.values():
        if rule.basis == "STD" and rule.clause != "9":
            assert f"STD {rule.clause}" in text, rule
