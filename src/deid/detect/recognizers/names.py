"""Recognizers for names in the places testimonials put them: after a form
label, a kinship or role word, a title, an introduction ("my name is"), in
an attribution under a quote, as a transcript's speaker, with a nickname.
Each is a small Presidio pattern recognizer; the finding is the name alone.
"""

from __future__ import annotations

from collections import Counter

import regex as re
from presidio_analyzer import PatternRecognizer, RecognizerResult

from deid.core.lexicon import (DAYS_AND_MONTHS, common_words, is_drug_name, is_first_name, is_medical_term, medical_abbreviations,
                               name_info, name_words, vocabulary)
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import (GREETINGS, NOTE_SECTIONS, ORG_HEADS, ORG_WORD_KINDS, PLATFORMS, RELATIONS, SHORT_TITLE_WORDS,
                                  THING_NOUNS, TITLES as TITLE_WORDS_AS_WRITTEN, VALEDICTION)
from deid.detect.credentials import credentials_after_name
from deid.detect.recognizers.base import (
    PARTICLE_LEAD,
    Pattern,
    _CAP,
    FORM_LABELS,
    NAME,
    NAME_OR_INITIALS,
    TITLES,
    NotCommonWordRecognizer,
    ValuePatternRecognizer,
)
from deid.detect.medical_names import names_a_disease


