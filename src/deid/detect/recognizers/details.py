"""Recognizers for the details that describe a person without naming them (TAB's
quasi-identifiers): an age of any size (``34-year-old``, ``in my thirties``,
``(34F)``), a sex or gender stated of someone, an occupation held (``I'm a
paramedic``, ``worked as a line cook``, ``, a lawyer,``), family structure (``my
three kids``, ``single mom``, ``widowed``) and distinctive events (``the only woman
in``, ``made the news``), rare conditions (``Huntington's disease``) and sums of money
(``EUR 4,000``, ``$40 a day``). The rules decide what each becomes; ``risk`` counts the
ones that are published."""

from __future__ import annotations

from presidio_analyzer import LocalRecognizer, PatternRecognizer, RecognizerResult
import regex as re

from deid.core.lexicon import occupations, rare_conditions
from deid.core.wordlists import HABIT_NOUNS, KIN_DOERS, OFFICES, UNITS
from deid.detect.recognizers.base import Pattern, GatedPatternRecognizer
from deid.detect.recognizers.dates import AGE_AFTER as _AGE_AFTER

_NUMBER = r"(?:" + "|".join(UNITS) + r"|ten|eleven|twelve|\d{1,2})"
_SELF = r"i'?m|i[ \t]+am|i[ \t]+was|i'?ve[ \t]+been|i[ \t]+had[ \t]+been|i[ \t]+used[ \t]+to[ \t]+be"
_RELATIVE = "mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister|partner|boyfriend|girlfriend|friend"
_OTHER = rf"(?:she|he|they|who|(?:my[ \t]+)?(?:{_RELATIVE}))(?:'s|[ \t]+is|[ \t]+was|[ \t]+are|[ \t]+were)"
_SAID_AGE = (r"(?i:(?<=\b(?:i'?m|i[ \t]+am|(?:she|he|they|who)(?:'s|[ \t]+is|[ \t]+was|[ \t]+are)|"
             r"(?:mom|mum|dad|father|mother|gran|grandma|grandpa|nana|wife|husband|son|daughter)[ \t]+(?:is|was))[ \t]+))")
_DECADE = r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|[1-8]0'?s)"


# a name that opens a line, one or two capitalised words; and what ends an introduction's age
_INTRO_NAME = r"[A-Z][a-z'\u2019\-]+(?:[ \t]+[A-Z][a-z'\u2019\-]+)?(?:[ \t]+here)?"
_INTRO_AFTER = r"(?=[ \t]*(?:[,.;:!)]|$)|[ \t]+(?i:from|in|and|now|yo|y/o)\b)"


def age_any() -> PatternRecognizer:
    """Ages under 80 as people write them (``age_over_89`` finds the rest): ``a
    34-year-old``, ``34 years old``, ``aged 34``, ``age: 34``, ``I'm 34,``,
    ``(34F)``, ``in my thirties``, ``in her mid-40s``."""
    ages = r"(?:[1-7]?\d)"

    rec = PatternRecognizer(
        supported_entity="AGE",
        name="AgeAnyRecognizer",
        patterns=[
            # the article too, for one that must agree with the band ("an 18-year-old" -> "a teenage")
            Pattern("n-year-old", rf"\b(?i:an?)[ \t]+{ages}[- ](?:years?|yrs?)[- ]old\b|\b{ages}-(?:years?|yrs?)-old\b", 0.6),
            Pattern("n-years-old", rf"\b{ages}[ ]?(?:years?|yrs?)[ ]old\b|\b{ages}[- ]?(?:yo|y/o)\b", 0.6),
            Pattern("aged-n", rf"(?i:\b(?:aged|age of|turned|turning)[ \t]+){ages}\b(?![ \t]*(?:%|mg|years?[ \t]+ago|minutes?|hours?|days?|weeks?|months?))", 0.6),
            Pattern("age-field", rf"(?i:(?<=\bage[ \t]*[:=][ \t]*)){ages}\b", 0.6),
            # not after "at" or "now": "started at 30 I was fine" is a dose as often as an age
            Pattern("is-n", rf"{_SAID_AGE}\b(?:1\d|[2-7]\d)\b{_AGE_AFTER}", 0.5),
            # an introduction's age: "Will here, 43.", "Tamika, 38, from Durand" (a name opening the line)
            Pattern("intro-n", rf"(?:(?i:(?<=\bhere[ \t]*,[ \t]*))|(?m:(?<=^[ \t]*{_INTRO_NAME}[ \t]*,[ \t]*)))"
                               rf"(?:1\d|[2-7]\d)\b{_INTRO_AFTER}", 0.5),
            # Reddit's "I (34F)", "my husband (36M)"
            Pattern("age-sex", r"(?<=\()\d\d(?=[ \t/]?[MFmf]\))|(?<=\([MFmf][ \t/]?)\d\d(?=\))", 0.6),
            Pattern("decade", rf"(?i:\bin(?:to)?[ \t]+(?:my|her|his|their|our|your)[ \t]+(?:(?:early|mid|late)[- ])?{_DECADE}(?![\w']))", 0.6),
        ],
    )
    # the label before, for the prefilter (it reads no lookbehind: any number would let the text through)
    rec.triggers = {"age-field": r"(?i:age[ \t]*[:=])", "intro-n": r","}
    return rec


