"""All terminal output: progress, the end-of-run summary, error lines.

Everything goes to stderr; stdout stays empty unless a command is asked to
print data. Progress is shown only when stderr is a terminal.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Callable

import click

from .model import Outcome
from .pipeline import RunSummary


def progress(stream: IO[str] | None = None) -> tuple[Callable[[Outcome], None], Callable[[], None]]:
    """A per-record callback that redraws a counter on a terminal, and a
    function that clears it. Both do nothing when the stream is not a tty."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return (lambda _o: None), (lambda: None)
    state = {"n": 0, "held": 0, "last": 0.0}

    def tick(outcome: Outcome) -> None:
        state["n"] += 1
        state["held"] += bool(outcome.held_back)
        now = time.monotonic()
        if now - state["last"] >= 0.1:
            state["last"] = now
            stream.write(f"\r\x1b[Kdeid: {state['n']} records ({state['held']} held back) - {outcome.record.source}")
            stream.flush()

    def done() -> None:
        if state["n"]:
            stream.write("\r\x1b[K")
            stream.flush()

    return tick, done


def summary(s: RunSummary, limit: int = 20) -> None:
    err = lambda msg="": click.echo(msg, err=True)  # noqa: E731
    for note in s.notes:
        err(f"deid: note: {note}")
    for line in s.held[:limit]:
        err(f"deid: held back: {line}")
    if len(s.held) > limit:
        err(f"deid: held back: ... and {len(s.held) - limit} more (see the quarantine)")
    err(f"deid: {s.files} files, {s.records_in} records read, {s.published} published, {s.held_back} held back")
    if s.removed_by_type:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(s.removed_by_type.items(), key=lambda kv: (-kv[1], kv[0])))
        err(f"deid: identifiers changed by type: {parts}")
    err(f"deid: output: {s.out}  audit: {s.ledger}")
    if s.quarantine is not None:
        err(f"deid: quarantine: {s.quarantine}")


def error(message: str) -> None:
    click.echo(f"deid: error: {message}", err=True)
