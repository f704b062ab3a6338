"""Word lists shipped with deid, loaded once per process.

- ``names.tsv``: first names (US SSA baby names) and surnames (US Census 1990),
  each with how it is used: ``n`` the lower-case form is almost only ever the
  name (emma), ``c`` it needs a capital to be a name (mason), ``w`` it is a
  common word too (will, may). Built by tools/build_lexicons.py. A name that a
  dictionary lists as a word (``name_words.txt``: "spry", "bramble"; built by
  tools/build_name_words.py) counts as ``w``, not ``n``, unless it is a popular
  first name ("lily", "bobby": there the word is left to its position); so does
  one whose capitalised form is the more frequent (``c``) when the dictionary knows
  it as no noun ("sharper", "dusty"), but not a noun ("trump", "mason").
- ``common_words.txt``: lower-case English words too common to be taken for a
  name on their own, with ``frequent_words.txt`` (words frequent in written
  and social-media English by ``wordfreq``: "dont", "im", "meds");
  ``vocabulary.txt``: a larger list of words and slang; ``capitalised_words.txt``:
  the words of both lists mostly written with a capital ("hitler", "messi").
- ``medical_terms.txt``: lower-case labels and synonyms of the Human Phenotype
  Ontology (symptoms, signs, conditions: "dry mouth", "night sweats"), and
  ``medical_words.txt``: their words that are no name, place or everyday
  word ("myalgia", "cholesterol"), with the drug names people write.
- the medical lexicon: drug names, generic and brand (107,000 variants), from
  the ``drug-named-entity-recognition`` package's dictionary (as a word list), and the
  FDA's substance names (``fda_drug_names.txt``), plus the rules' own term lists;
  disease names of the Human Disease Ontology (``diseases.txt``) and the proper names
  in them (``eponyms.txt``). Built by tools/build_medicines.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deid.core.wordlists import HABIT_NOUNS, MONTH_WORDS, NOT_TRADES, WEEKDAY_WORDS

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class NameInfo:
    first: bool
    surname: bool
    usage: str  # "n", "c" or "w"
    popular: bool = False
    sex: str = ""  # F, M or U for a first name


@lru_cache(maxsize=1)
def names() -> dict[str, NameInfo]:
    words = name_words()
    out: dict[str, NameInfo] = {}
    for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, usage, popular, sex = line.split("\t")
        first, popular_name = "F" in kind, popular == "1"
        parts = words.get(name)
        if parts and not (first and popular_name) and (usage == "n" or (usage == "c" and "noun" not in parts)):
            usage = "w"  # a dictionary word first: "spry", "bramble", "sharper"
        out[name] = NameInfo(first, "S" in kind, usage, popular_name, sex)
    return out


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """Names that an English dictionary lists as words, with their parts of speech
    ("spry": adj; "brook": noun, verb), from ``data/name_words.txt``."""
    return {word: frozenset(parts.split(",")) for word, parts in (line.split("\t") for line in _lines("name_words.txt"))}


def _lines(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [w for w in lines if w and not w.startswith("#")]


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_lines("common_words.txt")) | frozenset(_lines("frequent_words.txt"))


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The words of ``common_words.txt`` alone (spaCy's log-probability of -13 or more: "ok",
    "the", "lol"), without the web list's short forms and letter pairs ("dk", "kv")."""
    return frozenset(_lines("common_words.txt"))


@lru_cache(maxsize=1)
def capitalised_words() -> frozenset[str]:
    """Words of the common and vocabulary lists written with a capital more
    often than without: names of the famous, brands, days ("hitler",
    "messi", "monday")."""
    return frozenset(_lines("capitalised_words.txt"))


@lru_cache(maxsize=1)
def medical_terms() -> frozenset[str]:
    return frozenset(_lines("medical_terms.txt"))


@lru_cache(maxsize=1)
def medical_words() -> frozenset[str]:
    return frozenset(_lines("medical_words.txt"))


