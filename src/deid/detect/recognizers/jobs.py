"""A job no list holds, by where it stands and how a doer's noun is made (``unknown_job``).
The titles deid's list knows are ``details.occupation``'s; this one takes the rest:

- a trade's name of one word where a person is said to be one ("I'm a hurdlemaker", "a former
  netmaker", "the only bonesetter in the valley");
- any doer's noun ("-er", "-or", "-ist", "-man", "-smith"...) with up to two words before it
  where only a job stands: "works as a harp restorer", "trained as a", "hired as a", "retired
  as a", "my job as a", "earned her living as a", "the only sign writer in <place>", "a
  former shoe stitcher"; and the work before "for a living" ("repairs accordions for a living");
- a noun and a trade's head where a person is said to be one ("I'm a sprinkler fitter", "she is
  a wool grader"): the head is one the list's titles of one SOC group end in
  (``lexicon.trade_heads``: "tuner" of "piano tuner", "fitter" of "pipefitter"; not "maker",
  "keeper", "setter", "collector", whose titles are of many kinds, as "a trouble maker", "a
  record keeper", "a trend setter", "a stamp collector" are no trade) and the word before it a
  common noun by the tagger (``word_sense.common_noun``: not "a slow reader"), or a compound
  of a kind and a thing before any doer's noun ("a sheep-farm shearer");
- a title's short form after such a modifier ("a pharmacy tech", "a large-animal vet"), or
  alone where only a job stands ("works as a vet"), never alone elsewhere ("he was a vet").

Never the noun of a habit, a feeling or a tie (``wordlists.HABIT_NOUNS``, ``NOT_TRADES``: "a
light sleeper", "a people pleaser", "a daily user", "a single father"), an everyday word alone
("a gentleman", "the only smoker in the house"), nor the noun of a habit after "former"."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer
import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import DOER_ENDING, common_words, diseases, is_drug_name, medical_terms, occupations, trade_heads
from deid.core.wordlists import HABIT_NOUNS, NOT_TRADES, SHORT_TITLES, TEENS, TENS, UNITS
from deid.detect.recognizers.base import Pattern
from deid.detect.recognizers.details import SOLE
from deid.detect.word_sense import common_noun

_KIN = (r"mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister|aunt|uncle|gran|grandma|grandpa|"
        r"grandmother|grandfather|cousin|partner|friend|boyfriend|girlfriend|neighbou?r|stepdad|stepmom")
_SELF = (r"i'?m|i[ \t]+am|i[ \t]+was|i'?ve[ \t]+been|i[ \t]+used[ \t]+to[ \t]+be|(?:she|he|they)(?:'s|[ \t]+is|[ \t]+was)|"
         rf"(?:my[ \t]+)?(?:{_KIN})[ \t]+(?:is|was)")
# a relative with a name: "my uncle Ivo is"
_NAMED = rf"(?i:\bmy[ \t]+(?:{_KIN}))[ \t]+(?-i:\p{{Lu}}\p{{Ll}}+)[ \t]+(?i:is|was)"
# a trade's name: a maker, a smith, a wright, a keeper, a monger, a -man, an -eer
_TRADE = r"[a-z]{3,}(?:smith|wright|maker|keeper|monger|(?<!wo)man|woman|eer)\b"
# any noun of a doer ("-er", "-ist", "-ian"...): only where one person holds the job
_AGENT = r"[a-z]{3,}(?:er|or|ist|ian|smith|wright|man|woman|eer)\b"
# no word of a phrase is a function word ("as a nurse to another department": "another")
_WORD = "(?!(?:" + "|".join(re.escape(w) for w in sorted(STOP_WORDS, key=len, reverse=True) if w.isalpha()) + r")\b)"
_DOER = rf"{_WORD}[a-z]{{2,}}{DOER_ENDING}\b"
_MOD = rf"{_WORD}[a-z]+(?:-[a-z]+)*"  # one word before a title, a compound with hyphens whole ("long-haul")
# where only a job stands: "works as a", "trained as an", "earned her living as a", "my job as a"
_AS = (r"(?:work|works|worked|working|employed|trained|training|apprenticed|hired|retired|job|career|"
       r"(?:earn|earns|earned|earning|make|makes|made|making)[ \t]+(?:a|my|his|her|their|our|your)[ \t]+living)[ \t]+as")
_SHORT = "|".join(SHORT_TITLES)
_NUMBERS = frozenset(UNITS + TEENS + TENS) | {"first", "second", "third", "multi", "one", "half"}
_LEAD = re.compile(rf"^(?:(?:a|an|the|retired|former|ex-|{SOLE})(?:[ \t]+|(?<=-)))+")  # the words before the trade
_END = r"\b(?!['\u2019-])"  # the whole word, and not a possessive ("a kayak builder's")


def _medicine(word: str) -> bool:
    """A medicine or a condition by name ("kratom", "migraine"); not a word a medical text
    also uses ("layer", "shoe")."""
    low = word.lower()
    return low in medical_terms() or low in diseases() or is_drug_name(low)


def _head(value: str) -> str:
    return re.findall(r"[a-z]+", value.lower())[-1]


def _no_trade(word: str) -> bool:
    """A habit's, a feeling's or a tie's noun ("sleeper", "non-drinker", "overthinker", "owner")."""
    word = word.lower().split("-")[-1]
    return word in HABIT_NOUNS or word in NOT_TRADES or word.removeprefix("non") in HABIT_NOUNS


def _kind_and_thing(word: str) -> bool:
    """A compound of a kind and a thing ("sheep-farm", "small-animal", "night-shift"), not of
    a number or a span of time ("two-tour", "long-time", "part-time")."""
    parts = word.lower().split("-")
    return len(parts) > 1 and parts[0] not in _NUMBERS and parts[-1] not in ("time", "times", "year", "years")


