"""Recognizers for identifiers Presidio lacks or gets wrong here: an email
recognizer that never goes online, social handles, ZIP codes, ages over 89,
medical record and other numbers in context, street addresses.

Presidio's own email recognizer validates domains through tldextract, which
downloads the public suffix list on first use; ``OfflineEmailRecognizer``
pins it to the snapshot that ships inside tldextract.
"""

from __future__ import annotations

import regex as re
import tldextract
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from .base import ValuePatternRecognizer
from ..wordlists import UNITS

# suffix_list_urls=() -> never fetch; cache_dir=None -> never write a cache.
_OFFLINE_TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""


_AT = r"(?:[ \t]*@[ \t]*|[ \t]*[(\[{<][ \t]*at[ \t]*[)\]}>][ \t]*|[ \t]+at[ \t]+)"
_DOT = r"(?:[ \t]*\.[ \t]*|[ \t]*[(\[{<][ \t]*dot[ \t]*[)\]}>][ \t]*|[ \t]+dot[ \t]+)"
_MAIL_ENDING = r"(?:com|org|net|edu|gov|io|me|co|uk|ca|au|de|fr|nl|us|info|biz|mail)"
_WORD_PART = r"[A-Za-z0-9_%+\-]+"


_MAIL_SIGN = re.compile(r"@|(?i:\bdot\b|[(\[{<][ \t]*at[ \t]*[)\]}>])")


class _WrittenOutEmail(PatternRecognizer):
    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        # no "@", "dot" or "(at)" anywhere: no address to find (most texts; saves the scan)
        if not _MAIL_SIGN.search(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def validate_result(self, pattern_text: str):
        """Spelled out with a plain " at ", the part before it is no common
        word on its own ("look at me dot com")."""
        from ..lexicon import common_words

        m = re.search(r"[ \t]+at[ \t]+", pattern_text, re.IGNORECASE)
        if m and re.fullmatch(r"[A-Za-z]+", pattern_text[:m.start()]) and pattern_text[:m.start()].lower() in common_words():
            return False
        return None


def written_out_email() -> PatternRecognizer:
    """E-mail addresses written to dodge a scraper or a filter, or with no
    public ending: ``rosa dot imbert at gmail dot com``, ``t.ferro @ example .
    org``, ``maria (at) clinic (dot) org``, ``kim@clinic.local``,
    ``j.ames@gmail``. The spelled-out forms need a mail ending after the last
    "dot", so that "look at me" is no address."""
    local = rf"{_WORD_PART}(?:{_DOT}{_WORD_PART})*"
    return _WrittenOutEmail(
        supported_entity="EMAIL_ADDRESS",
        name="WrittenOutEmailRecognizer",
        patterns=[
            Pattern("spelled-out", rf"(?i:\b(?>{local}){_AT}{_WORD_PART}(?:{_DOT}{_WORD_PART})*{_DOT}{_MAIL_ENDING}\b)", 0.6),
            Pattern("no-public-ending", rf"(?<![\w.@])[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*@[A-Za-z][A-Za-z0-9\-]*(?:\.[A-Za-z0-9\-]+)*\b(?!\.\w)", 0.5),
        ],
    )


def social_handle() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="SOCIAL_HANDLE",
        name="SocialHandleRecognizer",
        patterns=[
            Pattern("at-handle", r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b(?!@|\.\w)", 0.6),
            Pattern(
                "profile-url",
                r"\b(?:https?://)?(?:www\.|m\.)?(?:facebook|instagram|tiktok|twitter|x|threads|reddit)\.com/(?:u/|user/|@)?[A-Za-z0-9_.\-]{2,}",
                0.85,
            ),
        ],
        context=["follow", "dm", "handle", "instagram", "tiktok", "twitter", "ig"],
    )


def postcode() -> PatternRecognizer:
    """Postcodes beyond the US, in capitals as they are written: British
    (``SW1A 1AA``, ``M1 1AE``) and Canadian (``K1A 0B1``)."""
    return PatternRecognizer(
        supported_entity="POSTCODE",
        name="PostcodeRecognizer",
        patterns=[
            Pattern("uk", r"(?-i:\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b)", 0.6),
            Pattern("canada", r"(?-i:\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t-]?\d[ABCEGHJ-NPRSTV-Z]\d\b)", 0.6),
        ],
        context=["postcode", "post code", "postal code", "address"],
    )


def handle_in_context() -> PatternRecognizer:
    """A user name without its "@", given as one: ``I'm sunny_rider_82 on
    there``, ``find me as u/tapering_tom``, ``my username is blue.heron_7``.
    Only a word with an underscore or a digit beside its letters: "I'm fine
    on there" and "I'm 45 on Tuesday" are no handles."""
    handle = r"(?=[A-Za-z0-9_.]*[A-Za-z])(?=[A-Za-z0-9_.]*[_\d])[A-Za-z0-9_][A-Za-z0-9_.]{2,29}(?<![.])(?![\w/])"
    return ValuePatternRecognizer(
        value=rf"(?:(?<![\w/])u/)?{handle}",
        supported_entity="SOCIAL_HANDLE",
        name="HandleInContextRecognizer",
        patterns=[
            Pattern("given-as", rf"(?i:\b(?:find me as|find me at|look me up as|add me as|follow me as|"
                                rf"i'?m|i am|i go by|go by|known as)[ \t]+){handle}(?=[ \t]+(?i:on|at|over)\b)", 0.6),
            Pattern("named", rf"(?i:\bmy[ \t]+(?:user[ \t]?name|handle|screen[ \t]?name|gamertag|"
                             rf"insta|ig|tiktok|reddit|discord)(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]+){handle}\b", 0.6),
            Pattern("reddit", r"(?<![\w/])u/[A-Za-z0-9_\-]{3,20}\b", 0.7),
        ],
    )


def zip_code() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="ZIP_CODE",
        name="UsZipRecognizer",
        patterns=[
            Pattern("zip+4", r"\b\d{5}-\d{4}\b", 0.5),
            # A state abbreviation then five digits: "Dayton, OH 45402".
            Pattern("state-zip", r"(?<=\b[A-Z]{2} )\d{5}\b", 0.6),
            Pattern("zip", r"\b\d{5}\b", 0.05),
        ],
        context=["zip", "zipcode", "postal", "code"],
    )


