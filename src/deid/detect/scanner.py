"""The pattern pass (``PatternScanner``): Presidio's pattern recognizers deid uses and
deid's own, the name lexicon, the deny list and the roster, with no model. Detection runs
the same recognizers inside the analyzer; the final check and ``deid check`` run this
scanner alone over the transformed text. Also what makes a pattern match plausible, and
known values and terms as regular expressions."""

from __future__ import annotations

import ipaddress
import re
from functools import partial
from typing import Iterable

from presidio_analyzer import RecognizerResult
from spacy.lang.en.stop_words import STOP_WORDS
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    CryptoRecognizer,
    DateRecognizer,
    IbanRecognizer,
    IpRecognizer,
    MedicalLicenseRecognizer,
    SpacyRecognizer,
    UsBankRecognizer,
    UsItinRecognizer,
    UsLicenseRecognizer,
    UsPassportRecognizer,
    UsSsnRecognizer,
)

from deid.core.model import Finding, Known
from deid.core.normalize import for_detection, to_original
from deid.core.wordlists import RELATIONS
from deid.detect import evidence
from deid.detect.mentions import mention, ordinary_word
from deid.detect.namefinder import NameLexiconRecognizer
from deid.detect.prefilter import Prefilter
from deid.detect.recognizers import extra_recognizers
from deid.detect.recognizers.dates import dated_ordinal
from deid.detect.recognizers.from_rules import from_rules
from deid.detect.recognizers.fast import PLAUSIBLE_DIGITS, GatedUrlRecognizer, WindowedPhoneRecognizer
from deid.detect.standing import dates_not_names
from deid.policy.ruleset import RuleSet

def strength_of(recognizer) -> str:
    """The evidence a recognizer declares (its ``evidence`` attribute); the
    model guesses, and a pattern recognizer of Presidio's knows by shape."""
    if isinstance(recognizer, SpacyRecognizer):
        return evidence.MODEL
    return getattr(recognizer, "evidence", evidence.PATTERN)


class PatternScanner:
    """Every pattern recognizer, the name lexicon, the deny list and the roster: no model,
    cheap to build. Detection runs it once over each text (``run``) and hands its results to
    the analyzer's steps; the final check (``scan``) takes from the same results what it
    would find again, when the text it checks is the text detection read."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = ()):
        self.rules = rules
        self.patterns = _pattern_recognizers(rules)
        # the residual check also asks the name lexicon, and detection takes its answers from here
        self.names = NameLexiconRecognizer(supported_language=rules.language)
        self.deny = _term_regexes((d.term, d.entity) for d in rules.deny)
        self.roster = known_regexes((Known("PERSON", n, "roster") for n in roster), is_stop)
        # what the final check asks: a recognizer of types the rules all keep (occupations,
        # rare conditions) finds nothing it could report, so it is not run on the output
        self.checking = [rec for rec in self.patterns
                         if any(rules.for_entity(e).action != "keep" for e in rec.supported_entities)]
        self.everything = [*self.patterns, self.names]
        self.phone = next((rec for rec in self.patterns if isinstance(rec, WindowedPhoneRecognizer)), None)  # unless off
        # one scan of the text says which expressions can match it; only those run (``prefilter``)
        self.prefilter = Prefilter(self.patterns)

    def run(self, text: str, recognizers: list | None = None, asking: dict | None = None) -> dict[int, list[RecognizerResult]]:
        """Each recognizer's results over ``text`` (the text as a reader sees it), by the
        recognizer's ``id()``: one pass of every pattern recognizer and the name lexicon,
        each running only the expressions that can match ``text``; ``asking``: how to ask
        some of them instead of ``analyze`` (by ``id()``)."""
        asking = asking or {}
        with self.prefilter.looking_at(text) as looking:
            return {id(rec): [] if looking.rules_out(rec) else asking.get(id(rec), rec.analyze)(text, rec.supported_entities)
                    for rec in (recognizers or self.everything)}

    def checked(self, path: str, seen: str, mapping, ran: dict[int, list[RecognizerResult]]) -> list[Finding]:
        """What the final check finds by pattern and lexicon in ``seen`` (``for_detection``'s
        text and offset ``mapping``), from ``run``'s results; in the order ``scan`` gives."""
        out: list[Finding] = []
        for rec in [*self.checking, self.names]:
            for r in ran[id(rec)]:
                if plausible(seen, r.entity_type, r.start, r.end):
                    start, end = to_original(mapping, r.start, r.end)
                    out.append(Finding(path, r.entity_type, start, end, round(float(r.score), 4), rec.name,
                                       strength_of(rec)))
        return out

    def terms(self, path: str, text: str) -> list[Finding]:
        """The deny list's terms and the roster's names in ``text``."""
        return term_findings(path, text, self.deny, "deny_list") + term_findings(path, text, self.roster, "known_identifier")

    def scan(self, path: str, text: str, skip_phone=None) -> list[Finding]:
        """Every finding of a type the rules do not keep, as the final check, ``deid check``
        and ``deid verify`` ask. ``skip_phone(lo, hi, runs)``: which windows of the phone
        recognizer (``fast.windows_and_runs``, offsets of ``text``) need not be asked
        (``final_check.residuals.phone_windows_to_skip``)."""
        seen, mapping = for_detection(text)  # as a reader sees it (``normalize``)
        asking = {}
        if skip_phone is not None and mapping is None and self.phone is not None:  # the same offsets
            asking[id(self.phone)] = partial(self.phone.analyze, skip=skip_phone)
        ran = self.run(seen, [*self.checking, self.names], asking)
        return self.settled(path, text, self.checked(path, seen, mapping, ran) + self.terms(path, text))

    @staticmethod
    def settled(path: str, text: str, found: list[Finding]) -> list[Finding]:
        """What the final check reports of ``found`` in ``text``: a guess made of a date's words
        inside a date is the date's, as ``decide`` reads it ("Dec" of "Dec. 3rd"); ``scan`` and
        detection's own copy of the check (``Detected.checked``) both end here."""
        return dates_not_names(found, {path: text})


