"""Long texts in pieces for detection, so a 50 MB interview costs what its
parts cost and never one giant spaCy document.

A text longer than ``limit`` is cut at a paragraph break, else a sentence
end, else a space, near the limit. Neighbouring pieces overlap by
``overlap`` characters and each piece *owns* the findings that start in its
share of the text: up to the middle of the overlap it shares with the next
piece. A name on a seam starts inside one piece's share and lies whole in
that piece (the overlap is far longer than any name or number), so it is
found once, whole. Texts up to ``limit`` are one piece: the path of every
ordinary record is exactly the unchunked one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LIMIT = 20_000
OVERLAP = 400
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"[.!?][\"')\]\u201d\u2019]*\s"), re.compile(r"\s"))


@dataclass(frozen=True)
class Piece:
    start: int      # offset of the piece in the whole text
    text: str
    owns_from: int  # whole-text offsets of the findings this piece keeps
    owns_to: int

    def owns(self, start: int) -> bool:
        return self.owns_from <= start < self.owns_to


def split(text: str, limit: int | None = None, overlap: int | None = None) -> list[Piece]:
    limit = LIMIT if limit is None else limit
    overlap = OVERLAP if overlap is None else overlap
    if limit <= 2 * overlap:
        raise ValueError("the limit must be more than twice the overlap")
    if len(text) <= limit:
        return [Piece(0, text, 0, len(text) + 1)]
    cuts = [0]  # where each piece starts
    while len(text) - cuts[-1] > limit:
        start = cuts[-1]
        end = _cut(text, start + limit // 2, start + limit)
        cuts.append(max(end - overlap, start + 1))
    pieces = []
    for i, start in enumerate(cuts):
        end = cuts[i + 1] + overlap if i + 1 < len(cuts) else len(text)
        owns_from = 0 if i == 0 else start + overlap // 2
        owns_to = cuts[i + 1] + overlap // 2 if i + 1 < len(cuts) else len(text) + 1
        pieces.append(Piece(start, text[start:end], owns_from, owns_to))
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """The last break between ``lo`` and ``hi``, the best kind first."""
    for pattern in _BREAKS:
        found = None
        for m in pattern.finditer(text, lo, hi):
            found = m.end()
        if found is not None:
            return found
    return hi
