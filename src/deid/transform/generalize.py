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
- occupations: their SOC major group ("a paramedic" -> "a healthcare worker");
- family structure: without its numbers ("my three kids" -> "my kids");
- a named institution: its kind ("Cook County Jail" -> "a county jail"), or the tag;
- a US place: a small town or a city of its state ("Millersburg, OH" -> "a small town in
  Ohio"), by the GeoNames gazetteer; a place it does not know, or cannot tell, -> the tag.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from deid.core.lexicon import MONTHS, occupations, us_places
from deid.core.wordlists import MONTHS_IN_ORDER, US_STATES
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
        return "90+" if int(m.group(1)) > 89 else m.group(1)

    return _AGE_WORDS.sub("90+", _AGE_NUMBER.sub(repl, value))


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
_ATTRIBUTIVE = re.compile(r"(?i)^(?:(an?)[ \t]+)?(\d{1,3})[- ](?:years?|yrs?)[- ]old$")
_PRONOUN = (
    (re.compile(r"(?i)\b(?:i'?m|i[ \t]+am|i[ \t]+was|i[ \t]+turned|me|my|i)\W*$"), "my"),
    (re.compile(r"(?i)\b(?:she|her|mom|mum|mother|wife|sister|daughter|woman|lady|girl|gran|grandma|grandmother|"
                r"aunt|girlfriend|widow)\b[^.!?]*$"), "her"),
    (re.compile(r"(?i)\b(?:he|him|his|dad|father|husband|brother|son|man|guy|boy|grandpa|grandfather|uncle|"
                r"boyfriend|widower)\b[^.!?]*$"), "his"),
)


def age_band(value: str, before: str = "") -> str:
    """An age as its decade: "a 34-year-old" -> "a thirty-something", "34 years old",
    "aged 34", "I'm 34" -> "in my thirties" (the pronoun from the words before:
    my, her, his, or their), "age: 34" -> "30-39"; over 89 as ``age`` says ("90+");
    under 13, "a child" / "young"."""
    digits = re.search(r"\d{1,3}", value)
    if digits is None:
        return value if re.search(r"(?i)\b(?:teens|\w+ties|\d0'?s)\b", value) else age(value)
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
    if re.fullmatch(r"\d{1,3}", value.strip()) and re.search(r"(?i)\bage[ \t]*[:=][ \t]*$|\($", before):
        return f"{decade * 10}-{decade * 10 + 9}" if decade else "under 13"  # "age: 34", "(34F)"
    if not decade:
        return "a child"
    pronoun = next((p for pattern, p in _PRONOUN if pattern.search(before[-40:])), "their")
    return f"in {pronoun} {_DECADES[decade]}"


# -- occupations by SOC 2018 major group ---------------------------------------------
_GROUP_NOUNS = {
    "11": "manager", "13": "business professional", "15": "tech worker", "17": "engineer",
    "19": "scientist", "21": "social services worker", "23": "legal professional", "25": "educator",
    "27": "arts, sports or media worker", "29": "healthcare worker", "31": "care worker", "33": "public safety worker",
    "35": "food service worker", "37": "cleaning and maintenance worker", "39": "personal care worker",
    "41": "sales worker", "43": "office worker", "45": "farm worker", "47": "construction worker",
    "49": "repair worker", "51": "production worker", "53": "transport worker", "55": "military service member",
}
_OCCUPATION = re.compile(r"(?i)^(?:(an?)[ \t]+)?((?:(?:retired|former|ex-)[ \t]*)?)(?:(?:[\w-]+)[ \t]+)*?(.+?)(s?)$")


def occupation(value: str, tag: str) -> str:
    """An occupation as its SOC major group: "a paramedic" -> "a healthcare worker",
    "a retired teacher" -> "a retired educator"; a title not in the list -> the tag."""
    titles = occupations()
    m = _OCCUPATION.match(value.strip())
    if m is None:
        return tag
    article, status = m.group(1), m.group(2).lower()
    words = value.strip().split()
    group = None
    for i in range(len(words)):  # the longest known title at the end ("registered nurse", "nurse")
        title = " ".join(words[i:]).lower()
        group = titles.get(title) or (titles.get(title[:-1]) if title.endswith("s") else None)
        if group:
            plural = title not in titles
            break
    if group is None:
        return tag
    noun = _GROUP_NOUNS[group] + ("s" if plural else "")
    status = status.strip()
    phrase = f"{status} {noun}" if status else noun
    if article:
        phrase = f"{an(phrase)} {phrase}"
    return phrase


# -- family structure ----------------------------------------------------------------
_COUNT = re.compile(r"(?i)[ \t]+of[ \t]+(?:\w+)$|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"\d{1,2})[ \t]+")


def family(value: str) -> str:
    """Family structure without its numbers: "my three kids" -> "my kids", "mother of
    two" -> "mother"; "widowed", "single mom" stay."""
    return _COUNT.sub("", value)


# -- institutions by kind ------------------------------------------------------------
_KINDS = ("county jail", "jail", "prison", "penitentiary", "correctional facility", "detention center", "high school",
          "middle school", "elementary school", "school", "academy", "university", "college", "hospital",
          "medical center", "recovery center", "treatment center", "detox", "rehab", "clinic", "health center",
          "pharmacy", "church", "chapel", "cathedral", "mosque", "synagogue", "temple", "shelter", "mission",
          "nursing home", "center", "centre", "foundation", "program", "ranch", "lodge", "house", "home")
_KIND = re.compile(r"(?i)\b(" + "|".join(re.escape(k).replace(r"\ ", r"[ \t]+") for k in _KINDS) + r")\.?$")
_KIND_OF = re.compile(r"(?i)(?:the[ \t]+)?(university|college|school|academy|hospital|church)[ \t]+of\b")


def institution(value: str, tag: str, before: str = "") -> str:
    """A named institution as its kind: "Cook County Jail" -> "a county jail",
    "Lakeside Recovery Center" -> "a recovery center"; after "the", no second
    article; a name with no kind -> the tag."""
    m = _KIND.search(value.strip()) or _KIND_OF.match(value.strip())  # "Cook County Jail", "University of Michigan"
    if m is None:
        return tag
    kind = " ".join(m.group(1).lower().split())
    if kind == "jail" and re.search(r"(?i)\bcounty\b", value):
        kind = "county jail"
    if re.search(r"(?i)\b(?:the|a|an|this|that|our|my|his|her|their)[ \t]*[\"\u201c']?$", before):
        return kind
    return f"{an(kind)} {kind}"


_AN = re.compile(r"(?i)(?:[aeio]|u(?!ni|s[aeiu]|ti|r[aeiou]|k)|hour|honest|heir)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][\"\u201d\u2019)]*|\n)[ \t]*[\"\u201c]?$")


def an(word: str) -> str:
    """The indefinite article for ``word``: "an engineer", "a university"."""
    return "an" if _AN.match(word) else "a"


def fitted(new: str, value: str, before: str) -> str:
    """``new`` capitalised where it starts a sentence, as ``value`` did ("A county jail
    dismissed...")."""
    if new and value[:1].isupper() and new[:1].islower() and _SENTENCE_START.search(before):
        return new[0].upper() + new[1:]
    return new


# -- dates to their month or season --------------------------------------------------
_MONTH_NAME = re.compile(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])")
_NUMERIC = re.compile(r"(?<!\d)(?:(?P<y>(?:1[89]|20)\d\d)-(?P<m>\d{1,2})-\d{1,2}"
                      r"|(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y2>\d{4}|\d\d))(?!\d)")
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
    if month is None or not 1 <= month <= 12:
        return date(value, tag)
    word = MONTHS_IN_ORDER[month - 1].capitalize() if to == "month" else _SEASONS[month - 1]
    return f"{word} {year}" if year else word


