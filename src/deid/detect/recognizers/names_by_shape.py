"""Recognizers for names found by where they stand rather than by a word just before
them: a Markdown table's name column, a word in another script among Latin ones, a
lower-case first name after a kinship word when a verb follows ("my niece dawn drove"),
and a first name that is also a place or brand as the subject of what people do
("Savannah called"). Each finding is the name alone.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, PatternRecognizer, RecognizerResult

from deid.core.lexicon import common_words, is_medical_term, name_info, name_words, vocabulary
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import RELATIONS, SUBJECT_ADVERBS, SUBJECT_VERBS
from deid.detect.recognizers.base import Pattern, ValuePatternRecognizer, _CAP, no_list_word
from deid.detect.word_sense import sentence_tags


_NAME_HEADER = re.compile(
    r"^(?:(?:full|first|last|preferred|participant'?s?|client'?s?|patient'?s?)[ _]?)?"
    r"(?:name|names|participant|participants|respondent|client|patient|member|person|who|author|speaker|contact|"
    r"resident|guest|caller|attendee|student|veteran|donor|interviewee|narrator|storyteller)$",
    re.IGNORECASE,
)
_RULE_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")


# A column of ages, and an age Safe Harbor removes (90 and over; the rules decide from 80).
_AGE_HEADER = re.compile(r"^(?:age|ages|age \((?:y|yrs?|years?)\)|age in years|years old|yrs)$", re.IGNORECASE)
_AGE_CELL = re.compile(r"^(?:8\d|9\d|1[01]\d)(?:[ \t]*(?:y|yo|yrs?|years?))?$", re.IGNORECASE)
# A column of phone numbers, and a cell that is one (seven digits or more, as a phone is written).
_PHONE_HEADER = re.compile(r"^(?:phone|phones|tel|tel\.|telephone|cell|mobile|fax|(?:phone|contact|cell)[ \t]*(?:number|no\.?|#))$",
                           re.IGNORECASE)
_PHONE_CELL = re.compile(r"^\+?[\d(][\d ().\-]{5,20}\d(?:[ \t]*(?:x|ext\.?)[ \t]*\d{1,5})?$", re.IGNORECASE)


class TableNameRecognizer(LocalRecognizer):
    """Cells under a name column of a Markdown table (``| Name | Age |``), the ages from 80
    under an age column (``| 97 |``), and the phone numbers under a phone column."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON", "AGE", "PHONE_NUMBER"], name="TableNameRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        meta = {"recognizer_name": self.name, "recognizer_identifier": self.id}
        return [RecognizerResult(kind, start, end, 0.9, recognition_metadata=dict(meta))
                for kind, cell, start, end in column_cells(text, _column_kind)
                if kind == "PERSON" or (_AGE_CELL if kind == "AGE" else _PHONE_CELL).match(cell)
                and (kind == "AGE" or sum(c.isdigit() for c in cell) >= 7)]


def _column_kind(header: str) -> str | None:
    return "PERSON" if _NAME_HEADER.match(header) else "AGE" if _AGE_HEADER.match(header) \
        else "PHONE_NUMBER" if _PHONE_HEADER.match(header) else None


def column_cells(text: str, kind_of) -> list[tuple[str, str, int, int]]:
    """``(kind, cell, start, end)`` of every non-empty cell of a Markdown table in ``text``
    under a header that ``kind_of(header)`` gives a kind (``None``: a column of no interest);
    the cell without its padding and emphasis. Shared by the recognizers that read a
    column by its header (names, ages, identifiers)."""
    if "|" not in text:
        return []
    out, columns, offset = [], None, 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "|" not in line:
            columns = None
        elif columns is None and i + 1 < len(lines) and _RULE_ROW.match(lines[i + 1]):
            heads = [c[0].strip(" \t*_") for c in _cells(line)]
            columns = {k: kind for k, h in enumerate(heads) if (kind := kind_of(h))}
        elif columns and not _RULE_ROW.match(line):
            for k, (value, start, _) in enumerate(_cells(line)):
                cell = value.strip(" \t*_")
                if k in columns and cell:
                    at = offset + start + len(value) - len(value.lstrip(" \t*_"))
                    out.append((columns[k], cell, at, at + len(cell)))
        offset += len(line) + 1
    return out


