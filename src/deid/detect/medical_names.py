"""Medicine that looks like a name: where the words around a guessed name make it a
disease, a procedure, a unit or a condition's abbreviation instead.

A model or the name lexicon takes "Hashimoto" of "Hashimoto's", "Whipple" of "the
Whipple procedure", "MME" of "120 MME" or "MCAS" of "POTS and MCAS" for a person or an
organisation. None of these readings rests on a list of the words that leaked; each is
a position:

- a capitalised word guessed as a person after an article or a possessive ("a", "the", "my")
  and before a medical word or a procedure's head ("a Jones fracture", "a Patrick's test"):
  an article owns no person;
- an eponym (a proper name that names a disease in the Disease Ontology or the HPO:
  ``lexicon.eponyms``) followed by a disease's or a procedure's head word ("X disease",
  "X's syndrome", "X-Y procedure"), or by a possessive that owns nothing ("has X's and",
  "X's, then"); a popular first name needs the head word ("Addison's mom" is a person's);
- an abbreviation in capitals right after a number: a unit ("120 MME", "40 IU");
- an abbreviation in capitals that a sentence gives someone as a condition ("has X",
  "diagnosed with X", "fighting X") or lists with a known condition ("POTS and X");
- a word of no name list listed with a known medicine ("X, Y and Lortab", "X with codeine");
- a medical abbreviation (``lexicon.medical_abbreviations``: "ORIF", "ERCP") where a firm
  does not stand: not after "at", "from", "with" ..., nor before "store", "plant" ....

``evidence.keep_reason`` asks here; what is found keeps its words and the ledger says why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.lexicon import (common_words, diseases, eponyms, fold, is_medical_term, medical_abbreviations, medical_suffix,
                               medical_words, name_info)
from deid.core.wordlists import ORG_HEADS, SPECIALTIES, SUBJECT_VERBS
from deid.detect.medicine_slots import in_medicine_slot, listed_with_medicine

# The head words of procedures, tests and signs named after people; the heads of diseases
# come from the ontology (``_disease_heads``).
_PROCEDURE_HEADS = frozenset(
    "procedure procedures operation surgery repair maneuver manoeuvre technique method test score scale "
    "criteria fundoplication shunt bypass block inventory questionnaire "
    # a device or an appliance named after its maker or inventor ("an X collar", "the X splint")
    "lift catheter cannula collar trach tube drain rods traction stockings splint suction".split())
# Heads of a schedule named after its author, which are verbs too ("helped X taper off"): only after
# an article or a possessive ("an X taper", "the X protocol").
_SCHEDULE_HEADS = frozenset("taper protocol regimen".split())
# The head words of a scale or a questionnaire named after its author, with medical words between
# ("the X Anxiety Inventory", "the X Pain Questionnaire", "X Coma Scale").
_INSTRUMENT_HEADS = frozenset("scale inventory questionnaire assessment index score test".split())
_CAPITALISED_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z]+){1,3}")

# A test's result before the name of the test: "positive X's test", "a negative X's".
_RESULT_BEFORE = re.compile(r"\b(?i:positive|negative|abnormal|normal|equivocal)[ \t]+$")
# Heads that name a sign or a disease even after a possessive ("X's sign", "X's triad").
_SIGN_HEADS = frozenset("sign reflex triad phenomenon disease syndrome palsy".split())  # not "signs": a verb too
# Everyday words that head disease names all the same ("X fever", "X's ulcer").
_DISEASE_WORDS = frozenset("disorder fever cancer tumor tumour ulcer anomaly defect lupus dementia".split())
# Words after a possessive that show it owns nothing: it ends a clause or joins another.
_CLAUSE_WORDS = frozenset(
    "and or but nor so too as at in on for from with since until after before is was has had have can could "
    "will would may might does did got gets flared flares flare came comes hit hits runs run makes made means "
    "meant".split()) | frozenset(  # nor does one before an article or a pronoun: "with X' the tremor"
    "the a an my your his her its our their this that these those i me he she we they it you".split())
# What a disease has, after its eponym's possessive: its crisis, its diagnosis, its treatment (and
# the medical words: its symptoms, its rigidity).
_COURSE = frozenset("attack attacks crisis crises diagnosis dx meds medication medications treatment".split())
# ... less those that tell where a person is from or at ("a Parkinson from my church")
_WHERE_FROM = frozenset("from at".split())
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])(?=\W|$)")
_NEXT_WORD = re.compile(r"[ \t]*(?:\(|-)?[ \t]*([^\W\d_][\w'\u2019-]*)?")
_CAPS = re.compile(r"[A-Z]{2,6}s?")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*[ \t]?(?:[a-zA-Z\u00b5]{1,4}/)?$")  # "120 MME", "12 mcg/h"
# A sentence giving someone a condition just before an abbreviation.
_HAS_BEFORE = re.compile(
    r"(?i:\b(?:has|had|have|having|(?:diagnosed|dx(?:'?d)?|born|living|struggling|dealing|suffering|battling|"
    r"admitted|readmitted|presented|presents|presenting|hospitali[sz]ed)"
    r"[ \t]+with|diagnosed(?:[ \t]+as)?|fighting|"
    r"treated[ \t]+for|treatment[ \t]+for|found[ \t]+(?:a|an))[ \t]+(?:a[ \t]+|an[ \t]+)?)$")
# An organisation's head after the medical word: "the Okafor Spine Center" names a place, no eponym
_ORG_AFTER = re.compile(r"[ \t]+(?:[^\W\d_]+[ \t]+)?(?i:" + "|".join(sorted(ORG_HEADS)) + r"|health|medicine|associates)\b")
# An article or the writer's own possessive right before a name: "a X fracture", "my X arthroscopy"
_DETERMINER = r"\b(?i:a|an|the|my|your|his|her|our|their)[ \t]+"
_DETERMINER_BEFORE = re.compile(_DETERMINER + "$")
# ... with an adjective perhaps between: "a slow X taper"
_ARTICLE_THEN = re.compile(_DETERMINER + r"(?:[a-z]+[ \t]+)?$")


@lru_cache(maxsize=1)
def _disease_heads() -> frozenset[str]:
    """The last words of disease names that start with an eponym ("disease",
    "syndrome", "palsy", "thyroiditis", "contracture")."""
    heads = set()
    for name in diseases():
        words = name.split()
        if len(words) > 1 and re.sub(r"'s?$", "", words[0]).split("-")[0] in eponyms():
            heads.add(words[-1])
    # words, not numbers, types or everyday nouns ("type I", "the Dearborn complex")
    heads = {h for h in heads if h.isalpha() and len(h) > 3 and h not in common_words()}
    return frozenset(heads - _PROCEDURE_HEADS) | _SIGN_HEADS | _DISEASE_WORDS


@lru_cache(maxsize=1)
def _joined_eponyms() -> frozenset[str]:
    """The hyphen-joined first words of disease names ("guillain-barre",
    "stevens-johnson", "wolff-parkinson-white"): a name pair that names a disease."""
    return frozenset(re.sub(r"'s?$", "", n.split()[0]) for n in diseases() if n.count(" ") and "-" in n.split()[0])


def _bare(value: str) -> str:
    return re.sub(r"['\u2019]s?$", "", fold(value))


def _eponym_words(value: str) -> bool:
    parts = [p for w in value.split() for p in _bare(w).split("-") if p]
    return bool(parts) and all(p in eponyms() or p in ("de", "la", "van", "von", "en", "y") for p in parts) \
        and any(p in eponyms() for p in parts)


def _instrument(phrase: str) -> bool:
    """Whether ``phrase`` is a name, medical words and an instrument's head ("Lindqvist Pain
    Questionnaire", "X Depression Inventory"): a scale, not a place or a firm."""
    words = phrase.split()
    return len(words) > 2 and words[-1].lower() in _INSTRUMENT_HEADS and all(w[:1].isupper() for w in words) \
        and any(is_medical_term(w.lower()) for w in words[1:-1])


