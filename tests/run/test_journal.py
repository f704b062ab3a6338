"""The run's journal (``journal``): plans kept as JSON lines, read back as the
same plans, and never anything but plans."""

from __future__ import annotations

import json

import pytest

from deid.core.model import ColumnRule, Decision, Field, Finding, Known, Plan, Record
from deid.run import journal as journal_


def _plans() -> list[Plan]:
    col = ColumnRule("email", "(.*_)?e_?mail", "pseudonym", "EMAIL_ADDRESS", True, "[EMAIL-{n}]")
    json_record = Record(
        "a.jsonl", 0, 1, "r-1", (Field("/text", "Ilse Marek wrote\n\u2028again"), Field("/mail", "i.m@example.org", col)),
        known=(Known("EMAIL_ADDRESS", "i.m@example.org", "email"),), raw='{"text": "..."}',
        payload=({"text": "Ilse Marek wrote", "n": [1, 2.5, None, True], "k": {"": "x"}}, {"/text": ("text",), "/n/0": ("n", 0)}),
        marked=(("/text", 0, 4),), id_path="/id")
    csv_record = Record("b.csv", 3, 5, "row 4", (Field("Story", "fine", None, None),), payload=["4", "fine"],
                        raw="4,caf\udce9\n", error="bytes that are not valid in the file's encoding")  # read with surrogateescape
    finding = Finding("/text", "PERSON", 0, 10, 0.85, "SpacyRecognizer", "model")
    return [
        Plan(json_record, (Decision(finding, "pseudonym", "entities.PERSON", (("style", "realistic"),)),)),
        Plan(csv_record, (), held_back="row has 3 fields, the header has 2"),
    ]


def test_plans_come_back_as_they_were_added(tmp_path):
    plans = _plans()
    with journal_.Journal(tmp_path / "work", {"run": 1}) as journal:
        for p in plans:
            journal.add(p)
        assert list(journal.take(len(plans))) == plans
    assert not (tmp_path / "work").exists()


def test_a_resumed_journal_replays_whole_plans_and_cuts_a_torn_tail(tmp_path):
    plans = _plans()
    work = tmp_path / "work"
    journal = journal_.Journal(work, {"run": 1}).__enter__()
    for p in plans:
        journal.add(p)
    journal._out.write(b'{"t": "Plan", "v": {"rec')  # a kill in the middle of a line
    journal._out.close()
    with journal_.Journal(work, {"run": 1}, resume=True) as again:
        assert again.replayed == 2 and list(again.replay()) == plans


@pytest.mark.parametrize("line", [
    {"t": "Popen", "v": {"args": ["touch", "/tmp/x"]}},            # a type outside the list builds nothing
    {"t": "tuple", "v": [1, 2]},                                      # not a plan
    {"t": "Plan", "v": {"record": None, "decisions": [], "evil": 1}},  # a field no plan has
])
def test_a_changed_journal_builds_nothing_else(tmp_path, line):
    work = tmp_path / "work"
    journal = journal_.Journal(work, {"run": 1}).__enter__()
    journal.add(_plans()[0])
    journal._out.write(json.dumps(line).encode() + b"\n")
    journal._out.close()
    with journal_.Journal(work, {"run": 1}, resume=True) as again:
        assert again.replayed == 1  # the first plan; the changed line and what follows are cut off