# Where a bare number is a person's age: after "I'm", "she is", "age:", "at", and
# before the end of the clause or a new subject ("I'm 94 and still here", "still driving at 102,",
# "at 101 my grandmother still walks");
# not before a unit or a noun ("at 95 degrees", "was 95 pounds", "at 102 Main St").
_AGE_BEFORE = (r"(?i:(?<=\b(?:i'?m|i[ \t]+am|(?:she|he|they|who)(?:'s|[ \t]+is|[ \t]+was|[ \t]+are)|"
               r"(?:mom|mum|dad|father|mother|gran|grandma|grandpa|nana|wife|husband)[ \t]+(?:is|was)|"
               r"at|now)[ \t]+))")
_AGE_AFTER = (r"(?=[ \t]*(?:[.,;:!?)\]](?!\d)|$|\band\b|\bbut\b|\bnow\b|\bthis\b|\bnext\b|\bsoon\b|\bwhen\b"
              r"|\b(?:I|my|she|he|they|we|her|his|(?i:still))\b))")  # "at 101 my grandmother still walks", "at 93 I quit"


_AGED_PERSON = ("mom|mum|mother|dad|father|gran|grandma|grandpa|grandmother|grandfather|nana|wife|husband|aunt|uncle|"
                "sister|brother|neighbou?r|friend|man|woman|lady|patient|veteran|widow|widower|she|he")


