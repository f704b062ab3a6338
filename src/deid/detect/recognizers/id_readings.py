"""What else a value with digits can be, before its shape makes it an identifier
(``id_shapes``): a dose or a measure ("3x500mg", "100000IU"), a date, a year or a range of
them ("2019-2021", "1998-99"), a range of amounts ("1200-1500"), a phone number, a ZIP+4, a
sum, a version or a model after its word ("version 22631", "model A2633"), a standard's or a
publication's number ("RFC 3339", "NCT04471225", "CVE-2024-3094"), a gene or a variant
("CYP2C19", "rs1801133", "A1298C"), a chemical formula ("C17H19NO3"), a hash ("9f3b2c1"),
and a drug's code name where it is taken or dosed ("tried SR-17018", "U-47700 10 mg").
An identifier is what none of these explains; each reading is one small function."""

from __future__ import annotations

import regex as re

from deid.core.wordlists import DEVICE_ACRONYMS, LAB_TESTS, MONTH_WORDS, US_STATES, WEEKDAY_WORDS
from deid.core.lexicon import common_words, drug_names, is_medical_term, vocabulary

# What follows a number that says it is a dose, a measure, an ordinal, a decade or a count.
UNITS = frozenset(
    "mg mgs mcg ug µg g gm gms gr kg lb lbs oz ml mls cc l dl iu ui u units unit mmol meq mmhg bpm hr hrs h min "
    "mins sec secs s ms am pm st nd rd th k m km mi ft in cm mm nm mah mhz ghz hz gb mb tb kb p i fps x yr yrs y yo "
    "mo mos wk wks d day days cal kcal mme ng pg mcl xl xr er sr cr la ir od ct mph kph kmh w kw kwh v".split())
# Words after a number that make it a count or a measure ("10000 steps", "20000 people").
_QUANTITY = re.compile(
    r"[ \t]*-?[ \t]*(?i:(?:mg|mgs|mcg|µg|ug|g|gm|grams?|kg|lbs?|pounds?|oz|ml|cc|iu|units?|mmol|meq|mmhg|bpm|%|percent|"
    r"tabs?|tablets?|pills?|caps?|capsules?|doses?|films?|strips?|patch(?:es)?|mme|calories|cal|kcal|steps|people|"
    r"persons|patients|residents|members|users|views|followers|likes|miles|mi|km|kilometers|meters|feet|ft|"
    r"dollars|bucks|euros?|pounds|usd|eur|gbp|cad|aud|times|x|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|"
    r"years?|yrs?|cells|copies|words|pages|rpm|mah|mhz|ghz|gb|mb|tb|kb|k)\b|%)")
# Words before a value that say what else it is: a model, a version, a form, a lot, a room,
# a road, a page, a standard or a publication; and a currency before a sum.
EXPLAINING_WORDS = frozenset(
    "model models version ver build firmware release update part sku upc lot batch form forms ndc icd cpt hcpcs "
    "dsm route rte highway hwy interstate exit flight room rm bed gate seat page pp chapter section sec step item "
    "bus train channel level grade size rfc iso iec ieee ansi fips nist cfr usc pmid pmc doi isbn issn arxiv cve "
    "nct pep hr hb sb ab ad bc ce bce usd eur gbp cad aud chf jpy inr mxn".split())
# Letters that open a standard's, a codec's or an encoding's name run together with its number.
# (a name of one or two letters only with its digits right after: "MP3", "x86"; "MP-0093-17" is a record's)
_TECHNICAL = re.compile(r"(?i:^(?:(?:iso|rfc|cve|nct|pmc|pmid|isbn|issn|arxiv|ieee|ansi|fips|utf|sha|crc|"
                        r"win|arm|amd|ecma|hevc|ipv|dts|ddr|lpddr|usb|pcie|rtx|gtx|gen|cat|"
                        r"ver|build|windows|latin)-?|cp|md|ed|x|i|py|es|h|mp|ac|rx|sb|hb|ab|v|kb)\d)")
_CURRENCY = re.compile(r"(?:[$€£¥]|(?i:usd|eur|gbp|cad|aud)[ \t]?)$")
_HEX = re.compile(r"^(?:0x)?[0-9a-f]{7,64}$")
_RS = re.compile(r"(?i:^rs\d{3,10}$)")
_VARIANT = re.compile(r"^[ACGT]\d{2,5}[ACGT]$|^(?:c|p)\.\S+$")
_FORMULA = re.compile(r"^(?=.*C\d*H\d)(?:(?:C|H|N|O|S|P|F|Cl|Br|I|Na|K|Ca|Mg|Li|Fe|Zn|B|Si)\d*){3,}$")
_ISO_STAMP = re.compile(r"^\d{8}T\d{4,6}Z?$|^\d{4}-\d\d-\d\dT\d\d$")
# Verbs that take a drug as their object a few words on ("sold my cousin U-47700"), and
# words that do so only right before it ("on SR-17018", "10 mg of AH-7921").
_DRUG_VERBS = re.compile(r"(?i:took|tried|dosed|redosed|snorted|smoked|vaped|injected|sold|bought|ordered|laced|mixed)")
_DRUG_NEXT = re.compile(r"(?i:take|takes|taking|try|trying|dosing|snorting|smoking|vaping|injecting|selling|buying|"
                        r"ordering|on|off|of|using|used|quit|started|stopped)")
