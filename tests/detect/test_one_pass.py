"""One pass of the recognizers, shared by detection and the final check.

``PatternScanner.run`` runs every pattern recognizer and the name lexicon once over a text;
``Detector.analyze`` takes those results through the steps of Presidio's
``AnalyzerEngine.analyze`` (context, score floor, duplicates) without the engine's loop. The
answers must be the engine's own on every text of the evaluation sets and the fixtures. The
final check's findings for a field detection read as the check reads it come from the same
pass (``Detected.checked``) and must be exactly what ``scan`` finds."""

from __future__ import annotations

import json

import pytest

from deid.core.model import Field, Record
from deid.core.normalize import for_detection
from deid.detect import pieces
from tests.conftest import ROOT

EVAL = ROOT.parent / "shared" / "eval"
SETS = ["psytar_posts", "presidio_synth_v2", "wnut17_dev", "wnut17_train", "tab_echr_traindev"]


def _texts(path):
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _fixture_texts():
    texts = _texts(ROOT / "tests" / "fixtures" / "testimonials.jsonl")
    return texts + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").iterdir()) if p.is_file()]


def _said(results):
    return [(r.entity_type, r.start, r.end, r.score, (r.recognition_metadata or {}).get("recognizer_name"))
            for r in results]


def _compare(detector, texts):
    """Texts (cut as detection cuts them) where the one pass differs from Presidio's engine."""
    cut = [p.text for t in texts for p in pieces.split(for_detection(t)[0])]
    differ = []
    artifacts = detector.nlp_engine.process_batch(cut, detector.language, batch_size=64)
    for n, (text, (_, nlp)) in enumerate(zip(cut, artifacts)):
        engine = _said(detector.analyzer.analyze(text, detector.language, nlp_artifacts=nlp))
        ours = _said(detector.analyze(text, nlp, detector.scanner.run(text)))
        if engine != ours:
            differ.append(n)
    return differ


def test_the_engine_answers_on_the_fixtures(detector):
    assert _compare(detector, _fixture_texts()) == []


@pytest.mark.parametrize("name", SETS)
def test_the_engine_answers_on_every_eval_text(detector, name):
    path = EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not here")
    assert _compare(detector, _texts(path)) == []


def test_the_one_pass_runs_each_recognizer_once(detector, monkeypatch):
    """Once each, but for those the prefilter rules out wholly (``prefilter.only_patterns``): never."""
    text = "Call Dana Whitlock on 555-201-7788."
    everything = detector.scanner.everything
    with detector.scanner.prefilter.looking_at(text) as looking:
        ruled_out = {id(rec) for rec in everything if looking.rules_out(rec)}
    calls = []
    for rec in everything:
        real = rec.analyze
        monkeypatch.setattr(rec, "analyze", lambda *a, _real=real, _id=id(rec), **k: calls.append(_id) or _real(*a, **k))
    detector.detect_many([Record("s.jsonl", 0, 1, "r1", (Field("/text", text),))])
    assert sorted(calls) == sorted(id(rec) for rec in everything if id(rec) not in ruled_out)
    assert detector.scanner.prefilter.databases is None or ruled_out


def _record(n, text, markup=None):
    return Record("s.jsonl", n, n + 1, f"r{n}", (Field("/text", text, markup=markup),))


def test_the_final_check_of_a_text_as_read_comes_from_the_same_pass(detector):
    texts = _texts(ROOT / "tests" / "fixtures" / "testimonials.jsonl")
    records = [_record(n, t) for n, t in enumerate(texts)]
    found = detector.detect_many(records)
    assert all(d.checked for d in found)
    for record, detected in zip(records, found):
        field = record.fields[0]
        assert list(detected.checked[field.path]) == detector.scanner.scan(field.path, field.text)


def test_the_final_check_from_the_pass_reads_a_date_as_scan_does(detector):
    """A guess made of a date's words inside a date is the date's in both copies of the check."""
    records = [_record(0, "Sent Mon Oct 14 05:51 from my phone before the intake.")]
    detected = detector.detect_many(records)[0]
    field = records[0].fields[0]
    assert list(detected.checked[field.path]) == detector.scanner.scan(field.path, field.text)


@pytest.mark.parametrize("name", SETS)
def test_the_final_check_from_the_same_pass_on_every_eval_text(detector, name):
    path = EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not here")
    texts = [t for t in _texts(path) if len(t) <= pieces.LIMIT]
    scanner = detector.scanner
    for text in texts:
        seen, mapping = for_detection(text)
        from_the_pass = scanner.checked("/text", seen, mapping, scanner.run(seen)) + scanner.terms("/text", text)
        assert scanner.settled("/text", text, from_the_pass) == scanner.scan("/text", text)


def test_markdown_and_long_texts_are_checked_again(detector):
    long = ("I tapered off kratom with help from my sister Odile Brannock. " * 400).strip()
    assert len(long) > pieces.LIMIT
    found = detector.detect_many([_record(0, "# Notes\n\nMy friend *Tamsin Hale* helped.", "markdown"), _record(1, long)])
    assert found[0].checked == {} and found[1].checked == {}
