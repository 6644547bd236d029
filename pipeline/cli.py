"""The command line: the only module that reads files, writes files, prints or exits.

``gongwen convert PATH... [-o DIR] [--to docx,pdf,json|all]`` — exit 0 when every input
converted, 1 when some failed (the rest are still written; one ``error: PATH: …`` line
each on stderr), 2 for usage errors.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import click

from pipeline.core import DEFAULT_MAX_BYTES, Options, convert
from pipeline.errors import ExitStatus, PipelineError
from pipeline.model import DocTree
from pipeline.render import FORMATS

INPUT_SUFFIXES = (".txt", ".html", ".htm")


# ---------------------------------------------------------------- inputs and outputs


def find_inputs(paths: Sequence[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to convert (folders expanded, sorted) and (path, error) for bad paths."""
    found: list[Path] = []
    bad: list[tuple[str, str]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(
                sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            )
        elif path.is_file():
            found.append(path)
        elif path.exists():
            bad.append((p, "not a regular file — give a .txt/.html file or a folder"))
        else:
            bad.append((p, "no such file or folder — check the path"))
    return found, bad


def output_names(stem: str, n_articles: int, fmt: str) -> list[str]:
    """``stem.docx`` for one article; ``stem-01.docx``, ``stem-02.docx``… for several.

    >>> output_names("a", 1, "pdf"), output_names("a", 2, "docx")
    (['a.pdf'], ['a-01.docx', 'a-02.docx'])
    """
    if n_articles == 1:
        return [f"{stem}.{fmt}"]
    return [f"{stem}-{i:02d}.{fmt}" for i in range(1, n_articles + 1)]


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``.

    A crash or a full disk leaves either the old file or the new one, never half of one.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def render_outputs(doc: DocTree, stem: str, formats: Sequence[str]) -> list[tuple[str, bytes]]:
    """Every (file name, bytes) a converted input produces, rendered before any write."""
    from pipeline.render import renderer

    out: list[tuple[str, bytes]] = []
    for fmt in formats:
        render = renderer(fmt)
        if fmt == "json":
            out.append((f"{stem}.json", render(doc)))
            continue
        names = output_names(stem, len(doc.documents), fmt)
        for name, article in zip(names, doc.documents, strict=True):
            out.append((name, render(article, source=doc.source)))
    return out


@dataclass
class Result:
    path: str
    written: list[str] = field(default_factory=list)
    error: str = ""
    notices: int = 0


def _system_error(e: OSError) -> str:
    return f"{e.strerror or e.__class__.__name__}" + (f": {e.filename}" if e.filename else "")


def convert_one(path: Path, outdir: Path, formats: Sequence[str], options: Options) -> Result:
    """Convert one input; every failure a user can cause becomes ``Result.error``."""
    res = Result(str(path))
    try:
        data = path.read_bytes()
    except OSError as e:
        res.error = f"cannot read the file ({_system_error(e)}) — check its permissions"
        return res
    try:
        doc = convert(data, path.name, options)
        files = render_outputs(doc, path.stem, formats)
    except PipelineError as e:
        res.error = str(e)
        return res
    res.notices = len(doc.notices)
    try:
        for name, blob in files:
            write_atomic(outdir / name, blob)
            res.written.append(name)
    except OSError as e:
        res.error = f"cannot write {outdir} ({_system_error(e)}) — check free space and permissions"
    return res


def _convert_star(args: tuple[Path, Path, tuple[str, ...], Options]) -> Result:
    return convert_one(*args)


def run_batch(
    files: Sequence[Path], outdir: Path, formats: Sequence[str], options: Options, jobs: int
) -> Iterator[Result]:
    """Results in input order, whatever the number of worker processes."""
    tasks = [(f, outdir, tuple(formats), options) for f in files]
    if jobs <= 1 or len(files) <= 1:
        yield from map(_convert_star, tasks)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(_convert_star, tasks, chunksize=1)


# ---------------------------------------------------------------- commands


def parse_formats(value: str) -> tuple[str, ...]:
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    if not items:
        raise click.BadParameter("give one or more of docx, pdf, json, or all")
    if "all" in items:
        return FORMATS
    unknown = [v for v in items if v not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format {unknown[0]!r}; choose from docx, pdf, json, all")
    return tuple(dict.fromkeys(items))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongwen")
def main() -> None:
    """Turn raw Chinese text copied off the web into GB/T 9704 documents."""


@main.command("convert")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", default="output", show_default=True, help="Folder for the outputs.")
@click.option("--to", "to", default="docx,pdf", show_default=True, help="docx, pdf, json (comma-separated) or all.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. gb18030, big5, utf-16).")
@click.option("--title", default=None, help="Title for an input that has none (single-article inputs).")
@click.option("--keep-numbering", is_flag=True, help="Print the source's heading markers (1、 二.) as they are.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: cores].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def convert_cmd(
    paths: tuple[str, ...],
    outdir: str,
    to: str,
    encoding: str | None,
    title: str | None,
    keep_numbering: bool,
    max_bytes: int,
    jobs: int | None,
    quiet: bool,
) -> None:
    """Convert files or folders (every .txt/.html/.htm inside) to DOCX, PDF and JSON."""
    try:
        formats = parse_formats(to)
    except click.BadParameter as e:
        e.param_hint = "'--to'"
        raise
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="'--encoding'") from None
    options = Options(encoding=encoding, title=title, keep_numbering=keep_numbering, max_bytes=max_bytes)
    files, bad = find_inputs(paths)
    failed = 0
    for p, msg in bad:
        click.echo(f"error: {p}: {msg}", err=True)
        failed += 1
    out = Path(outdir)
    if files:
        try:
            out.mkdir(parents=True, exist_ok=True)
            if not os.access(out, os.W_OK):
                raise PermissionError(13, "Permission denied", str(out))
        except OSError as e:
            for f in files:
                click.echo(f"error: {f}: cannot write to {out} ({_system_error(e)}) — choose another -o", err=True)
            sys.exit(ExitStatus.FAILED)
    njobs = jobs or os.cpu_count() or 1
    show = not quiet and len(files) > 1 and sys.stderr.isatty()
    results = run_batch(files, out, formats, options, njobs)
    with click.progressbar(results, length=len(files), label="converting", file=sys.stderr) if show else _null(
        results
    ) as bar:
        for res in bar:
            if res.error:
                failed += 1
                click.echo(f"error: {res.path}: {res.error}", err=True)
    sys.exit(ExitStatus.FAILED if failed else ExitStatus.OK)


class _null:
    """A stand-in for click.progressbar when no bar is shown."""

    def __init__(self, it: Iterator[Result]) -> None:
        self.it = it

    def __enter__(self) -> Iterator[Result]:
        return self.it

    def __exit__(self, *exc: object) -> None:
        return None


@main.command("explain")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--encoding", default=None, help="Force the input encoding.")
def explain_cmd(path: str, encoding: str | None) -> None:
    """Show what cleaning removed (line, reason, text) and the notices."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        click.echo(f"error: {path}: cannot read the file ({_system_error(e)})", err=True)
        sys.exit(ExitStatus.FAILED)
    try:
        doc = convert(data, Path(path).name, Options(encoding=encoding))
    except PipelineError as e:
        click.echo(f"error: {path}: {e}", err=True)
        sys.exit(ExitStatus.FAILED)
    click.echo(f"{path}: {doc.encoding}, {len(doc.documents)} document(s), {len(doc.removed)} removal(s)")
    for i, a in enumerate(doc.documents, 1):
        click.echo(f"  document {i}: {a.title or '(no title)'} — {len(a.blocks)} blocks")
    for r in doc.removed:
        text = r.text if len(r.text) <= 60 else r.text[:57] + "…"
        click.echo(f"line {r.line:<5} {r.reason:<20} {text}")
    for n in doc.notices:
        click.echo(f"line {n.line:<5} notice:{n.code:<13} {n.message}")


@main.command("rules")
def rules_cmd() -> None:
    """List the cleaning rules with one-line summaries."""
    from pipeline.rules import RULES

    for rule in RULES:
        click.echo(f"{rule.name:<22} {rule.summary}")
