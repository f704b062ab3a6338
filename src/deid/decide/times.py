"""A time of day told with a date is part of it: "on the 18th of April at 10:30", "at 2am on 9
February", "11/3 at 0400". A date the rules remove or generalise takes its time with it, which
alone says nothing ("I take it at 8am" stays). And a month's or a day's word inside a date a
pattern found is the date's, not a name a list guessed ("Dec" of "Dec. 3rd")."""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.lexicon import DAYS_AND_MONTHS
from deid.core.model import GUESSES, PATTERN, Finding

_TIME = (r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?[ \t]*(?:[ap]\.?m\.?|[AP]\.?M\.?)(?![\w.])"
         r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])"
         r"|[0-2]\d[0-5]\d(?![\d:])(?![ \t]*(?i:mg|mcg|ml|g|units?|calories|kcal|steps|miles|km)\b))")
_TIME_AFTER = re.compile(rf"[ \t]*,?[ \t]+(?:at|@|around|about|by)[ \t]+{_TIME}|[ \t]*,[ \t]*{_TIME}"
                         r"|[ \t]+(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")  # "22/09/2023 16:48"
# a date that names a day: a month or a day and month in digits ("Tuesdays", "the weekend", "2019"
# name none)
_A_DAY = re.compile(r"\d{1,2}[/.\-]\d{1,2}|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_TIME_BEFORE = re.compile(rf"(?<![\w:]){_TIME}[ \t]+on[ \t]+(?:the[ \t]+)?$")


def with_times(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` with each date widened over the time of day told with it."""
    out = []
    for f in found:
        text = texts[f.field]
        if f.entity == "DATE_TIME" and _A_DAY.search(text, f.start, f.end):
            after = _TIME_AFTER.match(text, f.end)
            before = _TIME_BEFORE.search(text, max(0, f.start - 24), f.start)
            if after or before:
                f = replace(f, start=before.start() if before else f.start, end=after.end() if after else f.end)
        out.append(f)
    return out


def dates_not_names(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` without a person guessed on a month's or a day's word that lies inside a date a
    pattern found ("Dec" of "Dec. 3rd": the name lexicon knows "Dec" as a surname)."""
    dates = [f for f in found if f.entity == "DATE_TIME" and f.strength == PATTERN]
    if not dates:
        return found

    def calendar_word(f: Finding) -> bool:
        return f.entity == "PERSON" and f.strength in GUESSES \
            and texts[f.field][f.start:f.end].strip(" .").lower() in DAYS_AND_MONTHS \
            and any(d.field == f.field and d.start <= f.start and f.end <= d.end for d in dates)

    return [f for f in found if not calendar_word(f)]
