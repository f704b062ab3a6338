"""``deid check``: findings with masked values, formats (SARIF checked
against the SARIF 2.1.0 object model), pragmas, the baseline, review, a
published folder, and the real pre-commit running the hook."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import check_main, cli
from deid.decide.baseline import ACCEPTED, IDENTIFYING, load_baseline
from deid.commands.review import review
from deid.core.errors import UsageError
from deid.core.keys import Key

from tests.conftest import ROOT, SAMPLES, write

POST = """# My story

My sponsor Chase Miller drove me to the methadone clinic.
We quoted Barack Obama on the poster. <!-- deid: allow PERSON -->
Dr. Evelyn Hargrove and @quietriver77 were there. <!-- deid: allow PERSON -->
"""


def check(*args, cwd=None):
    return CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def post(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "post.md", POST)
    write(tmp_path / "data.jsonl", json.dumps({"id": "1", "story": "Loretta Szabo took Suboxone."}) + "\n")
    write(tmp_path / "clean.txt", "Kratom and gabapentin helped me taper off oxycodone.\n")
    return tmp_path


def test_text_output_masks_values_and_exits_1(post):
    result = check(".")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "data.jsonl:1:23: PERSON (0.85, SpacyRecognizer) L****** S****",
        "post.md:3:12: PERSON (0.80, RelationNameRecognizer) C**** M*****",  # context outranks the model
        "post.md:5:25: SOCIAL_HANDLE (0.60, SocialHandleRecognizer) @q***********",
    ]
    for name in ("Chase", "Miller", "Loretta", "Obama", "Hargrove", "quietriver"):
        assert name not in result.output


def test_clean_files_pass(post):
    result = check("clean.txt")
    assert result.exit_code == 0 and result.stdout == ""


def test_a_clean_markdown_explainer_passes(tmp_path, monkeypatch):
    """A comparison table ("Receptor Type", "Rx Required ... Schedule II"),
    doses and symptoms, and no person: a gate that fails here is switched off."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(ROOT / "tests" / "fixtures" / "explainer.md", tmp_path / "explainer.md")
    result = check("explainer.md")
    assert result.exit_code == 0 and result.stdout == ""