def _capitalised(value: str) -> bool:
    return all(w[:1].isupper() for w in re.split(r"[\s-]+", value) if w)


def eponymous(text: str, start: int, end: int, entity: str = "PERSON") -> bool:
    """Whether the guess ``text[start:end]`` is the eponym of a disease or a procedure
    named in the text: "Hashimoto" of "Hashimoto's and", "Whipple" of "the Whipple
    procedure", "Guillain-Barre" of "when Guillain-Barre had me"."""
    value = text[start:end]
    after = _CAPITALISED_AFTER.match(text, end) if _capitalised(value) else None
    if _instrument(value) or (after and any(_instrument(value + " " + " ".join(after.group(0).split()[:n])) for n in (1, 2, 3))):
        return True  # "the X Anxiety Inventory": a scale named after its author
    rest = text[end:end + 40]
    owned = _POSSESSIVE.match(rest)
    if owned:
        rest = rest[owned.end():]
    elif re.search(r"['\u2019]s?$", value):
        owned = True
    elif _unmarked_possessive(text, start, value):
        owned, value = True, value[:-1]  # "sjogrens", "Aspergers diagnosis": the apostrophe left out
    nxt = _NEXT_WORD.match(rest)
    word = fold(nxt.group(1)) if nxt and nxt.group(1) else ""
    if _capitalised(value) and len(value) > 2 and (word in _disease_heads() or (word in _PROCEDURE_HEADS and not owned)) \
            and not (owned and _someones(value, word)):
        return True  # "X's syndrome", "the X maneuver": a name a disease's or a procedure's word follows
    if word in _SCHEDULE_HEADS and not owned and _capitalised(value) and len(value) > 2 \
            and _ARTICLE_THEN.search(text, max(0, start - 24), start):
        return True  # "an X taper", "a slow X taper", "the X protocol"; not "helped X taper off"
    if owned and word in _PROCEDURE_HEADS and _capitalised(value) and _RESULT_BEFORE.search(text, max(0, start - 12), start):
        return True  # "positive X's test": a result is a test's, not a person's
    if _bare(value) in _joined_eponyms():
        return True  # "Guillain-Barre", "Stevens-Johnson": a pair of names that names a disease
    if entity == "PERSON" and " " not in value.strip() and _capitalised(value) and len(value) > 2 and word \
            and _DETERMINER_BEFORE.search(text, max(0, start - 8), start) and nxt.group(1).islower() \
            and word not in SPECIALTIES and not _ORG_AFTER.match(rest, nxt.end()) \
            and (word in _PROCEDURE_HEADS or word in medical_words() or medical_suffix(word)):
        return True  # "a Jones fracture", "the Nissen fundoplication": an article owns no person (a guessed
        # organisation or place is named after its article: "the Harrowfield Long COVID Study"; and an
        # organisation's words are capitalised: "the Sandmere Hospice")
    if not _eponym_words(value):
        return False
    if word in _PROCEDURE_HEADS or (word and is_medical_term(f"{value} {word}")):
        return True
    hyphenated = "-" in value.strip("-")
    info = name_info(_bare(value.split()[-1]))
    popular = info is not None and info.first and info.popular
    if not (owned or hyphenated):
        # "I had a X in May", "my X was worse": after an article or the writer's possessive, a
        # disease's eponym that no name goes on from is the disease or the operation, not a person
        return not popular and _DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None \
            and (not word or word in _CLAUSE_WORDS and word not in _WHERE_FROM) \
            and not (nxt and nxt.group(1) and nxt.group(1)[:1].isupper())
    if popular and not hyphenated:
        return False  # "Addison's mom", "at Taylor's": a person's, without a disease's word
    return not word or word in _CLAUSE_WORDS or (word.endswith("ed") and len(word) > 4) \
        or word in _COURSE or word in medical_words()  # "X's ruled out"; "X's crisis", "X's rigidity"


