"""Recognizers for names in the places testimonials put them: after a form
label, a kinship or role word, a title, an introduction ("my name is"), in
an attribution under a quote, as a transcript's speaker, with a nickname.
Each is a small Presidio pattern recognizer; the finding is the name alone.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

from .base import (
    _CAP, FORM_LABELS, NAME, NAME_OR_INITIALS, RELATIONS, TITLES,
    NotCommonWordRecognizer, ValuePatternRecognizer,
)


def title_name() -> PatternRecognizer:
    """``Dr. Evelyn Hargrove``, ``Nurse Faith``, ``Pastor Chase``."""
    return ValuePatternRecognizer(
        value=rf"\b(?:{TITLES})\.?[ \t]+(?P<v>{NAME})",
        supported_entity="PERSON",
        name="TitleNameRecognizer",
        patterns=[Pattern("title-name", rf"\b(?:{TITLES})\.?[ \t]+{NAME}", 0.85)],
        global_regex_flags=re.MULTILINE,
    )


def introduction_name() -> PatternRecognizer:
    """``My name is Priya Raman``, ``everyone calls me Aantje``."""
    return NotCommonWordRecognizer(
        value=NAME,
        supported_entity="PERSON",
        name="IntroductionRecognizer",
        patterns=[Pattern(
            "intro",
            r"\b(?i:my name is|my name's|name's|call me|calls me|called me|named|goes by|go by)[ \t]+" + NAME,
            0.75,
        )],
        global_regex_flags=re.MULTILINE,
    )


def self_reference_name() -> PatternRecognizer:
    """``I'm Loretta``, ``this is Marcus``: only when the word is a known name."""
    return NotCommonWordRecognizer(
        known_name=True,
        value=NAME,
        supported_entity="PERSON",
        name="SelfReferenceRecognizer",
        patterns=[Pattern("self", r"\b(?i:i am|i'm|i\u2019m|im|this is|it's|it\u2019s)[ \t]+" + NAME, 0.6)],
        global_regex_flags=re.MULTILINE,
    )


def attribution_name() -> PatternRecognizer:
    """The name after a quote: ``— Terri M., Missoula``, ``- R.K.``, ``~Jo``."""
    return ValuePatternRecognizer(
        value=NAME_OR_INITIALS,
        supported_entity="PERSON",
        name="AttributionRecognizer",
        patterns=[Pattern(
            "attribution",
            rf"(?:^|[\"\u201d\u2019)][ \t]*)[ \t>*_]*(?:[\u2014\u2013~]|--?)[ \t]*{NAME_OR_INITIALS}(?=[ \t]*(?:,|$|\(|[*_]))",
            0.85,
        )],
        global_regex_flags=re.MULTILINE,
    )


def attribution_place() -> PatternRecognizer:
    """The town after an attribution: ``— Terri M., Missoula``."""
    return ValuePatternRecognizer(
        value=_CAP + r"(?:[ \t]+" + _CAP + ")?",
        supported_entity="LOCATION",
        name="AttributionPlaceRecognizer",
        patterns=[Pattern(
            "attribution-place",
            rf"(?:^|[\"\u201d\u2019)][ \t]*)[ \t>*_]*(?:[\u2014\u2013~]|--?)[ \t]*{NAME_OR_INITIALS}[ \t]*,[ \t]*{_CAP}(?:[ \t]+{_CAP})?",
            0.8,
        )],
        global_regex_flags=re.MULTILINE,
    )


def nickname() -> PatternRecognizer:
    """``Margaret "Peggy" Sloane``: the whole name with its nickname."""
    return PatternRecognizer(
        supported_entity="PERSON",
        name="NicknameRecognizer",
        patterns=[Pattern(
            "nickname",
            rf"{_CAP}[ \t]+[\"\u201c'\u2018(]{_CAP}[\"\u201d'\u2019)][ \t]+{_CAP}",
            0.85,
        )],
        global_regex_flags=re.MULTILINE,
    )


def form_field_name() -> PatternRecognizer:
    """``Participant: Reginald Thornbury`` and other labelled name fields."""
    return ValuePatternRecognizer(
        value=NAME_OR_INITIALS,
        supported_entity="PERSON",
        name="FormFieldNameRecognizer",
        patterns=[Pattern("label-name", rf"(?im:^|[.;(]\s*|\b)(?i:{FORM_LABELS})[ \t]*:[ \t]*{NAME_OR_INITIALS}", 0.85)],
        global_regex_flags=re.MULTILINE,
    )


def relation_name() -> PatternRecognizer:
    """A name right after a kinship or role word: ``my sponsor Chase``."""
    return ValuePatternRecognizer(
        value=NAME,
        supported_entity="PERSON",
        name="RelationNameRecognizer",
        patterns=[Pattern(
            "relation-name",
            rf"\b(?i:my|our|his|her|their|your|the)[ \t]+(?:(?i:late|old|ex-|former|new|older|younger|little|big)[ \t-]*)?"
            rf"(?i:{RELATIONS})s?[ \t]*,?[ \t]+{NAME}",
            0.8,
        )],
        global_regex_flags=re.MULTILINE,
    )


def speaker_label() -> PatternRecognizer:
    """``Ubul: What a wife.`` -- a name that labels a line of a transcript.
    A label that is a common word ("Note:", "Question:") is not a name."""
    return NotCommonWordRecognizer(
        value=NAME,
        supported_entity="PERSON",
        name="SpeakerLabelRecognizer",
        patterns=[Pattern("speaker", rf"^[ \t>*_-]*{NAME}(?=[*_]*[ \t]*:[ \t])", 0.6)],
        global_regex_flags=re.MULTILINE,
    )
