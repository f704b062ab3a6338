"""Dates Safe Harbor removes that have no year: a month and a day in digits, and a holiday
with its year; and the fractions, doses and scores that look like them."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.dates import month_day


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in sorted(month_day().analyze(text, ["DATE_TIME"]), key=lambda r: r.start)]


@pytest.mark.parametrize("text, expected", [
    ("my last use was on 9/27 and I have been clean since 10/2", ["9/27", "10/2"]),
    ("the taper starts 4/15? no, starting 4/16", ["4/16"]),
    ("methadone dose raised 8/30 am, pt drowsy; 8/31 @ 0630 held", ["8/30", "8/31"]),
    ("Thurs 1/9 I finally called the hotline", ["1/9"]),
    ("3/14: first appointment\n- 3/21 - urine screen clean", ["3/14", "3/21"]),
    ("she overdosed New Year's Eve 2021, he passed Easter of 2018", ["New Year's Eve 2021", "Easter of 2018"]),
    ("the last time I saw my brother was Fourth of July, 2015", ["Fourth of July, 2015"]),
])
def test_a_month_and_day_or_a_holiday_with_its_year(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "norco 10/325 three times a day, and 7.5/325 at night",   # strengths
    "pain was 8/10 this morning and 6/10 by noon",             # a pain score
    "I took 1/2 a tab, then 3/4 of one, then on 1/4 tab",     # fractions
    "support line open 24/7; I was on it 365 days",
    "thanksgiving is hard, easter too, every christmas I relapse",   # a holiday alone
    "cut by 1/3 every two weeks",
])
def test_fractions_doses_scores_and_bare_holidays_stay(text):
    assert _found(text) == []