class _TitleNames(ValuePatternRecognizer):
    """Drops what follows a title but is no name: a function word ("anti-Dep.
    The lasting ones") or a verb before its object ("my Dr. Wants me to")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        def name(r) -> bool:
            value = text[r.start:r.end]
            low = value.lower()
            if value.isupper():
                title = text[max(0, r.start - 12):r.start].split()[-1:]
                return _in_capitals(r, value, STOP_WORDS, title[0].rstrip(".") if title else "")
            if " " in value:
                return True
            if low in STOP_WORDS and not ((i := name_info(low)) is not None and i.first):
                return False
            return not (low in common_words() and _OBJECT.match(text, r.end))

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if name(r)]


def _a_word_in_capitals(word: str, stop_words) -> bool:
    low = word.lower()
    return low in stop_words or (low in common_words() or low in vocabulary()) and name_info(low) is None \
        or is_medical_term(low) or is_drug_name(low) or word in medical_abbreviations()


def _in_capitals(r, value: str, stop_words, title: str) -> bool:
    """A name after a title in a note written in capitals ("DR. ØDEGÅRD AWARE"): its first word
    no stop word nor a word no name list holds ("DR. AWARE", "DR WILL CALL"), nor the rest of a
    drug whose name opens with the title's letters ("MS CONTIN"), nor two letters no name list
    holds; a second word that is such a word is the note's, not the name's ("NUNEZ NOTIFIED"),
    and is left out (``r.end``)."""
    words = value.split()
    if _a_word_in_capitals(words[0], stop_words) or is_drug_name(f"{title} {words[0]}".lower()):
        return False
    if len(words[0]) < 3 and name_info(words[0].lower()) is None:
        return False  # two capitals no name list holds: a note's shorthand ("RN NS BOLUS")
    if len(words) > 1 and _a_word_in_capitals(words[1], stop_words):
        r.end = r.start + len(words[0])
    return True


_OBJECT = re.compile(r"[ \t]+(?:me|us|him|her|them|you|it)\b", re.IGNORECASE)


# a surname in capitals, as notes in capitals write one ("IBARRA-QUISPE", "ØDEGÅRD", "O'NEAL")
_CAPS_NAME = r"\p{Lu}[\p{Lu}\p{M}'\u2019]*\p{Lu}(?:-\p{Lu}[\p{Lu}\p{M}'\u2019]+)?"
# the titles a note in capitals writes before a name; not the short ones that are a note's shorthand
# there too ("LT" left, "FR" a catheter's size, "SR" a drug's release, "PA" an X-ray's view, "COL")
_CAPS_TITLES = "|".join(t.upper() for t in TITLE_WORDS_AS_WRITTEN if len(t) > 3 or t in ("Dr", "Mr", "Mrs", "Ms", "Mx", "Rev", "NP", "RN"))


def title_name() -> PatternRecognizer:
    """``Dr. Evelyn Hargrove``, ``Nurse Faith``, ``Pastor Chase``, ``Dr. de Wit``, and in a note in
    capitals ``DR. ØDEGÅRD``; not the end of a word ("anti-Dep. The")."""
    caps = rf"(?:{_CAPS_TITLES})\.?[ \t]+{_CAPS_NAME}(?:[ \t]+{_CAPS_NAME})?(?![\p{{L}}\p{{M}}\d])"
    return _TitleNames(
        value=rf"(?<![\w-])(?:(?:{TITLES})\.?[ \t]+(?P<v>{PARTICLE_LEAD}{NAME})"
              rf"|(?:{_CAPS_TITLES})\.?[ \t]+(?P<v>{_CAPS_NAME}(?:[ \t]+{_CAPS_NAME})?))",
        supported_entity="PERSON",
        name="TitleNameRecognizer",
        patterns=[Pattern("title-name", rf"(?<![\w-])(?:{TITLES})\.?[ \t]+{PARTICLE_LEAD}{NAME}", 0.85),
                  Pattern("title-caps-name", rf"(?<![\w-]){caps}", 0.85)],
        global_regex_flags=re.MULTILINE,
    )


def introduction_name() -> PatternRecognizer:
    """``My name is Priya Raman``, ``everyone calls me Aantje``, and in lower
    case after the plainest introductions, a word that is no word: ``my
    name is krithika`` (not ``my name is pending``)."""
    return NotCommonWordRecognizer(
        value=rf"(?:{NAME}|\p{{Ll}}{{3,}})",
        supported_entity="PERSON",
        name="IntroductionRecognizer",
        patterns=[
            # not the name of a place or a thing ("the clinic is called ...": ``organisations``)
            Pattern("intro", r"\b(?i:my name is|my name's|name's|call me|calls me|called me|goes by|go by"
                    rf"|(?<!\b(?i:{THING_NOUNS})(?:[ \t]+(?i:is|was))?[ \t]+)named)[ \t]+" + NAME, 0.75),
            Pattern("intro-lower", r"\b(?i:my name is|my name's|call me|calls me|goes by)[ \t]+\p{Ll}{3,}"
                    r"(?![\w'\u2019-])", 0.75),
        ],
        global_regex_flags=re.MULTILINE,
    )


def greeting_name() -> PatternRecognizer:
    """A name greeted, thanked or addressed: ``Hi Fleur,``, ``Thanks Marisol``,
    ``Dear Tobias``, ``Bye Capwin`` (not ``Hi everyone``, ``Thanks Narcan``)."""
    greeting = rf"\b(?i:{'|'.join(GREETINGS)})[ \t]*,?[ \t]+"
    return NotCommonWordRecognizer(
        not_medical=True,
        first_names=True,
        value=greeting + rf"(?!(?:{TITLES})\b)(?P<v>{NAME})",
        supported_entity="PERSON",
        name="GreetingNameRecognizer",
        # (not a title: "Dear Mrs. Abiodun", whose name ``title_name`` finds)
        patterns=[Pattern("greeting", greeting + rf"(?!(?:{TITLES})\b){NAME}", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


_INITIALS = r"\p{Lu}\.?(?:[ \t]?\p{Lu}\.?){1,2}"


def sign_off_name() -> PatternRecognizer:
    """The signature under a valediction, ending its line: ``Love, K. D.``, ``Hugs,
    R.M.``, ``Warmly,`` then ``Ottoline`` on the next line; only the signature is the
    name, never the valediction."""
    # (kisses sign without a comma: "xoxo Ottoline")
    lead = rf"(?:^|(?<=[.!?])[ \t]+)[ \t]*(?:{VALEDICTION}[ \t]*,|(?i:xo|xoxo|xx|xxx)[ \t])[ \t]*\n?[ \t]*"
    one = r"(?-i:(?![AI]\.)\p{Lu}\.)"  # one initial with its stop ("N."; not "I.", "A.", words)
    return ValuePatternRecognizer(
        value=rf"(?<![\p{{L}}.])(?P<v>{_INITIALS}|{NAME}|{one})",
        supported_entity="PERSON",
        name="SignOffRecognizer",
        patterns=[Pattern("sign-off", lead + rf"(?:{_INITIALS}|{NAME}|{one})(?=[ \t]*(?:$|\n))", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


class _SelfReference(ValuePatternRecognizer):
    """A known name that is no word; a first name that is a word too when written with a
    capital where the introduction ends with it ("This is Hunter at ...", "It's Rocky.", not
    "It's Sunny today"), and not an adjective said of oneself ("I'm Rusty") unless a
    greeting comes before; in lower case, after a greeting only ("hi im crystal,"), a first
    name that is no adjective. Never a day, a month, a drug, or a condition that is no
    popular first name."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def keep(r) -> bool:
            value = text[r.start:r.end]
            if names_a_disease(text, r.start, r.end):
                return False  # "They think it's Addison's disease": no one introduced
            parts = re.findall(r"[^\W\d_]+", value)
            infos = [name_info(p.lower()) for p in parts]
            if value[:1].isupper() and any(i is not None and i.usage != "w" for i in infos):
                return True
            low = parts[0].lower()
            info = infos[0]
            if len(parts) > 1 or info is None or not info.first or low in DAYS_AND_MONTHS or is_drug_name(low) \
                    or (is_medical_term(low) and not info.popular) or _CLAUSE_GOES_ON.match(text, r.end):
                return False
            intro = _INTRO_BEFORE.search(text, max(0, r.start - 40), r.start)
            greeted = intro is not None and intro.group("greeting") is not None
            adjective = "adj" in name_words().get(low, ()) or (low not in name_words() and low in vocabulary())
            if value.islower():
                return greeted and not adjective
            return not (adjective and intro is not None and intro.group("im") and not greeted)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(r)]


