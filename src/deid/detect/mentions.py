"""How another mention of a removed value is matched, in one place.

Used by ``decide`` (to remove every mention of a name in a record) and by
``verify`` (to check that no removed value occurs again), so the two always
agree. A value whose every word is almost only ever a name ("Loretta",
"Loretta Szabo", "Ann Lee") matches in any case ("loretta", "SZABO"); any other value
("Mason", "Will", "Muscle Pain", "Lakeside Recovery Center") matches only as
written, in title case or in capitals, so the ordinary words ("a mason",
"will", "all over muscle pain") stay: a value learned from a heading or a
list is not removed from lower-case prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import CALENDAR, common_words, drug_names, name_info
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import SHORT_TITLE_WORDS, SUBJECT_VERBS
from deid.policy.shapes import identifies
from deid.detect.evidence import GUESSES, in_holiday
from deid.detect.medical_names import names_a_disease
from deid.detect.medicine_slots import in_medicine_slot, said_to_be_medicine
from deid.detect.word_position import said_as_word
from deid.detect.word_sense import common_sense, everyday_word_name
from deid.detect.writer_case import word_by_case


def looked_for_again(finding, value: str) -> bool:
    """Whether other mentions of a removed value go too (and must not remain,
    for the final check and ``deid verify``): not for a guess (the model,
    the name lexicon) written in lower case unless it is almost only ever a
    name ("deid", "wean" no; "jenny" yes); never for a short title alone ("Dr" taken for a
    name once must not go from every "Dr." of the record and the batch), nor for an age, nor
    for a column's value of another type made only of everyday words ("Yes", "Weekly")."""
    if value.strip(" .").lower() in SHORT_TITLE_WORDS:
        return False
    if finding.entity == "AGE":
        return False  # an age is no name: "93" of "she is 93" is no age in "93 mg" elsewhere in the record
    if finding.recognizer == "column_rule" and not identifies(finding.entity, value):
        return False  # a dropped "Yes" of a contact question is no identifier in the story's "Yes, I was scared"
    return not (finding.strength in GUESSES and value.islower() and not any_case(" ".join(value.split())))



def short_forms(part: str) -> list[str]:
    """The short forms a story goes on to call a person by after naming them: the first three
    and four letters of a known first name of six letters or more ("Ros" and "Rosa" of
    "Rosalind", "Gwen" of "Gwendolyn"), and the initials of a hyphenated first name ("J-L",
    "J.L.", "JL" of "Jean-Luc"). A short form that is an everyday word, a stop word, a drug,
    a month's or day's abbreviation or the stem of a contraction is none ("Will", "Pat",
    "Mar", "Don" of "Don't")."""
    bare = re.sub(r"['\u2019]s$", "", part)
    pieces = bare.split("-")
    if len(pieces) == 2 and all(len(p) > 1 and p[0].isupper() and p[1:].islower() for p in pieces):
        a, b = pieces[0][0], pieces[1][0]
        return [f"{a}-{b}", f"{a}.{b}.", f"{a}{b}"]
    info = name_info(bare.lower())
    if len(bare) < 6 or not bare.isalpha() or not bare[0].isupper() or not bare[1:].islower() or info is None or not info.first:
        return []
    return [bare[:n] for n in (3, 4) if _short_form(bare[:n].lower())]


def _short_form(low: str) -> bool:
    return low not in common_words() and low not in STOP_WORDS and low not in CALENDAR and low not in _CONTRACTED \
        and low not in drug_names()


# The stems of contractions with "n't": "Don" of "Donald" would be found in "Don't".
_CONTRACTED = frozenset("don won isn aren wasn weren didn doesn hasn haven hadn couldn wouldn shouldn ain mustn "
                        "needn shan".split())


def any_case(value: str) -> bool:
    """Whether other mentions of ``value`` count in any case: a word that is
    almost only ever a name and no common word ("Szabo"), or several words
    that are all almost only ever names ("Ann Lee")."""
    words = value.split()
    return bool(words) and all(_name_only(w, alone=len(words) == 1) for w in words)


def _name_only(word: str, alone: bool) -> bool:
    word = re.sub(r"['\u2019]s$", "", word.strip(".,"))
    if len(word) < 2:  # an initial
        return not alone
    info = name_info(word.lower())
    return info is not None and info.usage == "n" and not (alone and word.lower() in common_words())


# A determiner, a possessive or a preposition of place or time just before a word: "the
# rose bushes", "at dawn", "this autumn", "in sterling silver".
_WORD_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|this|that|these|those|every|each|some|any|no|my|your|his|her|our|their|its|"
    r"in|at|on|of|by|into|per|whole|last|next|such)[ \t]+)$")
# Before a month that is a date, not a person: "in August", "since May", "last June".
_MONTH_BEFORE = re.compile(r"(?i:\b(?:in|on|since|until|till|by|last|next|this|early|late|mid|of|from|through|every|each)[ \t]+)$")


