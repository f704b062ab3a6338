"""The quarantine keeps each held-back record privately, and a clean run removes a stale list."""

from __future__ import annotations

import json
import os
from pathlib import Path

from deid.core.model import Outcome, Record
from deid.run.quarantine import NAME, Quarantine

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


def test_a_run_that_holds_nothing_back_removes_a_stale_list(tmp_path):
    write(tmp_path / "q" / NAME, "{}\n")
    Quarantine(tmp_path / "q").close()
    assert not (tmp_path / "q" / NAME).exists()