_SELF = r"(?i:i am|i'm|i\u2019m|im|this is|it's|it\u2019s)"
_INTRO_BEFORE = re.compile(r"(?P<greeting>\b(?i:hi|hey|hello|hiya|howdy)(?:[ \t]+(?i:all|everyone|everybody|guys|y'?all|folks|"
                           r"friends|there))?[ \t]*[,!.]?[ \t]*)?\b(?:(?P<im>(?i:i am|i'm|i\u2019m|im))|(?i:this is|it's|it\u2019s))[ \t]+$")
# the introduction goes on after the word: it was no name ("It's Sunny today", "I'm Rusty at this")
_CLAUSE_GOES_ON = re.compile(r"(?![ \t]*(?:[.,!?;:\n)\u2014\u2013-]|$|[ \t]+(?i:from|at|with|here|calling|again|and|speaking|"
                             r"over|of|in|on|by|your|ur)\b))")


def self_reference_name() -> PatternRecognizer:
    """``I'm Loretta``, ``this is Marcus``, ``This is Hunter at ...``, ``hi im crystal,`` (see
    ``_SelfReference``)."""
    return _SelfReference(
        value=rf"{_SELF}[ \t]+(?P<v>{NAME}|\p{{Ll}}{{3,}})",
        supported_entity="PERSON",
        name="SelfReferenceRecognizer",
        patterns=[Pattern("self", rf"\b{_SELF}[ \t]+(?:{NAME}|\p{{Ll}}{{3,}}(?![\w'\u2019-]))", 0.6)],
        global_regex_flags=re.MULTILINE,
    )


class _Attribution(ValuePatternRecognizer):
    """Not a list item ("- Dates, ages and ..."): after a hyphen, ordinary
    words are no name, a popular first name still is one ("- Grace, Tucson"). Nor a business
    that signs ("— Corner Apothecary, week of ..."): a name ending in an organisation's kind."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def name(r) -> bool:
            if re.split(r"[ \t]+", text[r.start:r.end].strip())[-1].lower() in _ORG_ENDINGS:
                return False  # "— Corner Apothecary, week of ...": a business signs it
            if text[:r.start].rstrip(" \t")[-1:] != "-":
                return True
            parts = [p.lower() for p in re.findall(r"\p{L}+", text[r.start:r.end])]
            return not all(len(p) > 1 and _ordinary(p, common_words()) and ((i := name_info(p)) is None or (i.usage == "w" and not (i.first and i.popular)))
                           for p in parts)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if name(r)]


_ORG_ENDINGS = ORG_HEADS | ORG_WORD_KINDS | frozenset("apothecary dispensary inc llc co ltd".split())


def _ordinary(low: str, words) -> bool:
    return low in words or (low.endswith("s") and low[:-1] in words)


_DASH = r"(?:[\u2014\u2013~]|--?)"


def attribution_name() -> PatternRecognizer:
    """The name after a quote: ``— Terri M., Missoula``, ``- R.K.``, ``~Jo``; and a sign-off
    after a story's last sentence, ending its line (``... naloxone. — Faith``)."""
    rec = _Attribution(
        value=rf"(?:{NAME_OR_INITIALS}|\p{{Lu}}\.?)",
        supported_entity="PERSON",
        name="AttributionRecognizer",
        patterns=[Pattern(
            "attribution",
            rf"(?:^|[\"\u201d\u2019)][ \t]*)[ \t>*_]*{_DASH}[ \t]*{NAME_OR_INITIALS}"
            r"(?=[ \t]*(?:,|$|\(|[*_])|[ \t]+(?:in|from|of)[ \t])",  # "— J.T. in the valley", "— Dana from Reno"
            0.85,
        ), Pattern(
            "signed-after-sentence",
            rf"(?<=[.!?])[ \t]+{_DASH}[ \t]*{NAME_OR_INITIALS}(?=[ \t]*(?:,[^\n.!?]{{0,40}})?[ \t]*$)",
            0.85,
        ), Pattern(
            # one initial, the text's very last word, after its last sentence or alone on a line: "... -K."
            "signed-initial",
            rf"(?:(?<=[.!?][ \t]+)|(?<=[.!?][ \t]*\n[ \t]*))(?-i:{_DASH}[ \t]*\p{{Lu}}\.?)(?=[ \t]*\Z)",
            0.7,
        )],
        global_regex_flags=re.MULTILINE,
    )
    rec.triggers = {"signed-after-sentence": rf"[.!?][ \t]+{_DASH}", "signed-initial": rf"[.!?][ \t]*\n?[ \t]*{_DASH}"}
    return rec


