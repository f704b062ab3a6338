"""People named in lower case after a courtesy title (issue 29, "person position, any
casing": "ms. ", "mr "). Invented people; each decoy is the same position with no one in it."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.names_by_shape import title_lower_name

from tests.detect.test_id_shapes import found


@pytest.mark.parametrize("text, expected", [
    ("ms. june at the window never rushes anyone", ["june"]),          # a month's word, named by the title
    ("mr dale from the food bank dropped off groceries", ["dale"]),
    ("mrs. oyelaran signs my attendance sheet", ["oyelaran"]),
    ("i asked mr. sterling if the group still meets", ["sterling"]),
    # no one: the disease, a function word, a drug after the title
    ("my ms gets worse when i skip the baclofen", []),
    ("ms. the one at the desk", []),
    ("mr. naloxone is what we call the kit lol", []),
    # a doctor's title: a surname, not an everyday word ("dr visit")
    ("dr kowalczyk-nunes changed my dose", ["kowalczyk-nunes"]),
    ("my dr visit got moved", []),
])
def test_a_courtesy_title_names_a_person_whatever_the_word(text, expected):
    assert found(title_lower_name, text) == expected
