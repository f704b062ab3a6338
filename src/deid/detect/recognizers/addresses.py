"""Recognizers for where a person lives or goes: street addresses, units
and military addresses, ZIP codes and postcodes, and organisations a
person attends."""

from __future__ import annotations

import regex as re
from presidio_analyzer import PatternRecognizer
from spacy.lang.en.stop_words import STOP_WORDS

from deid.core.lexicon import DAYS_AND_MONTHS, common_words, is_drug_name, is_medical_term, us_places
from deid.core.wordlists import ORG_HEADS, ORG_KINDS, ORG_WORD_KINDS, SPECIALTIES, SHOP_KINDS, TRADE_KINDS, US_STATES
from deid.detect.credentials import credentials_after_name
from deid.detect.evidence import GROUP_WORD
from deid.detect.recognizers.base import OwnRecognizer, Pattern, no_list_word


_UK = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)[ \t]?\d[ABD-HJLNP-UW-Z]{2}"
_CANADA = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t-]?\d[ABCEGHJ-NPRSTV-Z]\d"
# where a postcode typed in small or mixed letters ends an address: after a comma, a town or a
# province's code ("Tilmouth, sw9 7qh", "Dunsford Gl52 3Pq", "ON m5v 2t6")
_ENDS_ADDRESS = r"(?<=(?:,|\b(?-i:\p{Lu}\p{Ll}+|\p{Lu}{2}))[ \t]+)"


def postcode() -> PatternRecognizer:
    """Postcodes beyond the US: British (``SW1A 1AA``, ``M1 1AE``) and Canadian (``K1A
    0B1``), in capitals anywhere, in small or mixed letters where they end an address (after
    a comma, a town or a province: ``Tilmouth, sw9 7qh``, ``Larkfield, ON m5v 2t6``), and a
    Canadian one in any letters with its halves apart (``on n3t 5l1``)."""
    return PatternRecognizer(
        supported_entity="POSTCODE",
        name="PostcodeRecognizer",
        patterns=[
            Pattern("uk", rf"(?-i:\b{_UK}\b)", 0.6),
            Pattern("canada", rf"(?-i:\b{_CANADA}\b)", 0.6),
            Pattern("uk-typed", rf"{_ENDS_ADDRESS}(?i:{_UK})\b", 0.6),
            Pattern("canada-typed", rf"{_ENDS_ADDRESS}(?i:{_CANADA})\b", 0.6),
            # its two halves apart, a shape no word or dose has ("on n3t 5l1")
            Pattern("canada-halves", r"(?i:\b[abceghj-nprstvxy]\d[abceghj-nprstv-z][ \t-]\d[abceghj-nprstv-z]\d\b)", 0.6),
        ],
        context=["postcode", "post code", "postal code", "address"],
    )


def zip_code() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="ZIP_CODE",
        name="UsZipRecognizer",
        patterns=[
            Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.5),
            # A state abbreviation then five digits: "Dayton, OH 45402".
            Pattern("state-zip", r"(?<=\b(?-i:[A-Z]{2}) )\d{5}\b", 0.6),
            # after a town that ends an address line: "..., Halvard 60412"
            Pattern("town-zip", TOWN_ZIP_CODE, 0.6),
            # an area named by its code: "in the 78573 area", "the 60614 zip"
            Pattern("zip-area", r"(?<=\b(?i:the)[ \t]+)\d{5}(?=[ \t]+(?i:area|zip|zipcode|zip[ \t]+code|neighbou?rhood)\b)", 0.6),
            # where a place is asked about or told: "anyone in 58203 lose power?", "we moved near 71946,"
            # (not a count: its noun after it, "in 10000 steps")
            Pattern("zip-place", r"(?<=\b(?i:in|near|around|outside|from)[ \t]+)\d{5}"
                                 r"(?=[ \t]*(?:[?!,;)]|\.(?!\d)|$)|[ \t]+(?i:and|or|who|that|with|\p{Ll}+ing|is|are|was|area|anyone|rn|lol)\b)",
                    0.6),
            Pattern("zip", r"\b\d{5}\b", 0.05),
        ],
        # not "code" nor "postal": "ICD-10 code", "plus code", a French "code postal" are no US context
        context=["zip", "zipcode"],
    )