def lower_sign_off() -> PatternRecognizer:
    """A first name in lower case after a dash at the very end of a text, on a line of its own or
    after the last sentence (``...to know.\\n-dale``): the writer signing."""
    return ValuePatternRecognizer(
        value=r"\p{Ll}{2,}",
        keep=is_first_name,
        supported_entity="PERSON",
        name="AttributionRecognizer",
        patterns=[Pattern("signed-lower", rf"(?:^|(?<=[.!?])[ \t]+)[ \t>]*{_DASH}[ \t]*\p{{Ll}}{{2,}}(?=[ \t]*\Z)", 0.8)],
        global_regex_flags=re.MULTILINE,
    )


# The roles a credit line names ("**Photographer** Ilse Marrow", "Photo: ...", "Illustration by ...").
_CREDIT_ROLES = (
    "photographer|photography|photos?|photographs?|pictures?|images?|illustrator|illustrations?|artwork|art|"
    "editor|edited|editing|interviewer|interview|interviewed|transcription|transcribed|translator|translation|"
    "translated|words|writer|written|reporter|reporting|producer|produced|designer|design|credits?|courtesy|"
    "video|camera|narrator|narration|voice|host|moderator"
)


def credit_name() -> PatternRecognizer:
    """A credit line's name: a role at the start of a line or after a separator
    (``·``, ``|``, ``•``, ``;``), in bold or followed by a colon or "by", or a role or
    relation alone on its line over a Markdown definition (``Sponsor`` / ``: Ilse Marrow``): ``**Photographer**
    Ilse Marrow``, ``*Editor:* Oona Dunmore``, ``Photo courtesy of ...``, ``Illustration by Lucan Mayhew``."""
    return _FormField(
        value=NAME_OR_INITIALS,
        supported_entity="PERSON",
        name="CreditLineRecognizer",
        patterns=[Pattern(
            "credit",
            rf"(?m:^|[\u00b7\u2022|;][ \t]*)[ \t>]*(?:[*_]{{1,3}})?(?i:{_CREDIT_ROLES})(?:[ \t]+(?i:{_CREDIT_ROLES}))?"
            rf"(?:[ \t]*:[ \t]*[*_]{{0,3}}|[*_]{{1,3}}[ \t]*:?|[ \t]+(?i:by|of))[ \t]*{NAME_OR_INITIALS}",
            0.85,
        ), Pattern(
            # a Markdown definition list: the role alone on its line, ": " and the name on the next
            "definition",
            rf"(?m:^)[ \t]*(?:[*_]{{1,3}})?(?i:{_CREDIT_ROLES}|{FORM_LABELS}|{RELATIONS})[*_]{{0,3}}[ \t]*\n"
            rf"[ \t]{{0,3}}:[ \t]+{NAME_OR_INITIALS}(?=[ \t]*$)",
            0.85,
        )],
        global_regex_flags=re.MULTILINE,
    )


def attribution_place() -> PatternRecognizer:
    """The town after an attribution: ``— Terri M., Missoula``."""
    return ValuePatternRecognizer(
        value=_CAP + r"(?:[ \t]+" + _CAP + ")?",
        supported_entity="LOCATION",
        name="AttributionPlaceRecognizer",
        patterns=[Pattern(
            "attribution-place",
            rf"(?:^|[\"\u201d\u2019)][ \t]*)[ \t>*_]*(?:[\u2014\u2013~]|--?)[ \t]*{NAME_OR_INITIALS}[ \t]*,[ \t]*{_CAP}(?:[ \t]+{_CAP})?"
            r"(?![\p{L}\d])",  # a whole word: not "Pharm" of "PharmD"
            0.8,
        )],
        global_regex_flags=re.MULTILINE,
    )


