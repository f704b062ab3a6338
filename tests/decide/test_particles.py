"""A surname with its particle after a first name is one person, with one stand-in."""

from __future__ import annotations

import pytest

from deid.core.model import Finding
from deid.decide.particles import whole_names
from deid.detect.evidence import CONTEXT, MODEL


def _finding(text: str, value: str, entity: str = "PERSON", strength: str = MODEL) -> Finding:
    start = text.index(value)
    return Finding("/t", entity, start, start + len(value), 0.85, "spacy", strength)


@pytest.mark.parametrize("text, name, whole", [
    ("My aunt Leontine d'Aubremont raised me.", "Leontine", "Leontine d'Aubremont"),
    ("Sander van den Broek drove.", "Sander", "Sander van den Broek"),
    ("thanks to Yusra al-Hakimi for the ride", "Yusra", "Yusra al-Hakimi"),
    ("Fionnuala O'Rourke-Hale sat with me", "Fionnuala", "Fionnuala O'Rourke-Hale"),
    ("Benedita dos Anjos called", "Benedita", "Benedita dos Anjos"),
    ("Marisol and de la cruz day", "Marisol", "Marisol"),                 # no capitalised surname after
    ("Teodor de Groot", "Teodor de Groot", "Teodor de Groot"),           # whole already
])
def test_a_particle_and_its_surname_join_the_name(text, name, whole):
    out = whole_names([_finding(text, name)], {"/t": text})
    assert [text[f.start:f.end] for f in out] == [whole]


def test_a_guessed_organisation_that_is_a_first_name_and_a_surname_with_its_particle_is_a_person():
    text = "I met Graciela de la Vega at the pharmacy."
    out = whole_names([_finding(text, "Graciela de la Vega", "ORGANIZATION")], {"/t": text})
    assert [(f.entity, text[f.start:f.end]) for f in out] == [("PERSON", "Graciela de la Vega")]


def test_a_guess_inside_the_widened_name_goes_and_a_known_one_stays():
    text = "My counselor Ottilie d'Ambrosio helped."
    person = _finding(text, "Ottilie", "PERSON", CONTEXT)
    org = _finding(text, "Ambrosio", "ORGANIZATION")
    out = whole_names([person, org], {"/t": text})
    assert [(f.entity, text[f.start:f.end]) for f in out] == [("PERSON", "Ottilie d'Ambrosio")]


def test_an_organisation_not_opened_by_a_first_name_stays_one():
    text = "We went to Banco de la Plaza for the loan."
    out = whole_names([_finding(text, "Banco de la Plaza", "ORGANIZATION")], {"/t": text})
    assert [f.entity for f in out] == ["ORGANIZATION"]


def test_a_place_guess_stays_over_a_weaker_person_guess_of_the_same_words():
    # the name lexicon's guess (a capital and a name list) does not unmake the model's place
    text = "My mom still lives in rural Montclair, far from any clinic."
    place = _finding(text, "Montclair", "LOCATION")
    person = Finding("/t", "PERSON", place.start, place.end, 0.42, "NameLexiconRecognizer", "lexicon")
    out = whole_names([place, person], {"/t": text})
    assert sorted(f.entity for f in out) == ["LOCATION", "PERSON"]  # both stand; the merge types it by its rank
