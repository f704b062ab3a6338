"""Organisations' names the model misses: in lower case, as forum posts write them (``my
counselor at quellmoor otp``, ``the clinic is brightwater wellness in fresno``), and in
brackets after the kind of organisation they name (``my insurance (Tallgrass Health)``).

The model reads an organisation by its capitals; in lower case it misses it, and the name
lexicon takes the unknown word in it for a person's. A run of lower-case words (no stop word
among them) is an organisation's name

- when a word that no vocabulary holds (no drug, no medical term, no slip of the keys) stands
  right before a word that heads organisations' names: "clinic", "pharmacy", "otp"
  (``_HEADS``); the run is that word, the words before it up to a stop word, and the heads;
- when it stands right after "at", "from", "to", "into" or "in", where English puts an article before a common
  noun, ends in the noun of a service's kind ("academy", "health", "recovery": ``_SERVICES``)
  and holds a word that says which one, not what kind (``wordlists.ORG_KINDS``): "at
  copperleaf county mental health"; not "at urgent care", nor "at high school" (an
  institution said bare needs two words before it);
- or when it stands where English puts no common noun without an article, after "at" or
  "called", or after "is" when an organisation's kind is its subject ("the clinic is"),
  and a known place follows it after "in" or "of" ("at copperleaf pain in grand rapids"):
  a business named, then where it is. An institution said without an article ("at work in
  tulsa", "at rehab in ohio") is no name;
- or when it stands after "at" where someone who works there was just named, or a stay ("my ob
  at larkhill womens", "inpatient at cold spring ridge"): two words or more with no article,
  or one no vocabulary holds; after "the", a run ending in a service's noun with a word saying
  which ("my case manager at the fort mercer vet center").

In any case, a saint's name where one goes or is ("at St. Wenceslas", "at st. brigid") is a hospital,
a church or a school, unless the gazetteer knows a town of that name ("to St. Paul"); and the words
in brackets right after the kind of an organisation ("insurance",
"pharmacy", "employer") name it, unless they are medicine or the kind's own words; and so
do capitalised words a place of business is "called" or "named" ("the clinic is called ...").
"""

from __future__ import annotations

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import (CALENDAR, DAYS_AND_MONTHS, common_words, is_drug_name, is_medical_term, known_place, misspelt,
                               vocabulary)
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import BUSINESS_NOUNS, ORG_HEADS, ORG_KINDS, SHORT_TITLE_WORDS, SPECIALTIES
from deid.detect.recognizers.base import OwnRecognizer, lowered_shouts
from deid.detect.recognizers.lower_places import place_at
from deid.detect.word_sense import sentence_tags

_HEADS = ORG_HEADS | frozenset(
    "otp ortho orthopedics wellness health treatment rehab detox medical behavioral counseling counselling "
    "pharmacy drugs dental chiropractic pediatrics psychiatry foods freight logistics trucking motors".split())
# The heads of the names of services, said bare only as a name ("at brookfield academy").
_SERVICES = frozenset(
    "clinic center centre hospital recovery treatment wellness health pharmacy rehab medical behavioral counseling "
    "otp ortho academy church ministries foundation institute society association coalition outreach collective "
    "associates partners network alliance pantry shelter consortium program detox jail prison memorial infirmary "
    "hospice".split())
# Institutions English names without an article: "at work", "at rehab", "at church".
_BARE_INSTITUTIONS = frozenset(
    "home work school church college rehab detox jail prison court camp night lunch dinner breakfast bedtime "
    "noon midnight dawn dusk sea war peace rest ease risk random times length best worst least most first last "
    "hand heart fault large odds stake issue birth age play".split())

_WORD = re.compile(r"(?<![\p{L}\d'\u2019@#/.-])[a-z]+(?![\p{L}\d@'\u2019-])")
_BEFORE = re.compile(r"(?:\bat|\bcalled|\bnamed|\b(?:clinic|program|place|pharmacy|facility|center|centre|hospital|rehab|"
                     r"practice|provider|one)[ \t]+(?:is|was))[ \t]+$")
