"""The README's examples run, and every rules key and action is documented."""

from __future__ import annotations

import re
import shlex
import shutil

from click.testing import CliRunner

from deid.cli import cli
from deid.policy.actions import COLUMN_ACTIONS, ENTITY_ACTIONS
from deid.policy.schema import TOP_KEYS

from tests.conftest import ROOT, write

README = (ROOT / "README.md").read_text(encoding="utf-8")
RULES_DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_readme_quick_start_is_exactly_the_two_make_commands():
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_readme_console_examples_run(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    write(tmp_path / "roster.txt", "Octavia Brandtweiler\n")
    write(tmp_path / "survey.csv", "id,Story\n1,Narcan saved me.\n")
    write(tmp_path / "stories" / "a.md", "# A story\n\nKratom helped.\n")
    monkeypatch.chdir(tmp_path)
    examples = re.findall(r"^\$ (deid .+)$", README, re.MULTILINE)
    assert len(examples) >= 3
    for line in examples:
        result = CliRunner().invoke(cli, shlex.split(line)[1:], catch_exceptions=False)
        assert result.exit_code == 0, (line, result.output)


def test_every_rules_key_and_action_is_documented():
    for key in TOP_KEYS:
        assert f"`{key}`" in RULES_DOC, key
    for action in set(ENTITY_ACTIONS) | set(COLUMN_ACTIONS):
        assert f"`{action}`" in RULES_DOC, action