_PERSON_WORD = (r"woman|man|female|male|trans(?:gender)?[ \t]+(?:woman|man)|trans[ \t]?woman|trans[ \t]?man|"
                r"non-?binary[ \t]+person|girl|guy|lady|mother|father|mom|dad")


def sex() -> PatternRecognizer:
    """A sex or gender said of the writer: ``I'm a 34-year-old woman``, ``as a
    black man``, ``I'm nonbinary``, the F of ``(34F)``."""
    qualities = (r"(?:(?:\d{1,3}[ \t-]*(?:years?|yrs?|y/?o)(?:[ \t-]*old)?|single|married|divorced|black|white|latina|"
                 r"latino|asian|gay|straight|queer|older|young|middle-aged|disabled|trans|cis|proud|sober|working)[ \t,]+)*")
    return PatternRecognizer(
        supported_entity="SEX",
        name="SexRecognizer",
        patterns=[
            Pattern("self", rf"(?i:(?<=\b(?:{_SELF}|as)[ \t]+an?[ \t]+{qualities})(?:{_PERSON_WORD})\b)", 0.6),
            Pattern("self-word", rf"(?i:(?<=\b(?:{_SELF})[ \t]+)(?:non-?binary|trans(?:gender)?|genderqueer|intersex)\b)", 0.6),
            Pattern("age-sex", r"(?<=\(\d\d[ \t/]?)[MFmf](?=\))|(?<=\()[MFmf](?=[ \t/]?\d\d\))", 0.6),
        ],
    )


def _titles() -> str:
    """Every job title as one expression, factored by common prefixes ("nurse", "nurse
    aide", "nurse practitioner" share "nurse"): the same titles as an alternation of them
    all, longest first, at a fraction of the cost of trying a thousand alternatives at every
    position."""
    return _trie(sorted(occupations()))


