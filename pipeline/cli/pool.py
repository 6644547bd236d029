"""Worker processes for a batch: each result handed back the moment it is done (issue 13).

``concurrent.futures.ProcessPoolExecutor`` fits a batch badly: one dead worker breaks
the whole pool (the rest of a batch then ran one fresh process per input, serially:
8.8 s became 67.9 s), a shutdown waits for every queued input, and its workers take
Ctrl-C with the main process.  This pool is small and does what a batch needs:

* **one pipe per worker**, forked from the main process (so a worker shares the
  imports already made and any test's monkeypatching); a worker that dies closes its
  pipe, which is how its death is seen — there is no shared queue a killed process
  could leave locked;
* **a dead worker is replaced** by a new one and its input is tried once more (it may
  have died of a neighbour's doing: the kernel's OOM killer picks the largest
  process); an input whose second worker dies too gets the ``dead`` result;
* **workers ignore SIGINT, SIGTERM and SIGHUP**: the main process alone decides to
  stop (:mod:`pipeline.cli.signals`) and then kills them with SIGKILL; on Linux a worker
  also dies with its parent (``PR_SET_PDEATHSIG``), so not even a SIGKILL of the main
  process orphans one.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

from pipeline.cli.signals import STOP_SIGNALS

if TYPE_CHECKING:  # multiprocessing.connection costs its import only when -j > 1 needs it
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")
_POLL = 0.5  # seconds: the longest a stop signal can wait to be seen (a wakeup it missed)
_TRIES = 2  # an input is given to this many workers before its death is its own


_AHEAD = 2  # inputs sent to a worker at a time: the next one waits in its pipe, so the
# worker never idles while the main process (perhaps not yet scheduled) hands it more;
# only behind a short one (``short``), or a small input would wait out a big one


@dataclass
class _Worker:
    pid: int
    conn: Connection
    tasks: deque[int] = field(default_factory=deque)  # indexes sent to it, in order; first = running


class Pool(Generic[T, R]):
    """Up to ``size`` worker processes running ``work`` on items; see the module doc."""

    def __init__(self, size: int, work: Callable[[T], R], dead: Callable[[T], R]) -> None:
        self.size = size
        self.work = work
        self.dead = dead  # the result of an item that killed its workers
        self.workers: list[_Worker] = []

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.kill()  # idle at a normal end, so nothing is lost; mid-batch on a stop or a bug

    def run(
        self,
        items: Sequence[T],
        order: Sequence[int],
        on_result: Callable[[int, R], None],
        short: Callable[[int], bool] = lambda i: True,
    ) -> None:
        """Run ``work`` on every item, in ``order`` (indexes into ``items``), calling
        ``on_result(index, result)`` in the main process as each one is done.  An item
        is queued behind another in a worker's pipe only if that one is ``short``."""
        from multiprocessing.connection import wait

        pending = deque(order)
        tries: Counter[int] = Counter()
        while pending or any(w.tasks for w in self.workers):
            while pending and len(self.workers) < self.size:
                self._spawn()
            for w in self.workers:
                while pending and (not w.tasks or (len(w.tasks) < _AHEAD and short(w.tasks[-1]))):
                    i = pending.popleft()
                    try:
                        w.conn.send((i, items[i]))
                    except OSError:  # it died: its death is seen below
                        pending.appendleft(i)
                        break
                    w.tasks.append(i)
            for conn in wait([w.conn for w in self.workers], timeout=_POLL):
                w = next(w for w in self.workers if w.conn is conn)
                try:
                    i, result = w.conn.recv()
                except (EOFError, OSError):  # the worker died
                    self._bury(w)
                    if w.tasks:  # the one it was on; those behind it were never started
                        victim = w.tasks.popleft()
                        pending.extendleft(reversed(w.tasks))
                        tries[victim] += 1
                        if tries[victim] < _TRIES:
                            pending.appendleft(victim)
                        else:
                            on_result(victim, self.dead(items[victim]))
                    continue
                w.tasks.popleft()
                on_result(i, result)

    def _spawn(self) -> None:
        """Start a worker and add it to ``workers``."""
        from multiprocessing.connection import Pipe

        mine, theirs = Pipe(duplex=True)
        parent = os.getpid()
        # no stop signal may reach the child before it has set its own dispositions, nor
        # the parent before the worker is in ``workers`` (a stop kills what is there)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child; coverage does not follow forks
                code = 1
                try:
                    mine.close()
                    for w in self.workers:  # the other workers' pipes: theirs to close, not ours
                        w.conn.close()
                    _serve(theirs, self.work, parent)
                    code = 0
                finally:
                    os._exit(code)
            theirs.close()
            self.workers.append(_Worker(pid, mine))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def _bury(self, w: _Worker) -> None:
        """Reap a dead (or dying) worker and forget it."""
        self.workers.remove(w)
        w.conn.close()
        _reap(w.pid, kill=True)

    def kill(self) -> None:
        """Kill every worker at once (SIGKILL) and reap it; safe to call twice."""
        for w in self.workers:
            _kill(w.pid)
        for w in self.workers:
            w.conn.close()
            _reap(w.pid, kill=False)
        self.workers.clear()

    def kill_now(self) -> None:
        """For a signal handler: SIGKILL every worker, nothing else."""
        for w in self.workers:
            _kill(w.pid)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _reap(pid: int, *, kill: bool) -> None:
    if kill:
        _kill(pid)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _serve(conn: Connection, work: Callable[[T], R], parent: int) -> None:  # pragma: no cover - child
    """A worker's life: take (index, item), send back (index, work(item)), until EOF."""
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        i, item = message
        conn.send((i, work(item)))


def _die_with_parent() -> None:  # pragma: no cover - child
    """Ask Linux to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pipe's EOF still ends an idle worker
        pass
