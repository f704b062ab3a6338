"""Detection: Presidio + spaCy find identifiers in a record's free text.

With `scanner`, `spacy_engine`, `recognizers/` and `namefinder`, the only modules that import
presidio_analyzer and spaCy.
It returns ``Finding``s: offsets, type, score and recognizer, never text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from deid.core import budget
from deid.core.lexicon import is_drug_name
from deid.core.model import Field, Finding, Record
from deid.core.normalize import for_detection, to_original
from deid.detect import evidence, pieces, word_sense
from deid.detect.scanner import PatternScanner, is_stop, known_regexes, plausible, strength_of, term_findings
from deid.detect.spacy_engine import InPlaceContextEnhancer, NerOnlySpacyEngine
from deid.policy.ruleset import RuleSet
from deid.core.markup import detection_text
from deid.core.slugs import is_slug, spelled_out

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

NER_LABELS = {
    "PERSON": "PERSON", "PER": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "NORP": "NRP",
}
NER_ENTITIES = sorted(set(NER_LABELS.values()))


class Detected(list):
    """A record's findings (a list), and ``checked``: for each free-text field detection
    read exactly as the final check reads it (not Markdown, not cut in pieces), what the
    final check's scan finds in that text, taken from the same pass of the recognizers."""

    checked: dict[str, tuple[Finding, ...]]

    def __init__(self, findings=(), checked=None):
        super().__init__(findings)
        self.checked = checked or {}


