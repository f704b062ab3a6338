"""The name and word lexicons: usage classes of name words, list sizes, drug names."""

from __future__ import annotations

import pytest

from deid.core import lexicon


@pytest.mark.parametrize(
    "word, first, surname, usage",
    [("emma", True, True, "n"), ("will", True, True, "w"), ("mason", True, True, "c"),
     ("szabo", False, True, "n"), ("june", True, True, "w"), ("georgia", True, True, "w"), ("english", False, True, "w"),
     # a dictionary word first, unless it is a popular first name (then its position decides)
     ("spry", False, True, "w"), ("bramble", False, True, "w"), ("lily", True, False, "n"),
     ("sharper", False, True, "w"), ("mason", True, True, "c")],
)
def test_name_usage_classes(word, first, surname, usage):
    info = lexicon.name_info(word)
    assert (info.first, info.surname, info.usage) == (first, surname, usage)


def test_name_words_carry_their_parts_of_speech():
    words = lexicon.name_words()
    assert words["spry"] == {"adj"} and {"noun", "verb"} <= words["brook"]
    assert "emma" not in words and "szabo" not in words


def test_lists_are_loaded_and_sized():
    assert len(lexicon.names()) > 40000
    assert {"the", "will", "pain"} <= lexicon.common_words()
    assert "gonna" in lexicon.vocabulary() and "kunjana" not in lexicon.vocabulary()


@pytest.mark.parametrize(
    "term, drug",
    [("suboxone", True), ("buprenorphine", True), ("allegra", False), ("kendrick", False), ("loretta", False)],
)
def test_drug_names(term, drug):
    assert lexicon.is_drug_name(term) is drug


@pytest.mark.parametrize("term, medical", [
    # levels of the spine
    ("L4-L5", True), ("c5-c6", True), ("L5-S1", True), ("T11-12", True), ("S1", True),
    ("L9-L10", False), ("C9", False), ("X4-X5", False),
    # kratom as its trade names it: a vein's colour, the region or the strain
    ("maeng da", True), ("Green Maeng Da", True), ("red bali", True), ("White Borneo", True),
    ("green malay", True), ("red vein thai", True), ("super green", False), ("green", False), ("bali", False),
    ("7-hydroxymitragynine", True), ("7-OH", True), ("7OH", True),
])
def test_medical_terms_by_shape(term, medical):
    assert lexicon.is_medical_term(term) is medical
