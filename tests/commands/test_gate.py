"""``deid check`` as a gate: a file it cannot judge fails the check (no
reader for it, unreadable, a folder it cannot list, a record it cannot
parse, a file named like the ledger that does not verify) unless the
configuration excludes it by name; hidden folders are checked; ``--rules``
judges a published folder; a baseline entry cannot be forged from the
SARIF output. End to end on the output of a real ``deid run``."""

from __future__ import annotations

import json
import re
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.decide.baseline import VERSION, value_fingerprint
from deid.commands.check import check_paths
from deid.core.keys import Key
from deid.core.layout import LEDGER_NAME

from tests.conftest import SAMPLES, TEST_KEY, write

KEY = Key(TEST_KEY.encode(), "test")


def check(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)


def gate(processor, *paths, **kw):
    return check_paths([Path(p) for p in paths], processor, KEY, **kw)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "site" / "about.md", "# About\n\nNaloxone and buprenorphine helped me taper.\n")
    return tmp_path / "site"


@pytest.mark.parametrize("name", ["_data/people.yml", "posts/first.mdx", "page.html", "old/page.htm", "feed.xml",
                                  "config.toml", "NOTES", ".well-known/contact.yaml"])
def test_a_file_with_no_reader_fails_naming_it(site, processor, name):
    write(site / name, "volunteers:\n  - Ysolde Marrack, 14 Quarry Lane\n")
    findings, _, failures = gate(processor, "site")
    assert findings == []
    assert [(f.file, f.line) for f in failures] == [(f"site/{name}", 0)]
    assert "no reader" in failures[0].why and "exclude it by name" in failures[0].why and "Ysolde" not in failures[0].why


def test_the_cli_fails_on_it_and_names_the_file_and_what_to_do(site):
    write(site / "_data" / "team.yml", "- Corisande Blyth\n")
    result = check("site")
    assert result.exit_code == 1 and result.stdout == ""
    assert "not checked: site/_data/team.yml: deid has no reader" in result.stderr
    assert ".deid.toml" in result.stderr and "Corisande" not in result.stderr


@pytest.mark.parametrize("exclude, config", [
    ((), 'exclude = ["_data", "*.html"]\n'),
    ((), '[tool.deid]\nexclude = ["site/_data/*.yml", "index.html"]\n'),
    (("--exclude", "_data", "--exclude", "*.html"), None),
])
def test_excluded_by_name_it_passes_with_a_note(site, exclude, config):
    write(site / "_data" / "team.yml", "- Corisande Blyth\n")
    write(site / "index.html", "<p>Thanks to Evander Klostermann</p>\n")
    if config is not None:
        write(site.parent / (".deid.toml" if not config.startswith("[tool") else "pyproject.toml"), config)
    result = check("site", *exclude)
    assert result.exit_code == 0, result.stderr
    assert "site/_data/team.yml: not checked, excluded by the configuration" in result.stderr


def test_exclude_in_the_configuration_must_be_a_list_of_names(site):
    write(site.parent / ".deid.toml", 'exclude = "_data"\n')
    result = check("site")
    assert result.exit_code == 2 and "exclude must be a list" in result.stderr


def test_hidden_folders_are_checked_and_vcs_folders_are_not(site, processor):
    write(site / ".well-known" / "team.txt", "My sponsor Horatio Blenkinsop answers the phone.\n")
    write(site / ".drafts" / "post.md", "# Draft\n\nMy caseworker Idonea Farquharson called.\n")
    write(site / ".git" / "notes.txt", "My sponsor Horatio Blenkinsop answers the phone.\n")
    findings, _, failures = gate(processor, "site")
    assert failures == []
    assert sorted({(f.file, f.entity) for f in findings}) == [
        ("site/.drafts/post.md", "PERSON"), ("site/.well-known/team.txt", "PERSON")]


@pytest.mark.parametrize("content", ["", "not a ledger\n", '{"kind": "header"}\n'])
def test_a_file_named_like_the_ledger_that_does_not_verify_fails(site, processor, content):
    write(site / "stories" / LEDGER_NAME, content)
    write(site / "stories" / "a.md", "# A\n\nKratom helped.\n")
    _, _, failures = gate(processor, "site")
    assert [(f.file, "named like deid's ledger" in f.why) for f in failures] == [(f"site/stories/{LEDGER_NAME}", True)]


def test_a_record_it_cannot_read_fails_naming_its_line(site, processor):
    write(site / "answers.jsonl", '{"id": "a1", "answer": "Methadone helped."}\n{"id": "a2", "answer": \n')
    _, _, failures = gate(processor, "site")
    assert [(f.file, f.line) for f in failures] == [("site/answers.jsonl", 2)]


