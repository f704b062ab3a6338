"""What a finding rests on, as data: how strong its recognizer's evidence is
(an attribute each recognizer declares, see ``recognizers``), and what its
words are (known names, common words, medical terms) and how they are cased.

Decide uses it twice: a guess made only of common or medical words is kept
(the ledger says why), and only strong evidence lets a value be removed from
the rest of the batch (``spreads``); a model's guess made once is not
knowledge, and spreading it turns one mistake into hundreds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from deid.core.lexicon import (
    CALENDAR,
    capitalised_words,
    common_words,
    english_suffix,
    i_run_together,
    is_drug_name,
    is_medical_term,
    medical_suffix,
    medical_words,
    misspelling,
    name_info,
    name_words,
    no_name_suffix,
    vocabulary,
)
from deid.core.model import CERTAIN, CONTEXT, GUESSES, LEXICON, MODEL, PATTERN  # noqa: F401 (detect reads them here)
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import FAMILY_ADDRESS, HOLIDAYS, LAB_TESTS, ORG_HEADS, ORG_KINDS
from deid.detect.label_words import is_identifier_label
from deid.detect.tag_words import ordinary_tag
from deid.detect.medical_names import medicine_by_position
from deid.detect.word_position import listed_as_word
from deid.detect.word_sense import addressed_by_word, common_sense, everyday_word_name
from deid.detect.writer_case import capitalising_writer, held_by_a_person, in_another_language

# Recognizers by a shape that code has too: in Markdown code their finding is a programming
# identifier ("`record_seconds`", "`pyproject.toml`"), not a user name, and stays as a guess does
SHAPES_CODE_HAS = frozenset({"UserNameRecognizer"})
NAMELIKE = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP"})
# Values in the batch's mention index are names of people and places only.
SPREAD_TYPES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
# How many records' guesses must agree before a guessed value counts as known.
AGREEING_RECORDS = 2
# How many capitalised ordinary words in mid-sentence make a writer one who capitalises.
CAPITALISED_WORDS = 1

# A dose or a measurement: "300mg", "2.5 ml", "120/80 mmHg", "40 units".
_MEASUREMENT = re.compile(
    r"^\d+(?:[.,/]\d+)*\s*-?\s*(?:mg|mcg|µg|ug|g|gr|kg|ml|cc|l|iu|units?|mmhg|mg/dl|mmol/l|%|lbs?|pounds?|"
    r"tabs?|tablets?|pills?|caps?|capsules?|doses?|x)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# a dose's unit per some time or weight, cut at its slash: "5 mcg/", "0.1 mg/"
_PER_UNIT_BEFORE = re.compile(r"\d[ \t]*(?i:mg|mcg|\u00b5g|ug|g|ml|iu|units?)/$")
_LAB_VALUE = re.compile(r"^([A-Za-z][A-Za-z0-9]{0,5})[ \t]*[:=]?[ \t]*\d+(?:\.\d+)?$")
_CONTRACTION = re.compile(r"^[a-z]+'(?:m|re|ve|ll|d|t|s)$")  # "I'm", "don't", "we've"
_ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")
_POSSESSIVE = re.compile(r"['\u2019]s$")


def words(value: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(value)]


def is_plain(word: str, medical: bool = True) -> bool:
    """A common English word that is not mostly written with a capital ("the",
    not "hitler"), a medical term or a drug name (any case), a word with an
    ending no name has ("Isolating", "Extremely") or of the vocabulary ("wean",
    "Woozy", "YIKES") that is no known name nor mostly capitalised (a capital
    in mid-sentence may still say "name": ``keep_reason``), a misspelling of a
    medical or common word ("nausia", "lonley"), a contraction ("I'm") or "I"
    run together with what follows ("Iam"). Without ``medical`` (the rules'
    ``medical_lexicon: false``), medical words and drug names are not plain."""
    low = word.lower().replace("\u2019", "'")
    capitalised = low in capitalised_words()
    vocabulary_word = low in vocabulary() and not capitalised and (not word.isupper() or len(word) > 4)  # not "DMX"
    if name_info(low) is None and (no_name_suffix(low) or vocabulary_word or low in CALENDAR):  # "Fri"
        return True
    if (low in common_words() and not capitalised) or bool(_ROMAN.match(low)) or _CONTRACTION.search(low) \
            or i_run_together(word) \
            or misspelling(word) == "common":
        return True
    return medical and _medical(word)


def is_name_only(word: str) -> bool:
    """A name whose lower-case form is almost only ever the name ("adams",
    "szabo"; not "rose", "will")."""
    info = name_info(word)
    return info is not None and info.usage == "n"


def lower_case_too(word: str) -> bool:
    """Whether a word of a known name goes in lower case too: a name whose
    lower-case form is almost only ever the name ("adams"), a word written
    with a capital far more often than without ("obama"), or one of no
    vocabulary at all ("ishawna"); never a word that is also an ordinary or
    medical word ("mason", "will", "grace")."""
    low = word.lower()
    if is_name_only(word):
        return True
    if name_info(low) is not None:  # a name that is also a word: "rose", "mason"
        return False
    if low in capitalised_words():
        return True
    return low.isalpha() and len(low) > 2 and low not in vocabulary() and low not in common_words() \
        and not _medical(word) and misspelling(word) is None


def is_name_word(word: str) -> bool:
    """A known first name or surname that is not also a common word."""
    info = name_info(word)
    return info is not None and info.usage != "w"


def casing(value: str) -> str:
    """lower, title, upper or mixed: how the value's words are written."""
    ws = [w for w in words(value) if len(w) > 1] or words(value)
    if not ws:
        return "mixed"
    if all(w.islower() for w in ws):
        return "lower"
    if all(w.isupper() for w in ws):
        return "upper"
    if all(w[0].isupper() and not w.isupper() for w in ws):
        return "title"
    return "mixed"


