"""Building blocks shared by deid's recognizers."""

from __future__ import annotations

from functools import lru_cache

import presidio_analyzer
import regex as re
from presidio_analyzer import LocalRecognizer, PatternRecognizer, RecognizerResult

from deid.core.wordlists import ADDRESS_WORDS, PARTICLES, TITLES as TITLE_LIST
from deid.core.lexicon import (DAYS_AND_MONTHS, capitalised_words, common_words, is_drug_name, is_medical_term, misspelt,
                               name_info, vocabulary)


class Pattern(presidio_analyzer.Pattern):
    """Presidio's ``Pattern``, compiled once. Presidio's own compiles its expression when it
    is made, only to check it, and again with the recognizer's flags when it first runs: for
    the job titles' expressions (15,000 characters) each compile takes a tenth of a second,
    and start-up paid them twice. Here the one compile is the one the run uses: Presidio's
    at the first run (or the prefilter's gate's, ``prefilter.Gate``); every expression is
    compiled by the tests, which run every recognizer."""

    def __init__(self, name: str, regex: str, score: float):  # not super().__init__: it compiles
        if not 0 <= score <= 1:
            raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
        self.name, self.regex, self.score = name, regex, score
        self.compiled_regex = None
        self.compiled_with_flags = None


class ValuePatternRecognizer(PatternRecognizer):
    """A pattern recognizer whose matches include a label ("MRN: 12345");
    the finding is trimmed to the value that ``value`` matches at the end, and a
    match whose end ``value`` does not match is dropped; with ``keep``, so is a value
    ``keep(value)`` refuses."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def __init__(self, value: str, keep=None, **kwargs):
        super().__init__(**kwargs)
        self.value = re.compile(value + r"$")
        self.keep = keep

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            m = self.value.search(text, r.start, r.end)
            if m:  # a match without its value is none ("chart # which": the label and a word)
                r.start, r.end = m.span("v") if "v" in self.value.groupindex else m.span()
                if self.keep is None or self.keep(text[r.start:r.end]):
                    results.append(r)
        return results


class GatedPatternRecognizer(PatternRecognizer):
    """A pattern recognizer that looks only at a text where ``gate`` occurs: one cheap
    search instead of its patterns' lookbehinds at every position, same answers."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def __init__(self, gate: str, **kwargs):
        super().__init__(**kwargs)
        self.gate = re.compile(gate, re.IGNORECASE)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        if not self.gate.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


