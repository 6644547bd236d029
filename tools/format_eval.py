"""Score the pipeline on the Markdown, DOCX and PDF inputs of issue 16 (``tests/fixtures/formats``).

    python tools/format_eval.py [--json] [--dump DIR] [--readme README.md]

The inputs are built from real texts by ``tools/build_format_fixtures.py``, each with
its key ``NAME.expected.json``.  Every kind is scored with the shared scorer
(``../shared/eval/score.py``, through :mod:`scoring`), micro-averaged per kind; the
table has one row per input and one total per kind.  ``--readme`` rewrites the table
between the ``<!-- formats:start -->`` and ``<!-- formats:end -->`` marks.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scoring
from scoring import ROOT, SCORER, load_scorer

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
KINDS = ("markdown", "docx", "pdf")
KEY_SUFFIX = ".expected.json"
COLUMNS = (
    ("ttl", "title_acc"),
    ("cP", "content_p"),
    ("cR", "content_r"),
    ("crR", "cruft_r"),
    ("hF1", "head_f1"),
    ("lvl", "head_level_acc"),
    ("parF1", "para_f1"),
)


def cases(kind: str, fixtures: Path = FIXTURES) -> list[tuple[str, Path, Path]]:
    """(stem, input, key) for every input of ``kind`` that has a key, sorted by name."""
    out = []
    folder = fixtures / kind
    for key in sorted(folder.glob("*" + KEY_SUFFIX)):
        stem = key.name[: -len(KEY_SUFFIX)]
        inputs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".json")]
        if inputs:
            out.append((stem, inputs[0], key))
    return out


def evaluate(fixtures: Path = FIXTURES, scorer: Path = SCORER) -> dict[str, dict[str, Any]]:
    """Per kind: the scorer's result (totals, files, …) over that kind's inputs."""
    score = load_scorer(scorer)
    return {kind: scoring.evaluate(score, cases(kind, fixtures)) for kind in KINDS}


def _cell(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}"


def table(results: dict[str, dict[str, Any]]) -> str:
    """A Markdown table: one row per input, a bold total per kind."""
    head = "| kind | input | " + " | ".join(c for c, _ in COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for kind, res in results.items():
        for name, m in res["files"].items():
            lines.append(f"| {kind} | {name} | " + " | ".join(_cell(m.get(k)) for _, k in COLUMNS) + " |")
        t = res["totals"]
        n = len(res["files"])
        lines.append(
            f"| **{kind}** | **all {n}** | " + " | ".join(f"**{_cell(t.get(k))}**" for _, k in COLUMNS) + " |"
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", type=Path, help="also write each prediction as DIR/KIND/NAME.json")
    ap.add_argument("--readme", type=Path, help="rewrite the table in this README")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"error: no scorer at {a.scorer} — is ../shared beside the repo?", file=sys.stderr)
        return 1
    results = evaluate(scorer=a.scorer)
    for kind, res in results.items():
        predictions = res.pop("predictions")
        if a.dump:
            (a.dump / kind).mkdir(parents=True, exist_ok=True)
            for stem, pred in predictions.items():
                if pred is not None:
                    text = json.dumps(pred, ensure_ascii=False, indent=2) + "\n"
                    (a.dump / kind / f"{stem}.json").write_text(text, encoding="utf-8")
        for miss in res["missing"]:
            print(f"refused: {kind}/{miss['file']}: {miss['why']}", file=sys.stderr)
    text = table(results)
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(text)
    if a.readme:
        readme = a.readme.read_text(encoding="utf-8")
        block = f"<!-- formats:start -->\n{text}\n<!-- formats:end -->"
        new, n = re.subn(r"<!-- formats:start -->.*?<!-- formats:end -->", block, readme, flags=re.S)
        if n != 1:
            print("error: no formats marks in the README", file=sys.stderr)
            return 1
        a.readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
