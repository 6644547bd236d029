"""The command line: the only module that reads files, writes files, prints or exits.

``gongwen convert PATH... [-o DIR] [--to docx,pdf,json|all]`` — exit 0 when every input
converted, 1 when some failed (the rest are still written; one ``error: PATH: what went
wrong — what to do`` line each on stderr), 2 for usage errors.

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
  input first, writes each to a hidden temporary file beside its target
  (``.NAME.gwPID.XXXXXXXX.tmp``) and fsyncs it; only then does the main process rename
  them over the targets, in input order.  A full disk, a crash or SIGKILL therefore never
  leaves a truncated DOCX/PDF/JSON, and a failed rerun leaves the previous good outputs
  as they were.  Temporary files of a killed run are hidden; the next run in the same
  folder deletes those whose process is gone (the PID in the name tells), never those of
  a run still going.
* **Names do not depend on ``-j``.**  Results are committed in input order; when two
  inputs would write the same output name (``a/x.txt`` and ``b/x.txt``) the later one is
  refused with an error instead of silently overwriting the first.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.core import DEFAULT_MAX_BYTES, Options, check_size, convert, has_body
from pipeline.errors import ExitStatus, InputError, PipelineError
from pipeline.model import DocTree
from pipeline.render import FORMATS

if TYPE_CHECKING:  # concurrent.futures.process costs ~8 ms to import; only -j > 1 needs it
    from concurrent.futures import ProcessPoolExecutor

INPUT_SUFFIXES = (".txt", ".html", ".htm")
REPORT_HINT = "please report it with this input file"


# ---------------------------------------------------------------- inputs


def _walk(folder: Path, bad: list[tuple[str, str]]) -> list[Path]:
    """Every input file under ``folder`` in a stable order; hidden files and folders skipped.

    ``os.walk`` does not follow symbolic links to folders (no loops) and reports an
    unreadable sub-folder through ``onerror`` instead of raising.
    """

    def unreadable(e: OSError) -> None:
        bad.append(
            (str(e.filename or folder), f"cannot read the folder ({_strerror(e)}) — check its permissions")
        )

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, n) for n in names if not n.startswith(".") and Path(n).suffix.lower() in INPUT_SUFFIXES
        )
    return sorted(found)


def find_inputs(paths: Sequence[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to convert (folders expanded, sorted; each file once) and (path, error) pairs.

    A file named on the command line is taken whatever its suffix; a folder contributes
    its ``.txt``/``.html``/``.htm`` files, and a folder with none of them is an error
    (the user expected something to happen).
    """
    found: list[Path] = []
    bad: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = _walk(path, bad)
            if not files:
                bad.append((p, "no .txt, .html or .htm files in this folder — nothing to convert"))
        elif path.is_file():
            files = [path]
        elif path.exists():
            bad.append((p, "not a regular file — give a .txt/.html file or a folder"))
            continue
        else:
            bad.append((p, "no such file or folder — check the path"))
            continue
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found, bad


