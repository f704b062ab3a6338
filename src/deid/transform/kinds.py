"""What a person's details become when generalised to their kind (``generalize`` calls
these): an occupation its SOC 2018 major group, family structure without its numbers, a
named institution its kind, a US place its size and state; and the two helpers that make
new words agree with the sentence (``an``, ``fitted``)."""

from __future__ import annotations

import re

from deid.core.lexicon import occupations, trade_heads, us_places
from deid.core.wordlists import SHORT_TITLES, US_STATES

# -- occupations by SOC 2018 major group ---------------------------------------------
_GROUP_NOUNS = {
    "11": "manager", "13": "business professional", "15": "tech worker", "17": "engineer",
    "19": "scientist", "21": "social services worker", "23": "legal professional", "25": "educator",
    "27": "arts, sports or media worker", "29": "healthcare worker", "31": "care worker", "33": "public safety worker",
    "35": "food service worker", "37": "cleaning and maintenance worker", "39": "personal care worker",
    "41": "sales worker", "43": "office worker", "45": "farm worker", "47": "construction worker",
    "49": "repair worker", "51": "production worker", "53": "transport worker", "55": "military service member",
}
_LEAD = re.compile(r"(?i)^(?:(an?|the|our|their|my|his|her)[ \t]+)?")
_STATUS = re.compile(r"(?i)(?:^|[ \t])(retired|former|ex-)")


def occupation_group(value: str) -> tuple[str, bool] | None:
    """The SOC major group of the longest known title at the end of ``value`` ("a
    registered nurse" -> "29"), and whether it is written in the plural; None when no
    title of the list ends it, nor a head of the list's titles of one group
    (``lexicon.trade_heads``: "a wool grader"). A title's short form is read as the title
    ("a pharmacy tech": "pharmacy technician")."""
    titles, words = occupations(), re.sub(r"(?i)\bex-(?=\w)", "ex- ", value).split()  # "ex-locksmith"
    if words and words[-1].lower().rstrip("s") in SHORT_TITLES:
        words[-1] = SHORT_TITLES[words[-1].lower().rstrip("s")] + ("s" if words[-1].lower().endswith("s") else "")
    for i in range(len(words)):
        title = " ".join(words[i:]).lower()
        if title in titles:
            return titles[title], False
        if title.endswith("s") and title[:-1] in titles:
            return titles[title[:-1]], True
    head = words[-1].lower() if words else ""
    if trade_heads().get(head):  # "a sprinkler fitter": the group of the titles "fitter" heads
        return trade_heads()[head], False
    return None


def occupation(value: str, tag: str) -> str:
    """An occupation as its SOC major group: "a paramedic" -> "a healthcare worker",
    "a retired teacher" -> "a retired educator"; a title not in the list -> the tag."""
    found = occupation_group(value)
    if found is None:
        return tag
    group, plural = found
    article = _LEAD.match(value.strip()).group(1)
    status = _STATUS.search(value)
    noun = _GROUP_NOUNS[group] + ("s" if plural else "")
    phrase = (status.group(1).lower() + ("" if status.group(1).endswith("-") else " ") + noun) if status else noun
    if article and article.lower() in ("a", "an"):
        phrase = f"{an(phrase)} {phrase}"
    elif article:
        phrase = f"{article} {phrase}"  # "the former mayor" -> "the former manager"
    return phrase


# -- family structure ----------------------------------------------------------------
_COUNT = re.compile(r"(?i)[ \t]+of[ \t]+(?:\w+)$|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"\d{1,2})[ \t]+")


def family(value: str) -> str:
    """Family structure without its numbers: "my three kids" -> "my kids", "mother of
    two" -> "mother"; "widowed", "single mom" stay."""
    return _COUNT.sub("", value)


# -- institutions by kind ------------------------------------------------------------
_KINDS = ("county jail", "jail", "prison", "penitentiary", "correctional facility", "detention center", "high school",
          "middle school", "elementary school", "school", "academy", "university", "college", "hospital",
          "medical center", "recovery center", "treatment center", "detox", "rehab", "clinic", "health center",
          "pharmacy", "church", "chapel", "cathedral", "mosque", "synagogue", "temple", "shelter", "mission",
          "nursing home", "center", "centre", "foundation", "program", "ranch", "lodge", "house", "home")
