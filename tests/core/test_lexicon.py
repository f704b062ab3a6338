"""The name and word lexicons: usage classes of name words, list sizes, drug names."""

from __future__ import annotations

import pytest

from deid.core import lexicon


@pytest.mark.parametrize(
    "word, first, surname, usage",
    [("emma", True, True, "n"), ("will", True, True, "w"), ("mason", True, True, "c"),
     ("szabo", False, True, "n"), ("june", True, True, "w"), ("georgia", True, True, "w"), ("english", False, True, "w")],
)
def test_name_usage_classes(word, first, surname, usage):
    info = lexicon.name_info(word)
    assert (info.first, info.surname, info.usage) == (first, surname, usage)


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