def state_before_zip() -> PatternRecognizer:
    """A state's two letters between a town's comma and a ZIP code: ``Nashua, NH 03064``
    (states are places the rules remove; not "Member ID 12345", no comma before it)."""
    codes = "|".join(sorted(US_STATES))
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="StateBeforeZipRecognizer",
        patterns=[Pattern("state-zip", rf"(?<=\p{{L}},[ \t]*)(?-i:{codes})(?=[ \t]+\d{{5}}(?:-\d{{4}})?\b)", 0.85)],
        global_regex_flags=re.MULTILINE,
    )


# the states' letters that are also English words, written in capitals for emphasis ("OK", "IN", "ME")
_WORD_LIKE_STATES = frozenset({"OK", "IN", "ME", "HI", "OR", "OH", "AL", "DE", "LA", "MA", "PA", "ID", "MS", "CO"})
_TOWN = r"(?:(?:St|Ft|Mt)\.?[ \t]+)?\p{Lu}[\p{Ll}'\u2019\-]+(?:[ \t]+\p{Lu}[\p{Ll}'\u2019\-]+){0,2}"
_TOWN_STATE = re.compile(rf"(?<![\p{{L}}.])({_TOWN})[ \t]*,[ \t]*({'|'.join(sorted(US_STATES))})(?![\p{{L}}\d/-])")


class StateAfterTownRecognizer(OwnRecognizer):
    """A town and its state's two letters after its comma: ``Wyckoff Flats, NJ``, both
    places (states are places the rules remove). Not the degrees after a name ("Imogen
    Tarrant, MD": ``detect.credentials``); a state's letters that are also a word ("OK",
    "ME") only after a town the gazetteer knows in that state."""

    ENTITY = "LOCATION"

    def analyze(self, text, entities, nlp_artifacts=None):
        if self.ENTITY not in entities or "," not in text:
            return []
        out = []
        for m in _TOWN_STATE.finditer(text):
            town, state = m.group(1), m.group(2)
            if credentials_after_name(text, m.start(2), m.end(2)):
                continue
            known = state in (s for s, _ in us_places().get(" ".join(town.split()).lower(), ()))
            if state in _WORD_LIKE_STATES and not known:
                continue
            out += [self.result(m.start(1), m.end(1), 0.8), self.result(m.start(2), m.end(2), 0.85)]
        return out


# Street suffixes, as USPS Publication 28 (appendix C1) lists the common ones, whole and abbreviated.
STREET_SUFFIXES = (
    "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|"
    "Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Alley|Crescent|Cres|Close|Mews|Grove|"
    "Pike|Turnpike|Tpke|Hollow|Holw|Ridge|Rdg|Plaza|Plz|Crossing|Xing|Heights|Hts|"
    "Landing|Lndg|Commons|Cmns|Expressway|Expy|Freeway|Fwy|Causeway|Cswy|Esplanade|Promenade"
)  # not the suffixes a count's phrase ends with too: "a 7 Day Pass", "the 5 Mile Run", "a 3 Day Walk"
# What ends a street address before its town: the number and the street ("88 Orchard Row"), or
# a post office box, and a unit after either ("Apt 2", "Suite B", "#4").
_ADDRESS_BEFORE = (rf"(?:\d{{1,6}}[ \t]+(?:(?:[NS][EW]|[NSEW])\.?[ \t]+)?(?:(?:\p{{Lu}}\p{{Ll}}+|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}"
                   rf"(?-i:{STREET_SUFFIXES})\.?"
                   r"|(?i:P\.?[ \t]?O\.?[ \t]?Box)[ \t]+\d{1,6})"
                   r"(?:,?[ \t]*(?i:Apt|Apartment|Unit|Suite|Ste|Flat|Rm|Room|#)\.?[ \t]*#?[ \t]*[A-Za-z0-9]{1,5})?[ \t]*,?[ \t]*")
