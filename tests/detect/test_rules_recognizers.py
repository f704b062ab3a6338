"""The recognizers a rules file adds and switches off, as detection and the pattern pass run
them (``recognizers.from_rules``, ``scanner._pattern_recognizers``)."""

from __future__ import annotations

import pytest

from deid.core.keys import Key
from deid.core.model import Field, Record
from deid.detect import evidence
from deid.detect.scanner import PatternScanner, _pattern_recognizers
from deid.policy.recognizers import BUILT_IN
from deid.policy.rules import load_rules

from tests.conftest import TEST_KEY, write

MEMBER = """\
recognizers:
  - name: ClinicMemberRecognizer
    entity: MEMBER_NUMBER
    patterns: [{name: member number, regex: '\\bMBR/\\d{5}/[A-Z]\\b', score: 0.5}]
    context: [member]
entities:
  MEMBER_NUMBER: {action: replace, tag: "[MEMBER-ID]", threshold: 0.6}
"""


@pytest.fixture(scope="module")
def member_rules(tmp_path_factory):
    return load_rules(write(tmp_path_factory.mktemp("rules") / "r.yaml", MEMBER))


def _off(tmp_path, *names):
    return load_rules(write(tmp_path / "off.yaml", "recognizers:\n" + "".join(
        f"  - {{name: {n}, enabled: false}}\n" for n in names)))


def test_the_names_a_rules_file_may_switch_off_are_the_recognizers_detection_builds(rules):
    """``policy.recognizers.BUILT_IN`` (the rules cannot import detection) against the registry:
    a recognizer added to ``recognizers/__init__.py`` or to the scanner is added there too."""
    assert sorted(set(BUILT_IN)) == sorted(BUILT_IN)
    assert set(BUILT_IN) == {rec.name for rec in _pattern_recognizers(rules)}


def test_a_rules_recognizer_runs_in_the_pattern_pass_by_shape(member_rules):
    scanner = PatternScanner(member_rules)
    [rec] = [r for r in scanner.patterns if r.name == "ClinicMemberRecognizer"]
    assert (rec.supported_entities, rec.evidence, rec.context) == (["MEMBER_NUMBER"], evidence.PATTERN, ["member"])
    assert rec.patterns[0] in scanner.prefilter.patterns  # gated by the prefilter like Presidio's
    text = "The desk wrote mbr/48213/k on the slip."  # Presidio's flags: in any case
    found = [f for f in scanner.scan("", text) if f.recognizer == "ClinicMemberRecognizer"]
    assert [(text[f.start:f.end], f.entity, f.score, f.strength) for f in found] == [
        ("mbr/48213/k", "MEMBER_NUMBER", 0.5, evidence.PATTERN)]
    assert not PatternScanner(load_rules()).prefilter.patterns.count(rec.patterns[0])


@pytest.mark.parametrize("text, recognizer", [
    ("I was 93 years old then.", "AgeRecognizer"),
    ("Write to ilse.marrow@example.org any time.", "OfflineEmailRecognizer"),
    ("Ride plate 7KQZ219 was towed.", "VehicleIdRecognizer"),
    ("Call me at 415-555-0199 after six.", "PhoneRecognizer"),
    ("My sponsor Oskar Feldmann drove.", "RelationNameRecognizer"),  # two recognizers of one name
])
def test_a_built_in_recognizer_switched_off_finds_nothing(rules, tmp_path, text, recognizer):
    assert any(f.recognizer == recognizer for f in PatternScanner(rules).scan("", text))
    off = PatternScanner(_off(tmp_path, recognizer))
    assert recognizer not in {r.name for r in off.patterns}
    assert not any(f.recognizer == recognizer for f in off.scan("", text))
    # the final check's own way of asking the phone recognizer copes without it
    assert not any(f.recognizer == recognizer for f in off.scan("", text, skip_phone=lambda lo, hi, runs: False))


def _plan(rules, text):
    from deid.run.process import Processor

    return Processor(rules, Key(TEST_KEY.encode(), "test")).process(Record("t.txt", 0, 1, "t", (Field("", text),)))


@pytest.mark.parametrize("text, score", [
    # the context word lifts 0.5 over the type's threshold of 0.6, as Presidio's context step does
    ("Ilse Marrow here: my member card says MBR/48213/K in small print.", 0.85),
    # without it the finding stays below (the model's guess of an organisation takes the value)
    ("Ilse Marrow here: the slip says MBR/48213/K in small print.", None),
])
def test_detection_takes_a_rules_recognizer_and_its_context_words(member_rules, text, score):
    out = _plan(member_rules, text)
    assert out.held_back is None and "MBR/48213/K" not in out.texts[""]
    ours = [r.decision.finding for r in out.redactions if r.decision.finding.recognizer == "ClinicMemberRecognizer"]
    assert [f.score for f in ours] == ([score] if score else [])
    assert ("[MEMBER-ID]" in out.texts[""]) == bool(score)
