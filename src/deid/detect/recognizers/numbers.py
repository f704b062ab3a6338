"""Recognizers for numbers that identify: medical record, chart and
patient numbers in context, member, account, licence, vehicle, device and
survey numbers after their label, case and application numbers of a court or
an agency, and long runs of digits."""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, PatternRecognizer, RecognizerResult

from deid.detect.recognizers.base import Pattern, ValuePatternRecognizer

def medical_record_number() -> PatternRecognizer:
    return ValuePatternRecognizer(
        value=r"[A-Z0-9][A-Z0-9\-]{4,14}",
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="MedicalRecordNumberRecognizer",
        patterns=[
            Pattern("mrn", r"(?i:\b(?:MRN|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))\s*[:#]?\s*)(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.8),
            # "chart number at the clinic: 00581772", "my patient number is 4471903", "case no. at the VA was 88-1203"
            Pattern("mrn-context", r"(?i:\b(?:MRN|medical record|chart|patient|hospital|record|case|file)[ \t]+(?:number|no\.?|#|id)"
                                   r"(?:[ \t]+(?!is\b|was\b)[a-z]+){0,4}[ \t]*(?::|#|[ \t]is|[ \t]was|=)[ \t]*)"
                                   r"(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.7),
        ],
    )


_YEAR = re.compile(r"(?:19|20)\d\d")
_CUED = re.compile(r"(?i:\b(?:number|num|no\.?|id|is|was)|[#:])[ \t]*$")


class _Labelled(ValuePatternRecognizer):
    """A year right after the label is none ("policy 2022 changes", "the plan 2024"); after a
    cue it is one ("member #2022", "claim no. 1987")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not (_YEAR.fullmatch(text, r.start, r.end) and not _CUED.search(text, max(0, r.start - 12), r.start))]


def _labelled(entity: str, name: str, labels: str, value: str, score: float = 0.8) -> PatternRecognizer:
    """A number after its label ("claim #: 88-1234-X"); the finding is the number."""
    sep = r"[ \t]*(?:(?i:number|num|no\.?|id|#)[ \t]*)?[:#]?[ \t]*(?:(?i:is|was)[ \t]+)?"
    return _Labelled(
        value=rf"(?P<v>{value})",
        supported_entity=entity,
        name=name,
        patterns=[Pattern(name, rf"\b(?i:{labels}){sep}(?:{value})\b", score)],
        global_regex_flags=re.MULTILINE,
    )


# An identifier: letters, digits and dashes, with at least one digit.
_ID = r"(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19}"
# the same in lower case too ("member id xkq4471920"), with letters and digits both: a
# lower-case word alone, or a number of a few digits, after "plan" or "group" is no id
# ("92-year-old", "10-day", "12-step": a number joined to words is a modifier, no id)
_ID_ANY_CASE = (_ID + r"|(?!\d+(?:-[a-z]+)+\b)(?=[a-z0-9\-]*\d)(?=[a-z0-9\-]*[a-z])[a-z0-9][a-z0-9\-]{3,19}"
                # and in mixed case with three digits or more ("Tr7745a0921"): no word is so written
                r"|(?=(?:[A-Za-z\-]*\d){3})(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-]{4,19}")


def account_number() -> PatternRecognizer:
    return _labelled("ACCOUNT_NUMBER", "AccountNumberRecognizer",
                     r"account|acct|claim|case|reference|ref|invoice|billing|confirmation", _ID)


def member_id() -> PatternRecognizer:
    return _labelled("US_HEALTH_INSURANCE_MEMBER_ID", "HealthPlanIdRecognizer",
                     r"member|member id|policy|subscriber|group|plan|health plan|insurance|medicaid|medicare|"
                     r"beneficiary", _ID_ANY_CASE)


def licence_number() -> PatternRecognizer:
    return _labelled("LICENSE_NUMBER", "LicenseNumberRecognizer",
                     r"(?:driver'?s?|drivers|nursing|rn|lpn|cdl|professional|medical|pharmacy)?[ \t]*licen[cs]e|"
                     r"DL|CDL|DEA|NPI|permit", _ID)


def vehicle_id() -> PatternRecognizer:
    rec = _labelled("VEHICLE_ID", "VehicleIdRecognizer", r"(?:license|licence)[ \t]+plate|plate|tag|registration|vin",
                    r"[A-HJ-NPR-Z0-9]{17}|(?=[A-Z0-9\- ]*\d)[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}")
    return rec


def device_id() -> PatternRecognizer:
    return _labelled("DEVICE_ID", "DeviceIdRecognizer",
                     r"serial|s/n|sn|device|device id|imei|pump|monitor|meter|implant", _ID)


def survey_id() -> PatternRecognizer:
    """Survey-system response ids (Qualtrics ``R_...``, "response id 1234") and a study's
    participant codes ("participant P-27").
    The default rules keep them; a rules file can remove them."""
    rec = _labelled("SURVEY_ID", "SurveyIdRecognizer", r"response|respondent|submission|survey|participant|interviewee|"
                    r"(?:study|participant|subject|enrol(?:l)?ment)[ \t]+code",
                    _ID + r"|R_[A-Za-z0-9]{15}")
    rec.patterns.append(Pattern("qualtrics", r"\bR_[A-Za-z0-9]{15}\b", 0.8))
    return rec


def long_number() -> PatternRecognizer:
    """A run of 9 to 19 digits (a card, account or record number that no
    validator accepted): nothing in a story is counted that long."""
    return PatternRecognizer(
        supported_entity="ACCOUNT_NUMBER",
        name="LongNumberRecognizer",
        patterns=[
            Pattern("digits", r"(?<![\d.,])\d{9,19}(?![\d.,]\d)", 0.5),
            Pattern("grouped", r"(?<![\d-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?![\d-])", 0.5),
        ],
    )


# "application no. 18403/91", "applications (nos. 29911/96, 29912/96 and 29913/96)",
# "case no. 1996/302", "docket number 2019-CV-00123", "complaint #88-1203"
_CASE_LABEL = re.compile(r"(?i:\b(?:applications?|case|docket|complaint|petition|appeal|claim|file)"
                         r"[ \t]*\(?[ \t]*(?:nos?\b\.?|numbers?|#)[ \t]*:?[ \t]*)")
# parts joined by "/", "-" or "." (at least one digit), or four digits or more
_CASE_VALUE = re.compile(r"(?=[A-Za-z0-9/\-.]*\d)[A-Za-z0-9]+(?:[/\-.][A-Za-z0-9]+)+|\d{4,}")
_CASE_NEXT = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]and[ \t]+|[ \t]*&[ \t]*)")


class CaseNumberRecognizer(LocalRecognizer):
    """The number of a case, application, docket, complaint or file after its label, and
    each number of a list that follows it ("nos. 29911/96, 29912/96 and 29913/96"): the
    court or agency can look the person up by it."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["CASE_NUMBER"], name="CaseNumberRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for label in _CASE_LABEL.finditer(text):
            at = label.end()
            while (value := _CASE_VALUE.match(text, at)) is not None:
                results.append(RecognizerResult("CASE_NUMBER", value.start(), value.end(), 0.85, recognition_metadata={
                    "recognizer_name": self.name, "recognizer_identifier": self.id}))
                joint = _CASE_NEXT.match(text, value.end())
                if joint is None:
                    break
                at = joint.end()
        return results
