"""The ``shift`` action for dates: move every date of one person by the same
keyed number of days, so intervals survive ("two weeks after the overdose")
while the dates themselves do not. The written form is kept; a date that
cannot be read is generalised to its year instead.
"""

from __future__ import annotations

import datetime as dt
import re

from deid.core.keys import Key
from deid.core.wordlists import MONTHS_IN_ORDER
from deid.transform.generalize import date as generalize_date

MONTHS = list(MONTHS_IN_ORDER)
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_FORMS = [
    ("iso", re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?P<rest>(?:[T ][\d:.]+Z?)?)$")),
    ("us", re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})$")),
    ("mdy", re.compile(rf"^{_MON}\.?\s+(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?$", re.I)),
    ("dmy", re.compile(rf"^(?P<the>the\s+)?(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|th)?(?P<of>\s+of)?\s+{_MON}\.?(?:,?\s+(?P<y>\d{{4}}))?$", re.I)),
]


def offset_days(key: Key, subject: str) -> int:
    """A keyed shift in [-182, 182] days, never 0, the same for one subject."""
    n = int.from_bytes(key.hmac(f"DATE_SHIFT\x1f{subject}".encode()).digest()[:4], "big")
    days = n % 364 - 182  # -182..181
    return days if days != 0 else 182

def shift(value: str, days: int, tag: str) -> str:
    text = value.strip()
    for form, rx in _FORMS:
        m = rx.match(text)
        if not m:
            continue
        try:
            return _render(form, m, days, value)
        except ValueError:
            break
    return generalize_date(value, tag)


def _month(m: re.Match[str]) -> int:
    name = m.group("mon").lower()
    return next(i for i, full in enumerate(MONTHS, start=1) if full.startswith(name[:3]))


def _render(form: str, m: re.Match[str], days: int, original: str) -> str:
    gd = m.groupdict()
    year = gd.get("y")
    if form in ("iso", "us"):
        y = int(year) + (2000 if len(year) == 2 and int(year) < 50 else 1900 if len(year) == 2 else 0)
        d = dt.date(y, int(gd["m"]), int(gd["d"])) + dt.timedelta(days=days)
        if form == "iso":
            return f"{d.year:04d}-{d.month:02d}-{d.day:02d}" + (gd.get("rest") or "")
        yy = f"{d.year % 100:02d}" if len(year) == 2 else str(d.year)
        return f"{d.month}/{d.day}/{yy}"
    y = int(year) if year else 2001  # a year without Feb 29 when none is written
    d = dt.date(y, _month(m), int(gd["d"])) + dt.timedelta(days=days)
    mon_in = m.group("mon")
    mon = MONTHS[d.month - 1]
    mon = mon[: len(mon_in)] if len(mon_in) <= 4 and mon_in.lower() != "june" and mon_in.lower() != "july" else mon
    mon = mon.title() if mon_in[:1].isupper() else mon
    suf = _suffix(d.day) if gd.get("suf") else ""
    yr = f", {d.year}" if year and "," in original else (f" {d.year}" if year else "")
    if form == "mdy":
        return f"{mon}{'.' if '.' in original.split()[0] else ''} {d.day}{suf}{yr}"
    the = gd.get("the") or ""
    of = gd.get("of") or ""
    return f"{the}{d.day}{suf}{of} {mon}{yr}"


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