class Detector:
    """Finds identifiers in the free-text fields of records."""

    batch_size = 64  # texts per nlp.pipe batch

    def __init__(self, rules: RuleSet, roster: tuple[str, ...] = ()):
        """``roster``: participant names known for the whole batch."""
        self.rules = rules
        self.language = rules.language
        # first: the prefilter's databases compile in a child process while the model loads
        self.scanner = PatternScanner(rules, roster)
        self.nlp_engine = NerOnlySpacyEngine(
            models=[{"lang_code": rules.language, "model_name": rules.model}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=NER_LABELS,
                labels_to_ignore=[],
            ),
        )
        self.nlp_engine.load()
        word_sense.use_model(rules.model)  # its tagger reads everyday-word names, when one is met
        self.spacy = SpacyRecognizer(supported_language=rules.language, supported_entities=NER_ENTITIES)
        # Recognizers that know a name by its context run beside the analyzer's steps:
        # Presidio drops a finding that a higher-scored one of the same type
        # contains, and the model's guess of the same span would take the
        # context's evidence with it ("my sponsor Adams Abell").
        self.in_context = [rec for rec in self.scanner.patterns if strength_of(rec) == evidence.CONTEXT]
        # what Presidio's AnalyzerEngine would hold in its registry, in its order
        self.recognizers = [self.spacy, self.scanner.names,
                            *[rec for rec in self.scanner.patterns if strength_of(rec) != evidence.CONTEXT]]
        self.nlp_engine.context_words = frozenset(
            w.lower() for rec in self.recognizers for w in (getattr(rec, "context", None) or []) if len(w) >= 4)
        self.enhancer = InPlaceContextEnhancer()
        self.analyzer = AnalyzerEngine(
            registry=_registry(rules.language, self.recognizers), nlp_engine=self.nlp_engine,
            supported_languages=[rules.language], context_aware_enhancer=self.enhancer,
        )
        _no_steps_of_their_own(self.recognizers, self.analyzer)
        self.strengths = {rec.name: strength_of(rec) for rec in [*self.recognizers, *self.in_context]}
        meta = self.nlp_engine.nlp[rules.language].meta
        self.model_name = f"{meta.get('lang', '')}_{meta.get('name', rules.model)}"
        self.model_version = str(meta.get("version", "unknown"))

    def detect(self, record: Record) -> list[Finding]:
        """Findings for every free-text field of ``record``, in field order."""
        return self.detect_many([record])[0]

    def detect_many(self, records: list[Record]) -> list[Detected]:
        """``detect`` for each record, with one ``nlp.pipe`` over the pieces
        of all their free-text fields (long texts in pieces, see ``pieces``):
        the same findings as one record at a time, at batch speed."""
        fields = [(i, f) for i, r in enumerate(records) for f in r.fields if f.column is None]
        read = [for_detection(f.text) for _, f in fields]  # as a reader sees it (``normalize``)
        texts = [_for_detection(replace(f, text=norm)) for (_, f), (norm, _) in zip(fields, read)]
        cut = [(n, piece) for n, text in enumerate(texts) for piece in pieces.split(text)]
        whole = {n for n, piece in cut if piece.start == 0 and len(piece.text) == len(texts[n])
                 and fields[n][1].markup != "markdown"}
        found = [Detected() for _ in records]
        per_field: list[list[Finding]] = [[] for _ in fields]
        by_pattern: dict[int, list[Finding]] = {}  # the final check's pattern findings, for ``whole`` fields
        # spaCy keeps every new word it meets (a phone number, an email) in its
        # vocabulary; inside a memory zone those are let go when the chunk is
        # done, so a long batch does not grow the process (Docs die here too)
        self.nlp_engine.learn([p.text for _, p in cut], self.language)  # the tokenizer's cache, outside the zone
        with self.nlp_engine.nlp[self.language].memory_zone():
            # spaCy reads a whole batch before the first result: the pieces of a long
            # text go one at a time, so that the record's budget is looked at between them
            # (the model finds the same entities whatever the batch's size)
            artifacts = self.nlp_engine.artifacts([p.text for _, p in cut], self.language,
                                                  batch_size=self.batch_size if len(cut) == len(texts) else 1)
            for (n, piece), nlp in zip(cut, artifacts):
                budget.check()  # a long text's pieces, one by one, within the record's budget
                i, field = fields[n]
                ran = self.scanner.run(piece.text)  # every pattern and the name lexicon, once
                if n in whole:  # the final check would read this very text: its findings, from this pass
                    by_pattern[n] = self.scanner.checked(field.path, piece.text, read[n][1], ran)
                results = self.known_over_guesses(self.analyze(piece.text, nlp, ran), ran)
                results += [r for rec in self.in_context for r in ran[id(rec)]]
                for r in results:
                    start, end = piece.start + r.start, piece.start + r.end
                    if not piece.owns(start) or not plausible(texts[n], r.entity_type, start, end):
                        continue
                    meta = r.recognition_metadata
                    name = meta.get("recognizer_name", "unknown") if meta else "unknown"
                    if name == self.spacy.name:
                        end = without_tail(texts[n], start, end)
                    start, end = to_original(read[n][1], start, end)
                    per_field[n].append(Finding(field.path, r.entity_type, start, end, round(float(r.score), 4), name,
                                                self.strengths.get(name, evidence.PATTERN)))
        known = [known_regexes(r.known, is_stop) if r.known else [] for r in records]
        for n, (i, field) in enumerate(fields):
            deny = term_findings(field.path, field.text, self.scanner.deny, "deny_list")
            roster = term_findings(field.path, field.text, self.scanner.roster, "known_identifier")
            found[i] += per_field[n] + deny + term_findings(field.path, field.text, known[i], "known_identifier") + roster
            if n in by_pattern:  # what ``PatternScanner.scan`` returns for this text, without a second pass
                found[i].checked[field.path] = tuple(self.scanner.settled(field.path, field.text, by_pattern[n] + deny + roster))
        return found

    def analyze(self, text: str, nlp: NlpArtifacts, ran: dict[int, list[RecognizerResult]]) -> list[RecognizerResult]:
        """What ``AnalyzerEngine.analyze`` returns for ``text``, given the model's artifacts and the
        pattern recognizers' results of ``PatternScanner.run``: the model's entities and those results,
        in the registry's order; the context step; the score floor; duplicates dropped. Without the
        engine's loop over the recognizers (each has run once already) and its per-recognizer context
        pass (none of deid's recognizers has one: checked when built)."""
        results = []
        for rec in self.recognizers:
            mine = rec.analyze(text, NER_ENTITIES, nlp) if rec is self.spacy else ran[id(rec)]
            for r in mine:
                if not r.recognition_metadata:
                    r.recognition_metadata = {}
                r.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, rec.id)
                r.recognition_metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, rec.name)
            results += mine
        results = self.enhancer.enhance_using_context(text, results, nlp, self.recognizers)
        floor = self.analyzer.default_score_threshold
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= floor])

    def known_over_guesses(self, results: list[RecognizerResult], ran: dict[int, list[RecognizerResult]]):
        """``analyze``'s results with a pattern recognizer's finding (not the name lexicon's) in place of the model's guess
        of the same span and type: Presidio keeps the higher score of the two, and the guess is
        then judged as a guess ("Westerly Mood Clinic" kept for its medical word "Mood"), though a
        recognizer knew the span by its shape."""
        model = {(r.start, r.end, r.entity_type): k for k, r in enumerate(results)
                 if r.recognition_metadata.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY) == self.spacy.id}
        if not model:
            return results
        floor = self.analyzer.default_score_threshold
        for rec in self.recognizers:
            if rec is self.spacy or self.strengths.get(rec.name, evidence.PATTERN) in evidence.GUESSES:
                continue  # the name lexicon guesses too
            for r in ran.get(id(rec), ()):
                k = model.get((r.start, r.end, r.entity_type))
                if k is not None and r.score >= floor:
                    results[k] = r
        return results