def is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def _pattern_recognizers(rules: RuleSet) -> list:
    """The built-in pattern recognizers less those the rules switch off, then the rules' own."""
    recs = [
        CreditCardRecognizer(), CryptoRecognizer(), DateRecognizer(), IbanRecognizer(),
        IpRecognizer(), MedicalLicenseRecognizer(),
        # Presidio's phone and URL recognizers, asked only where a match can be (same answers)
        WindowedPhoneRecognizer(name="PhoneRecognizer"), GatedUrlRecognizer(name="UrlRecognizer"),
        UsBankRecognizer(), UsItinRecognizer(), UsLicenseRecognizer(), UsPassportRecognizer(),
        UsSsnRecognizer(),
    ] + extra_recognizers()
    recs = [r for r in recs if r.name not in rules.recognizers_off] + from_rules(rules)
    for r in recs:
        r.supported_language = rules.language
    return recs


# File names, not web addresses, when written without a scheme or "www.":
# "notes.txt", "pipeline.py" (.py is Paraguay's domain, .md Moldova's).
_FILE_NAME = re.compile(
    r"^(?![a-z][a-z0-9+.\-]*://|www\.)[^/\s]+\.(?:py|md|txt|json|jsonl|ndjson|csv|tsv|yaml|yml|toml|ini|cfg|"
    r"html?|css|js|ts|sh|log|pdf|docx?|xlsx?|pptx?|odt|rtf|png|jpe?g|gif|svg|webp|heic|mp[34]|wav|m4a|zip|gz)$",
    re.IGNORECASE)


