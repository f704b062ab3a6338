"""A job by where it stands and the shape of a doer's noun (``recognizers.jobs``, issue 28's
strict section): a trade of two words no list holds, a title behind modifiers or in its short
form, and the positions that say "this is a job" whatever the title is; and, the other half,
the self-descriptions of a habit, a feeling or a way of being that are no job. Table-driven,
invented people, trades and places; a case names the word that must (or must not) be found
inside an occupation."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.core.wordlists import HABIT_NOUNS
from deid.detect.recognizers import occupation, occupation_after_age, unknown_job
from deid.transform.kinds import occupation as generalised
from tests.conftest import write


@lru_cache(maxsize=1)
def recognizers() -> tuple:
    return tuple(make() for make in (occupation, occupation_after_age, unknown_job))


def jobs(text: str) -> list[tuple[int, int]]:
    """The spans every occupation recognizer finds in ``text``."""
    return [(r.start, r.end) for rec in recognizers() for r in rec.analyze(text, rec.supported_entities) if r.score >= 0.3]


def covered(text: str, word: str) -> bool:
    at = text.index(word)
    return any(s <= at and at + len(word) <= e for s, e in jobs(text))


FOUND = [
    # a trade of two words no list holds, where only a job stands
    ("Ysolde works as a harp restorer near the weir", "restorer"),
    ("Berengar works as a bicycle framebuilder in Hollin Vale", "framebuilder"),
    ("he earns his living as a chair caner", "caner"),
    ("she made her living as a quilt binder in Ostry", "binder"),
    ("I retired as a peat cutter after the second fall", "cutter"),
    ("I was hired as a barge loader at nineteen", "loader"),
    ("my dad was the only sign writer in Brackwell", "writer"),
    ("Mags was the only kite stringer in the whole valley", "stringer"),
    ("Dunstan repairs accordions for a living", "repairs accordions"),
    ("I've been stuffing saddles for a living since the mill shut", "stuffing saddles"),
    ("I work as a dry-stone waller up on the fells", "waller"),
    # a noun and a trade's head (the head of titles the list holds) after "I'm a", "she is a"
    ("I'm a crate loader and I work the night dock", "loader"),
    ("my wife is a bagpipe tuner", "tuner"),
    ("I'm a wool grader at the co-op", "grader"),
    ("my uncle Ivo is a kerb layer", "layer"),
    ("I'm a sprinkler fitter, mostly warehouses", "fitter"),
    ("my aunt Orla was a lamp winder", "winder"),
    # a title once held, or said in passing, with a trade's head
    ("Ines, a former shoe stitcher, lives alone now", "stitcher"),
    ("my grandad, a retired hop picker, swore by it", "picker"),
    # modifiers of sex, age, size or kind before a title, and a title's short form
    ("I'm a female welder on the pipeline crews", "welder"),
    ("I'm a part-time school-bus driver", "driver"),
    ("I'm a large-animal vet up north", "vet"),
    ("my son is a pharmacy tech at the hospital", "tech"),
    ("she is a night-shift lab tech", "tech"),
    ("I'm a big-rig trucker", "trucker"),
    ("Halvard works as a vet in Strommen", "vet"),
    # "the only" and a word that says which one, before a title or its short form
    ("I'm the only dairy-herd vet in Oxhollow", "vet"),
    ("she was the only deaf cooper in Ballentree", "cooper"),
    ("I'm a young sheep-farm shearer", "shearer"),
    ("I'm a semi-retired harp tuner", "semi-retired"),
]

NOT_FOUND = [
    # a habit, a feeling or a way of being, in the positions a job takes
    ("I'm a restless sleeper these days", "sleeper"),
    ("I'm a chain smoker and it scares me", "smoker"),
    ("my brother is a compulsive gambler", "gambler"),
    ("I was a weekend drinker for years", "drinker"),
    ("she is a chronic worrier", "worrier"),
    ("I'm a big coffee drinker", "drinker"),
    ("I'm a total people-pleaser", "people-pleaser"),
    ("I'm a daily kratom user", "user"),
    ("I was a heavy pill popper", "popper"),
    ("I'm a deep thinker", "thinker"),
    ("I'm a slow reader since the fog", "reader"),
    ("I worked as a team with my counsellor", "team"),
    ("I'm the only non-drinker in my family", "non-drinker"),
    ("I'm a worrier by nature", "worrier"),
    ("my therapist asked what I do for a living", "do"),
    ("I'm a recovering perfectionist", "perfectionist"),
    ("I'm a former opioid user", "user"),
    ("She was a former heavy smoker", "smoker"),
    ("I am a firm believer in routine", "believer"),
    ("I'm a fast learner", "learner"),
    ("I'm a frequent flyer at urgent care", "flyer"),
    ("I'm a long-time migraine sufferer", "sufferer"),
    ("I'm a big fan of walking", "fan"),
    ("I'm a poor metabolizer", "metabolizer"),
    ("I was a binge eater in college", "eater"),
    ("I'm a dog owner and a coffee lover", "owner"),
    ("my uncle is a combat vet", "vet"),
    ("he was a vet, two tours", "vet"),
    ("I'm a risk taker", "taker"),
    ("I'm a single father of two", "father"),
    ("I'm a proud stay-at-home mother", "mother"),
    ("I was a good listener for her", "listener"),
    ("my former partner was a nail biter too", "biter"),
    # a head the list's titles of many kinds end in: the noun before it makes a figure, no trade
    ("I'm a trouble maker, always was", "maker"),
    ("I'm the decision maker at home", "maker"),
    ("I'm a stamp collector", "collector"),
    ("I'm a model builder on weekends", "builder"),
    ("I'm a record keeper for my own meds", "keeper"),
    ("I'm a goal setter", "setter"),
    ("I'm a care giver for my mom", "giver"),
    ("I'm a gene carrier, the test said", "carrier"),
    ("I was working as a mother and a nurse", "mother"),
]


@pytest.mark.parametrize("text, word", FOUND, ids=[w for _, w in FOUND])
def test_a_job_where_only_a_job_stands_is_found(text, word):
    assert covered(text, word), jobs(text)


@pytest.mark.parametrize("text, word", NOT_FOUND, ids=[w for _, w in NOT_FOUND])
def test_a_self_description_is_no_job(text, word):
    assert not covered(text, word), jobs(text)


# every position a job takes, with the words that may stand before its noun
POSITIONS = ["I'm a {mod}{noun}", "my sister was a {mod}{noun}", "I work as a {mod}{noun} now", "he trained as a {noun}",
             "a former {mod}{noun}", "the only {mod}{noun} in town", "a {mod}{noun} by trade", "Ines, a {mod}{noun}, called",
             "my uncle Ivo is a {mod}{noun}", "she earned her living as a {mod}{noun}"]
MODIFIERS = ["", "heavy ", "daily ", "coffee ", "people ", "night-time ", "big ", "chronic ", "pill ", "sheep-farm ",
             "young female "]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(POSITIONS), st.sampled_from(MODIFIERS), st.sampled_from(sorted(HABIT_NOUNS)))
def test_the_noun_of_a_habit_is_no_job_in_any_position(position, mod, noun):
    text = position.format(mod=mod, noun=noun)
    assert not covered(text, noun), (text, jobs(text))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a large-animal vet", "a healthcare worker"),                 # a short form read as its title
        ("pharmacy tech", "healthcare worker"),
        ("a night-shift lab tech", "a scientist"),                       # "lab technician": its group
        ("a kayak builder", "[OCCUPATION]"),                            # a head of titles of two groups
        ("a sprinkler fitter", "a construction worker"),                # a head of titles of one group
        ("a semi-retired harp tuner", "a repair worker"),
    ],
)
def test_a_short_form_is_generalised_as_its_title(value, expected):
    assert generalised(value, "[OCCUPATION]") == expected


STORIES = [
    "Wendeline here. I'm a boat-yard rigger at Ostrova and I earned my living as a glass annealer before that. "
    "Gabapentin 300 mg helped the nerve pain.",
    "I'm a chronic overthinker and a light sleeper, and a former heavy drinker. Sertraline 50 mg helps.",
]


def test_strict_generalises_the_jobs_and_keeps_the_self_descriptions_and_default_keeps_both(tmp_path):
    lines = "".join(json.dumps({"id": f"j{i}", "text": t}) + "\n" for i, t in enumerate(STORIES))
    batch = write(tmp_path / "in" / "jobs.jsonl", lines)
    run = CliRunner().invoke(cli, ["run", str(batch), "--out", str(tmp_path / "strict"), "--rules", "strict"],
                             catch_exceptions=False)
    assert run.exit_code == 0                                          # nothing here singles its writer out
    strict = {json.loads(line)["id"]: json.loads(line)["text"]
              for line in (tmp_path / "strict" / "jobs.jsonl").read_text(encoding="utf-8").splitlines()}
    assert "rigger" not in strict["j0"] and "annealer" not in strict["j0"]
    assert "Gabapentin 300 mg" in strict["j0"] and "nerve pain" in strict["j0"]
    assert strict["j1"] == STORIES[1]                                 # no job in it: unchanged
    run = CliRunner().invoke(cli, ["run", str(batch), "--out", str(tmp_path / "default")], catch_exceptions=False)
    assert run.exit_code == 0
    default = [json.loads(line)["text"] for line in (tmp_path / "default" / "jobs.jsonl").read_text().splitlines()]
    assert "a boat-yard rigger" in default[0] and "a glass annealer" in default[0] and default[1] == STORIES[1]
    verify = CliRunner().invoke(cli, ["verify", str(tmp_path / "strict")], catch_exceptions=False)
    assert verify.exit_code == 0, verify.output
