"""The batch: what one record knows reaches the others only on strong
evidence, a record comes out the same alone as inside a batch of clean
records, and ``deid eval`` measures exactly what ``deid run`` publishes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.commands.evaluate import load_gold, records
from deid.core.keys import Key
from deid.core.model import Decision, Field, Finding, Plan, Record
from deid.detect.evidence import CONTEXT, MODEL
from deid.run.pipeline import process_batch
from deid.run.process import observe
from deid.transform.surrogates import Surrogates

from tests.conftest import ROOT, TEST_KEY, write

KEY = Key(TEST_KEY.encode(), "test")
FIXTURE = ROOT / "tests" / "fixtures" / "testimonials.jsonl"
PSYTAR = ROOT.parent / "shared" / "eval" / "psytar_posts.jsonl"


@pytest.fixture(scope="module")
def engine(rules):
    from deid.run.engines import LocalEngine

    return LocalEngine(rules, (), KEY)


def batch(texts, rules, engine):
    recs = [Record("b.jsonl", i, i + 1, f"r{i}", (Field("/text", t),)) for i, t in enumerate(texts)]
    return [o.texts.get("/text", t) for o, t in zip(process_batch(recs, rules, KEY, engine=engine), texts)]


def plan(text: str, value: str, strength: str, index: int, entity: str = "PERSON") -> Plan:
    start = text.index(value)
    rec = Record("b.jsonl", index, index + 1, f"r{index}", (Field("/text", text),))
    finding = Finding("/text", entity, start, start + len(value), 0.85, "test", strength)
    return Plan(rec, (Decision(finding, "pseudonym", "entities.PERSON", (("style", "realistic"),)),))


def test_only_strong_evidence_or_agreeing_guesses_reach_the_batch():
    s = Surrogates(KEY)
    observe(plan("my sister Loretta came", "Loretta", CONTEXT, 0), s)          # context: known
    observe(plan("Dayton was cold", "Dayton", MODEL, 1), s)                     # one guess
    observe(plan("Quillan called", "Quillan", MODEL, 2), s)                     # guessed twice ...
    observe(plan("then Quillan left", "Quillan", MODEL, 3), s)                  # ... in two records
    observe(plan("Muscle Pain all over", "Muscle Pain", MODEL, 4), s)          # ordinary words
    observe(plan("MUSCLE PAIN and Muscle Pain", "MUSCLE PAIN", MODEL, 5), s)   # ... even twice
    s.freeze()
    # a name-only word, and a word of no vocabulary, go in lower case too
    assert sorted(s.removed) == ["Loretta", "Quillan", "loretta", "quillan"]


def test_lower_case_guesses_that_agree_need_the_name_known_with_its_capitals():
    s = Surrogates(KEY)
    for i, (text, value) in enumerate([
        ("it was a life saver", "saver"), ("a real life saver", "saver"),            # also a surname
        ("thanks ishawna", "ishawna"), ("ishawna sang", "ishawna"),                  # no word at all
        ("vote trump", "trump"), ("trump again", "trump"),                           # a word ...
        ("Trump spoke", "Trump"), ("then Trump left", "Trump"),                      # ... known with capitals
    ]):
        observe(plan(text, value, MODEL, i), s)
    s.freeze()
    assert sorted(s.removed) == ["Trump", "ishawna", "trump"]


def test_a_name_known_in_one_record_goes_from_the_next_with_the_same_stand_in(rules, engine):
    out = batch(["My sister Loretta Szabo drove me.", "Loretta came by on Tuesday.", "I took my Suboxone."],
                rules, engine)
    first = out[0].split()[2]
    assert "Loretta" not in " ".join(out) and out[1] == f"{first} came by on Tuesday."
    assert out[2] == "I took my Suboxone."


CLEAN = [
    "The symptoms got progressively worse.", "MUSCLE PAIN", "Cholesterol was high again.",
    "All over muscle pain and joint pain.", "Dry mouth, vivid dreams and night sweats.",
    "SIDE EFFECTS: Insomnia, Lethargy, Dizziness.", "I don't know what to do.", "My doctor said to taper.",
    "Took 300mg for 2-3 weeks.", "Overall it helped my anxiety.", "The leg cramps stopped.",
    "LDL and HDL were checked.", "Sex drive is gone.", "im so tired, cant sleep",
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(CLEAN), min_size=1, max_size=6), st.sampled_from(CLEAN))
def test_clean_records_never_change_another_clean_record(rules, engine, others, post):
    alone = batch([post], rules, engine)[0]
    inside = batch(others + [post] + others, rules, engine)
    assert inside[len(others)] == alone == post


def test_eval_measures_what_run_publishes(tmp_path, rules, engine):
    golds = list(load_gold(FIXTURE))
    src = write(tmp_path / "in" / "stories.jsonl",
                "".join(json.dumps({"id": g.id, "text": g.text}) + "\n" for g in golds))
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    published = [json.loads(line)["text"] for line in (tmp_path / "out" / "stories.jsonl").read_text().splitlines()]
    outcomes = process_batch(records(golds, "stories.jsonl"), rules, KEY, engine=engine)
    assert [o.texts.get("/text", g.text) for o, g in zip(outcomes, golds)] == published
    assert published != [g.text for g in golds]  # the fixture names people: something was changed


def _changes(outcome, text):
    return [(r.decision.finding.start, r.decision.finding.end, r.decision.finding.entity, r.decision.action)
            for r in outcome.redactions if r.changed]


@pytest.mark.skipif(not PSYTAR.exists(), reason="the PsyTAR dev set (../shared/eval) is not here")
def test_a_post_alone_comes_out_as_inside_the_batch_of_psytar_posts(rules, engine):
    """The same spans change, in the same way, whether a post runs alone or
    with the 885 others (no post holds strong evidence of a name). A stand-in
    may differ: the batch keeps two values from sharing one."""
    golds = list(load_gold(PSYTAR))
    recs = records(golds, PSYTAR.name)
    together = process_batch(recs, rules, KEY, engine=engine)
    for rec, inside in list(zip(recs, together))[::6]:
        alone = process_batch([rec], rules, KEY, engine=engine)[0]
        assert _changes(alone, rec) == _changes(inside, rec), rec.id
        assert (alone.texts == inside.texts) or _changes(alone, rec), rec.id


def test_the_first_name_follows_the_full_name_whatever_the_model_typed_it(rules, engine):
    text = "Marcus Whitfield drove me to group. Later that night Marcus called my sister."
    out = batch([text], rules, engine)[0]
    first, last = out.split()[:2]
    assert "Marcus" not in out and "Whitfield" not in out and "[LOCATION]" not in out
    assert out == f"{first} {last} drove me to group. Later that night {first} called my sister."


def test_a_contraction_next_to_a_known_name_does_not_reach_the_batch(rules, engine):
    """A model span that ran across a speaker label ('Heather:"I'm') merged
    with a context name once made "I'm" a known name part for every record."""
    out = batch(['Vsevolod: "Who are you?"\nHeather:"I\'m Daniel\'s daughter".', "I'm tired of the pain.",
                 "I'm on Suboxone now."], rules, engine)
    assert out[1:] == ["I'm tired of the pain.", "I'm on Suboxone now."]
    assert re.search(r"\b(?:Daniel|Heather)\b", out[0]) is None
    assert ':"I\'m ' in out[0]  # the contraction stays; only the name after it is replaced