class _Credentialed(ValuePatternRecognizer):
    """Keeps a name only where what follows it is degrees (``credentials_after_name``)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        out = []
        for r in super().analyze(text, entities, nlp_artifacts, regex_flags):
            after = _CREDENTIALS_AFTER.match(text, r.end)
            if after and text[r.start:r.end].split()[0].lower() not in STOP_WORDS \
                    and credentials_after_name(text, after.start(1), after.end(1)):
                out.append(r)
        return out


_CREDENTIAL = r"\p{Lu}[\p{L}.]*(?:[-/]\p{Lu}[\p{L}.]*)?"
_CREDENTIALS_AFTER = re.compile(rf"[ \t]*,?[ \t]*({_CREDENTIAL}(?:[ \t]*,[ \t]*{_CREDENTIAL})*)(?![\p{{L}}\d])")


def credentialed_name() -> PatternRecognizer:
    """A name with degrees written after it: ``Ofelia Strand, RN, BSN``, ``Corwin Alsop PA-C``
    (a model takes such a name for an organisation; ``detect.credentials``)."""
    return _Credentialed(
        value=NAME,
        supported_entity="PERSON",
        name="CredentialedNameRecognizer",
        patterns=[Pattern("credentialed-name", rf"(?<![\p{{L}}.])(?-i:{NAME})(?=[ \t]*,?[ \t]*{_CREDENTIAL}(?![\p{{L}}\d]))", 0.8)],
        global_regex_flags=re.MULTILINE,
    )


class _Bracketed(ValuePatternRecognizer):
    """Keeps a name whose brackets say who the person is ("grant (my husband)"), or the
    name in brackets after a person noun ("Roommate (Ferris)"): the noun must be a person's;
    a value that is a pronoun, a drug or, in lower case, an everyday word is none."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        def keep(r) -> bool:
            value = text[r.start:r.end]
            low = value.lower()
            if (low in STOP_WORDS and not is_first_name(low)) or is_drug_name(low) or is_person_noun(low):
                return False
            if value.islower() and low in vocabulary() and (name_info(low) is None or not name_info(low).first):
                return False
            if _NICKNAME_TAIL.match(text, r.end):
                return True  # "Pree to my friends)"
            explained = _EXPLAINED.match(text, r.end)
            if explained is not None:  # "(real name Sunniva)", "(the woman who runs the pantry)"
                noun = (explained.group("noun") or "").lower()
                return not noun or noun in _SOMEONE or is_person_noun(noun)
            noun = _NOUN_IN_BRACKETS.match(text, r.end) or _NOUN_BEFORE_BRACKETS.search(text, max(0, r.start - 40), r.start)
            return noun is not None and is_person_noun(noun.group("noun").lower())

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if keep(r)]


_POSSESSOR = r"(?i:my|his|her|our|their|your)"
_NOUN_IN_BRACKETS = re.compile(rf"[ \t]*\([ \t]*(?:{_POSSESSOR}|(?i:the|an?))[ \t]+(?:[\p{{Ll}}-]+[ \t]+)?(?P<noun>[\p{{Ll}}-]+)[ \t]*[),]")
_NOUN_BEFORE_BRACKETS = re.compile(rf"(?P<noun>[\p{{L}}-]+)[ \t]*\([ \t]*(?:(?:{TITLES})\.?[ \t]+)?$")
# brackets that say the word before them is a name, or whose it is: "(real name Sunniva)", "(yes,
# his actual name)", "(the woman who runs the pantry)"
_SOMEONE = frozenset("guy man woman lady girl boy dude person fella gentleman kid".split())
_EXPLAINED = re.compile(r"[ \t]*\([ \t]*(?:[^()\n]{0,30}?\b(?i:real|actual|legal|given|birth|full)[ \t]+name\b"
                        r"|(?i:the|an?)[ \t]+(?:\p{Ll}+[ \t]+)?(?P<noun>\p{Ll}+)[ \t]+(?i:who|that|from|at|in|on)\b)")


_SHORT_FOR = r"(?:to[ \t]+(?:my|his|her|our|their|the|everyone|everybody)(?:[ \t]+\p{Ll}+)?|for[ \t]+short)"
_NICKNAME_TAIL = re.compile(rf"[\"\u201d]?[ \t]+{_SHORT_FOR}[ \t]*\)")


def bracket_name() -> PatternRecognizer:
    """Names that brackets explain: ``grant (my husband)``, ``Roommate (Ferris)``, ``my uncle (Ferris
    Dale, 70)``, ``sunny (real
    name Sunniva)``, ``brook (the woman who runs the pantry)``, and a nickname said in brackets
    after a name: ``Priyanka (Pree to my friends)``, ``Walt (Bud for short)``."""
    word = r"\p{L}[\p{L}'\u2019-]+"
    rec = _Bracketed(
        value=rf"(?:{NAME}|{word})",
        supported_entity="PERSON",
        name="BracketNameRecognizer",
        patterns=[
            Pattern("name-who", rf"(?<![\p{{L}}'\u2019-]){word}(?={_NOUN_IN_BRACKETS.pattern})", 0.7),
            Pattern("name-explained", rf"(?<![\p{{L}}'\u2019-]){word}(?={_EXPLAINED.pattern})", 0.7),
            Pattern("who-name", rf"(?<=[\p{{L}}-][ \t]*\([ \t]*(?:(?:{TITLES})\.?[ \t]+)?){NAME}(?=[ \t]*[),])", 0.7),
            Pattern("nickname", rf"(?<={NAME}[ \t]*\([ \t]*[\"\u201c]?){_CAP}(?=[\"\u201d]?[ \t]+{_SHORT_FOR}[ \t]*\))", 0.7),
        ],
        global_regex_flags=re.MULTILINE,
    )
    rec.triggers = {"name-explained": r"\([ \t]*(?:(?i:the|an?)[ \t]|[^()\n]{0,30}(?i:name))"}
    return rec


