"""A record's published details, made coarse (``risk.profile``)."""

from __future__ import annotations

import pytest

from deid.core.model import Decision, Field, Finding, Plan, Record
from deid.detect.evidence import PATTERN
from deid.policy.ruleset import RiskPolicy
from deid.risk.profile import coarse, profile


@pytest.mark.parametrize(
    "entity, value, expected",
    [
        ("AGE", "a 34-year-old", "3"), ("AGE", "in my thirties", "3"), ("AGE", "93 years old", "9"),
        ("AGE", "in her teens", "1"), ("AGE", "old", ""),
        ("SEX", "woman", "F"), ("SEX", "F", "F"), ("SEX", "man", "M"), ("SEX", "nonbinary", "X"),
        ("OCCUPATION", "a paramedic", "29"), ("OCCUPATION", "a retired teacher", "25"), ("OCCUPATION", "nurses", "29"),
        ("DATE_TIME", "March 3, 2021", "2021"), ("DATE_TIME", "two weeks", ""),
        ("FAMILY", "my three kids", "my kids"),
        ("ORGANIZATION", "Cook County Jail", "county jail"),
        ("NRP", "Cypriot", "cypriot"), ("ZIP_CODE", "45402", "454"), ("ZIP_CODE", "n/a", ""),
    ],
)
def test_coarse(entity, value, expected):
    assert coarse(entity, value) == expected


def _plan(text: str, spans: list[tuple[str, str, str, str]], held_back=None) -> Plan:
    record = Record("s.jsonl", 0, 1, "r1", (Field("text", text),))
    decisions = []
    for sub, entity, action, rule in spans:
        start = text.index(sub)
        decisions.append(Decision(Finding("text", entity, start, start + len(sub), 0.6, "R", PATTERN), action, rule))
    return Plan(record, tuple(decisions), held_back)


def test_only_details_the_rules_publish_count():
    text = "I'm a 34-year-old paramedic, Ann Lee, from Dayton; Lexapro helped."
    plan = _plan(text, [
        ("a 34-year-old", "AGE", "generalize", "entities.AGE"),
        ("paramedic", "OCCUPATION", "keep", "entities.OCCUPATION"),
        ("Ann Lee", "PERSON", "pseudonym", "entities.PERSON"),          # no detail: a name, removed
        ("Dayton", "LOCATION", "replace", "entities.LOCATION"),         # removed: not published
        ("Lexapro", "ORGANIZATION", "keep", "medical_term"),            # a guess kept as a medical term
    ])
    assert profile(plan, RiskPolicy()) == {("AGE", "3"), ("OCCUPATION", "29")}


def test_a_record_held_back_publishes_nothing():
    plan = _plan("I'm a paramedic", [("a paramedic", "OCCUPATION", "keep", "entities.OCCUPATION")], held_back="x")
    assert profile(plan, RiskPolicy()) == frozenset()


def test_only_the_policy_types_count():
    plan = _plan("I'm a paramedic", [("a paramedic", "OCCUPATION", "keep", "entities.OCCUPATION")])
    assert profile(plan, RiskPolicy(types=("AGE",))) == frozenset()


def test_a_small_town_the_rules_keep_is_a_small_place_and_a_generalised_one_its_size():
    text = "I grew up in Aaronsburg and moved to Millersburg, OH."
    kept = _plan(text, [("Aaronsburg", "LOCATION", "keep", "entities.LOCATION")])
    assert profile(kept, RiskPolicy()) == {("SMALL_PLACE", "aaronsburg")}
    general = _plan(text, [("Millersburg, OH", "LOCATION", "generalize", "entities.LOCATION")])
    assert profile(general, RiskPolicy()) == {("LOCATION", "small town in OH")}


@pytest.mark.parametrize(
    "text, event",
    [
        ("My son died in March 2019 and I relapsed.", True),
        ("I was arrested in March 2019. Nobody came.", True),
        ("I overdosed in March 2019.", True),
        ("I started kratom in March 2019.", False),
        ("My son died. I started kratom in March 2019.", False),   # another sentence
    ],
)
def test_a_date_told_with_an_event_on_record_is_an_event_date(text, event):
    plan = _plan(text, [("March 2019", "DATE_TIME", "generalize", "entities.DATE_TIME")])
    assert profile(plan, RiskPolicy()) == {("EVENT_DATE" if event else "DATE_TIME", "2019")}


@pytest.mark.parametrize(
    "text, title, office",
    [
        ("She was the mayor of Quillby for a decade.", "the mayor", True),
        ("the county's coroner signed it", "coroner", True),
        ("a former selectwoman of a village near the lake", "a former selectwoman", True),
        ("my dad was a sheriff for twenty years", "a sheriff", False),          # no place told with it
        ("the manager of Dollmart was rude", "the manager", False),             # no public office
    ],
)
def test_a_public_office_of_a_place_is_distinctive(text, title, office):
    plan = _plan(text, [(title, "OCCUPATION", "generalize", "entities.OCCUPATION")])
    items = profile(plan, RiskPolicy())
    assert (("DISTINCTIVE", "office of a place") in items) is office
    assert any(entity == "OCCUPATION" for entity, _ in items)


@pytest.mark.parametrize("value, expected", [("a fifty-three-year-old", "5"), ("a sixty-something", "6"),
                                             ("in his late nineties", "9"), ("seventeen years old", "1")])
def test_an_age_in_words_is_counted_by_its_decade(value, expected):
    assert coarse("AGE", value) == expected
