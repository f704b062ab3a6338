"""Pass 2's end for one file: its outcomes written whole through a temp file (or, when
every record was held back, no file at all), each record told to the ledger with its
risk, held-back records to the quarantine, records held for their risk to the review
folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from deid.core.model import Outcome
from deid.ledger.audit import Ledger
from deid.read import ids
from deid.read.inputs import Input
from deid.read.opening import is_binary
from deid.core.files import atomic_writer
from deid.run.options import HELD_LINES, RunOptions, RunSummary
from deid.risk.batch import Batch, Risk
from deid.run.quarantine import Quarantine


@dataclass
class Held:
    """Where records that are not published go: the quarantine (they could not be
    cleaned) and the review folder (clean, but their details single a person out in
    this batch: ``risk``), and the batch's risks that decide the second."""

    quarantine: Quarantine
    review: Quarantine
    risks: Batch

    def close(self) -> None:
        self.quarantine.close()
        self.review.close()


def finish_file(inp: Input, fmt, reader, outcomes: Iterable[Outcome], opts: RunOptions, ledger: Ledger,
                held: Held, summary: RunSummary, originals: dict | None) -> None:
    """Pass 2 for one file: written whole through a temp file, or not at all."""
    try:
        with atomic_writer(out_path(opts.out, inp.relpath), binary=is_binary(fmt)) as stream:
            _write_file(inp, fmt.Writer(stream, reader), outcomes, ledger, held, summary, originals, opts.on_outcome)
        summary.written.append(inp.relpath)
    except _NothingToWrite:
        pass


def _write_file(inp: Input, writer, outcomes: Iterable[Outcome], ledger, held: Held, summary, originals=None,
                told=None) -> None:
    """``told(where, outcome, what became of it)``, when given, hears of each record (``--dry-run``)."""
    published = kept_back = 0
    policy = held.risks.policy
    for outcome in outcomes:
        summary.records_in += 1
        r = outcome.record
        risk = held.risks.risk((r.source, r.index))
        if not outcome.held_back:
            summary.risk_levels[risk.level] += 1
            if policy.reaches(risk.level, policy.review) or policy.reaches(risk.level, policy.hold):
                summary.at_risk_by_kinds[risk.types] += 1
        where = f"{inp.shown}:{r.line}: record {r.id}"
        if outcome.held_back:
            kept_back += 1
            summary.held_back += 1
            if len(summary.held) < HELD_LINES:  # all of them are in the quarantine; memory stays flat
                summary.held.append(f"{where}: {outcome.held_back}")
            held.quarantine.add(outcome, inp.path)
            ledger.record(outcome, None, None)
            if told:
                told(where, outcome, f"held back: {outcome.held_back}")
        elif policy.reaches(risk.level, policy.hold):
            kept_back += 1
            summary.held_for_review += 1
            if len(summary.to_review) < HELD_LINES:
                summary.to_review.append(f"{where}: held back: {reason(risk, policy.k)}")
            held.review.add(outcome, inp.path, reason(risk, policy.k))
            ledger.record(outcome, None, None, risk=risk, status="held_for_review")
            if told:
                told(where, outcome, f"held back for review: {reason(risk, policy.k)}")
        else:
            if policy.reaches(risk.level, policy.review) and len(summary.to_review) < HELD_LINES:
                summary.to_review.append(f"{where}: published, to review: {reason(risk, policy.k)}")
            published += 1
            summary.published += 1
            outcome = ids.written(outcome)
            text = writer.write(outcome)
            ledger.record(outcome, inp.relpath, text, risk=risk)
            if originals is not None:  # only for a --show-original report
                originals[ledger.seq] = originals_of(outcome)
            summary.removed_by_type.update(r.decision.finding.entity for r in outcome.redactions if r.changed)
            if told:
                told(where, outcome, "published" + (f", to review: {reason(risk, policy.k)}"
                                                    if policy.reaches(risk.level, policy.review) else ""))
    writer.close()
    if kept_back and not published:
        raise _NothingToWrite()


def originals_of(outcome: Outcome) -> dict[tuple[str, int, int], str]:
    """(field, output start, output end) -> the text each change replaced: what a confidential
    report shows (the ledger keeps no original offsets; the run knows them)."""
    texts = {f.path: f.text for f in outcome.record.fields}
    return {(r.decision.finding.field, r.out_start, r.out_end):
            texts[r.decision.finding.field][r.decision.finding.start:r.decision.finding.end]
            for r in outcome.redactions if r.changed}


class _NothingToWrite(Exception):
    """Every record of a file was held back: leave no output file at all."""


def out_path(out: Path, relpath: str) -> Path:
    return out.joinpath(*relpath.split("/"))


def reason(risk: Risk, k: int) -> str:
    """Why a record is at risk, by the kinds of detail only (never their values)."""
    return (f"re-identification risk {risk.level}: {', '.join(risk.types)} together shared by "
            f"{risk.shared_by} record(s) of the batch (k={k})")
