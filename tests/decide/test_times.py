"""A time of day told with a date goes with the date (``decide.times``). Sentences of our own."""

from __future__ import annotations

import pytest

from deid.core.model import Finding
from deid.decide.times import with_times
from deid.detect.evidence import PATTERN


def _date(text: str, value: str) -> Finding:
    start = text.index(value)
    return Finding("f", "DATE_TIME", start, start + len(value), 0.8, "WrittenDateRecognizer", PATTERN)


@pytest.mark.parametrize("text, date, widened", [
    ("Bring it on the 18th of April at 10:30, room 204.", "the 18th of April", "the 18th of April at 10:30"),
    ("Writing this at 2am on 9 February from the chair.", "9 February", "2am on 9 February"),
    ("My appointment is March 3, 9:15 a.m. with the nurse.", "March 3", "March 3, 9:15 a.m."),
    ("He was admitted 11/3 at 0400 and discharged.", "11/3", "11/3 at 0400"),
    ("Seen 4/12 around 7 PM by the night team.", "4/12", "4/12 around 7 PM"),
    ("message left 22/09/2023 16:48, no name given", "22/09/2023", "22/09/2023 16:48"),
    # no time of day after it: a dose, a count, a number of another kind
    ("On March 3 at 2000 mg a day I could not sleep.", "March 3", "March 3"),
    ("March 3, 14 of us met at the hall.", "March 3", "March 3"),
    ("Since May 9 at the latest I have been off it.", "May 9", "May 9"),
    ("The group meets at 7:30 on Tuesdays.", "Tuesdays", "Tuesdays"),             # a week day: no date
    ("It was 2019, 8pm, when I called.", "2019", "2019"),                           # a year names no day
])
def test_a_time_told_with_a_date_goes_with_it(text, date, widened):
    [f] = with_times([_date(text, date)], {"f": text})
    assert text[f.start:f.end] == widened


def test_only_the_date_takes_its_time_and_a_name_beside_it_stays_as_found():
    text = "Seen by Lee on March 3 at 9am; I take it at 8am daily."
    start = text.index("Lee")
    name = Finding("f", "PERSON", start, start + 3, 0.85, "SpacyRecognizer", PATTERN)
    out = with_times([name, _date(text, "March 3")], {"f": text})
    assert out[0] == name
    assert text[out[1].start:out[1].end] == "March 3 at 9am"


@pytest.mark.parametrize("text, date, guess, kept", [
    ("Our son was born Nov. 21st in the storm.", "Nov. 21st", "Nov", False),     # the month's word: the date's
    ("Saw Dr Okafor Wed. the 4th, then nothing.", "Wed. the 4th", "Wed", False),
    ("Nov Harlan came by on Oct. 2nd", "Oct. 2nd", "Nov Harlan", True),          # outside the date: a name stands
])
def test_a_calendar_word_inside_a_date_is_no_name(text, date, guess, kept):
    from deid.detect.standing import dates_not_names
    from deid.detect.evidence import LEXICON

    start = text.index(guess)
    name = Finding("f", "PERSON", start, start + len(guess), 0.55, "NameLexiconRecognizer", LEXICON)
    out = dates_not_names([_date(text, date), name], {"f": text})
    assert (name in out) is kept


@pytest.mark.parametrize("text, date, guess, entity, kept", [
    ("Home visit Thurs 4/17 at noon, lives alone.", "Thurs 4/17", "Thurs 4/17", "ORGANIZATION", False),  # the whole date
    ("Called Sat 9/6 twice.", "Sat 9/6", "Sat", "LOCATION", False),
    ("Brookdale Tues 4/8 intake", "Tues 4/8", "Brookdale Tues", "ORGANIZATION", True),    # a word no calendar holds
])
def test_a_models_guess_made_of_a_dates_words_is_the_date(text, date, guess, entity, kept):
    from deid.detect.standing import dates_not_names
    from deid.detect.evidence import MODEL

    start = text.index(guess)
    guessed = Finding("f", entity, start, start + len(guess), 0.85, "SpacyRecognizer", MODEL)
    out = dates_not_names([_date(text, date), guessed], {"f": text})
    assert (guessed in out) is kept
