"""One record's budget: time (``deid run --record-seconds``) and memory
(``--record-memory-mb``).

The stages' long loops (detection's pieces, the spreading of mentions, the
final check's values and repair rounds) call ``check()``; inside
``limit(seconds, megabytes)`` it raises ``OverBudget`` once ``seconds`` have
gone, or once this process's resident memory has grown more than
``megabytes`` above what it held when the limit began, and the run holds the
record back with that reason (``reason``) instead of working on for hours or
until the machine runs out of memory. Outside ``limit`` (tests, ``deid check``)
it does nothing.

The time budget is wall time: a record near it may be held back on a slower or
busier machine and published on another, so the default is far above what any
ordinary record takes. The memory budget is the growth of the whole process
(each worker process has its own): memory a record frees and the next takes
again does not count twice, and what one step takes is seen only after it,
at the next ``check()``. Memory is read (``/proc/self/statm``, some
microseconds) at most every ``SAMPLE_SECONDS``, so ``check()`` stays cheap
inside tight loops.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator

RECORD_SECONDS = 600.0  # the default budget; ten times what a 400 KB transcript takes on one core
RECORD_MEGABYTES = 2048.0  # the default growth; tens of times what the hostile inputs of docs/performance.md take
SAMPLE_SECONDS = 0.01  # memory is read at most this often
MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """One record's budget, as a run is given it (None: no limit)."""

    seconds: float | None = RECORD_SECONDS
    megabytes: float | None = RECORD_MEGABYTES


LIMITS = Limits()


class OverBudget(Exception):
    """A record took longer than its budget. Carries the budget, never text."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds

    def reason(self) -> str:
        return (f"processing took longer than {self.seconds:g} s, the limit for one record (--record-seconds); "
                "split the record, or raise the limit")


class OverMemory(OverBudget):
    """A record took more memory than its budget. Carries the budget, never text."""

    def __init__(self, megabytes: float):
        Exception.__init__(self, megabytes)
        self.megabytes = megabytes

    def reason(self) -> str:
        return (f"processing took more than {self.megabytes:g} MB of memory, the limit for one record "
                "(--record-memory-mb); split the record, or raise the limit")


class _Budget:
    """The budget in force: a deadline and a memory ceiling, each with the limit
    it came from (``None``: none), and when memory is next read."""

    __slots__ = ("deadline", "seconds", "ceiling", "megabytes", "next_read")

    def __init__(self, deadline, seconds, ceiling, megabytes):
        self.deadline, self.seconds, self.ceiling, self.megabytes = deadline, seconds, ceiling, megabytes
        self.next_read = 0.0


_budget: ContextVar[_Budget | None] = ContextVar("deid_record_budget", default=None)


def resident() -> int | None:
    """This process's resident memory in bytes; where ``/proc`` is missing, the
    peak so far (which only grows, so a record is held back only for raising it);
    None where neither can be read."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KB elsewhere


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def within(limits: Limits):
    """``limit`` for a run's ``Limits``."""
    return limit(limits.seconds, limits.megabytes)


@contextmanager
def limit(seconds: float | None = None, megabytes: float | None = None) -> Iterator[None]:
    """Within the block, ``check()`` raises ``OverBudget`` after ``seconds``, and
    ``OverMemory`` once memory has grown by ``megabytes`` (never for ``None`` or 0).
    A nested limit never extends an outer one."""
    outer = _budget.get()
    deadline = time.monotonic() + seconds if seconds else None
    ceiling = None
    if megabytes:
        now = resident()
        ceiling = None if now is None else now + megabytes * MB
    if outer is not None and outer.deadline is not None and (deadline is None or outer.deadline < deadline):
        deadline, seconds = outer.deadline, outer.seconds
    if outer is not None and outer.ceiling is not None and (ceiling is None or outer.ceiling < ceiling):
        ceiling, megabytes = outer.ceiling, outer.megabytes
    mine = _Budget(deadline, seconds, ceiling, megabytes) if deadline is not None or ceiling is not None else None
    token = _budget.set(mine)
    try:
        yield
    finally:
        _budget.reset(token)


def check() -> None:
    """Raise ``OverBudget`` (or ``OverMemory``) if the current record's budget is spent."""
    b = _budget.get()
    if b is None:
        return
    now = time.monotonic()
    if b.deadline is not None and now > b.deadline:
        raise OverBudget(b.seconds)
    if b.ceiling is not None and now >= b.next_read:
        b.next_read = now + SAMPLE_SECONDS
        used = resident()
        if used is not None and used > b.ceiling:
            raise OverMemory(b.megabytes)
