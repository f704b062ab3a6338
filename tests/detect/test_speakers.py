"""Speakers named by their initials in a transcript, and the labels that are no one's."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.speakers import InitialsSpeakerRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start:r.end] for r in InitialsSpeakerRecognizer().analyze(text, ["PERSON"])]


def test_initials_that_take_turns_are_speakers():
    text = ("Call 9, recorded by phone\nLW: How long were you on it?\nOD: Six years, give or take.\n"
            "LW: And the taper?\nOD: Slow. Ten percent a month.")
    assert _found(text) == ["LW", "OD", "LW", "OD"]  # ("OB:" is a role now, like "PT:")


def test_initials_taking_turns_with_a_name():
    text = "HV: What helped?\nOdile: Walking.\nHV: Anything else?\nOdile: My sister's couch."
    assert _found(text) == ["HV", "HV"]


def test_after_a_chat_stamp_too():
    text = "[09:14] TQ: you up?\n[09:15] ZN: barely\n[09:20] TQ: meds?\n[09:21] ZN: took them"
    assert _found(text) == ["TQ", "ZN", "TQ", "ZN"]


@pytest.mark.parametrize("text", [
    "BP: 132/84\nHR: 71\nDx: opioid use disorder\nPlan: continue buprenorphine",   # a note's sections, once each
    "\n".join(["AM: 8 mg", "PM: 4 mg", "AM: 8 mg", "PM: 2 mg"]),                        # a day's halves
    "ME: are you coming\nMOM: yes\nME: ok\nMOM: leaving now",                         # a pronoun, a person noun
    "DAD: call me\nSIS: ok\nDAD: now\nSIS: fine",
    "JK: only one speaker labelled\nJK: twice",                                       # no exchange
    "BP: 120/80\nBP: 118/76\nPlan: recheck\nNote: fine",                              # a label repeated, no exchange
    "BP: 131/88\nHR: 74\nBP: 126/80\nHR: 70",                                       # a log's vitals
    "INT: and then?\nRES: I quit\nINT: how?\nRES: slowly",                          # roles' short forms
])
def test_labels_that_are_no_speakers(text):
    assert _found(text) == []


from deid.detect.recognizers.speakers import ChatSpeakerRecognizer  # noqa: E402


def _chat(text: str) -> list[str]:
    return [text[r.start:r.end] for r in ChatSpeakerRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize("text, expected", [
    # a chat pasted with "me:" as one side: the other side's label is a name, whatever its word
    ("me: hows the pain\nhope: bad. 8/10\nme: want me to come over\nhope: pls", ["hope", "hope"]),
    ("me: u ok? sky: no, the knee again me: omw sky: thx", ["sky", "sky"]),
    ("Me: did you eat\nRob: a bit\nMe: good", ["Rob"]),
    ("me: did you eat\nrob: a bit\nme: good\nmarlo: same", ["rob", "marlo"]),
    ("me: you up? dove: yeah", []),                         # one turn of "me:" is no chat
    ("a chat (`me: hi`, `me: ok`) and a note <!-- zorvik: allow -->", []),   # code and a comment's directive
    # no "me:" side: labels are a form's or a note's; words that are no name stay
    ("hope: to walk again\nfear: the stairs", []),
    ("edit: typo. update: still clean. me: thanks all", []),
    ("me: taper plan\nnote: ask about gabapentin\nme: 10% a month", []),
    # no "me:" side, but two first names taking turns, twice each: both are speakers
    ("wren: u awake\nsol: ya cant sleep\nwren: same, day 3 off the subs\nsol: hang in there",
     ["wren", "sol", "wren", "sol"]),
    ("jade: ride at 9?\ncliff: sure\n> jade: thx\ncliff: np", ["jade", "cliff", "jade", "cliff"]),
    ("wren: a `# deid: allow` here, sol: no. # deid: on, sol: off, # deid: off", []),   # inside lines: directives
    ("me: u ok? sky: no\nme: omw    zorvik: allow PERSON    ", ["sky"]),   # a directive whose comment marks were blanked
    ("pros: cheap\ncons: slow\npros: easy\ncons: meh", []),                   # no first names
    ("dawn: 6am alarm\nnote: took 8mg\ndawn: ok", []),                         # one speaker is no exchange
    # handles taking turns: a screen name with digits, a dot or an inner capital, or a run of letters no word is
    ("GreyHeron_77: day 9, legs still jumping\nsaltmarshmike: try magnesium\nGreyHeron_77: did, no luck\n"
     "saltmarshmike: hot bath then", ["GreyHeron_77", "saltmarshmike", "GreyHeron_77", "saltmarshmike"]),
    ("TaperTortoise: 5% a week\nlilac.lane: too fast for me\nTaperTortoise: fair\nlilac.lane: ya",
     ["TaperTortoise", "lilac.lane", "TaperTortoise", "lilac.lane"]),
    ("BP: 132/84\nHR: 96\nBP: 128/80\nHR: 90", []),                         # a log's vitals in capitals
    ("Subjective: sore\nObjective: swollen\nSubjective: better\nObjective: less", []),   # a note's words
])
def test_the_other_side_of_a_chat(text, expected):
    assert _chat(text) == expected


def test_a_label_far_from_any_turn_of_me_is_no_speaker():
    text = "me: thanks all\n" + "filler words here. " * 40 + "\nzorvik: a tool's setting"
    assert _chat(text) == []
