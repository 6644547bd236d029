"""Fit the judge's weights on the corpus, and say how well they do on sites they never saw.

    python tools/fit_judge.py [--write] [--precision 0.97]

Lines are those the named rules keep (``tools/judge_data.py``) of the dev split's text
inputs (pages are judged from their HTML structure, see ``pipeline.clean.rules_for``),
labelled from the keys; lines the keys remove as copies of a title are left out (title choice is
structure's job, not the judge's).  The model is a logistic regression over
:func:`pipeline.clean.judge.features`, fitted by Newton's method with an L2 penalty.

**Leave-site-out**: the sites are folds; for each, the weights are fitted on every other
site and the fold's lines are scored with them.  The threshold is the lowest probability at
which those out-of-fold predictions keep line precision ≥ ``--precision``; the line-level
precision and recall at that threshold are the estimate for a new site.  ``--write``
then fits on all dev sites and writes :mod:`pipeline.clean.judge_weights`.  The test split
is never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_eval import manifest
from judge_data import samples

from pipeline.clean.judge import feature_names, features, protected
from pipeline.reasons import TITLE_REASONS

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "pipeline" / "clean" / "judge_weights.py"
L2 = 1.0
PRECISION = 0.97  # out-of-fold line precision the threshold is chosen for


def dataset(split: str = "dev") -> tuple[np.ndarray, np.ndarray, list[str], list[object]]:
    """(X, y, site per row, sample per row) for the labelled lines of ``split``."""
    rows, ys, sites, kept = [], [], [], []
    entries = [e for e in manifest() if e.split == split and e.kind == "text"]  # pages: see rules_for
    by_entry: dict[str, list[object]] = defaultdict(list)
    for s in samples(entries):
        by_entry[s.entry.id].append(s)
    for group in by_entry.values():
        evs = [s.evidence for s in group]  # type: ignore[attr-defined]
        lines = [s.line for s in group]  # type: ignore[attr-defined]
        for i, s in enumerate(group):
            if s.label is None or s.reason in TITLE_REASONS:  # type: ignore[attr-defined]
                continue
            if protected(lines, evs, i):  # never judged, so never learnt from
                continue
            prev = evs[i - 1] if i else None
            nxt = evs[i + 1] if i + 1 < len(evs) else None
            rows.append(features(evs[i], prev, nxt))
            ys.append(1.0 if s.label else 0.0)  # type: ignore[attr-defined]
            sites.append(s.entry.site)  # type: ignore[attr-defined]
            kept.append(s)
    return np.array(rows), np.array(ys), sites, kept


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, rounds: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def leave_site_out(x: np.ndarray, y: np.ndarray, sites: list[str]) -> np.ndarray:
    """Out-of-fold probabilities: each site scored with weights fitted without it."""
    out = np.zeros(len(y))
    names = np.array(sites)
    for site in sorted(set(sites)):
        test = names == site
        w = fit(x[~test], y[~test])
        out[test] = 1 / (1 + np.exp(-np.clip(x[test] @ w, -30, 30)))
    return out


def threshold_for(p: np.ndarray, y: np.ndarray, precision: float) -> tuple[float, float, float]:
    """The lowest threshold keeping precision ≥ ``precision``: (threshold, P, R)."""
    best = (1.0, 1.0, 0.0)
    for t in sorted(set(np.round(p, 4)), reverse=True):
        pred = p >= t
        if not pred.any():
            continue
        prec = float((y[pred] == 1).mean())
        rec = float(pred[y == 1].mean())
        if prec >= precision:
            best = (float(t), prec, rec)
    return best


def write(w: np.ndarray, threshold: float, report: str) -> None:
    names = feature_names()
    lines = [
        '"""The judge\'s fitted weights (written by ``python tools/fit_judge.py --write``; do not edit).',
        "",
        *report.splitlines(),
        '"""',
        "",
        "from pipeline.clean.judge import Weights",
        "",
        "WEIGHTS = Weights(",
        "    names=(",
        *(f'        "{n}",' for n in names),
        "    ),",
        "    values=(",
        *(f"        {v:.6f},  # {n}" for n, v in zip(names, w, strict=True)),
        "    ),",
        f"    threshold={threshold:.4f},",
        ")",
        "",
    ]
    OUT.write_text("\n".join(lines), "utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--precision", type=float, default=PRECISION)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--show", action="store_true", help="list the out-of-fold mistakes")
    a = ap.parse_args()
    x, y, sites, kept = dataset("dev")
    p = leave_site_out(x, y, sites)
    t, prec, rec = threshold_for(p, y, a.precision)
    report = (
        f"Fitted on {len(y)} lines of {len(set(sites))} dev sites ({int(y.sum())} debris).\n"
        f"Leave-site-out at threshold {t:.4f}: line precision {prec:.3f}, recall {rec:.3f}."
    )
    print(report)
    if a.show:
        for pi, yi, s in sorted(zip(p, y, kept, strict=True), key=lambda t: -t[0]):
            wrong = (pi >= t) != bool(yi)
            if wrong:
                tag = "FP" if pi >= t else "FN"
                print(f"{tag} {pi:.3f} {s.entry.id[:16]:<16} {s.line.text[:70]}")  # type: ignore[attr-defined]
    if a.write:
        w = fit(x, y)
        write(w, t, report)
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
