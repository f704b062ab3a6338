"""Generalisation: keep what the story needs, drop what identifies.

- dates: a full or partial date keeps only its year ("March 3, 2021",
  "20210303" -> "2021"); a date with no year becomes the tag; durations and relative
  expressions ("two weeks", "last year", "Monday") are not dates of a person
  and stay;
- ages: over 89 become "90+" (HIPAA Safe Harbor), others stay;
- dates of birth: as dates, except that a year of birth that makes the
  person 90 or older in the year of the run becomes one category for all
  of them ("1929" -> "1936 or earlier" in 2026), since Safe Harbor counts
  a year that tells such an age as the age itself;
- ZIP codes: the first three digits, or "000" for the three-digit areas with
  20,000 people or fewer (the list in HHS's Safe Harbor guidance, 2000 census).
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from deid.core.lexicon import MONTHS
from deid.core.wordlists import UNITS

# HHS, "Guidance Regarding Methods for De-identification of PHI", 2012.
RESTRICTED_ZIP3 = frozenset(
    "036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split()
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
_SPECIFIC = re.compile(
    rf"\b(?:{_MONTHS})\.?\b|\d{{1,4}}\s*[/.\-]\s*\d{{1,2}}|\b\d{{1,2}}(?:st|nd|rd|th)\b"
    r"|\b(?:christmas|thanksgiving|easter|new year'?s|halloween|valentine'?s|independence day|memorial day|labor day)\b"
    r"|\b\d{1,2}:\d{2}|\b\d{4}-\d{2}-\d{2}",
    re.IGNORECASE,
)
# "a 9/10 every day", "24/7": scales and rates, not dates; "120/80": a blood
# pressure; "2-3 weeks", "12 1/2 weeks", "the 3rd week": durations and counts
# of a period, not dates.
_SCALE = re.compile(
    r"(?<![\d/])(?:\d{1,2}\s*/\s*10|24\s*/\s*7|(?:3[2-9]|[4-9]\d|[12]\d\d)\s*/\s*\d{2,3})(?![\d/])"
    r"|\b\d+(?:\.\d+)?(?:\s+\d/\d|\s*(?:-|to)\s*\d+(?:\.\d+)?)?\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|hours?|hrs?|minutes?|mins?)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\s+(?:\d+\s+|few\s+|couple\s+(?:of\s+)?)?(?:day|week|month|year|dose|time|pill|try|attempt)s?\b",
    re.IGNORECASE,
)
_AGE_PHRASE = re.compile(r"(?:\d|\bninety|\bhundred)\s*-?\s*(?:years?|yrs?|y/o|yo)\b|\baged?\s+(?:\d|ninety|a hundred)", re.IGNORECASE)
_AGE_NUMBER = re.compile(r"\b(\d{2,3})\b")
_UNITS = "|".join(UNITS)
_AGE_WORDS = re.compile(
    rf"\b(?:ninety(?:[- ](?:{_UNITS}))?|(?:a|one)\s+hundred(?:\s+(?:and\s+)?(?:{_UNITS}|ten|eleven|twelve))?)\b",
    re.IGNORECASE,
)


def generalize(entity: str, value: str, tag: str) -> str:
    if entity in ("DATE_TIME", "DATE"):
        return date(value, tag)
    if entity == "BIRTH_DATE":
        return birth(value, tag)
    if entity == "AGE":
        return age(value)
    if entity == "ZIP_CODE":
        return zip_code(value, tag)
    return tag


_COMPACT = re.compile(r"\s*((?:1[89]|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*")  # "19580722"


def date(value: str, tag: str) -> str:
    if _AGE_PHRASE.search(value):
        return age(value)
    compact = _COMPACT.fullmatch(value)
    if compact:
        return compact.group(1)
    if re.fullmatch(r"\s*\d{8}\s*", value):
        return tag  # eight digits given as a date that is none: nothing of it is published
    year = _YEAR.search(value)
    if year:
        return year.group(0)
    if _SPECIFIC.search(_SCALE.sub(" ", value)):
        return tag
    return value


def reference_year() -> int:
    """The year ages are counted to: the year of the run, when what is
    published is read."""
    return datetime.now(timezone.utc).year


_SHORT_YEAR = re.compile(r"\s*['\u2019](\d\d)\s*")
_EARLIER = re.compile(r"\s*(?:1[89]|20)\d\d or earlier\s*")


def birth(value: str, tag: str) -> str:
    """A date of birth: its year, unless that year makes the person 90 or
    older (``reference_year``): then the one category "<year - 90> or
    earlier"; a date with no year becomes the tag. A year of two digits
    ("'29") is of this century unless that year is still to come."""
    if _EARLIER.fullmatch(value):
        return value  # generalised already
    compact = _COMPACT.fullmatch(value)
    found = _YEAR.search(value)
    year = compact.group(1) if compact else (found.group(0) if found else None)
    last = reference_year() - 90
    short = _SHORT_YEAR.fullmatch(value)
    if short:  # "'29": of this century unless that is still to come
        year = str(2000 + int(short.group(1)))
        if int(year) > reference_year():
            year = str(int(year) - 100)
    if year is not None and int(year) <= last:
        return f"{last} or earlier"
    return date(value, tag)


def age(value: str) -> str:
    def repl(m: re.Match[str]) -> str:
        return "90+" if int(m.group(1)) > 89 else m.group(1)

    return _AGE_WORDS.sub("90+", _AGE_NUMBER.sub(repl, value))


def zip_code(value: str, tag: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) not in (5, 9):
        return tag
    return "000" if digits[:3] in RESTRICTED_ZIP3 else digits[:3]
