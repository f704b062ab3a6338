"""Where the two halves of ``process`` run: in this process or in worker
processes on this machine (a Dask cluster: ``dask_engine``, which builds on
this module; ``pipeline.engine_for`` chooses).

Every engine takes records (or plans) as a stream, cuts it into chunks,
keeps only a few chunks in flight and gives the results back in input
order, so memory does not grow with the batch and the output does not
depend on the engine or the number of workers.

    engine.plan(records)               -> plans     (detect + decide)
    engine.finish(plans, stand_ins)    -> outcomes  (stand-ins, transform, verify)
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

from deid.core.budget import LIMITS, Limits
from deid.core.errors import WorkerLost
from deid.core.keys import Key
from deid.core.model import Outcome, Plan, Record
from deid.policy.ruleset import RuleSet
from deid.run.process import Finisher, Planner
from deid.transform.surrogates import StandIns

T = TypeVar("T")
R = TypeVar("R")

CHUNK_RECORDS = 32        # records per chunk: one nlp.pipe batch, one task
CHUNK_CHARS = 200_000     # ... or fewer, when the records are long


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[T], size: Callable[[T], int] = lambda _: 0,
            records: int = CHUNK_RECORDS, chars: int = CHUNK_CHARS) -> Iterator[list[T]]:
    """Lists of up to ``records`` items and about ``chars`` characters. The
    first lists are smaller (1, 2, 4, ... items), so the first results come
    back within moments of the model being loaded."""
    chunk: list[T] = []
    total, limit = 0, 1
    for item in items:
        chunk.append(item)
        total += size(item)
        if len(chunk) >= min(limit, records) or total >= chars:
            yield chunk
            chunk, total, limit = [], 0, limit * 2
    if chunk:
        yield chunk


def record_chars(record: Record) -> int:
    return sum(len(f.text) for f in record.fields)


def plan_chars(plan: Plan) -> int:
    return record_chars(plan.record)


def in_order(submit: Callable[[list], object], result: Callable[[object], list[R]],
             chunks: Iterable[list], window: int) -> Iterator[R]:
    """Submit chunks, at most ``window`` at a time, and yield their results
    one by one in the order of the chunks."""
    pending: deque = deque()
    chunks = iter(chunks)
    for chunk in islice(chunks, window):
        pending.append(submit(chunk))
    while pending:
        done = result(pending.popleft())
        nxt = next(chunks, None)
        if nxt is not None:
            pending.append(submit(nxt))
        yield from done


class LocalEngine:
    """Everything in this process (``--workers 1``)."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...], key: Key, limits: Limits = LIMITS):
        self.rules, self.key, self.limits = rules, key, limits
        self.planner = Planner(rules, roster, limits, key)
        d = self.planner.detector
        self.meta = (d.model_name, d.model_version)

    def plan(self, records: Iterable[Record]) -> Iterator[Plan]:
        for chunk in chunked(records, record_chars):
            yield from self.planner.plan_many(chunk)

    def finish(self, plans: Iterable[Plan], stand_ins: StandIns) -> Iterator[Outcome]:
        finisher = Finisher(self.rules, self.key, self.planner.detector.scanner, stand_ins, self.limits)
        return map(finisher.finish, plans)

    def close(self) -> None:
        pass


# -- worker processes -------------------------------------------------------------

class WorkerState:
    """What one worker holds: the model (loaded once) and, in pass 2, the
    batch's frozen stand-ins (loaded once per batch)."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...], key: Key, limits: Limits = LIMITS):
        self.rules, self.key, self.limits = rules, key, limits
        self.planner = Planner(rules, roster, limits, key)
        self._finisher: tuple[object, Finisher] | None = None

    def meta(self) -> tuple[str, str]:
        d = self.planner.detector
        return d.model_name, d.model_version

    def plan(self, records: list[Record]) -> list[Plan]:
        return self.planner.plan_many(records)

    def finish(self, token: object, load: Callable[[], StandIns], plans: list[Plan]) -> list[Outcome]:
        if self._finisher is None or self._finisher[0] != token:
            self._finisher = (token, Finisher(self.rules, self.key, self.planner.detector.scanner, load(), self.limits))
        return [self._finisher[1].finish(p) for p in plans]


_STATE: WorkerState | None = None


def _start_worker(rules: RuleSet, roster: tuple[str, ...], key: Key, limits: Limits = LIMITS) -> None:
    global _STATE
    _STATE = WorkerState(rules, roster, key, limits)


def _meta() -> tuple[str, str]:
    assert _STATE is not None
    return _STATE.meta()


def _plan(records: list[Record]) -> list[Plan]:
    assert _STATE is not None
    return _STATE.plan(records)


def _finish(path: str, plans: list[Plan]) -> list[Outcome]:
    assert _STATE is not None
    return _STATE.finish(path, lambda: _load(path), plans)


def _load(path: str) -> StandIns:
    with open(path, "rb") as fh:
        return pickle.load(fh)  # written by this run's main process, mode 0600


class PoolEngine:
    """Worker processes on this machine, one model load each. A worker that
    dies (killed, out of memory) stops the run with an error rather than
    leaving it waiting: nothing is published, the outputs are all-or-nothing."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...], key: Key, workers: int, scratch: str,
                 limits: Limits = LIMITS):
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start_worker, initargs=(rules, roster, key, limits))
        self.window = 2 * workers
        self.scratch = scratch
        self.meta = self._result(self.pool.submit(_meta))

    def plan(self, records: Iterable[Record]) -> Iterator[Plan]:
        return in_order(lambda c: self.pool.submit(_plan, c), self._result, chunked(records, record_chars), self.window)

    def finish(self, plans: Iterable[Plan], stand_ins: StandIns) -> Iterator[Outcome]:
        path = os.path.join(self.scratch, "stand-ins.pickle")
        if not os.path.exists(path):
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as fh:
                pickle.dump(stand_ins, fh, protocol=pickle.HIGHEST_PROTOCOL)
        return in_order(lambda c: self.pool.submit(_finish, path, c), self._result,
                        chunked(plans, plan_chars), self.window)

    @staticmethod
    def _result(future):
        try:
            return future.result()
        except BrokenProcessPool:
            raise WorkerLost("a worker process died (killed, or out of memory); nothing was published: "
                             "run again, with fewer --workers if memory is short") from None

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
