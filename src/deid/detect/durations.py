"""A date the model guessed that is no date of a person, by its shape: a length of time
("for 9 years", "112 days", "a 30-day detox", "the past 18 months"), a frequency or a dose
schedule ("every 8 hours", "x2 daily", "3x/day", "twice a week", "biweekly"), the present
("today"), a part of a number ("the last 4" of a social) or a measurement ("under 95lbs"). HIPAA Safe Harbor removes the
dates of a person and ages over 89, not how long or how often; the rules of any profile keep
what is read so (``standing``). A point in time stays a date: a year, a month, a week
day, one holiday ("that Easter", "Christmas 2019"), "ago", "last year", "next week", "the 14th"; a holiday
said alone ("every Christmas", "at Thanksgiving") comes every year and is no date of a person."""

from __future__ import annotations

import regex as re  # lookbehinds of any width: see recognizers/__init__

from deid.core.lexicon import MONTH_WORDS
from deid.core.wordlists import HOLIDAYS, SUBJECT_VERBS, TEENS, TENS, UNITS, WEEKDAY_WORDS

_H = r"[ \t]+"
_WORD_NUMBER = (rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)}|{'|'.join(UNITS)}"
                r"|hundred|a[ \t]+hundred|a[ \t]+few|few|a[ \t]+couple(?:[ \t]+of)?|couple(?:[ \t]+of)?|several|many|some)")
_DIGITS = r"\d+(?:[.,]\d+)?(?:[ \t]+\d/\d)?(?:[ \t]*(?:-|to|or|\u2013)[ \t]*\d+(?:[.,]\d+)?)?"
_NUMBER = (rf"(?:{_DIGITS}|{_WORD_NUMBER}(?:(?:[ \t]*(?:-|to|or)[ \t]*){_WORD_NUMBER})?)"
           r"(?:[ \t]+or[ \t]+so)?")
_UNIT = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|wks?|fortnights?|months?|mos?|years?"
         r"|yrs?|decades?|weekends?|semesters?|shifts?)")
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
# words before a length of time: "for", "over", "the past", "about", "a whole", "another", "the third"
_LEAD = (r"(?:(?:for|over|in|within|during|after|across|around|about|nearly|almost|roughly|approximately|approx\.?|some|"
         r"like|maybe|probably|easily|barely|literally|well[ \t]+over|on|by|most|very|"
         r"only|just|under|up[ \t]+to|at[ \t]+least|more[ \t]+than|less[ \t]+than|another|a[ \t]+further|an[ \t]+extra|"
         rf"the|this[ \t]+past|whole|entire|full|good|solid|{_ORDINAL}|"
         r"last|past|these|those|recent|next|coming|following|all|a|an|one)" + _H + r")*")
# the words before a unit said once that make it a length: "a day", "the third day", "all day", "this past year"
_ONE_UNIT_AFTER = (rf"(?<=\b(?:an?|the[ \t]+(?:last|past|first|next|following|whole|entire|full)|whole|entire|full|good|"
                   rf"solid|another|all|this[ \t]+past|{_ORDINAL})[ \t]+)")
_TAIL = (r"(?:" + _H + r"(?:and[ \t]+a[ \t]+half|later|long|straight|running|in[ \t]+a[ \t]+row|on[ \t]+end|clean|"
         r"sober|off|(?:or|to)[ \t]+(?:so|more|two|three)))*")
_DURATION = re.compile(
    rf"(?i){_LEAD}(?:(?:half[ \t]+an?|half(?=-)|{_NUMBER})(?:{_H}|[ \t]*-[ \t]*|(?<=\d))(?:and[ \t]+a[ \t]+half[ \t]+)?{_UNIT}"
    rf"|(?:day|week|month|year)[ \t]+(?:\d{{1,3}}|{'|'.join(UNITS)}|{'|'.join(TEENS)})"  # "day 12", "week two"
    rf"|(?:[a-z]+[ \t]+)?{_UNIT}(?<=s)"                                                  # "some rough days"
    rf"|{_ONE_UNIT_AFTER}{_UNIT}|(?<=^){_UNIT}){_TAIL}")                                  # "day", said alone
