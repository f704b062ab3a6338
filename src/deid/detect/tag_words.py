"""Hashtags read as their words: ``#StayStrong`` is "Stay" and "Strong", ``#BringLenaHome``
"Bring", "Lena" and "Home". The model reads a tag's run-together words as one name; the words
of a tag that are ordinary words are no name, and stay (``evidence.keep_reason``: a guess made
only of them goes as ordinary words; ``standing``: a guess inside a tag keeps only its
other parts, the name: ``#MarisolStrong`` loses "Marisol" and keeps "Strong")."""

from __future__ import annotations

import regex as re  # \p{Lu} classes: see recognizers/__init__

from deid.core.lexicon import common_words, name_info, vocabulary

# a tag's parts: a word with a capital, a run of capitals ("RIP"), a capital alone (an
# initial, "CalebR"), a word in small letters ("#sober_life")
PART = re.compile(r"\p{Lu}\p{Ll}+|\p{Lu}{2,}(?!\p{Ll})|\p{Lu}(?!\p{Ll})|\p{Ll}+")
_BODY = re.compile(r"#([\p{L}_]+)\d{0,4}(?!\w)")


def tag_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the words of the hashtag that holds ``text[start:end]``, if one does."""
    i = start
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "_"):
        i -= 1
    if i == 0 or text[i - 1] != "#":
        return None
    m = _BODY.match(text, i - 1)
    return (m.start(1), m.end(1)) if m is not None and m.end(1) >= end else None


def ordinary_part(part: str) -> bool:
    """A part that is an ordinary word and no name ("Stay", "Home", "For", "RIP"); an
    initial alone ("K") is none, "A" and "I" are."""
    low = part.lower()
    if len(part) == 1:
        return low in ("a", "i")
    info = name_info(low)
    return (low in common_words() or low in vocabulary()) and (info is None or info.usage == "w")


def parts(text: str, start: int, end: int) -> list:
    return list(PART.finditer(text, start, end))


def ordinary_tag(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies in a hashtag and is only ordinary words:
    ``#StayStrong``, ``#GodIsGood``."""
    if tag_around(text, start, end) is None:
        return False
    found = parts(text, start, end)
    return bool(found) and all(ordinary_part(p.group()) for p in found)


def name_in_tag(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Within a hashtag, the span of ``text[start:end]`` from its first part that is no
    ordinary word to its last (``JusticeForTobiasK`` -> ``TobiasK``); ``None`` outside a tag
    or when every part is ordinary."""
    if tag_around(text, start, end) is None:
        return None
    named = [p for p in parts(text, start, end) if not ordinary_part(p.group())]
    return (named[0].start(), named[-1].end()) if named else None