def _trie(words: list[str]) -> str:
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def expr(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + expr(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return expr(tree)


# words before a title: "a primary school teacher", "a ballet dancer"; not an age ("a sixty-something
# teacher": the age is its own detail)
_SOME = r"(?:(?![\w-]*(?i:something|year-old|years-old)\b)[^\W\d_][\w-]*[ \t]+){0,2}?"
# where a public office stands: "the town's sheriff", "the postmaster of Orford", "the mayor of a village"
_OFFICES = "|".join(sorted(OFFICES, key=len, reverse=True))
_PLACE_WORD = r"(?:town|city|village|hamlet|county|parish|township|borough|state|island|valley)"
_OF_PLACE = (rf"(?=[ \t]+of[ \t]+(?:(?:the|a|an|our|their|this|that)[ \t]+)?(?:(?i:tiny|small|little|rural)[ \t]+)?"
             rf"(?:(?i:{_PLACE_WORD})(?=[ \t]*(?:[,.;:!?)]|$|(?i:of|in|near|on|where|that|who|called|named|and|outside)\b))"
             rf"|\p{{Lu}}))")
# words before a title that make one phrase of it, judged as a whole ("a former deputy coroner",
# "the county surveyor", "an apprentice farrier")
_QUALIFIER = (r"(?:(?:retired|former|ex-|licensed|registered|certified|full-time|part-time|night[ \t-]shift|travel|"
              r"trainee|student|head|senior|junior|assistant|deputy|chief|acting|interim|associate|apprentice|"
              r"master|journeyman|relief|volunteer|county|city|town|village|parish|district|state)[ \t]+)*")
# "the only X", "the sole X": one person holds it where the story is
SOLE = r"(?:only|sole|lone|resident)"
# a word that says which one of them: who holds it, or a compound of what it serves
_WHICH_ONE = (r"(?:(?:female|male|woman|women|lady|black|white|latina|latino|asian|native|indigenous|young|old|"
              r"deaf|blind|gay|lesbian|trans|disabled|veteran|sober|\w+-\w+)[ \t]+)?")


# A noun that names who does something by its ending ("farrier", "taxidermist", "wheelwright",
# "saddlemaker", "beekeeper"), with one word before it at most ("hoof care farrier"); never the
# noun of a habit, a feeling or kin ("a worrier by trade", "working as a mother": ``wordlists.HABIT_NOUNS``,
# ``KIN_DOERS``)
_HABIT = "|".join(sorted(HABIT_NOUNS | KIN_DOERS, key=len, reverse=True))
_AGENT = (rf"(?!(?:[a-z]+[ \t-])?(?:non-?)?(?:{_HABIT})s?\b)"
          r"(?:[a-z]+[ \t-])?[a-z]{3,}(?:ier|yer|ist|smith|wright|maker|keeper|monger|man|woman|person|er|or|ian)s?\b")


def occupation() -> PatternRecognizer:
    """An occupation held by the writer or someone they tell of: ``I'm a
    paramedic``, ``worked as a line cook``, ``my dad was a firefighter``, ``a
    retired teacher``, ``the applicant, a lawyer,``. A title alone (``the nurse
    came in``) is the staff of a story, not a detail of its people."""
    titles = _titles()
    role = rf"(?:an?[ \t]+{_SOME})?{_QUALIFIER}(?:{titles})s?"
    rec = PatternRecognizer(
        supported_entity="OCCUPATION",
        name="OccupationRecognizer",
        patterns=[
            Pattern("held", rf"(?i:(?<=\b(?:{_SELF}|{_OTHER}|is|was|became|become|becoming|as|(?:work|worked|working|job|"
                            rf"career|trained|employed)[ \t]+as)[ \t]+){role}\b)", 0.6),
            # "I was the ferryman", "she was the only pharmacist", "the sole optometrist for forty miles"
            Pattern("the-held", rf"(?i:(?<=\b(?:{_SELF}|{_OTHER})[ \t]+)the[ \t]+(?:{SOLE}[ \t]+)?{_QUALIFIER}(?:{titles})\b)", 0.6),
            # one more word may say which one ("the only female farrier", "the only large-animal vet")
            Pattern("the-only", rf"(?i:\bthe[ \t]+{SOLE}[ \t]+{_WHICH_ONE}{_QUALIFIER}(?:{titles})\b"
                                rf"(?=[ \t]+(?:in|for|on|at|around|within|across)\b))", 0.6),
            Pattern("apposition", rf"(?i:(?<=,[ \t]*)an?[ \t]+{_SOME}{_QUALIFIER}(?:{titles})\b"
                                  rf"(?=[ \t]*(?:[,;.]|(?:in|at|of|for|with|and|who|from|since)\b)))", 0.5),
            # "a former coroner", "an elderly retired glazier", "ex-alderman": a title once held is a title held
            # not "my former doctor": the writer's old doctor, no title the doctor has left
            Pattern("retired", rf"(?i:\b(?:(?:a|an|the)[ \t]+{_SOME})?(?<!\b(?:my|our|his|her|their|your)[ \t]+(?:[\w-]+[ \t]+){{0,2}})"
                               rf"(?:retired|former|ex-)[ \t]*{_QUALIFIER}(?:{titles})s?\b)", 0.6),
            Pattern("by-trade", rf"(?i:\b(?:an?[ \t]+{_SOME})?(?:{titles})(?=[ \t]+by[ \t]+(?:trade|profession)\b))", 0.6),
            # a job no list holds, where only a job stands: "worked as a farrier", "a taxidermist by trade"
            Pattern("agent-as", rf"(?i:(?<=\b(?:work|worked|working|job|career|trained|employed|apprenticed|"
                                rf"apprenticeship|licensed|certified)[ \t]+as[ \t]+an?[ \t]+){_AGENT})", 0.55),
            Pattern("agent-by-trade", rf"(?i:\b{_AGENT}(?=[ \t]+by[ \t]+(?:trade|profession)\b))", 0.55),
            Pattern("of-place", rf"(?i:(?<=\b(?:{_PLACE_WORD})['\u2019]s[ \t]+)(?:{SOLE}[ \t]+)?{_QUALIFIER}(?:{titles})\b)", 0.6),
            Pattern("office-of", rf"(?i:\b(?:the|a|an|our|their)[ \t]+{_QUALIFIER}(?:{_OFFICES})\b){_OF_PLACE}", 0.55),
        ],
        global_regex_flags=re.DOTALL | re.MULTILINE,  # every pattern says where case does not matter
    )
    # what some of them need, for the prefilter (the titles make them too long for Hyperscan; the
    # others' words before or after, which it cannot read as such, would let nearly any text through)
    rec.triggers = {
        "retired": r"(?i:retired|former|ex-)",
        "by-trade": r"(?i:[ \t]by[ \t]+(?:trade|profession))",
        "agent-by-trade": r"(?i:[ \t]by[ \t]+(?:trade|profession))",
        "agent-as": r"(?i:(?:work|worked|working|job|career|trained|employed|apprenticed|apprenticeship|licensed|certified)"
                    r"[ \t]+as[ \t]+an?[ \t])",
        "the-only": rf"(?i:\bthe[ \t]+{SOLE}[ \t])",
        "of-place": rf"(?i:{_PLACE_WORD}['\u2019]s[ \t])",
        # the office, and the "of" its place's lookahead (``_OF_PLACE``) reads after it
        "office-of": rf"(?i:{_OFFICES})[ \t]+of[ \t]",
    }
    return rec


def occupation_after_age() -> PatternRecognizer:
    """``I'm a 34-year-old paramedic``: the title alone (the age is its own detail),
    asked only of a text that tells an age so."""
    gate = r"(?i)\w[- ](?:years?|yrs?)[- ]old|\w-something"
    rec = GatedPatternRecognizer(
        gate=gate,
        supported_entity="OCCUPATION",
        name="OccupationAfterAgeRecognizer",
        patterns=[Pattern("aged", rf"(?i:(?<=\b(?:{_SELF}|{_OTHER}|is|was|as|,)[ \t]+an?[ \t]+(?:(?:\d{{1,3}}|[a-z]+(?:-[a-z]+)?)"
                                  rf"[- ](?:years?|yrs?)[- ]old|[a-z]+-something)[ \t]+{_SOME}){_QUALIFIER}(?:{_titles()})s?\b)", 0.6)],
    )
    rec.triggers = {"aged": gate}  # for the prefilter, as for the gate
    return rec


def family() -> PatternRecognizer:
    """Family structure: ``my three kids``, ``mother of two``, ``single mom``, ``I'm
    widowed``, ``a widower``, ``I have 4 grandkids``."""
    kids = r"(?:kids|children|sons|daughters|boys|girls|grandkids|grandchildren|babies|stepkids|step-?children)"
    return PatternRecognizer(
        supported_entity="FAMILY",
        name="FamilyRecognizer",
        patterns=[
            Pattern("my-n-kids", rf"(?i:\b(?:my|our)[ \t]+{_NUMBER}[ \t]+(?:young[ \t]+|little[ \t]+|grown[ \t]+)?{kids}\b)", 0.6),
            Pattern("n-kids", rf"(?i:(?<=\b(?:have|had|with|raising|raised|of)[ \t]+){_NUMBER}[ \t]+(?:young[ \t]+|little[ \t]+)?{kids}\b)", 0.55),
            Pattern("parent-of-n", rf"(?i:\b(?:mother|mom|mum|father|dad|parent|grandmother|grandma|grandfather|grandpa)"
                                   rf"[ \t]+of[ \t]+{_NUMBER}\b)", 0.6),
            Pattern("single-parent", r"(?i:\b(?:single|widowed|divorced)[ \t]+(?:mom|mum|mother|dad|father|parent)s?\b)", 0.6),
            Pattern("status", rf"(?i:(?<=\b(?:{_SELF}|{_OTHER}|as)[ \t]+)(?:an?[ \t]+)?(?:widow|widower|widowed|divorced|separated)\b)", 0.6),
        ],
    )


# not "one" or "people": "am I the only one who gets brain zaps?" is a question, not a trait
_SOMEONE = (r"(?:woman|women|man|men|person|girl|boy|female|male|kid|child|student|patient|survivor|mother|"
            r"father|mom|dad|nurse|doctor|teacher|employee|member|black|latina|latino|asian|white)")


_FEW_WORDS = (r"(?:(?:a[ \t]+few|a[ \t]+couple(?:[ \t]+of)?|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
              r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a)[ \t]+(?:hundred|thousand)|"
              r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]\w+)?)")


