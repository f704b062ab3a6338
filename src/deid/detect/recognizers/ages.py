"""An age over 89 said of a person, wherever the person stands before it.

``dates.age_over_89`` and ``dates.age_in_words`` read the phrases an age comes in ("92 years
old", "aged 97", "she'll be 95"). What they cannot list is every person and every verb
between the person and the number. Read the other way, the sentence says it: a number from
90 to 129, in digits or words, is an age when the words before it lead back, through
nothing but a verb of being or ageing and its adverbs ("is", "'s", "turned", "made it to",
"is over", "just hit"), a comma or a bracket, to a word that names a person: any person noun
of the open vocabulary (kin, roles, jobs: "my grandad", "a Korean War vet", "the resident"),
a pronoun, or a capitalised known name ("Elsie turns one hundred"); and when what follows it
ends the clause or goes on with the person ("and still", "this year", "lol"), never a unit,
a count or a sum ("was 95 pounds", "is 100 miles away", "has 90 days").

"Dad is 94 and Mom 91" reads the second the same way (a person and a number, nothing
between); "ages 91 and 94" and "Age: ninety-one" are ages by their label.
"""

from __future__ import annotations

import regex as re

from deid.core.lexicon import is_first_name
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import FAMILY_ADDRESS, PEOPLE_WORDS
from deid.detect.recognizers.base import OwnRecognizer
from deid.detect.recognizers.dates import AGE_END, OLD_IN_WORDS

# 90 to 129, in digits or in words ("ninety-one", "a hundred and two")
_NUMBER = re.compile(r"(?<![\w.,$£€#/\-])(?:9\d|1[0-2]\d)(?![\w%°/]|[.,]\d)"
                     rf"|(?i:\b{OLD_IN_WORDS}\b(?![ \t]+(?:percent|thousand|million)))")
# the words that may stand between the person and the age, read backwards one at a time
_LINKS = frozenset("""
is was 's are were be been being am 'm turned turns turning will 'll would have has just now still finally nearly
almost about around over past reached reaches hit hits made it to lived already recently officially only both
and aged age ages at of
""".split())
_WORD_BACK = re.compile(r"(?:[\p{L}'\u2019\-]+|[,(])[ \t]*\Z")
# what may follow an age (``dates.AGE_END``), and a place, a time or a clause it goes on with
_AFTER = re.compile(rf"{AGE_END}|[ \t]+(?:so|last|on|at|in|before|after|with|without)\b", re.IGNORECASE | re.MULTILINE)
_PRONOUNS = frozenset("she he they who i i'm im she's shes he's hes".split())
# people by no relation or role (``wordlists.PEOPLE_WORDS``), by their age or service, and what
# families call their elders beside ``FAMILY_ADDRESS``
_PEOPLE = PEOPLE_WORDS | frozenset("""
parent grandparent vet veteran elder senior gal folk folks
grandad gramma grammy grams poppa pop pop-pop meemaw pawpaw great-gran great-grandma great-grandpa
""".split())
_NOT_PEOPLE = frozenset("this that there which what".split())


class AgeOfPersonRecognizer(OwnRecognizer):
    """An age over 89 said of a person (see the module)."""

    ENTITY = "AGE"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _NUMBER.finditer(text):
            listed = out and _ANOTHER.fullmatch(text, out[-1].end, m.start())  # "were 96 and 91"
            if _AFTER.match(text, m.end()) and (listed or _person_before(text, m.start())
                                                or _LABEL.search(text, max(0, m.start() - 40), m.start())):
                out.append(self.result(m.start(), m.end(), 0.6))
        return out


_ANOTHER = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)")
# an age's label, with the ages listed after it: "Age: ninety-one", "ages 91 and 94"
_LABEL = re.compile(r"(?i:\bages?[ \t]*[:=]?[ \t]*(?:(?:9\d|1[0-2]\d|[a-z\-]+(?:[ \t]+[a-z\-]+){0,3})[ \t]*(?:,|and|&)[ \t]*)*)\Z")


def _person_before(text: str, at: int) -> bool:
    """Whether the words before ``at`` lead back to a person through linking words only."""
    links, last = 0, ""
    while links <= 4:
        m = _WORD_BACK.search(text, max(0, at - 40), at)
        if m is None:
            return False
        word = m.group(0).strip()
        low = word.lower().replace("\u2019", "'")
        if low.endswith("'s") and len(low) > 2:  # "Grandad's ninety-nine": the owner is the person
            low, word = low[:-2], word[:-2]
            return _a_person(word, low)
        if _a_person(word, low):
            return links > 0 or low not in _PRONOUNS  # "she 95": a pronoun right before says nothing
        if low in _NOT_PEOPLE or (low not in _LINKS and word not in (",", "(") and not (low == "got" and last == "to")):
            return False  # "got" only as "got to 100" ("my kid got 95 on the test" is a score)
        at, links, last = m.start(), links + 1, low
    return False


_PLURALS = {"men": "man", "women": "woman", "ladies": "lady", "people": "person", "gentlemen": "gentleman"}


def _a_person(word: str, low: str) -> bool:
    if low in _PRONOUNS or low in FAMILY_ADDRESS or low in _PEOPLE or is_person_noun(low):
        return True
    one = _PLURALS.get(low) or (low[:-1] if low.endswith("s") else "")
    if one and (one in _PEOPLE or one in FAMILY_ADDRESS or is_person_noun(one)):
        return True  # "my grandparents are over 90", "both women were 96"
    # a capitalised known first name ("Elsie turns one hundred"); not a word at a sentence's start
    return word[:1].isupper() and word[1:].islower() and is_first_name(low)
