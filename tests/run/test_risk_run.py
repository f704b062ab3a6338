"""Re-identification risk through a whole run: the details of each record counted across
the batch, the records at risk listed (default rules) or held back into the review folder
(strict), the exit code, the ledger, ``deid verify`` and the report. Invented people."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.keys import Key
from deid.ledger.lift import lift
from deid.ledger.published import VerifyReport
from deid.ledger.verify import _risk
from deid.policy.rules import load_rules
from tests.conftest import TEST_KEY, write

KEY = Key(TEST_KEY.encode(), "test")
STORIES = [
    # one record whose details single its writer out: age, occupation, family, a rare event
    "I'm a 34-year-old paramedic and a mother of two. I was the only woman in my unit when I started kratom.",
    # five records that share what they tell: a decade of age and an occupation group
    *["I am 45 years old and I work as a nurse; tapering off oxycodone took me a year."] * 5,
    # one that tells nothing of its writer
    "Tapering off methadone was slow, 5 mg at a time, and the muscle pain eased after that.",
]


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture()
def batch(tmp_path):
    lines = "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(STORIES))
    return write(tmp_path / "in" / "stories.jsonl", lines)


def ledger(out):
    return [json.loads(line) for line in (out / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()]


def test_strict_holds_the_record_that_singles_someone_out_into_the_review_folder(batch, tmp_path):
    out = tmp_path / "publish"
    result = invoke("run", batch, "--out", out, "--rules", "strict", "--report", tmp_path / "review.html")
    assert result.exit_code == 3
    assert "held back for review" in result.stderr and "risk high" in result.stderr
    published = [json.loads(line) for line in (out / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in published] == ["r1", "r2", "r3", "r4", "r5", "r6"]
    # the stories still read: an age as its decade, an occupation as its group
    assert published[0]["text"].startswith("I am in my forties and I work as a healthcare worker; tapering off oxycodone")
    assert published[5]["text"] == STORIES[6]
    held = [json.loads(line) for line in (tmp_path / "publish.review" / "held-for-review.jsonl").read_text().splitlines()]
    assert [h["id"] for h in held] == ["r0"] and "AGE" in held[0]["reason"] and "paramedic" not in held[0]["reason"]
    entries = ledger(out)
    records = {e["id"]: e for e in entries if e["kind"] == "record"}
    assert records["r0"]["status"] == "held_for_review" and "output" not in records["r0"]
    assert records["r0"]["risk"] == {"level": "high", "shared_by": 1,
                                     "types": ["AGE", "DISTINCTIVE", "FAMILY", "OCCUPATION"]}
    assert records["r1"]["risk"] == {"level": "low", "shared_by": 5, "types": ["AGE", "OCCUPATION"]}
    assert records["r6"]["risk"]["types"] == [] and records["r6"]["risk"]["shared_by"] == 7
    assert entries[-1]["held_for_review"] == 1 and entries[-1]["risk_levels"] == {"high": 1, "low": 6}
    ledger_text = (out / "deid-audit.jsonl").read_text(encoding="utf-8")
    assert "paramedic" not in ledger_text and "34" not in json.dumps(records["r0"]["risk"])
    verified = invoke("verify", out)
    assert verified.exit_code == 0 and "risk: ok" in verified.stderr
    report = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert "To review for re-identification risk (1)" in report and "held back for review" in report


def test_the_default_rules_publish_and_list_the_record_for_review(batch, tmp_path):
    out = tmp_path / "publish"
    result = invoke("run", batch, "--out", out)
    assert result.exit_code == 0
    assert "published, to review: re-identification risk high" in result.stderr
    assert len((out / "stories.jsonl").read_text(encoding="utf-8").splitlines()) == 7
    assert "34-year-old paramedic" in (out / "stories.jsonl").read_text(encoding="utf-8")  # Safe Harbor keeps them
    assert not (tmp_path / "publish.review").exists()


def test_a_review_folder_inside_the_output_is_refused(batch, tmp_path):
    result = invoke("run", batch, "--out", tmp_path / "publish", "--review", tmp_path / "publish" / "r")
    assert result.exit_code == 2 and "review folder must not be inside --out" in result.stderr


def test_verify_refuses_a_published_record_above_the_hold_level():
    rules = load_rules("strict")
    entries = [{"kind": "header", "schema": 6},
               {"kind": "record", "seq": 1, "id": "r0", "status": "published", "output": "a.jsonl",
                "risk": {"level": "high", "types": ["AGE", "OCCUPATION", "SEX"], "shared_by": 1}},
               {"kind": "record", "seq": 2, "id": "r1", "status": "published", "output": "a.jsonl"},
               {"kind": "record", "seq": 3, "id": "r2", "status": "held_for_review", "output": "a.jsonl",
                "risk": {"level": "high", "types": ["AGE"], "shared_by": 1}},
               {"kind": "summary"}]
    rep = VerifyReport()
    entries = lift(entries, KEY)  # as the one reader gives them (``published.read_chain``)
    _risk(entries, rep, rules)
    assert rep.checked["risk"] == "failed" and len(rep.problems) == 3
    assert "record r0 (ledger seq 1): published at re-identification risk high" in rep.problems[0]
    assert "no risk recorded" in rep.problems[1] and "held back for review, yet" in rep.problems[2]
    rep = VerifyReport()
    _risk(entries[:2] + entries[-1:], rep, load_rules())  # the default rules hold nothing back
    assert rep.ok


def test_a_ledger_from_before_risk_says_so():
    rep = VerifyReport()
    _risk(lift([{"kind": "header", "schema": 5}, {"kind": "summary"}], KEY), rep, load_rules())
    assert rep.ok and rep.checked["risk"].startswith("not recorded")


# issue 28: details strict found nowhere before (an age in words, a rare title, an office of a
# small place, a named disaster, years and sums in words); invented people and places
WORDS_STORIES = [
    "My grandmother Ottilie Brandvik, a seventy-something former town clerk of a hamlet of 180, lost her son "
    "in the Skarre Bay cannery explosion. She takes metoprolol 25 mg.",
    "I worked as a glazier for years. Back in nineteen ninety-six a month of pills cost sixty bucks; "
    "by twenty eleven it was two grand. I took twenty milligrams for twenty years and the nausea stayed.",
]


def test_strict_finds_details_in_words_and_holds_an_office_holder_of_a_small_place(tmp_path):
    lines = "".join(json.dumps({"id": f"w{i}", "text": t}) + "\n" for i, t in enumerate(WORDS_STORIES))
    batch = write(tmp_path / "in" / "words.jsonl", lines)
    out = tmp_path / "publish"
    result = invoke("run", batch, "--out", out, "--rules", "strict")
    assert result.exit_code == 3
    records = {e["id"]: e for e in ledger(out) if e["kind"] == "record"}
    assert records["w0"]["status"] == "held_for_review" and records["w0"]["risk"]["level"] == "high"
    assert {"AGE", "DISTINCTIVE", "OCCUPATION"} <= set(records["w0"]["risk"]["types"])
    published = json.loads((out / "words.jsonl").read_text(encoding="utf-8").splitlines()[0])["text"]
    for gone in ("glazier", "nineteen ninety-six", "sixty bucks", "twenty eleven", "two grand"):
        assert gone not in published
    assert "a construction worker" in published and "[AMOUNT]" in published and "[DATE]" in published
    assert "twenty milligrams" in published and "nausea" in published          # a dose and a symptom stay
    default = invoke("run", batch, "--out", tmp_path / "default")
    kept = (tmp_path / "default" / "words.jsonl").read_text(encoding="utf-8")
    assert "nineteen ninety-six" in kept and "sixty bucks" in kept               # Safe Harbor keeps a year, a sum


def test_many_records_at_risk_for_the_same_details_are_summed_up_by_kind(tmp_path):
    """A form's columns make most rows of a small batch unique for the same two details: the
    summary says which combination, once, and what fixes it, not only record after record."""
    ages, zips = (23, 37, 41, 58, 66), ("02139", "60614", "73301", "94110", "98052")
    rows = "".join(f"r{i},{ages[i % 5] + i // 5},{zips[(i * 3 + i // 5) % 5]},Tapering off tramadol in week {i}.\r\n"
                   for i in range(25))
    survey = write(tmp_path / "in" / "survey.csv", "id,Age,ZIP,Story\r\n" + rows)
    result = invoke("run", survey, "--out", tmp_path / "publish")
    assert result.exit_code == 0, result.stderr
    listed = result.stderr.count("published, to review")
    assert listed == 20 and "... and" in result.stderr  # the first 20 lines, then the rest by kind
    tally = next(line for line in result.stderr.splitlines() if "records at risk by the details" in line)
    assert "AGE + ZIP_CODE" in tally and "Column rules" in tally
    counted = sum(int(n) for n in re.findall(r"[A-Z_]+ (\d+)", tally))
    assert counted > listed


def test_the_tally_names_the_commonest_combinations_first():
    from collections import Counter

    from deid.console import at_risk_kinds

    line = at_risk_kinds(Counter({("AGE", "ZIP_CODE"): 9, ("AGE",): 1, ("FAMILY", "OCCUPATION"): 4,
                                  ("AGE", "SEX"): 2, ("NRP", "SEX"): 2}))
    assert line.index("AGE + ZIP_CODE 9") < line.index("FAMILY + OCCUPATION 4") < line.index("AGE + SEX 2")
    assert "3 for 2 other combination(s)" in line and "NRP" not in line
