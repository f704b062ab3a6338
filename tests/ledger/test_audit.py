"""The ledger a run writes (``audit.Ledger``), unit by unit: a hash chain from the header
to a sealed summary, findings sealed under the key and padded, fingerprints instead of
values, and nothing removed written in the clear."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from deid.core.keys import Key
from deid.core.model import Decision, Field, Finding, Outcome, Record, Redaction
from deid.ledger import audit
from deid.ledger.audit import Ledger, findings_of, fingerprint, line_of, name_parts, seal, seal_findings
from deid.ledger.published import VerifyReport, read_chain

from tests.conftest import TEST_KEY

KEY = Key(TEST_KEY.encode(), "test")
OTHER = Key(b"another-key-0123456789abcdef0123456789", "test")
TEXT = "My sponsor Loretta Szabo drove me to the clinic."
OUT = "My sponsor [PERSON] drove me to the clinic."


def _outcome(held_back: str | None = None) -> Outcome:
    record = Record("stories.txt", 0, 1, "stories.txt", (Field("text", TEXT),), raw=TEXT)
    finding = Finding("text", "PERSON", 11, 24, 0.85, "RelationNameRecognizer", "context")
    redaction = Redaction(Decision(finding, "replace", "PERSON"), 11, 19, True)
    return Outcome(record, {"text": None if held_back else OUT}, (redaction,), held_back=held_back)


def _ledger(*outcomes: Outcome, key: Key = KEY) -> list[str]:
    stream = io.StringIO()
    ledger = Ledger(stream, {"tool": "deid", "rules_sha256": "0" * 64}, key)
    for o in outcomes:
        if o.held_back:
            ledger.record(o, None, None)
        else:
            ledger.record(o, "stories.txt", OUT)
    ledger.close({"records_in": len(outcomes), "outputs": {}})
    return stream.getvalue().splitlines()


def test_each_entry_names_the_hash_of_the_line_before_it():
    lines = _ledger(_outcome(), _outcome())
    entries = [json.loads(x) for x in lines]
    assert [e["kind"] for e in entries] == ["header", "record", "record", "summary"]
    assert entries[0]["prev"] is None and entries[0]["schema"] == audit.SCHEMA and entries[0]["key_id"] == KEY.id
    for before, entry in zip(lines, entries[1:]):
        assert entry["prev"] == hashlib.sha256(before.encode("utf-8")).hexdigest()
    assert all(line_of(e) == x for e, x in zip(entries, lines))  # one canonical form per entry


def test_the_summary_is_sealed_with_the_key_and_the_chain_reads_back(tmp_path):
    lines = _ledger(_outcome())
    summary = json.loads(lines[-1])
    assert summary["hmac"] == seal(summary, KEY) != seal(summary, OTHER)
    assert summary["chain_head"] == summary["prev"]
    path = tmp_path / "deid-audit.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = VerifyReport()
    assert read_chain(path, KEY, None, report) is not None and report.ok
    path.write_text("\n".join(lines[:1] + lines[2:]) + "\n", encoding="utf-8")  # a record removed
    report = VerifyReport()
    assert read_chain(path, KEY, None, report) is None
    assert report.problems == ["deid-audit.jsonl:2: the hash chain breaks here: line 1 was edited, or a line was "
                               "removed, inserted or moved before line 2"]


def test_no_removed_value_is_written_in_the_clear():
    text = "\n".join(_ledger(_outcome(), _outcome("residual check: a removed PERSON value occurs again")))
    assert "Loretta" not in text and "Szabo" not in text and "sponsor" not in text


def test_the_findings_open_only_with_the_key_and_carry_fingerprints_not_values():
    record = json.loads(_ledger(_outcome())[1])
    assert record["removed"] == {"PERSON": 1} and record["status"] == "published" and record["residual"] == "pass"
    assert record["output_sha256"] == hashlib.sha256(OUT.encode()).hexdigest()
    assert record["input_hmac"] == KEY.mac(TEXT)
    (found,) = findings_of(record, KEY)
    assert (found["type"], found["out_start"], found["out_end"], found["changed"]) == ("PERSON", 11, 19, True)
    assert "start" not in found and "end" not in found  # no original offsets: they would give a value's length
    assert found["fingerprint"] == fingerprint(KEY, "Loretta Szabo")
    assert found["part_fingerprints"] == sorted({fingerprint(KEY, "Loretta"), fingerprint(KEY, "Szabo")})
    with pytest.raises(ValueError, match="do not open with this key"):
        findings_of(record, OTHER)


def test_a_held_back_record_has_a_reason_and_no_output():
    record = json.loads(_ledger(_outcome("residual check: a removed PERSON value occurs again"))[1])
    assert record["status"] == "held_back" and record["reason"].startswith("residual check")
    assert "output" not in record and "output_sha256" not in record


def test_sealed_findings_are_padded_so_their_length_says_little():
    one = seal_findings(KEY, [{"type": "PERSON"}])
    three = seal_findings(KEY, [{"type": "PERSON"}, {"type": "AGE"}, {"type": "ZIP_CODE"}])
    assert len(one) == len(three)


@pytest.mark.parametrize("value, parts", [
    ("Loretta Szabo", ["Loretta", "Szabo"]),
    ("Dr. Loretta de la Cruz's", ["Loretta", "Cruz"]),
    ("J. R. Okafor", ["Okafor"]),
    ("Mrs O'Brien", ["O'Brien"]),
])
def test_name_parts_leave_out_titles_particles_and_initials(value, parts):
    assert name_parts(value) == parts


def test_a_fingerprint_is_keyed_and_the_same_for_any_spacing():
    assert fingerprint(KEY, "Loretta  Szabo") == fingerprint(KEY, "Loretta Szabo") != fingerprint(OTHER, "Loretta Szabo")
