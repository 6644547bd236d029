"""Which files a command line names, and reading one of them.

Folders expand to the input files inside them (hidden files and folders skipped), each
file once, in a stable order; what cannot be read becomes one line of advice.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pipeline.core import check_size
from pipeline.decode import SUFFIXES
from pipeline.errors import InputError

INPUT_SUFFIXES = SUFFIXES  # every kind decode reads: text, pages, Markdown, Word, PDF


def _walk(folder: Path, bad: list[tuple[str, str]], suffixes: Sequence[str]) -> list[Path]:
    """Every input file under ``folder`` in a stable order; hidden files and folders skipped.

    ``os.walk`` does not follow symbolic links to folders (no loops) and reports an
    unreadable sub-folder through ``onerror`` instead of raising.
    """

    def unreadable(e: OSError) -> None:
        bad.append(
            (str(e.filename or folder), f"cannot read the folder ({strerror(e)}) — check its permissions")
        )

    found: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, n) for n in names if not n.startswith(".") and Path(n).suffix.lower() in suffixes
        )
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
    seen: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = _walk(path, bad, suffixes)
            if not files:
                kinds = ", ".join(suffixes)
                bad.append((p, f"no {kinds} files in this folder — nothing to convert"))
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


def strerror(e: OSError) -> str:
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
        raise InputError(f"cannot read the file ({strerror(e)}) — check its permissions (chmod +r)") from None
    except IsADirectoryError:
        raise InputError(
            "is a folder, not a file — give the folder itself to convert what is inside"
        ) from None
    except OSError as e:
        raise InputError(f"cannot read the file ({strerror(e)}) — check the disk and try again") from None
