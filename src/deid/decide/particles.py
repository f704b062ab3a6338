"""Names whole: a surname with its particle ("d'Argenteuil", "van der Wiel", "de la Fuente",
"al-Rashidi", "O'Dwyer") after a first name is one person, with one stand-in.

A model reads "Rosalind d'Argenteuil" as a person and an organisation, or "Lucía de la Fuente"
as an organisation. A person finding followed by a particle and a capitalised word takes
them in; a guess of a place or an organisation that opens with a known first name and goes
on with a particle and a capitalised word is that person. Other guesses inside the widened
span go (merging would type the span by the strongest; the person it is is known).
"""

from __future__ import annotations

import regex as re  # \p{Lu} classes: see recognizers/__init__
from dataclasses import replace

from deid.core.lexicon import name_info
from deid.core.model import Finding
from deid.core.wordlists import PARTICLES
from deid.detect.evidence import GUESSES

# The particles stand-ins keep (``wordlists.PARTICLES``; "al" and "el" are joined by a hyphen, "y"
# joins two surnames), and a few more that open a surname but are also first names or words a
# stand-in must not keep ("ben", "ten").
_WORDS = sorted((set(PARTICLES) - {"al", "el", "y", "der", "den"}) | {"das", "ter", "ten", "ben", "abu", "zu", "af", "av"})
_PARTICLE = (rf"(?:[dDoOlL]['\u2019]|(?:al|el|Al|El)-|(?:{'|'.join(_WORDS)})(?:[ \t]+(?:der|den|de|la|los|las|le|dem))?[ \t]+)")
# A particle and the capitalised surname it opens, right after a name.
_SURNAME_AFTER = re.compile(rf"[ \t]*{_PARTICLE}\p{{Lu}}[\p{{L}}'\u2019]+(?:-\p{{Lu}}[\p{{L}}'\u2019]+)?")
# A first name, particles, a surname: the whole of a guess.
_WHOLE = re.compile(rf"(\p{{Lu}}[\p{{L}}]+)(?:[ \t]+\p{{Lu}}[\p{{L}}]+)?{_SURNAME_AFTER.pattern}")


def whole_names(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` with each person widened over the particle and surname after it."""
    widened: list[Finding] = []
    for f in found:
        text = texts[f.field]
        if f.entity != "PERSON" and f.entity in ("LOCATION", "ORGANIZATION") and f.strength in GUESSES:
            m = _WHOLE.fullmatch(text, f.start, f.end)
            info = name_info(m.group(1).lower()) if m else None
            if info is not None and info.first:
                f = replace(f, entity="PERSON")
        if f.entity == "PERSON":
            m = _SURNAME_AFTER.match(text, f.end)
            if m and text[f.start:f.end].strip()[-1:].isalpha():
                f = replace(f, end=m.end())
        widened.append(f)
    people = [f for f in widened if f.entity == "PERSON"]
    # a place or organisation guess inside a person's name goes; not one a weaker guess of the
    # same words calls a person (the name lexicon's "Vermont" beside the model's place)
    return [f for f in widened if f.entity == "PERSON" or f.strength not in GUESSES or not any(
        p.field == f.field and p.start <= f.start and f.end <= p.end
        and ((p.start, p.end) != (f.start, f.end) or p.strength not in GUESSES or p.score >= f.score) for p in people)]
