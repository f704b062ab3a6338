"""Recognizers deid adds to Presidio's, and an offline email recognizer.

Each is a small Presidio ``PatternRecognizer``. Presidio's own email
recognizer validates domains through tldextract, which downloads the public
suffix list on first use; ``OfflineEmailRecognizer`` pins it to the snapshot
that ships inside tldextract, so a run never opens a socket.
"""

from __future__ import annotations

import regex as re
import tldextract
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# suffix_list_urls=() -> never fetch; cache_dir=None -> never write a cache.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""


def social_handle() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="SOCIAL_HANDLE",
        name="SocialHandleRecognizer",
        patterns=[
            Pattern("at-handle", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b(?!@|\.\w)", 0.6),
            Pattern(
                "profile-url",
                r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x|threads|reddit)\.com/(?:u/|user/|@)?[A-Za-z0-9_.\-]{2,}",
                0.85,
            ),
        ],
        context=["follow", "dm", "handle", "instagram", "tiktok", "twitter", "ig"],
    )


def zip_code() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="ZIP_CODE",
        name="UsZipRecognizer",
        patterns=[
            Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.5),
            # A state abbreviation then five digits: "Dayton, OH 45402".
            Pattern("state-zip", r"(?<=\b[A-Z]{2} )\d{5}\b", 0.6),
            Pattern("zip", r"\b\d{5}\b", 0.05),
        ],
        context=["zip", "zipcode", "postal", "code"],
    )


def age_over_89() -> PatternRecognizer:
    ages = r"(?:8\d|9\d|1[01]\d)"
    return PatternRecognizer(
        supported_entity="AGE",
        name="AgeRecognizer",
        patterns=[
            Pattern("n-years-old", rf"\b{ages}(?=[- ]?(?:years?|yrs?|yo|y/o)[- ]?(?:old|of age)?\b)", 0.7),
            Pattern("aged-n", rf"(?i:\b(?:aged?|age of|turned|turning)\s+){ages}\b", 0.7),
        ],
    )


class ValuePatternRecognizer(PatternRecognizer):
    """A pattern recognizer whose matches include a label ("MRN: 12345");
    the finding is trimmed to the value that ``value`` matches at the end."""

    def __init__(self, value: str, **kwargs):
        super().__init__(**kwargs)
        self.value = re.compile(value + r"$")

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            m = self.value.search(text, r.start, r.end)
            if m:
                r.start, r.end = m.span("v") if "v" in self.value.groupindex else m.span()
        return results


def medical_record_number() -> PatternRecognizer:
    return ValuePatternRecognizer(
        value=r"[A-Z0-9][A-Z0-9\-]{4,14}",
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="MedicalRecordNumberRecognizer",
        patterns=[
            Pattern("mrn", r"(?i:\b(?:MRN|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))\s*[:#]?\s*)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.8),
        ],
    )


# A capitalised name of one to four words ("Ana de la Cruz"), or a first name
# and an initial ("Terri M.").
_CAP = r"\p{Lu}(?:\p{Ll}+(?:['\u2019]\p{Ll}+)?|['\u2019]\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?"
_PARTICLE = r"(?:de|del|della|la|le|van|von|der|den|da|di|du|dos|bin|ibn|al|el|y)"
NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?:{_CAP}|\p{{Lu}}\.)){{0,3}}"
FORM_LABELS = (
    "name|full name|participant|respondent|interviewer|interviewee|patient|client|"
    "contact|author|submitted by|written by|reported by|caller|member|resident|peer"
)
RELATIONS = (
    "wife|husband|partner|boyfriend|girlfriend|fianc[eé]e?|spouse|son|daughter|brother|sister|"
    "mother|mom|mum|father|dad|stepdad|stepmom|grandson|granddaughter|grandma|grandpa|"
    "grandmother|grandfather|aunt|uncle|cousin|nephew|niece|friend|best friend|roommate|"
    "neighbor|neighbour|sponsor|sponsee|counselor|counsellor|therapist|caseworker|case manager|"
    "peer worker|peer|coach|pastor|priest|rabbi|imam|nurse|doctor|physician|psychiatrist|"
    "boss|manager|coworker|co-worker|dealer|kid|baby|child|stepson|stepdaughter|ex"
)


INITIALS = r"\p{Lu}\.[ \t]?\p{Lu}\.(?:[ \t]?\p{Lu}\.)?"
NAME_OR_INITIALS = rf"(?:{NAME}|{INITIALS})"
TITLES = (
    "Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Rev|Fr|Sr|Sgt|Lt|Capt|Col|Dep|Det|Doctor|Professor|Nurse|Pastor|Father|"
    "Mother|Sister|Brother|Reverend|Rabbi|Imam|Deacon|Bishop|Judge|Officer|Deputy|Detective|Sergeant|"
    "Captain|Coach|Counselor|Counsellor|Chaplain|Aunt|Auntie|Uncle|Grandma|Grandpa|Nana|Papa"
)


class NotCommonWordRecognizer(ValuePatternRecognizer):
    """Drops a match whose value is only common words ("Note:"); with
    ``known_name``, keeps only values holding a known name ("I'm Loretta",
    not "I'm Diabetic")."""

    def __init__(self, known_name: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.known_name = known_name

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from .lexicon import common_words, name_info

        words = common_words()

        def keep(value: str) -> bool:
            parts = re.findall(r"[^\W\d_]+", value)
            if self.known_name:
                return any((i := name_info(p)) is not None and i.usage != "w" for p in parts)
            return not all(p.lower() in words for p in parts)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(text[r.start:r.end])]


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


def street_address() -> PatternRecognizer:
    suffix = (
        "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|"
        "Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Alley"
    )
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="StreetAddressRecognizer",
        patterns=[
            Pattern("number-street", rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{suffix})\b\.?(?:[ \t]*(?:#|Apt\.?|Unit|Suite)[ \t]*\w+)?"
                    r"(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?", 0.85),
            Pattern("po-box", r"\b(?i:P\.?\s?O\.?\s?Box)[ \t]+\d{1,6}\b", 0.85),
        ],
        global_regex_flags=re.MULTILINE,
    )


def extra_recognizers() -> list[PatternRecognizer]:
    return [
        OfflineEmailRecognizer(), social_handle(), zip_code(), age_over_89(),
        medical_record_number(), form_field_name(), relation_name(), street_address(),
        speaker_label(), title_name(), introduction_name(), self_reference_name(), attribution_name(),
        attribution_place(),
        nickname(),
    ]