def _strerror(e: OSError) -> str:
    return e.strerror or e.__class__.__name__


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; what can go wrong becomes an :class:`InputError` message.

    The size is checked on the file's metadata first, so an oversized file is refused
    without reading it into memory.
    """
    try:
        check_size(path.stat().st_size, max_bytes)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file (was it moved or deleted?) — check the path") from None
    except PermissionError as e:
        raise InputError(
            f"cannot read the file ({_strerror(e)}) — check its permissions (chmod +r)"
        ) from None
    except IsADirectoryError:
        raise InputError(
            "is a folder, not a file — give the folder itself to convert what is inside"
        ) from None
    except OSError as e:
        raise InputError(f"cannot read the file ({_strerror(e)}) — check the disk and try again") from None


def internal_error(e: BaseException) -> str:
    """``internal error (IndexError: … at pipeline/structure.py:93) — please report…``.

    The innermost frame inside the package says where the bug is, so a report can be
    acted on without the traceback.
    """
    where = ""
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        parts = Path(frame.filename).parts
        if "pipeline" in parts:
            where = " at " + "/".join(parts[parts.index("pipeline") :]) + f":{frame.lineno}"
            break
    text = str(e).splitlines()[0][:120] if str(e) else ""
    detail = f"{type(e).__name__}: {text}" if text else type(e).__name__
    return f"internal error ({detail}{where}) — {REPORT_HINT}"


# ---------------------------------------------------------------- outputs


def output_names(stem: str, n_articles: int, fmt: str) -> list[str]:
    """``stem.docx`` for one article; ``stem-01.docx``, ``stem-02.docx``… for several.

    >>> output_names("a", 1, "pdf"), output_names("a", 2, "docx")
    (['a.pdf'], ['a-01.docx', 'a-02.docx'])
    """
    if n_articles == 1:
        return [f"{stem}.{fmt}"]
    return [f"{stem}-{i:02d}.{fmt}" for i in range(1, n_articles + 1)]


def render_outputs(doc: DocTree, stem: str, formats: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """Every (file name, bytes) a converted input produces, one at a time.

    A generator, so that :func:`stage` writes each output before the next is rendered:
    a 20 MB input makes thousands of PDF pages, and holding them all at once would
    multiply the peak memory.
    """
    from pipeline.render import renderer

    for fmt in formats:
        render = renderer(fmt)
        if fmt == "json":
            yield f"{stem}.json", render(doc)
            continue
        names = output_names(stem, len(doc.documents), fmt)
        for name, article in zip(names, doc.documents, strict=True):
            yield name, render(article, source=doc.source)


# A temporary output: ".x.pdf.gw1234.1a2b3c4d.tmp" — hidden, and carrying the PID of the
# process that wrote it, so a later run can tell a dead run's leftovers from a live one's.
_TEMP = re.compile(r"^\..+\.gw(\d+)\.[0-9a-f]{8}\.tmp$")


def _make_temp(folder: Path, name: str) -> tuple[int, Path]:
    """Create a new hidden temporary file for ``name`` in ``folder`` (like mkstemp, which
    would cost the ``tempfile`` import on every start)."""
    while True:
        tmp = folder / f".{name}.gw{os.getpid()}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), tmp
        except FileExistsError:  # pragma: no cover - a 1 in 4 billion clash
            continue


def discard(staged: Iterable[tuple[str, str]]) -> None:
    """Delete temporary files that will not be committed."""
    for _, tmp in staged:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


class StageWriteError(Exception):
    """A write of a staged output failed (kept apart from an OSError inside a renderer)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def stage(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[tuple[str, str]]:
    """Write each (name, bytes) to its own temporary file, fsynced; return (name, temp path).

    ``files`` may render lazily.  If a write fails (disk full, no permission) it raises
    :class:`StageWriteError`; on that or any error from ``files`` every temporary file made
    so far is deleted first: nothing of the input reaches the folder.
    """
    staged: list[tuple[str, str]] = []
    try:
        for name, blob in files:
            try:
                fd, tmp = _make_temp(folder, name)
                staged.append((name, str(tmp)))
                with os.fdopen(fd, "wb") as f:
                    f.write(blob)
                    f.flush()
                    # fsync before the rename: after a power cut the new name must not point
                    # at blocks that were never written (the classic zero-length-file bug)
                    os.fsync(f.fileno())
            except OSError as e:
                raise StageWriteError(e) from e
    except BaseException:
        discard(staged)
        raise
    return staged


def commit(folder: Path, staged: Sequence[tuple[str, str]]) -> list[str]:
    """Rename every staged temporary file over its target; return the names written."""
    written = []
    for name, tmp in staged:
        os.replace(tmp, folder / name)
        written.append(name)
    return written


def sweep_temps(folder: Path) -> int:
    """Delete temporary outputs left by runs that were killed; return how many.

    A file whose writer (the PID in its name) is still running is left alone: it may
    belong to another conversion into the same folder.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or _alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs.  A zombie does not: a killed run's orphaned
    workers can stay zombies for a while until init reaps them (seen: 1.4 s here)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    try:
        # /proc/PID/stat is "pid (comm) STATE ..."; comm may hold spaces, so split after ")"
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True  # no /proc (not Linux): trust kill()
    return state not in ("Z", "X")


def write_error(e: OSError, folder: Path) -> str:
    """What a failed write means and what to do about it."""
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return (
            f"disk full while writing to {folder} — free some space and run again (old outputs are untouched)"
        )
    if e.errno == errno.EISDIR:
        return f"{Path(e.filename2 or e.filename or '').name} in {folder} is a folder — move it away or choose another -o"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write to {folder} ({_strerror(e)}) — choose another -o or fix its permissions"
    return f"cannot write to {folder} ({_strerror(e)}) — check the disk and run again"


def check_outdir(out: Path) -> str:
    """Create the output folder; return why it cannot be used ("" when it can)."""
    if out.exists() and not out.is_dir():
        return f"cannot write to {out}: it is a file, not a folder — choose another -o"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return f"cannot create the folder {out}: part of its path is a file — choose another -o"
    except OSError as e:
        return f"cannot create the folder {out} ({_strerror(e)}) — choose another -o"
    if not os.access(out, os.W_OK | os.X_OK):
        return f"cannot write to {out} (permission denied) — choose another -o or fix its permissions"
    return ""


# ---------------------------------------------------------------- one input, a batch


@dataclass
class Result:
    """What converting one input produced: staged files to commit, or an error."""

    path: str
    staged: list[tuple[str, str]] = field(default_factory=list)  # (output name, temp path)
    written: list[str] = field(default_factory=list)
    error: str = ""
    notices: int = 0


def convert_one(
    path: Path, outdir: Path, formats: Sequence[str], options: Options, debug: bool = False
) -> Result:
    """Read, convert, render and stage one input; every failure becomes ``Result.error``.

    Nothing is renamed into ``outdir`` here: the caller commits ``Result.staged``.  A
    failure part-way (a renderer error on the third article, a full disk) leaves no
    temporary file behind: :func:`stage` deletes what it made.
    """
    res = Result(str(path))
    try:
        data = read_input(path, options.max_bytes)
        doc = convert(data, path.name, options)
        res.notices = len(doc.notices)
        res.staged = stage(outdir, render_outputs(doc, path.stem, formats))
    except StageWriteError as e:
        res.error = write_error(e.error, outdir)
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: reported for this input, the batch goes on (module doc)
        if debug:
            raise
        res.error = internal_error(e)
    return res


Task = tuple[Path, Path, tuple[str, ...], Options, bool]


def _convert_task(task: Task) -> Result:
    return convert_one(*task)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


WORKER_DIED = (
    "internal error (the worker process died: killed, or out of memory?) — " + REPORT_HINT + " (try -j 1)"
)


def run_batch(
    files: Sequence[Path],
    outdir: Path,
    formats: Sequence[str],
    options: Options,
    jobs: int,
    debug: bool = False,
) -> Iterator[Result]:
    """Results in input order, whatever the number of worker processes.

    With ``jobs > 1`` the largest inputs are started first (so the last worker is not
    left alone with a big file at the end) and the results are handed back in input
    order.  Each worker process imports the renderers and registers the fonts once, on
    its first input.  If a worker dies (SIGKILL, the kernel's OOM killer), the inputs not
    yet done are retried one per fresh process, so only the input that kills its
    process is lost, with an error line.
    """
    tasks: list[Task] = [(f, outdir, tuple(formats), options, debug) for f in files]
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(_convert_task, tasks)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    done: dict[int, Result] = {}
    nxt = 0
    order = sorted(range(len(tasks)), key=lambda i: -_size(tasks[i][0]))
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            pending = {pool.submit(_convert_task, tasks[i]): i for i in order}
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    done[pending.pop(fut)] = fut.result()  # BrokenProcessPool if a worker died
                while nxt in done:
                    yield done.pop(nxt)
                    nxt += 1
    except BrokenProcessPool:
        pass
    for i in range(nxt, len(tasks)):
        yield done.pop(i) if i in done else _isolated(tasks[i], ProcessPoolExecutor, BrokenProcessPool)


def _isolated(task: Task, executor: type[ProcessPoolExecutor], broken: type[Exception]) -> Result:
    """Convert one input in a process of its own; its death costs only this input."""
    with executor(max_workers=1) as pool:
        try:
            return pool.submit(_convert_task, task).result()
        except broken:
            return Result(str(task[0]), error=WORKER_DIED)


class Committer:
    """Renames staged outputs into place in input order and refuses name clashes."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.owner: dict[str, str] = {}  # output name → the input that wrote it this run

    def __call__(self, res: Result) -> None:
        if res.error:
            discard(res.staged)
            return
        clash = next((n for n, _ in res.staged if n in self.owner), None)
        if clash is not None:
            discard(res.staged)
            res.error = (
                f"its output {clash} would overwrite the one from {self.owner[clash]}"
                " — rename one of the two inputs or convert it with another -o"
            )
            return
        try:
            res.written = commit(self.outdir, res.staged)
        except OSError as e:
            discard(res.staged[len(res.written) :])
            res.error = write_error(e, self.outdir)
        for name in res.written:
            self.owner[name] = res.path


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--debug", is_flag=True, help="Stop at an internal error with its traceback (for bug reports).")
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
    debug: bool,
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
        problem = check_outdir(out)
        if problem:
            for f in files:
                click.echo(f"error: {f}: {problem}", err=True)
            sys.exit(ExitStatus.FAILED)
        sweep_temps(out)
    show = not quiet and len(files) > 1 and sys.stderr.isatty()
    commit_result = Committer(out)
    results = run_batch(files, out, formats, options, jobs or os.cpu_count() or 1, debug)
    try:
        bar = (
            click.progressbar(results, length=len(files), label="converting", file=sys.stderr)
            if show
            else _NoBar(results)
        )
        with bar as items:
            for res in items:
                commit_result(res)
                if res.error:
                    failed += 1
                    # clear the bar's line first so the error stands on a line of its own
                    click.echo(("\r\x1b[K" if show else "") + f"error: {res.path}: {res.error}", err=True)
    except KeyboardInterrupt:
        click.echo(
            "\ninterrupted — outputs written so far are complete; run again to convert the rest", err=True
        )
        sys.exit(130)
    finally:
        if files:
            sweep_temps(out)
    sys.exit(ExitStatus.FAILED if failed else ExitStatus.OK)


class _NoBar:
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
@click.option("--debug", is_flag=True, help="Stop at an internal error with its traceback.")
def explain_cmd(path: str, encoding: str | None, debug: bool) -> None:
    """Show what cleaning removed (line, reason, text), what it repaired and the notices."""
    try:
        data = read_input(Path(path), DEFAULT_MAX_BYTES)
        doc = convert(data, Path(path).name, Options(encoding=encoding, require_body=False))
    except PipelineError as e:
        click.echo(f"error: {path}: {e}", err=True)
        sys.exit(ExitStatus.FAILED)
    except Exception as e:  # same policy as convert (module doc)
        if debug:
            raise
        click.echo(f"error: {path}: {internal_error(e)}", err=True)
        sys.exit(ExitStatus.FAILED)
    click.echo(f"{path}: {doc.encoding}, {len(doc.documents)} document(s), {len(doc.removed)} removal(s)")
    for i, a in enumerate(doc.documents, 1):
        click.echo(f"  document {i}: {a.title or '(no title)'} — {len(a.blocks)} blocks")
    for r in doc.removed:
        text = r.text if len(r.text) <= 60 else r.text[:57] + "…"
        click.echo(f"line {r.line:<5} {r.reason:<20} {text}")
    for n in doc.repairs:
        click.echo(f"line {n.line:<5} repair:{n.code:<13} {n.message}")
    for n in doc.notices:
        click.echo(f"line {n.line:<5} notice:{n.code:<13} {n.message}")
    if not has_body(doc.documents):
        click.echo(
            "no body text left: everything above was removed as web cruft, so `convert` refuses this input"
        )


@main.command("rules")
def rules_cmd() -> None:
    """List the cleaning rules with one-line summaries."""
    from pipeline.clean import RULES

    for rule in RULES:
        click.echo(f"{rule.name:<22} {rule.summary}")