def _cells(line: str) -> list[tuple[str, int, int]]:
    """(text, start, end) of each cell of a table row, without the outer pipes."""
    bounds = [m.start() for m in re.finditer(r"(?<!\\)\|", line)]
    if not bounds:
        return []
    stripped = line.strip()
    if not stripped.startswith("|"):
        bounds = [-1] + bounds
    if not stripped.endswith("|"):
        bounds = bounds + [len(line)]
    return [(line[a + 1:b], a + 1, b) for a, b in zip(bounds, bounds[1:])]


class LowerRelationRecognizer(ValuePatternRecognizer):
    """``my wife jenny``: a lower-case first name after a kinship or role
    word, when it is no common word ("my son will ..." is not a name); a
    first name that is also a common word only when a verb follows it as a
    subject's would ("my niece dawn drove me", "my uncle art quit", "my
    sister grace, who ..."; not "my mom rose early")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def first_name(r) -> bool:
            word = text[r.start:r.end]
            info = name_info(word)
            if info is None or not info.first:
                return False
            if word in NOT_A_SUBJECT:
                # "my neighbour will drove me": a verb in the past or with its -s, which no
                # modal can have after it
                verb = VERB_FOLLOWS.match(text, r.end)
                return (verb is not None and verb.group(0).strip().lower() not in _NOT_AFTER_A_MODAL) \
                    or _finite_verb_after(text, r.start, r.end)
            if word.lower() in common_words():
                # "my sister sue drew up": a verb a subject has, by the list or by the tags
                return VERB_FOLLOWS.match(text, r.end) is not None or _finite_verb_after(text, r.start, r.end)
            return True

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if first_name(r)]


def _finite_verb_after(text: str, start: int, end: int) -> bool:
    """Whether the word after ``text[start:end]`` is a verb in the past or with its -s, by its
    sentence's tags ("will drove", "sue drew"; not "will drive")."""
    offset, tags = sentence_tags(text, start, end)
    at = [i for i, (a, b, _, _) in enumerate(tags) if a == start - offset and b == end - offset]
    return bool(at) and at[0] + 1 < len(tags) and tags[at[0] + 1][2] in ("VBD", "VBZ") \
        and tags[at[0] + 1][3].lower() not in NOT_A_SUBJECT


# What follows a subject: a verb of what a person after "my niece" did or does (``wordlists.SUBJECT_VERBS``).
# (an adverb may stand between: "dawn also drove"; "who" after, with its comma or without: "jack who doesnt")
VERB_FOLLOWS = re.compile(rf"(?:(?:[ \t]+{SUBJECT_ADVERBS})?[ \t]+(?:{'|'.join(SUBJECT_VERBS)}|[a-z]{{2,}}ed|(?i:od['\u2019]?d|o\.d\.['\u2019]?d))\b"
                          r"|[ \t]*,?[ \t]*(?:who|whom|whose)\b)")  # "od'd": overdosed, as posts write it
# The verbs of ``SUBJECT_VERBS`` a modal may have after it ("my son will quit").
_NOT_AFTER_A_MODAL = frozenset("quit will would could can should is was has had does did".split())
# Words that open a clause themselves: "my son will", "my husband and I".
NOT_A_SUBJECT = frozenset("will may can might must shall should would could did does do is was has had just also "
                           "never always still really and or but so too who that then".split())


# Kin words a family puts before a name as a title, in lower case and with no possessive: "auntie pat",
# "nana joy" (a capital's "Aunt", "Grandma" are titles of the name recognizers).
_KIN_TITLES = r"(?:aunt|auntie|aunty|uncle|grandma|grandpa|granny|gran|nana|cousin)"


def relation_lower_name() -> PatternRecognizer:
    return LowerRelationRecognizer(
        value=r"\p{Ll}+",
        supported_entity="PERSON",
        name="RelationNameRecognizer",
        patterns=[Pattern(
            "relation-lower-name",
            rf"(?:\b(?i:my|our|his|her|their|your)[ \t]+(?:(?i:late|old|ex-|former|new|older|younger|little|big)[ \t-]*)?"
            rf"(?i:{RELATIONS})[ \t]*,?|\b(?i:{_KIN_TITLES}))[ \t]+\p{{Ll}}+\b",
            0.75,
        )],
        global_regex_flags=re.MULTILINE,
    )


