"""Which files a command line names, and reading one of them.

Folders expand to the input files inside them (hidden files and folders skipped), each
file once, in a stable order; what cannot be read becomes one line of advice.

Only regular files are ever opened (issue 13).  A folder of downloads can hold anything
a name ending in ``.txt`` can point at: a symbolic link to itself (a loop), a named
pipe (reading it would wait for a writer for ever), a link to ``/dev/zero`` (endless)
or a ``/proc`` file (its size reads as 0).  Each is refused with one line, and a read
never takes more than ``--max-bytes + 1`` bytes, whatever the file's size says.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from pipeline.core import check_size
from pipeline.decode import SUFFIXES
from pipeline.errors import InputError

INPUT_SUFFIXES = SUFFIXES  # every kind decode reads: text, pages, Markdown, Word, PDF

# What a file that is not a regular file is, for the message (by stat.S_IFMT).
_SPECIAL = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _not_regular(mode: int) -> str:
    """The one-line refusal of a special file.

    >>> _not_regular(stat.S_IFIFO)
    'not a regular file (a named pipe (FIFO)) — only regular files are converted'
    """
    what = _SPECIAL.get(stat.S_IFMT(mode), "a special file")
    return f"not a regular file ({what}) — only regular files are converted"


def _stat_problem(path: Path, e: OSError) -> str:
    """Why ``os.stat(path)`` failed, as advice."""
    if e.errno == errno.ELOOP:
        return "a symbolic link loop (the link leads back to itself) — fix or remove the link"
    if e.errno == errno.ENOENT:
        if os.path.islink(path):
            return "a broken symbolic link (what it points to is missing) — fix or remove the link"
        return "no such file or folder — check the path"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"cannot read it ({strerror(e)}) — check its permissions"
    if e.errno == errno.ENAMETOOLONG:
        return "the path is too long for the file system — move the file to a shorter path"
    return f"cannot read it ({strerror(e)}) — check the path"


def _classify(path: Path) -> tuple[str, str]:
    """("file" | "folder" | "", problem) for ``path``, following symbolic links safely."""
    try:
        st = os.stat(path)
    except OSError as e:
        return "", _stat_problem(path, e)
    except ValueError:  # a NUL in the name: no file system has one
        return "", "no such file or folder — check the path"
    if stat.S_ISDIR(st.st_mode):
        return "folder", ""
    if stat.S_ISREG(st.st_mode):
        return "file", ""
    return "", _not_regular(st.st_mode)


def _walk(folder: Path, bad: list[tuple[str, str]], suffixes: Sequence[str]) -> list[Path]:
    """Every input file under ``folder`` in a stable order; hidden files and folders skipped.

    ``os.walk`` does not follow symbolic links to folders (no loops) and reports an
    unreadable sub-folder through ``onerror`` instead of raising.  Names are checked
    one by one: a name with an input suffix that is no regular file is refused.
    """

    def unreadable(e: OSError) -> None:
        bad.append(
            (str(e.filename or folder), f"cannot read the folder ({strerror(e)}) — check its permissions")
        )

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in sorted(names):
            if n.startswith(".") or Path(n).suffix.lower() not in suffixes:
                continue
            path = Path(root, n)
            kind, problem = _classify(path)
            if kind == "file":
                found.append(path)
            elif problem:
                bad.append((str(path), problem))
    return sorted(found)


def find_inputs(
    paths: Sequence[str], suffixes: Sequence[str] = INPUT_SUFFIXES
) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to convert (folders expanded, sorted; each file once) and (path, error) pairs.

    A file named on the command line is taken whatever its suffix; a folder contributes
    its files with one of ``suffixes`` (every kind ``convert`` reads), and a folder with
    none of them is an error (the user expected something to happen).
    """
    found: list[Path] = []
    bad: list[tuple[str, str]] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        kind, problem = _classify(path)
        if kind == "folder":
            before = len(bad)
            files = _walk(path, bad, suffixes)
            if not files and len(bad) == before:
                kinds = ", ".join(suffixes)
                bad.append((p, f"no {kinds} files in this folder — nothing to convert"))
        elif kind == "file":
            files = [path]
        else:
            bad.append((p, problem))
            continue
        for f in files:
            # every f stat()ed as a regular file, so realpath meets no loop
            key = os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                found.append(f)
    return found, bad


def strerror(e: OSError) -> str:
    return e.strerror or e.__class__.__name__


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; what can go wrong becomes an :class:`InputError` message.

    The file is opened without blocking (a named pipe put in its place since the folder
    was listed cannot make the read wait), checked to be a regular file on the open
    descriptor, refused on its size before reading when that is over ``max_bytes``, and
    read only up to ``max_bytes + 1`` bytes in any case (``/proc`` files say 0).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError(_stat_problem(path, FileNotFoundError(errno.ENOENT, ""))) from None
        raise InputError("no such file (was it moved or deleted?) — check the path") from None
    except PermissionError as e:
        raise InputError(f"cannot read the file ({strerror(e)}) — check its permissions (chmod +r)") from None
    except IsADirectoryError:
        raise InputError(
            "is a folder, not a file — give the folder itself to convert what is inside"
        ) from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(_stat_problem(path, e)) from None
        raise InputError(f"cannot read the file ({strerror(e)}) — check the disk and try again") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("is a folder, not a file — give the folder itself to convert what is inside")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(_not_regular(st.st_mode))
        check_size(st.st_size, max_bytes)
        data = read_at_most(fd, max_bytes + 1)
    except OSError as e:
        raise InputError(f"cannot read the file ({strerror(e)}) — check the disk and try again") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        check_size(len(data), max_bytes, at_least=True)
    return data


def read_at_most(fd: int, limit: int) -> bytes:
    """Up to ``limit`` bytes from ``fd`` (fewer only at the end of the file)."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
