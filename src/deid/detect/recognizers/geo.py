"""Recognizers for where a person is, beyond a street address: GPS coordinates (decimal
and degrees-minutes-seconds), Open Location Codes ("plus codes", full and short with a
locality), what3words addresses (``///word.word.word``), rural-route and highway-contract
boxes, and postcodes outside the US said with a town, a country, a state or a label
(Portugal ``NNNN-NNN``, Germany and France five digits before the town, Australia four
digits after a state or "postcode"). A five-digit number is a US ZIP code only in a US
context (``addresses.zip_code``); these are postcodes, replaced whole."""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, PatternRecognizer, RecognizerResult

from deid.detect.recognizers.base import Pattern
from deid.core.lexicon import common_words, known_place, name_info, place_kind_words, vocabulary
from deid.detect.recognizers.id_readings import quantity_after, year

_LAT = r"[-+\u2212]?(?:[0-8]?\d(?:\.\d{N})|90\.0{N})"
_LON = r"[-+\u2212]?(?:1[0-7]\d|0?\d?\d)\.\d{N}|[-+\u2212]?180\.0{N}"
_DEG = r"[ \t]?(?:\u00b0|deg)?[ \t]?"
_END = r"(?!\w)(?!\.\d)"
# bare figures need four decimals or more, and not both under one ("0.8341, 0.9642" are scores)
# between the two after a label: a comma, semicolon or slash, or only spaces before a sign
_PAIR_SEP = r"(?:[ \t]*[,;/][ \t]*|[ \t]+(?=[-+\u2212]))"
_BARE = (rf"(?<![\w.\-+])(?!0\.\d+[ \t]*,[ \t]*0\.){_LAT.replace('N', '4,8')}[ \t]*[,;/][ \t]*"
         rf"(?:{_LON.replace('N', '4,8')}){_END}")
# only spaces between, as a device prints them: five decimals each ("44.98012 -93.26550")
_SPACED = rf"(?<![\w.\-+]){_LAT.replace('N', '5,8')}[ \t]+(?=[-+\u2212])(?:{_LON.replace('N', '5,8')}){_END}"
# after a label of a place's position, two decimals are enough ("lat/long 44.98, -93.27")
_POSITION_LABEL = (r"(?i:\b(?:lat(?:itude)?[ \t]*(?:/|,|and|&)?[ \t]*lo?ng?(?:itude)?|coordinates|coords|gps|location|pin)"
                   r"(?:[ \t]+(?:is|was|were|are|at))?[ \t]*[:=]?[ \t]*)")
_LABELLED = rf"(?<={_POSITION_LABEL}){_LAT.replace('N', '2,8')}{_PAIR_SEP}(?:{_LON.replace('N', '2,8')}){_END}"
_SIGNED = (rf"(?<![\w.\-+]){_LAT.replace('N', '2,8')}{_DEG}(?-i:[NS])[ \t]*,?[ \t]*(?:{_LON.replace('N', '2,8')})"
           rf"{_DEG}(?-i:[EW]){_END}")
_DEGREES = (rf"(?<![\w.\-+]){_LAT.replace('N', '2,8')}[ \t]?\u00b0[ \t]*,?[ \t]*(?:{_LON.replace('N', '2,8')})"
            rf"[ \t]?\u00b0{_END}")
_DMS = (r"\d{1,3}[ \t]?(?:\u00b0|deg|[ \t])[ \t]?\d{1,2}(?:\.\d+)?[ \t]?['\u2032\u2019][ \t]?(?:\d{1,2}(?:\.\d+)?[ \t]?"
        r"(?:\"|\u2033|''|\u201d)[ \t]?)?")
# the hemisphere first, degrees and (decimal) minutes: "N 44° 58.812' W 93° 16.204'"
_DDM_FIRST = (r"(?<![\w.])(?-i:[NS])[ \t]?\d{1,2}[ \t]?\u00b0[ \t]?\d{1,2}(?:\.\d+)?[ \t]?['\u2032\u2019][ \t]*,?[ \t]*"
              r"(?-i:[EW])[ \t]?\d{1,3}[ \t]?\u00b0[ \t]?\d{1,2}(?:\.\d+)?[ \t]?['\u2032\u2019]")


_LAT_LABEL = r"(?i:\blat(?:itude)?\.?)[ \t]*[:=]?[ \t]*"
_LONG_LABEL = r"(?i:lo?ng?(?:itude)?\.?)[ \t]*[:=]?[ \t]*"
_LONG_AFTER = rf"[ \t]*[,;/]?[ \t]*{_LONG_LABEL}-?\d{{1,3}}\.\d{{2,}}"