_PER = r"(?:a|an|per|each|every|/|a[ \t]+single)"
_WEEKDAY_OR_SEASON = (r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekday|weekend|spring|summer|autumn|fall|winter|"
                      r"morning|evening|night|afternoon|bedtime|mealtime|meal")
_FREQUENCY = re.compile(
    rf"(?i)(?:{_LEAD})?(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|ml|g)?[ \t]+(?=\d+[ \t]*x|x))?(?:"
    r"(?:x[ \t]*\d+|\d+[ \t]*x|once|twice|thrice|(?:" + _NUMBER + r")[ \t]+times)[ \t]*"
    rf"(?:(?:{_PER}[ \t]*)?(?:other[ \t]+)?(?:{_NUMBER}[ \t]+)?{_UNIT}|daily|nightly|weekly|monthly|yearly|hourly)?"
    rf"|(?:x[ \t]*\d+[ \t]+|\d+[ \t]*x[ \t]+)?(?:daily|nightly|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|"
    r"quarterly|yearly|annually|hourly)"
    rf"|(?:every|each|per)[ \t]+(?:other[ \t]+|single[ \t]+)?(?:{_NUMBER}[ \t]+)?"
    r"(?:" + _UNIT + r"|" + _WEEKDAY_OR_SEASON + r")s?"
    r"|q[ \t]*\d+(?:-\d+)?[ \t]*h|(?:b|t|q)\.?i\.?d\.?|q\.?d\.?|q\.?h\.?s\.?|prn"
    r")")
_MEASURE = re.compile(r"(?i)\d+(?:\.\d+)?[ \t]*(?:lbs?|pounds?|kgs?|kilos?|mg|mcg|ml|%|percent|miles?|km|degrees?)\b")
# a holiday said alone, or as every year has it: no one day of a life ("every Christmas", "at
# Thanksgiving"; not "that Thanksgiving" or "Christmas 2019", which the recognizers date)
_HOLIDAY_ALONE = re.compile(rf"(?i)(?:(?:every|each|at|on|for|over|by|until|till|before|after|the)[ \t]+)*{HOLIDAYS}")
# a month said alone, no day and no year, after the words that make it a time: every year has one ("in
# May", "by June", "every August", "the end of Sept."); the annotated sets keep it, as they keep a
# holiday said alone. A month's name with no such word before it, or before a person's verb or a
# possessive, may be a person's the model took for a date ("April drove me"): it stays a date
_MONTH_LEAD = (r"(?:in|by|since|until|till|before|after|during|every|each|last|this|next|of|early|late|mid|the|"
               r"end|beginning|start|middle)")
_MONTH_ALONE = re.compile(
    r"(?i)(?:" + _MONTH_LEAD + r"[ \t-]+)*(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?")
# what follows a person and no month: a possessive, a person's verb ("after June left", "in April's room")
# (not an auxiliary: in "the surgery in March has healed" it is the noun's before the month)
_AUXILIARIES = frozenset("was is has had does did will would could can should".split())
_PERSON_AFTER = re.compile(r"(?:['\u2019]s\b|[ \t]+(?:" + "|".join(v for v in SUBJECT_VERBS if v not in _AUXILIARIES) + r")\b)")
_MONTH_LEAD_BEFORE = re.compile(r"(?i)\b" + _MONTH_LEAD + r"[ \t-]+$")
_PRESENT = re.compile(r"(?i)(?:today|tonight|nowadays|these[ \t]+days|right[ \t]+now|now)")
_PART = re.compile(rf"(?i)(?:the[ \t]+)?(?:last|first|final)[ \t]+(?:\d{{1,2}}|{'|'.join(UNITS)})")
_OF_NUMBER = re.compile(r"(?i)[ \t]+(?:digits?[ \t]+|numbers?[ \t]+)?of\b|[ \t]*[:=]?[ \t]*\d")


