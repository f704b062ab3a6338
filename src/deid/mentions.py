"""How another mention of a removed value is matched, in one place.

Used by ``decide`` (to remove every mention of a name in a record) and by
``verify`` (to check that no removed value occurs again), so the two always
agree. A phrase of several words, and a single word that is almost only ever
a name ("Loretta", "Szabo"), match in any case ("loretta", "SZABO"); any
other single word ("Mason", "Will", "Exversion") matches only as written, in
title case or in capitals, so the ordinary word ("a mason", "will") stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import common_words, name_info


def any_case(value: str) -> bool:
    """Whether other mentions of ``value`` count in any case."""
    words = value.split()
    if len(words) > 1:
        return True
    info = name_info(value.lower())
    return info is not None and info.usage == "n" and value.lower() not in common_words()


@lru_cache(maxsize=4096)
def mention(value: str) -> re.Pattern[str]:
    words = value.split()
    if not any_case(value):
        forms = sorted({value, value.title(), value.upper()})
        body = "|".join(re.escape(f) for f in forms)
        return re.compile(rf"(?<![\w@])(?:{body})(?!\w)")
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w@]){body}(?!\w)", re.IGNORECASE)


class MentionIndex:
    """Every mention of many values at once, by ``mention``'s rules: the
    removed names and places of a whole batch, found in one record."""

    def __init__(self, values: dict[str, str]):
        """``values``: value -> entity type."""
        self.loose: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        for value, entity in values.items():
            value = " ".join(value.split())
            if len(value) < 2:
                continue
            if any_case(value):
                self.loose.setdefault(value.casefold(), entity)
            else:
                for form in (value, value.title(), value.upper()):
                    self.exact.setdefault(form, entity)
        self._loose = _alternation(self.loose, re.IGNORECASE)
        self._exact = _alternation(self.exact, 0)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        if self._loose is not None:
            out += [(m.start(), m.end(), self.loose[" ".join(m.group(0).split()).casefold()]) for m in self._loose.finditer(text)]
        if self._exact is not None:
            out += [(m.start(), m.end(), self.exact[m.group(0)]) for m in self._exact.finditer(text)]
        return out


def _alternation(values: dict[str, str], flags: int) -> re.Pattern[str] | None:
    if not values:
        return None
    ordered = sorted(values, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in ordered)
    return re.compile(rf"(?<![\w@])(?:{body})(?!\w)", flags)
