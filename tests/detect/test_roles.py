"""A name after a person noun: kinship, a job title, a social, care or recovery role."""

from __future__ import annotations

import pytest

from deid.core.person_nouns import is_person_noun, is_plural_person_noun
from deid.detect.recognizers.roles import RoleNameRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in RoleNameRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, expected", [
    ("my coworker Journey covered my shift when I was dope sick", ["Journey"]),      # a social role
    ("my endo Marisela upped the levothyroxine", ["Marisela"]),                     # a specialist, clipped
    ("our CNA Blessing checked on me every hour", ["Blessing"]),                     # a care role, as written
    ("my former bunkmate Tavish still writes", ["Tavish"]),                          # "-mate", a modifier
    ("the barista Ozias slipped me a coffee", ["Ozias"]),                            # a job title
    ("my probation officer, Constance Merriweather, signed it", ["Constance Merriweather"]),
    ("my landlady Honor never asked questions", ["Honor"]),
    ("my old workout buddy Kingston relapsed", ["Kingston"]),
    ("my cellmate d.w. showed me how to taper", ["d.w."]),                          # initials, any case
    ("our peer worker, A.B., drove", ["A.B."]),
    ("Your son DJ asks about you every week.", ["DJ"]),                              # initials without stops
    ("my cousin TJ and my sponsor AJ drove", ["TJ", "AJ"]),
    ("my doctor ER visit; my counselor AA meetings; my pharmacist CVS; the nurse IV", []),  # no one's initials
    ("Quentin (my brother-in-law) drove", ["Quentin"]),                              # a role in brackets
    ("KD (our group's facilitator) brought coffee", ["KD"]),
    ("If I go quiet ring Thaddeus (brother), then MW (sponsor)", ["Thaddeus", "MW"]),  # a bare role in brackets
    # after "a" and the role, set between commas; a disease's owner before the role
    ("Six sessions with a counselor, Hope Adeyinka, who knew her stuff", ["Hope Adeyinka"]),
    ("we had a home aide, Rukmini, until the money ran out", ["Rukmini"]),
    ("the Crohn's nurse, Adaeze, phones on Fridays", ["Adaeze"]),
    ("my MS nurse, Torvald, set up the infusions", ["Torvald"]),
    ("our Huntington's counsellor, Ilse Vaart, retired", ["Ilse Vaart"]),
    ("my stepmother (Marigold) sat with me through detox", ["Marigold"]),            # the name in brackets
    ("A guy called Thimble gave me my first strip", ["Thimble"]),                    # a name given: a word too
    ('Our son "Moose" was nineteen', ["Moose"]),                                      # a nickname in quotes
    ("my dealer was a dude named Biscuit Mayhew", ["Biscuit Mayhew"]),
    ("the nurse, a woman known as Clemency, held my hand", ["Clemency"]),
    ("You mentioned someone called J. earlier?", ["J."]),                            # an initial, named
    ("a man named R.T. sold it to me", ["R.T."]),
])
def test_a_capitalised_word_after_a_person_noun_is_a_name(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "my doctor said Faith is not a treatment plan",     # a verb between
    "my sponsor Tuesday night was right",               # a day
    "the nurse I trusted most",                         # a pronoun
    "my pharmacy Walgreens closed",                     # no person noun
    "the pain Monday was worse",
    "my counselor Dr. Okafor",                          # a title: the title recognizer's
    "my doctor e.g. never asked",                       # an abbreviation, not initials
    "the PT (my physical therapist) said",              # the role's own letters
    "Tylenol (brand) and ibuprofen (generic)",          # no person noun in the brackets
    "my doctor (Lexapro was her idea) was patient",     # a bracket that is no name alone
    "a drug called Suboxone, a place named Hope Springs",  # no person noun before the name
    "a guy Tumble gave me",                             # "a" only with a name given
    "I saw a specialist, Pain Management, who sent me home",   # words, not a name, between the commas
    "we got a nurse, Tuesday, who was kind",            # a day
])
def test_no_name_without_a_person_noun_and_a_name(text):
    assert _found(text) == []


@pytest.mark.parametrize("phrase, expected", [
    ("running buddy", True), ("cellmate", True), ("night nurse", True), ("pharmacist", True),
    ("physical therapist", True), ("pharmacy", False), ("pain", False), ("mate", False),
    # kin made by a prefix or "-in-law"
    ("stepfather", True), ("great-great-grandmother", True), ("godson", True), ("half-brother", True),
    ("cousin-in-law", True), ("stepladder", False), ("grandstand", False), ("godsend", False),
])
def test_person_nouns(phrase, expected):
    assert is_person_noun(phrase) is expected


