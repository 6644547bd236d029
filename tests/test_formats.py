"""The Markdown, DOCX and PDF inputs built from real texts (tests/fixtures/formats), scored.

Floors from issue 16, per kind: content precision and recall ≥ 0.99, headings F1 ≥
0.95, titles ≥ 0.95 (README, "More ways in", has the table: tools/format_eval.py).
Every visible character of an input is in the body or in ``removed``.
"""

from __future__ import annotations

import sys

import pytest
from support import ROOT, unaccounted

sys.path.insert(0, str(ROOT / "tools"))
import format_eval

from pipeline.core import Options, convert
from pipeline.decode import decode

FLOORS = {"content_p": 0.99, "content_r": 0.99, "head_f1": 0.95, "title_acc": 0.95}
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def results():
    if not SCORER.exists():
        pytest.skip("no shared scorer beside the repo")
    return format_eval.evaluate()


@pytest.mark.parametrize("kind", format_eval.KINDS)
def test_each_kind_meets_the_floors(results, kind):
    res = results[kind]
    assert len(res["files"]) >= 6
    assert res["missing"] == []
    for metric, floor in FLOORS.items():
        assert res["totals"][metric] >= floor, (kind, metric, res["totals"][metric])


CASES = [c for kind in format_eval.KINDS for c in format_eval.cases(kind)]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_nothing_the_reader_read_disappears(case):
    _, path, _ = case
    data = path.read_bytes()
    decoded = decode(data, filename=path.name)
    visible = decoded.text + "".join(r.text for r in decoded.removed)
    doc = convert(data, path.name, Options(keep_numbering=True))
    assert not unaccounted(visible, doc)
