"""Field names are text too: CSV headers and JSON keys.

A header or a key is published like the values under it, so a name in one
("Story told by Anselm Vick", a key "Renata Oduya") must go like a name in
the text. A format reader adds a field for every header or key that is not
plain words (``ids.plain``, an ordinary word that is also a first name
included: "answer_2", "Story", "What helped you most?" are not scanned,
but a name with four digits in a row is), its path ``LABEL`` followed by the path of the value it names.
The run detects, decides and changes it as any other text, the final check
included; the writer puts the changed name in place, and the ledger and
the report name fields by their published paths only (``public_field_path``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.model import Field, Record
from deid.read.ids import plain

# A key of four digits or more may be a phone number, a record number or a
# date ({"5035550142": ...}, {"2024-03-01": ...}): scanned, though plain.
_NUMBER = re.compile(r"\d{4}")

# U+241F SYMBOL FOR UNIT SEPARATOR: no JSON pointer and no header a person
# writes starts with it, so a label's path never meets a value's.
LABEL = "\u241f"


@lru_cache(maxsize=4096)
def needs_scan(name: str) -> bool:
    """Whether a header or key may hold something to remove: not plain
    words, or four digits in a row. Asked for every key of every record, and
    keys repeat, so the answer is kept."""
    return bool(name.strip()) and (not plain(name, first_names=True) or _NUMBER.search(name) is not None)


def label(path: str, name: str) -> Field | None:
    """The field for the name of the value at ``path``, or None when the name
    has nothing to remove (``needs_scan``)."""
    return Field(LABEL + path, name) if needs_scan(name) else None


def is_label(path: str) -> bool:
    return path.startswith(LABEL)


def published_name(texts: dict[str, str | None], path: str, name: str) -> str:
    """The name of the value at ``path`` as published: as changed by the run,
    else as written."""
    new = texts.get(LABEL + path)
    return name if new is None else new


def _escape(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


def public_field_path(path: str, record: Record, texts: dict[str, str | None]) -> str:
    """``path`` as the published record names it: every header or key on
    the way that the run changed is changed here too. A JSON pointer is
    rebuilt key by key ("/Renata Oduya/note" -> "/Kirsten Malley/note"); a
    CSV header keeps the "[2]" of a repeated name."""
    if is_label(path):
        return LABEL + public_field_path(path[len(LABEL):], record, texts)
    changed = {f.path[len(LABEL):]: (f.text, texts[f.path]) for f in record.fields
               if is_label(f.path) and texts.get(f.path) is not None}
    if not changed:
        return path
    if path in changed:
        name, new = changed[path]
        tail = "/" + _escape(name)
        if path.endswith(tail):  # a JSON key: its parent may be renamed too
            return public_field_path(path[: -len(tail)], record, texts) + "/" + _escape(new)
        return new + path[len(name):]  # a CSV header, perhaps "Name[2]"
    inner = [p for p in changed if path.startswith(p + "/")]
    if inner:
        p = max(inner, key=len)
        return public_field_path(p, record, texts) + path[len(p):]
    return path