def age_over_89() -> PatternRecognizer:
    """Ages from 80 (the rules keep those up to 89): ``92 years old``, ``91
    yo``, ``aged 97``, ``age: 97``, ``I'm 94``, ``driving at 102,``, ``a
    woman of 93``, ``my gran, 97, lives with us``."""
    ages = r"(?:8\d|9\d|1[01]\d)"
    return PatternRecognizer(
        supported_entity="AGE",
        name="AgeRecognizer",
        patterns=[
            Pattern("n-years-old", rf"\b{ages}(?=[- ]?(?:years?|yrs?|yo|y/o)[- ]?(?:old|of age)?\b)", 0.7),
            Pattern("aged-n", rf"(?i:\b(?:aged?|age of|turned|turning)\s+){ages}\b", 0.7),
            Pattern("age-field", rf"(?i:(?<=\bage[ \t]*[:=][ \t]*)){ages}\b", 0.7),
            Pattern("is-n", rf"{_AGE_BEFORE}\b{ages}\b{_AGE_AFTER}", 0.6),
            # "a woman of 93", "my gran, 97, lives with us"
            Pattern("person-of-n", rf"(?<=(?i:\b(?:man|woman|lady|gentleman|person|patient|veteran|widow|widower|"
                                   rf"grandmother|grandfather|gran|grandma|grandpa)[ \t]+of[ \t]+)){ages}\b(?![ \t]*(?:%|mg|years?[ \t]+ago))", 0.6),
            Pattern("person-comma-n", rf"(?<=(?i:\b(?:{_AGED_PERSON}),[ \t]*)){ages}(?=[ \t]*,)", 0.6),
        ],
    )


def medical_record_number() -> PatternRecognizer:
    return ValuePatternRecognizer(
        value=r"[A-Z0-9][A-Z0-9\-]{4,14}",
        supported_entity="MEDICAL_RECORD_NUMBER",
        name="MedicalRecordNumberRecognizer",
        patterns=[
            Pattern("mrn", r"(?i:\b(?:MRN|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #))\s*[:#]?\s*)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.8),
            # "chart number at the clinic: 00581772", "my patient number is 4471903", "case no. at the VA was 88-1203"
            Pattern("mrn-context", r"(?i:\b(?:MRN|medical record|chart|patient|hospital|record|case|file)[ \t]+(?:number|no\.?|#|id)"
                                   r"(?:[ \t]+(?!is\b|was\b)[a-z]+){0,4}[ \t]*(?::|#|[ \t]is|[ \t]was|=)[ \t]*)"
                                   r"(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{4,14}\b", 0.7),
        ],
    )


_NOT_A_STREET = ("(?:the|a|an|of|to|from|down|up|on|in|at|by|my|our|your|his|her|their|this|that|more|other|"
                 "blocks?|miles?|km|minutes?|mins?|hours?|times?|days?|weeks?|months?|years?|steps?|houses?|doors?|"
                 "laps?|exits?|stops?|lanes?|cars?|pills?|mg|tabs?)")


def street_address() -> PatternRecognizer:
    suffix = (
        "Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|"
        "Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Row|Alley"
    )
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="StreetAddressRecognizer",
        patterns=[
            Pattern("number-street", rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z][a-z]+[ \t]+){{1,3}}(?:{suffix})\b\.?(?:[ \t]*(?:#|Apt\.?|Unit|Suite)[ \t]*\w+)?"
                    r"(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?", 0.85),
            Pattern("number-street-capitals", rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z]{{2,}}[ \t]+){{1,3}}"
                    rf"(?:{suffix.upper()})\b\.?", 0.85),
            # all lower case: whole suffix words only ("st", "way", "row" are words too), and
            # no counting words between ("3 blocks down the road" is not an address)
            Pattern("number-street-lower", rf"\b\d{{1,6}}[ \t]+(?:(?!{_NOT_A_STREET}\b)[a-z]{{2,}}[ \t]+){{1,2}}"
                    r"(?:street|avenue|road|lane|drive|boulevard|court|terrace|circle|highway|parkway|trail)\b", 0.7),
            Pattern("po-box", r"\b(?i:P\.?\s?O\.?\s?Box)[ \t]+\d{1,6}\b", 0.85),
        ],
        global_regex_flags=re.MULTILINE,
    )


def _labelled(entity: str, name: str, labels: str, value: str, score: float = 0.8) -> PatternRecognizer:
    """A number after its label ("claim #: 88-1234-X"); the finding is the number."""
    sep = r"[ \t]*(?:(?i:number|num|no\.?|id|#)[ \t]*)?[:#]?[ \t]*(?:(?i:is|was)[ \t]+)?"
    return ValuePatternRecognizer(
        value=rf"(?P<v>{value})",
        supported_entity=entity,
        name=name,
        patterns=[Pattern(name, rf"\b(?i:{labels}){sep}(?:{value})\b", score)],
        global_regex_flags=re.MULTILINE,
    )


