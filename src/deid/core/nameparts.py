"""The words of a personal name: the one splitter that the spread of a name (``decide``),
the batch's stand-ins (``transform.surrogates``), the ledger's part fingerprints and the
final check (``final_check.reappear``) share, so that they agree on what a part of a name is.

A word of a name begins with a letter and goes on with letters, digits, apostrophes and
hyphens ("O'Donoghue", "Ní Bhriain", "Abu-Lughod"); a possessive ("'s", "'S", with a
straight or a curly apostrophe) is cut off it. A part of a name is such a word of two
letters or more (an initial is no one's part) that is no title and no particle.
"""

from __future__ import annotations

import re
from typing import AbstractSet

from deid.core.wordlists import PARTICLES, TITLE_WORDS

NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*")
POSSESSIVE = re.compile(r"['\u2019][sS]$")
NOT_PARTS = TITLE_WORDS | frozenset(PARTICLES)  # titles and particles, in lower case


def without_possessive(word: str) -> str:
    """``word`` without a final possessive: "Szabo's" and "SZABO'S" -> "Szabo", "SZABO"."""
    return POSSESSIVE.sub("", word)


def name_words(value: str) -> list[str]:
    """Every word of ``value``, in order, as written, each without its possessive:
    titles, particles and initials included ("Dr. J. de Vries's" -> Dr, J, de, Vries)."""
    return [without_possessive(w) for w in NAME_WORD.findall(value)]


def name_parts(value: str, skip: AbstractSet[str] = NOT_PARTS, capitalised: bool = False) -> list[str]:
    """The parts of a personal name, in order, as written: its words of two letters or more
    whose lower case ``skip`` does not hold (by default the titles and the particles:
    "Dr. Loretta de la Cruz's" -> Loretta, Cruz).

    ``skip``: the spread of a name in its record (``decisions._spread``) skips only the short
    titles and filler words, because a long title's word may be a name of its own
    ("Deacon", "Bishop") and a capitalised particle ("Van") is looked for as written.
    ``capitalised``: only the parts written with a capital, for the callers that look a
    part up as written (the spread; the batch's removed values), where a lower-case word
    beside a name is an everyday word or a particle."""
    return [w for w in name_words(value)
            if len(w) > 1 and w.lower() not in skip and (not capitalised or w[0].isupper())]
