"""How strong a secret key is, in bits, and the refusal of a weak one.

A key is guessed offline from anything keyed with it that a ledger
publishes (its id, a fingerprint, a sealed finding): each guess is checked
against them. So a key must be too big to guess: deid refuses any key
estimated under ``MIN_BITS`` (128), whatever its source.

The estimate is zxcvbn's reading of the key (dictionary words, names,
keyboard walks, repeats, sequences, dates, and what is left as random
characters, at 10 guesses a character).

A key of hex or base64 characters is what a random generator makes, and
chance puts a short word, sequence, date or repeat in most such keys ("face",
"789", "250111"): zxcvbn's reading would refuse one random 32-digit hex key
in five. So for those keys the random stretches count at what they are worth in the
key's alphabet (4 bits a hex digit, 6 a base64 character), a pattern shorter than six characters, a date and
a year count as the random characters they most likely are, and the key is
worth its full length (32 hex digits or 22 base64 characters make 128 bits)
unless the structure left costs more than ``CHANCE_BITS`` (more than chance
gave any of 3,000 random keys we tried; "0123456789abcdef" twice or "deadbeef"
four times cost about 110). Any other key is a passphrase and is worth what
zxcvbn says (about ten random words make 128 bits). A key made by
``deid key new`` (64 random hex digits, 256 bits) always passes.
"""

from __future__ import annotations

import math
import string

MIN_BITS = 128
CHANCE_BITS = 24.0
_HEX = frozenset(string.hexdigits)
_B64 = frozenset(string.ascii_letters + string.digits + "+/=-_")
_WINDOW = 72  # zxcvbn reads at most this many characters at a time
_SHORT = 6  # a pattern shorter than this in a random-looking key is chance


def alphabet_bits(text: str) -> float:
    """The bits one random character of ``text``'s alphabet carries."""
    chars = set(text)
    if chars <= _HEX:
        return 4.0
    if chars <= _B64:
        return 6.0
    return math.log2(95)  # printable ASCII; zxcvbn's own count is used for such keys


def strength_bits(secret: bytes) -> float:
    """An estimate of the bits of ``secret`` (see the module's docstring);
    never more than its length times its alphabet's bits."""
    from zxcvbn import zxcvbn

    text = secret.decode("utf-8", "replace").strip()
    if not text:
        return 0.0
    per_char = alphabet_bits(text)
    randomish = per_char <= 6.0
    capacity = len(text) * per_char
    total = 0.0
    for start in range(0, len(text), _WINDOW):  # a long key is read in parts
        for match in zxcvbn(text[start:start + _WINDOW])["sequence"]:
            as_random = len(match["token"]) * per_char
            chance = randomish and (len(match["token"]) < _SHORT or match["pattern"] in ("date", "regex"))
            if (match["pattern"] == "bruteforce" and randomish) or chance:
                total += as_random
            else:
                total += min(math.log2(max(float(match["guesses"]), 1.0)), as_random)
    if randomish and capacity - total <= CHANCE_BITS:
        return capacity
    return min(total, capacity)


def weak_key_message(source: str, bits: float) -> str | None:
    """Why the key from ``source`` is refused, or None when it is strong enough."""
    if bits >= MIN_BITS:
        return None
    return (f"{source}: the key is too weak (about {int(bits)} bits; deid needs at least {MIN_BITS}): "
            "anyone holding a ledger could find it by guessing. Make one with `deid key new` "
            "(64 random hex digits), or use 32 or more random hex digits")
