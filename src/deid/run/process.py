"""The per-record steps, in two halves.

``Planner.plan_many`` (detect + decide) is the expensive half: it loads the
model. ``Finisher.finish`` (stand-ins, transform, residual check) runs after
the whole batch has been planned, because stand-ins depend on the batch: a
stand-in is never given to two values nor equal to a real name seen anywhere
in it. Once the batch's ``Surrogates`` are frozen into its ``StandIns``,
finishing a record depends on nothing else, so both halves run wherever an engine (``engines``) puts
them: this process, worker processes or a Dask cluster.

The final check repairs before it holds back: a value the run removed
elsewhere, or a new finding, left in the output is decided like any other
finding and the record transformed again, up to ``REPAIRS`` rounds; only a
record that still fails is held back, and the reason says so.

Both halves fail closed: an exception holds the record back with a reason
that names the exception type only, never text from the record; so does a
record that takes longer, or more memory, than its budget (``budget``,
``--record-seconds``, ``--record-memory-mb``), checked between the steps and
inside their long loops.
"""

from __future__ import annotations

import gc

from deid.core import budget
from deid.core.budget import LIMITS, Limits, OverBudget
from deid.core.keys import Key
from deid.core.model import Decision, Field, Finding, Outcome, Plan, Record, Redaction
from deid.core.normalize import as_read
from deid.decide.baseline import RULE as BASELINE, honoured
from deid.decide.decisions import batch_mentions, decide, repair
from deid.detect import evidence
from deid.detect.detector import Detector
from deid.detect.scanner import PatternScanner
from deid.final_check.reappear import Removed
from deid.final_check.residuals import input_offsets, phone_windows_to_skip, residual, residuals
from deid.policy.actions import surely_changes
from deid.policy.ruleset import RuleSet
from deid.transform.rewrite import apply
from deid.transform.surrogates import StandIns, Surrogates


REPAIRS = 3
WARM_UP = Record("warm-up", 0, 0, "warm-up", (Field("", (
    "Dr. Orla Fenwick-Baptiste of 12 Larch Row, Wexley Ford, phoned 555-201-7788 on March 3, 2021 "
    "about the 20 mg tablets; email orla@example.org, member id WX4471902, https://example.org/x.")),))


class Planner:
    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = (), limits: Limits = LIMITS, key: Key | None = None):
        """``limits``: the budget of one record; ``key``: the run's, for the baseline's
        fingerprints (a record that carries accepted findings needs it)."""
        self.rules, self.limits, self.key = rules, limits, key
        self.detector = Detector(rules, roster)
        # what start-up made (the modules, the model, the recognizers and their word lists) lives as
        # long as the process: the garbage collector need not walk it again at each full collection
        # (once a process: a later planner's, in the tests, would keep their garbage for good)
        if not gc.get_freeze_count():
            gc.freeze()
        # what detection and decide load on first use (Presidio compiles its expressions then),
        # loaded now: the first record is charged none of it against its budget
        try:
            decide(WARM_UP, self.detector.detect(WARM_UP), rules)
        except Exception:  # noqa: BLE001 - a step that fails on a record holds that record back, when it comes
            pass

    def plan(self, record: Record) -> Plan:
        return self.plan_many([record])[0]

    def plan_many(self, records: list[Record]) -> list[Plan]:
        """Plans in the order of ``records``, detected in one batch. If the
        batch fails, each record is tried alone, so that only the record that
        makes a recognizer fail is held back."""
        todo = [r for r in records if not r.error]
        try:
            with budget.within(self.limits):  # a chunk's records share one record's budget; alone, each has its own
                found = iter(self.detector.detect_many(todo))
                budget.check()
        except Exception as exc:  # fail closed; never echo text from the exception
            if len(todo) > 1:
                return [plan for r in records for plan in self.plan_many([r])]
            failed = _failed(exc)
            return [Plan(r, (), held_back=r.error or failed) for r in records]
        return [Plan(r, (), held_back=r.error) if r.error else self._decide(r, next(found)) for r in records]

    def _decide(self, record: Record, findings: list) -> Plan:
        try:
            with budget.within(self.limits):
                decisions = decide(record, findings, self.rules)
                if record.accepted:
                    decisions = honoured(record, decisions, self.key)
                budget.check()
        except Exception as exc:  # fail closed
            return Plan(record, (), held_back=_failed(exc))
        # ``Detected``: the final check's scan of each text as read; kept (in the journal, too)
        # only for a field that may come out as it went in (no decision surely changes it)
        changing = {d.finding.field for d in decisions
                    if surely_changes(d.action, d.finding.entity, d.param("to"))}
        checked = getattr(findings, "checked", {})
        return Plan(record, tuple(decisions), checked=tuple((path, found) for path, found in checked.items()
                                                            if path not in changing))


def observe(plan: Plan, surrogates: Surrogates) -> None:
    """Tell the batch's surrogates about a planned record (pass 1): what it
    removes, and whether the evidence is strong enough for the rest of the
    batch to remove it too (``evidence.spreads``)."""
    texts = {f.path: f.text for f in plan.record.fields}
    seen = f"{plan.record.source}\x1f{plan.record.index}"
    for d in plan.decisions:
        f = d.finding
        if d.action == "keep":
            continue
        value = as_read(texts[f.field][f.start:f.end])
        known = evidence.spreads(f.entity, value, f.strength)
        # guesses (the model's, the name lexicon's) add up over records ("several records agree")
        seen_in = seen if f.strength in evidence.GUESSES else ""
        if d.action == "pseudonym":
            surrogates.observe(f.entity, value, d.param("style", "realistic"), known, seen_in)
        else:
            surrogates.observe_real(f.entity, value, known, seen_in)