# A clinical note's shorthand of a capital and an "x": history, diagnosis, treatment, symptoms,
# prescription, fracture, biopsy ("Hx COPD", "Fx of L wrist"); not "Mx", a title
_SHORTHAND_X = re.compile(r"[A-LN-Z]x")
_SIDES = frozenset({"L", "R"})  # left and right, as notes write them


def _medical(word: str) -> bool:
    low = word.lower()
    return low in medical_words() or is_drug_name(low) or misspelling(word) == "medical" or medical_suffix(low) \
        or _SHORTHAND_X.fullmatch(word) is not None


def keep_reason(entity: str, text: str, start: int, end: int, strength: str,
                allowed: Callable[[str], bool] | None = None, medical: bool = True) -> str | None:
    """See ``_keep_reason``; and a guess that the words around it make medicine that
    looks like a name (``medical_names``: "Crohn" of "Crohn's and", "MME" of "120 MME"),
    or a person's guess that is an everyday word used as one, or a deity or an endearment
    addressed (``word_sense``: "Iris inflammation", "Thank you, Lord,")."""
    reason = _keep_reason(entity, text, start, end, strength, allowed, medical)
    if reason is not None or strength not in GUESSES:
        return reason
    if medical and entity in NAMELIKE and medicine_by_position(text, start, end, entity):
        return "medical_term"
    value = text[start:end]
    if value.islower() and capitalising_writer(text) and in_another_language(text, start, end) \
            and not held_by_a_person(text, start, end, foreign=True):
        return "common_words"  # "sumasakit ang tuhod": a passage's own words, in a language the model and lists do not read
    if medical and entity == "PERSON" and value.islower() and "adj" in name_words().get(value.split()[0], ()) \
            and any(is_medical_term(w.strip(_PUNCTUATION)) for w in value.split()[1:]):
        return "medical_term"  # "frank hemoptysis twice": a medical phrase in lower case, its first word an adjective
    if entity == "PERSON" and addressed_by_word(text, start, end):
        return "common_words"  # "Thank you, Lord,"
    if entity == "PERSON" and value.islower() and listed_as_word(text, start, end):
        return "common_words"  # "so: wren, jay, coffee": a word listed with things, the model's guess or not
    if entity == "PERSON" and " " not in value.strip() and _ARTICLE_BEFORE.search(text, max(0, start - 8), start) \
            and everyday_word_name(value.title() if value.islower() else value):
        return "common_words"  # "the iris is fine", "a Hope I cannot explain": an article owns no person
    if entity == "PERSON" and in_holiday(text, start, end):
        return "common_words"  # "New Year's Eve", "Valentine's Day": a holiday's name, no person's
    if entity in ("PERSON", "ORGANIZATION") and value.strip().lower() in FAMILY_ADDRESS:
        return "common_words"  # "When Mom turned ninety", "Oma said": what a family calls its own, no name
    if entity == "PERSON" and _only_a_role(value):
        return "common_words"  # "Facilitator:", "my Scottish gran": a person noun, no name
    if entity == "PERSON" and (_a_named_thing(text, start, end) or _in_a_quoted_title(text, start, end)):
        return "common_words"  # "the Serenity Prayer", '"Daily Harmony: Sleep & Calm"': a thing's name
    if entity in ("PERSON", "ORGANIZATION") and _PLURAL_ABBREVIATION.fullmatch(value.strip()):
        return "common_words"  # "the three OTPs near me": an abbreviation in the plural, no one's name
    # a person's guess of one everyday word used as the word: "Rose pollen", "amber glass
    # bottles", "Ivy and moss"; an organisation's of an adjective too ("Dusty old albums"; not
    # "Apple products", "Trump supporters": a public name before a noun stays one)
    if (entity == "PERSON" or (entity == "ORGANIZATION" and _adjective(value))) and \
            everyday_word_name(value.title() if value.islower() else value) and common_sense(text, start, end) \
            and not (value.islower() and _A_VERB_AFTER.match(text, end)):
        return "common_words"
    return None