_ZIP = r"\d{5}(?:-\d{4})?"
# A town and its ZIP code ending an address line without a state: "118 Quarry Row, Suite 200,
# Halvard 60412"; a comma before the town, the line's end (or a stop) after the code. Right after a
# street address or a box, the code may have a comma before it and words after it ("88 Orchard
# Row, Millbeck, 30417 before Friday").
_TOWN_ZIP = re.compile(rf"(?<=,[ \t]*)(?-i:{_TOWN})(?=[ \t]+{_ZIP}[ \t]*(?:$|[.;,)|]))"
                       rf"|(?<={_ADDRESS_BEFORE})(?-i:{_TOWN})(?=[ \t]*,?[ \t]*{_ZIP}(?![\d-]))", re.MULTILINE)
_FIVE_DIGITS = re.compile(r"\d{5}")
TOWN_ZIP_CODE = (rf"(?<=,[ \t]*(?-i:{_TOWN})[ \t]+){_ZIP}(?=[ \t]*(?:$|[.;,)|]))"
                 rf"|(?<={_ADDRESS_BEFORE}(?:(?-i:{_TOWN})[ \t]*,?[ \t]*)?){_ZIP}(?![\d-])")


class TownBeforeZipRecognizer(OwnRecognizer):
    """A town before a ZIP code at an address line's end, with no state between (``..., Suite
    200, Halvard 60412``): a place, whatever else its word is (the code: ``zip_code``)."""

    ENTITY = "LOCATION"

    def analyze(self, text, entities, nlp_artifacts=None):
        if self.ENTITY not in entities or "," not in text or not _FIVE_DIGITS.search(text):
            return []
        return [self.result(m.start(), m.end(), 0.75) for m in _TOWN_ZIP.finditer(text)]


_NOT_A_STREET = ("(?:the|a|an|of|to|from|down|up|on|in|at|by|my|our|your|his|her|their|this|that|more|other|"
                 "blocks?|miles?|km|minutes?|mins?|hours?|times?|days?|weeks?|months?|years?|steps?|houses?|doors?|"
                 "laps?|exits?|stops?|lanes?|cars?|pills?|mg|tabs?)")


# a street's number as an ordinal, in digits or words ("6th", "Ninth"), and what else an ordinal counts
# ("first" and "second" only with a capital: "at first and then" is no corner)
_ORDINAL = (r"\d{1,3}(?:st|nd|rd|th)|First|Second|(?i:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth)")
_ORDINAL_NOUNS = ("shifts?|places?|grades?|floors?|times?|tries|try|doses?|rounds?|weeks?|days?|months?|years?|periods?|"
                  "gen|generations?|quarters?|trimesters?|editions?|tiers?|stages?|degrees?|base|attempts?|chances?|kids?|"
                  "children|sons?|daughters?|babies|baby|wives|wife|husbands?|marriages?|cousins?")

_FUNCTION_WORDS = "|".join(sorted(w for w in STOP_WORDS if w.isalpha() and len(w) >= 3))

# the endings of street names in Dutch, German, Danish, Swedish and Norwegian ("-laan", "-straße")
_STREET_ENDINGS = ("straat|weg|laan|gracht|plein|kade|singel|dijk|steeg|strasse|straße|gasse|allee|platz|damm|ufer|"
                   "vej|gatan|vägen|gata|veien|gaten")
