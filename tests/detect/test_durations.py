"""A date the model guessed that is a length of time, a frequency or a part of a number
(``detect.durations``): Safe Harbor removes the dates of a person, not how long, how
often or "the last four of" something, so the strict rules keep them. Table-driven,
invented sentences; each row: the text, the span the model would give, the reading
(None: a date, which the rules judge as a date)."""

from __future__ import annotations

import pytest

from deid.detect.durations import not_a_date

CASES = [
    # durations: a number or a number word and a unit of time, with or without for/over/in
    ("Quillon has taken suboxone for 9 years now.", "9 years", "duration"),
    ("Quillon has taken suboxone for 9 years now.", "for 9 years", "duration"),
    ("Odalys is 112 days sober.", "112 days", "duration"),
    ("the taper ran over twelve weeks", "over twelve weeks", "duration"),
    ("the taper ran over twelve weeks", "twelve weeks", "duration"),
    ("a 30-day detox at the county unit", "30-day", "duration"),
    ("it was a four-night stay", "four-night", "duration"),
    ("in the past 18 months I slipped twice", "the past 18 months", "duration"),
    ("within the first two weeks the sweats stopped", "the first two weeks", "duration"),
    ("I drank heavily for decades", "decades", "duration"),
    ("I stayed on it for a decade", "a decade", "duration"),
    ("about a year and a half on methadone", "about a year and a half", "duration"),
    ("half a year later I could work", "half a year later", "duration"),
    ("I kept it up for a couple of months", "a couple of months", "duration"),
    ("for 2-3 weeks I barely slept", "2-3 weeks", "duration"),
    ("I waited 36 hours for a bed", "36 hours", "duration"),
    ("I've been clean the last year", "the last year", "duration"),
    ("these past few months were rough", "these past few months", "duration"),
    ("last 3 months I slept badly", "last 3 months", "duration"),
    ("last week I slipped", "last week", None),
    ("I'd been using like 6 years by then", "like 6 years", "duration"),
    ("she waited maybe a month for the bed", "maybe a month", "duration"),
    ("a half-day program at the clinic", "half-day", "duration"),
    ("it was day 12 of detox when Ferris called", "day 12", "duration"),
    ("by week 3 of the taper I could eat", "week 3", "duration"),
    ("I walked a mile a day", "a day", "duration"),
    ("by the third day the shakes stopped", "third day", "duration"),
    ("the 2nd week was the worst", "2nd week", "duration"),
    ("the first few days I slept", "first few days", "duration"),
    ("on Day 4 Imelda brought soup", "Day 4", "duration"),
    ("week two of the taper", "week two", "duration"),
    ("I was dizzy all day", "all day", "duration"),
    ("most days I manage", "most days", "duration"),
    ("some rough days on the ward", "some rough days", "duration"),
    ("it took ten or so years", "ten or so years", "duration"),
    ("over the past 2 1/2 years", "the past 2 1/2 years", "duration"),
    ("this past year was calmer", "this past year", "duration"),
    ("I was groggy the whole day", "day", "duration"),
    ("fluoxetine 20 mg 2x day", "2x day", "frequency"),
    ("I dropped to under 95lbs", "under 95lbs", "measurement"),
    # frequencies and dose schedules
    ("one capsule every 8 hours", "every 8 hours", "frequency"),
    ("lamotrigine 100 mg x2 daily", "daily", "frequency"),
    ("lamotrigine 100 mg x2 daily", "x2 daily", "frequency"),
    ("I take it 3x/day with meals", "3x/day", "frequency"),
    ("shots are biweekly now", "biweekly", "frequency"),
    ("bloods monthly, scans yearly", "monthly", "frequency"),
    ("I go three times a week", "three times a week", "frequency"),
    ("twice a day for the first month", "twice a day", "frequency"),
    ("one puff every other day", "every other day", "frequency"),
    ("I dose each morning", "each morning", "frequency"),
    ("nightly, before bed", "nightly", "frequency"),
    ("10 mg per day at most", "per day", "frequency"),
    ("gabapentin 600 2x a day", "600 2x", "frequency"),
    ("my group meets every Thursday", "every Thursday", "frequency"),
    ("I relapse every summer", "every summer", "frequency"),
    # the present: no date of its own
    ("Odalys is 112 days sober today.", "today", "present"),
    # a part of a number, not a time
    ("they asked the last 4 of my social", "the last 4", "part_of_number"),
    ("I gave her the last four of my card number", "the last four", "part_of_number"),
    # real dates stay dates
    ("we married in May 2016", "May 2016", None),
    ("I relapsed on 11/3", "11/3", None),
    ("Last Easter I was in detox", "Last Easter", None),
    ("two years ago Renske found me", "two years ago", None),
    ("last year I moved to the coast", "last year", None),
    ("next week is my court date", "next week", None),
    ("I was admitted on Thursday", "Thursday", None),
    ("since January I have been clean", "January", "month"),
    ("the winter of 2011 was the worst", "the winter of 2011", None),
    ("back in the 1990s I drank", "the 1990s", None),
    ("yesterday I slept ten hours", "yesterday", None),
    ("I was born on the 14th", "the 14th", None),
    ("the last 4 years were hard", "the last 4 years", "duration"),
    ("the day I left the ward", "the day", None),
    ("that same day Brisco was arrested", "that same day", None),
    # nothing that says when: no year, month, week day, day's number, figures, holiday or time
    # said from another; a strict profile that replaces dates must not write "[DATE] I just stopped"
    ("one day I just stopped", "one day", "no_date"),
    ("I was seventeen when I started", "seventeen", "no_date"),   # an age (the age recognizers' to judge)
    ("group every other Tuesday since spring", "Tuesday", "frequency"),
    ("we meet on Sundays at the church", "Sundays", "frequency"),
    ("it happened on a Tuesday in May", "Tuesday", None),
    ("his age is 49, he said", "49", None),                         # figures alone: as before
    ("gran turned 97 on sunday", "97 on sunday", None),              # what may be an age over 89: as before
    ("ninety-one in june", "ninety-one", None),
    ("less than eighteen years of age at the time", "eighteen years of age", None),  # an age, generalised as one
    ("got the diagnosis at 47 after 9 years of flares", "47 after 9 years", "no_date"),
    ("oxycodone 5/325 3x/day since the fall", "5/325 3x/day", "no_date"),
    ("22 headache days a month now", "22 headache days", "no_date"),
    ("I relapsed on 11/3", "11/3", None),
    ("the morning after the overdose", "the morning", None),
    # a holiday named alone comes every year: no date of the writer's ("every Christmas", "at
    # Thanksgiving", "on Christmas Eve"); one holiday of one year stays a date
    ("every Christmas I relapse", "every Christmas", "holiday"),
    ("I only miss drinking at Thanksgiving", "Thanksgiving", "holiday"),
    ("the pharmacy shuts early on Christmas Eve", "Christmas Eve", "holiday"),
    ("we never did much for the Fourth of July", "the Fourth of July", "holiday"),
    ("my sister hosts Easter Sunday", "Easter Sunday", "holiday"),
    ("Halloween was my first sober holiday", "Halloween", "holiday"),
    ("I relapsed at Christmas 2019", "Christmas 2019", None),
    ("that Thanksgiving I was in the ER", "that Thanksgiving", None),
    ("on Christmas Day 2020 my dad died", "Christmas Day 2020", None),
    ("that bad week in March", "that bad week", None),
    ("yesterday Lorcan drove me", "yesterday", None),                  # a day a post's date tells
    ("I HOPE THIS MAY HELP SOMEONE ON A TAPER", "MAY", "common_words"),  # the verb, after its subject
    ("you may feel sick on day three", "may", "common_words"),
    # a month said alone, no day and no year: every year has it, as a holiday said alone ("in May",
    # "by June", "every August", "last april"); with its day or its year it is a date
    ("they cut my dose in May", "May", "month"),
    ("May was the worst month", "May", None),       # no time's word before it: may be a person's name
    ("after June left I relapsed", "June", None),   # a person's verb after it
    ("we slept in April's room", "April", None),    # a possessive
    ("the hip replacement in March has healed well", "March", "month"),  # an auxiliary: the noun's before it
    ("the hills go purple every August", "every August", "month"),
    ("feeling sunny for the first time since april", "april", "month"),
    ("we moved at the end of Sept.", "the end of Sept", "month"),
    ("they cut my dose in May 2019", "May 2019", None),
    ("they cut my dose on May 3", "May 3", None),
    ("my birthday is the 3rd of June", "the 3rd of June", None),
]


@pytest.mark.parametrize("text, value, reading", CASES, ids=[f"{i}-{c[1]}" for i, c in enumerate(CASES)])
def test_a_model_date_read_by_its_shape(text, value, reading):
    start = text.index(value)
    assert not_a_date(text, start, start + len(value)) == reading
