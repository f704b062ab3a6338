"""Transform: apply decisions to text with Presidio's AnonymizerEngine.

The only module that imports presidio_anonymizer. Each decision's new text is
worked out here (replace, redact, mask, hash, generalize, keep) and handed to
the engine as a ``replace`` operator, so the engine's output items give the
exact output offsets of every change.
"""

from __future__ import annotations

import re

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from deid.core.keys import Key
from deid.core.model import Decision, Redaction
from deid.core.normalize import as_read
from deid.read.ids import public_path
from deid.read.slugs import as_slug, is_slug, spelled_out
from deid.transform.dateshift import offset_days, shift
from deid.transform.generalize import generalize
from deid.transform.surrogates import StandIns

_ENGINE = AnonymizerEngine()
_WORDS = ("PERSON", "LOCATION", "ORGANIZATION")  # the types whose stand-ins are words


def new_value(decision: Decision, value: str, key: Key, stand_ins: StandIns | None = None,
              before: str = "", after: str = "") -> str | None:
    """The text that replaces ``value``; ``None`` for a dropped column value. ``before``:
    the text before the value, for a generalisation that must agree with it ("she is
    in her thirties", "at the hospital"); ``after``: the text after it ("Millersburg, Ohio")."""
    if is_slug(value) and decision.finding.entity in _WORDS:  # "tamsin-oyelowo": the words' stand-in, as the slug was
        new = new_value(decision, spelled_out(value), key, stand_ins, before, after)
        return as_slug(new, value) if new is not None else None
    if decision.action == "generalize":
        return generalize(decision.finding.entity, value, decision.param("tag"), decision.param("to"), before, after)
    try:
        do = _DOES[decision.action]
    except KeyError:
        raise ValueError(f"unknown action {decision.action!r}") from None
    return do(decision, decision.finding.entity, value, decision.param("tag"), key, stand_ins)


def _pseudonym(decision: Decision, entity: str, value: str, tag: str, key: Key, stand_ins: StandIns | None) -> str:
    if entity == "FILE_NAME":
        return public_path(value, key)  # the name deid gives such a file: a link still points at it
    if entity in ("DATE_TIME", "BIRTH_DATE", "AGE", "ZIP_CODE"):
        return generalize(entity, value, tag)
    if stand_ins is None:
        raise ValueError("the pseudonym action needs the batch's stand-ins")
    return stand_ins.stand_in(entity, value, decision.param("style", "realistic"), tag)


def _shift(decision: Decision, entity: str, value: str, tag: str, key: Key, stand_ins: StandIns | None) -> str:
    if entity not in ("DATE_TIME", "DATE"):
        return generalize(entity, value, tag)
    return shift(value, offset_days(key, decision.param("subject")), tag)


# One function per action of ``actions.ACTIONS``: (decision, entity, value, tag, key, stand_ins) -> new text.
_DOES = {
    "keep": lambda d, entity, value, tag, key, s: value,
    "replace": lambda d, entity, value, tag, key, s: tag,
    "redact": lambda d, entity, value, tag, key, s: "",
    "drop": lambda d, entity, value, tag, key, s: None,
    "mask": lambda d, entity, value, tag, key, s: re.sub(r"(?<=\w)\w", "*", value),
    "hash": lambda d, entity, value, tag, key, s: f"[{entity}:{key.digest(entity, value, 6)}]",
    "generalize": lambda d, entity, value, tag, key, s: generalize(entity, value, tag, d.param("to")),
    "pseudonym": _pseudonym,
    "shift": _shift,
}


def apply(text: str, decisions: list[Decision], key: Key,
          stand_ins: StandIns | None = None) -> tuple[str | None, list[Redaction]]:
    """New text for one field, and one ``Redaction`` per decision."""
    if not decisions:
        return text, []
    if len(decisions) == 1 and decisions[0].finding.recognizer == "column_rule":
        d = decisions[0]
        new = new_value(d, text, key, stand_ins)
        return new, [Redaction(d, 0, len(new or ""), new != text)]
    results, operators, by_key = [], {}, {}
    for i, d in enumerate(decisions):
        f = d.finding
        value = text[f.start:f.end]
        new = new_value(d, as_read(value), key, stand_ins, text[max(0, f.start - 40):f.start],
                        text[f.end:f.end + 40])  # "Har\u00adgrove" gets Hargrove's stand-in
        tag = f"D{i}"
        by_key[tag] = (d, new != value)
        results.append(RecognizerResult(entity_type=tag, start=f.start, end=f.end, score=1.0))
        # Presidio's replace falls back to "<TYPE>" for an empty value: use redact.
        operators[tag] = OperatorConfig("replace", {"new_value": new}) if new else OperatorConfig("redact", {})
    result = _ENGINE.anonymize(text=text, analyzer_results=results, operators=operators)
    redactions = []
    for item in sorted(result.items, key=lambda it: it.start):
        d, changed = by_key[item.entity_type]
        redactions.append(Redaction(d, item.start, item.end, changed))
    return result.text, redactions
