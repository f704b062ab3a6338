"""Recognizers for identifiers written to get past a filter or said as people say them: a
phone number in number words grouped like one ("six one seven, four oh two, eighteen
ninety"), a name spelt letter by letter ("R-O-W-E-N", "m.i.r.a", "t a l l i s"), a name
with digits for letters ("J4sp3r"), and hashtags that carry a name (``#RIP...``,
``#JusticeFor...``, ``#LongLive...``, and a known first name and surname run together)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from deid.core.wordlists import UNITS

_DIGITS = {"zero": 1, "oh": 1, "o": 1, **{u: 1 for u in UNITS}}
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
          "twenty thirty forty fifty sixty seventy eighty ninety").split()
_NUMBER_WORD = {**_DIGITS, **{t: 2 for t in _TEENS}, "hundred": 2, "double": 0, "triple": 0}
# between the groups, what people say while reading a number out: "um", "then", "dash"
_FILLER = r"(?:(?:um+|uh+|er+m?|then|and|dash|area[ \t]+code|hyphen)[ \t]*,?[ \t]*)*"
_ALT = "|".join(sorted(_NUMBER_WORD, key=len, reverse=True))
_RUN = re.compile(r"(?i:\b(?:" + _ALT + r")\b"
                  r"(?:(?:[ \t]*[,\-][ \t]*|[ \t]+)" + _FILLER + r"(?:" + _ALT + r")\b)+)")
_WORD = re.compile(r"[A-Za-z]+")
_PHONE_DIGITS = 7


class _Recognizer(LocalRecognizer):
    ENTITY = ""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=[self.ENTITY], name=type(self).__name__.lstrip("_"),
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(self.ENTITY, start, end, score, recognition_metadata={
            "recognizer_name": self.name, "recognizer_identifier": self.id})


def _spoken_digits(words: list[str]) -> int:
    """How many digits number words say, as a phone number is read: "nineteen" two,
    "forty two" two (a ten and a unit after it are one number), "oh" one, "double five" two."""
    n, after_ten = 0, False
    for w in words:
        if w in ("double", "triple"):
            n += 1 if w == "double" else 2
            continue
        if after_ten and _NUMBER_WORD[w] == 1 and w not in ("oh", "o", "zero"):
            after_ten = False  # "forty two": the unit fills the ten's second digit
            continue
        n += _NUMBER_WORD[w]
        after_ten = w in _TEENS[10:]
    return n


class SpokenPhoneRecognizer(_Recognizer):
    """A phone number said in words, in groups: "five oh three, two two one, twelve forty",
    "eight hundred, five five five, oh one nine nine". Seven digits or more in four words or
    more: a year ("nineteen ninety nine") or a count is shorter."""

    ENTITY = "PHONE_NUMBER"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _RUN.finditer(text):
            words = [w.lower() for w in _WORD.findall(m.group(0)) if w.lower() in _NUMBER_WORD]
            if len(words) >= 4 and _spoken_digits(words) >= _PHONE_DIGITS and not all(w == "o" for w in words[:1]):
                out.append(self.result(m.start(), m.end(), 0.6))
        return out


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"})
# a letter first ("8Rinks", "@Thalia" are a place and a handle)
_LEET_TOKEN = re.compile(r"(?<![\w@$])(?=[\w@$]*[0134578@$])[A-Za-z][A-Za-z0134578@$]{3,19}(?![\w@$])")
_SPELT = re.compile(r"(?<![\w.\-])(?:\p{L}[\-.]){2,}\p{L}\.?(?![\w\-])|(?<!\w)(?<!\b\p{L}[ \t])(?:\p{L}[ \t]){3,}\p{L}(?!\w)")


# Capitals said one by one with commas, as a name is spelt on the phone: "P, R, U, I, double T",
# "O as in ocean, D as in dog, U, Y, A".
_SAID_LETTER = r"(?:double[ \t]+\p{Lu}|\p{Lu}(?:[ \t]+as[ \t]+in[ \t]+\p{L}+)?)"
_SPELT_ALOUD = re.compile(rf"(?<![\w,])(?:{_SAID_LETTER})(?:[ \t]*,[ \t]*{_SAID_LETTER}){{2,}}(?![\w])")
_AS_IN = re.compile(r"[ \t]+as[ \t]+in[ \t]+\p{L}+")


_SPELLING = re.compile(r"(?i:spell|spelt|spelling|as[ \t]+in|name)")


def _spelling(text: str, start: int, end: int, letters: str) -> bool:
    """Whether the text says a name is being spelt here: a word of spelling just before
    ("spelled", "that's my name"), "as in" or "double" inside it, or the very word it spells
    just before it ("Tamsin, T A M S I N")."""
    before = text[max(0, start - 40):start]
    if _SPELLING.search(before) or re.search(r"(?i:\bas[ \t]+in\b|\bdouble\b)", text[start:end]):
        return True
    return any(w.lower() == letters.lower() for w in re.findall(r"\p{L}+", before))


def _no_word(letters: str) -> bool:
    """Letters that spell no word, abbreviation or medical term ("PELLOW", not "SOBER",
    "COPD"): spelt out one by one, four or more of them are a name being given."""
    from deid.core.lexicon import common_words, is_medical_term, vocabulary

    low = letters.lower()
    return len(low) >= 4 and low not in common_words() and low not in vocabulary() and not is_medical_term(low)


def _a_name(word: str) -> bool:
    from deid.core.lexicon import common_words, name_info, vocabulary

    low = word.lower()
    info = name_info(low)
    return info is not None and info.usage != "w" and low not in common_words() and low not in vocabulary()


class SpeltNameRecognizer(_Recognizer):
    """A name spelt letter by letter, with dashes, dots or spaces between: "R-O-W-E-N",
    "m.i.r.a", "t a l l i s", or said aloud with commas ("P, R, U, I, double T", "O as in
    ocean, D as in dog, ..."); the letters must make a known name, or, where the text says a
    name is being spelt ("spelled", "as in", the word itself just before), four letters or more
    that spell no word, abbreviation or medical term (an abbreviation, "b.i.d.", "U.S.A.", a
    list of letters, or a word spelt for weight, "N-O", "S-O-B-E-R", makes none)."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _SPELT.finditer(text):
            letters = "".join(c for c in m.group(0) if c.isalpha())
            one_case = letters.isupper() or letters.islower() or letters[1:].islower()
            if len(letters) >= 3 and one_case and (
                    _a_name(letters) or (_no_word(letters) and _spelling(text, m.start(), m.end(), letters))):
                out.append(self.result(m.start(), m.end(), 0.7))
        for m in _SPELT_ALOUD.finditer(text):
            said = _AS_IN.sub("", m.group(0))
            letters = "".join(c * (2 if w.lower().startswith("double") else 1)
                              for w in re.split(r"[ \t]*,[ \t]*", said) for c in w[-1:])
            in_order = all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:]))  # "A, B, C, D": options
            if not in_order and (_a_name(letters) or (_no_word(letters) and _spelling(text, m.start(), m.end(), letters))):
                out.append(self.result(m.start(), m.end(), 0.7))
        return out


