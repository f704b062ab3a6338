"""Speakers named by their initials in a transcript: ``JK: When did it start?`` /
``RD: Last spring.``.

Two or three capitals before a colon open many lines that are no speech: a note's sections
("BP:", "Dx:"), a log's vitals, a day's halves ("AM:", "PM:"), a reply's "RE:". What makes
them speakers is the exchange: at least two labels in the text, initials or names, each
opening two lines or more, the way an interviewer and a respondent take turns. A section of
a note is written once; a label that is a word ("ME:", "US:"), a person noun ("MOM:",
"DAD:"), a role's short form ("INT:") or a day's half is no one's initials.

A chat pasted with "me:" for one side, two turns of it at least (``ChatSpeakerRecognizer``):
every other label that is a first name or no word at all, and takes its turn next to "me:", is
the other side, in any case, at a line's start or inside a line where the paste lost its breaks
("me: u ok? sky: no"); "note:", "edit:" are no one. Without "me:", two first names that
each open two turns or more, one after the other, are the two sides, whatever their words
("wren: u up" / "sol: ya" / "wren: same"), and so are two screen names or more taking turns
("GreyHeron_77:", "saltmarshmike:").
"""

from __future__ import annotations

from collections import Counter

import regex as re
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.person_nouns import is_person_noun
from deid.detect.recognizers.base import OwnRecognizer
from deid.detect.recognizers.names import STAMP
from deid.core.lexicon import is_first_name, name_info, vocabulary

_LABEL = re.compile(rf"^[ \t>*_-]*{STAMP}(?P<v>\p{{Lu}}{{2,3}})(?=[*_]*[ \t]*:[ \t])", re.MULTILINE)
_ANY_LABEL = re.compile(rf"^[ \t>*_-]*{STAMP}(?P<v>\p{{Lu}}[\p{{L}}'\u2019.-]*)(?=[*_]*[ \t]*:[ \t])", re.MULTILINE)
# a day's halves, a message's headers, the vitals and shorthand of a log ("BP:", "Rx:"), and
# the short forms of a transcript's roles ("INT:" the interviewer, "RES:", "MOD:", "FAC:")
_NOT_INITIALS = frozenset("AM PM RE FW FWD PS NB FYI CC BCC QA TL DR OK BP HR RR BG BS WT HT BMI DX RX HX SX TX "
                          "INT RES MOD FAC PAR".split())


class InitialsSpeakerRecognizer(OwnRecognizer):
    """Initials that label the turns of a transcript (see the module)."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        found = [m for m in _LABEL.finditer(text) if m.group("v") not in _NOT_INITIALS
                 and m.group("v").lower() not in STOP_WORDS and not is_person_noun(m.group("v").lower())]
        turns = Counter(m.group("v") for m in found)
        speakers = {label for label, n in turns.items() if n >= 2}
        others = Counter(m.group("v") for m in _ANY_LABEL.finditer(text) if m.group("v") not in turns)
        if not speakers or len(speakers) + sum(n >= 2 for n in others.values()) < 2:
            return []  # no exchange: initials taking turns with initials or with a name ("AK:" and "Wen:")
        return [self.result(m.start("v"), m.end("v"), 0.6) for m in found if m.group("v") in speakers]


# a label inside a line or at its start: a word, its colon, a space
# (not in code, "`me: hi`", nor a comment's directive, "<!-- tool: on -->")
# (a screen name too: "GreyHeron_77:", "lilac.lane:")
_CHAT_LABEL = re.compile(r"(?<![\p{L}\d'\u2019@#/.`-])(?<!<!--[ \t]*)(?P<v>\p{L}(?:[\p{L}\d_'\u2019-]|\.(?=\p{L})){1,24})(?=:[ \t])"
                         r"(?!:[ \t]*(?:allow|ignore|disable|enable)\b)")  # a directive: "tool: allow X", its comment's marks blanked


class ChatSpeakerRecognizer(OwnRecognizer):
    """The other side of a chat pasted with "me:" (see the module)."""

    ENTITY = "PERSON"

    def analyze(self, text, entities, nlp_artifacts=None):
        if text.count(":") < 2:
            return []  # two turns of "me:" at least, or four of two names
        labels = list(_CHAT_LABEL.finditer(text))
        if sum(m.group("v").lower() == "me" for m in labels) < 2:
            return self._named_turns(labels) if len(labels) >= 4 else []  # a chat has turns: "me:" twice at least, or two names'

        def someone(word: str) -> bool:
            low = word.lower()
            if low == "me" or low in STOP_WORDS or is_person_noun(low):
                return False
            info = name_info(low)
            return (info is not None and info.first) or low not in vocabulary()

        def beside_me(i: int) -> bool:  # the turn before or after is "me:", close by
            return any(0 <= j < len(labels) and labels[j].group("v").lower() == "me"
                       and abs(labels[j].start() - labels[i].start()) < _TURN for j in (i - 1, i + 1))

        return [self.result(m.start("v"), m.end("v"), 0.7) for i, m in enumerate(labels)
                if someone(m.group("v")) and beside_me(i)]

    def _named_turns(self, labels: list) -> list:
        """Two first names or screen names (``screen_name``) or more, each opening two lines or more, one after the other: a chat
        between them, whatever their words ("wren: u up" / "sol: ya" / "wren: same" / "sol: ok");
        never inside a line, where a comment's directive stands ("# deid: allow")."""

        def first_name(low: str) -> bool:
            return is_first_name(low) and low not in STOP_WORDS and not is_person_noun(low)

        def opens_its_line(m) -> bool:
            text = m.string
            return not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t>*_-")

        named = [m for m in labels if (first_name(m.group("v").lower()) or screen_name(m.group("v"))) and opens_its_line(m)]
        turns = Counter(m.group("v").lower() for m in named)
        speakers = {label for label, n in turns.items() if n >= 2}
        taking_turns = sum(a.group("v").lower() != b.group("v").lower() and a.group("v").lower() in speakers
                           and b.group("v").lower() in speakers and b.start() - a.start() < _TURN
                           for a, b in zip(named, named[1:]))
        if len(speakers) < 2 or taking_turns < 2:
            return []
        return [self.result(m.start("v"), m.end("v"), 0.7) for m in named if m.group("v").lower() in speakers]


_TURN = 400  # characters between a label and the "me:" next to it: one turn of a chat
_HANDLE_MARK = re.compile(r"[\d_.]|\p{Ll}\p{Lu}")


def screen_name(label: str) -> bool:
    """A label shaped as a screen name: a digit, an underscore, a dot or a capital inside a word
    ("GreyHeron_77", "lilac.lane", "TaperTortoise"), or five letters or more in lower case that no
    word is ("saltmarshmike"); not a word in capitals ("BP", "NEURO") nor any word of the vocabulary."""
    low = label.lower()
    if label.isupper() or low in vocabulary() or low in STOP_WORDS or is_person_noun(low):
        return False
    return _HANDLE_MARK.search(label) is not None or (label.islower() and label.isalpha() and len(label) >= 5)
