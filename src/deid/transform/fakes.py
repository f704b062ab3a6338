"""Stand-ins of a value's shape, picked by the key: keyed numbers and digits, letters for
letters and digits for digits, phone numbers in the exchange kept for fiction, label
letters (A, B, ..., AA), and a stand-in written in the case of what it replaces."""

from __future__ import annotations

import re

from deid.core.keys import Key, normalize_value


def hmac_int(key: Key, *parts: str) -> int:
    msg = "\x1f".join(parts).encode("utf-8")
    return int.from_bytes(key.hmac(msg).digest()[:8], "big")


def keep_case(template: str, value: str) -> str:
    """``value`` in the case of ``template``: LORETTA -> DANA, loretta -> dana."""
    if template.isupper() and len(template) > 1:
        return value.upper()
    if template.islower():
        return value.lower()
    return "-".join(p[:1].upper() + p[1:].lower() for p in value.split("-"))


def letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def keyed_digits(key: Key, kind: str, digits: str) -> str:
    n = hmac_int(key, "DIGITS", kind, digits)
    out = []
    for _ in digits:
        n, d = divmod(n, 10)
        out.append(str(d))
        if n == 0:
            n = hmac_int(key, "DIGITS", kind, digits, str(len(out)))
    return "".join(out)


def same_shape(key: Key, entity: str, value: str) -> str:
    """Letters for letters (same case), digits for digits, the rest kept."""
    n = hmac_int(key, "SHAPE", entity, normalize_value(value))
    out = []
    for i, ch in enumerate(value):
        if i % 12 == 11:
            n = hmac_int(key, "SHAPE", entity, normalize_value(value), str(i))
        if ch.isdigit():
            n, d = divmod(n, 10)
            out.append(str(d))
        elif ch.isalpha() and ch.isascii():
            n, d = divmod(n, 26)
            out.append(chr((65 if ch.isupper() else 97) + d))
        else:
            out.append(ch)
    return "".join(out)


def fake_phone(key: Key, value: str) -> str:
    """The same layout; a 10-digit (or +1) number becomes 555-01xx in a
    keyed area code: the exchange reserved for fiction."""
    digits = re.sub(r"\D", "", value)
    fake = keyed_digits(key, "PHONE", digits)
    if len(digits) in (10, 11):
        area = str(2 + int(fake[0]) % 8) + fake[1:3]
        fake = (digits[0] if len(digits) == 11 else "") + area + "55501" + fake[3:5]
    it = iter(fake)
    return re.sub(r"\d", lambda _m: next(it, "0"), value)
