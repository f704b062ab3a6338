"""The ``deid: allow TYPE`` pragma: it counts only inside a comment of the
file's format (Markdown's HTML comments, ``#`` comments in a fenced block of
a language that has them), never in a data record or plain text, names
known types in capitals, and covers the line it starts on."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from deid.commands.pragmas import known_types, pragmas
from deid.read.formats import csvfile, jsonfile, jsonlfile, markdownfile, textfile

KNOWN = frozenset({"PERSON", "LOCATION", "URL", "FILE_NAME"})


@pytest.mark.parametrize("text, allowed", [
    ("Thanks to Wendeline Okoro. <!-- deid: allow PERSON -->\n", {1: {"PERSON"}}),
    ("We met in Tolvaig. <!-- deid: allow LOCATION, PERSON -->\n", {1: {"LOCATION", "PERSON"}}),
    ("# Notes\n\nline two\nBrisk Halloran spoke. <!--deid:allow PERSON-->\n", {4: {"PERSON"}}),
    ("a <!-- reviewed; deid: allow URL --> b\n", {1: {"URL"}}),
    ("```yaml\nname: Corvin Ashdale   # invented (deid: allow PERSON)\n```\n", {2: {"PERSON"}}),
    ("```sh\ncurl host  # deid: allow URL\n```\n", {2: {"URL"}}),
    # not comments: a code span, a fenced block of Markdown, a # in prose, a fence with no comment syntax
    ("Write `<!-- deid: allow PERSON -->` after the name.\n", {}),
    ("```markdown\nIsaura Penhallow <!-- deid: allow PERSON -->\n```\n", {}),
    ("Mirela Voskuijlen # deid: allow PERSON\n", {}),
    ("```json\n{\"a\": 1}  # deid: allow PERSON\n```\n", {}),
    ("Odalys Wetherby said deid: allow PERSON in her answer.\n", {}),
])
def test_markdown_pragmas_count_only_in_comments(text, allowed):
    found = pragmas(text, markdownfile, KNOWN)
    assert found.errors == ()
    assert {n: set(t) for n, t in found.allowed.items()} == allowed


@pytest.mark.parametrize("fmt, text", [
    (textfile, "Ask Thaddeus Quillon. <!-- deid: allow PERSON -->\n"),
    (textfile, "Ask Thaddeus Quillon. # deid: allow PERSON\n"),
    (jsonfile, '[{"id": 1, "answer": "Fenwick Draycott here <!-- deid: allow PERSON -->"}]'),
    (jsonlfile, '{"answer": "I am Sunniva Blackwood, deid: allow PERSON"}\n'),
    (csvfile, 'id,answer\n1,"Rosalind Ferrante # deid: allow PERSON"\n'),
])
def test_formats_without_comments_have_no_pragmas(fmt, text):
    found = pragmas(text, fmt, KNOWN)
    assert (found.allowed, found.errors) == ({}, ())


@pytest.mark.parametrize("comment, says", [
    ("<!-- deid: allow -->", "names no type"),
    ("<!-- deid: allow person -->", "in capitals, PERSON"),
    ("<!-- deid: allow Location -->", "in capitals, LOCATION"),
    ("<!-- deid: allow PERSNO -->", "did you mean PERSON?"),
    ("<!-- deid: allow PERSON, WHATEVER_ELSE -->", "a type deid does not know"),
    ("<!-- deid: allow PERSON because she is famous -->", "a type deid does not know"),
    ("<!-- deid: allow PERSON,, URL -->", "a type deid does not know"),
])
def test_a_bad_pragma_is_an_error_on_its_line_and_accepts_nothing(comment, says):
    found = pragmas(f"# Title\n\nGideon Marchetti spoke. {comment}\n", markdownfile, KNOWN)
    assert found.allowed == {}
    assert len(found.errors) == 1 and found.errors[0][0] == 3 and says in found.errors[0][1]
    assert "famous" not in found.errors[0][1] and "WHATEVER" not in found.errors[0][1]  # the text is not echoed


def test_a_pragma_covers_its_own_line_and_its_types_only():
    found = pragmas("Alder Quennell.\nBeatrix Orlov. <!-- deid: allow PERSON -->\nCaius Mendrake.\n", markdownfile, KNOWN)
    assert [n for n in (1, 2, 3) if found.accepts(n, "PERSON")] == [2]
    assert not found.accepts(2, "LOCATION")


def test_known_types_are_those_of_the_rules(rules):
    known = known_types(rules)
    assert {"PERSON", "LOCATION", "FILE_NAME", "DATE_TIME"} <= known
    assert all(t == t.upper() for t in known)


@given(st.lists(st.sampled_from(list("ab <!->#`\n:,") + ["deid: allow ", "PERSON", "person", "URL", "```yaml\n"]),
                max_size=60).map("".join))
def test_a_pragma_never_accepts_a_type_it_does_not_name_known(text):
    found = pragmas(text, markdownfile, KNOWN)
    assert all(types and types <= KNOWN for types in found.allowed.values())
    assert all(1 <= line <= text.count("\n") + 1 for line in [*found.allowed, *(n for n, _ in found.errors)])
