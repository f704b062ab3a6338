"""A job no list holds, by where it stands and how a trade's name is made (``unknown_job``):
"I'm a hurdlemaker", "a former netmaker", "the only bonesetter in the valley". The titles
deid's list knows are ``details.occupation``'s; this one takes the rest where only a job
stands, and leaves an everyday word ("a gentleman", "the only smoker in the house") and the
noun of a habit after "former" ("a former drinker") alone."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer
import regex as re

from deid.core.lexicon import common_words, is_medical_term, occupations
from deid.detect.recognizers.base import Pattern
from deid.detect.recognizers.details import SOLE

_SELF = (r"i'?m|i[ \t]+am|i[ \t]+was|i'?ve[ \t]+been|i[ \t]+used[ \t]+to[ \t]+be|(?:she|he|they)(?:'s|[ \t]+is|[ \t]+was)|"
         r"(?:my[ \t]+)?(?:mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister|aunt|uncle|gran|"
         r"grandma|grandpa|grandmother|grandfather|cousin|partner)[ \t]+(?:is|was)")
# a trade's name: a maker, a smith, a wright, a keeper, a monger, a -man, an -eer
_TRADE = r"[a-z]{3,}(?:smith|wright|maker|keeper|monger|(?<!wo)man|woman|eer)\b"
# any noun of a doer ("-er", "-ist", "-ian"...): only where one person holds the job
_AGENT = r"[a-z]{3,}(?:er|or|ist|ian|smith|wright|man|woman|eer)\b"


class _UnknownJobRecognizer(PatternRecognizer):
    """Drops a match whose last word is an everyday word, a medical term or a title the
    list has (``details.occupation`` finds those)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        words, titles = common_words(), occupations()

        def keep(value: str) -> bool:
            head = re.findall(r"[a-z]+", value.lower())[-1]
            return head not in words and head not in titles and not is_medical_term(head)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(text[r.start:r.end])]


def unknown_job() -> PatternRecognizer:
    """``I'm a hurdlemaker``, ``a retired oarsmith``, ``the only bonesetter in the valley``."""
    rec = _UnknownJobRecognizer(
        supported_entity="OCCUPATION",
        name="UnknownJobRecognizer",
        patterns=[
            Pattern("self-trade", rf"(?i:(?<=\b(?:{_SELF})[ \t]+)an?[ \t]+)(?-i:{_TRADE})", 0.55),
            Pattern("former-trade", rf"(?i:\b(?:an?[ \t]+)?(?:retired|former|ex-)[ \t]*)(?-i:{_TRADE})", 0.55),
            Pattern("only-agent", rf"(?i:\bthe[ \t]+{SOLE}[ \t]+)(?-i:{_AGENT})"
                                  r"(?=[ \t]+(?i:in|for|on|at|around|within|across)[ \t]+(?i:town|the|our|this|that|a|\p{Lu}))",
                    0.55),
        ],
        global_regex_flags=re.DOTALL | re.MULTILINE,
    )
    rec.triggers = {"self-trade": r"(?i:(?:smith|wright|maker|keeper|monger|man|eer)\b)",
                    "former-trade": r"(?i:(?:retired|former|ex-))",
                    "only-agent": rf"(?i:\bthe[ \t]+{SOLE}[ \t])"}
    return rec
