"""Atomic output: every file staged beside its target, fsynced, then renamed into place.

A worker writes each output of an input to a hidden temporary file in the output
folder and fsyncs it; only then are they renamed over the targets.  A full disk, a crash
or SIGKILL therefore never leaves a truncated DOCX/PDF/JSON, and a failed rerun leaves
the previous good outputs as they were.

A temporary file is named after the *run* that made it, not after the process that
wrote it: ``.gw-PID-START.XXXXXXXX.tmp`` with the PID of the run's main process and
that process's start time (issue 13).  A worker that dies does not make its run's
files look abandoned, and a PID the system has since given to another process does
not make a dead run's files look alive.  The next run into the folder deletes the files
of runs that are gone, never those of a run still going; a run deletes its own at its
end.  The name holds nothing of the output's name, so an input name of any length
stages (``NAME_MAX`` is 255 bytes and the output's own name may use them all).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.cli.inputs import strerror
from pipeline.render import Output

# A temporary output: ".gw-1234-5678901.1a2b3c4d.tmp" — hidden, and naming the run that
# made it (its main process's PID and start time), so a later run can tell a dead run's
# leftovers from a live one's.
_TEMP = re.compile(r"^\.gw-(\d+)-(\d+)\.[0-9a-f]{8}\.tmp$")
# What versions before issue 13 named them (".x.pdf.gw1234.1a2b3c4d.tmp", the writer's PID).
_OLD_TEMP = re.compile(r"^\..+\.gw(\d+)\.[0-9a-f]{8}\.tmp$")


def start_time(pid: int) -> int:
    """When process ``pid`` started (clock ticks since boot, /proc/PID/stat field 22), or
    0 where there is no /proc or no such process."""
    try:
        # "pid (comm) STATE ppid …": comm may hold spaces and parentheses, so split after the last ")"
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return int(fields[19])
    except (OSError, IndexError, ValueError):
        return 0


def run_tag() -> str:
    """The name of this run in its temporary files: ``PID-START`` of this process."""
    pid = os.getpid()
    return f"{pid}-{start_time(pid)}"


def _make_temp(folder: Path, run: str) -> tuple[int, Path]:
    """Create a new hidden temporary file of run ``run`` in ``folder`` (like mkstemp, which
    would cost the ``tempfile`` import on every start)."""
    while True:
        tmp = folder / f".gw-{run}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644), tmp
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


def stage(folder: Path, files: Iterable[Output], run: str) -> list[tuple[str, str]]:
    """Write each output to its own temporary file, fsynced; return (name, temp path).

    ``files`` may render lazily.  Each file's fsync runs in a thread of its own while the
    next output is rendered (an fsync waits for the disk, about 5 ms here, and an input of
    18 articles makes 37 files); all of them have finished when this returns, before
    anything is renamed.  If a write fails (disk full, no permission) it raises
    :class:`StageWriteError`; on that or any error from ``files`` every temporary file made
    so far is deleted first: nothing of the input reaches the folder.
    """
    staged: list[tuple[str, str]] = []
    syncs: list[tuple[threading.Thread, list[OSError]]] = []
    try:
        try:
            for out in files:
                try:
                    fd, tmp = _make_temp(folder, run)
                    staged.append((out.name, str(tmp)))
                    with os.fdopen(fd, "wb") as f:
                        f.write(out.data)
                except OSError as e:
                    raise StageWriteError(e) from e
                syncs.append(_sync_later(str(tmp)))
        finally:
            for thread, _ in syncs:
                thread.join()
        errors = [e for _, errs in syncs for e in errs]
        if errors:
            raise StageWriteError(errors[0])
    except BaseException:
        discard(staged)
        raise
    return staged


def _sync_later(path: str) -> tuple[threading.Thread, list[OSError]]:
    """fsync ``path`` in a thread: before the rename, so that after a power cut the new
    name never points at blocks that were never written (the zero-length-file bug)."""
    errors: list[OSError] = []

    def sync() -> None:
        try:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as e:
            errors.append(e)

    thread = threading.Thread(target=sync, daemon=True)
    thread.start()
    return thread, errors


def commit(folder: Path, staged: Sequence[tuple[str, str]]) -> list[str]:
    """Rename every staged temporary file over its target; return the names written."""
    written = []
    for name, tmp in staged:
        os.replace(tmp, folder / name)
        written.append(name)
    return written


def sweep_temps(folder: Path, own: str = "") -> int:
    """Delete temporary outputs left by runs that are gone; return how many.

    A file whose run (the PID and start time in its name) is still going is left alone:
    it may belong to another conversion into the same folder.  ``own`` names this run:
    its files go too (called at the end, once no worker of it is writing).
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m:
            run = f"{m.group(1)}-{m.group(2)}"
            if run != own and _alive(int(m.group(1)), int(m.group(2))):
                continue
        else:
            old = _OLD_TEMP.match(entry.name)
            if not old or _alive(int(old.group(1)), 0):
                continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def _alive(pid: int, start: int) -> bool:
    """Whether the run of process ``pid`` started at ``start`` still runs (``start`` 0:
    whether any process ``pid`` does).

    A zombie does not run: a killed run's orphaned workers can stay zombies for a while
    until init reaps them (seen: 1.4 s here).  A process ``pid`` that started at another
    time is another process that was given a dead run's PID.
    """
    if pid == os.getpid() and start in (0, start_time(pid)):
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        pass
    try:
        # /proc/PID/stat is "pid (comm) STATE ..."; comm may hold spaces, so split after ")"
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        state, started = fields[0], int(fields[19])
    except (OSError, IndexError, ValueError):
        return True  # no /proc (not Linux): trust kill()
    return state not in ("Z", "X") and start in (0, started)


def write_error(e: OSError, folder: Path) -> str:
    """What a failed write means and what to do about it."""
    if e.errno == errno.ENOSPC or e.errno == errno.EDQUOT:
        return (
            f"disk full while writing to {folder} — free some space and run again (old outputs are untouched)"
        )
    if e.errno == errno.EISDIR:
        return f"{Path(e.filename2 or e.filename or '').name} in {folder} is a folder — move it away or choose another -o"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write to {folder} ({strerror(e)}) — choose another -o or fix its permissions"
    return f"cannot write to {folder} ({strerror(e)}) — check the disk and run again"


def check_outdir(out: Path) -> str:
    """Create the output folder; return why it cannot be used ("" when it can)."""
    if out.exists() and not out.is_dir():
        return f"cannot write to {out}: it is a file, not a folder — choose another -o"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return f"cannot create the folder {out}: {_in_the_way(out)} — choose another -o"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return f"cannot create the folder {out}: its path holds a symbolic link loop — choose another -o"
        return f"cannot create the folder {out} ({strerror(e)}) — choose another -o"
    if not os.access(out, os.W_OK | os.X_OK):
        return f"cannot write to {out} (permission denied) — choose another -o or fix its permissions"
    return ""


def _in_the_way(out: Path) -> str:
    """What in the path of ``out`` stops the folder being made: a broken link or a file."""
    for part in [*reversed(out.parents), out]:
        if os.path.islink(part) and not part.exists():
            return f"{part} is a symbolic link to {os.readlink(part)}, which does not exist"
        if part.exists() and not part.is_dir():
            return f"part of its path ({part}) is a file"
    return "part of its path is a file"  # pragma: no cover - changed while we looked