# An identifier: letters, digits and dashes, with at least one digit.
_ID = r"(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19}"


def account_number() -> PatternRecognizer:
    return _labelled("ACCOUNT_NUMBER", "AccountNumberRecognizer",
                     r"account|acct|claim|case|reference|ref|invoice|billing|confirmation", _ID)


def member_id() -> PatternRecognizer:
    return _labelled("US_HEALTH_INSURANCE_MEMBER_ID", "HealthPlanIdRecognizer",
                     r"member|member id|policy|subscriber|group|plan|health plan|insurance|medicaid|medicare|"
                     r"beneficiary", _ID)


def licence_number() -> PatternRecognizer:
    return _labelled("LICENSE_NUMBER", "LicenseNumberRecognizer",
                     r"(?:driver'?s?|drivers|nursing|rn|lpn|cdl|professional|medical|pharmacy)?[ \t]*licen[cs]e|"
                     r"DL|CDL|DEA|NPI|permit", _ID)


def vehicle_id() -> PatternRecognizer:
    rec = _labelled("VEHICLE_ID", "VehicleIdRecognizer", r"(?:license|licence)[ \t]+plate|plate|tag|registration|vin",
                    r"[A-HJ-NPR-Z0-9]{17}|(?=[A-Z0-9\- ]*\d)[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}")
    return rec


def device_id() -> PatternRecognizer:
    return _labelled("DEVICE_ID", "DeviceIdRecognizer",
                     r"serial|s/n|sn|device|device id|imei|pump|monitor|meter|implant", _ID)


def survey_id() -> PatternRecognizer:
    """Survey-system response ids (Qualtrics ``R_...``, "response id 1234").
    The default rules keep them; a rules file can remove them."""
    rec = _labelled("SURVEY_ID", "SurveyIdRecognizer", r"response|respondent|submission|survey", _ID + r"|R_[A-Za-z0-9]{15}")
    rec.patterns.append(Pattern("qualtrics", r"\bR_[A-Za-z0-9]{15}\b", 0.8))
    return rec


_UNITS = "|".join(UNITS)
_OLD = r"(?:ninety(?:[- ](?:" + _UNITS + r"))?|(?:a|one)[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?(?:" + _UNITS + r"|ten|eleven|twelve))?)"


def age_in_words() -> PatternRecognizer:
    """``ninety-two years old``, ``turned a hundred``."""
    return PatternRecognizer(
        supported_entity="AGE",
        name="AgeWordsRecognizer",
        patterns=[
            Pattern("words-years-old", rf"(?i:\b{_OLD}(?=[- ]?years?[- ]?(?:old|of age)\b))", 0.75),
            Pattern("aged-words", rf"(?i:\b(?:aged?|turned|turning|age of)[ \t]+{_OLD}\b)", 0.75),
            Pattern("is-words", rf"{_AGE_BEFORE}(?i:\b{_OLD}\b){_AGE_AFTER}", 0.65),
        ],
    )


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def written_date() -> PatternRecognizer:
    """Dates as people write them: ``March 3rd, 2021``, ``3 March 2021``,
    ``the 14th of March``, ``Mar. 14``."""
    return PatternRecognizer(
        supported_entity="DATE_TIME",
        name="WrittenDateRecognizer",
        patterns=[
            Pattern("month-day", rf"\b{_MONTH}\.?[ \t]+{_DAY}\b(?:,?[ \t]+(?:19|20)\d\d\b)?", 0.8),
            Pattern("day-month", rf"\b(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}\b\.?(?:,?[ \t]+(?:19|20)\d\d\b)?", 0.8),
            Pattern("month-year", rf"\b{_MONTH}\.?,?[ \t]+(?:19|20)\d\d\b", 0.7),
        ],
        global_regex_flags=re.MULTILINE,
    )


