"""Recognizers for identifiers known by their own shape or a check digit, with or without
a label: MAC addresses, IMEIs (Luhn), vehicle identification numbers (VIN, check digit), Medicare
beneficiary identifiers (MBI, CMS's format), a device's serial after the device's noun,
inmate and booking numbers, the last four digits of a social security number, and
payment-app handles (Cash App ``$cashtag``, a Venmo, PayPal or Zelle name)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import PatternRecognizer

from deid.core.wordlists import DEVICE_NOUNS
from deid.detect.recognizers.base import Pattern, ValuePatternRecognizer

_HEX = r"[0-9A-Fa-f]{2}"


# what names a MAC or Bluetooth address before it: "MAC", "wifi mac address", "BT addr", "bluetooth id"
_MAC_LABEL = (r"(?i:\b(?:mac|bluetooth|bt|wi-?fi|ethernet|hardware)(?:[ \t]+(?:mac|address|addr|id))*"
              r"(?:[ \t]+(?:is|was))?[ \t]*[:=#]?[ \t]*)")


def mac_address() -> PatternRecognizer:
    """``3C:22:FB:91:0A:7E``, ``3c-22-fb-91-0a-7e``, Cisco's ``3c22.fb91.0a7e`` and
    ``3c.22.fb.91.0a.7e`` (a hex letter in it: dotted numbers are scores or dates): six bytes,
    one separator throughout; twelve hex digits with no separator only after a MAC,
    Bluetooth or wifi label (``BT addr 3C22FB910A7E``), with a digit and a letter in them."""
    return ValuePatternRecognizer(
        value=r"(?P<v>[0-9A-Fa-f](?:[0-9A-Fa-f:.\-]|[ ](?=[0-9A-Fa-f]{2}\b))+)",
        supported_entity="MAC_ADDRESS",
        name="MacAddressRecognizer",
        patterns=[
            Pattern("colons", rf"(?<![\w:-]){_HEX}(?::{_HEX}){{5}}(?![\w:-])", 0.7),
            Pattern("dashes", rf"(?<![\w:-]){_HEX}(?:-{_HEX}){{5}}(?![\w:-])", 0.7),
            Pattern("dots", r"(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])", 0.6),
            Pattern("dotted-pairs", rf"(?<![\w.])(?=[0-9.]*[A-Fa-f]){_HEX}(?:\.{_HEX}){{5}}(?![\w.]|\.\w)", 0.6),
            Pattern("labelled", rf"{_MAC_LABEL}(?=[0-9A-Fa-f]{{0,11}}[A-Fa-f])(?=[0-9A-Fa-f]{{0,11}}\d)[0-9A-Fa-f]{{12}}\b",
                    0.7),
            # pairs with spaces between, after the label: "mac addr 3c 22 fb 91 0a 7e"
            Pattern("labelled-spaced", rf"{_MAC_LABEL}(?=[0-9A-Fa-f ]{{0,16}}[A-Fa-f]){_HEX}(?:[ ]{_HEX}){{5}}(?![\w:-])", 0.7),
        ],
    )


# ISO 3779 / 49 CFR 565: letters' values, and the weight of each of the 17 positions.
_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10)))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit_ok(vin: str) -> bool:
    """Whether the ninth character of a 17-character VIN is its check digit (North
    American VINs carry one; "X" stands for 10)."""
    vin = vin.upper()
    if len(vin) != 17 or any(c not in _VIN_VALUE for c in vin):
        return False
    total = sum(_VIN_VALUE[c] * w for c, w in zip(vin, _VIN_WEIGHT)) % 11
    return vin[8] == ("X" if total == 10 else str(total))


class _Checked(PatternRecognizer):
    """A pattern recognizer whose matches must pass ``check``."""

    def __init__(self, check, **kwargs):
        super().__init__(**kwargs)
        self.check = check

    def validate_result(self, pattern_text: str):
        return self.check(pattern_text)


def bare_vin() -> PatternRecognizer:
    """A VIN without its label: 17 letters and digits (no I, O or Q) whose check digit is
    right, with digits and letters both (no word or number is that)."""
    return _Checked(
        vin_check_digit_ok,
        supported_entity="VEHICLE_ID",
        name="BareVinRecognizer",
        patterns=[Pattern("vin", r"(?-i:\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\b)",
                          0.75)],
    )


# CMS's Medicare Beneficiary Identifier: 11 characters, no S, L, O, I, B or Z; position
# 1 a digit 1-9, 2/5/8/9 letters, 4/7/10/11 digits, 3 and 6 either; written with or
# without dashes after the 4th and 7th.
_MBI_L = "[AC-HJKMNP-RT-Y]"
_MBI_A = "[AC-HJKMNP-RT-Y0-9]"
MBI = rf"[1-9]{_MBI_L}{_MBI_A}\d-?{_MBI_L}{_MBI_A}\d-?{_MBI_L}{_MBI_L}\d\d"


def bare_mbi() -> PatternRecognizer:
    """A Medicare number without its label, by CMS's format (``MBI``)."""
    return PatternRecognizer(
        supported_entity="US_MBI",
        name="BareMbiRecognizer",
        patterns=[Pattern("mbi", rf"(?-i:(?<![\w-]){MBI}(?![\w-]))", 0.75)],
    )


