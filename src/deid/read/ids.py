"""What a record id and a file name may show once published.

An id is a handle, not text, and people make ids and file names of names:
``tobias-renwick``, ``helga.strand``, ``interview-with-petra-lindqvist.md``.
An id made only of numbers, hexadecimal parts (a UUID), machine-made parts
("R_7x2KpQ") and ordinary words that are no names ("response-0042", "row 3",
"post_17b") is published as written; so is a path whose every part is. Any
other id becomes a keyed stand-in, ``id-`` and 12 hex digits of HMAC(key,
id), and any other path part ``file-`` and 12 hex digits, its type kept: the
same for the same value and key in every run, so whoever holds the key can
still find a record, and the same in the output, the ledger, the report and
every message (the run puts them in place before anything is written or
said).
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
    for segment in _SEGMENT.findall(value):
        if _HEX.fullmatch(segment) or _MACHINE.fullmatch(segment):
            continue
        for word in _LETTERS.findall(segment):
            if not _plain_word(word.lower(), first_names):
                return False
    return True


def _plain_word(word: str, first_names: bool) -> bool:
    if len(word) == 1:
        return True
    if word not in common_words() and word not in vocabulary():
        return False
    info = name_info(word)
    return info is None or (info.usage == "w" and (first_names or not info.first))


def public(value: str, key) -> str:
    """The id as published: ``value`` when ``plain``, else its keyed stand-in."""
    if plain(value):
        return value
    return _ID + key.label("record id", value, 6)


def published(record: Record, key) -> Record:
    """The record with the id it is published under. An id that is not
    ``plain`` is replaced; the field that held it (``id_path``) is then no
    text to scan but the place the output writes the stand-in."""
    shown = public(record.id, key)
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


def public_name(name: str, key, last: bool = True) -> str:
    """One part of a path as published: as written when its words are
    ``plain`` ("survey-export.csv", "2024"), else ``file-`` and 12 hex digits
    of HMAC(key, part), with the file's type kept ("interview-with-petra-
    lindqvist.md" -> "file-3f09c2d1a8b4.md")."""
    if name in ("", ".", "..") or _STAND_IN.fullmatch(name):
        return name
    stem, dot, suffix = name.rpartition(".") if last and "." in name.lstrip(".") else (name, "", "")
    if plain(stem):
        return name
    return _FILE + key.label("file name", name, 6) + (dot + suffix if dot else "")


def public_path(path: str, key) -> str:
    """A path (POSIX or as given) with every part that may hold a name
    replaced (``public_name``)."""
    parts = path.replace("\\", "/").split("/")
    return "/".join(public_name(p, key, last=i == len(parts) - 1) for i, p in enumerate(parts))
