"""One project configuration (`.deid.toml` or `[tool.deid]` in pyproject.toml)
that run, check, verify, report, review and the pre-commit hook all read."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import check_main, cli
from deid.config import project_config

from tests.conftest import write


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A site repository: a rules file that keeps places, a team key file, a
    baseline and a quarantine, all named in pyproject.toml."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", '[project]\nname = "site"\n\n[tool.deid]\nrules = "deid/rules.yaml"\n'
                                       'key_file = "deid/team.key"\nbaseline = "deid/baseline.json"\nquarantine = "../held"\n')
    write(tmp_path / "deid" / "rules.yaml", "entities:\n  LOCATION: {action: keep}\n")
    write(tmp_path / "deid" / "team.key", "c6169e67893ca94cea53b68f18c247ef5a09e0ade55a6ee8d5bb6e2f68aeee24\n").chmod(0o600)
    write(tmp_path / "raw" / "a.txt", "I moved to Dayton, to 1187 Sycamore Lane, with my sponsor Chase Miller.\n")
    monkeypatch.delenv("DEID_KEY")
    return tmp_path


def test_pyproject_and_dot_deid_toml_are_found_from_a_subfolder(project, monkeypatch):
    monkeypatch.chdir(project / "raw")
    cfg = project_config()
    assert cfg.source == project / "pyproject.toml" and cfg.rules == project / "deid" / "rules.yaml"
    write(project / "raw" / ".deid.toml", 'rules = "other.yaml"\n')
    assert project_config().rules == project / "raw" / "other.yaml"


def test_every_command_reads_it(project):
    ran = invoke("run", "raw", "--out", "pub")
    assert ran.exit_code == 0, ran.stderr
    published = (project / "pub" / "a.txt").read_text()
    assert "1187 Sycamore Lane" in published and "Chase" not in published      # the configured rules
    ledger = json.loads((project / "pub" / "deid-audit.jsonl").read_text().splitlines()[0])
    assert ledger["rules_file"].startswith("file ") and "rules.yaml" not in ledger["rules_file"]
    assert invoke("verify", "pub").exit_code == 0                               # the configured key
    assert invoke("report", "pub", "-o", "report.html").exit_code == 0
    assert invoke("check", "pub").exit_code == 0
    assert invoke("check", "raw", "--update-baseline").exit_code == 0           # the configured baseline
    assert json.loads((project / "deid" / "baseline.json").read_text())["results"]
    assert check_main(["raw/a.txt"]) == 0                                       # the hook's entry point


def test_the_command_line_and_deid_key_win(project, monkeypatch):
    write(project / "strict.yaml", "extends: default\n")
    assert invoke("run", "raw", "--out", "pub", "--rules", "strict.yaml").exit_code == 0
    assert "Sycamore" not in (project / "pub" / "a.txt").read_text()
    monkeypatch.setenv("DEID_KEY", "15c208ecc732c3b4ca123134937cfd3a48468d40683a8199323640f0ba064d53")
    assert "sealed with the key whose id is" in invoke("verify", "pub").stderr  # DEID_KEY, not the key file


@pytest.mark.parametrize("text, problem", [
    ('colour = "blue"\n', "unknown key 'colour'"),
    ("rules = 3\n", "rules must be a path written as text"),
    ("rules = \n", "not valid TOML"),
])
def test_a_bad_configuration_names_the_file_and_the_key(project, text, problem):
    write(project / ".deid.toml", text)
    result = invoke("check", "raw")
    assert result.exit_code == 2 and ".deid.toml" in result.stderr and problem in result.stderr


@pytest.mark.parametrize("text", ['rules = "other.yaml"\n', '[tool.deid]\nrules = "other.yaml"\n', '[deid]\nrules = "other.yaml"\n'])
def test_dot_deid_toml_takes_the_keys_bare_or_under_the_readmes_header(project, text):
    write(project / ".deid.toml", text)
    assert project_config().rules == project / "other.yaml"


def test_key_id_names_the_key_every_other_command_uses(project):
    """`deid key id` once showed another key than `check` (issue 30): it reads key_file too."""
    result = invoke("key", "id")
    assert result.exit_code == 0 and "team.key" in result.stdout


def test_init_makes_the_key_first_then_the_projects_files_and_writes_over_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DEID_KEY")
    result = invoke("init", "--key-file", "team.key")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "team.key").stat().st_mode & 0o077 == 0 and "made a new key" in result.stderr
    cfg = project_config()
    assert (cfg.rules, cfg.baseline, cfg.key_file) == (tmp_path / "deid-rules.yaml", tmp_path / ".deid-baseline.json",
                                                       tmp_path / "team.key")
    assert (tmp_path / ".gitattributes").read_text() == ".deid-baseline.json merge=union\n"
    assert "id: deid-check" in result.stdout and "DEID_KEY" in result.stdout
    key_id = invoke("key", "id").stdout.split()[0]
    assert key_id in result.stderr                                  # the key every command uses
    write(tmp_path / "post.md", "Tapering off methadone took eight months.\n")
    assert invoke("check", ".").exit_code == 0                       # its own files pass the gate
    assert invoke("allow", "Bridgeway Clinic").exit_code == 0        # the project's rules take terms
    again = invoke("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
