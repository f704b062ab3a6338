"""Stand-ins for the ``pseudonym`` action: the same value gets the same
stand-in everywhere, distinct values get distinct ones, and without the key
nobody can tell which value a stand-in replaced.

Keyed and stateless per value: each stand-in is picked by
HMAC-SHA256(key, type + normalised value) from a pool. The batch only adds
two things, both worked out before any output is written (``freeze``):
collisions are resolved (a stand-in is never given to two values, nor equal to
a real name seen in the batch), and label numbers follow the order of the
values' HMACs, so they do not depend on the order of the input. No mapping
table is ever written.

Two classes for the two passes: ``Surrogates`` learns the batch in pass 1
(``observe``, ``observe_real``); its ``freeze`` settles every stand-in and
returns ``StandIns``, the frozen table that pass 2 can only look up
(``stand_in``, the batch's ``removed`` values and their ``mentions``).

Styles:
- ``label``: "Participant A", "Person 3", "[CITY-2]" -- from the rule's tag,
  where ``{n}`` is a number and ``{letter}`` a letter;
- ``realistic``: a plausible fake of the same shape -- a first name for a
  first name, a full name for a full name, initials for initials, a town for
  a town, an address for an address, a reserved-domain email, a 555-01xx
  phone, an invalid (9xx) SSN, an ID of the same format.

Names are consistent across forms: "Loretta Szabo", "Loretta", "LORETTA",
"loretta", "Ms. Szabo" and "Loretta's" map to the matching parts of one
stand-in (each word is mapped by the part it plays in the names of the batch).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from deid.core.keys import Key, normalize_value
from deid.core.lexicon import names
from deid.core.nameparts import name_parts
from deid.core.wordlists import PARTICLES as PARTICLE_WORDS, SHORT_TITLE_WORDS, TITLE_WORDS
from deid.detect import evidence
from deid.detect.mentions import MentionIndex
from deid.transform.fakes import fake_phone, hmac_int, keep_case, keyed_digits, letters, same_shape

PARTICLES = frozenset(PARTICLE_WORDS)
_KEPT_WORDS = TITLE_WORDS | PARTICLES  # kept in a person's stand-in, beside a name
PLACE_WORDS = frozenset(
    "street st avenue ave road rd lane ln drive dr boulevard blvd court ct way place pl terrace ter circle cir "
    "highway hwy parkway pkwy trail trl square sq loop row alley apt apartment suite ste unit po box p.o. "
    "north south east west n s e w county city town township village lake mount mt fort ft saint st. "
    "recovery treatment medical health wellness behavioral community counseling crisis detox rehab addiction "
    "pain methadone comprehensive family center centre clinic hospital healthcare services institute "
    "foundation house home ranch lodge church chapel ministries fellowship school high academy university "
    "college pharmacy shelter mission program battalion regiment squadron inc llc corp company co of the and".split()
)
TOWN_SUFFIXES = ("ville", "ton", "field", "wood", "dale", "port", "burg", "ford", "brook", "haven")
NAME_TYPES = frozenset({"PERSON"})
PLACE_TYPES = frozenset({"LOCATION", "ORGANIZATION"})
POOLED = frozenset({"EMAIL_ADDRESS", "SOCIAL_HANDLE"})  # stand-ins made of pool words
_WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*\.?|\d+|[^\w\s]+|\s+")
_POSSESSIVE = re.compile(r"['\u2019]s$")


# Names never handed out as stand-ins.
NEVER = frozenset("christ jesus god allah messiah lucifer satan buddha mohammed muhammad".split())


@lru_cache(maxsize=1)
def _pools() -> dict[str, tuple[str, ...]]:
    """First names by sex (a woman's name for a woman's name), surnames."""
    table = names()
    fit = {n: i for n, i in table.items() if i.popular and i.usage == "n" and n not in NEVER}
    first = {sex: tuple(sorted(n for n, i in fit.items() if i.first and i.sex == sex)) for sex in "FMU"}
    last = tuple(sorted(n for n, i in fit.items() if i.surname and not i.first))
    return {"first": first["F"] + first["M"] + first["U"], "first:F": first["F"], "first:M": first["M"],
            "first:U": first["U"] or first["F"] + first["M"], "last": last, "place": last}


class Surrogates:
    """The batch's names and values as pass 1 learns them: ``observe`` every
    value, then ``freeze`` once, which returns the ``StandIns`` of pass 2."""

    def __init__(self, key: Key):
        self.key = key
        self.real: set[str] = set()                        # name words seen as real names
        self.removed: dict[str, str] = {}                   # removed names and places -> type
        self.full_names: set[tuple[str, ...]] = set()      # multi-word person names
        self.words: dict[str, set[str]] = defaultdict(set)  # person word -> roles seen
        self.labelled: dict[str, set[str]] = defaultdict(set)  # entity -> values to number
        self.realistic: set[tuple[str, str]] = set()       # (entity, value) whose fake uses pool words
        self._guesses: dict[tuple[str, str], set[str]] = {}  # guessed (value, type) -> records guessing it

    # -- pass 1 -------------------------------------------------------------
    def observe_real(self, entity: str, value: str, known: bool = True, seen_in: str = "") -> None:
        """A value removed from the batch: its words must never be stand-ins.
        A ``known`` name or place (strong evidence, ``evidence.spreads``) goes
        from every other record too; a guess goes from them only when the
        guesses of several records (``seen_in``) agree on it."""
        if entity not in NAME_TYPES and entity not in PLACE_TYPES:
            return
        self.real.update(w for w in _name_words(value))
        value = " ".join(value.split())
        if not known:
            if seen_in and evidence.may_agree(entity, value):
                self._guesses.setdefault((value, entity), set()).add(seen_in)
            return
        if value.strip(" .").lower() in SHORT_TITLE_WORDS:
            return  # a short title taken for a name ("Dr" of "my psychiatrist Dr. X") is no one's
        self.removed.setdefault(value, entity)
        if entity in NAME_TYPES:
            for part in name_parts(value, capitalised=True):
                # a part that is no ordinary word, written as a name ("Szabo", not "Hill")
                if evidence.may_agree(entity, part):
                    self.removed.setdefault(part, entity)
                    if evidence.lower_case_too(part):  # "adams" of "Adams Abell", in lower case too
                        self.removed.setdefault(part.lower(), entity)

    def observe(self, entity: str, value: str, style: str = "realistic", known: bool = True, seen_in: str = "") -> None:
        """A value the ``pseudonym`` action will replace."""
        self.observe_real(entity, value, known, seen_in)
        if entity in NAME_TYPES:
            words = _name_words(value)
            if len(words) > 1:
                self.full_names.add(tuple(words))
                self.words[words[0]].add("first")
                self.words[words[-1]].add("last")
                for w in words[1:-1]:
                    self.words[w].add("first")
            elif words:
                self.words[words[0]].add("")
        if style == "label":
            self.labelled[entity].add(value)
        elif entity in PLACE_TYPES or entity in POOLED:
            # names are settled word by word (``words``); other shapes are pure HMAC
            self.realistic.add((entity, value))

    # -- between the passes ---------------------------------------------------
    def freeze(self) -> StandIns:
        """The batch's stand-ins, every one settled (``StandIns``); a value
        guessed in several records becomes known to the batch first."""
        agreed = sorted(k for k, seen in self._guesses.items() if len(seen) >= evidence.AGREEING_RECORDS)
        for value, entity in agreed:
            if evidence.casing(value) != "lower":
                self.observe_real(entity, value)
        for value, entity in agreed:  # after the capitalised forms: "trump" needs "Trump"
            if evidence.casing(value) == "lower" and evidence.agrees_in_lower_case(value, self.removed.__contains__):
                self.observe_real(entity, value)
        self._guesses = {}
        return StandIns(self.key, frozenset(self.real), dict(self.removed), self.full_names,
                        {w: frozenset(roles) for w, roles in self.words.items()}, self.labelled, self.realistic)


class StandIns:
    """The batch's stand-ins, frozen: ``Surrogates.freeze`` makes it, and pass 2
    only looks up (``stand_in``; ``removed``: the batch's removed names and places
    and their types; ``mentions``: where they stand in a text). Roles, collisions
    and label numbers are resolved here, in HMAC order: every stand-in of the
    batch is settled before pass 2, in an order that does not depend on the
    input's, so that records can be finished in any order, in any process, with
    the same result."""

    def __init__(self, key: Key, real: frozenset[str], removed: dict[str, str], full_names: set[tuple[str, ...]],
                 words: dict[str, frozenset[str]], labelled: dict[str, set[str]], realistic: set[tuple[str, str]]):
        self.key = key
        self.removed = removed
        self._real = real
        self._words = words                                 # person word -> roles seen
        self._labelled = {entity: len(values) for entity, values in labelled.items()}
        self._map: dict[tuple[str, str], str] = {}          # (role, word) -> stand-in word
        self._used: dict[str, set[str]] = defaultdict(set)  # stand-in words given out, by role
        self._owners: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for full in full_names:
            for word in set(full):
                self._owners[word].append(full)
        self._numbers: dict[tuple[str, str], int] = {}
        for entity, values in labelled.items():
            identities = {self._identity(entity, v) for v in values}
            ordered = sorted(identities, key=lambda i: hmac_int(self.key, "LABEL", entity, i))
            for n, identity in enumerate(ordered):
                self._numbers[(entity, identity)] = n
        self._settling = True  # the stand-in words picked now are given out: no other value gets them
        for word in sorted(words, key=lambda w: hmac_int(self.key, "WORD", w)):
            self._word(self._role(word), word)
        for entity, value in sorted(realistic, key=lambda ev: hmac_int(self.key, "VALUE", *ev)):
            self._realistic(entity, value)
        self._settling = False
        self.mentions = MentionIndex(self.removed)

    # The stand-in styles (``policy.schema.STYLES``: a test holds the two to the same names),
    # each (stand-ins, entity, value, tag) -> stand-in. A style whose stand-ins depend on the
    # whole batch learns it in ``Surrogates.observe`` and settles it in ``__init__``.
    STYLES = {
        "label": lambda self, entity, value, tag: self._label(entity, value, tag),
        "realistic": lambda self, entity, value, tag: self._realistic(entity, value),
    }

    def stand_in(self, entity: str, value: str, style: str, tag: str) -> str:
        try:
            make = self.STYLES[style]
        except KeyError:
            raise ValueError(f"unknown stand-in style {style!r}") from None
        return make(self, entity, value, tag)

    def _realistic(self, entity: str, value: str) -> str:
        if entity in NAME_TYPES:
            return self._person(value)
        if entity in PLACE_TYPES:
            return self._place(value)
        return self._shaped(entity, value)

    def _label(self, entity: str, value: str, tag: str) -> str:
        identity = self._identity(entity, value)
        n = self._numbers.get((entity, identity))
        if n is None:  # not seen in pass 1: number it after the others, stably
            n = self._labelled.get(entity, 0) + hmac_int(self.key, "LABEL", entity, identity) % 1000
        template = tag if ("{n}" in tag or "{letter}" in tag) else f"[{entity}-{{n}}]"
        return template.replace("{n}", str(n + 1)).replace("{letter}", letters(n))

    def _identity(self, entity: str, value: str) -> str:
        """Who a value stands for: a lone first or last name belongs to the one
        full name of the batch that holds it, if there is exactly one."""
        if entity not in NAME_TYPES:
            return normalize_value(value)
        words = _name_words(value)
        if len(words) == 1:
            owners = self._owners.get(words[0], ())
            if len(owners) == 1:
                return " ".join(owners[0])
        return " ".join(words)

    def _role(self, word: str) -> str:
        roles = self._words.get(word, frozenset()) - {""}
        if "last" in roles:
            return "last"
        if "first" in roles:
            return "first"
        info = names().get(word)
        return "last" if info is not None and info.surname and not info.first else "first"

    def _word(self, role: str, word: str) -> str:
        found = self._map.get((role, word))
        if found:
            return found
        pool = _pools()[role]
        if role == "first":
            info = names().get(word)
            if info is not None and info.sex:
                pool = _pools()["first:" + info.sex]
        for attempt in range(len(pool) + 1):
            pick = pool[hmac_int(self.key, "PSEUDONYM", role, word, str(attempt)) % len(pool)]
            if pick not in self._used[role] and pick not in self._real and pick != word:
                break
        self._map[(role, word)] = pick  # in pass 2, only a cache: the pick depends on the word alone
        if self._settling:
            # a word first met in pass 2 (not observed in pass 1) gets a stand-in
            # that depends on the word alone, not on which record asked first
            self._used[role].add(pick)
        return pick

    def _person(self, value: str) -> str:
        own = _POSSESSIVE.search(value)
        if own and len(value) - len(own.group(0)) > 1:  # "Szabo's": Szabo's stand-in, and its "'s"
            return self._person(value[:own.start()]) + own.group(0)
        out = []
        tokens = _WORD.findall(value)
        # a name that is only a title's or a particle's word ("Bishop", "Deacon") is a name
        named = [t for t in tokens if t[0].isalpha() and t.lower().rstrip(".") not in _KEPT_WORDS]
        last = max((i for i, t in enumerate(tokens) if t[0].isalpha()), default=-1) if not named else -1
        for i, tok in enumerate(tokens):
            low = tok.lower().rstrip(".")
            if i != last and (not tok[0].isalpha() or low in TITLE_WORDS or low in PARTICLES):
                out.append(tok)
            elif len(low) == 1 or (len(tok) == 2 and tok.endswith(".")):
                letter = chr(65 + hmac_int(self.key, "INITIAL", low) % 26)
                out.append(keep_case(tok, letter) + ("." if tok.endswith(".") else ""))
            elif _initials(tok):  # "JK": initials for initials, keyed as a whole
                n = hmac_int(self.key, "INITIALS", tok)
                new = "".join(chr(65 + (n >> (5 * k)) % 26) for k in range(len(tok)))
                out.append(new if new != tok else chr(65 + (ord(new[0]) - 64) % 26) + new[1:])  # never the same
            else:
                out.append(keep_case(tok, self._word(self._role(low), low)))
        return "".join(out)

    def _place(self, value: str) -> str:
        out = []
        for tok in _WORD.findall(value):
            low = tok.lower()
            if tok.isdigit():
                out.append(keyed_digits(self.key, "PLACE", tok))
            elif not tok[0].isalpha() or low.rstrip(".") in PLACE_WORDS or low in PLACE_WORDS:
                out.append(tok)
            else:
                base = self._word("place", low)
                suffix = TOWN_SUFFIXES[hmac_int(self.key, "TOWN", low) % len(TOWN_SUFFIXES)]
                out.append(keep_case(tok, base + suffix))
        return "".join(out)

    def _shaped(self, entity: str, value: str) -> str:
        if entity == "EMAIL_ADDRESS":
            first = self._word("first", "email:" + normalize_value(value))
            last = self._word("last", "email:" + normalize_value(value))
            domain = ("example.com", "example.org", "example.net")[hmac_int(self.key, "DOMAIN", value) % 3]
            return f"{first}.{last}@{domain}"
        if entity == "URL":
            return f"https://example.org/{hmac_int(self.key, 'URL', value) % 16**8:08x}"
        if entity == "SOCIAL_HANDLE":
            word = self._word("first", "handle:" + normalize_value(value))
            return f"@{word}{hmac_int(self.key, 'HANDLE', value) % 100:02d}"
        if entity == "PHONE_NUMBER":
            return fake_phone(self.key, value)
        if entity == "US_SSN":
            digits = keyed_digits(self.key, "SSN", re.sub(r"\D", "", value).ljust(9, "0"))
            shaped = "9" + digits[1:]  # area numbers 900-999 are never issued
            it = iter(shaped)
            return re.sub(r"\d", lambda _m: next(it, "0"), value)
        return same_shape(self.key, entity, value)


def _name_words(value: str) -> list[str]:
    """The parts of a name in lower case, as the roles and the real words hold them."""
    return [w.lower() for w in name_parts(value)]


def _initials(token: str) -> bool:
    """Two or three capitals that are no name ("JK", "LBT"; not "AL", "TY"): initials."""
    return 2 <= len(token) <= 3 and token.isalpha() and token.isupper() and token.lower() not in names()
