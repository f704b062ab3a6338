"""What a record publishes about a person, made coarse: its quasi-identifiers.

A record's profile is the set of (type, coarse value) pairs of its details that the
rules publish in some form (``keep`` or ``generalize``): an age as its decade, a sex as
F, M or X, an occupation as its SOC major group, a date as its year, a ZIP code as its
first three digits, a named institution as its kind, a place the rules generalise as its
size and state; a family structure, nationality or place as written (in lower case). A
small town the rules keep (fewer than ``kinds.SMALL_TOWN`` people, by the GeoNames
gazetteer) counts as a ``SMALL_PLACE`` instead: few people live there, so the risk treats
it as a distinctive detail, and so does a date told in the same sentence as an event
that leaves a trace on record (a death, an arrest, an overdose, a wedding: ``EVENT_DATE``,
its year). A detail the rules remove (replace, redact, pseudonym...) is
not published and does not count, nor does a column the rules say tells nothing of the
person (``detail: false``: a survey tool's submission timestamp). The values stay in this process, in memory: the
ledger and the report name only the types.
"""

from __future__ import annotations

import re

from deid.core.model import Plan
from deid.core.wordlists import OFFICES
from deid.policy.ruleset import RiskPolicy
from deid.transform.kinds import family, institution, occupation_group, place_size

Item = tuple[str, str]

_PUBLISHES = ("keep", "generalize")
_RULED = ("entities.", "default_action", "columns.")  # decisions the rules made for a detail
_DECADE_WORDS = {"teen": 1, "twent": 2, "thirt": 3, "fort": 4, "fift": 5, "sixt": 6, "sevent": 7, "eight": 8,
                 "ninet": 9}
_FEMALE = re.compile(r"(?i)^(?:f|woman|female|girl|lady|mother|mom|trans[ \t]?woman|transgender woman)$")
_MALE = re.compile(r"(?i)^(?:m|man|male|guy|father|dad|trans[ \t]?man|transgender man)$")


def profile(plan: Plan, policy: RiskPolicy) -> frozenset[Item]:
    """The record's published details, coarse; empty for a record held back already."""
    if plan.held_back:
        return frozenset()
    texts = {f.path: f.text for f in plan.record.fields}
    out = set()
    for d in plan.decisions:
        f = d.finding
        if f.entity not in policy.types or d.action not in _PUBLISHES or f.field not in texts \
                or not d.rule.startswith(_RULED) or d.param("detail") == "no":
            continue  # a guess kept as a medical term or ordinary words is no detail of a person
        text = texts[f.field]
        value = coarse(f.entity, text[f.start:f.end], d.action)
        if not value:
            continue
        if f.entity == "LOCATION" and d.action == "keep" and _small(text[f.start:f.end], text[f.end:f.end + 40]):
            out.add((SMALL_PLACE, value))  # a small town, named: few people live there
        elif f.entity == "OCCUPATION" and _office_of_place(text, f.start, f.end):
            out.add((f.entity, value))
            out.add(("DISTINCTIVE", "office of a place"))  # a town's mayor, a county's coroner: one person holds it
        elif f.entity in ("DATE_TIME", "BIRTH_DATE") and _EVENT.search(_sentence(text, f.start, f.end)):
            out.add((EVENT_DATE, value))  # the year of a death, an arrest, an overdose: on record somewhere
        else:
            out.add((f.entity, value))
    return frozenset(out)


SMALL_PLACE, EVENT_DATE = "SMALL_PLACE", "EVENT_DATE"
# events that leave a public or official trace (a death notice, a court file, a news item)
_EVENT = re.compile(
    r"(?i)\b(?:died|passed away|killed|murdered|overdosed|od'?d|arrested|jailed|sentenced|convicted|incarcerated|"
    r"released from (?:prison|jail)|married|divorced|widowed|accident|crash|funeral|shooting|fire|evicted|"
    r"gave birth|graduated|deployed|discharged from the)\b")
_STOP = re.compile(r"[.!?\n]")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``start:end`` (to the stops either side, 200 characters at most)."""
    lo = max(0, start - 200)
    stops = [m.end() for m in _STOP.finditer(text, lo, start)]
    lo = stops[-1] if stops else lo
    after = _STOP.search(text, end, end + 200)
    return text[lo:after.start() if after else min(len(text), end + 200)]


# a public office held for a place: few hold it, and the place and the office name the holder
_OFFICE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(OFFICES, key=len, reverse=True))})s?$")
_PLACE = r"(?:town|city|village|hamlet|county|parish|township|borough|state|island|valley)"
_OF_PLACE = re.compile(rf"^[ \t]+of[ \t]+(?:(?:the|a|an|our|their|this|that)[ \t]+)?(?:(?i:tiny|small|little|rural)[ \t]+)?"
                       rf"(?:(?i:{_PLACE})\b|[A-Z])")
_PLACES_OWN = re.compile(rf"(?i)\b{_PLACE}['\u2019]s[ \t]+(?:\w+[ \t]+)?$")


def _office_of_place(text: str, start: int, end: int) -> bool:
    """An office held for a place: "the mayor of Elkton", "the town's coroner"."""
    return bool(_OFFICE.search(text[start:end].strip())) and bool(
        _OF_PLACE.match(text[end:end + 60]) or _PLACES_OWN.search(text[max(0, start - 40):start]))


def _small(value: str, after: str) -> bool:
    found = place_size(value, after)
    return found is not None and found[0] == "small town"


def coarse(entity: str, value: str, action: str = "keep") -> str:
    """One detail as the batch compares it; "" when nothing comparable is in it. A place
    the rules generalise counts as what is published of it ("small town in OH")."""
    v = " ".join(value.split()).lower()
    if entity == "LOCATION" and action == "generalize":
        found = place_size(value)
        return f"{found[0]} in {found[1] or '?'}" if found else ""
    if entity == "AGE":
        digits = re.search(r"\d{1,3}", v)
        if digits:
            return str(min(int(digits.group(0)) // 10, 9))
        word = next((n for stem, n in _DECADE_WORDS.items() if stem in v), None)
        return str(word) if word else ""
    if entity == "SEX":
        return "F" if _FEMALE.match(v) else "M" if _MALE.match(v) else "X"
    if entity == "OCCUPATION":
        found = occupation_group(v)
        return found[0] if found else v
    if entity in ("DATE_TIME", "BIRTH_DATE"):
        year = re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", v)
        return year.group(0) if year else ""
    if entity == "ZIP_CODE":
        digits = re.sub(r"\D", "", v)
        return digits[:3] if len(digits) >= 3 else ""
    if entity == "FAMILY":
        return family(v)
    if entity == "ORGANIZATION":
        kind = institution(v, "", "the")
        return kind or v
    return v
