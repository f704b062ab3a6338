"""A record that takes a lot of memory, for the tests of the memory budget
(``core.budget``, ``deid run --record-memory-mb``), without a real input of
gigabytes: with ``hogging(decide)`` as ``process.decide``, deciding a record whose id is
``HOG`` holds ``HOG_MB`` of real, written memory for a moment, looking at the
budget as the stages' long loops do. ``start_worker`` is the engines' worker
initializer with the hog installed first, for ``PoolEngine``'s worker processes.
"""

from __future__ import annotations

import time

from deid.core import budget
from deid.run import engines, process

HOG = "hog"
HOG_MB = 256
_start_worker = engines._start_worker  # the real one, taken before a test replaces it


def hogging(decide):
    """``decide``, holding ``HOG_MB`` first for a record whose id is ``HOG``."""

    def hog(record, findings, rules):
        if record.id == HOG:
            held = b"\x01" * (HOG_MB << 20)  # every page written: resident, not only reserved
            until = time.monotonic() + 0.2   # longer than budget.SAMPLE_SECONDS: memory is read at least once
            while time.monotonic() < until:
                budget.check()
                time.sleep(0.005)
            del held
        return decide(record, findings, rules)

    return hog


def start_worker(*args) -> None:
    """``engines._start_worker`` in a worker process whose decide step hogs."""
    process.decide = hogging(process.decide)
    _start_worker(*args)
