"""The fast paths give the answers of the plain ones: batched detection,
long texts in pieces, the gated Presidio recognizers, the indexed batch
mentions, stand-ins settled before pass 2, engines that keep input order."""

from __future__ import annotations

import json
import random
import re
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.core.keys import Key
from deid.core.model import Field, Record
from deid.detect import chunks
from deid.detect.mentions import MentionIndex, _alternation
from deid.detect.recognizers.fast import GatedUrlRecognizer, WindowedPhoneRecognizer, windows
from deid.read.formats.jsontree import make_record
from deid.run.engines import chunked, default_workers, in_order
from deid.run.process import Finisher, observe
from deid.transform.surrogates import Surrogates

from .conftest import ROOT, SAMPLES, TEST_KEY

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "testimonials.jsonl"


def corpus_records(rules, n: int, chars: int = 800, seed: int = 7) -> list[Record]:
    return [make_record(row, "c.jsonl", i, i + 1, json.dumps(row), rules) for i, row in enumerate(generate(n, chars, seed))]


def fixture_texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return texts + [row["story"] for row in generate(60, 800, seed=3)]


# -- chunks ------------------------------------------------------------------------

@pytest.mark.parametrize("text, limit, overlap, pieces", [
    ("short text", 100, 10, 1),
    ("a" * 100, 100, 10, 1),
    ("Para one.\n\nPara two is here.\n\nPara three ends it.", 30, 6, 2),
    ("word " * 200, 100, 20, 13),
    ("x" * 1000, 100, 20, 13),          # no break at all: cut anyway
])
def test_split_cuts_long_texts_only(text, limit, overlap, pieces):
    out = chunks.split(text, limit, overlap)
    assert len(out) == pieces
    assert all(len(p.text) <= limit for p in out)


def test_split_prefers_paragraph_breaks():
    text = ("Sentence one here. " * 4).strip() + "\n\n" + "Second paragraph. " * 10
    first = chunks.split(text, 120, 20)[0]
    assert first.text.endswith("\n\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n!?", max_size=900), st.integers(60, 200), st.integers(5, 29))
def test_pieces_cover_the_text_and_own_every_offset_once(text, limit, overlap):
    pieces = chunks.split(text, limit, overlap)
    for p in pieces:
        assert text[p.start:p.start + len(p.text)] == p.text
    assert pieces[0].start == 0 and pieces[-1].start + len(pieces[-1].text) == len(text)
    for offset in range(len(text)):
        owners = [p for p in pieces if p.owns(offset)]
        assert len(owners) == 1
        # whatever starts at an owned offset has at least overlap/2 characters of its piece after it
        p = owners[0]
        assert p is pieces[-1] or p.start + len(p.text) - offset >= overlap // 2


def test_split_refuses_an_overlap_too_large_for_the_limit():
    with pytest.raises(ValueError):
        chunks.split("x" * 100, 20, 10)


# -- batched and chunked detection ---------------------------------------------------

def test_a_batch_finds_what_one_record_at_a_time_finds(detector, rules):
    records = corpus_records(rules, 40) + [
        make_record(json.loads(line), "f.jsonl", i, i + 1, line, rules)
        for i, line in enumerate(FIXTURE.read_text(encoding="utf-8").splitlines())
    ]
    assert detector.detect_many(records) == [detector.detect(r) for r in records]


def test_every_name_is_found_once_when_the_text_is_in_pieces(detector, monkeypatch):
    monkeypatch.setattr(chunks, "LIMIT", 1500)
    monkeypatch.setattr(chunks, "OVERLAP", 200)
    names = ["Loretta Szabo", "Thaddeus Okafor", "Marisol Quist", "Ignatius Brannigan", "Rosalind Vukovic",
             "Everett Lindqvist", "Delphine Castellanos"]
    for pad in range(60):  # shift the text until a seam falls inside a name
        text, spans = "So. " * pad, []
        for i in range(70):
            a = len(text) + len("My sponsor ")
            name = names[i % len(names)]
            text += f"My sponsor {name} called me. I tapered off oxycodone and the pain stayed. "
            spans.append((a, a + len(name)))
        pieces = chunks.split(text)
        if any(a < p.owns_from < b for p in pieces[1:] for a, b in spans):
            break
    else:
        pytest.fail("no seam fell inside a name")
    assert len(pieces) >= 4
    findings = detector.detect(Record("t.txt", 0, 1, "t", (Field("", text),)))
    persons = [(f.start, f.end) for f in findings if f.entity == "PERSON"]
    for a, b in spans:
        assert any(s <= a and b <= e for s, e in persons), text[a:b]
    keys = [(f.entity, f.start, f.end, f.recognizer) for f in findings]
    assert len(keys) == len(set(keys))


