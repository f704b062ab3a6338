"""A place is a place: a guess of a person on a word that stands where a place stands.

The model and the name lexicon read a capitalised word as a person's name by its look; a
town is often a name too (a first name, a surname). Where the sentence puts the word where
only a place stands ("the diner in X", "grew up outside X", "moved back to X", "I'm from
X", "X, Ohio") and no name list knows it as a first name, or the gazetteer knows it as a
place and the position is one only a place takes ("in", "near", "outside", ", Ohio"), the
guess is a place (LOCATION): it gets a place's treatment under the rules,
never a person's stand-in. Position decides, not a list of towns: the gazetteer only keeps
a first name that is also a town ("Austin") from being taken for a place when the position
alone says so. A guess right after a postcode ("Kerkstraat 12, 3511 lx Utrecht", "in 9711 AB
Groningen") is the town. A guess whose last word is "County", "Parish", "Township" or
"Borough" is a place wherever it stands. Context, known names and the roster are never retyped;
a possessive ("in X's car") or a verb that takes a person after "in" ("confided in X") is no place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.lexicon import DAYS_AND_MONTHS, known_place, name_info
from deid.core.model import Finding
from deid.core.wordlists import NAMED_PLACE_KINDS, US_STATES
from deid.detect.evidence import GROUP_WORD, GUESSES

# Prepositions that put a place after them ("in", "near", "outside of")...
_AT_PLACE = r"in|near|outside(?:\s+of)?|around|into|through|across|towards?|throughout|nearby"
_AT = re.compile(rf"(?i:\b(?:{_AT_PLACE})[ \t]+(?:the[ \t]+)?)$")
# ... "to"/"from" after a verb of travel or a word of origin ("flew down to", "I'm from")...
_TRAVEL = (r"moved|moving|drove|driving|drive|drives|flew|flying|fly|flies|relocated|relocating|travell?ed|travels?|"
           r"commuted|commuting|commutes?|hitchhiked|"
           r"headed|heading|transferred|i'?m|i[ \t]+am|originally|hails?")
_TRAVEL_TO = re.compile(rf"(?i:\b(?:{_TRAVEL})(?:[ \t]+(?:back|home|down|up|out|over|all[ \t]+the[ \t]+way))?[ \t]+(?:to|from)"
                        r"[ \t]+(?:the[ \t]+)?)$")
# ... or "from" after a move between places, a few words on ("transferred to the unit from X")...
_MOVED_FROM = re.compile(r"(?i:\b(?:transferred|admitted|readmitted|discharged|relocated|moved)\b[^.!?\n]{0,30}?"
                         r"\bfrom[ \t]+(?:the[ \t]+)?)$")
# ... or "to" after a discharge or a transfer, a few words on ("d/c home Fri to X", "transferred
# back to X"; the first name of someone handed over to is no place: see ``_a_place``)...
_MOVED_TO = re.compile(r"(?i:\b(?:transferred|transfer|discharged|discharge|d/c|dc['\u2019]?d|dispo)\b[^.!?\n]{0,30}?"
                       r"\bto[ \t]+(?:the[ \t]+)?)$")
# ... and, weaker, after a word of going that may also be said of a person ("came from", "went to").
_GOING = r"move|went|go|going|goes|came|come|coming|comes|returned|sent|walked|way|trip|ride|commute|back|home|is|are|was|were"
_TO = re.compile(rf"(?i:\b(?:{_GOING})(?:[ \t]+(?:back|home|down|up|out|over))?[ \t]+(?:to|from)[ \t]+(?:the[ \t]+)?)$")
# Verbs and words that take a person after "in" ("confided in", "believe in", "interested in").
_PERSON_AFTER_IN = re.compile(r"(?i:\b(?:confided?|confiding|believed?|believing|trust(?:ed)?|interested|faith|hope|"
                              r"found|saw|see|sees)\s+in\s+$)")
_STATE_NAMES = "|".join(sorted((re.escape(n) for n in US_STATES.values() if not n.startswith("the ")),
                               key=len, reverse=True))
_STATE_AFTER = re.compile(rf"^(?:,[ \t]*(?:{_STATE_NAMES}|(?:{'|'.join(US_STATES)}))|[ \t]+(?i:{_STATE_NAMES}))\b")


# A postcode's digits (and letters) just before, after an address's comma: "Kerkstraat 12, 3511 "
# or a Dutch one in capitals anywhere ("in 9711 AB ")
_POSTCODE_BEFORE = re.compile(r"(?:,[ \t]*(?:[A-Z]-)?(?P<digits>\d{4,5})(?:-\d{3}|[ \t]?[A-Za-z]{2}(?=[ \t]))?"
                              r"|(?<![\w\-])[1-9]\d{3}[ \t]?[A-Z]{2})[ \t]+$")


# A sign-off: a dash at the start of a line, then the name ("— Dana Whitcomb, Kentucky").
_SIGN_OFF = re.compile(r"(?:^|\n)[ \t]*(?:[-\u2013\u2014~]+|by\b)[^\n.!?]{0,40}$", re.IGNORECASE)



# The last word of a division's name: "X County", "X Parish", "X Township", "X Borough".
_DIVISION = re.compile(r"\S[ \t]+(?:County|Parish|Township|Borough)$")

# Where only a place stands, for an organisation's guess: not "in" or "at" ("at Kaiser").
_ONLY_PLACE = re.compile(r"(?i:\b(?:near|outside(?:\s+of)?|nearby)[ \t]+)$")


def _a_town(f: Finding, text: str) -> bool:
    value = text[f.start:f.end]
    if " " in value.strip() or not known_place(value):
        return False
    before = text[max(0, f.start - 40):f.start]
    return _ONLY_PLACE.search(before) is not None or _TRAVEL_TO.search(before) is not None


def _time_word(value: str) -> bool:
    return value.lower().rstrip(".") in DAYS_AND_MONTHS


def places_not_people(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` with each person guess that stands where a place stands typed LOCATION, and
    each organisation guess of one word the gazetteer knows as a town where only a place
    stands ("grew up outside X", "moved to X"); and the other way round, a place's or an
    organisation's guess right after what one does only to a person typed PERSON ("I texted X",
    "we hugged X"): each gets a stand-in of its kind."""
    return [replace(f, entity="LOCATION") if _a_place(f, texts[f.field])
            else replace(f, entity="PERSON") if _a_person(f, texts[f.field]) else f for f in found]


