"""Unit tests for modules the CLI tests reach only from outside: inputs
(which files a run reads and where they land), the quarantine, the YAML
source map, and the one reader of a published folder (marks)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from deid.core.errors import UsageError
from deid.core.keys import Key
from deid.core.layout import WORK_SUFFIX
from deid.core.model import Outcome, Record
from deid.policy.yamlsource import load_yaml
from deid.read.inputs import collect
from deid.run.quarantine import NAME, Quarantine

from .conftest import TEST_KEY, write


# -- inputs ---------------------------------------------------------------------------


def test_a_folder_is_walked_in_a_stable_order_skipping_what_is_not_input(tmp_path):
    root = tmp_path / "in"
    for rel in ("b.txt", "a/z.jsonl", "a/y.csv", ".hidden.txt", ".git/c.txt", "deid-audit.jsonl",
                f"x{WORK_SUFFIX}/plans.jsonl", "notes.docx", "skip/me.txt"):
        write(root / rel, "x\n")
    found, notes = collect([root], exclude=[root / "skip"])
    assert [i.relpath for i in found] == ["b.txt", "a/y.csv", "a/z.jsonl"]  # a folder's files, then its folders
    assert all(i.root == root for i in found)
    assert notes == [f"{(root / 'notes.docx').as_posix()}: skipped, not a supported format (.csv .json .jsonl .md .txt)"]


def test_a_file_lands_under_its_name_and_names_go_through_the_given_mapping(tmp_path):
    f = write(tmp_path / "x" / "interview.md", "x")
    found, _ = collect([f], exclude=[], name=lambda rel: "file-0." + rel.rsplit(".", 1)[1])
    assert [(i.path, i.relpath, i.root) for i in found] == [(f, "file-0.md", f.parent)]
    assert found[0].shown == (f.parent / "file-0.md").as_posix()


@pytest.mark.parametrize("paths, message", [
    ([], "no input given"),
    (["missing.txt"], "missing.txt: no such file or folder"),
    (["a.docx"], "a.docx: unsupported file type"),
])
def test_inputs_that_cannot_be_read_are_refused(tmp_path, paths, message):
    write(tmp_path / "a.docx", "x")
    with pytest.raises(UsageError, match=message):
        collect([tmp_path / p for p in paths], exclude=[])


def test_two_inputs_with_one_output_path_are_refused_for_a_run_not_for_a_check(tmp_path):
    a, b = write(tmp_path / "1" / "s.txt", "x"), write(tmp_path / "2" / "s.txt", "y")
    with pytest.raises(UsageError, match="would both be written to s.txt"):
        collect([a, b], exclude=[])
    assert len(collect([a, b], exclude=[], outputs=False)[0]) == 2


# -- quarantine -------------------------------------------------------------------------


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


# -- YAML with lines ----------------------------------------------------------------------


def test_yaml_values_keep_their_lines():
    doc = load_yaml("version: 1\nentities:\n  PERSON:\n    action: keep\nallow:\n  - kratom\n  - {term: Chase, entity: PERSON}\n")
    assert doc.data["entities"]["PERSON"]["action"] == "keep"
    assert doc.line(("entities", "PERSON", "action")) == 4
    assert doc.line(("allow", 1, "term")) == 7
    assert doc.line(("entities", "PERSON", "threshold")) == 3  # a key not there: its nearest parent's line
    assert load_yaml("").data is None


# -- the one reader of a published folder -------------------------------------------------


@pytest.fixture
def published_folder(tmp_path):
    from click.testing import CliRunner

    from deid.cli import cli

    src = write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller helped.\n")
    write(tmp_path / "in" / "b.txt", "Kratom helped my back.\n")
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(tmp_path / "pub")]).exit_code == 0
    return tmp_path / "pub"


def test_a_published_folder_is_trusted_file_by_file(published_folder):
    from deid.ledger.marks import load_marks, read_published

    key = Key(TEST_KEY.encode(), "test")
    published = read_published(published_folder, key)
    assert published is not None and published.trusted == {"a.txt": True, "b.txt": True}
    assert load_marks(published_folder, key)["a.txt"]  # the stand-in's span of a.txt
    (published_folder / "a.txt").write_text("My sponsor Chase Miller helped.\n")  # a name typed back over it
    notes: list[str] = []
    assert read_published(published_folder, key, notes).trusted == {"a.txt": False, "b.txt": True}
    assert "a.txt: changed since deid run sealed it" in notes[0]
    assert "a.txt" not in load_marks(published_folder, key)


def test_a_folder_with_another_key_or_no_ledger_is_plain_input(published_folder, tmp_path):
    from deid.ledger.marks import read_published

    notes: list[str] = []
    assert read_published(published_folder, Key(b"o" * 32, "other"), notes) is None
    assert "is read as plain text" in notes[0]
    assert read_published(tmp_path / "in", Key(TEST_KEY.encode(), "test")) is None
