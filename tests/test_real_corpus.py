"""The real-page corpus (corpus/, issue 14): its manifest holds, and the dev split stays above its floors.

The test split is never scored here: it is scored once, at the end of a round, by
``python tools/corpus_eval.py --split test`` (corpus/README.md).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from support import ROOT

SHARED = ROOT.parent / "shared"
RESERVED = SHARED / "eval" / "reserved.md"
# dev split, tools/corpus_eval.py: the figures minus a margin of about one file's worth.
# The round-2 files (ta, tb, tc, hg, hm: 95) keep their floors (titles raised to 0.85 in round 3); the
# 109 files with the element batch td, te, tf have their own, and so does the tg/th batch.
ROUND2 = ("ta", "tb", "tc", "hg", "hm")
ROUND3 = (*ROUND2, "td", "te", "tf")  # FLOORS_ALL: the 109 files of round 3's element batch
HEADINGS_BATCH = ("tg", "th")  # the headings-and-titles batch (first run: titles 0.615)
FLOORS = {
    "title_acc": 0.85,
    "content_p": 0.95,
    "content_r": 0.98,
    "cruft_r": 0.94,
    "cruft_p": 0.965,
    "head_f1": 0.80,
    "para_f1": 0.93,
}
FLOORS_ALL = {
    "title_acc": 0.85,
    "content_p": 0.955,
    "content_r": 0.98,
    "cruft_r": 0.935,
    "cruft_p": 0.96,
    "head_f1": 0.80,
    "para_f1": 0.94,
}
# the tg/th batch after the rules written on it (0.769 / 0.982 / 0.999 / 0.805 / 1.000 /
# 0.896 / 0.918 on 11 files: a margin of about one file)
FLOORS_HEADINGS_BATCH = {
    "title_acc": 0.69,
    "content_p": 0.97,
    "content_r": 0.99,
    "cruft_r": 0.75,
    "cruft_p": 0.98,
    "head_f1": 0.85,
    "para_f1": 0.90,
}
# element recall on the whole dev split (precision is 0.93–1.00 for every type)
ELEMENT_RECALL_FLOORS = {
    "recipients": 0.76,
    "signature": 0.76,
    "date": 0.78,
    "table": 0.80,
    "attachment": 0.80,
    "byline": 0.50,
}


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus_eval() -> ModuleType:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared not beside the repo")
    return _load("gongwen_corpus_eval", ROOT / "tools" / "corpus_eval.py")


def test_the_manifest_splits_by_site_and_every_file_is_there(corpus_eval):
    entries = corpus_eval.manifest()
    assert len(entries) >= 80
    assert len({e.site for e in entries}) >= 50
    text = [e for e in entries if e.kind == "text"]
    assert len(text) >= 50
    assert len({e.site for e in text}) >= 35
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        want = "test" if hashlib.md5(e.site.encode()).hexdigest()[0] in "01234" else "dev"
        assert e.split == want, e.id
        assert e.key.exists(), e.id
        assert e.input.exists(), e.id
    test = [e for e in entries if e.split == "test"]
    assert len(test) >= 25
    assert len({e.site for e in test}) >= 20


def test_no_input_comes_from_a_reserved_site(corpus_eval):
    if not RESERVED.exists():
        pytest.skip("../shared not beside the repo")
    sites_line = RESERVED.read_text("utf-8").split("Sites:", 1)[1].split("Files in public", 1)[0]
    reserved = [s.strip().split(" ")[0] for s in sites_line.replace("\n", " ").split("·") if s.strip()]
    for e in corpus_eval.manifest():
        for r in reserved:
            host = e.origin.split("/")[2] if "://" in e.origin else e.site
            assert host != r, (e.id, r)
            assert not host.endswith("." + r), (e.id, r)
            assert e.site != r, (e.id, r)


def test_every_key_is_doc_tree_2_with_notes(corpus_eval):
    for e in corpus_eval.manifest():
        key: dict[str, Any] = json.loads(e.key.read_text("utf-8"))
        assert key["schema"] == "doc-tree/2", e.id
        assert key["documents"], e.id
        assert isinstance(key.get("notes"), list), e.id


def test_the_dev_split_stays_above_its_floors(corpus_eval):
    score = corpus_eval.load_scorer()
    entries = [e for e in corpus_eval.manifest() if e.split == "dev"]

    def below(prefixes: tuple[str, ...], floors: dict[str, float]) -> dict[str, float]:
        group = [e for e in entries if e.id.startswith(prefixes)]
        totals = corpus_eval.scoring.evaluate(score, corpus_eval.cases(group))["totals"]
        return {k: round(totals[k], 3) for k, floor in floors.items() if totals[k] < floor}

    assert not below(ROUND2, FLOORS), "the round-2 dev files below their floors — see `make eval-corpus`"
    assert not below(ROUND3, FLOORS_ALL), "round 3's 109 dev files below their floors"
    assert not below(HEADINGS_BATCH, FLOORS_HEADINGS_BATCH), "the tg/th dev files below their floors"
    res = corpus_eval.scoring.evaluate(score, corpus_eval.cases(entries))
    recall = {k: m / g for k, (m, g, _) in res["elements"].items() if g}
    low = {k: round(recall[k], 3) for k, floor in ELEMENT_RECALL_FLOORS.items() if recall[k] < floor}
    assert not low, f"element recall below its floors: {low}"
    kinds = Counter(e.kind for e in entries)
    assert kinds["text"]
    assert kinds["html"]