def test_a_folder_it_cannot_list_fails(site, processor, monkeypatch):
    hidden = site / "private"
    write(hidden / "participants.csv", "name\nTamsin Okonkwo-Reyes\n")
    hidden.chmod(0o311)
    real = os.scandir

    def scandir(path="."):
        if Path(path).resolve() == hidden.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads a 0311 folder anyway: make it refuse as it would anyone else
    try:
        findings, _, failures = gate(processor, "site")
    finally:
        hidden.chmod(0o755)
    assert [(f.file, "cannot be listed" in f.why) for f in failures] == [("site/private", True)]


def test_a_file_it_cannot_open_fails(site, processor, monkeypatch):
    import deid.read.opening as module  # where every command opens a file

    write(site / "locked.txt", "My sponsor Leocadia Voss called.\n")
    real = module.sniff
    monkeypatch.setattr(module, "sniff", lambda p, *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "locked.txt" else real(p, *a))
    _, _, failures = gate(processor, "site")
    assert [(f.file, "cannot be read" in f.why) for f in failures] == [("site/locked.txt", True)]


def test_an_empty_path_is_refused(site):
    result = check("")
    assert result.exit_code == 2 and "empty path" in result.stderr


# -- pragmas through the command ------------------------------------------------------

@pytest.mark.parametrize("name, content", [
    ("export.json", json.dumps([{"id": "r1", "answer": "My sponsor Rutger Vanterpool deid: allow PERSON"},
                                {"id": "r2", "answer": "Ask for Philippa Strand <!-- deid: allow PERSON -->"}],
                               separators=(",", ":"))),  # minified: one line
    ("answers.jsonl", json.dumps({"answer": "My sponsor Rutger Vanterpool, deid: allow PERSON"}) + "\n"),
    ("answers.csv", 'id,answer\n1,"My sponsor Rutger Vanterpool # deid: allow PERSON"\n'),
    ("story.txt", "My sponsor Rutger Vanterpool drove me. <!-- deid: allow PERSON -->\n"),
])
def test_a_pragma_inside_a_respondents_words_silences_nothing(site, processor, name, content):
    write(site / name, content)
    findings, _, failures = gate(processor, f"site/{name}")
    assert failures == [] and "PERSON" in {f.entity for f in findings}


def test_a_lower_case_or_unknown_pragma_fails_the_check_at_its_line(site):
    write(site / "post.md", "# Thanks\n\nMy sponsor Gwendolyn Ashby helped. <!-- deid: allow person -->\n"
                            "Quoting Mayor Alberic Fontaine. <!-- deid: allow POLITICIAN -->\n")
    result = check("site/post.md")
    assert result.exit_code == 1
    assert "site/post.md:3: the deid: allow pragma names a type in lower case" in result.stderr
    assert "site/post.md:4: the deid: allow pragma names a type deid does not know" in result.stderr
    assert {line.split(":")[1] for line in result.stdout.splitlines()} == {"3", "4"}  # and the names are reported


# -- the baseline cannot be forged from the output -------------------------------------

@pytest.mark.parametrize("value", ["Rutger Vanterpool", "quietheron58", "555-0187"])
def test_the_report_fingerprint_is_not_the_baseline_one(value):
    assert value_fingerprint(KEY, value, "report") != value_fingerprint(KEY, value, "baseline")


def _forge(path, sarif_result, key_id, mac=None):
    entry = {"file": sarif_result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             "type": sarif_result["ruleId"], "fingerprint": next(iter(sarif_result["partialFingerprints"].values())),
             "verdict": "not_identifying", "by": "someone", "reason": "public figure"}
    if mac is not None:
        entry["mac"] = mac
    path.write_text(json.dumps({"version": VERSION, "tool": "deid", "key_id": key_id, "results": [entry]}))


def test_an_entry_forged_from_sarif_output_does_not_silence_the_finding(site):
    write(site / "post.md", "# Thanks\n\nMy sponsor Gwendolyn Ashby drove me.\n")
    sarif = json.loads(check("site/post.md", "--format", "sarif").stdout)
    result = sarif["runs"][0]["results"][0]
    write(site / "other.md", "# More\n\nMy sponsor Ottoline Brisk called.\n")
    assert check("site/other.md", "--update-baseline").exit_code == 0  # a real baseline: its key id and a real MAC
    real = json.loads((site.parent / ".deid-baseline.json").read_text())
    for mac in (None, "0" * 32, real["results"][0]["mac"]):
        _forge(site.parent / ".deid-baseline.json", result, real["key_id"], mac)
        forged = check("site/post.md")
        assert forged.exit_code == 2 and "entry 1 (site/post.md, PERSON) is not sealed with this key" in forged.stderr
    # even unsealed, the SARIF value is not the fingerprint the baseline keys the finding by
    findings, _, _ = check_paths([Path("site/post.md")], _processor(), KEY)
    assert result["partialFingerprints"]["deidReport/v2"] != findings[0].fingerprint


