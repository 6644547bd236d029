"""A cache of the functions ``dataclasses`` writes, across processes (issue 20).

Every ``@dataclass`` writes its ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__`` … as Python source and compiles it with ``exec``: the modules a
``gongwen convert`` imports define about 70 dataclasses, and compiling their 290
generated functions took 0.03 s of every process's start — a quarter of importing
``pipeline.cli``.  What ``compile`` makes of a text is a pure function of the text and
the Python version, so the code objects are kept on disk (``marshal``) and
``dataclasses``' ``exec`` is handed the stored one; running it (which makes the
functions from the class's own fields, defaults and globals) is done as before.

Only the texts ``dataclasses`` itself executes pass through here (its module global
``exec`` is replaced, not the builtin), so the file stays the size of the code base's
dataclasses.  The file is per Python version and bytecode magic; it is rewritten,
atomically, at exit when a process compiled texts it lacked.  ``GONGWEN_CACHE_DIR``
(default ``~/.cache/gongwen``) says where; when the folder cannot be written nothing
is cached and ``dataclasses`` works as it always does.  ``tests/test_code_cache.py``
checks that every stored code object is the one CPython compiles.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from pipeline.regex_cache import write_marshalled

_entries: dict[str, CodeType] = {}
_used: set[str] = set()  # the texts this process ran
_added = [False]
# a file past this many texts (the code base has about 400; every edit of a dataclass adds
# its new texts) is rewritten with the texts of the process that saves it only
_MAX_ENTRIES = 4000


def cache_file() -> Path:
    """``$GONGWEN_CACHE_DIR/dataclass-<python>-<magic>.cache`` (default ``~/.cache/gongwen``)."""
    from importlib.util import MAGIC_NUMBER

    root = os.environ.get("GONGWEN_CACHE_DIR") or str(Path.home() / ".cache" / "gongwen")
    return Path(root) / f"dataclass-{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}.cache"


def compiled(source: str, store: bool = True) -> CodeType:
    """``source`` compiled as ``exec`` does it from ``dataclasses`` (which has no
    ``from __future__`` import, so none is inherited from here): stored or made now
    (and kept for the file when ``store``)."""
    code = _entries.get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        if not store:
            return code
        _entries[source] = code
        _added[0] = True
    _used.add(source)
    return code


def _ours() -> bool:
    """Whether the dataclass being made is defined in a module of this package (the
    first frame outside ``dataclasses``): only those are stored, so that the file does
    not fill with the classes of whatever else a process imports (tests, tools)."""
    frame = sys._getframe(2) if hasattr(sys, "_getframe") else None
    while frame is not None and frame.f_globals.get("__name__") == "dataclasses":
        frame = frame.f_back
    return frame is not None and str(frame.f_globals.get("__name__", "")).startswith("pipeline")


def _save() -> None:
    if _added[0]:
        keep = _entries if len(_entries) <= _MAX_ENTRIES else {k: _entries[k] for k in _used}
        write_marshalled(cache_file(), keep)


def install() -> None:
    """Put the cache in front of ``dataclasses``' ``exec`` (once per process)."""
    import dataclasses

    if getattr(getattr(dataclasses, "exec", None), "gongwen_cache", False):
        return
    try:
        loaded = marshal.loads(cache_file().read_bytes())
        if isinstance(loaded, dict):
            _entries.update(
                (k, v) for k, v in loaded.items() if isinstance(k, str) and isinstance(v, CodeType)
            )
    except (OSError, ValueError, EOFError, TypeError):
        pass

    home = vars(dataclasses)

    def exec_(source: Any, globals: Any = None, locals: Any = None) -> None:
        code = compiled(source, _ours()) if isinstance(source, str) else source
        builtins.exec(code, home if globals is None else globals, locals)

    exec_.gongwen_cache = True  # type: ignore[attr-defined]
    dataclasses.exec = exec_  # type: ignore[attr-defined]  # the module global shadows the builtin
    atexit.register(_save)