_BARE_AFTER = re.compile(r"\b(?:at|from|to|into|in)[ \t]+$")
_TRIGGERS = frozenset({"at", "from", "to", "into", "in", "called", "named", "is", "was"})  # the last words of the two above
_THEN_PLACE = re.compile(r"[ \t]+(?:in|of)[ \t]+(?=[a-z])")
# A capitalised name given to a place of business: "the clinic is called Harbor Light", "a bar named
# The Tipsy Owl" (``names.introduction_name`` leaves these).
_CALLED = re.compile(rf"\b(?i:{BUSINESS_NOUNS})"
                     r"(?:[ \t]+(?i:is|was))?[ \t]+(?i:called|named)[ \t]+((?:The[ \t]+)?\p{Lu}[\p{L}'\u2019&-]*"
                     r"(?:[ \t]+(?:of[ \t]+|&[ \t]+)?\p{Lu}[\p{L}'\u2019&-]*){0,4})")
# A saint's name where one goes or is, or where something is ("to St. Wenceslas", "my knee surgery
# at st. brigid", "behind St. Odilia"): a hospital, a church or a school named after the saint; not a
# town of that name ("to St. Paul": the gazetteer's), nor the start of a longer name ("at St. Mary's
# Hospital": ``addresses.organisation``)
_SAINT = re.compile(r"(?<=\b(?i:at|to|from|into|behind|outside|near|beside|across[ \t]+from|next[ \t]+to)[ \t]+"
                    r"(?:(?i:the)[ \t]+)?)(?i:st\.?|saint)[ \t]+(?P<w>\p{L}[\p{L}'\u2019]+)"
                    r"(?![ \t]+\p{Lu}|[\p{L}'\u2019-])")
_BRACKETED = re.compile(r"\b(?i:insurance|insurer|medicaid|medicare|health[ \t]+plan|plan|pharmacy|clinic|employer|rehab|program|hospital|"
                        r"treatment[ \t]+center|support[ \t]+group|group|shelter|church)[ \t]*\([ \t]*"
                        r"(\p{L}[\p{L}'\u2019&.-]*(?:[ \t]+\p{L}[\p{L}'\u2019&.-]*){0,4})[ \t]*\)")


def _unknown(word: str) -> bool:
    return len(word) > 3 and word not in vocabulary() and word not in common_words() and word not in STOP_WORDS \
        and not is_medical_term(word) and not is_drug_name(word) and not misspelt(word)


def _which_before(text: str, words: list, head: int) -> int | None:
    """The index of the word no vocabulary holds that says which organisation the head at
    ``head`` names: right before it ("quellmoor otp"), or before one or two words of the kind
    ("tollerby subacute rehab", "corley family medicine"), all joined."""
    k = head - 1
    while k >= 0 and head - k <= 3 and _joined(text, words[k], words[k + 1]):
        word = words[k].group(0)
        if _unknown(word):
            return k
        if word not in ORG_KINDS and not is_medical_term(word):
            return None
        k -= 1
    return None


def _name_word(word: str) -> bool:
    """A word a name may hold: no stop word, no institution said bare, no past participle
    ("called", "based")."""
    return word not in STOP_WORDS and word not in _BARE_INSTITUTIONS and len(word) > 1 \
        and not (len(word) > 4 and word.endswith("ed") and word in vocabulary())


def _says_which(word: str) -> bool:
    """A word of an organisation's name that says which one, not what kind ("copperleaf",
    "story"; not "mental", "county", "pain")."""
    return word not in ORG_KINDS and word not in _HEADS and not is_medical_term(word) and not is_drug_name(word)