_YEAR4 = r"(?:1[89]\d\d|20\d\d)(?!\d)"
_BIRTH_VALUE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|(?:1[89]|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|['\u2019]\d\d(?!\d)"  # "born '29"
    rf"|(?:(?i:{_MONTH})\.?[ \t]+{_DAY},?[ \t]+|{_DAY}[ \t]+(?:of[ \t]+)?(?i:{_MONTH})\.?,?[ \t]+|(?i:{_MONTH})\.?,?[ \t]+(?:of[ \t]+)?)?{_YEAR4})"
    r"(?![ \t]+or[ \t]+earlier)"  # what generalising wrote ("born in 1936 or earlier")
)


def birth_date() -> PatternRecognizer:
    """A date or year of birth: ``born in 1929``, ``b. 3/4/1931``, ``date
    of birth: 1928-03-14``, ``DOB 19290117``, ``my birthday is March 3,
    1930``. Its own type, so that the rules can treat a year that tells an
    age over 89 as Safe Harbor asks (``generalize``). Scored 1.0, so that
    it types the span over a date recognizer that its own context words
    ("birth", "date") lift as high."""
    return ValuePatternRecognizer(
        value=rf"(?P<v>{_BIRTH_VALUE})",
        supported_entity="BIRTH_DATE",
        name="BirthDateRecognizer",
        patterns=[
            Pattern("born", rf"(?i:\b(?:born|b\.)(?:[ \t]+(?:in|on|around|about|circa|c\.))?[ \t]+){_BIRTH_VALUE}", 1.0),
            Pattern("birth-field", rf"(?i:\b(?:date[ \t]+of[ \t]+birth|d\.?o\.?b\.?|birth[ \t]?date|birthday|year[ \t]+of[ \t]+birth"
                                   rf"|birth[ \t]+year)[ \t]*(?:is|was|:|=|-)?[ \t]*){_BIRTH_VALUE}", 1.0),
        ],
        global_regex_flags=re.MULTILINE,
    )


_ORG_KIND = (
    r"(?:Recovery|Treatment|Medical|Health|Wellness|Behavioral Health|Community|Counseling|Crisis|Detox|Rehab|"
    r"Addiction|Pain|Methadone|Comprehensive|Family)?[ \t]*"
    r"(?:Center|Centre|Clinic|Hospital|Health|Healthcare|Services|Institute|Foundation|House|Home|Ranch|Lodge|"
    r"Church|Chapel|Ministries|Fellowship|School|High School|Academy|University|College|Pharmacy|Rehab|Detox|"
    r"Shelter|Mission|Program|Battalion|Regiment|Squadron|Inc|LLC|Corp|Company|Co)\b\.?"
)


def organisation() -> PatternRecognizer:
    """Places a person attends or works at: ``Lakeside Recovery Center``,
    ``St. Mary's Hospital``, ``Bridgeway Clinic``."""
    word = r"(?:St\.|Saint|\p{Lu}[\p{L}'\u2019&\-]+)"
    return PatternRecognizer(
        supported_entity="ORGANIZATION",
        name="OrganisationRecognizer",
        patterns=[Pattern("named-org", rf"\b{word}(?:[ \t]+(?:of[ \t]+|the[ \t]+)?{word}){{0,4}}[ \t]+{_ORG_KIND}", 0.75)],
        global_regex_flags=re.MULTILINE,
    )


def phone_in_context() -> PatternRecognizer:
    """Phone numbers Presidio's validator rejects (short local, international
    or made-up numbers), when a phone word is near."""
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="PhoneContextRecognizer",
        patterns=[
            Pattern("digits", r"(?<![\w.+-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?:x\d{1,5})?(?![\w-])", 0.1),
            Pattern("plus", r"(?<![\w+])\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]?\d{2,5}){1,4}(?!\w)", 0.5),
        ],
        context=["phone", "call", "text", "cell", "mobile", "tel", "telephone", "fax", "number", "reach", "contact", "whatsapp"],
    )


# A number spelt out digit by digit: "five five five, two one two, nine nine eight eight".
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_SEP = r"(?:[ \t]*[,\-][ \t]*|[ \t]+(?:dash[ \t]+)?)"


def spelled_number() -> PatternRecognizer:
    """Seven or more digits spelt out one by one: nobody counts like that in
    a story, so it is a phone number (the SSN recognizer below takes nine
    of them after "social")."""
    return PatternRecognizer(
        supported_entity="PHONE_NUMBER",
        name="SpelledNumberRecognizer",
        patterns=[Pattern("digit-words", rf"(?i:\b{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{6,}}\b)", 0.6)],
    )


