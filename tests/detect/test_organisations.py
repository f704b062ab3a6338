"""Organisations the model misses: in lower case, an unknown word before a word that heads
organisations' names, a bare service's name after "at", or a bare name with a known place
after it; in any case, a name in brackets after the kind of organisation."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.organisations import OrganisationNameRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in OrganisationNameRecognizer().analyze(text, ["ORGANIZATION"])]


@pytest.mark.parametrize("text, expected", [
    ("my counselor at quellmoor otp moved my dose up", ["quellmoor otp"]),
    ("got my first dose at harborvale recovery center last week", ["harborvale recovery center"]),  # heads run on
    ("my aunt works at fennimore pharmacy on the east side", ["fennimore pharmacy"]),
    ("the doc at westrock ortho cut me in half", ["westrock ortho"]),
    ("we went to big pinecrest wellness twice", ["big pinecrest wellness"]),          # the words before it too
    ("the clinic is lumenbrook neuro in scottsdale if anyone needs it", ["lumenbrook neuro"]),   # a known place after
    ("3rd injection at cobalt spine in grand rapids and it held", ["cobalt spine"]),
    ("she got a bed at willow creek of springfield finally", ["willow creek"]),
    ("the place is called tamarack house in boise", ["tamarack house"]),
    ("now i volunteer at brookfield academy in the kitchen", ["brookfield academy"]),  # a service's name said bare
    ("my counselor at marrow county mental health says it is grief", ["marrow county mental health"]),
    ("we got a food box from thistle hill pantry", ["thistle hill pantry"]),
    ("My insurance (Tallgrass Health) denied the Sublocade shot.", ["Tallgrass Health"]),  # in brackets, any case
    ("if ur on medicaid (lakeside health plan) the film is covered", ["lakeside health plan"]),
    ("the pharmacy (Ostrander Drug) had it in stock", ["Ostrander Drug"]),
    ("The clinic is called Harbor Lantern and they were kind.", ["Harbor Lantern"]),   # a name given to a place
    ("we met at a bar named The Tipsy Heron downtown", ["The Tipsy Heron"]),
    # where someone who cares for the writer works, or where the writer stays: a name said bare
    ("my ob at larkhill womens said to stop the triptans", ["larkhill womens"]),
    ("dr oyelaran at quillmoor family prescribed it after one call", ["quillmoor family"]),
    ("i was inpatient at cold spring ridge for a month", ["cold spring ridge"]),
    ("sandy picked me up from shoreline memorial at 2am", ["shoreline memorial"]),      # a service said bare
    ("we got him into coastal crisis center thursday", ["coastal crisis center"]),
    ("30 days in hadley county jail and then to cedar grove otp", ["hadley county jail", "cedar grove otp"]),
    ("cliff is now at harbor view detox", ["harbor view detox"]),
    ("my pt at motion lab starts again tues", ["motion lab"]),
    ("my case manager precious at the fort mercer vet center got it paused", ["fort mercer vet center"]),
    # a line written in capitals reads as one in lower case; a line in mixed case beside it stays as it is
    ("MY REFILL HAS BEEN STUCK AT ODELL PHARMACY SINCE FRIDAY", ["ODELL PHARMACY"]),
    ("Update below.\nSO GRATEFUL FOR EVERYONE AT BRAMWICK RECOVERY CENTER\nThanks all", ["BRAMWICK RECOVERY CENTER"]),
    # the word that says which, then words of the kind, then the head
    ("my dad got a bed at tollerby subacute rehab on friday", ["tollerby subacute rehab"]),
    ("DAUGHTER TOURED WESTLYN SUBACUTE REHAB TODAY, LIKED IT", ["WESTLYN SUBACUTE REHAB"]),
    # a saint's name where one goes or is: a hospital, a church, a school
    ("the ambulance took him to St. Wenceslas that night", ["St. Wenceslas"]),
    ("my knee surgery was at st. brigid in the spring", ["st. brigid"]),
    ("the food van parks behind st. casimir on fridays", ["st. casimir"]),      # where something is, by the saint's
    ("we sleep outside St. Odilia most nights", ["St. Odilia"]),
])
def test_an_organisation_in_lower_case(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "i was at work in tulsa when the cravings hit",          # an institution without an article
    "my mom is at rehab in ohio right now",
    "we met at church in dallas",
    "i was at peace in my own skin for once",
    "got my dose at the otp this morning",                   # an article: a kind, no name
    "the suboxone clinic in tucson is the only one",         # a medicine before the head
    "i tried the ketamin clinic in denver",                  # a slip of the keys
    "the methadone clinic moved to a new building",
    "at 90 mg in the morning i felt ok",                     # no words
    "i was at rock bottom in april",                         # no place after it
    "it is legal in texas",                                  # an adjective after "is": no organisation's subject
    "Harborvale Recovery Center in Toledo",                  # capitalised: the model's and the patterns'
    "i was at urgent care for three hours",                   # kinds of service only
    "she is at behavioral health now and likes it",
    "he met her at high school and again at grad school",     # an institution said bare
    "got a referral from pain management",
    "my insurance (medicaid) pays for it",                    # a kind's own word
    "my pharmacy (the one by my house) was out",              # stop words and kinds
    "the clinic (methadone) is strict",                       # medicine
    "my insurance (Emgality copay card) covered it",         # a drug inside the brackets
    "the pill is called Suboxone and the drug named Sublocade",   # medicine
    "my doctor at my last visit said no",                    # a worker, then no name after "at"
    "my sponsor at meetings is strict",
    "my therapist at work said to rest",
    "the nurse at night was kind",
    "my doctor at appointments lately seems rushed",
    "my psychiatrist at intake said it was anxiety",
    "my pt at physical therapy said to ice it",
    "my doctor at the clinic said no",
    "my sister at tulsa airport cried",                      # a place
    "my counselor at first was cold",
    "i went to physical therapy center twice",              # medicine before the service's noun
    "he is in county jail and then went to rehab center",   # kinds only
    "i was in detox for a week, then in jail",
    "slowly transition to edible medical cannabis",          # a service's word that a noun goes on from
    "my vertigo has not responded to conservative treatment",
    "I decided to try counseling once again",
    "PT ADMITTED FROM HOME WITH CHEST PAIN, TRANSFER TO REHAB CENTER IN AM",   # in capitals: kinds only
    "I WAS AT WORK IN TULSA WHEN THE CRAVINGS HIT",
    "we moved to St. Paul and then to Saint Louis",           # towns the gazetteer knows
    "she went to acute rehab and then to the physical therapy center",   # kinds only
    "I worked at St. Mary's Hospital for years",              # a longer name: the organisation recognizer's
])
def test_no_organisation(text):
    assert _found(text) == []
