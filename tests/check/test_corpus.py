"""The defect corpus (tools/check_corpus.py): every planted defect reported with its clause,
no finding at all on the clean files; our own outputs of every seed pass at standard level."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from types import ModuleType

import pytest
from support import ROOT, SEEDS

from pipeline.check import check, check_files, finding_line
from pipeline.core import convert
from pipeline.render import RENDERERS, RenderOptions


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gongwen_check_corpus", ROOT / "tools" / "check_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


CORPUS = _load()


def _verdict(name: str, code: str, clause: str, findings) -> str:
    """ "" when the file's findings are right, else what is wrong."""
    if not code:
        return (
            ""
            if not findings
            else f"{name}: clean file with findings: " + "; ".join(map(finding_line, findings))
        )
    if any(f.code == code and f.clause == clause for f in findings):
        return ""
    return f"{name}: {code} ({clause}) not reported; got " + "; ".join(map(finding_line, findings))


def test_corpus_has_at_least_25_defects():
    assert len(CORPUS.defects()) >= 25
    assert len({d.name for d in CORPUS.defects()}) == len(CORPUS.defects())


def test_xml_defects_reported_from_the_xml_alone():
    cases = [c for c in CORPUS.cases(render=False)]
    assert len(cases) >= 25
    wrong = [_verdict(n, code, clause, check(data, n).findings) for n, data, code, clause in cases]
    assert [w for w in wrong if w] == []


@pytest.mark.slow
def test_every_defect_reported_from_xml_and_rendered_page():
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    cases = list(CORPUS.cases(render=True))
    assert sum(1 for c in cases if c[2]) == len(CORPUS.defects())
    reports = check_files([(n, data) for n, data, _, _ in cases])
    wrong = [
        _verdict(n, code, clause, r.findings) for (n, _, code, clause), r in zip(cases, reports, strict=True)
    ]
    assert [w for w in wrong if w] == []
    assert all(r.pages > 0 for r in reports)


@pytest.mark.slow
def test_our_outputs_of_every_seed_have_no_standard_level_finding():
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    files = []
    for seed in sorted(SEEDS.glob("*.txt")):
        doc = convert(seed.read_bytes(), seed.name)
        for fmt in ("docx", "pdf"):
            files += [(o.name, o.data) for o in RENDERERS[fmt](doc, seed.stem, RenderOptions())]
    reports = check_files(files)
    standard = [
        f"{r.name}: {finding_line(f)}" for r in reports for f in r.findings if f.strength == "standard"
    ]
    assert standard == []
    assert len(reports) == 50