def _unmarked_possessive(text: str, start: int, value: str) -> bool:
    """A disease's eponym with its possessive "s" and no apostrophe, as people type it
    ("sjogrens", "Aspergers", "Alzheimers"): one word whose stem names a disease and which is
    itself no name, and no word unless the disease's name has the stem with "'s" and the stem is
    no name (``_possessive_only``), not after an article ("the Bakers next door" is a family)."""
    low = fold(value)
    return " " not in value.strip() and low.endswith("s") and len(low) > 4 and low[:-1] in eponyms() \
        and name_info(low) is None and (low not in common_words() or _possessive_only(low[:-1])) \
        and not _DETERMINER_BEFORE.search(text, max(0, start - 8), start)


def _possessive_only(stem: str) -> bool:
    """Whether ``stem`` is an eponym a disease's name gives with "'s" ("alzheimer" of "alzheimer's
    disease") and no one's name: typed without the apostrophe it is the disease even where a word
    list holds the word ("Alzheimers"); a surname's plural is a family ("Parkinsons came over"),
    and a word of an "s'" disease stays the word."""
    return stem in _possessive_eponyms() and name_info(stem) is None


@lru_cache(maxsize=1)
def _possessive_eponyms() -> frozenset[str]:
    """The eponyms disease names give with "'s"."""
    return frozenset(n.split()[0][:-2] for n in diseases() if n.split()[0].endswith("'s"))


# (joined by a hyphen too: "Arnold" of "Arnold-Chiari malformation", "Wolff" of "Wolff-Parkinson-White")
_NAME_GOES_ON = re.compile(r"(?:-[A-Z][\w'\u2019]*){1,3}|(?:[ \t]+[A-Z][\w'\u2019-]*){1,2}")


