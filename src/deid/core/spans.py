"""Spans already taken in a text, asked "does this overlap one?" many times.

A long record holds thousands of findings, mentions and redactions; asking each
new one against a list of all the others costs the square of their number (a
400 KB transcript: minutes). ``Taken`` files each span under the fixed-width
stretches of text it touches, so a question looks only at the spans near it:
the same answers as the plain loop, in time that grows with the spans' length,
not their number.
"""

from __future__ import annotations

from typing import Iterable

WIDTH = 256  # characters per stretch


class Taken:
    """Spans (start, end) of one text; ``overlaps`` and ``holds`` answer as
    ``any(a < end and start < b ...)`` and ``any(a <= start and end <= b ...)``
    over every span added."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._at: dict[int, list[tuple[int, int]]] = {}
        for a, b in spans:
            self.add(a, b)

    def add(self, start: int, end: int) -> None:
        for k in range(start // WIDTH, max(start, end - 1) // WIDTH + 1):
            self._at.setdefault(k, []).append((start, end))

    def _near(self, start: int, end: int):
        # a span meeting start:end, or holding it, is filed under the stretch of one of
        # its characters (of the one before an empty span's place, too)
        for k in range((start - (start == end)) // WIDTH, max(start, end - 1) // WIDTH + 1):
            yield from self._at.get(k, ())

    def overlaps(self, start: int, end: int) -> bool:
        return any(a < end and start < b for a, b in self._near(start, end))

    def holds(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self._near(start, end))
