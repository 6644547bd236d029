"""Converting a batch: one input at a time, or in worker processes, results in input order.

Every failure of an input becomes that input's one-line error and the batch goes on
(see :mod:`pipeline.cli` for why a bug is reported the same way).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.cli.inputs import read_input
from pipeline.cli.output import StageWriteError, commit, discard, stage, write_error
from pipeline.core import Options, convert, load_tree
from pipeline.errors import REPORT_HINT, PipelineError, internal_error
from pipeline.model import Notice
from pipeline.render import Output, RenderOptions, render_outputs

if TYPE_CHECKING:  # concurrent.futures.process costs ~8 ms to import; only -j > 1 needs it
    from concurrent.futures import ProcessPoolExecutor


@dataclass
class Result:
    """What converting one input produced: staged files to commit, or an error."""

    path: str
    staged: list[tuple[str, str]] = field(default_factory=list)  # (output name, temp path)
    written: list[str] = field(default_factory=list)
    error: str = ""
    # what the stages and renderers said about this input, one line each for stderr
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Job:
    """What every input of a batch is converted with."""

    outdir: Path
    formats: tuple[str, ...]
    options: Options = field(default_factory=Options)
    render: RenderOptions = field(default_factory=RenderOptions)
    debug: bool = False  # let an internal error propagate with its traceback
    tree: bool = False  # the inputs are doc-tree JSON to render (`gongwen render`), not texts


def convert_one(path: Path, job: Job) -> Result:
    """Read, convert, render and stage one input; every failure becomes ``Result.error``.

    Nothing is renamed into ``outdir`` here: the caller commits ``Result.staged``.  A
    failure part-way (a renderer error on the third article, a full disk) leaves no
    temporary file behind: :func:`stage` deletes what it made.
    """
    res = Result(str(path))
    try:
        data = read_input(path, job.options.max_bytes)
        doc = load_tree(data, path.name) if job.tree else convert(data, path.name, job.options)
        res.warnings = [notice_line(n) for n in doc.notices]
        outputs = render_outputs(doc, path.stem, job.formats, job.render)
        res.staged = stage(job.outdir, _noting(outputs, res.warnings))
    except StageWriteError as e:
        res.error = write_error(e.error, job.outdir)
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: reported for this input, the batch goes on (module doc)
        if job.debug:
            raise
        res.error = internal_error(e)
    return res


def notice_line(notice: Notice, output: str = "") -> str:
    """A notice as the CLI prints it after ``warning: PATH: ``.

    >>> notice_line(Notice("numbering", "heading 三、 skips a number after 1", 12))
    'line 12: heading 三、 skips a number after 1'
    >>> notice_line(Notice("missing-glyph", "1 character no font has, …"), "a.pdf")
    'a.pdf: 1 character no font has, …'
    """
    where = f"{output}: " if output else f"line {notice.line}: " if notice.line else ""
    return where + notice.message


def _noting(outputs: Iterator[Output], warnings: list[str]) -> Iterator[Output]:
    """Pass ``outputs`` on, adding each one's notices to ``warnings``."""
    for out in outputs:
        warnings.extend(notice_line(n, out.name) for n in out.notices)
        yield out


Task = tuple[Path, Job]


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


def run_batch(files: Sequence[Path], job: Job, jobs: int) -> Iterator[Result]:
    """Results in input order, whatever the number of worker processes.

    With ``jobs > 1`` the largest inputs are started first (so the last worker is not
    left alone with a big file at the end) and the results are handed back in input
    order.  Each worker process imports the renderers and registers the fonts once, on
    its first input.  If a worker dies (SIGKILL, the kernel's OOM killer), the inputs not
    yet done are retried one per fresh process, so only the input that kills its
    process is lost, with an error line.
    """
    tasks: list[Task] = [(f, job) for f in files]
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
