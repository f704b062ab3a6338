"""Recognizers for identifiers Presidio lacks or gets wrong here: an email
recognizer that never goes online, social handles, ZIP codes, ages over 89,
medical record and other numbers in context, street addresses.

Presidio's own email recognizer validates domains through tldextract, which
downloads the public suffix list on first use; ``OfflineEmailRecognizer``
pins it to the snapshot that ships inside tldextract.
"""

from __future__ import annotations

import regex as re
import tldextract
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from .base import ValuePatternRecognizer

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


def medical_record_number() -> PatternRecognizer:
    return ValuePatternRecognizer(
        value=r"[A-Z0-9][A-Z0-9\-]{4,14}",
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="MedicalRecordNumberRecognizer",
        patterns=[
            Pattern("mrn", r"(?i:\b(?:MRN|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))\s*[:#]?\s*)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.8),
        ],
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
