"""The degrees and licences written after a person's name (``detect.credentials``): they
are no town, organisation or name. Table-driven, invented sentences; each row: the text,
the span a detector might give, and whether it reads as credentials there."""

from __future__ import annotations

import pytest

from deid.detect.credentials import credentials_after_name, post_nominal

CASES = [
    ("— Liesl Barrowcombe, PharmD, Kettering Lane Pharmacy", "PharmD", True),
    ("Per Tobias Rendle, LCSW, the group meets weekly.", "LCSW", True),
    ("quoted from Ofelia Strand, RN, BSN, the charge nurse", "RN, BSN", True),
    ("quoted from Ofelia Strand, RN, BSN, the charge nurse", "BSN", True),
    ("Corwin Alsop PA-C saw me first", "PA-C", True),
    ("Dr. Yusuf Hallberg, Ph.D., said the same", "Ph.D.", True),
    ("Imogen Tarrant, MD, read my scan", "MD", True),            # a state's letters too, after a name
    ("Hedda Voss, CNM, delivered both my kids", "CNM", True),
    # a state's two letters after a town stay the state
    ("we moved to Baltimore, MD, last spring", "MD", False),
    ("the shelter in Springfield, PA took him", "PA", False),
    ("my cousin in Wyckoff Flats, PA sends hers", "PA", False),
    ("the pharmacy in Silver Spring, MD", "MD", False),
    ("Glen Burnie, MD is where I grew up", "MD", False),
    # no name before, or a word in lower case, or not a post-nominal at all
    ("I called CNM about the bill", "CNM", False),
    ("Wren Castellanos, Fresno", "Fresno", False),
    ("Wren Castellanos, rn, said so", "rn", False),
    ("Jonah Pike, NYC", "NYC", False),
    ("My BT addr is on the box", "BT", False),                   # a word before, no name
]


@pytest.mark.parametrize("text, value, expected", CASES)
def test_credentials_after_name(text, value, expected):
    start = text.index(value)
    assert credentials_after_name(text, start, start + len(value)) is expected


@pytest.mark.parametrize("word, expected", [
    ("PharmD", True), ("LCSW", True), ("Ph.D.", True), ("OTR/L", True), ("PsyD", True),
    ("Do", False), ("ed", False), ("Fresno", False), ("TX", False), ("", False), ("III", False),
])
def test_post_nominal(word, expected):
    assert post_nominal(word) is expected


@pytest.mark.parametrize("letters, expected", [
    ("LCSW", True), ("Ph.D.", True), ("Jr", True), ("III", True), ("CNM", True),
    ("Ed", False), ("Asa", False), ("Ma", False), ("Zed", False),
])
def test_is_credential(letters, expected):
    from deid.detect.credentials import is_credential
    assert is_credential(letters) is expected
