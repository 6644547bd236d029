"""``gongwen corpus INPUT -o OUT``: a corpus through the cleaner on a datatrove executor (issue 21).

The steps, readers and writers are in :mod:`pipeline.corpus`; this module parses the
options, pins the run's settings, starts the executor and prints the outcome.  datatrove
is an optional extra (``pip install 'gongwen[corpus]'``), imported only when the
command runs, so ``gongwen --help`` and ``convert`` do not pay for it.

Exit status: 0 when every record converted (or a Slurm job was submitted), 1 when some
records failed (they are in ``OUT/errors/``) or the run could not be done, 2 for usage
errors.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.cli.output import check_outdir
from pipeline.core import DEFAULT_MAX_BYTES, Options
from pipeline.errors import ExitStatus, PipelineError
from pipeline.model import SCHEMA, SCHEMAS

if TYPE_CHECKING:
    from pipeline.corpus.run import CorpusJob, Ray, Slurm, Summary

INPUT_FORMATS = ("auto", "documents", "jsonl", "parquet", "warc")
RENDER_FORMATS = ("docx", "pdf")


def fail(where: str, message: str) -> None:
    click.echo(f"error: {where}: {message}", err=True)
    sys.exit(ExitStatus.FAILED)


def require(modules: tuple[str, ...], advice: str = "") -> None:
    """Exit with one line when a module the run needs is not installed."""
    missing = []
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        fail("corpus", advice or f"needs {', '.join(missing)} — pip install 'gongwen[corpus]'")


def parse_render(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    items = [v.strip().lower() for v in value.split(",") if v.strip()]
    if "all" in items:
        return RENDER_FORMATS
    unknown = [v for v in items if v not in RENDER_FORMATS]
    if unknown or not items:
        raise click.BadParameter(
            f"unknown format {unknown[0] if unknown else value!r}; choose docx, pdf or both (the JSON is the records)",
            param_hint="'--render'",
        )
    return tuple(dict.fromkeys(items))


def parse_sbatch_args(values: tuple[str, ...]) -> dict[str, str]:
    args = {}
    for v in values:
        key, eq, val = v.partition("=")
        if not key.strip() or not eq:
            raise click.BadParameter(
                f"{v!r} is not KEY=VALUE (e.g. account=myproject)", param_hint="'--sbatch-arg'"
            )
        args[key.strip().removeprefix("--")] = val.strip()
    return args


@click.command("corpus")
@click.argument("input_path", metavar="INPUT")
@click.option(
    "-o", "--output", "outdir", required=True, help="Folder for the shards, stats and logs of the run."
)
@click.option(
    "--tasks",
    type=click.IntRange(min=1),
    default=None,
    help="Shards to split the input in [default: the number a run into OUT started with, else 8 × --workers].",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="local: worker processes [default: cores]; slurm, ray: tasks run at once [default: all].",
)
@click.option("--executor", type=click.Choice(("local", "slurm", "ray")), default="local", show_default=True)
@click.option(
    "--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
    help="auto: from the suffixes (.txt/.html, .jsonl[.gz], .parquet, .warc[.gz]).",
)  # fmt: skip
@click.option(
    "--column", default=None, help="JSONL/Parquet: the column with the text or HTML [default: text]."
)
@click.option("--id-column", default=None, help="JSONL/Parquet: the column with the record id [default: id].")
@click.option(
    "--source-column", default=None, help="JSONL/Parquet: the column with its URL or path [default: url]."
)
@click.option(
    "--format", "output_format", type=click.Choice(("jsonl", "jsonl.gz", "parquet")), default="jsonl",
    show_default=True, help="Format of the record shards (error shards are always JSONL).",
)  # fmt: skip
@click.option("--render", default=None, help="Also render docx, pdf (comma-separated) into OUT/rendered.")
@click.option("--encoding", default=None, help="Force the input encoding (e.g. gb18030).")
@click.option("--keep-numbering", is_flag=True, help="Print the source's heading markers as they are.")
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
    help="Refuse records larger than this.",
)  # fmt: skip
@click.option("--schema", type=click.Choice(SCHEMAS), default=SCHEMA, show_default=True)
@click.option("--partition", default=None, help="slurm: the partition (required with --executor slurm).")
@click.option(
    "--time", "time_limit", default="24:00:00", show_default=True, help="slurm: time limit per task."
)
@click.option(
    "--cpus-per-task",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="slurm, ray: CPUs per task.",
)
@click.option(
    "--mem-per-cpu-gb",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="slurm, ray: memory per CPU.",
)
@click.option("--qos", default=None, help="slurm: quality of service.")
@click.option("--job-name", default="gongwen-corpus", show_default=True, help="slurm: the job's name.")
@click.option(
    "--slurm-env",
    default=None,
    help="slurm: shell command that sets up gongwen in a job [default: source this venv].",
)
@click.option(
    "--sbatch-arg", "sbatch_args", multiple=True, help="slurm: extra #SBATCH KEY=VALUE (repeatable)."
)
@click.option(
    "--ray-address",
    default=None,
    help="ray: address of the running cluster [default: $RAY_ADDRESS, else auto].",
)
def corpus_cmd(
    input_path: str,
    outdir: str,
    tasks: int | None,
    workers: int | None,
    executor: str,
    input_format: str,
    column: str | None,
    id_column: str | None,
    source_column: str | None,
    output_format: str,
    render: str | None,
    encoding: str | None,
    keep_numbering: bool,
    max_bytes: int,
    schema: str,
    partition: str | None,
    time_limit: str,
    cpus_per_task: int,
    mem_per_cpu_gb: int,
    qos: str | None,
    job_name: str,
    slurm_env: str | None,
    sbatch_args: tuple[str, ...],
    ray_address: str | None,
) -> None:
    """Convert a corpus (a folder of files, JSONL/Parquet, WARC) into shards of doc-tree records.

    Every record is converted as `gongwen convert FILE --to json` converts a file of the
    same bytes.  Running the same command again skips the tasks already done.
    """
    from pipeline.cli import _check_encoding

    renders = parse_render(render)
    extra = parse_sbatch_args(sbatch_args)
    _check_encoding(encoding)
    if executor == "slurm" and not partition:
        raise click.UsageError("--executor slurm needs --partition NAME")
    require(("datatrove", "orjson"))
    from pipeline.corpus import run

    try:
        folder, file, fmt = run.find_input(input_path, None if input_format == "auto" else input_format)
    except PipelineError as e:
        fail(input_path, str(e))
    require(("pyarrow",) if "parquet" in (fmt, output_format) else ())
    require(("warcio",) if fmt == "warc" else ())
    columns = {"--column": column, "--id-column": id_column, "--source-column": source_column}
    if fmt not in ("jsonl", "parquet") and any(columns.values()):
        given = next(k for k, v in columns.items() if v)
        raise click.UsageError(f"{given} applies to JSONL and Parquet input, and {input_path} is {fmt}")
    out = Path(outdir).resolve()
    problem = check_outdir(out)
    if problem:
        fail(outdir, problem)
    try:
        before = run.pinned(out)
    except PipelineError as e:
        fail(outdir, str(e))
    if tasks is None:
        if before is not None:
            tasks = int(before["tasks"])
        elif executor == "local":
            tasks = 8 * (workers or os.cpu_count() or 1)  # more tasks than workers: the pool evens them out
        else:
            raise click.UsageError(
                f"--executor {executor} needs --tasks N (how many shards to split the input in)"
            )
    job = run.CorpusJob(
        input_folder=folder,
        input_file=file,
        input_format=fmt,
        tasks=tasks,
        output_format=output_format,
        column=column or "text",
        id_column=id_column or "id",
        source_column=source_column or "url",
        options=Options(encoding=encoding, keep_numbering=keep_numbering, max_bytes=max_bytes),
        schema=schema,
        render=renders,
    )
    try:
        run.pin(out, job)
    except PipelineError as e:
        fail(outdir, str(e))
    cluster: Slurm | Ray | None = None
    if executor == "slurm":
        assert partition is not None
        cluster = run.Slurm(
            partition, time_limit, cpus_per_task, mem_per_cpu_gb, qos, job_name, slurm_env, extra
        )
    elif executor == "ray":
        cluster = run.Ray(
            ray_address or os.environ.get("RAY_ADDRESS") or "auto", cpus_per_task, mem_per_cpu_gb
        )
    else:
        workers = workers or os.cpu_count() or 1
    already = len(run.completed(out, tasks))
    if already < tasks:
        _start(job, out, executor, workers, cluster, already)
    done = run.completed(out, tasks)
    if len(done) < tasks:
        if executor == "slurm":
            return  # submitted; _start said so
        missing = ", ".join(str(t) for t in range(tasks) if t not in done)
        fail(
            outdir,
            f"tasks {missing} did not finish — see {out}/logs; run the same command again to finish them",
        )
    summary = run.summarize(run.merge_stats(out, tasks))
    click.echo(report(summary, out, tasks))
    sys.exit(ExitStatus.FAILED if summary.failed else ExitStatus.OK)


def _start(
    job: CorpusJob, out: Path, executor: str, workers: int | None, cluster: Slurm | Ray | None, already: int
) -> None:
    """Run the executor (Slurm: submit); a run that stops is reported as one line, exit 1."""
    from pipeline.corpus import run

    if executor == "ray":
        require(("ray",), "--executor ray needs ray — pip install the ray version of your cluster")
    ex = run.executor(job, str(out), executor, workers, cluster)
    if isinstance(cluster, run.Ray):
        try:
            run.connect_ray(cluster.address)
        except Exception as e:  # ray raises ConnectionError, RuntimeError, … for a cluster it cannot join
            fail(
                str(out),
                f"cannot join the Ray cluster at {cluster.address} ({_first_line(e)}) — start one with"
                " `ray start --head`, or pass --ray-address HOST:PORT",
            )
    try:
        ex.run()
    except FileNotFoundError as e:
        if executor == "slurm" and e.filename == "sbatch":
            fail(str(out), "sbatch not found — submit from a Slurm login node, or use --executor local")
        raise
    except KeyboardInterrupt:
        click.echo(
            "\ninterrupted — the finished tasks are kept; run the same command again to do the rest", err=True
        )
        sys.exit(130)
    except Exception as e:  # a task failed (the executor re-raises it), or the cluster refused
        fail(
            str(out),
            f"the run stopped ({_first_line(e)}) — see {out}/logs; run the same command again to redo"
            " the tasks not done",
        )
    if executor == "slurm":
        click.echo(
            f"submitted Slurm job {getattr(ex, 'job_id', None)}: {job.tasks - already} of {job.tasks} tasks "
            f"(script: {out}/launch_script.slurm); when it has finished, run the same command "
            "again for the summary (it resubmits only the tasks that did not finish)"
        )


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0][:200] if str(e).strip() else ""
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def report(s: Summary, out: Path, tasks: int) -> str:
    """The outcome of a run, a few lines for the terminal."""
    lines = [f"{s.inputs:,} records in {tasks} tasks → {s.written:,} written ({s.documents:,} documents)"]
    if s.failed:
        kinds = ", ".join(f"{k} {n:,}" for k, n in sorted(s.errors.items(), key=lambda kv: (-kv[1], kv[0])))
        lines[0] += f", {s.failed:,} failed: {kinds} — reasons in {out}/errors/"
    c = s.chars
    line = f"characters: {c['input']:,} in = {c['kept']:,} kept + {c['removed']:,} removed"
    if c["rewritten_from"] or c["rewritten_to"]:
        line += f" + {c['rewritten_from']:,} rewritten − {c['rewritten_to']:,} written by rewrites"
    lines.append(line)
    if s.rendered:
        lines.append(f"rendered: {s.rendered:,} records into {out}/rendered/")
    lines.append(f"records in {out}/records/, stats in {out}/stats.json")
    return "\n".join(lines)
