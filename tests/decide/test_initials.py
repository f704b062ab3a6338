"""A surname written before its initials is one name."""

from __future__ import annotations

import pytest

from deid.core.model import Finding
from deid.decide.initials import with_initials
from deid.detect.evidence import MODEL


@pytest.mark.parametrize("text, name, whole", [
    ("Intake by: Vasquez-Irby, KV. Plan: taper", "Vasquez-Irby", "Vasquez-Irby, KV"),
    ("co-signed Lindqvist, A.R. at 0900", "Lindqvist", "Lindqvist, A.R."),
    ("Ferreira, J. L. M. saw the patient", "Ferreira", "Ferreira, J. L. M."),
    ("Signed, Thibodeaux, RN", "Thibodeaux", "Thibodeaux"),          # a credential
    ("Halloran, MD, PhD reviewed it", "Halloran", "Halloran"),
    ("called Pruitt, OK? then left", "Pruitt", "Pruitt"),             # "OK?" is no initials: not followed cleanly
    ("Zuniga, THE night nurse", "Zuniga", "Zuniga"),                  # a capitalised word, not initials
    # one initial and its full stop where a list's item or a label ends
    ("Signed: Brandreth, L., RN on the back of the form", "Brandreth", "Brandreth, L."),
    ("Team: Brennagh, W. (charge nurse); Ferris, Q. (fellow)", "Brennagh", "Brennagh, W."),
    ("the bottle says 'Prescriber: HOLLOWAY, D.'", "HOLLOWAY", "HOLLOWAY, D."),
    ("the note was from Marsh, P.", "Marsh", "Marsh, P."),
    ("Thank you Ilse, I. will never forget it", "Ilse", "Ilse"),        # "I." is the writer
    ("after Ravel, B. Hooper took the shift", "Ravel", "Ravel"),       # a capital goes on: a name, not a lone initial
])
def test_initials_after_a_surname_join_it(text, name, whole):
    start = text.index(name)
    f = Finding("/t", "PERSON", start, start + len(name), 0.85, "spacy", MODEL)
    out = with_initials([f], {"/t": text})[0]
    assert text[out.start:out.end] == whole


def test_letters_after_a_full_name_are_a_credential():
    text = "Delivered by Ysolde Maranzano, CNM, at home"
    start = text.index("Ysolde")
    f = Finding("/t", "PERSON", start, start + len("Ysolde Maranzano"), 0.85, "spacy", MODEL)
    out = with_initials([f], {"/t": text})[0]
    assert text[out.start:out.end] == "Ysolde Maranzano"


@pytest.mark.parametrize("text, word, entity, whole", [
    ("reviewed by Szczepanski, WR on the ward", "Szczepanski", "PERSON", "Szczepanski, WR"),   # a guessed place
    ("we lived in Chillicothe, OH for years", "Chillicothe", "LOCATION", "Chillicothe"),
    ("moved to Nanaimo, BC after that", "Nanaimo", "LOCATION", "Nanaimo"),
])
def test_a_guessed_place_before_initials_is_a_surname(text, word, entity, whole):
    start = text.index(word)
    f = Finding("/t", "LOCATION", start, start + len(word), 0.85, "spacy", MODEL)
    out = with_initials([f], {"/t": text})[0]
    assert (out.entity, text[out.start:out.end]) == (entity, whole)