def gps_coordinates() -> PatternRecognizer:
    """A latitude and longitude: ``41.8827, -87.6233``, ``41.88 N, 87.62 W``, ``41.88°,
    -87.62°``, ``48°51'29.6"N 2°17'40.2"E``. Bare figures need four decimals (a place to
    ten metres) and one above one: "2.5, 3.25" and "0.8341, 0.9642" are no coordinates."""
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="GpsCoordinatesRecognizer",
        patterns=[
            Pattern("decimal-ns", _SIGNED, 0.75),
            Pattern("decimal-degrees", _DEGREES, 0.75),
            Pattern("decimal", _BARE, 0.7),
            Pattern("dms", rf"(?<![\w.]){_DMS}(?-i:[NS])[ \t]*,?[ \t]*{_DMS}(?-i:[EW])\b", 0.8),
            Pattern("ddm-hemisphere-first", _DDM_FIRST, 0.8),
            Pattern("labelled-pair", _LABELLED, 0.75),
            Pattern("spaced", _SPACED, 0.7),
            # labelled: "lat 46.7710 long -100.7934", "latitude: 46.77, longitude: -100.79": the
            # figures go, the labels stay
            Pattern("lat", rf"(?<={_LAT_LABEL})-?\d{{1,2}}\.\d{{2,}}°?(?:[ \t]*(?-i:[NS]))?(?={_LONG_AFTER})", 0.8),
            Pattern("long", rf"(?<={_LAT_LABEL}-?\d{{1,2}}\.\d{{2,}}°?(?:[ \t]*(?-i:[NS]))?[ \t]*[,;/]?[ \t]*{_LONG_LABEL})"
                            r"-?\d{1,3}\.\d{2,}°?(?:[ \t]*(?-i:[EW]))?(?!\d)", 0.8),
            # degrees, minutes and seconds written with spaces: "33 12 45 N 87 33 10 W"
            Pattern("dms-spaced", r"(?<![\w.])\d{1,2}[ \t]+[0-5]?\d[ \t]+[0-5]?\d(?:\.\d+)?[ \t]*(?-i:[NS])[ \t]*,?[ \t]*"
                                  r"\d{1,3}[ \t]+[0-5]?\d[ \t]+[0-5]?\d(?:\.\d+)?[ \t]*(?-i:[EW])\b", 0.8),
        ],
    )


_OLC = "23456789CFGHJMPQRVWX"
_FULL_OLC = re.compile(rf"(?<![\w+])(?i:[2-9C][2-9CFGHJMPQRV][{_OLC}]{{6}}\+[{_OLC}]{{2,3}}"
                       rf"|[2-9C][2-9CFGHJMPQRV](?:[{_OLC}]{{2}}){{0,2}}0+\+)(?![\w+])")
# a short code names its locality after it: the locality goes with it
_SHORT_OLC = re.compile(rf"(?<![\w+])(?i:[{_OLC}]{{4,6}}\+[{_OLC}]{{2,3}})(?![\w+])"
                        r",?[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}")


class PlusCodeRecognizer(LocalRecognizer):
    """Open Location Codes: full (``8FVC9G8F+6W``), padded (``8FVC0000+``) and short
    with their locality (``9G8F+6W Zurich``): the code's alphabet, its "+" after an even
    count of characters, and a digit and a letter in it (``plus`` alone, "C++", are
    none)."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["LOCATION"], name="PlusCodeRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        if "+" not in text:
            return []
        out = []
        for rx, score in ((_FULL_OLC, 0.75), (_SHORT_OLC, 0.6)):
            for m in rx.finditer(text):
                code = m.group(0)
                if any(c.isdigit() for c in code) and any(c.isalpha() for c in code) and \
                        not any(r.start <= m.start() < r.end for r in out):
                    out.append(RecognizerResult("LOCATION", m.start(), m.end(), score, recognition_metadata={
                        "recognizer_name": self.name, "recognizer_identifier": self.id}))
        return out


def three_word_address() -> PatternRecognizer:
    """A what3words address: three words joined by dots after three slashes
    (``///copper.lantern.meadow``), in any script."""
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="ThreeWordAddressRecognizer",
        patterns=[Pattern("w3w", r"(?<![/:\w])///\p{L}+\.\p{L}+\.\p{L}+(?![\w/]|\.\w)", 0.8),
                  # after its name, without the slashes: "what3words: copper.lantern.meadow"
                  Pattern("w3w-label", r"(?<=(?i:\b(?:what[ \t]?3[ \t]?words|what[ \t]+three[ \t]+words|three[ \t-]+word[ \t]+"
                                       r"address|3[ \t-]+word[ \t]+address)(?:[ \t]+(?:is|was|of))?[ \t]*[:=]?[ \t]*))"
                                       r"\p{Ll}+\.\p{Ll}+\.\p{Ll}+(?![\w/]|\.\w)", 0.8)],
    )


