"""Which findings stand (``detect.standing.judge``): table rows of our own."""

from __future__ import annotations

import pytest

from deid.core.model import CONTEXT, MODEL, Finding
from deid.detect.standing import judge
from deid.policy.rules import load_rules

RULES = load_rules(None)


@pytest.mark.parametrize("text, value, strength, stands", [
    ("the clerk wanted my card no. Then she wanted it again.", "o.", MODEL, False),   # one lower-case letter
    ("the nurse wrote x on the chart", "x", MODEL, False),
    ("my friend K. drove me to detox", "K.", MODEL, True),                          # an initial: a capital
    ("my roommate j. found me", "j.", CONTEXT, True),                                # what a context says stands
])
def test_a_guess_of_one_lower_case_letter_names_no_one(text, value, strength, stands):
    start = text.index(value)
    f = Finding("", "PERSON", start, start + len(value), 0.85, "SpacyRecognizer" if strength == MODEL else "RoleNameRecognizer",
                strength)
    kept, _ = judge(f, text, RULES)
    assert bool(kept) is stands
