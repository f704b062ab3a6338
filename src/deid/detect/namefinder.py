"""A name recognizer built on the bundled name lexicon, capitalisation and
position, for the names a small NER model misses.

Rules, applied to runs of words:
- a run of capitalised words (initials and particles such as "de la"
  included; a common word such as "The" or "Will" ends a run) is a name when
  one of its words is a known name that needs no more than a capital
  ("Thaddeus", "Ella H. Snider", "Mason Reyes"); a name that is also a common
  word ("Faith", "Will") is left to context recognizers and the model;
- two or three capitalised words that are neither known words nor common
  words are a name too ("Esat Jeknić");
- a lower-case word is a name only when its lower-case form is almost never
  anything else ("emma", "ryan"), and takes a following lower-case surname
  with it ("naomi ryan");
- a possessive ("Loretta's") is matched without its "'s".
"""

from __future__ import annotations

import heapq
import re
from functools import lru_cache

from presidio_analyzer import LocalRecognizer, RecognizerResult

from deid.core.lexicon import (CALENDAR, DAYS_AND_MONTHS, capitalised_words, common_words, medical_suffix, medical_words, name_words,
                               no_name_suffix, vocabulary)
from deid.core.wordlists import PARTICLES, RELATIONS
from deid.detect.evidence import LEXICON, capitalises, opens
from deid.detect.name_tokens import Token, adjacent, words
from deid.detect.word_position import said_as_word
from deid.detect.word_sense import sentence_tags
from deid.detect.writer_case import held_by_a_person, in_another_language, word_by_case

_PARTICLES = frozenset(PARTICLES)
class NameLexiconRecognizer(LocalRecognizer):
    evidence = LEXICON

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON"], name="NameLexiconRecognizer", supported_language=supported_language)

    def load(self) -> None:
        common_words()

    def analyze(self, text, entities, nlp_artifacts=None):
        tokens = words(text)
        results = []
        for start, end, score in find_names(text, tokens):
            results.append(RecognizerResult("PERSON", start, end, score,
                                            recognition_metadata={"recognizer_name": self.name,
                                                                  "recognizer_identifier": self.id}))
        return results


def _subject(text: str, t: Token) -> bool:
    """A word opening a sentence reads as a name when a lower-case word or a
    comma follows ("Rintanen began writing", "Warrane, can I ...")."""
    rest = text[t.end:t.end + 2]
    return rest.lstrip()[:1] == "," or (rest[:1] == " " and rest[1:2].islower())


def _mark_inner_initials(text: str, tokens: list[Token]) -> None:
    """"A" and "I" are initials between two name-like words ("Martim A Pereira")."""
    for i in range(1, len(tokens) - 1):
        t, a, b = tokens[i], tokens[i - 1], tokens[i + 1]
        if t.word in ("A", "I") and a.title and b.title and not a.common and not b.common \
                and adjacent(text, a, t) and adjacent(text, t, b):
            t.initial = True
            t.title = False


def _runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words, initials and inner particles. A
    common word ends a run, unless it is a surname after a name ("Fletcher
    Hill"), or a rare word common only by its ending after a first name ("Wilfred Tilling")."""
    runs, run = [], []
    for t in tokens:
        joins = run and adjacent(text, run[-1], t)
        ordinary = t.common and (t.info is None or t.info.usage == "w") and not t.initial and not (joins and t.low in _PARTICLES)
        if ordinary and joins and t.title and t.info and t.info.surname and any(not x.common for x in run if not x.initial):
            ordinary = False
        elif ordinary and joins and t.title and t.info is None and t.low not in common_words() \
                and t.low not in medical_words() and any(x.info is not None and x.info.first and not x.common for x in run):
            ordinary = False  # "Wilfred Tilling": a rare word, common only by its ending, after a first name
        if not ordinary and (t.capital or t.initial or (joins and t.low in _PARTICLES)):
            if run and not joins:
                runs.append(run)
                run = []
            run.append(t)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    # particles may not end a run
    return [r[: max(i for i, t in enumerate(r) if t.low not in _PARTICLES) + 1] for r in runs if any(t.low not in _PARTICLES for t in r)]


# Words before a date ("in Dec", "since Jan", "last May"): there a month is no name.
_BEFORE_DATE = re.compile(
    r"(?i:(?:\b(?:in|on|since|from|until|till|til|by|before|after|during|last|next|early|late|mid|this|of|to|and|or|every|other)"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\.?)[ \t]+)$")  # "7th Jan", "14 March"
