"""Slugs: words written as an id ("tamsin-oyelowo", "story_of_oskar_feldmann").

People make ids, anchors and labels of names: a nested JSON ``"id"``, a
Markdown heading id (``{#tamsin-oyelowo}``), a footnote label
(``[^feldmann]``). A reader sees the words, so detection must too: it reads a
slug spelled out as words, each capitalised, separators as spaces, the
length unchanged ("Tamsin Oyelowo"), and what it finds there is replaced in
the slug as written (a stand-in keeps the case and the hyphens:
"tamsin-oyelowo" -> "verna-halloran"), as consistently as in the text.
"""

from __future__ import annotations

import re

SLUG = re.compile(r"[^\W\d_]+(?:[-_.][^\W\d_]+)+")
_WORD = re.compile(r"[^\W\d_]+")


_EXTENSION = re.compile(r"\.[a-z]{1,4}$")


def is_slug(text: str) -> bool:
    """Whether ``text`` is one slug of two words or more, in lower case; a
    file name ("joanna-pike.md") is no slug: it is read as a file name."""
    return SLUG.fullmatch(text) is not None and text.islower() and _EXTENSION.search(text) is None


def spelled_out(text: str) -> str:
    """``text`` (a slug) as words: separators as spaces, each word
    capitalised where that keeps its length."""
    out = re.sub(r"[-_.]", " ", text)
    return _WORD.sub(lambda m: _capital(m.group(0)), out)


def _capital(word: str) -> str:
    up = word[0].upper()
    return up + word[1:] if len(up) == 1 else word


def as_slug(new: str, slug: str) -> str:
    """A stand-in for the words of ``slug`` written as ``slug`` was: lower
    case, its first separator between the words ("Verna Halloran" ->
    "verna-halloran"). A stand-in that is no words (a tag) is left as it is."""
    if not re.fullmatch(r"[^\W\d_]+(?:[ '\u2019-][^\W\d_]+)*", new):
        return new
    sep = re.search(r"[-_.]", slug).group(0)
    return new.lower().replace(" ", sep)
