"""The worker pool (issue 13): every item once, a dead worker replaced, an item that kills
its worker tried once more, nothing left running.  The work functions run in forked
children of the test process."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from pipeline.cli.pool import Pool


def square(x: int) -> int:
    return x * x


def dead(x: int) -> int:
    return -1


def _children() -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()]
    except OSError:
        return []


def test_every_item_is_done_once_and_no_worker_is_left():
    got: dict[int, int] = {}
    with Pool(2, square, dead) as pool:
        pool.run(list(range(50)), list(range(50)), lambda i, r: got.setdefault(i, r))
        assert len(pool.workers) == 2
    assert got == {i: i * i for i in range(50)}
    assert _children() == []


def test_an_item_that_kills_every_worker_it_meets_costs_only_itself():
    def work(x: int) -> int:
        if x == 7:
            os.kill(os.getpid(), signal.SIGKILL)
        return x * x

    got: dict[int, int] = {}
    with Pool(2, work, dead) as pool:
        pool.run(list(range(30)), list(range(30)), lambda i, r: got.setdefault(i, r))
    assert got == {i: (-1 if i == 7 else i * i) for i in range(30)}
    assert _children() == []


def test_a_worker_killed_from_outside_is_replaced_and_its_item_done(tmp_path):
    flag = tmp_path / "killed-once"

    def work(x: int) -> int:
        if x == 3 and not flag.exists():
            flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would, once
        return x * x

    pids: set[int] = set()
    got: dict[int, int] = {}

    def on_result(i: int, r: int) -> None:
        got[i] = r
        pids.update(w.pid for w in pool.workers)

    with Pool(2, work, dead) as pool:
        pool.run(list(range(20)), list(range(20)), on_result)
    assert got == {i: i * i for i in range(20)}
    assert len(pids) == 3  # two workers, one replacement: never one process per item


def test_kill_leaves_no_process():
    pool: Pool[int, int] = Pool(2, square, dead)
    with pool:
        pool._spawn()
        pool._spawn()
        assert len(_children()) == 2
    assert _children() == []