class Finisher:
    def __init__(self, rules: RuleSet, key: Key, scanner: PatternScanner, stand_ins: StandIns,
                 limits: Limits = LIMITS):
        self.rules, self.key, self.scanner, self.stand_ins = rules, key, scanner, stand_ins
        self.limits = limits
        self._batch: Removed | None = None

    @property
    def batch(self) -> Removed:
        """What the batch removed, and the deny terms: what ``deid verify`` looks for in every
        record (the ledger's ``batch_fingerprints``); built once, from the settled stand-ins."""
        if self._batch is None:
            self._batch = Removed([*self.stand_ins.removed.items(), *((d.term, d.entity) for d in self.rules.deny)])
        return self._batch

    def finish(self, plan: Plan) -> Outcome:
        record = plan.record
        if plan.held_back:
            return Outcome(record, {}, (), held_back=plan.held_back)
        try:
            with budget.within(self.limits):
                outcome = self._finish(plan)
                budget.check()
                return outcome
        except Exception as exc:  # fail closed
            return Outcome(record, {}, (), held_back=_failed(exc))

    def _finish(self, plan: Plan) -> Outcome:
        record = plan.record
        decisions = list(plan.decisions) + batch_mentions(record, plan.decisions, self.stand_ins.mentions, self.rules)
        if record.accepted:
            decisions = self._unless_removed_elsewhere(record, decisions)
        for _ in range(REPAIRS):
            budget.check()
            texts, redactions = self._apply(record, decisions)
            found = residuals(record, texts, redactions, self._scan(plan, redactions), self.rules, batch=self.batch)
            if not found:
                return Outcome(record, texts, tuple(redactions))
            to_input = input_offsets(redactions)
            decisions += [repair(record, r.field, *to_input(r.field, r.start, r.end), r.entity, self.rules)
                          for r in found]
        budget.check()
        texts, redactions = self._apply(record, decisions)
        reason = residual(record, texts, redactions, self._scan(plan, redactions), self.rules, self.batch)
        if reason:
            reason += f" (still there after {REPAIRS} rounds of repair)"
        return Outcome(record, texts, tuple(redactions), held_back=reason)

    def _unless_removed_elsewhere(self, record: Record, decisions: list[Decision]) -> list[Decision]:
        """A value the baseline accepts in this record's file that the batch removes
        elsewhere (a name a story around it gave away) is removed here too: a verdict
        given on one file, where it read as no one, cannot publish a name the batch hides."""
        texts = {f.path: f.text for f in record.fields}
        out = []
        for d in decisions:
            f = d.finding
            if d.rule == BASELINE and self.batch.known(texts[f.field][f.start:f.end]):
                d = repair(record, f.field, f.start, f.end, f.entity, self.rules)
            out.append(d)
        return out

    def _scan(self, plan: Plan, redactions: list[Redaction]):
        """The scanner's ``scan``, told the spans the transform wrote in each field (the
        final check's ``written``); for a field whose output is its input, what detection's
        pass found there already (``Plan.checked``), the same findings without a second pass."""
        read = {f.path: f.text for f in plan.record.fields}
        checked = dict(plan.checked)
        written: dict[str, list[tuple[int, int]]] = {}
        for r in redactions:
            written.setdefault(r.decision.finding.field, []).append((r.out_start, r.out_end))

        def scan(path: str, text: str) -> list[Finding]:
            if path in checked and text == read[path]:
                return list(checked[path])
            spans = written.get(path)
            return self.scanner.scan(path, text, phone_windows_to_skip(text, spans, self.rules) if spans else None)

        return scan

    def _apply(self, record: Record, decisions: list) -> tuple[dict[str, str | None], list[Redaction]]:
        texts: dict[str, str | None] = {}
        redactions: list[Redaction] = []
        by_field: dict[str, list] = {}
        for d in decisions:
            by_field.setdefault(d.finding.field, []).append(d)
        for f in record.fields:
            mine = sorted(by_field.get(f.path, ()), key=lambda d: d.finding.start)
            if mine:
                texts[f.path], done = apply(f.text, mine, self.key, self.stand_ins)
                redactions += done
        return texts, redactions


def _failed(exc: Exception) -> str:
    """Why a record is held back after ``exc``: its budget, or the exception's type, never its text."""
    return exc.reason() if isinstance(exc, OverBudget) else f"processing failed ({type(exc).__name__})"


class Processor:
    """Both halves for one record at a time, its own surrogates per record:
    for ``deid eval`` and for tests, where there is no batch."""

    def __init__(self, rules: RuleSet, key: Key, roster: tuple[str, ...] = ()):
        self.rules, self.key = rules, key
        self.planner = Planner(rules, roster, key=key)
        self.detector = self.planner.detector

    def process(self, record: Record) -> Outcome:
        plan = self.planner.plan(record)
        surrogates = Surrogates(self.key)
        observe(plan, surrogates)
        return Finisher(self.rules, self.key, self.detector.scanner, surrogates.freeze()).finish(plan)
