"""What a run is asked to do (``RunOptions``: the command line's options as one value),
whom it tells how far it has got (``RunProgress``), what it reports back (``RunSummary``),
and the roster file it may be given."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from deid.core.budget import RECORD_MEGABYTES, RECORD_SECONDS
from deid.core.errors import UsageError
from deid.core.model import Outcome, Plan

HELD_LINES = 1000
MAX_RECORD_MB = 10.0  # about five minutes of detection for one record on one core


class RunProgress(Protocol):
    """What a run tells as it goes, in the main process (the terminal's bar is
    ``console.Progress``; a test may count)."""

    def on_start(self, total_bytes: int) -> None:
        """Before anything is read: the inputs' total size in bytes."""

    def on_file(self, number: int, total: int, path: str) -> None:
        """File ``number`` of ``total`` is read now; ``path``: its published path."""

    def on_record(self, plan: Plan) -> None:
        """A record planned in pass 1."""


class NoProgress:
    """A ``RunProgress`` that tells no one: the default."""

    def on_start(self, total_bytes: int) -> None:
        pass

    def on_file(self, number: int, total: int, path: str) -> None:
        pass

    def on_record(self, plan: Plan) -> None:
        pass


@dataclass(kw_only=True)
class RunOptions:
    """By keyword only: nineteen options in a row are too easy to shift by one."""

    paths: list[Path]
    out: Path
    rules: Path | None = None
    quarantine: Path | None = None
    workers: int | None = None       # None: one per core
    encoding: str | None = None
    key_file: Path | None = None
    roster: Path | None = None
    sign_key: Path | None = None
    report: Path | None = None
    show_original: bool = False
    scheduler: str | None = None     # a Dask scheduler's address: run there
    max_record_mb: float = MAX_RECORD_MB
    record_seconds: float | None = RECORD_SECONDS  # a record that takes longer is held back (None: no limit)
    record_megabytes: float | None = RECORD_MEGABYTES  # ... or that grows the process by more memory
    resume: bool = False             # replay the journal a killed run left (see ``journal``)
    delimiter: str | None = None     # CSV delimiter, overriding the guess
    review: Path | None = None       # where records held back for their risk go (default: OUT.review)
    baseline: Path | None = None     # reviewed findings: what it accepts is kept (``decide.baseline``)
    progress: RunProgress = field(default_factory=NoProgress)
    on_outcome: Callable[[str, Outcome, str], None] | None = None  # (where, outcome, what became of it)


@dataclass
class RunSummary:
    records_in: int = 0
    published: int = 0
    held_back: int = 0
    files: int = 0
    removed_by_type: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)   # "file:line: id: reason", the first HELD_LINES
    written: list[str] = field(default_factory=list)  # output files this run wrote
    out: Path | None = None
    ledger: Path | None = None
    quarantine: Path | None = None
    held_for_review: int = 0    # held back into the review folder for their re-identification risk
    to_review: list[str] = field(default_factory=list)  # "file:line: id: risk ...", the first HELD_LINES
    review: Path | None = None
    risk_levels: Counter = field(default_factory=Counter)  # records per risk level
    at_risk_by_kinds: Counter = field(default_factory=Counter)  # records listed or held for their risk, per kinds of detail

    @property
    def exit_code(self) -> int:
        """0: all published; 1: some held back (the quarantine); 3: none of those, but
        some held back for their re-identification risk (the review folder)."""
        return 1 if self.held_back else 3 if self.held_for_review else 0


def read_roster(path: Path) -> tuple[str, ...]:
    """Participant names, one a line; '#' starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: the roster cannot be read ({type(exc).__name__}); give a UTF-8 text file, one name a line") from None
    names = tuple(n for n in (ln.split("#", 1)[0].strip() for ln in text.splitlines()) if n)
    if not names:
        raise UsageError(f"{path}: the roster holds no names")
    return names