_THE_BEFORE = re.compile(r"(?i:\bthe[ \t]+)$")
# The kinds of a work, a text or a rule that a name of capitalised words ends with ("the Serenity
# Prayer", "the Baker Act"); not a place's or an organisation's ("the Harlow Bridge" is a place).
_WORKS = frozenset("prayer prayers creed pledge oath act law rule rules principle method technique diet effect "
                   "challenge award prize steps traditions promises journal diary workbook manual handbook guide "
                   "podcast show series song album book novel poem movie film".split())


def _a_named_thing(text: str, start: int, end: int) -> bool:
    """Capitalised words after "the" that end with the kind of a work, a text or a rule: its name
    ("the Serenity Prayer", "the Harmony Journal"; not "the Marchetti Family", "the Harlow Bridge")."""
    words = text[start:end].split()
    if len(words) < 2 or not _THE_BEFORE.search(text, max(0, start - 6), start) or not all(w[:1].isupper() for w in words):
        return False
    return words[-1].lower() in _WORKS


_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{1,80})[\"\u201d]"
                     r"|(?<![\w'\u2019])['\u2018]([^'\u2018\u2019\n]{1,80})['\u2019](?![\w'\u2019])")
_TITLE_WORD = re.compile(r"[\w'\u2019-]+")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by upon under over into & vs".split())


def _in_a_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted title, in double or single quotes, of words all capitalised but the small ones,
    with no stop or comma, one everyday word at least that no name list holds, and no first name nor
    a popular surname besides the guess: a book's, a song's or an app's ('"Daily Harmony: Sleep &
    Calm"', "'Ruby Skies Over the Harbour'"; not '"Big Ray Dunn"')."""
    for m in _QUOTED.finditer(text, max(0, start - 80), min(len(text), end + 80)):
        g = 1 if m.group(1) is not None else 2
        if not (m.start(g) <= start and end <= m.end(g)):
            continue
        inner = m.group(g)
        if any(c in inner for c in ",.!?;"):
            return False
        words = [w for w in _TITLE_WORD.findall(inner) if w.lower() not in _SMALL_WORDS]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return False
        found = [w for w in words if text.find(w, start, end) < 0]  # the words besides the guess
        infos = [(w.lower(), name_info(w.lower())) for w in found]
        return any(low in common_words() and info is None for low, info in infos) \
            and all(info is None or not info.first and (info.usage == "w" or not info.popular) for _, info in infos)
    return False


