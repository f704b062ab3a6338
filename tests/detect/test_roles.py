"""A name after a person noun: kinship, a job title, a social, care or recovery role."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.roles import RoleNameRecognizer, is_person_noun


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RoleNameRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, expected", [
    ("my coworker Journey covered my shift when I was dope sick", ["Journey"]),      # a social role
    ("our CNA Blessing checked on me every hour", ["Blessing"]),                     # a care role, as written
    ("my former bunkmate Tavish still writes", ["Tavish"]),                          # "-mate", a modifier
    ("the barista Ozias slipped me a coffee", ["Ozias"]),                            # a job title
    ("my probation officer, Constance Merriweather, signed it", ["Constance Merriweather"]),
    ("my landlady Honor never asked questions", ["Honor"]),
    ("my old workout buddy Kingston relapsed", ["Kingston"]),
])
def test_a_capitalised_word_after_a_person_noun_is_a_name(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "my doctor said Faith is not a treatment plan",     # a verb between
    "my sponsor Tuesday night was right",               # a day
    "the nurse I trusted most",                         # a pronoun
    "my pharmacy Walgreens closed",                     # no person noun
    "the pain Monday was worse",
    "my counselor Dr. Okafor",                          # a title: the title recognizer's
])
def test_no_name_without_a_person_noun_and_a_name(text):
    assert _found(text) == []


@pytest.mark.parametrize("phrase, expected", [
    ("running buddy", True), ("cellmate", True), ("night nurse", True), ("pharmacist", True),
    ("physical therapist", True), ("pharmacy", False), ("pain", False), ("mate", False),
])
def test_person_nouns(phrase, expected):
    assert is_person_noun(phrase) is expected


def test_a_capitalised_word_is_no_part_of_a_role():
    # "cook" is a job title, but written with a capital it begins a name, not a role
    assert _found("name -> the tag     Cook County Jail -> a county jail") == []
    assert _found("My PT Sunny") == ["Sunny"]                      # a role in capitals still is one