class OrganisationNameRecognizer(OwnRecognizer):
    """An organisation's name in lower case, or in brackets after its kind (see the module)."""

    ENTITY = "ORGANIZATION"

    def analyze(self, text, entities, nlp_artifacts=None):
        text = lowered_shouts(text) or text  # a sentence or line in capitals read as one in lower case
        found = {}
        words = list(_WORD.finditer(text))
        for i, w in enumerate(words):
            k = _which_before(text, words, i) if w.group(0) in _HEADS else None
            if k is not None:
                first = k
                while first and _joined(text, words[first - 1], words[first]) and _name_word(words[first - 1].group(0)) \
                        and not _BEFORE.search(text, max(0, words[first].start() - 40), words[first].start()):
                    first -= 1
                found[words[first].start()] = (words[first].start(), _heads_end(text, words, i), 0.65)
            elif i and words[i - 1].group(0) in _TRIGGERS and _joined(text, words[i - 1], w) and _name_word(w.group(0)):
                bare = _BARE_AFTER.search(text, max(0, w.start() - 8), w.start())
                end = bare and _bare_service(text, words, i, words[i - 1].group(0) in _MOVED_TO)
                if not end and _BEFORE.search(text, max(0, w.start() - 40), w.start()):
                    end = _placed_run(text, words, i)
                if end:
                    found.setdefault(w.start(), (w.start(), end, 0.6))
            if w.group(0) == "at" and i + 1 < len(words) and _joined(text, w, words[i + 1]) and _worker_before(words, i):
                end = _workplace_run(text, words, i + 1)
                if end:
                    first = words[i + 2] if words[i + 1].group(0) == "the" else words[i + 1]
                    found.setdefault(first.start(), (first.start(), end, 0.6))
        low = text.lower()
        for m in (_CALLED.finditer(text) if "called" in low or "named" in low else ()):
            if not is_medical_term(m.group(1).lower()) and not is_drug_name(m.group(1).lower()):
                found.setdefault(m.start(1), (m.start(1), m.end(1), 0.7))
        for m in (_SAINT.finditer(text) if "st" in low or "saint" in low else ()):
            word = re.sub(r"['\u2019]s$", "", m.group("w")).lower()
            if not any(known_place(f"{p} {word}") for p in ("st.", "saint", "st")) and word not in STOP_WORDS:
                found.setdefault(m.start(), (m.start(), m.end(), 0.6))
        for m in (_BRACKETED.finditer(text) if "(" in text else ()):
            inner = m.group(1).lower().split()
            medicine = is_medical_term(" ".join(inner)) or any(is_drug_name(x) or is_medical_term(x) for x in inner)
            if not medicine and any(_says_which(x) and x not in STOP_WORDS for x in inner):  # not "(Aimovig copay card)"
                found.setdefault(m.start(1), (m.start(1), m.end(1), 0.65))
        return [self.result(*found[start]) for start in sorted(found)]


_MOVED_TO = frozenset({"to", "into", "in"})
# the services that are places one is taken to or kept in ("into coastal crisis center")
_PLACES_OF_SERVICE = frozenset("clinic center centre hospital pharmacy rehab detox jail prison memorial infirmary hospice "
                               "shelter pantry academy church otp".split())
_STAYS = frozenset("inpatient outpatient residential resident detox rehab program bed stay staying".split())
_NAME_TAGS = frozenset({"NN", "JJ", "CD", "FW"})  # the two first letters of a name word's tag ("NNS", "JJ")


def _worker_before(words, at: int) -> bool:
    """Whether someone who works somewhere, or a stay, is named right before ``words[at]``
    ("at"): "my ob at", "dr oyelaran at", "my case manager precious at", "inpatient at"."""
    for back in (1, 2):
        if at - back < 0:
            return False
        word = words[at - back].group(0)
        if word in _STAYS or is_person_noun(word) or word in SHORT_TITLE_WORDS:
            return True
    return False