def luhn_ok(digits: str) -> bool:
    """The Luhn check (IMEIs, card numbers): every second digit from the right doubled."""
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _imei_ok(value: str) -> bool:
    digits = "".join(c for c in value if c.isdigit())
    # 15-digit cards: American Express (34, 37), JCB (2131, 1800)
    return len(digits) == 15 and not digits.startswith(("34", "37", "2131", "1800")) and luhn_ok(digits)


def bare_imei() -> PatternRecognizer:
    """A phone's IMEI without its label: 15 digits, bare or grouped 2-6-6-1, that pass the
    Luhn check (an American Express card, 34 or 37 first, or a JCB card of 15 digits, 2131
    or 1800 first, is a card)."""
    return _Checked(
        _imei_ok,
        supported_entity="DEVICE_ID",
        name="BareImeiRecognizer",
        patterns=[Pattern("imei", r"(?<![\d-])\d{2}[ -]?\d{6}[ -]?\d{6}[ -]?\d(?![\d-])", 0.6)],
    )


# letters and digits (dashes between), with three digits or more and a letter
_SERIAL = r"(?-i:(?=(?:[A-Z\-]*\d){3})(?=[0-9\-]*[A-Z])[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){5,24})"
_NOT_AMOUNT = r"(?![ \t]*(?i:mg|mcg|ml|units?|%|mmhg|mg/dl|mmol))"


def device_serial() -> PatternRecognizer:
    """A device's serial or id right after the device's noun, with no word "serial":
    ``the Libre reader 8GT40X91``, ``my pump's id: NG4471203H``. The value has
    letters and three digits or more (a model, "670G", "G7", has fewer)."""
    nouns = "|".join(DEVICE_NOUNS)
    label = r"(?:(?:['\u2019]s)?[ \t]+(?i:number|no\.?|num|id|code|is|was|reads|says)\b)*[ \t]*[:#]?[ \t]*"
    return ValuePatternRecognizer(
        value=rf"(?P<v>{_SERIAL})",
        supported_entity="DEVICE_ID",
        name="DeviceSerialRecognizer",
        patterns=[Pattern("after-noun", rf"(?i:\b(?:{nouns})s?){label}{_SERIAL}\b{_NOT_AMOUNT}", 0.7)],
    )


_ANY_ID = r"(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-]{3,19}"


