"""The command line: the only module that reads files, writes files, prints or exits.

``gongwen convert PATH... [-o DIR] [--to docx,pdf,json|all] [--check]`` — exit 0 when every
input converted, 1 when some failed (the rest are still written; one ``error: PATH: what
went wrong — what to do`` line each on stderr) or, with ``--check``, when a written DOCX or
PDF has a standard-level finding of :mod:`pipeline.check`; 2 for usage errors; 128 + the
signal's number when a signal stopped it.
``gongwen check FILE...`` audits any DOCX or PDF (:mod:`pipeline.cli.check`).

How a batch stays safe (issue 8):

* **Every failure is one line, never a traceback.**  What an input can cause is a
  :class:`~pipeline.errors.PipelineError` (or an ``OSError`` reading or writing it) and
  gets a message saying what to do.  An *unexpected* exception — a bug — is reported as
  ``internal error (…) — please report it`` for that input, and the batch goes on.  This
  departs from style.md §5.7 ("unexpected exceptions propagate") on purpose: the tool
  runs unattended over folders of arbitrary downloads, and one input that trips a bug
  must not cost the user the other 999 (with ``-j`` it would also surface from a worker
  process, after other inputs were written, as a confusing remote traceback).  The
  message names the exception and the line of ``pipeline/`` it came from, so a report
  is actionable; ``--debug`` restores the traceback, and the tests and the fuzz target
  call :func:`pipeline.core.convert` directly, so nothing hides a bug from them.
* **All or nothing per input, atomic per file.**  A worker renders every output of an
  input first, writes each to a hidden temporary file in the output folder and fsyncs
  it; only then does the main process rename them over the targets, as soon as the
  input is done (:mod:`pipeline.cli.batch`).  A full disk, a crash or SIGKILL therefore
  never leaves a truncated DOCX/PDF/JSON, and a failed rerun leaves the previous good
  outputs as they were.  Temporary files are named after the run
  (:mod:`pipeline.cli.output`); the next run in the same folder deletes those of runs
  that are gone, never those of a run still going.
* **Names do not depend on ``-j``.**  Inputs whose outputs could take the same name
  (``a/x.txt`` and ``b/x.txt``) are committed in input order among themselves and the
  later one is refused with an error instead of silently overwriting the first; the
  messages come out in input order too.
* **Stopping** (issue 13): the first SIGINT, SIGTERM or SIGHUP stops the batch within a
  second — workers killed, what finished committed, temporary files swept, exit 130,
  143 or 129; a second one ends the process at once (:mod:`pipeline.cli.signals`).  A
  worker that dies is replaced (:mod:`pipeline.cli.pool`).
* **Every line is one line**: paths and messages are shown with control characters,
  bidi overrides and non-UTF-8 bytes escaped, and a closed or broken stderr stops the
  messages, never the work (:mod:`pipeline.cli.say`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

from pipeline.cli.batch import Committer, Job, Result, output_stem, run_batch
from pipeline.cli.inputs import find_inputs, read_input
from pipeline.cli.output import check_outdir, run_tag, sweep_temps
from pipeline.cli.say import Say, ensure_std_fds, shown
from pipeline.cli.signals import Interrupted, StopOnSignal
from pipeline.core import DEFAULT_MAX_BYTES, Options, check_title, has_body, trace
from pipeline.decode import codec_name
from pipeline.errors import ExitStatus, InputError, PipelineError, internal_error
from pipeline.model import (
    SCHEMA,
    SCHEMAS,
    Article,
    Attachment,
    Head,
    Heading,
    Imprint,
    Paragraph,
    Table,
)
from pipeline.render import DOCX_READERS, FORMATS, RenderOptions
from pipeline.structure.meta import FIELDS, Supplied, meta_from, parse_meta

# ---------------------------------------------------------------- commands

F = TypeVar("F", bound=Callable[..., Any])


def _check_encoding(name: str | None) -> None:
    """Refuse an ``--encoding`` that decode would refuse, before any input is read."""
    if name is not None and codec_name(name) is None:
        raise click.BadParameter(
            f"unknown or non-text encoding {shown(name)!r} — use a name such as utf-8, gb18030, big5,"
            " utf-16 or ANSI",
            param_hint="'--encoding'",
        )


def _check_title(title: str | None) -> str | None:
    """Refuse a ``--title`` that is no title (core.check_title), before any input is read."""
    if title is None:
        return None
    try:
        return check_title(title)
    except InputError as e:
        raise click.BadParameter(shown(str(e).removeprefix("--title ")), param_hint="'--title'") from None


def _meta_options(f: F) -> F:
    """``--meta FILE`` and one option per field of :data:`pipeline.structure.meta.FIELDS`."""
    for field in reversed(FIELDS):
        flag = field.flag
        if field.kind == "flag":
            f = click.option(flag, field.name, is_flag=True, default=None, help=field.help)(f)
        elif field.kind == "names":
            f = click.option(flag, field.name, multiple=True, metavar="TEXT", help=field.help)(f)
        else:
            f = click.option(flag, field.name, default=None, metavar="TEXT", help=field.help)(f)
    return click.option(
        "--meta",
        "meta_file",
        default=None,
        metavar="FILE",
        help="A TOML file of the values below (版头, 主送, 署名, 日期, 版记); the options override it.",
    )(f)


def load_meta(meta_file: str | None, values: dict[str, object]) -> Supplied:
    """The metadata file (if any) with the options' values over it; a bad file or value
    ends the command with one ``error:`` line and exit status 2 (nothing is converted)."""
    where = "--meta"
    try:
        meta = Supplied()
        if meta_file is not None:
            where = meta_file
            try:
                text = Path(meta_file).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as e:
                reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                raise PipelineError(f"cannot read it: {reason} — give a UTF-8 TOML file") from None
            meta = parse_meta(text)
        given = {k: v for k, v in values.items() if v not in (None, ())}
        where = "options" if given else where
        return meta_from(given, meta)
    except PipelineError as e:
        hint = (
            ""
            if " — " in str(e)
            else " — correct it in the file"
            if where == meta_file
            else " — correct the option"
        )
        click.echo(f"error: {shown(where)}: {shown(str(e))}{hint}", err=True)
        sys.exit(ExitStatus.USAGE)


def parse_formats(value: str) -> tuple[str, ...]:
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    if not items:
        raise click.BadParameter("give one or more of docx, pdf, json, or all")
    if "all" in items:
        return FORMATS
    unknown = [v for v in items if v not in FORMATS]
    if unknown:
        raise click.BadParameter(f"unknown format {shown(unknown[0])!r}; choose from docx, pdf, json, all")
    return tuple(dict.fromkeys(items))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gongwen")
def main() -> None:
    """Turn raw Chinese text copied off the web into GB/T 9704 documents."""
    ensure_std_fds()


_docx_for = click.option(
    "--docx-for",
    "docx_reader",
    type=click.Choice(DOCX_READERS),
    default=DOCX_READERS[0],
    show_default=True,
    help="Who will open the DOCX: libreoffice writes the no-hanging-punctuation flag the way "
    "LibreOffice reads it (inverted), so it draws every 。，、 inside the margins, and what it "
    "needs to break lines and pages where the PDF does.",
)


@main.command("convert")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", default="output", show_default=True, help="Folder for the outputs.")
@click.option(
    "--to", "to", default="docx,pdf", show_default=True, help="docx, pdf, json (comma-separated) or all."
)
@click.option("--encoding", default=None, help="Force the input encoding (e.g. gb18030, big5, utf-16).")
@click.option("--title", default=None, help="Title for an input that has none (single-article inputs).")
@click.option(
    "--keep-numbering", is_flag=True, help="Print the source's heading markers (1、 二.) as they are."
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this.",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: cores]."
)
@click.option(
    "--schema",
    type=click.Choice(SCHEMAS),
    default=SCHEMA,
    show_default=True,
    help="The doc-tree version of the JSON (doc-tree/1 for tools that read only that one).",
)
@_docx_for
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--check",
    "check",
    is_flag=True,
    help="Audit every DOCX/PDF written against GB/T 9704 (as `gongwen check`); exit 1 on a standard-level finding.",
)
@click.option("--debug", is_flag=True, help="Stop at an internal error with its traceback (for bug reports).")
@_meta_options
def convert_cmd(
    paths: tuple[str, ...],
    outdir: str,
    to: str,
    encoding: str | None,
    title: str | None,
    keep_numbering: bool,
    max_bytes: int,
    jobs: int | None,
    schema: str,
    docx_reader: str,
    quiet: bool,
    check: bool,
    debug: bool,
    meta_file: str | None,
    **meta_values: object,
) -> None:
    """Convert files or folders (every .txt/.html/.htm inside) to DOCX, PDF and JSON.

    The values of a formal document the text does not hold (版头, 主送, 署名, 成文日期,
    版记) come from --meta and the options after it, filled in where the text of a
    single-document input has none."""
    try:
        formats = parse_formats(to)
    except click.BadParameter as e:
        e.param_hint = "'--to'"
        raise
    _check_encoding(encoding)
    title = _check_title(title)
    supplied = load_meta(meta_file, meta_values)
    options = Options(
        encoding=encoding,
        title=title,
        keep_numbering=keep_numbering,
        max_bytes=max_bytes,
        meta=supplied.meta(),
    )
    files, bad = find_inputs(paths)
    render_options = RenderOptions(schema=schema, docx_reader=docx_reader, seal=supplied.seal)
    job = Job(Path(outdir), formats, options, render_options, debug)
    sys.exit(_run_batch(files, bad, job, jobs, quiet, check))


def _run_batch(
    files: list[Path],
    bad: list[tuple[str, str]],
    job: Job,
    jobs: int | None,
    quiet: bool,
    check: bool = False,
) -> int:
    """Convert (or render) ``files`` with ``job``, report each failure on one line; the
    exit status (see the module doc for how a batch stops on a signal).  ``check``: audit
    every DOCX/PDF written (``gongwen check``) afterwards."""
    say = Say()
    failed = 0
    for p, msg in bad:
        say(f"error: {shown(p)}: {shown(msg)}")
        failed += 1
    out = job.outdir
    if files:
        problem = check_outdir(out)
        if problem:
            for f in files:
                say(f"error: {shown(str(f))}: {shown(problem)}")
            return ExitStatus.FAILED
        sweep_temps(out)
    job = replace(job, run=run_tag())
    jobs = 1 if job.debug else jobs or os.cpu_count() or 1  # --debug: the traceback of this process
    tty = sys.stderr is not None and sys.stderr.isatty()
    report = _Report(files, say, show=not quiet and len(files) > 1 and tty)
    commit = Committer(out, [output_stem(f) for f in files])
    written: dict[int, list[Path]] = {}  # by input, for --check in input order
    with StopOnSignal() as stop:
        try:

            def on_result(i: int, res: Result) -> None:
                with stop.critical():  # an input's outputs are renamed into place all or none
                    decided = commit(i, res)
                for k, r in decided:
                    written[k] = [out / name for name in r.written]
                report.done(decided)

            with report:
                run_batch(files, job, jobs, on_result, stop)
            sweep_temps(out, own=job.run)  # what a worker that died had staged
        except Interrupted as e:
            report.done(commit.abandon(), finished=False)
            report.flush()
            sweep_temps(out, own=job.run)
            say(
                f"\ninterrupted ({e}) — {report.converted} of {len(files)} input(s) converted, their"
                " outputs complete; run again to convert the rest"
            )
            return e.exit_status
    failed += report.failed
    if check and written:
        from pipeline.cli.check import check_outputs

        failed += check_outputs([p for k in sorted(written) for p in written[k]])
    return ExitStatus.FAILED if failed else ExitStatus.OK


@main.command("render")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", default="output", show_default=True, help="Folder for the outputs.")
@click.option(
    "--to", "to", default="docx,pdf", show_default=True, help="docx, pdf, json (comma-separated) or all."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: cores]."
)
@click.option(
    "--schema",
    type=click.Choice(SCHEMAS),
    default=SCHEMA,
    show_default=True,
    help="The doc-tree version of a JSON output.",
)
@click.option("--seal", is_flag=True, help="Lay 署名/日期 out for a seal (GB/T 9704 7.3.5.1).")
@_docx_for
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--debug", is_flag=True, help="Stop at an internal error with its traceback (for bug reports).")
def render_cmd(
    paths: tuple[str, ...],
    outdir: str,
    to: str,
    jobs: int | None,
    schema: str,
    seal: bool,
    docx_reader: str,
    quiet: bool,
    debug: bool,
) -> None:
    """Render doc-tree JSON files (doc-tree/1 or /2, e.g. one you edited) to DOCX and PDF.

    The JSON is checked first: what is wrong is named by its JSON path
    (documents[0].blocks[3].level: must be a whole number 1–4, got 7).  Nothing is
    cleaned or restructured: the document is printed exactly as the JSON says.
    """
    try:
        formats = parse_formats(to)
    except click.BadParameter as e:
        e.param_hint = "'--to'"
        raise
    files, bad = find_inputs(paths, (".json",))
    out = Path(outdir).resolve()
    kept = []
    for f in files:
        if "json" in formats and f.resolve().parent == out:
            bad.append((str(f), "--to json would overwrite this file — give another -o"))
        else:
            kept.append(f)
    render_options = RenderOptions(schema=schema, docx_reader=docx_reader, seal=seal)
    job = Job(Path(outdir), formats, Options(), render_options, debug, tree=True)
    sys.exit(_run_batch(kept, bad, job, jobs, quiet))


class _Report:
    """Messages in input order (held until every earlier input has reported) and the
    progress bar, which counts inputs as they finish in any order."""

    def __init__(self, files: Sequence[Path], say: Say, *, show: bool) -> None:
        self.files = files
        self.say = say
        self.show = show
        self.bar = click.progressbar(length=len(files), label="converting", file=sys.stderr) if show else None
        self.waiting: dict[int, Result | None] = {}  # None: abandoned at a stop
        self.next = 0
        self.failed = 0
        self.converted = 0

    def __enter__(self) -> _Report:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)

    def done(self, decided: Sequence[tuple[int, Result]], *, finished: bool = True) -> None:
        for i, res in decided:
            self.waiting[i] = res if finished else None
        if self.bar is not None and finished and decided:
            self.bar.update(len(decided))
        while self.next in self.waiting:
            self._print(self.waiting.pop(self.next))
            self.next += 1

    def flush(self) -> None:
        """At a stop: whatever finished, in input order, gaps and all."""
        for i in sorted(self.waiting):
            self._print(self.waiting.pop(i))

    def _print(self, res: Result | None) -> None:
        if res is None:
            return
        # clear the bar's line first so a message stands on a line of its own
        clear = "\r\x1b[K" if self.show else ""
        path = shown(res.path)
        if res.error:
            self.failed += 1
            self.say(f"{clear}error: {path}: {shown(res.error)}")
            return
        self.converted += 1
        for warning in res.warnings:
            self.say(f"{clear}warning: {path}: {shown(warning)}")


@main.command("explain")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--encoding", default=None, help="Force the input encoding.")
@click.option("--debug", is_flag=True, help="Stop at an internal error with its traceback.")
@_meta_options
def explain_cmd(
    path: str, encoding: str | None, debug: bool, meta_file: str | None, **meta_values: object
) -> None:
    """Show what cleaning removed (line, reason, text), what it repaired, the notices, and
    the elements of a formal document found in the text or supplied with --meta."""
    _check_encoding(encoding)
    supplied = load_meta(meta_file, meta_values)
    say = Say()
    try:
        data = read_input(Path(path), DEFAULT_MAX_BYTES)
        t = trace(data, shown(Path(path).name), Options(encoding=encoding, meta=supplied.meta()))
    except PipelineError as e:
        say(f"error: {shown(path)}: {shown(str(e))}")
        sys.exit(ExitStatus.FAILED)
    except Exception as e:  # same policy as convert (module doc)
        if debug:
            raise
        say(f"error: {shown(path)}: {shown(internal_error(e))}")
        sys.exit(ExitStatus.FAILED)

    def out(line: str) -> None:  # stdout, piped to `head` as often as not
        say(line, err=False)

    doc = t.doc
    out(f"{shown(path)}: {doc.encoding}, {len(doc.documents)} document(s), {len(doc.removed)} removal(s)")
    for i, (found, a) in enumerate(zip(t.structured.articles, doc.documents, strict=True), 1):
        out(f"  document {i}: {shown(a.title) or '(no title)'} — {len(a.blocks)} blocks")
        for line in element_lines(found, a):
            out(f"    {shown(line)}")
    if supplied.seal:
        out("  署名/日期 laid out for a seal (--seal, GB/T 9704 7.3.5.1)")
    for r in doc.removed:
        text = r.text if len(r.text) <= 60 else r.text[:57] + "…"
        out(f"line {r.line:<5} {r.reason:<20} {shown(text)}")
        if r.evidence:
            out(f"{'':32}↳ {shown(r.evidence)}")
    for n in doc.repairs:
        out(f"line {n.line:<5} repair:{n.code:<13} {shown(n.message)}")
    for n in doc.notices:
        out(f"line {n.line:<5} notice:{n.code:<13} {shown(n.message)}")
    if not has_body(doc.documents):
        out("no body text left: everything above was removed as web cruft, so `convert` refuses this input")


def element_lines(found: Article, merged: Article) -> list[str]:
    """One line per element of a formal document in ``merged`` (the article with the
    metadata filled in), marked ``(text)`` when ``found`` (the article as structure found
    it) has it too and ``(meta)`` when it came from --meta, its options or a draft's front
    matter.

    >>> from pipeline.model import Recipients
    >>> found = Article("通知", "", (Recipients("各单位："),), Head(doc_number="X政发〔2024〕3号"))
    >>> merged = Article("通知", "", (Recipients("各单位："),), Head("", "", "", "X县人民政府文件", "X政发〔2024〕3号"))
    >>> for line in element_lines(found, merged): print(line)
    版头 issuer       X县人民政府文件 (meta)
    版头 doc_number   X政发〔2024〕3号 (text)
    recipients      各单位： (text)
    """

    def source(same: bool) -> str:
        return "(text)" if same else "(meta)"

    out = []
    old_head = found.head or Head()
    for name in ("copy_number", "classification", "urgency", "issuer", "doc_number"):
        value = getattr(merged.head, name) if merged.head else ""
        if value:
            out.append(f"版头 {name:<12} {value} {source(value == getattr(old_head, name))}")
    if merged.head and merged.head.signers:
        out.append(
            f"版头 {'signers':<12} {'、'.join(merged.head.signers)} {source(merged.head.signers == old_head.signers)}"
        )
    for b in merged.blocks:
        if isinstance(b, Table):
            columns = max((sum(c.colspan for c in r) for r in b.rows), default=0)
            caption = f", caption {b.caption}" if b.caption else ""
            what = f"{len(b.rows)} rows × {columns} columns, {b.header_rows} header row(s){caption}"
            out.append(f"{'table':<15} {what} {source(b in found.blocks)}")
        elif isinstance(b, Attachment):
            out.append(f"{'attachment':<15} {b.number}{b.text} {source(b in found.blocks)}")
        elif not isinstance(b, Heading | Paragraph):
            out.append(f"{b.kind:<15} {b.text} {source(b in found.blocks)}")
    old_imprint = found.imprint or Imprint()
    for name in ("keywords", "recipients", "cc", "printer", "print_date", "copies"):
        value = getattr(merged.imprint, name) if merged.imprint else ""
        if value:
            out.append(f"版记 {name:<12} {value} {source(value == getattr(old_imprint, name))}")
    return out


@main.command("serve")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any but a loopback address requires a token.",
)
@click.option(
    "--token",
    default=None,
    help="Require this token on every request [default: none on 127.0.0.1, generated otherwise].",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse uploads larger than this.",
)
def serve_cmd(port: int, host: str, token: str | None, open_browser: bool, max_bytes: int) -> None:
    """A local web page: paste or drop inputs, see the pages, correct, download."""
    import socket

    from pipeline.serve.app import ServeConfig, create_app, is_loopback, new_token

    if token is None and not is_loopback(host):
        token = new_token()
    try:  # a clear line for a port in use, before uvicorn logs its own
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        click.echo(f"error: cannot listen on {host}:{port} ({e.strerror}) — choose another --port", err=True)
        sys.exit(ExitStatus.FAILED)
    from pipeline.serve.work import warm_up

    try:  # fonts and renderers loaded now, so the first user does not wait for them
        warm_up()
    except PipelineError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(ExitStatus.FAILED)
    import uvicorn

    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/" + (f"?token={token}" if token else "")
    where = (
        "" if is_loopback(host) else " (every address of this machine)" if host in ("0.0.0.0", "::") else ""
    )
    click.echo(f"gongwen serve: open {url}{where} — Ctrl+C stops it", err=True)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, (url,)).start()
    app = create_app(ServeConfig(host=host, port=port, token=token, max_bytes=max_bytes))
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="The findings as JSON data (one list, a report per file)."
)
@click.option("--strict", is_flag=True, help="Practice-level findings fail a file too.")
@click.option(
    "--no-render", "no_render", is_flag=True, help="DOCX: XML checks only, without the LibreOffice render."
)
def check_cmd(paths: tuple[str, ...], as_json: bool, strict: bool, no_render: bool) -> None:
    """Audit DOCX and PDF files (or folders of them) against GB/T 9704-2012, clause by clause.

    One finding a line: clause, strength (standard or practice), where, what was found
    and what is wanted.  Exit 0 when no standard-level finding (--strict: no finding),
    1 when some, 2 for paths that cannot be checked.
    """
    from pipeline.cli.check import run

    sys.exit(run(paths, as_json=as_json, strict=strict, render=not no_render))


@main.command("rules")
def rules_cmd() -> None:
    """List every reason the pipeline gives for removing text, and which stage gives it."""
    from pipeline.reasons import REASONS

    for reason in REASONS:
        click.echo(f"{reason.name:<21} {'/'.join(reason.stages):<17} {reason.meaning}")


def _corpus() -> None:
    from pipeline.cli.corpus import corpus_cmd

    main.add_command(corpus_cmd)


_corpus()