_AFTER_DATE = re.compile(r"(?i:^[ \t]*(?:\d|'\d|of\b|and[ \t]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))")


_BEFORE_EVE = frozenset({"years", "year's", "year\u2019s", "christmas", "xmas", "halloween"})  # "New Years Eve"


def _calendar(text: str, t: Token) -> bool:
    """A month or week day standing as a date ("in Dec and Jan", "Dec 04",
    "Jan of this year"), or one that is no known name at all ("Fri"); not a
    name ("Jan called"; "my sister Jan" is left to context)."""
    low = t.low.rstrip(".")
    if t.info is None:  # no known name: a date wherever it stands ("Thursday was hard")
        return low in DAYS_AND_MONTHS
    return low in CALENDAR and (bool(
        _BEFORE_DATE.search(text[max(0, t.start - 12):t.start]) or _AFTER_DATE.match(text[t.end:t.end + 12])))


def find_names(text: str, tokens: list[Token]) -> list[tuple[int, int, float]]:
    _mark_inner_initials(text, tokens)
    for i, t in enumerate(tokens):
        if _calendar(text, t) or (t.low == "eve" and i and tokens[i - 1].low in _BEFORE_EVE):
            t.info, t.common = None, True
    found = []
    place = {id(t): i for i, t in enumerate(tokens)}
    for run in _runs(text, tokens):
        words = [t for t in run if not t.initial and t.low not in _PARTICLES]
        if not words:
            continue
        strong = [t for t in words if t.usage() == "n" or (t.usage() == "c" and not (t.opens and t is run[0] and len(words) == 1))]
        # no known word, or a rare word a dictionary lists that is a name too ("Sable", "Garnet")
        unknown = [t for t in words if (t.info is None or (t.info.usage == "w" and t.low in name_words() and not t.common))
                   and len(t.word) > 1 and not t.upper]
        if strong:
            score = 0.7 if len(words) > 1 else 0.55
        elif run[0].opens and len(run) == 1 and _in_another_language(text, run[0].start, run[-1].end):
            continue  # a word no list knows opening a sentence in another language: its word, as likely as a name
        elif len(words) in (2, 3) and len(unknown) == len(words):
            score = 0.45
        elif len(words) == 1 and unknown and len(words[0].word) > 2 and (not run[0].opens or _subject(text, run[-1])):
            score = 0.42  # a lone capitalised word that is no known word
        else:
            continue
        end = run[-1].end
        after = place[id(run[-1])] + 1
        if after < len(tokens) and adjacent(text, run[-1], tokens[after]) and _lower_surname(tokens[after]) \
                and not said_as_word(text, tokens[after].start, tokens[after].end) \
                and not _verb_here(text, tokens[after]):
            end = tokens[after].end  # "Donald trump", "Zac efron"; not "the Scottish heather", "Rose rose at five"
        found.append((run[0].start, end, score))
    found += _coordinated(text, tokens, found)
    found += _lower_names(text, tokens, _writer(text, tokens))
    found += [(t.start, t.end, 0.42) for t in tokens if _handle_like(t)]
    return found


def _in_another_language(text: str, start: int, end: int) -> bool:
    """Words in a passage in another language than English, where no person's position holds
    them (``writer_case``): there a word no English list knows says nothing of a name."""
    return in_another_language(text, start, end) and not held_by_a_person(text, start, end, foreign=True)


def _verb_here(text: str, t: Token) -> bool:
    """Whether the sentence's tags read the word at ``t`` as a verb ("Rose rose at five")."""
    offset, tags = sentence_tags(text, t.start, t.end)
    return any(a + offset == t.start and tag.startswith("VB") for a, _, tag, _ in tags)


def _handle_like(t: Token) -> bool:
    """A word in lower case with capitals inside that is no word: a user
    name written without its "@" ("iDubbbz", "xoJessa"); not "iPhone",
    "eGFR" (words of the vocabulary, medical terms)."""
    w = t.word  # a word all in lower case (most) has no capital: asked first
    return not t.lower and len(w) >= 5 and w[0].islower() and w.isalpha() and any(c.isupper() for c in w[1:]) \
        and t.low not in vocabulary() and not t.common and t.info is None


def _lower_surname(t: Token) -> bool:
    # after a capitalised name, a word near a medical one is still a surname ("Mauro renallo"),
    # and so is one written with a capital far more often than without ("Jesus christ"); not a
    # word with an ending no name has ("Nissen fundoplication", "Kessler arthroscopy")
    return t.lower and (t.low not in common_words() or t.low in capitalised_words()) and len(t.word) > 2 and (
        (t.info is not None and t.info.surname and t.usage() != "w")
        or (t.info is None and t.low not in vocabulary() and not medical_suffix(t.low) and not no_name_suffix(t.low)))


