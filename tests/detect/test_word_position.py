"""A lower-case name that a dictionary lists as a word is the word where its position
says so: a noun after a determiner, a verb after a modal or "to" after a verb of trying,
an adjective after a verb of being."""

from __future__ import annotations

import pytest

from deid.detect.word_position import said_as_word


def _at(text: str, word: str) -> bool:
    start = text.index(word)
    return said_as_word(text, start, start + len(word))


@pytest.mark.parametrize("text, word", [
    ("we sat and watched a robin on the fence after my infusion", "robin"),   # a noun after a determiner
    ("the blue jay at the feeder woke me before the nausea did", "jay"),     # a word between
    ("i repotted my jade plant the week i tapered", "jade"),
    ("by noon the first week was rocky and the sweats came back", "rocky"),   # an adjective after a verb of being
    ("i felt clement enough to walk, which surprised my pt", "clement"),
    ("every step felt like trying to wade through wet sand", "wade"),         # a verb after "trying to"
    ("i couldn't brook another lecture about willpower", "brook"),            # after a modal
    ("picked sloes off a hedge and some hazel nuts by the path", "hazel"),     # a noun modifying a noun
    ("woke up with violet bruises on both shins", "violet"),                   # an adjective before its noun
    ("she glazed the mug jade green and it leaked", "jade"),
    # listed with everyday nouns, on either side
    ("five things i could see: robin, kettle, frost, the gate", "robin"),
    ("so: wren, jay, coffee, cold, the rain", "wren"),                       # another name-word beside it
    ("so: wren, jay, coffee, cold, the rain", "jay"),
    ("i grow basil, a little mint patch, and fern along the fence", "fern"),
    ("i grow sage, a little clover lawn, laurel by the gate", "sage"),       # the next item of several words
    ("the smells that calm me: sage, lavender, rain on concrete", "lavender"),  # a name too, and a thing
    ("i grow sage, a little clover lawn, laurel by the gate", "laurel"),     # the item before of several words
    # the thing after "a ... of": "a sprig of holly"
    ("she brought a sprig of holly for the windowsill", "holly"),
    # a trade after an article, though no dictionary lists the name as a word
    ("previously a cooper at the distillery, now retired", "cooper"),
])
def test_a_name_word_used_as_a_word(text, word):
    assert _at(text, word)


@pytest.mark.parametrize("text, word", [
    ("my daughter jade drove me to the pharmacy", "jade"),                    # a person noun before it
    ("robin said the methadone clinic opens at six", "robin"),                # a subject
    ("i finally talked to wade about the relapse", "wade"),                   # "to" after a verb of speaking
    ("me and jay went to the meeting on tuesday", "jay"),
    ("thanks to the nurse, rocky and i got through detox", "rocky"),
    ("Robin watched a robin", "Robin"),                                       # capitalised: not asked here
    ("i was with emma all night", "emma"),                                    # no dictionary word
    ("after work hazel drove me to the clinic", "hazel"),                     # a verb follows
    ("on sundays violet cooks dinner for the whole house", "violet"),
    ("thanks to nell, jay and bo for the rides", "jay"),                      # listed with names
    ("my kids, robin and fern, visited", "robin"),                           # after a person noun
    ("a photo of my friend jay from the meeting", "jay"),
    ("one guy got dragged out?? jesus christ, everything becomes a trend", "christ"),   # one comma is no list
])
def test_a_name_word_where_a_person_stands(text, word):
    assert not _at(text, word)
