"""Which values a column rule governs: the shape of each entity's values.

A column rule is matched by a header or a key, and a header says less than it
seems: a survey question that ends in "time", "date", "born" or "age" is no
date column, and a "Name" cell may hold a sentence. So a column rule whose
entity has a shape here applies its whole-value action only to a value of
that shape (a date, a number that can be an age, a ZIP code, a phone number,
an address, a name...); any other value under it is free text, scanned like
any other (a date inside it is still found by the recognizers, a name by the
model, the name lexicon and the record's known names). An entity with no
shape here (a type a rules file adds) is governed by its column rule always.

One small function per shape, each asked with the value stripped.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Callable

from deid.core.lexicon import common_words
from deid.core.model import ColumnRule
from deid.core.wordlists import MONTH_WORDS, PARTICLES, UNITS, WEEKDAY_WORDS

# The words a date or a time may hold besides its numbers.
_DATE_WORDS = MONTH_WORDS | WEEKDAY_WORDS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday am pm a.m p.m t z utc gmt est edt cst cdt mst mdt pst pdt of the on at "
    "spring summer fall autumn winter early mid late".split())
_DATE_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+(?:\.[^\W\d_])?\.?")
_DATE_REST = re.compile(r"[\s/.,:\-+'\u2019()]*")


def is_date(value: str) -> bool:
    """A date, a time or both, in numbers or with month and week-day names
    ("2025-03-14 09:12", "May 3, 1955", "03/14/25", "Tuesday 4 pm", "spring
    2019", "'61"): nothing else is left once its parts are taken out."""
    if len(value) > 40:
        return False
    tokens = _DATE_TOKEN.findall(value.lower())
    if not tokens or not any(t[0].isdigit() or t.rstrip(".") in MONTH_WORDS for t in tokens):
        return False
    if any(not t[0].isdigit() and t.rstrip(".") not in _DATE_WORDS for t in tokens):
        return False
    return _DATE_REST.fullmatch(_DATE_TOKEN.sub("", value.lower())) is not None


_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORD = "|".join(sorted(_TEENS + _TENS + UNITS + ("hundred", "a", "and"), key=len, reverse=True))
_COUNTED = "|".join(_TEENS + _TENS + UNITS + ("hundred",))
_AGE = re.compile(
    r"(?:about|around|approx\.?|approximately|~|under|over|aged?)?\s*"
    rf"(?:\d{{1,3}}(?:\.\d)?\s*\+?(?:\s*(?:-|\u2013|to)\s*\d{{1,3}})?|(?:(?:{_NUMBER_WORD})[\s-]*)+)\s*"
    r"(?:(?:years?|yrs?|y)(?:\s*old)?|y/?o|months?(?:\s*old)?)?", re.IGNORECASE)


def is_age(value: str) -> bool:
    """A number that can be an age, perhaps with its unit or as words ("34",
    "34 years old", "about 40", "30-39", "forty-one", "90+")."""
    if not value or len(value) > 30 or _AGE.fullmatch(value) is None:
        return False
    return any(c.isdigit() for c in value) or re.search(rf"(?i){_COUNTED}", value) is not None


def is_postal_code(value: str) -> bool:
    """A ZIP code or another country's postal code ("45402", "45402-1234",
    "K1A 0B1", "SW1A 1AA"): at most two groups of letters and digits, one
    digit at least."""
    return re.fullmatch(r"[A-Za-z0-9]{2,5}(?:[ -][A-Za-z0-9]{2,4})?", value) is not None and any(c.isdigit() for c in value)


def is_phone(value: str) -> bool:
    """A phone or fax number: 7 to 15 digits with the usual marks, perhaps
    an extension ("(937) 555-0142", "+44 20 7946 0958 ext. 12")."""
    main = re.sub(r"(?i)\s*(?:ext\.?|x|#)\s*\d{1,6}$", "", value)
    digits = sum(c.isdigit() for c in main)
    return 7 <= digits <= 15 and re.fullmatch(r"[+\d\s().\-/]+", main) is not None


def is_email(value: str) -> bool:
    return re.fullmatch(r"(?i)(?:mailto:)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+", value) is not None


def is_ip(value: str) -> bool:
    try:
        ipaddress.ip_interface(value)
    except ValueError:
        return False
    return True


def is_handle(value: str) -> bool:
    """One handle or profile address, no spaces in it ("@wren_fields", "wren.fields",
    a profile URL)."""
    return 0 < len(value) <= 100 and not any(c.isspace() for c in value)


_NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019.\-]*|\([^\W\d_][\w'\u2019.\-]*\)")


def is_name(value: str) -> bool:
    """A person's name or initials as people write them in a name field ("Renata
    Oduya-Vance", "Szabo, L.", "J. R.", "Dee (Deirdre) Moss"): at most six
    words of letters, no digits, no question or sentence marks; three words
    or more of which two are ordinary lower-case words ("prefer not to say")
    are a sentence, not a name."""
    if len(value) > 60 or re.search(r"[\d?!;:@/]", value):
        return False
    words = value.replace(",", " ").split()
    if not 1 <= len(words) <= 6 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    ordinary = [w for w in words if w.islower() and w not in PARTICLES and w in common_words()]
    return not (len(words) >= 3 and len(ordinary) >= 2)


def is_place(value: str) -> bool:
    """An address, a town or coordinates: at most ten words, no question or
    exclamation, no second sentence."""
    return 0 < len(value) <= 100 and len(value.split()) <= 10 and not re.search(r"[?!]|\.\s+[A-Z]", value)


def is_identifier(value: str) -> bool:
    """An identifier: one word, or up to four groups with a digit among them
    ("MRN 00482913", "1HGCM82633A004352", "AB-12-CD")."""
    words = value.split()
    return 0 < len(value) <= 40 and (len(words) == 1 or (len(words) <= 4 and any(c.isdigit() for c in value)))


# The types whose value names someone or somewhere, whatever its words: a column of them is
# looked for in the text even when its value is an everyday word ("Hope", a first name or a town).
NAMING_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "EMAIL_ADDRESS", "SOCIAL_HANDLE", "URL"})


