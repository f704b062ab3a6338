"""Identifiers by their own shape or check digit (``recognizers.identifiers``), and the
label words beside them, which stay (``label_words.is_identifier_label``). Invented values throughout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deid.detect.evidence import keep_reason
from deid.detect.label_words import is_identifier_label
from deid.detect.recognizers import (
    bare_imei,
    bare_mbi,
    bare_vin,
    device_serial,
    inmate_number,
    mac_address,
    member_id,
    payment_handle,
    ssn_last_four,
    zip_code,
)
from deid.detect.recognizers.identifiers import vin_check_digit_ok

from tests.detect.test_detector import removed


def found(make, text):
    rec = make()
    return [text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities) if r.score >= 0.3]


@pytest.mark.parametrize("make, text, expected", [
    # MAC addresses: six bytes, one separator
    (mac_address, "the router said 9e:41:0b:c7:22:d5 was blocked", ["9e:41:0b:c7:22:d5"]),
    (mac_address, "adapter 00-1B-44-11-3A-B7 kept dropping", ["00-1B-44-11-3A-B7"]),
    (mac_address, "Cisco shows a4c1.38f2.9e07 on port 3", ["a4c1.38f2.9e07"]),
    (mac_address, "the time was 10:30:15 and BP 120/80", []),
    (mac_address, "ratio 12:34:56:78 in the lab sheet", []),
    # VINs without a label: the check digit decides
    (bare_vin, "the tow yard had 2T3WFREV0KW504127 on file", ["2T3WFREV0KW504127"]),
    (bare_vin, "plate check came back 1GCHK23U54F218879.", ["1GCHK23U54F218879"]),
    (bare_vin, "a code 5YJ3E1EA0MF873615 with a wrong check digit", []),
    (bare_vin, "ABCDEFGHJKLMNPRST is letters only", []),
    # Medicare beneficiary identifiers by CMS's format
    (bare_mbi, "her card says 4QW7HN2TX58 under the name", ["4QW7HN2TX58"]),
    (bare_mbi, "written 7AD3-KP9-RC41 on the form", ["7AD3-KP9-RC41"]),
    (bare_mbi, "0QW7HN2TX58 starts with a zero", []),
    (bare_mbi, "4SW7HN2TX58 has an S", []),
    # IMEIs by the Luhn check
    (bare_imei, "my phone's 490154203237518 is blocked", ["490154203237518"]),
    (bare_imei, "written 35-209900-176148-1 on the box", ["35-209900-176148-1"]),
    (bare_imei, "a number 490154203237517 that fails", []),
    (bare_imei, "the card 378282246310005 is an Amex", []),
    (bare_imei, "my card 213100000000001 is a JCB", []),
    # a device's serial after its noun, without the word "serial"
    (device_serial, "my insulin pump NQ7731042K alarmed", ["NQ7731042K"]),
    (device_serial, "the transmitter id is 4TR88Z201 now", ["4TR88Z201"]),
    (device_serial, "laptop: PF2K-30917-XA went missing", ["PF2K-30917-XA"]),
    (device_serial, "I switched to the 780G pump last May", []),
    (device_serial, "the meter read 145 mg/dl this morning", []),
    (device_serial, "my phone died at 2 am", []),
    # inmate, booking and register numbers
    (inmate_number, "his inmate number is 40217-112 now", ["40217-112"]),
    (inmate_number, "booking # 2291883 at intake", ["2291883"]),
    (inmate_number, "DOC no. K73341 on the letter", ["K73341"]),
    (inmate_number, "she was an inmate for years", []),
    # the last four of an SSN
    (ssn_last_four, "the last four of my social are 3318", ["3318"]),
    (ssn_last_four, "last 4 digits of his SSN: 9024", ["9024"]),
    (ssn_last_four, "my social ending in 6125 was on it", ["6125"]),
    (ssn_last_four, "the last four of my social are five two oh eight", ["five two oh eight"]),
    (ssn_last_four, "shown as xxx-xx-7340 on the bill", ["7340"]),
    (ssn_last_four, "the last four years of my social life", []),
    # payment-app handles
    (payment_handle, "send it to $MarisolP88 on Cash App", ["$MarisolP88"]),
    (payment_handle, "venmo me at gus-oyelaran-4", ["gus-oyelaran-4"]),
    (payment_handle, "or paypal.me/rhettwilloby thanks", ["paypal.me/rhettwilloby"]),
    (payment_handle, "it cost $40 a day, $1,200 a month", []),
    (payment_handle, "I paid with venmo at the store", []),
    (payment_handle, "priced in $US and $CAD", []),
    (payment_handle, "export $DEID_KEY and echo $HOME", []),
])
def test_identifier_recognizers(make, text, expected):
    assert found(make, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("member id is qzt5520194 on the back", ["qzt5520194"]),
    ("Member ID: HPW88213407", ["HPW88213407"]),
    ("my plan covers it", []),
    ("the group meets at 7", []),
    # a number joined to words is a modifier, no id: an age, a span of days, a program
    ("the eldest of our group is 94-year-old Ottilie", []),
    ("my plan was a 10-day taper and the group is 12-step based", []),
    # a year right after the label is none; after a cue it is one
    ("policy 2022 changes hit us hard; the plan 2024 covers bupe", []),
    ("member #2022 on the card", ["2022"]),
])
def test_member_id_in_any_case(text, expected):
    assert found(member_id, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Toledo, OH 43604", ["43604"]),
    ("he was 12345 steps in", []),       # two small letters before five digits are no state
    ("it is 90210 miles", []),
])
def test_a_zip_code_follows_a_state_in_capitals(text, expected):
    assert found(zip_code, text) == expected


@pytest.mark.parametrize("vin, ok", [
    ("2T3WFREV0KW504127", True), ("5YJ3E1EA9MF873615", True), ("5YJ3E1EA0MF873615", False),
    ("2T3WFREV0KW50412", False), ("2T3WFREVOKW504127", False),
])
def test_vin_check_digit(vin, ok):
    assert vin_check_digit_ok(vin) is ok


@pytest.mark.parametrize("text, word, label", [
    ("My van VIN is 2T3WFREV0KW504127.", "VIN", True),
    ("The CGM sensor 4TR88Z201 fell off.", "CGM", True),
    ("my tablet MAC: 9e:41:0b:c7:22:d5", "MAC", True),
    ("The IMEI number is 490154203237518", "IMEI", True),
    ("Her CPAP hums all night", "CPAP", True),
    ("the ZQ9 number is 44-0917-TR", "ZQ9", True),     # any acronym right before a value
    ("the K9X sensor came off", "K9X", True),            # a device's model before its noun
    ("NASA 2019 was a good year", "NASA", False),        # a year is no identifier's value
    ("Mac drove me home", "Mac", False),                 # a name written as one
    ("My old VIN reader broke", "My old VIN", True),     # ordinary words before the label go with it
    ("Ask Ivor VIN about it", "Ivor VIN", False),
    ("I talked to Vin yesterday", "Vin", False),
])
def test_labels_of_identifiers(text, word, label):
    start = text.index(word)
    assert is_identifier_label(text, start, start + len(word)) is label
    reason = keep_reason("ORGANIZATION", text, start, start + len(word), "model")
    assert (reason == "label") is label


@pytest.mark.parametrize("text, gone, kept", [
    ("My van VIN is 1GCHK23U54F218879 and it rattles.", ["1GCHK23U54F218879"], ["My van VIN is"]),
    ("Our BiPAP unit 4TR88Z201 beeped all night.", ["4TR88Z201"], ["Our BiPAP unit"]),
    ("My tablet MAC is 9e:41:0b:c7:22:d5 at home.", ["9e:41:0b:c7:22:d5"], ["My tablet MAC is"]),
    ("Her Medicare number 4QW7HN2TX58 expired.", ["4QW7HN2TX58"], ["Medicare number"]),
    ("My member id is qzt5520194 now.", ["qzt5520194"], ["member id"]),
    ("His inmate number is 40217-112 at Lompoc.", ["40217-112"], ["inmate number"]),
    ("The last four of my social are 3318.", ["3318"], ["last four of my social"]),
    ("Pay me on Cash App $MarisolP88 please.", ["$MarisolP88", "MarisolP88"], ["Cash App"]),
    ("Chip in on Venmo @ruth-adeyemi-22 if you can.", ["ruth-adeyemi-22"], ["Chip in on Venmo"]),
])
def test_identifiers_go_and_labels_stay(processor, text, gone, kept):
    out = removed(processor, text)
    for value in gone:
        assert value not in out, f"{value!r} survived"
    for words in kept:
        assert words in out, f"{words!r} was damaged: {out!r}"


@pytest.mark.parametrize("text", [
    "I took 50 mg of sertraline at 10:30 in 2019 and 150 mg by 2021.",
    "My A1C went from 8.4 to 6.9 and BP is 128/82 on lisinopril 10 mg.",
    "ICD-10 code F41.1, CPT 90837, and it cost $40 a copay.",
    "The G7 sensor and the 780G pump both beep at 3 am.",
    "I walked 10000 steps and took 1000 IU of vitamin D3.",
])
def test_medical_and_ordinary_text_survives(processor, text):
    assert removed(processor, text) == text


_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def _with_check_digit(body: str) -> str:
    from deid.detect.recognizers.identifiers import _VIN_VALUE, _VIN_WEIGHT

    total = sum(_VIN_VALUE[c] * w for c, w in zip(body, _VIN_WEIGHT)) % 11
    return body[:8] + ("X" if total == 10 else str(total)) + body[9:]


@given(st.text(alphabet=_VIN_CHARS, min_size=17, max_size=17), st.integers(0, 16), st.sampled_from(_VIN_CHARS))
def test_a_vin_with_one_character_changed_fails_its_check(body, at, other):
    from deid.detect.recognizers.identifiers import _VIN_VALUE

    vin = _with_check_digit(body)
    assert vin_check_digit_ok(vin)
    changed = vin[:at] + other + vin[at + 1:]
    if at != 8 and _VIN_VALUE[other] != _VIN_VALUE[vin[at]]:
        assert not vin_check_digit_ok(changed)


_MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"
_MBI_SHAPE = ("123456789", _MBI_LETTERS, _MBI_LETTERS + "0123456789", "0123456789", _MBI_LETTERS,
              _MBI_LETTERS + "0123456789", "0123456789", _MBI_LETTERS, _MBI_LETTERS, "0123456789", "0123456789")


@given(st.tuples(*(st.sampled_from(chars) for chars in _MBI_SHAPE)), st.booleans())
def test_every_mbi_of_cms_format_is_found(chars, dashed):
    mbi = "".join(chars)
    if dashed:
        mbi = f"{mbi[:4]}-{mbi[4:7]}-{mbi[7:]}"
    assert found(bare_mbi, f"the card reads {mbi} on the front") == [mbi]
