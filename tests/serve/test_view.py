"""What the page shows (pipeline.serve.view): every block and every removed piece once,
each piece where restoring it puts it."""

from __future__ import annotations

import pytest
from support import SEEDS

from pipeline import edits as ed
from pipeline.core import convert
from pipeline.reasons import REASONS
from pipeline.serve import view

SEED_NAMES = ["000_9a153adfeeef4269.txt", "002_3341814f88bcb719.txt", "004_68c38517b1657e64.txt"]


@pytest.fixture(scope="module", params=SEED_NAMES, ids=lambda n: n[:3])
def doc(request):
    return convert((SEEDS / request.param).read_bytes(), request.param)


def test_every_block_and_every_removed_piece_is_shown_once(doc):
    rows = view.rows(doc)
    blocks = [(r.doc, r.block) for r in rows if r.kind == "block"]
    assert blocks == [(d, b) for d, a in enumerate(doc.documents) for b in range(len(a.blocks))]
    assert sorted(r.removal for r in rows if r.kind == "removal") == list(range(len(doc.removed)))
    assert sum(r.kind == "title" for r in rows) == len(doc.documents) + sum(
        bool(a.subtitle) for a in doc.documents
    )


def test_a_removed_piece_is_shown_where_restoring_it_puts_it(doc):
    """Restoring a piece turns its row into a block row at the same place in the reading
    order (a piece before a document's first block is shown above its title, in input
    order, and comes back as the first block, under the title).

    Pieces cut from one input line have no order among themselves beyond it: restoring
    the second of two puts it before the first, so those are left out here."""
    rows = [r for r in view.rows(doc) if r.kind != "title"]
    lines = [r.line for r in doc.removed]
    for k in range(len(doc.removed)):
        if not doc.removed[k].text.strip() or lines.count(lines[k]) > 1:
            continue
        at = next(i for i, r in enumerate(rows) if r.removal == k)
        after = [r for r in view.rows(ed.apply(doc, [ed.Restore(k)])) if r.kind != "title"]
        assert after[at].kind == "block"
        assert after[at].text == ed.normalize(doc.removed[k].text)
        shown = [(r.kind, r.text) for r in rows]
        assert [(r.kind, r.text) for r in after[:at] + after[at + 1 :]] == shown[:at] + shown[at + 1 :]


def test_the_outline_lists_every_heading_with_its_row(doc):
    outline = view.outline(doc)
    rows = {f"row-{r.doc}-{r.block}" for r in view.rows(doc) if r.kind == "block"}
    assert [o.title for o in outline] == [a.title or "（无标题）" for a in doc.documents]
    for o in outline:
        assert {item.anchor for item in o.items} <= rows
        assert all(1 <= item.level <= 4 for item in o.items)


def test_every_label_names_a_registered_reason():
    assert set(view.REASON_LABELS) <= {r.name for r in REASONS}
