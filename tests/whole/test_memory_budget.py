"""The memory budget of one record (issue 28, ``deid run --record-memory-mb``):
a record that grows a process's memory by more than its budget is held back
with that reason, in this process or in worker processes, and the run goes on.

The record over its budget is ``memory_hog``'s: its decide step holds 256 MB of
real memory for a moment, against a budget of 64 MB; the records beside it
grow the process by a few MB at most (checked below on this machine), so the
test neither needs gigabytes of input nor depends on how the allocator reuses memory.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core import budget
from deid.core.keys import Key
from deid.core.model import Field, Record
from deid.run import engines, process
from deid.run.options import RunSummary
from deid.run.pipeline import process_batch

from tests.conftest import TEST_KEY, write
from tests.whole import memory_hog

KEY = Key(TEST_KEY.encode(), "test")
MB = budget.MB
STORIES = ["Nine months off kratom now, and I sleep through the night.",
           "The gabapentin taper took six weeks; the dizziness faded after the first.",
           "My counsellor suggested a diary of every dose, and it helped."]


def _record(index: int, text: str, rid: str | None = None) -> Record:
    return Record("stories.jsonl", index, index + 1, rid or f"s{index}", (Field("/text", text),), raw="")


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_record_over_its_memory_budget_is_held_back_and_the_others_published(monkeypatch, rules, workers):
    """The hog shares a chunk with the story after it (chunks of 1, 2, 4 records): the
    chunk goes over, each of its records is tried alone, and only the hog is held back."""
    if workers == 1:
        monkeypatch.setattr(process, "decide", memory_hog.hogging(process.decide))
    else:  # each worker process installs the hog as it starts
        monkeypatch.setattr(engines, "_start_worker", memory_hog.start_worker)
    records = [_record(0, STORIES[0]), _record(1, "An ordinary answer, as far as the text goes.", memory_hog.HOG),
               _record(2, STORIES[1]), _record(3, STORIES[2])]
    outcomes = process_batch(records, rules, KEY, workers=workers, limits=budget.Limits(seconds=None, megabytes=64))
    assert [o.held_back is None for o in outcomes] == [True, False, True, True]
    assert outcomes[1].held_back == ("processing took more than 64 MB of memory, the limit for one record "
                                     "(--record-memory-mb); split the record, or raise the limit")
    assert [o.texts.get("/text", s) for o, s in zip(outcomes[2:], STORIES[1:])] == STORIES[1:]


@pytest.mark.slow
def test_ordinary_records_stay_far_below_the_budget_of_the_test(processor):
    """What the test above relies on: deciding and finishing a short story grows
    the process by a few MB at most (the model already loaded), well below 64 MB."""
    grown = []
    for i, story in enumerate(STORIES * 2):
        before = budget.resident()
        processor.process(_record(i, story))
        grown.append(budget.resident() - before)
    assert max(grown) < 16 * MB, [g // MB for g in grown]


@pytest.mark.parametrize("megabytes, grows, over", [
    (None, 10_000, False),   # no limit
    (0, 10_000, False),      # 0: no limit
    (64, 63, False),
    (64, 65, True),
])
def test_the_budget_compares_memory_with_the_level_at_the_start(monkeypatch, megabytes, grows, over):
    level = [500 * MB]
    monkeypatch.setattr(budget, "resident", lambda: level[0])
    with budget.limit(megabytes=megabytes):
        level[0] += grows * MB
        if over:
            with pytest.raises(budget.OverMemory) as caught:
                budget.check()
            assert "more than 64 MB of memory" in caught.value.reason() and "--record-memory-mb" in caught.value.reason()
        else:
            budget.check()
    budget.check()  # outside every limit: nothing


def test_memory_is_read_at_most_every_sample_interval(monkeypatch):
    reads = []
    monkeypatch.setattr(budget, "resident", lambda: reads.append(1) or 500 * MB)
    with budget.limit(megabytes=64):
        for _ in range(10_000):
            budget.check()
    assert 1 <= len(reads) <= 3  # the start, the first check, maybe one more: not 10,000


def test_a_nested_memory_budget_never_extends_the_outer_one(monkeypatch):
    level = [500 * MB]
    monkeypatch.setattr(budget, "resident", lambda: level[0])
    with budget.limit(megabytes=10):
        with budget.limit(seconds=100, megabytes=1000):
            level[0] += 20 * MB
            with pytest.raises(budget.OverMemory, match="10"):
                budget.check()


def test_this_process_memory_can_be_read():
    assert 1 * MB < budget.resident() < 1 << 40


@pytest.mark.parametrize("value, problem", [
    ("-1", "-1"),
    ("nan", "give a number"),
    ("lots", "lots"),
])
def test_a_bad_budget_on_the_command_line_is_refused(tmp_path, value, problem):
    src = write(tmp_path / "a.txt", "Nothing to see.\n")
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out"), "--record-memory-mb", value],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert "--record-memory-mb" in result.output and problem in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("config, args, seconds, megabytes", [
    ("", [], budget.RECORD_SECONDS, budget.RECORD_MEGABYTES),                 # deid's defaults
    ("record_memory_mb = 300\nrecord_seconds = 45\n", [], 45.0, 300.0),      # the project's
    ("record_memory_mb = 300\n", ["--record-memory-mb", "900"], budget.RECORD_SECONDS, 900.0),  # the command line wins
    ("record_memory_mb = 300\n", ["--record-memory-mb", "0", "--record-seconds", "0"], None, None),  # 0: no limit
])
def test_the_budget_comes_from_the_command_line_the_configuration_or_deid(tmp_path, monkeypatch, config, args,
                                                                          seconds, megabytes):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".deid.toml", config)
    src = write(tmp_path / "a.txt", "Nothing to see.\n")
    seen = []
    monkeypatch.setattr("deid.cli.run", lambda opts: seen.append(opts) or RunSummary())
    CliRunner().invoke(cli, ["run", str(src), "--out", "out", *args], catch_exceptions=False)
    assert (seen[0].record_seconds, seen[0].record_megabytes) == (seconds, megabytes)


@pytest.mark.parametrize("text", ["record_memory_mb = -5\n", 'record_memory_mb = "2 GB"\n', "record_seconds = true\n",
                                  "record_memory_mb = nan\n"])
def test_a_bad_budget_in_the_configuration_names_the_file_and_the_key(tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".deid.toml", text)
    src = write(tmp_path / "a.txt", "Nothing to see.\n")
    result = CliRunner().invoke(cli, ["run", str(src), "--out", "out"], catch_exceptions=False)
    key = text.split(" ", 1)[0]
    assert result.exit_code == 2
    assert ".deid.toml" in result.stderr and f"{key} must be a number of" in result.stderr and "0 or more" in result.stderr


def test_a_warm_up_that_fails_stops_no_run_and_each_record_is_held_back(monkeypatch, rules):
    """The engines warm up on an invented record (``process.WARM_UP``); a step that fails
    there fails on the records too, and holds each back, as it did before the warm-up."""
    def broken(record, findings, rules):
        raise RuntimeError("decide broke")

    monkeypatch.setattr(process, "decide", broken)
    outcomes = process_batch([_record(0, STORIES[0]), _record(1, STORIES[1])], rules, KEY)
    assert [o.held_back for o in outcomes] == ["processing failed (RuntimeError)"] * 2
