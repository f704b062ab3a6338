"""The sampled human audit (issue 31), end to end through the CLI: a keyed sample drawn into
the ledger, reviewed in the terminal with scripted answers and in the browser page, the
verdicts chained and sealed in the ledger with no text, and ``deid verify`` and ``deid
report`` stating the exact bound. A tampered verdict, a sample drawn with another seed and a
verdict on a record not drawn fail verify; the same key and folder draw the same sample;
rules that ask for an audit fail verify and the hook until one meets them. Invented people."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.bounds import upper
from deid.core.keys import Key
from deid.core.layout import LEDGER_NAME
from deid.ledger.audit import line_of
from deid.ledger.sampled import append, draw, seed_of

from tests.conftest import TEST_KEY, write

FIRST = ["Ilse", "Oskar", "Oona", "Lucan", "Faith", "Radomir", "Wendeline", "Tamsin", "Anselm", "Corisande"]
LAST = ["Marrow", "Feldmann", "Pelletier", "Korhonen", "Quenby", "Dunmore", "Abernethy", "Okafor"]
DRUGS = ["buprenorphine", "methadone", "gabapentin", "naltrexone", "tramadol"]
STORIES = [f"My sponsor {FIRST[i % 10]} {LAST[i % 8]} got me onto {DRUGS[i % 5]} after {i % 7 + 2} months of kratom."
           for i in range(40)]
KEY = Key(TEST_KEY.encode(), "test")


def deid(*args, input=None):
    return CliRunner().invoke(cli, [*map(str, args)], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("audit")
    src = write(root / "in" / "stories.jsonl", "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n"
                                                        for i, t in enumerate(STORIES)))
    assert deid("run", src, "--out", root / "pub").exit_code == 0
    return root


@pytest.fixture
def folder(published, tmp_path):
    """A fresh copy of the published folder (each test adds to its ledger) and its input."""
    shutil.copytree(published / "pub", tmp_path / "pub")
    return tmp_path / "pub", published / "in"


def entries(pub: Path) -> list[dict]:
    return [json.loads(x) for x in (pub / LEDGER_NAME).read_text(encoding="utf-8").splitlines()]


def verify(pub: Path):
    result = deid("verify", pub)
    statement = next((ln.split("audit: ", 1)[1] for ln in result.stderr.splitlines() if "verify: audit: " in ln), "")
    return result, statement


def test_the_sample_is_the_keyed_draw_and_the_same_for_anyone_with_the_key(folder, tmp_path):
    pub, _ = folder
    drew = deid("audit", "sample", pub, "--max-rate", "0.2")
    assert drew.exit_code == 0, drew.output
    sample = entries(pub)[-1]
    run_part = [e for e in entries(pub) if e["kind"] not in ("audit_sample", "audit_verdict")]
    assert sample["kind"] == "audit_sample" and sample["n"] == 14 and sample["population"] == 40  # 0.9^14 <= 0.05
    assert sample["seed"] == seed_of(run_part[-1])
    assert "Marrow" not in json.dumps(sample) and len(set(sample["drawn"])) == 14
    # a second person with the same key and a copy of the folder draws the same records
    other = tmp_path / "elsewhere" / "pub"
    shutil.copytree(folder[0], other)
    (other / LEDGER_NAME).write_text("".join(line_of(e) + "\n" for e in run_part), encoding="utf-8")
    assert deid("audit", "sample", other, "--max-rate", "0.2").exit_code == 0
    assert entries(other)[-1]["drawn"] == sample["drawn"]
    # asked again, nothing new; asked for more, the larger sample extends the smaller one
    again = deid("audit", "sample", pub, "--max-rate", "0.2")
    assert "already drawn" in again.stderr and entries(pub)[-1] == sample
    assert deid("audit", "sample", pub, "--n", "20").exit_code == 0
    assert entries(pub)[-1]["drawn"][:14] == sample["drawn"]
    # it is the draw: the records ordered by the keyed label, first n
    from deid.ledger.sampled import record_label

    key = KEY.under(run_part[0]["key_derivation"])
    seqs = [e["seq"] for e in run_part if e.get("kind") == "record"]
    ordered = sorted(seqs, key=lambda q: key.label("audit draw", f"{sample['seed']}\x1f{q}", 16))
    assert sample["drawn"] == [record_label(key, q) for q in ordered[:14]]
    assert sample["drawn"] != [record_label(key, q) for q in seqs[:14]]  # not simply the first records


def test_a_terminal_review_resumes_and_verify_states_the_exact_bound(folder):
    pub, src = folder
    assert deid("audit", "sample", pub, "--n", "6").exit_code == 0
    first = deid("audit", "review", pub, src, "--reviewer", "Reviewer One", input="c\nc\nq\n")
    assert first.exit_code == 0, first.output
    assert "record 1 of 6" in first.output and "original:" in first.output and "published:" in first.output
    result, statement = verify(pub)
    assert result.exit_code == 0 and statement.startswith("2 of the 6 records drawn from 40 reviewed so far by 1 reviewer")
    second = deid("audit", "review", pub, src, "--reviewer", "Reviewer Two", input="c\nd\ndrug\nc\nc\n")
    assert second.exit_code == 0 and "record 1 of 4" in second.output  # only those without a verdict
    verdicts = [e for e in entries(pub) if e["kind"] == "audit_verdict"]
    assert [v["verdict"] for v in verdicts] == ["clean", "clean", "clean", "damaged", "clean", "clean"]
    assert verdicts[3]["types"] == ["DRUG"] and len({v["reviewer"] for v in verdicts}) == 2
    ledger_text = (pub / LEDGER_NAME).read_text(encoding="utf-8")
    assert "Reviewer" not in ledger_text and "Marrow" not in ledger_text and "sponsor" not in ledger_text
    result, statement = verify(pub)
    assert result.exit_code == 0, result.stderr
    assert statement == (f"6 of 40 records reviewed by 2 reviewers, 0 leaks: leak rate <= {upper(0, 6, 0.95):.1%} "
                         f"(95%, exact binomial); medical meaning lost in 1 of 6: <= {upper(1, 6, 0.95):.1%}")
    report = tmp_report(pub)
    assert statement.replace("<=", "&lt;=") in report


def tmp_report(pub: Path) -> str:
    out = pub.parent / "report.html"
    assert deid("report", pub, "-o", out).exit_code == 0
    return out.read_text(encoding="utf-8")


def test_a_leak_fails_verify_naming_the_record_and_the_fix(folder):
    pub, src = folder
    assert deid("audit", "sample", pub, "--n", "3").exit_code == 0
    assert deid("audit", "review", pub, src, "--reviewer", "R", input="c\nl\nperson\ny\nc\n").exit_code == 0
    result, statement = verify(pub)
    assert result.exit_code == 1
    assert "a reviewer found a leak (PERSON)" in result.stderr and "deny list or the roster" in result.stderr
    assert statement.startswith(f"failed: 3 of 40 records reviewed by 1 reviewer, 1 leak: leak rate <= {upper(1, 3, 0.95):.1%}")
    assert [e for e in entries(pub) if e["kind"] == "audit_verdict"][1]["identifies"] is True


def test_a_tampered_verdict_fails_verify(folder):
    pub, src = folder
    assert deid("audit", "sample", pub, "--n", "2").exit_code == 0
    assert deid("audit", "review", pub, src, "--reviewer", "R", input="l\nperson\ny\nc\n").exit_code == 0
    lines = (pub / LEDGER_NAME).read_text(encoding="utf-8").splitlines()
    leak = next(i for i, ln in enumerate(lines) if '"verdict":"leaked"' in ln)
    entry = json.loads(lines[leak])
    entry.update(verdict="clean", types=[])
    entry.pop("identifies")
    lines[leak] = line_of(entry)  # the chain's next link no longer matches, and the seal does not
    (pub / LEDGER_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, _ = verify(pub)
    assert result.exit_code == 1 and "chain" in result.stderr
    lines[leak + 1:] = []  # dropping the lines after it mends the chain, not the seal
    (pub / LEDGER_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, _ = verify(pub)
    assert result.exit_code == 1 and "an audit entry not sealed with this key" in result.stderr


def test_a_sample_drawn_with_another_seed_is_refused(folder):
    pub, _ = folder
    run_part = entries(pub)
    key = KEY.under(run_part[0]["key_derivation"])
    seqs = [e["seq"] for e in run_part if e.get("kind") == "record" and e.get("status") == "published"]
    from deid.ledger.sampled import record_label

    chosen = draw(key, "0" * 64, seqs, 5)  # easy records, picked with a seed of one's own
    forged = {"kind": "audit_sample", "seed": "0" * 64, "n": 5, "confidence": 0.95, "max_rate": None,
              "population": len(seqs), "drawn": [record_label(key, s) for s in chosen], "time": "2026-12-07T00:00:00Z"}
    append(pub / LEDGER_NAME, [forged], key)  # sealed with the key: only the draw gives it away
    result, _ = verify(pub)
    assert result.exit_code == 1 and "not this run's keyed draw" in result.stderr


@pytest.mark.parametrize("where", ["rules", "config"])
def test_rules_or_the_configuration_asking_for_an_audit_fail_verify_and_the_hook_until_one_meets_them(
        tmp_path, monkeypatch, where):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "rules.yaml", "extends: default\naudit: {confidence: 0.9, max_rate: 0.3}\n")
    src = write(tmp_path / "in" / "s.jsonl", "".join(json.dumps({"id": f"s{i}", "text": t}) + "\n"
                                                     for i, t in enumerate(STORIES[:12])))
    if where == "rules":
        assert deid("run", src, "--out", "pub", "--rules", "rules.yaml").exit_code == 0
    else:
        assert deid("run", src, "--out", "pub").exit_code == 0
        write(tmp_path / ".deid.toml", "audit = {confidence = 0.9, max_rate = 0.3}\n")
    asks = "the run's rules ask" if where == "rules" else "the project's configuration asks"
    result, statement = verify(Path("pub"))
    assert result.exit_code == 1 and f"{asks} for a sampled audit that bounds the leak rate at 30.0% with 90% confidence" in result.stderr
    assert deid("check", "pub").exit_code == 1  # the pre-publish hook
    drew = deid("audit", "sample", "pub")  # what is asked sets the size: 0.7^7 <= 0.1
    assert "drew 7 of 12" in drew.stderr
    assert deid("audit", "review", "pub", "in", "--reviewer", "R", input="c\n" * 7).exit_code == 0
    result, statement = verify(Path("pub"))
    assert result.exit_code == 0 and statement.endswith(f"leak rate <= {upper(0, 7, 0.9):.1%} (90%, exact binomial)")
    assert deid("check", "pub").exit_code == 0


def test_audit_commands_refuse_a_folder_changed_since_the_run(folder):
    pub, _ = folder
    out = pub / "stories.jsonl"
    out.write_text(out.read_text(encoding="utf-8").replace("methadone", "Methadone", 1), encoding="utf-8")
    result = deid("audit", "sample", pub)
    assert result.exit_code == 2 and "changed since deid run sealed it" in result.stderr


def test_the_page_is_refused_where_it_could_be_published(folder, tmp_path):
    pub, src = folder
    assert deid("audit", "sample", pub, "--n", "2").exit_code == 0
    inside = deid("audit", "review", pub, src, "--html", pub / "audit.html")
    assert inside.exit_code == 2 and "inside the published folder" in inside.stderr
    repo = tmp_path / "site"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    in_git = deid("audit", "review", pub, src, "--html", repo / "audit.html")
    assert in_git.exit_code == 2 and "git work tree" in in_git.stderr and not (repo / "audit.html").exists()


def test_verdicts_saved_by_the_page_are_checked_before_any_is_recorded(folder, tmp_path):
    pub, _ = folder
    assert deid("audit", "sample", pub, "--n", "2").exit_code == 0
    sample = entries(pub)[-1]
    bad = write(tmp_path / "v.json", json.dumps({"seed": sample["seed"], "reviewer": "R", "verdicts": [
        {"record": sample["drawn"][0], "verdict": "clean"}, {"record": "not-drawn", "verdict": "clean"}]}))
    result = deid("audit", "record", pub, bad)
    assert result.exit_code == 2 and "verdict 2 names no drawn record" in result.stderr
    assert entries(pub)[-1] == sample
    odd = write(tmp_path / "t.json", json.dumps({"seed": sample["seed"], "reviewer": "R", "verdicts": [
        {"record": sample["drawn"][0], "verdict": "leaked", "types": [7]}]}))
    assert "types are words like PERSON" in deid("audit", "record", pub, odd).stderr and entries(pub)[-1] == sample
    other = write(tmp_path / "w.json", json.dumps({"seed": "f" * 64, "reviewer": "R", "verdicts": []}))
    assert "made for another sample" in deid("audit", "record", pub, other).stderr


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_review_page_in_a_real_browser_keeps_verdicts_and_saves_them_for_the_ledger(
        folder, tmp_path, browser, width, height):
    pub, src = folder
    assert deid("audit", "sample", pub, "--n", "3").exit_code == 0
    html_file = tmp_path / "review" / "audit.html"
    made = deid("audit", "review", pub, src, "--html", html_file)
    assert made.exit_code == 0, made.output
    assert html_file.stat().st_mode & 0o077 == 0  # it holds the original text
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(html_file.as_uri())
    articles = page.locator("article[data-record]")
    assert articles.count() == 3 and "CONFIDENTIAL" in page.inner_text(".confidential")
    assert page.locator("mark").count() >= 3 and "sponsor" in page.inner_text("article >> nth=0")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.fill("#reviewer", "Page Reviewer")
    articles.nth(0).locator("input[value=clean]").check()
    articles.nth(1).locator("input[value=damaged]").check()
    articles.nth(1).locator("input.types").fill("drug")
    page.reload()  # an interrupted review: the verdicts given are still there
    assert page.locator("article >> nth=0").locator("input[value=clean]").is_checked()
    assert page.inner_text("#given") == "2"
    page.locator("article >> nth=2").locator("input[value=clean]").check()
    page.fill("#reviewer", "Page Reviewer")
    with page.expect_download() as download:
        page.click("#save")
    saved = tmp_path / "deid-verdicts.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["verdicts"] == json.loads(page.input_value("#verdicts"))["verdicts"]
    assert errors == [], errors  # the Content-Security-Policy let the page's own script run, nothing else
    page.close()
    recorded = deid("audit", "record", pub, saved)
    assert recorded.exit_code == 0 and "3 verdict(s) recorded" in recorded.stderr
    result, statement = verify(pub)
    assert result.exit_code == 0, result.stderr
    assert statement.startswith("3 of 40 records reviewed by 1 reviewer, 0 leaks") and "medical meaning lost in 1 of 3" in statement


def test_the_readme_loop_on_the_samples_runs_as_written(tmp_path, monkeypatch):
    """README, "A sampled audit": after `make demo`, each command of its block as written, the
    reviewer's answers typed in; verify then states what the block's comment says."""
    import re

    from tests.conftest import ROOT, SAMPLES

    monkeypatch.chdir(tmp_path)
    shutil.copytree(SAMPLES, tmp_path / "samples")
    assert deid("run", "samples", "--out", "out/samples").exit_code == 0  # make demo
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL) if "deid audit sample" in b)
    commands = [line.split("#")[0].split() for line in block.splitlines() if line.startswith("deid ")]
    assert [c[:2] for c in commands] == [["deid", "audit"], ["deid", "audit"], ["deid", "verify"]]
    for command in commands:
        result = deid(*command[1:], input="c\n" * 20)
        assert result.exit_code == 0, (command, result.output)
    said = block.split("deid verify out/samples", 1)[1].split("# ", 1)[1].split("...", 1)[0].strip()
    assert said.startswith("audit: ") and f"deid verify: {said}" in result.stderr


@pytest.mark.parametrize("given, counted", [
    (["clean", "damaged"], "damaged"),           # two reviewers disagree: the more severe stands
    (["leaked", "clean"], "leaked"),
    (["damaged", "leaked", "clean"], "leaked"),
    (["clean", "clean"], "clean"),
])
def test_a_record_given_several_verdicts_counts_by_its_most_severe(given, counted):
    from deid.ledger.sampled import read_audit, sample_entry, verdict_entry

    key = Key(b"k" * 32, "test")
    run = [{"kind": "header"}, *({"kind": "record", "seq": s, "status": "published"} for s in (1, 2, 3)),
           {"kind": "summary", "chain_head": "x"}]
    sample = sample_entry(key, run[-1], [1, 2, 3], 1, 0.95, None)
    seq = draw(key, sample["seed"], [1, 2, 3], 1)[0]
    tail = [sample, *(verdict_entry(key, seq, v, f"reviewer {i}", ["PERSON"] if v == "leaked" else [], True)
                      for i, v in enumerate(given))]
    audit = read_audit(run, tail, key)
    assert audit.verdicts[seq]["verdict"] == counted and len(audit.reviewers) == len(given) and not audit.problems
    assert audit.bound("leaked") == upper(int(counted == "leaked"), 1, 0.95)


def test_a_batch_read_whole_states_its_rate_not_a_bound():
    from deid.ledger.sampled import read_audit, sample_entry, verdict_entry

    key = Key(b"k" * 32, "test")
    run = [{"kind": "header"}, *({"kind": "record", "seq": s, "status": "published"} for s in (1, 2)),
           {"kind": "summary"}]
    tail = [sample_entry(key, run[-1], [1, 2], 2, 0.95, 0.05), verdict_entry(key, 1, "clean", "R"),
            verdict_entry(key, 2, "clean", "R")]
    assert read_audit(run, tail, key).statement() == (
        "2 of 2 records reviewed by 1 reviewer, 0 leaks: leak rate <= 0.0% (every record read)")


def test_a_review_cut_off_keeps_what_was_given_and_a_finished_one_says_so(folder):
    pub, src = folder
    no_sample = deid("audit", "review", pub, src)
    assert no_sample.exit_code == 2 and "draw one first: deid audit sample" in no_sample.stderr
    assert deid("audit", "sample", pub, "--n", "2").exit_code == 0
    cut = deid("audit", "review", pub, src, "--reviewer", "R", input="c\n")  # the input ends mid-review
    assert cut.exit_code == 0 and "the verdicts given are in the ledger" in cut.stderr
    assert [e["verdict"] for e in entries(pub) if e["kind"] == "audit_verdict"] == ["clean"]
    assert deid("audit", "review", pub, src, "--reviewer", "R", input="c\n").exit_code == 0
    done = deid("audit", "review", pub, src)
    assert done.exit_code == 0 and "every drawn record has a verdict: 2 of 40 records reviewed" in done.stderr


@pytest.mark.parametrize("value", ['"yes"', "{confidence = 1.5}", "{rate = 0.1}", "{max_rate = true}"])
def test_an_audit_in_the_configuration_is_checked(tmp_path, monkeypatch, value):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".deid.toml", f"audit = {value}\n")
    result = deid("verify", tmp_path)
    assert result.exit_code == 2 and "audit must be a table of confidence and max_rate" in result.stderr
