"""A first name in a position only a person takes, whatever else the word means.

Many first names are also words ("Hope", "Clay", "Justice", "Chance", "Summer"); the model
and the other name recognizers let them pass as words. Where a sentence puts such a word
where only a person stands, it is a name:

- introducing oneself or someone: ``my name is Summer``, ``this is Precious, calling``,
  ``it's Mercy again``, ``I'm Patience,``, ``a nurse named Honor``, ``her name was joy``,
  ``my case manager is Clay.`` (a person noun before: ``person_nouns``);
- greeting, thanking or signing to someone: ``Hi Clay,``, ``Thank you Justice for``, ``much
  love to Rain,``, ``shout out to Storm``, ``big ups to Sky and``;
- someone to ask for at a place: ``ask for Chance at the front desk``;
- calling someone by name: ``Wade, if you're reading this``, ``Clay and Sky, you both``, ``..., Sky.``, and a chat's
  message that opens with a name and a question to "you" (``me: sky can u ...``);
- a transcript's speaker: ``Kit: I'll go``, ``CHERRY: nobody asked``;
- the subject of what only a person does: ``Honor testified``, ``Blessing texted me``;
- one of two people who open a sentence: ``Clay and I``, ``Chance and my brother``,
  ``Summer and her sponsor`` (the second a person noun: ``person_nouns``).

A word counts when the name lexicon (US SSA first names) knows it as a first name: position
gives the sense, the lexicon only says the word can be a name at all. Told "love you" or "thank
you" by name at a sentence's end (``Thank you, Juno.``), or named after a message's greeting
(``Hiya Auntie Ros, it's Petal.``), any capitalised word is a name but an endearment, a deity,
a family's word, a role, a day, a drug or everyone. In lower case only the
plainest positions count (``my name is crystal``, ``this is chase, call me``, ``thx faith ur
the best``, ``grace drove me home``, ``idk what to do, destiny.``), or a word that is almost
only ever a name. A deity, a day or a month, a drug, or a role addressed ("thank
you Lord", "see you Sunday", "thanks, Doc") is no one's name here.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import ABSTRACT_NAMES, FAMILY_ADDRESS, SUBJECT_ADVERBS, US_STATES
from deid.detect.prefilter import Gated, gated
from deid.detect.recognizers.base import called_by, first_name_addressed, lowered_shouts, no_list_word

_X = r"(?P<x>\p{Lu}[\p{Ll}'\u2019]+|\p{Lu}{2,})"        # a capitalised word, or one in capitals
_x = r"(?P<x>\p{Ll}{2,})"                                   # the same in lower case
_START = r"(?:^|(?<=[.!?\u2026][ \t]+)|(?<=\n[ \t>*_-]*))"
# A chat's line: its sender's label, then a name asked something ("me: wade can u grab it").
_CHAT_LABEL = r"(?m:^[ \t]*(?:\p{L}[\p{L}'\u2019 ]{0,20})[ \t]*:[ \t]*)"
_ASKED = r"(?=[ \t]+(?i:can|could|would|will|did|do|are|r|have|is)[ \t]+(?i:u|you|ya|yall|y'all)\b)"
_AFTER_VOCATIVE = (r"(?i:if|you|you're|youre|ur|i|i'm|im|we|trust|please|thank|thanks|just|remember|don't|dont|call|"
                   r"text|sorry|love|listen|look|hey|hi|it's|its|this|that|how|what|where|when|why|did|do|are|is|can)\b")
# the verbs an abstract noun takes as well as a person ("hope says a lot", "summer drew to a close"):
# after a virtue or a season in lower case they say nothing (``wordlists.ABSTRACT_NAMES``); "mercy drove me" does
_FIGURATIVE = r"says|said|told|tells|drew|promised|promises|warned|insists|insisted|swears|swore|reckons|met|showed[ \t]+up|took"
# the verbs whose object is someone told something ("text storm to ...", "agree with drew")
_TOLD = (r"text|texted|txt|tell|told|call|called|ask|asked|message|messaged|dm|dmed|ping|pinged|email|emailed|phone|"
         r"phoned|ring|rang|agree[ \t]+with|agreed[ \t]+with|thank|thanked|hug|hugged|remind|reminded")
# a clause's start after a conjunction: "but bill also says", "so wade told me"
_CLAUSE = r"(?<=\b(?:but|so|then|cause|cuz|because|when|while|until|since|if)[ \t]+)"
_SUBJECT_VERBS = (r"signed|texted|called|phoned|emailed|messaged|drove|wrote|testified|relapsed|enrolled|said|told|says|"
                  r"swears|swore|promised|promises|insists|insisted|warned|reckons|met|drew|"
                  r"asked|answered|replied|promised|apologi[sz]ed|visited|hugged|married|overdosed|OD['\u2019]d|picked|"
                  r"brought|taught|shared|cried|laughed|smiled|yelled|screamed|whispered|sponsored|prescribed|"
                  r"graduated|volunteered|mailed|dropped|knocked|showed[ \t]+up|walked[ \t]+me|took[ \t]+(?:me|us)")
_TAKES_YOU = (r"hope|trust|bet|wish|guess|love|miss|bless|swear|thank|pray|tell|promise|warn|remind|ask|mind|see|assure|"
              r"beg|dare|know|think|believe|doubt|figure|suppose|reckon|imagine|grant|sue|bill|mark|rob|pat|chase|will|"
              r"may|shall|might|must|can|could|would|should|did|do|does|are|were|have|had|got|get|let|give|call|text|owe|"
              r"need|want|hear|kiss|hug|catch|meet|join|help|pay|bug|fancy|told|thought|said|heard|saw|loved|missed")
_GREETING = (r"(?i:hi|hey|hello|hiya|heya|dear|thanks|thank[ \t]+you|thank[ \t]+u|thx|ty|"
             r"shout[ \t]*-?[ \t]*outs?(?:[ \t]+to)?|much[ \t]+love[ \t]+to|big[ \t]+love[ \t]+to|love[ \t]+to|props[ \t]+to|"
             r"big[ \t]+ups[ \t]+to|kudos[ \t]+to|hats[ \t]+off[ \t]+to|"
             r"(?:(?:many|special|big|huge|much)[ \t]+)?(?:thanks|thank[ \t]+you|thank[ \t]+u|thx)[ \t]+to|grateful[ \t]+to|"
             r"congrats|congratulations)")
# someone to ask for at a place or a time: "ask for Marco at the front desk", "ask for dawn, she ..."
_ASK_FOR = r"(?i:\bask(?:ed|ing)?[ \t]+for)[ \t]+"
_ASKED_FOR_AFTER = r"(?=[ \t]+(?i:at|in[ \t]+the|on|when)\b|[ \t]*,[ \t]*(?i:she|he|they)\b)"
# "if you're reading this", "if u see this": said to someone named just before
_READING = r"[ \t]+(?i:if)[ \t]+(?i:you|u|ya)(?:['\u2019]?(?i:re)|r)?[ \t]+(?i:read|reading|see|seeing|hear|hearing|ever[ \t]+read)\b"
_OWNED = (r"['\u2019]s[ \t]+(?i:place|house|home|apartment|apt|flat|room|couch|trailer|truck|funeral|wedding|baby|kids?|"
          r"wife|husband|mom|mum|dad|mother|father|sister|brother|son|daughter|family|boyfriend|girlfriend|birthday|"
          r"grave|memorial|obituary)\b")
_NAMED = r"named|(?:my|his|her|their|your|\p{L}+['\u2019]s)[ \t]+name[ \t]+(?:is|was)"  # "my sponsor's name is"
# groups of people someone comes from ("Dawn from my meeting")
_GROUPS = r"meeting|group|church|class|program|programme|work|job|unit|ward|floor|team|gym|shelter|building|block|na|aa|clinic"
_VERB_AFTER = rf"[ \t](?:{_SUBJECT_VERBS})\b"
_ASKED_AFTER = r"[ \t](?i:can|could|would|will|did|do|are|r|have|is)[ \t]+(?i:u|you|ya|yall|y'all)\b"
_LED = "led by its own words"
# A greeting opening a line, then "it's": who the message is from follows
_GREETED = r"(?:^|(?<=\n))[ \t]*(?i:hi|hey|hello|hiya|heya|yo)[ \t]*[,!.]*[ \t]+(?i:it['\u2019]?s|its|it[ \t]+is)[ \t]+"
_GREETED_WORDS = r"(?i:\b(?:hi|hey|hello|hiya|heya|yo)[ \t]*[,!.]*[ \t]+it)"  # its trigger (``_gate``)
_PATTERNS = [
    # capitalised
    (re.compile(rf"\b(?i:my[ \t]+name[ \t]+is|my[ \t]+name['\u2019]s|name['\u2019]s|everyone[ \t]+calls[ \t]+me|"
                rf"people[ \t]+call[ \t]+me|i[ \t]+go[ \t]+by|{_NAMED})[ \t]+{_X}"), _LED),
    (re.compile(rf"\b(?i:my|our|his|her|their|the)[ \t]+(?P<noun>\p{{Ll}}+(?:[ \t]+\p{{Ll}}+)?)[ \t]+(?:is|was)[ \t]+{_X}"
                r"(?=[ \t]*(?:[,.;!?)\u2014]|$|(?i:and|who|but)\b))", re.MULTILINE), _LED),
    (re.compile(rf"\b(?i:this[ \t]+is|it['\u2019]?s|it[ \t]+is)[ \t]+{_X}(?=[ \t]*(?:,|(?i:calling|again|here|from|speaking)\b))"), _LED),
    (re.compile(rf"\b(?i:i['\u2019]?m|i[ \t]+am)[ \t]+{_X}(?=[ \t]*(?:,|\.(?!\w)|!|(?i:and[ \t]+i)\b))"), _LED),
    (re.compile(rf"\b{_GREETING}[ \t]*,?[ \t]+{_X}(?=[ \t]*(?:[,!.\u2014-]|(?i:for|at|from|who|and)\b|$))", re.MULTILINE), _LED),
    (re.compile(rf"{_START}{_X}(?:,|[ \t]*[\u2014\u2013][ \t]*|[ \t]+--?)[ \t]*(?={_AFTER_VOCATIVE})", re.MULTILINE), None),
    (re.compile(rf",[ \t]+{_X}(?=[ \t]*[.!?]*[ \t]*(?:$|\n))", re.MULTILINE), None),
    # called by name opening a sentence, "you" after it without a comma ("Haven you were right"); not
    # a verb or a modal that takes "you" ("Hope you sleep", "Will you come", "Trust you are well")
    (re.compile(rf"{_START}(?!(?i:{_TAKES_YOU})\b){_X}(?=[ \t]+(?i:you['\u2019]?re|you|ya)[ \t]+\p{{L}})", re.MULTILINE),
     r"[ \t](?i:you|ya)"),
    (re.compile(rf"{_START}{_X}(?=:[ \t])", re.MULTILINE), r":[ \t]"),
    # (a virtue takes one somewhere as well as a person: "Patience took me further")
    (re.compile(rf"{_START}(?!(?i:{'|'.join(ABSTRACT_NAMES)})[ \t]+took\b){_X}(?=(?:[ \t]+{SUBJECT_ADVERBS})?[ \t]+(?:{_SUBJECT_VERBS})\b)",
                re.MULTILINE), _VERB_AFTER),
    (re.compile(rf"{_START}{_X}(?=[ \t]+and[ \t]+(?:I|me)\b)", re.MULTILINE), r"[ \t]and[ \t]+(?:I|me)\b"),
    (re.compile(rf"(?<={_CHAT_LABEL}){_X}{_ASKED}"), _ASKED_AFTER),
    (re.compile(rf"{_START}{_X}(?=[ \t]+and[ \t]+(?i:my|his|her|their|our)[ \t]+(?P<noun>\p{{Ll}}+)\b)", re.MULTILINE), r"[ \t]and[ \t]+(?i:my|his|her|their|our)[ \t]"),
    (re.compile(rf"{_ASK_FOR}{_X}{_ASKED_FOR_AFTER}"), None),
    # two people called by name: "Sandy and Bo, you both ..."
    (re.compile(rf"{_START}{_X}(?=[ \t]+and[ \t]+\p{{Lu}}[\p{{Ll}}'\u2019]+,[ \t]+{_AFTER_VOCATIVE})", re.MULTILINE), None),
    (re.compile(rf"(?<={_START}\p{{Lu}}[\p{{Ll}}'\u2019]+[ \t]+and[ \t]+){_X}(?=,[ \t]+{_AFTER_VOCATIVE})", re.MULTILINE), None),
    # signed after a closing line: "Stay strong,\nRed" (the name alone on the last line)
    (re.compile(rf"(?<=^[^\n]{{1,40}},[ \t]*\n[ \t>*_-]*){_X}(?=[ \t]*(?:\n|$))", re.MULTILINE), r",[ \t]*\n"),
    # who the person is, in apposition or after "is": "Chance, our new member, said", "Bud is my grandfather"
    (re.compile(rf"{_START}{_X}(?=,[ \t]+(?i:my|our|his|her|their|the)[ \t]+(?:(?i:new|old|former|late|dear)[ \t]+)?"
                rf"(?P<noun>\p{{Ll}}+(?:[ \t]+\p{{Ll}}+)?),)", re.MULTILINE), r",[ \t]+(?i:my|our|his|her|their|the)[ \t]"),
    # (the person noun with a word before it: "my oldest friend", "my little brother": ``is_person_noun``)
    # (a note in brackets between: "Marisela (Sela to us) is my aunt")
    (re.compile(rf"{_START}{_X}(?=(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]+(?i:is|was)[ \t]+(?i:my|our|his|her|their)[ \t]+"
                rf"(?P<noun>\p{{Ll}}+)(?:[ \t]+(?P<noun2>\p{{Ll}}+))?\b)", re.MULTILINE), r"[ \t](?i:is|was)[ \t]+(?i:my|our|his|her|their)[ \t]"),
    # or said to be one of a kind of people: "Heather is a paramedic" (not a virtue
    # in a saying: "Hope is a stubborn tutor", "Mercy is a stranger to me")
    (re.compile(rf"{_START}(?!(?i:{'|'.join(ABSTRACT_NAMES)})\b){_X}(?=(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]+(?i:is|was)[ \t]+"
                rf"(?i:an?)[ \t]+(?P<noun>\p{{Ll}}+)(?:[ \t]+(?P<noun2>\p{{Ll}}+))?\b)", re.MULTILINE), r"[ \t](?i:is|was)[ \t]+(?i:an?)[ \t]"),
    # someone from a group of people, or in it: "Dawn from my meeting told me", "Rue in my group tapered"
    (re.compile(rf"{_START}{_X}(?=[ \t]+(?:from|in|at)[ \t]+(?i:my|our|the)[ \t]+(?:(?i:home|old|new|sunday|monday|morning|night)[ \t]+)?"
                rf"(?i:{_GROUPS})\b)", re.MULTILINE), r"[ \t](?:from|in|at)[ \t]+(?i:my|our|the)[ \t]"),
    # begged: "Please, Sterling. Call me back."
    (re.compile(rf"\b(?i:please|sorry)[ \t]*,[ \t]+{_X}(?=[ \t]*[.!?,])"), r"(?i:please|sorry)[ \t]*,"),
    # signed alone on a message's last line, under a sentence: "... Speak soon.\nIgnatius"
    (re.compile(rf"(?<=[.!?][ \t]*\n[ \t>*_-]*){_X}(?=[ \t]*\Z)"), r"[.!?][ \t]*\n"),
    (re.compile(rf"{_START}{_X}(?={_READING})", re.MULTILINE), _READING),  # "Pat if you're reading this"
    # whose home, kin or day it is: "crashed at Juniper's place", "Marisol's husband"
    (re.compile(rf"(?<![\p{{L}}'\u2019-]){_X}(?={_OWNED})"), _OWNED),
    # introduced by one's own name opening the record: "Bob here. 58, retired"
    (re.compile(rf"(?:^|(?<=\n))[ \t]*{_X}(?=[ \t]+here[ \t]*[.,!:\u2014-])", re.MULTILINE), r"[ \t]here[ \t]*[.,!:\u2014-]"),
    (re.compile(rf"\b(?i:love|luv|miss)[ \t]+(?i:you|u|ya)[ \t]*,?[ \t]+{_X}(?=[ \t]*(?:[.!,]|$))", re.MULTILINE), _LED),
    # a message opening with a greeting and who it is: "Hey, it's Chip. Your sponsor"
    (re.compile(rf"{_GREETED}{_X}(?=[ \t]*(?:[.!,;\u2014-]|$))", re.MULTILINE), _GREETED_WORDS),
    # said to be someone's kin or role, opening a sentence: "Rain is my cousin", "Dawn was our sponsor"
    # (or told with an equals sign, as posts write it: "Oyelaran = my oldest friend")
    (re.compile(rf"(?:^|(?<=[.!?:;][ \t]+)|(?<=\n[ \t>*_-]*)){_X}(?=(?:[ \t]+(?:is|was)|[ \t]*=)[ \t]+(?:my|our|his|her|their|your)"
                r"[ \t]+(?P<noun>\p{Ll}+)(?:[ \t]+(?P<noun2>\p{Ll}+))?)", re.MULTILINE),
     r"(?:[ \t](?:is|was)|=)[ \t]+(?:my|our|his|her|their|your)[ \t]"),
]
_LOWER_PATTERNS = [
    (re.compile(rf"\b(?:my[ \t]+name[ \t]+is|my[ \t]+name['\u2019]s|everyone[ \t]+calls[ \t]+me|i[ \t]+go[ \t]+by|{_NAMED})"
                rf"[ \t]+{_x}\b"), _LED),
    (re.compile(rf"\b(?:this[ \t]+is|it['\u2019]?s)[ \t]+{_x}(?=[ \t]*(?:,[ \t]*(?:call|text|calling|your|ur|from)|[ \t]+(?:calling|speaking|from)\b|[ \t]+here[ \t]*,))"), _LED),
    # greeted or thanked, as lower-case posts write it: "thx faith ur the best", "props to dawn at the clinic",
    # and greeted before the caller says who calls: "hey robin its me"
    # (thanked "to" a virtue is thanked for it: "thanks to faith for getting me through")
    (re.compile(rf"\b{_GREETING}[ \t]*,?[ \t]+(?!(?<=\bto[ \t]+)(?:{'|'.join(ABSTRACT_NAMES)})\b){_x}"
                r"(?=[ \t]*(?:[,!.\u2014-]|(?:for|at|from|who|ur|you|u|it['\u2019]?s|its|it[ \t]+is|this[ \t]+is)\b|$))",
                re.MULTILINE), _LED),
    # the subject of what only a person does, opening a sentence: "grace drove me home"
    (re.compile(rf"(?:{_START}|{_CLAUSE})(?!(?:{'|'.join(ABSTRACT_NAMES)})(?:[ \t]+{SUBJECT_ADVERBS})?[ \t]+(?:{_FIGURATIVE})\b)"
                rf"{_x}(?=(?:[ \t]+{SUBJECT_ADVERBS})?[ \t]+(?:{_SUBJECT_VERBS})\b)", re.MULTILINE),
     _VERB_AFTER),
    (re.compile(rf"(?<={_CHAT_LABEL}){_x}{_ASKED}"), _ASKED_AFTER),
    # called by name at the end of a sentence: "idk what to do, destiny."
    (re.compile(rf",[ \t]+{_x}(?=[ \t]*[.!?]+(?:[ \t]*(?:$|\n)|[ \t]+\p{{Ll}}))", re.MULTILINE), None),  # not "helga.strand"
    (re.compile(rf"{_ASK_FOR}{_x}{_ASKED_FOR_AFTER}"), None),
    # one of two people doing something, the writer the other: "crystal and i run", "me and sky went"
    (re.compile(rf"{_START}{_x}(?=[ \t]+and[ \t]+(?:i|me)[ \t]+\p{{Ll}})", re.MULTILINE), r"[ \t]and[ \t]+(?:i|me)[ \t]"),
    (re.compile(rf"{_START}(?i:me)[ \t]+and[ \t]+{_x}(?=[ \t]+(?:{_SUBJECT_VERBS}|went|were|got|had|used|\p{{Ll}}+ed)\b)", re.MULTILINE), r"(?i:me)[ \t]+and[ \t]"),
    (re.compile(rf"{_START}{_x}(?=(?:[ \t]+(?:is|was)|[ \t]*=)[ \t]+(?:my|our|his|her|their)[ \t]+"
                rf"(?P<noun>\p{{Ll}}+)(?:[ \t]+(?P<noun2>\p{{Ll}}+))?\b)", re.MULTILINE),
     r"(?:[ \t](?:is|was)|=)[ \t]+(?:my|our|his|her|their)[ \t]"),
    # someone from a group of people, in lower case, before what they did: "and jojo from her work said"
    (re.compile(rf"(?:{_START}|{_CLAUSE}|(?<=\band[ \t]+)){_x}(?=[ \t]+from[ \t]+(?:my|our|his|her|their|the)[ \t]+"
                rf"(?:(?:home|old|new|night|morning)[ \t]+)?(?:{_GROUPS})[ \t]+(?:{_SUBJECT_VERBS})\b)", re.MULTILINE),
     r"[ \t]from[ \t]+(?:my|our|his|her|their|the)[ \t]"),
    # told they may be reading, without a comma: "pat if youre reading this ur a legend"
    (re.compile(rf"{_START}{_x}(?={_READING})", re.MULTILINE), _READING),
    # the name one goes by: "my brother goes by storm", whatever else the word is
    (re.compile(rf"\b(?:goes|go|went|going)[ \t]+by[ \t]+{_x}\b"), _LED),
    # signed with love, or after a dash at a line's end: "love u stormy", "i cried -deb"
    (re.compile(rf"\b(?:love|luv|miss)[ \t]+(?:you|u|ya)[ \t]*,?[ \t]+{_x}(?=[ \t]*(?:[.!,]|$))", re.MULTILINE), _LED),
    (re.compile(rf"(?<=\S[ \t]+(?:-{{1,2}}|[\u2014\u2013])[ \t]?){_x}(?=[ \t]*$)", re.MULTILINE),
     r"(?:-|\u2014|\u2013)[ \t]?\p{Ll}"),
    (re.compile(rf"(?:^|(?<=\n))[ \t]*{_x}(?=[ \t]+here[ \t]*[.,!:\u2014-])", re.MULTILINE), r"[ \t]here[ \t]*[.,!:\u2014-]"),
    # the one told, texted or asked, before what they are told: "ill text storm to feed the cat",
    # "tell storm the food is under the sink", "i agree with drew" (not a virtue: "ask grace")
    (re.compile(rf"\b(?:{_TOLD})[ \t]+(?!(?:{'|'.join(ABSTRACT_NAMES)}|little|much|more|less|most|least|plenty|enough)\b){_x}"
                r"(?=[ \t]+(?:to|that|the|about|if|when|whether|i|im|we|you|u|he|she|they|on|this|tonight|tomorrow)\b"
                r"|[ \t]*(?:[,.!?]|$))", re.MULTILINE), _LED),
    # a message opening with a greeting and who it is, in lower case: "hey its skye. cant make it"
    (re.compile(rf"{_GREETED}{_x}(?=[ \t]*(?:[.!,;\u2014-]|$))", re.MULTILINE), _GREETED_WORDS),
]


# Each is run over the whole text; the prefilter says whether it can match (``prefilter.Gated``):
# those led by their words ("my name is", "hi", "this is": ``_LED``) by themselves; those where a
# word after says it (a verb, "and I", a colon, "can you") by that, written beside the expression
# (a trigger: the prefilter reads no lookaround, and without it they could match nearly any text);
# ``None``: run always (a sentence's start and a comma before, as of the vocative or the name that
# ends a sentence, say nothing the prefilter could use).


def _gate(entries: list, prefix: str) -> list:
    return [rx if trigger is None else gated(rx, f"{prefix}-{n}", None if trigger is _LED else trigger)
            for n, (rx, trigger) in enumerate(entries)]


_PATTERNS = _gate(_PATTERNS, "addressed")
_LOWER_PATTERNS = _gate(_LOWER_PATTERNS, "addressed-lower")
# introduced by name ("my name is", "named"): there a word no list holds is a name too ("a nurse on nights named quillon")
_INTRODUCED = _LOWER_PATTERNS[0]
# Told "love you" or "thank you" by name, the name closing the sentence ("Thank you, Juno."): a name
# whatever its vocabulary; no endearment, deity, family's word, role, day, month, drug or everyone.
_TOLD_BY_NAME = gated(re.compile(
    rf"\b(?i:love|miss|thank|bless|need)[ \t]+(?i:you|ya|u)(?:[ \t]+(?i:so[ \t]+much|too|all|always|lots|forever))?"
    rf"[ \t]*,[ \t]*{_X}(?=[ \t]*[.!?\u2026]*[ \t]*(?:$|[\"'\u201d\u2019)]))", re.MULTILINE), "addressed-told-by-name")
# a message opening with a greeting, then who it is, that sentence ending there: "Hiya Auntie Ros, it's Petal."
_GREETED_BY_NAME = gated(re.compile(
    rf"\b(?i:hi|hey|hiya|heya|hello)\b[^.!?\n]{{0,40}}?[,.!][ \t]*(?i:it['\u2019]?s|this[ \t]+is)[ \t]+{_X}(?=[ \t]*[.!])",
    re.MULTILINE), "addressed-greeted-by-name", r"(?i:it['\u2019]?s|this[ \t]+is)")
# The name someone is called by, given: "we call him Skillet", "nicknamed Gravel", "calls me Pickle",
# "the one everybody calls Mama Tess":
# one or two capitalised words, a name whatever their vocabulary (not a day, a drug or a role:
# "called me Tuesday", "calls me Mom"; "it" is no one: "they call it Subs").
_CALLED_BY_NAME = gated(re.compile(
    r"\b(?i:(?:call|calls|called|calling)[ \t]+(?:me|him|her|them|'em)|nicknamed(?:[ \t]+(?:me|him|her|them))?"
    r"|(?:everyone|everybody|people|folks)[ \t]+(?:call|calls|called))"
    r"[ \t]+(?:(?i:just|simply|only)[ \t]+)?(?P<x>\p{Lu}[\p{Ll}'\u2019]+(?:[ \t]+\p{Lu}[\p{Ll}'\u2019]+)?)\b"),
    "addressed-called-by-name")
_EVERYONE = frozenset("everyone everybody all guys folks team friends family yall me okay ok fine here there".split())


class AddressedNameRecognizer(LocalRecognizer):
    expressions = tuple(rx for rx in (*_PATTERNS, *_LOWER_PATTERNS, _TOLD_BY_NAME, _GREETED_BY_NAME, _CALLED_BY_NAME)
                        if isinstance(rx, Gated))

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON"], name="AddressedNameRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        found = {}
        shouted = lowered_shouts(text)  # a sentence or line in capitals read as one in lower case
        for patterns, lower in ((_PATTERNS, False), (_LOWER_PATTERNS, True)):
            for rx in patterns:
                for m in rx.finditer(shouted or text if lower else text):
                    a, b = m.span("x")
                    if _state_after_town(text, a, m.group("x")):
                        continue
                    # said to be someone's kin or role, any name no list holds ("Chidubem is my sponsor")
                    if (_a_first_name(m.group("x"), lower) or ("noun" in rx.groupindex and not lower
                                                                 or rx is _INTRODUCED and _someone_introduced(m.string, a, b))
                            and no_list_word(m.group("x"))) and ("noun" not in rx.groupindex or _person(m)):
                        if rx is _INTRODUCED:
                            b = _surname_after(m.string, b)  # "my name is loretta vukovic"
                        found[(a, b)] = RecognizerResult(
                            "PERSON", a, b, 0.7,
                            recognition_metadata={"recognizer_name": self.name, "recognizer_identifier": self.id})
        for m in (*_TOLD_BY_NAME.finditer(text), *_GREETED_BY_NAME.finditer(text)):
            if _any_word_addressed(m.group("x")) and m.span("x") not in found:
                a, b = m.span("x")
                found[(a, b)] = RecognizerResult(
                    "PERSON", a, b, 0.7, recognition_metadata={"recognizer_name": self.name, "recognizer_identifier": self.id})
        for m in _CALLED_BY_NAME.finditer(text):
            words = m.group("x").split()
            if _any_word_addressed(words[-1]) and called_by(words[0]) and m.span("x") not in found:
                a, b = m.span("x")
                found[(a, b)] = RecognizerResult(
                    "PERSON", a, b, 0.7, recognition_metadata={"recognizer_name": self.name, "recognizer_identifier": self.id})
        return list(found.values())


_NEXT_WORD = re.compile(r"[ \t]+(\p{Ll}[\p{Ll}'\u2019-]+)\b")


_SELF_INTRODUCED = re.compile(r"\b(?i:my[ \t]+name[ \t]+is|my[ \t]+name['\u2019]s|i[ \t]+go[ \t]+by)[ \t]+$")
_NAMED_AFTER = re.compile(r"((?:\p{L}+[ \t]+){1,4})named[ \t]+$")


def _someone_introduced(text: str, start: int, end: int) -> bool:
    """Whether a word no list holds is introduced as a person's name: after "my name is", or
    "named" a few words after a person noun ("a nurse on nights named quillon"); not a thing's
    name ("the package is named `deid-tools`", "a file named notes"), nor a word a hyphen, a dot
    or a backtick goes on from."""
    if re.match(r"[-_.`/]\w", text[end:end + 2]) or text[start - 1:start] == "`":
        return False
    before = text[max(0, start - 60):start]
    if _SELF_INTRODUCED.search(before):
        return True
    named = _NAMED_AFTER.search(before)
    return named is not None and any(is_person_noun(w.lower()) for w in named.group(1).split())


def _surname_after(text: str, end: int) -> int:
    """The end of the name introduced in lower case, with the surname after its first name when
    no list holds that word ("my name is loretta vukovic"; not "my name is sarah and")."""
    m = _NEXT_WORD.match(text, end)
    return m.end() if m is not None and len(m.group(1)) > 2 and no_list_word(m.group(1)) else end


_STATE_NAMES = frozenset(n.lower() for n in US_STATES.values())
_TOWN_COMMA = re.compile(r"\p{Lu}[\p{Ll}'\u2019]+,[ \t]*$")


def _state_after_town(text: str, start: int, word: str) -> bool:
    """A state's name after a town's and a comma ("born in Kettle Falls, Washington."): an
    address, not someone called by name."""
    return word.lower() in _STATE_NAMES and _TOWN_COMMA.search(text, max(0, start - 40), start) is not None


def _person(m) -> bool:
    """Whether the person noun a pattern read names a person, alone or with the word after it
    ("my brother", "my little brother", "my oldest friend")."""
    noun, more = m.group("noun"), m.groupdict().get("noun2")
    return is_person_noun(noun) or (more is not None and is_person_noun(f"{noun} {more}"))


def _any_word_addressed(word: str) -> bool:
    """Any word one is called by (``base.called_by``) but a family's word, a role, or everyone."""
    low = word.lower().replace("\u2019", "'")
    return called_by(word) and low not in FAMILY_ADDRESS and low not in _EVERYONE and not is_person_noun(low)


def _a_first_name(word: str, lower: bool) -> bool:
    # not a role addressed either ("thanks, Doc", "love you, Ma")
    return first_name_addressed(word) and not is_person_noun(word.lower().replace("\u2019", "'"))
