"""One exception base, exit codes in one IntEnum.

Stages raise :class:`PipelineError` subclasses for what a user can cause; the CLI
catches only those, prints one line per input and carries on.  Every message says
what went wrong and, where it can, what to do (``— pass --encoding gb18030``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    FAILED = 1  # some input failed; the others were converted
    USAGE = 2  # bad command line (click's own code)


class PipelineError(Exception):
    """Base of every error a user's input can cause."""


class InputError(PipelineError):
    """The input cannot be read as a document (empty, too big, all cruft...)."""


class DecodeError(InputError):
    """Bytes that are not text, or not text in any encoding we can tell."""


class SchemaError(PipelineError):
    """A doc-tree JSON that is not doc-tree/1."""


class RenderError(PipelineError):
    """A renderer could not produce its output (fonts missing, ...)."""


class EditError(PipelineError):
    """A correction that does not fit the tree it is applied to (no such block, ...)."""
