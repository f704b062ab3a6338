"""Which findings stand: a finding below its type's threshold or on the allow list goes; a
model finding made of allowed terms and filler words keeps only its other words; a guess
that is only a medical term or ordinary words goes, with the reason; a guess inside
Markdown code goes, unless it is written in a fenced block as a name is in prose
(two to four capitalised words: a string or a comment a reader sees). A date the model
guessed that is a length of time, a frequency or a part of a number ("for 9 years",
"x2 daily", "the last 4" of a social: ``detect.durations``) is no date and goes, with its
reading as the reason; so does a holiday said alone ("every Christmas"). A name, place or
organisation that recognizers read by shape or context, or guessed, goes as a
``credential`` when it is the degrees written after a name ("— Ana Reyes, PharmD":
``detect.credentials``). A person guessed on a month's or a day's word inside a date a pattern
found is the date's (``dates_not_names``). ``decide.decisions`` and the final check ask here: in
detect, below both, so the final check reaches no stage after detection's for it."""

from __future__ import annotations

import re
from dataclasses import replace

from deid.core.lexicon import DAYS_AND_MONTHS, common_words, eponyms, is_drug_name, is_medical_term, name_info
from deid.core.model import Finding
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import MONTH_WORDS, ORG_HEADS, ORG_WORD_KINDS, SHORT_TITLE_WORDS
from deid.detect import evidence
from deid.detect.credentials import credentials_after_name
from deid.detect.durations import holiday_alone, not_a_date
from deid.detect.evidence import CERTAIN, CONTEXT, GUESSES, NAMELIKE, PATTERN, keep_reason
from deid.detect.label_words import label_word
from deid.detect.tag_words import name_in_tag
from deid.policy.ruleset import RuleSet, normalize_term
from deid.core.markup import in_code, in_code_block

# A drug name is cut out of a guess only (the model, the name lexicon); any recognizer
# that knows, by shape or context, keeps it ("Name: Ella", "my sponsor Chase", "Dr.
# Vicks", "Tamarind Mood Clinic"). A term allowed for any type ("Ohio" as a place) is
# allowed for guesses whatever type they gave it.
_WORD = re.compile(r"[\w][\w'\u2019\-.]*\w|\w")
WORD = _WORD  # the words a finding is cut into where the rules allow one of them (``_pieces``)
FILLER = frozenset(
    "and or & the a an of with plus then first second third fourth fifth sixth seventh eighth "
    "ninth tenth last next".split()
)
# words a guessed name does not start or end with
_EDGE = re.compile(r"(?i:and|or|the|an|of|with|i['\u2019](?:m|ve|ll|d)|[a-z]+['\u2019](?:re|ve|ll|t)"
                   r"|(?:it|that|he|she|what|there|here|who|where|let)['\u2019]s)$")
# a sign-off's word before the name it signs ("xoxo tavi", "Love Imani"); not after one ("Courtney Love")
_SIGN_OFF = re.compile(r"(?i:xo|xoxo|xx|xxx|love|hugs|cheers)$")

def stands(f: Finding, text: str, rules: RuleSet, markup: str | None = None) -> list[Finding]:
    """The finding, pieces of it, or nothing (see ``judge``)."""
    return judge(f, text, rules, markup)[0]


# a title opening a name of more words: it stays, the name goes
_TITLE_FIRST = re.compile(rf"(?i:{'|'.join(sorted(SHORT_TITLE_WORDS | {'miss', 'doctor', 'professor'}))})\.?[ \t]+(?=\w\w)")  # not "Mr Y."


def judge(f: Finding, text: str, rules: RuleSet, markup: str | None = None) -> tuple[list[Finding], str | None]:
    """The finding, pieces of it, or nothing: below-threshold and allowed
    findings go; a model finding made of allowed terms and filler words
    ("Percocet and Dilaudid", "Third Sublocade") keeps only its other words;
    a guess that is only a medical term or ordinary words goes, with the
    reason (``evidence.keep_reason``), and so does a guess inside Markdown
    code (reason ``code``: commands and class names are no prose; the
    recognizers that know, by pattern or context, still look there, and a
    full name of known names stands there too)."""
    if f.strength == CERTAIN:
        return [f], None
    value = text[f.start:f.end]
    if f.strength in GUESSES and sum(c.isalpha() for c in value) == 1 and not any(c.isupper() for c in value):
        return [], "common_words"  # "o." of "card no.": a guess of one lower-case letter names no one
    title = _TITLE_FIRST.match(text, f.start, f.end) if f.entity == "PERSON" else None
    if title is not None:
        f = replace(f, start=title.end())  # "Mrs. Abernethy" given whole by a form's field: the title stays
    if markup == "markdown" and f.recognizer in evidence.SHAPES_CODE_HAS and in_code(text, f.start, f.end):
        return [], "code"
    if markup == "markdown" and f.strength in GUESSES and in_code(text, f.start, f.end) \
            and not evidence.spreads(f.entity, text[f.start:f.end], f.strength):
        words = _written_as_words(text, f.start, f.end) if in_code_block(text, f.start, f.end) else None
        if words is None:
            return [], "code"
        f = replace(f, start=words[0], end=words[1])
    if rules.in_allowed_phrase(text, f.start, f.end, f.entity):
        return [], "allow_list"  # "Bridgeway" of an allowed "Bridgeway Clinic"
    if f.entity in NAMELIKE and credentials_after_name(text, f.start, f.end):
        return [], "credential"  # "PharmD" of "— Ana Reyes, PharmD": no town after the name's comma
    reason = keep_reason(f.entity, text, f.start, f.end, f.strength, rules.is_allowed_anywhere, rules.medical_lexicon)
    if reason is None and f.entity == "DATE_TIME" and f.strength in GUESSES:
        reason = not_a_date(text, f.start, f.end)  # "for 9 years", "x2 daily": how long, how often
    elif reason is None and f.strength in GUESSES and holiday_alone(text[f.start:f.end]):
        reason = "holiday"  # "again at Easter" guessed a place: a holiday said alone names no one and no place
    if reason:
        return [], reason
    pieces, why = [], None
    for p in _pieces(f, text, rules):
        # what is left of a guess is judged as one ("l0" of "l0 mg")
        reason = None if p == f or f.strength not in GUESSES else keep_reason(
            p.entity, text, p.start, p.end, p.strength, rules.is_allowed_anywhere, rules.medical_lexicon)
        if reason:
            why = why or reason
        else:
            pieces.append(p)
    return pieces, None if pieces else why


