"""Dates Safe Harbor removes that have no year: a month and a day in digits, and a holiday
with its year; and the fractions, doses and scores that look like them."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.dates import month_day


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in sorted(month_day().analyze(text, ["DATE_TIME"]), key=lambda r: r.start)]


@pytest.mark.parametrize("text, expected", [
    ("my last use was on 9/27 and I have been clean since 10/2", ["9/27", "10/2"]),
    ("the taper starts 4/15? no, starting 4/16", ["4/15", "4/16"]),
    ("methadone dose raised 8/30 am, pt drowsy; 8/31 @ 0630 held", ["8/30", "8/31"]),
    ("Thurs 1/9 I finally called the hotline", ["1/9"]),
    ("3/14: first appointment\n- 3/21 - urine screen clean", ["3/14", "3/21"]),
    ("she overdosed New Year's Eve 2021, he passed Easter of 2018", ["New Year's Eve 2021", "Easter of 2018"]),
    ("the last time I saw my brother was Fourth of July, 2015", ["Fourth of July, 2015"]),
    ("sober since Día de Muertos 2019, relapsed Mardi Gras 2022", ["Día de Muertos 2019", "Mardi Gras 2022"]),
    ("we lost him Memorial Day weekend 2021; I was clean by Thanksgiving week of 2022",
     ["Memorial Day weekend 2021", "Thanksgiving week of 2022"]),
    # a holiday told as one day: "last Thanksgiving", "this Christmas Eve" (the model reads some as a name)
    ("Last Thanksgiving Orrin drove me to detox; next Passover I'll be a year clean",
     ["Last Thanksgiving", "next Passover"]),
    # after a verb of an event, "by" or "to" a day
    ("discharged 2/27 and readmitted 3/5, off the drip by 3/9", ["2/27", "3/5", "3/9"]),
    # a range of days
    ("symptom log 8/2 - 8/9: chills, then 8/10 thru 8/12 nothing", ["8/2", "8/9", "8/10", "8/12"]),
    # written with a leading zero, the way forms and notes write a date
    ("Journal entry, 07/19. seen 10/06 by the nurse", ["07/19", "10/06"]),
    # a label's date: before a colon, in parentheses
    ("Intake note (11/4) says kratom; Weekly check 11/11: clean", ["11/4", "11/11"]),
    # after the noun of an event
    ("family meeting 9/18 with the son; appt 3/4 for the echo", ["9/18", "3/4"]),
    # a table cell of its own
    ("| 4/7 | 30 mg |\n| 4/14 | 25 mg |", ["4/7", "4/14"]),
    # before the noun of an event, after "the"
    ("the nurse at the 6/17 appointment said my liver looked fine", ["6/17"]),
    # a date beside a strength stays a date when a date's word leads it
    ("I was on 8/2 Suboxone since 3/4 and relapsed 5/12", ["3/4", "5/12"]),
    ("Started bupe on 11/3 and was fine by 11/9.", ["11/3", "11/9"]),
    # an anniversary's day
    ("my sister's birthday, 8/23, is the hardest day; our anniversary 2/11 too", ["8/23", "2/11"]),
    # a header's date between a name and what follows
    ("Notes from Dr. Quarles-Imbert, 5/28, Eastbrook Spine Center", ["5/28"]),
    ("Lakemont Urgent Care, 9/16 (copied for my sponsor)", ["9/16"]),
    # a few words after a verb of an event, in the same clause
    ("readmitted to Harlow Ridge detox 11/8, out again 11/12", ["11/8", "11/12"]),
    # anywhere else too, when no fraction, score, dose or amount reading explains it
    ("records request went out 11/2. Nothing back", ["11/2"]),
    ("recheck in the lab 9/20 - portal message after", ["9/20"]),
    ("she rang me 3/17 crying and I drove over", ["3/17"]),
    # after an event that is a medical word too, or a lab's name: no medicine's strength
    ("one overdose 2/14 reversed by her brother with naloxone", ["2/14"]),
    ("hold the warfarin, recheck INR 2/27 and call", ["2/27"]),
    # a month and its year in digits, as notes write a past event
    ("s/p CABG 03/2019 and a stent 11/2022; 2/1998 appendectomy", ["03/2019", "11/2022", "2/1998"]),
    # the day of the month alone, after a word that dates it
    ("my appointment is on the 17th and the refill runs until the 30th.", ["the 17th", "the 30th"]),
    ("clean since the 3rd, and due back by the 21st at noon", ["the 3rd", "the 21st"]),
    # a day before a month written with its zero, as notes outside the US write it
    ("14/02 \u2014 levodopa 100/25 at 7, 11, 3. 15/02 \u2014 physio came", ["14/02", "15/02"]),
    # a month and a day joined by a dash, after a word that dates it, the clause ending there
    ("my last relapse was on 9-22, right after the funeral", ["9-22"]),
    ("clean since 12-3 and I mean to keep it that way", ["12-3"]),
    ("they inducted me on 4-18 (a Friday) at the county clinic", ["4-18"]),
])
def test_a_month_and_day_or_a_holiday_with_its_year(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "norco 10/325 three times a day, and 7.5/325 at night",   # strengths
    "a 1/1000 dilution; 12/1500 cells; 6/2500 units",           # no month and year: a ratio, a count
    "pain was 8/10 this morning and 6/10 by noon",             # a pain score
    "I took 1/2 a tab, then 3/4 of one, then on 1/4 tab",     # fractions
    "support line open 24/7; I was on it 365 days",
    "thanksgiving is hard, easter too, every christmas I relapse",   # a holiday alone
    "cut by 1/3 every two weeks",
    "reduced by 1/4 each week, from 1/2 to 1/3 of a strip",  # fractions after "by", "to"
    "| Portion | 1/2 |\n| Rest | 3/4 |",                    # a fraction in a cell
    "BP 118/76, pulse ox 97, pain 5/10 most days",
    "I split them (1/2) and took 2/3: the rest went back",   # a fraction in parentheses or before a colon
    "Pain, 7/10, worse at night; Mood, 3/5, flat",           # scores between commas
    "the 1/2 dose made me sick; the 3/4 strip was enough",   # a fraction before a noun of a dose
    "admitted for chest pain 7/10, started on 2/8 strips",   # a score, a count of a dose after an event
    "16/8 fasting and a 20/20 eye test; rated it 4/5",      # a fasting window, vision, a rating
    "we moved to the 3rd floor on the 2nd try, after the 4th dose",   # an ordinal of a thing
    # a medicine's strength beside its name, and the strengths after it in the sentence
    "I was on 8/2 Suboxone strips, then 4/1.",
    "my doc cut me from zubsolv 8/2 to 4/1 over the summer",
    "the clinic switched me to generic buprenorphine-naloxone 12/3 and it felt weaker",
    # a range of a count or a dose with a dash
    "I was on 2-3 bags a day by then",
    "on 4-6 hours of sleep and 10-12 cups of coffee",
    "since 2-3 weeks ago the cramps are worse",
    "pain scores on 3-4 most days, 7-8 at night",
])
def test_fractions_doses_scores_and_bare_holidays_stay(text):
    assert _found(text) == []


from deid.detect.recognizers.dates import age_in_words, age_over_89  # noqa: E402


def _ages(text: str) -> list[str]:
    return sorted({text[r.start:r.end] for rec in (age_over_89(), age_in_words()) for r in rec.analyze(text, ["AGE"])})


@pytest.mark.parametrize("text, expected", [
    ("my great-aunt is 97 and still sharper than me", ["97"]),              # any kin word as the subject
    ("our old sponsor was 92 when he finally quit smoking", ["92"]),        # a recovery role
    ("she'll be 91 next month and still refuses the walker", ["91"]),
    ("my godfather would have been 100 this year", ["100"]),
    ("my granny lived to 103", ["103"]),
    ("the neighbour's 94 now and drives herself to dialysis", ["94"]),
    ("my stepmom is ninety-three and takes warfarin", ["ninety-three"]),
    ("Wilhelmina Osei is 99 and still walks to mass", ["99"]),              # a name as the subject
    ("my wife, Teodora Lund, is ninety-two. She forgets her pills", ["ninety-two"]),
    ("hes 95 now and on hospice", ["95"]),                                  # forum spelling
    ("the home takes residents as old as 105", ["105"]),
    ("she has treated women as old as 96 with the patch", ["96"]),        # "as old as", whatever follows
    ("clients as old as ninety-four on methadone", ["ninety-four"]),
    ("we threw Nonna her 97th birthday party at the home", ["97th"]),       # a birthday's ordinal
    ("granddad turns 92 on the fourth of July", ["92"]),                    # an age to come
    ("my aunt will be 96 in the spring, if the hospice is right", ["96"]),
    ("he'll be 93 kilos after the steroids", []),                           # no: a weight
    ("the 95th percentile for pain scores", []),                            # no birthday
    ("Grandpa (Pops to the whole ward) is 97 and still flirts with the nurses", ["97"]),  # a note in brackets between
    # an age reached, whatever follows it ("hit", "reached", "pushing", "lived to")
    ("my godmother hit 102 over the holidays", ["102"]),
    ("great-grandma is pushing ninety-eight and still gardens", ["ninety-eight"]),
    ("our neighbour lived to 101 on black coffee", ["101"]),
    # an adverb between the person and the verb
    ("my grandpa just hit ninety-four and he still sneaks cigarettes", ["ninety-four"]),
    ("she finally reached 100 last week", ["100"]),
    ("the van just hit 95 on the interstate", []),                       # a speed: no person before the verb
    # the age someone died at
    ("my grandfather passed away at 96 after the fall", ["96"]),
    ("Oma died at ninety-three in her sleep", ["ninety-three"]),
    # an age in brackets or between commas after a name, with a time between
    ("Aunt Perpetua (94) still takes her own insulin", ["94"]),
    ("Cornelius, 99, outlived his cardiologist", ["99"]),
    ("Hospice notes, Papa (Otto Brandt, 98)\n- morphine at night", ["98"]),     # the name and the age in brackets
    ("Dayton (Ohio, 95 miles) was the nearest clinic", []),                          # a unit after it
    ("my great-uncle, ninety-one this winter, wants to quit the statins", ["ninety-one"]),
    # a described age ("a spry 93") and a birthday told by its ordinal alone
    ("He was a stubborn 93 when they fitted the pacemaker", ["93"]),
    ("we had Granny Od's 100th at the care home", ["100th"]),
    # the decade of life at ninety and over
    ("my mother is in her late nineties and on hospice", ["late nineties"]),
    ("both my grandparents are in their 90s now", ["90s"]),
    # an age coming ("going on", "nearly"), in brackets with a time, a birthday's ordinal in words
    ("My aunt is going on 92 and takes warfarin.", ["92"]),
    ("my nan (99 this year) swears by turmeric", ["99"]),
    ("we celebrated her ninety-fifth birthday in the hospice", ["ninety-fifth"]),
    # an interjection after the age; an age opening its clause and going on "and still"; the answer to "how old"
    ("my nonna is 93 lol and she still bakes every sunday", ["93"]),
    ("Ninety-one and still mowing his own lawn.", ["Ninety-one"]),
    ("Q: And how old are you, if I may ask? A: Ninety-eight, and proud of it.", ["Ninety-eight"]),
    ("how old is your dad? he's 96 and on oxycodone for his hip", ["96"]),
    # an ordinal of one's own before a time, a greeting's ordinal, the nouns that say over 89
    ("We threw grandad his 95th last weekend at the pub.", ["95th"]),
    ("Happy 101st, Gran! The whole ward sang.", ["101st"]),
    ("She calls herself a centenarian now; the nonagenarians get their meds at 8.", ["centenarian", "nonagenarians"]),
    # a person word and the name after it, then the verb; the person told of their age ("you")
    ("My step-grandpa Amos is nearly ninety-seven and splits his own wood.", ["ninety-seven"]),
    ("grandma Lettie turned 101 in the home", ["turned 101"]),
    ("Pop, you turn ninety-four in June and I'll drive up.", ["ninety-four"]),
    ("you're 92 and you still mow the lawn, Dad", ["92"]),
    # kin words in the languages mixed into English posts
    ("la tía is 95 and won't touch the walker", ["95"]),
    ("mi abuelito Chuy is ninety-two and still cooks for all of us", ["ninety-two"]),
    # a contracted verb before "going on"; a note in brackets after the age
    ("my grandmother is going on 97 and sharp as a tack", ["97"]),
    ("asking for my great-aunt who is 93 (she insists on typing herself)", ["93"]),
    ("my dad is 92 (93 in June) and fine", ["92"]),
])
def test_an_age_over_89_said_of_a_person(text, expected):
    assert _ages(text) == expected


@pytest.mark.parametrize("text", [
    "my pain was 96 out of 100 that night",
    "my cousin is 93 miles from the nearest clinic",
    "you turn 95 degrees left at the light",
    "you are 90 percent of the way there",
    "my tio was 95 kilos before the cancer",
    "the nurse was 95 percent sure it was withdrawal",
    "my brother is 34 and on suboxone",
    "my aunt was 98 pounds when she came home",
    "Interstate 94 was closed for the storm",
    "Room 101 is where group meets",
    "the stove was as old as 95 degrees could make it",
    "my uncle hit 95 on the highway",                                   # a speed, but said of no age
    "the team's 100th game sold out",                                   # an ordinal of a thing
    "she was a solid 92 on the exam",
    "the fridge was in the 90s all summer",                             # a temperature
    "he died at 95 mph on the interstate",
    "allow lists, 107,000 drug names; people in positions (108) this year",   # no capital: no name before it
    # a measure after a word in lower case: no name is its subject, whatever Presidio's case rule
    "The score was 95 and still climbing.",
    "my pulse ox was 96 today and the temp was 99 this morning",
    "Happy 100th anniversary to the clinic!",                           # an ordinal of a thing, greeted
])
def test_numbers_that_are_no_age_stay(text):
    assert _ages(text) == []


from deid.detect.recognizers.dates import timestamp  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    # a date with its week day and its time is one stamp: no half of a time is left behind
    ("[Voicemail, received Tue 11/08 4:52 PM] Hi, it's me", ["Tue 11/08 4:52 PM"]),
    ("Date: Mon, 6 Feb 2023 08:14\nHi there", ["Mon, 6 Feb 2023 08:14"]),
    ("Submitted from home on 2023-04-09 22:41 by the form", ["2023-04-09 22:41"]),
    ("your injection is moved to October 3rd at 10:15, please come early", ["October 3rd at 10:15"]),
    ("Flight leaves Friday 6/14 at 6:05 AM. Thanks", ["Friday 6/14 at 6:05 AM"]),
    ("text from my aunt, Sat 10/21 7:02am: call me", ["Sat 10/21 7:02am"]),
    ("Voicemail to my sponsor, Thurs 8/17, 10:52 PM: it's me", ["Thurs 8/17, 10:52 PM"]),
    ("today's visit (Wed 9/6) went fine", ["Wed 9/6"]),
    ("Sent: Tuesday, March 5, 2024 9:12 AM", ["Tuesday, March 5, 2024 9:12 AM"]),
    ("can you come in Thursday 10/5 at 2? yes", ["Thursday 10/5"]),         # after a week day no score reads
    ("pick-up moved to Monday 3/9, after lunch", ["Monday 3/9"]),
    ("Fri 2/21 11:07p Deshawn: home safe", ["Fri 2/21 11:07p"]),        # a chat's stamp, "p" for pm
    # a time or a week day without a date, a date alone: left to the other recognizers
    ("I take it at 10:15 every Friday", []),
    ("since 3/4 I have been clean", []),
    ("pain 7/10 at 9:00 and 5/10 at noon", []),
])
def test_a_timestamp_is_one_span(text, expected):
    assert [text[r.start:r.end] for r in timestamp().analyze(text, ["DATE_TIME"])] == expected


from deid.detect.recognizers.dates import dated_ordinal  # noqa: E402


@pytest.mark.parametrize("text, value, dated", [
    ("before my appointment on the 17th. The patch works", "the 17th", True),
    ("before my appointment on the 17th. The patch works", "17th", True),
    ("with their dad until the 30th, and I'm using the time", "30th", True),
    ("we moved to the 3rd floor on the 2nd try", "3rd", False),
    ("we moved to the 3rd floor on the 2nd try", "2nd", False),
])
def test_a_day_of_the_month_alone(text, value, dated):
    start = text.index(value)
    assert dated_ordinal(text, start, start + len(value)) is dated
