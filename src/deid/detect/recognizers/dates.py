"""Recognizers for ages over 89 (in digits and in words), dates as people
write them, and dates and years of birth."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer
import regex as re

from deid.core.lexicon import common_words, foreign_months, is_drug_name, is_medical_term
from deid.core.wordlists import HOLIDAYS, RELATIONS, SUBJECT_ADVERBS, TEENS, UNITS
from deid.detect.recognizers.base import Pattern, ValuePatternRecognizer

# Where a bare number is a person's age: after "I'm", "she is", "age:", "at", and
# before the end of the clause or a new subject ("I'm 94 and still here", "still driving at 102,",
# "at 101 my grandmother still walks");
# not before a unit or a noun ("at 95 degrees", "was 95 pounds", "at 102 Main St").
# a person word (kin, care and social roles: ``base.RELATIONS``, with "great-", "god", "step" and
# "grand" before them) as the subject of a verb of being or ageing ("my great-uncle is", "our
# pastor was", "she'll be", "grandma's", "he would have been", "my godmother lived to").
_PERSON_WORD = (rf"(?:(?:great-?|god|step|grand)?(?:{RELATIONS})|gran|grandma|grandpa|granny|nana|papa|auntie|aunty|nan|nanna|"
                r"gramps|grammy|grampa|meemaw|pawpaw|mamaw|papaw|pops|poppa|grandad|granddad|nanny|oma|opa|abuela|abuelo|nonna|nonno|"
                r"she|he|they|who)")
_AGEING = (r"(?:['\u2019]s(?:[ \t]+(?:going[ \t]+on|nearly|almost|now|already|turning))?|[ \t]+(?:is|was|turned|turns|just[ \t]+turned|is[ \t]+now|was[ \t]+already|lived[ \t]+to|"
           r"(?:is[ \t]+)?(?:going[ \t]+on|nearly|almost)|"
           r"made[ \t]+it[ \t]+to|would[ \t]+have[ \t]+been|will[ \t]+be)|['\u2019]ll[ \t]+be)")
# A name as the subject ("Odile Varga is", "my husband, Emil Roth, is") and "as old as" too.
# (capitals as written: Presidio matches without regard to case, and "The score was 95" is no one)
_NAME_SUBJECT = r"(?-i:\p{Lu}\p{Ll}+(?:[- ]\p{Lu}[\p{Ll}'\u2019]+)*),?[ \t]+(?:is|was|turned|turns|just[ \t]+turned)"
# (a note in brackets may stand between: "Mom (Bea to everyone) is 94 and")
# (and the person's name after the word: "my great-uncle Amos is going on"; the person told their
# age: "you turn 94 in June", "you're 92 and")
_TOLD = r"(?:you|u)(?:['\u2019]re|[ \t]+are|[ \t]+were|[ \t]+turn|[ \t]+turned|[ \t]+will[ \t]+be|['\u2019]ll[ \t]+be)"
AGE_BEFORE = _AGE_BEFORE = (rf"(?<=\b(?i:i'?m|i[ \t]+am|{_PERSON_WORD}(?:[ \t]+(?-i:\p{{Lu}}\p{{Ll}}+))?(?:[ \t]*\([^()\n]{{1,60}}\))?{_AGEING}"
               rf"|{_TOLD}|(?:she|he)s|as[ \t]+old[ \t]+as|at|now)[ \t]+"
               rf"|\b{_NAME_SUBJECT}[ \t]+)")
# what may follow an age: the clause's end, a conjunction, a time, the person's next words
AGE_END = (r"[ \t]*(?:[.,;:!?)\]](?!\d)|\((?![ \t]*(?i:mg|mcg|ml|%|lbs?|kgs?|pounds?|degrees?|percent|units?)\b)|$|\band\b|\bn\b|&|\bbut\b|\bnow\b|\bthis\b|\bnext\b|\bsoon\b|\bwhen\b"
           r"|\b(?:I|my|she|he|they|we|her|his|(?i:still|then|already|today|yet|at[ \t]+the[ \t]+time|back[ \t]+then))\b"
           r"|\b(?i:lol|lmao|haha\w*|omg|smh|tbh|ngl|fr|bless\w*|y'?all)\b"
           r"|\b(?i:in)[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
AGE_AFTER = _AGE_AFTER = rf"(?={AGE_END})"  # "at 93 I quit", "Mom was 94 then"


_AGED_PERSON = ("mom|mum|mother|dad|father|gran|grandma|grandpa|grandmother|grandfather|nana|wife|husband|aunt|uncle|"
                "sister|brother|neighbou?r|friend|man|woman|lady|patient|veteran|widow|widower|she|he")


_NOT_A_UNIT = (r"(?![ \t]*(?:%|°|degrees?|mg|lbs?|pounds?|kgs?|kilos?|stone|miles?|km|minutes?|days?|weeks?|percent|"
               r"years?[ \t]+ago|mph|kph|km/h)\b)")
# an age reached, whatever follows it: "pushing 99", "reached 101", "lived to 104"
# an adverb between the person and the verb: "grandpa just hit", "she finally reached"
_ADVERB = rf"(?:[ \t]+(?i:{SUBJECT_ADVERBS}))?"
_REACHED = r"(?:[ \t]+is)?" + _ADVERB + r"[ \t]+(?:pushing|reached|reaches|lived[ \t]+to|made[ \t]+it[ \t]+to)"
# "she hit 102 this spring": "hit" only before the clause ends or a time ("hit 95 on the highway" is a speed)
_HIT_AFTER = r"(?=[ \t]*(?:[.,;:!?)\]](?!\d)|$|\b(?:and|but|in|over|last|this|next|when|today|yesterday)\b))"
# a time between an age and its comma: "my great-uncle, ninety-one this winter, ..."
_COMMA = r"(?=[ \t]*(?:(?:this|next|last)[ \t]+\p{L}+[ \t]*)?(?:,(?!\d)|[ \t]*$))"  # not "107,000"; a line's end too


def _said_of_a_person(kind: str, n: str, score: float) -> list[Pattern]:
    """The positions where a number ``n`` is a person's age, shared by digits and words: "I'm
    94", "as old as 93", "a woman of 93", "my gran, 97, lives with us", "she'll be 95 in March"."""
    return [
        Pattern(f"is-{kind}", rf"{_AGE_BEFORE}\b{n}\b{_AGE_AFTER}", score),
        # "as old as 93 on it": an age whatever follows, but a unit ("as old as 95 degrees")
        Pattern(f"as-old-as-{kind}", rf"(?<=(?i:\bas[ \t]+old[ \t]+as[ \t]+)){n}\b{_NOT_A_UNIT}", score),
        Pattern(f"person-of-{kind}", rf"(?<=(?i:\b(?:man|woman|lady|gentleman|person|patient|veteran|widow|widower|"
                                     rf"grandmother|grandfather|gran|grandma|grandpa)[ \t]+of[ \t]+)){n}\b{_NOT_A_UNIT}", score),
        Pattern(f"person-comma-{kind}", rf"(?<=(?i:\b(?:{_AGED_PERSON}),[ \t]*)){n}{_COMMA}", score),
        # a name, then the age between commas or in brackets: "Cornelius, 99, ...", "Aunt Perpetua (94)"
        # (capitals as written: Presidio matches these without regard to case)
        Pattern(f"name-comma-{kind}", rf"(?<=\b(?-i:\p{{Lu}}\p{{Ll}}+),[ \t]*){n}{_COMMA}", score),
        # the name and the age in brackets: "Papa (Otto Brandt, 98)"
        Pattern(f"bracket-name-comma-{kind}", rf"(?<=\([ \t]*(?-i:\p{{Lu}}\p{{Ll}}+)(?:[ \t]+(?-i:\p{{Lu}}[\p{{Ll}}'\u2019-]+)){{0,2}},[ \t]*)"
                                              rf"{n}(?=[ \t]*\))", score),
        Pattern(f"bracket-{kind}", rf"(?<=(?:\b(?-i:\p{{Lu}}\p{{Ll}}+)|\b(?i:{_PERSON_WORD}))[ \t]*\(){n}"
                                   rf"(?=(?:[ \t]+(?i:this|next)[ \t]+\p{{L}}+|[ \t]+(?i:now))?[!?]*[ \t]*[),])", score),
        # an age reached ("is pushing 99", "lived to 104"), died at ("passed away at 96")
        Pattern(f"reached-{kind}", rf"(?<=\b(?i:{_PERSON_WORD}){_REACHED}[ \t]+){n}\b{_NOT_A_UNIT}", score),
        Pattern(f"hit-{kind}", rf"(?<=\b(?i:{_PERSON_WORD})(?:[ \t]+(?i:will|should|might|is[ \t]+about[ \t]+to)|['\u2019]ll)?"
                               rf"{_ADVERB}[ \t]+(?i:hit|hits)[ \t]+){n}\b{_HIT_AFTER}", score),
        Pattern(f"died-at-{kind}", rf"(?<=\b(?i:died|passed(?:[ \t]+away|[ \t]+on)?)[ \t]+at[ \t]+(?:(?i:the[ \t]+age[ \t]+of)[ \t]+)?)"
                                   rf"{n}\b{_NOT_A_UNIT}", score),
        # "he was a stubborn 93 when ...": an age described, the clause ending after it
        Pattern(f"described-{kind}", rf"(?<=\b(?:(?i:{_PERSON_WORD})|(?-i:\p{{Lu}}\p{{Ll}}+))[ \t]+(?i:is|was)[ \t]+(?i:an?)[ \t]+(?-i:\p{{Ll}}+)[ \t]+)"
                                     rf"{n}\b{_AGE_AFTER}", score),
        # an age that opens a sentence or a clause and goes on "and still": "Ninety-two and still singing."
        Pattern(f"and-still-{kind}", rf"(?<=(?:^|[.!?,;:\u2014]|\()[ \t]*){n}(?=[ \t]+(?i:and[ \t]+still|and[ \t]+going[ \t]+strong)\b)",
                score),
        # the answer to "how old": "how old are you? A: One hundred and three."
        Pattern(f"how-old-{kind}", rf"(?<=(?i:\bhow[ \t]+old\b)[^?\n]{{0,60}}\?[ \t\n]*(?:\p{{L}}{{1,12}}[ \t]*:[ \t]*)?"
                                   rf"(?:(?i:i'?m|i[ \t]+am|she'?s|he'?s|about|almost|nearly)[ \t]+)?){n}\b{_NOT_A_UNIT}", score),
        # "she'll be 95 in March": an age to come, whatever follows but a unit
        Pattern(f"will-be-{kind}", rf"(?<=\b(?i:{_PERSON_WORD}(?:['\u2019]ll|[ \t]+will|[ \t]+is[ \t]+turning|[ \t]+turns)"
                                   rf"[ \t]+(?:be[ \t]+)?)){n}\b{_NOT_A_UNIT}", score),
    ]