_DRUG_AFTER = re.compile(r"(?i:[ \t]*(?:\(|,)?[ \t]*(?:a|an|the)?[ \t]*(?:synthetic[ \t]+)?(?:opioid|opiate|"
                         r"benzo(?:diazepine)?|research[ \t]+chemical|rc|sarm|peptide|nootropic|agonist|antagonist|"
                         r"analog(?:ue)?|compound|drug)s?\b|[ \t]+as[ \t]+\w+)")
_DOSE_AFTER = re.compile(r"(?i:[ \t]*\(?[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|ug|g|ml|iu|units?)\b)")
_DOSE_BEFORE = re.compile(r"(?i:\d(?:[.,]\d+)?[ \t]*(?:mg|mcg|µg|ug|g|ml)[ \t]+(?:of[ \t]+)?$)")
STATES = frozenset(US_STATES)  # "TX 75001" is a ZIP code after its state


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?[ \t]*(?:#|no\.?|number|num|:)?[ \t]*[#:(]?[ \t]*$")
_RUNS = re.compile(r"\d+|[^\W\d_]+")
_WORD_NUMBER = re.compile(r"([A-Za-z]{3,})-?(\d+)|(\d+)-?([A-Za-z]{3,})")
_LETTERS = re.compile(r"[A-Za-z]+")
_CODE_NAME = re.compile(r"[A-Za-z]{1,5}-?\d{2,7}[A-Za-z]?")
_WORD_THEN_SPACE = re.compile(r"[A-Za-z][ \t]+$")


def year(digits: str) -> bool:
    return len(digits) == 4 and 1900 <= int(digits) <= 2099


def quantity_after(text: str, end: int) -> bool:
    """A unit, a form of a medicine, a sum's or a count's word right after: a measure."""
    return _QUANTITY.match(text, end) is not None


def word_before(text: str, start: int) -> str:
    """The word just before ``start`` (past "#", "no.", ":" and spaces), in lower case."""
    m = _WORD_BEFORE.search(text[max(0, start - 40):start])
    return m.group(1).lower() if m else ""


def _date(groups: list[str]) -> bool:
    """Groups that make a date: year-month-day, month-day-year, day-month-year."""
    if len(groups) not in (2, 3) or not all(g.isdigit() for g in groups):
        return False
    n = [int(g) for g in groups]
    if len(groups) == 2:  # a month and a year: "2023-04", "04-2023"
        return (len(groups[0]) == 4 and 1 <= n[1] <= 12) or (len(groups[1]) == 4 and 1 <= n[0] <= 12)
    if len(groups[0]) == 4:
        return 1 <= n[1] <= 12 and 1 <= n[2] <= 31
    return len(groups[2]) in (2, 4) and ((1 <= n[0] <= 12 and 1 <= n[1] <= 31) or (1 <= n[1] <= 12 and 1 <= n[0] <= 31))


def _phone_zip_ssn_card(groups: list[str]) -> bool:
    """The shapes other recognizers own: a phone number (3-4, 3-3-4, 1-3-3-4), an SSN
    (3-2-4), a ZIP+4 (5-4), a card (4-4-4-4)."""
    shape = tuple(len(g) for g in groups)
    return shape in {(3, 4), (3, 3, 4), (1, 3, 3, 4), (3, 2, 4), (5, 4), (4, 4, 4, 4)}


def _range(groups: list[str]) -> bool:
    """Two numbers from low to high ("1200-1500", "2019-2021", "1998-99", "12-180") or a
    run of them going up ("5-10-15-20"): a range, not a number."""
    n = [int(g) for g in groups]
    if len(groups) == 2 and year(groups[0]) and (year(groups[1]) or len(groups[1]) == 2):
        return True
    rising = all(b > a for a, b in zip(n, n[1:]))
    if not rising or any(len(b) - len(a) not in (0, 1) for a, b in zip(groups, groups[1:])):
        return False
    return (len(groups) == 2 and len(groups[0]) <= 2) or all(x % 5 == 0 for x in n)


def digit_groups_explained(groups: list[str]) -> bool:
    """Digit groups joined by dashes that are a date, a range, or a shape another
    recognizer owns."""
    return _date(groups) or _phone_zip_ssn_card(groups) or _range(groups)


def _measure(token: str) -> bool:
    """A number with its unit, a multiplier or an ordinal run together: "3x500mg",
    "100000IU", "1080p", "1990s", "2x1000mg", "150mgXL"."""
    parts = token.split("-")
    if any(p.isalpha() and any(map(str.isdigit, parts[i - 1])) and any(map(str.isdigit, parts[i + 1]))
           for i, p in enumerate(parts[1:-1], start=1)):
        return False  # letters set between dashes in a number ("2021-CR-00412"): a case's code, not a unit
    runs = _RUNS.findall(token.replace("-", ""))
    if len(runs) < 2 or not runs[0].isdigit():
        return False
    return all(r.isdigit() or r.lower() in UNITS for r in runs)


def _word_and_number(token: str) -> bool:
    """An ordinary or medical word run together with a short number or a year
    ("sober365", "covid2020", "day100"): a tag or a count, not an identifier."""

    m = _WORD_NUMBER.fullmatch(token)
    if m is None:
        return False
    word, digits = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    low = word.lower()
    known = low in common_words() or low in vocabulary() or is_medical_term(low)
    return known and (len(digits) <= 3 or year(digits))


def _date_token(token: str) -> bool:
    """A date run together with a month's name or ISO's "T": "11Mar2023", "20240229T0815"."""
    if _ISO_STAMP.match(token):
        return True
    letters = _LETTERS.findall(token)
    return bool(letters) and all(w.lower() in MONTH_WORDS or w.lower() in WEEKDAY_WORDS for w in letters)


def _medical(token: str) -> bool:
    """A gene, a variant, a formula or a term the medical vocabulary knows."""

    low = token.lower()
    return bool(_RS.match(token) or _VARIANT.match(token) or _FORMULA.match(token)) \
        or is_medical_term(low) or low in drug_names()


def drug_code(text: str, start: int, end: int) -> bool:
    """A drug's code name (letters and a number: "U-47700", "SR-17018") where the text takes,
    sells or doses it: a drug verb just before, a dose just before or after, or the kind of
    drug after it."""
    token = text[start:end]
    if not _CODE_NAME.fullmatch(token):
        return False
    before = text[max(0, start - 40):start]
    words = _LETTERS.findall(before)[-3:]
    return bool(_DOSE_BEFORE.search(before) or _DOSE_AFTER.match(text, end) or _DRUG_AFTER.match(text, end)
                or any(_DRUG_VERBS.fullmatch(w) for w in words)
                or words and _WORD_THEN_SPACE.search(before) and _DRUG_NEXT.fullmatch(words[-1]))


def _technical(token: str) -> bool:
    """A standard's, an algorithm's, a codec's or an encoding's name ("ISO8601", "HMAC-SHA256",
    "Windows-1252"): one part of the token opens with such a name, the others are letters."""
    parts = token.split("-")
    named = [p for p in parts if _TECHNICAL.match(p)]
    return bool(_TECHNICAL.match(token)) or bool(named) and all(p in named or p.isalpha() for p in parts)


def _masked(token: str) -> bool:
    """Digits with x's for the hidden ones ("555-01xx", "xxx-xx-4107"): a mask, not a value
    (a masked social's last four are ``identifiers.ssn_last_four``'s)."""
    letters = {c.lower() for c in token if c.isalpha()}
    return letters == {"x"} and "xx" in token.lower()


def token_explained(text: str, start: int, end: int) -> bool:
    """Whether a token of letters and digits has a reading other than an identifier's."""
    token = text[start:end]
    if _CURRENCY.search(text[max(0, start - 5):start]) or quantity_after(text, end):
        return True
    if word_before(text, start) in EXPLAINING_WORDS:
        return True
    if (token.islower() and _HEX.match(token)) or _technical(token) or _masked(token):
        return True
    return (_measure(token) or _date_token(token) or _word_and_number(token) or _joined_words(token) or _medical(token)
            or drug_code(text, start, end))


_NUMBER_THEN_WORDS = re.compile(r"\d{1,5}((?:-[a-z]+)+)")


def _joined_words(token: str) -> bool:
    """A number joined to ordinary words by hyphens: a modifier ("103-year-old", "30-day",
    "1200-mile-long"), no identifier."""

    m = _NUMBER_THEN_WORDS.fullmatch(token)
    return m is not None and all(w in common_words() or w in vocabulary() for w in m.group(1).split("-") if w)


def prefix_explained(prefix: str) -> bool:
    """Capitals before a number that make it no identifier: a unit, a currency, a month or a
    day, an era, a lab test or a device's reading ("LDL 1400", "HR 110"), a standard or a bill
    ("RFC 3339", "HB 1042")."""

    low = prefix.lower()
    return (low in UNITS or low in EXPLAINING_WORDS or low in MONTH_WORDS or low in WEEKDAY_WORDS
            or low in DEVICE_ACRONYMS or is_medical_term(low) or low in LAB_TESTS)


