"""Towns written in lower case, as forum posts write them: ``the clinic in grand rapids``,
``drove up from yakima``.

The model reads a place by its capital; in lower case it misses them. Where a preposition
of place puts one to three lower-case words that the gazetteer knows as a place of 15,000
people or more, they are the place: several words whole ("jersey city"; not "cut off", a
small town), one word only when it is no everyday word, no popular name, no medical term or
drug ("tulsa"; not "bend", "hope" or "sterling", which are words or names too). A word the
vocabulary holds mostly with a capital is a proper noun, no everyday word ("chicago").

A place of any size, known or not, is also one where its kind names it: a word or two that say
which, then "falls", "river", "bay", "forest" ("marlow falls", "the calloway river", "hawthorne
state forest"), or "port", "fort", "mount", "lake" first ("port alder"); not "the river", "the
national forest", "lower back". Capitalised, after a preposition of place, one or two words and
the kind are a place too ("we settled near Alder Hollow", "outside Tenmile Crossing"), whatever the
model made of them.
"""

from __future__ import annotations

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import (capitalised_words, common_words, is_drug_name, is_medical_term, name_info, us_places,
                               vocabulary, world_places)
from deid.core.wordlists import NAMED_PLACE_KINDS, PLACE_KINDS
from deid.detect.recognizers.base import OwnRecognizer, lowered_shouts

_AT = re.compile(r"\b(?:in|near|outside(?:[ \t]+of)?|around|from|to)[ \t]+(?=[a-z])")
_WORDS = re.compile(r"[a-z]+(?:[ \t]+[a-z]+){0,2}\b")
_WORD = re.compile(r"[a-z]+")
_TOWN = 15_000
_ARTICLES = frozenset({"the", "a", "an"})
_PART_OF = frozenset("east west north south northern southern eastern western central upstate downstate downtown "
                     "uptown midtown greater".split())


def _no_town_alone(word: str) -> bool:
    """A word that is no town's name on its own: an everyday word (not one the vocabulary holds
    mostly with a capital: "chicago"), a popular name, a medical term or a drug."""
    info = name_info(word)
    return (word in common_words() or (word in vocabulary() and word not in capitalised_words())
            or (info is not None and info.popular) or is_medical_term(word) or is_drug_name(word))


def _place(words: list[str]) -> bool:
    name = " ".join(words)
    if len(words) == 1 and _no_town_alone(name):
        return False
    return name in world_places() or any(population >= _TOWN for _, population in us_places().get(name, ()))


def place_at(text: str, at: int) -> int | None:
    """The end of the longest known place of one to three lower-case words at ``at``, if
    one stands there ("grand rapids", not "grand")."""
    run = _WORDS.match(text, at)
    if run is None or run.group(0).split()[0] in _ARTICLES:
        return None  # "in the valley": a place's kind, however many places bear the name
    words = list(_WORD.finditer(run.group(0)))
    for n in range(len(words), 0, -1):
        if _place([w.group(0) for w in words[:n]]):
            return at + words[n - 1].end()
    if len(words) > 1 and words[0].group(0) in _PART_OF:  # "east nashville", "upstate albany": the part too
        return place_at(text, at + words[1].start())
    return None


# Where a place of any size is named by its kind: "marlow falls", "kettle bay", "port alder",
# "the calloway river"; the kind after the name, or "port", "fort", "mount", "lake" before it.
_PLACE_AT = re.compile(r"\b(?:in|near|by|outside(?:[ \t]+of)?|around|from|to|at|into|across|along)[ \t]+(?:the[ \t]+)?(?=[a-z])")
_KIND_AFTER = PLACE_KINDS
_KIND_BEFORE = frozenset("port fort mount lake".split())
_A_KIND = re.compile(r"\b(?:" + "|".join(sorted(_KIND_AFTER | _KIND_BEFORE)) + r")\b")
_NO_WHICH = frozenset("the national state local city county big little old new upper lower north south east west "
                      "my our his her their this that same other".split())


