"""Labels of identifiers: the word before a value that says what it is ("VIN", "MAC",
"IMEI", "member id") and the acronyms of medical devices and tests ("CGM", "CPAP"). The model
reads a short word in capitals as an organisation or a person, and the name lexicon knows
some as names ("Vin"); a label is neither, and stays while its value goes
(``evidence.keep_reason``: reason "label"; ``standing``: a guess does not start or
end with one)."""

from __future__ import annotations

import re

from deid.core.lexicon import common_words, name_info, vocabulary
from deid.core.wordlists import DEVICE_ACRONYMS, DEVICE_NOUNS, IDENTIFIER_LABELS, PAYMENT_APPS

_PUNCTUATION = ".,;:!?\"'()[]{}*_`\u201c\u201d\u2018\u2019"


# What may stand between a label and its value: "VIN number is", "MAC:", "ID #".
_THEN_VALUE = re.compile(r"^(?:['\u2019]s)?(?:[ \t]+(?:number|no\.?|num|id|code|address|addr|serial|sn|s/n|imei|mac|bt|"
                         r"bluetooth|wi-?fi|is|was|reads|of))*"
                         r"[ \t]*[:#=]?[ \t]*(?:[A-Za-z0-9][A-Za-z0-9:.\-/+]*|\[(?:DEVICE|VEHICLE|MEMBER-ID|ID|MRN|ACCOUNT|LICENSE|SSN|IP)\])",
                         re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9/\-]{1,5}$")
_DEVICE_AFTER = re.compile(r"^[ \t]+(?:" + "|".join(sorted(DEVICE_NOUNS, key=len, reverse=True)) + r")s?\b", re.IGNORECASE)


def label_word(word: str) -> bool:
    """A word that labels an identifier, in capitals or lower case ("VIN", "imei", "CGM"),
    or a payment app's name ("Venmo"): a guess does not start or end with one."""
    low = word.lower()
    return low in PAYMENT_APPS or (word.isupper() or word.islower()) and (low in IDENTIFIER_LABELS or low in DEVICE_ACRONYMS)


def _ordinary_lower(token: str, first: bool) -> bool:
    """A word in lower case (or opening the guess with a capital) that is a common or
    vocabulary word: "my", "van", "old"."""
    low = token.lower()
    return (token.islower() or first and token[:1].isupper() and token[1:].islower()) \
        and (low in common_words() or low in vocabulary())


# a maker's or app's name, then a model ("G6", "670G") and a device's noun: "Dexcom G6 transmitter"
_MODEL_THEN_DEVICE = re.compile(r"^(?P<model>[ \t]+(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9\-]{1,8})?[ \t]+(?:(?:"
                                + "|".join(sorted(DEVICE_NOUNS, key=len, reverse=True))
                                + r")s?\b|(?P<acronym>(?-i:[A-Z][A-Z0-9]{1,5})\b))", re.IGNORECASE)
# what a guess may take in after the maker's name: the device's noun or the label ("Apple Watch Bluetooth")
_DEVICE_OR_LABEL = frozenset(n.lower() for n in DEVICE_NOUNS if " " not in n) | {"bluetooth", "wifi"}
# a product's name by its shape: a capital inside ("AirPods", "iPhone")
_PRODUCT = re.compile(r"^(?:[a-z]+[A-Z]|[A-Z][a-z]+[A-Z])[A-Za-z]*$")
# an app's name before a handle: "His Strava handle is r4mona_qu1ll"
_HANDLE_AFTER = re.compile(r"^[ \t]+(?:handle|username|user[ \t]?name|gamertag|tag|profile|account)(?:[ \t]+(?:is|was))?"
                           r"[ \t]*[:=]?[ \t]*(?:@[\w.\-]+|\[HANDLE\]|(?=[\w.\-]*[\d_.])[A-Za-z0-9][\w.\-]{2,})", re.IGNORECASE)
_A_MODEL = re.compile(r"^(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9\-]{1,8}$")


# a Dutch postcode, or its tag, after a care organisation's acronym ("the GGZ 2613 BX Delft")
_POSTCODE_NEXT = re.compile(r"^[ \t]*[:,]?[ \t]*(?:(?:in|at|te)[ \t]+)?(?:[1-9]\d{3}[ \t]?[A-Z]{2}\b|\[POSTCODE\])")


def _values_after(after: str) -> bool:
    """Whether an identifier's value, or the tag that replaced one, comes next: labelled
    ("number is 55-0912-KT") or not ("8G2P4K", "[DEVICE]"), or a Dutch postcode."""
    if _POSTCODE_NEXT.match(after):
        return True
    m = _THEN_VALUE.match(after)
    if m is None:
        return False
    shown = m.group(0)
    value = shown[shown.rfind(" ") + 1:] if not shown.endswith("]") else "[]"
    digits = sum(c.isdigit() for c in value)  # "NASA 2019" is no label; "FBI 2291-X7" is
    return value == "[]" or digits >= 3 and (digits >= 5 or not value.isdigit())


