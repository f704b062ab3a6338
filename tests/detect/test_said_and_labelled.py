"""Identifiers as people give them on a form or over the phone: labelled coordinates and
three-word addresses, a box before its route, a Dutch postcode, a register number a few
words after its label, the last four of a social on a form, a member id in mixed case, a
phone number read out with fillers, a name spelt aloud, and a transcript's speaker in capitals
after a title."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import geo, identifiers, names, numbers, spoken


def _found(rec, text, entities):
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, entities), key=lambda r: r.start)]


@pytest.mark.parametrize("rec, entities, text, expected", [
    (geo.gps_coordinates, ["LOCATION"], "found him at latitude 38.6417, longitude -90.2851 by the levee",
     ["38.6417", "-90.2851"]),
    (geo.gps_coordinates, ["LOCATION"], "the drop is at 41 52 55 N 87 37 40 W behind the mill",
     ["41 52 55 N 87 37 40 W"]),
    (geo.three_word_address, ["LOCATION"], "my what3words is lantern.gravel.otter if the van gets lost",
     ["lantern.gravel.otter"]),
    (geo.rural_address, ["LOCATION"], "mail it to Box 77, RR 3 please", ["Box 77, RR 3"]),
    (geo.world_postcode, ["POSTCODE"], "we lived at 3511 LX Utrecht for a year", ["3511 LX"]),
    (identifiers.inmate_number, ["INMATE_NUMBER"], "my BOP register number, which I still dream about, was 20473-041",
     ["20473-041"]),
    (identifiers.ssn_last_four, ["US_SSN"], "SSN (last 4): 9182", ["9182"]),
    (identifiers.ssn_last_four, ["US_SSN"], "Last four of social (for the gift card) - 4470", ["4470"]),
    (identifiers.ssn_last_four, ["US_SSN"], "the last four of my social are nine one four four, that's 9144, for the form",
     ["nine one four four", "9144"]),
    (identifiers.ssn_last_four, ["US_SSN"], "the clinic wanted the final four digits of my SS# (6093) first", ["6093"]),
    (identifiers.ssn_last_four, ["US_SSN"], "my social, last four r 8815, and my birthday", ["8815"]),
    (numbers.member_id, ["US_HEALTH_INSURANCE_MEMBER_ID"], "the insurance id is Kp3391zr07", ["Kp3391zr07"]),
])
def test_labelled_and_shaped(rec, entities, text, expected):
    assert _found(rec(), text, entities) == expected


@pytest.mark.parametrize("rec, entities, text", [
    (geo.gps_coordinates, ["LOCATION"], "my lat pulldown went from 40.5 to 55.25 lbs"),        # no longitude
    (geo.three_word_address, ["LOCATION"], "I read the docs at example.org.uk today"),
    (geo.world_postcode, ["POSTCODE"], "I took 1000 MG Tylenol"),
    (identifiers.ssn_last_four, ["US_SSN"], "I have been clean for the last four years: 2019 to now"),
    (numbers.member_id, ["US_HEALTH_INSURANCE_MEMBER_ID"], "my plan is Medicaid and the group meets Tuesdays"),
])
def test_look_alikes_stay(rec, entities, text):
    assert _found(rec(), text, entities) == []


@pytest.mark.parametrize("text, expected", [
    ("call me back at, um, three one two, uh, five five oh, then eighty-one forty",
     ["three one two, uh, five five oh, then eighty-one forty"]),
    ("area code nine oh four, then two two two, then one three one three", ["nine oh four, then two two two, then one three one three"]),
])
def test_a_phone_number_read_out_with_fillers(text, expected):
    assert _found(spoken.SpokenPhoneRecognizer(), text, ["PHONE_NUMBER"]) == expected


def test_counts_said_with_then_are_no_phone_number():
    assert _found(spoken.SpokenPhoneRecognizer(), "two pills, then three, then four, then five", ["PHONE_NUMBER"]) == []


@pytest.mark.parametrize("text, expected", [
    ("the last name is spelled V-O-S-K-R-E-N, like it sounds", ["V-O-S-K-R-E-N"]),          # no known name
    ("it's Quennell, Q, U, E, double N, E, L, L", ["Q, U, E, double N, E, L, L"]),
    ("Halvard here, H as in hotel, A, L, V as in victor, A, R, D", ["H as in hotel, A, L, V as in victor, A, R, D"]),
])
def test_a_name_spelt_out(text, expected):
    assert _found(spoken.SpeltNameRecognizer(), text, ["PERSON"]) == expected


@pytest.mark.parametrize("text", [
    "I am S-T-R-O-N-G now",              # a word spelt for weight
    "answers A, B, C, D were all wrong",  # options in order
    "my dx is P-T-S-D",                    # an abbreviation
])
def test_spelt_words_and_options_stay(text):
    assert _found(spoken.SpeltNameRecognizer(), text, ["PERSON"]) == []


def test_a_list_of_letters_is_no_name():
    text = "the format uses letters without S, L, O, I, B, Z in those places"
    assert _found(spoken.SpeltNameRecognizer(), text, ["PERSON"]) == []


@pytest.mark.parametrize("text, expected", [
    ("DR. ABIODUN: Any fever since Friday?\nMR. KOWALCZYK: A bit.", ["ABIODUN", "KOWALCZYK"]),
    ("NURSE TEODORA VANCE: I'll take your pressure.", ["TEODORA VANCE"]),
    ("HPI: cough for a week\nPLAN: chest X-ray", []),                     # a note's headings
    ("DR. ABIODUN said the dose was fine: 40 mg", []),                   # no label
])
def test_a_speaker_in_capitals_after_a_title(text, expected):
    assert _found(names.titled_speaker_label(), text, ["PERSON"]) == expected
