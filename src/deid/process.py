"""The per-record steps, in two halves.

``Planner.plan`` (detect + decide) is the expensive half: it loads the model
and runs in this process or in worker processes. ``Finisher.finish``
(transform + verify) is cheap and runs in the main process, after the whole
batch has been planned, because stand-ins depend on the batch: a stand-in is
never given to two values nor equal to a real name seen anywhere in it.

Both halves fail closed: an exception holds the record back with a reason
that names the exception type only, never text from the record.
"""

from __future__ import annotations

import multiprocessing
from contextlib import ExitStack
from typing import Iterable, Iterator

from .decide import batch_mentions, decide
from .detect import Detector, PatternScanner
from .errors import UsageError
from .keys import Key
from .model import Outcome, Plan, Record, Redaction
from .rules import RuleSet
from .surrogates import Surrogates
from .transform import apply
from .verify import residual


class Planner:
    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = ()):
        self.rules = rules
        self.detector = Detector(rules, roster)

    def plan(self, record: Record) -> Plan:
        if record.error:
            return Plan(record, (), held_back=record.error)
        try:
            decisions = decide(record, self.detector.detect(record), self.rules)
        except Exception as exc:  # fail closed; never echo text from the exception
            return Plan(record, (), held_back=f"processing failed ({type(exc).__name__})")
        return Plan(record, tuple(decisions))


def observe(plan: Plan, surrogates: Surrogates) -> None:
    """Tell the batch's surrogates about a planned record (pass 1)."""
    texts = {f.path: f.text for f in plan.record.fields}
    for d in plan.decisions:
        f = d.finding
        value = texts[f.field][f.start:f.end]
        if d.action == "pseudonym":
            surrogates.observe(f.entity, value, d.param("style", "realistic"))
        elif d.action != "keep":
            surrogates.observe_real(f.entity, value)


class Finisher:
    def __init__(self, rules: RuleSet, key: Key, scanner: PatternScanner, surrogates: Surrogates):
        self.rules, self.key, self.scanner, self.surrogates = rules, key, scanner, surrogates

    def finish(self, plan: Plan) -> Outcome:
        record = plan.record
        if plan.held_back:
            return Outcome(record, {}, (), held_back=plan.held_back)
        try:
            decisions = plan.decisions + tuple(batch_mentions(record, plan.decisions, self.surrogates.mentions, self.rules))
            texts: dict[str, str | None] = {}
            redactions: list[Redaction] = []
            for f in record.fields:
                mine = sorted((d for d in decisions if d.finding.field == f.path), key=lambda d: d.finding.start)
                if mine:
                    texts[f.path], done = apply(f.text, mine, self.key, self.surrogates)
                    redactions += done
            reason = residual(record, texts, redactions, self.scanner.scan, self.rules)
        except Exception as exc:  # fail closed
            return Outcome(record, {}, (), held_back=f"processing failed ({type(exc).__name__})")
        return Outcome(record, texts, tuple(redactions), held_back=reason)


class Processor:
    """Both halves for one record at a time, its own surrogates per record:
    for ``deid eval`` and for tests, where there is no batch."""

    def __init__(self, rules: RuleSet, key: Key, roster: tuple[str, ...] = ()):
        self.rules, self.key = rules, key
        self.planner = Planner(rules, roster)
        self.detector = self.planner.detector

    def process(self, record: Record) -> Outcome:
        plan = self.planner.plan(record)
        surrogates = Surrogates(self.key)
        observe(plan, surrogates)
        surrogates.freeze()
        return Finisher(self.rules, self.key, self.detector.scanner, surrogates).finish(plan)


# -- planning in this process or in worker processes ----------------------------

class LocalPlanner:
    def __init__(self, rules: RuleSet, roster: tuple[str, ...]):
        self.planner = Planner(rules, roster)
        d = self.planner.detector
        self.meta = (d.model_name, d.model_version)

    def __call__(self, records: Iterable[Record]) -> Iterator[Plan]:
        return map(self.planner.plan, records)


_WORKER: Planner | None = None


def _init_worker(rules: RuleSet, roster: tuple[str, ...]) -> None:
    global _WORKER
    _WORKER = Planner(rules, roster)


def _work(record: Record) -> Plan:
    assert _WORKER is not None
    return _WORKER.plan(record)


def _model_meta() -> tuple[str, str]:
    assert _WORKER is not None
    d = _WORKER.detector
    return d.model_name, d.model_version


class PoolPlanner:
    """Worker processes, one model load each; plans come back in input order."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...], workers: int, stack: ExitStack):
        ctx = multiprocessing.get_context("spawn")
        self.pool = stack.enter_context(ctx.Pool(workers, initializer=_init_worker, initargs=(rules, roster)))
        self.meta = self.pool.apply(_model_meta)

    def __call__(self, records: Iterable[Record]) -> Iterator[Plan]:
        return self.pool.imap(_work, records, chunksize=4)


def planner_for(rules: RuleSet, roster: tuple[str, ...], workers: int, stack: ExitStack):
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    return LocalPlanner(rules, roster) if workers == 1 else PoolPlanner(rules, roster, workers, stack)
