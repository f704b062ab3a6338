"""Pass 2's end for one file: its outcomes written whole through a temp file (or, when
every record was held back, no file at all), each record told to the ledger, held-back
records to the quarantine."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from deid.core.model import Outcome
from deid.ledger.audit import Ledger
from deid.read import ids
from deid.read.inputs import Input
from deid.read.textio import atomic_writer
from deid.run.options import HELD_LINES, RunOptions, RunSummary
from deid.run.quarantine import Quarantine


def finish_file(inp: Input, fmt, reader, outcomes: Iterable[Outcome], opts: RunOptions, ledger: Ledger,
                 quarantine: Quarantine, summary: RunSummary, originals: dict | None) -> None:
    """Pass 2 for one file: written whole through a temp file, or not at all."""
    try:
        with atomic_writer(out_path(opts.out, inp.relpath)) as stream:
            _write_file(inp, fmt.Writer(stream, reader), outcomes, ledger, quarantine, summary, originals)
        summary.written.append(inp.relpath)
    except _NothingToWrite:
        pass


def _write_file(inp: Input, writer, outcomes: Iterable[Outcome], ledger, quarantine, summary, originals=None) -> None:
    published = held = 0
    for outcome in outcomes:
        summary.records_in += 1
        if outcome.held_back:
            held += 1
            summary.held_back += 1
            if len(summary.held) < HELD_LINES:  # all of them are in the quarantine; memory stays flat
                summary.held.append(f"{inp.shown}:{outcome.record.line}: record {outcome.record.id}: {outcome.held_back}")
            quarantine.add(outcome, inp.path)
            ledger.record(outcome, None, None)
        else:
            published += 1
            summary.published += 1
            outcome = ids.written(outcome)
            text = writer.write(outcome)
            ledger.record(outcome, inp.relpath, text)
            if originals is not None:  # only for a --show-original report
                texts = {f.path: f.text for f in outcome.record.fields}
                originals[ledger.seq] = {  # the ledger keeps no original offsets; the run knows them
                    (r.decision.finding.field, r.out_start, r.out_end):
                        texts[r.decision.finding.field][r.decision.finding.start:r.decision.finding.end]
                    for r in outcome.redactions if r.changed}
            summary.removed_by_type.update(r.decision.finding.entity for r in outcome.redactions if r.changed)
    writer.close()
    if held and not published:
        raise _NothingToWrite()


class _NothingToWrite(Exception):
    """Every record of a file was held back: leave no output file at all."""


def out_path(out: Path, relpath: str) -> Path:
    return out.joinpath(*relpath.split("/"))
