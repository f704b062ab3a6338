"""Text as a reader sees it, for detection: tricks that hide a name from a
pattern but not from a person are undone, and every finding is mapped back to
the text as written (which is what gets transformed and published).

- format characters are dropped: a soft hyphen or a zero-width space inside a
  name ("Har\u00adgrove"), joiners, a byte-order mark, bidirectional marks;
- a right-to-left override run is read in the order it is displayed
  ("\u202eamme\u202c" shows "emma");
- an inline HTML tag inside a word is dropped ("<b>Har</b>riet").
"""

from __future__ import annotations

import re
import unicodedata

_RLO, _PDF = "\u202e", "\u202c"
_TAG_IN_WORD = re.compile(r"(?<=\w)</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>(?=\w)")
_SUSPECT = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|(?<=\w)</?[A-Za-z]")


def for_detection(text: str) -> tuple[str, list[int] | None]:
    """The text to detect in, and for each of its characters the offset of
    that character in ``text`` (``None``: the same text, nothing to map)."""
    if not _SUSPECT.search(text):
        return text, None
    keep = [True] * len(text)
    for m in _TAG_IN_WORD.finditer(text):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    order: list[int] = []
    i = 0
    while i < len(text):
        if text[i] == _RLO:  # displayed right to left up to its pop or the end of the line
            end = i + 1
            while end < len(text) and text[end] not in (_PDF, "\n"):
                end += 1
            order += [j for j in range(end - 1, i, -1) if keep[j] and not _format(text[j])]
            i = end
            continue
        if keep[i] and not _format(text[i]):
            order.append(i)
        i += 1
    if len(order) == len(text):
        return text, None
    return "".join(text[j] for j in order), order


def as_read(value: str) -> str:
    """A value as a reader sees it: the text a stand-in, a fingerprint and
    the batch's memory of a removed value are made from."""
    return for_detection(value)[0]


def _format(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf"


def to_original(mapping: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """A span of the detection text as a span of the text as written (a
    reversed run maps to the characters it covers, whatever their order)."""
    if mapping is None:
        return start, end
    covered = mapping[start:end]
    return (min(covered), max(covered) + 1) if covered else (mapping[start] if start < len(mapping) else start, start)