def nickname() -> PatternRecognizer:
    """``Margaret "Peggy" Sloane``: the whole name with its nickname; and a nickname quoted in
    brackets after a name (``Yekaterina ("Katya")``), the nickname itself."""
    rec = PatternRecognizer(
        supported_entity="PERSON",
        name="NicknameRecognizer",
        patterns=[
            Pattern("nickname", rf"{_CAP}[ \t]+[\"\u201c'\u2018(]{_CAP}[\"\u201d'\u2019)][ \t]+{_CAP}", 0.85),
            # a nickname given in quotes: 'we called him "Tank"', 'they nicknamed me "Doc"'
            Pattern("nickname-given", rf"(?<=\b(?i:call|calls|called|calling|nicknamed)[ \t]+(?i:him|her|them|me)[ \t]+[\"\u201c])"
                                      rf"{_CAP}(?:[ \t]+{_CAP})?(?=[\"\u201d])", 0.8),
            Pattern("nickname-after", rf"(?<={_CAP}[ \t]*\([ \t]*(?:a\.k\.a\.?[ \t]+|aka[ \t]+)?[\"\u201c'\u2018])"
                                      rf"{_CAP}(?=[\"\u201d'\u2019](?:[ \t]+[^()\n]{{1,40}})?[ \t]*\))", 0.8),
        ],
        global_regex_flags=re.MULTILINE,
    )
    rec.triggers = {"nickname-given": r"(?i:(?:call|calls|called|calling|nicknamed)[ \t]+(?:him|her|them|me)[ \t]+[\"\u201c])"}
    return rec