def inmate_number() -> PatternRecognizer:
    """A number a prison, jail or immigration authority gives a person: ``inmate number
    40217-112``, ``booking # 2291883``, ``DOC no. K73341``, ``alien number 204 113 998``."""
    labels = (r"inmate|booking|prisoner|offender|detainee|register|registration|reg\.?|federal[ \t]+reg(?:ister)?|jail|"
              r"custody|DOC|BOP|CDCR|TDCJ|alien|USCIS|A-?file")
    return ValuePatternRecognizer(
        value=r"(?P<v>(?=[A-Za-z0-9\- ]*\d)[A-Za-z0-9](?:[A-Za-z0-9\-]|[ ](?=\d{3}\b)){3,19})",
        supported_entity="INMATE_NUMBER",
        name="InmateNumberRecognizer",
        patterns=[Pattern("labelled", rf"(?i:\b(?:{labels})[ \t-]*(?:number|num|no\.?|#|id)[ \t]*[:#]?[ \t]*"
                                      r"(?:(?:is|was)[ \t]+)?)(?=[A-Za-z0-9\- ]*\d)[A-Za-z0-9]"
                                      r"(?:[A-Za-z0-9\-]|[ ](?=\d{3}\b)){3,19}\b", 0.75),
                  # a few words after the label ("my federal reg number by heart, 31984-074"): the
                  # Bureau of Prisons' register number has its own shape, five digits and three
                  Pattern("register-shape", rf"(?i:\b(?:{labels})[ \t-]*(?:number|num|no\.?|#|id)\b)[^\n.;]{{0,40}}?"
                                            r"(?<![\w-])\d{5}-\d{3}(?![\w-])", 0.7)],
    )


_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_FOUR = rf"(?:\d{{4}}|{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{3}})"
_SOCIAL = r"(?:ssn|ss\#|social(?:[ \t]+security)?(?:[ \t]+(?:number|no\.?|\#|card))?)"
# four digits said one by one ("8 8 1 6", "8, 8, 1, 6") or in words, or written whole
_FOUR_SAID = rf"(?:\d{{4}}|\d(?:(?:[ \t]*[,\-][ \t]*|[ \t]+)\d){{3}}|{_DIGIT_WORD}(?:[ \t,-]+{_DIGIT_WORD}){{3}})"
# "social" as the number, not "social worker" or "social security office"
_SOCIAL_ALONE = (r"(?:ssn|ss\#|social(?![ \t]+(?:workers?|work|media|life|services?|skills|anxiety|distancing|club|"
                 r"circle|events?|studies|justice|networks?|drinker|drinking|security[ \t]+(?:office|checks?|benefits?|"
                 r"disability|income|administration|payments?)))(?:[ \t]+security)?(?:[ \t]+(?:number|no\.?|\#|card))?)")
_LAST_FOUR_WORDS = r"(?:last|final)[ \t]+(?:four|4)"
_LAST_FOUR = rf"{_LAST_FOUR_WORDS}(?:[ \t]+(?:digits|numbers|nums))?"
# a few words between what is asked and the answer ("? Um,", ", so I wrote"), in the same sentence
_GAP = r"[^\n.]{0,40}?(?<![\w])(?<!\b(?:in|since|by|from|until|til|of)[ \t]+)"


