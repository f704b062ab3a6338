"""People named in lower case where only a person stands (issue 29, "person position, any
casing"): after a courtesy title ("ms. ", "mr ") and when greeted by a caller who then says
who is calling. Invented people; each decoy is the same position with no one in it."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.names import greeting_lower_name
from deid.detect.recognizers.names_by_shape import courtesy_lower_name


def found(make, text):
    rec = make()
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities)]


@pytest.mark.parametrize("text, expected", [
    ("ms. june at the window never rushes anyone", ["june"]),          # a month's word, named by the title
    ("mr dale from the food bank dropped off groceries", ["dale"]),
    ("mrs. oyelaran signs my attendance sheet", ["oyelaran"]),
    ("i asked mr. sterling if the group still meets", ["sterling"]),
    # no one: the disease, a function word, a drug after the title
    ("my ms gets worse when i skip the baclofen", []),
    ("ms. the one at the desk", []),
    ("mr. naloxone is what we call the kit lol", []),
])
def test_a_courtesy_title_names_a_person_whatever_the_word(text, expected):
    assert found(courtesy_lower_name, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("hey robin its me, call me back", ["robin"]),
    ("hi april, it's your sister, the clinic called", ["april"]),
    ("hello sage this is the pharmacy about your refill", ["sage"]),
    # a way of addressing someone, or no greeting of a person at all
    ("hey babe its me, running late", []),
    ("hi mom its me again", []),
    ("hey there its been a minute", []),
    ("hey guys its day 30", []),
])
def test_greeted_before_the_caller_says_who_it_is(text, expected):
    assert found(greeting_lower_name, text) == expected