def _processor():
    from deid.policy.rules import load_rules
    from deid.run.process import Processor

    return Processor(load_rules(), KEY)


def test_an_edited_verdict_is_refused(site):
    write(site / "post.md", "# Thanks\n\nMy sponsor Gwendolyn Ashby drove me.\n")
    assert check("site", "--update-baseline").exit_code == 0
    path = site.parent / ".deid-baseline.json"
    data = json.loads(path.read_text())
    data["results"][0]["file"] = "site/elsewhere.md"
    path.write_text(json.dumps(data))
    assert check("site").exit_code == 2


# -- --rules on a published folder, and end to end on a real run -------------------------

def _run(raw: Path, out: Path, *args) -> None:
    result = CliRunner().invoke(cli, ["run", str(raw), "--out", str(out), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def test_rules_given_judge_a_published_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "raw" / "story.md", "# Story\n\nAfter detox I joined a Cypriot church group and found a sponsor.\n")
    _run(tmp_path / "raw", tmp_path / "pub")
    assert check("pub").exit_code == 0  # by the run's own rules, which keep a nationality
    strict = check("pub", "--rules", "strict")
    out = next((tmp_path / "pub").glob("*.md")).name
    assert strict.exit_code == 1 and strict.stdout.startswith(f"pub/{out}:3:") and "NRP" in strict.stdout
    assert "judged by the rules given" in strict.stderr


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "pub"
    _run(SAMPLES, out)
    return out


def test_end_to_end_check_and_verify_pass_on_a_real_run_then_fail_on_what_they_cannot_judge(published, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    pub = tmp_path / "pub"
    shutil.copytree(published, pub)
    assert check("pub").exit_code == 0
    assert CliRunner().invoke(cli, ["verify", "pub"], catch_exceptions=False).exit_code == 0
    write(pub / ".well-known" / "participants.yml", "- Seraphine Oduya-Halvorsen\n")
    checked = check("pub")
    assert checked.exit_code == 1 and "pub/.well-known/participants.yml: deid has no reader" in checked.stderr
    verified = CliRunner().invoke(cli, ["verify", "pub"], catch_exceptions=False)
    assert verified.exit_code == 1 and ".well-known/participants.yml: not in the ledger" in verified.stderr
    assert "all checks hold" not in verified.stderr


def test_end_to_end_a_ledger_under_another_key_is_not_skipped(published, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(published, tmp_path / "pub")
    monkeypatch.setenv("DEID_KEY", "7c1e9a40d2b85f36e1a7c09d4b2f8e6153a9d0c7b4e2f1a8d6c3b0e9f7a5d2c4")
    result = check(f"pub/{LEDGER_NAME}")
    assert result.exit_code == 1 and f"pub/{LEDGER_NAME}: named like deid's ledger" in result.stderr


def test_sarif_says_the_run_did_not_check_everything(site):
    from sarif_pydantic import Sarif

    write(site / "_data" / "team.yml", "- Corisande Blyth\n")
    result = check("site", "--format", "sarif")
    doc = json.loads(result.stdout)
    Sarif.model_validate(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert result.exit_code == 1 and invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "no reader" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "site/_data/team.yml"


@pytest.mark.parametrize("doc, says", [
    ({"version": 1, "tool": "deid", "key_id": KEY.id, "results": []}, "of version 1"),
    ({"version": VERSION, "tool": "deid", "key_id": KEY.id, "results": [
        {"file": "a.md", "type": "PERSON", "fingerprint": "0" * 32, "verdict": "not_identifying", "by": "x", "reason": ""}]},
     "entry 1 (a.md, PERSON) is not sealed with this key"),
    ({"version": VERSION, "tool": "deid", "results": []}, "made with the key whose id is None"),
])
def test_a_baseline_without_the_keys_seal_is_refused(tmp_path, doc, says):
    from deid.decide.baseline import load_baseline
    from deid.core.errors import UsageError

    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(UsageError, match=re.escape(says)):
        load_baseline(path, KEY)


def test_two_reviewers_baselines_merge_in_git(tmp_path, monkeypatch, processor):
    """One entry a line, sorted, and a fixed last line (issue 30): two volunteers who accept
    different findings on their branches merge without a conflict, and the merged baseline
    loads with both verdicts."""
    import subprocess

    from deid.decide.baseline import ACCEPTED, load_baseline

    monkeypatch.chdir(tmp_path)
    git = lambda *a: subprocess.run(["git", *a], check=True, capture_output=True, text=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("config", "user.email", "a@example.org")
    git("config", "user.name", "A")
    for name, who in (("a.md", "Ilse Marrow"), ("b.md", "Oskar Feldmann"), ("c.md", "Oona Pelletier")):
        write(tmp_path / name, f"Quoted with thanks: {who} said it first.\n")
    findings = sorted(gate(processor, Path("."))[0], key=lambda f: f.file)
    assert [f.file for f in findings] == ["a.md", "b.md", "c.md"]
    base = load_baseline(tmp_path / ".deid-baseline.json", KEY)
    base.add(findings[1], ACCEPTED, "A", "public figure")
    base.save()
    git("add", "-A")
    git("commit", "-qm", "base")
    git("checkout", "-qb", "other")
    theirs = load_baseline(tmp_path / ".deid-baseline.json", KEY)
    theirs.add(findings[2], ACCEPTED, "B", "quoted author")
    theirs.save()
    git("commit", "-qam", "B accepts c")
    git("checkout", "-q", "main")
    ours = load_baseline(tmp_path / ".deid-baseline.json", KEY)
    ours.add(findings[0], ACCEPTED, "A", "quoted author")
    ours.save()
    git("commit", "-qam", "A accepts a")
    git("merge", "-q", "other", "-m", "merge")
    merged = load_baseline(tmp_path / ".deid-baseline.json", KEY)
    assert sorted(e["by"] for e in merged.entries.values()) == ["A", "A", "B"]
    lines = (tmp_path / ".deid-baseline.json").read_text().splitlines()
    assert len(lines) == 5 and lines[1:4] == sorted(lines[1:4])


def test_with_merge_union_two_baselines_that_add_at_the_same_place_merge_too(tmp_path, monkeypatch, processor):
    import subprocess

    from deid.decide.baseline import ACCEPTED, load_baseline

    monkeypatch.chdir(tmp_path)
    git = lambda *a: subprocess.run(["git", *a], check=True, capture_output=True, text=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("config", "user.email", "a@example.org")
    git("config", "user.name", "A")
    write(tmp_path / ".gitattributes", ".deid-baseline.json merge=union\n")
    for name, who in (("a.md", "Ilse Marrow"), ("b.md", "Oskar Feldmann"), ("c.md", "Oona Pelletier")):
        write(tmp_path / name, f"Quoted with thanks: {who} said it first.\n")
    findings = sorted(gate(processor, Path("."))[0], key=lambda f: f.file)
    base = load_baseline(tmp_path / ".deid-baseline.json", KEY)
    base.add(findings[0], ACCEPTED, "A", "public figure")
    base.save()
    git("add", "-A")
    git("commit", "-qm", "base")
    for branch, finding, who in (("other", findings[2], "B"), ("main", findings[1], "A")):
        if branch == "other":
            git("checkout", "-qb", "other")
        else:
            git("checkout", "-q", "main")
        mine = load_baseline(tmp_path / ".deid-baseline.json", KEY)
        mine.add(finding, ACCEPTED, who, "quoted author")
        mine.save()
        git("commit", "-qam", f"{who} accepts one")
    git("merge", "-q", "other", "-m", "merge")
    assert sorted(e["file"] for e in load_baseline(tmp_path / ".deid-baseline.json", KEY).entries.values()) == [
        "a.md", "b.md", "c.md"]


def test_deids_own_files_in_a_project_are_not_checked(tmp_path, monkeypatch):
    """The configuration, the rules with their term files, the key and the baseline are deid's
    (issue 30: a site's hook failed on them); a post beside them is checked."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DEID_KEY")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".deid.toml", 'rules = "deid/rules.yaml"\nkey_file = "deid/team.key"\n')
    write(tmp_path / "deid" / "rules.yaml", "extends: default\nallow_files: [our-terms.txt]\n")
    write(tmp_path / "deid" / "our-terms.txt", "Bridgeway Clinic\nDr. Ottilie Abernethy\n")
    write(tmp_path / "deid" / "team.key", TEST_KEY + "\n").chmod(0o600)
    write(tmp_path / "content" / "post.md", "Tapering off methadone took eight months.\n")
    result = check(".")
    assert result.exit_code == 0, result.output
    write(tmp_path / "content" / "post.md", "My sponsor Lucan Korhonen drove me.\n")
    assert check(".").exit_code == 1
