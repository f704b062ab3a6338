"""A name right after a person noun: ``my colleague Precious``, ``our PT Sunny``, ``my
running buddy Calloway``, ``the night nurse Ottoline``.

The person nouns are an open vocabulary, not a list of the words that leaked: the kinship
and role words every name recognizer shares (``wordlists.RELATIONS``), the job titles deid ships
(``lexicon.occupations``: "pharmacist", "home health aide", "foreman"), the social, care and
recovery roles of ``wordlists.SOCIAL_ROLES`` ("bunkmate", "landlord", "PT"), and any word
ending in "mate" ("cellmate", "housemate"). A role of up to three words after a possessive or
"the" ("my old running buddy") is looked up whole, then by its last word; the capitalised
name after it (a comma between allowed) is a person, whatever else the word may mean; so is a
lower-case first name there when the words after it make it a subject (``_lower_name``),
and initials in any case ("my cellmate d.w.").
Calendar words, titles ("Dr.", handled by the title recognizer) and function words are no
name.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

from deid.core.lexicon import DAYS_AND_MONTHS, common_words, everyday_words, medical_abbreviations, name_info, vocabulary
from deid.core.person_nouns import is_person_noun, is_plural_person_noun
from deid.core.wordlists import PEOPLE_WORDS, TITLE_WORDS, VALEDICTION
from deid.detect.recognizers.base import NAME, PARTICLE_LEAD
from deid.detect.recognizers.names_by_shape import NOT_A_SUBJECT, VERB_FOLLOWS

_OPENER = re.compile(r"\b(?i:my|our|his|her|their|your|the|(?P<a>an?|this|some|one))[ \t]+|\([ \t]*")  # or a bracket: "Hollis (brother)"
# A name given after the person noun: "a guy called Tumble", "the nurse, a woman named Charity":
# there any capitalised word is the name, an everyday word too.
_NAMING = re.compile(r"[ \t]*,?[ \t]+(?i:named|called|nicknamed|known[ \t]+as|who[ \t]+goes[ \t]+by|"
                     r"by[ \t]+the[ \t]+name[ \t]+(?:of[ \t]+)?)[ \t]+(?=\p{Lu})")
_WORD = re.compile(r"[\p{L}][\p{L}'\u2019-]*")
_GAP = re.compile(r"[ \t]*\([ \t]*|[ \t]*,?[ \t]+[\"\u201c]?")  # or a bracket: "my mom (Hyacinth)"; a quote: 'our son "Bear"'
_CLOSING = re.compile(r"[ \t]*\)")
_NAME = re.compile(NAME)
# initials as a name, in any case: "my roommate T.J.", "my cousin r.m."
# ("e.g.", "i.e.", "a.m.", "p.m.", "a.k.a." are abbreviations)
_INITIALS = re.compile(r"(?!(?i:e\.g\.|i\.e\.|a\.m\.|p\.m\.|n\.b\.|a\.k\.a\.|p\.s\.|u\.s\.))"
                       r"\p{L}\.[ \t]?\p{L}\.(?:[ \t]?\p{L}\.)?(?![\p{L}\d])")
# initials in capitals without stops: "Your son DJ", "my cousin TJ"; not a word in capitals nor
# an abbreviation of three letters a list holds ("ER", "AA", "CVS", "IV"; of two letters the
# medical list holds most pairs)
_CAPITALS = re.compile(r"\p{Lu}{2,3}(?![\p{L}\d&'\u2019-])")
_NOT_INITIALS = frozenset("ER ED ICU OR AA NA VA OD IV PT OT GP NP PA RN MD DO CNA LPN TV US USA UK OK ID DM PM AM "
                          "CEO HR IT PE ATM DUI DWI GED ADHD PTSD OCD ASAP".split())


def _capital_initials(text: str, at: int):
    m = _CAPITALS.match(text, at)
    if m is None or m.group(0) in _NOT_INITIALS or len(m.group(0)) > 2 and m.group(0) in medical_abbreviations() \
            or m.group(0).lower() in everyday_words() or m.group(0).lower() in vocabulary():
        return None
    return m


_OWNER = re.compile(r"\p{Lu}\p{Ll}+['\u2019]s")
_APPOSITION_END = re.compile(r"[ \t]*(?:,|\(|\bwho\b)")


def _not_all_words(name: str) -> bool:
    """A name with a word no common word ("Hope Adeyinka"; not "Pain Management")."""
    return any(w.lower() not in common_words() for w in name.split())


_SOMEONE_NAMED = re.compile(r"\b(?i:someone|somebody|anyone|anybody)" + _NAMING.pattern)
_CLOSING_WORD = re.compile(VALEDICTION)
_ONE_INITIAL = re.compile(r"\p{Lu}\.(?![\p{L}\d])")


def _given_name(text: str, at: int):
    """The name a person is given at ``at`` ("a guy called Tumble", "someone called J.", "a man
    named R.T."): a capitalised name, initials, or one initial."""
    return _NAME.match(text, at) or _INITIALS.match(text, at) or _ONE_INITIAL.match(text, at)
_NOT_NAMES = frozenset("i i'm i've i'd i'll the a an and but or so when then if after before this that".split())
_TITLE_BEFORE_NAME = re.compile(rf"\.?[ \t]+{PARTICLE_LEAD}\p{{Lu}}")  # "Dr. Lee", "Dr. de Wit"


_LOWER = re.compile(r"\p{Ll}[\p{Ll}'\u2019-]*\b")
# People named in the plural, then a list of their names joined by commas and "and".
_LIST_NAME = r"\p{L}[\p{Ll}'\u2019-]*"
_PLURAL_THEN_LIST = re.compile(
    rf"\b(?i:my|our|his|her|their|your)[ \t]+(?:(?i:two|three|four|little|older|younger|big|baby)[ \t]+)?(?P<role>\p{{L}}+s|(?i:children))"
    rf"[ \t]*,?[ \t]+(?P<list>{_LIST_NAME}(?:[ \t]*,[ \t]*{_LIST_NAME})*,?[ \t]+(?:and|&|n)[ \t]+{_LIST_NAME})"
    rf"(?![\p{{L}}\d'\u2019-])")
_LIST_WORD = re.compile(_LIST_NAME)


def _name_like(word: str) -> bool:
    """A known first name, or no common word ("jen", "ro"), in a list of names."""
    low = word.lower()
    return _first_name(word) or (len(low) > 1 and low not in common_words() and low not in DAYS_AND_MONTHS
                                 and low not in _NOT_NAMES)


def _first_name(word: str) -> bool:
    low = word.lower()
    info = name_info(low)
    return info is not None and info.first and low not in DAYS_AND_MONTHS and low not in _NOT_NAMES

# After a lower-case first name that is also a word, what shows it is a subject: a verb
# (``names_by_shape``: "drove", "keeps"), an adverb and a verb ("literally stopped"), "and
# I", a place it is at ("at the clinic"), the end of a sentence or a list, or an aside about the
# person in brackets ("my cousin penny (she's a nurse)"; not an adverb's: "rose (early)").
_SUBJECT_AFTER = re.compile(r"[ \t]+\p{Ll}+ly\b(?=" + VERB_FOLLOWS.pattern + r")|[ \t]+and[ \t]+(?:i|me)\b"
                            r"|[ \t]+(?:at|from)[ \t]+(?:the|my|our|\p{Lu})|[ \t]*(?:[.!?;)]|$)|[ \t]*\([ \t]*(?!\p{L}+ly\b)[^\s)]",
                            re.IGNORECASE)
# After a lower-case first name that is also a word, another person joined to it ("my sponsor ray
# and my wife", "my girlfriend summer and her mom"), or the person it is taken up by ("ray, he").
_ANOTHER_PERSON = re.compile(r"[ \t]+(?:and|&|n)[ \t]+(?:my|his|her|their|our|your)[ \t]+(\p{L}+)"
                             r"|[ \t]*,[ \t]*(?:he|she|they)[ \t]+(\p{Ll}+)", re.IGNORECASE)
# A modal or an auxiliary is a name only before a finite verb ("my bf will keeps saying").
_FINITE_AFTER = re.compile(r"[ \t]+(?:\p{Ll}+ed|\p{Ll}+[^su\W]s)\b")  # "keeps", "texted"; not "discuss", "focus"


def _lower_name(text: str, at: int, the: bool = False):
    """A lower-case first name right after a person noun, as lower-case posts write it
    ("my pt rusty had me walking", "my sister sunny and i"): a first name of no
    everyday use, or one whose word the words after it rule out. After "the" an
    everyday word is the noun the role modifies ("the psych ward", "the nurse station")."""
    m = _LOWER.match(text, at)
    if m is None:
        return None
    word = m.group(0)
    info = name_info(word)
    if info is None or not info.first or (the and word in common_words()):
        return None
    if word in NOT_A_SUBJECT:
        return m if _FINITE_AFTER.match(text, m.end()) else None
    if word not in common_words() or VERB_FOLLOWS.match(text, m.end()) or _SUBJECT_AFTER.match(text, m.end()):
        return m
    joined = _ANOTHER_PERSON.match(text, m.end())
    if joined and (joined.group(2) or is_person_noun(joined.group(1).lower())):
        return m  # "my sponsor ray and my wife dee": joined to another person, a person too
    return None


# A name a role is put after, between commas or in brackets: "Odile, my sponsor, says", "Wren,
# the night nurse, sat with me", "JT (our facilitator) said"; not a place or a time a clause
# opens with ("In Tulsa, my sister, ..."), nor a letter's closing word ("Love, your sister").
_APPOSED = re.compile(rf"(?<![\p{{L}}'\u2019-])({NAME}|\p{{Lu}}{{2,3}})[ \t]*[,(][ \t]*$")
_CLOSED = re.compile(r"[ \t]*(?:,|\)|[.!?](?:\s|$)|$)")
_CLAUSE_OPENER = re.compile(r"(?i:\b(?:in|at|from|and|but|so|then|when|if|yes|no|oh|well|after|before|during|since|to|"
                            r"on|by|near|until|for|of|with)[ \t]+)$")


def _named_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name of "Name, my <role>," when the role words ``text[start:end]`` close with a
    comma, a bracket or the sentence's end."""
    if not _CLOSED.match(text, end):
        return None
    m = _APPOSED.search(text, max(0, start - 60), start)
    if m is None:
        return None
    words = [w.lower().rstrip(".") for w in m.group(1).split()]
    if m.group(1).isupper():  # initials: "KD (our facilitator)"; not "PT (my physical therapist)", the role's own
        return None if is_person_noun(words[0]) else m.span(1)
    if words[0] in DAYS_AND_MONTHS or words[0] in _NOT_NAMES or _CLAUSE_OPENER.match(words[0] + " ") \
            or _CLOSING_WORD.fullmatch(m.group(1)) \
            or _CLAUSE_OPENER.search(text, max(0, m.start() - 12), m.start()):
        return None
    if not any(name_info(w) is not None or (len(w) > 1 and w not in common_words()) for w in words):
        return None  # "Thanks, my friend,": a word, not a name
    return m.span(1)


class RoleNameRecognizer(LocalRecognizer):
    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["PERSON"], name="RoleNameRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for opener in _OPENER.finditer(text):
            at, words = opener.end(), []
            for _ in range(3):
                w = _WORD.match(text, at)
                owner_gap = _GAP.match(text, w.end()) if w and not words and _OWNER.fullmatch(w.group(0)) else None
                if owner_gap is not None and "," not in owner_gap.group(0):
                    at = owner_gap.end()  # a disease's owner before the role: "the Crohn's nurse, Adaeze,"
                    w = _WORD.match(text, at)
                if not w or (w.group(0)[:1].isupper() and not w.group(0).isupper()):
                    break  # a capitalised word is a name's, not a role's ("the tag Cook County Jail")
                words.append(w.group(0).lower())
                at = w.end()
                named = _named_before(text, opener.end() if opener.group(0)[0] == "(" else opener.start(), at)
                if named is not None and is_person_noun(" ".join(words)):
                    results.append(self._result(*named))
                    break
                naming = _NAMING.match(text, at)
                if naming is not None:
                    name = _given_name(text, naming.end())
                    role = " ".join(words)
                    if name and self._name(text, name) and (is_person_noun(role) or role in PEOPLE_WORDS):
                        results.append(self._result(name.start(), name.end()))
                    break
                gap = _GAP.match(text, at)
                if opener.group("a"):
                    # "a guy": only with a name given, or set between commas after the role ("a
                    # counselor, Hope Adeyinka, who ..."): a name a dictionary does not hold all of
                    name = _NAME.match(text, gap.end()) if gap is not None and "," in gap.group(0) else None
                    if name and _APPOSITION_END.match(text, name.end()) and self._name(text, name) \
                            and is_person_noun(" ".join(words)) and _not_all_words(name.group(0)):
                        results.append(self._result(name.start(), name.end()))
                        break
                    if gap is None or "," in gap.group(0):
                        break
                    at = gap.end()
                    continue
                if gap is None:
                    break
                the = opener.group(0)[:3].lower() == "the"
                name = _NAME.match(text, gap.end()) or _lower_name(text, gap.end(), the) or _INITIALS.match(text, gap.end()) \
                    or _capital_initials(text, gap.end())
                if name and "(" in gap.group(0) and not _CLOSING.match(text, name.end()):
                    name = None  # a bracket holds the name alone: "my mom (Hyacinth)"
                if name and self._name(text, name) and is_person_noun(" ".join(words)):
                    results.append(self._result(name.start(), name.end()))
                    break
                at = gap.end()
        results += self._listed(text)
        for m in (_SOMEONE_NAMED.finditer(text) if "ody " in text or "one " in text else ()):  # "someone called J."
            name = _given_name(text, m.end())
            if name and self._name(text, name):
                results.append(self._result(name.start(), name.end()))
        return list({(r.start, r.end): r for r in results}.values())  # "X (my sister)": both openers find X

    def _listed(self, text: str) -> list[RecognizerResult]:
        """The names listed after people named in the plural by a relation or a role, in any
        case: "my parents dan and deb", "my sisters Jen, Tam and Bee". Every word of the list
        must be a known first name or no common word, and one a first name, so that
        no phrase of words is taken ("my kids and grandkids", "my roommates will and can")."""
        out = []
        for m in (_PLURAL_THEN_LIST.finditer(text) if " and " in text or "&" in text else ()):
            if not is_plural_person_noun(m.group("role").lower()):
                continue
            names = [n for n in _LIST_WORD.finditer(text, m.start("list"), m.end("list")) if n.group(0) not in ("and", "n")]
            if all(_name_like(n.group(0)) for n in names) and any(_first_name(n.group(0)) for n in names):
                out += [self._result(n.start(), n.end()) for n in names]
        return out

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult("PERSON", start, end, 0.8,
                                recognition_metadata={"recognizer_name": self.name, "recognizer_identifier": self.id})

    @staticmethod
    def _name(text: str, name) -> bool:
        first = name.group(0).split()[0].lower().rstrip(".")
        if first in DAYS_AND_MONTHS or first in _NOT_NAMES:
            return False
        # a title before a name is the title recognizer's ("our pharmacist Dr. Vance"); a title
        # word alone is a name ("my cellmate, Bishop, taught me")
        return first not in TITLE_WORDS or " " not in name.group(0) and not _TITLE_BEFORE_NAME.match(text, name.end())
