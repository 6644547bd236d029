"""Score predictions with the shared scorer and hold them to pinned floors.

    python tools/eval_gate.py GOLD_DIR PRED_DIR [--update] [--readme README.md]

Prints the scorer's table, then checks every total in ``tests/eval_baseline.json``:
a score below its floor fails (exit 1).  ``--update`` raises floors to today's
scores and never lowers one (trafilatura's eval gate); ``--readme`` writes the table
between the ``<!-- eval:start -->`` / ``<!-- eval:end -->`` markers of the README.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "eval_baseline.json"
METRICS = (
    "title_acc",
    "docs_count_acc",
    "content_p",
    "content_r",
    "cruft_r",
    "cruft_p",
    "head_f1",
    "head_level_acc",
    "para_f1",
    "punct",
)


def scorer(gold: Path) -> Path:
    return gold.resolve().parent / "eval" / "score.py"


def run(gold: Path, pred: Path, *json_flag: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(scorer(gold)), str(gold), str(pred), *json_flag],
        check=True,
        capture_output=True,
        text=True,
    )
    return proc.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--update", action="store_true", help="raise the floors to today's scores")
    ap.add_argument("--readme", type=Path, help="write the table into this README")
    a = ap.parse_args()
    if not scorer(a.gold).exists():
        print(f"error: no scorer at {scorer(a.gold)} — is ../shared beside the repo?", file=sys.stderr)
        return 1
    table = run(a.gold, a.pred)
    print(table, end="")
    totals = json.loads(run(a.gold, a.pred, "--json"))["totals"]
    floors: dict[str, float] = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    failed = [
        f"{k} {totals[k]:.3f} < floor {floors[k]:.3f}"
        for k in METRICS
        if k in floors and (totals.get(k) is None or totals[k] < floors[k] - 1e-9)
    ]
    if a.update:
        # rounded down, so a floor never sits above the score it was taken from
        raised = {k: max(floors.get(k, 0.0), math.floor((totals[k] or 0.0) * 1e4) / 1e4) for k in METRICS}
        BASELINE.write_text(json.dumps(raised, indent=2) + "\n")
        print(f"floors written to {BASELINE.relative_to(ROOT)}")
    if a.readme:
        text = a.readme.read_text(encoding="utf-8")
        block = "<!-- eval:start -->\n```\n" + table.rstrip() + "\n```\n<!-- eval:end -->"
        text, n = re.subn(r"<!-- eval:start -->.*?<!-- eval:end -->", lambda _: block, text, flags=re.S)
        if n:
            a.readme.write_text(text, encoding="utf-8")
            print(f"table written to {a.readme}")
    if failed:
        print("eval below the pinned floors:\n  " + "\n  ".join(failed), file=sys.stderr)
        return 1
    print("eval: every total at or above its pinned floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