def spelled_ssn() -> PatternRecognizer:
    """"my social is one two three, four five, six seven eight nine"."""
    return ValuePatternRecognizer(
        value=rf"(?i:{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{8}})",
        supported_entity="US_SSN",
        name="SpelledSsnRecognizer",
        patterns=[Pattern("social-digit-words", rf"(?i:\b(?:social|ssn|social security(?:[ \t]+(?:number|no\.?|#))?)\b"
                                                rf"[^.\n\d]{{0,20}}?\b{_DIGIT_WORD}(?:{_DIGIT_SEP}{_DIGIT_WORD}){{8}}\b)", 0.8)],
    )


_FILE_TYPES = r"(?:jpe?g|png|gif|webp|heic|svg|tiff?|pdf|docx?|odt|rtf|txt|md|html?|csv|xlsx?|json|mp[34]|m4a|wav|mov|avi)"


class _NamedFiles(PatternRecognizer):
    """Keeps a file name only when a part of it is not plain words (``ids.plain``)."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        from ..ids import plain

        def named(value: str) -> bool:
            parts = value.split("/")
            return any(not plain(p.rsplit(".", 1)[0] if i == len(parts) - 1 else p) for i, p in enumerate(parts) if p)

        return [r for r in super().analyze(text, entities, nlp_artifacts, regex_flags) if named(text[r.start:r.end])]


def file_name() -> PatternRecognizer:
    """A file named in the text or as an image or link target, that holds a
    name: ``img/joanna-pike-2022.jpg``, ``interview with Petra Lind.docx``'s
    kind without spaces. Published as deid names files (``ids.public_path``):
    the same keyed stand-in a file of that name gets, so the link still
    points at it. Not inside a web address (that is a URL)."""
    return _NamedFiles(
        supported_entity="FILE_NAME",
        name="FileNameRecognizer",
        patterns=[Pattern("path", rf"(?<![\w./:@\-])(?:[\w.\-]+/)*[\w\-][\w.\-]*\.{_FILE_TYPES}\b(?![\w/\-])", 0.7)],
        global_regex_flags=re.IGNORECASE,
    )


def long_number() -> PatternRecognizer:
    """A run of 9 to 19 digits (a card, account or record number that no
    validator accepted): nothing in a story is counted that long."""
    return PatternRecognizer(
        supported_entity="ACCOUNT_NUMBER",
        name="LongNumberRecognizer",
        patterns=[
            Pattern("digits", r"(?<![\d.,])\d{9,19}(?![\d.,]\d)", 0.5),
            Pattern("grouped", r"(?<![\d-])\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,4})?(?![\d-])", 0.5),
        ],
    )


def unit_and_box() -> PatternRecognizer:
    """``Apt. 762``, ``Suite 501``, ``apt 4C``, ``lot 22``, ``PSC 0413, Box 8144``, ``APO AA 42323``."""
    return PatternRecognizer(
        supported_entity="LOCATION",
        name="UnitAddressRecognizer",
        patterns=[
            Pattern("unit", r"\b(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|Lot)\.?[ \t]*#?[ \t]*\d{1,5}[A-Z]?\b", 0.6),
            # in lower case too ("apt 4C", "lot 22 in the ... park", "unit 12b"), not "a lot 2 times"
            Pattern("unit-lower", r"(?<!\b(?i:a|the)[ \t]+)\b(?:apt|apartment|suite|unit|lot|trailer|space|flat)\.?[ \t]*#?[ \t]*"
                                  r"\d{1,5}[A-Za-z]?\b(?![ \t]*(?:%|mg|mcg|ml|times|x\b|hours?|days?|weeks?|months?|years?|pills?))", 0.6),
            Pattern("military", r"\b(?:PSC|CMR|Unit)[ \t]+\d{3,5},?[ \t]*Box[ \t]+\d{1,5}\b", 0.85),
            Pattern("apo", r"\b(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}\b", 0.85),
        ],
        global_regex_flags=re.MULTILINE,
    )
