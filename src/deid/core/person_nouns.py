"""Whether a word or a short phrase names a person by a relation, a job or a role: the
open vocabulary of person nouns that name recognizers and word-sense questions share.

It is made of the kinship and role words (``wordlists.RELATIONS``), the social, care and
recovery roles (``wordlists.SOCIAL_ROLES``), the job titles deid ships
(``lexicon.occupations``), any word ending in "mate" ("cellmate") and the kin a prefix
makes ("stepmother", "great-aunt", "sister-in-law"); a phrase of a few
words counts whole or by its last word, after the modifiers people put before a role
("my old running buddy")."""

from __future__ import annotations

import re

from deid.core.lexicon import occupations
from deid.core.wordlists import RELATIONS, SOCIAL_ROLES

_MODIFIERS = frozenset("old new former late ex- ex favorite favourite best first last amazing wonderful great "
                       "good dear sweet little big older younger night day home private".split())


def _relations() -> frozenset[str]:
    out = set()
    for w in RELATIONS.split("|"):
        if "[" in w:  # "fianc[eé]e?"
            out.update(("fiance", "fiancee", "fiancé", "fiancée"))
        else:
            out.add(w)
    return frozenset(out)


RELATION_WORDS = _relations()
# the kin a prefix or "-in-law" makes of a kinship word: "stepmother", "great-aunt",
# "godfather", "half-sister", "great-great-grandson", "sister-in-law"
_KIN = re.compile(r"(?:great-)*(?:grand|step-?|god|half-)?(?P<k>[a-z]+?)(?:-in-law)?")


def _kin(word: str) -> bool:
    m = _KIN.fullmatch(word)
    return m is not None and m.group("k") != word and m.group("k") in RELATION_WORDS


def is_person_noun(phrase: str) -> bool:
    """Whether ``phrase`` (lower case) names a person by a relation, a job or a role."""
    words = phrase.split()
    while words and words[0] in _MODIFIERS:
        words = words[1:]
    if not words:
        return False
    whole, last = " ".join(words), words[-1]
    for p in (whole, last):
        if p in RELATION_WORDS or p in SOCIAL_ROLES or p in occupations() or (p.endswith("mate") and len(p) > 5) \
                or _kin(p):
            return True
    return False


# Plurals whose singular is no role of its own, or is irregular ("my parents", "my children").
_PLURALS = frozenset("parents grandparents folks children grandchildren stepchildren twins".split())


def is_plural_person_noun(word: str) -> bool:
    """Whether the lower-case ``word`` names people by a relation, a job or a role, in the
    plural ("sisters", "roommates", "besties", "parents", "children")."""
    if word in _PLURALS:
        return True
    singulars = [word[:-3] + "y"] if word.endswith("ies") else []
    singulars += [word[:-1]] if word.endswith("s") else []
    singulars += [word[:-2]] if word.endswith("es") else []
    return any(len(s) > 1 and is_person_noun(s) for s in singulars)
