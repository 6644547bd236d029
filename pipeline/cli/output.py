"""Atomic output: every file staged beside its target, fsynced, then renamed into place.

A worker writes each output of an input to a hidden temporary file beside its target
(``.NAME.gwPID.XXXXXXXX.tmp``) and fsyncs it; only then are they renamed over the
targets.  A full disk, a crash or SIGKILL therefore never leaves a truncated
DOCX/PDF/JSON, and a failed rerun leaves the previous good outputs as they were.
Temporary files of a killed run are hidden; the next run in the same folder deletes
those whose process is gone (the PID in the name tells), never those of a run still
going.
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


def stage(folder: Path, files: Iterable[Output]) -> list[tuple[str, str]]:
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
                    fd, tmp = _make_temp(folder, out.name)
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
        return f"cannot write to {folder} ({strerror(e)}) — choose another -o or fix its permissions"
    return f"cannot write to {folder} ({strerror(e)}) — check the disk and run again"


def check_outdir(out: Path) -> str:
    """Create the output folder; return why it cannot be used ("" when it can)."""
    if out.exists() and not out.is_dir():
        return f"cannot write to {out}: it is a file, not a folder — choose another -o"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        return f"cannot create the folder {out}: part of its path is a file — choose another -o"
    except OSError as e:
        return f"cannot create the folder {out} ({strerror(e)}) — choose another -o"
    if not os.access(out, os.W_OK | os.X_OK):
        return f"cannot write to {out} (permission denied) — choose another -o or fix its permissions"
    return ""
