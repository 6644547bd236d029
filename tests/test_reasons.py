"""The reason registry (pipeline.reasons): every reason any stage emits is in it, once."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from support import FIXTURES, ROOT, SEEDS

from pipeline.clean import RULES, clean, judge
from pipeline.decode import decode
from pipeline.decode.html import vocab
from pipeline.errors import PipelineError
from pipeline.reasons import BY_NAME, REASONS, TITLE_REASONS
from pipeline.structure import structure
from pipeline.text.lexicon import KINDS
from pipeline.text.lines import split_lines

INPUTS = sorted(
    [
        *SEEDS.glob("*.txt"),
        *FIXTURES.rglob("*.txt"),
        *FIXTURES.rglob("*.html"),
        *(p for kind in ("*.md", "*.docx", "*.pdf") for p in (FIXTURES / "formats").rglob(kind)),
    ],
    key=lambda p: str(p),
)


def test_names_are_unique():
    assert len(BY_NAME) == len(REASONS)


def test_every_clean_reason_is_a_rules_name_or_one_the_judge_gives():
    rules = {r.name for r in RULES}
    judged = {k.reason for k in KINDS} | {"page-meta", "repeated-header", judge.REASON}
    assert {r.name for r in REASONS if "clean" in r.stages} == rules | judged
    for name in rules | judged:
        assert "clean" in BY_NAME[name].stages, name


# every rule module is named after its reason; the judge gives several and is named for what it is
MODULES = {judge.REASON: "judge"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_a_rule_module_is_named_after_its_reason_and_says_its_meaning(rule):
    name = MODULES.get(rule.name, rule.name.replace("-", "_"))
    module = importlib.import_module(f"pipeline.clean.{name}")
    doc = ast.get_docstring(ast.parse(Path(str(module.__file__)).read_text("utf-8"))) or ""
    first = " ".join(doc.split("\n\n", 1)[0].split())
    if rule.name in MODULES:
        assert first.startswith(f"{name}: "), first
    else:
        assert first == f"{rule.name}: {BY_NAME[rule.name].meaning}"


def test_every_reason_the_html_path_can_give_is_registered_for_decode():
    tables = (vocab.CHROME_TAGS, vocab.CHROME_ROLES, vocab.CHROME, vocab.WEAK)
    given = {reason for table in tables for reason in table.values()}
    given |= {"site-navigation", "related-links", "site-header", "site-footer", "summary"}  # by position
    for name in given:
        assert "decode" in BY_NAME[name].stages, name


def test_title_reasons_are_the_title_copies():
    assert frozenset({"duplicate-title", "listing-title", "collection-title"}) == TITLE_REASONS


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_reason_emitted_on_the_fixtures_is_registered_for_its_stage(path):
    try:
        decoded = decode(path.read_bytes(), filename=path.name)
    except PipelineError:  # refused inputs emit nothing
        return
    cleaned = clean(split_lines(decoded.text))
    structured = structure(cleaned)
    for stage, removed in (
        ("decode", decoded.removed),
        ("clean", cleaned.removed),
        ("structure", structured.removed),
    ):
        for r in removed:
            assert r.reason in BY_NAME, f"{stage} emitted unregistered reason {r.reason!r}"
            assert stage in BY_NAME[r.reason].stages, f"{r.reason!r} is not registered for {stage}"