# Months, in full and short ("Jan", "Sept"), and with the week days ("Fri") the calendar's words.
MONTHS = MONTH_WORDS
CALENDAR = MONTHS | WEEKDAY_WORDS
# The calendar's words with the week days in full: no one's name where a name is expected
# ("my sponsor Tuesday", "see you Sunday", "moved to Thursday").
DAYS_AND_MONTHS = CALENDAR | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def i_run_together(word: str) -> bool:
    """"I" run together with what follows it, as posts write it: "Iam",
    "Ihave", "Ive", "Idk", "I'ld", "I'am"."""
    return word[:1] == "I" and len(word) > 1 and (word[1] in "'\u2019" or word[1:].lower() in _AFTER_I)


_AFTER_I = frozenset("am m have ve ll d was will would had could should can cant think thought feel felt know dk "
                     "just do dont did didnt".split())


@lru_cache(maxsize=2)
def _by_length(medical_only: bool) -> dict[int, list[str]]:
    return _lengths(medical_words() if medical_only else medical_words() | (common_words() - capitalised_words()))


@lru_cache(maxsize=1)
def _drugs_by_length() -> dict[int, list[str]]:
    """The long drug list's names of seven letters or more that are no known name."""
    return _lengths(w for w in drug_names() if len(w) >= 7 and name_info(w) is None)


def _lengths(words) -> dict[int, list[str]]:
    by: dict[int, list[str]] = {}
    for w in words:
        if len(w) >= 4 and w.isalpha():
            by.setdefault(len(w), []).append(w)
    return {n: sorted(ws) for n, ws in by.items()}


def misspelt(word: str) -> bool:
    """Whether ``word`` is a misspelling of a medical or common word; see ``misspelling``."""
    return misspelling(word) is not None


