"""Converting a batch: each input converted, staged and committed as soon as it is done.

Every failure of an input becomes that input's one-line error and the batch goes on
(see :mod:`pipeline.cli` for why a bug is reported the same way).

With ``-j N`` the inputs run in :class:`~pipeline.cli.pool.Pool` workers, largest
first (so the last worker is not left alone with a big file at the end), and each
input's outputs are renamed into place the moment its worker hands it back (issue 13:
committing in input order made a kill at 90 % leave no output at all, and the disk hold
the whole batch as temporary files).  Output names and bytes still do not depend on
``-j`` or on the order inputs finish in: an input's outputs depend on it alone, and the
only inputs whose outputs could claim the same name (:func:`clash_groups`: ``a/x.txt``
and ``b/x.txt``, or ``x.txt`` with several articles and ``x-01.txt``) are committed in
input order among themselves, so the earlier one always keeps the name.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pipeline.cli.inputs import read_input
from pipeline.cli.output import StageWriteError, commit, discard, stage, write_error
from pipeline.cli.say import shown
from pipeline.cli.signals import StopOnSignal
from pipeline.core import Options, convert, load_tree
from pipeline.errors import REPORT_HINT, PipelineError, internal_error
from pipeline.model import DocTree, Notice
from pipeline.render import Output, RenderOptions, render_outputs

NAME_MAX = 255  # bytes in one file name on every file system we write to (ext4, xfs, btrfs, tmpfs)
_LONGEST_SUFFIX = len("-9999.docx")  # what an output adds to its stem
SHORT_INPUT = 64 * 1024  # bytes: converts in well under a second, so one may wait behind it
_NUMBERED_STEM = re.compile(r"(.*)-\d{2,}")  # "x-01": could be the second article of "x"


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
    run: str = "0-0"  # the run's name in its temporary files (output.run_tag)


def output_stem(path: Path) -> str:
    """The stem an input's outputs are named after: the input's own, shortened with a
    hash of it when an output name would pass :data:`NAME_MAX` bytes.

    The stem keeps the input's bytes (a GBK name stays GBK): its outputs pair with it
    in any listing.

    >>> output_stem(Path("a/报告.txt")), len(os.fsencode(output_stem(Path("长" * 90 + ".txt"))))
    ('报告', 243)
    """
    stem = path.stem
    limit = NAME_MAX - _LONGEST_SUFFIX
    raw = os.fsencode(stem)
    if len(raw) <= limit:
        return stem
    tag = "~" + hashlib.sha1(raw).hexdigest()[:8]
    cut = stem
    while len(os.fsencode(cut)) > limit - len(tag):
        cut = cut[:-1]
    return cut + tag


def convert_one(path: Path, job: Job) -> Result:
    """Read, convert, render and stage one input; every failure becomes ``Result.error``.

    Nothing is renamed into ``outdir`` here: the caller commits ``Result.staged``.  A
    failure part-way (a renderer error on the third article, a full disk) leaves no
    temporary file behind: :func:`stage` deletes what it made.
    """
    res = Result(str(path))
    try:
        data = read_input(path, job.options.max_bytes)
        # the name recorded in the JSON and the DOCX: valid text whatever the file system held
        source = shown(path.name)
        doc = load_tree(data, source) if job.tree else convert(data, source, job.options)
        res.warnings = [notice_line(n) for n in doc.notices]
        stem = output_stem(path)
        if stem != path.stem:
            res.warnings.append(f"output names shortened to {stem}.* (a file name may have {NAME_MAX} bytes)")
        res.staged = stage(job.outdir, _noting(_render(doc, stem, job), res.warnings), job.run)
    except StageWriteError as e:
        res.error = write_error(e.error, job.outdir)
    except PipelineError as e:
        res.error = str(e)
    except Exception as e:  # a bug: reported for this input, the batch goes on (module doc)
        if job.debug:
            raise
        res.error = internal_error(e)
    return res


def _render(doc: DocTree, stem: str, job: Job) -> Iterator[Output]:
    """Every output of ``doc``, one format after another."""
    for fmt in job.formats:
        yield from render_outputs(doc, stem, (fmt,), job.render)


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


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


WORKER_DIED = (
    "internal error (the worker process died twice on it: killed, or out of memory?) — "
    + REPORT_HINT
    + " (try -j 1)"
)


def _died(path: Path) -> Result:
    return Result(str(path), error=WORKER_DIED)


OnResult = Callable[[int, Result], None]


def run_batch(
    files: Sequence[Path], job: Job, jobs: int, on_result: OnResult, stop: StopOnSignal | None = None
) -> None:
    """Convert every input, calling ``on_result(index, result)`` as each one is done.

    With one job (or one input) the inputs are converted here, in order; otherwise in
    up to ``jobs`` worker processes, largest first (module doc).  ``stop``: the batch's
    signal handling, told how to kill the workers at a second signal.
    """
    if jobs <= 1 or len(files) <= 1:
        for i, f in enumerate(files):
            on_result(i, convert_one(f, job))
        return
    import gc

    from pipeline.cli.pool import Pool
    from pipeline.render import warm_up

    warm_up(job.formats, job.render)  # loaded once here, shared by the forked workers
    gc.freeze()  # what is loaded stays shared: a worker's collector does not touch (copy) it
    sizes = [_size(f) for f in files]
    order = sorted(range(len(files)), key=lambda i: (-sizes[i], i))
    with Pool(min(jobs, len(files)), partial(convert_one, job=job), _died) as pool:
        if stop is not None:
            stop.on_second.append(pool.kill_now)
        pool.run(files, order, on_result, short=lambda i: sizes[i] <= SHORT_INPUT)


def clash_groups(stems: Sequence[str]) -> list[int]:
    """For each input, the first input (index) whose outputs could take a name of its
    outputs, or its own index when there is none.

    Outputs are ``STEM.FMT`` or ``STEM-NN.FMT``, so two stems can clash only when they
    are equal or one is the other plus ``-NN``.

    >>> clash_groups(["a", "b", "a", "a-01", "c-02"])
    [0, 1, 0, 0, 4]
    """
    parent = list(range(len(stems)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[str, int] = {}
    for i, stem in enumerate(stems):
        first.setdefault(stem, i)
    for i, stem in enumerate(stems):
        links = [first[stem]]
        m = _NUMBERED_STEM.fullmatch(stem)
        if m and m.group(1) in first:
            links.append(first[m.group(1)])
        for j in links:
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(stems))]


class Committer:
    """Renames staged outputs into place as inputs finish, refusing name clashes.

    An input that could clash with another (:func:`clash_groups`) waits until every
    earlier one of its group is committed; every other input is committed at once.
    Calling it returns the inputs decided by that call, in the order they were.
    """

    def __init__(self, outdir: Path, stems: Sequence[str]) -> None:
        self.outdir = outdir
        self.owner: dict[str, str] = {}  # output name → the input that wrote it this run
        groups = clash_groups(stems)
        self.queue: dict[int, list[int]] = {}  # group → its inputs still to commit, in order
        for i, g in enumerate(groups):
            self.queue.setdefault(g, []).append(i)
        self.group = groups
        self.held: dict[int, Result] = {}

    def __call__(self, i: int, res: Result) -> list[tuple[int, Result]]:
        self.held[i] = res
        queue = self.queue[self.group[i]]
        decided = []
        while queue and queue[0] in self.held:
            k = queue.pop(0)
            decided.append((k, self._commit(self.held.pop(k))))
        return decided

    def abandon(self) -> list[tuple[int, Result]]:
        """At a stop: the held inputs can no longer be committed in order; their staged
        files are deleted and they are returned as not done."""
        out = sorted(self.held.items())
        for _, res in out:
            discard(res.staged)
            res.staged = []
        self.held.clear()
        return out

    def _commit(self, res: Result) -> Result:
        if res.error:
            discard(res.staged)
            return res
        clash = next((n for n, _ in res.staged if n in self.owner), None)
        if clash is not None:
            discard(res.staged)
            res.error = (
                f"its output {clash} would overwrite the one from {self.owner[clash]}"
                " — rename one of the two inputs or convert it with another -o"
            )
            return res
        try:
            res.written = commit(self.outdir, res.staged)
        except OSError as e:
            discard(res.staged[len(res.written) :])
            res.error = write_error(e, self.outdir)
        for name in res.written:
            self.owner[name] = res.path
        return res