def age_over_89() -> PatternRecognizer:
    """Ages from 80 (the rules keep those up to 89): ``92 years old``, ``91
    yo``, ``aged 97``, ``age: 97``, ``I'm 94``, ``driving at 102,``, ``a
    woman of 93``, ``my gran, 97, lives with us``, ``his 96th birthday``, ``she'll
    be 95 in May``, ``93F, admitted for a fall``."""
    ages = r"(?:8\d|9\d|1[01]\d)"
    rec = PatternRecognizer(
        supported_entity="AGE",
        name="AgeRecognizer",
        patterns=[
            Pattern("n-years-old", rf"\b{ages}(?=[- ]?(?:years?|yrs?|yo|y/o)[- ]?(?:old|young|of age)?\b|[ \t]?y\.[ \t]?o\.)", 0.7),
            # a birthday celebrated: "just celebrated 100 and", not "celebrated 90 days"
            Pattern("celebrated-n", rf"(?<=\b(?i:celebrat(?:ed|es|ing))[ \t]+(?:(?i:her|his|their)[ \t]+)?){ages}\b{_NOT_A_UNIT}"
                                    r"(?=[ \t]*(?:[.,;:!?)](?!\d)|$|\b(?:and|with|in|on|last|this|today|yesterday)\b))", 0.6),
            Pattern("aged-n", rf"(?i:\b(?:aged?|age of|turned|turning)\s+){ages}\b", 0.7),
            Pattern("age-field", rf"(?i:(?<=\bage[ \t]*[:=][ \t]*)){ages}\b", 0.7),
            # "her 96th birthday": the birthday says it is an age
            Pattern("nth-birthday", rf"\b{ages}(?:st|nd|rd|th)(?=[ \t]+(?i:birthday|bday|b-day)\b)", 0.7),
            # "Granny's 100th", "her 95th": the ordinal of someone's own, ending its clause
            Pattern("nth-own", rf"(?<=\p{{L}}['\u2019]s[ \t]+|\b(?i:his|her|their|my|your|our)[ \t]+)(?:9\d|1[01]\d)(?:st|nd|rd|th)"
                               r"(?=[ \t]*(?:[.,;:!?)](?!\d)|$|\b(?:at|with|and|was|is|party|bash|celebration|in|on|last|this|"
                               r"yesterday|today|over)\b))", 0.6),
            # a greeting of the ordinal: "Happy 100th, Pop!" (not "happy 100th anniversary", "... episode")
            Pattern("happy-nth", r"(?<=\b(?i:happy|congrats[ \t]+on[ \t]+(?:your|her|his)|congratulations[ \t]+on[ \t]+(?:your|her|his))[ \t]+)"
                                 r"(?:9\d|1[01]\d)(?:st|nd|rd|th)(?![ \t]+(?i:anniversary|year|episode|post|meeting|issue|edition|day))\b", 0.6),
            # the decade of life: "in her late nineties", "in their 90s"
            Pattern("decade", r"(?<=\b(?i:in[ \t]+(?:his|her|their|my|your|our)[ \t]+))(?i:(?:(?:early|mid|late)[- ]?)?(?:nineties|90['\u2019]?s))\b",
                    0.6),
            # a clinical note's age and sex: "93F, admitted for a fall", "pt is a 96 yo M", "(94M)"
            # (or after a label's colon or a name's comma: "Pt: 93F", "Wilhelmina Strand, 93F,"; not a
            # temperature: "Temp: 99F")
            Pattern("age-sex", rf"(?:(?<=^[ \t]*|\([ \t]*)|(?<=\b(?i:pt|patient|is|a|an)[ \t]+)"
                               rf"|(?<=(?<!\b(?i:temp|temperature|fever|t))[:,][ \t]*)){ages}(?=[ \t]?(?-i:[MF])\b"
                               r"[ \t]*(?:[,.;:)]|$|(?i:w/|s/p|c/o|h/o)|(?i:with|admitted|presents|presenting|hx|pmh)\b))", 0.6),
            *_said_of_a_person("n", ages, 0.6),
            # in a language mixed into English, after its verb of having years ("tiene 96 años", "tem 92
            # anos", "ma 93 lata", "a 91 ans"), or before the Tagalog "taon na" ("95 taon na")
            Pattern("n-anos", rf"(?<=\b(?i:tiene|tenía|tenia|cumplió|cumplio|cumple|tem|tinha|fez|faz|completou|ma|miała|"
                              rf"miala|miał|mial|skończył|skonczyl|skończyła|skonczyla|a|avait|ha|aveva|compie|ist|wird|wurde)[ \t]+)"
                              rf"{ages}(?=[ \t]+(?i:años|anos|anyos|lata|lat|ans|anni|jahre)\b)"
                              rf"|\b{ages}(?=[ \t]+(?i:taon[ \t]+na|taong[ \t]+gulang)\b)", 0.6),
            # the word for years of age after the number ("93 tuổi", "97세", "95-se", "96 лет"), and the
            # Tagalog "ay 92 na" ("is 92 now")
            Pattern("n-tuoi", rf"\b{ages}(?=[ \t]*(?:(?i:tuổi|tuoi|yaşında|yasinda|лет|года|років)\b|세|살|岁|歳)|-(?i:se)\b)"
                              rf"|(?<=\b(?i:ay)[ \t]+){ages}(?=[ \t]+(?i:na)\b)", 0.6),
        ],
    )
    # for the prefilter: these lead with a lookbehind, which it widens to any number
    rec.triggers = {"celebrated-n": r"(?i:celebrat)", "age-sex": r"(?:8\d|9\d|1[01]\d)[ \t]?[MFmf]\b",
                    "happy-nth": r"(?i:happy|congrat)", "n-anos": r"(?i:años|anos|anyos|lata|lat|ans|anni|jahre|taon)\b",
                    "n-tuoi": r"(?i:tuổi|tuoi|yaşında|yasinda|лет|года|років|-se\b|세|살|岁|歳|\bay[ \t])",
                    **_said_triggers("n")}
    return rec


