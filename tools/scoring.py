"""Shared by the evaluation tools: the shared scorer, predictions, element scores.

The shared scorer (``../shared/eval/score.py``) is a script, not a package, so it is
loaded from its file.  :func:`evaluate` scores any list of (name, input, key) cases with
it, micro-averaged as ``score.py`` does; :func:`element_counts` adds what that scorer
does not look at: whether the elements of a formal 公文 (doc-tree/2 blocks other than
headings and paragraphs, and the ``head``/``imprint`` fields) were recognised.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

if str(ROOT) not in sys.path:  # run as a script from anywhere: import the checkout's pipeline
    sys.path.insert(0, str(ROOT))

# the block types of doc-tree/2 scored as elements (headings and paragraphs are the scorer's)
ELEMENT_BLOCKS = ("recipients", "salutation", "byline", "attachment", "signature", "date", "note", "table")
HEAD_FIELDS = ("copy_number", "classification", "urgency", "issuer", "doc_number")
IMPRINT_FIELDS = ("recipients", "cc", "printer", "print_date")

Case = tuple[str, Path, Path]  # (name, input file, key file)
Predict = Callable[[Path], tuple["dict[str, Any] | None", str]]


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the shared scorer from its file."""
    spec = importlib.util.spec_from_file_location("gongwen_shared_score", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(source: Path) -> tuple[dict[str, Any] | None, str]:
    """The pipeline's doc-tree dict for one input, or (None, why) when it refuses it."""
    from pipeline.core import convert
    from pipeline.errors import PipelineError
    from pipeline.model import to_dict

    try:
        return to_dict(convert(source.read_bytes(), source.name)), ""
    except PipelineError as exc:  # a refusal is scored as a missing prediction, like score.py does
        return None, f"{type(exc).__name__}: {exc}"


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def _cell_text(cell: Any) -> str:
    return str(cell.get("text", "")) if isinstance(cell, dict) else str(cell)


def elements(tree: dict[str, Any] | None) -> Counter[tuple[str, str]]:
    """The (element type, folded text) pairs a doc-tree holds, as a multiset."""
    out: Counter[tuple[str, str]] = Counter()
    for doc in (tree or {}).get("documents", []):
        for b in doc.get("blocks", []):
            kind = b.get("type")
            if kind == "table":
                text = "".join(_cell_text(c) for row in b.get("rows", []) for c in row)
                out[("table", _fold(text))] += 1
            elif kind in ELEMENT_BLOCKS:
                out[(kind, _fold(str(b.get("text", ""))))] += 1
        head = doc.get("head") or {}
        for f in HEAD_FIELDS:
            if head.get(f):
                out[(f"head.{f}", _fold(str(head[f])))] += 1
        for name in head.get("signers") or []:
            out[("head.signers", _fold(str(name)))] += 1
        imprint = doc.get("imprint") or {}
        for f in IMPRINT_FIELDS:
            if imprint.get(f):
                out[(f"imprint.{f}", _fold(str(imprint[f])))] += 1
    return out


def element_counts(gold: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, list[int]]:
    """Per element type: [matched, in the key, predicted] (matched by folded text)."""
    g, p = elements(gold), elements(pred)
    both = g & p
    counts: dict[str, list[int]] = {}
    for (kind, _), n in g.items():
        counts.setdefault(kind, [0, 0, 0])[1] += n
    for (kind, _), n in p.items():
        counts.setdefault(kind, [0, 0, 0])[2] += n
    for (kind, _), n in both.items():
        counts[kind][0] += n
    return counts


def in_schema_of(gold: dict[str, Any], pred: dict[str, Any] | None) -> dict[str, Any] | None:
    """The prediction in the key's schema: a doc-tree/1 key (the seeds' and the genre
    corpora's) is scored against the prediction as ``--schema doc-tree/1`` writes it, so
    the elements doc-tree/1 has no type for (a 发文字号 in the 版头, "附件：1." with its
    label and number) are compared as the paragraphs they print, as the key holds them."""
    if pred is None or gold.get("schema") != "doc-tree/1" or pred.get("schema") == "doc-tree/1":
        return pred
    from pipeline.model import from_dict, to_dict

    return to_dict(from_dict(pred), "doc-tree/1")


def evaluate(score: ModuleType, cases: Iterable[Case], predict_one: Predict = predict) -> dict[str, Any]:
    """Score every case against its key, micro-averaged like ``score.py``'s ``score_dirs``.

    Returns the scorer's result shape (``totals``, ``files``, ``missing``, …) plus
    ``predictions`` (name → doc-tree dict or None) and ``elements`` (type → [matched,
    key, predicted], summed over the cases).
    """
    t0 = time.perf_counter()
    total = dict.fromkeys(score.COUNT_KEYS, 0)
    files: dict[str, Any] = {}
    missing: list[dict[str, str]] = []
    predictions: dict[str, dict[str, Any] | None] = {}
    elem: dict[str, list[int]] = {}
    for name, source, key in cases:
        gold = json.loads(key.read_text(encoding="utf-8"))
        pred, why = predict_one(source)
        predictions[name] = pred
        if pred is None:
            missing.append({"file": name, "why": why})
        counts = score.score_pair(gold, in_schema_of(gold, pred))
        files[name] = score.metrics(counts)
        for k in score.COUNT_KEYS:
            total[k] += counts[k]
        for kind, (m, g, p) in element_counts(gold, pred).items():
            row = elem.setdefault(kind, [0, 0, 0])
            row[0] += m
            row[1] += g
            row[2] += p
    return {
        "totals": score.metrics(total),
        "files": files,
        "missing": missing,
        "unpaired_predictions": [],
        "seconds": round(time.perf_counter() - t0, 3),
        "predictions": predictions,
        "elements": elem,
    }
