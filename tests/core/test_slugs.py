"""Slugs read as words (``core.slugs``) and Markdown labels in the detection
text (``core.markup.detection_text``). Invented names."""

from __future__ import annotations

import pytest

from deid.core.markup import detection_text
from deid.core.slugs import as_slug, is_slug, spelled_out


@pytest.mark.parametrize("text, slug, words", [
    ("sunniva-brackwell", True, "Sunniva Brackwell"),
    ("story_of_lucan_mayhew", True, "Story Of Lucan Mayhew"),
    ("sunniva.brackwell", True, "Sunniva Brackwell"),
    ("Sunniva-Brackwell", False, None),
    ("c-0042", False, None),
    ("joanna-pike.md", False, None),
    ("follow", False, None),
    ("R_7x2KpQ", False, None),
])
def test_slugs(text, slug, words):
    assert is_slug(text) is slug
    if slug:
        assert spelled_out(text) == words and len(spelled_out(text)) == len(text)


@pytest.mark.parametrize("new, slug, expected", [
    ("Verna Halloran", "sunniva-brackwell", "verna-halloran"),
    ("Verna Halloran", "sunniva_brackwell", "verna_halloran"),
    ("[LOCATION]", "tannery-row", "[LOCATION]"),
])
def test_a_stand_in_is_written_as_the_slug_was(new, slug, expected):
    assert as_slug(new, slug) == expected


@pytest.mark.parametrize("text, seen", [
    ("## Her year {#year-with-lucan-mayhew}\n", "Year With Lucan Mayhew"),
    ("## Her year {#mayhew .wide}\n", "Mayhew"),
    ("As she said.[^brackwell-letter]\n", "Brackwell Letter"),
    ("[^brackwell-letter]: Sent by post.\n", "Brackwell Letter"),
])
def test_heading_ids_and_footnote_labels_are_read_as_words(text, seen):
    out = detection_text(text)
    assert len(out) == len(text) and seen in out and "{#" not in out and "[^" not in out
