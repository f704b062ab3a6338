"""Recognizers deid adds to Presidio's, and an offline email recognizer.

Each is a small Presidio ``PatternRecognizer``. Presidio's own email
recognizer validates domains through tldextract, which downloads the public
suffix list on first use; ``OfflineEmailRecognizer`` pins it to the snapshot
that ships inside tldextract, so a run never opens a socket.
"""

from __future__ import annotations

import re

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
                r.start = m.start()
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


def extra_recognizers() -> list[PatternRecognizer]:
    return [OfflineEmailRecognizer(), social_handle(), zip_code(), age_over_89(), medical_record_number()]
