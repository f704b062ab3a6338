"""Long texts cut in overlapping pieces (``pieces``): every offset owned by one piece,
paragraph breaks preferred."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.detect import pieces


@pytest.mark.parametrize("text, limit, overlap, count", [
    ("short text", 100, 10, 1),
    ("a" * 100, 100, 10, 1),
    ("Para one.\n\nPara two is here.\n\nPara three ends it.", 30, 6, 2),
    ("word " * 200, 100, 20, 13),
    ("x" * 1000, 100, 20, 13),          # no break at all: cut anyway
])
def test_split_cuts_long_texts_only(text, limit, overlap, count):
    out = pieces.split(text, limit, overlap)
    assert len(out) == count
    assert all(len(p.text) <= limit for p in out)


def test_split_prefers_paragraph_breaks():
    text = ("Sentence one here. " * 4).strip() + "\n\n" + "Second paragraph. " * 10
    first = pieces.split(text, 120, 20)[0]
    assert first.text.endswith("\n\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n!?", max_size=900), st.integers(60, 200), st.integers(5, 29))
def test_pieces_cover_the_text_and_own_every_offset_once(text, limit, overlap):
    cut = pieces.split(text, limit, overlap)
    for p in cut:
        assert text[p.start:p.start + len(p.text)] == p.text
    assert cut[0].start == 0 and cut[-1].start + len(cut[-1].text) == len(text)
    for offset in range(len(text)):
        owners = [p for p in cut if p.owns(offset)]
        assert len(owners) == 1
        # whatever starts at an owned offset has at least overlap/2 characters of its piece after it
        p = owners[0]
        assert p is cut[-1] or p.start + len(p.text) - offset >= overlap // 2


def test_split_refuses_an_overlap_too_large_for_the_limit():
    with pytest.raises(ValueError):
        pieces.split("x" * 100, 20, 10)