def test_a_capitalised_word_is_no_part_of_a_role():
    # "cook" is a job title, but written with a capital it begins a name, not a role
    assert _found("name -> the tag     Cook County Jail -> a county jail") == []
    assert _found("My PT Sunny") == ["Sunny"]                      # a role in capitals still is one


@pytest.mark.parametrize("text, expected", [
    ("my roommate destiny drove me to intake", ["destiny"]),             # a word-name, a verb follows
    ("my friend cliff od'd his first night out", ["cliff"]),             # overdosed, as posts write it
    ("our night aide merry and i played cards", ["merry"]),              # "and I"
    ("my counselor honesty basically saved me", ["honesty"]),            # an adverb, then a verb
    ("shout out to my peer coach blessing.", ["blessing"]),              # the end of a sentence
    ("my sponsor treva at the meeting hall", ["treva"]),                 # no everyday word
    ("my hubby will texts me every hour", ["will"]),                     # a modal only before a finite verb
    ("my doctor will taper me slowly", []),                              # a modal
    ("my nurse patience with me was endless", []),                       # no first name... nor subject
    ("my pharmacist rose early to open", []),                            # "rose" a verb here
    ("my coworker happy about it", []),                                  # no first name
    # after "the", a role modifies the word that follows ("the psych ward", "the nurse station")
    ("i slept two nights on the psych ward at the county hospital", []),
    ("the nurse station at the end of the hall.", []),
    ("the coach bus from the shelter", []),
    ("the night nurse odalys at the desk", ["odalys"]),                 # no everyday word: a name
    # an aside in brackets about the person right after the word
    ("my cousin penny (she's a nurse) told me to stop mixing", ["penny"]),
    ("our neighbour rusty (retired cop) drove me in twice", ["rusty"]),
    ("my sister joy (42 now) still checks on me", ["joy"]),
    ("my case manager will (hopefully) call back", []),                # a modal before its verb
    ("my mom's rose (the yellow one) bloomed", []),                    # no person noun before it
    ("my mom rose (early, like always) and made coffee", []),          # an adverb's aside: the verb
    # another person joined to the word, or the person who takes it up
    ("all my thanks to my sponsor drew and my husband pete", ["drew", "pete"]),
    ("my coworker summer and her husband sat with me in detox", ["summer"]),
    ("my roommate sunny, she hid my pills for a week", ["sunny"]),
    ("my sponsor group and my therapist both said wait", []),           # no first name
    ("my mom rose and made breakfast", []),                            # joined to no person
    ("my nurse will and my doctor will decide", []),                   # a modal: no person taken up
])
def test_a_lower_case_first_name_after_a_person_noun(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Merritt, my case worker, found me a bed.", ["Merritt"]),                   # a role between commas
    ("The first week was hell. Sable, the night nurse, sat with me.", ["Sable"]),  # a role of two words
    ("I finally called Thaddeus, my sponsor.", ["Thaddeus"]),                   # at the sentence's end
    ("After Thanksgiving, my sister, who never calls, came.", []),              # a time a clause opens with
    ("In Bemidji, my uncle, a welder, took me in.", []),                        # a place after a preposition
    ("Thanks, my friend, for the ride.", []),                                   # an interjection, no name
    ("Honestly, my counselor, bless her, tried everything.", []),               # an adverb
    ("Merritt, my sister and I drove up.", []),                                 # no comma closes the role
    ("I miss you every day. Love, your sister", []),                           # a letter's closing word
    ("Call when you land.\nWarmly, your old roommate", []),
])
def test_a_name_a_role_is_put_after(text, expected):
    found = RoleNameRecognizer().analyze(text, ["PERSON"])
    assert sorted(text[r.start:r.end] for r in found) == expected


@pytest.mark.parametrize("text, expected", [
    ("my parents walt and bev drove four hours to see me", ["walt", "bev"]),
    ("my sisters ana, lu and fern sat with me in the ER", ["ana", "lu", "fern"]),
    ("My sons Ezra & Tobin are why I stay on the methadone", ["Ezra", "Tobin"]),
    ("our kids, sage and wren, were at my mom's that week", ["sage", "wren"]),
    ("my parents and friends stood by me", []),                     # no list of names
    ("my kids and grandkids are the reason", []),
    ("my parents mom and dad both cried", []),                       # words, not names
    ("my roommates will and can be loud", []),                       # no first name among them
    ("my sisters and brothers all came", []),
])
def test_a_list_of_names_after_people_named_in_the_plural(text, expected):
    assert sorted(_found(text)) == sorted(expected)


@pytest.mark.parametrize("word, expected", [
    ("sisters", True), ("roommates", True), ("besties", True), ("parents", True), ("children", True),
    ("nurses", True), ("cousins", True), ("kids", True),
    ("meetings", False), ("pills", False), ("days", False), ("s", False),
])
def test_plural_person_nouns(word, expected):
    assert is_plural_person_noun(word) is expected
