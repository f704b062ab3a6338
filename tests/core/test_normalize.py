"""Text as a reader sees it: format characters, right-to-left overrides and
tags inside a word are undone for detection, and spans map back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deid.core.model import Field, Record
from deid.core.normalize import as_read, for_detection, to_original


@pytest.mark.parametrize("text, seen", [
    ("Har\u00adgrove", "Hargrove"),                      # soft hyphen
    ("Mil\u200bler and Ok\u200donkwo", "Miller and Okonkwo"),  # zero-width space and joiner
    ("\ufeffTobias", "Tobias"),                          # a byte-order mark
    ("met \u202eamme\u202c today", "met emma today"),   # displayed right to left
    ("<b>Har</b>riet", "<b>Harriet"),                    # a tag inside a word
    ("<i>Wen</i>dell <em>Okon</em>kwo", "<i>Wendell <em>Okonkwo"),
    ("plain text, nothing to undo", "plain text, nothing to undo"),
    ("a <b>bold</b> word stays", "a <b>bold</b> word stays"),  # tags between words are markup
])
def test_for_detection(text, seen):
    assert as_read(text) == seen


@given(st.text(alphabet=st.sampled_from(list("abc XY\u00ad\u200b\u202e\u202c<>/b\n")), max_size=40))
def test_every_character_seen_maps_back_to_the_same_character(text):
    seen, mapping = for_detection(text)
    if mapping is None:
        assert seen == text
        return
    assert len(mapping) == len(seen) and all(text[j] == seen[i] for i, j in enumerate(mapping))
    for i in range(len(seen)):
        a, b = to_original(mapping, i, i + 1)
        assert text[a:b] == seen[i]


@pytest.mark.parametrize("text, name", [
    ("Dr. Har\u00adgrove tapered me slowly.", "Har\u00adgrove"),
    ("My sponsor Chase Mil\u200bler drove me.", "Mil\u200bler"),
    ("<b>Har</b>riet Okonkwo drove me to group.", "Har</b>riet"),
    ("Yesterday \u202eamme\u202c and I went to the clinic.", "amme"),
    ("My friend Lo\u00adretta Sza\u00adbo took Suboxone.", "Sza\u00adbo"),
])
def test_a_name_hidden_by_a_text_trick_is_removed_whole(processor, text, name):
    out = processor.process(Record("t.txt", 0, 1, "t", (Field("", text),)))
    published = out.texts.get("", text)
    assert name not in published and as_read(name) not in as_read(published)