_AFTER_STOP = re.compile(r"[.!?][\"\u201d')\]]*\s+$")


LOWER, CAPITALS, UNKNOWN = "lower", "capitals", "unknown"


def _writer(text: str, tokens: list[Token]) -> str:
    """How the writer uses capitals.

    ``LOWER``: text whose writer does not use capitals ("i wish im ryan"):
    there a missing capital says nothing, so lower-case names are looked for
    harder. One slip ("week 6 i was back") in a post written with capitals
    is not enough: "i" must outnumber "I", or most sentences open in lower
    case. ``CAPITALS``: a writer who has written "I" and opened sentences
    with a capital at least four times and never written "i" (a post of a
    few sentences, not a tweet of one): their lower-case words are words.
    Else ``UNKNOWN``."""
    lower_i = sum(t.word == "i" for t in tokens)
    upper_i = sum(t.word == "I" for t in tokens)
    if lower_i and lower_i > upper_i:
        return LOWER
    # sentences, not lines: a list, a table or a command line opens in lower case too
    openers = [t for t in tokens if not t.initial and (t.start == 0 or _AFTER_STOP.search(text[max(0, t.start - 8):t.start]))]
    if openers and sum(t.lower for t in openers) * 2 > len(openers):
        return LOWER
    if lower_i:
        return UNKNOWN
    capital = sum(t.capital or t.word == "I" for t in openers)
    return CAPITALS if capital + upper_i >= 4 and capital * 2 >= len(openers) else UNKNOWN


_CONJ = frozenset({"and", "or"})
_LIST_SEP = re.compile(r"^(?:,\s*|\s+(?:and|or|&)\s+|,\s*(?:and|or|&)\s+)$")


