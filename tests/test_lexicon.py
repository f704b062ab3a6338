from __future__ import annotations

import pytest

from deid.core import lexicon
from deid.detect.mentions import any_case, mention


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


@pytest.mark.parametrize(
    "value, text, found",
    [
        ("Loretta", "loretta and LORETTA and Loretta's", ["loretta", "LORETTA", "Loretta"]),
        ("Rose", "my pain rose; Rose came; ROSE", ["Rose", "ROSE"]),
        ("Will", "I will go; Will went", ["Will"]),
        ("Loretta Szabo", "LORETTA  SZABO wrote", ["LORETTA  SZABO"]),
        ("Exversion", "exversion and Exversion", ["Exversion"]),
    ],
)
def test_mentions(value, text, found):
    assert [m.group(0) for m in mention(value).finditer(text)] == found


def test_any_case():
    assert any_case("Szabo") and any_case("Ann Lee") and not any_case("Rose") and not any_case("Orchestra")
    # a value of ordinary words learned from a heading or a list is not a name in lower-case prose
    assert not any_case("Muscle Pain") and not any_case("Lakeside Recovery Center") and not any_case("Grace Hill")


def test_the_batch_index_keeps_the_case_a_value_was_learned_in():
    from deid.detect.mentions import MentionIndex

    index = MentionIndex({"Lakeside Recovery Center": "ORGANIZATION", "Loretta Szabo": "PERSON", "Mason": "PERSON"})
    text = "lakeside recovery center, LAKESIDE RECOVERY CENTER, loretta szabo, a mason, Mason"
    assert [text[a:b] for a, b, _ in sorted(index.find(text))] == [
        "LAKESIDE RECOVERY CENTER", "loretta szabo", "Mason"]
