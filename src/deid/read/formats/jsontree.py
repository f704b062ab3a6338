"""Shared by the JSON and JSONL formats: fields out of a value, and back in."""

from __future__ import annotations

import copy
from typing import Any

from deid.core.model import Field, Known, Record
from deid.policy.ruleset import RuleSet, normalize_field_name
from deid.policy.shapes import governs, identifies
from deid.read.ids import plain
from deid.read.labels import LABEL, is_label, needs_scan
from deid.read.textio import has_bad_bytes, shown


def pointer(parts: tuple[Any, ...]) -> str:
    """RFC 6901 JSON pointer for a path of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


# A whole number of seven digits or more is scanned as text wherever it
# stands: a phone, a record number or a compact date written as a JSON
# number ("callback": 5035550142) is no less identifying than one in quotes.
_LONG_NUMBER = 1_000_000


def fields_of(value: Any, rules: RuleSet) -> tuple[list[Field], dict[str, tuple[Any, ...]]]:
    """Every text value to scan, with its pointer. Kept keys (``keep_fields``)
    are skipped where their value is shaped like an id (``ids.plain``:
    "a-0042", 17) and for the record's id (``ids`` publishes one that is no
    id keyed); any other value under a kept key (a nested ``"id"`` that holds
    a name, an object) is text. A value under a column rule's key is decided
    whole only when it has the shape of the rule's values
    (``policy.shapes``); else it is free text.
    Numbers are scanned under a column rule's key, and long whole numbers
    (``_LONG_NUMBER``) everywhere. Every key that is not plain words is
    scanned as text too, kept keys included (``labels``)."""
    fields: list[Field] = []
    paths: dict[str, tuple[Any, ...]] = {}
    id_key = record_id(value, rules, "")[1]

    def walk(v: Any, parts: tuple[Any, ...], key: str | None, column: Any) -> None:
        if isinstance(v, dict):
            for k, child in v.items():
                k = str(k)
                if needs_scan(k):  # the key itself is text (``labels``)
                    ptr = LABEL + pointer(parts + (k,))
                    fields.append(Field(ptr, k))
                    paths[ptr] = parts + (k,)
                col = rules.column_for(k)
                if rules.is_kept_field(k) or (col is not None and col.action == "keep"):
                    if not _id_shaped(child) and not (not parts and k == id_key and isinstance(child, (str, int))):
                        col = None  # a nested "id" that holds a name, a second id, an object: text
                    elif rules.is_kept_field(k):
                        continue
                if col is not None and col.action == "scan":
                    col = None
                walk(child, parts + (k,), k, col or column)
        elif isinstance(v, list):
            for i, child in enumerate(v):
                walk(child, parts + (i,), key, column)
        elif isinstance(v, str) or (column is not None and isinstance(v, (int, float)) and not isinstance(v, bool)) \
                or (isinstance(v, int) and not isinstance(v, bool) and abs(v) >= _LONG_NUMBER):
            if isinstance(v, str) and not v.strip():
                return
            ptr = pointer(parts)
            fields.append(Field(ptr, str(v), governs(column, str(v))))
            paths[ptr] = parts

    walk(value, (), None, None)
    return fields, paths


def _id_shaped(value: Any) -> bool:
    """Whether a kept key's value below the top level is an id, not text:
    a number, nothing, or a string ``ids.plain`` passes."""
    if isinstance(value, str):
        return plain(value)
    return not isinstance(value, (dict, list))


def known_of(fields: list[Field]) -> tuple[Known, ...]:
    return tuple(
        Known(f.column.entity, f.text, f.column.id)
        for f in fields
        if f.column is not None and f.column.known and f.text.strip() and identifies(f.column.entity, f.text)
    )


def record_id(value: Any, rules: RuleSet, fallback: str) -> tuple[str, str | None]:
    """The value of the first id field the record has and its key, else
    ``fallback`` and None."""
    if isinstance(value, dict):
        by_name = {normalize_field_name(str(k)): (str(k), v) for k, v in value.items()}
        for name in rules.id_fields:
            k, v = by_name.get(name, (None, None))
            if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v).strip():
                return shown(str(v)), k
    return fallback, None


def make_record(value: Any, source: str, index: int, line: int, raw: str, rules: RuleSet) -> Record:
    fields, paths = fields_of(value, rules)
    rid, id_key = record_id(value, rules, f"#{index + 1}")
    id_path = None
    if id_key is not None:
        id_path = pointer((id_key,))
        paths.setdefault(id_path, (id_key,))  # where a keyed id stand-in is written (``ids``)
    error = None
    if any(has_bad_bytes(f.text) for f in fields) or has_bad_bytes(raw):
        error = "bytes that are not valid in the file's encoding"
    return Record(
        source=source, index=index, line=line, id=rid, fields=tuple(fields),
        known=known_of(fields), raw=raw, payload=(value, paths), error=error, id_path=id_path,
    )


def answers(record: Record, reader=None) -> dict[str, str]:
    """The record's top-level keys with a text, number or true/false value (a consent
    question's answer: ``policy.consent``)."""
    value = record.payload[0] if record.payload else None
    if not isinstance(value, dict):
        return {}
    return {str(k): "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)
            for k, v in value.items() if v is None or isinstance(v, (str, int, float, bool))}


def rebuild(record: Record, texts: dict[str, str | None]) -> Any:
    """A deep copy of the record's value with each field's new text put
    back, then each changed key renamed, the deepest first (so the path to
    it still holds the keys as read)."""
    value, paths = record.payload
    out = copy.deepcopy(value)
    for ptr, new in texts.items():
        if is_label(ptr):
            continue
        parts = paths[ptr]
        if not parts:
            return new if new != str(value) else value
        parent = out
        for p in parts[:-1]:
            parent = parent[p]
        old = parent[parts[-1]]
        if not isinstance(old, str) and new == str(old):
            continue  # a number the rules left as it was keeps its type
        parent[parts[-1]] = new
    for ptr in sorted((p for p in texts if is_label(p)), key=lambda p: -len(paths[p])):
        parts, new = paths[ptr], texts[ptr]
        parent = out
        for p in parts[:-1]:
            parent = parent[p]
        _rename(parent, parts[-1], "" if new is None else new)
    return out


def _rename(parent: dict, old: str, new: str) -> None:
    """Renames a key in place, its place in the object kept; a name another
    key already has gets " (2)", " (3)", ... so no value is lost."""
    taken, name, n = set(parent) - {old}, new, 1
    while name in taken:
        n += 1
        name = f"{new} ({n})"
    items = [(name if k == old else k, v) for k, v in parent.items()]
    parent.clear()
    parent.update(items)
