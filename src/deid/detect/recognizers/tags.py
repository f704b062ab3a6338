"""Names hidden in tags and handles: a name with digits or signs for letters ("J4sp3r"), a
name written as a handle with underscores or dots between its parts ("m4rgo_v4nce",
"tamsin_oyelaran"), and hashtags that carry a name (``#RIP...``, ``#BringLenaHome``,
``#ForeverCalebR``, a known first name and surname run together), read part by CamelCase
part with the name lexicon."""

from __future__ import annotations

import regex as re

from deid.detect.recognizers.base import OwnRecognizer
from deid.detect.recognizers.spoken import _a_name, _no_word
from deid.detect.tag_words import ordinary_part
from deid.core.lexicon import common_words, name_info, vocabulary

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"})
# a letter first ("8Rinks", "@Thalia" are a place and a handle)
_LEET_TOKEN = re.compile(r"(?<![\w@$])(?=[\w@$]*[0134578@$])[A-Za-z][A-Za-z0134578@$]{3,19}(?![\w@$])")


class LeetNameRecognizer(OwnRecognizer):
    """A name with digits or signs for letters ("J4sp3r", "m1r4nd4", "N@dia"): read back,
    the word is a known name, and it holds at least two letters."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _LEET_TOKEN.finditer(text):
            token = m.group(0)
            if sum(c.isalpha() for c in token) >= 2 and _a_name(token.lower().translate(_LEET)):
                out.append(self.result(m.start(), m.end(), 0.6))
        return out


# a handle of two or three parts joined by "_" or "." ("m4rgo_v4nce", "d3rek.h4llow4y", "tamsin_oyelaran88")
_HANDLE = re.compile(r"(?<![\w@$.\-])[A-Za-z][A-Za-z0-9]{1,19}(?:[_.][A-Za-z][A-Za-z0-9]{1,19}){1,2}(?![\w@$\-]|\.\w)")
_HANDLE_PARTS = re.compile(r"[_.]")
_JOIN = re.compile(r"[_.](?=[A-Za-z])")


def _first_name(word: str, strict: bool = True) -> bool:
    """A known first name: ``strict``, no common word as well ("jack" is one)."""

    info = name_info(word)
    return info is not None and info.first and (not strict or _a_name(word))


def _surname_or_unknown(word: str) -> bool:
    info = name_info(word)
    return info is not None and info.surname or _no_word(word)


class NameHandleRecognizer(OwnRecognizer):
    """A person's name written as a handle, its parts joined by "_" or ".": with digits for
    letters ("j4ck_th0rnb3rry", "m4rgo_v4nce", "d3rek.h4llow4y": read back, a first name and a
    surname or a word of no vocabulary), or plain ("tamsin_oyelaran": a first name that is no
    common word, then a surname or a word of no vocabulary). "snake_case_var", "pain_level"
    and "user_name" are none."""

    ENTITY = "SOCIAL_HANDLE"

    def analyze(self, text, entities, nlp_artifacts=None):
        out, done = [], 0
        for sep in _JOIN.finditer(text):  # only where a part is joined to a letter: one quick scan
            start = sep.start()
            while start > max(done, sep.start() - 20) and text[start - 1].isascii() and text[start - 1].isalnum():
                start -= 1
            m = _HANDLE.match(text, start) if start < sep.start() else None
            if m is None:
                continue
            done, token = m.end(), m.group(0)
            leet = any(c in "0134578" for c in token.rstrip("0123456789"))
            parts = [p.lower().translate(_LEET).rstrip("0123456789") for p in _HANDLE_PARTS.split(token)]
            if any(not p.isalpha() for p in parts):
                continue
            first, rest = parts[0], parts[1:]
            if _first_name(first, strict=not leet) and all(_surname_or_unknown(p) for p in rest):
                out.append(self.result(m.start(), m.end(), 0.65))
        return out


_MEMORIAL = (r"RIP|RestInPeace|RestInPower|RestEasy|JusticeFor|LongLive|ForeverYoung|Forever|InMemoryOf|Remember|InHonorOf|Honoring|"
             r"InLovingMemory|Remembering|PrayFor|PrayersFor|FlyHigh|SayHerName|SayHisName|FreeThe|Free|BringBack|Bring|"
             r"FindThe|Find|Missing|HelpFind|LoveYou|MissYou|TeamFor|StandWith|StrongFor")


# a hashtag's CamelCase parts: a word with a capital, a run of capitals (an abbreviation, "RIP"),
# a capital alone (an initial, "CalebR")
_TAG = re.compile(r"(?<![\w#])#([\p{L}_]+)\d{0,4}(?!\w)")
_PART = re.compile(r"\p{Lu}\p{Ll}+|\p{Lu}{2,}(?!\p{Ll})|\p{Lu}(?!\p{Ll})")


def _name_run(parts: list) -> tuple[int, int] | None:
    """Where a tag's parts hold a person: a known first name, the surname or words of no
    vocabulary after it and an initial at its end ("Jaylen", "O"), every other part an
    ordinary word ("Bring", "Home", "Strong", "Justice", "For") — the indexes of the run's
    first and last parts."""
    for i, first in enumerate(parts):
        if not _first_name(first.group()):
            continue
        j = i + 1
        while j < len(parts) and len(parts[j].group()) > 1 and (_a_name(parts[j].group()) or _no_word(parts[j].group())):
            j += 1
        if j < len(parts) and len(parts[j].group()) == 1:
            j += 1  # the initial of a surname
        others = parts[:i] + parts[j:]
        if others and all(ordinary_part(p.group()) and len(p.group()) > 1 for p in others) or not others and j - i >= 2:
            return i, j - 1
        return None
    return None


class NameHashtagRecognizer(OwnRecognizer):
    """The name a hashtag carries, read part by CamelCase part: a known first name with the
    surname, words of no vocabulary or the initial after it, among ordinary words
    (``#BringLenaHome``, ``#MarisolStrong``, ``#ForeverCalebR``, ``#RIPDeshawnTolliver``,
    ``#KellyBranham``); after a memorial or campaign word, words of no vocabulary too
    (``#JusticeForZinnaiah``); words, then "For", "With", "To" or "Of" before a name or a word of
    no vocabulary (``#WalkingForWendell``). The name part is the finding; the hashtag's words
    stay. ``#RIP`` alone, ``#MentalHealthAwareness``, ``#SoberLife`` and ``#BringThemHome`` are
    no names."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        if "#" not in text:
            return []
        out = []
        for m in _TAG.finditer(text):
            parts = list(_PART.finditer(text, m.start(1), m.end(1)))
            if not parts:
                named = _lower_case_name(m.group(1))  # "#ripmarcus", "#bringlenahome"
                if named is not None:
                    out.append(self.result(m.start(1) + named[0], m.start(1) + named[1], 0.65))
                continue
            run = _name_run(parts)
            if run is not None:
                out.append(self.result(parts[run[0]].start(), parts[run[1]].end(), 0.7))
                continue
            memorial = _MEMORIAL_FIRST.match(text, m.start(1))
            if memorial and memorial.end() < m.end(1):
                rest = [p for p in parts if p.start() >= memorial.end()]
                if rest and all(_no_word(p.group()) or _a_name(p.group()) for p in rest):
                    out.append(self.result(rest[0].start(), rest[-1].end(), 0.7))
                    continue
            # words, then "For", "With", "To", "Of" and a name ("#WalkingForWendell", "#DancingWithNoor")
            for k, part in enumerate(parts[:-1]):
                tail = parts[k + 1:]
                if part.group() in _BEFORE_A_NAME and all(_a_name(t.group()) or _no_word(t.group()) for t in tail):
                    out.append(self.result(tail[0].start(), tail[-1].end(), 0.65))
                    break
        return out


_MEMORIAL_FIRST = re.compile(rf"(?i:{_MEMORIAL})_?")


def _lower_case_name(body: str) -> tuple[int, int] | None:
    """In a tag in small letters, a memorial or campaign word, then a known first name (no
    common word), then nothing, ordinary words or an initial: ``ripmarcus``, ``justiceforkeisha``,
    ``bringlenahome``; not a word itself ("freedom")."""

    m = _MEMORIAL_FIRST.match(body)
    if m is None or not body.isalpha() or body in common_words() or body in vocabulary():
        return None
    rest = body[m.end():]
    for j in range(len(rest), 2, -1):
        if _first_name(rest[:j]) and (j == len(rest) or j == len(rest) - 1 or _ordinary_words(rest[j:])):
            return m.end(), m.end() + j
    return None


def _ordinary_words(letters: str) -> bool:
    """Whether ``letters`` split into ordinary words of three letters or more ("home", "forever")."""
    can = [True] + [False] * len(letters)
    for i in range(len(letters)):
        if can[i]:
            for j in range(i + 3, len(letters) + 1):
                if ordinary_part(letters[i:j]):
                    can[j] = True
    return can[-1]


# The words of a hashtag after which the rest is whom it is for ("...For", "...With").
_BEFORE_A_NAME = frozenset("For With To Of Love Miss Remember Honor Honour".split())
