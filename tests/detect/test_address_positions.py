"""Names where a writer addresses or signs: the signature under a valediction, a
first name that is a word too after a greeting, a doctor in lower case; and the
deities and endearments addressed that are no one's name. Sentences of our own."""

from __future__ import annotations

import re

import pytest

from deid.detect.evidence import LEXICON, MODEL, keep_reason
from deid.detect.recognizers.names import greeting_name, sign_off_name
from deid.detect.recognizers.names_by_shape import title_lower_name


def _found(recognizer, text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"]))


@pytest.mark.parametrize("text, expected", [
    ("You got me through it.\nWarmly,\nOttoline", ["Ottoline"]),
    ("I am six months clean now. Hugs, T. W.", ["T. W."]),
    ("Blessings,\nP.Q.", ["P.Q."]),
    ("Love, Marisol Quintero-Vale", ["Marisol Quintero-Vale"]),
    ("I would love, Tuesday or not, to come back.", []),       # no signature ends the line
    ("Best, worst, I felt it all.", []),
    ("Thanks for the ride to court. xoxo Primrose\nlove you guys", ["Primrose"]),   # kisses sign without a comma
    ("xoxo Gossip Girl reruns got me through detox", []),                          # no signature ends the line
    # one initial signs too, and "stay safe" takes leave as "take care" does
    ("three overdoses around the underpass. Stay safe, N.", ["N."]),
    ("Take care,\nR.", ["R."]),
    ("Take care, I.", []),                                   # the word, not an initial
])
def test_the_signature_under_a_valediction(text, expected):
    assert _found(sign_off_name(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("thank you, Rusty at the intake desk, for the coffee", ["Rusty"]),   # a first name that is a word too
    ("Hi Clementine, long time", ["Clementine"]),
    ("Thanks, Hope you slept better.", []),                               # a pronoun after: the word
    ("Thanks Doc for the refill", []),                                    # a form of address
    ("Thank you Sweetheart for the card", []),
    ("Thanks Narcan for my life", []),                                    # a medicine
])
def test_a_name_greeted(text, expected):
    assert _found(greeting_name(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("ask dr ferreira-nkemelu about the taper", ["ferreira-nkemelu"]),
    ("my dr vasilakopoulos said no", ["vasilakopoulos"]),
    ("my neuro dr. o'donnell-achebe upped the gabapentin", ["o'donnell-achebe"]),   # a particle with an apostrophe
    ("my dr said the taper was too fast", []),
    ("the dr visit went fine", []),
    ("dr office called back", []),
])
def test_a_doctor_in_lower_case(text, expected):
    assert _found(title_lower_name(), text) == expected


@pytest.mark.parametrize("text, value, kept", [
    ("Thank you, Lord, for one more day clean.", "Lord", True),
    ("Hi Honey, I miss you so much.", "Honey", True),
    ("Morning Sunshine, did you sleep?", "Morning Sunshine", True),
    ("Angel drove me to the clinic and waited.", "Angel", False),        # a subject, not addressed
])
def test_a_deity_or_an_endearment_addressed_is_no_name(text, value, kept):
    start = text.index(value)
    for strength in (MODEL, LEXICON):
        assert (keep_reason("PERSON", text, start, start + len(value), strength) is not None) is kept
