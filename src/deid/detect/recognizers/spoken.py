"""Recognizers for identifiers written to get past a filter or said as people say them: a
phone number in number words grouped like one ("six one seven, four oh two, eighteen
ninety"), coordinates read out ("thirty six point one five three, negative eighty six point
seven eight two"), and a name spelt letter by letter ("R-O-W-E-N", "m.i.r.a", "t a l l i s").
Names in tags and handles are in ``tags``."""

from __future__ import annotations

import regex as re

from deid.core.wordlists import TEENS, TENS, UNITS
from deid.detect.prefilter import gated
from deid.detect.recognizers.base import OwnRecognizer
from deid.core.lexicon import common_words, is_medical_term, name_info, vocabulary

_DIGITS = {"zero": 1, "oh": 1, "o": 1, **{u: 1 for u in UNITS}}
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
          "twenty thirty forty fifty sixty seventy eighty ninety").split()
_NUMBER_WORD = {**_DIGITS, **{t: 2 for t in _TEENS}, "hundred": 2, "double": 0, "triple": 0}
# between the groups, what people say while reading a number out: "um", "then", "dash"
_FILLER = r"(?:(?:um+|uh+|er+m?|then|and|dash|area[ \t]+code|hyphen)[ \t]*,?[ \t]*)*"
_ALT = "|".join(sorted(_NUMBER_WORD, key=len, reverse=True))
_RUN = gated(re.compile(r"(?i:\b(?:" + _ALT + r")\b"
                        r"(?:(?:[ \t]*[,\-][ \t]*|[ \t]+)" + _FILLER + r"(?:" + _ALT + r")\b)+)"), "spoken-number-run")
_WORD = re.compile(r"[A-Za-z]+")
_PHONE_DIGITS = 7


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


class SpokenPhoneRecognizer(OwnRecognizer):
    """A phone number said in words, in groups: "five oh three, two two one, twelve forty",
    "eight hundred, five five five, oh one nine nine". Seven digits or more in four words or
    more: a year ("nineteen ninety nine") or a count is shorter."""

    ENTITY = "PHONE_NUMBER"
    expressions = (_RUN,)  # run over the whole text: the prefilter says whether it can match (``prefilter.Gated``)

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _RUN.finditer(text):
            words = [w.lower() for w in _WORD.findall(m.group(0)) if w.lower() in _NUMBER_WORD]
            if len(words) >= 4 and _spoken_digits(words) >= _PHONE_DIGITS and not all(w == "o" for w in words[:1]):
                out.append(self.result(m.start(), m.end(), 0.6))
        return out


# Coordinates read out, as a voicemail transcript writes them: "thirty nine point one four two,
# negative eighty four point five one two"; degrees in words (up to a hundred and eighty), then
# "point" and the decimals said digit by digit (or in tens: "point fourteen two").
_UNIT_ALT = "zero|oh|o|" + "|".join(UNITS)
_INT = (rf"(?:(?:(?:one|a)[ \t]+hundred(?:[ \t]+and)?(?:[ \t]+(?:(?:{'|'.join(TENS)})(?:[ \t-](?:{'|'.join(UNITS)}))?"
        rf"|{'|'.join(TEENS)}|{'|'.join(UNITS)}))?)|(?:{'|'.join(TENS)})(?:[ \t-](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)}|{_UNIT_ALT})")
_DECIMALS = rf"(?:{_UNIT_ALT}|{'|'.join(TEENS)}|{'|'.join(TENS)})(?:[ \t,-]+(?:{_UNIT_ALT}|{'|'.join(TEENS)}|{'|'.join(TENS)})\b)+"
_HEMISPHERE = r"(?:[ \t]*,?[ \t]*(?:degrees[ \t]+)?(?:north|south|east|west)\b)"
_COORD = rf"(?:(?:negative|minus)[ \t]+)?(?P<int{{n}}>{_INT})[ \t]+point[ \t]+(?P<dec{{n}}>{_DECIMALS}){_HEMISPHERE}?"
_SAID_COORDINATES = re.compile(rf"(?i:\b{_COORD.format(n=1)}[ \t]*[,;]?[ \t]*(?:(?:and|by)[ \t]+)?{_COORD.format(n=2)})")


