"""An age over 89 said of a person, wherever the person stands before it."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.ages import AgeOfPersonRecognizer


def _ages(text: str) -> list[str]:
    return [text[r.start:r.end] for r in AgeOfPersonRecognizer().analyze(text, ["AGE"])]


@pytest.mark.parametrize("text, expected", [
    # any person noun, through a verb of being or ageing and its adverbs
    ("Both of my grandparents are over 90 and still in their own house.", ["90"]),
    ("He is a Korean War vet, 93, and still drives to the VA.", ["93"]),
    ("Grandad's ninety-nine and swears by a whisky a day.", ["ninety-nine"]),
    ("Pop-pop made it to 100, so we had cake at the home.", ["100"]),
    ("Grandpa got to 100 before the cancer did.", ["100"]),
    ("our oldest volunteer is a hundred and two and still bakes", ["a hundred and two"]),
    ("the two ladies were 96 and 91", ["96", "91"]),
    # a known first name with its capital
    ("Our neighbour Elsie turns one hundred on Sunday.", ["one hundred"]),
    # a person and a number with nothing between, after another age
    ("Dad is 94 and Mom 91, both on blood thinners.", ["94", "91"]),
    # by the label
    ("Age: ninety-one. Lives alone with two cats.", ["ninety-one"]),
    ("My grandparents, ages 91 and 94, moved in with us.", ["91", "94"]),
])
def test_an_age_said_of_a_person(text, expected):
    assert _ages(text) == expected


@pytest.mark.parametrize("text", [
    "my dad was 95 kg when he left the hospital",           # units, counts, sums
    "my son is over 100 miles away now",
    "my sponsor has 90 days and I have 45",
    "the nurse took 95 minutes to come",
    "my kid got 95 on the test and 100 on the next",        # a score
    "my mom is 100 percent behind me",
    "my husband says it was 95 out and he fainted",         # the weather
    "the patient's pulse was 96 and the ox was 92",          # vitals: no person before them
    "We were 90 people at the vigil.",
    "My doctor prescribed 120 tablets of oxycodone.",
    "he was doing 95 on the freeway",                         # a speed: "doing" leads to no one
    "My dealer wanted 100 for a bundle, so I said no.",
    "Grandpa has 100 acres and a bad hip.",
    "She's 5'2 and 95 lbs.",
    "My daughter was 99th in her class.",
    "The therapist charges 120 an hour.",
    "she 95",                                                 # a pronoun right before says nothing
])
def test_no_age(text):
    assert _ages(text) == []