# A participant's, a speaker's or a question's code: one or two capitals and a short number ("P14",
# "Q3", "R2"), no name's and no organisation's shape.
_CODE_LABEL = re.compile(r"[A-Z]{1,2}\d{1,3}")
_PLURAL_ABBREVIATION = re.compile(r"[A-Z]{2,5}['\u2019]?s")


def _only_a_role(value: str) -> bool:
    """A person noun alone, after the words for a people or a faith ("Scottish gran"), that is no
    given name, and no common surname unless written in lower case ("Facilitator", "Night Nurse",
    "gran"; not "Hunter", "tanner", "Ally", "Baker")."""
    words = value.split()
    while len(words) > 1 and GROUP_WORD.fullmatch(words[0]):
        words.pop(0)
    if not words or not is_person_noun(" ".join(words).lower()):
        return False
    if any(w.lower() not in common_words() or name_info(w.lower()) is not None for w in words[:-1]):
        return False  # "Canfield OB-GYN": a name before the role's word
    head = words[-1]
    info = name_info(head.lower())
    if info is None:
        return True
    return not info.first and (head.islower() or not info.popular and info.usage == "w")


_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:a|an|the)[ \t]+)$")
_HOLIDAY = re.compile(rf"(?i:\b{HOLIDAYS}\b)")


