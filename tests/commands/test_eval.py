"""``deid eval`` and the testimonial gold set in tests/fixtures."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.commands.evaluate import EvalReport, Gold, _score, load_gold
from deid.core.errors import UsageError

from tests.conftest import ROOT, write

FIXTURE = ROOT / "tests" / "fixtures" / "testimonials.jsonl"
MEDICAL = ["Percocet", "pain clinic", "Kratom", "7-hydroxymitragynine", "withdrawal", "gabapentin", "neuropathy",
           "Suboxone", "Narcan", "fentanyl", "fibromyalgia", "chronic pain", "methadone", "buprenorphine",
           "NA meeting", "subs", "Sublocade", "VA", "hospice"]


def test_scoring_by_hand():
    g = Gold("x", "Ann Lee met Bo at the ER today", [(0, 7, "PERSON"), (12, 14, "PERSON"), (22, 24, "TITLE")])
    rep = EvalReport()
    _score(rep, g, [(0, 3, "PERSON"), (4, 7, "PERSON"), (25, 30, "DATE_TIME")])
    d = rep.as_dict()
    assert d["person_name_recall"] == 0.5          # Ann Lee gone, Bo not
    assert d["labels"]["PERSON"] == {"gold": 2, "recall_exact": 0.0, "recall_overlap": 0.5}
    assert d["redaction_recall"] == round(6 / 8, 4)  # 6 of 8 name characters (spaces not counted)
    assert d["words_kept"] == round(3 / 4, 4)       # met, at, the kept; today removed (ER is a gold span)
    assert rep.missed[("PERSON", "Bo")] == 1 and rep.over_redacted["today"] == 1


def test_eval_command_on_the_testimonial_set():
    result = CliRunner().invoke(cli, ["eval", str(FIXTURE), "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    d = json.loads(result.output)
    assert d["texts"] == 15 and d["held_back"] == 0
    assert d["person_name_recall"] == 1.0
    assert d["redaction_recall"] == 1.0
    assert d["words_kept"] >= 0.95


def test_medical_terms_in_the_testimonial_set_survive(processor):
    from deid.core.model import Field, Record

    text = "\n".join(g.text for g in load_gold(FIXTURE))
    out = processor.process(Record("t", 0, 1, "t", (Field("", text),)))
    published = out.texts.get("", text)
    assert [m for m in MEDICAL if m not in published] == []


def test_eval_table_output_lists_misses_locally(tmp_path):
    gold = write(tmp_path / "g.jsonl", json.dumps({"id": "1", "text": "Zqxvbn went home.", "spans": [{"start": 0, "end": 6, "label": "PERSON"}]}) + "\n")
    result = CliRunner().invoke(cli, ["eval", str(gold)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "person-name recall" in result.output and "gold label" in result.output


@pytest.mark.parametrize(
    "line, words",
    [('{"text": "x"', "expected"), ('{"id": 1, "text": "abc", "spans": [{"start": 2, "end": 9, "label": "P"}]}', "outside the text")],
)
def test_bad_gold_is_a_usage_error(tmp_path, line, words):
    gold = write(tmp_path / "g.jsonl", line + "\n")
    with pytest.raises(UsageError, match=words):
        list(load_gold(gold))
    result = CliRunner().invoke(cli, ["eval", str(gold)], catch_exceptions=False)
    assert result.exit_code == 2 and f"{gold}:1:" in result.stderr


def test_keep_spans_and_records_that_name_no_one_by_hand():
    g = Gold("x", "Dry mouth and muscle pain since May", [],
             keep=[(0, 9, "ADR"), (14, 25, "ADR")], neutral=[(32, 35, "DATETIME")])
    rep = EvalReport()
    _score(rep, g, [(14, 20, "PERSON")])     # "muscle" lost
    d = rep.as_dict()
    assert d["keep_spans_kept"] == 0.5 and d["keep_labels"] == {"ADR": {"gold": 2, "kept": 0.5}}
    assert rep.lost_terms == {"muscle pain": 1}
    assert d["words_kept"] == round(2 / 2, 4)  # "and", "since": keep and NO_MASK spans are not "other words"
    assert d["labels"] == {} and d["redaction_recall"] is None


def test_gold_spans_are_sorted_by_what_they_ask(tmp_path):
    line = {"id": "1", "text": "Ann took Zoloft in 2019.", "spans": [
        {"start": 0, "end": 3, "label": "PERSON", "identifier": "DIRECT"},
        {"start": 9, "end": 15, "label": "DRUG", "keep": True},
        {"start": 19, "end": 23, "label": "DATETIME", "identifier": "NO_MASK"}]}
    g = next(load_gold(write(tmp_path / "g.jsonl", json.dumps(line) + "\n")))
    assert (g.spans, g.keep, g.neutral) == ([(0, 3, "PERSON")], [(9, 15, "DRUG")], [(19, 23, "DATETIME")])


def test_eval_reports_changed_records_that_name_no_one(tmp_path):
    rows = [{"id": "1", "text": "The symptoms got progressively worse.", "spans": []},
            {"id": "2", "text": "Write to zed.quimby@example.org today.", "spans": []}]
    gold = write(tmp_path / "g.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    d = json.loads(CliRunner().invoke(cli, ["eval", str(gold), "--json"], catch_exceptions=False).output)
    assert d["records_naming_no_one"] == 2 and d["changed_naming_no_one"] == 0.5


def test_identifier_verdicts_are_scored_by_verdict_and_label():
    """TAB-style gold: DIRECT and QUASI spans count as masked when every word changed;
    NO_MASK spans count the words left as they were."""
    text = "Mr Oskar Brandvold, a welder born in 1951, sued the Ministry of Transport in Vienna."
    person, year, ministry, city = (0, 18), (36, 40), (52, 73), (77, 83)  # the person's span holds "Mr"
    g = Gold("tab", text, [(*person, "PERSON"), (*year, "DATETIME"), (*city, "LOC")],
             neutral=[(*ministry, "ORG")],
             verdicts=[(*person, "PERSON", "DIRECT"), (*year, "DATETIME", "QUASI"), (*city, "LOC", "QUASI"),
                       (*ministry, "ORG", "NO_MASK")])
    rep = EvalReport()
    _score(rep, g, [(3, 9, "PERSON"), (10, 18, "PERSON"), (36, 40, "DATE_TIME"), (52, 60, "ORGANIZATION")])
    d = rep.as_dict()["identifiers"]
    assert d["DIRECT"] == {"gold": 1, "masked": 1.0, "labels": {"PERSON": {"gold": 1, "masked": 1.0}}}
    assert d["QUASI"]["masked"] == 0.5 and d["QUASI"]["labels"]["LOC"] == {"gold": 1, "masked": 0.0}
    # the 7 words in no span ("a welder born in", "sued the", "in") are all kept
    assert d["NO_MASK"] == {"gold": 1, "words": 3, "words_kept": round(2 / 3, 4),
                            "with_unannotated_words_kept": round((2 + 7) / (3 + 7), 4),
                            "labels": {"ORG": {"gold": 1, "words": 3, "words_kept": round(2 / 3, 4)}}}


def test_a_set_without_verdicts_reports_none(tmp_path):
    gold = write(tmp_path / "g.jsonl", json.dumps({"id": "1", "text": "Zqxvbn went home.",
                                                   "spans": [{"start": 0, "end": 6, "label": "PERSON"}]}) + "\n")
    (g,) = load_gold(gold)
    rep = EvalReport()
    _score(rep, g, [])
    assert rep.as_dict()["identifiers"] == {}


def test_an_unknown_identifier_verdict_is_refused_with_its_line(tmp_path):
    gold = write(tmp_path / "g.jsonl", "\n" + json.dumps({"id": "1", "text": "Zqxvbn went home.", "spans": [
        {"start": 0, "end": 6, "label": "PERSON", "identifier": "MAYBE"}]}) + "\n")
    with pytest.raises(UsageError, match=r"g.jsonl:2: span 1: \"identifier\" must be DIRECT, QUASI or NO_MASK"):
        list(load_gold(gold))


def test_the_table_shows_the_verdicts(tmp_path):
    gold = write(tmp_path / "g.jsonl", json.dumps({"id": "1", "text": "Zqxvbn went home in 1951.", "spans": [
        {"start": 0, "end": 6, "label": "PERSON", "identifier": "DIRECT"},
        {"start": 20, "end": 24, "label": "DATETIME", "identifier": "QUASI"}]}) + "\n")
    result = CliRunner().invoke(cli, ["eval", str(gold)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "DIRECT (identifier verdict)" in result.output and "QUASI (identifier verdict)" in result.output


def test_the_two_halves_split_the_texts_by_id_whatever_their_order(tmp_path):
    from deid.commands.evaluate import half_of

    ids = [f"story-{n}" for n in range(40)]
    halves = {i: half_of(i) for i in ids}
    assert set(halves.values()) == {"a", "b"}                 # both halves get texts
    assert {i: half_of(i) for i in reversed(ids)} == halves   # order does not move a text
    lines = [json.dumps({"id": i, "text": f"Entry {n} went fine.", "spans": []}) for n, i in enumerate(ids)]
    gold = write(tmp_path / "g.jsonl", "\n".join(lines) + "\n")
    counts = {}
    for half in ("a", "b"):
        result = CliRunner().invoke(cli, ["eval", str(gold), "--half", half, "--json"], catch_exceptions=False)
        assert result.exit_code == 0
        counts[half] = json.loads(result.output)["texts"]
    assert counts == {h: list(halves.values()).count(h) for h in ("a", "b")}
