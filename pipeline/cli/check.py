"""``gongwen check``: print the audit of DOCX and PDF files, and its exit status.

One finding a line, ``FILE: CLAUSE STRENGTH WHERE: FOUND — want WANTED``, then a
summary line per file (``FILE: 1 standard, 3 practice (5 pages rendered)``) and its
notes; ``--json`` prints the same as one JSON list.  The status: 0 when no file has a
standard-level finding (``--strict``: no finding at all), 1 when some has, 2 for a
usage error — a path that does not exist, a file that is neither DOCX nor PDF or
cannot be read.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from pipeline.check import Report, check_files, finding_line, report_to_dict
from pipeline.errors import ExitStatus, PipelineError

SUFFIXES = (".docx", ".pdf")


def find_files(paths: Sequence[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to check (a folder: every .docx and .pdf in it, sorted), and the
    paths that cannot be checked, each with the reason."""
    files: list[Path] = []
    bad: list[tuple[str, str]] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
            )
            if not found:
                bad.append((name, "a folder with no .docx or .pdf file in it"))
            files += found
        elif p.exists():
            files.append(p)
        else:
            bad.append((name, "no such file"))
    return files, bad


def summary(r: Report) -> str:
    """``a.docx: 0 standard, 2 practice (5 pages rendered)``."""
    pages = f"{r.pages} page{'s' if r.pages != 1 else ''}" + (" rendered" if r.kind == "docx" else "")
    where = f" ({pages})" if r.pages else ""
    return f"{r.name}: {r.count('standard')} standard, {r.count('practice')} practice{where}"


def run(paths: Sequence[str], *, as_json: bool, strict: bool, render: bool) -> int:
    """Check ``paths``, print the findings, return the exit status."""
    files, bad = find_files(paths)
    for name, reason in bad:
        click.echo(f"error: {name}: {reason}", err=True)
    items = []
    for f in files:
        try:
            items.append((str(f), f.read_bytes()))
        except OSError as e:
            bad.append((str(f), e.strerror or str(e)))
            click.echo(f"error: {f}: cannot read it ({e.strerror or e})", err=True)
    results = check_files(items, render=render) if items else []
    failed = False
    data = []
    for (name, _), res in zip(items, results, strict=True):
        if isinstance(res, PipelineError):
            bad.append((name, str(res)))
            click.echo(f"error: {name}: {res}", err=True)
            data.append({"file": name, "error": str(res)})
            continue
        failed = failed or res.failed(strict)
        if as_json:
            data.append(report_to_dict(res))
            continue
        for finding in res.findings:
            click.echo(f"{name}: {finding_line(finding)}")
        click.echo(summary(res))
        for note in res.notes:
            click.echo(f"{name}: note: {note}")
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    if bad:
        return ExitStatus.USAGE
    return ExitStatus.FAILED if failed else ExitStatus.OK


def check_outputs(paths: Sequence[Path], *, strict: bool = False) -> bool:
    """``convert --check``: audit the DOCX/PDF files just written; True when one fails."""
    items = [(str(p), p.read_bytes()) for p in paths if p.suffix.lower() in SUFFIXES]
    failed = False
    for (name, _), res in zip(items, check_files(items), strict=True):
        if isinstance(res, PipelineError):
            click.echo(f"error: {name}: {res}", err=True)
            failed = True
            continue
        for finding in res.findings:
            click.echo(f"{name}: {finding_line(finding)}")
        click.echo(summary(res))
        for note in res.notes:
            click.echo(f"{name}: note: {note}")
        failed = failed or res.failed(strict)
    return failed
