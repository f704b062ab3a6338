"""Verify: check a transformed record again before it may be published.

Independent of the first pass's NER: (1) no value that was removed occurs
again anywhere in the record's output (as ``mentions`` matches it); (2) the
pattern and context recognizers, the name lexicon with capitalisation, the
deny list and the roster, run on the output, find nothing that the rules
would remove outside the spans the transform wrote. Cheap: no second NER pass.
"""

from __future__ import annotations

from typing import Callable

from .decide import stands
from .mentions import mention
from .model import Finding, Record, Redaction
from .rules import RuleSet

Scanner = Callable[[str, str], list[Finding]]


def residual(
    record: Record,
    texts: dict[str, str | None],
    redactions: list[Redaction],
    scan: Scanner,
    rules: RuleSet,
) -> str | None:
    """``None`` when the output is clean, else a reason naming type and place."""
    originals = {f.path: f.text for f in record.fields}
    removed = set()
    for r in redactions:
        f = r.decision.finding
        if r.changed:
            value = " ".join(originals[f.field][f.start:f.end].split())
            if len(value) >= 2:
                removed.add((value, f.entity))
    for field in record.fields:
        path = field.path
        text = texts.get(path, field.text)  # a field with no decisions is checked too
        if not text:
            continue
        written = [(r.out_start, r.out_end) for r in redactions if r.decision.finding.field == path]
        for value, entity in sorted(removed):
            for m in mention(value).finditer(text):
                if not _inside(m.start(), m.end(), written):
                    return f"residual check: a removed {entity} value occurs again in field {_name(path)!r} at offset {m.start()}"
        if field.column is not None:
            continue
        for f in sorted(scan(path, text), key=lambda f: (f.start, -f.end)):
            if rules.for_entity(f.entity).action == "keep":
                continue
            # the same thresholds and allow lists as the first pass
            for piece in stands(f, text, rules):
                if not _inside(piece.start, piece.end, written):
                    return f"residual check: {f.entity} ({f.recognizer}) found after transformation in field {_name(path)!r} at offset {piece.start}"
    return None


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _name(path: str) -> str:
    return path or "(document)"
