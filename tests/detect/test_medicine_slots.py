"""A medicine no list holds, known by its slot (``medicine_slots``, through
``evidence.keep_reason``): a guessed name a sentence takes, is put on, tapers off or
is given stays a word; a person in a look-alike sentence stays a person. Invented
brands and people of our own."""

from __future__ import annotations

import re

import pytest

from deid.detect.evidence import LEXICON, MODEL, keep_reason
from deid.detect.medicine_slots import in_medicine_slot


def _at(text: str, value: str) -> tuple[int, int]:
    m = re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text)
    assert m is not None
    return m.span()


@pytest.mark.parametrize("text, value, medicine", [
    # a word of no name list in a taking slot
    ("I take Vorelzin with breakfast now.", "Vorelzin", True),
    ("the clinic put me on Stravonel after the second relapse", "Stravonel", True),
    ("weaning off of Quellamar has been brutal", "Quellamar", True),
    ("In the ER they gave me Orvadine and I slept.", "Orvadine", True),
    ("switched to Pemrodyl in the spring", "Pemrodyl", True),
    ("Pharmacy ran out of Dulcevar twice this month.", "Dulcevar", True),
    ("been on brixolam since my surgery", "brixolam", True),
    ("I popped two Halvacet before work.", "Halvacet", True),
    ("he stopped Ferantis because of the rash", "Ferantis", True),
    # a form after it is enough for such a word
    ("Zimbrelle cream on the scar every night", "Zimbrelle", True),
    ("Dr. said the Torvessa patch would help", "Torvessa", True),
    # a person moved, named or said, after the same verbs
    ("I took Szczepanik to the ER that night.", "Szczepanik", False),
    ("we gave Oyelaran a ride to group", "Oyelaran", False),
    ("I tried Vukovich first, he runs the intake line.", "Vukovich", False),
    ("started seeing Ndiaye's group on Mondays", "Ndiaye", False),
    ("I take Brodeur with me to every appointment", "Brodeur", False),
    # a known first name needs both sides: a slot and a form, schedule or condition
    ("I take Celeste twice a day for the migraines", "Celeste", True),
    # taken for what no condition list holds: birth control, sleep, cravings
    ("I was on Marisol for birth control until the clots", "Marisol", True),
    ("they started me on Delphine for sleep", "Delphine", True),
    ("I was on Delphine for a week at her place", "Delphine", False),      # a stay with a person
    ("she put me on Dorothy for my back pain", "Dorothy", True),
    ("I take Celeste to church on Sundays", "Celeste", False),
    ("they gave me Dorothy as a sponsor", "Dorothy", False),
    ("Then I called Dorothy every day.", "Dorothy", False),
    # nothing around it says medicine
    ("Greetings from Vorelzin and the whole crew.", "Vorelzin", False),
    # a street's number after it, not a dose
    ("the shelter is on Kronvejen 41 now", "Kronvejen", False),
    ("she is on Stravonel 40 mg since June", "Stravonel", True),
    # a combination's strengths after it, not a street's number
    ("Dad takes Quellamar 10/325 when the hip flares", "Quellamar", True),
    # an operation had, or its noun after
    ("Ever since the Kessel-en-Vaux I cannot eat bread.", "Kessel-en-Vaux", True),   # hyphenated
    ("after the Vardimann I could not take opioids", "Vardimann", True),
    ("she had a Lisfranc repair last winter", "Lisfranc", True),
    ("after the Ostrowskis left I relapsed", "Ostrowskis", False),   # a family
    ("after the Brackwell closed I moved", "Brackwell", False),      # a verb after it: a place or a firm
    ("six weeks after the Kessel-en-Vaux I ate soup", "Kessel", True),    # a guess of a hyphenated word's first part
    # said in brackets to be a medicine, a name too
    ("does anyone know if marisol (the mini pill) interacts with methadone", "marisol", True),
    ("I switched from Odette (my old antidepressant) last spring", "Odette", True),
    ("I went with Odette (my old roommate) last spring", "Odette", False),
    # a measure of a drink or a drug: "a fifth of X", whatever X is
    ("back then I was drinking a fifth of Lorne a day", "Lorne", True),
    ("a handle of brevik every two days", "brevik", True),
    ("we split a pint of Halloran after work", "Halloran", True),
    ("I took a shot of Marisol at the party", "Marisol", False),      # a photograph's
    ("I took a picture of Marisol with me", "Marisol", False),
    # an abbreviation in capitals before a form
    ("he only needs the QTV spray once a week now", "QTV", True),
    # a dose's figure with a decimal after a slot, not a street's number
    ("i've been on zelvo 7.5 for six years", "zelvo", True),
    # in a list beside a medicine or a condition: one list, one kind of thing
    ("Back then it was Zorvantil and gabapentin for every ache.", "Zorvantil", True),
    ("fibromyalgia plus lupus plus QLDX, the usual", "QLDX", True),
    ("I took Brenvaxa/Lyrica for a month", "Brenvaxa", True),
    ("Every night Marisol and tramadol, that was my routine", "Marisol", False),   # a name: both sides must say so
    ("Zorvantil and his brother came by", "Zorvantil", False),                     # beside no medicine
])
def test_medicine_slot(text, value, medicine):
    start, end = _at(text, value)
    assert in_medicine_slot(text, start, end) is medicine


@pytest.mark.parametrize("entity, medicine", [("PERSON", True), ("ORGANIZATION", False), ("LOCATION", False)])
def test_a_thing_owned_is_a_medicine_only_for_a_guessed_person(entity, medicine):
    """"her Quellamar refill" guessed as a person is a product; guessed as an
    organisation it may be her employer's ("her Quellamar resignation letter")."""
    text = "she forgot her Quellamar again"
    start, end = _at(text, "Quellamar")
    assert in_medicine_slot(text, start, end, entity) is medicine


@pytest.mark.parametrize("strength, kept", [(LEXICON, True), (MODEL, True), ("context", False)])
def test_only_guesses_give_way(strength, kept):
    """The slot overrides a guess, never a person noun's or a greeting's finding."""
    text = "my doctor put me on Stravonel last week"
    start, end = _at(text, "Stravonel")
    assert (keep_reason("PERSON", text, start, end, strength) == "medical_term") is kept