@lru_cache(maxsize=65536)
def misspelling(word: str) -> str | None:
    """What a misspelt word as patients write them is a misspelling of:
    ``"medical"`` ("nausia", "diahrea", "Welbutrin", "Sertaline", "Zolft") or
    ``"common"`` ("sinificant", "lonley"); ``None`` for a word spelt right or
    no misspelling. Never a known name nor a word of the vocabulary.

    Medical: one edit (a swap of two letters counts as one) from a medical
    word or drug name with the same first letter (from five letters with a
    capital, six in lower case), or two from nine letters; one edit from a
    name of the long drug list with the same first letter, from seven
    letters ("Incocid"); in lower case also one edit from any medical word
    from six letters (two from seven). Common: in lower case, one edit from a
    common word from six letters (two from nine); with a capital, one edit
    with the same first letter from eight letters ("Withdrawl"). Names from
    elsewhere are often one edit from some short English word ("Mette",
    "kaite", "Smokey"), hence the lengths. A word in capitals counts as one
    in lower case ("IMMEDIABTLY"). The name lexicon takes a capitalised word
    of five or six letters near a drug name ("Lantos") for a possible name
    all the same; only the model's guesses are judged by it."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    low = word.lower()
    capital = word[:1].isupper() and not word.isupper()  # in capitals, case says nothing
    if len(low) < 5 or not low.isalpha() or low in names() or low in capitalised_words() or low in vocabulary():
        return None  # a word of the vocabulary is no misspelling ("smokey" is not "smoker")

    def near(words: dict[int, list[str]], k: int, initial: bool = False) -> bool:
        for n in range(len(low) - k, len(low) + k + 1):
            candidates = words.get(n, ())
            if initial:
                candidates = [w for w in candidates if w[0] == low[0]]
            if process.extractOne(low, candidates, scorer=OSA.distance, score_cutoff=k) is not None:
                return True
        return False

    medical = _by_length(True)
    if (capital or len(low) >= 6) and near(medical, 2 if len(low) >= 9 else 1, initial=True):
        return "medical"
    if len(low) >= 7 and near(_drugs_by_length(), 1, initial=True):
        return "medical"  # a drug name of the long list ("Incocid", "stillnox")
    if capital:  # long words only: names are rarely eight letters and one edit from a word ("Withdrawl")
        return "common" if len(low) >= 8 and near(_by_length(False), 1, initial=True) else None
    if len(low) < 6:
        return None
    if near(medical, 2 if len(low) >= 7 else 1):
        return "medical"
    return "common" if near(_by_length(False), 2 if len(low) >= 9 else 1) else None


def fold(value: str) -> str:
    """Lower case, one kind of apostrophe, accents dropped, single spaces: how the
    medical lists are looked up ("Sjögren’s" -> "sjogren's")."""
    value = value.lower().replace("\u2019", "'")
    if not value.isascii():
        value = "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))
    return " ".join(value.split())


@lru_cache(maxsize=65536)  # asked of the same few words, over and over, by decide and the final check
def is_medical_term(value: str) -> bool:
    """A symptom, sign, condition or medicine as a whole ("Dry Mouth", "night sweats",
    "Lyme disease", "Vioxx")."""
    low = fold(value)
    return low in medical_terms() or low in medical_words() or low in diseases() or is_drug_name(low) \
        or _SPINE_LEVELS.fullmatch(low) is not None or _KRATOM.fullmatch(low) is not None


# A level of the spine, or a span of them: a vertebra, the disc or the nerve root below it
# ("c5-c6", "l4-l5", "l5-s1", "t11-12"): cervical 1-8 (roots), thoracic 1-12, lumbar 1-5, sacral 1-5.
_LEVEL = r"(?:c[1-8]|t(?:1[0-2]|[1-9])|l[1-5]|s[1-5])"
# Kratom as its trade names it, which no drug list holds: a strain by the colour of the leaf's
# vein and where it is grown ("red bali", "green malay", "white vein borneo"), "maeng da" with or
# without a colour, and 7-hydroxymitragynine, its alkaloid sold on its own ("7-oh").
_KRATOM = re.compile(r"(?:(?:red|green|white|yellow|gold)(?:[ \t-]+vein)?[ \t-]+)?maeng[ \t-]+da"
                     r"|(?:red|green|white|yellow|gold)(?:[ \t-]+vein)?[ \t-]+(?:bali|borneo|malay|malaysian|thai|"
                     r"indo|sumatra|kali|kalimantan|hulu|riau|vietnam|horn|elephant|bentuangie|papua|sunda|jongkong)"
                     r"|7-?hydroxy-?mitragynine|7-?oh")
_SPINE_LEVELS = re.compile(rf"{_LEVEL}(?:[ \t]*[-/\u2013][ \t]*(?:{_LEVEL}|1[0-2]|[1-9]))*")


@lru_cache(maxsize=1)
def diseases() -> frozenset[str]:
    """Disease names of the Human Disease Ontology and Orphanet, accents folded
    (``data/diseases.txt``, ``data/rare_conditions.txt``; tools/build_medicines.py)."""
    return frozenset(_lines("diseases.txt")) | frozenset(fold(w) for w in _lines("rare_conditions.txt"))


@lru_cache(maxsize=1)
def eponyms() -> frozenset[str]:
    """Proper names that name diseases ("tourette", "hashimoto", "guillain"), folded
    (``data/eponyms.txt``; tools/build_medicines.py)."""
    return frozenset(_lines("eponyms.txt"))


@lru_cache(maxsize=1)
def medical_abbreviations() -> frozenset[str]:
    """Medical abbreviations of two to six capitals ("ORIF", "ERCP", "TKR"; many are firms'
    too: "CVS"), as written (``data/medical_abbreviations.txt``; tools/build_medicines.py)."""
    return frozenset(_lines("medical_abbreviations.txt"))


@lru_cache(maxsize=1)
def fda_drug_names() -> frozenset[str]:
    """Brand, official and common names of the FDA's substance registry that are no
    name, place or everyday word ("vioxx", "ashwagandha"; ``data/fda_drug_names.txt``)."""
    return frozenset(_lines("fda_drug_names.txt"))


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Lower-case words (slang included) frequent enough to be words: a
    lower-case word outside it may be a name, in text written in lower case."""
    lines = (DATA / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def drug_names() -> frozenset[str]:
    """Lower-case drug names from drug-named-entity-recognition's
    dictionary, as a plain word list built from the pinned version
    (``data/drug_names.txt``, tools/build_vocabularies.py): the package's
    own data file is a pickle, and unpickling runs code."""
    lines = (DATA / "drug_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


_RELEASE_FORM = re.compile(r"[\s\-]?(?:xr|xl|er|sr|cr|ir|odt|ds)$")


def is_drug_name(term: str) -> bool:
    """A drug name that is not, far more often, a person's name: "Suboxone"
    is a drug; "Kendrick" and "Allegra" (also brands) are taken for names,
    since a missed name costs more than a lost brand name."""
    if term in fda_drug_names():
        return True  # built without names, places and everyday words
    if term not in drug_names():
        form = _RELEASE_FORM.search(term)  # "EffexorXR", "seroquel-xr"
        return form is not None and (term[:form.start()] in drug_names() or term[:form.start()] in fda_drug_names())
    info = name_info(term)
    return info is None or info.usage != "n" or term in common_words()


# Endings of English words that are almost never names: "Energetic", "Capitalized".
_ENGLISH_SUFFIX = re.compile(r"(?:ic|ed|ing|ly|tion|sion|ness|ment|ous|ive|able|ible|ful|less|ism|ist|ity|ize|ise|ized|ised)$")


def english_suffix(word: str) -> bool:
    """An ending of English words that is rarely a name's ("-ic", "-ing",
    "-ist"): enough for the name lexicon not to take a lone unknown word."""
    return _ENGLISH_SUFFIX.search(word.lower()) is not None


# Endings no name has ("-ing" has: "Zhiming"; "-ist" has: "Bergqvist").
_NO_NAME_SUFFIX = re.compile(
    r"(?:ly|tion|sion|ness|ment|ous|ful|less|able|ible|ated|ating|ized|ised|izing|ising|ical|ologists?|iatrists?)$")


# Endings of medical words, conditions and procedures ("yawnitis", "hypergraphia", "Myalgia",
# "arthroscopy", "angioplasty"): no name has them.
_MEDICAL_SUFFIX = re.compile(r"(?:itis|osis|algia|opathy|phobia|philia|graphia|ectomy|scopy|plasty|otomy|ostomy|pexy|"
                             r"tripsy|rrhaphy|plegia|trophy|rrhea|rrhoea|graphy)$")


def medical_suffix(word: str) -> bool:
    """An ending of medical words that no name has ("-itis", "-algia")."""
    return _MEDICAL_SUFFIX.search(word.lower()) is not None


def no_name_suffix(word: str) -> bool:
    """An ending no name has ("Isolating", "Extremely"): enough to call a
    model's guess an ordinary word."""
    return _NO_NAME_SUFFIX.search(word.lower()) is not None


def name_info(word: str) -> NameInfo | None:
    return names().get(word.lower())


def is_first_name(word: str) -> bool:
    """Whether the name lexicon knows ``word`` (any case) as a first name."""
    info = name_info(word)
    return info is not None and info.first


@lru_cache(maxsize=1)
def occupations() -> dict[str, str]:
    """Job titles in lower case ("paramedic", "line cook") and the two digits of their
    SOC 2018 major group ("29"), from ``data/occupations.tsv``."""
    out = {}
    for line in _lines("occupations.tsv"):
        if line and not line.startswith("#"):
            title, group = line.split("\t")
            out[title] = group
    return out


# a noun of a doer by its ending: "fitter", "grader", "machinist", "wheelwright", "ferryman"
DOER_ENDING = r"(?:er|or|ist|ian|smith|wright|man|eer|ier|yer)"


@lru_cache(maxsize=1)
def trade_heads() -> dict[str, str]:
    """The doers' nouns that head the list's titles: the last word of a title of two words or
    more ("tuner" of "piano tuner") and the second part of a closed compound whose first part
    is a word of four letters or more ("fitter" of "pipefitter", "layer" of "bricklayer"),
    less the nouns of a habit or a tie (``wordlists.HABIT_NOUNS``, ``NOT_TRADES``): "a
    sprinkler fitter", "a wool grader" name a trade as "a piano tuner" does. Each with the SOC
    major group its titles share ("fitter": "47"), or "" when they are of several."""
    doer, words, groups = re.compile(rf"[a-z]{{2,}}{DOER_ENDING}"), common_words(), {}
    for title, group in occupations().items():
        last = title.split()[-1]
        heads = {last} if " " in title else set()
        heads.update(last[i:] for i in range(4, len(last) - 3) if last[:i] in words and last[i:] in words)
        for head in heads:
            if doer.fullmatch(head) and head not in HABIT_NOUNS and head not in NOT_TRADES:
                groups.setdefault(head, set()).add(group)
    return {head: (next(iter(g)) if len(g) == 1 else "") for head, g in groups.items()}


@lru_cache(maxsize=1)
def us_places() -> dict[str, tuple[tuple[str, int], ...]]:
    """US places of 500 people or more by lower-case name: (state, population) of each
    place of that name ("springfield" -> ("IL", 114394), ("MA", 155032), ...), from
    ``data/us_places.tsv`` (GeoNames)."""
    out: dict[str, list[tuple[str, int]]] = {}
    for line in _lines("us_places.tsv"):
        name, state, population = line.split("\t")
        out.setdefault(name.lower(), []).append((state, int(population)))
    return {name: tuple(places) for name, places in out.items()}


@lru_cache(maxsize=1)
def place_kind_words() -> frozenset[str]:
    """The words that end the names of places ("hollow", "gap", "crossing", "springs"): the
    last word of three or more of the gazetteer's US places of several words that is an
    English word and mostly no first name (a surname may be one: "Hollow", "Springs"; ``data/us_places.tsv``)."""
    counts: dict[str, int] = {}
    for line in _lines("us_places.tsv"):
        words = line.split("\t")[0].split()
        if len(words) > 1 and words[-1].isalpha():
            counts[words[-1].lower()] = counts.get(words[-1].lower(), 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 3 and w in common_words()
                     and ((info := name_info(w)) is None or not info.first or info.usage == "w"))


@lru_cache(maxsize=1)
def rare_conditions() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """Names of rare conditions in lower case ("huntington's disease", "complex regional
    pain syndrome"; Orphanet's, from ``data/rare_conditions.txt``), and by first word the
    lengths in words of the names that start with it, longest first."""
    names = frozenset(_lines("rare_conditions.txt"))
    lengths: dict[str, set[int]] = {}
    for name in names:
        words = name.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return names, {w: tuple(sorted(ns, reverse=True)) for w, ns in lengths.items()}


@lru_cache(maxsize=1)
def foreign_months() -> dict[str, int]:
    """Month names, in lower case, of the languages mixed into English posts ("marzo",
    "setembro", "märz", "hulyo"), each with its month (1-12), from ``data/months.tsv`` (the
    CLDR's)."""
    return {name: int(month) for _, month, name in (line.split("\t") for line in _lines("months.tsv"))}


@lru_cache(maxsize=1)
def world_places() -> frozenset[str]:
    """Names of the world's places of 15,000 people or more, in lower case, from
    ``data/world_places.txt`` (GeoNames)."""
    return frozenset(_lines("world_places.txt"))


def known_place(value: str) -> bool:
    """Whether the gazetteer knows ``value`` as a place: a US place of 500 people or
    more, or a place of 15,000 or more anywhere."""
    name = " ".join(value.split()).lower()
    return name in us_places() or name in world_places()
