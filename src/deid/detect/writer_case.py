"""Whether a lower-case mention of a removed name is a word, because its writer capitalises.

A writer who opens sentences with capitals and writes "I" writes a person's name with a capital
too; the same letters in lower case in their text are a word ("we hung holly over the door", "a
whole clementine", "Rose rose at five"), even where no dictionary lists the name as one. This
is asked of another mention of a name the record or the batch removes (``mentions``) and of a
lower-case guess of the name lexicon (``namefinder``), and it yields to a person's position, where even a careful writer's slip is a
name: after a person noun, a title or a verb of speaking to someone ("my roommate olive", "told
holly", "talked to jenny"), before a person's verb (not a copula or an auxiliary: "grace is a
habit"), "who", "and I" or a possessive ("hazel drove", "dawn who", "rose's cooking"), thanked or greeted, or a name with no word reading at all
where nothing but a person could stand ("sat with jenny"), introduced ("I'm holly", "my name
is holly"), with an age ("holly, 44") or alone on a line or before a colon ("- holly", "holly:").

It reads the text as published too: the capitalised name beside it is a stand-in there, and
the answer is the same, so ``deid verify`` and the final check agree with what ``decide`` kept.

A passage in another language (``in_another_language``: few common English words around a word)
is read the same way: there a lower-case word is the passage's own, whatever the English name
lists say of it, and only a person noun or a title before it makes it a name ("mi tía lupita").
"""

from __future__ import annotations

from functools import lru_cache

import regex as re  # lookbehinds of any width: see recognizers/__init__

from deid.core.lexicon import common_words, name_info, name_words, vocabulary
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import GREETINGS, SHORT_TITLE_WORDS, SUBJECT_VERBS

# A sentence's first word: at the start, after a full stop and a space, or on a new line.
# (not after an abbreviation's full stop: "at 5 a.m. for", "Dr. Lee", "e.g. this")
_OPENER = re.compile(r"(?:^|(?<=[.!?])(?<!\b[A-Za-z]\.[A-Za-z]\.)(?<!\b(?i:dr|mr|mrs|ms|st|vs|etc|approx|no|pt)\.)[ \t]+"
                     r"|\n[ \t]*(?:[-*>#][ \t]*)*)([A-Za-z][A-Za-z'\u2019]*)")
_PRONOUN = re.compile(r"(?<![\w'\u2019])([iI])(?=['\u2019]?(?:m|ve|ll|d)?\b)(?![\w-])")

# Words after which a lower-case name is someone spoken to, of or with.
_TO_SOMEONE = frozenset(
    "to told tell tells telling asked ask asks asking called call calls texted text texts messaged emailed rang "
    "thank thanked thanks thx love hug hugged hugging miss missed met meet meeting visit visited visiting "
    "hi hey hello dear bye by from for with i'm im i’m named name's it's".split()) | {g for g in GREETINGS if " " not in g}
# "my name is holly", "this is holly": a self-introduction
_INTRODUCED = re.compile(r"(?i:\b(?:name|this|it)[ \t]+(?:is|was)[ \t]+)$")
_WORD_BEFORE = re.compile(r"([\p{L}'\u2019.]+)[ \t]*$")
# A thing's position: after an article or a quantifier, with one describing word between at most.
_ARTICLES = frozenset("a an the this that these those some any no every each another whole half".split())
# A copula or an auxiliary after the word says nothing of a person: "joy is hard to find", "hope
# was all I had"; an action verb does ("hazel drove").
_AUXILIARIES = frozenset("is was has had does did will would could can should".split())
_PERSON_AFTER = re.compile(
    rf"(?:['\u2019]s?\b|,?[ \t]+(?:who|whom|whose)\b|[ \t]+and[ \t]+(?i:i|me)\b|,[ \t]*(?:you|u|if[ \t]+you)\b"
    rf"|,[ \t]*\d{{1,3}}\b"  # "holly, 44": an age
    rf"|[ \t]+(?:[a-z]+ly[ \t]+)?(?:{'|'.join(v for v in SUBJECT_VERBS if v not in _AUXILIARIES)})\b)")


@lru_cache(maxsize=512)
def capitalising_writer(text: str) -> bool:
    """Whether the writer of ``text`` uses capitals: no "i" for "I", most sentences opened with
    a capital, and at least three signs of it (capitalised openers and "I"s)."""
    # (a lower-case "i" in a passage in another language is its word: Polish "and", Italian "the")
    pronouns = [m.group(1) for m in _PRONOUN.finditer(text)
                if m.group(1) == "I" or not in_another_language(text, m.start(1), m.end(1))]
    if "i" in pronouns:
        return False
    openers = [m.group(1) for m in _OPENER.finditer(text)]
    capital = sum(w[0].isupper() for w in openers)
    return capital * 4 >= len(openers) * 3 and capital + len(pronouns) >= 3