class NotCommonWordRecognizer(ValuePatternRecognizer):
    """Drops a match whose value is only common words ("Note:") or, in lower
    case, is a word of the vocabulary or a medical term; with
    ``known_name``, keeps only values holding a known name ("I'm Loretta",
    not "I'm Diabetic"); with ``not_medical``, drops medical terms and drug
    names ("Thanks Narcan")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def __init__(self, known_name: bool = False, not_medical: bool = False, first_names: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.known_name, self.not_medical, self.first_names = known_name, not_medical, first_names

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        words = common_words()

        def keep(value: str, end: int) -> bool:
            parts = re.findall(r"[^\W\d_]+", value)
            if self.first_names and len(parts) == 1 and value[:1].isupper() and first_name_addressed(parts[0]) \
                    and not _PRONOUN_AFTER.match(text, end):
                return True  # "thank you, Sunny in pre-op": a first name that is a word too, capitalised
            if value.islower() and (value in vocabulary() or is_medical_term(value)):
                return False  # a name in lower case must be no word ("my name is krithika", not "... pending")
            if self.not_medical and (is_medical_term(value) or any(is_medical_term(p) for p in parts)):
                return False
            if self.known_name:
                return any((i := name_info(p)) is not None and i.usage != "w" for p in parts)
            return not all(p.lower() in words for p in parts)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(text[r.start:r.end], r.end)]


# After a word greeted, a pronoun makes it the word: "Thanks, Hope you feel better".
_PRONOUN_AFTER = re.compile(r"[ \t]+(?i:you|u|i|we|they|he|she|it|that|this|to|ur|your)\b")


def first_name_addressed(word: str) -> bool:
    """A first name someone is called by: not a deity or an endearment, a day or a month,
    or a drug ("thanks, Lord", "hi April", "thanks Narcan")."""

    info = name_info(word.lower().replace("\u2019", "'"))
    return info is not None and info.first and called_by(word)


def no_list_word(word: str) -> bool:
    """A capitalised word no list holds: no word of the vocabulary (with a capital or not), no
    drug and no medical term ("Adaeze"; not "Medicaid", "Walgreens", "Xanax")."""
    low = word.lower()
    return low not in vocabulary() and low not in capitalised_words() and low not in common_words() \
        and not is_drug_name(low) and not is_medical_term(low) and not misspelt(word)


def called_by(word: str) -> bool:
    """Whether ``word``, said to someone, may be their name: no deity or endearment, day or
    month, or drug."""

    low = word.lower().replace("\u2019", "'")
    return low not in ADDRESS_WORDS and low not in DAYS_AND_MONTHS and not is_drug_name(low)


# A capitalised name of one to four words ("Ana de la Cruz"), or a first name
# and an initial ("Terri M.").
_CAP = r"\p{Lu}(?:\p{Ll}+(?:['\u2019]\p{Ll}+)?|['\u2019]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?"
_PARTICLE = "(?:" + "|".join(PARTICLES) + ")"
NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_CAP}|\p{{Lu}}\.)){{0,3}}"
# a surname that opens with its particle, as one is written after a title: "Dr. de Wit", "Dr. van
# der Berg", "Dr. al-Rashid"
PARTICLE_LEAD = rf"(?:(?:{_PARTICLE})[ \t]+|(?-i:al|el|ibn|bin)-(?=\p{{Lu}})){{0,2}}"
FORM_LABELS = (
    "name|full name|participant|respondent|interviewer|interviewee|patient|client|"
    "contact|author|submitted by|written by|reported by|caller|member|resident|peer|"
    "signed|signed by|sender|reviewer|reviewed by|prepared by|completed by"
)


INITIALS = r"\p{Lu}\.[ \t]?\p{Lu}\.(?:[ \t]?\p{Lu}\.)?"
# a name, initials, or one or two initials and a surname ("T. Marchetti", "B.K. Osei-Lamb")
NAME_OR_INITIALS = rf"(?:(?:\p{{Lu}}\.[ \t]?){{1,2}}{_CAP}|{NAME}|{INITIALS})"
TITLES = "|".join(TITLE_LIST)


class OwnRecognizer(LocalRecognizer):
    """A recognizer of deid's own that finds one type (``ENTITY``) by reading the text itself:
    named after its class, nothing to load, its results made by ``result``."""

    ENTITY = ""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__.lstrip("_"),
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(self.ENTITY, start, end, score, recognition_metadata={
            "recognizer_name": self.name, "recognizer_identifier": self.id})


_FEWEST_SHOUTED = 12  # cased letters in a line before its case says it is written in capitals


_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[ \t]*|\n|$)")


@lru_cache(maxsize=8)  # asked of the same text by three recognizers in turn
def lowered_shouts(text: str) -> str | None:
    """``text`` with each sentence or line written in capitals put in lower case, or ``None``
    when none is. One in capitals tells no more by its case than one in lower case ("WAITING AT
    CORVALE PHARMACY"), so the recognizers of names in lower case read it as one; every other
    sentence, and every offset, stays as it was (one whose lower case changes its length stays)."""
    if sum(map(str.isupper, text)) < _FEWEST_SHOUTED:
        return None
    parts, changed = [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0)], False
    if "".join(parts) != text:
        return None  # (each piece read in turn is the whole text; were it not, nothing is lowered)
    for n, part in enumerate(parts):
        upper, lower = sum(map(str.isupper, part)), sum(map(str.islower, part))
        if upper >= _FEWEST_SHOUTED and lower * 10 <= upper and len(part.lower()) == len(part):
            parts[n], changed = part.lower(), True
    return "".join(parts) if changed else None