# a Romance street word, small words of its name and its capitalised words ("rue des Lilas")
_ROMANCE_STREET = (r"(?-i:(?:[Rr]ue|[Rr]ua|[Aa]venida|[Tt]ravessa|[Cc]alle|[Cc]arrer|Viale|Piazza|Corso|[Cc]hemin|"
                   r"[Ii]mpasse|[Bb]oulevard|[Aa]venue)(?:[ \t]+(?:de|des|du|da|das|do|dos|del|della|di|la|le|les|l'|d'))*"
                   r"(?:[ \t]+\p{Lu}\p{Ll}+){1,3})")


def street_address() -> PatternRecognizer:
    suffix = STREET_SUFFIXES
    rec = PatternRecognizer(
        supported_entity="LOCATION",
        name="StreetAddressRecognizer",
        patterns=[
            # (a street's name may be numbered, its side of town one or two letters: "4417 NW 12th Ave")
            Pattern("number-street", rf"\b\d{{1,6}}[ \t]+(?:(?:[NS][EW]|[NSEW])\.?[ \t]+)?(?:(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,3}}"
                                     rf"(?:{suffix})\b\.?"
                    r"(?:,?[ \t]*(?:#|Apt\.?|Unit|Suite|Ste\.?|Flat|Room|Rm\.?)[ \t]*#?[ \t]*(?:\d{1,5}[A-Za-z]?|[A-Z])\b)?"
                    r"(?:,[ \t]*(?!(?:Apt|Unit|Suite|Ste|Flat|Room|Rm)\b)[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?", 0.85),
            Pattern("number-street-capitals", rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z]{{2,}}[ \t]+){{1,3}}"
                    rf"(?:{suffix.upper()})\b\.?", 0.85),
            # all lower case: whole suffix words only ("st", "way", "row" are words too), and
            # no counting words between ("3 blocks down the road" is not an address)
            Pattern("number-street-lower", rf"\b\d{{1,6}}[ \t]+(?:(?!{_NOT_A_STREET}\b)[a-z]{{2,}}[ \t]+){{1,2}}"
                    r"(?:street|avenue|road|lane|drive|boulevard|court|terrace|circle|highway|parkway|trail)\b", 0.7),
            Pattern("po-box", r"\b(?i:P\.?\s?O\.?\s?Box)[ \t]+\d{1,6}\b", 0.85),
            # the value of an address's label, on its line or the next, a number in it: whatever its
            # country's shape ("Address: 14 ulica kwiatowa m. 3, 30-012 zabierzow"; not "same as above")
            Pattern("labelled", r"(?<=(?im:^[ \t]*(?:home[ \t]+|street[ \t]+|mailing[ \t]+|postal[ \t]+)?address[ \t]*:[ \t]*\n?[ \t]*))"
                                r"(?=\S)(?=[^\n]{0,20}\d)[^\n]*[^\s.,;]", 0.6),
            # a street named without its number where a place stands ("lives on Heron Mill Road", "off
            # Quarry Lane"): capitalised words and the street's word written whole; not the idioms
            # "down Memory Lane", "on Easy Street"
            Pattern("named-street", r"(?<=\b(?i:on|off|along|onto|at|near|up|down|from|to|of|past|by|in)[ \t]+(?:(?i:the)[ \t]+)?)"
                    r"(?!(?:Memory|Easy)[ \t])(?:[A-Z][a-z]+[ \t]+){1,3}(?:Street|Avenue|Road|Lane|Drive|Boulevard|Terrace|Highway|Parkway|Trail|Pike)\b",
                    0.6),
            # the same with a street's short suffix ("off Larch Dr."; not a title before a name: "to Dr Vale")
            Pattern("named-street-short", r"(?<=\b(?i:on|off|along|onto|near|past|by|of)[ \t]+(?:(?i:the)[ \t]+)?)"
                    r"(?:[A-Z][a-z]+[ \t]+){1,3}(?:St|Ave|Rd|Dr|Blvd|Ln|Pkwy|Hwy|Ct|Pl|Ter|Cir|Trl)\b\.?(?![ \t]*\p{Lu})", 0.6),
            # in lower case, where a place stands: one or two words and the street's word ("on quarrel st",
            # "out on 9th ave"; not "on the road", "on easy street")
            Pattern("named-street-lower", rf"(?<=\b(?:on|off|along|onto|near|past)[ \t]+)(?!easy[ \t]|memory[ \t])"
                    rf"(?:(?!{_NOT_A_STREET}\b|i\b)(?:[a-z]{{3,}}|\d{{1,3}}(?:st|nd|rd|th))[ \t]+){{1,2}}"
                    r"(?:st|ave|rd|dr|blvd|ln|pkwy|hwy|street|avenue|road|drive|lane|boulevard|parkway|highway)\b", 0.6),
            # a numbered street with its side of town: "on W 23rd St", "on North 4th Avenue"
            Pattern("side-numbered-street", r"(?<=\b(?i:on|off|along|onto|at|near|past|by|of)[ \t]+)"
                    r"(?:[NSEW]\.?|North|South|East|West)[ \t]+\d{1,3}(?:st|nd|rd|th)[ \t]+"
                    r"(?:St|Ave|Rd|Dr|Blvd|Pl|Street|Avenue|Road|Drive|Boulevard|Place)\b\.?", 0.6),
            # the corner of two streets, one of them numbered: "at 6th and Halsey", "on ninth and birch"
            # (not a shift or a place in a race: "on 2nd and 3rd shift")
            Pattern("corner", rf"(?<=\b(?i:on|off|at|near|past|of)[ \t]+)(?:{_ORDINAL})[ \t]+(?:and|&)[ \t]+"
                    rf"(?:{_ORDINAL}|(?!{_NOT_A_STREET}\b|(?i:{_FUNCTION_WORDS})\b)\p{{L}}{{3,}})\b(?![ \t]+(?i:{_ORDINAL_NOUNS})\b)", 0.6),
            # a numbered road: "route 44", "US-31", "Hwy 12", "I-70"
            Pattern("numbered-road", r"\b(?:(?i:route|rte|rt|hwy|highway|interstate|state[ \t]+road|county[ \t]+road)[ \t]*-?[ \t]*\d{1,3}"
                    r"|(?:US|I|SR|CR)-\d{1,3})\b(?![.,]\d)", 0.6),
            # the street's name, then the number, as Dutch, German and Nordic addresses go ("Beukenlaan 9",
            # "Lindenstraße 14b"), and a Romance street word before its name ("Rua do Sol 5", "12 rue des Lilas")
            Pattern("street-number", rf"(?-i:\b\p{{Lu}}\p{{Ll}}+(?:{_STREET_ENDINGS}))[ \t]+\d{{1,4}}(?-i:[a-z])?\b(?![.,]\d)", 0.8),
            Pattern("romance", rf"(?:\b\d{{1,4}}(?-i:[a-z])?,?[ \t]+{_ROMANCE_STREET}|\b{_ROMANCE_STREET},?[ \t]+\d{{1,4}}(?-i:[a-z])?\b)",
                    0.8),
        ],
        global_regex_flags=re.MULTILINE,
    )
    rec.triggers = {"labelled": r"(?i:address[ \t]*:)"}  # for the prefilter: the label its lookbehind reads
    return rec


