"""``deid run`` honours the baseline's verdicts, as ``deid check`` does: a
finding a reviewer accepted in a file (its type and keyed value) is kept
there, recorded in the ledger as a kept finding of the rule "baseline", and
``deid verify`` passes the folder. What the verdict does not cover stays
removed: the same value in another file, another type, a value of the deny
list or the roster. End to end through the CLI, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.layout import LEDGER_NAME

from tests.conftest import ledger_findings, write

# a band a writer listened to through a taper: a public name a reviewer keeps
STORY = "I played Tamsin Orrell records every night of the taper off oxycodone.\n"
OTHER = "My cousin Tamsin Orrell drove me to the clinic for my buprenorphine.\n"


def deid(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def stories(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "stories" / "night.md", STORY)
    return tmp_path


def _published(out: str = "pub") -> str:
    return (Path(out) / "night.md").read_text(encoding="utf-8")


def _accept(*paths: str) -> None:
    result = deid("check", *paths, "--update-baseline", "--reason", "a band, public")
    assert result.exit_code == 0, result.stderr


def test_an_accepted_finding_is_kept_recorded_and_verified(stories):
    assert deid("run", "stories", "--out", "before").exit_code == 0
    assert "Tamsin Orrell" not in _published("before")
    _accept("stories")
    result = deid("run", "stories", "--out", "pub")
    assert result.exit_code == 0, result.stderr
    assert _published() == STORY
    entries = [json.loads(line) for line in (stories / "pub" / LEDGER_NAME).read_text().splitlines()]
    kept = [f for e in entries if e.get("kind") == "record" for f in ledger_findings(e)]
    assert any(f["rule"] == "baseline" and not f["changed"] for f in kept), kept
    header = next(e for e in entries if e.get("kind") == "header")
    assert len(header["baseline"]) == 32 and "Tamsin" not in json.dumps(entries)
    verified = deid("verify", "pub")
    assert verified.exit_code == 0, verified.output


def test_the_dry_run_honours_it_too(stories):
    assert "'Tamsin Orrell' ->" in deid("run", "stories", "--dry-run").stdout
    _accept("stories")
    result = deid("run", "stories", "--dry-run")
    assert result.exit_code == 0 and "Tamsin" not in result.stdout


def test_a_verdict_holds_in_its_own_file_only(stories):
    _accept("stories")
    write(stories / "more" / "ride.md", OTHER)
    result = deid("run", "more", "--out", "pub2")
    assert result.exit_code == 0, result.stderr
    assert "Tamsin Orrell" not in (stories / "pub2" / "ride.md").read_text()


def test_a_value_the_batch_removes_elsewhere_is_removed_from_the_accepted_file_too(stories):
    """The verdict was given on one file, where the words read as a band; another story of
    the same batch shows them to be someone's name: the batch's removal wins."""
    _accept("stories")
    write(stories / "stories" / "ride.md", OTHER)
    result = deid("run", "stories", "--out", "pub")
    assert result.exit_code == 0, result.stderr
    assert "Tamsin" not in _published() and "records every night" in _published()
    assert "Tamsin" not in (stories / "pub" / "ride.md").read_text()
    assert deid("verify", "pub").exit_code == 0


def test_a_verdict_is_not_a_licence_for_the_roster(stories):
    _accept("stories")
    write(stories / "roster.txt", "Tamsin Orrell\n")
    result = deid("run", "stories", "--out", "pub", "--roster", "roster.txt")
    assert result.exit_code == 0, result.stderr
    assert "Tamsin Orrell" not in _published()


def test_a_configured_baseline_is_read_and_a_missing_one_named(stories):
    _accept("stories")
    (stories / ".deid-baseline.json").rename(stories / "reviewed.json")
    write(stories / ".deid.toml", 'baseline = "reviewed.json"\n')
    assert deid("run", "stories", "--out", "pub").exit_code == 0
    assert _published() == STORY
    missing = deid("run", "stories", "--out", "pub3", "--baseline", "nothing.json")
    assert missing.exit_code == 2 and "nothing.json: no such file" in missing.stderr


def test_a_baseline_made_with_another_key_is_refused_not_ignored(stories, monkeypatch):
    _accept("stories")
    monkeypatch.setenv("DEID_KEY", "5d0e3a8c91f47b26e0c93a5d7f18b24c6e9a03d5b7c1f28e4a6d90b3c5e7f1a2")
    result = deid("run", "stories", "--out", "pub")
    assert result.exit_code == 2 and "made with the key whose id is" in result.stderr
    assert not (stories / "pub").exists()


def test_a_resumed_run_must_have_been_given_the_same_verdicts():
    from deid.core.keys import Key
    from deid.run.pipeline import _accepted_id

    key = Key(b"k" * 32, "test")
    one = {"stories/night.md": (("PERSON", "a" * 32),)}
    assert _accepted_id({}, key) == ""
    assert len(_accepted_id(one, key)) == 32 and "night" not in _accepted_id(one, key)
    assert _accepted_id(one, key) != _accepted_id({"stories/day.md": one["stories/night.md"]}, key)
    assert _accepted_id(one, key) != _accepted_id(one, Key(b"j" * 32, "test"))


def test_the_run_made_again_for_the_originals_honours_the_same_verdicts(stories):
    """``deid report --show-original`` and ``deid audit review`` make the run again from the
    input and need the same folder byte for byte: with the same baseline, as the run read it."""
    _accept("stories")
    assert deid("run", "stories", "--out", "pub").exit_code == 0
    report = deid("report", "pub", "-o", "review.html", "--show-original", "stories")
    assert report.exit_code == 0, report.stderr
    assert deid("audit", "sample", "pub").exit_code == 0
    reviewed = deid("audit", "review", "pub", "stories", "--reviewer", "R", input="c\n")
    assert reviewed.exit_code == 0 and "1 clean" in reviewed.stderr, reviewed.output