def distinctive() -> PatternRecognizer:
    """An event or trait few people share: ``the only woman in``, ``the first
    person to``, ``the youngest patient ever``, ``made the news``, ``went viral``, a place
    of few people (``a village of 340``), a named disaster (``the Kettle Creek fire``)."""
    few = r"(?:[\w-]+[ \t]+){0,2}?"
    return PatternRecognizer(
        supported_entity="DISTINCTIVE",
        name="DistinctiveRecognizer",
        patterns=[
            Pattern("only", rf"(?i:\bthe[ \t]+only[ \t]+{few}{_SOMEONE}[ \t]+(?:in|at|on|to|who|from|with|of)\b)", 0.6),
            Pattern("first", rf"(?i:\bthe[ \t]+first[ \t]+{few}{_SOMEONE}[ \t]+(?:to|in|at|from|of|ever)\b)", 0.6),
            Pattern("most", rf"(?i:\bthe[ \t]+(?:youngest|oldest)[ \t]+{few}{_SOMEONE}[ \t]+(?:in|at|to|ever|of)\b)", 0.6),
            # a place of few people: "a village of 340", "a hamlet of ninety souls", "a town of a few hundred"
            Pattern("small-place", rf"(?i:\b(?:(?:tiny|small|little|rural)[ \t]+)?(?:town|village|hamlet|township|settlement|"
                                   rf"community|parish|borough|island)[ \t]+of[ \t]+(?:(?:only|just|about|around|some)[ \t]+)?"
                                   rf"(?:\d{{1,3}}|\d,\d{{3}}|1\d,\d{{3}}|1?\d{{4}}|{_FEW_WORDS})"
                                   rf"(?:[ \t]+(?:people|residents|souls|inhabitants|folks))?\b)(?![.,]\d)", 0.6),
            # a named disaster: "the Dunmore mill explosion", "the Kettle Creek fire" (the event word: the name is its own finding)
            Pattern("named-event", rf"(?<=\b(?i:the)[ \t]+(?:\p{{Lu}}[\w'\u2019-]*[ \t]+){{1,4}}(?:(?i:mill|mine|plant|factory|"
                                   rf"refinery|bridge|dam|school|church|train|bus|ferry|pipeline|warehouse)[ \t]+)?)"
                                   rf"(?i:explosion|blast|fire|flood|shooting|bombing|collapse|derailment|disaster|massacre|"
                                   rf"tornado|cave-in|spill|crash|wreck)\b", 0.6),
            Pattern("news", r"(?i:\b(?:made|hit|was[ \t]+on|were[ \t]+on|was[ \t]+in|ended[ \t]+up[ \t]+(?:on|in))[ \t]+the[ \t]+"
                            r"(?:local[ \t]+|evening[ \t]+)?(?:news|headlines|papers?|front[ \t]+page)\b|\bwent[ \t]+viral\b)", 0.6),
        ],
        global_regex_flags=re.DOTALL | re.MULTILINE,  # every pattern says where case does not matter
    )


