"""A time budget for one record (``deid run --record-seconds``).

The stages' long loops (detection's pieces, the spreading of mentions, the
final check's values and repair rounds) call ``check()``; inside ``limit(s)``
it raises ``OverBudget`` once ``s`` seconds have gone, and the run holds the
record back with that reason (``reason``) instead of working on for hours.
Outside ``limit`` (tests, ``deid check``) it does nothing. The budget is wall
time: a record near it may be held back on a slower or busier machine and
published on another, so the default is far above what any ordinary record takes.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

RECORD_SECONDS = 600.0  # the default budget; ten times what a 400 KB transcript takes on one core

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("deid_record_deadline", default=None)


class OverBudget(Exception):
    """A record took longer than its budget. Carries the budget, never text."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds

    def reason(self) -> str:
        return (f"processing took longer than {self.seconds:g} s, the limit for one record (--record-seconds); "
                "split the record, or raise the limit")


@contextmanager
def limit(seconds: float | None) -> Iterator[None]:
    """Within the block, ``check()`` raises ``OverBudget`` after ``seconds``
    (never for ``None`` or 0). A nested limit never extends an outer one."""
    mine = (time.monotonic() + seconds, seconds) if seconds else None
    outer = _deadline.get()
    token = _deadline.set(outer if outer is not None and (mine is None or outer[0] < mine[0]) else mine)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise ``OverBudget`` if the current record's budget is spent."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise OverBudget(deadline[1])