_SHORTHAND_TAIL = re.compile(r"[ \t]+[A-Za-z]{1,2}/?\Z")
_DRUG_TAIL = re.compile(r"[ \t]+(?:for|with|on)[ \t]+([\w-]+)")


def without_tail(text: str, start: int, end: int) -> int:
    """The end of the model's guess ``text[start:end]`` without what it ran on into: the
    letters of a clinical shorthand it cut into ("Cedar Falls w/" of "Cedar Falls w/ VNA",
    "Ames c" of "Ames c/o"; the model reads the "w" of "w/" as a name's last word), or a
    preposition and the drug after it ("... Recovery Clinic for Sublocade": a drug names no
    organisation, and a guess that holds one would be kept whole as medicine)."""
    for m in _DRUG_TAIL.finditer(text, start, end):
        if m.start() > start and is_drug_name(m.group(1).lower()):
            return m.start()
    if text[end:end + 1] != "/" and text[end - 1:end] != "/":
        return end
    tail = _SHORTHAND_TAIL.search(text, start, end)
    return tail.start() if tail is not None and tail.start() > start else end


def _registry(language: str, recognizers: list) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=[language])
    for rec in recognizers:
        registry.add_recognizer(rec)
    return registry


def _no_steps_of_their_own(recognizers: list, analyzer: AnalyzerEngine) -> None:
    """``Detector.analyze`` leaves out two steps of Presidio's engine that do nothing for
    deid's recognizers: each recognizer's own context pass, and per-recognizer score
    thresholds. A recognizer that brings either would need them back: fail at once."""
    for rec in recognizers:
        if type(rec).enhance_using_context is not EntityRecognizer.enhance_using_context:
            raise TypeError(f"{rec.name} enhances its results with context itself; Detector.analyze does not ask it")
        if rec.score_thresholds:
            raise TypeError(f"{rec.name} has score thresholds; Detector.analyze does not apply them")


def _for_detection(field: Field) -> str:
    """The text detection reads: Markdown without its markup; a value that is
    one slug ("tamsin-oyelowo", a nested id) spelled out as words."""
    if field.markup == "markdown":
        return detection_text(field.text)
    return spelled_out(field.text) if is_slug(field.text) else field.text
