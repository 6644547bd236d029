"""Score the pipeline on the held-out genre corpus (``tests/fixtures/genre/``).

    python tools/genre_eval.py [--corpus DIR] [--json] [--dump DIR] [--scorer PATH]

The seeds are what the pipeline was tuned on; the genre corpus is fifteen texts of the
same genre written for evaluation only (调研报告, 讲话稿, 心得体会, 工作总结, 实施方案,
党课, news), each ``NAME.txt`` with its hand-made answer key ``NAME.expected.json``
(doc-tree/1 plus ``notes`` on the hard calls).  This tool converts every input in
memory with :func:`pipeline.core.convert` and prints the shared scorer's table, the
same table ``make eval`` prints for the seeds, so the two can be read side by side.

``--dump DIR`` also writes each prediction as ``DIR/NAME.json`` for a closer look
(``python ../shared/eval/score.py tests/fixtures/genre-gold DIR`` style diffs).
The shared scorer lives beside the repo at ``../shared/eval/score.py``; it is loaded
by path because ``shared/`` is not a package.  ``tests/test_corpora.py`` uses
:func:`evaluate` from here, so the test and the tool score the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/scoring.py, also when loaded by path
import scoring
from scoring import ROOT, SCORER, load_scorer

FIXTURES = ROOT / "tests" / "fixtures" / "genre"
KEY_SUFFIX = ".expected.json"


def cases(fixtures: Path = FIXTURES) -> list[tuple[str, Path, Path]]:
    """(stem, input, key) for every input that has an answer key, sorted by name."""
    out = []
    for key in sorted(fixtures.glob("*" + KEY_SUFFIX)):
        stem = key.name[: -len(KEY_SUFFIX)]
        out.append((stem, fixtures / f"{stem}.txt", key))
    return out


def evaluate(score: ModuleType, fixtures: Path = FIXTURES) -> dict[str, Any]:
    """Score every input of ``fixtures`` against its key (see :func:`scoring.evaluate`)."""
    return scoring.evaluate(score, cases(fixtures))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON instead of the table")
    ap.add_argument("--dump", type=Path, help="also write each prediction as DIR/NAME.json")
    ap.add_argument("--scorer", type=Path, default=SCORER, help="path of the shared score.py")
    ap.add_argument(
        "--corpus",
        type=Path,
        default=FIXTURES,
        help="folder of NAME.txt + NAME.expected.json (default: the genre corpus; "
        "tests/fixtures/heldout for the second one)",
    )
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"error: no scorer at {a.scorer} — is ../shared beside the repo?", file=sys.stderr)
        return 1
    score = load_scorer(a.scorer)
    res = evaluate(score, a.corpus)
    predictions = res.pop("predictions")
    if a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        for stem, pred in predictions.items():
            if pred is not None:
                text = json.dumps(pred, ensure_ascii=False, indent=2) + "\n"
                (a.dump / f"{stem}.json").write_text(text, encoding="utf-8")
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        score.print_table(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
