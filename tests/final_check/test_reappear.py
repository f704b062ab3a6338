"""A removed value written again (``final_check.reappear``): the run's final check and ``deid
verify`` ask the same question, so a run never publishes what verify then rejects (issue 30)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.final_check.reappear import Removed, reappearances, unmarked_runs

from tests.conftest import write


def _found(values, text, marked=()):
    return [(text[a:b], t) for a, b, t in Removed(values).find(text, marked)]


@pytest.mark.parametrize("values, text, found", [
    ([("Loretta Szabo", "PERSON")], "Loretta Szabo rang.", [("Loretta Szabo", "PERSON")]),
    ([("Szabo", "PERSON")], "I met Szabo at group; SZABO was late.", [("Szabo", "PERSON"), ("SZABO", "PERSON")]),
    ([("Szabo", "PERSON")], "I met szabo at group.", [("szabo", "PERSON")]),   # almost only ever a name: any case
    ([("Dawn", "PERSON")], "Dawn: how are you?", [("Dawn", "PERSON")]),
    ([("Dawn", "PERSON")], "hey dawn, woke up at dawn", []),                  # a word: only as written
    ([("Rose", "PERSON")], "Rose pollen season again.", []),                    # the everyday word
    ([("Quenby", "PERSON")], "at Quenby's place", [("Quenby", "PERSON")]),
    ([("Wexley Ford", "LOCATION")], "out past Wexley Ford now", [("Wexley Ford", "LOCATION")]),
    ([("Szabo", "PERSON")], "nothing here", []),
])
def test_a_removed_value_is_found_as_verify_finds_it(values, text, found):
    assert _found(values, text) == found


def test_a_span_deid_wrote_is_never_read_again():
    text = "Frances Breland, not Szabo, rang."
    assert _found([("Breland", "PERSON"), ("Szabo", "PERSON")], text, [(0, 16)]) == [("Szabo", "PERSON")]


def test_runs_break_at_marked_spans_and_drop_possessives():
    assert [[w for w, _, _ in run] for run in unmarked_runs("Ann's dog met [NAME] at Bo's.", [(14, 20)])] == [
        ["Ann", "dog", "met"], ["at", "Bo"]]


def test_a_possessive_in_capitals_is_cut_off_too():
    """Fixed on purpose: "SZABO'S" kept its "'S" (the possessive was cut in lower case only), so
    the final check and ``deid verify`` did not find "SZABO" in it."""
    assert [[w for w, _, _ in run] for run in unmarked_runs("SZABO'S car", [])] == [["SZABO", "car"]]
    assert _found([("Szabo", "PERSON")], "I parked SZABO'S car.") == [("SZABO", "PERSON")]


WORDS = st.sampled_from(["Ann", "ann", "Lee", "Ann Lee", "Dawn", "dawn", "at", "the", "Rose", "pollen", "Szabo",
                         "SZABO", "met", "Quenby's", "Mark", "my", "words", "Dr.", "-", ":"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.lists(WORDS, min_size=1, max_size=4))
def test_the_first_word_index_gives_the_answers_of_asking_every_n_gram(words, removed):
    """``first_words`` only skips n-grams that cannot match: the same findings as asking
    every one, as ``deid verify`` does with fingerprints."""
    text = " ".join(words)
    values = Removed((w, "PERSON") for w in removed)
    every = [(a, b) for a, b, _ in reappearances(text, (), values.known)]
    assert [(a, b) for a, b, _ in values.find(text, ())] == every


def test_a_run_never_publishes_what_verify_rejects(tmp_path):
    """Names from a form's name column that are everyday words, again in other records in
    every position: as a chat's speaker label, opening a sentence, in capitals, possessive.
    Whatever detection makes of each, what the run publishes passes ``deid verify``."""
    names = ["Dawn Quenby", "Will Oyelaran", "Hope Marchetti", "Mark Tanberg", "Sunny Adebayo"]
    sayings = ["{f}: ok thats smart, eat something", "{f} here, 43, from the valley.", "Ask {F} about it.",
               "{f}'s taper went fine.", "I told {f} at group", "hey {l} its me", "{f} {s} was there too."]
    rows = []
    for i, name in enumerate(names):
        first, last = name.split()
        other = names[(i + 1) % len(names)].split()
        story = " ".join(s.format(f=other[0], F=other[0].upper(), l=other[0].lower(), s=other[1])
                         for s in sayings)
        rows.append({"id": f"r{i}", "name": name, "story": f"Tapering off methadone. {story}"})
    src = write(tmp_path / "in" / "form.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    ran = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert ran.exit_code in (0, 1), ran.output
    verified = CliRunner().invoke(cli, ["verify", str(tmp_path / "out")])
    assert verified.exit_code == 0, verified.output


def test_the_final_check_repairs_what_verify_would_find(rules, processor):
    """A guess removed once ("AM" taken for a person's initials) and written again later in
    the record: ``deid verify`` finds the second by the ledger's fingerprint, so the run's
    final check finds it first and repairs it (before this check it was published)."""
    from deid.core.keys import Key
    from deid.core.model import Decision, Field, Finding, Plan, Record
    from deid.run.process import Finisher, observe
    from deid.transform.surrogates import Surrogates

    from tests.conftest import TEST_KEY

    text = "7:42 AM - cant make group tonight\n7:45 AM - ok hon\n7:51 AM - ty"
    record = Record("chat.txt", 0, 1, "chat.txt", (Field("", text),))
    found = Finding("", "PERSON", 5, 7, 0.85, "SpacyRecognizer", "model")
    plan = Plan(record, (Decision(found, "replace", "entities.PERSON", (("tag", "[PERSON]"),)),))
    key = Key(TEST_KEY.encode(), "test")
    surrogates = Surrogates(key)
    observe(plan, surrogates)
    outcome = Finisher(rules, key, processor.detector.scanner, surrogates.freeze()).finish(plan)
    assert not outcome.held_back
    out = outcome.texts[""]
    assert "AM" not in out and out.startswith("7:42 [PERSON] - cant make group tonight\n7:45 ")