class LeetNameRecognizer(_Recognizer):
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


_MEMORIAL = (r"RIP|RestInPeace|RestInPower|RestEasy|JusticeFor|LongLive|ForeverYoung|Forever|InMemoryOf|Remember|InHonorOf|Honoring|"
             r"InLovingMemory|Remembering|PrayFor|PrayersFor|FlyHigh|SayHerName|SayHisName|FreeThe|Free|BringBack|"
             r"FindThe|Find|Missing|HelpFind|LoveYou|MissYou|TeamFor|StandWith|StrongFor")
_HASHTAG = re.compile(rf"(?<![\w#])#(?:(?i:{_MEMORIAL})_?)?((?:\p{{Lu}}\p{{Ll}}+|\p{{Lu}}{{2,}}(?![\p{{Ll}}])){{1,3}})"
                      r"(?:\d{0,4})(?!\w)")
_CAMEL = re.compile(r"\p{Lu}\p{Ll}+|\p{Lu}{2,}(?!\p{Ll})")


class NameHashtagRecognizer(_Recognizer):
    """The name a hashtag carries: after a memorial or campaign word (``#RIPDeshawn``,
    ``#JusticeForAnaMoreno``, ``#LongLiveTrey``), or a known first name and surname run
    together (``#KellyBranham``), or words and "For", "With", "To" or "Of" before a name or a
    word of no vocabulary (``#WalkingForWendell``). The name part is the finding; the
    hashtag's words stay.
    ``#RIP`` alone, ``#MentalHealthAwareness`` and ``#SoberLife`` are no names."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        if "#" not in text:
            return []
        from deid.core.lexicon import name_info

        out = []
        for m in _HASHTAG.finditer(text):
            parts = _CAMEL.findall(m.group(1))
            memorial = m.start(1) > m.start() + 1
            named = [p for p in parts if _a_name(p)]
            if memorial and (named or all(_no_word(p) for p in parts)) or (
                    len(parts) >= 2 and len(named) == len(parts) and (i := name_info(parts[0])) is not None and i.first):
                out.append(self.result(m.start(1), m.end(1), 0.7))
                continue
            # words, then "For", "With", "To", "Of" and a name ("#WalkingForWendell", "#DancingWithNoor")
            at = m.start(1)
            for k, part in enumerate(parts[:-1]):
                at = text.index(part, at) + len(part)
                tail = parts[k + 1:]
                if part in _BEFORE_A_NAME and all(_a_name(t) or _no_word(t) for t in tail):
                    out.append(self.result(at, m.end(1), 0.65))
                    break
        return out


# The words of a hashtag after which the rest is whom it is for ("...For", "...With").
_BEFORE_A_NAME = frozenset("For With To Of Love Miss Remember Honor Honour".split())
