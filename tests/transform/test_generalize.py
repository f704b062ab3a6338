from __future__ import annotations

import pytest

from deid.transform.generalize import age, date, generalize, zip_code


@pytest.mark.parametrize(
    "value, expected",
    [
        ("March 3, 2021", "2021"),
        ("19580722", "1958"), ("20210303", "2021"),   # compact dates (a date-of-birth column)
        ("19581322", "[DATE]"),                       # eight digits, no date: still no value to publish

        ("2025-03-14 09:12:45", "2025"),
        ("03/14/2019", "2019"),
        ("in 1958", "1958"),
        ("March 3rd", "[DATE]"),
        ("3/14", "[DATE]"),
        ("Christmas Eve", "[DATE]"),
        ("two weeks", "two weeks"),
        ("last year", "last year"),
        ("Monday", "Monday"),
        ("six months", "six months"),
        ("9/10", "9/10"),          # a pain score, not a date
        ("24/7", "24/7"),
        ("9/10 every day", "9/10 every day"),
        ("9/10/2021", "2021"),
        # durations, counts of a period and blood pressures are not dates
        ("2-3 days", "2-3 days"),
        ("12 1/2 weeks", "12 1/2 weeks"),
        ("the last 3.5 months", "the last 3.5 months"),
        ("the 3rd week", "the 3rd week"),
        ("5th month", "5th month"),
        ("the 1st 2 weeks", "the 1st 2 weeks"),
        ("the 1st few days", "the 1st few days"),
        ("120/80", "120/80"),
        ("6/12", "[DATE]"),
        ("March 3rd for 2 weeks", "[DATE]"),
        ("93 years old", "90+ years old"),
        ("45 years old", "45 years old"),
        # a date in a language mixed into English, by its month's name (the CLDR's)
        ("4 de febrero de 2023", "2023"), ("21 de setembro", "[DATE]"), ("12. März", "[DATE]"), ("ika-9 ng Hulyo", "[DATE]"),
    ],
)
def test_date(value, expected):
    assert date(value, "[DATE]") == expected


@pytest.mark.parametrize(
    "value, expected",
    [("89", "89"), ("90", "90+"), ("93", "90+"), ("aged 101", "aged 90+"), ("34", "34"), ("107-year-old", "90+-year-old"),
     # a decade of life at ninety and over: the decade goes, not only its number
     ("late nineties", "90+"), ("in her mid-90s", "in her 90+"), ("their 90's", "their 90+"), ("80s", "80s"),
     # a note's age before the patient's sex, as one word
     ("93F", "90+F"), ("101M", "90+M"), ("88F", "88F"), ("93Fx", "93Fx"),
     # the nouns that say over 89
     ("centenarian", "person aged 90+"), ("nonagenarians", "people aged 90+")],
)
def test_age(value, expected):
    assert age(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("45402", "454"), ("97214-1234", "972"), ("03601", "000"), ("59301", "593"), ("89301", "000"), ("1234", "[ZIP]"), ("n/a", "[ZIP]")],
)
def test_zip(value, expected):
    assert zip_code(value, "[ZIP]") == expected


def test_other_types_become_their_tag():
    assert generalize("PERSON", "Ann", "[PERSON]") == "[PERSON]"


@pytest.mark.parametrize("value, expected", [
    ("1929", "1936 or earlier"),
    ("1936", "1936 or earlier"),             # 90 in the year of the run: Safe Harbor's one category
    ("1937", "1937"),                        # 89 at most: the year stays, as for any date
    ("19290117", "1936 or earlier"),         # a compact date of birth
    ("1928-03-14", "1936 or earlier"),
    ("March 3rd, 1934", "1936 or earlier"),
    ("3/4/1958", "1958"),
    ("March 3rd", "[DATE]"),                 # no year: nothing of it is published
    ("1936 or earlier", "1936 or earlier"),  # what it wrote stays as it is
    ("'29", "1936 or earlier"),              # two digits: 2029 is still to come, so 1929
    ("'45", "'45"),
    ("'05", "'05"),
])
def test_a_year_of_birth_that_tells_an_age_over_89_is_one_category(monkeypatch, value, expected):
    import deid.transform.generalize as g

    monkeypatch.setattr(g, "reference_year", lambda: 2026)
    assert generalize("BIRTH_DATE", value, "[DATE]") == expected