def ssn_last_four() -> PatternRecognizer:
    """The last four digits of a social security number, said as such: ``the last four
    of my social are 2208``, ``SSN ending in 6613``, ``xxx-xx-4107``, and said again in
    digits after the words (``... nine one four four, that's 9144``)."""
    rec = ValuePatternRecognizer(
        value=rf"(?P<v>(?i:{_FOUR_SAID}))",
        supported_entity="US_SSN",
        name="SsnLastFourRecognizer",
        patterns=[
            Pattern("last-four", rf"(?i:\b{_LAST_FOUR}[ \t]+(?:of|on|from)[ \t]+"
                                 rf"(?:(?:my|his|her|their|your|the)[ \t]+)?{_SOCIAL}[ \t]*(?:(?:is|are|was|were)[ \t]+)?"
                                 rf"[:=-]?[ \t]*{_FOUR})\b", 0.75),
            Pattern("ending-in", rf"(?i:\b{_SOCIAL}[ \t]+(?:ending|ends|that[ \t]+ends)[ \t]+(?:in|with)[ \t]+{_FOUR})\b", 0.75),
            Pattern("masked", r"(?i:(?<![\w-])(?:x{3}|\*{3})-?(?:x{2}|\*{2})-?\d{4})\b", 0.75),
            # said, with words before the answer: "the last four of my social? Um, six two zero nine",
            # "my social, only the last four, so I wrote 4471"
            Pattern("last-four-said", rf"(?i:\b{_LAST_FOUR}[ \t]+(?:of|on|from)[ \t]+(?:(?:my|his|her|their|your|the)[ \t]+)?"
                                      rf"{_SOCIAL_ALONE}{_GAP}{_FOUR_SAID})\b{_NOT_AMOUNT}", 0.7),
            Pattern("social-then-last-four", rf"(?i:\b{_SOCIAL_ALONE}\b[^\n.]{{0,40}}?\b{_LAST_FOUR}"
                                             rf"(?=[ \t]*(?:[,:;?!)\-\u2014]|of\b|on\b|are\b|r\b|is\b|were\b|was\b|$)){_GAP}"
                                             rf"{_FOUR_SAID})\b{_NOT_AMOUNT}", 0.7),
            # said again in digits: "... are seven seven one two, that's 7712"
            Pattern("restated", rf"(?i:\b{_LAST_FOUR}[ \t]+(?:of|on|from)[ \t]+(?:(?:my|his|her|their|your|the)[ \t]+)?"
                                rf"{_SOCIAL_ALONE}[^\n.]{{0,60}}?,?[ \t]*(?:that['\u2019]?s|that[ \t]+is|i[ \t]+mean|or)[ \t]+\d{{4}})\b"
                                rf"{_NOT_AMOUNT}", 0.7),
            # a form's label: "Last 4 SSN (optional): 5061", "SSN last four: 2208", "last 4 of SS#: 7731"
            Pattern("field", rf"(?i:\b(?:(?:last|final)[ \t]+(?:four|4)[ \t]+(?:(?:of|on)[ \t]+)?{_SOCIAL}|{_SOCIAL}[ \t]*\(?last[ \t]+(?:four|4)\)?)"
                             rf"(?:[ \t]*\([^)\n]{{0,20}}\))?[ \t]*[:=#-]+[ \t]*{_FOUR})\b", 0.75),
        ],
    )
    # for the prefilter: each pattern but two says "last four" (``_LAST_FOUR``), which Hyperscan
    # finds at once; the whole expressions cost it about a second to compile
    rec.triggers = {name: rf"(?i:{_LAST_FOUR_WORDS})" for name in ("last-four", "last-four-said", "social-then-last-four",
                                                                   "restated", "field")}
    return rec


_HANDLE = r"[A-Za-z0-9](?:[A-Za-z0-9_\-]|\.(?=[A-Za-z0-9])){2,29}"


def payment_handle() -> PatternRecognizer:
    """A payment app's name for a person: a Cash App ``$cashtag`` (a dollar sign before a
    letter: a sum has a digit), and a name given after Venmo, PayPal, Zelle or Cash App
    (``venmo me at nora-quill-88``, ``paypal.me/noraquill``). The app's name stays."""
    app = r"(?:venmo|paypal|zelle|cash[ \t]?app|cashapp)"
    link = r"(?:[ \t]+(?i:me|handle|username|user[ \t]?name|name|tag|is|was|at|to|on|it|:))*[ \t]*:?[ \t]*@?"
    return ValuePatternRecognizer(
        value=rf"(?P<v>(?:\$|@|paypal\.me/)?{_HANDLE})",
        supported_entity="SOCIAL_HANDLE",
        name="PaymentHandleRecognizer",
        patterns=[
            # a small letter in it: "$DEID_KEY", "$HOME", "$USD" are a variable and a currency
            Pattern("cashtag", r"(?<![\w$])\$(?=[A-Za-z0-9_]*(?-i:[a-z]))[A-Za-z][A-Za-z0-9_]{1,19}(?:-[A-Za-z0-9_]{1,19})*\b", 0.6),
            Pattern("paypal-me", rf"(?i:\bpaypal\.me/){_HANDLE}\b", 0.8),
            # a handle after the app's name has a digit, "_" or "-" ("venmo me at the store" is none)
            Pattern("after-app", rf"(?i:\b{app}){link}(?=[A-Za-z0-9_\-.]*(?:\d|[_\-.](?=[A-Za-z0-9])))(?=[A-Za-z0-9_\-.]*[A-Za-z]){_HANDLE}\b",
                    0.7),
        ],
    )