# Two to four capitalised words with single spaces between ("Ilse Marrow"): how
# people write a name, and no identifier of a program (one word, or words joined
# by dots, underscores or capitals). In a code block it is text a reader sees.
_CAPITALISED = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*(?:['\u2019-][^\W\d_]+)?")


def _written_as_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the capitalised words with single spaces between that hold
    ``start:end``, when they are two to four words; else None."""
    words = [m.span() for m in _CAPITALISED.finditer(text, max(0, start - 80), min(len(text), end + 80))]
    words = [(a, b) for a, b in words if _capitalised(text[a:b])]
    at = next((i for i, (a, b) in enumerate(words) if a <= start < b or start <= a < end), None)
    if at is None:
        return None
    lo = hi = at
    while lo > 0 and text[words[lo - 1][1]:words[lo][0]] == " ":
        lo -= 1
    while hi + 1 < len(words) and text[words[hi][1]:words[hi + 1][0]] == " ":
        hi += 1
    a, b = words[lo][0], words[hi][1]
    if not 2 <= hi - lo + 1 <= 4 or a > start or b < end:
        return None
    return a, b


def _capitalised(word: str) -> bool:
    rest = word[1:].replace("'", "").replace("\u2019", "").replace("-", "")
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and rest.islower()


def _owner(word: str) -> bool:
    """A word a person's guess does not start with when a name follows: a sign-off's ("Love
    Imani"), a possessive's ("My uncle Ferris") or a person noun in lower case after it ("uncle";
    not a capitalised "Baker", which may be the surname)."""
    return _SIGN_OFF.match(word) is not None or _POSSESSIVE.match(word) is not None \
        or (word.islower() and is_person_noun(word))


_POSSESSIVE = re.compile(r"(?i:my|our|his|her|their|your)$")


def _common_noun(word: str) -> bool:
    """A lower-case everyday word in the plural that is no name: a person's guess does not
    end with one ("iris bulbs" are the flower's; "sandy toad" may be someone's nickname)."""
    return word.islower() and word.endswith("s") and word in common_words() and name_info(word) is None


# Web and mail addresses: one token, removed whole ("kratomexit.org/taper": no drug's word in its
# path is kept apart), with no stop or comma after it that ends a sentence.
_ADDRESSES = frozenset({"URL", "EMAIL_ADDRESS"})
_STOPS = ".,;:!?"


def _without_stop(f: Finding, text: str) -> Finding:
    end = f.end
    while end > f.start + 1 and text[end - 1] in _STOPS:
        end -= 1
    return f if end == f.end else replace(f, end=end)


def _before_a_number(words: list[tuple[int, int]], text: str) -> None:
    """A person's guess cut before its first word that holds a digit, and before the everyday
    words right before it, which say what the number counts ("Mabel Tunstall Apt 4", "Rosalind
    Tembe Room 12"): no person's name holds a number."""
    digit = next((k for k, (a, b) in enumerate(words) if any(c.isdigit() for c in text[a:b])), None)
    if digit is None:
        return
    day = _DAY.fullmatch(text, *words[digit])
    del words[digit:]
    if day and words and text[words[-1][0]:words[-1][1]].lower().rstrip(".") in MONTH_WORDS:
        words.pop()  # "Mar 3, 7:42 AM": a month and its day, a date and no one's name
    while words and _counted(text[words[-1][0]:words[-1][1]]):
        words.pop()


_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")


def _counted(word: str) -> bool:
    """An everyday word that is at most rarely a name ("Apt", "Room", "Ward")."""
    low = word.lower().rstrip(".")
    info = name_info(low)
    return low in common_words() and (info is None or info.usage == "w")


def _pieces(f: Finding, text: str, rules: RuleSet) -> list[Finding]:
    """Thresholds, the allow list and drug names (see ``judge``)."""
    soft = f.strength in GUESSES

    def allowed(term: str) -> bool:
        if f.strength == CONTEXT and f.entity == "PERSON":
            # strong person context outranks the lists of public bodies and everyday words
            # ("my sponsor Pfizer", "Name: Teva Lindqvist") and the drug lexicon ("my sponsor
            # Chase"), not a drug or condition the rules allow ("my old friend Lexapro")
            # (a disease's eponym after a courtesy title is the surname it always was: "Dr. Alzheimer")
            low = normalize_term(term)
            return ("PERSON", low) in rules.allow or (rules.is_allowed(term, "PERSON") and is_medical_term(low)
                                                       and not (f.recognizer == "TitleNameRecognizer" and low in eponyms()))
        if rules.is_allowed(term, f.entity) or (soft and rules.is_allowed_anywhere(term)):
            return True
        return soft and rules.medical_lexicon and f.entity in NAMELIKE and is_drug_name(normalize_term(term))

    if f.score < rules.for_entity(f.entity).threshold or allowed(text[f.start:f.end]):
        return []
    if f.entity in _ADDRESSES:
        return [_without_stop(f, text)]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, f.start, f.end)]
    # a guess does not start or end with "I'm", "the", "and" ("I'm Daniel's"), nor a label ("Venmo",
    # "VIN"); a person's does not end with an everyday noun ("iris bulbs")
    if soft:
        while words and (_EDGE.match(text[words[0][0]:words[0][1]]) or label_word(text[words[0][0]:words[0][1]])
                         or len(words) > 1 and f.entity == "PERSON" and _owner(text[words[0][0]:words[0][1]])):
            words.pop(0)
        lower = next((k for k, (a, b) in enumerate(words) if not text[a:b].islower()), len(words))
        if f.entity == "PERSON" and 1 < lower < len(words) and is_person_noun(" ".join(text[a:b] for a, b in words[:lower])):
            del words[:lower]  # "foster mom Ines Varga": the person noun of several words before the name
        while words and (_EDGE.match(text[words[-1][0]:words[-1][1]]) or label_word(text[words[-1][0]:words[-1][1]])
                         or f.entity == "PERSON" and len(words) > 1 and _common_noun(text[words[-1][0]:words[-1][1]])):
            words.pop()
        if f.entity == "PERSON":
            _before_a_number(words, text)
        if not words:
            return []
        f = replace(f, start=words[0][0], end=words[-1][1])
        named = name_in_tag(text, f.start, f.end)  # "#MarisolStrong" keeps "Strong"
        if named is not None and len(words) == 1:
            f = replace(f, start=named[0], end=named[1])
    if len(words) < 2 or f.strength == evidence.PATTERN and f.entity == "LOCATION" and any(c.isdigit() for c in text[f.start:f.end]):
        return [f]  # an address by its shape keeps its words ("Box 19, Turkey Hollow", "40 Ohio Street")
    if not soft and f.entity == "DATE_TIME":
        return [f]  # a date by its shape keeps its words ("6:05 AM": "AM" is allowed alone)
    loose = [allowed(text[a:b]) or text[a:b].casefold() in FILLER for a, b in words]
    if not any(allowed(text[a:b]) for a, b in words):
        return [f]
    head = text[words[-1][0]:words[-1][1]].casefold()
    if f.entity == "ORGANIZATION" and (head in ORG_HEADS or head in ORG_WORD_KINDS) and not all(loose[:-1]):
        return [f]  # "Rainier Cove Cancer Institute", "Fenmoor Surgery", "the Glenmore Alcohol Service": a named
        # organisation keeps its medicine
    pieces, run = [], []
    for (a, b), drop in zip(words + [(0, 0)], loose + [True]):
        if drop:
            if run:
                pieces.append(replace(f, start=run[0], end=run[-1]))
            run = []
        else:
            run = [run[0] if run else a, b]
    return pieces


_GUESSED_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


def dates_not_names(found: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``found`` without a guess of a person, a place or an organisation made only of a date's
    words (a month's or a day's word and numbers) that lies inside a date a pattern found ("Dec"
    of "Dec. 3rd": the name lexicon knows "Dec" as a surname; the model's organisation "Thurs
    4/17"): the date's type stands, and its stand-in."""
    dates = [f for f in found if f.entity == "DATE_TIME" and f.strength == PATTERN]
    if not dates:
        return found

    def calendar_word(f: Finding) -> bool:
        words = texts[f.field][f.start:f.end].replace(",", " ").split()
        return f.entity in _GUESSED_TYPES and f.strength in GUESSES \
            and any(w.strip(".").lower() in DAYS_AND_MONTHS for w in words) \
            and all(w.strip(".").lower() in DAYS_AND_MONTHS or not any(c.isalpha() for c in w) for w in words) \
            and any(d.field == f.field and d.start <= f.start and f.end <= d.end for d in dates)

    return [f for f in found if not calendar_word(f)]