_SIGN_OR_SIDE = re.compile(r"(?i:\b(?:negative|minus|north|south|east|west)\b)")


def _said_number(words: str) -> int:
    """The value of a whole number said in words, up to a hundred and ninety-nine."""
    total = 0
    for w in re.findall(r"[a-z]+", words.lower()):
        if w == "hundred":
            total = max(total, 1) * 100
        elif w in UNITS:
            total += UNITS.index(w) + 1
        elif w in TEENS:
            total += TEENS.index(w) + 10
        elif w in TENS:
            total += (TENS.index(w) + 2) * 10
    return total


class SpokenCoordinatesRecognizer(OwnRecognizer):
    """A latitude and longitude said in words, as a voicemail transcript writes them:
    "thirty nine point one four two, negative eighty four point five one two", "fifty one
    point four seven seven north, zero point zero zero one five west". Each has three decimals
    or more (a place to a hundred metres; two with a sign or a side said, "minus", "north"), the
    first ninety degrees or less, the second a hundred and eighty or less: a reading ("nine point
    two", "ninety nine point one") has fewer."""

    ENTITY = "LOCATION"

    def analyze(self, text, entities, nlp_artifacts=None):
        if "point" not in text.lower():
            return []
        out = []
        for m in _SAID_COORDINATES.finditer(text):
            decimals = [_spoken_digits([w.lower() for w in _WORD.findall(m.group(f"dec{n}"))]) for n in (1, 2)]
            signed = _SIGN_OR_SIDE.search(m.group(0)) is not None  # "minus", "north": two decimals are enough
            if min(decimals) >= (2 if signed else 3) and _said_number(m.group("int1")) <= 90 \
                    and _said_number(m.group("int2")) <= 180:
                out.append(self.result(m.start(), m.end(), 0.7))
        return out


_SPELT = gated(re.compile(r"(?<![\w.\-])(?:\p{L}[\-.]){2,}\p{L}\.?(?![\w\-])|(?<!\w)(?<!\b\p{L}[ \t])(?:\p{L}[ \t]){3,}\p{L}(?!\w)"),
               "spelt-letters")


# Capitals said one by one with commas, as a name is spelt on the phone: "P, R, U, I, double T",
# "O as in ocean, D as in dog, U, Y, A".
_SAID_LETTER = r"(?:double[ \t]+\p{Lu}|\p{Lu}(?:[ \t]+as[ \t]+in[ \t]+\p{L}+)?)"
_SPELT_ALOUD = gated(re.compile(rf"(?<![\w,])(?:{_SAID_LETTER})(?:[ \t]*,[ \t]*{_SAID_LETTER}){{2,}}(?![\w])"), "spelt-aloud")
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

    low = letters.lower()
    return len(low) >= 4 and low not in common_words() and low not in vocabulary() and not is_medical_term(low)


def _a_name(word: str) -> bool:
    low = word.lower()
    info = name_info(low)
    return info is not None and info.usage != "w" and low not in common_words() and low not in vocabulary()


class SpeltNameRecognizer(OwnRecognizer):
    """A name spelt letter by letter, with dashes, dots or spaces between: "R-O-W-E-N",
    "m.i.r.a", "t a l l i s", or said aloud with commas ("P, R, U, I, double T", "O as in
    ocean, D as in dog, ..."); the letters must make a known name, or, where the text says a
    name is being spelt ("spelled", "as in", the word itself just before), four letters or more
    that spell no word, abbreviation or medical term (an abbreviation, "b.i.d.", "U.S.A.", a
    list of letters, or a word spelt for weight, "N-O", "S-O-B-E-R", makes none)."""

    ENTITY = "PERSON"
    expressions = (_SPELT, _SPELT_ALOUD)

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