def used_as_word(text: str, start: int, end: int, entity: str = "PERSON") -> bool:
    """Whether a lower-case mention of a name that is also an everyday word is the
    word: after a determiner, a possessive or a preposition ("the amber bottles", "at
    dawn", "this autumn"), or the first part of a compound ("misty-eyed"), or where a
    dictionary word's position says it is the word ("was rocky": ``word_position``). Another
    mention of a removed name there is not the person (``decide``, the final check).
    A capitalised one is the word as a month after a date's preposition ("born in
    August"), or where its sentence's tags make it a noun's modifier or a verb ("Rose
    pollen", "Sue them?": ``word_sense``). One in capitals is the word in a heading or a
    shout written all in capitals ("HOPE", "A SUMMER OF PATIENCE") unless a person noun
    stands before it ("MY SISTER HOPE"). A capitalised one that names a disease or a
    procedure where it stands is medicine ("Baker's cyst" where a Mr. Baker is named:
    ``medical_names.names_a_disease``), or a drug a list holds where a medicine's slot holds it
    ("I take Allegra every spring": ``medicine_slots``)."""
    value = text[start:end]
    if entity == "PERSON" and in_holiday(text, start, end):
        return True  # "New Year's Eve" where an Eve is named too: the holiday
    if entity == "PERSON" and names_a_disease(text, start, end):
        return True  # "Baker's cyst" where a Mr. Baker is named too: medicine
    if entity == "PERSON" and (value.lower() in drug_names() and in_medicine_slot(text, start, end)
                               or said_to_be_medicine(text, end)):
        return True  # "I take Allegra every spring", "heather (the mini pill)" where a person of that name is too
    if entity == "PERSON" and len(value) > 2 and value.isupper() and everyday_word_name(value.title()):
        return _in_capitals(text, start, end)
    if everyday_word_name(value):
        if entity != "PERSON":
            return False  # "Honor camp", "Cedar clinic": how a place or an organisation is named
        return bool(_MONTH_BEFORE.search(text, max(0, start - 8), start)) and value.lower() in CALENDAR \
            or common_sense(text, start, end)  # "born in August"; "Rose pollen", "Sue them?"
    if value.islower() and (said_as_word(text, start, end) or word_by_case(text, start, end)):
        return True  # "a robin", "was rocky", "trying to wade"; "we hung holly" from a writer who capitalises
    if not value.islower() or not ordinary_word(value):
        return False
    return _WORD_BEFORE.search(text, max(0, start - 12), start) is not None or text[end:end + 1] == "-"


_FRAGMENT_END = re.compile(r"[.!?:\n]")
_LAST_WORD = re.compile(r"([A-Za-z'\u2019-]+)[^A-Za-z]*$")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """The sentence or line around ``text[start:end]`` has no lower-case letter, and no
    person noun stands right before the word."""
    ends = [m.end() for m in _FRAGMENT_END.finditer(text, max(0, start - 200), start)]
    first = ends[-1] if ends else max(0, start - 200)
    after = _FRAGMENT_END.search(text, end, min(len(text), end + 200))
    fragment = text[first:after.start() if after else min(len(text), end + 200)]
    if any(c.islower() for c in fragment):
        return False
    before = _LAST_WORD.search(text, first, start)
    return before is None or not is_person_noun(before.group(1).lower())


def ordinary_word(value: str) -> bool:
    """A lower-case word that is an everyday word, or a name that is also one ("dawn", "will")."""
    info = name_info(value)
    return value in common_words() or (info is not None and info.usage != "n")


# Where a lower-case word is a person: the subject of a verb ("dawn drove me", "dawn and
# I", "dawn, who"), an adverb between allowed ("joy literally stopped").
SUBJECT_AFTER = (rf"(?=[ \t]+(?:[a-z]+ly[ \t]+)?(?:{'|'.join(SUBJECT_VERBS)}|[a-z]{{2,}}ed)\b|,[ \t]*(?:who|whom|whose)\b"
                 r"|[ \t]+and[ \t]+(?:i|me)\b)")  # the verbs of ``wordlists.SUBJECT_VERBS``


_SUBJECT_AFTER = re.compile(SUBJECT_AFTER)


class Mention:
    """A compiled ``mention``: what ``finditer`` finds of the value. The lower-case form of a
    name that is an everyday word ("dawn") counts only before what makes it a subject
    (``SUBJECT_AFTER``), asked once of each match instead of compiled into every name's
    expression (the verbs made each such expression about ten times as slow to compile)."""

    groupindex: dict = {}

    def __init__(self, rx: re.Pattern[str], as_subject: str | None = None):
        self.rx, self.as_subject = rx, as_subject

    def finditer(self, text: str):
        for m in self.rx.finditer(text):
            if self.as_subject is None or m.group(0) != self.as_subject or _SUBJECT_AFTER.match(text, m.end()):
                yield m


