"""What a record id and a file name may show once published.

An id is a handle, not text, and people make ids and file names of names:
``tobias-renwick``, ``helga.strand``, ``interview-with-petra-lindqvist.md``.
Ids and file names are also what everything downstream joins on and links to
("cadec-17", ``qualtrics_export.csv``, a site's post whose name is its URL), so
one is renamed only when it holds a name with evidence (``holds_a_name``): a
word that is mostly or often a name (the name lexicon: "tobias", "petra",
"renwick"; not "grant", "story" or "hope", words first), a word of the record's
known names (its name column) or of the roster, or an email address. A word
deid does not know ("qualtrics", "cadec") is no evidence. A renamed id becomes
a keyed stand-in, ``id-`` and 12 hex digits of HMAC(key, id), and a renamed
path part ``file-`` and 12 hex digits, its type kept: the same for the same
value and key in every run, so whoever holds the key can still find a record,
and the same in the output, the ledger, the report and every message (the run
puts them in place before anything is written or said). A name the lexicon
does not know in a file name ("notes-okwuosa.md") stays: name such files
plainly, or list the people in the roster.
"""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.lexicon import common_words, name_info, vocabulary
from deid.core.model import Outcome, Record

_SEGMENT = re.compile(r"[0-9A-Za-z]+|[^\W\d_]+|\d+")
_HEX = re.compile(r"(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{4,}")
_MACHINE = re.compile(r"[0-9A-Za-z]*(?:[^\W\d_]\d+[^\W\d_]|\d[^\W\d_]+\d)[0-9A-Za-z]*")  # "7x2KpQ": letters and digits mixed
_LETTERS = re.compile(r"[^\W\d_]+")
_ID, _FILE = "id-", "file-"
_STAND_IN = re.compile(rf"(?:{_ID}|{_FILE})[0-9a-f]{{12}}(?:\.\w+)?")


def plain(value: str, first_names: bool = False) -> bool:
    """Whether an id shows nothing of a person: its letters are single
    letters, hexadecimal parts with a digit, machine-made parts that mix
    letters and digits ("R_7x2KpQ"), or ordinary words that are no first
    name ("response", "post"; not "grace", "mason", "renwick"). With
    ``first_names``, an ordinary word that is also a first name counts as
    plain ("Story", "Grace"): the test for words that detection would keep
    anyway."""
    if _STAND_IN.fullmatch(value):  # what a run wrote: an id, or a document's file name as its id
        return True
    return all(_plain_word(word.lower(), first_names) for word in _words(value))


def _words(value: str):
    """The runs of letters of an id's segments that are not hexadecimal or machine-made."""
    for segment in _SEGMENT.findall(value):
        if not (_HEX.fullmatch(segment) or _MACHINE.fullmatch(segment)):
            yield from _LETTERS.findall(segment)


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.\-]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[^\W\d_]+")


def holds_a_name(value: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether an id or a part of a path holds a name with evidence (see above); ``names``:
    the case-folded words of the record's known names and of the roster."""
    if _STAND_IN.fullmatch(value):
        return False
    if _EMAIL.search(value):
        return True
    for part in _words(value):
        for word in {part.lower(), *(w.lower() for w in _CAMEL.findall(part))}:  # "PetraLindqvist"
            if len(word) > 1 and (word in names or _a_name(word) or len(word) > 4 and _a_name(word[1:])
                                  and not _a_word(word)):
                return True  # "tobias", and an initial before a surname: "jsmith" (not "forum")
    return False


def _a_word(word: str) -> bool:
    return word in common_words() or word in vocabulary()


def _a_name(word: str) -> bool:
    info = name_info(word)
    return info is not None and info.usage in ("n", "c")


def _plain_word(word: str, first_names: bool) -> bool:
    if len(word) == 1:
        return True
    if word not in common_words() and word not in vocabulary():
        return False
    info = name_info(word)
    return info is None or (info.usage == "w" and (first_names or not info.first))


def public(value: str, key, names: frozenset[str] = frozenset()) -> str:
    """The id as published: ``value``, or its keyed stand-in when it ``holds_a_name``."""
    if not holds_a_name(value, names):
        return value
    return _ID + key.label("record id", value, 6)


def name_words(values) -> frozenset[str]:
    """The case-folded words of names (a record's known names, the roster)."""
    return frozenset(w.casefold() for v in values for w in _LETTERS.findall(v) if len(w) > 1)


def published(record: Record, key) -> Record:
    """The record with the id it is published under. An id that ``holds_a_name`` (one
    of the record's known names counts) is replaced; the field that held it
    (``id_path``) is then no text to scan but the place the output writes the stand-in."""
    shown = public(record.id, key, name_words(k.value for k in record.known if k.entity == "PERSON"))
    if shown == record.id:
        return record
    held = [f for f in record.fields if f.path == record.id_path]
    fields = tuple(f for f in record.fields if f.path != record.id_path)
    columns = {f.column.id for f in held if f.column is not None}
    known = tuple(k for k in record.known if k.rule not in columns)
    return replace(record, id=shown, id_replaced=True, fields=fields, known=known)


def written(outcome: Outcome) -> Outcome:
    """The outcome with a replaced id put where the record held it."""
    record = outcome.record
    if not record.id_replaced or record.id_path is None:
        return outcome
    return replace(outcome, texts={**outcome.texts, record.id_path: record.id})


def public_name(name: str, key, last: bool = True, names: frozenset[str] = frozenset()) -> str:
    """One part of a path as published: as written ("qualtrics_export.csv", "2024"),
    or, when it ``holds_a_name``, ``file-`` and 12 hex digits of HMAC(key, part), with
    the file's type kept ("interview-with-petra-lindqvist.md" -> "file-3f09c2d1a8b4.md")."""
    if name in ("", ".", "..") or _STAND_IN.fullmatch(name):
        return name
    stem, dot, suffix = name.rpartition(".") if last and "." in name.lstrip(".") else (name, "", "")
    if not holds_a_name(stem, names):
        return name
    return _FILE + key.label("file name", name, 6) + (dot + suffix if dot else "")


def renamed(path: str) -> bool:
    """Whether some part of a path would be renamed (``public_name``), whatever the key."""
    parts = path.replace("\\", "/").split("/")
    return any(holds_a_name(p.rsplit(".", 1)[0] if i == len(parts) - 1 and "." in p.lstrip(".") else p)
               for i, p in enumerate(parts) if p)


def public_file_path(path: str, key, names: frozenset[str] = frozenset()) -> str:
    """A path (POSIX or as given) with every part that holds a name replaced
    (``public_name``); ``names``: the roster's words."""
    parts = path.replace("\\", "/").split("/")
    return "/".join(public_name(p, key, i == len(parts) - 1, names) for i, p in enumerate(parts))
