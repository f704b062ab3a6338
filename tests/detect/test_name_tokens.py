"""The name finder's words (``name_tokens.words``): read in one loop, with the address test
spelt out in it, they are the words ``Token(match, text)`` makes of every match of ``_TOKEN``
that ``_in_address`` keeps, with the facts the first way of reading them gave (kept here as
the reference)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.lexicon import common_words
from deid.detect import name_tokens
from deid.detect.name_tokens import _ENDS, _TOKEN, Token, _in_address, _word_facts, words


def _reference(m: re.Match[str], text: str) -> tuple:
    """What a token's facts were before it was read in one loop (the first implementation)."""
    word = m.group(0)
    if word[-2:].lower() in ("'s", "\u2019s"):
        word = word[:-2]
    start = m.start()
    low, info, common = _word_facts(word)
    n = len(word)
    if n == 2:
        after = m.end()
        initial = word[1] == "." or (word.isupper() and text[after:after + 1] == " " and text[after + 1:after + 2].isupper()
                                     and low not in common_words())
    else:
        initial = n == 1 and word.isupper() and word not in "AI"
    upper = n > 2 and word.isupper()
    title = word[:1].isupper() and not initial and not word.isupper()
    before = text[max(0, start - 3):start].rstrip()
    opens = start == 0 or not before or before[-1] in _ENDS
    return start, start + len(word), word, low, info, common, initial, title, upper, word.islower(), opens


def _facts(t: Token) -> tuple:
    return t.start, t.end, t.word, t.low, t.info, t.common, t.initial, t.title, t.upper, t.lower, t.opens


_PIECES = ["Ysolde", "Brannock's", "BRANNOCK'S", "Quill\u2019S", "DJ", "Khaled", "AJ", "A.", "I", "A", "OH", "Dr.", "ok",
           "o.brannock@example.org", "@wren_m", "u/quiet", "notes.txt", "a.b", "x_y", "key=val", "path\\to", "re-do",
           "Long-term", "T-cells", "it's", "don't", "kratom", "B12", "\u00e9t\u00e9", "Zo\u00eb", ".", "!", "?", ":", "-",
           "\u2014", "(", "\"", "#", "|", "*", ">", " ", "  ", "\n", "\t", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=16), st.sampled_from(["", " ", "  ", "\n"]))
def test_the_words_are_the_first_readings(pieces, glue):
    text = glue.join(pieces)
    expected = [_reference(m, text) for m in _TOKEN.finditer(text) if not _in_address(text, m)]
    assert [_facts(t) for t in words(text)] == expected
    assert [_facts(Token(m, text)) for m in _TOKEN.finditer(text) if not _in_address(text, m)] == expected


@pytest.mark.parametrize("text, kept", [
    ("Ysolde wrote to o.brannock@example.org", ["Ysolde", "wrote", "to"]),
    ("see notes.txt or a.b today", ["see", "or", "today"]),
    ("ask @wren_m and u/quiet", ["ask", "and"]),
    ("Brannock's dog", ["Brannock", "dog"]),
    ("end. Tamsin", ["end", "Tamsin"]),
])
def test_words_inside_an_address_are_left_out(text, kept):
    assert [t.word for t in words(text)] == kept


def test_a_possessive_in_any_case_is_cut():
    assert [t.word for t in words("QUILL'S and Quill\u2019s and quill\u2019S")] == ["QUILL", "and", "Quill", "and", "quill"]
    for mark in ("'", "\u2019", "`", "x"):
        for letter in ("s", "S", "\u017f", "\u0455", "t"):  # the long s and the Cyrillic dze are no "s"
            assert (mark + letter in name_tokens._POSSESSIVE) is ((mark + letter).lower() in ("'s", "\u2019s"))