def names_a_disease(text: str, start: int, end: int) -> bool:
    """Whether a mention of a name found elsewhere names a disease or a procedure where it
    stands ("Baker's cyst" in a record that names a Mr. Baker; "Lou" of "Lou Gehrig's
    disease"): ``eponymous`` over the mention and the capitalised words that go on with it."""
    if not text[start:start + 1].isupper():
        return False
    if eponymous(text, start, end):
        return True
    more = _NAME_GOES_ON.match(text, end)
    return more is not None and eponymous(text, start, more.end())


def _someones(value: str, word: str) -> bool:
    """Whether "X's <word>" is a person's illness rather than a disease's name: X is a
    popular first name that names no disease ("Karen's cancer", "Tobias's syndrome"; not
    "Addison's disease", "Bell's palsy", which the ontologies name)."""
    bare = _bare(value)
    last = bare.split()[-1] if bare.split() else bare
    info = name_info(last)
    if info is None or not info.first or not info.popular or last in eponyms():
        return False
    return not any(f"{bare}{s} {word}" in diseases() or is_medical_term(f"{bare}{s} {word}") for s in ("'s", "'", ""))


def unit_after_number(text: str, start: int, end: int) -> bool:
    """An abbreviation in capitals right after a number: a unit of a dose or a
    measure ("120 MME", "40 IU"), not an organisation."""
    value = text[start:end]
    before = _NUMBER_BEFORE.search(text[max(0, start - 12):start])
    if before is None:
        return False
    return _CAPS.fullmatch(value) is not None or (before.group(0).endswith("/") and len(value) <= 3 and value.isalpha())


def condition_abbreviation(text: str, start: int, end: int) -> bool:
    """An abbreviation in capitals the sentence gives someone as a condition ("has
    X", "diagnosed with X", "fighting X") or lists with a known condition ("POTS and
    X", "X, with ADHD")."""
    if _CAPS.fullmatch(text[start:end]) is None:
        return False
    return _HAS_BEFORE.search(text[max(0, start - 40):start]) is not None or listed_with_medicine(text, start, end)


def unknown_listed_with_medicine(text: str, start: int, end: int) -> bool:
    """A word of no name list, listed with a medicine or a condition ("X, Y and
    Lortab", "X with codeine"): a product the lists do not hold, not a person."""
    value = text[start:end].strip()
    if not value or " " in value or name_info(_bare(value)) is not None:
        return False
    if _A_SUBJECT.match(text, end):
        return False  # "I was on Lyrica, X was on nothing": X does what a person does
    return listed_with_medicine(text, start, end)


# A verb after the word, as after a person who is the subject of a clause.
_A_SUBJECT = re.compile(rf"[ \t]+(?:was|is|were|has|had|{'|'.join(SUBJECT_VERBS)}|[a-z]{{2,}}ed)\b")


# Where an abbreviation is a firm's: after a preposition a place of work or business
# takes ("at CVS", "from IBM"), or before a word a firm is named with ("the CVS store").
# ("for" only after work: "worked for IBM", not "thanks for the EMDR")
_FIRM_BEFORE = re.compile(
    r"(?i:\b(?:at|from|with|by|via|(?:work(?:s|ed|ing)?|job|volunteer(?:s|ed|ing)?|contract(?:s|ed|ing)?)[ \t]+for|to|"
    r"joined|called|emailed|contacted|hired|fired|employed|insured)"
    r"(?:[ \t]+(?:the|an?|my|our))?[ \t]+)$")
_FIRM_AFTER = re.compile(
    r"(?i:^[ \t]+(?:store|stores|pharmacy|plant|office|offices|corp|corporation|inc|llc|ltd|co|company|employees?|"
    r"stock|shares|headquarters|hq|building|campus|account|app|website|card|group|team|program|staff)\b)")


def medical_abbreviation(text: str, start: int, end: int) -> bool:
    """A medical abbreviation in capitals ("the ORIF", "an ERCP", "ESI number 3",
    "TKR on the right") where no firm stands (see ``_FIRM_BEFORE``, ``_FIRM_AFTER``)."""
    value = text[start:end]
    bare = value[:-1] if value.endswith("s") and value[:-1].isupper() else value
    if bare not in medical_abbreviations():
        return False
    return _FIRM_BEFORE.search(text, max(0, start - 24), start) is None and not _FIRM_AFTER.match(text[end:end + 24])


def medicine_by_position(text: str, start: int, end: int, entity: str) -> bool:
    """Whether any reading above, or a medicine's slot (``medicine_slots``), makes the
    guess ``text[start:end]`` medicine."""
    return eponymous(text, start, end, entity) or unit_after_number(text, start, end) \
        or condition_abbreviation(text, start, end) or unknown_listed_with_medicine(text, start, end) \
        or in_medicine_slot(text, start, end, entity) or medical_abbreviation(text, start, end)
