"""A writer who capitalises names writes a lower-case word as a word: another, lower-case mention
of a name the record removes stays where no person's position is, in a text that capitalises."""

from __future__ import annotations

import pytest

from deid.detect.writer_case import capitalising_writer, word_by_case


def _at(text: str, word: str, nth: int = 1) -> bool:
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    return word_by_case(text, start, start + len(word))


@pytest.mark.parametrize("text, word", [
    ("My neighbour Holly drives me to the clinic. At Christmas we hung holly over the door. I cried.", "holly"),
    ("Clementine texts me every morning. I ate a whole clementine today and kept it down.", "clementine"),
    ("My wife Rose rose at five every morning to drive me to the clinic. I owe her.", "rose"),
    ("My daughter Iris sorts my pills. We planted iris bulbs along the fence. It helped.", "iris"),
    ("Our counsellor Rowan is great. We planted a rowan tree behind the clinic. I water it.", "rowan"),
    ("Jasmine from group messaged me. I drink the jasmine tea she brought when I can't sleep.", "jasmine"),
    ("I met Basil at the pharmacy. These days I grow basil on the windowsill. It helps.", "basil"),
    # a copula or an auxiliary after it says nothing of a person
    ("My sponsor Joy Mensah stayed with me. Some days joy is hard to find. I am on 8 mg now.", "joy"),
    ("Merit Osei ran our group. Here merit was never the point. I still go.", "merit"),
    ("My aunt Sunny Adair called. Some days sunny has a way of lifting me. I laugh.", "sunny"),
])
def test_a_lower_case_word_of_a_capitalising_writer_is_the_word(text, word):
    assert capitalising_writer(text)
    assert _at(text, word)


@pytest.mark.parametrize("text, word", [
    ("My sister Holly came by. I told holly about the taper and she cried.", "holly"),      # told: a person
    ("Heather is my sponsor. On Friday heather and I went to a meeting.", "heather"),      # "and I"
    ("My nurse Ivy was kind. Thanks ivy, you got me through it.", "ivy"),                    # thanked
    ("Rose drove me to detox. I still miss rose's cooking on Sundays.", "rose"),            # a possessive
    ("Olive shared a room with me. My roommate olive still writes to me.", "olive"),        # a person noun
    ("Dawn found me that night. It was dawn who called the ambulance.", "dawn"),            # "who"
    ("Jenny brought soup. I talked to jenny about the meds.", "jenny"),                     # after "to"
    ("Jenny brought soup. I sat with jenny most of that week.", "jenny"),                   # no word at all
    ("Hazel came by. Later hazel drove me to the clinic.", "hazel"),                        # a subject
    ("My sponsor Grace Obi called. I said my sponsor grace is the reason. I meant it.", "grace"),  # a person noun
])
def test_a_lower_case_name_where_a_person_stands_is_still_the_person(text, word):
    assert not _at(text, word)


@pytest.mark.parametrize("text", [
    "i told holly about the taper. holly cried. we hung holly on the door.",    # no capitals at all
    "Looks like a rough night. And yall said this guy is better than holly LOL",   # two openers: too little
    "so i was like ok. my sister holly said no. then i hung holly up",
    "Holly",                                                                     # too little to tell
])
def test_a_writer_who_does_not_capitalise_says_nothing_by_case(text):
    assert not capitalising_writer(text)
    if "holly" in text:
        assert not _at(text, "holly")


def test_the_published_text_reads_the_same():
    """``deid verify`` and the final check ask the published text, where the capitalised name is a
    stand-in: the word reads the same there."""
    before = "My neighbour Holly drives me to the clinic. At Christmas we hung holly over the door. I cried."
    after = "My neighbour Amelia drives me to the clinic. At Christmas we hung holly over the door. I cried."
    assert _at(before, "holly") and _at(after, "holly")


def test_a_record_keeps_the_word_and_removes_the_name(processor):
    from deid.core.model import Field, Record

    text = "My neighbour Holly drives me to the clinic on Tuesdays. At Christmas we hung holly over the door. I cried."
    out = processor.process(Record("t.jsonl", 0, 1, "r0", (Field("/text", text),)))
    new = out.texts["/text"]
    assert "Holly" not in new
    assert "hung holly over" in new


@pytest.mark.parametrize("text, word", [
    ("Notes to myself. Holly is a hard name to live up to. I'm holly, 44, and two years on bupe.", "holly"),
    ("Hello all. My name is holly and I am new here. Holly is fine too.", "holly"),
    ("Holly wrote this. It has been a long year.\n- holly", "holly"),
    ("Holly and I talked. Then we swapped notes.\nholly: did you sleep?", "holly"),
    ("Rose came early. The nurse wrote rose, 71, on the board by my bed.", "rose"),
])
def test_introduced_signed_or_aged_is_a_person(text, word):
    assert not _at(text, word, nth=1)


def test_an_abbreviation_opens_no_sentence():
    text = "My wife Rose rose at 5 a.m. for three months to drive me. I owe her."
    assert capitalising_writer(text)
    assert _at(text, "rose")


# A lower-case word inside a passage in another language is that language's word, not a name
# the English lists know ("lena" is Spanish firewood, "marta" a Polish marten): sentences of our own
@pytest.mark.parametrize("text, word, other", [
    ("I work nights at the warehouse. Mi abuelo cortaba lena cada invierno en el monte.", "lena", True),
    ("My doctor is kind. Od wczoraj mam okropne bole i nie moge spac w nocy.", "bole", True),
    ("I take methadone. Sa gabi sumasakit ang tuhod ko kapag malamig ang hangin.", "tuhod", True),
    ("I told my sister Dolores everything and she cried with me for an hour.", "Dolores", False),  # English around it
    ("My cousin dolores drove me to the clinic today.", "dolores", False),                        # English around it
])
def test_a_word_in_another_languages_passage(text, word, other):
    from deid.detect.writer_case import in_another_language

    start = text.index(word)
    assert in_another_language(text, start, start + len(word)) is other


@pytest.mark.parametrize("text, word, kept", [
    ("I work nights at the warehouse. Mi abuelo cortaba lena cada invierno en el monte.", "lena", True),
    ("I work nights. Ayer mi tía lena me acompañó otra vez al consultorio.", "lena", False),   # a kin word before it: the person
])
def test_a_lower_case_word_in_another_language_is_the_word(text, word, kept):
    assert capitalising_writer(text)
    assert _at(text, word) is kept


def test_a_passage_in_another_language_is_published_with_its_words(processor):
    """The passage's words stay, the names around it go, and the published text reads as the
    input did (the final check holds nothing back). A message of our own, in Polish."""
    from deid.core.model import Field, Record

    text = ("Dzień dobry, piszę w sprawie taty. Od stycznia bierze tramadol i ma silne zawroty głowy oraz "
            "nudności. My brother Tomasz Wieczorek drives him to the clinic. Proszę o telefon.")
    out = processor.process(Record("t.jsonl", 0, 1, "r0", (Field("/text", text),)))
    assert out.held_back is None
    new = out.texts["/text"]
    assert "Wieczorek" not in new and "Tomasz" not in new
    assert "silne zawroty głowy oraz nudności" in new
