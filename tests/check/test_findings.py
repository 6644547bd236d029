"""Findings, places and reports: how they print and what fails a file."""

from __future__ import annotations

import pytest

from pipeline.check.findings import Finding, Report, Where, finding_line, report_to_dict


def test_finding_line_reads_clause_strength_place_found_wanted():
    f = Finding("margins", Where(part="section 1"), "top (天头) margin 25.4 mm", "37.0 mm")
    assert finding_line(f) == "5.2.1 standard section 1: top (天头) margin 25.4 mm — want 37.0 mm"


def test_place_quotes_the_first_characters_of_long_text():
    assert (
        Where(page=3, line=5, text="一二三四五六七八九十甲乙丙丁").label()
        == 'p3 l5 "一二三四五六七八九十甲乙…"'
    )


def test_unregistered_code_is_refused():
    with pytest.raises(KeyError, match="unregistered"):
        Finding("no-such-rule", Where(), "x", "y")


def test_practice_findings_fail_a_file_only_when_strict():
    r = Report("a.docx", "docx", (Finding("autospace", Where(), "on", "off"),))
    assert (r.failed(), r.failed(strict=True)) == (False, True)
    assert Report("a.docx", "docx", (Finding("margins", Where(), "x", "y"),)).failed()


def test_json_form_carries_clause_strength_and_spec_row():
    r = Report("a.pdf", "pdf", (Finding("page-number-form", Where(page=2), '"- 2 -"', '"— 2 —"'),), pages=2)
    d = report_to_dict(r)
    assert (d["standard"], d["practice"], d["pages"]) == (1, 0, 2)
    (f,) = d["findings"]
    assert (f["clause"], f["strength"], f["spec"], f["where"]["page"]) == (
        "7.5",
        "standard",
        "9704 §7.1–7.2",
        2,
    )
