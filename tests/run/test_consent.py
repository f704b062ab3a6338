"""Consent to publish (issue 30): a record whose writer did not say yes to publishing is held
back unpublished, with a reason that names the question's column and never the answer; a
file that asks no such question is published as before."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.errors import RulesError
from deid.policy.rules import load_rules
from deid.policy.ruleset import ConsentRule

from tests.conftest import write

SURVEY = (
    "Timestamp,Full name,Tell us your story,May we publish your story?,May we contact you again?\r\n"
    "2025-04-02 14:31:07,Ilse Marrow,Tapering off methadone took eight months.,Yes,No\r\n"
    "2025-04-02 15:02:44,Oskar Feldmann,Kratom got me off pills.,No,Yes\r\n"
    "2025-04-03 09:12:10,Oona Pelletier,Gabapentin helped my nerve pain.,,Yes\r\n"
    "2025-04-03 11:40:03,Henrike Dunmore,Suboxone since the spring.,\"Yes, but only without my name\",No\r\n"
    "2025-04-04 08:01:55,Lucan Korhonen,Naloxone saved me twice.,yes.,No\r\n"
)


@pytest.mark.parametrize("header, asks", [
    ("May we publish your story?", True),
    ("Consent to publish", True),
    ("consent", True),
    ("Can we publish this (anonymously)?", True),
    ("publish_ok", True),
    ("May we contact you again?", False),      # contacting the writer is another question
    ("Consent to contact", False),
    ("Consent date", False),                   # when, not whether
    ("Published at", False),
    ("Tell us your story", False),
])
def test_the_default_rules_know_a_consent_question_by_its_header(header, asks):
    assert (load_rules().consent.question({header: "Yes"}) is not None) is asks


@pytest.mark.parametrize("answer, published", [
    ("Yes", True), ("yes.", True), (" YES ", True), ("Y", True), ("I agree", True), ("true", True),
    ("No", False), ("", False), ("  ", False), ("Yes, but ask me first", False), ("maybe", False),
])
def test_only_the_answers_the_rules_allow_publish(answer, published):
    reason = load_rules().consent.withheld({"May we publish your story?": answer})
    assert (reason is None) is published
    if reason:
        assert "may_we_publish_your_story" in reason and (not answer.strip() or answer.strip() not in reason)


def test_a_record_of_a_file_that_asks_nothing_is_judged_only_when_consent_is_required():
    rule = ConsentRule("(.*_)?may_we_publish(_.*)?", ("yes",))
    assert rule.withheld({"story": "text"}) is None
    assert "consent.required" in ConsentRule(rule.match, rule.allow, required=True).withheld({"story": "text"})


def _run(tmp_path, name, content, *extra):
    src = write(tmp_path / "in" / name, content)
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out"), *extra])
    return result, tmp_path / "out" / name


def test_a_survey_publishes_only_the_rows_that_said_yes(tmp_path):
    result, out = _run(tmp_path, "survey.csv", SURVEY)
    assert result.exit_code == 1, result.output  # records were held back
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["Tell us your story"] for r in rows] == ["Tapering off methadone took eight months.",
                                                       "Naloxone saved me twice."]
    held = [json.loads(x) for x in (tmp_path / "out.quarantine" / "held-back.jsonl").read_text().splitlines()]
    assert [h["line"] for h in held] == [3, 4, 5]
    assert all("consent question (column 'may_we_publish_your_story')" in h["reason"] for h in held)
    assert "no answer" in held[1]["reason"] and "Yes, but" not in result.output
    assert "3 held back" in result.output
    verified = CliRunner().invoke(cli, ["verify", str(tmp_path / "out")])
    assert verified.exit_code == 0, verified.output


def test_consent_is_read_from_a_json_key_too(tmp_path):
    lines = [{"id": "a1", "story": "Methadone saved my life.", "consent_to_publish": True},
             {"id": "a2", "story": "Kratom for my back.", "consent_to_publish": False},
             {"id": "a3", "story": "Buprenorphine since May.", "consent_to_publish": None}]
    result, out = _run(tmp_path, "posts.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a1"]
    assert "2 held back" in result.output


def test_a_file_without_a_consent_question_publishes_as_before(tmp_path):
    result, out = _run(tmp_path, "notes.csv", "id,story\r\nn1,Tapering off methadone took eight months.\r\n")
    assert result.exit_code == 0, result.output and out.exists()


def test_the_rules_may_name_the_question_and_its_answers_or_turn_it_off(tmp_path):
    rules = write(tmp_path / "r.yaml", "consent:\n  allow: [yes, 'yes, but only without my name']\n")
    result, out = _run(tmp_path, "survey.csv", SURVEY, "--rules", str(rules))
    assert out.read_text().count("\n") == 4  # the header and three rows
    off = write(tmp_path / "off.yaml", "consent: false\n")
    result, out = _run(tmp_path / "b", "survey.csv", SURVEY, "--rules", str(off))
    assert result.exit_code == 0 and out.read_text().count("\n") == 6


@pytest.mark.parametrize("text, key, problem", [
    ("consent:\n  match: '('\n", "consent.match", "bad regular expression"),
    ("consent:\n  allow: []\n", "consent.allow", "at least one answer"),
    ("consent:\n  asks: x\n", "consent.asks", "unknown key"),
    ("consent:\n  required: maybe\n", "consent.required", "true or false"),
    ("extends: none\nconsent:\n  allow: [yes]\n", "consent", "needs 'match'"),
])
def test_a_bad_consent_rule_names_its_key_and_line(tmp_path, text, key, problem):
    with pytest.raises(RulesError) as err:
        load_rules(write(tmp_path / "r.yaml", text))
    assert f"r.yaml:2: {key}:" in str(err.value) and problem in str(err.value)


def test_answers_written_unquoted_are_read_as_written(tmp_path):
    rules = load_rules(write(tmp_path / "r.yaml", "consent:\n  allow: [yes, Y, on, 'ok']\n"))
    assert rules.consent.allow == ("ok", "on", "y", "yes")


def test_verify_fails_a_published_row_whose_answer_was_changed_to_no(tmp_path):
    result, out = _run(tmp_path, "survey.csv", SURVEY)
    assert CliRunner().invoke(cli, ["verify", str(tmp_path / "out")]).exit_code == 0
    out.write_bytes(out.read_bytes().replace(b",Yes,No\r\n", b",No,No\r\n", 1))
    verified = CliRunner().invoke(cli, ["verify", str(tmp_path / "out")])
    assert verified.exit_code == 1
    assert "survey.csv:2: record row 1: published, yet the answer to the consent question" in verified.stderr
    assert "consent: failed" in verified.stderr