# device nouns that also name a part of a place ("the Lakeside unit", "the Harbor port")
_PLACE_NOUNS = frozenset(("unit", "port", "walker"))
_DETERMINER = re.compile(r"(?i:\b(?:the|my|a|an|his|her|our|their|your|new|old|this|that)[ \t]+)$")


def _maker_of_device(text: str, tokens: list[str], start: int, end: int) -> bool:
    """A maker's name before a device's noun: with its identifier after ("Dexcom G6
    transmitter 8G2P4K", "the Omnipod pod id is 4471-KX"), a model between ("Dexcom G6
    transmitter"), or a determiner before it ("the Medtronic pump", "my Dexcom sensor"; not
    "gave Hollis pump supplies", nor a name of the name lists written as one): it names a
    product, no person nor a place a person is known by."""
    if not 1 <= len(tokens) <= 2 or not tokens[0][:1].isupper() or len(tokens) == 2 and not _A_MODEL.match(tokens[1]):
        return False
    m = _MODEL_THEN_DEVICE.match(text[end:end + 40])
    if m is None:
        return False
    if _values_after(text[end + m.end():end + m.end() + 60]):
        return True
    if m.group("acronym"):
        return False  # "Omnipod 5 PDM serial is ...": only with the value after
    if len(tokens) == 2 or m.group("model"):
        return True
    if m.group(0).split()[-1].lower().rstrip("s") in _PLACE_NOUNS:
        return False  # "the Mercy unit" is a ward
    info = name_info(tokens[0])
    return _DETERMINER.search(text[max(0, start - 12):start]) is not None and (info is None or info.usage == "w")


def _product_or_app(text: str, start: int, end: int) -> bool:
    """A maker's, product's or app's name before what it labels: a maker (``_maker_of_device``),
    with the device's noun or the label taken into the guess ("Apple Watch Bluetooth address is
    ..."), a product's shape before its serial ("AirPods serial ..."), an app's name that is no
    person's before a handle ("his Strava handle is ...")."""
    spans = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\s.,;:!?\"()]+", text[start:end])]
    tokens = [text[a:b] for a, b in spans]
    if not tokens:
        return False
    if _maker_of_device(text, tokens, start, spans[-1][1]):
        return True
    k = next((i for i, t in enumerate(tokens) if i and (t.lower() in _DEVICE_OR_LABEL or t.lower() in IDENTIFIER_LABELS)), None)
    if k is not None and _maker_of_device(text, tokens[:k], start, spans[k - 1][1]):
        return True
    if len(tokens) != 1:
        return False
    if _PRODUCT.match(tokens[0]) and _values_after(text[end:end + 60]):
        return True
    info = name_info(tokens[0])
    return _HANDLE_AFTER.match(text[end:end + 60]) is not None and (
        info is None or info.usage == "w" or _DETERMINER.search(text[max(0, start - 12):start]) is not None)


def is_identifier_label(text: str, start: int, end: int) -> bool:
    """Whether a guess is the label of an identifier or a device, not a name: an acronym
    in capitals (or lower case) of those that name an identifier or a medical device or
    test ("VIN", "MAC", "IMEI", "CGM", "CPAP": ``wordlists``), or any acronym in capitals
    right before a value with three digits or more, or the tag that replaced one ("XR7
    number is 55-0912-KT" or "XR7 [DEVICE]"), or before a device's noun ("the G7
    sensor"); ordinary words in lower case before it go with it ("my van VIN")."""
    value = text[start:end].strip(_PUNCTUATION)
    tokens = value.split()
    if _product_or_app(text, start, end):
        return True
    # ordinary words before it in lower case go with it ("My van VIN", "the old CGM")
    first = True
    while len(tokens) > 1 and _ordinary_lower(tokens[0], first):
        value, tokens, first = value[len(tokens[0]):].lstrip(), tokens[1:], False
    if not tokens or value.istitle() and len(value) > 1 and not value.isupper():
        return False
    if all(t.lower() in IDENTIFIER_LABELS or t.lower() in DEVICE_ACRONYMS for t in tokens):
        return True
    if len(tokens) != 1 or not _ACRONYM.match(value):
        return False
    if _DEVICE_AFTER.match(text[end:end + 40]):
        return True  # a device's model before its noun: "the G7 sensor", "my T2 pump"
    return _values_after(text[end:end + 60])
