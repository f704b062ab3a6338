"""Transform: apply decisions to text with Presidio's AnonymizerEngine.

The only module that imports presidio_anonymizer. Each decision's new text is
worked out here, by one function per action in ``_DOES`` (keep, replace, redact,
drop, mask, hash, generalize, pseudonym, shift: every action of
``policy.actions.ACTIONS`` but ``scan``, which only says a column is free text),
and handed to the engine as a ``replace`` operator, so the engine's output items
give the exact output offsets of every change.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from deid.core.keys import Key
from deid.core.model import Decision, Redaction
from deid.core.normalize import as_read
from deid.read.ids import public_file_path
from deid.core.slugs import as_slug, is_slug, spelled_out
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
    try:
        do = _DOES[decision.action]
    except KeyError:
        raise ValueError(f"unknown action {decision.action!r}") from None
    return do(decision, value, _Around(key, stand_ins, before, after))


class _Around(NamedTuple):
    """What an action may need besides the decision and the value."""

    key: Key
    stand_ins: StandIns | None
    before: str  # the text before the value (up to 40 characters; "" for a whole column value)
    after: str   # the text after it


def _generalize(decision: Decision, value: str, at: _Around) -> str:
    return generalize(decision.finding.entity, value, decision.param("tag"), decision.param("to"), at.before, at.after)


def _hash(decision: Decision, value: str, at: _Around) -> str:
    entity = decision.finding.entity
    return f"[{entity}:{at.key.digest(entity, value, 6)}]"


def _pseudonym(decision: Decision, value: str, at: _Around) -> str:
    entity, tag = decision.finding.entity, decision.param("tag")
    if entity == "FILE_NAME":
        return public_file_path(value, at.key)  # the name deid gives such a file: a link still points at it
    if entity in ("DATE_TIME", "BIRTH_DATE", "AGE", "ZIP_CODE"):
        return generalize(entity, value, tag)
    if at.stand_ins is None:
        raise ValueError("the pseudonym action needs the batch's stand-ins")
    return at.stand_ins.stand_in(entity, value, decision.param("style", "realistic"), tag)


def _shift(decision: Decision, value: str, at: _Around) -> str:
    entity, tag = decision.finding.entity, decision.param("tag")
    if entity not in ("DATE_TIME", "DATE"):
        return generalize(entity, value, tag)
    return shift(value, offset_days(at.key, decision.param("subject")), tag)


# One function per action of ``actions.ACTIONS`` but "scan", each (decision, value, around) -> new text
# (None: the column's value is dropped); ``new_value`` reaches every action through it.
_DOES: dict[str, Callable[[Decision, str, _Around], str | None]] = {
    "keep": lambda d, value, at: value,
    "replace": lambda d, value, at: d.param("tag"),
    "redact": lambda d, value, at: "",
    "drop": lambda d, value, at: None,
    "mask": lambda d, value, at: re.sub(r"(?<=\w)\w", "*", value),
    "hash": _hash,
    "generalize": _generalize,
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