def word_by_case(text: str, start: int, end: int) -> bool:
    """Whether the lower-case ``text[start:end]``, another mention of a removed name, is a word
    because its writer capitalises and no person's position holds it (see the module); a word
    of English, or of the other language of the passage it stands in (``in_another_language``)."""
    value = text[start:end]
    if not value.isalpha() or not value.islower() or not capitalising_writer(text):
        return False
    other = in_another_language(text, start, end)
    if held_by_a_person(text, start, end, foreign=other):
        return False
    if _a_word(value) or other:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    last = before.group(1).lower().rstrip(".") if before and not text[before.end():start].strip(" \t") else ""
    return last in _ARTICLES or _after_article(text, before)


def held_by_a_person(text: str, start: int, end: int, foreign: bool = False) -> bool:
    """Whether ``text[start:end]`` stands where a person stands, whatever its case: before a
    person's verb, "who" or a possessive; after a person noun, a title, a verb of speaking to
    someone or a self-introduction; alone on its line (see the module). With ``foreign`` (a
    passage in another language), only a person noun or a title of three letters or more counts
    before it: the short ones are other languages' words too (Polish "ma", "has"; "pa")."""
    if _PERSON_AFTER.match(text, end) and not foreign:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    last = before.group(1).lower().rstrip(".") if before and not text[before.end():start].strip(" \t") else ""
    if foreign:
        return len(last) > 2 and (last in SHORT_TITLE_WORDS or is_person_noun(last))
    return last in _TO_SOMEONE or last in SHORT_TITLE_WORDS or is_person_noun(last) \
        or _INTRODUCED.search(text, max(0, start - 20), start) is not None or _alone_on_its_line(text, start, end)


# words of three letters or more: the short function words of many languages are English ones too
_LETTERS = re.compile(r"[\p{L}'\u2019]{3,}")
_AROUND = 5  # words either side
_SENTENCE_EDGE = re.compile(r"[.!?\n]")
_LINE_EDGE_CHAR = re.compile(r"\n")


def _telling(word: str) -> bool:
    """A word that tells a passage's language: in lower case (a capital opens a sentence or a
    name in many languages). (A name a list holds counts too: the published text has a stand-in
    where a word was removed as a name, and must read as the input did.)"""
    return word.islower()


def in_another_language(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in a passage in another language than English: of the
    five words of three letters or more either side of it in its sentence (and its own, when it
    holds several; three at least; in lower case: ``_telling``), fewer
    than a quarter are common English words ("Mi abuelo cortaba lena cada invierno", "mam
    okropne bole i nie moge"). There the English name lists and model say nothing of a word;
    a name's position still does."""
    inside = [m.group(0) for m in _LETTERS.finditer(text, start, end)]
    for edge in (_SENTENCE_EDGE, _LINE_EDGE_CHAR):  # its sentence; a short one, its line
        edges = [m.end() for m in edge.finditer(text, max(0, start - 160), start)]
        lo = edges[-1] if edges else max(0, start - 160)
        after = edge.search(text, end, min(len(text), end + 160))
        hi = after.start() if after else min(len(text), end + 160)
        words = [w for w in (m.group(0) for m in _LETTERS.finditer(text, lo, start)) if _telling(w)][-_AROUND:]
        words += [w for w in (m.group(0) for m in _LETTERS.finditer(text, end, hi)) if _telling(w)][:_AROUND]
        if len(inside) > 1:
            words += [w for w in inside if _telling(w)]  # a run of several words is part of the passage it stands in
        if len(words) >= 3:
            common = common_words()
            return sum(w.lower() in common for w in words) * 4 < len(words)
    return False


def _a_word(value: str) -> bool:
    info = name_info(value)
    return value in name_words() or value in vocabulary() or value in common_words() \
        or (info is not None and info.usage != "n")


def _after_article(text: str, before: re.Match[str] | None) -> bool:
    """"a whole clementine", "the little rowan": an article, then one describing word."""
    if before is None:
        return False
    word = before.group(1).lower()
    prior = _WORD_BEFORE.search(text, max(0, before.start() - 20), before.start())
    return prior is not None and prior.group(1).lower() in _ARTICLES and not is_person_noun(word) \
        and (name_info(word) is None or name_info(word).usage == "w")


_LINE_EDGE = re.compile(r"[^\w\n]*")


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """A signature or a speaker's label: nothing but signs around it on its line ("- holly",
    "holly:")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not any(c.isalnum() for c in text[line_start:start]) and (
        not any(c.isalnum() for c in text[end:line_end]) or text[end:end + 1] == ":")