def _modifier(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The word just before the head of the match ``text[start:end]``, with its offsets."""
    words = list(re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)*", text[start:end]))
    if len(words) < 2:
        return None
    m = words[-2]
    return m.group(0), start + m.start(), start + m.end()


def _noun_before(text: str, start: int, end: int, compound_only: bool = False) -> bool:
    """The word before the head is a kind-and-thing compound, or (unless ``compound_only``) a
    common noun that names no medicine or condition ("kayak", "wool"; not "pill", "slow")."""
    mod = _modifier(text, start, end)
    if mod is None:
        return False
    word, a, b = mod
    if "-" in word:
        return _kind_and_thing(word)
    return not compound_only and not _medicine(word) and word.lower() not in _NUMBERS and common_noun(text, a, b)


class _UnknownJobRecognizer(PatternRecognizer):
    """Each pattern's match kept only when its last word is a doer's noun of a trade where it
    stands (see the module's docstring)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        words, titles = common_words(), occupations()

        def keep(r) -> bool:
            value, kind = text[r.start:r.end], r.analysis_explanation.pattern_name
            head = _head(value)
            if kind == "for-a-living":
                return True
            if _no_trade(head) or _medicine(head):
                return False
            several = len(_LEAD.sub("", value.lower()).split()) > 1
            if kind in ("self-trade", "former-trade", "only-agent") and not several:
                shape = _AGENT if kind == "only-agent" else _TRADE  # one word: a trade's name
                return head not in words and head not in titles and re.fullmatch(shape, head) is not None
            if kind == "former-trade":
                return head not in titles and _noun_before(text, r.start, r.end)
            if kind == "only-agent":
                return _noun_before(text, r.start, r.end)
            if kind == "doer-as":
                return head not in titles
            if kind == "trade-compound":
                return head not in titles and (
                    _noun_before(text, r.start, r.end, compound_only=True)
                    or (trade_heads().get(head) and _noun_before(text, r.start, r.end)))
            if kind == "short-form":
                return _noun_before(text, r.start, r.end, compound_only=head == "vet")
            return True  # "short-as": where only a job stands

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(r)]


def unknown_job() -> PatternRecognizer:
    """``I'm a hurdlemaker``, ``works as a harp restorer``, ``the only sign writer in Brackwell``,
    ``I'm a sprinkler fitter``, ``a pharmacy tech``, ``repairs accordions for a living``."""
    who = rf"(?:(?i:\b(?:{_SELF}))|{_NAMED})"
    rec = _UnknownJobRecognizer(
        supported_entity="OCCUPATION",
        name="UnknownJobRecognizer",
        patterns=[
            Pattern("self-trade", rf"(?i:(?<=\b(?:{_SELF})[ \t]+)an?[ \t]+)(?-i:{_TRADE})", 0.55),
            # not "my former partner": the writer's, no title left
            Pattern("former-trade", rf"(?i:(?<![\w-])(?:an?[ \t]+)?(?<!\b(?:my|our|his|her|their|your)[ \t]+)(?:retired|former|ex-)[ \t]*)"
                                    rf"(?-i:(?:{_MOD}[ \t]+)?{_DOER})", 0.55),
            Pattern("only-agent", rf"(?i:\bthe[ \t]+{SOLE}[ \t]+)(?-i:(?:{_MOD}[ \t]+)?{_AGENT})"
                                  r"(?=[ \t]+(?i:in|for|on|at|around|within|across)[ \t]+(?i:town|the|our|this|that|a|\p{Lu}))",
                    0.55),
            Pattern("doer-as", rf"(?i:(?<=\b{_AS}[ \t]+an?[ \t]+))(?-i:(?:{_MOD}[ \t]+){{0,2}}{_DOER}){_END}", 0.55),
            Pattern("for-a-living", r"(?i:(?<=(?:\b(?:i|he|she|they|we|who)|(?-i:\b\p{Lu}\p{Ll}+))(?:'ve[ \t]+been|[ \t]+(?:have|has|had)[ \t]+been|"
                                    r"[ \t]+(?:still|now|used[ \t]+to|also))?[ \t]+)"
                                    r"(?!(?:do|does|did|doing|don|didn|doesn|want|wanted|need|needed|what)\b)"
                                    r"[a-z]+(?:[ \t]+[a-z]+){0,2}(?=[ \t]+for[ \t]+a[ \t]+living\b))", 0.55),
            Pattern("trade-compound", rf"(?<={who}[ \t]+)(?i:an?)[ \t]+(?-i:(?:{_MOD}[ \t]+)?{_MOD}[ \t]+{_DOER}){_END}", 0.55),
            Pattern("short-form", rf"(?<=(?:{who}|(?i:\bas))[ \t]+)(?i:an?|the[ \t]+{SOLE})[ \t]+(?-i:(?:{_MOD}[ \t]+)?{_MOD}[ \t]+"
                                  rf"(?:{_SHORT})s?){_END}", 0.55),
            Pattern("short-as", rf"(?i:(?<=\b{_AS}[ \t]+an?[ \t]+))(?-i:(?:{_SHORT})){_END}", 0.55),
        ],
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )
    rec.triggers = {"self-trade": r"(?i:(?:smith|wright|maker|keeper|monger|man|eer)\b)",
                    "former-trade": r"(?i:(?:retired|former|ex-))",
                    "only-agent": rf"(?i:\bthe[ \t]+{SOLE}[ \t])",
                    "doer-as": r"(?i:[ \t]as[ \t]+an?[ \t])",
                    "for-a-living": r"(?i:[ \t]for[ \t]+a[ \t]+living)",
                    "short-as": r"(?i:[ \t]as[ \t]+an?[ \t])"}
    return rec
