"""Names whole: a surname written before its initials, as notes and sign-in sheets write
it ("Okonkwo, TJ", "Farrugia, M.L.", "Osei, K. (nurse)"), is one name. A person finding of one word (a
surname; after a full name, "Noor Haddad, CNM", the letters are a credential) followed by a comma and
two or three capitals (with full stops, or without them when they spell no word: "OK",
"THE"), or one capital and its full stop where a list's item or a label ends (a comma, a
bracket, a quote, the line's end; not "I."), takes them in; a guess of a place before initials that are no state's or country's
code ("Dayton, OH" stays a place) is that surname, so the initials go with
the surname instead of staying beside its stand-in; a professional credential ("RN", "MD",
"LCSW") is no initials and stays.
"""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.lexicon import everyday_words
from deid.core.model import Finding
from deid.core.wordlists import US_STATES
from deid.detect.credentials import is_credential
from deid.detect.evidence import GUESSES

# What a place's name is followed by: a US state's or a Canadian province's postal code, or a
# country's ("Dayton, OH", "Kelowna, BC", "Leeds, UK").
PLACE_CODES = frozenset(US_STATES) | frozenset("ON BC QC AB MB SK NS NB NL PE YT NT NU UK US USA NZ AU IE UAE".split())
_INITIALS = re.compile(r",[ \t]*((?:[A-Z]\.[ \t]?){1,2}[A-Z]\.|(?!I\.)[A-Z]\.(?=[ \t]*[,;)'\"\u2019\u201d]|[ \t]*$|[ \t]+\()"
                       r"|[A-Z]{2,3}(?!\w|\.\w))(?!\w)")


def with_initials(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` with each person finding widened over the initials written after it."""
    out = []
    for f in found:
        if f.entity in ("PERSON", "LOCATION") and " " not in texts[f.field][f.start:f.end].strip():
            m = _INITIALS.match(texts[f.field], f.end)
            letters = m.group(1).replace(".", "").replace(" ", "") if m else ""
            if m and not is_credential(letters) and (m.group(1).endswith(".") or letters.lower() not in everyday_words()):
                if f.entity == "PERSON":
                    f = replace(f, end=m.end(1))
                elif f.strength in GUESSES and letters not in PLACE_CODES:
                    f = replace(f, entity="PERSON", end=m.end(1))  # a guessed place before initials: a surname
        out.append(f)
    return out
