"""The judge's training data: every line the named rules keep, with its evidence and a label.

    python tools/judge_data.py [--split dev] [--show debris|content|all] [--id ID]

For each corpus input of the split (never ``test`` unless asked for at the end of a round)
the input is decoded and cleaned by the named rules, exactly as the pipeline does; each
line they keep is labelled from the answer key: **debris** when its text is (nearly all)
in the key's ``removed`` and not in the key's body, **content** when it is in the body,
and left out (``None``) when it is both or neither (a duplicate title, a line the key
split in two).  ``tools/fit_judge.py`` fits the judge's weights on these.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when loaded by path
from corpus_eval import Entry, manifest

from pipeline.clean import NAMED_RULES, Rule, clean
from pipeline.clean.evidence import Evidence, evidence
from pipeline.decode import decode
from pipeline.errors import PipelineError
from pipeline.text.lines import Line, split_lines

GRAM = 4


@dataclass(frozen=True, slots=True)
class Sample:
    entry: Entry
    index: int  # position among the kept lines
    line: Line
    evidence: Evidence
    label: bool | None  # True: debris
    reason: str  # the key's reason for a debris line ("" otherwise)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def _body(key: dict) -> str:
    parts = []
    for d in key["documents"]:
        parts += [d.get("title", ""), d.get("subtitle", "")]
        for v in (d.get("head") or {}).values():
            parts += v if isinstance(v, list) else [v]
        for b in d["blocks"]:
            if b["type"] == "table":
                for row in b["rows"]:
                    parts += [c if isinstance(c, str) else c.get("text", "") for c in row]
            else:
                parts += [b.get("number", ""), b.get("text", ""), b.get("tail", "")]
        parts += [v for v in (d.get("imprint") or {}).values() if isinstance(v, str)]
    return fold("".join(parts))


def _grams(text: str) -> set[str]:
    return {text[i : i + GRAM] for i in range(max(1, len(text) - GRAM + 1))}


def label(f: str, body: str, body_grams: set[str], removed: str, removed_grams: set[str]) -> bool | None:
    """Debris (True), content (False) or unknown (None) for a folded line ``f``."""
    if not f:
        return None
    in_body, in_removed = f in body, f in removed
    if in_removed and not in_body:
        return True
    if in_body and not in_removed:
        return False
    if in_body and in_removed:
        return None
    g = _grams(f)
    b = len(g & body_grams) / len(g)
    r = len(g & removed_grams) / len(g)
    if r >= 0.8 and b < 0.3:
        return True
    if b >= 0.8 and r < 0.3:
        return False
    return None


def samples(entries: list[Entry], rules: Sequence[Rule] = NAMED_RULES) -> Iterator[Sample]:
    """Every line the named ``rules`` keep, labelled (the judge's own input)."""
    for e in entries:
        key = json.loads(e.key.read_text("utf-8"))
        body = _body(key)
        pieces = [(fold(r["text"]), r["reason"]) for r in key["removed"]]
        removed = "\u0000".join(p for p, _ in pieces)
        bg, rg = _grams(body), _grams(removed)
        try:
            decoded = decode(e.input.read_bytes(), filename=e.input.name)
        except PipelineError:
            continue
        kept = clean(split_lines(decoded.text), rules).lines
        for i, (line, ev) in enumerate(zip(kept, evidence(kept), strict=True)):
            lab = label(line.key, body, bg, removed, rg)
            why = next((r for p, r in pieces if line.key and line.key in p), "") if lab else ""
            yield Sample(e, i, line, ev, lab, why)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--show", choices=("debris", "content", "unknown", "all"), default=None)
    ap.add_argument("--id", default=None)
    a = ap.parse_args()
    entries = [e for e in manifest() if e.split == a.split and (a.id is None or e.id == a.id)]
    counts = {True: 0, False: 0, None: 0}
    for s in samples(entries):
        counts[s.label] += 1
        want = {"debris": True, "content": False, "unknown": None}.get(a.show or "", "all")
        if a.show and (want == "all" or s.label is want):
            tag = {True: "D", False: "c", None: "?"}[s.label]
            place = "B" if s.evidence.before_core else "A" if s.evidence.after_core else " "
            print(f"{tag} {place} {s.entry.id[:14]:<14} {s.line.text[:80]}")
    print(f"debris {counts[True]}  content {counts[False]}  unknown {counts[None]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