_UNITS = "|".join(UNITS)
# 90 to 129 in words: "ninety-one", "a hundred and two", "one hundred and twenty"
OLD_IN_WORDS = _OLD = (rf"(?:ninety(?:[- ](?:{_UNITS}))?|(?:a|one)[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?(?:{_UNITS}|"
                       rf"{'|'.join(TEENS)}|twenty(?:[- ](?:{_UNITS}))?))?)")


def _said_triggers(kind: str) -> dict[str, str]:
    """For the prefilter: the positions of ``_said_of_a_person`` that lead with a lookbehind
    and need a word it can look for."""
    return {f"and-still-{kind}": r"(?i:and[ \t]+(?:still|going))", f"how-old-{kind}": r"(?i:how[ \t]+old)"}


def age_in_words() -> PatternRecognizer:
    """``ninety-two years old``, ``turned a hundred``, and the digits' positions said in
    words (``a woman of ninety-three``, ``she'll be ninety in May``); a centenarian and a
    nonagenarian, who are over 89 by the word."""
    rec = PatternRecognizer(
        supported_entity="AGE",
        name="AgeWordsRecognizer",
        patterns=[
            Pattern("words-years-old", rf"(?i:\b{_OLD}(?=[- ]?years?[- ]?(?:old|young|of age)\b))", 0.75),
            Pattern("aged-words", rf"(?i:\b(?:aged?|turned|turning|age of)[ \t]+{_OLD}\b)", 0.75),
            # a birthday's ordinal in words: "her ninety-fifth birthday", "his hundredth"
            Pattern("words-nth-birthday", r"(?i:\b(?:ninetieth|ninety-(?:first|second|third|fourth|fifth|sixth|seventh|"
                                          r"eighth|ninth)|(?:one[ \t]+)?hundredth|hundred[ \t]+and[ \t]+(?:first|second|third|"
                                          r"fourth|fifth))(?=[ \t]+(?:birthday|bday|b-day)\b))", 0.75),
            *_said_of_a_person("words", rf"(?i:{_OLD})", 0.65),
            Pattern("over-89-noun", r"(?i:\b(?:super)?centenarians?\b|\bnonagenarians?\b)", 0.7),
        ],
    )
    rec.triggers = _said_triggers("words")
    return rec


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"