def _workplace_run(text: str, words, i: int) -> int | None:
    """The end of a workplace's name said bare after "<worker> at" (``words[i]`` first): two to
    four name words with no article ("motion lab", "cold spring ridge"), or one no vocabulary
    holds ("quillmoor"); after "the", a run that ends in the head of a service's name and holds
    a word saying which ("the fort mercer vet center"). Not a place, not medicine alone."""
    article = words[i].group(0) == "the"
    start = i + 1 if article else i
    if start >= len(words) or (article and not _joined(text, words[i], words[start])):
        return None
    offset, tags = sentence_tags(text, words[start].start(), words[start].end())
    tag_at = {a + offset: tag for a, _, tag, _ in tags}
    run = []
    for j in range(start, min(start + 4, len(words))):
        word = words[j].group(0)
        if j > start and not _joined(text, words[j - 1], words[j]):
            break
        if not _name_word(word) or word in CALENDAR or tag_at.get(words[j].start(), "NN")[:2] not in _NAME_TAGS:
            break  # "motion lab starts", "at appointments lately": a verb or an adverb ends it
        run.append(words[j])
    if not run or place_at(text, run[0].start()) is not None:
        return None
    said = [m.group(0) for m in run]
    if is_medical_term(" ".join(said)) or any(x in SPECIALTIES for x in said) \
            or not any(_says_which(x) and x not in common_words() or len(said) > 1 and _says_which(x) for x in said):
        return None  # "physical therapy", "intake"
    if article:
        heads = [n for n, x in enumerate(said) if x in _HEADS or x in _SERVICES]
        return run[heads[-1]].end() if heads and heads[-1] > 0 else None
    return run[-1].end() if len(run) > 1 or _unknown(said[0]) else None


def _joined(text: str, a, b) -> bool:
    return text[a.end():b.start()] in (" ", "\t")


def _heads_end(text: str, words, i: int) -> int:
    while i + 1 < len(words) and words[i + 1].group(0) in _HEADS and _joined(text, words[i], words[i + 1]):
        i += 1  # "recovery center"
    return words[i].end()


def _bare_service(text: str, words, i: int, moved: bool = False) -> int | None:
    """The end of a bare service's name from ``words[i]`` (right after "at" or "from"): up to
    four name words ending in a service's noun, one of them saying which. After "to", "into"
    or "in" (``moved``), only a place's noun ends one, and no noun after it goes on ("into
    coastal crisis center"; not "to conservative treatment", "to edible medical cannabis")."""
    services = _PLACES_OF_SERVICE if moved else _SERVICES
    for j in range(i, min(i + 4, len(words))):
        word = words[j].group(0)
        if j > i and not (_joined(text, words[j - 1], words[j]) and (_name_word(word) or word in _SERVICES)):
            return None
        if moved and j + 1 < len(words) and word in services and _joined(text, words[j], words[j + 1]) \
                and words[j + 1].group(0) in vocabulary() and words[j + 1].group(0) not in STOP_WORDS \
                and words[j + 1].group(0) not in DAYS_AND_MONTHS:
            return None  # "medical cannabis": the noun goes on
        if j > i and word in services and (j - i >= 2 or word not in _BARE_INSTITUTIONS) \
                and any(_says_which(m.group(0)) for m in words[i:j]) \
                and not is_medical_term(" ".join(m.group(0) for m in words[i:j])):  # "physical therapy center"
            return _heads_end(text, words, j)
    return None


def _placed_run(text: str, words, i: int) -> int | None:
    """The end of a run of one to three name words from ``words[i]`` that "in" or "of" and
    a known place follow, if there is one; a run that is medicine alone is no name."""
    for j in range(i, min(i + 3, len(words))):
        if j > i and not (_joined(text, words[j - 1], words[j]) and _name_word(words[j].group(0))):
            break
        after = _THEN_PLACE.match(text, words[j].end())
        if after and place_at(text, after.end()) is not None:
            run = [m.group(0) for m in words[i:j + 1]]
            if all(is_medical_term(x) or is_drug_name(x) for x in run) or place_at(text, words[i].start()) is not None:
                return None
            return words[j].end()
    return None
