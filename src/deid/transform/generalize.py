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
- dates, with ``to: month`` or ``to: season``: their month or season and year ("March 3,
  2021" -> "March 2021" or "spring 2021"); a date with no month keeps its year;
- ZIP codes: the first three digits, or "000" for the three-digit areas with
  20,000 people or fewer (the list in HHS's Safe Harbor guidance, 2000 census);
- ages, with ``to: band``: their decade in words ("a 34-year-old" -> "a
  thirty-something", "she is 34" -> "she is in her thirties");
- and, by ``kinds``: occupations their SOC major group ("a paramedic" -> "a healthcare
  worker"), family structure without its numbers ("my three kids" -> "my kids"), a named
  institution its kind ("Cook County Jail" -> "a county jail"), a US place its size and
  state ("Millersburg, OH" -> "a small town in Ohio").
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from deid.core.lexicon import MONTHS, foreign_months
from deid.core.wordlists import MONTHS_IN_ORDER, TEENS, TENS, UNITS
from deid.transform.kinds import an, family, fitted, institution, occupation, place

# HHS, "Guidance Regarding Methods for De-identification of PHI", 2012.
RESTRICTED_ZIP3 = frozenset(
    "036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893".split()
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
_MONTHS = "|".join(sorted(MONTHS, key=len, reverse=True))
# (and the months of the languages mixed into English posts: "21 de setembro")
_FOREIGN_MONTHS = "|".join(sorted(foreign_months(), key=len, reverse=True))
_SPECIFIC = re.compile(
    rf"\b(?:{_MONTHS})\.?\b|\b(?:{_FOREIGN_MONTHS})\b|(?<!\d)\d{{1,4}}\s*[/.\-]\s*\d{{1,2}}(?!\d)|\b\d{{1,2}}(?:st|nd|rd|th)\b"
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
# "96th" of "her 96th birthday" too, and a note's age before its sex ("93F")
_AGE_NUMBER = re.compile(r"\b(\d{2,3})(?:(?:st|nd|rd|th)?\b|(?=[MF]\b))")
# the decade of life at ninety ("late nineties", "mid-90s"): a range inside it tells more than 90+
_AGE_DECADE_OR_NUMBER = re.compile(r"\b(?:(?:early|mid|late)[- ]?)?(?:nineties|90['\u2019]?s)\b|" + _AGE_NUMBER.pattern, re.IGNORECASE)
_UNITS = "|".join(UNITS)
_AGE_WORDS = re.compile(
    rf"\b(?:ninety(?:[- ](?:{_UNITS}|something))?|(?:a|one)\s+hundred(?:\s+(?:and\s+)?(?:{_UNITS}|ten|eleven|twelve))?)\b",
    re.IGNORECASE,
)


def generalize(entity: str, value: str, tag: str, to: str = "", before: str = "", after: str = "") -> str:
    """``value`` made general; ``to`` says how far where the rules may choose
    (AGE: "band"), ``before`` is the text before it, which the new words must agree
    with ("she is" -> "in her thirties"; "the" -> no second article), ``after`` the text
    after it (a state that follows a town stays there)."""
    if entity in ("DATE_TIME", "DATE"):
        return fitted(month_or_season(value, tag, to), value, before) if to in ("month", "season") else date(value, tag)
    if entity == "BIRTH_DATE":
        return birth(value, tag)
    if entity == "AGE":
        return fitted(age_band(value, before), value, before) if to == "band" else age(value)
    if entity == "ZIP_CODE":
        return zip_code(value, tag)
    if entity == "OCCUPATION":
        return fitted(occupation(value, tag), value, before)
    if entity == "FAMILY":
        return family(value)
    if entity == "ORGANIZATION":
        return fitted(institution(value, tag, before), value, before)
    if entity == "LOCATION":
        return fitted(place(value, tag, after), value, before)
    if entity in ("SEX", "DISTINCTIVE"):
        return value  # nothing more general to say; the risk check counts it
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
        return "90+" if m.group(1) is None or int(m.group(1)) > 89 else m.group(0)

    return _AGE_NOUN.sub(lambda m: "people aged 90+" if m.group(0).lower().endswith("s") else "person aged 90+",
                         _AGE_WORDS.sub("90+", _AGE_DECADE_OR_NUMBER.sub(repl, value)))


_AGE_NOUN = re.compile(r"(?i)\b(?:super)?centenarians?\b|\bnonagenarians?\b")  # over 89 by the word


def zip_code(value: str, tag: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) not in (5, 9):
        return tag
    return "000" if digits[:3] in RESTRICTED_ZIP3 else digits[:3]


# -- ages in bands -------------------------------------------------------------------
_DECADES = {1: "teens", 2: "twenties", 3: "thirties", 4: "forties", 5: "fifties", 6: "sixties", 7: "seventies",
            8: "eighties"}
_SOMETHING = {1: "teenage", 2: "twenty-something", 3: "thirty-something", 4: "forty-something",
              5: "fifty-something", 6: "sixty-something", 7: "seventy-something", 8: "eighty-something"}
_NEARLY = re.compile(r"(?i)^(?:pushing|nearly|almost|approaching|close[ \t]+to|going[ \t]+on)[ \t]+")
_ATTRIBUTIVE = re.compile(r"(?i)^(?:(an?)[ \t]+)?(\d{1,3})[- ](?:years?|yrs?)[- ]old$")
_PRONOUN = (
    (re.compile(r"(?i)\b(?:i'?m|i[ \t]+am|i[ \t]+was|i[ \t]+turned|me|my|i)\W*$"), "my"),
    (re.compile(r"(?i)\b(?:she|her|(?:step)?(?:mom|mum|mother|sister|daughter)|wife|woman|lady|girl|gran|grandma|grandmother|"
                r"aunt|girlfriend|widow)\b[^.!?]*$"), "her"),
    (re.compile(r"(?i)\b(?:he|him|his|(?:step)?(?:dad|father|brother|son)|husband|man|guy|boy|grandpa|grandfather|uncle|"
                r"boyfriend|widower)\b[^.!?]*$"), "his"),
)


_VALUES = {w: i for i, w in enumerate(UNITS, 1)} | {w: i for i, w in enumerate(TEENS, 10)} \
    | {w: 10 * i for i, w in enumerate(TENS, 2)}
_NUMBER_WORDS = re.compile(rf"(?i)\b({'|'.join(TENS)})(?:[- ]({_UNITS}))?\b(?!-something)|\b({'|'.join(TEENS)}|{_UNITS})\b")


def number_in_words(text: str) -> int | None:
    """The first number under 100 written in words in ``text`` ("a sixty-two-year-old"
    -> 62); None when there is none ("a forty-something": a decade is no number)."""
    m = _NUMBER_WORDS.search(text)
    if m is None:
        return None
    if m.group(1):
        return _VALUES[m.group(1).lower()] + (_VALUES[m.group(2).lower()] if m.group(2) else 0)
    return _VALUES[m.group(3).lower()]


def age_band(value: str, before: str = "") -> str:
    """An age as its decade: "a 34-year-old" -> "a thirty-something", "34 years old",
    "aged 34", "I'm 34" -> "in my thirties" (the pronoun from the words before:
    my, her, his, or their), "age: 34" -> "30-39"; over 89 as ``age`` says ("90+");
    under 13, "a child" / "young"."""
    if re.search(r"(?i)\bnineties\b|\bninety-something\b", value):
        return "aged 90+"  # "in her nineties": over 89, one category (Safe Harbor)
    nearly = _NEARLY.match(value)
    if nearly:  # "pushing eighty", "almost 90": a year or so under it
        n = number_in_words(value) if not re.search(r"\d", value) else int(re.search(r"\d{1,3}", value).group(0))
        value = str(n - 1) if n else value[nearly.end():]
    in_words = number_in_words(value)
    if in_words is not None and not re.search(r"\d", value):  # "a sixty-two-year-old" as "a 62-year-old"
        value = _NUMBER_WORDS.sub(str(in_words), value, count=1)
    digits = re.search(r"\d{1,3}", value)
    if digits is None:
        return value if re.search(r"(?i)\b(?:teens|\w+ties|\d0'?s)\b|-something\b", value) else age(value)
    n = int(digits.group(0))
    if n > 89:
        return age(value)
    decade = n // 10 if n >= 13 else 0
    attributive = _ATTRIBUTIVE.match(value.strip())
    if attributive and (attributive.group(1) or "-" in value):  # "a 34-year-old paramedic", "a 34 year old woman"
        words = _SOMETHING.get(decade, "young")
        article = attributive.group(1)
        if article:
            words = f"{an(words)} {words}"
        return words
    if re.fullmatch(r"\d{1,3}", value.strip()) and (not before or re.search(r"(?i)\bage[ \t]*[:=][ \t]*$|\($", before)):
        return f"{decade * 10}-{decade * 10 + 9}" if decade else "under 13"  # "age: 34", "(34F)", an Age column
    if not decade:
        return "a child"
    pronoun = next((p for pattern, p in _PRONOUN if pattern.search(before[-40:])), "their")
    return f"in {pronoun} {_DECADES[decade]}"


# -- dates to their month or season --------------------------------------------------
_MONTH_NAME = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])")
_NUMERIC = re.compile(r"(?<!\d)(?:(?P<y>(?:1[89]|20)\d\d)-(?P<m>\d{1,2})-\d{1,2}"
                      r"|(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y2>\d{4}|\d\d))(?!\d)")
_FOREIGN_MONTH = re.compile(rf"(?i)\b(?:{_FOREIGN_MONTHS})\b")
_SEASONS = ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "fall", "fall", "fall",
            "winter")


def month_or_season(value: str, tag: str, to: str) -> str:
    """A date as its month ("March 3, 2021" -> "March 2021", "3/14/2019" -> "March
    2019") or its season ("spring 2021"); a value with no month is generalised to its
    year as ``date`` does (durations and scales stay)."""
    if _AGE_PHRASE.search(value):
        return age(value)
    month, year = None, None
    compact = _COMPACT.fullmatch(value)
    numeric = _NUMERIC.search(value)
    named = _MONTH_NAME.search(value)
    if compact:
        year, month = compact.group(1), int(compact.group(2))
    elif numeric and numeric.group("y"):
        year, month = numeric.group("y"), int(numeric.group("m"))
    elif numeric:
        a, b, y = int(numeric.group("a")), int(numeric.group("b")), numeric.group("y2")
        month = a if a <= 12 else b  # "3/14/2019" (US) or "14/3/2019"
        year = y if len(y) == 4 else str(2000 + int(y) if int(y) < 50 else 1900 + int(y))
    elif named and not _SCALE.fullmatch(value.strip()):
        month = next(i for i, m in enumerate(MONTHS_IN_ORDER, 1) if m.startswith(named.group(1).lower()))
        found = _YEAR.search(value)
        year = found.group(0) if found else None
    elif foreign := _FOREIGN_MONTH.search(value):
        month = foreign_months()[foreign.group(0).lower()]
        found = _YEAR.search(value)
        year = found.group(0) if found else None
    if month is None or not 1 <= month <= 12:
        return date(value, tag)
    word = MONTHS_IN_ORDER[month - 1].capitalize() if to == "month" else _SEASONS[month - 1]
    return f"{word} {year}" if year else word