class _FormField(ValuePatternRecognizer):
    """Not the first word of what a transcript's speaker says
    ("INTERVIEWER: And then?", "Participant: So I went"): a value that opens
    with a function word is no name, unless the word is a first name too
    ("Participant: Will Hargrove"). Nor a form's placeholder: a value whose
    every word is a common word and no name, or a word forms put for a
    missing name ("Name: Pending", "Contact: Unknown", "Author: Anonymous";
    "Name: Grace" and "Name: Art" stay names)."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from spacy.lang.en.stop_words import STOP_WORDS

        def placeholder(words: list[str]) -> bool:
            return all(w.lower() in _PLACEHOLDERS or (w.lower() in common_words() and name_info(w.lower()) is None)
                       for w in words)

        def speech(r, words: list[str]) -> bool:
            # "INTERVIEWER: Tell me more", "P: What's changed?": one everyday word and the
            # sentence going on in lower case is what the speaker says ("Will Hargrove" is not)
            # "PARTICIPANT: Right. It did": one everyday word that is no first name, a stop, and more
            # said on the line is a one-word answer ("Name: Grace. Age: 34" is a name)
            word = _CONTRACTION.sub("", words[0]).lower()
            if len(words) != 1 or word not in common_words():
                return False
            if _SPEECH_GOES_ON.match(text, r.end) is not None:
                return True
            info = name_info(word)
            return _ANSWER_GOES_ON.match(text, r.end) is not None and (info is None or not info.first)

        def name(r) -> bool:
            words = text[r.start:r.end].split()
            first = _CONTRACTION.sub("", words[0]).lower()
            if placeholder(words) or speech(r, words):
                return False
            if len(words) == 1 and first.rstrip(".") in SHORT_TITLE_WORDS:
                return False  # "Resident: Mrs. Abernethy": the title's, the name after it is the title's recognizer's
            return first not in STOP_WORDS or ((i := name_info(first)) is not None and i.first)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if name(r)]


_CONTRACTION = re.compile(r"['\u2019](?:s|re|ve|ll|d|m|t)$", re.IGNORECASE)
_SPEECH_GOES_ON = re.compile(r"(?:['\u2019]\p{Ll}{1,2})?[ \t]+\p{Ll}")
_ANSWER_GOES_ON = re.compile(r"[.!?,][ \t]+\p{L}")

# Words a form puts where a name is missing; "unknown" is also in the name lexicon.
_PLACEHOLDERS = frozenset("unknown unnamed anonymous anon pending none null redacted withheld declined private "
                          "confidential tbd tba".split())


def form_field_name() -> PatternRecognizer:
    """``Participant: Reginald Thornbury`` and other labelled name fields."""
    return _FormField(
        value=NAME_OR_INITIALS,
        supported_entity="PERSON",
        name="FormFieldNameRecognizer",
        patterns=[Pattern("label-name", rf"(?im:^|[.;(]\s*|\b)(?i:{FORM_LABELS})[ \t]*:[ \t]*{NAME_OR_INITIALS}", 0.85)],
        global_regex_flags=re.MULTILINE,
    )


def form_field_user_name() -> PatternRecognizer:
    """A user name alone on a labelled line, as front matter and forms give
    them: ``author: kvandermeer``, ``submitted by: j.ames82`` (the value
    in lower case or with digits, which the name recognizers above leave);
    not a word of the vocabulary ("author: anonymous")."""
    return NotCommonWordRecognizer(
        value=r"[\p{L}][\p{L}\d._\-]{2,39}",
        supported_entity="SOCIAL_HANDLE",
        name="FormFieldUserNameRecognizer",
        patterns=[Pattern("label-user-name", rf"(?im:^[ \t]*(?:{FORM_LABELS}|by|user|user ?name|handle|login)[ \t]*:[ \t]*)"
                                             r"['\"]?[\p{L}][\p{L}\d._\-]{2,39}(?=['\"]?[ \t]*$)", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


def form_field_place() -> PatternRecognizer:
    """A place alone on a labelled line, as forms and survey exports give it: ``Location:
    Stavely``, ``Hometown: Pell Ridge, OR``; not common words alone ("Location: Home", "Location:
    Lower Back")."""
    return NotCommonWordRecognizer(
        value=r"\p{Lu}[\p{L}'\u2019.\-]*(?:[ \t]+\p{Lu}[\p{L}'\u2019.\-]*){0,3}(?:,[ \t]*\p{Lu}{2})?",
        supported_entity="LOCATION",
        name="FormFieldPlaceRecognizer",
        patterns=[Pattern("label-place", r"(?im:^[ \t]*(?:location|city|town|home[ \t]?town|residence|county|neighbou?rhood|"
                                         r"place[ \t]+of[ \t]+birth|birthplace|lives[ \t]+in|from)[ \t]*:[ \t]*)"
                                         r"\p{Lu}[\p{L}'\u2019.\-]*(?:[ \t]+\p{Lu}[\p{L}'\u2019.\-]*){0,3}(?:,[ \t]*\p{Lu}{2})?"
                                         r"(?=[ \t]*$)", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


def relation_name() -> PatternRecognizer:
    """A name right after a kinship or role word: ``my sponsor Chase``; after
    "the" only with the role word in lower case (``the nurse Aurelia``, not
    ``the Physicians Desk Reference``)."""
    return ValuePatternRecognizer(
        value=rf"(?:(?:{TITLES})\.?[ \t]+)?(?P<v>{NAME})",
        supported_entity="PERSON",
        name="RelationNameRecognizer",
        patterns=[Pattern(
            "relation-name",
            rf"(?:\b(?i:my|our|his|her|their|your)[ \t]+(?:(?i:late|old|ex-|former|new|older|younger|little|big)[ \t-]*)?"
            rf"(?i:{RELATIONS})|\b(?i:the)[ \t]+(?:(?:late|old|former|new)[ \t]+)?(?:{RELATIONS}))s?[ \t]*,?[ \t]+"
            rf"(?:(?:{TITLES})\.?[ \t]+)?(?!(?:{TITLES})\b){NAME}",  # the name after its title: "my psychiatrist Dr. Ostrowe"
            0.8,
        )],
        global_regex_flags=re.MULTILINE,
    )


def titled_speaker_label() -> PatternRecognizer:
    """``DR. MBEKI: Any fever?``, ``NURSE ODUYA: ...``: a transcript's speaker written in
    capitals after a title (a label in capitals alone, "HPI:", "PLAN:", is a note's heading)."""
    return PatternRecognizer(
        supported_entity="PERSON",
        name="TitledSpeakerRecognizer",
        patterns=[Pattern("titled-speaker", rf"(?<=^[ \t>*_-]*(?i:{TITLES})\.?[ \t]+)\p{{Lu}}[\p{{Lu}}'\u2019-]+"
                                            rf"(?:[ \t]+\p{{Lu}}[\p{{Lu}}'\u2019-]+)?(?=[*_]*[ \t]*:[ \t])", 0.7)],
        global_regex_flags=re.MULTILINE,
    )


class _SpeakerLabel(NotCommonWordRecognizer):
    """A clinical note's section ("Resp:", "Neuro:") and a platform's name before a user name
    ("Kik: ...") are no speakers."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        found = super().analyze(text, entities, nlp_artifacts, regex_flags)
        # a transcript or a chat: where a role's label or a named speaker speaks too, a first name that
        # is a word too labels a speaker ("JUNE:", "Dom:"); where the prefilter
        # rules the patterns out it rules these out too (a label's word matches "speaker" as it reads it)
        if found or _ROLE_LABEL.search(text):
            seen = {(r.start, r.end) for r in found}
            labels = list(_ONE_WORD_LABEL.finditer(text))
            # in a chat between named speakers, a label said twice or more is a speaker's, whatever its word
            said = Counter(m.group(1) for m in labels) if found else Counter()
            often = {w for w, n in said.items() if n > 1 and w.lower() not in _FORM_WORDS}
            found += [RecognizerResult("PERSON", m.start(1), m.end(1), 0.6) for m in labels
                      if m.span(1) not in seen and (is_first_name(m.group(1)) or m.group(1) in often)]
        # a role's label with initials in brackets ("FACILITATOR (RB):"): those initials, and the lines
        # they label alone ("KM: And the pain?")
        bracketed = [m for m in _ROLE_INITIALS.finditer(text) if is_person_noun(m.group("role").strip().lower())]
        initials = {m.group("v") for m in bracketed}
        if initials:
            seen = {(r.start, r.end) for r in found}
            spans = [m.span("v") for m in bracketed] + [m.span(1) for m in _ONE_WORD_LABEL.finditer(text)
                                                        if m.group(1) in initials]
            found += [RecognizerResult("PERSON", a, b, 0.6) for a, b in spans if (a, b) not in seen]
        return [r for r in found if not _no_speaker(text[r.start:r.end].lower())]


_ROLE_INITIALS = re.compile(r"(?m:^[ \t>*_-]*(?P<role>\p{L}[\p{L} ]{1,30}?)[ \t]*\((?P<v>\p{Lu}{2,3})\)[*_]*[ \t]*:[ \t])")


def _no_speaker(label: str) -> bool:
    """A clinical note's section, a platform, or a role's word that no name list holds
    ("Facilitator:", "Participant:"; not "Hunter:")."""
    return label in NOTE_SECTIONS or label in PLATFORMS or (is_person_noun(label) and name_info(label) is None)


# the labels of a form or a note, said again and again, that no chat's speaker is
_FORM_WORDS = frozenset("note notes question answer update edit reply comment warning plan summary tip step q a re ps "
                        "me you them us".split())
_ONE_WORD_LABEL = re.compile(r"(?m:^[ \t>*_-]*(\p{L}{2,})[*_]*[ \t]*:[ \t])")
# The label of an interview's or a group's role on a line: the other labels of the text are speakers.
_ROLE_LABEL = re.compile(r"(?im:^[ \t>*_-]*(?:interviewer|moderator|facilitator|host|researcher|counsell?or|therapist|"
                         r"caller|call[ \t]+handler|operator|volunteer|staff|nurse|doctor|dr|q|int|i)[*_]*[ \t]*:[ \t])")


# a chat export's time stamp before a speaker: "[04/22, 21:02] ", "4/22/25, 9:02 PM - ", "21:07 "
# (the day before the time as a date, a month and day, a week day or "Today": "Mar 30 10:02 PM Dev:")
STAMP = (r"(?:\[[^\]\n]{1,30}\][ \t]*|(?:(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
         r"\p{L}*\.?[ \t]+\d{1,2}|(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?|(?i:today|yesterday)),?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?"
         r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*(?:[-\u2013\u2014\u00b7|][ \t]*)?)?")


def speaker_label() -> PatternRecognizer:
    """``Ubul: What a wife.`` -- a name that labels a line of a transcript, after a chat
    export's time stamp too ("[04/22, 21:02] Ubul: hi"), or in brackets after a role's label
    ("MODERATOR (Ubul): ...").
    A label that is a common word ("Note:", "Question:") or a clinical note's section
    ("Resp:") is not a name."""
    return _SpeakerLabel(
        value=NAME,
        supported_entity="PERSON",
        name="SpeakerLabelRecognizer",
        patterns=[Pattern("speaker", rf"^[ \t>*_-]*{STAMP}{NAME}(?=[*_]*[ \t]*:[ \t])", 0.6),
                  # a role's label with the name in brackets: "MODERATOR (Wendeline): ..."
                  Pattern("role-speaker", rf"^[ \t>*_-]*\p{{L}}[\p{{L}} ]{{1,30}}\({NAME}(?=\)[*_]*[ \t]*:[ \t])", 0.6)],
        global_regex_flags=re.MULTILINE,
    )
