"""The per-record steps, in two halves.

``Planner.plan_many`` (detect + decide) is the expensive half: it loads the
model. ``Finisher.finish`` (stand-ins, transform, residual check) runs after
the whole batch has been planned, because stand-ins depend on the batch: a
stand-in is never given to two values nor equal to a real name seen anywhere
in it. Once the batch's ``Surrogates`` are frozen, finishing a record depends
on nothing else, so both halves run wherever an engine (``engines``) puts
them: this process, worker processes or a Dask cluster.

Both halves fail closed: an exception holds the record back with a reason
that names the exception type only, never text from the record.
"""

from __future__ import annotations

from .decide import batch_mentions, decide
from .detect import Detector, PatternScanner
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
        return self.plan_many([record])[0]

    def plan_many(self, records: list[Record]) -> list[Plan]:
        """Plans in the order of ``records``, detected in one batch. If the
        batch fails, each record is tried alone, so that only the record that
        makes a recognizer fail is held back."""
        todo = [r for r in records if not r.error]
        try:
            found = iter(self.detector.detect_many(todo))
        except Exception as exc:  # fail closed; never echo text from the exception
            if len(todo) > 1:
                return [plan for r in records for plan in self.plan_many([r])]
            failed = f"processing failed ({type(exc).__name__})"
            return [Plan(r, (), held_back=r.error or failed) for r in records]
        return [Plan(r, (), held_back=r.error) if r.error else self._decide(r, next(found)) for r in records]

    def _decide(self, record: Record, findings: list) -> Plan:
        try:
            decisions = decide(record, findings, self.rules)
        except Exception as exc:  # fail closed
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