def in_holiday(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies within a holiday's name said around it."""
    return any(m.start() <= start and end <= m.end() for m in _HOLIDAY.finditer(text, max(0, start - 20), end + 20))


# In lower case the tagger reads a verb after a name as a noun ("sandy likes to"): the word
# after that word shows it ("to", "that", an object or a determiner), and the name stays one.
_A_VERB_AFTER = re.compile(r"[ \t]+[a-z]+s[ \t]+(?:to|that|me|him|her|them|us|you|it|the|a|an|my|his|their|our)\b")


def _keep_reason(entity: str, text: str, start: int, end: int, strength: str,
                 allowed: Callable[[str], bool] | None = None, medical: bool = True) -> str | None:
    """Why a guessed name, place or organisation is no identifier at all:
    it is a dose or measurement, a medical term (or part of one, or a word
    given a dose: "at 5mg Lex"), a term the rules allow
    (``allowed``: rule ``allow_list``), or its words are ordinary words,
    medical words or allowed terms, none of them a name written as one
    ("muscle pain", "The", "Cholesterol", "dry mouth", "Full mu-opioid");
    see ``_name_evidence`` for capitals that count. A capitalised place of
    several ordinary words ("Green Bay") stays a place. Without ``medical``
    (``medical_lexicon: false``) only ordinary words and allowed terms count.
    ``None``: the finding stands."""
    if entity not in NAMELIKE or strength not in GUESSES:
        return None
    value = text[start:end]
    if _MEASUREMENT.match(value) or (entity != "LOCATION" and not _WORD.search(value) and sum(c.isdigit() for c in value) < 5):
        return "measurement"  # "300mg"; a short number taken for a person or organisation ("~60"); a place's may be a ZIP code
    if _PER_UNIT_BEFORE.search(text, max(0, start - 16), start):
        return "measurement"  # "h patch" of "5 mcg/h patch": the rest of a dose's unit
    lab = _LAB_VALUE.match(value)
    if lab and lab.group(1).lower() in LAB_TESTS:
        return "measurement"  # "K 3.1", "WBC 14": a lab test and its value
    if medical and (is_medical_term(value) or _within_medical_term(text, start, end)):
        return "medical_term"
    if medical and _dosed(text, start, end):
        return "medical_term"
    if allowed is not None and allowed(value):
        return "allow_list"
    if is_identifier_label(text, start, end) or (entity != "LOCATION" and _CODE_LABEL.fullmatch(value)):
        return "label"  # "Member ID", and a participant's or a question's code in a transcript: "P14:", "Q3."
    if ordinary_tag(text, start, end):
        return "common_words"  # "#StayStrong": a tag's ordinary words
    ws, found_medical, listed = [], False, False
    tokens = [t.strip(_PUNCTUATION) for t in value.split()]
    in_term = _in_terms(tokens, medical and is_medical_term)       # "BRAIN ZAPS" of "BIG TIME BRAIN ZAPS"
    in_listed = _in_terms(tokens, allowed)                          # "Side Effects" of "Routine Side Effects"
    # in a name of several capitalised words, an everyday word that a medical list also holds
    # ("Peer", "Clarity", "Apex") is the name's word, not medicine, unless it ends the name, as
    # a medical phrase's head does ("Severe Pain"): "Second Wind Peer Recovery" is a name
    named = entity != "PERSON" and len(tokens) > 1 and casing(_DETERMINER.sub("", value)) == "title"
    if named and entity == "ORGANIZATION" and tokens[-1].lower() in ORG_HEADS:
        if any(t.lower() not in common_words() for t in tokens[:-1]):
            return None  # "Rosewood Eating Disorder Unit": a name that says what it is
        if tokens[-1].lower() in _WARDS:
            return "common_words"  # "Intensive Care Unit", "Emergency Department": every hospital's
        if any(t.lower() not in ORG_KINDS and t.lower() not in ORG_HEADS and t.lower() not in _DETERMINERS
               and not in_term[i] and not (medical and is_medical_term(t)) for i, t in enumerate(tokens[:-1])):
            return None  # "Kentucky Harm Reduction Coalition": a word besides its kind names it
    for i, token in enumerate(tokens):
        if token in _SIDES and found_medical:
            continue  # "Fx of L": the side a note's shorthand says, after the medicine
        if in_term[i] or (medical and is_medical_term(token) and not (
                named and i < len(tokens) - 1 and token.lower() in common_words())):
            found_medical = True
            continue
        if in_listed[i] or (allowed is not None and allowed(token)):
            listed = True
            continue
        for w in words(token):
            if is_name_word(w) or not (is_plain(w, medical) or (allowed is not None and allowed(w))):
                return None
            ws.append(w)
            found_medical = found_medical or (medical and _medical(w))
    if not (ws or found_medical or listed):
        return None  # no words at all ("90210")
    if ws and casing(value) in ("title", "mixed") and _name_evidence(entity, text, start, words(value)):
        return None
    if named and len(words(value)) > 1 and not (found_medical or listed) \
            and not any(no_name_suffix(w) for w in ws):  # "Extremely Frustrating" is no place
        return None
    return "medical_term" if found_medical else "allow_list" if listed and not ws else "common_words"


def _adjective(value: str) -> bool:
    """One word that the dictionary knows as an adjective and no noun ("Dusty", "Sunny")."""
    parts = name_words().get(value.lower(), ())
    return " " not in value and "adj" in parts and "noun" not in parts


_WARDS = frozenset({"unit", "department", "ward", "wing"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "my", "their", "his", "her"})
_DETERMINER = re.compile(r"^(?:" + "|".join(sorted(_DETERMINERS)) + r")[ \t]+")  # "the Beacon Program" is a name in title case


# Units a dose is given in, and the forms a medicine comes in; one home for
# the doses that make a word a medicine here and a number no date (``detect``).
DOSE_UNIT = r"(?:mgs?|mcg|µg|ml|cc|milligrams?|units?)"
DOSE_FORM = r"(?:tabs?|tablets?|pills?|caps?|capsules?)"
_DOSE_BEFORE = re.compile(rf"\d(?:[.,]\d+)?[ \t]*{DOSE_UNIT}\.?[ \t]+(?:of[ \t]+)?$", re.IGNORECASE)
_DOSE_AFTER = re.compile(rf"^[ \t]*(?:\(?[ \t]*\d+(?:[.,]\d+)?[ \t]*{DOSE_UNIT}"
                         rf"|\|[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:{DOSE_UNIT}|{DOSE_FORM}))\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"^[ \t]*(?:{DOSE_UNIT}|{DOSE_FORM})\b", re.IGNORECASE)


def dose_follows(text: str, end: int) -> bool:
    """Whether a unit or a form follows ``end`` ("l0 mg", "2 stillnox
    tablets", "2000-3000 mg"): what stands before it is a dose."""
    return bool(_UNIT_AFTER.match(text[end:end + 16]))


def _dosed(text: str, start: int, end: int) -> bool:
    """A word given a dose is a medicine: "at 5mg Lex", "Avanza (60mg)",
    "2 stillnox tablets", "X 25/100" (a combination's strength), "| X | 180 mg |" (a table's
    next cell), or is the dose itself ("took l0 mg")."""
    return bool(_DOSE_BEFORE.search(text[max(0, start - 24):start]) or _DOSE_AFTER.match(text[end:end + 16])
                or dose_follows(text, end) or strength_follows(text, end))


_STRENGTH_AFTER = re.compile(r"[ \t]*\(?(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)(?![\d/])")


def strength_follows(text: str, end: int) -> bool:
    """Whether a combination's strength follows ``end`` ("25/100", "7.5/325"): two figures
    no date or rating has, a fraction or one over 31 ("10/12" is a date, "5/5" a rating)."""
    m = _STRENGTH_AFTER.match(text, end)
    if m is None:
        return False
    a, b = m.groups()
    return "." in a or "." in b or float(a) > 31 or float(b) > 31


def _in_terms(tokens: list[str], is_term) -> list[bool]:
    """Which tokens belong to a term of two or three of them."""
    marked = [False] * len(tokens)
    if not is_term:
        return marked
    for n in (3, 2):
        for i in range(len(tokens) - n + 1):
            if not all(marked[i:i + n]) and is_term(" ".join(tokens[i:i + n])):
                marked[i:i + n] = [True] * n
    return marked


def _within_medical_term(text: str, start: int, end: int) -> bool:
    """A guess that is part of a longer medical term of up to four words
    ("St. John's" or "John" of "St. John's Wort", "Flax" of "Flax Seed")."""
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    spans = [(lo + m.start(), lo + m.end()) for m in re.finditer(r"[^\s,;:()]+", text[lo:hi])]
    inside = [i for i, (a, b) in enumerate(spans) if a < end and start < b]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    for i in range(max(0, first - 3), first + 1):
        for j in range(last, min(len(spans), i + 4)):
            term = text[spans[i][0]:spans[j][1]].strip(_PUNCTUATION)
            if spans[i][0] == start and _POSSESSIVE.sub("", term) == text[start:end]:
                continue  # the guess and its possessive: whose, or which disease (``eponymous``)
            if (spans[i][0], spans[j][1]) != (start, end) and is_medical_term(term):
                return True
    return False


_PUNCTUATION = ".,;:!?\"'()[]{}*_`\u201c\u201d\u2018\u2019"
# An article, a possessive or a like word just before a word: "a", "the nurse", "my Filipino ..."
# The endings of words for peoples, faiths and languages: "Nigerian", "Cypriot", "Sudanese",
# "Jewish", "Catholic", "Pakistani", "Filipino", "Dutch", "Maronite", "Punjabi". One used as
# such has an article or a possessive before it ("a Cypriot national"; "you and Hamish had"
# is a name), or a language's "in" ("said it in Tagalog").
GROUP_WORD = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|ic|ot|ino|ina|i|ch|ite)s?")
DETERMINER_BEFORE = re.compile(r"(?i:\b(?:a|an|the|my|your|his|her|our|their|its|this|some|any|no|very|so|too|more|most)\s+)$")


def _name_evidence(entity: str, text: str, start: int, ws: list[str]) -> bool:
    """Capitals that say "name": a popular first name ("Grace called", "Bill
    is right"); one capitalised word taken for a name in mid-sentence
    ("looking like Smokey on", "only Del will"), from a writer who writes
    ordinary words in lower case there (``capitalises``), unless it opens a
    sentence, follows an article ("a Zombie"), is a common word after a comma
    (", Felt like"), is medical or ends like an English word ("Horrific")."""
    for w in ws:
        info = name_info(w)
        if info is not None and info.first and info.popular and w[0].isupper():
            return True
    if len(ws) != 1 or opens(text, start) or DETERMINER_BEFORE.search(text[max(0, start - 8):start]):
        return False
    w = ws[0]
    if _AFTER_COMMA.search(text[max(0, start - 4):start]) and w.lower() in common_words():
        return False
    if _medical(w) or i_run_together(w) or capitalises(text, start):
        return False
    # after "at", "through", "for": where a business or a place is named ("my job at Epic"),
    # not an adjective ("it was Horrific")
    return not english_suffix(w) or (entity in ("ORGANIZATION", "LOCATION") and bool(_AT_BEFORE.search(text, max(0, start - 10), start)))


_AT_BEFORE = re.compile(r"\b(?:at|through|from|for|with|via)[ \t]+$")


def capitalises(text: str, but: int = -1) -> bool:
    """Whether the writer capitalises ordinary words in mid-sentence
    ("Dizzy, Extreme tiredness", "good Luck"), other than the one at
    ``but``: from such a writer a capital says nothing about a name."""
    return sum(a != but for a in _capitalised_ordinary(text)) >= CAPITALISED_WORDS


@lru_cache(maxsize=256)
def _capitalised_ordinary(text: str) -> tuple[int, ...]:
    out = []
    for m in _TITLE_WORD.finditer(text):
        w = _POSSESSIVE.sub("", m.group(0))
        low = w.lower()
        if len(w) < 2 or w.isupper() or opens(text, m.start()) or low in capitalised_words() or low in _ABBREVIATIONS:
            continue
        info = name_info(low)
        if (info is None or info.usage == "w") and (low in common_words() or low in medical_words()):
            out.append(m.start())
    return tuple(out)


# Short forms written with a capital by everyone ("monster Inc", "St Paul").
_ABBREVIATIONS = frozenset("inc co corp ltd llc st mt ave rd dr mr mrs ms jr sr vs dept univ".split())
_TITLE_WORD = re.compile(r"(?<![\w'\u2019@#/.-])[A-Z][a-z]+(?:['\u2019][a-z]+)?(?![\w@/])")


_AFTER_COMMA = re.compile(r",[ \t]*$")  # "nausea,  Off & on", "useless, Coffee &": a new item or clause
_OPENER = re.compile(r"(?:^|[.!?:;\"\u201c\u201d(\[>#*|\-\u2014\u2013\n]|\d[.)])[ \t]*$")


def opens(text: str, start: int) -> bool:
    """Whether ``start`` opens a sentence, a line or a list item."""
    return bool(_OPENER.search(text[max(0, start - 4):start]))


def spreads(entity: str, value: str, strength: str) -> bool:
    """Whether a value removed in one record is known well enough to be
    removed from every other record of the batch. Strong evidence only: a
    certain, context or pattern recognizer, or a person's name of several
    words that are all known names; never a common or medical word alone, nor
    words that are all common or medical. Guesses may still spread when
    several records agree (``Surrogates.freeze``)."""
    if entity not in SPREAD_TYPES:
        return False
    ws = words(value)
    if not ws or all(is_plain(w) and not is_name_word(w) for w in ws):
        return strength == CERTAIN
    if strength in (CERTAIN, CONTEXT, PATTERN):
        return True
    return entity == "PERSON" and len(ws) > 1 and all(name_info(w) is not None for w in ws)


def may_agree(entity: str, value: str) -> bool:
    """Whether guesses of ``value`` in several records may add up to
    knowledge: a name or place with a word that is no plain word, written
    with capitals as names are ("Dayton", not "wean" nor "RLS"); in lower
    case, see ``agrees_in_lower_case``."""
    ws = words(value)
    if entity not in SPREAD_TYPES or not ws or all(is_plain(w) and not is_name_word(w) for w in ws):
        return False
    return casing(value) in ("title", "mixed", "lower") or any(is_name_word(w) for w in ws)


def agrees_in_lower_case(value: str, known: Callable[[str], bool]) -> bool:
    """Whether lower-case guesses of ``value`` that agree in several records
    make it known: when its words go in lower case anyway ("ishawna"), or
    the batch knows the name with its capitals ("trump" where "Trump" is
    known; not "saver", also a surname, known nowhere with a capital)."""
    return all(lower_case_too(w) for w in words(value)) or known(value.title())
