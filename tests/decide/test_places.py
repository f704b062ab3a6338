"""A place is a place: a person guess standing where a place stands is typed LOCATION."""

from __future__ import annotations

import pytest

from deid.core.model import Finding
from deid.decide.places import places_not_people
from deid.detect.evidence import CONTEXT, LEXICON, MODEL


def _typed(text: str, word: str, strength: str = MODEL) -> str:
    start = text.index(word)
    f = Finding("/t", "PERSON", start, start + len(word), 0.85, "spacy", strength)
    return places_not_people([f], {"/t": text})[0].entity


@pytest.mark.parametrize("text, word", [
    ("we ate waffles at a truck stop in Zanesville on the way", "Zanesville"),       # gazetteer, "in"
    ("the needle exchange near Kokomo closed last spring", "Kokomo"),
    ("I grew up just outside of Brisbane with my nan", "Brisbane"),                  # a world city
    ("after detox we moved back to Yakima", "Yakima"),
    ("pt transferred to the unit from Pemberly yesterday", "Pemberly"),              # "from" after a move
    ("plan d/c home Fri to Oskaloosa Bend w/ home health", "Oskaloosa Bend"),         # "to" after a discharge
    ("discharged yesterday to Marlowe Heights, son driving", "Marlowe Heights"),
    ("originally from Quillby Ferry, which nobody has heard of", "Quillby"),         # not a first name
    ("I'm from Valdosta and proud of it", "Valdosta"),
    ("my cousin got me a job in Harlowmere", "Harlowmere"),                          # unknown word, no name
    ("the shelter at Pendle Row, Georgia took me in", "Pendle Row"),                 # ", State" after it
    ("the shelter at Orrick, GA took me in", "Orrick"),
    ("got locked up twice in wayland before i was 20", "wayland"),                  # lower case, gazetteer
    ("we relocated down to Odessa for the cheaper rent", "Odessa"),                  # a first name, travel
    ("my people are from marion indiana, small town", "marion"),                     # a state after it
    # a county, a parish or a township by its last word, wherever it stands
    ("I was loading trucks out by Coyle County and my back went", "Coyle County"),
    ("Everyone at church in Bexworth Township knows my mom", "Bexworth Township"),
    ("Dunmore Parish has one methadone clinic", "Dunmore Parish"),
    # a first name and a place's kind, where a place stands
    ("my cousin lives out in Harlow Mill now", "Harlow Mill"),
    ("we grew up near Tessa Falls, by the quarry", "Tessa Falls"),
])
def test_a_guess_where_a_place_stands_is_a_place(text, word):
    assert _typed(text, word) == "LOCATION"


@pytest.mark.parametrize("text, word, strength", [
    ("my sponsor Lorenzo drove me to group", "Lorenzo", MODEL),                       # no place position
    ("I confided in Dorothea about the pills", "Dorothea", MODEL),                    # a verb that takes a person
    ("we slept in Rufus's van for a month", "Rufus", MODEL),                          # a possessive
    ("the letter came from Wendell, my old cellmate", "Wendell", LEXICON),            # a first name: "from" is not enough
    ("I went in Mercer Hospital with my wife", "Mercer", CONTEXT),                     # not a guess
    ("talked to Austin about tapering", "Austin", MODEL),                             # "talked to" is no going
    ("my caseworker Sam Parish called", "Sam Parish", MODEL),                         # a first name, then the surname
    ("I got a letter from Harlow Mill, my old sponsor", "Harlow Mill", LEXICON),      # "from" is not enough
    ("I confided in Tessa Falls about the pills", "Tessa Falls", MODEL),              # a verb that takes a person
    ("pt d/c'd, care handed over to Bettina at 1900", "Bettina", LEXICON),           # a first name after "to": a person
])
def test_a_person_stays_a_person(text, word, strength):
    assert _typed(text, word, strength) == "PERSON"


def test_a_first_name_that_is_also_a_town_is_a_place_only_where_the_gazetteer_agrees():
    # "Tyler" is a first name and a Texas city: placed after "in", the gazetteer says place
    assert _typed("we rented a room in Tyler for the summer", "Tyler") == "LOCATION"
    # "Philomena" is a first name and no town: the position alone does not make it one
    assert _typed("we rented a room in Philomena for the summer", "Philomena") == "PERSON"


@pytest.mark.parametrize("text, word", [
    ("so grateful for all of you.\n— Odalys Brennan, Vermont", "Odalys Brennan"),     # a sign-off names a person
    ("the nurse said it again in Amharic so I understood", "Amharic"),                # a language
    ("my court date got moved to Wednesday again", "Wednesday"),                      # a day
])
def test_sign_offs_languages_and_days_are_no_places(text, word):
    assert _typed(text, word) == "PERSON"


def test_a_sign_off_with_a_nickname_names_a_person():
    assert _typed('that is my story.\n— Rosalind "Roz" Pettigrew, Idaho', "Pettigrew") == "PERSON"


@pytest.mark.parametrize("text, word, entity", [
    ("we moved to Beukenlaan 9, 2613 bx Delft in May", "bx Delft", "LOCATION"),     # after a postcode's digits
    ("my aunt lives at Esdoornweg 3, 9711ab Groningen", "Groningen", "LOCATION"),
    ("the clinic in 3811 KT Amersfoort took me in", "Amersfoort", "LOCATION"),     # Dutch letters in capitals
    ("rue Foch 3, 75016 paris was home", "paris", "LOCATION"),
    ("In 2019 Marisol left the clinic", "Marisol", "PERSON"),                         # a year, no postcode
    ("By March, 2019 Marisol was sober", "Marisol", "PERSON"),
])
def test_a_guess_after_a_postcode_is_the_town(text, word, entity):
    assert _typed(text, word) == entity


@pytest.mark.parametrize("text, word, entity", [
    ("she grew up near Zanesville and never left", "Zanesville", "LOCATION"),         # a town the gazetteer knows
    ("every other week I drive to Kokomo for the shot", "Kokomo", "LOCATION"),
    ("my script moved to Walgreens after the insurance change", "Walgreens", "ORGANIZATION"),  # no town
    ("I was at Yakima Valley Memorial for a week", "Yakima Valley Memorial", "ORGANIZATION"),  # no place-only position
])
def test_an_organisation_guess_of_a_town_where_only_a_place_stands(text, word, entity):
    start = text.index(word)
    f = Finding("/t", "ORGANIZATION", start, start + len(word), 0.85, "spacy", MODEL)
    assert places_not_people([f], {"/t": text})[0].entity == entity


@pytest.mark.parametrize("text, word, entity, typed", [
    ("I texted Ashwell and she came right over", "Ashwell", "LOCATION", "PERSON"),    # what one does to a person
    ("we hugged Tamsin at the door", "Tamsin", "ORGANIZATION", "PERSON"),
    ("I called Ashwell Pharmacy twice", "Ashwell Pharmacy", "ORGANIZATION", "ORGANIZATION"),   # a call: anyone
    ("we visited Ashwell last spring", "Ashwell", "LOCATION", "LOCATION"),
])
def test_a_guess_after_what_one_does_to_a_person_is_a_person(text, word, entity, typed):
    start = text.index(word)
    f = Finding("/t", entity, start, start + len(word), 0.85, "spacy", MODEL)
    assert places_not_people([f], {"/t": text})[0].entity == typed
