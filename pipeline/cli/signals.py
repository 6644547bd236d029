"""Stopping a batch on SIGINT, SIGTERM or SIGHUP (issue 13).

The first stop signal raises :class:`Interrupted` in the main process, wherever it is
(waiting for a worker, converting an input itself with ``-j 1``, printing), except
inside a :meth:`StopOnSignal.critical` section — renaming an input's staged outputs
into place — where it waits for the section's end, so an input is never half
committed.  The batch then stops its workers, commits what had finished, sweeps its
temporary files and exits with 128 + the signal's number (130 for Ctrl-C, 143 for
``kill``).  A second signal while that happens ends the process at once (its callbacks
kill the workers first): a user pressing Ctrl-C twice is never kept waiting, and what
is left is swept by the next run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(BaseException):
    """A stop signal arrived (a BaseException: ``except Exception`` must not catch it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """128 + the signal's number, as a shell reports a process a signal ended."""
        return 128 + self.signum


class StopOnSignal:
    """While entered, the stop signals raise :class:`Interrupted` (see the module doc).

    Only the main thread can install signal handlers; elsewhere (a test runner's
    thread) entering changes nothing.
    """

    def __init__(self) -> None:
        self.signum = 0  # the first stop signal received, 0 before one
        self.raised = False
        self.depth = 0  # open critical sections
        self.on_second: list[Callable[[], object]] = []  # run before exiting at a second signal
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            for s in STOP_SIGNALS:
                self._previous[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for s, handler in self._previous.items():
            # after a stop the process only exits: a later signal is ignored, or it could
            # turn the exit status into a death by signal while the interpreter shuts down
            signal.signal(s, signal.SIG_IGN if self.signum else handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum:
            for callback in self.on_second:
                with contextlib.suppress(Exception):
                    callback()
            os._exit(128 + self.signum)
        self.signum = signum
        if not self.depth:
            self.raised = True
            raise Interrupted(signum)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        """A section a first stop signal does not interrupt: it raises at the end instead."""
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.signum and not self.raised:
                self.raised = True
                raise Interrupted(self.signum)
