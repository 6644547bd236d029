"""What the CLI writes to the terminal: one line per message, whatever names it holds.

* :func:`shown` makes any text safe for one line: a file name may hold a newline (it
  would break the line, or forge an ``error:`` line of its own), an escape sequence
  (it would drive the terminal), a bidi override (it would reorder what is shown) or
  bytes that are not UTF-8 (a GBK name unzipped from a Windows archive); each is shown
  escaped, ``\\n`` ``\\x1b`` ``\\u202e`` ``\\xc4``.
* :class:`Say` writes the lines; when stderr is closed or its reader has gone
  (``2>&1 | head -1``) it stops writing and the work goes on.
* :func:`ensure_std_fds` gives a process started with a closed stdin, stdout or
  stderr ``/dev/null`` there, so that no file the batch opens can become fd 2 (a
  worker's or the interpreter's error output would land in a document).
"""

from __future__ import annotations

import os
import unicodedata

import click

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
        return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"
    return ch


def shown(text: str) -> str:
    """``text`` with every character that could break or disguise a line escaped.

    >>> shown("a\\nerror: forged.txt"), shown("\\x1b[31mred"), shown("\\udcc4\\udce3.txt")
    ('a\\\\nerror: forged.txt', '\\\\x1b[31mred', '\\\\xc4\\\\xe3.txt')
    >>> shown("报告\\u202e.txt"), shown("工作　总结.txt")
    ('报告\\\\u202e.txt', '工作　总结.txt')
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in " \u3000\xa0" else _escape(ch) for ch in text)


class Say:
    """Lines to stderr (or stdout) that never stop the work: see the module doc."""

    def __init__(self) -> None:
        self.broken: set[bool] = set()  # err=True/False streams given up on

    def __call__(self, line: str, *, err: bool = True) -> None:
        if err in self.broken:
            return
        try:
            click.echo(line, err=err)
        except (OSError, ValueError):  # EPIPE, EBADF, EIO; ValueError: the file was closed
            self.broken.add(err)
            _to_devnull(2 if err else 1)


def _to_devnull(fd: int) -> None:
    """Point ``fd`` at /dev/null, so that later writes (and the interpreter's flush at
    exit) go nowhere instead of failing again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # pragma: no cover - no /dev/null
        return
    try:
        os.dup2(null, fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        if null != fd:
            os.close(null)


def ensure_std_fds() -> None:
    """Open /dev/null on whichever of fds 0, 1 and 2 is closed (see the module doc)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