_CURRENCY_CODES = ("EUR|USD|GBP|CHF|SEK|NOK|DKK|ISK|PLN|TRL|TRY|DEM|ATS|FRF|ITL|ESP|BEF|NLG|FIM|IEP|PTE|GRD|RUB|UAH|HUF|"
                   "CZK|SKK|RON|ROL|BGN|HRK|GEL|AZN|AMD|MDL|LTL|LVL|EEK|SIT|CAD|AUD|NZD|JPY|CNY|INR|MXN|BRL|ZAR")
# "pounds" alone is mostly a weight in these stories ("lost 25 pounds"): only "pounds sterling" counts
_CURRENCY_WORDS = (r"euros?|dollars?|pounds[ \t]+sterling|liras?|lira|zlotys?|marks?|schillings?|kronor|kroner|"
                   r"krona|krone|francs?|roubles?|rubles?|hryvnias?|forints?|lei|pesos?|rupees?|yen|bucks|grand")
_SUM = r"\d{1,3}(?:[,.\u00a0]\d{3})*(?:[.,]\d{1,2})?(?:[ \t]+(?i:million|billion|thousand))?|\d+(?:[.,]\d{1,2})?[kK]?"
_ABOUT = r"(?:(?i:approximately|approx\.|about|around|some|nearly|almost|over|roughly)[ \t]+)?"


