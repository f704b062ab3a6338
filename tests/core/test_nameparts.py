"""The one name-part splitter (``core.nameparts``) that the spread, the stand-ins, the ledger's
part fingerprints and the final check share."""

from __future__ import annotations

import pytest

from deid.core.nameparts import name_parts, name_words, without_possessive
from deid.core.wordlists import SHORT_TITLE_WORDS
from deid.detect.standing import FILLER

SPREAD = SHORT_TITLE_WORDS | FILLER  # what ``decisions._spread`` skips


@pytest.mark.parametrize("value, words, parts, capitalised, spread", [
    # plain, and initials (one letter: no one's part)
    ("Loretta Szabo", ["Loretta", "Szabo"], ["Loretta", "Szabo"], ["Loretta", "Szabo"], ["Loretta", "Szabo"]),
    ("J. R. Okafor", ["J", "R", "Okafor"], ["Okafor"], ["Okafor"], ["Okafor"]),
    ("Dr. Loretta M. Szabo", ["Dr", "Loretta", "M", "Szabo"], ["Loretta", "Szabo"], ["Loretta", "Szabo"],
     ["Loretta", "Szabo"]),
    # particles: never parts by default; the spread looks for a capitalised one as written
    ("Jan de Vries", ["Jan", "de", "Vries"], ["Jan", "Vries"], ["Jan", "Vries"], ["Jan", "Vries"]),
    ("Dr. Loretta de la Cruz's", ["Dr", "Loretta", "de", "la", "Cruz"], ["Loretta", "Cruz"], ["Loretta", "Cruz"],
     ["Loretta", "Cruz"]),
    ("Vincent Van Gogh", ["Vincent", "Van", "Gogh"], ["Vincent", "Gogh"], ["Vincent", "Gogh"],
     ["Vincent", "Van", "Gogh"]),
    ("Ilse al-Hakimi", ["Ilse", "al-Hakimi"], ["Ilse", "al-Hakimi"], ["Ilse"], ["Ilse"]),
    # apostrophes and hyphens stay inside a word
    ("Mrs O'Brien", ["Mrs", "O'Brien"], ["O'Brien"], ["O'Brien"], ["O'Brien"]),
    ("Oskar D\u2019Angelo", ["Oskar", "D\u2019Angelo"], ["Oskar", "D\u2019Angelo"], ["Oskar", "D\u2019Angelo"],
     ["Oskar", "D\u2019Angelo"]),
    ("Mary-Kate Feldmann-Ruiz", ["Mary-Kate", "Feldmann-Ruiz"], ["Mary-Kate", "Feldmann-Ruiz"],
     ["Mary-Kate", "Feldmann-Ruiz"], ["Mary-Kate", "Feldmann-Ruiz"]),
    # possessives, straight and curly, in any case
    ("Seamus O'Donoghue's", ["Seamus", "O'Donoghue"], ["Seamus", "O'Donoghue"], ["Seamus", "O'Donoghue"],
     ["Seamus", "O'Donoghue"]),
    ("Ilse Marrow\u2019s", ["Ilse", "Marrow"], ["Ilse", "Marrow"], ["Ilse", "Marrow"], ["Ilse", "Marrow"]),
    ("ILSE MARROW'S", ["ILSE", "MARROW"], ["ILSE", "MARROW"], ["ILSE", "MARROW"], ["ILSE", "MARROW"]),
    # a long title may be a name of its own: only the spread keeps it
    ("Deacon Oyelaran", ["Deacon", "Oyelaran"], ["Oyelaran"], ["Oyelaran"], ["Deacon", "Oyelaran"]),
    ("Mr K", ["Mr", "K"], [], [], []),
    # lower case: parts, but not written as a name
    ("oskar feldmann", ["oskar", "feldmann"], ["oskar", "feldmann"], [], []),
    ("Ann and Lee", ["Ann", "and", "Lee"], ["Ann", "and", "Lee"], ["Ann", "Lee"], ["Ann", "Lee"]),
    ("", [], [], [], []),
])
def test_a_name_splits_into_its_words_and_parts(value, words, parts, capitalised, spread):
    assert name_words(value) == words
    assert name_parts(value) == parts
    assert name_parts(value, capitalised=True) == capitalised
    assert name_parts(value, skip=SPREAD, capitalised=True) == spread


@pytest.mark.parametrize("word, bare", [
    ("Szabo's", "Szabo"), ("SZABO'S", "SZABO"), ("Szabo\u2019s", "Szabo"), ("Szabo", "Szabo"),
    ("O'Brien", "O'Brien"), ("Ross", "Ross"), ("James'", "James'"), ("'s", ""),
])
def test_a_possessive_is_cut_off_in_any_case(word, bare):
    assert without_possessive(word) == bare
