"""A time of day told with a date is part of it: "on the 18th of April at 10:30", "at 2am on 9
February", "11/3 at 0400". A date the rules remove or generalise takes its time with it, which
alone says nothing ("I take it at 8am" stays)."""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.model import Finding

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