def amount() -> PatternRecognizer:
    """A sum of money: ``EUR 4,000``, ``$40``, ``200,000 Turkish liras (TRY)``, ``5
    grand``; never a dose ("10 mg") or a count."""
    rec = PatternRecognizer(
        supported_entity="AMOUNT",
        name="AmountRecognizer",
        patterns=[Pattern(name, rf"{_ABOUT}(?:{one})(?:[ \t]*[\[(]{_ABOUT}(?:{one})[\])])?", 0.6) for name, one in (
            ("code-sum", rf"(?:[$\u20ac\u00a3]|\b(?:{_CURRENCY_CODES})\b\.?[ \t]?)(?:{_SUM})(?![\d%])"),
            ("sum-words", rf"\b(?:{_SUM}|(?:{_NUMBER}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t-]\w+)?"
                          rf"[ \t]+(?i:hundred|thousand|million))[ \t]+(?:(?:\p{{Lu}}\p{{Ll}}+|US|new)[ \t]+){{0,2}}"
                          rf"(?i:{_CURRENCY_WORDS})\b(?:[ \t]*\((?:{_CURRENCY_CODES}|YTL)\))?"),
            ("sum-code", rf"\b(?:{_SUM})[ \t]?(?:{_CURRENCY_CODES})\b"),
        )],
        global_regex_flags=re.DOTALL | re.MULTILINE,  # "EUR", not "try 150"
    )
    # for the prefilter (the codes and words take Hyperscan long to compile): a sign or three
    # capitals before a digit; a currency word after a space
    rec.triggers = {"code-sum": r"[$\u20ac\u00a3]|\b[A-Z]{3}\.?[ \t]?\d",
                    "sum-words": rf"[ \t](?i:{_CURRENCY_WORDS})\b"}
    return rec


class RareConditionRecognizer(LocalRecognizer):
    """A rare condition named in the text (``Huntington's disease``, ``complex regional
    pain syndrome``): the names of Orphanet's rare diseases (``data/rare_conditions.txt``),
    matched as whole words in any case. Medical substance: the rules keep it; the risk
    counts it as a detail of the writer."""

    ENTITIES = ["RARE_CONDITION"]
    _WORD = re.compile(r"[^\W_][\w'\u2019-]*")

    def __init__(self):
        super().__init__(supported_entities=self.ENTITIES, name="RareConditionRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        names, lengths = rare_conditions()
        words = [(m.start(), m.end(), m.group(0).lower().replace("\u2019", "'")) for m in self._WORD.finditer(text)]
        out, i = [], 0
        while i < len(words):
            for n in lengths.get(words[i][2], ()):  # the names that start with this word, longest first
                if i + n <= len(words) and " ".join(w for _, _, w in words[i:i + n]) in names:
                    out.append(RecognizerResult("RARE_CONDITION", words[i][0], words[i + n - 1][1], 0.6))
                    i += n - 1
                    break
            i += 1
        return out
