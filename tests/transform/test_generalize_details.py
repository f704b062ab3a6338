"""Generalising the details that describe a person (``generalize``): an age to its decade
in words that agree with the sentence, an occupation to its SOC major group, family
structure without its numbers, a named institution to its kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deid.core.wordlists import TEENS, TENS, UNITS
from deid.transform.generalize import age_band, generalize
from deid.transform.kinds import an, family, institution, occupation


@pytest.mark.parametrize(
    "value, before, expected",
    [
        ("a 34-year-old", "I'm ", "a thirty-something"),
        ("34-year-old", "I'm a ", "thirty-something"),
        ("An 18-year-old", "", "A teenage"),
        ("an 80-year-old", "", "an eighty-something"),
        ("a 34 year old", "I'm ", "a thirty-something"),
        ("34 years old", "I am ", "in my thirties"),
        ("52", "she is ", "in her thirties".replace("thirties", "fifties")),
        ("aged 61", "a man ", "in his sixties"),
        ("aged 61", "the applicant, ", "in their sixties"),
        ("41", "Age: ", "40-49"),
        ("34", "I (", "30-39"),
        ("in my thirties", "", "in my thirties"),      # a band already
        ("93 years old", "she is ", "90+ years old"),  # Safe Harbor's one category
        ("9 years old", "I was ", "a child"),
        # in words (issue 28)
        ("a fifty-three-year-old", "", "a fifty-something"),
        ("seventeen years old", "I was ", "in my teens"),
        ("eighty-one", "my aunt turned ", "in her eighties"),
        ("a sixty-something", "", "a sixty-something"),   # a band already
        ("in his late nineties", "Grandpa is ", "aged 90+"),  # over 89: one category
        ("ninety-four years old", "he is ", "90+ years old"),
        # strict, second round: a decade over 89 said as "-something", an age said as close to a number
        ("a ninety-something", "my aunt, ", "aged 90+"),
        ("pushing eighty", "my stepdad is ", "in his seventies"),
        ("almost ninety", "she's ", "in her eighties"),
        ("into her nineties", "Nonna is well ", "aged 90+"),
    ],
)
def test_age_band(value, before, expected):
    assert generalize("AGE", value, "[AGE]", "band", before) == expected


def test_age_without_band_keeps_ages_under_90():
    assert generalize("AGE", "34 years old", "[AGE]") == "34 years old"
    assert generalize("AGE", "93 years old", "[AGE]") == "90+ years old"
    assert generalize("AGE", "a ninety-something", "[AGE]") == "a 90+"      # not "a 90+-something"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a paramedic", "a healthcare worker"),
        ("a retired teacher", "a retired educator"),
        ("an accountant", "a business professional"),
        ("a registered nurse", "a healthcare worker"),
        ("A REGISTERED NURSE", "a healthcare worker"),
        ("nurses", "healthcare workers"),
        ("a line cook", "a food service worker"),
        ("an engineer", "an engineer"),
        ("a wizard", "[OCCUPATION]"),
        # titles of the SOC 2018's own list, and offices (issue 28)
        ("an embalmer", "a personal care worker"),
        ("a former alderwoman", "a former manager"),
        ("The former county commissioner", "The former manager"),
        ("an elderly ex-locksmith", "an ex-repair worker"),
        ("postmistress", "manager"),
        ("a millwright", "a repair worker"),
        # a title after a rank or a place's word is judged whole: its last title says the group
        ("a former deputy coroner", "a former business professional"),
        ("the county surveyor", "the engineer"),
        ("the only farrier", "the personal care worker"),
        ("a blacksmith", "a production worker"),
        ("a hurdlemaker", "[OCCUPATION]"),
    ],
)
def test_occupation(value, expected):
    assert occupation(value, "[OCCUPATION]") == expected


@pytest.mark.parametrize(
    "value, expected",
    [("my three kids", "my kids"), ("2 kids", "kids"), ("mother of two", "mother"), ("single mom", "single mom"),
     ("widowed", "widowed")],
)
def test_family(value, expected):
    assert family(value) == expected


@pytest.mark.parametrize(
    "value, before, expected",
    [
        ("Cook County Jail", "at ", "a county jail"),
        ("Lakeside Recovery Center", "at the ", "recovery center"),
        ("Bridgeway Methadone Clinic", "went to ", "a clinic"),
        ("University of Michigan", "at ", "a university"),
        ("Walmart", "at ", "[ORGANIZATION]"),
    ],
)
def test_institution(value, before, expected):
    assert institution(value, "[ORGANIZATION]", before) == expected


def test_a_new_phrase_starts_a_sentence_with_a_capital():
    assert generalize("ORGANIZATION", "Kyiv University", "[ORGANIZATION]", "", "since 2001. ") == "A university"
    assert generalize("OCCUPATION", "A nurse", "[OCCUPATION]", "", "") == "A healthcare worker"


@pytest.mark.parametrize("word, article", [("engineer", "an"), ("university", "a"), ("hour", "an"), ("teenage", "a"),
                                           ("eighty-something", "an"), ("uncle", "an")])
def test_article(word, article):
    assert an(word) == article


@pytest.mark.parametrize(
    "value, month, season",
    [
        ("March 3, 2021", "March 2021", "spring 2021"),
        ("3/14/2019", "March 2019", "spring 2019"),
        ("14/3/2019", "March 2019", "spring 2019"),      # day first: the first number is no month
        ("2021-12-03", "December 2021", "winter 2021"),
        ("20210703", "July 2021", "summer 2021"),
        ("the 14th of October", "October", "fall"),
        ("two weeks", "two weeks", "two weeks"),           # a duration stays, as with the year
        ("in 1958", "1958", "1958"),                       # no month: its year
        ("9/10", "9/10", "9/10"),                          # a pain score
        ("Christmas Eve", "[DATE]", "[DATE]"),
        ("21 de setembro de 2022", "September 2022", "fall 2022"),   # a month's name in another language
    ],
)
def test_dates_to_their_month_or_season(value, month, season):
    assert generalize("DATE_TIME", value, "[DATE]", "month", "since ") == month
    assert generalize("DATE_TIME", value, "[DATE]", "season", "since ") == season
    assert generalize("DATE_TIME", value, "[DATE]", "year") == generalize("DATE_TIME", value, "[DATE]")


def test_a_season_that_starts_a_record_has_its_capital():
    assert generalize("DATE_TIME", "March 3, 2021", "[DATE]", "season", "") == "Spring 2021"


@pytest.mark.parametrize(
    "value, after, expected",
    [
        ("Millersburg, OH", "", "a small town in Ohio"),
        ("Millersburg, Ohio", "", "a small town in Ohio"),
        ("Dayton, Ohio", "", "a city in Ohio"),
        ("Millersburg", ", Ohio, in", "a small town"),   # the state stays where it is written
        ("Aaronsburg", "", "a small town"),              # one place of that name: its size is known
        ("Springfield", "", "[LOCATION]"),               # small and large ones: no size without a state
        ("Gotham", "", "[LOCATION]"),                    # not in the gazetteer
        ("Millersburg, Atlantis", "", "[LOCATION]"),     # no state
    ],
)
def test_a_us_place_by_size(value, after, expected):
    assert generalize("LOCATION", value, "[LOCATION]", "", "in ", after) == expected


def _spelled(n: int) -> str:
    tens, unit = divmod(n, 10)
    if n < 20:
        return TEENS[n - 10]
    return TENS[tens - 2] + (f"-{UNITS[unit - 1]}" if unit else "")


@given(st.integers(min_value=13, max_value=89), st.sampled_from(["a {}-year-old", "{} years old", "aged {}"]),
       st.sampled_from(["", "I'm ", "my aunt is ", "he was "]))
def test_an_age_in_words_has_the_band_of_the_same_age_in_digits(n, shape, before):
    assert age_band(shape.format(_spelled(n)), before) == age_band(shape.format(n), before)
