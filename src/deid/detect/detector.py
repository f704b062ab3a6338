"""Detection: Presidio + spaCy find identifiers in a record's free text.

The only module that imports presidio_analyzer and spaCy (with recognizers.py).
It returns ``Finding``s: offsets, type, score and recognizer, never text.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from dataclasses import replace
from typing import Iterable

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
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

from deid.core.errors import RulesError
from deid.core.model import Field, Finding, Known, Record
from deid.core.normalize import for_detection, to_original
from deid.detect import chunks, evidence
from deid.detect.mentions import mention
from deid.detect.namefinder import NameLexiconRecognizer
from deid.detect.recognizers import extra_recognizers
from deid.detect.recognizers.fast import GatedUrlRecognizer, WindowedPhoneRecognizer
from deid.policy.ruleset import RuleSet
from deid.read.formats.markdownfile import detection_text

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

# Components that NER does not need; excluding them is what makes spaCy cheap.
NOT_FOR_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter", "trainable_lemmatizer"]
NER_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "NORP": "NRP",
}
NER_ENTITIES = sorted(set(NER_LABELS.values()))


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading an installed model without the
    components NER does not need, and never downloading anything.

    Without a lemmatizer, Presidio's context words are matched against the
    lower-cased tokens instead of lemmas.
    """

    def load(self) -> None:
        self.nlp = {}
        for model in self.models:
            name = model["model_name"]
            try:
                nlp = spacy.load(name, exclude=NOT_FOR_NER)
            except OSError:
                raise RulesError(
                    "rules", None, "model",
                    f"spaCy model {name!r} is not installed; install it, or name an installed one",
                ) from None
            self.nlp[model["lang_code"]] = nlp

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lower_ for t in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )


class _Results(list):
    """Presidio's context enhancer deep-copies the results it is given, so
    that it may change their scores; ours are fresh from the recognizers and
    owned by nobody else, so the copy (about 5 % of detection) is skipped."""

    def __deepcopy__(self, memo):
        return self


class InPlaceContextEnhancer(LemmaContextAwareEnhancer):
    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return super().enhance_using_context(text, _Results(raw_results), nlp_artifacts, recognizers, context)


def strength_of(recognizer) -> str:
    """The evidence a recognizer declares (its ``evidence`` attribute); the
    model guesses, and a pattern recognizer of Presidio's knows by shape."""
    if isinstance(recognizer, SpacyRecognizer):
        return evidence.MODEL
    return getattr(recognizer, "evidence", evidence.PATTERN)


class PatternScanner:
    """The pattern recognizers, deny list and roster: no model, cheap to
    build, used for the residual check (also where no model is loaded)."""

    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = ()):
        self.rules = rules
        self.patterns = _pattern_recognizers(rules.language)
        # the residual check also asks the name lexicon (the detector has it already)
        self.names = NameLexiconRecognizer(supported_language=rules.language)
        self.deny = _term_regexes((d.term, d.entity) for d in rules.deny)
        self.roster = _known_regexes((Known("PERSON", n, "roster") for n in roster), _is_stop)

    def scan(self, path: str, text: str) -> list[Finding]:
        out: list[Finding] = []
        seen, mapping = for_detection(text)  # as a reader sees it (``normalize``)
        for rec in [*self.patterns, self.names]:
            for r in rec.analyze(seen, rec.supported_entities):
                if _plausible(seen, r.entity_type, r.start, r.end):
                    start, end = to_original(mapping, r.start, r.end)
                    out.append(Finding(path, r.entity_type, start, end, round(float(r.score), 4), rec.name,
                                       strength_of(rec)))
        out += _term_findings(path, text, self.deny, "deny_list")
        out += _term_findings(path, text, self.roster, "known_identifier")
        return out


