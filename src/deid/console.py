"""All terminal output: progress, the end-of-run summary, error lines.

Everything goes to stderr; stdout stays empty unless a command is asked to
print data. Progress is shown only when stderr is a terminal. Messages go
through the ``deid`` logger (stdlib ``logging``) at a level that says who needs
them: ``deid -q`` keeps errors and results (what was held back, the counts, a
verdict), the default adds notes and where things went, ``deid -v`` adds each
file as it is read.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from typing import IO

import click

from deid.core.model import Outcome, Plan
from deid.run.options import RunSummary

LOG = logging.getLogger("deid")
QUIET, NORMAL, VERBOSE = logging.WARNING, logging.INFO, logging.DEBUG
_BAR = []  # the progress bar on screen, if any: messages are written above it


class _Stderr(logging.Handler):
    """Each message on stderr as it is when written (click's stream, so a
    test's runner sees it), above the progress bar when one is shown."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _BAR:
            _BAR[-1].write(message, file=_BAR[-1].fp)
        else:
            click.echo(message, err=True)


LOG.addHandler(_Stderr())
LOG.propagate = False
LOG.setLevel(NORMAL)


def set_level(quiet: bool, verbose: bool) -> None:
    LOG.setLevel(QUIET if quiet else VERBOSE if verbose else NORMAL)


def result(message: str) -> None:
    """What the user must see even with ``-q``."""
    LOG.warning(message)


def note(message: str) -> None:
    LOG.info(message)


def detail(message: str) -> None:
    """Only with ``-v``."""
    LOG.debug(message)


class Progress:
    """A one-line progress bar on a terminal (``tqdm``), the run's ``RunProgress``: how much of the
    inputs pass 1 has read, at what rate and how long is left, with the file,
    the records so far and those held back. Does nothing when not a terminal.
    Pass 1 reads; pass 2, which writes, is quicker."""

    def __init__(self, stream: IO[str] | None = None):
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty() and LOG.isEnabledFor(NORMAL)
        self.records = self.held = 0
        self.file = self.files = 0
        self.bar = None

    def on_start(self, total_bytes: int) -> None:
        if self.active and self.bar is None:
            self.bar = _bar()(total=max(total_bytes, 1), unit="B", unit_scale=True, unit_divisor=1024, desc="deid",
                            file=self.stream, leave=False, dynamic_ncols=True, mininterval=0.1)
            _BAR.append(self.bar)

    def on_file(self, number: int, total: int, path: str) -> None:
        """``path`` is the file's published path (a name in it already keyed)."""
        self.file, self.files = number, total
        detail(f"deid: reading file {number}/{total}: {path}")
        self._note()

    def on_record(self, outcome: Outcome | Plan) -> None:
        self.records += 1
        self.held += bool(outcome.held_back)
        if self.bar is not None:
            self.bar.update(min(len(outcome.record.raw), self.bar.total - self.bar.n))
            self._note()

    def _note(self) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"file {self.file}/{self.files}, {self.records} records, {self.held} held back",
                                     refresh=False)

    def clear(self) -> None:
        if self.bar is not None:
            self.bar.close()  # leave=False: the line is cleared
            _BAR.remove(self.bar)
            self.bar = None


def _bar():
    """tqdm's bar without its monitor thread (which only shortens a bar's update interval after a
    long pause): a process that has ever had a second thread runs spaCy's model about a fifth
    slower (see ``cli``), and with one worker detection runs in this process."""
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0

    return Bar


def at_risk_kinds(by_kinds, shown: int = 3) -> str:
    """The records at risk per kinds of detail, the commonest first: where many share one
    combination, it is a column or a habit of the batch, and one rule fixes them all."""
    top = sorted(by_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{' + '.join(kinds)} {n}" for kinds, n in top[:shown]]
    if len(top) > shown:
        parts.append(f"{sum(n for _, n in top[shown:])} for {len(top) - shown} other combination(s)")
    return ("records at risk by the details that single them out: " + ", ".join(parts)
            + ". If a column publishes them, generalise it further or drop it (docs/rules.md, Column rules)")


def summary(s: RunSummary, limit: int = 20) -> None:
    for n in s.notes:
        note(f"deid: note: {n}")
    for line in s.held[:limit]:
        result(f"deid: held back: {line}")
    if s.held_back > min(limit, len(s.held)):
        result(f"deid: held back: ... and {s.held_back - min(limit, len(s.held))} more (see the quarantine)")
    for line in s.to_review[:limit]:
        result(f"deid: review: {line}")
    if len(s.to_review) > limit:
        result(f"deid: review: ... and {len(s.to_review) - limit} more (see the ledger or the --report)")
        result(f"deid: review: {at_risk_kinds(s.at_risk_by_kinds)}")
    result(f"deid: {s.files} files, {s.records_in} records read, {s.published} published, {s.held_back} held back")
    if s.held_for_review:
        result(f"deid: {s.held_for_review} record(s) held back for review of their re-identification risk"
               + (f": {s.review}" if s.review else ""))
    if s.removed_by_type:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(s.removed_by_type.items(), key=lambda kv: (-kv[1], kv[0])))
        note(f"deid: identifiers changed by type: {parts}")
    if s.out is None:
        result("deid: dry run: nothing was written")
        return
    note(f"deid: output: {s.out}  audit: {s.ledger}")
    if s.quarantine is not None:
        result(f"deid: quarantine: {s.quarantine}")


def error(message: str) -> None:
    LOG.error(f"deid: error: {message}")


def verify_report(report) -> None:
    """``deid verify``'s result: every problem, then one line per check."""
    for problem in report.problems:
        LOG.error(f"deid verify: {problem}")
    for check, state in report.checked.items():
        note(f"deid verify: {check}: {state}")
    result(f"deid verify: {'all checks hold' if report.ok else f'{len(report.problems)} problem(s)'}")


def internal_error(exc: BaseException, debug: bool = False) -> None:
    """A bug: its type and place, and with ``debug`` the traceback, with no
    exception message or value anywhere: those may quote a record."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {_short(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    error(f"internal error: {type(exc).__name__}{where}. This is a bug in deid; please report this line "
          "(the error's own message is left out: it may quote a record).")
    if not debug:
        return
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    for e in reversed(chain):
        LOG.error("Traceback (most recent call last):")
        for f in traceback.extract_tb(e.__traceback__):
            LOG.error(f'  File "{f.filename}", line {f.lineno}, in {f.name}')
            if f.line:
                LOG.error(f"    {f.line}")
        LOG.error(f"{type(e).__module__}.{type(e).__qualname__}: (message left out)")


_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _short(filename: str) -> str:
    """A frame's file as deid's own ("deid/run/journal.py") or by its base name: by where the
    package is, not by a folder's name (a clone may itself be called deid)."""
    path = os.path.abspath(filename)
    if os.path.commonpath([path, _PACKAGE]) == _PACKAGE:
        return "deid/" + os.path.relpath(path, _PACKAGE).replace(os.sep, "/")
    return os.path.basename(filename)
