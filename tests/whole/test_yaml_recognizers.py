"""A recognizer added in the rules YAML, without code, works wherever the built-in ones do:
``deid run`` removes what it finds and the ledger records it, ``deid check`` reports it,
and ``deid verify`` (which rebuilds the rules from the ledger) judges by it; a built-in
recognizer switched off finds nothing anywhere."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli

from tests.conftest import ledger_findings, write

RULES = """\
extends: default
recognizers:
  - name: ClinicMemberRecognizer
    entity: MEMBER_NUMBER
    patterns:
      - {name: member number, regex: '\\bMBR[-/]\\d{5}[-/][A-Z]\\b', score: 0.9}
    context: [member]
entities:
  MEMBER_NUMBER: {action: replace, tag: "[MEMBER-ID]"}
"""
BATCH = [
    {"id": "r1", "text": "Ilse Marrow here. My member number was MBR/48213/K and I kept the card for years."},
    {"id": "r2", "text": "My sponsor Oskar Feldmann said to quote MBR-55120-Q at the desk, so I did."},
    {"id": "r3", "text": "Group on Tuesdays helped more than anything."},
]


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    home = tmp_path_factory.mktemp("clinic")
    write(home / "in" / "stories.jsonl", "".join(json.dumps(r) + "\n" for r in BATCH))
    write(home / "clinic.yaml", RULES)
    result = invoke("run", home / "in", "--out", home / "pub", "--rules", home / "clinic.yaml")
    assert result.exit_code == 0, result.output
    return home


def test_the_run_removes_what_the_rules_recognizer_finds_and_the_ledger_verifies(published):
    out = (published / "pub" / "stories.jsonl").read_text(encoding="utf-8")
    assert "MBR" not in out and "48213" not in out and "55120" not in out
    assert out.count("[MEMBER-ID]") == 2
    entries = [json.loads(line) for line in (published / "pub" / "deid-audit.jsonl").read_text().splitlines()]
    header = entries[0]
    assert header["rules"]["recognizers"]["add"][0]["name"] == "ClinicMemberRecognizer"
    found = [f for e in entries if e.get("kind") == "record" for f in ledger_findings(e)]
    assert sum(f["recognizer"] == "ClinicMemberRecognizer" and f["type"] == "MEMBER_NUMBER" for f in found) == 2
    verified = invoke("verify", published / "pub")
    assert verified.exit_code == 0, verified.stderr
    checked = invoke("check", published / "pub")
    assert (checked.exit_code, checked.stdout) == (0, "")


def test_deid_check_reports_what_the_rules_recognizer_finds(published):
    result = invoke("check", published / "in", "--rules", published / "clinic.yaml")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "ClinicMemberRecognizer" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "MEMBER_NUMBER (1.00, ClinicMemberRecognizer) M**/4****/K",   # "member" near it: 0.9 + context
        "MEMBER_NUMBER (0.90, ClinicMemberRecognizer) M**-5****-Q"]
    assert "48213" not in result.stdout


def test_verify_rebuilds_the_rules_recognizer_from_the_ledger(published, tmp_path):
    """A member number typed into the published file after the run is found by the recognizer
    the ledger recorded (no built-in one takes "MBR/77310/B" without the model)."""
    import shutil

    pub = tmp_path / "pub"
    shutil.copytree(published / "pub", pub)
    target = pub / "stories.jsonl"
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[2] = json.dumps({"id": "r3", "text": "Group on Tuesdays helped. My card is MBR/77310/B now."})
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("verify", pub)
    assert result.exit_code == 1
    assert "record r3 field '/text': still holds MEMBER_NUMBER" in result.stderr and "77310" not in result.stderr
    # an edited file is new text to ``deid check``, judged by the rules it is given
    checked = invoke("check", pub, "--rules", published / "clinic.yaml")
    assert checked.exit_code == 1 and "MEMBER_NUMBER (0.90, ClinicMemberRecognizer) M**/7****/B" in checked.stdout


def test_the_rules_the_ledger_holds_are_the_rules_of_the_run(published):
    from deid.core.keys import Key
    from deid.ledger.published import read_published
    from deid.policy.rules import load_rules

    from tests.conftest import TEST_KEY

    ran = load_rules(published / "clinic.yaml")
    recorded = read_published(published / "pub", Key(TEST_KEY.encode(), "test")).rules
    assert recorded.recognizers == ran.recognizers and recorded.recognizers[0].name == "ClinicMemberRecognizer"
    assert recorded.sha256 == ran.sha256


def test_a_built_in_recognizer_switched_off_stops_its_findings(tmp_path, monkeypatch):
    """The one recognizer that finds this handle, switched off: ``deid check`` reports nothing,
    ``deid run`` publishes the handle, and ``deid verify`` (by the ledger's rules) passes."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "notes.txt", "Find me on there as @quietriver77 these days.\n")
    write(tmp_path / "off.yaml", "recognizers:\n  - {name: SocialHandleRecognizer, enabled: false}\n")
    before = invoke("check", "notes.txt")
    assert before.exit_code == 1 and "SOCIAL_HANDLE (0.60, SocialHandleRecognizer)" in before.stdout
    after = invoke("check", "notes.txt", "--rules", "off.yaml")
    assert (after.exit_code, after.stdout) == (0, "")
    assert invoke("run", "notes.txt", "--out", "pub", "--rules", "off.yaml").exit_code == 0
    assert "@quietriver77" in (tmp_path / "pub" / "notes.txt").read_text(encoding="utf-8")
    assert invoke("verify", "pub").exit_code == 0
    assert invoke("run", "notes.txt", "--out", "pub2").exit_code == 0  # the default rules remove it
    assert "@quietriver77" not in (tmp_path / "pub2" / "notes.txt").read_text(encoding="utf-8")
