"""Accounting: where every visible character of an input went ("nothing disappears silently").

The body of the documents plus ``removed`` must account for every visible character
the decoder read.  The two sides are compared as multisets of characters after
folding away what legitimately changes form on the way: width (NFKD), whitespace and
invisible characters, quote style, ellipsis and dash length (the fixers of
:mod:`pipeline.text.normalize`), HTML character references (decode reads them as the
characters they stand for).

This is the check the tests hold every input to (``tests/support.py``) and the count
the corpus steps report per shard: characters in, kept, removed per reason.  What is
left over on either side is *rewritten*: heading markers re-printed in standard form
(``1、`` → ``1.``) unless ``keep_numbering`` is set, and whatever a bug loses or
invents — with ``keep_numbering`` both rewritten counts are 0 on every input the
tests know.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.decode.repair import unescape_entities
from pipeline.model import DocTree, Removal, body_text

_FOLDS = {"“": '"', "”": '"', "‘": "'", "’": "'", "…": "", "—": "", "-": "", "–": "", ".": "", "。": "."}
_FORM = str.maketrans(_FOLDS)
# Which characters are invisible (whitespace, format, control), learnt as they are met:
# a text has a few thousand distinct characters, and asking unicodedata about each of
# them on every call cost more than the rest of the count (the corpus counts every record).
_SEEN: set[str] = set()
_INVISIBLE: set[str] = set()


def _learn(chars: set[str]) -> None:
    for c in chars:
        if c.isspace() or unicodedata.category(c) in ("Cf", "Cc"):
            _INVISIBLE.add(c)
    _SEEN.update(chars)


def visible(text: str) -> Counter[str]:
    """The visible characters of ``text`` as a multiset, differences of form folded away.

    >>> sorted(visible("“甲”　乙…&mdash;").items())
    [('"', 2), ('乙', 1), ('甲', 1)]
    """
    # NFKD, not NFKC: composition can join characters across a removed U+FFFD ("i\ufffd\u0311")
    counts = Counter(unicodedata.normalize("NFKD", unescape_entities(text)[0]))  # counted in C
    folded: Counter[str] = Counter()
    for c in counts.keys() & _FOLDS.keys():  # _FORM applied to the counts, in one pass like translate
        n = counts.pop(c)
        if _FOLDS[c]:
            folded[_FOLDS[c]] += n
    counts.update(folded)
    new = counts.keys() - _SEEN  # set operations pick the invisible ones
    if new:
        _learn(new)
    for c in counts.keys() & _INVISIBLE:
        del counts[c]
    return counts


def output_text(doc: DocTree) -> str:
    """Everything a tree keeps or says it removed: every article's printed text, then
    the text of every removal."""
    return "".join(body_text(a) for a in doc.documents) + "".join(r.text for r in doc.removed)


@dataclass(frozen=True, slots=True)
class Accounting:
    """Visible characters of one input (or many, added up) and where they went.

    ``input == kept + sum(removed) + rewritten_from - rewritten_to`` always holds;
    ``rewritten_from == rewritten_to == 0`` when every character is accounted for.
    """

    input: int = 0
    kept: int = 0
    removed: tuple[tuple[str, int], ...] = ()  # (reason, characters), by reason
    rewritten_from: int = 0  # input characters found neither in the body nor in removed
    rewritten_to: int = 0  # body or removed characters the input does not have

    def __add__(self, other: Accounting) -> Accounting:
        removed = Counter(dict(self.removed))
        removed.update(dict(other.removed))
        return Accounting(
            self.input + other.input,
            self.kept + other.kept,
            tuple(sorted(removed.items())),
            self.rewritten_from + other.rewritten_from,
            self.rewritten_to + other.rewritten_to,
        )


def _by_reason(removed: Iterable[Removal]) -> dict[str, Counter[str]]:
    """The removed characters of each reason (one count per reason: the texts joined by a
    line break, which no character reference spans and which is not counted)."""
    texts: dict[str, list[str]] = {}
    for r in removed:
        texts.setdefault(r.reason, []).append(r.text)
    return {reason: visible("\n".join(t)) for reason, t in texts.items()}


def account(source_text: str, doc: DocTree) -> Accounting:
    """Where the visible characters of ``source_text`` went in ``doc``.

    ``source_text`` is what the decoder read: for a plain-text input its text, for a page
    its visible text and chrome (``Decoded.text`` plus the text of ``Decoded.removed``).

    >>> from pipeline.model import Article, Paragraph
    >>> doc = DocTree("x.txt", "utf-8", (Article("题", "", (Paragraph("正文。"),)),),
    ...               (Removal("第1页", "page-number", 3),))
    >>> account("题\\n正文。\\n第1页\\n", doc)
    Accounting(input=7, kept=4, removed=(('page-number', 3),), rewritten_from=0, rewritten_to=0)
    """
    source = visible(source_text)
    out = visible("\n".join(body_text(a) for a in doc.documents))
    kept = out.total()
    per_reason = _by_reason(doc.removed)
    for chars in per_reason.values():
        out.update(chars)
    # |source − out| − |out − source| = |source| − |out|: one difference gives both
    rewritten_from = 0 if out == source else (source - out).total()
    return Accounting(
        input=source.total(),
        kept=kept,
        removed=tuple(sorted((reason, chars.total()) for reason, chars in per_reason.items())),
        rewritten_from=rewritten_from,
        rewritten_to=rewritten_from - (source.total() - out.total()),
    )
