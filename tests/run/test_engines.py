"""Where the passes run: stand-ins settled before pass 2 so records finish in any order,
engines that keep input order and bound what is in flight, the number of workers, and a
worker that dies."""

from __future__ import annotations

import json
import random
import sys
import threading

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.keys import Key
from deid.core.model import Field, Record
from deid.read.formats.jsontree import make_record
from deid.run.engines import chunked, default_workers, in_order
from deid.run.process import Finisher, observe
from deid.transform.surrogates import Surrogates

from tests.conftest import ROOT, SAMPLES, TEST_KEY

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402


def corpus_records(rules, n: int, chars: int = 800, seed: int = 7) -> list[Record]:
    return [make_record(row, "c.jsonl", i, i + 1, json.dumps(row), rules) for i, row in enumerate(generate(n, chars, seed))]


def test_finishing_in_any_order_gives_the_same_outcomes(processor, rules):
    key = Key(TEST_KEY.encode(), "test")
    plans = processor.planner.plan_many(corpus_records(rules, 30, 400, seed=11))

    def finish(order):
        s = Surrogates(key)
        for p in plans:
            observe(p, s)
        f = Finisher(rules, key, processor.detector.scanner, s.freeze())
        return {p.record.index: f.finish(p).texts for p in order}

    shuffled = plans[:]
    random.Random(2).shuffle(shuffled)
    assert finish(plans) == finish(shuffled) == finish(list(reversed(plans)))


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
    from deid.run.options import NoProgress, RunOptions
    from deid.run.pipeline import run

    src = tmp_path / "batch.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in generate(120, 300, seed=4)), encoding="utf-8")
    seen = []

    class Killing(NoProgress):
        def on_record(self, plan):
            seen.append(plan)
            if len(seen) == 10:
                os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)

    out = tmp_path / "out"
    with pytest.raises(WorkerLost, match="a worker process died"):
        run(RunOptions(paths=[src], out=out, workers=2, progress=Killing()))
    assert list(out.iterdir()) == []
    assert not (tmp_path / "out.quarantine").exists()


def test_detection_does_not_grow_the_model_vocabulary(processor, monkeypatch):
    """Every phone number, email and id is a new word to spaCy; kept, they
    would grow a worker for as long as the batch lasts. Only the words of the first
    texts, which the tokenizer's cache learns (``NerOnlySpacyEngine.learn``), stay."""
    engine = processor.detector.nlp_engine
    nlp = engine.nlp[processor.rules.language]
    monkeypatch.setattr(engine, "learned", 0)
    monkeypatch.setattr(engine, "learn_chars", 500)

    def records(first: int) -> list[Record]:
        return [Record("s.txt", i, i + 1, f"r{i}", (Field("", f"Call Zqx{i}vort at 937-555-{i:04d} or z{i}q@example.org."),))
                for i in range(first, first + 200)]

    before = len(nlp.vocab.strings)
    processor.planner.plan_many(records(0))
    learnt = len(nlp.vocab.strings) - before
    assert 0 < learnt < 100  # the words of the first 500 characters, about ten texts
    before = len(nlp.vocab.strings)
    processor.planner.plan_many(records(1000))
    assert len(nlp.vocab.strings) == before
