"""``Taken``: the same answers as asking every span, whatever their places and lengths."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.spans import WIDTH, Taken

_span = st.tuples(st.integers(0, 3 * WIDTH), st.integers(0, 2 * WIDTH)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_span, max_size=20), st.lists(_span, max_size=20))
def test_taken_answers_as_the_plain_loop(spans, questions):
    taken = Taken(spans)
    for start, end in questions:
        assert taken.overlaps(start, end) == any(a < end and start < b for a, b in spans)
        assert taken.holds(start, end) == any(a <= start and end <= b for a, b in spans)


@pytest.mark.parametrize(
    "spans, question, overlaps, holds",
    [([(10, 20)], (20, 20), False, True),             # an empty place at a span's end
     ([(WIDTH - 4, WIDTH)], (WIDTH, WIDTH), False, True),  # ... across a stretch's edge
     ([(WIDTH, WIDTH)], (WIDTH - 1, WIDTH + 1), True, False),  # an empty span inside the question
     ([(0, 5 * WIDTH)], (3 * WIDTH, 3 * WIDTH + 1), True, True),
     ([(5, 9)], (9, 12), False, False)],
)
def test_taken_at_the_edges(spans, question, overlaps, holds):
    taken = Taken(spans)
    assert (taken.overlaps(*question), taken.holds(*question)) == (overlaps, holds)
