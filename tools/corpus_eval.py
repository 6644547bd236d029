"""Score the pipeline on the real-page corpus (``corpus/``, issue 14).

    python tools/corpus_eval.py [--split dev|test|all] [--files] [--json] [--dump DIR] [--batch td,te]

Reads ``corpus/manifest.tsv``; converts every input in memory (text excerpts from
``corpus/<split>/inputs/``, saved pages from their ``origin`` under ``../shared/pages/``)
and scores it against its key with the shared scorer.  Prints one row of totals per
split and kind (text excerpts, saved pages), then element recognition (precision and
recall per doc-tree/2 element type).

``--files`` adds the per-file table, and ``--dump`` writes the predictions — for the
dev split only: the test split is scored as totals, once, at the end of a round, and
its files are never looked at while rules are written (corpus/README.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/scoring.py, also when loaded by path
import scoring
from scoring import ROOT, SCORER, load_scorer

CORPUS = ROOT / "corpus"
COLUMNS = (
    ("title_acc", "titles"),
    ("content_p", "content P"),
    ("content_r", "content R"),
    ("cruft_r", "cruft R"),
    ("cruft_p", "cruft P"),
    ("head_f1", "headings F1"),
    ("para_f1", "paragraphs F1"),
)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    split: str
    site: str
    kind: str  # text | html
    origin: str
    genre: str
    elements: str

    @property
    def input(self) -> Path:
        if self.kind == "text":
            return CORPUS / self.split / "inputs" / f"{self.id}.txt"
        return (ROOT / self.origin).resolve()

    @property
    def key(self) -> Path:
        return CORPUS / self.split / "keys" / f"{self.id}.json"


def manifest(path: Path = CORPUS / "manifest.tsv") -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as f:
        return [Entry(**row) for row in csv.DictReader(f, delimiter="\t")]


def cases(entries: Sequence[Entry]) -> Iterator[scoring.Case]:
    for e in entries:
        yield e.id, e.input, e.key


def loso_predictors(entries: Sequence[Entry]) -> dict[str, scoring.Predict]:
    """For each dev site, a predictor whose judge was fitted on every other dev site
    (``tools/fit_judge.py``): the leave-site-out estimate for a new site."""
    import fit_judge

    from pipeline.clean import NAMED_RULES, Rule, judge
    from pipeline.core import convert
    from pipeline.errors import PipelineError
    from pipeline.model import to_dict

    x, y, sites, _ = fit_judge.dataset("dev")
    names = judge.feature_names()
    p = fit_judge.leave_site_out(x, y, sites)
    threshold = fit_judge.threshold_for(p, y, fit_judge.PRECISION)[0]
    out: dict[str, scoring.Predict] = {}
    site_array = [s for s in sites]
    for site in sorted({e.site for e in entries}):
        keep = [i for i, s in enumerate(site_array) if s != site]
        w = fit_judge.fit(x[keep], y[keep])
        weights = judge.Weights(names, tuple(float(v) for v in w), threshold)
        rules = (*NAMED_RULES, Rule(judge.REASON, judge.finder(weights)))

        def predict(source: Path, rules: tuple[Rule, ...] = rules) -> tuple[dict[str, Any] | None, str]:
            page = source.suffix.lower() in (".html", ".htm")  # pages get the named rules only
            try:
                return to_dict(
                    convert(source.read_bytes(), source.name, rules=NAMED_RULES if page else rules)
                ), ""
            except PipelineError as exc:
                return None, f"{type(exc).__name__}: {exc}"

        out[site] = predict
    return out


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def table(
    score: ModuleType, entries: Sequence[Entry], splits: Sequence[str], loso: bool = False
) -> tuple[str, dict[str, Any]]:
    """The totals table (markdown) and the raw results per group."""
    groups: dict[str, list[Entry]] = {}
    for split in splits:
        part = [e for e in entries if e.split == split]
        for kind, label in (("text", "text excerpts"), ("html", "saved pages")):
            groups[f"{split}: {label}"] = [e for e in part if e.kind == kind]
        groups[f"{split}: all"] = part
    results: dict[str, Any] = {}
    predictors = loso_predictors([e for e in entries if e.split == "dev"]) if loso else {}

    def predict_one(source: Path) -> tuple[dict[str, Any] | None, str]:
        site = by_input[source]
        return predictors[site](source) if site in predictors else scoring.predict(source)

    by_input = {e.input: e.site for e in entries}
    lines = [
        "| " + " | ".join(["group (files / sites)", *(c for _, c in COLUMNS)]) + " |",
        "|" + "---|" * (len(COLUMNS) + 1),
    ]
    for name, group in groups.items():
        if not group:
            continue
        res = scoring.evaluate(score, cases(group), predict_one)
        results[name] = res
        t = res["totals"]
        label = f"{name} ({len(group)} / {len({e.site for e in group})})"
        lines.append("| " + " | ".join([label, *(_fmt(t[k]) for k, _ in COLUMNS)]) + " |")
    return "\n".join(lines), results


def element_table(results: dict[str, Any], splits: Sequence[str]) -> str:
    lines = [
        "| element | " + " | ".join(f"{s}: P / R (n)" for s in splits) + " |",
        "|---|" + "---|" * len(splits),
    ]
    kinds = sorted({k for s in splits for k in results.get(f"{s}: all", {}).get("elements", {})})
    for kind in kinds:
        cells = []
        for s in splits:
            m, g, p = results.get(f"{s}: all", {}).get("elements", {}).get(kind, [0, 0, 0])
            prec = _fmt(m / p) if p else "—"
            rec = _fmt(m / g) if g else "—"
            cells.append(f"{prec} / {rec} ({g})")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--files", action="store_true", help="per-file table (dev only)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--dump", type=Path, help="write each dev prediction as DIR/ID.json")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument(
        "--loso", action="store_true", help="dev only: each site with the judge fitted on the other sites"
    )
    ap.add_argument(
        "--batch",
        help="only the inputs whose id starts with one of these comma-separated prefixes "
        "(a batch's first run: --batch td,te,tf)",
    )
    a = ap.parse_args()
    if not a.scorer.exists():
        print(f"error: no scorer at {a.scorer} — is ../shared beside the repo?", file=sys.stderr)
        return 1
    score = load_scorer(a.scorer)
    entries = manifest()
    if a.batch:
        entries = [e for e in entries if e.id.startswith(tuple(a.batch.split(",")))]
    splits = ("dev", "test") if a.split == "all" else (a.split,)
    if a.loso and a.split != "dev":
        print("error: --loso scores the dev split (the test split is never fitted on)", file=sys.stderr)
        return 2
    text, results = table(score, entries, splits, loso=a.loso)
    if a.json:
        slim = {
            k: {"totals": v["totals"], "elements": v["elements"], "missing": v["missing"]}
            for k, v in results.items()
        }
        print(json.dumps(slim, ensure_ascii=False, indent=1))
    else:
        print(text)
        print()
        print(element_table(results, splits))
    dev = results.get("dev: all")
    if dev is not None and a.files:
        score.print_table(
            {
                k: v
                for k, v in dev.items()
                if k in ("totals", "files", "missing", "unpaired_predictions", "seconds")
            }
        )
    if dev is not None and a.dump:
        a.dump.mkdir(parents=True, exist_ok=True)
        for name, pred in dev["predictions"].items():
            if pred is not None:
                (a.dump / f"{name}.json").write_text(
                    json.dumps(pred, ensure_ascii=False, indent=2) + "\n", "utf-8"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
