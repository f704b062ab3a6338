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
