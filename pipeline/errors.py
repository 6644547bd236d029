"""One exception base, exit codes in one IntEnum.

Stages raise :class:`PipelineError` subclasses for what a user can cause; the CLI
catches only those, prints one line per input and carries on.  Every message says
what went wrong and, where it can, what to do (``— pass --encoding gb18030``).
"""

from __future__ import annotations

import traceback
from enum import IntEnum
from pathlib import Path


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # some input failed; the others were converted
    USAGE = 2  # bad command line (click's own code)


class PipelineError(Exception):
    """Base of every error a user's input can cause."""


class InputError(PipelineError):
    """The input cannot be read as a document (empty, too big, all cruft...)."""


class TooBigError(InputError):
    """An input over the size limit (``--max-bytes``), refused before it is read."""


class EmptyError(InputError):
    """An input with nothing to read: empty, only whitespace, a page with no visible text."""


class NoBodyError(InputError):
    """An input that is all web cruft: nothing is left to print after cleaning."""


class DecodeError(InputError):
    """Bytes that are not text, or not text in any encoding we can tell."""


class BinaryError(DecodeError):
    """Bytes of a binary format (PDF, DOCX, an image, NUL-ridden data), not text."""


class SchemaError(PipelineError):
    """A doc-tree JSON that is not doc-tree/1."""


class MetaError(PipelineError):
    """A value supplied with ``--meta`` or its options that is not valid (a 发文字号 not in
    the form X〔2024〕3号, a date that does not exist …)."""


class RenderError(PipelineError):
    """A renderer could not produce its output (fonts missing, ...)."""


class EditError(PipelineError):
    """A correction that does not fit the tree it is applied to (no such block, ...)."""


REPORT_HINT = "please report it with this input file"


def internal_error(e: BaseException) -> str:
    """``internal error (IndexError: … at pipeline/structure/__init__.py:93) — please report…``.

    What an unexpected exception (a bug) on one input is reported as, by ``convert`` and
    by the corpus steps alike.  The innermost frame inside the package says where the bug
    is, so a report can be acted on without the traceback.

    >>> internal_error(ValueError("bad\\nsecond line"))
    'internal error (ValueError: bad) — please report it with this input file'
    """
    where = ""
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        parts = Path(frame.filename).parts
        if "pipeline" in parts:
            where = " at " + "/".join(parts[parts.index("pipeline") :]) + f":{frame.lineno}"
            break
    text = str(e).splitlines()[0][:120] if str(e) else ""
    detail = f"{type(e).__name__}: {text}" if text else type(e).__name__
    return f"internal error ({detail}{where}) — {REPORT_HINT}"
