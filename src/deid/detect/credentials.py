"""The degrees, licences and honours written after a person's name ("— Ana Reyes, PharmD",
"Tom Ode, RN, BSN", "PA-C"): words a detector may take for a town (the town an
attribution names comes after the name's comma), an organisation or a name, and that are
neither. The list is nameparser's post-nominal acronyms and the nursing, counselling and
addiction credentials it lacks (``wordlists.CARE_CREDENTIALS``); a word counts written with two
capitals or more, after a capitalised word. A state's two letters that are also a
credential ("MD", "PA") count only after a first name and one more capitalised word that are no
known place together ("Imogen Tarrant, MD"; "in Baltimore, MD", "Glen Burnie, MD" and "Wyckoff
Flats, PA" stay places)."""

from __future__ import annotations

from functools import lru_cache

import regex as re  # \p{Lu} classes: see recognizers/__init__
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import known_place, name_info
from deid.core.wordlists import CARE_CREDENTIALS, NAME_SUFFIXES, US_STATES


@lru_cache(maxsize=1)
def _post_nominals() -> frozenset[str]:
    from nameparser.config.suffixes import SUFFIX_ACRONYMS  # 50 ms: read when first needed

    return frozenset(SUFFIX_ACRONYMS) | CARE_CREDENTIALS


_STATES = frozenset(s.lower() for s in US_STATES)
_SHAPE = re.compile(r"\p{Lu}[\p{L}.]*(?:[-/]\p{Lu}[\p{L}.]*)?")


def is_credential(letters: str) -> bool:
    """Whether ``letters`` are written after a name as a degree, a licence or an honour, with
    two capitals or more, dots or none ("LCSW", "Ph.D."; not "Ed" or "Asa", which are names),
    or as a generation ("Jr", "III")."""
    key = letters.replace(".", "").lower()
    return key in NAME_SUFFIXES or (key in _post_nominals() and sum(c.isupper() for c in letters) >= 2)


def post_nominal(word: str) -> bool:
    """Whether ``word`` is a degree or a licence written as one word: "PharmD", "LCSW", "Ph.D.",
    "OTR/L"; not "Do" or "ed" (one capital), a state's letters that are no degree ("TX"), nor a
    generation ("III" of "Schedule III")."""
    key = word.replace(".", "").lower()  # (not a generation: "Schedule III", "World War II")
    return _SHAPE.fullmatch(word) is not None and key not in NAME_SUFFIXES and is_credential(word)


# the words before: a capitalised word (a name or another credential), the one before it when
# capitalised too, and a comma or a space
_WORD = r"\p{Lu}[\p{L}'\u2019.\-/]*"
_BEFORE = re.compile(rf"(?:(?<![\p{{L}}.])({_WORD})[ \t]+)?({_WORD})[ \t]*,?[ \t]*$")
_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]+")


def credentials_after_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one or more post-nominals ("RN, BSN") right after a
    capitalised word, as they follow a person's name; a state's letters among them count
    only after a first name (not one that is a word: "Silver") and one more capitalised
    word that are no known place together."""
    words = [w for w in _SEPARATOR.split(text[start:end].strip(" ,")) if w]
    if not words or not all(post_nominal(w) for w in words):
        return False
    before = _BEFORE.search(text, max(0, start - 60), start)
    if before is None or before.group(2).lower() in STOP_WORDS:
        return False  # "My BT addr": a word, not a name, before the letters
    if any(w.replace(".", "").lower() in _STATES for w in words):
        first = before.group(1)
        info = name_info(first.lower()) if first else None
        return info is not None and info.first and info.usage != "w" \
            and not known_place(f"{first} {before.group(2)}")
    return True
