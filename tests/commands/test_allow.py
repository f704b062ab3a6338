"""``deid allow TERM`` (issue 30): a false positive fixed in the project's rules, the file's
other lines kept, and the next run keeps the term."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.policy.rules import load_rules
from deid.policy.ruleset import normalize_term

from tests.conftest import write


def allow(*args):
    return CliRunner().invoke(cli, ["allow", *map(str, args)])


@pytest.mark.parametrize("before, after", [
    (None, 'extends: default\nallow:\n  - "Bridgeway Clinic"\n'),
    ("extends: default\n", 'extends: default\nallow:\n  - "Bridgeway Clinic"\n'),
    ("allow: []\nentities:\n  LOCATION: {action: keep}\n",
     'allow:\n  - "Bridgeway Clinic"\nentities:\n  LOCATION: {action: keep}\n'),
    ("# ours\nallow:\n  - Lexapro   # a drug\n\ndeny: []\n",
     '# ours\nallow:\n  - Lexapro   # a drug\n  - "Bridgeway Clinic"\n\ndeny: []\n'),
])
def test_a_term_is_added_as_the_last_line_of_the_allow_list(tmp_path, before, after):
    rules = tmp_path / "r.yaml"
    if before is not None:
        write(rules, before)
    result = allow("Bridgeway Clinic", "--rules", rules)
    assert result.exit_code == 0, result.output
    assert rules.read_text() == after
    assert ("*", normalize_term("Bridgeway Clinic")) in load_rules(rules).allow


def test_for_one_type_and_only_once(tmp_path):
    rules = tmp_path / "r.yaml"
    assert allow("Hope", "--type", "ORGANIZATION", "--rules", rules).exit_code == 0
    assert ("ORGANIZATION", "hope") in load_rules(rules).allow
    again = allow("Hope", "--type", "ORGANIZATION", "--rules", rules)
    assert again.exit_code == 0 and "allows them already" in again.stderr
    assert rules.read_text().count("Hope") == 1


def test_the_next_run_keeps_the_term(tmp_path):
    src = write(tmp_path / "in" / "a.txt", "Group at Bridgeway Clinic every Tuesday got me through.\n")
    rules = tmp_path / "r.yaml"
    assert allow("Bridgeway Clinic", "--rules", rules).exit_code == 0
    ran = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out"), "--rules", str(rules)])
    assert ran.exit_code == 0 and "Bridgeway Clinic" in (tmp_path / "out" / "a.txt").read_text()


@pytest.mark.parametrize("args, problem", [
    (["x"], "no project rules file"),
    (["x", "--rules", "strict"], "a profile deid ships"),
    (["x", "--type", "person", "--rules", "r.yaml"], "in capitals"),
    (["x", "--type", "PERSNO", "--rules", "r.yaml"], "unknown entity type 'PERSNO'; did you mean PERSON?"),
])
def test_what_cannot_be_added_says_why_and_changes_nothing(tmp_path, monkeypatch, args, problem):
    monkeypatch.chdir(tmp_path)
    result = allow(*args)
    assert result.exit_code == 2 and problem in result.output
    assert not (tmp_path / "r.yaml").exists()
