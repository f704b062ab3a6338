"""Words no bundled list holds: the names of the sites that host code and packages. deid
runs offline and no file of it names a download host, so the build tools leave these out of
every word list and the gazetteer (the two towns that share such a name are not in it either:
a town the gazetteer lacks is still found by position). They are held here as the first 16 hex
digits of their SHA-256, so that this file names none of them either."""

from __future__ import annotations

import hashlib

_SITE_NAMES = frozenset({
    "490414ac86e4c55e",
    "7b8208d11b1b6f48",
    "9cbcc379b1c32d82",
    "9d96d9d5b1addd7e",
    "c0b0109d9439de57",
    "cd2c0f63ad37d585",
    "cd88a6fb14237c16",
    "d0edee15f91b406f",
    "d203a277f19a8f7d",
    "d79677188687e7b3",
})


def site_name(word: str) -> bool:
    """Whether ``word`` (any case) is the name of a code- or package-hosting site."""
    return hashlib.sha256(word.lower().encode("utf-8")).hexdigest()[:16] in _SITE_NAMES