def _named_by_kind(text: str, at: int) -> int | None:
    """The end of a place named with its kind at ``at``: one or two words that say which, one
    of them no everyday word, then the kind ("marlow falls", "hawthorne state forest"), or a
    kind first ("port alder"); not "at my lowest point", "to the state park"."""
    run = _WORDS.match(text, at)
    if run is None:
        return None
    words = [w.group(0) for w in _WORD.finditer(run.group(0))]
    if words[0] in _KIND_BEFORE and len(words) > 1 and _which(words[1]) and words[1] not in common_words():
        return at + run.group(0).index(words[1]) + len(words[1])
    for n in range(min(len(words), 3), 1, -1):
        head, which = words[n - 1], words[:n - 1]
        if head in _KIND_AFTER and not any(w in STOP_WORDS for w in which) \
                and any(_which(w) and w not in common_words() for w in which) \
                and not is_medical_term(" ".join(which)):
            return at + len(" ".join(words[:n])) if run.group(0).startswith(" ".join(words[:n])) else None
    return None


def _which(word: str) -> bool:
    return word not in _NO_WHICH and word not in _KIND_AFTER and word not in STOP_WORDS and len(word) > 2 \
        and not is_drug_name(word)


# The same with capitals, which the model may take for an organisation or a person or miss: one
# or two capitalised words and the kind, after a preposition of place ("we settled near Alder Hollow",
# "outside Tenmile Crossing"; not the start of a longer name: "Mercy Ridge Hospital")
_KINDS_CAPITALISED = "|".join(sorted(w.title() for w in NAMED_PLACE_KINDS))
_CAPITALISED_BY_KIND = re.compile(
    r"(?<=\b(?i:in|near|outside(?:[ \t]+of)?|around|from|to|into|across|through|at)[ \t]+)"
    r"(?!(?:The|A|An|My|Our|His|Her|Their|This|That|THE|MY|OUR)\b)(?:\p{Lu}[\p{Ll}'\u2019]+[ \t]+){1,2}"
    rf"(?:{_KINDS_CAPITALISED})\b(?![ \t]+\p{{Lu}}|['\u2019-])"
    # the same in capitals, in a line that is not ("stayed with friends in HOLLIS GAP over the winter")
    r"|(?<=\b(?i:in|near|outside(?:[ \t]+of)?|around|from|to|into|across|through|at)[ \t]+)"
    r"(?!(?:THE|MY|OUR|THIS|THAT)\b)(?:\p{Lu}{2,}[ \t]+){1,2}"
    rf"(?:{_KINDS_CAPITALISED.upper()})\b(?![ \t]+\p{{Lu}}|['\u2019-])"
    # and a county or a township, wherever it stands ("Residence: Weller County"; not "Parish" or
    # "Borough", surnames too: "my caseworker Sam Parish")
    r"|(?<![\p{L}\d'\u2019-])(?!(?:The|A|An|My|Our|His|Her|Their|This|That|Every|Each|Which|Any|No)\b)"
    r"(?:\p{Lu}[\p{Ll}'\u2019]+[ \t]+){1,2}(?:County|Township)\b(?![ \t]+\p{Lu}|['\u2019-])")


class LowerPlaceRecognizer(OwnRecognizer):
    """A known place in lower case after a preposition of place, or one named with its kind,
    in lower case or capitalised (see the module, ``_named_by_kind`` and ``_CAPITALISED_BY_KIND``)."""

    ENTITY = "LOCATION"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = [self.result(m.start(), m.end(), 0.5) for m in _CAPITALISED_BY_KIND.finditer(text)]
        text = lowered_shouts(text) or text  # a sentence or line in capitals read as one in lower case
        for m in _AT.finditer(text):
            end = place_at(text, m.end())
            if end is not None:
                out.append(self.result(m.end(), end, 0.5))
        for m in (_PLACE_AT.finditer(text) if _A_KIND.search(text) else ()):
            end = _named_by_kind(text, m.end())
            if end is not None:
                out.append(self.result(m.end(), end, 0.5))
        return out