# the place a box's address names after a comma: one to three capitalised words, a possessive
# among them ("Kessler's Hollow", "Possum Crossing")
_BOX_PLACE = r"(?-i:\p{Lu}\p{Ll}+(?:['\u2019]s)?(?:[ \t]\p{Lu}\p{Ll}+(?:['\u2019]s)?){0,2})"
_PLACE_AFTER = re.compile(r",[ \t]*(?P<place>" + _BOX_PLACE + r")$")


class _Boxes(PatternRecognizer):
    """Drops a box whose words after the comma are no place: a place the gazetteer knows, or
    two words or more that end as a place's name does ("Pigeon Gap"; ``lexicon.place_kind_words``),
    not "Box 3, Tuesday" nor "box 4, Question"."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def a_place(r) -> bool:
            if r.analysis_explanation is None or r.analysis_explanation.pattern_name not in ("po-box-place", "box-place"):
                return True
            place = _PLACE_AFTER.search(text[r.start:r.end]).group("place")
            words = place.split()
            return known_place(place) or len(words) > 1 and words[-1].lower() in place_kind_words()

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if a_place(r)]


def rural_address() -> PatternRecognizer:
    """A rural route or highway-contract box and the town after it, in capitals or not as
    people type them: ``RR 4 Box 219``, ``Rural Route 2, Box 18``, ``hcr 1 box 55``, ``HC 61
    Box 7, Cedar Ford``, ``Star Route Box 12``, ``Route 1 Box 44``, ``General Delivery, Elk
    Prairie``; and a post-office box or a box with the named
    place after its comma (``PO Box 318, Kessler's Hollow``, ``Box 57, Pigeon Gap``)."""
    route = r"(?:(?i:RR|R\.R\.|HCR?|H\.C\.)|Rural[ \t]+Route|Highway[ \t]+Contract(?:[ \t]+Route)?|Star[ \t]+Route)"
    # a route by its number, before a box: "Route 1 Box 44", "Rt. 2 Box 118" (not "Route 9 to Box Elder")
    numbered = r"(?:Route|Rte\.?|Rt\.?)[ \t]*#?\d{1,4}[ \t]*,?[ \t]*(?i:Box|Bx)[ \t]*#?\d{1,5}\b"
    return _Boxes(
        supported_entity="LOCATION",
        name="RuralAddressRecognizer",
        patterns=[Pattern("route-box", rf"\b{route}[ \t]*(?:#?[ \t]*\d{{1,4}}[ \t]*,?[ \t]*)?(?i:Box|Bx)[ \t]*#?\d{{1,5}}\b"
                                       rf"(?:,[ \t]*{_BOX_PLACE})?", 0.85),
                  Pattern("numbered-route-box", rf"\b{numbered}(?:,[ \t]*{_BOX_PLACE})?", 0.8),
                  # the post office holds the mail: "General Delivery, Pine Hollow" (the town goes, the words stay)
                  Pattern("general-delivery", rf"(?<=\b(?i:General[ \t]+Delivery),?[ \t]*){_BOX_PLACE}\b", 0.8),
                  # the box first: "Box 1403, RR 5"
                  Pattern("box-route", rf"\b(?i:Box|Bx)[ \t]*#?\d{{1,5}}[ \t]*,?[ \t]*{route}[ \t]*\d{{1,4}}\b", 0.85),
                  Pattern("po-box-place", rf"\b(?i:P\.?[ \t]?O\.?[ \t]?Box)[ \t]*#?\d{{1,6}},[ \t]*{_BOX_PLACE}\b", 0.85),
                  Pattern("box-place", rf"\b(?i:Box)[ \t]*#?\d{{1,5}},[ \t]*{_BOX_PLACE}\b", 0.8)],
    )


_AU_STATES = r"(?-i:NSW|VIC|Vic|QLD|Qld|WA|SA|TAS|Tas|NT|ACT)"
_TOWN = r"(?-i:\p{Lu}\p{Ll}+(?:[ \t-](?:\p{Lu}\p{Ll}+|sur|am|an|der|de|la|le|du|en)){0,3})"
_LABEL = (r"(?:(?i:post[ \t]?code|postal[ \t]+code|code[ \t]+postal)[ \t]*|(?-i:PLZ|CEP|CP|C\.P\.)[ \t]+)[:#]?[ \t]*"
          r"(?:(?i:is|was)[ \t]+)?")
_COUNTRY = r"(?:Portugal|Germany|Deutschland|France|Australia|Austria|Switzerland|Belgium|Spain|Italy|Netherlands)"
_US_STREET = (r"(?i:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Highway|Hwy|"
              r"Parkway|Pkwy|Trail|Circle|Cir|Terrace)\b")


_NEXT_WORD = re.compile(r"[ \t]+(\p{L}+)")
_NEXT_WORDS = re.compile(r"[ \t]+(\p{Ll}+(?:[ \t\-]\p{Ll}+){0,2})")
# a dose or a measure after four digits ("1000 MG Tylenol", "2000 iu"), not a Dutch postcode's letters
_UNITS = r"(?i:MG|ML|CC|IU|MM|CM|KG|GM|HR|MN|MI|KM|LB|OZ|PM|AM)"


class _BeforeTown(PatternRecognizer):
    """Drops five digits whose next word is a common word ("10000 Steps", "15000 Euros"):
    a town is none."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        def ordinary_after(r) -> bool:  # a capitalised common word after bare digits
            m = _NEXT_WORD.match(text, r.end)
            if m is None or not m.group(1)[0].isupper() or re.match(_COUNTRY + "$", m.group(1)):
                return False
            if re.search(_LABEL + "$", text[max(0, r.start - 24):r.start]):
                return False
            word = m.group(1).lower()
            return word in common_words() and name_info(word) is None

        def typed_wrong(r) -> bool:  # the shapes typed in small letters need more
            name = r.analysis_explanation.pattern_name if r.analysis_explanation else ""
            if name == "town-typed":  # a town the gazetteer knows or a word of no vocabulary: "75016 paris",
                m = _NEXT_WORDS.match(text, r.end)  # "80331 münchen", not "12000 steps"
                words = m.group(1).split() if m else []
                return not (any(known_place(" ".join(words[:k])) for k in range(len(words), 0, -1))
                            or words and len(words[0]) > 2 and words[0] not in common_words() and words[0] not in vocabulary())
            if name == "nl-typed":  # "2019 in Utrecht": a year and a word
                digits, letters = text[r.start:r.start + 4], text[r.end - 2:r.end]
                return year(digits) and letters in common_words()
            return False

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags)
                if not ordinary_after(r) and not typed_wrong(r)]


def world_postcode() -> PatternRecognizer:
    """Postcodes said with a town, a country, a state or a label: ``3810-193 Aveiro``,
    ``10117 Berlin``, ``F-69002 Lyon``, ``69002, France``, ``Fitzroy VIC 3065``,
    ``postcode 2480``. Not a house number before a street ("10117 Berlin Road")."""
    five_before_town = (r"(?<![\w,.\-])(?<!\b(?-i:[A-Z]{2})[ \t])(?:(?-i:[DF])-)?\d{5}(?=[ \t]+(?-i:\p{Lu}\p{Ll}+)\b)"
                        rf"(?![ \t]+(?:\p{{Lu}}\p{{Ll}}+[ \t]+){{0,3}}{_US_STREET})")
    rec = _BeforeTown(
        supported_entity="POSTCODE",
        name="WorldPostcodeRecognizer",
        patterns=[
            Pattern("pt", rf"(?<![\w\-])\d{{4}}-\d{{3}}(?=[ \t]+{_TOWN}|,?[ \t]+Portugal\b)", 0.7),
            Pattern("five-town", five_before_town, 0.6),
            Pattern("five-country", rf"(?<![\w\-])\d{{4,5}}(?=,?[ \t]+(?:{_TOWN},?[ \t]+)?{_COUNTRY}\b)", 0.7),
            # the suburb and state go with it ("Fitzroy VIC 3065": "VIC" is no name)
            Pattern("au-state", rf"\b(?:{_TOWN},?[ \t]+)?{_AU_STATES}[ \t]+\d{{4}}\b", 0.7),
            # the Netherlands: four digits and two capitals before the town ("7943 KT Hester"), not
            # a dose or a measure ("1000 MG Tylenol")
            Pattern("nl", rf"(?<![\w\-])[1-9]\d{{3}}[ \t]?(?!{_UNITS}\b)(?-i:[A-Z]{{2}})(?=[ \t]+{_TOWN}|,?[ \t]+(?:Netherlands|Nederland)\b)", 0.7),
            # as people type them: the state in small letters after the suburb ("Tallowood qld 4370"),
            # the Dutch letters in small letters after a street's comma or joined to the digits
            # ("Lindenlaan 8, 2613 bx Delft", "9711ab Groningen"), a town in small letters after a
            # comma ("Rue Foch 3, 75016 paris": the town must be one the gazetteer knows)
            Pattern("au-state-typed", rf"\b{_TOWN}[ \t]+(?-i:nsw|vic|qld|wa|sa|tas|nt|act)[ \t]+\d{{4}}\b", 0.7),
            Pattern("nl-typed", rf"(?:(?<=,[ \t]*)[1-9]\d{{3}}[ \t]|(?<![\w\-])[1-9]\d{{3}})(?!{_UNITS}\b)(?-i:[a-z]{{2}})"
                                rf"(?=[ \t]+{_TOWN}|,?[ \t]+(?:Netherlands|Nederland)\b)", 0.7),
            Pattern("town-typed", r"(?<=,[ \t]*)(?:(?-i:[DF])-)?(?:\d{5}|\d{4}-\d{3})(?=[ \t]+(?-i:\p{Ll}+)\b)", 0.6),
            Pattern("label", rf"(?<=\b{_LABEL})(?:\d{{4}}-\d{{3}}|\d{{4,5}}|[A-Z]{{1,2}}\d[A-Z\d]?[ \t]?\d[A-Z]{{2}})\b", 0.7),
        ],
    )
    # for the prefilter, what two of them need (it reads no lookaround, and without one they would
    # let nearly every text with four digits through): the label before; the Dutch letters in small
    # letters, then a town's capital (a text the prefilter reads is ASCII) or the country
    rec.triggers = {
        "label": r"(?:(?i:post[ \t]?code|postal[ \t]+code|code[ \t]+postal)|(?-i:PLZ|CEP|CP|C\.P\.)[ \t])",
        "nl-typed": r"[1-9][0-9]{3}[ \t]?(?-i:[a-z]{2})(?:[ \t]+(?-i:[A-Z][a-z])|,?[ \t]+(?i:ne))",
    }
    return rec


_TOWN_THEN_CODE = re.compile(r"(?<![\w\-])(?P<town>\p{Lu}\p{Ll}+(?:[ \t\-]\p{Lu}\p{Ll}+){0,2})(?P<comma>,?)[ \t]+"
                             r"(?P<code>\d{4}-\d{3}|\d{4,5})(?![\w\-]|[.,]\d)")
# what may follow a postcode in a sentence: the end, a stop, a dash, or a small word that
# starts the next clause ("Tampere 33100, off it since spring"; "Ghent 9000 and the clinic")
_CODE_ENDS = re.compile(r"[ \t]*(?:$|[\n,.;:!?)\]\u2014\u2013]|-[ \t]|[ \t]*(?:and|but|so|since|where|when|with|for|is|"
                        r"was|now|too|though)\b)")


_TOWN_WORDS = re.compile(r"[ \t\-]")


class TownThenPostcodeRecognizer(LocalRecognizer):
    """A postcode after its town with no label, as it ends a European address or is said in
    a sentence: ``back in Tampere 33100``, ``Braga 4700-312``, ``Graz 8010 -``. The town must be a
    place the gazetteer knows, the code no year ("Paris 2024") and no measure or count after it
    ("Denver 5280 feet"); with a comma between, only the Portuguese shape. The code goes."""

    def __init__(self, supported_language: str = "en"):
        super().__init__(supported_entities=["POSTCODE"], name="TownThenPostcodeRecognizer",
                         supported_language=supported_language)

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        out = []
        for m in _TOWN_THEN_CODE.finditer(text):
            code, words = m.group("code"), _TOWN_WORDS.split(m.group("town"))
            portuguese = "-" in code  # NNNN-NNN: a shape of its own, wherever the sentence goes on
            if (m.group("comma") and not portuguese) or year(code) or quantity_after(text, m.end()) \
                    or not (portuguese or _CODE_ENDS.match(text, m.end())):
                continue
            if any(known_place(" ".join(words[k:])) for k in range(len(words))):
                out.append(RecognizerResult("POSTCODE", m.start("code"), m.end("code"), 0.6, recognition_metadata={
                    "recognizer_name": self.name, "recognizer_identifier": self.id}))
        return out
