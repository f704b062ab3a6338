"""A capitalised name that is also an everyday word, read as the word where its
sentence's tags say so (``word_sense``), and the run, the final check and ``verify``
agreeing on it. Sentences of our own."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.detect.evidence import LEXICON, MODEL, keep_reason
from deid.detect.mentions import used_as_word
from deid.detect.word_sense import common_sense

from tests.conftest import write


def _at(text: str, value: str, nth: int = 0) -> tuple[int, int]:
    return [m.span() for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text)][nth]


@pytest.mark.parametrize("text, value, nth, word", [
    # the first part of a compound noun
    ("Daisy chains of pill bottles on the sill.", "Daisy", 0, True),
    ("Jasmine tea is the only thing I can keep down.", "Jasmine", 0, True),
    ("My aunt said Ginger ale settles the nausea.", "Ginger", 0, True),
    # a verb in its base form
    ("Sue him? Never, he was kind to me.", "Sue", 0, True),
    # a modal asking, its subject after it
    ('She said, "Will you say that to yourself?" I could not.', "Will", 0, True),
    # a person: a verb, a comma or nothing follows
    ("Daisy drove me to the methadone clinic.", "Daisy", 0, False),
    ("Jasmine, if you read this, thank you.", "Jasmine", 0, False),
    ("I finally called Ginger.", "Ginger", 0, False),
    # a verb that takes a person and a thing stands before it
    ("I bought Daisy flowers after her surgery.", "Daisy", 0, False),
    # joined to a thing by "and"/"or": the word
    ("Fern and lichen grew over the bench where I sat after each dose.", "Fern", 0, True),
    ("Heath or moor, I walk it every day now the knee is fixed.", "Heath", 0, True),
    ("Clover and nettles took over the garden while I was in rehab.", "Clover", 0, True),
    # joined to a person: a name
    ("Fern and I split the last of the suboxone.", "Fern", 0, False),
    ("Clover and my stepdad drove up on Sunday.", "Clover", 0, False),
    ("Heath and his sponsor came by the ward.", "Heath", 0, False),
    ("Clover and the nurses sang to me.", "Clover", 0, False),
    ("Fern and family brought soup.", "Fern", 0, False),
    # opening a sentence or a list's item, before a possessive or a quantifier: a command
    ("Mark my words, the third night is the worst.", "Mark", 0, True),
    ("Questions:\n3) Mark every box that applies to you.", "Mark", 0, True),
    ("Fine. Bill your insurer first, then the clinic.", "Bill", 0, True),
    ("- Grant each request the same patience.", "Grant", 0, True),
    # a name there is the subject or is addressed
    ("Mark parked the van and walked me into intake.", "Mark", 0, False),
    ("Mark, my friend, you saved my life.", "Mark", 0, False),
    ("I told Mark my plan.", "Mark", 0, False),
])
def test_common_sense(text, value, nth, word):
    start, end = _at(text, value, nth)
    assert common_sense(text, start, end) is word


@pytest.mark.parametrize("text, value, nth, word", [
    ("My grandson June was born in June, during chemo.", "June", 1, True),
    ("My grandson June was born in June, during chemo.", "June", 0, False),
    ("My cousin Daisy is allergic. Daisy chains make her sneeze.", "Daisy", 1, True),
    ("My cousin Daisy is allergic. Daisy came anyway.", "Daisy", 1, False),
    ("Jasmine drove me. the jasmine tea helped.", "jasmine", 0, True),
    # in capitals: a heading or a shout of words is the word; after a person noun, the person
    ("## FAITH\nMy niece Faith sat with me in detox.", "FAITH", 0, True),
    ("CHARITY BEGINS AT THE PHARMACY COUNTER\nOur neighbour Charity paid for the refill.", "CHARITY", 0, True),
    ("MY NIECE FAITH SAT WITH ME IN DETOX", "FAITH", 0, False),
    ("My niece Faith sat with me. Then FAITH called the nurse.", "FAITH", 0, False),
])
def test_a_mention_of_an_everyday_name(text, value, nth, word):
    start, end = _at(text, value, nth)
    assert used_as_word(text, start, end) is word


@pytest.mark.parametrize("strength, kept", [(MODEL, True), (LEXICON, True), ("context", False)])
def test_a_guess_used_as_a_modifier_is_the_word(strength, kept):
    text = "Hazel eyes run in my family, and so does the migraine."
    start, end = _at(text, "Hazel")
    assert (keep_reason("PERSON", text, start, end, strength) == "common_words") is kept


@pytest.mark.parametrize("text, value, kept", [
    # a lower-case guess before a noun it names the kind of
    ("hazel eyes run in the family and so does the migraine", "hazel", True),
    ("ruby earrings were the last thing i pawned before detox", "ruby", True),
    # before a verb or "and i" it is someone
    ("hazel said the clinic would call", "hazel", False),
    ("ruby and i shared a room in detox", "ruby", False),
    # a noun the tagger reads that is a verb: "to", an object or a determiner after it
    ("i noticed sandy likes to say hi now", "sandy", False),
    ("i swear amber wants the whole pharmacy", "amber", False),
])
def test_a_lower_case_guess_used_as_a_word(text, value, kept):
    start, end = _at(text, value)
    assert (keep_reason("PERSON", text, start, end, LEXICON) == "common_words") is kept


def test_run_and_verify_agree_on_the_word(tmp_path):
    """The person's name goes; the same word used as a word stays, and ``verify``
    does not call it a removed value put back."""
    rows = [{"id": "1", "text": "My cousin Daisy is allergic to everything. Daisy chains of pollen, she says."}]
    src = write(tmp_path / "in" / "s.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "pub"
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(src), "--out", str(out)], catch_exceptions=False).exit_code == 0
    text = json.loads((out / "s.jsonl").read_text())["text"]
    assert "cousin Daisy" not in text and "Daisy chains" in text
    result = runner.invoke(cli, ["verify", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def test_only_a_person_is_read_as_the_word():
    """A place or an organisation is named by an everyday word before a noun ("Daisy
    fields" as a farm's name): its mention stays a mention."""
    text = "We drove out to Daisy fields for the weekend."
    start, end = _at(text, "Daisy")
    assert used_as_word(text, start, end, "PERSON") and not used_as_word(text, start, end, "LOCATION")


@pytest.mark.parametrize("value, everyday", [
    ("Clover", True), ("Hazel", True), ("Stalin", False), ("Tamsin", False), ("clover", False)])
def test_everyday_word_names(value, everyday):
    from deid.detect.word_sense import everyday_word_name
    assert everyday_word_name(value) is everyday