_KINDS = (
    r"(?:Support Line|Crisis Line|Center|Centre|Clinic|Hospital|Health|Healthcare|Services|Institute|Foundation|House|Home|Ranch|Lodge|"
    r"Church|Chapel|Ministries|Fellowship|School|High School|High|Elementary|Academy|University|College|Pharmacy|Rehab|Detox|ER|"
    r"Shelter|Mission|Program|Battalion|Regiment|Squadron|Jail|Prison|Penitentiary|Correctional Facility|Correctional|NA|AA|"
    r"Detention Center|Company|Practice|Associates|Partners|Library|Office|Agency|Bureau|Assisted Living|"
    r"Association|Society|Coalition|Collective|Alliance|Cooperative|Outreach|Laboratory|Lab|Regional|Memorial|Reentry|"
    r"Recovery|Drug|Drugs|Surgery|Mutual|Insurance|Study|Trial|Apothecary|Dispensary|Programme|Support|Housing|"
    r"Project|Initiative|Trust|Partnership|Reduction|Service|Network|Treatment|Helpline|Hotline|Lifeline|Warmline|"
    r"Freight|Logistics|Trucking|Transport|Construction|Manufacturing|Industries|Foods|Motors|Engineering|"
    r"Health Plan|Senior Plan|Plan|Circle|Group|Outpatient|Infirmary|Hospice|Chemists?|Drop-In|"
    r"Team|Bakery|Cafe|Café|Diner|Pub|Tavern|Grill|Salon|Deli|Bistro|"
    # a practice named by its specialty ("Corbel Neurology", "Merryvale Dialysis")
    + "|".join(w.title() for w in SPECIALTIES)
    + r"|Primary Care|Urgent Care|OTP|Pain Management|Physical Therapy|Chiropractic)"
)
_ORG_KIND = (
    r"(?:(?:Recovery|Treatment|Medical|Health|Wellness|Behavioral Health|Community|Counseling|Crisis|Detox|Rehab|"
    r"Addiction|Pain|Methadone|Comprehensive|Family)?[ \t]*"
    rf"{_KINDS}\b"
    r"|(?:Inc|LLC|LLP|PLLC|Ltd|Corp|Co)\b\.?)"  # the full stop of an abbreviation, not of the sentence
)


