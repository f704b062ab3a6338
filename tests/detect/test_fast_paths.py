"""The fast paths of detection give the answers of the plain ones: a batch finds what
one record at a time finds, a text in pieces what the whole text finds, the gated
Presidio recognizers what Presidio finds."""

from __future__ import annotations

import json
import sys

import pytest

from deid.core.model import Field, Record
from deid.detect import pieces
from deid.detect.recognizers.fast import GatedUrlRecognizer, WindowedPhoneRecognizer, windows
from deid.detect.scanner import plausible
from deid.read.formats.jsontree import make_record

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "testimonials.jsonl"


def corpus_records(rules, n: int, chars: int = 800, seed: int = 7) -> list[Record]:
    return [make_record(row, "c.jsonl", i, i + 1, json.dumps(row), rules) for i, row in enumerate(generate(n, chars, seed))]


def fixture_texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return texts + [row["story"] for row in generate(60, 800, seed=3)]


def test_a_batch_finds_what_one_record_at_a_time_finds(detector, rules):
    records = corpus_records(rules, 40) + [
        make_record(json.loads(line), "f.jsonl", i, i + 1, line, rules)
        for i, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines())
    ]
    assert detector.detect_many(records) == [detector.detect(r) for r in records]


def test_every_name_is_found_once_when_the_text_is_in_pieces(detector, monkeypatch):
    monkeypatch.setattr(pieces, "LIMIT", 1500)
    monkeypatch.setattr(pieces, "OVERLAP", 200)
    names = ["Loretta Szabo", "Thaddeus Okafor", "Marisol Quist", "Ignatius Brannigan", "Rosalind Vukovic",
             "Everett Lindqvist", "Delphine Castellanos"]
    for pad in range(60):  # shift the text until a seam falls inside a name
        text, spans = "So. " * pad, []
        for i in range(70):
            a = len(text) + len("My sponsor ")
            name = names[i % len(names)]
            text += f"My sponsor {name} called me. I tapered off oxycodone and the pain stayed. "
            spans.append((a, a + len(name)))
        cut = pieces.split(text)
        if any(a < p.owns_from < b for p in cut[1:] for a, b in spans):
            break
    else:
        pytest.fail("no seam fell inside a name")
    assert len(cut) >= 4
    findings = detector.detect(Record("t.txt", 0, 1, "t", (Field("", text),)))
    persons = [(f.start, f.end) for f in findings if f.entity == "PERSON"]
    for a, b in spans:
        assert any(s <= a and b <= e for s, e in persons), text[a:b]
    keys = [(f.entity, f.start, f.end, f.recognizer) for f in findings]
    assert len(keys) == len(set(keys))


def test_a_short_text_is_one_piece_so_its_findings_are_the_plain_ones(detector):
    text = "My name is Loretta Szabo and my sister Marisol drove me to Dayton."
    assert pieces.split(text) == [pieces.Piece(0, text, 0, len(text) + 1)]
    found = detector.detect(Record("t.txt", 0, 1, "t", (Field("", text),)))
    assert {text[f.start:f.end] for f in found if f.entity == "PERSON"} >= {"Loretta Szabo"}


TRICKY_PHONES = [
    "call 1645 now", "Tel: 01645", "(1) 645", "+49 30 1234567", "937-555-0142", "(937) 555 0142 ext. 12",
    "Call me on 07700 900123 or +44 7700 900123.", "born 1958, dosed 30 mg", "tel. 16 45 and 12:30",
    "+1 (800) 555-0199x123", "1-800-555-0199", "0049 30 12345678", "on 12/03/2019 at 10:30",
]


@pytest.mark.parametrize("text", TRICKY_PHONES + fixture_texts())
def test_windowed_phone_recognizer_finds_what_presidio_finds(text):
    """Every number Presidio finds that deid would report (``plausible``), and no other."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    plain = sorted((r.start, r.end, r.score) for r in PhoneRecognizer().analyze(text, ["PHONE_NUMBER"])
                   if plausible(text, "PHONE_NUMBER", r.start, r.end))
    fast = sorted((r.start, r.end, r.score) for r in WindowedPhoneRecognizer().analyze(text, ["PHONE_NUMBER"])
                  if plausible(text, "PHONE_NUMBER", r.start, r.end))
    assert fast == plain


def test_a_window_too_short_for_a_reported_number_is_not_asked():
    """"call 1645 now" is a valid German number to python-phonenumbers, but no number deid
    reports: it has fewer than seven digits, and so does its window."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    assert [(r.start, r.end) for r in PhoneRecognizer().analyze("call 1645 now", ["PHONE_NUMBER"])] == [(5, 9)]
    assert windows("call 1645 now") == []
    assert windows("call 1645 now or 555 0142") == [(0, 25)]


def test_phone_windows_skip_text_without_long_digit_runs():
    assert windows("I took 30 mg at 46 and 2 grams.") == []
    assert windows("call 937-555-0142") == [(0, 17)]


@pytest.mark.parametrize("text", [
    "see example.org", "https://example.com/x?y=1", "no address here. None.", "e.g. this", "'www.test.co.uk'",
    "Mail me at a.b@example.net", "Dr.Smith", "ends with a dot.",
] + fixture_texts())
def test_gated_url_recognizer_finds_what_presidio_finds(text):
    from presidio_analyzer.predefined_recognizers import UrlRecognizer

    plain = sorted((r.start, r.end, r.score) for r in UrlRecognizer().analyze(text, ["URL"]))
    fast = sorted((r.start, r.end, r.score) for r in GatedUrlRecognizer().analyze(text, ["URL"]))
    assert fast == plain


@pytest.mark.parametrize("run, whole", [
    ("q.r" * 400, True),           # a host of dots, far past any address: removed whole
    ("Kx9-" * 300, False),         # letters, digits and hyphens, no dot: can hold no address
    ("v1.2" * 300, False),         # dots before digits only
])
def test_a_run_too_long_for_any_address_is_not_searched_place_by_place(run, whole):
    """Presidio's expression for an address without a scheme reads up to 253 host characters from
    every place (about 1 ms a character in such a run); the run is taken whole (with a dot before a
    letter) or blanked, and the addresses around it are found as Presidio finds them."""
    from presidio_analyzer.predefined_recognizers import UrlRecognizer

    text = f"Notes at wiki.example.org/page; then {run} and /tmp/{run[:5]} and mail.example.net."
    start = text.index(run)
    found = sorted((r.start, r.end) for r in GatedUrlRecognizer().analyze(text, ["URL"]))
    around = sorted((r.start, r.end) for r in UrlRecognizer().analyze(text[:start], ["URL"]))
    after = text.index(" and /tmp/")
    around += sorted((after + r.start, after + r.end) for r in UrlRecognizer().analyze(text[after:], ["URL"]))
    assert ((start, start + len(run)) in found) == whole
    assert [s for s in found if s != (start, start + len(run))] == around


def test_python_phonenumbers_keeps_its_expressions_compiled():
    """``fast`` turns on python-phonenumbers' own table of compiled metadata expressions: each
    is compiled once, not looked up in ``re``'s cache at every use (the same expressions)."""
    import phonenumbers
    from phonenumbers import re_util

    text = "Ring the ward on (617) 555-0143 or +44 20 7946 0958 before noon."
    found = [(m.start, m.end) for region in ("US", "GB") for m in phonenumbers.PhoneNumberMatcher(text, region)]
    assert found and re_util._COMPILED_PATTERNS
    assert all(re_util.re_compile(p) is c for p, c in list(re_util._COMPILED_PATTERNS.items())[:50])
