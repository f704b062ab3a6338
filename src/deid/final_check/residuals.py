"""The final check: a transformed record checked again before it may be published.

Independent of the first pass's NER: (1) no value that was removed occurs
again anywhere in the record's output (as ``mentions`` matches it), nor any
removed value of the record or the batch, or a word of a removed name, as
``deid verify`` will look for it (``reappear``); (2) the
pattern and context recognizers, the name lexicon with capitalisation, the
deny list and the roster, run on the output, find nothing that the rules
would remove outside the spans the transform wrote. Cheap: no second NER pass.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Callable

from deid.core import budget
from deid.core.model import CERTAIN, EARLIER, STAND_IN, Decision, Finding, Record, Redaction
from deid.core.nameparts import name_parts
from deid.core.normalize import as_read
from deid.core.spans import Taken
from deid.detect.standing import WORD, stands
from deid.detect.mentions import looked_for_again, mention, used_as_word
from deid.final_check.reappear import Removed
from deid.policy.ruleset import RuleSet, normalize_term

Scanner = Callable[[str, str], list[Finding]]


@dataclass(frozen=True)
class Residual:
    """Something the final check found in a field's output: output offsets,
    the type, and which check found it (a recognizer, or ``removed_value``
    when a value removed elsewhere occurs again)."""

    field: str
    start: int
    end: int
    entity: str
    found_by: str
    score: float = 1.0

    def reason(self) -> str:
        if self.found_by == REMOVED_VALUE:
            return f"residual check: a removed {self.entity} value occurs again in field {_name(self.field)!r} at offset {self.start}"
        return (f"residual check: {self.entity} ({self.found_by}) found after transformation in field "
                f"{_name(self.field)!r} at offset {self.start}")


REMOVED_VALUE = "removed_value"


def residual(
    record: Record,
    texts: dict[str, str | None],
    redactions: list[Redaction],
    scan: Scanner,
    rules: RuleSet,
    batch: Removed | None = None,
) -> str | None:
    """``None`` when the output is clean, else a reason naming type and place."""
    found = residuals(record, texts, redactions, scan, rules, first=True, batch=batch)
    return found[0].reason() if found else None


def residuals(
    record: Record,
    texts: dict[str, str | None],
    redactions: list[Redaction],
    scan: Scanner,
    rules: RuleSet,
    first: bool = False,
    batch: Removed | None = None,
) -> list[Residual]:
    """Everything the final check finds (only the first, with ``first``); ``batch``: the
    values the whole batch removed (and the rules' deny terms), looked for as ``deid
    verify`` will."""
    originals = {f.path: f.text for f in record.fields}
    removed = set()
    for r in redactions:
        f = r.decision.finding
        if r.changed:
            value = " ".join(as_read(originals[f.field][f.start:f.end]).split())
            if len(value) >= 2 and looked_for_again(f, value):
                removed.add((value, f.entity))
    # the record's own values, and each word of its removed names; then the batch's
    again = Removed([(p, e) for v, e in removed for p in [v] + (name_parts(v) if e == "PERSON" else [])], batch)
    out: list[Residual] = []
    by_field: dict[str, list[tuple[int, int]]] = {}
    for r in redactions:
        by_field.setdefault(r.decision.finding.field, []).append((r.out_start, r.out_end))
    for field in record.fields:
        path = field.path
        text = texts.get(path, field.text)  # a field with no decisions is checked too
        if not text:
            continue
        written = Taken(by_field.get(path, ()))
        for value, entity in sorted(removed):
            budget.check()
            for m in mention(value).finditer(text):
                if not written.overlaps(m.start(), m.end()) and not used_as_word(text, m.start(), m.end(), entity):
                    out.append(Residual(path, m.start(), m.end(), entity, REMOVED_VALUE))
                    written.add(m.start(), m.end())
                    if first:
                        return out
        for start, end, entity in again.find(text, by_field.get(path, ())):
            if not written.overlaps(start, end):
                out.append(Residual(path, start, end, entity, REMOVED_VALUE))
                written.add(start, end)
                if first:
                    return out
        if field.column is not None:
            continue
        for f in sorted(scan(path, text), key=lambda f: (f.start, -f.end)):
            if rules.for_entity(f.entity).action == "keep":
                continue
            if f.start < f.end and field.markup != "markdown" and written.holds(f.start, f.end):
                continue  # what stands of it lies in it (``standing.judge``), so in a written span: not judged
            # the same thresholds, allow lists and evidence as the first pass
            for piece in stands(f, text, rules, field.markup):
                if not written.overlaps(piece.start, piece.end):
                    out.append(Residual(path, piece.start, piece.end, f.entity, f.recognizer, piece.score))
                    written.add(piece.start, piece.end)
                    if first:
                        return out
    return out


def phone_windows_to_skip(text: str, written: list[tuple[int, int]], rules: RuleSet) -> Callable[[int, int, list], bool]:
    """Which windows of the phone recognizer (``detect.recognizers.fast``) the final check of
    ``text`` need not ask, ``written`` being the spans the transform wrote: a window every
    digit of whose runs lies in a written span, and where no word is a term the rules allow
    for a phone number (nor any allowed term with a digit occurs at all).

    Why nothing reportable is lost: a phone number holds digits of a run of its window
    (``fast``), so one found there overlaps a written span; its first and last words hold
    digits and its other words are words of the window, so with no allowed word in it the
    final check takes it whole (``standing._pieces`` cuts a finding only at an allowed word)
    and reports nothing that overlaps a written span. The stand-ins a transform writes
    (phone numbers, identifiers, dates) are most windows of a changed text, and each costs
    python-phonenumbers eight regions."""
    spans = Taken(written)
    allowed, with_digits = _allowed_for_phones(rules.allow)

    def skip(lo: int, hi: int, runs: list[tuple[int, int]]) -> bool:
        if not all(spans.overlaps(i, i + 1) for a, b in runs for i in range(a, b) if text[i].isdigit()):
            return False
        window = text[lo:hi].casefold()
        if any(term in window for term in with_digits):
            return False
        return not any(normalize_term(m.group(0)) in allowed for m in WORD.finditer(text, lo, hi))

    return skip


@lru_cache(maxsize=8)
def _allowed_for_phones(allow: frozenset[tuple[str, str]]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The terms the rules allow for a phone number, and those of them holding a digit:
    worked out once per rule set, not once per record (the default rules allow 468)."""
    allowed = frozenset(term for entity, term in allow if entity in ("*", "PHONE_NUMBER"))
    return allowed, tuple(term for term in allowed if any(c.isdigit() for c in term))


def recheck(record: Record, scan: Scanner, rules: RuleSet) -> list[Residual]:
    """The run's own final check on a record it published (``deid verify``,
    ``deid check`` on a sealed folder): the text as it stands, every span the
    run decided on (``record.marked``) left alone, as the run left it. The
    model's first pass ran on the original text, which the ledger vouches
    for; run again on the output it would judge another text."""
    kept = [Redaction(Decision(Finding(path, STAND_IN, a, b, 1.0, EARLIER, CERTAIN), "keep", EARLIER), a, b, False)
            for path, a, b in record.marked]
    return residuals(record, {}, kept, scan, rules)


def to_input(redactions: list[Redaction], path: str, start: int, end: int) -> tuple[int, int]:
    """Input offsets of an output span that lies outside every change."""
    return input_offsets(redactions)(path, start, end)


def input_offsets(redactions: list[Redaction]) -> Callable[[str, int, int], tuple[int, int]]:
    """``to_input`` for many spans of the same output: the shifts summed once, each
    span then found by bisection (a long record's residuals cost no more than its length)."""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for r in redactions:
        f = r.decision.finding
        by_field.setdefault(f.field, []).append((r.out_end, (r.out_end - r.out_start) - (f.end - f.start)))
    table = {}
    for path, shifts in by_field.items():
        shifts.sort()
        table[path] = ([e for e, _ in shifts], list(accumulate(d for _, d in shifts)))

    def convert(path: str, start: int, end: int) -> tuple[int, int]:
        ends, sums = table.get(path, ((), ()))
        n = bisect_right(ends, start)  # the changes that end before the span
        shift = sums[n - 1] if n else 0
        return start - shift, end - shift

    return convert


def _name(path: str) -> str:
    return path or "(document)"
