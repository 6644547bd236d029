"""A cache of compiled regular expressions across processes (issue 20).

The stages compile about 250 patterns when they are imported, most of them with
character classes of the CJK blocks (``[\\u4e00-\\u9fff…]``), and CPython compiles such
a class by walking every code point of its ranges in Python (``re._compiler.
_optimize_charset``): measured, about 0.1 s of every process's start, more than the
interpreter itself — a ``gongwen convert`` of one short file spent a third of its time
there.  What ``re`` makes of a pattern is a pure function of the pattern, its flags and
the Python version, so it is kept on disk: the compiled program (a list of integers),
handed to ``_sre.compile`` as ``re._compiler.compile`` itself does.

Only patterns compiled by a module's top level are stored (a pattern built from the
input at run time never is, so the file stays the size of the code base's own); any
pattern is looked up.  The file is per Python version and ``_sre.MAGIC``; it is
rewritten, atomically, at exit when a process compiled module-level patterns it lacked.
``GONGWEN_CACHE_DIR`` (default ``~/.cache/gongwen``) says where; when the folder cannot
be written, or when this Python's ``re`` is not the one this module knows, nothing is
cached and ``re`` works as it always does.  ``tests/test_regex_cache.py`` checks that
every stored program is the one CPython compiles.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
from pathlib import Path
from typing import Any

_entries: dict[tuple[str, int], tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]] = {}
_added = [False]


def cache_file() -> Path:
    """``$GONGWEN_CACHE_DIR/regex-<python>-<sre magic>.cache`` (default ``~/.cache/gongwen``)."""
    import _sre  # type: ignore[import-not-found]

    root = os.environ.get("GONGWEN_CACHE_DIR") or str(Path.home() / ".cache" / "gongwen")
    return Path(root) / f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.cache"


def write_marshalled(path: Path, value: Any) -> None:
    """``value`` marshalled into ``path`` through a temporary file and a rename (a process
    reading it meanwhile sees the old file or the new one); a cache that cannot be written
    is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)
    except OSError:
        pass


def _save() -> None:
    if _added[0]:
        write_marshalled(cache_file(), _entries)


def install() -> None:
    """Put the cache in front of ``re._compiler.compile`` (once per process)."""
    try:
        import _sre
        import re._compiler as compiler  # type: ignore[import-not-found]
    except ImportError:  # not CPython 3.11+: nothing to do
        return
    original = compiler.compile
    if getattr(original, "gongwen_cache", False):
        return
    try:
        loaded = marshal.loads(cache_file().read_bytes())
        if isinstance(loaded, dict):
            _entries.update(loaded)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    parse, code_of = compiler._parser.parse, compiler._code

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))  # re.I and the like are IntFlag members: marshal wants ints
        hit = _entries.get(key)
        if hit is not None:
            return _sre.compile(p, hit[0], hit[1], hit[2], hit[3], hit[4])
        # stored only when compiled by a module's top level (re.compile ← re._compile ← us)
        caller = sys._getframe(3) if hasattr(sys, "_getframe") else None
        if caller is None or caller.f_code.co_name != "<module>":
            return original(p, flags)
        parsed = parse(p, flags)
        code = code_of(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        entry = (
            int(flags | parsed.state.flags),
            [int(c) for c in code],
            int(parsed.state.groups - 1),
            {str(k): int(v) for k, v in groupindex.items()},
            tuple(indexgroup),
        )
        _entries[key] = entry
        _added[0] = True
        return _sre.compile(p, *entry)

    compile.gongwen_cache = True  # type: ignore[attr-defined]
    compiler.compile = compile
    atexit.register(_save)