_KIND = re.compile(r"(?i)\b(" + "|".join(re.escape(k).replace(r"\ ", r"[ \t]+") for k in _KINDS) + r")\.?$")
_KIND_OF = re.compile(r"(?i)(?:the[ \t]+)?(university|college|school|academy|hospital|church)[ \t]+of\b")


def institution(value: str, tag: str, before: str = "") -> str:
    """A named institution as its kind: "Cook County Jail" -> "a county jail",
    "Lakeside Recovery Center" -> "a recovery center"; after "the", no second
    article; a name with no kind -> the tag."""
    m = _KIND.search(value.strip()) or _KIND_OF.match(value.strip())  # "Cook County Jail", "University of Michigan"
    if m is None:
        return tag
    kind = " ".join(m.group(1).lower().split())
    if kind == "jail" and re.search(r"(?i)\bcounty\b", value):
        kind = "county jail"
    if re.search(r"(?i)\b(?:the|a|an|this|that|our|my|his|her|their)[ \t]*[\"\u201c']?$", before):
        return kind
    return f"{an(kind)} {kind}"


_AN = re.compile(r"(?i)(?:[aeio]|u(?!ni|s[aeiu]|ti|r[aeiou]|k)|hour|honest|heir)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:][\"\u201d\u2019)]*|\n)[ \t]*[\"\u201c]?$")


def an(word: str) -> str:
    """The indefinite article for ``word``: "an engineer", "a university"."""
    return "an" if _AN.match(word) else "a"


def fitted(new: str, value: str, before: str) -> str:
    """``new`` capitalised where it starts a sentence, as ``value`` did ("A county jail
    dismissed...")."""
    if new and value[:1].isupper() and new[:1].islower() and _SENTENCE_START.search(before):
        return new[0].upper() + new[1:]
    return new


# -- places by size ------------------------------------------------------------------
SMALL_TOWN = 20_000  # fewer people than this: a small town (HHS's line for a ZIP code area)
_STATE_BY_NAME = {name.lower(): abbr for abbr, name in US_STATES.items()}
_PLACE = re.compile(r"^(?P<town>[^,()]+?)(?:,[ \t]*(?P<state>[A-Za-z. ]+?))?\.?$")
_STATE_AFTER = re.compile(r"^[ \t]*,[ \t]*(?P<state>[A-Z][A-Za-z. ]+?)(?=[ \t]*(?:$|[,.;:!?)\n]|\d))")


def state_of(text: str) -> str | None:
    """The postal abbreviation of a state named in full or abbreviated ("Ohio", "OH", "Oh.")."""
    t = text.strip().rstrip(".")
    if t.upper() in US_STATES and len(t) == 2:
        return t.upper()
    return _STATE_BY_NAME.get(t.lower())


def place_size(value: str, after: str = "") -> tuple[str, str | None, bool] | None:
    """(size, state, state written after the value) of a US place the gazetteer knows:
    size "small town" or "city"; the state as written with it or after it, else None;
    None when the place is unknown or its size cannot be told (several places of that name
    on both sides of the line and no state)."""
    m = _PLACE.match(" ".join(value.split()))
    if m is None:
        return None
    town, state, later = m.group("town"), m.group("state"), False
    if state is not None:
        state = state_of(state)
        if state is None:
            return None
    else:
        follows = _STATE_AFTER.match(after)
        state = state_of(follows.group("state")) if follows else None
        later = state is not None
    places = us_places().get(town.lower(), ())
    if state is not None:
        places = tuple(p for p in places if p[0] == state)
    sizes = {"small town" if population < SMALL_TOWN else "city" for _, population in places}
    if len(sizes) != 1:
        return None
    return sizes.pop(), state, later


def place(value: str, tag: str, after: str = "") -> str:
    """A US place as its size and state: "Millersburg, OH" -> "a small town in Ohio",
    "Dayton, Ohio" -> "a city in Ohio", "Millersburg" followed by ", Ohio" -> "a small
    town" (the state stays where it is written); unknown -> the tag."""
    found = place_size(value, after)
    if found is None:
        return tag
    size, state, later = found
    if state is None or later:
        return f"a {size}"
    return f"a {size} in {US_STATES[state]}"