def test_a_short_text_is_one_piece_so_its_findings_are_the_plain_ones(detector):
    text = "My name is Loretta Szabo and my sister Marisol drove me to Dayton."
    assert chunks.split(text) == [chunks.Piece(0, text, 0, len(text) + 1)]
    found = detector.detect(Record("t.txt", 0, 1, "t", (Field("", text),)))
    assert {text[f.start:f.end] for f in found if f.entity == "PERSON"} >= {"Loretta Szabo"}


# -- gated Presidio recognizers --------------------------------------------------

TRICKY_PHONES = [
    "call 1645 now", "Tel: 01645", "(1) 645", "+49 30 1234567", "937-555-0142", "(937) 555 0142 ext. 12",
    "Call me on 07700 900123 or +44 7700 900123.", "born 1958, dosed 30 mg", "tel. 16 45 and 12:30",
    "+1 (800) 555-0199x123", "1-800-555-0199", "0049 30 12345678", "on 12/03/2019 at 10:30",
]


@pytest.mark.parametrize("text", TRICKY_PHONES + fixture_texts())
def test_windowed_phone_recognizer_finds_what_presidio_finds(text):
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    plain = sorted((r.start, r.end, r.score) for r in PhoneRecognizer().analyze(text, ["PHONE_NUMBER"]))
    fast = sorted((r.start, r.end, r.score) for r in WindowedPhoneRecognizer().analyze(text, ["PHONE_NUMBER"]))
    assert fast == plain


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


# -- batch mentions ----------------------------------------------------------------------

WORDS = ["Loretta", "Szabo", "loretta", "Mason", "mason", "Will", "will", "Rose", "Mary-Jane", "O'Brien", "Ann",
         "Anna", "Port Alder", "port", "alder", "Dr", "Cedar Falls", "cedar", "SZABO", "@Will", "Loretta's"]


def _one_alternation(index: MentionIndex, text: str):
    """The former implementation: one regular expression of every value."""
    out = []
    loose, exact = _alternation(index.loose, re.IGNORECASE), _alternation(index.exact, 0)
    if loose:
        out += [(m.start(), m.end(), index.loose[" ".join(m.group(0).split()).casefold()]) for m in loose.finditer(text)]
    if exact:
        out += [(m.start(), m.end(), index.exact[" ".join(m.group(0).split())]) for m in exact.finditer(text)]
    return out


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join),
                       st.sampled_from(["PERSON", "LOCATION"]), max_size=6),
       st.lists(st.sampled_from(WORDS + [",", ".", "x", "  ", "\n", "-"]), max_size=30).map(" ".join))
def test_indexed_mentions_match_one_big_alternation(values, text):
    index = MentionIndex(values)
    assert index.find(text) == _one_alternation(index, text)


@pytest.mark.parametrize("values, text", [
    ({"Mason": "PERSON", "@Will Mason": "PERSON"}, "@Will Mason"),   # found by hypothesis
    ({"Mason @Will": "PERSON", "@Will": "PERSON"}, "Mason @Will and @Will"),
])
def test_a_mention_inside_a_longer_one_is_not_found_twice(values, text):
    index = MentionIndex(values)
    assert index.find(text) == _one_alternation(index, text)
    spans = sorted((a, b) for a, b, _ in index.find(text))
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_mentions_cost_does_not_grow_with_the_batch():
    rng = random.Random(5)
    many = {f"{rng.choice('BCDFGHJKLMNPRSTVZ')}{''.join(rng.choice('aeiou') + rng.choice('lmnrst') for _ in range(3))} Zq{i}": "PERSON"
            for i in range(50_000)}
    index = MentionIndex({**many, "Loretta Szabo": "PERSON"})
    text = "My friend Loretta Szabo and I went to group. " * 40
    start = time.perf_counter()
    for _ in range(20):
        found = index.find(text)
    assert len(found) == 40
    assert time.perf_counter() - start < 2.0  # one regex of 50,000 names took minutes


# -- stand-ins settled before pass 2 ------------------------------------------------

def test_finishing_in_any_order_gives_the_same_outcomes(processor, rules):
    key = Key(TEST_KEY.encode(), "test")
    plans = processor.planner.plan_many(corpus_records(rules, 30, 400, seed=11))

    def finish(order):
        s = Surrogates(key)
        for p in plans:
            observe(p, s)
        s.freeze()
        f = Finisher(rules, key, processor.detector.scanner, s)
        return {p.record.index: f.finish(p).texts for p in order}

    shuffled = plans[:]
    random.Random(2).shuffle(shuffled)
    assert finish(plans) == finish(shuffled) == finish(list(reversed(plans)))


