"""A name beside a name: a capitalised word joined to a person by "and", "&" or a list's
comma is a person too ("seen with NAKAMURA and LINDQVIST", "Okafor, Brandt and me",
"thanks to Ruth & Ottoline"), when no list calls it a word, a medicine, a time, a place, a
title or a credential ("Marisol and God", "Ian and Tramadol", "Bea and Monday", "Sal and
Ohio", "Ada Obi, CNM, Mrs. Roe"), and no term the rules allow.

A model or the name lexicon finds one name of a pair and lets the other pass, most of all a
surname written in capitals in notes, or a name of a culture the lists hold few of. The
person found is the evidence: the word beside it takes its type, and its strength when that
is no stronger than context, since the position, not the word, says it is a name.
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re  # \p{Lu} classes: see recognizers/__init__

from deid.core.lexicon import DAYS_AND_MONTHS, common_words, is_drug_name, is_medical_term, known_place, misspelling, name_info
from deid.core.model import Finding
from deid.core.spans import Taken
from deid.core.wordlists import ABSTRACT_NAMES, ADDRESS_WORDS, FAMILY_ADDRESS, TITLE_WORDS, US_STATES
from deid.detect.credentials import is_credential
from deid.detect.evidence import CERTAIN, CONTEXT, MODEL

_WORD = r"(?:\p{Lu}[\p{Ll}\p{M}]+(?:['\u2019-]\p{Lu}?[\p{Ll}\p{M}]+)?|\p{Lu}[\p{Lu}\p{M}'\u2019-]{2,})"
_JOIN = r"[ \t]*(?:,|&|\band\b)[ \t]*"
_AFTER = re.compile(rf"{_JOIN}(?P<name>{_WORD})(?![\p{{L}}\p{{M}}'\u2019-])")
_BEFORE = re.compile(rf"(?<![\p{{L}}\p{{M}}'\u2019-])(?P<name>{_WORD}){_JOIN}$")


def names_beside_names(found: list[Finding], texts: dict[str, str],
                       allowed: Callable[[str], bool] = lambda term: False) -> list[Finding]:
    """``found`` and a person finding for each name word joined to a found person;
    ``allowed``: the rules' allow lists (``RuleSet.is_allowed_anywhere``)."""
    taken: dict[str, Taken] = {}
    for f in found:
        taken.setdefault(f.field, Taken()).add(f.start, f.end)
    added: list[Finding] = []
    for f in found:
        if f.entity != "PERSON":
            continue
        text = texts[f.field]
        after = _AFTER.match(text, f.end, min(len(text), f.end + 40))
        before = _BEFORE.search(text, max(0, f.start - 40), f.start)
        for m in (after, before):
            if m is None:
                continue
            a, b = m.span("name")
            if taken[f.field].overlaps(a, b) or not _a_name(m.group("name"), _opens(text, a)) or allowed(m.group("name")):
                continue
            strength = CONTEXT if f.strength == CERTAIN else f.strength
            added.append(Finding(f.field, "PERSON", a, b, f.score, "CoordinatedName", strength))
            taken[f.field].add(a, b)
    return found + added


_STATES = frozenset(n.lower() for n in US_STATES.values()) | frozenset(c.lower() for c in US_STATES)


def _a_name(word: str, opens: bool = False) -> bool:
    """Whether a capitalised word joined to a person is a name: no title, credential, day,
    medicine, place or state, and no everyday word unless it is a first name too ("Dawn and
    Oskar drove me", "thanks to Marisol and Hope") that is no way of addressing someone
    ("Marisol and God") and, opening a sentence, no virtue or season ("Faith and Oskar ...")."""
    low = word.lower()
    if is_credential(word) or low in TITLE_WORDS or low in DAYS_AND_MONTHS or is_medical_term(low) or is_drug_name(low) \
            or misspelling(word) == "medical" or known_place(word) or low in _STATES:
        return False
    if low not in common_words():
        return True
    info = name_info(low)
    return info is not None and info.first and not word.isupper() and low not in ADDRESS_WORDS \
        and low not in FAMILY_ADDRESS and not (opens and low in ABSTRACT_NAMES)


_OPENS = re.compile(r"(?:^|[.!?:\n][ \t\"'\u201c]*)$")


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, or what a speaker's label introduces
    ("Oona: Patience, Tadeusz.")."""
    return _OPENS.search(text, max(0, start - 4), start) is not None


_PAIR = re.compile(rf"(?P<a>{_WORD}(?:[ \t]+{_WORD})?){_JOIN}(?P<b>{_WORD}(?:[ \t]+{_WORD})?)")


def pairs_apart(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """Without a model's one span over two people joined by "and", "&" or a comma, when each is
    a person found on its own ("Props to Brooks and Taavi": the model's organisation "Brooks and
    Taavi" would make one name of three words, "and" among them)."""
    people: dict[str, list[tuple[int, int]]] = {}
    for f in found:
        if f.entity == "PERSON":
            people.setdefault(f.field, []).append((f.start, f.end))

    def a_person(field: str, start: int, end: int) -> bool:
        return any(a <= start and end <= b or start <= a < b <= end for a, b in people.get(field, ()))

    def apart(f: Finding) -> bool:
        if f.strength != MODEL or f.field not in people:
            return False
        m = _PAIR.fullmatch(texts[f.field], f.start, f.end)
        return m is not None and a_person(f.field, *m.span("a")) and a_person(f.field, *m.span("b"))

    return [f for f in found if not apart(f)]
