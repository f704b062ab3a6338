"""The quarantine keeps each held-back record privately, and never overwrites or removes a list
another run wrote."""

from __future__ import annotations

import json
import os
from pathlib import Path

from deid.core.model import Outcome, Record
import pytest

from deid.core.layout import TEMP_PREFIX
from deid.run.quarantine import NAME, Quarantine, sweep

from tests.conftest import write


def _held(raw: str, reason: str = "residual check: a removed PERSON value occurs again") -> Outcome:
    return Outcome(Record("file-1.jsonl", 0, 3, "id-0f", (), raw=raw), {}, (), held_back=reason)


def test_the_quarantine_keeps_each_held_back_record_privately(tmp_path):
    q = Quarantine(tmp_path / "q")
    q.add(_held('{"text": "Ilse Marek"}'), Path("in/ilse.jsonl"))
    q.add(_held("bad \udce9 bytes", "bytes that are not valid in the file's encoding"), Path("in/b.txt"))
    q.close()
    path = tmp_path / "q" / NAME
    entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert q.count == 2 and os.stat(path).st_mode & 0o077 == 0
    assert entries[0] == {"file": "in/ilse.jsonl", "source": "file-1.jsonl", "line": 3, "id": "id-0f",
                          "reason": "residual check: a removed PERSON value occurs again", "original": '{"text": "Ilse Marek"}'}
    assert entries[1]["original"] == "bad \ufffd bytes"


def test_a_run_that_holds_nothing_back_leaves_earlier_lists_alone(tmp_path):
    write(tmp_path / "q" / NAME, '{"original": "an earlier run"}\n')
    q = Quarantine(tmp_path / "q")
    q.close()
    assert q.path is None and (tmp_path / "q" / NAME).read_text() == '{"original": "an earlier run"}\n'


@pytest.mark.parametrize("runs", [2, 3, 5])
def test_runs_sharing_a_quarantine_each_keep_their_own_list(tmp_path, runs):
    paths = []
    for n in range(runs):
        q = Quarantine(tmp_path / "q")
        q.add(_held(f'{{"text": "Bohdan Lisowski, run {n}"}}'), Path("in/a.jsonl"))
        q.close()
        paths.append(q.path)
    assert [p.name for p in paths] == [NAME] + [f"held-back-{n}.jsonl" for n in range(2, runs + 1)]
    for n, path in enumerate(paths):
        assert json.loads(path.read_text())["original"] == f'{{"text": "Bohdan Lisowski, run {n}"}}'
        assert os.stat(path).st_mode & 0o077 == 0
    assert not list((tmp_path / "q").glob(f"{TEMP_PREFIX}*"))


def test_a_name_taken_while_a_run_writes_is_not_replaced(tmp_path):
    """Two runs at once: the one that finishes second takes the next free name."""
    first, second = Quarantine(tmp_path / "q"), Quarantine(tmp_path / "q")
    first.add(_held("record of the first run"), Path("a.txt"))
    second.add(_held("record of the second run"), Path("b.txt"))
    second.close()
    first.close()
    assert json.loads(second.path.read_text())["original"] == "record of the second run"
    assert first.path.name == "held-back-2.jsonl"
    assert json.loads(first.path.read_text())["original"] == "record of the first run"


def test_the_sweep_removes_a_killed_runs_list_but_not_a_running_ones(tmp_path):
    running = Quarantine(tmp_path / "q")
    running.add(_held("still being written"), Path("a.txt"))
    write(tmp_path / "q" / f"{TEMP_PREFIX}killed", "left by a kill -9\n")
    sweep(tmp_path / "q")
    left = sorted(p.name for p in (tmp_path / "q").iterdir())
    assert len(left) == 1 and left[0].startswith(TEMP_PREFIX) and left[0] != f"{TEMP_PREFIX}killed"
    running.close()
    assert json.loads(running.path.read_text())["original"] == "still being written"
