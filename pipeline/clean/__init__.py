"""clean: remove web cruft, one small named rule per kind of debris.

Each rule module is named after the ``reason`` it reports and has one function,
``find(lines) -> Iterable[Cut]``: it *points at* cruft, never edits text.  The
engine here does every cut and records each piece in ``removed`` with the rule's
name, so no rule can drop text silently.  Rules run in the order of :data:`RULES`
(reviewed like code, markdown-it style), each on the lines the earlier ones kept.

Pass ``rules=`` to run a subset (that is how one rule is tested alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType

from pipeline.clean import (
    anti_copy,
    article_marker,
    assistant_chatter,
    breadcrumb,
    collection_title,
    disclaimer,
    download_prompt,
    duplicate_content,
    duplicate_title,
    file_name,
    html_fragment,
    injected_title,
    inline_ad,
    jammer,
    journal_metadata,
    judge,
    judge_weights,
    listing_title,
    page_meta,
    page_number,
    related_links,
    repeated_header,
    running_header,
    site_banner,
    site_footer,
    site_navigation,
    table_of_contents,
    template_placeholder,
    truncation_mark,
)
from pipeline.clean.base import Cut
from pipeline.model import Cleaned, Notice, Removal
from pipeline.reasons import TITLE_REASONS
from pipeline.text.lines import Line


@dataclass(frozen=True, slots=True)
class Rule:
    name: str  # the `reason` reported in `removed` (registered in pipeline.reasons)
    find: Callable[[Sequence[Line]], Iterable[Cut]]


def _rule(module: ModuleType) -> Rule:
    return Rule(module.REASON, module.find)


NAMED_RULES: tuple[Rule, ...] = tuple(
    _rule(m)
    for m in (
        # whole-page furniture first: it frames everything else
        assistant_chatter,
        breadcrumb,
        site_banner,
        site_navigation,
        page_meta,
        site_footer,
        anti_copy,  # before disclaimer: a glued "本文由…网整理发布" stamp is cut, not its paragraph
        disclaimer,
        template_placeholder,
        file_name,
        related_links,
        # debris glued into the text
        download_prompt,
        html_fragment,
        running_header,
        journal_metadata,
        page_number,
        repeated_header,
        table_of_contents,
        inline_ad,
        truncation_mark,
        jammer,
        duplicate_content,  # before the title rules: the copy's title goes with its text
        # titles: repeats, listing lines, collections, injected lines
        collection_title,
        article_marker,
        listing_title,
        duplicate_title,
        injected_title,
    )
)

# the judge weighs what the named rules left (pipeline/clean/judge.py); it runs last
JUDGE = Rule(judge.REASON, judge.finder(judge_weights.WEIGHTS))
RULES: tuple[Rule, ...] = (*NAMED_RULES, JUDGE)


JUDGED_FORMS = frozenset({"text", "pdf"})  # text copied off the web, a 文库 PDF's text layer


def rules_for(form: str) -> tuple[Rule, ...]:
    """The rules for an input of this form (``Decoded.form``).  The judge is fitted on
    text copied off the web and runs on that and on PDF text layers; a page's lines were
    already judged from its HTML structure, and Markdown and Word drafts are written by a
    user, so those get the named rules only."""
    return RULES if form in JUDGED_FORMS else NAMED_RULES


_SPACES = re.compile(r"[ \t]{2,}")  # a cut between two spaces leaves one
OVERCLEAN_SHARE = 0.5  # a notice when cleaning removes more than this share of the text


def _apply(lines: Sequence[Line], cuts: Iterable[Cut], reason: str) -> tuple[list[Line], list[Removal]]:
    by_line: dict[int, list[tuple[int, int, bool, str]]] = {}
    evidence: dict[int, str] = {}
    for c in cuts:
        text = lines[c.index].text
        end = len(text) if c.end is None else c.end
        if 0 <= c.start < end <= len(text):
            by_line.setdefault(c.index, []).append((c.start, end, c.split, c.reason or reason))
            if c.evidence:
                evidence[c.index] = c.evidence
    kept: list[Line] = []
    removed: list[Removal] = []
    carry_gap = False
    carry_boundary = False  # an article start marked on a line that was cut away whole
    for i, line in enumerate(lines):
        spans = by_line.get(i)
        if not spans:
            if carry_gap or carry_boundary:
                line = Line(line.no, line.text, True, boundary=line.boundary or carry_boundary)
            kept.append(line)
            carry_gap = carry_boundary = False
            continue
        merged: list[tuple[int, int, bool, str]] = []  # (start, end, split, reason)
        for s, e, split, why in sorted(spans):
            if merged and s <= merged[-1][1]:
                ps, pe, psplit, pwhy = merged[-1]
                merged[-1] = (ps, max(pe, e), psplit or split, pwhy)
            else:
                merged.append((s, e, split, why))
        text = line.text
        pieces: list[tuple[str, bool]] = []  # (text, starts an article)
        current, boundary, pos = "", line.boundary, 0
        for s, e, split, why in merged:
            piece = text[s:e].strip()
            if piece:
                removed.append(Removal(piece, why, line.no, evidence.get(i, "")))
            current += text[pos:s]
            if split:
                pieces.append((current, boundary))
                current, boundary = "", True
            elif text[s:e][:1].isspace() or text[e - 1 : e].isspace():
                current += " "  # keep words on either side of the cut apart
            pos = e
        current += text[pos:]
        pieces.append((current, boundary))
        for k, (piece_text, starts) in enumerate(pieces):
            piece_text = _SPACES.sub(" ", piece_text).strip()
            if not piece_text:
                carry_gap = carry_gap or k == 0
                carry_boundary = carry_boundary or starts
                continue
            gap = (line.gap_before or carry_gap) if k == 0 else True
            kept.append(Line(line.no, piece_text, gap, boundary=starts or carry_boundary))
            carry_gap = carry_boundary = False
        if not any(p.strip() for p, _ in pieces):
            carry_gap = True  # a removed line separates what stood around it
    return kept, removed


def clean(lines: Sequence[Line], rules: Sequence[Rule] = RULES) -> Cleaned:
    """Run every rule in order; return the kept lines and what was removed."""
    current = list(lines)
    removed: list[Removal] = []
    for rule in rules:
        current, gone = _apply(current, rule.find(tuple(current)), rule.name)
        removed.extend(gone)
    removed.sort(key=lambda r: r.line)  # stable: same-line pieces keep rule order
    notices: list[Notice] = []
    total = sum(len(ln.key) for ln in lines)
    lost = sum(len(r.text) for r in removed)
    if total and lost / total > OVERCLEAN_SHARE:
        notices.append(
            Notice(
                "over-cleaned",
                f"cleaning removed {lost / total:.0%} of the text — check `gongwen explain` output",
            )
        )
    title_cuts = tuple(sorted(r.line for r in removed if r.reason in TITLE_REASONS))
    return Cleaned(tuple(current), tuple(removed), tuple(notices), title_cuts)
