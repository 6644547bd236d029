"""A corpus run: what ``gongwen corpus`` builds and hands to a datatrove executor.

``OUT`` holds everything of a run, datatrove's bookkeeping included::

    OUT/corpus.json          the run's settings, pinned by its first start (see below)
    OUT/records/00000.jsonl  doc-tree records of task 0 (.jsonl.gz, .parquet)
    OUT/errors/00000.jsonl   records of task 0 that failed, each with its one-line reason
    OUT/rendered/…           DOCX/PDF files, with --render
    OUT/stats/00000.json     datatrove's stats of task 0 (per shard); OUT/stats.json: all
    OUT/completions/00000    datatrove's marker: task 0 is done (a rerun skips it)
    OUT/logs/task_00000.log  datatrove's log of task 0

**Resuming.**  datatrove skips every task with a completion marker, so running the same
command again finishes only the tasks that did not.  That is only sound if the tasks are
the same ones: the settings that decide what a task reads and writes (input, number of
tasks, formats, columns, conversion options) are written to ``corpus.json`` when a run
first starts, and a later run into the same ``OUT`` with other settings is refused.  The
number of tasks defaults to the pinned one, so a rerun on another machine (another
number of cores) still resumes.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

from datatrove.executor.base import PipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.stats import MetricStats, PipelineStats

from pipeline.core import Options
from pipeline.corpus.readers import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    WARC_SUFFIXES,
    DocumentFiles,
    InputFiles,
    JsonlRecords,
    ParquetRecords,
    WarcRecords,
)
from pipeline.corpus.steps import Convert, Render
from pipeline.corpus.writers import ErrorJsonlWriter, RecordJsonlWriter, RecordParquetWriter
from pipeline.decode import SUFFIXES
from pipeline.errors import InputError
from pipeline.model import SCHEMA

# input format → the suffixes of its files
INPUT_FORMATS: Final[Mapping[str, tuple[str, ...]]] = {
    "documents": SUFFIXES,
    "jsonl": JSONL_SUFFIXES,
    "parquet": PARQUET_SUFFIXES,
    "warc": WARC_SUFFIXES,
}
OUTPUT_FORMATS: Final = ("jsonl", "jsonl.gz", "parquet")
EXECUTORS: Final = ("local", "slurm", "ray")
MANIFEST = "corpus.json"


class SettingsError(InputError):
    """An ``OUT`` that holds a run of other settings, or an input that cannot be read."""


@dataclass(frozen=True, slots=True)
class CorpusJob:
    """Everything that decides what each task reads and writes (pinned in ``corpus.json``)."""

    input_folder: str  # absolute path or URL
    input_file: str | None  # a single file of that folder, or None for all of its inputs
    input_format: str  # a key of INPUT_FORMATS
    tasks: int
    output_format: str = "jsonl"
    column: str = "text"  # JSONL/Parquet: the text or HTML
    id_column: str = "id"
    source_column: str = "url"
    options: Options = field(default_factory=Options)
    schema: str = SCHEMA
    render: tuple[str, ...] = ()  # docx, pdf: rendered into OUT/rendered


def find_input(path: str, input_format: str | None = None) -> tuple[str, str | None, str]:
    """(folder, single file or None, format) of an input path; a folder's format is that of
    the files in it.  A URL (``s3://…``) is taken as a folder and needs ``input_format``.

    Raises :class:`SettingsError` when the path is missing or its format cannot be told.
    """

    def kind_of(name: str) -> str | None:
        low = name.lower()
        return next((k for k, sfx in INPUT_FORMATS.items() if low.endswith(sfx)), None)

    if "://" in path:
        if input_format is None:
            raise SettingsError("a URL input needs --input-format (documents, jsonl, parquet or warc)")
        return path, None, input_format
    p = Path(path)
    if p.is_file():
        return str(p.resolve().parent), p.name, input_format or kind_of(p.name) or "documents"
    if not p.is_dir():
        raise SettingsError("no such file or folder — check the path")
    if input_format is not None:
        return str(p.resolve()), None, input_format
    kinds = Counter(
        k
        for root, dirs, names in os.walk(p)
        for k in map(kind_of, (n for n in names if not n.startswith(".")))
        if k is not None and not any(part.startswith(".") for part in Path(root).relative_to(p).parts)
    )
    if not kinds:
        raise SettingsError(
            "no inputs in this folder (.txt/.html/.htm, .jsonl, .parquet or .warc files) — nothing to convert"
        )
    if len(kinds) > 1:
        found = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
        raise SettingsError(f"the folder holds several kinds of input ({found}) — pass --input-format")
    return str(p.resolve()), None, next(iter(kinds))


def reader(job: CorpusJob) -> InputFiles:
    """The reader of a job's input."""
    where: dict[str, Any] = {"data_folder": job.input_folder, "file": job.input_file}
    if job.input_format == "documents":
        return DocumentFiles(**where, max_bytes=job.options.max_bytes)
    if job.input_format == "warc":
        return WarcRecords(**where, max_bytes=job.options.max_bytes)
    columns = {"text_key": job.column, "id_key": job.id_column, "source_key": job.source_column}
    if job.input_format == "jsonl":
        return JsonlRecords(**where, **columns)
    return ParquetRecords(**where, **columns)


def pipeline_steps(job: CorpusJob, out: str) -> list[PipelineStep]:
    """Reader → Convert (→ Render) → writer, each failure to an error shard of its task."""
    steps: list[PipelineStep] = [
        reader(job),
        Convert(job.options, job.schema, ErrorJsonlWriter(out, "errors/${rank}.jsonl")),
    ]
    if job.render:
        errors = ErrorJsonlWriter(out, "errors/render-${rank}.jsonl")
        steps.append(Render(f"{out.rstrip('/')}/rendered", job.render, errors))
    if job.output_format == "parquet":
        steps.append(RecordParquetWriter(out, "records/${rank}.parquet"))
    else:
        gz = job.output_format == "jsonl.gz"
        steps.append(
            RecordJsonlWriter(out, "records/${rank}.jsonl" + (".gz" if gz else ""), "gzip" if gz else None)
        )
    return steps


# ---------------------------------------------------------------- the pinned settings


def settings(job: CorpusJob) -> dict[str, Any]:
    """The job as the JSON object ``corpus.json`` holds, its conversion options inline."""
    flat = asdict(job)
    options = flat.pop("options")
    flat.update({k: options[k] for k in ("encoding", "keep_numbering", "max_bytes")})
    return json.loads(json.dumps(flat))  # type: ignore[no-any-return]  # tuples → lists


def pinned(out: Path) -> dict[str, Any] | None:
    """The settings a run into ``out`` was started with, or None for a fresh ``out``."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise SettingsError(f"cannot read {out / MANIFEST} ({e}) — choose another -o") from None
    return data.get("job") if isinstance(data, dict) else None


_FLAGS = {
    "input_folder": "INPUT",
    "input_file": "INPUT",
    "input_format": "--input-format",
    "tasks": "--tasks",
    "output_format": "--format",
    "column": "--column",
    "id_column": "--id-column",
    "source_column": "--source-column",
    "encoding": "--encoding",
    "keep_numbering": "--keep-numbering",
    "max_bytes": "--max-bytes",
    "schema": "--schema",
    "render": "--render",
}


def pin(out: Path, job: CorpusJob) -> None:
    """Write ``job`` to ``out/corpus.json``, or check that it is the run already there.

    Raises :class:`SettingsError` naming what differs.
    """
    now = settings(job)
    before = pinned(out)
    if before is None and (out / "completions").is_dir() and any((out / "completions").iterdir()):
        raise SettingsError(
            f"holds finished tasks of a run but no {MANIFEST} saying which — choose another -o,"
            " or empty this one"
        )
    if before is None:
        out.mkdir(parents=True, exist_ok=True)
        tmp = out / f".{MANIFEST}.{os.getpid()}.part"
        tmp.write_text(json.dumps({"job": now}, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(tmp, out / MANIFEST)
        return
    differ = [k for k in now if before.get(k) != now[k]]
    if differ:
        was = ", ".join(f"{_FLAGS.get(k, k)} was {before.get(k)!r}" for k in differ)
        raise SettingsError(
            f"holds a run started with other settings ({was}) — rerun with those, or choose another -o"
        )


# ---------------------------------------------------------------- executors


@dataclass(frozen=True, slots=True)
class Slurm:
    """``--executor slurm``: what goes into the sbatch script."""

    partition: str
    time: str = "24:00:00"
    cpus_per_task: int = 1
    mem_per_cpu_gb: int = 2
    qos: str | None = None
    job_name: str = "gongwen-corpus"
    env_command: str | None = None  # how a job activates this installation
    sbatch_args: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Ray:
    """``--executor ray``: a running cluster and what each task reserves on it."""

    address: str = "auto"
    cpus_per_task: int = 1
    mem_per_cpu_gb: float = 2


def activate_command() -> str | None:
    """How a Slurm job gets this installation: source the virtualenv gongwen runs in."""
    activate = Path(sys.prefix) / "bin" / "activate"
    return f"source {activate}" if sys.prefix != sys.base_prefix and activate.is_file() else None


def executor(
    job: CorpusJob, out: str, kind: str, workers: int | None, cluster: Slurm | Ray | None = None
) -> PipelineExecutor:
    """The datatrove executor of a run: ``local`` (``workers`` processes), ``slurm`` (an
    array job of ``job.tasks``, at most ``workers`` at once) or ``ray``."""
    steps = pipeline_steps(job, out)
    if kind == "local":
        from datatrove.executor.local import LocalPipelineExecutor

        # fork, not datatrove's forkserver: a forked worker has datatrove and the pipeline
        # imported already (1 s a process otherwise, measured: README "Corpus scale"), and
        # the process forking it runs no threads
        start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        return LocalPipelineExecutor(
            steps, tasks=job.tasks, workers=workers or 1, logging_dir=out, start_method=start
        )
    if kind == "slurm":
        from datatrove.executor.slurm import SlurmPipelineExecutor

        assert isinstance(cluster, Slurm)
        return SlurmPipelineExecutor(
            steps,
            tasks=job.tasks,
            workers=workers or -1,
            time=cluster.time,
            partition=cluster.partition,
            cpus_per_task=cluster.cpus_per_task,
            mem_per_cpu_gb=cluster.mem_per_cpu_gb,
            qos=cluster.qos,
            job_name=cluster.job_name,
            env_command=cluster.env_command or activate_command(),
            sbatch_args=dict(cluster.sbatch_args),
            logging_dir=out,
        )
    from datatrove.executor.ray import RayPipelineExecutor

    assert isinstance(cluster, Ray)
    return RayPipelineExecutor(
        steps,
        tasks=job.tasks,
        workers=workers or -1,
        cpus_per_task=cluster.cpus_per_task,
        mem_per_cpu_gb=cluster.mem_per_cpu_gb,
        logging_dir=out,
    )


def connect_ray(address: str) -> None:
    """Join a running Ray cluster (``ray start --head`` on its head node)."""
    import ray

    if not ray.is_initialized():
        ray.init(address=address, log_to_driver=False)


# ---------------------------------------------------------------- the outcome


def completed(out: Path, tasks: int) -> list[int]:
    """The tasks of a run into ``out`` that have finished (datatrove's markers)."""
    done = {p.name for p in (out / "completions").glob("[0-9]*")} if (out / "completions").is_dir() else set()
    return [t for t in range(tasks) if f"{t:05d}" in done]


def merge_stats(out: Path, tasks: int) -> list[dict[str, Any]]:
    """Add up every task's ``stats/NNNNN.json`` into ``stats.json`` (as datatrove's
    ``merge_stats`` does; a resumed local run's own ``stats.json`` covers only the tasks
    it ran).  Returns the merged stats: datatrove's list of step blocks."""
    total = PipelineStats()
    for t in range(tasks):
        with (
            contextlib.suppress(FileNotFoundError),
            open(out / "stats" / f"{t:05d}.json", encoding="utf-8") as f,
        ):
            total += PipelineStats.from_json(json.load(f))
    merged: list[dict[str, Any]] = json.loads(total.to_json())
    tmp = out / f".stats.json.{os.getpid()}.part"
    tmp.write_text(json.dumps(merged, indent=2) + "\n", "utf-8")
    os.replace(tmp, out / "stats.json")
    return merged


@dataclass(frozen=True, slots=True)
class Summary:
    """A run's totals, from the merged stats."""

    inputs: int = 0
    converted: int = 0
    documents: int = 0
    errors: Mapping[str, int] = field(default_factory=dict)
    chars: Mapping[str, int] = field(default_factory=dict)  # input, kept, removed, rewritten_from/_to
    removed: Mapping[str, int] = field(default_factory=dict)  # characters per reason
    rendered: int = 0

    @property
    def failed(self) -> int:
        """Records that went to an error shard (by Convert, or by Render after it)."""
        return sum(self.errors.values())

    @property
    def written(self) -> int:
        """Records in the output shards."""
        return self.inputs - self.failed


def _total(value: Any) -> int:
    return int(MetricStats.from_dict(value).total) if isinstance(value, dict) else int(value)


def summarize(blocks: Sequence[Mapping[str, Any]]) -> Summary:
    """The totals of our steps' blocks in datatrove's stats (a list of step blocks)."""
    counts: Counter[str] = Counter()
    for block in blocks:
        name = str(block.get("name", ""))
        if name.startswith(Convert.type) or name.startswith(Render.type):
            for key, value in dict(block.get("stats", {})).items():
                counts[key] += _total(value)
    errors = {k.removeprefix("errors/"): n for k, n in sorted(counts.items()) if k.startswith("errors/")}
    removed = {
        k.removeprefix("chars/removed/"): n
        for k, n in sorted(counts.items())
        if k.startswith("chars/removed/")
    }
    chars = {
        "input": counts["chars/input"],
        "kept": counts["chars/kept"],
        "removed": sum(removed.values()),
        "rewritten_from": counts["chars/rewritten_from"],
        "rewritten_to": counts["chars/rewritten_to"],
    }
    return Summary(
        counts["inputs"], counts["converted"], counts["documents"], errors, chars, removed, counts["rendered"]
    )
