"""Record ids that hold names: published as keyed stand-ins, the same in the
output, the ledger, the report and every message."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.keys import Key
from deid.read import ids

from tests.conftest import TEST_KEY, write

KEY = Key(TEST_KEY.encode(), "test")


@pytest.mark.parametrize("value, plain", [
    ("response-0042", True), ("row 3", True), ("post_17b", True), ("42", True), ("R_3kF9aXq2", True), ("R_7x2KpQ", True), ("jsmith1985", False), ("petra2", False),
    ("7f3a9c2e-4b1d-4e6a-9c1f-2b7d8e9f0a1b", True), ("post-12", True), ("#3", True),
    ("tobias-renwick", False), ("helga.strand", False), ("kvandermeer", False), ("story-grace-12", False),
    ("mason_03", False), ("interview-with-petra-lindqvist", False), ("P. Lindqvist", False),
    ("id-0123456789ab", True), ("file-abcdefabcdef.md", True),   # stand-ins stay themselves when run again
])
def test_which_ids_are_plain(value, plain):
    assert ids.plain(value) is plain


def test_a_stand_in_is_keyed_stable_and_tells_case_apart():
    a = ids.public("tobias-renwick", KEY)
    assert a == ids.public("tobias-renwick", KEY) and a.startswith("id-") and len(a) == 15
    assert a != ids.public("Tobias-Renwick", KEY)
    assert a != ids.public("tobias-renwick", Key(b"another key", "test"))
    assert ids.public(a, KEY) == a


def _run(tmp_path, *files):
    out = tmp_path / "pub"
    result = CliRunner().invoke(cli, ["run", *map(str, files), "--out", str(out)], catch_exceptions=False)
    return out, result


def test_named_ids_are_not_published_anywhere(tmp_path):
    jsonl = write(tmp_path / "in" / "a.jsonl",
                  '{"id": "tobias-renwick", "text": "My sister drove me to group."}\n'
                  '{"id": "response-0042", "text": "I was fine."}\n')
    csv = write(tmp_path / "in" / "b.csv", "record_id,story\ntobias-renwick,I slept well.\nhelga.strand,a,b\n")
    out, result = _run(tmp_path, jsonl, csv)
    assert result.exit_code == 1  # the ragged row is held back
    stand_in = ids.public("tobias-renwick", KEY)
    published = [json.loads(x) for x in (out / "a.jsonl").read_text().splitlines()]
    assert [r["id"] for r in published] == [stand_in, "response-0042"]
    assert (out / "b.csv").read_text().splitlines()[1] == f"{stand_in},I slept well."
    ledger = (out / "deid-audit.jsonl").read_text()
    report = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(out), "-o", str(report)]).exit_code == 0
    for where in (ledger, report.read_text(), result.output + result.stderr):
        assert "renwick" not in where.lower() and "strand" not in where.lower()
    assert ids.public("helga.strand", KEY) in result.stderr
    held = [json.loads(x) for x in (tmp_path / "pub.quarantine" / "held-back.jsonl").read_text().splitlines()]
    assert [(h["file"], h["id"]) for h in held] == [(str(csv), ids.public("helga.strand", KEY))]  # the operator finds it
    assert [json.loads(x).get("id") for x in ledger.splitlines()].count(stand_in) == 2
    verify = CliRunner().invoke(cli, ["verify", str(out)])
    assert verify.exit_code == 0, verify.output


def test_a_json_id_that_is_a_number_keeps_its_type(tmp_path):
    src = write(tmp_path / "in" / "a.json", '[{"id": 17, "text": "I was fine."}]')
    out, result = _run(tmp_path, src)
    assert result.exit_code == 0
    assert json.loads((out / "a.json").read_text())[0]["id"] == 17


@pytest.mark.parametrize("value, named", [
    ("tobias-renwick", True), ("helga.strand", True), ("interview-with-petra-lindqvist", True), ("PetraLindqvist", True),
    ("jsmith1985", True), ("petra2", True), ("kvandermeer", True), ("wt@example.org", True),
    # no name with evidence: unknown words, words first, machine-made parts (issue 30)
    ("qualtrics_export", False), ("tab", False), ("cadec-17", False), ("psytar_posts", False), ("forum-posts", False),
    ("response-0042", False), ("R_7x2KpQ", False), ("story-grace-12", False), ("hope-again", False),
    ("id-0123456789ab", False), ("file-abcdefabcdef.md", False),
])
def test_an_id_or_a_file_name_is_renamed_only_when_it_holds_a_name(value, named):
    assert ids.holds_a_name(value) is named


def test_a_word_of_the_records_known_names_or_the_roster_is_evidence():
    assert not ids.holds_a_name("notes-okwuosa")
    assert ids.holds_a_name("notes-okwuosa", ids.name_words(["Ada Okwuosa"]))
    record_id = ids.public("okwuosa-03", KEY, ids.name_words(["Ada Okwuosa"]))
    assert record_id.startswith("id-") and ids.public("okwuosa-03", KEY) == "okwuosa-03"


def test_a_plain_name_is_the_same_under_every_key():
    """Another team key renames no published post (its name is its URL)."""
    other = Key(b"another key entirely, thirty-two bytes or more", "test")
    for name in ("qualtrics_export.csv", "content/stories/first-year-on-bupe.md", "tab.jsonl"):
        assert ids.public_file_path(name, KEY) == ids.public_file_path(name, other) == name


@pytest.mark.parametrize("path, plain", [
    ("survey-export.csv", True), ("2024/forum-posts.jsonl", True), ("notes.txt", True),
    ("qualtrics_export.csv", True), ("tab.jsonl", True), ("cadec.jsonl", True),
    ("interview-with-petra-lindqvist.md", False), ("tobias/stories.jsonl", False), ("helga.strand.json", False),
])
def test_which_file_names_are_plain(path, plain):
    assert (ids.public_file_path(path, KEY) == path) is plain


def test_a_keyed_file_name_keeps_its_type_and_is_stable():
    name = ids.public_file_path("interview-with-petra-lindqvist.md", KEY)
    assert name.startswith("file-") and name.endswith(".md") and "petra" not in name
    assert ids.public_file_path(name, KEY) == name
    assert ids.public_file_path("tobias/a.jsonl", KEY).split("/")[0] == ids.public_file_path("tobias/b.jsonl", KEY).split("/")[0]


def test_named_files_and_folders_are_not_published_anywhere(tmp_path):
    src = tmp_path / "in"
    write(src / "interview-with-petra-lindqvist.md", "My sister drove me to group.\n")
    write(src / "tobias" / "stories.jsonl", '{"id": "1", "text": "I was fine."}\n{"id": "2", "text": "ok", "x": [}\n')
    write(src / "petra-lindqvist.docx", "x")
    out, result = _run(tmp_path, src)
    assert result.exit_code == 1  # the broken line is held back
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == sorted(["deid-audit.jsonl", ids.public_file_path("interview-with-petra-lindqvist.md", KEY),
                            ids.public_file_path("tobias/stories.jsonl", KEY)])
    report = tmp_path / "report.html"
    assert CliRunner().invoke(cli, ["report", str(out), "-o", str(report)]).exit_code == 0
    for where in ((out / "deid-audit.jsonl").read_text(), report.read_text(), result.output + result.stderr):
        assert "petra" not in where.lower() and "tobias" not in where.lower()
    assert "skipped, not a supported format" in result.stderr and ids.public_file_path("tobias", KEY) in result.stderr
    assert CliRunner().invoke(cli, ["verify", str(out)]).exit_code == 0
