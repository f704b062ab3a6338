"""Towns in lower case after a preposition of place."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.lower_places import LowerPlaceRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in LowerPlaceRecognizer().analyze(text, ["LOCATION"])]


@pytest.mark.parametrize("text, expected", [
    ("we drove up from yakima on friday for the bupe clinic", ["yakima"]),
    ("the methadone clinic in grand rapids finally called back", ["grand rapids"]),   # several words whole
    ("anyone near chattanooga know a doc who takes medicaid", ["chattanooga"]),
    ("moved to jersey city last spring", ["jersey city"]),
    ("best kratom vendor in tulsa hands down", ["tulsa"]),                  # a proper noun the vocabulary holds
    ("she lives over in east chattanooga now", ["east chattanooga"]),      # a part of a town, with the town
    ("the pharmacies in downtown yakima are out", ["downtown yakima"]),
    # a place of any size named with its kind
    ("unless u know a doc in marlow falls that takes walk ins", ["marlow falls"]),
    ("dope sick in a tent by the calloway river for 3 days", ["calloway river"]),
    ("we live right by hawthorne state forest", ["hawthorne state forest"]),
    ("sitting by the pier in port alder and just crying", ["port alder"]),
    # a line written in capitals, as a lower-case one
    ("MY SISTER DROVE DOWN FROM SPOKANE TO SIT WITH ME", ["SPOKANE"]),
    ("Day 12.\nSTILL SHAKING BUT HOME IN KELLOW FALLS AT LAST", ["KELLOW FALLS"]),
    # capitalised, with its kind, after a preposition of place
    ("We moved to Aspen Hollow after the fire; my sister stayed outside Tenmile Crossing.", ["Aspen Hollow", "Tenmile Crossing"]),
    ("the motel in Osprey Bend was where I used", ["Osprey Bend"]),
    ("we stayed with friends in HOLLIS GAP over the winter", ["HOLLIS GAP"]),        # in capitals, the line not
    ("Home: Weller County, no bus after six.", ["Weller County"]),   # a county wherever it stands
])
def test_a_known_place_after_a_preposition(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "i was in pain and in bed all march",             # words, however many towns bear them
    "went to school and then to work",
    "we grew up in the valley and moved to the bay",    # an article: a kind of place
    "we camped out by the springs, then in the flats",
    "i live in bend now",                              # a word too: left to its capital
    "switched from lyrica to gabapentin",              # medicines
    "In Tulsa the clinic is closed",                   # capitalised: the model's
    "when deciding to cut off, taper slowly",          # a small town's name made of words
    "worth its weight in sterling silver",             # a name too
    "we swam in the river and hiked in the national forest",   # a kind alone, or a kind said generally
    "a pinch in my lower back, then to the state park",
    "i moved to the lake and then to a new county",
    "then at my lowest point I took 12.5mg; at its lowest point in the evening",
    "I WAS IN PAIN AND IN BED ALL MARCH AND THEN WENT BACK TO WORK",   # in capitals, words
    "Spokane was fine. In Bend it rained",             # not written in capitals: as it is
    "I went to Mercy Ridge Hospital, then to The Falls Pub",   # a longer name; an article first
    "The County said no, and Orange County Jail said the same",   # an article; a longer name
    "my caseworker Sam Parish called about the Borough rules",    # a surname, not a parish
])
def test_words_after_a_preposition_stay(text):
    assert _found(text) == []
