"""``deid run --dry-run``: what a run would change, record by record, and nothing written.

The whole run is made (consent, detection, the batch's stand-ins, the final check's
repairs, the risk check), into a private temporary folder that is removed afterwards, so
what is shown is what ``deid run`` would publish. Each record is told as it would end
(published, held back and why, held for review) with each change its output would hold:
the field, the text as read, the text as written and the type. That is the user's own text
on their own screen, printed only when asked; nothing of it is kept.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Callable

from deid.core.model import Outcome
from deid.run.options import RunOptions, RunSummary
from deid.run.pipeline import run


def changes(outcome: Outcome) -> list[str]:
    """The changes an outcome's output holds, one line each: field, before, after, type."""
    texts = {f.path: f.text for f in outcome.record.fields}
    lines = []
    for r in sorted(outcome.redactions, key=lambda r: (r.decision.finding.field, r.out_start)):
        if not r.changed:
            continue
        f = r.decision.finding
        new = outcome.texts.get(f.field)
        after = "(dropped)" if new is None else repr(new[r.out_start:r.out_end])
        where = f"field {f.field!r}" if f.field else "text"
        lines.append(f"  {where}: {texts[f.field][f.start:f.end]!r} -> {after} ({f.entity})")
    return lines


def dry_run(opts: RunOptions, say: Callable[[str], None]) -> RunSummary:
    """Run as ``deid run`` would, into a temporary folder removed afterwards; ``say`` each
    record's fate and changes."""

    def told(where: str, outcome: Outcome, fate: str) -> None:
        say(f"{where}: {fate}")
        if not outcome.held_back:
            for line in changes(outcome):
                say(line)

    scratch = Path(tempfile.mkdtemp(prefix="deid-dry-run-"))
    try:
        summary = run(replace(opts, out=scratch / "out", quarantine=scratch / "quarantine", review=scratch / "review",
                              report=None, show_original=False, resume=False, on_outcome=told))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary.notes = [n for n in summary.notes if str(scratch) not in n]
    summary.out = summary.ledger = summary.quarantine = summary.review = None
    summary.written, summary.held, summary.to_review = [], [], []  # each record was told already
    return summary
