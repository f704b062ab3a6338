"""The quarantine: held-back records, kept out of the published folder.

``DIR.quarantine/held-back.jsonl`` holds one entry per held-back record (and
``DIR.review/held-for-review.jsonl`` one per record held back for its
re-identification risk, ``risk``): the
input file as given (``file``), its path and record id as the ledger names
them (``source``, ``id``: keyed where they may hold a name), the line, the
reason and the original record text, so an operator can fix and re-run it.
This folder is local and never published.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from deid.core.model import Outcome
from deid.read.textio import atomic_writer, shown

NAME = "held-back.jsonl"
REVIEW_NAME = "held-for-review.jsonl"  # the review folder's list (records held back for their risk)


def default_dir(out: Path) -> Path:
    """Beside --out, out of any folder that looks published (``places.beside``)."""
    from deid.run.places import beside

    return beside(out, ".quarantine")


def default_review_dir(out: Path) -> Path:
    """Where records held back for their re-identification risk go: beside --out
    like the quarantine, and not in it (nothing is wrong with them but their risk)."""
    from deid.run.places import beside

    return beside(out, ".review")


class Quarantine:
    """A local list of held-back records (``name`` in ``folder``), each with its reason."""

    def __init__(self, folder: Path, name: str = NAME):
        self.folder, self.name = folder, name
        self._writer = None
        self._stream: IO[str] | None = None
        self.count = 0

    def add(self, outcome: Outcome, file: Path, reason: str | None = None) -> None:
        if self._stream is None:
            self._writer = atomic_writer(self.folder / self.name, mode=0o600)
            self._stream = self._writer.__enter__()
        r = outcome.record
        entry = {
            "file": str(file), "source": r.source, "line": r.line, "id": r.id,
            "reason": reason or outcome.held_back,
            "original": r.raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
        }
        self._stream.write(shown(json.dumps(entry, ensure_ascii=False)) + "\n")
        self.count += 1

    def close(self) -> None:
        """Finish the file; a run that held nothing back removes the list a
        previous run may have left, so the folder never shows stale records."""
        if self._writer is not None:
            self._writer.__exit__(None, None, None)
            self._writer = self._stream = None
        elif (self.folder / self.name).exists():
            (self.folder / self.name).unlink()