@lru_cache(maxsize=4096)
def mention(value: str) -> Mention:
    words = value.split()
    if not any_case(value):
        low = " ".join(words).lower()
        word = len(words) == 1 and ordinary_word(low)  # "dawn", "will": lower case only as a subject
        forms = sorted({value, value.title(), value.upper()} - ({low} if word else set()))
        body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)
        if word:
            body += f"|{re.escape(low)}"
        if value[:1].isdigit() or value[-1:].isdigit():  # "97", not the "97" of "0.97" or "97.5"
            return Mention(re.compile(rf"(?<![\w@])(?<!\d[.,])(?:{body})(?!\w)(?![.,]\d)"), low if word else None)
        return Mention(re.compile(rf"(?<![\w@])(?:{body})(?!\w)"), low if word else None)
    body = r"\s+".join(re.escape(w) for w in words)
    return Mention(re.compile(rf"(?<![\w@]){body}(?!\w)", re.IGNORECASE))


class MentionIndex:
    """Every mention of many values at once, by ``mention``'s rules: the
    removed names and places of a whole batch, found in one record.

    A batch can remove tens of thousands of names; one regular expression
    of them all would try every name at every position of every record. The
    values are indexed instead by their first word, so a record costs a
    dictionary look-up per word it holds, whatever the size of the batch.
    """

    def __init__(self, values: dict[str, str]):
        """``values``: value -> entity type."""
        self.loose: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        for value, entity in values.items():
            value = " ".join(value.split())
            if len(value) < 2:
                continue
            if any_case(value):
                self.loose.setdefault(value.casefold(), entity)
            else:
                for form in (value, value.title(), value.upper()):
                    if not (form.islower() and ordinary_word(form)):  # "amber", "dawn": the words, batch-wide
                        self.exact.setdefault(form, entity)
        self._loose = _Scan(self.loose, re.IGNORECASE, _lower)
        self._exact = _Scan(self.exact, 0, _as_is)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = [(a, b, self.loose[" ".join(m.split()).casefold()]) for a, b, m in self._loose.find(text)
               if not (m.islower() and (said_as_word(text, a, b) or word_by_case(text, a, b)))]  # "hale" of "felt hale", "Dr. Hale" elsewhere
        out += [(a, b, self.exact[" ".join(m.split())]) for a, b, m in self._exact.find(text)
                if not used_as_word(text, a, b, self.exact[" ".join(m.split())])]
        return out


def _lower(word: str) -> str:
    return word.lower()


def _as_is(word: str) -> str:
    return word


_HEAD = re.compile(r"(?<![\w@])\w+")


class _Scan:
    """Leftmost, non-overlapping matches of many whole-word values, the
    longest value first where several start at one place: what one
    alternation of them all would find."""

    def __init__(self, values: dict[str, str], flags: int, key):
        self.key = key
        self.heads: dict[str, list[re.Pattern[str]]] = {}
        odd = {}
        for value in sorted(values, key=len, reverse=True):
            head = re.match(r"\w+", value)
            if head is None:  # starts with a sign: few, kept in one alternation
                odd[value] = values[value]
                continue
            body = r"\s+".join(re.escape(w) for w in value.split())
            self.heads.setdefault(key(head.group(0)), []).append(re.compile(rf"{body}(?!\w)", flags))
        self.odd = _alternation(odd, flags)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out, pos = [], 0
        for m in _HEAD.finditer(text):
            if m.start() < pos:
                continue
            for rx in self.heads.get(self.key(m.group(0)), ()):
                hit = rx.match(text, m.start())
                if hit:
                    out.append((hit.start(), hit.end(), hit.group(0)))
                    pos = hit.end()
                    break
        if self.odd is not None:
            out = _leftmost_longest(out + [(h.start(), h.end(), h.group(0)) for h in self.odd.finditer(text)])
        return [h for h in out if not _in_a_number(text, h[0], h[1])]


_DIGIT_AND_POINT = re.compile(r"\d[.,]")


def _in_a_number(text: str, start: int, end: int) -> bool:
    """A value of digits inside a longer number: the "97" of "0.97" or "97.5" (``mention``)."""
    return (text[start:start + 1].isdigit() and _DIGIT_AND_POINT.match(text, max(0, start - 2), start) is not None) \
        or (text[end - 1:end].isdigit() and text[end:end + 1] in (".", ",") and text[end + 1:end + 2].isdigit())


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The matches one alternation would keep: at each place the longest,
    and none inside another ("@Will Mason" holds no second "Mason")."""
    out: list[tuple[int, int, str]] = []
    for hit in sorted(found, key=lambda h: (h[0], -h[1])):
        if not out or hit[0] >= out[-1][1]:
            out.append(hit)
    return out


def _alternation(values: dict[str, str], flags: int) -> re.Pattern[str] | None:
    if not values:
        return None
    ordered = sorted(values, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in ordered)
    return re.compile(rf"(?<![\w@])(?:{body})(?!\w)", flags)