def _coordinated(text: str, tokens: list[Token], found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """A capitalised word listed with a name is a name too: "Gerste, Johnson
    and Johnson", "Nekolná and Pearson", "Efimiya, Mary, Ariana".

    Rounds over the words until none is added; after the first, a round looks
    only at the words within two of one added since they were last looked at
    (a word's verdict depends on nothing else that changes), in order, so the
    names come out as full rounds over every word would give them, in linear time."""
    covered = _covered(tokens, [(a, b) for a, b, _ in found])
    spans = {(a, b) for a, b, _ in found}
    starts = {a for a, _ in spans}
    ends = {b for _, b in spans}
    out: list[tuple[int, int, float]] = []
    n = len(tokens)
    todo = list(range(n))  # this round's words, a heap
    while todo:
        later: set[int] = set()
        seen: set[int] = set()
        while todo:
            i = heapq.heappop(todo)
            if i in seen:
                continue
            seen.add(i)
            t = tokens[i]
            if covered[i] or (t.start, t.end) in spans or not t.title or len(t.word) < 3:
                continue
            if (t.common or (t.info and t.info.usage == "w")) and not _name_capital(text, t):
                continue
            j = i - 2 if i >= 2 and tokens[i - 1].low in _CONJ else i - 1
            k = i + 2 if i + 2 < n and tokens[i + 1].low in _CONJ else i + 1
            prev_end = tokens[j].end if j >= 0 else None
            next_start = tokens[k].start if k < n else None
            left = prev_end in ends and _LIST_SEP.match(text[prev_end:t.start])
            right = next_start in starts and _LIST_SEP.match(text[t.end:next_start])
            if left or right:
                spans.add((t.start, t.end))
                starts.add(t.start)
                ends.add(t.end)
                out.append((t.start, t.end, 0.5))
                for m in (i + 1, i + 2):  # still ahead in this round
                    if m < n:
                        heapq.heappush(todo, m)
                later.update(m for m in (i - 1, i - 2) if m >= 0)
        todo = sorted(later)
    return out


def _name_capital(text: str, t: Token) -> bool:
    """A first name that is also a word ("Rusty", "Hope"), capitalised in mid-sentence by a
    writer who writes ordinary words in lower case there: listed with a name, it is one too
    ("candles for Caleb, Noelani, and Rusty")."""
    return t.info is not None and t.info.first and not opens(text, t.start) and not capitalises(text, t.start)


def _covered(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each word (in text order), whether one of ``spans`` holds it whole."""
    spans = sorted(spans)
    out, reach, s = [], -1, 0
    for t in tokens:
        while s < len(spans) and spans[s][0] <= t.start:
            reach = max(reach, spans[s][1])
            s += 1
        out.append(t.end <= reach)
    return out


def _lower_names(text: str, tokens: list[Token], writer: str) -> list[tuple[int, int, float]]:
    """Lower-case names: a word whose lower-case form is almost only a name,
    with what follows it when that looks like the rest of the name: a
    surname, an initial, or a word that is no common word ("naomi ryan",
    "codey m ross", "leone mazzi"). From a writer who uses no capitals, also a
    name that otherwise needs a capital ("trump") and a word that is in no
    vocabulary ("kunjana"). From a writer who uses
    capitals, only a popular first name ("emma"): their "mont", "thu",
    "weaks" and "leary" are words, misspelt or not. Never a dictionary word where its
    position makes it the word ("a robin", "was rocky": ``word_position``), nor one a writer
    who capitalises wrote in lower case outside a person's position (``writer_case``)."""
    vocab = vocabulary()
    lowercase_writer = writer == LOWER
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        known = t.usage() == "n" and not _slip(t) and (
            writer != CAPITALS or (t.info.first and t.info.popular and t.low not in vocab))
        starts = known or (
            lowercase_writer and len(t.word) > 3 and not _common_noun(text, t) and (
                t.usage() == "c"
                or (t.info is None and t.low not in vocab and t.low.isalpha() and not _slip(t) and not medical_suffix(t.low)
                    and not _in_another_language(text, t.start, t.end))))
        if t.lower and starts and not t.common and len(t.word) > 2 and not said_as_word(text, t.start, t.end) \
                and not word_by_case(text, t.start, t.end):
            end = t.end
            while i + 1 < len(tokens) and adjacent(text, tokens[i], tokens[i + 1]) and _rest_of_name(tokens[i + 1], tokens, i + 1):
                i += 1
                end = tokens[i].end
            out.append((t.start, end, 0.5))
        i += 1
    return out


_NOUN_PHRASE = re.compile(r"\b(?:(?:[Aa]n?|[Tt]he|[Ss]ome|[Aa]ny|[Nn]o)[ \t]+(?:([a-z]+)[ \t]+)?|(?:[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Ii]ts)[ \t]+"
                          r"|(?i:retired|former|ex|unemployed|disabled|licensed|certified|self-employed|part-time|full-time|"
                          r"worked[ \t]+as[ \t]+an?|work[ \t]+as[ \t]+an?)[ \t]+)$")  # "retired welder", "worked as a miner"
_PERSON_WORD = re.compile(rf"(?:{RELATIONS}|guy|girl|boy|man|woman|lady|dude|bro|sis)")


def _common_noun(text: str, t: Token) -> bool:
    """A lower-case word that an article or "my" stands before, perhaps with
    one word between ("ended in a heap", "an even keel", "the exogenous
    opoid", "my kuya"), or a work status ("retired welder"): a noun, no
    name, however rare the word. Not after a
    person word ("the nurse hangwani"), where a name stands in apposition;
    only for words that need a lower-case writer to count as names at all
    (a name that is almost never anything else stays one: "a baby charlene")."""
    m = _NOUN_PHRASE.search(text, max(0, t.start - 30), t.start)
    return m is not None and not (m.group(1) and _PERSON_WORD.fullmatch(m.group(1)))


def _slip(t: Token) -> bool:
    """A lower-case word that is two common words run together ("noontime",
    "everyother"), each of four letters or more, and no popular name: more
    likely a slip of the keys than a name. (One edit from a common word is
    no such sign: "grian" and many names are.)"""
    if t.info is not None and t.info.popular:
        return False
    words, low = common_words(), t.low
    longest = _longest_common_word()  # no cut leaves a longer part a common word: none tried (a long word stays linear)
    return any(low[:i] in words and low[i:] in words
               for i in range(max(4, len(low) - longest), min(len(low) - 3, longest + 1)))


@lru_cache(maxsize=1)
def _longest_common_word() -> int:
    return max(map(len, common_words()), default=0)


def _rest_of_name(t: Token, tokens: list[Token], i: int) -> bool:
    if not t.lower:
        return False
    if len(t.word) == 1:  # a middle initial, only if a name word follows
        return i + 1 < len(tokens) and tokens[i + 1].lower and not tokens[i + 1].common
    if t.common:
        return False
    return (t.info is not None and t.info.surname and t.usage() != "w") or (
        t.info is None and len(t.word) > 2 and not medical_suffix(t.low) and not no_name_suffix(t.low))
