"""Same input, same bytes (issue 20): the outputs of a fixed set of inputs — the seeds
(DOCX for Word and for LibreOffice), the 统计公报 with its table, the 通知 with its
``--meta`` file, with and without ``--seal`` — against the digests committed in
``tests/golden/render-digests.json``.

A change that means to change no output (a faster renderer, a new compression of the
same content) must leave every digest as it is.  One that means to change outputs
rewrites them with ``python tools/same_bytes.py golden`` and shows the diff.  PDF digests
hold for the prepared fonts they were recorded with (the subsets embed their bytes); on
a machine whose fonts differ those are skipped, DOCX and JSON are still compared.
"""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest
from support import ROOT, needs_fonts


def _tool():
    spec = importlib.util.spec_from_file_location("same_bytes", ROOT / "tools" / "same_bytes.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("same_bytes", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compared():
    tool = _tool()
    golden = json.loads(tool.GOLDEN.read_text("utf-8"))
    return tool, golden, tool.digests(tool.TEST_CASES)


@needs_fonts()
def test_every_output_has_the_recorded_bytes(compared):
    tool, golden, now = compared
    same_fonts = golden["fonts"] == tool.fonts_fingerprint()
    want = {k: v for k, v in golden["digests"].items() if same_fonts or not k.endswith(".pdf")}
    got = {k: v for k, v in now.items() if same_fonts or not k.endswith(".pdf")}
    assert set(got) == set(want), "outputs appeared or vanished — `python tools/same_bytes.py golden`"
    differ = sorted(k for k in want if want[k] != got[k])
    assert not differ, (
        f"{len(differ)} outputs changed bytes: {differ[:8]} — if meant, `python tools/same_bytes.py golden`"
    )
    kinds = {k.rsplit(".", 1)[1] for k in want}
    assert kinds == ({"docx", "json", "pdf"} if same_fonts else {"docx", "json"})


def test_the_digests_were_recorded_for_every_kind_of_output():
    golden = json.loads(_tool().GOLDEN.read_text("utf-8"))
    kinds = [k.rsplit(".", 1)[1] for k in golden["digests"]]
    assert {kind: kinds.count(kind) > 10 for kind in ("docx", "json", "pdf")} == dict.fromkeys(
        ("docx", "json", "pdf"), True
    )
