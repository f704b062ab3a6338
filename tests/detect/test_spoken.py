"""What is spelt or said to get past a filter (``recognizers.spoken``): phone numbers in
words, names spelt letter by letter or with digits for letters, names in hashtags.
Invented names and numbers throughout."""

from __future__ import annotations

import pytest

from deid.detect.recognizers import (
    LeetNameRecognizer,
    NameHashtagRecognizer,
    SpeltNameRecognizer,
    SpokenPhoneRecognizer,
)

from tests.detect.test_detector import removed


def found(make, text):
    rec = make()
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities) if r.score >= 0.3]


@pytest.mark.parametrize("make, text, expected", [
    (SpokenPhoneRecognizer, "text me, six one seven, four oh two, eighteen ninety", ["six one seven, four oh two, eighteen ninety"]),
    (SpokenPhoneRecognizer, "it's nine seven one - three three oh - twenty two sixty", ["nine seven one - three three oh - twenty two sixty"]),
    (SpokenPhoneRecognizer, "call two oh six, double five, seven, forty forty", ["two oh six, double five, seven, forty forty"]),
    (SpokenPhoneRecognizer, "back in nineteen ninety nine I was twenty", []),
    (SpokenPhoneRecognizer, "two hundred fifty mg, three times", []),
    (SpokenPhoneRecognizer, "one or two, maybe three", []),
    (SpeltNameRecognizer, "it's R-O-W-E-N with a W", ["R-O-W-E-N"]),
    (SpeltNameRecognizer, "spelled m.a.r.i.s.o.l on the form", ["m.a.r.i.s.o.l"]),
    (SpeltNameRecognizer, "my name is d e v o n if you ask", ["d e v o n"]),
    (SpeltNameRecognizer, "I am S-O-B-E-R today", []),
    (SpeltNameRecognizer, "take it b.i.d. and p.r.n. in the U.S.A.", []),
    (SpeltNameRecognizer, "wake up @ 2 a. m. I feel", []),
    (LeetNameRecognizer, "ask for J4sp3r at the desk", ["J4sp3r"]),
    (LeetNameRecognizer, "my ex m1r4nd4 kept texting", ["m1r4nd4"]),
    (LeetNameRecognizer, "B12 and D3 and 5HTP and H1N1", []),
    (LeetNameRecognizer, "I was 2b1ask about it", []),
    (LeetNameRecognizer, "games at 8Rinks and @Deshawn posted", []),
    (NameHashtagRecognizer, "#RIPDeshawnTolliver we love you", ["DeshawnTolliver"]),
    (NameHashtagRecognizer, "march for #JusticeForCaridad today", ["Caridad"]),
    (NameHashtagRecognizer, "#LongLiveTreyvon forever", ["Treyvon"]),
    (NameHashtagRecognizer, "so proud #KellyBranham", ["KellyBranham"]),
    (NameHashtagRecognizer, "#RIP to my old self #SoberLife #MentalHealthAwareness", []),
    (NameHashtagRecognizer, "#RecoveryIsPossible #OneDayAtATime", []),
    (NameHashtagRecognizer, "we rode #BikingForBramwell all day", ["Bramwell"]),      # words, "For", a name
    (NameHashtagRecognizer, "#DancingWithOyelaran at the gala", ["Oyelaran"]),         # a word of no vocabulary
    (NameHashtagRecognizer, "#JusticeForZinnaiah", ["Zinnaiah"]),                      # a memorial, no known name
    (NameHashtagRecognizer, "#RunningForRecovery #WalkToEndAlzheimers", []),           # words after "For", "To"
])
def test_spoken_recognizers(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("text, gone, kept", [
    ("Call me at six one seven, four oh two, eighteen ninety anytime.", ["four oh two", "eighteen ninety"], ["Call me at"]),
    ("My name is R-O-W-E-N and I was nine.", ["R-O-W-E-N"], ["My name is", "and I was nine"]),
    ("They all know J4sp3r from the meetings.", ["J4sp3r"], ["from the meetings"]),
    ("#RIPDeshawnTolliver you got me sober.", ["Deshawn", "Tolliver"], ["#RIP", "you got me sober"]),
])
def test_spoken_identifiers_go(processor, text, gone, kept):
    out = removed(processor, text)
    for value in gone:
        assert value not in out, f"{value!r} survived: {out!r}"
    for words in kept:
        assert words in out, f"{words!r} was damaged: {out!r}"