# What one does only to a person (not "called", "visited", "asked": a clinic, a town, a pharmacy too)
_DONE_TO_A_PERSON = re.compile(r"(?i:\b(?:texted|hugged|kissed|married|divorced|dated|messaged|emailed|babysat|adopted)"
                               r"[ \t]+)$")


def _a_person(f: Finding, text: str) -> bool:
    return f.entity in ("LOCATION", "ORGANIZATION") and f.strength in GUESSES and " " not in text[f.start:f.end].strip() \
        and _DONE_TO_A_PERSON.search(text, max(0, f.start - 16), f.start) is not None


def _a_place(f: Finding, text: str) -> bool:
    if f.entity == "ORGANIZATION" and f.strength in GUESSES:
        return _a_town(f, text)
    if f.entity != "PERSON" or f.strength not in GUESSES:
        return False
    value = text[f.start:f.end]
    if _DIVISION.search(value) and not ((first := name_info(value.split()[0].lower())) is not None and first.first
                                         and first.popular and len(value.split()) == 2):
        return True  # "Coyle County", "Dunmore Parish"; not "Sam Parish", a first name and a surname
    if re.match(r"['\u2019]s\b", text[f.end:f.end + 3]):
        return False
    if _time_word(value) or (GROUP_WORD.fullmatch(value) and not known_place(value)):
        return False  # "moved to Thursday"; "explained it in Punjabi"
    before = text[max(0, f.start - 40):f.start]
    signed = _SIGN_OFF.search(before) is not None  # "— Dana Whitcomb, Kentucky" signs a name
    at = (_AT.search(before) is not None and _PERSON_AFTER_IN.search(before) is None) \
        or _TRAVEL_TO.search(before) is not None or _MOVED_FROM.search(before) is not None \
        or _MOVED_TO.search(before) is not None \
        or (not signed and _STATE_AFTER.match(text[f.end:f.end + 24]) is not None)
    # after a postcode's digits ("3511 lx Utrecht", "69003 lyon", "4050-262 porto"), not a year ("in 2019 Maria")
    postcode = _POSTCODE_BEFORE.search(before)
    digits = postcode.group("digits") if postcode is not None else None
    at = at or postcode is not None and not (digits and len(digits) == 4 and 1900 <= int(digits) <= 2099)
    going = _TO.search(before) is not None
    if not (at or going):
        return False
    info = name_info(value.split()[0])
    if info is not None and info.first:
        # a first name is a place only where the gazetteer knows it as one or a place's kind ends
        # it, and the position is a place's alone ("in Tyler", "out in Harlow Mill"; "came from
        # Wendell" may be a letter from a man)
        return at and (known_place(value) or len(value.split()) > 1 and value.split()[-1].lower() in NAMED_PLACE_KINDS)
    return True