class Detector:
    """Finds identifiers in the free-text fields of records."""

    batch_size = 64  # texts per nlp.pipe batch

    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = ()):
        """``roster``: participant names known for the whole batch."""
        self.rules = rules
        self.language = rules.language
        self.nlp_engine = NerOnlySpacyEngine(
            models=[{"lang_code": rules.language, "model_name": rules.model}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=NER_LABELS,
                labels_to_ignore=[],
            ),
        )
        self.nlp_engine.load()
        self.scanner = PatternScanner(rules, roster)
        registry = RecognizerRegistry(supported_languages=[rules.language])
        registry.add_recognizer(SpacyRecognizer(supported_language=rules.language, supported_entities=NER_ENTITIES))
        registry.add_recognizer(NameLexiconRecognizer(supported_language=rules.language))
        # Recognizers that know a name by its context run beside the analyzer:
        # Presidio drops a finding that a higher-scored one of the same type
        # contains, and the model's guess of the same span would take the
        # context's evidence with it ("my sponsor Adams Abell").
        self.in_context = [rec for rec in self.scanner.patterns if strength_of(rec) == evidence.CONTEXT]
        for rec in self.scanner.patterns:
            if strength_of(rec) != evidence.CONTEXT:
                registry.add_recognizer(rec)
        self.analyzer = AnalyzerEngine(
            registry=registry, nlp_engine=self.nlp_engine, supported_languages=[rules.language],
            context_aware_enhancer=InPlaceContextEnhancer(),
        )
        self.strengths = {rec.name: strength_of(rec) for rec in [*registry.recognizers, *self.in_context]}
        meta = self.nlp_engine.nlp[rules.language].meta
        self.model_name = f"{meta.get('lang', '')}_{meta.get('name', rules.model)}"
        self.model_version = str(meta.get("version", "unknown"))

    def detect(self, record: Record) -> list[Finding]:
        """Findings for every free-text field of ``record``, in field order."""
        return self.detect_many([record])[0]

    def detect_many(self, records: list[Record]) -> list[list[Finding]]:
        """``detect`` for each record, with one ``nlp.pipe`` over the pieces
        of all their free-text fields (long texts in pieces, see ``chunks``):
        the same findings as one record at a time, at batch speed."""
        fields = [(i, f) for i, r in enumerate(records) for f in r.fields if f.column is None]
        read = [for_detection(f.text) for _, f in fields]  # as a reader sees it (``normalize``)
        texts = [_for_detection(replace(f, text=norm)) for (_, f), (norm, _) in zip(fields, read)]
        pieces = [(n, piece) for n, text in enumerate(texts) for piece in chunks.split(text)]
        found: list[list[Finding]] = [[] for _ in records]
        per_field: list[list[Finding]] = [[] for _ in fields]
        # spaCy keeps every new word it meets (a phone number, an email) in its
        # vocabulary; inside a memory zone those are let go when the chunk is
        # done, so a long batch does not grow the process (Docs die here too)
        with self.nlp_engine.nlp[self.language].memory_zone():
            artifacts = self.nlp_engine.process_batch([p.text for _, p in pieces], self.language,
                                                      batch_size=self.batch_size)
            for (n, piece), (_, nlp) in zip(pieces, artifacts):
                path = fields[n][1].path
                results = self.analyzer.analyze(piece.text, self.language, nlp_artifacts=nlp)
                results += [r for rec in self.in_context for r in rec.analyze(piece.text, rec.supported_entities)]
                for r in results:
                    start, end = piece.start + r.start, piece.start + r.end
                    if not piece.owns(start) or not _plausible(texts[n], r.entity_type, start, end):
                        continue
                    start, end = to_original(read[n][1], start, end)
                    meta = r.recognition_metadata
                    name = meta.get("recognizer_name", "unknown") if meta else "unknown"
                    per_field[n].append(Finding(path, r.entity_type, start, end, round(float(r.score), 4), name,
                                                self.strengths.get(name, evidence.PATTERN)))
        known = [_known_regexes(r.known, _is_stop) if r.known else [] for r in records]
        for n, (i, field) in enumerate(fields):
            found[i] += per_field[n]
            found[i] += _term_findings(field.path, field.text, self.scanner.deny, "deny_list")
            found[i] += _term_findings(field.path, field.text, known[i], "known_identifier")
            found[i] += _term_findings(field.path, field.text, self.scanner.roster, "known_identifier")
        return found


def _is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS


def _pattern_recognizers(language: str) -> list:
    recs = [
        CreditCardRecognizer(), CryptoRecognizer(), DateRecognizer(), IbanRecognizer(),
        IpRecognizer(), MedicalLicenseRecognizer(),
        # Presidio's phone and URL recognizers, asked only where a match can be (same answers)
        WindowedPhoneRecognizer(name="PhoneRecognizer"), GatedUrlRecognizer(name="UrlRecognizer"),
        UsBankRecognizer(), UsItinRecognizer(), UsLicenseRecognizer(), UsPassportRecognizer(),
        UsSsnRecognizer(),
    ] + extra_recognizers()
    for r in recs:
        r.supported_language = language
    return recs


# File names, not web addresses, when written without a scheme or "www.":
# "notes.txt", "pipeline.py" (.py is Paraguay's domain, .md Moldova's).
_FILE_NAME = re.compile(
    r"^(?![a-z][a-z0-9+.\-]*://|www\.)[^/\s]+\.(?:py|md|txt|json|jsonl|ndjson|csv|tsv|yaml|yml|toml|ini|cfg|"
    r"html?|css|js|ts|sh|log|pdf|docx?|xlsx?|pptx?|odt|rtf|png|jpe?g|gif|svg|webp|heic|mp[34]|wav|m4a|zip|gz)$",
    re.IGNORECASE)


def _plausible(text: str, entity: str, start: int, end: int) -> bool:
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
                    or _DOSE_FIRST.match(value) or evidence.dose_follows(text, end) or _MAY_VERB.match(value))
    if entity == "US_DRIVER_LICENSE":
        return sum(c.isalnum() for c in value) >= 4 and not any(c.islower() for c in value)
    if entity == "IP_ADDRESS":
        return not _local_address(value)
    if entity == "PHONE_NUMBER":
        return "|" not in value and "   " not in value and not _FRACTION.search(value) \
            and (sum(c.isdigit() for c in value) >= 7 or value[:1].isalpha())  # or spelt out: "five five five, ..."
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


def _for_detection(field: Field) -> str:
    return detection_text(field.text) if field.markup == "markdown" else field.text


def _known_regexes(known: Iterable[Known], is_stop) -> list[tuple[re.Pattern[str], str]]:
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
                    out.append((mention(part), k.entity))
    return out


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


def _term_findings(path: str, text: str, regexes, recognizer: str) -> list[Finding]:
    return [
        Finding(path, entity, m.start(), m.end(), 1.0, recognizer, evidence.CERTAIN)
        for rx, entity in regexes
        for m in rx.finditer(text)
    ]