# -- engines -------------------------------------------------------------------------------

def test_chunked_by_count_and_by_size_small_ones_first():
    assert list(chunked(range(12), records=4)) == [[0], [1, 2], [3, 4, 5, 6], [7, 8, 9, 10], [11]]
    assert list(chunked(["aaaa", "b", "cccc", "d", "e"], len, records=10, chars=5)) == [["aaaa"], ["b", "cccc"], ["d", "e"]]
    assert list(chunked([])) == []


def test_in_order_keeps_order_and_bounds_what_is_in_flight():
    in_flight, most = set(), [0]
    lock = threading.Lock()

    class Job:
        def __init__(self, chunk):
            self.chunk = chunk
            with lock:
                in_flight.add(id(self))
                most[0] = max(most[0], len(in_flight))

        def get(self):
            with lock:
                in_flight.discard(id(self))
            return [x * 10 for x in self.chunk]

    consumed = []

    def source():
        for i in range(50):
            consumed.append(i)
            yield [i]

    out = in_order(Job, Job.get, source(), window=3)
    assert next(out) == 0 and len(consumed) <= 4  # lazy: reads only what the window holds
    assert [0] + list(out) == [i * 10 for i in range(50)]
    assert most[0] <= 3


def test_default_workers_is_the_cores_this_process_may_use(monkeypatch):
    import os

    assert default_workers() == len(os.sched_getaffinity(0))


def test_without_workers_option_one_worker_per_core_is_used(monkeypatch, tmp_path):
    seen = {}
    import deid.run.pipeline as pipeline

    real = pipeline.engine_for

    def spy(rules, roster, key, workers, *rest):
        seen["workers"] = workers
        return real(rules, roster, key, 1, *rest)

    monkeypatch.setattr("deid.run.pipeline.engine_for", spy)
    monkeypatch.delenv("DEID_WORKERS")
    result = CliRunner().invoke(cli, ["run", str(SAMPLES / "interview-notes.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert seen["workers"] is None  # engine_for turns None into default_workers()


@pytest.mark.parametrize("args, message", [
    (["--engine", "dask"], "--engine dask needs --scheduler ADDRESS"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler is for --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "--workers is for --engine local"),
])
def test_engine_options_are_checked(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_two_workers_give_the_bytes_of_one_on_a_generated_batch(tmp_path):
    src = tmp_path / "batch.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in generate(150, 500, seed=5)), encoding="utf-8")
    outs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"w{workers}"
        result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--workers", workers],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outs[workers] = out
    for name in ("batch.jsonl", "deid-audit.jsonl"):
        assert (outs["1"] / name).read_bytes() == (outs["2"] / name).read_bytes(), name


def test_the_local_engine_reads_records_only_as_it_needs_them(rules, processor):
    """An endless stream: the first plans come back without reading it all."""
    from itertools import count, islice

    from deid.run.engines import LocalEngine

    engine = LocalEngine.__new__(LocalEngine)  # the session's planner, not a second model load
    engine.rules, engine.key, engine.planner = rules, None, processor.planner
    read = []

    def endless():
        for i in count():
            read.append(i)
            yield Record("s.txt", i, i + 1, f"r{i}", (Field("", f"Note {i}: my sponsor Chase Miller called."),))

    plans = list(islice(engine.plan(endless()), 5))
    assert [p.record.index for p in plans] == [0, 1, 2, 3, 4]
    assert len(read) <= 8


def test_a_worker_process_that_dies_stops_the_run_and_publishes_nothing(tmp_path):
    import multiprocessing
    import os
    import signal

    from deid.core.errors import WorkerLost
    from deid.run.pipeline import RunOptions, run

    src = tmp_path / "batch.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in generate(120, 300, seed=4)), encoding="utf-8")
    seen = []

    def on_record(plan):
        seen.append(plan)
        if len(seen) == 10:
            os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    out = tmp_path / "out"
    with pytest.raises(WorkerLost, match="a worker process died"):
        run(RunOptions([src], out, workers=2, on_record=on_record))
    assert list(out.iterdir()) == []
    assert not (tmp_path / "out.quarantine").exists()


def test_detection_does_not_grow_the_model_vocabulary(processor):
    """Every phone number, email and id is a new word to spaCy; kept, they
    would grow a worker for as long as the batch lasts."""
    nlp = processor.detector.nlp_engine.nlp[processor.rules.language]
    before = len(nlp.vocab.strings)
    records = [Record("s.txt", i, i + 1, f"r{i}", (Field("", f"Call Zqx{i}vort at 937-555-{i:04d} or z{i}q@example.org."),))
               for i in range(200)]
    processor.planner.plan_many(records)
    assert len(nlp.vocab.strings) == before