def identifies(entity: str, value: str) -> bool:
    """Whether a column's value, dropped or changed in its cell, is an identifier in the
    record's text too: always for a type that names someone or somewhere; for any other,
    not when it is a form's everyday answer, words of the dictionary or three letters at
    most without a digit ("No", "none", "N/A", "not sure", "Weekly"), which the story's
    "No regrets" or "None of the pills worked" holds as words."""
    if entity in NAMING_TYPES or any(c.isdigit() for c in value):
        return True
    letters = re.findall(r"[^\W\d_]+", value.lower())
    return sum(map(len, letters)) > 3 and not all(w in common_words() for w in letters)


SHAPES: dict[str, Callable[[str], bool]] = {
    "DATE_TIME": is_date,
    "DATE": is_date,
    "BIRTH_DATE": is_date,
    "AGE": is_age,
    "ZIP_CODE": is_postal_code,
    "POSTCODE": is_postal_code,
    "PHONE_NUMBER": is_phone,
    "EMAIL_ADDRESS": is_email,
    "IP_ADDRESS": is_ip,
    "SOCIAL_HANDLE": is_handle,
    "PERSON": is_name,
    "LOCATION": is_place,
    "IDENTIFIER": is_identifier,
}


def fits(entity: str, value: str) -> bool:
    """Whether ``value`` has the shape of ``entity``'s values (an entity with
    no shape: always)."""
    shape = SHAPES.get(entity)
    return shape is None or shape(value.strip())


def governs(column: ColumnRule | None, value: str) -> ColumnRule | None:
    """The column rule that decides ``value`` as a whole, or None when the
    value is free text: no rule, a ``scan`` rule, or a value not of the
    rule's shape."""
    if column is None or column.action == "scan" or not fits(column.entity, value):
        return None
    return column