class _LowerTitleName(ValuePatternRecognizer):
    """Keeps a lower-case word after a title: after a doctor's ("dr", "doc") when it is a
    surname or no word at all ("dr osei-mbatha", "dr kowalczyk"; not "dr said", "dr visit");
    after a courtesy title ("mr", "mrs", "ms.") any word but a function word or a medical
    term ("ms. grace", "mr rusty"): that title is said only of a person, whatever the word
    it names them by."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        def named(r) -> bool:
            word = text[r.start:r.end]
            if is_medical_term(word):
                return False
            if _COURTESY_BEFORE.search(text, max(0, r.start - 6), r.start):
                return word not in STOP_WORDS
            if word in common_words() or word in vocabulary():
                return False
            parts = re.split(r"['\u2019-]", word)
            info = name_info(word)
            return (info is not None and info.usage != "w") or not all(
                p in common_words() or p in vocabulary() for p in parts if len(p) > 1)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if named(r)]


# "ms" needs its stop ("my ms flares" is the disease); "miss" is left out (a verb as often)
_TITLES = r"(?:dr|doc|mrs?)\.?|ms\."
_COURTESY_BEFORE = re.compile(r"\b(?:mrs?\.?|ms\.)[ \t]+$")


def title_lower_name() -> PatternRecognizer:
    """``dr osei-mbatha``, ``ms. grace``: a person named in lower case after a title, as
    lower-case posts write one."""
    value = r"(?P<v>(?:\p{Ll}['\u2019])?\p{Ll}{2,}(?:['\u2019-]\p{Ll}{2,})*)"  # "o'rourke-ellis" too
    return _LowerTitleName(
        value=rf"\b(?:{_TITLES})[ \t]+{value}",
        supported_entity="PERSON",
        name="TitleNameRecognizer",
        patterns=[Pattern("title-lower-name",
                          rf"\b(?:{_TITLES})[ \t]+(?:\p{{Ll}}['\u2019])?\p{{Ll}}{{2,}}(?:['\u2019-]\p{{Ll}}{{2,}})*(?![\p{{L}}\d])", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


# A word in a script other than Latin: letters (and their marks) none of which is Latin.
_OTHER_SCRIPT_WORD = re.compile(r"(?<![\p{L}\p{M}\d\-/])(?:(?!\p{Latin})[\p{L}\p{M}])+(?![\p{L}\p{M}\d\-/])")
_CJK = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LATIN_WORD = re.compile(r"\p{Latin}+")


class OtherScriptNameRecognizer(LocalRecognizer):
    """Names the model cannot read: in a text of more words in Latin letters
    than in others, a run of one to four words in another script (Arabic, Cyrillic,
    Hebrew, Devanagari, a CJK name of up to four characters a word) is taken
    for a name ("My neighbour محمد العلي drove me"). A Greek word needs
    three letters ("μg", "β" are units and symbols); a longer run is a
    passage in another language, not a name, and is left to the reader."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON"], name="OtherScriptNameRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if text.isascii():  # every letter of ASCII is Latin, and it holds no marks: no word to find
            return []
        words = [m for m in _OTHER_SCRIPT_WORD.finditer(text) if _name_like(m.group(0))]
        if not words:
            return []
        if len(_LATIN_WORD.findall(text)) <= len(words):
            return []  # a text in another language
        runs: list[list] = []
        for m in words:
            if runs and text[runs[-1][-1].end():m.start()] in (" ", "\u00a0", "\u3000", "-", " - "):
                runs[-1].append(m)
            else:
                runs.append([m])
        return [RecognizerResult("PERSON", run[0].start(), run[-1].end(), 0.6,
                                 recognition_metadata={"recognizer_name": self.name, "recognizer_identifier": self.id})
                for run in runs if len(run) <= 4]


def _name_like(word: str) -> bool:
    if _CJK.search(word):
        return len(word) <= 4
    if re.fullmatch(r"[\p{Greek}\p{M}]+", word):
        return len(word) >= 3
    return len(word) >= 2


