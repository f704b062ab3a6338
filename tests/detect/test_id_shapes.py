"""Identifiers by shape and position, with or without a label (``recognizers.id_shapes``,
``id_readings``), a postcode after its town (``geo.TownThenPostcodeRecognizer``) and the last
four of a social said with words between (``identifiers.ssn_last_four``). Invented values
throughout: positives, and decoys that another reading explains."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deid.detect.recognizers import IdPositionRecognizer, IdShapeRecognizer, TownThenPostcodeRecognizer, ssn_last_four
from deid.detect.recognizers.id_readings import digit_groups_explained

from tests.detect.test_detector import removed


def found(make, text):
    rec = make()
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities) if r.score >= 0.3]


@pytest.mark.parametrize("text, expected", [
    # letters and digits, three digits or more, six characters or more
    ("the cop ran it and got 5LMW604 back", ["5LMW604"]),
    ("my Tacoma (BRX-3317) sat in the lot", ["BRX-3317"]),
    ("wristband said KHM-00715562 in red", ["KHM-00715562"]),
    ("the locker slip read zq7781 lol", ["zq7781"]),
    ("case FS-2022-01933 got closed", ["FS-2022-01933"]),
    ("the shelter bed is tied to W00491882", ["W00491882"]),
    # digit groups joined by dashes that no date, range or phone explains
    ("quote 58-2210-447 on every call", ["58-2210-447"]),
    ("they wrote 3391-50817 on the folder", ["3391-50817"]),
    # capitals before a number with a space: a clinic's prefix, a plate
    ("the label says MRH 0040917 at the top", ["MRH 0040917"]),
    ("plates were JTD 5521, blue sedan", ["JTD 5521"]),
    ("the letter said FCS 21-447-09 on it", ["FCS 21-447-09"]),
    ("the card reads QLD 804 117 352 under my name", ["QLD 804 117 352"]),   # groups of three, spaced
    ("BP 132 88 and HR 71 at triage", []),                                   # readings, not a number's groups
    # seven digits or more alone, no label: in a story, a number that numbers someone
    ("the desk nurse typed in 30418857 and my chart came up", ["30418857"]),
    ("mail goes to 7702914, unit C, they open everything", ["7702914"]),
    ("she quoted 9930021145 off the letter and hung up", ["9930021145"]),
    # letters set between dashes in a number: a court's or an agency's code, not a unit
    ("the clerk stamped 2019-CR-00871 on my custody papers", ["2019-CR-00871"]),
    ("my probation file is 2022-DR-4410 downtown", ["2022-DR-4410"]),
    # ... unless it is round (a sum, a count) or has a unit or a currency
    ("grandpa left us 2400000 pesos and a truck", []),
    ("they say 1200000 people use kratom, 3500000 tried it", []),
    ("dob 19641203 on the form, or 03141971 as the clinic writes it", []),  # dates run together
    ("took 3x500mg ibuprofen and 100000IU once", []),
    ("B12, Vitamin D3, CO2 and 7-OH are not ids", []),
    ("7-hydroxymitragynine is in the kratom", []),
    ("CYP2C19 poor metabolizer, rs4244285 on the report", []),
    ("MTHFR A1298C heterozygous they said", []),
    ("morphine is C17H19NO3 on the sheet", []),
    # a drug's code name where it is taken, sold or dosed
    ("a guy sold my friend SR-17018 online", []),
    ("tried BX-55120 for two weeks", []),
    ("AH-7921 10 mg is what it said", []),
    # dates, ranges, years, phones, sums, versions, models, standards, hashes
    ("on 2023-07-14 and 07-14-2023 again", []),
    ("2016-2019 were bad, 1998-99 worse", []),
    ("1200-1500 calories, 0900-1700 shifts", []),
    ("call 555-0147 or 414-555-0183", []),
    ("ZIP 60614-2207 on the envelope", []),
    ("it cost $125000 and my 401k", []),
    ("version 22631 broke it, build 4471902", []),
    ("model SM-G991U in the drawer", []),
    ("RFC 3339 and ISO8601 and CVE-2021-44228", []),
    ("commit 9f3b2c1 fixed it", []),
    ("signed with HMAC-SHA256, read as Windows-1252", []),
    ("a number in the 555-01xx range, shown as 40xx-7712", []),
    ("watched it in 1080p on my iPhone 14", []),
    ("lot EK5730 of the vaccine", []),
    # lab values, readings, counts, room numbers, shouting
    ("LDL 1400? no, WBC 11000 and CD4 612", []),
    ("room 214, bed 3, then room 1120", []),
    ("I WALKED 1000 MILES AND TOOK 2500 MG", []),
    ("TX 75001 is the ZIP", []),
    ("class of 2019, day100, sober365", []),
    # a number joined to words by hyphens is a modifier: an age, a length, a count
    ("a 103-year-old veteran in the next bed, a 1000-calorie day, the 1200-mile-long drive", []),
])
def test_identifiers_by_shape(text, expected):
    assert found(IdShapeRecognizer, text) == expected


@pytest.mark.parametrize("text, expected", [
    # after "number", "#", "no.", "id", "code", a few words on
    ("my housing number, 4471920, never changes", ["4471920"]),
    ("client number at the drop-in center: 6620917", ["6620917"]),
    ("Patient # 0092213 on the bracelet", ["0092213"]),
    ("the ID they gave me is 28 117 4490", ["28 117 4490"]),
    ("enrolment code was 5518830 for the trial", ["5518830"]),
    ("the applicant no. \"7719204\" and mine is later", ["7719204"]),
    # after the noun of what it numbers
    ("prescription 7730219 is ready", ["7730219"]),
    ("Rx# 5502781 for the film", ["5502781"]),
    ("they ran my tag (4481930) twice", ["4481930"]),
    ("ticket 77120456 from the night I nodded off", ["77120456"]),
    # on the next line of a chat, after the question for it
    ("[09:40] Agent: what's the member id?\n[09:41] Nia: 55210834", ["55210834"]),
    ("Member ID on the card:\n20449817\nthanks", ["20449817"]),
    # decoys: counts, phone numbers, survey numbers, articles, measures
    ("the number of people was 1000000", []),
    ("my phone number is 5550147234", []),
    ("respondent no. 55-1092 answered", []),
    ("the number 1000000 scared me", []),
    ("number is 250000 steps a month", []),
    ("room number 4471 on the second floor", []),
    # four or five digits: right after the noun of what it numbers and its cue, or a noun whose number is one alone
    ("Ticket #88412 with the insurer went nowhere", ["88412"]),
    ("the nurse who dosed me wore badge number 0417", ["0417"]),
    ("Badge 6310 is the officer who found me", ["6310"]),
    ("they moved the script to store #0288, forty minutes away", ["0288"]),
    ("my member card fee was 1200 a year", []),                        # words between: a sum
    ("the ticket in 2019 and the badge 2021 reissue", []),             # years
    ("order 4471 pizzas", []),                                        # no cue: a count
    # a plate in two groups, letters and digits; a number read out one digit at a time
    ("the clerk read my plate back as 8KDR 551 and printed the pass", ["8KDR 551"]),
    ("my old tag was JKW 228 before the repo", ["JKW 228"]),
    ("member number: 6 0 2 2 9 1 4 7, if the plan is listening", ["6 0 2 2 9 1 4 7"]),
    ("the plate is NY and the car is blue", []),                    # no number after it
    ("claim 3 1 2 was what she said, then hung up", []),            # three digits alone: too few
    ("tag 10 mg on the box", []),                                   # a dose after the noun
])
def test_identifiers_by_position(text, expected):
    assert found(IdPositionRecognizer, text) == expected


def test_table_column_that_names_an_identifier():
    table = ("| Tag # | Resident | Date |\n|---|---|---|\n| 9971204 | Bram | 11/03 |\n"
             "| 9971388 | Ines | 11/04 |\n")
    assert found(IdPositionRecognizer, table) == ["9971204", "9971388"]
    counts = "| Dose | Qty | Date |\n|---|---|---|\n| 5000 | 1200 | 2024 |\n"
    assert found(IdPositionRecognizer, counts) == []


@pytest.mark.parametrize("text, expected", [
    ("we moved to Leuven 3000 in the spring", []),       # "in the spring" is no end of an address
    ("we moved to Leuven 3000 and the clinic took me", ["3000"]),
    ("my aunt's flat, Aarhus 8000. Quiet there.", []),     # a town the gazetteer does not know
    ("back home in Porto 4050-211", ["4050-211"]),
    ("postcard from Bologna 40121, clean 90 days", ["40121"]),
    ("Lisbon, 1100-148 on the envelope", ["1100-148"]),   # Portugal's shape: wherever the sentence goes
    ("Paris 2024 was the year", []),
    ("Denver 5280 feet up", []),
    ("in Lyon, 20000 people marched", []),
])
def test_postcode_after_its_town(text, expected):
    assert found(TownThenPostcodeRecognizer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("she wanted the last four of my social so I told her 3 9 0 2", ["3 9 0 2"]),
    ("the last four of his social? uh, four oh one seven.", ["four oh one seven"]),
    ("they had my social on file, just the last 4, which I read off: 7720", ["7720"]),
    ("my social worker came the last four times in 2020", []),
    ("the last four of my social security check went on rent, 1100", []),
    ("the last four of my social, then I took 1500 mg", []),
])
def test_last_four_of_a_social_said(text, expected):
    assert found(ssn_last_four, text) == expected


@pytest.mark.parametrize("text, gone, kept", [
    ("They booked my truck under 6XRW551 and I got a ticket.", ["6XRW551"], ["my truck", "ticket"]),
    ("My chart at the county clinic says BHC 0071823, with buprenorphine 8 mg.", ["0071823"],
     ["buprenorphine 8 mg"]),
    ("my script number, 3309182, was lost again and I missed my Zoloft", ["3309182"], ["script number", "Zoloft"]),
])
def test_identifiers_go_and_medicine_stays(processor, text, gone, kept):
    out = removed(processor, text)
    for value in gone:
        assert value not in out, f"{value!r} survived"
    for words in kept:
        assert words in out, f"{words!r} was damaged: {out!r}"


@given(st.integers(1, 12), st.integers(1, 28), st.integers(1950, 2039), st.sampled_from(["ymd", "mdy", "dmy"]))
def test_a_date_of_digit_groups_is_no_identifier(month, day, year, order):
    parts = {"ymd": (f"{year}", f"{month:02d}", f"{day:02d}"), "mdy": (f"{month:02d}", f"{day:02d}", f"{year}"),
             "dmy": (f"{day:02d}", f"{month:02d}", f"{year}")}[order]
    assert digit_groups_explained(list(parts))
    assert found(IdShapeRecognizer, f"it was {'-'.join(parts)} that night") == []


@given(st.integers(1, 9999), st.sampled_from(["mg", "mcg", "IU", "ml", "units", "steps", "people", "calories"]))
def test_a_number_with_its_unit_is_no_identifier(amount, unit):
    joined = f"{amount}{unit}" if unit in ("mg", "mcg", "IU", "ml") else f"{amount} {unit}"
    assert found(IdShapeRecognizer, f"took {joined} then {amount} {unit}") == []
    assert found(IdPositionRecognizer, f"number was {amount * 1000} {unit}") == []


@pytest.mark.parametrize("unit", ["1-", "12-", "AB1234 ", "number 1234567 "])
def test_time_grows_with_the_text_not_its_square(unit):
    """A text of one shape repeated (``1-1-1-...``) takes time in proportion to its length:
    doubling it must not take four times as long (a lookaround tried at every dash did)."""
    import time

    def took(n: int) -> float:
        text = unit * n
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            IdShapeRecognizer().analyze(text, ["ID_NUMBER"])
            IdPositionRecognizer().analyze(text, ["ID_NUMBER"])
            best = min(best, time.perf_counter() - start)
        return best

    n = 40000 // len(unit)
    assert took(2 * n) < 3 * took(n) + 0.05