def test_markdown_code_is_left_to_the_recognizers_that_know(tmp_path, monkeypatch):
    """Commands and class names in code are no prose: the model's and the
    lexicon's guesses there are kept; a full name of known names and a name
    that context gives away are still found in code, and so is a name in the
    prose around it."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "howto.md", "# Setup\n\nRun `deid run DIR --out OUT` and see `Dask` workers.\n\n"
                                 "```\n$ deid check docs\nTyler Okafor\n```\n\nAsk `my sponsor Chase` or Ingrid Halvorsen.\n")
    data = json.loads(check("howto.md", "--format", "json").stdout)
    assert [(d["line"], d["type"]) for d in data] == [(7, "PERSON"), (10, "PERSON"), (10, "PERSON")]


def test_json_format(post):
    data = json.loads(check("post.md", "--format", "json").stdout)
    assert [(d["line"], d["type"]) for d in data] == [(3, "PERSON"), (5, "SOCIAL_HANDLE")]
    assert all(len(d["fingerprint"]) == 32 and "Chase" not in json.dumps(d) for d in data)


def _no_extras(model) -> None:
    """Every property of the document is one the SARIF object model knows."""
    from pydantic import BaseModel

    assert not (model.model_extra or {}), sorted(model.model_extra)
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _no_extras(item)


def test_sarif_is_valid_sarif_2_1_0(post):
    from sarif_pydantic import Sarif

    doc = json.loads(check(".", "--format", "sarif").stdout)
    assert doc["version"] == "2.1.0"
    model = Sarif.model_validate(doc)
    _no_extras(model.runs[0].results[0])
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "deid"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {"PERSON", "SOCIAL_HANDLE"}
    results = run["results"]
    assert [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["ruleId"]) for r in results] == [
        (1, "PERSON"), (3, "PERSON"), (5, "SOCIAL_HANDLE")]
    text = json.dumps(doc)
    for name in ("Chase", "Miller", "Loretta", "Szabo", "quietriver"):
        assert name not in text


def test_update_baseline_then_only_new_findings_fail(post):
    assert check(".", "--update-baseline", "--reason", "reviewed in PR 12").exit_code == 0
    baseline = json.loads((post / ".deid-baseline.json").read_text())
    assert baseline["results"][-1] == {"end": "of the reviewed findings"}  # a fixed last line: see the baseline
    assert {(r["file"], r["type"], r["verdict"], r["reason"]) for r in baseline["results"][:-1]} == {
        ("data.jsonl", "PERSON", ACCEPTED, "reviewed in PR 12"), ("post.md", "PERSON", ACCEPTED, "reviewed in PR 12"),
        ("post.md", "SOCIAL_HANDLE", ACCEPTED, "reviewed in PR 12")}
    assert "Chase" not in json.dumps(baseline) and "Loretta" not in json.dumps(baseline)
    assert check(".").exit_code == 0
    write(post / "post.md", POST + "Then Octavia Brandtweiler joined us.\n")
    result = check(".")
    assert result.exit_code == 1 and result.stdout.startswith("post.md:6:")


def test_review_walks_unreviewed_findings(post):
    from deid.commands.check import check_paths
    from deid.core.keys import Key
    from deid.policy.rules import load_rules
    from deid.run.process import Processor

    key = Key(os.environ["DEID_KEY"].encode(), "test")
    findings, _, _ = check_paths([Path(".")], Processor(load_rules(), key), key)
    baseline = load_baseline(post / "b.json", key)
    answers = iter(["x", "a", "public figure", "m", "", "s"])
    said = []
    counts = review(findings, baseline, ask=lambda q: next(answers), say=said.append, by="tester")
    assert (counts.accepted, counts.identifying, counts.skipped) == (1, 1, 1)
    assert "please answer a, m, s or q" in said
    assert any("[[Loretta Szabo]]" in s for s in said)  # the reviewer sees their own line
    saved = load_baseline(post / "b.json", key)
    assert sorted(e["verdict"] for e in saved.entries.values()) == [IDENTIFYING, ACCEPTED]
    assert all(e["by"] == "tester" for e in saved.entries.values())


def test_a_broken_baseline_is_a_usage_error(post):
    write(post / ".deid-baseline.json", "{not json")
    with pytest.raises(UsageError):
        load_baseline(post / ".deid-baseline.json", Key(os.environ["DEID_KEY"].encode(), "test"))
    assert check(".").exit_code == 2


def test_a_published_folder_passes_until_a_real_name_is_added(tmp_path):
    out = tmp_path / "pub"
    assert CliRunner().invoke(cli, ["run", str(SAMPLES), "--out", str(out)], catch_exceptions=False).exit_code == 0
    assert check(out).exit_code == 0
    notes = out / "interview-notes.txt"
    notes.write_text(notes.read_text() + "My cousin Philippa Worthington-Vance read this.\n")
    result = check(out)
    assert result.exit_code == 1 and "interview-notes.txt:" in result.stdout and "Philippa" not in result.stdout


def test_console_script_entry_point(post, capsys):
    assert check_main(["clean.txt"]) == 0
    assert check_main(["post.md"]) == 1


def _readme_block(lang: str, holding: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{lang}\n(.*?)```", text, re.DOTALL)
    return next(b for b in blocks if holding in b)


def _publish(folder: Path, name: str) -> None:
    write(folder.parent / f"{folder.name}-raw" / f"{name}.md", f"# {name}\n\nMy sponsor Chase Miller drove me to group.\n")
    result = CliRunner().invoke(cli, ["run", str(folder.parent / f"{folder.name}-raw"), "--out", str(folder)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    shutil.rmtree(folder.parent / f"{folder.name}-raw")


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs git and a git checkout")
def test_real_pre_commit_runs_the_readme_configuration(tmp_path):
    """The README's .pre-commit-config.yaml, as written (its repository is this
    checkout, its rev the one it names), run by the real pre-commit on a
    scratch site repository: clean text and two published folders (their
    ledgers and stand-ins) pass in one commit; a planted name fails."""
    config = _readme_block("yaml", "deid-check")
    config = re.sub(r"(repo:\s*)\S+", lambda m: m.group(1) + str(ROOT), config, count=1)
    rev = re.search(r"rev:\s*(\S+)", config).group(1)
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", rev], capture_output=True).returncode:
        pytest.skip(f"this checkout has no {rev!r} to install the hook from")
    repo = tmp_path / "site"
    write(repo / ".pre-commit-config.yaml", config)
    write(repo / "clean.md", "Kratom helped me taper.\n")
    write(repo / "named.md", "My sponsor Chase Miller helped.\n")
    write(repo / "code.py", "print('Chase Miller')\n")  # not a file type the hook looks at
    _publish(repo / "content" / "spring", "stories")
    _publish(repo / "content" / "autumn", "stories")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"), "GIT_CONFIG_GLOBAL": "/dev/null"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    published = [str(p.relative_to(repo)) for p in sorted((repo / "content").rglob("*")) if p.is_file()]
    assert any(p.endswith("deid-audit.jsonl") for p in published)
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--files"]
    ok = subprocess.run(pre_commit + ["clean.md", "code.py", *published], cwd=repo, env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run(pre_commit + ["clean.md", "named.md"], cwd=repo, env=env, capture_output=True, text=True)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "named.md:1:12: PERSON" in bad.stdout and "Chase" not in bad.stdout


def test_the_readme_ci_commands_run_as_written(tmp_path, monkeypatch):
    """The README's CI step, its deid lines as written, on a site with
    published folders under content/ and public/testimonials/."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "content" / "about.md", "# About\n\nKratom and gabapentin helped me taper off oxycodone.\n")
    _publish(tmp_path / "content" / "stories", "stories")
    _publish(tmp_path / "public" / "testimonials", "testimonials")
    lines = [line.split("#")[0].strip() for line in _readme_block("sh", "deid verify public/").splitlines()]
    commands = [line for line in lines if line.startswith("deid ")]
    assert len(commands) == 2
    for command in commands:
        args, _, target = command[len("deid "):].partition(">")
        result = CliRunner().invoke(cli, args.split(), catch_exceptions=False)
        assert result.exit_code == 0, (command, result.stdout, result.stderr)
        if target.strip():
            assert json.loads(result.stdout)["version"] == "2.1.0"  # the SARIF file