class _SubjectNames(ValuePatternRecognizer):
    """Keeps a subject only when its first word is a first name that is no
    common word ("Savannah", "Dakota", "Allegra"; not "Grace", "Hope"). A
    city that is also a first name ("Boston called") is taken for a person:
    removed all the same, as a place below state level would be. A first name
    that is a word is one too where the verb rules the word out: a verb only a
    person does ("Faith texted", "Grant asked"; not "Summer came"), or any verb in
    the past after a name whose word is only an adjective ("Rusty pointed",
    "Sunny hauled"; not "Rusty nails"). A word the name lexicon does not know is a name
    before what only a person does, when no list holds it ("Ngozika drove me home")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def first_name(r) -> bool:
            if _PREPOSITION_BEFORE.search(text, max(0, r.start - 40), r.start):
                return False  # "the pharmacy in Mossy Ridge closed": no subject stands after a preposition
            first = text[r.start:r.end].split()[0]
            if first.lower() in _HIGHER:
                return False  # "God knows", "heaven only knows": said of no one
            info = name_info(first)
            if info is None:
                return no_list_word(first) and bool(_ONLY_A_PERSON.fullmatch(_next_word(text, r.end)))
            if not info.first or is_person_noun(first.lower()):
                return False  # "Nana said", "Doc said": a role's, no name
            if info.usage != "w" and first.lower() not in common_words():
                return True
            if _ARTICLE_BEFORE.search(text[max(0, r.start - 8):r.start]):
                return False  # "the Rusty" is a thing's
            verb = _next_word(text, r.end)
            return bool(_ANIMATE.fullmatch(verb)) or bool(_PAST_VERB.fullmatch(verb)) and name_words().get(first.lower()) == {"adj"}

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if first_name(r)]


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


_PREPOSITION_BEFORE = re.compile(r"\b(?i:in|at|from|to|near|of|on|with|by|for|into|outside|around|across|through)[ \t]+"
                                 r"(?:\p{Lu}[\p{Ll}'\u2019]+[ \t]+){0,2}$")  # the name's words before it too
_ARTICLE_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|these|those)[ \t]+$")
# A deity or heaven, as an oath names them ("God knows", "heaven only knows", "Jesus wept")
_HIGHER = frozenset("god lord jesus christ allah buddha krishna heaven heavens goodness".split())


# What a person does in a story, told of a subject: "Savannah called me"; of these, what only
# a person does ("texted"; not "came", "died": "Summer came", "Hope died").
# (not the forms in -s a plural noun shares: "Long texts", "Grace calls")
_ANIMATE_VERBS = ("said|says|told|tells|texted|visited|drove|asked|hugged|cried|laughed|wrote|messaged|emailed|phoned|"
                  "promised|insisted|whispered|yelled|smiled|overdosed|relapsed|signed|pointed|listed|explained|"
                  "answered|replied|shared|admitted|called|"
                  # what only a mind does
                  "thinks|thought|knows|knew|believes|believed|reckons|reckoned|worries|worried|decided|decides|"
                  "suggested|suggests|insists|insisted|agreed|agrees|disagreed|disagrees|remembers|remembered|"
                  "forgot|forgets|complained|complains|mentioned|mentions|swears|swore|prayed|prays|joked|jokes")
_PERSON_VERBS = _ANIMATE_VERBS + "|texts|visits|asks|writes|calls|came|comes|passed away|died"
# A verb in the past, regular or of the common irregular ones: "Rusty pointed", "Sunny drove"
# (not a modal: "Safe Harbor would").
_MODALS = frozenset({"will", "would", "can", "could", "should", "might", "must", "shall"})
_PAST = r"(?:\p{Ll}{2,}ed|" + "|".join(w for w in SUBJECT_VERBS if not w.endswith("s") and w not in _MODALS) + ")"
_ANIMATE, _PAST_VERB = re.compile(_ANIMATE_VERBS), re.compile(_PAST)
# What only a person does, told of a word no list holds: "Ngozika drove me home" (not "said", "called",
# "texted": a clinic, a plan or a pharmacy does those too)
_ONLY_A_PERSON = re.compile("drove|hugged|cried|laughed|whispered|yelled|smiled|overdosed|relapsed|prayed|joked|"
                            "kissed|sobbed|giggled|shrugged|nodded|winked|hugs|cries|laughs|smiles|prays")
_NEXT_WORD = re.compile(r"[ \t]+(\p{Ll}+)")


def subject_name() -> PatternRecognizer:
    """A first name as the subject of what people do: ``Savannah called
    me``, ``Brooklyn and Dakota came``, ``Allegra told me`` -- names that
    are also places or brands, which the model types as such. Person
    context outranks the allow lists and the model's type."""
    return _SubjectNames(
        value=_CAP,
        supported_entity="PERSON",
        name="SubjectNameRecognizer",
        patterns=[
            Pattern("subject", rf"\b{_CAP}(?=[ \t]+(?:{_PERSON_VERBS})\b)", 0.7),
            Pattern("past", rf"\b{_CAP}(?=[ \t]+{_PAST}\b)", 0.7),
            Pattern("subjects", rf"\b{_CAP}(?=[ \t]+(?:and|&)[ \t]+{_CAP}[ \t]+(?:{_PERSON_VERBS})\b)", 0.7),
        ],
        global_regex_flags=re.MULTILINE,
    )
