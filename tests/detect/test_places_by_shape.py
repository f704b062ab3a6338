"""Where a person is, beyond a street address (``recognizers.geo``): coordinates, plus
codes, three-word addresses, rural boxes and postcodes outside the US, which are replaced
whole, never cut like a US ZIP code. Invented places and codes throughout."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import (
    PlusCodeRecognizer,
    gps_coordinates,
    postcode,
    rural_address,
    three_word_address,
    world_postcode,
)

from tests.detect.test_detector import removed


def found(make, text):
    rec = make()
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities) if r.score >= 0.3]


@pytest.mark.parametrize("make, text, expected", [
    (gps_coordinates, "we camped at 39.7392, -104.9903 that week", ["39.7392, -104.9903"]),
    (gps_coordinates, "pin: 33.95 S, 18.46 E by the shore", ["33.95 S, 18.46 E"]),
    (gps_coordinates, "found at 47°36'22\"N 122°19'55\"W", ["47°36'22\"N 122°19'55\"W"]),
    (gps_coordinates, "the scores were 0.8713, 0.9025 overall", []),
    (gps_coordinates, "doses of 2.5, 3.75 mg", []),
    (gps_coordinates, "version 1.2.3, 4.5.6", []),
    (PlusCodeRecognizer, "the trailhead is 85GCQ2XF+C4 past the gate", ["85GCQ2XF+C4"]),
    (PlusCodeRecognizer, "meet at Q2XF+C4 Boulder Creek tonight", ["Q2XF+C4 Boulder Creek"]),
    (PlusCodeRecognizer, "I code in C++ and took 2+2 pills", []),
    (PlusCodeRecognizer, "short code Q2XF+C4 alone says nothing", []),
    (three_word_address, "drop it at ///pebble.orbit.candle please", ["///pebble.orbit.candle"]),
    (three_word_address, "see https://example.org/a.b.c now", []),
    (rural_address, "mail goes to RR 3 Box 207, Elk Prairie", ["RR 3 Box 207, Elk Prairie"]),
    (rural_address, "HC 64 Box 12 is our place", ["HC 64 Box 12"]),
    (rural_address, "we were on Rural Route 1, Box 55 then", ["Rural Route 1, Box 55"]),
    (rural_address, "a box of 12 and the hr was 64", []),
    (world_postcode, "we rent at 4400-127 Gaia now", ["4400-127"]),
    (world_postcode, "she moved to 80331 Munich in June", ["80331"]),
    (world_postcode, "write to F-31000 Toulouse", ["F-31000"]),
    (world_postcode, "Brunswick VIC 3056 is home", ["Brunswick VIC 3056"]),
    (world_postcode, "our postcode is 2830 out west", ["2830"]),
    (world_postcode, "it is 69003, France", ["69003"]),
    (world_postcode, "we lived at 10442 Lakeshore Drive", []),      # a house number before its street
    (world_postcode, "I walked 12000 Steps today", []),
    (world_postcode, "Dayton, OH 45402 Apartment", []),             # a US ZIP after its state
    (world_postcode, "saved as cp1252 and 2019-2021", []),
    (postcode, "lives near EH3 9QW in town", ["EH3 9QW"]),
    (postcode, "the code is T2P 4K7 there", ["T2P 4K7"]),
])
def test_place_recognizers(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("text, gone, kept", [
    ("We fished at 44.9778, -93.2650 every spring.", ["44.9778", "93.2650"], ["We fished at", "every spring"]),
    ("The cabin's plus code is 85GCQ2XF+C4 now.", ["85GCQ2XF+C4"], ["plus code is"]),
    ("Leave it at ///pebble.orbit.candle for me.", ["pebble.orbit.candle"], ["Leave it at"]),
    ("Our place is HC 64 Box 12, Cedar Ford.", ["HC 64 Box 12", "Cedar Ford"], ["Our place is"]),
    ("My postcode is 4400-127 in Gaia.", ["4400-127"], ["My postcode is"]),
    # a German or French postcode is replaced whole, never cut to three digits like a ZIP code
    ("We moved to 80331 Munich last year.", ["80331", "803"], ["We moved to"]),
    ("My postal code is 75011 in Paris.", ["75011", "750"], ["My postal code is"]),
])
def test_places_go(processor, text, gone, kept):
    out = removed(processor, text)
    for value in gone:
        assert value not in out, f"{value!r} survived: {out!r}"
    for words in kept:
        assert words in out, f"{words!r} was damaged: {out!r}"


def test_a_us_zip_code_is_still_generalised(processor):
    out = removed(processor, "She lives in Toledo, OH 43604 now.")
    assert "43604" not in out and "436" in out
