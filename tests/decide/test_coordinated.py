"""A capitalised word joined to a found person by "and", "&" or a list's comma is a person
too, unless it is a word, a medicine, a day or a place. Sentences of our own."""

from __future__ import annotations

import pytest

from deid.core.model import Finding
from deid.decide.coordinated import names_beside_names
from deid.detect.evidence import CERTAIN, CONTEXT, MODEL


def _finding(text: str, value: str, strength: str = MODEL) -> Finding:
    start = text.index(value)
    return Finding("/t", "PERSON", start, start + len(value), 0.85, "spacy", strength)


@pytest.mark.parametrize("text, found, added", [
    ("rounds with HALVORSEN and MBAYE-TOURE at 0600", "HALVORSEN", ["MBAYE-TOURE"]),     # after, in capitals
    ("Thanks to Oyelowo, Brannigan and the night staff", "Brannigan", ["Oyelowo"]),     # before, a list's comma
    ("Wiremu & Tavita brought food", "Wiremu", ["Tavita"]),
    ("I prayed, and Marisela and God got me through", "Marisela", []),                 # a deity addressed
    # an everyday word that is a first name too, joined to a person
    ("Wren and Tadeusz picked me up at detox", "Tadeusz", ["Wren"]),
    ("we stayed with Tadeusz and Sunny that winter", "Tadeusz", ["Sunny"]),
    ("Patience and Tadeusz, you both kept me going", "Tadeusz", []),                  # a virtue opening a sentence
    ("Oona: Patience, Tadeusz. The fog lifts by week six.", "Tadeusz", []),         # opening a speaker's line
    ("Tadeusz and Mom came to court", "Tadeusz", []),                                 # a family's word
    ("rounds with HALVORSEN and MAY at 0600", "HALVORSEN", []),                       # a word in capitals: a month as often
    ("Ignatius and Gabapentin do not mix", "Ignatius", []),                            # a medicine
    ("Philippa and Thursday meetings", "Philippa", []),                                 # a day
    ("we drove with Casimir and Oregon was cold", "Casimir", []),                       # a state
    ("Casimir and I went", "Casimir", []),                                             # no capitalised word
    ("\u2014 Oluwaseun Bright-Adeyemi, LCSW, and Mrs. Tran", "Oluwaseun Bright-Adeyemi", []),  # a credential
])
def test_a_name_beside_a_found_name(text, found, added):
    out = names_beside_names([_finding(text, found)], {"/t": text})
    assert [text[f.start:f.end] for f in out[1:]] == added
    assert all(f.entity == "PERSON" for f in out)


@pytest.mark.parametrize("strength, given", [(CERTAIN, CONTEXT), (CONTEXT, CONTEXT), (MODEL, MODEL)])
def test_the_name_beside_takes_a_strength_no_stronger_than_context(strength, given):
    text = "seen by Castellanos and Vuong today"
    out = names_beside_names([_finding(text, "Castellanos", strength)], {"/t": text})
    assert [f.strength for f in out[1:]] == [given]


def test_a_name_already_found_is_not_found_twice():
    text = "Ottoline and Brunhilde called"
    found = [_finding(text, "Ottoline"), _finding(text, "Brunhilde")]
    assert names_beside_names(found, {"/t": text}) == found


def test_a_term_the_rules_allow_is_no_name():
    text = "Lucinda and Quellamar, then the taper"
    out = names_beside_names([_finding(text, "Lucinda")], {"/t": text}, lambda term: term == "Quellamar")
    assert out[1:] == []


@pytest.mark.parametrize("text, pair, people, left", [
    ("Props to Brooks and Taavi for the rides", "Brooks and Taavi", ["Brooks", "Taavi"], ["Brooks", "Taavi"]),
    ("thanks to Ruth & Ottoline Marsh", "Ruth & Ottoline Marsh", ["Ruth", "Ottoline Marsh"], ["Ruth", "Ottoline Marsh"]),
    # one of the two no person: the model's span stays for the merge to judge
    ("I worked at Brooks and Taavi for years", "Brooks and Taavi", ["Brooks"], ["Brooks and Taavi", "Brooks"]),
])
def test_a_models_span_over_two_people_goes(text, pair, people, left):
    from deid.decide.coordinated import pairs_apart

    found = [Finding("/t", "ORGANIZATION", text.index(pair), text.index(pair) + len(pair), 0.85, "spacy", MODEL)]
    found += [_finding(text, p, CONTEXT) for p in people]
    assert [text[f.start:f.end] for f in pairs_apart(found, {"/t": text})] == left
