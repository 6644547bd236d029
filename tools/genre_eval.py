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
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "genre"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
KEY_SUFFIX = ".expected.json"

if str(ROOT) not in sys.path:  # run as a script from anywhere: import the checkout's pipeline
    sys.path.insert(0, str(ROOT))


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the shared scorer from its file (it is a script, not an installed module)."""
    spec = importlib.util.spec_from_file_location("gongwen_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cases(fixtures: Path = FIXTURES) -> list[tuple[str, Path, Path]]:
    """(stem, input, key) for every input that has an answer key, sorted by name."""
    out = []
    for key in sorted(fixtures.glob("*" + KEY_SUFFIX)):
        stem = key.name[: -len(KEY_SUFFIX)]
        out.append((stem, fixtures / f"{stem}.txt", key))
    return out


def predict(source: Path) -> tuple[dict[str, Any] | None, str]:
    """The pipeline's doc-tree/1 dict for one input, or (None, why) when it refuses it."""
    from pipeline.core import convert
    from pipeline.errors import PipelineError
    from pipeline.model import to_dict

    try:
        return to_dict(convert(source.read_bytes(), source.name)), ""
    except PipelineError as exc:  # a refusal is scored as a missing prediction, like score.py does
        return None, f"{type(exc).__name__}: {exc}"


def evaluate(score: ModuleType, fixtures: Path = FIXTURES) -> dict[str, Any]:
    """Score every genre input against its key, micro-averaged like ``score.py``'s ``score_dirs``.

    Returns the scorer's result shape (``totals``, ``files``, ``missing``, …) plus
    ``predictions`` (stem → doc-tree dict or None), so callers can print or dump them.
    """
    t0 = time.perf_counter()
    total = dict.fromkeys(score.COUNT_KEYS, 0)
    files: dict[str, Any] = {}
    missing: list[dict[str, str]] = []
    predictions: dict[str, dict[str, Any] | None] = {}
    for stem, source, key in cases(fixtures):
        gold = json.loads(key.read_text(encoding="utf-8"))
        pred, why = predict(source)
        predictions[stem] = pred
        if pred is None:
            missing.append({"file": stem, "why": why})
        counts = score.score_pair(gold, pred)
        files[stem] = score.metrics(counts)
        for k in score.COUNT_KEYS:
            total[k] += counts[k]
    return {
        "totals": score.metrics(total),
        "files": files,
        "missing": missing,
        "unpaired_predictions": [],
        "seconds": round(time.perf_counter() - t0, 3),
        "predictions": predictions,
    }


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
