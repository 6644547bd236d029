"""Score the pipeline on the second held-out corpus (``tests/fixtures/heldout/``).

    python tools/heldout_eval.py [--json] [--dump DIR] [--scorer PATH]

``tests/fixtures/genre/`` was used to tune the cleaning rules, so it no longer measures
generalisation.  ``tests/fixtures/heldout/`` is a second corpus of fifteen inputs in
forms of debris neither the seeds nor the genre corpus show (WeChat 公众号 and 360doc
copies, 文库 previews with running headers, a government disclosure table, PDF hard
wraps, anti-copy strings, HTML entities, a table of contents, a clean text …), each
``NAME.txt`` with its hand-made answer key ``NAME.expected.json``.  Nobody tunes on it:
fix the *kind* of problem a failure shows, then look at the score again.

``tools/genre_eval.py`` scores a folder through :func:`evaluate` but its command line
is fixed to the genre corpus; this script is the same command for the held-out folder
and reuses its functions, so both tables are computed the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import genre_eval  # a sibling script, not a package: found through the path line above

FIXTURES = genre_eval.ROOT / "tests" / "fixtures" / "heldout"


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON instead of the table")
    ap.add_argument("--dump", type=Path, help="also write each prediction as DIR/NAME.json")
    ap.add_argument("--scorer", type=Path, default=genre_eval.SCORER, help="path of the shared score.py")
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"error: no scorer at {a.scorer} — is ../shared beside the repo?", file=sys.stderr)
        return 1
    score = genre_eval.load_scorer(a.scorer)
    res = genre_eval.evaluate(score, FIXTURES)
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
