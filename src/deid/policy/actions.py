"""The actions the rules may name, in one table: where each may stand (an
entity type's rule, a column rule) and what it does to a value (removes it?
surely changes the text?). ``rules`` validates against it, ``decide`` ranks
overlapping findings by it, and ``transform.rewrite._DOES`` has one function
per name but "scan", through which every action is applied (a test holds the
two to the same names). A new action is a row here and a function there."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Action:
    name: str
    removes: bool       # the value as written does not stay
    surely: bool        # the text surely changes ("generalize" may leave "two weeks" as it is)
    for_entities: bool  # may stand in an entity type's rule
    for_columns: bool   # may stand in a column rule
    does: str           # for the docs and messages


ACTIONS: dict[str, Action] = {a.name: a for a in (
    Action("redact", True, True, True, False, "removes the value"),
    Action("drop", True, True, False, True, "empties the column's value (JSON null)"),
    Action("replace", True, True, True, True, "writes the tag"),
    Action("mask", True, True, True, True, "keeps the first letter of each word, stars the rest"),
    Action("hash", True, True, True, True, "writes [TYPE:keyed digest]"),
    Action("generalize", True, False, True, True, "keeps what the story needs (a year, an age band, a ZIP area)"),
    Action("pseudonym", True, True, True, True, "writes a consistent keyed stand-in"),
    Action("shift", True, True, True, True, "moves a date by the person's keyed number of days"),
    Action("keep", False, False, True, True, "leaves the value as it is"),
    Action("scan", False, False, False, True, "reads the column as free text"),
)}

ENTITY_ACTIONS = tuple(a.name for a in ACTIONS.values() if a.for_entities)
COLUMN_ACTIONS = tuple(a.name for a in ACTIONS.values() if a.for_columns)


# Types whose generalisation always writes something new (a kind, a group, or the tag):
# ``generalize`` surely changes them, and ranks as ``replace`` does where findings overlap.
GENERALIZED_WHOLE = frozenset({"ORGANIZATION", "OCCUPATION", "LOCATION"})


def surely_changes(action: str, entity: str, to: str = "") -> bool:
    """Whether ``action`` surely changes a value of type ``entity`` (``to``: how far the
    rules generalise it; an age put in its band always changes)."""
    if ACTIONS[action].surely:
        return True
    return action == "generalize" and (entity in GENERALIZED_WHOLE or (entity == "AGE" and to == "band"))