class _NamedOrganisation(PatternRecognizer):
    """Keeps a name that holds a word saying which one, or three words and more: not two
    words of its kind ("Lakeside Recovery Center", "Community Mental Health Center"; not "the
    Pain Clinic", which every town has)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def which(r) -> bool:
            if r.analysis_explanation is not None and r.analysis_explanation.pattern_name == "named-before-kind":
                return _names_one(text[r.start:r.end])
            # (a medical word names one too: "Crescent Community Health"; the kinds hold the
            # specialties every town has: "Pain", "Cancer", "Spine")
            words = [w.lower() for w in re.findall(r"[\p{L}'\u2019&\-.]+", text[r.start:r.end])]
            kind = words[:words.index("of")] if "of" in words[1:] else words  # "Ashgrove Center of Millbrook"
            if kind and kind[-1] in ORG_WORD_KINDS:  # "Gateway Drug", "Back Surgery", "Case Study": words, no name
                return any(w not in common_words() and not is_medical_term(w) for w in kind[:-1]) or (
                    len(kind) > 2 and kind[-1] in _SERVICE_KINDS and not any(w in STOP_WORDS for w in kind))
                # ("Pathways Family Support": three words and more name a service; "Open Heart Surgery" none)
            return len(words) > 2 or any(w not in ORG_KINDS and w not in ORG_HEADS and w not in _KIND_WORDS
                                         and w not in ("the", "of", "&") for w in words)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if which(r)]


def _names_one(value: str) -> bool:
    """Capitalised words before an organisation's kind in lower case that name one: two words or
    more, or one no list holds; no day, month, drug, medical word or people's name among them
    ("the Quiet Minds support group", "the Vellacourt forum"; not "the Tuesday group", "the
    Suboxone clinic", "the Haitian church", "the Recovery house")."""
    words = value.split()
    for w in words:
        low = w.lower().rstrip(".")
        if low in DAYS_AND_MONTHS or is_drug_name(low) or is_medical_term(low) or GROUP_WORD.fullmatch(w):
            return False
    return len(words) > 1 or no_list_word(words[0])


_SERVICE_KINDS = frozenset("support housing project initiative trust partnership reduction".split()) | TRADE_KINDS | SHOP_KINDS
# the words of the kinds above, in lower case ("neurology", "otp", "care")
_KIND_WORDS = frozenset(w.lower() for w in re.findall(r"(?<![\\A-Za-z])[A-Z][A-Za-z]+", _KINDS + _ORG_KIND))


def organisation() -> PatternRecognizer:
    """Places a person attends or works at: ``Lakeside Recovery Center``,
    ``St. Mary's Hospital``, ``Bridgeway Clinic``, ``Corbel Neurology``; with a word that says
    which one (``_NamedOrganisation``)."""
    word = r"(?:St\.|Saint|\p{Lu}[\p{L}'\u2019&\-]+)"
    rec = _NamedOrganisation(
        supported_entity="ORGANIZATION",
        name="OrganisationRecognizer",
        # a headline's "Woman Gets Year In Prison" is no name: no preposition before the kind
        patterns=[Pattern("named-org", rf"\b{word}(?:[ \t]+(?:of[ \t]+|the[ \t]+|&[ \t]+)?{word}){{0,4}}"
                                       rf"(?<!\b(?:In|From|To|Of|At|Into|For|Out|On|And|The|My|Your|Our|His|Her|Their|"
                                       rf"Early|Full|Long|Slow|Sober))[ \t]+(?:&[ \t]+)?{_ORG_KIND}"
                                       rf"(?:[ \t]+of[ \t]+{word}(?:[ \t]+{word}){{0,2}})?", 0.75),  # "... Center of Millbrook"
                  # the name before its kind in lower case, after "the": "the Quiet Minds support group"
                  Pattern("named-before-kind", rf"(?<=\b(?i:the)[ \t]+)(?-i:\p{{Lu}}[\p{{L}}'\u2019&\-]+)(?:[ \t]+(?-i:\p{{Lu}}[\p{{L}}'\u2019&\-]+)){{0,3}}"
                                                rf"(?=[ \t]+(?:food[ \t]+|support[ \t]+|recovery[ \t]+)?(?:group|forum|pantry|shelter|"
                                                rf"clinic|program|ministry|fax|hotline|chapter|house|center|centre)\b)", 0.6),
                  # a union's local: "Pipefitters Local 412"
                  Pattern("union-local", rf"\b{word}(?:[ \t]+{word}){{0,3}}[ \t]+Local[ \t]+\d{{1,4}}\b", 0.75)],
        global_regex_flags=re.MULTILINE,
    )
    # for the prefilter: every match ends in a kind (``_ORG_KIND``); the names before it cost
    # Hyperscan a third of a second to compile
    rec.triggers = {"named-org": rf"(?:{_KINDS}|Inc|LLC|LLP|PLLC|Ltd|Corp|Co)\b",
                    "named-before-kind": r"(?i:the)[ \t]+\p{Lu}"}
    return rec


def unit_and_box() -> PatternRecognizer:
    """``Apt. 762``, ``Suite 501``, ``apt 4C``, ``lot 22``, ``PSC 0413, Box 8144``, ``APO AA 42323``."""
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="UnitAddressRecognizer",
        patterns=[
            Pattern("unit", r"\b(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Lot|Flat)\.?[ \t]*#?[ \t]*\d{1,5}[A-Z]?\b", 0.6),
            # in lower case too ("apt 4C", "lot 22 in the ... park", "unit 12b"), not "a lot 2 times"
            Pattern("unit-lower", r"(?<!\b(?i:a|the)[ \t]+)\b(?:apt|apartment|suite|unit|lot|trailer|space|flat)\.?[ \t]*#?[ \t]*"
                                  r"\d{1,5}[A-Za-z]?\b(?![ \t]*(?:%|mg|mcg|ml|times|x\b|hours?|days?|weeks?|months?|years?|pills?))", 0.6),
            Pattern("military", r"\b(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]*Box[ \t]+\d{1,5}\b", 0.85),
            Pattern("apo", r"\b(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}\b", 0.85),
        ],
        global_regex_flags=re.MULTILINE,
    )