def test_the_projects_own_docs_pass_with_their_rules(monkeypatch):
    """The README and docs/ name the software deid builds on (allowed by
    .deid/rules.yaml, which extends the default rules) and show invented
    people and addresses on lines marked `deid: allow` with their types: any
    other name added to the docs fails here."""
    monkeypatch.chdir(ROOT)
    result = check("--rules", ".deid/rules.yaml", "README.md", "docs")
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_docs_line_without_its_mark_fails(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / ".deid", tmp_path / ".deid")
    line = next(l for l in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if "`Margaret" in l)
    write(tmp_path / "notes.md", line.split("<!--")[0] + "\n")
    result = check("--rules", ".deid/rules.yaml", "notes.md")
    assert result.exit_code == 1 and "PERSON" in result.stdout


def test_a_baseline_made_with_another_key_says_which_key_it_needs(post, monkeypatch):
    from deid.core.keys import Key

    assert check(".", "--update-baseline").exit_code == 0
    data = json.loads((post / ".deid-baseline.json").read_text())
    assert data["key_id"] == Key(os.environ["DEID_KEY"].encode(), "x").id
    monkeypatch.setenv("DEID_KEY", "996b09fd0b96b242ba18af201aa57f6413935f371eefec642bbfdcf754b5a95e")
    result = check(".")
    assert result.exit_code == 2 and f"made with the key whose id is {data['key_id']}" in result.stderr
    assert "DEID_KEY" in result.stderr and "996b09fd0b96b242" not in result.stderr


def test_key_new_and_key_id(tmp_path, monkeypatch):
    made = CliRunner().invoke(cli, ["key", "new"], catch_exceptions=False)
    secret = made.stdout.strip()
    assert made.exit_code == 0 and len(secret) == 64 and secret not in made.stderr
    monkeypatch.setenv("DEID_KEY", secret)
    shown = CliRunner().invoke(cli, ["key", "id"], catch_exceptions=False)
    assert shown.stdout.split()[0] in made.stderr and secret not in shown.stdout
    path = tmp_path / "team.key"
    assert CliRunner().invoke(cli, ["key", "new", "--file", str(path)]).exit_code == 0
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    again = CliRunner().invoke(cli, ["key", "new", "--file", str(path)])
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_check_ends_with_a_count_on_the_error_stream(post):
    result = check("post.md", "data.jsonl")
    assert result.exit_code == 1
    assert re.search(r"deid check: \d+ finding\(s\) in 2 file\(s\)\n$", result.stderr)
    assert "deid check:" not in result.stdout
    clean = write(Path("clean.md"), "Tapering off methadone took eight months.\n")
    assert check(clean).stderr.endswith("deid check: nothing found\n")


def test_a_review_that_ends_early_keeps_the_verdicts_given(post):
    """The end of input, as a piped review meets it, or Ctrl-C: what was answered is saved
    (issue 30: "Aborted!" lost every verdict)."""
    result = CliRunner().invoke(cli, ["review", ".", "--baseline", "b.json"], input="a\nreviewed\n")
    assert result.exit_code == 0, result.output
    assert "1 accepted" in result.stderr
    saved = load_baseline(post / "b.json", Key(os.environ["DEID_KEY"].encode(), "test"))
    assert [e["verdict"] for e in saved.entries.values()] == [ACCEPTED]


def test_only_new_text_of_an_edited_published_file_is_judged(tmp_path, monkeypatch):
    """A typo fixed in a published post or one row of a published CSV: the stand-ins deid wrote
    are still deid's (issue 30: every one was reported as a real name); a name typed in is not."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "post.md", POST)
    write(tmp_path / "in" / "rows.csv", "id,story\r\nr1,My sponsor Ilse Marrow drove me to detox.\r\n"
                                        "r2,Oskar Feldmann from group called every night.\r\n")
    assert CliRunner().invoke(cli, ["run", "in", "--out", "pub"]).exit_code == 0
    post, rows = tmp_path / "pub" / "post.md", tmp_path / "pub" / "rows.csv"
    post.write_text(post.read_text().replace("methadone clinic", "methadone clinic downtown"))
    rows.write_text(rows.read_text().replace("drove me to detox", "drove me to detox twice"))
    result = check("pub")
    assert result.exit_code == 0, result.stdout
    assert "the stand-ins deid wrote are left alone where they still stand" in result.stderr
    post.write_text(post.read_text() + "\nThanks to Lucan Korhonen too.\n")
    result = check("pub")
    assert result.exit_code == 1 and result.stdout.count("\n") == 1 and "PERSON" in result.stdout