# -- places by size ------------------------------------------------------------------
SMALL_TOWN = 20_000  # fewer people than this: a small town (HHS's line for a ZIP code area)
_STATE_BY_NAME = {name.lower(): abbr for abbr, name in US_STATES.items()}
_PLACE = re.compile(r"^(?P<town>[^,()]+?)(?:,[ \t]*(?P<state>[A-Za-z. ]+?))?\.?$")
_STATE_AFTER = re.compile(r"^[ \t]*,[ \t]*(?P<state>[A-Z][A-Za-z. ]+?)(?=[ \t]*(?:$|[,.;:!?)\n]|\d))")


def state_of(text: str) -> str | None:
    """The postal abbreviation of a state named in full or abbreviated ("Ohio", "OH", "Oh.")."""
    t = text.strip().rstrip(".")
    if t.upper() in US_STATES and len(t) == 2:
        return t.upper()
    return _STATE_BY_NAME.get(t.lower())


def place_size(value: str, after: str = "") -> tuple[str, str | None, bool] | None:
    """(size, state, state written after the value) of a US place the gazetteer knows:
    size "small town" or "city"; the state as written with it or after it, else None;
    None when the place is unknown or its size cannot be told (several places of that name
    on both sides of the line and no state)."""
    m = _PLACE.match(" ".join(value.split()))
    if m is None:
        return None
    town, state, later = m.group("town"), m.group("state"), False
    if state is not None:
        state = state_of(state)
        if state is None:
            return None
    else:
        follows = _STATE_AFTER.match(after)
        state = state_of(follows.group("state")) if follows else None
        later = state is not None
    places = us_places().get(town.lower(), ())
    if state is not None:
        places = tuple(p for p in places if p[0] == state)
    sizes = {"small town" if population < SMALL_TOWN else "city" for _, population in places}
    if len(sizes) != 1:
        return None
    return sizes.pop(), state, later


def place(value: str, tag: str, after: str = "") -> str:
    """A US place as its size and state: "Millersburg, OH" -> "a small town in Ohio",
    "Dayton, Ohio" -> "a city in Ohio", "Millersburg" followed by ", Ohio" -> "a small
    town" (the state stays where it is written); unknown -> the tag."""
    found = place_size(value, after)
    if found is None:
        return tag
    size, state, later = found
    if state is None or later:
        return f"a {size}"
    return f"a {size} in {US_STATES[state]}"
