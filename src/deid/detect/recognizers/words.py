"""Recognizers for numbers written in words that tell a detail: an age (``a
sixty-something``, ``a seventy-two-year-old``, ``in his nineties``), a year (``nineteen
eighty-four``, ``twenty nineteen``, ``back in oh-six``, ``two thousand and three``) and a sum
of money (``thirty bucks``, ``a hundred dollars``, ``six grand``, ``four hundred quid``). A
dose, a count or a duration in words ("twenty milligrams", "twenty pills", "twenty years") is
none of them."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer
import regex as re

from deid.core.wordlists import TEENS, TENS, UNITS
from deid.detect.recognizers.base import Pattern
from deid.detect.recognizers.dates import AGE_AFTER, AGE_BEFORE

_UNIT = "|".join(UNITS)
_TEENS = "|".join(TEENS)
_TENS = "|".join(TENS)
_TWO_DIGITS = rf"(?:(?:{_TENS})(?:[- ](?:{_UNIT}))?|{_TEENS})"  # "sixty-two", "fourteen", "forty"
_H = r"[ \t]+"
# a period, a dose or a count after a number: "twenty years", "twenty milligrams", "twenty pills"
_NOT_AFTER = (r"(?![- \t]*(?i:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|times?|percent|%|"
              r"mg|milligrams?|micrograms?|mcg|grams?|g\b|ml|milliliters?|units?|pills?|tablets?|tabs?|capsules?|doses?|"
              r"pounds?|lbs?|kilos?|kg|miles?|people|of\b))")


def age_in_words_any() -> PatternRecognizer:
    """Ages in words under 90 and decades of 90 (``age_in_words`` finds ninety and over
    in words): ``a sixty-something``, ``a seventy-two-year-old``, ``fourteen years old``,
    ``aged fifty-one``, ``in her nineties``."""
    return PatternRecognizer(
        supported_entity="AGE",
        name="AgeAnyWordsRecognizer",
        patterns=[
            Pattern("something", rf"(?i:\b(?:an?{_H})?(?:{_TENS})[- ]something\b)", 0.6),
            Pattern("words-year-old", rf"(?i:\b(?:an?{_H})?{_TWO_DIGITS}[- ]years?[- ]old\b)", 0.65),
            Pattern("aged-words", rf"(?i:(?<=\b(?:aged|turned|turning|age[ \t]+of){_H}){_TWO_DIGITS}\b){_NOT_AFTER}", 0.6),
            Pattern("nineties", r"(?i:\bin(?:to)?[ \t]+(?:my|her|his|their|our|your)[ \t]+(?:(?:early|mid|late)[- ])?nineties\b)", 0.6),
            # "she's pushing eighty", "my stepdad is almost seventy": an age said of someone, not "nearly ninety degrees"
            Pattern("nearly", rf"{AGE_BEFORE}(?i:(?:pushing|nearly|almost|approaching|close[ \t]+to|going[ \t]+on)[ \t]+"
                              rf"(?:{_TENS})\b){_NOT_AFTER}{AGE_AFTER}", 0.6),
        ],
    )


_YEAR_AFTER = (r"(?i:(?<=\b(?:in|since|of|from|until|till|til|by|around|circa|back[ \t]+in|class[ \t]+of|"
               r"summer[ \t]+of|winter[ \t]+of|spring[ \t]+of|fall[ \t]+of|autumn[ \t]+of)[ \t]+))")
_OH = rf"(?:oh|o|zero)[- ](?:{_UNIT}|{_TEENS})"  # "oh-six", and "oh-eleven" as some say 2011


def year_in_words() -> PatternRecognizer:
    """A year in words: ``nineteen eighty-four``, ``nineteen oh-five``, ``twenty nineteen``,
    ``twenty twenty-two``, ``twenty oh-eight``, ``two thousand and three``; and its last
    two digits after "in", "since", "class of"...: ``back in oh-six``, ``since
    ninety-seven``. Not "twenty years", "twenty twenty-milligram pills", "two thousand
    dollars"."""
    thousands = rf"two{_H}thousand(?:{_H}and)?(?:[- \t]+(?:{_UNIT}|{_TEENS}|twenty(?:[- ](?:{_UNIT}))?))"
    return PatternRecognizer(
        supported_entity="DATE_TIME",
        name="YearInWordsRecognizer",
        patterns=[
            Pattern("nineteen-xx", rf"(?i:\b(?:eighteen|nineteen)[ -](?:{_TWO_DIGITS}|{_OH}|hundred)\b){_NOT_AFTER}", 0.6),
            Pattern("twenty-xx", rf"(?i:\btwenty[ -](?:{_TEENS}|twenty(?:[- ](?:{_UNIT}))?|{_OH})\b)"
                                 rf"(?![- ](?i:something|year-old))(?![- ]\w+[- ]year)(?![ \t]+(?i:vision|hindsight)){_NOT_AFTER}", 0.6),
            Pattern("two-thousand", rf"(?i:\b{thousands}\b)(?![ \t]+(?i:hundred|thousand))(?![- ](?i:{_UNIT})){_NOT_AFTER}"
                                    rf"(?![ \t]+(?i:dollars?|bucks|euros?|pounds|quid|people|words))", 0.55),
            # "back in oh-six the shelter closed": no count is said with "oh"
            Pattern("oh-digits", rf"{_YEAR_AFTER}(?i:['\u2019]?{_OH}\b){_NOT_AFTER}", 0.5),
            Pattern("two-digits", rf"{_YEAR_AFTER}(?i:['\u2019]?(?:{_OH}|(?:{_TENS})(?:[- ](?:{_UNIT}))?)\b)"
                                  rf"(?![- ]something){_NOT_AFTER}(?=[ \t]*(?:[.,;:!?)]|$|(?i:and|when|i|we|she|he|they|my|our)\b))",
                    0.5),
        ],
        global_regex_flags=re.MULTILINE,
    )


_MONEY = r"dollars?|bucks|euros?|quid|pounds[ \t]+sterling|cents"


def amount_in_words() -> PatternRecognizer:
    """A sum of money in words: ``thirty bucks``, ``a hundred dollars``, ``six grand``,
    ``four hundred quid``, ``a couple thousand euros``; not "a grand piano", not a dose or
    a weight ("five hundred pounds" is a weight here, as in ``details.amount``)."""
    many = rf"(?:a|one|{_UNIT}|{_TWO_DIGITS}|a[ \t]+few|a[ \t]+couple(?:[ \t]+of)?|several)"
    scale = rf"(?:{_H}(?:hundred|thousand|million)(?:{_H}(?:and{_H})?(?:{_TWO_DIGITS}|{_UNIT}))?)"
    rec = PatternRecognizer(
        supported_entity="AMOUNT",
        name="AmountWordsRecognizer",
        patterns=[
            Pattern("words-money", rf"(?i:\b(?:{many}{scale}|{_UNIT}|{_TWO_DIGITS}){_H}(?:{_MONEY})\b)", 0.6),
            # "six grand", "a few grand", "forty grand": not "a grand total"
            Pattern("words-grand", rf"(?i:\b(?:(?:{_UNIT}|{_TWO_DIGITS}|a[ \t]+few|a[ \t]+couple(?:[ \t]+of)?|several){scale}?"
                                   rf"|a{scale}){_H}grand\b)", 0.6),
        ],
    )
    # for the prefilter: the word after the number (the numbers in words take Hyperscan long to compile)
    rec.triggers = {"words-money": rf"(?i:{_H}(?:{_MONEY})\b)", "words-grand": r"(?i:[ \t]grand\b)"}
    return rec
