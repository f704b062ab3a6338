"""Each of deid's own recognizers, table-driven (no spaCy model needed)."""

from __future__ import annotations

import pytest

from deid.recognizers import (
    OfflineEmailRecognizer,
    age_over_89,
    form_field_name,
    medical_record_number,
    relation_name,
    social_handle,
    street_address,
    zip_code,
)


def found(recognizer, text, min_score=0.3):
    return [text[r.start:r.end] for r in recognizer.analyze(text, recognizer.supported_entities) if r.score >= min_score]


CASES = [
    (form_field_name, "Participant: Reginald Thornbury, born 1958", ["Reginald Thornbury"]),
    (form_field_name, "Interviewer: Okafor. Notes follow.", ["Okafor"]),
    (form_field_name, "Name: Terri M.\nAge: 40", ["Terri M."]),
    (form_field_name, "Respondent:   Ana de la Cruz", ["Ana de la Cruz"]),
    (form_field_name, "Contact: Pieter van der Berg.", ["Pieter van der Berg"]),
    (form_field_name, "Diagnosis: Fibromyalgia", []),
    (form_field_name, "name: lowercase person", []),
    (relation_name, "my sponsor Chase Miller picked up", ["Chase Miller"]),
    (relation_name, "His wife, Marguerite Thornbury, keeps Narcan", ["Marguerite Thornbury"]),
    (relation_name, "my daughter Rosalind calling every Sunday", ["Rosalind"]),
    (relation_name, "our late grandson Rowan", ["Rowan"]),
    (relation_name, "My counselor Dana Whitfield at Bridgeway", ["Dana Whitfield"]),
    (relation_name, "my doctor said no", []),
    (street_address, "lives at 1187 Sycamore Lane, Flagstaff.", ["1187 Sycamore Lane, Flagstaff"]),
    (street_address, "mail to PO Box 443 please", ["PO Box 443"]),
    (street_address, "42 N. Elm Street Apt 3 was home", ["42 N. Elm Street Apt 3"]),
    (street_address, "took 30 mg twice a day", []),
    (social_handle, "follow @quietriver77 for updates", ["@quietriver77"]),
    (social_handle, "instagram.com/painwarrior_kim is me", ["instagram.com/painwarrior_kim"]),
    (social_handle, "mail kim@example.com", []),
    (zip_code, "Dayton, OH 45402", ["45402"]),
    (zip_code, "zip 97214-1234", ["97214-1234"]),
    (age_over_89, "I am 92 years old", ["92"]),
    (age_over_89, "she died aged 97", ["aged 97"]),
    (age_over_89, "a 95-year-old veteran", ["95"]),
    (age_over_89, "I am 45 years old", []),
    (medical_record_number, "my MRN: 4482917 is on file", ["4482917"]),
    (medical_record_number, "medical record number A12-33491", ["A12-33491"]),
    (medical_record_number, "an MRN is a number", []),
]


@pytest.mark.parametrize("factory, text, expected", CASES, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_recognizer(factory, text, expected):
    assert found(factory(), text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("mail me at ann.lee@example.org", ["ann.lee@example.org"]), ("not an email: a@b", [])],
)
def test_offline_email(text, expected):
    assert found(OfflineEmailRecognizer(), text) == expected