# What ties a guessed date to the calendar: a year or a decade, a month, a week day, a day's
# number, a date or a time written in figures, a holiday, a birthday, or a time said from now or
# from another time ("ago", "last week", "that summer", "the day"). A guess with none of these
# ("47 after 9 years", "One day", "55 every day", "same year") says nothing of when.
_ANCHOR = re.compile(
    r"(?i)(?<![\d.])(?:1[89]|20)\d\d(?!\d)|['\u2019]\d\d\b|\b\d0['\u2019]?s\b|\b(?:1[89]|20)?\d0['\u2019]?s\b"
    rf"|\b(?:{'|'.join(sorted(MONTH_WORDS | WEEKDAY_WORDS, key=len, reverse=True))})\b\.?"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
    r"|(?<!\d)\d{1,4}[ \t]*[/.\-][ \t]*\d{1,2}(?!\d)|\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?::\d\d)?[ \t]*[ap]\.?m\b\.?|\b\d{1,2}:\d\d"
    rf"|\b{HOLIDAYS}|\b(?:birthday|anniversary|noon|midnight|yesterday|tomorrow|today|tonight|ago|recently)\b"
    r"|\b(?:years?|yrs?)[ \t]+(?:of[ \t]+age|old)\b|\baged?[ \t]+\d"  # an age said as one: generalised as an age
    r"|(?<![\d.])(?:9\d|1[01]\d)(?![\d.])|\b(?:ninety|hundred)"  # what may be an age over 89: as before
    r"|\b(?:last|next|this|that|past|previous|following|coming|the)[ \t]+(?:\w+[ \t]+)?"
    r"(?:day|night|week|weekend|month|year|spring|summer|fall|autumn|winter|morning|evening|afternoon)\b")


# figures alone ("49", "14"): a day, a year's end or an age the model read as a date; the
# recognizers of ages and the rules' generalisation judge them, as before
_FIGURES = re.compile(r"[\d \t.,\u2011-]+")


# a week day or a time of day said as a habit: plural ("Tuesdays"), or after "every (other)"
_RECURRING = re.compile(rf"(?i)(?:{_WEEKDAY_OR_SEASON})s?")
_EVERY_BEFORE = re.compile(r"(?i)\b(?:every|each)(?:[ \t]+other)?[ \t]+\Z")


def holiday_alone(value: str) -> bool:
    """Whether ``value`` is a holiday said alone ("Easter", "at Thanksgiving"): every year has it."""
    return _HOLIDAY_ALONE.fullmatch(" ".join(value.split()).strip(" ,;:.")) is not None


_SUBJECT_BEFORE = re.compile(r"(?i:\b(?:i|you|u|we|they|he|she|it|this|that|there|who|which)[ \t]+)$")


def not_a_date(text: str, start: int, end: int) -> str | None:
    """How a date the model guessed at ``start:end`` of ``text`` reads when it is none:
    "duration", "frequency", "measurement", "present", "holiday" (a holiday said alone: every year has it),
    "month" (a month said alone, likewise),
    "part_of_number", or "common_words" for the verb
    "may" after its subject ("TO WHOM IT MAY CONCERN"); None for a date ("May 2016", "two years ago",
    "last year", "Thursday", "the 14th", "May 3")."""
    value = " ".join(text[start:end].split()).strip(" ,;:.")
    if value.lower() == "may" and _SUBJECT_BEFORE.search(text, max(0, start - 12), start):
        return "common_words"
    if re.search(r"(?i)\bago\b", value):
        return None
    if _FREQUENCY.fullmatch(value) or _RECURRING.fullmatch(value) and (
            value.lower().endswith("s") or _EVERY_BEFORE.search(text, max(0, start - 20), start)):
        return "frequency"  # "every other Tuesday", "on Sundays": a habit, no day of a life
    if _DURATION.fullmatch(value) and not re.fullmatch(r"(?i)(?:the|one)[ \t]+(?:day|night|week|weekend)", value):
        return "duration"
    if _MEASURE.search(value):
        return "measurement"  # "under 95lbs": a weight, not a time
    if _HOLIDAY_ALONE.fullmatch(value):
        return "holiday"
    if _MONTH_ALONE.fullmatch(value) and (" " in value or _MONTH_LEAD_BEFORE.search(text, max(0, start - 16), start)) \
            and not _PERSON_AFTER.match(text, end):
        return "month"
    if _PRESENT.fullmatch(value):
        return "present"
    if _PART.fullmatch(value) and _OF_NUMBER.match(text, end):
        return "part_of_number"
    if not _ANCHOR.search(value) and not _FIGURES.fullmatch(value):
        return "no_date"  # "47 after 9 years", "One day", "22 headache days": nothing says when
    return None
