"""Contact cards (vCard, RFC 6350) pasted into a text: each property says what
its value is, so the value is found by its label whatever it looks like
("NICKNAME:Bee", "N:Oyelowo;Tamsin;;;", "ADR:;;18 Quarry Rd;Xenia;OH;45385;USA").

A card is a run of property lines ("FN:...", "TEL;TYPE=cell:...") that opens with
BEGIN:VCARD or holds a formatted name (FN) or a structured one (N with its
semicolons). Each component of a structured value is its own finding; a state
and a country are left to the rules (they are no identifiers alone), as are
free-text properties (NOTE, TITLE, ROLE), which detection reads like any text.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult

# What each property holds; for ADR, by component: post box, extended, street,
# locality, region, postal code, country (None: not an identifier alone).
_WHOLE = {
    "FN": "PERSON", "NICKNAME": "PERSON", "SORT-STRING": "PERSON", "TEL": "PHONE_NUMBER", "EMAIL": "EMAIL_ADDRESS",
    "BDAY": "BIRTH_DATE", "ANNIVERSARY": "DATE_TIME", "ORG": "ORGANIZATION", "URL": "URL", "PHOTO": "URL",
    "SOURCE": "URL", "IMPP": "SOCIAL_HANDLE", "GEO": "LOCATION", "X-SOCIALPROFILE": "SOCIAL_HANDLE",
}
_PARTS = {
    "N": ("PERSON", "PERSON", "PERSON", None, None),  # family; given; additional; prefixes; suffixes
    "ADR": ("LOCATION", "LOCATION", "LOCATION", "LOCATION", None, "ZIP_CODE", None),
    "LABEL": ("LOCATION",) * 7,
}
_OTHER = ("BEGIN", "END", "VERSION", "PRODID", "REV", "UID", "KIND", "NOTE", "TITLE", "ROLE", "LANG", "TZ",
          "CATEGORIES", "GENDER", "CLASS", "KEY", "LOGO", "SOUND", "XML", "MEMBER", "RELATED")
_LINE = re.compile(
    r"^(?:item\d+\.)?(?P<prop>" + "|".join(sorted(map(re.escape, list(_WHOLE) + list(_PARTS) + list(_OTHER)),
                                                  key=len, reverse=True))
    + r")(?:;[^:\n]*)?:(?P<value>[^\n]*)$", re.MULTILINE)  # property names as cards write them: upper case
_SEMICOLON = re.compile(r"(?<!\\);")  # components part at unescaped semicolons


class VCardRecognizer(LocalRecognizer):
    """The values of a contact card's properties, typed by their property."""

    def __init__(self, supported_language: str = "en"):
        entities = sorted({e for e in _WHOLE.values()} | {e for p in _PARTS.values() for e in p if e})
        super().__init__(supported_entities=entities, name="VCardRecognizer", supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if ":" not in text:
            return []
        results = []
        for card in _cards(text):
            for m in card:
                results += self._values(m)
        return results

    def _values(self, m) -> list[RecognizerResult]:
        prop, start, value = m.group("prop").upper(), m.start("value"), m.group("value")
        spans = []
        if prop in _WHOLE:
            spans.append((_WHOLE[prop], 0, len(value)))
        elif prop in _PARTS:
            at = 0
            for k, part in enumerate(_SEMICOLON.split(value)):
                types = _PARTS[prop]
                if k < len(types) and types[k]:
                    spans.append((types[k], at, at + len(part)))
                at += len(part) + 1
        out = []
        for entity, a, b in spans:
            piece = value[a:b]
            lead, trail = len(piece) - len(piece.lstrip(" \t,")), len(piece) - len(piece.rstrip(" \t,\r"))
            if b - trail > a + lead:
                out.append(RecognizerResult(entity, start + a + lead, start + b - trail, 0.85, recognition_metadata={
                    "recognizer_name": self.name, "recognizer_identifier": self.id}))
        return out


def _cards(text: str) -> list[list]:
    """Runs of property lines that are a card (see the module's docstring)."""
    cards, run, end = [], [], -1
    for m in _LINE.finditer(text):
        if run and text.count("\n", end, m.start()) > 1:
            cards.append(run)
            run = []
        run.append(m)
        end = m.end()
        if m.group("prop").upper() == "END":
            cards.append(run)
            run = []
    if run:
        cards.append(run)
    return [r for r in cards if any(_opens(m) for m in r)]


def _opens(m) -> bool:
    prop, value = m.group("prop").upper(), m.group("value")
    return (prop == "BEGIN" and value.strip().upper() == "VCARD") or prop == "FN" or (prop == "N" and value.count(";") >= 2)