def written_date() -> PatternRecognizer:
    """Dates as people write them: ``March 3rd, 2021``, ``3 March 2021``,
    ``the 14th of March``, ``Mar. 14``, ``Saturday the 3rd``, ``15 de marzo``."""
    months = "(?:" + "|".join(sorted(foreign_months(), key=len, reverse=True)) + ")"
    return PatternRecognizer(
        supported_entity="DATE_TIME",
        name="WrittenDateRecognizer",
        patterns=[
            Pattern("month-day", rf"\b{_MONTH}\.?[ \t]+{_DAY}\b(?:,?[ \t]+(?:19|20)\d\d\b)?", 0.8),
            Pattern("day-month", rf"\b(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH}\b\.?(?:,?[ \t]+(?:19|20)\d\d\b)?", 0.8),
            Pattern("month-year", rf"\b{_MONTH}\.?,?[ \t]+(?:19|20)\d\d\b", 0.7),
            # in lower case, as posts write it ("sober since march 14"), not a count after it ("march 10 miles")
            # a day of a month in lower case, as posts write it: "the 3rd of nov" (not "the 2nd may be")
            Pattern("day-month-lower", r"\b(?:the[ \t]+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \t]+of[ \t]+"
                                       r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                                       r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?", 0.7),
            Pattern("month-day-lower", r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                                       r"december|jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\.?[ \t]+(?:[12]\d|3[01]|0?[1-9])"
                                       r"(?:st|nd|rd|th)?\b(?![ \t]*(?:miles?|km|mg|%|people|times|pills|days|weeks|years|hours|"
                                       r"minutes|steps|x\b|[.,]\d))", 0.7),
            # in a language mixed into English, the month's name from the CLDR: "4 de febrero de 2023",
            # "ika-9 ng Hulyo"; without "de", after the language's article or preposition ("le 3 mars",
            # "am 12. März"), or where the date ends ("stopped 3 marzo."), not before a noun ("3 mars bars")
            Pattern("day-de-month", rf"(?i:\b{_DAY_NUMBER}(?:º|°)?[ \t]+de[ \t]+{months}\b(?:[ \t]+de[ \t]+(?:19|20)\d\d\b)?)", 0.7),
            Pattern("ika-month", rf"(?i:\bika-?{_DAY_NUMBER}[ \t]+ng[ \t]+{months}\b)", 0.7),
            Pattern("day-month-foreign", rf"(?i:(?:(?<=\b(?:le|du|au|il|al|dal|del|am|vom|el|em|op|dnia|ngày)[ \t]+){_DAY_NUMBER}(?:er|\.)?"
                                         rf"|\b{_DAY_NUMBER}\.|\b{_DAY_NUMBER}(?=[ \t]+{months}(?:[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:19|20)\d\d\b)))"
                                         rf"[ \t]+{months}\b(?:[ \t]+(?:19|20)\d\d\b)?)", 0.7),
            # a week day and the day of the month: "Saturday the 3rd", "Tues. the 14th", "tues the 14th"
            Pattern("weekday-nth", r"\b(?i:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?i:day|nesday|urday|sday)?\.?,?[ \t]+(?i:the)[ \t]+"
                                   r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b", 0.7),
        ],
        global_regex_flags=re.MULTILINE,
    )


# A month and a day in digits without a year ("on 11/3", "since 2/19", "11/3 pm"): a date Safe
# Harbor removes, told from a fraction ("1/2 a tab"), a dose ("5/325"), a score ("7/10") and a
# ratio by where it stands: after a word that introduces a date or a verb of an event, before a
# time of day, after a week day, in a range of two, opening a line of notes ("11/3: seen"), as
# a label's date ("(11/3)", "11/3:") or a table's cell; or by a leading zero ("09/14"), which
# no fraction or score has. Never before a unit, "of" or a noun of a dose; a proper fraction
# of halves to eighths ("1/2", "3/4") only where nothing but a date stands. Anywhere else, at
# a lower score, a month and a day that is no fraction, score or amount ("sent 11/2.").
_MD = r"(?<![\d/.,])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\d/]|[.,]\d)"
# the same joined by a dash ("on 9-22"): a range reads so too ("on 2-3 bags"), so only after a word
# that dates it and where the clause ends, or a time or a bracket follows
_MD_DASH = r"(?<![\d\-/.,])(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?![\d\-/]|[.,]\d)"
_DASH_DATE_WORD = r"on|since|until|till|til|thru|through|starting|effective|as[ \t]+of|dated"
_NOT_FRACTION = r"(?!(?:1/[2348]|2/3|3/[48]|5/8|7/8)(?!\d))"  # halves, thirds, quarters, eighths
_PADDED_MD = r"(?<![\d/.,])(?:0[1-9]/(?:0[1-9]|[12]\d|3[01])|1[0-2]/0[1-9])(?![\d/]|[.,]\d)"
# a day over 12 before a month written with its zero ("14/02"), as notes outside the US write it
_PADDED_DM = r"(?<![\d/.,])(?:1[3-9]|2\d|3[01])/(?:0[1-9]|1[0-2])(?![\d/]|[.,]\d)"
_EVENT = (r"admitted|readmitted|discharged|released|seen|started|stopped|quit|relapsed|induced|inducted|"
          r"booked|arrested|born|died|passed|buried|moved|"
          # and the noun of an event: "family meeting 10/14", "appt 3/4", "MRI 6/2"
          r"meeting|appt|appointment|visit|surgery|admission|discharge|f/u|follow-?up|cath|scan|mri|ct|echo|"
          r"labs|eval|evaluation|consult|intake|induction|court|hearing|overdose|od|procedure")
_EVENT_VERB = (r"admitted|readmitted|discharged|released|transferred|seen|relapsed|induced|inducted|arrested|born|died|"
               r"buried|moved|out[ \t]+again")
_EVENT_NOUN = (r"visit|appointment|appt|meeting|session|surgery|procedure|infusion|injection|shot|call|follow-?up|"
               r"discharge|admission|scan|labs|hearing|court[ \t]+date|intake|consult")
_NOT_SCORE = r"(?!\d{1,2}/(?:10|5)(?!\d))"  # "7/10", "3/5": a score's scale
_TO = r"by|to|between"  # also before a fraction: "cut by 1/4", "from 1/2 to 1/3"
_RANGE = r"[ \t]*(?:-|\u2013|\u2014|to|thru|through|until|till)[ \t]*"
_NOT_AMOUNT = (r"(?![ \t]*(?:mg|mcg|ml|g\b|tabs?\b|tablets?\b|pills?\b|caps?\b|doses?\b|strips?\b|films?\b|of\b|a\b|an\b"
               r"|%|pain\b|scale\b|split\b|dose\b|teaspoons?\b|tsp\b|cups?\b|inch|in\b|mile|hours?\b|hrs?\b))")
_DATE_WORD = (r"on|since|until|till|til|thru|through|starting|effective|as[ \t]+of|due|dated|before|after|"
              r"last|next|this|that|every|each")
_TIME_OF_DAY = r"(?:a\.?m\b\.?|p\.?m\b\.?|@|at[ \t]+\d|\d{1,2}:\d\d|noon\b|midnight\b|morning\b|evening\b|night\b|overnight\b)"
_WEEKDAY = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?"


_DATED_NTH = (rf"(?<=(?i:\b(?:{_DATE_WORD}|by|from)[ \t]+))(?i:the)[ \t]+(?:[12]\d|3[01]|0?[1-9])"
              r"(?i:st|nd|rd|th)\b(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:and|or|but|at|when|so|i|we|he|she|they|"
              r"it|of[ \t]+(?:this|next|last|the)[ \t]+month)\b))")
_DATED_NTH_AT = re.compile(_DATED_NTH)


def dated_ordinal(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ("the 17th", "17th") is the day of a month by the words
    around it: after "on", "by", "until" and the like, before a clause's end (not "the 3rd
    floor", "the 2nd try")."""
    m = _DATED_NTH_AT.search(text, max(0, start - 5))
    return m is not None and m.start() <= start and m.end() >= end


# the words around a medicine's strength: "8/2 Suboxone strips", "on zubsolv 8/2", "the 8/2s"
_WORD_AFTER = re.compile(r"(?:s\b)?[ \t]*(?:(?:mg|mcg)\b[ \t]*)?(?P<w>\p{L}[\p{L}\-]+)")
_WORD_BEFORE = re.compile(r"(?P<w>\p{L}[\p{L}\-]+)[ \t]*(?:,[ \t]*)?\Z")
_SENTENCE_END = re.compile(r"[.!?;\n]")
_DATED = re.compile(rf"(?i:\b(?:{_DATE_WORD}|{_EVENT})[ \t]+)\Z")


_AN_EVENT = re.compile(rf"(?i:{_EVENT})")


def _a_medicine(word: str | None) -> bool:
    # a combination's parts too: "buprenorphine-naloxone"; not an event, a lab's letters or an
    # everyday word, which medical terms hold too and which have no strength ("overdose 2/14",
    # "INR 2/27", "2/14 reversed by")
    if word is None or _AN_EVENT.fullmatch(word) or word.isupper() and not is_drug_name(word.lower()):
        return False
    return any(is_drug_name(w) or is_medical_term(w) and w not in common_words()
               for w in {word.lower(), *word.lower().split("-")} if w)


class _MonthDay(PatternRecognizer):
    """A month and a day that are a medicine's strength are none: beside a drug's name ("8/2
    Suboxone strips", "zubsolv 8/2"), and in its sentence every other one that no date's word
    leads ("from 8/2 to 4/1", "8/2 Suboxone, then 4/1"; not "since 3/4")."""

    only_pattern_results = True  # keeps a part of its patterns' matches (``prefilter.only_patterns``)

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        strengths = [r for r in results if "/" in text[r.start:r.end] and self._beside_medicine(text, r.start, r.end)]
        if not strengths:
            return results
        out = []
        for r in results:
            if r in strengths:
                continue
            if "/" in text[r.start:r.end] and not _DATED.search(text, max(0, r.start - 30), r.start) and any(
                    not _SENTENCE_END.search(text, min(r.end, s.end), max(r.start, s.start)) for s in strengths):
                continue  # a strength's sibling: "then 4/1"
            out.append(r)
        return out

    @staticmethod
    def _beside_medicine(text: str, start: int, end: int) -> bool:
        after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return _a_medicine(after and after.group("w")) or _a_medicine(before and before.group("w"))


def month_day() -> PatternRecognizer:
    """A month and a day in digits, no year (``on 11/3``, ``since 2/19``, ``11/3 pm``, ``Tues
    4/8``, a notes line ``12/2: restarted``), and a holiday with its year (``Easter 2019``,
    ``Thanksgiving of 2016``, ``last Easter``). Not ``1/2 a tab``, ``5/325``, ``pain 7/10``, ``24/7``,
    nor a medicine's strength (``_MonthDay``)."""
    return _MonthDay(
        supported_entity="DATE_TIME",
        name="MonthDayRecognizer",
        patterns=[
            Pattern("date-word-md", rf"(?<=(?i:\b(?:{_DATE_WORD}|{_EVENT})[ \t]+)){_MD}{_NOT_AMOUNT}", 0.6),
            Pattern("date-word-md-dash", rf"(?<=(?i:\b(?:{_DASH_DATE_WORD}|{_EVENT_VERB})[ \t]+)){_MD_DASH}"
                                         rf"(?=[ \t]*(?:[.,;:!?()\n]|$|(?i:and|but|when|so|at|after|before|i|we|he|she|they)\b"
                                         rf"|(?i:{_TIME_OF_DAY})))", 0.6),
            Pattern("to-md", rf"(?<=(?i:\b(?:from|{_TO})[ \t]+)){_NOT_FRACTION}{_MD}{_NOT_AMOUNT}", 0.6),
            Pattern("range-md", rf"{_NOT_FRACTION}{_MD}(?={_RANGE}{_NOT_FRACTION}{_MD}{_NOT_AMOUNT})", 0.6),
            Pattern("padded-md", rf"{_PADDED_MD}{_NOT_AMOUNT}", 0.6),
            Pattern("label-md", rf"(?<=\([ \t]*){_NOT_FRACTION}{_MD}(?=[ \t]*\))|{_NOT_FRACTION}{_MD}(?=:(?!\d))", 0.6),
            Pattern("cell-md", rf"(?<=\|[ \t]*){_NOT_FRACTION}{_MD}(?=[ \t]*\|)", 0.6),
            Pattern("md-time", rf"{_MD}(?=[ \t]*(?i:{_TIME_OF_DAY}))", 0.6),
            Pattern("weekday-md", rf"(?<=(?i:\b{_WEEKDAY})[ \t]+){_MD}{_NOT_AMOUNT}", 0.6),
            # "the 6/17 appointment", "her birthday, 8/23", "Dr. Quarles, 5/28, Eastbrook Spine"
            # "admitted to Harlow Ridge detox 11/8": a few words after a verb of an event
            Pattern("event-then-md", rf"(?<=(?i:\b(?:{_EVENT_VERB}))\b[^.;:!?\n]{{1,40}}?[ \t]){_NOT_FRACTION}{_NOT_SCORE}{_MD}{_NOT_AMOUNT}",
                    0.6),
            Pattern("the-md-event", rf"(?<=(?i:\bthe)[ \t]+){_NOT_FRACTION}{_MD}(?=[ \t]+(?i:{_EVENT_NOUN})\b)", 0.6),
            Pattern("anniversary-md", rf"(?<=(?i:\b(?:birthday|bday|b-day|anniversary))[ \t]*[,:]?[ \t]*){_MD}{_NOT_AMOUNT}", 0.6),
            Pattern("header-md", rf"(?<=\p{{Lu}}[\p{{L}}'\u2019.\-]+,[ \t]*){_NOT_FRACTION}{_NOT_SCORE}{_MD}(?=[ \t]*[,(])", 0.6),
            Pattern("line-md", rf"(?<=^[ \t]*(?:[-*][ \t]+)?){_MD}(?=[ \t]*(?:[:\u2013\u2014]|-[ \t]))", 0.6),
            # anywhere else, when no fraction, score or amount reading explains it ("sent 11/2.")
            Pattern("bare-md", rf"{_NOT_FRACTION}{_NOT_SCORE}{_MD}{_NOT_AMOUNT}", 0.5),
            Pattern("padded-dm", rf"{_PADDED_DM}{_NOT_AMOUNT}", 0.6),
            # a month and its year in digits: "s/p CABG 03/2019" (not a ratio's thousands: "1/1000")
            Pattern("month-year", rf"(?<![\d/.,:])(?:0?[1-9]|1[0-2])/(?:19[3-9]\d|20[0-4]\d)(?![\d/]|[.,]\d){_NOT_AMOUNT}", 0.6),
            # the day of the month alone after a word that dates it: "on the 17th.", "until the 30th"
            Pattern("date-word-nth", _DATED_NTH, 0.6),
            # (its weekend or week too: "Labor Day weekend 2019", "Thanksgiving week of 2021")
            Pattern("holiday-year", rf"(?i:\b{HOLIDAYS}(?:[ \t]+(?:weekend|week|break|eve|morning|night))?(?:[ \t]+(?:of|in))?,?"
                                    rf"[ \t]+(?:19|20)\d\d\b)", 0.7),
            # one holiday, a day of the calendar: "last Easter", "this Christmas Eve" (not "every Christmas")
            Pattern("holiday-one", rf"(?i:\b(?:last|next|this|that)[ \t]+{HOLIDAYS}\b)", 0.6),
        ],
        global_regex_flags=re.MULTILINE,
    )


# A date stamped with its week day or its time of day, as one span: mail headers, voicemail,
# texts and forms ("Tue 11/08 4:52 PM", "Mon, 6 Feb 2023 08:14", "2023-04-09 22:41", "October
# 3rd at 10:15"). Whatever finds the date alone, the stamp around it goes with it: no half of a
# time is left ("[DATE]:52 PM").
_AM_PM = r"(?i:[ap]\.m\.|[ap]m\b)"
# (a chat's "11:07p", "6:45a" too)
_CLOCK = rf"(?:\d{{1,2}}(?::\d\d){{1,2}}(?![\d:])(?:[ \t]*{_AM_PM}|(?i:[ap])\b)?|(?<!\d)\d{{1,2}}[ \t]*{_AM_PM})"
_STAMP_DATE = (rf"(?:(?<![\d/.,])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
               r"(?:/(?:19|20)?\d\d)?(?![\d/]|[.,]\d)"
               r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"
               rf"|\b{_MONTH}\.?[ \t]+{_DAY}\b(?:,?[ \t]+(?:19|20)\d\d\b)?"
               rf"|\b{_DAY}[ \t]+{_MONTH}\b\.?(?:,?[ \t]+(?:19|20)\d\d\b)?)")
_AT_CLOCK = rf"(?:,?[ \t]+(?:(?i:at)[ \t]+|@[ \t]*)?|[ \t]*@[ \t]*|T){_CLOCK}"


def timestamp() -> PatternRecognizer:
    """A date with its week day, its time of day or both, as one span (see above)."""
    return PatternRecognizer(
        supported_entity="DATE_TIME",
        name="TimestampRecognizer",
        patterns=[
            Pattern("weekday-date", rf"(?<![\p{{L}}])(?i:{_WEEKDAY})[ \t]+{_STAMP_DATE}(?:{_AT_CLOCK})?", 0.7),
            # (after a week day no fraction or score reads: "Thursday 10/5")
            Pattern("date-time", rf"{_NOT_FRACTION}{_NOT_SCORE}{_STAMP_DATE}{_AT_CLOCK}", 0.7),
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
