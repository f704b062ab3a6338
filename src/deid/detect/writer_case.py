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
_WORD_BEFORE = re.compile(r"([A-Za-z'\u2019.]+)[ \t]*$")
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
    pronouns = [m.group(1) for m in _PRONOUN.finditer(text)]
    if "i" in pronouns:
        return False
    openers = [m.group(1) for m in _OPENER.finditer(text)]
    capital = sum(w[0].isupper() for w in openers)
    return capital * 4 >= len(openers) * 3 and capital + len(pronouns) >= 3


def word_by_case(text: str, start: int, end: int) -> bool:
    """Whether the lower-case ``text[start:end]``, another mention of a removed name, is a word
    because its writer capitalises and no person's position holds it (see the module)."""
    value = text[start:end]
    if not value.isalpha() or not value.islower() or not capitalising_writer(text):
        return False
    if _PERSON_AFTER.match(text, end):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    last = before.group(1).lower().rstrip(".") if before and not text[before.end():start].strip(" \t") else ""
    if last in _TO_SOMEONE or last in SHORT_TITLE_WORDS or is_person_noun(last) \
            or _INTRODUCED.search(text, max(0, start - 20), start) or _alone_on_its_line(text, start, end):
        return False
    if _a_word(value):
        return True
    return last in _ARTICLES or _after_article(text, before)


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
