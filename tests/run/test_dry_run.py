"""``deid run --dry-run`` (issue 30): the whole run, its changes shown record by record, and
nothing written anywhere."""

from __future__ import annotations

import os
import tempfile

from click.testing import CliRunner

from deid.cli import cli

from tests.conftest import write
from tests.run.test_consent import SURVEY


def test_a_dry_run_shows_each_change_and_each_held_record_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = write(tmp_path / "in" / "survey.csv", SURVEY)
    before = set(os.listdir(tempfile.gettempdir()))
    result = CliRunner().invoke(cli, ["run", str(src), "--dry-run"])
    assert result.exit_code == 1, result.output   # records would be held back
    out = result.stdout
    assert "survey.csv:2: record row 1: published" in out
    assert "  field 'Full name': 'Ilse Marrow' -> 'Participant " in out
    assert "survey.csv:3: record row 2: held back: not published: the answer to the consent question" in out
    assert "Oskar Feldmann" not in out      # a held-back record's text is not shown
    assert "dry run: nothing was written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    assert not {n for n in set(os.listdir(tempfile.gettempdir())) - before if n.startswith("deid-dry-run-")}


def test_a_dry_run_takes_no_output_folder_and_a_run_needs_one(tmp_path):
    src = write(tmp_path / "a.txt", "Tapering off methadone took eight months.\n")
    both = CliRunner().invoke(cli, ["run", str(src), "--dry-run", "--out", str(tmp_path / "o")])
    assert both.exit_code == 2 and "writes nothing" in both.output
    neither = CliRunner().invoke(cli, ["run", str(src)])
    assert neither.exit_code == 2 and "--dry-run" in neither.output and not (tmp_path / "o").exists()
