"""Contact cards (vCard) in text: each property's value by its label
(``recognizers.cards``). Invented people and places."""

from __future__ import annotations

import pytest

from deid.detect.recognizers.cards import VCardRecognizer


def found(text):
    return sorted((r.entity_type, text[r.start:r.end]) for r in VCardRecognizer().analyze(text, None))


@pytest.mark.parametrize("text, expected", [
    ("BEGIN:VCARD\nVERSION:4.0\nFN:Sunniva Brackwell\nEND:VCARD\n", [("PERSON", "Sunniva Brackwell")]),
    ("FN:Sunniva Brackwell\nN:Brackwell;Sunniva;Mae;;\nNICKNAME:Sunny\n",
     [("PERSON", "Brackwell"), ("PERSON", "Mae"), ("PERSON", "Sunniva"), ("PERSON", "Sunniva Brackwell"),
      ("PERSON", "Sunny")]),
    ("BEGIN:VCARD\nitem1.TEL;TYPE=cell:+1 614 555 0133\nEMAIL;TYPE=home:s.brackwell@example.net\nEND:VCARD",
     [("EMAIL_ADDRESS", "s.brackwell@example.net"), ("PHONE_NUMBER", "+1 614 555 0133")]),
    ("BEGIN:VCARD\nADR;TYPE=home:;;7 Tannery Row;Waynesville;OH;45068;USA\nEND:VCARD",
     [("LOCATION", "7 Tannery Row"), ("LOCATION", "Waynesville"), ("ZIP_CODE", "45068")]),
    ("BEGIN:VCARD\nBDAY:19660819\nORG:Tannery Row Recovery\nNOTE:met at group\nEND:VCARD",
     [("BIRTH_DATE", "19660819"), ("ORGANIZATION", "Tannery Row Recovery")]),
    # prose with colons is no card: no FN, no structured N, no BEGIN:VCARD
    ("N: is the letter we used. TEL: ask at the desk\nTitle: My year\n", []),
    ("Fn: lower-case labels are prose\nNICKNAME:Sunny\n", []),
    # a card ends at END:VCARD; what follows is text again
    ("BEGIN:VCARD\nFN:Lucan Mayhew\nEND:VCARD\nN: next line is prose\n", [("PERSON", "Lucan Mayhew")]),
])
def test_card_properties_by_label(text, expected):
    assert found(text) == expected
