"""Golden doc-tree snapshots of the seeds: what the pipeline does now.

A mismatch prints the diff and how to accept it.  Goldens change only through
`make golden` (then review `git diff tests/golden`).  They are snapshots, not truth:
truth is ../shared/gold, measured by `make eval`.
"""

import difflib
from pathlib import Path

import pytest

from pipeline.core import convert
from pipeline.render.json import render

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem[:3] for s in SEEDS])
def test_seed_matches_golden(seed):
    golden = ROOT / "tests" / "golden" / (seed.stem + ".json")
    if not golden.exists():
        pytest.fail(f"no golden for {seed.name}: run `make golden`, review, and commit tests/golden/")
    got = render(convert(seed.read_bytes(), seed.name)).decode("utf-8")
    want = golden.read_text("utf-8")
    if got != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), f"golden/{golden.name}", "now", n=2
            )
        )
        pytest.fail(
            f"{seed.name} differs from its golden:\n{diff[:6000]}\n"
            "If the change is intended: `make golden`, review `git diff tests/golden`, commit."
        )


def test_same_input_same_bytes():
    seed = SEEDS[-1]
    assert render(convert(seed.read_bytes(), seed.name)) == render(convert(seed.read_bytes(), seed.name))