def plausible(text: str, entity: str, start: int, end: int) -> bool:
    """A URL match that starts or ends inside a word ("session.jp" of
    "session.jpg", "engines.in" of "engines.in_order") is a file name or a
    fragment, and so is a bare name with a file's extension ("notes.txt") or
    with an ending that is rarely an address's ("pipeline.run",
    "columns.email"), not an address; a licence number has four characters or
    more ("b4" is "before") and no small letters ("cp1252", "Ed25519" are a
    code page and a signature scheme); a phone number does not run across
    table cells ("0.997 | 0.996 | 0.137"), holds no fraction ("0.834 /
    0.964") and has seven digits or more ("15-16 years" is none) unless it is
    spelt out digit by digit; a loopback
    or unspecified IP address is nobody's. A date is
    no bare ordinal ("the 1st time"), no IP address, no dose ("2.5mgs each month",
    "2000-3000 mg") and no "may" that is a verb ("and may go days")."""
    value = text[start:end]
    if entity == "DATE_TIME":
        return not (_DOTTED_QUAD.match(value) or _ORDINAL_ONLY.match(value) and not _OF_MONTH.match(text[end:end + 16])
                    and not dated_ordinal(text, start, end)
                    or _DOSE_FIRST.match(value) or evidence.dose_follows(text, end) or _MAY_VERB.match(value))
    if entity == "US_DRIVER_LICENSE":
        return sum(c.isalnum() for c in value) >= 4 and not any(c.islower() for c in value)
    if entity == "IP_ADDRESS":
        return not _local_address(value)
    if entity == "PHONE_NUMBER":
        return "|" not in value and "   " not in value and not _FRACTION.search(value) \
            and (sum(c.isdigit() for c in value) >= PLAUSIBLE_DIGITS or value[:1].isalpha())  # or spelt out: "five five five, ..."
    if entity != "URL":
        return True
    inner = value.strip(_QUOTES)  # Presidio's URL pattern takes quotes in ('"pipeline.py"')
    start, end = start + value.index(inner), start + value.index(inner) + len(inner)
    value = inner
    if _FILE_NAME.match(value) or (_BARE_NAME.match(value) and value.rsplit(".", 1)[1].lower() not in _ADDRESS_ENDINGS):
        return False
    return not ((end < len(text) and (text[end].isalnum() or text[end] == "_"))
                or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")))


_DOTTED_QUAD = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")  # "127.0.0.1" is an address, not a date
_QUOTES = "\"'\u201c\u201d\u2018\u2019"


def _local_address(value: str) -> bool:
    """127.0.0.1, ::1, 0.0.0.0: this machine or none, nobody's address."""
    try:
        ip = ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


_FRACTION = re.compile(r"(?<![\d.])0\.\d")   # "0.834 / 0.964": figures, not a phone number
_ORDINAL_ONLY = re.compile(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\.?$", re.IGNORECASE)
_OF_MONTH = re.compile(r"^\s+of\s+[A-Za-z]", re.IGNORECASE)
_DOSE_FIRST = re.compile(rf"^\d+(?:[.,]\d+)?\s*(?:{evidence.DOSE_UNIT}|{evidence.DOSE_FORM})\b", re.IGNORECASE)
_MAY_VERB = re.compile(r"^may\b(?!\s*(?:\d|of\b))")
# A name with a dot and no scheme, "www." or path ("pipeline.run"): an address
# only with a country's two letters or an ending addresses commonly have.
_BARE_NAME = re.compile(r"^(?![a-z][a-z0-9+.\-]*://|www\.)[\w\-]+(?:\.[\w\-]+)*\.[a-z]{3,}$", re.IGNORECASE)
_ADDRESS_ENDINGS = frozenset(
    "com org net edu gov mil int info biz app dev xyz online site shop store blog club tech news live life world "
    "page link art health care clinic social media network community church church name pro mobi".split())


def known_regexes(known: Iterable[Known], is_stop) -> list[tuple[re.Pattern[str], str]]:
    """Known values in any case, and for names each part of the name (a first
    name alone) as ``mentions`` matches it: "Rose" of "Rose Byrne" is not
    the flower."""
    out = []
    for k in known:
        value = " ".join(k.value.split())
        if not value:
            continue
        out += _term_regexes([(value, k.entity)])
        if k.entity == "PERSON" and " " in value:
            for part in re.findall(r"[^\W\d_][\w'\-]*", value):
                if len(part) >= 2 and not is_stop(part):
                    out += _part_regexes(part, k.entity)
    return out


# Where a lower-case word is the person a record names: after a person word ("my wife
# dawn"); as the subject of a verb, ``mention`` finds it ("dawn drove me", "dawn and I").
_KIN_BEFORE = rf"\b(?i:my|our|his|her|their|your)[ \t]+(?i:{RELATIONS})[ \t]*,?[ \t]+"


def _part_regexes(part: str, entity: str) -> list[tuple[re.Pattern[str], str]]:
    """A part of a known name (a name column, the roster) in the record's free text: in any
    case, but a part that is an everyday word ("Dawn", "Sunny") in lower case only where a
    person stands, so "at dawn" and "it was sunny" stay."""
    if not ordinary_word(part.lower()):
        return _term_regexes([(part, entity)])
    return [(mention(part), entity),
            (re.compile(rf"{_KIN_BEFORE}(?P<v>(?i:{re.escape(part)}))(?!\w)"), entity)]


def _term_regexes(terms: Iterable[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    """Whole terms as whole words, in any case."""
    out = []
    for term, entity in terms:
        words = [re.escape(w) for w in term.split()]
        if not words:
            continue
        body = r"\s+".join(words)
        out.append((re.compile(rf"(?<![\w@]){body}(?!\w)", re.IGNORECASE), entity))
    return out


def term_findings(path: str, text: str, regexes, recognizer: str) -> list[Finding]:
    """Every match of ``regexes`` (its group ``v`` where it has one) as a certain finding."""
    return [
        Finding(path, entity, *(m.span("v") if "v" in rx.groupindex else m.span()), 1.0, recognizer, evidence.CERTAIN)
        for rx, entity in regexes
        for m in rx.finditer(text)
    ]
