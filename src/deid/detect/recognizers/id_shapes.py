"""Identifiers by their shape and their position, with or without a label (Safe Harbor's
"any other unique identifying number"): case, record, plate, script, member, account,
ticket and study numbers as people write them.

- By shape (``IdShapeRecognizer``): a token of letters and digits with three digits or more
  and six characters or more ("KRV-0318", "7KQD318", "P00581177", "qqf2280719"), digit
  groups joined by dashes ("77-4410-293"), seven to twelve digits alone, no label before them
  ("the desk nurse typed in 30418857": not round, no date), and capitals before a number with a space
  ("HFP 0028731", "GHN 7730", "DCS 22-118-07"), when no other reading explains them
  (``id_readings``: a dose, a date, a range, a phone number, a sum, a version, a model, a
  gene, a formula, a drug's code name, a standard's number).
- By position (``IdPositionRecognizer``): a number of six digits or more (or digit groups,
  or letters and digits) where only an identifier stands: after "number", "#", "no.", "id"
  or "code", a few words later ("my client number at the shelter, 2209147"), after the noun
  of what it numbers ("prescription 3318820", "Rx# 9051774", "tag (JPF2216)"), on the next
  line of a chat after the question for it, and in a table column whose header names one
  ("Rx #", "Plate", "MRN"). A phone, fax or survey number is left to its own recognizer.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from deid.detect.prefilter import gated
from deid.detect.recognizers import id_readings as readings
from deid.detect.recognizers.base import OwnRecognizer
from deid.core.wordlists import IDENTIFIER_LABELS
from deid.detect.recognizers.names_by_shape import column_cells

ENTITY = "ID_NUMBER"
_EDGE_BEFORE = r"(?<![\w\-./@#$€£:=+\\])"
_EDGE_AFTER = r"(?![\w\-]|[./@:=+]\w)"
# a token, matched whole (possessive: "1-1-1-..." is one try, not one per dash); its edges are
# checked after (``_token_edges``): no letter, digit, dash, path, address or sum around it
_TOKEN = re.compile(r"[A-Za-z0-9]++(?:-[A-Za-z0-9]++)*+")
_BEFORE_NOT = re.compile(r"[\w\-./@#$€£:=+\\]")
_AFTER_NOT = re.compile(r"[\w\-]|[./@:=+]\w")
_PREFIXED = gated(re.compile(r"(?<![\w\-./@#$:])(?P<p>[A-Z]{2,4})[ \t]+"
                             r"(?P<n>\d{2,10}(?:-\d{2,8}){1,3}|\d{4,10}(?:[ \t]\d{3,8}){0,2}|\d{3}(?:[ \t]\d{3,4}){2,3})"
                             + _EDGE_AFTER), "id-prefixed")


# digits alone, no label, as long as a script, inmate, member or case number: in a person's story a
# number of seven digits or more that nothing else explains (a sum, a quantity, a date, a phone
# number) numbers someone (``readings.token_explained`` says what else it could be)
_BARE_DIGITS = (7, 12)
_COMPACT_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d\d")
_CAPS_BEFORE = re.compile(r"([A-Za-z]{2,})[^A-Za-z\n]{1,3}$")
_CAPS_AFTER = re.compile(r"[^A-Za-z\n]{1,3}([A-Za-z]{2,})")
_GROUPS = re.compile(r"[ \t-]")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
_CELL = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]*")


def _digits(value: str) -> int:
    return sum(map(str.isdigit, value))  # what ``sum(c.isdigit() for c in value)`` counts, without a generator


def _shouted(text: str, start: int, end: int) -> bool:
    """A word in capitals on either side: a line written in capitals ("I TOOK 1000 A DAY")."""
    before = _CAPS_BEFORE.search(text[max(0, start - 20):start])
    after = _CAPS_AFTER.match(text[end:end + 20])
    return any(m is not None and m.group(1).isupper() for m in (before, after))


# a survey's own number for a response: ``SURVEY_ID``, which the rules keep or remove
_SURVEY_WORDS = frozenset("respondent response responseid submission survey".split())


def shaped(text: str, start: int, end: int) -> bool:
    """Whether the token ``text[start:end]`` has an identifier's shape and no other reading."""
    token = text[start:end]
    digits, letters = _digits(token), sum(map(str.isalpha, token))
    if letters:
        if digits < 3 or digits + letters < 6:
            return False
    elif "-" not in token:
        if not _BARE_DIGITS[0] <= digits <= _BARE_DIGITS[1] or token.endswith("000") or _COMPACT_DATE.fullmatch(token):
            return False  # a round number is a sum or a count ("2500000 won"); "19290117" is a date
    elif digits < 5 or readings.digit_groups_explained(token.split("-")):
        return False
    if readings.word_before(text, start) in _SURVEY_WORDS or token.split("-")[0].lower() in _SURVEY_WORDS:
        return False
    return not readings.token_explained(text, start, end)


def _prefixed(text: str, m) -> bool:
    """Capitals before a number ("HFP 0028731"): not a unit, a lab test, a label (the label
    stays; ``IdPositionRecognizer`` takes the number), a ZIP code after its state, a year, a
    measure, a phone number or a date, and not in a line written in capitals."""
    from spacy.lang.en.stop_words import STOP_WORDS

    prefix, number = m.group("p"), m.group("n")
    low = prefix.lower()
    if low in STOP_WORDS or low in IDENTIFIER_LABELS or readings.prefix_explained(prefix):
        return False
    groups = _GROUPS.split(number)
    if (prefix in readings.STATES and _ZIP.fullmatch(number)) or _digits(number) < 4:
        return False
    if len(groups) == 1 and readings.year(number) or "-" in number and readings.digit_groups_explained(groups):
        return False
    return not (readings.quantity_after(text, m.end()) or _shouted(text, m.start(), m.end()))


class IdShapeRecognizer(OwnRecognizer):
    """Tokens with an identifier's shape that no other reading explains (see the module)."""

    ENTITY = ENTITY
    expressions = (_PREFIXED,)  # each run over the whole text (``prefilter.Gated``)

    def analyze(self, text, entities, nlp_artifacts=None):
        if _digits(text) < 3:
            return []
        out = []
        for m in _PREFIXED.finditer(text):
            if _prefixed(text, m):
                out.append(self.result(m.start(), m.end(), 0.45))
        taken = {r.start for r in out} | {r.end - 1 for r in out}
        for m in _TOKEN.finditer(text):
            if _digits(m.group(0)) < 3:  # ``shaped`` takes none: most words, at the cost of one count
                continue
            start, end = m.span()
            if (start and _BEFORE_NOT.match(text, start - 1)) or _AFTER_NOT.match(text, end) or start in taken \
                    or end - 1 in taken:
                continue
            if shaped(text, start, end):
                out.append(self.result(start, end, 0.45))
        return out


# What a number is called, and the nouns of what it numbers.
_CUE = r"(?:number|numbers|num|nbr|no\.?|\#|id|i\.d\.|code)"
_NOUNS = (r"rx|script|prescription|order|ticket|tracking|badge|locker|client|patient|participant|applicant|student|"
          r"employee|reference|ref|confirmation|member|membership|policy|record|chart|file|wristband|bracelet|"
          r"accession|requisition|voucher|permit|registration|plate|tag|case|claim|account|acct|booking|docket|"
          r"appeal|application|study|enrollment|enrolment|card|pin|store|branch|pharmacy|bed|inmate|case[ \t]?worker")
# (a plate's two groups, letters or letters and digits then digits: "8KDR 551", "JKW 228"; and a
# number read out a digit at a time: "6 0 2 2 9 1 4 7")
_VALUE = (r"(?P<v>(?<![\w\-])(?:\d{4,}|\d{2,}(?:[ \t-]\d{2,}){1,3}"
          r"|(?=[A-Za-z0-9\-]*[A-Za-z])(?=(?:[A-Za-z\-]*\d){3})[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
          r"|(?:(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{2,8}|[A-Z]{2,4})[ \t]\d{3,5}|\d(?:[ \t]\d){5,15})(?![\w\-]|[.,]\d))")
_SEP = r"[ \t]*(?:[:=#(,\-\u2014]|[ \t](?:is|was|=))?[ \t]*(?:(?:is|was)[ \t]+)?[ \t]*\(?[ \t]*"
_AFTER_CUE = re.compile(
    rf"(?i:\b(?:(?P<noun>{_NOUNS})[ \t]*(?P<cue>{_CUE})?|{_CUE}))[\"'\u201d]?"
    # a few words between the cue and its value ("number at the clinic, 4418265"), then a separator
    rf"(?:(?:[ \t]+(?!of\b|is\b|was\b|or\b|as\b)[a-z'][a-z'\-]*){{1,4}}(?:[ \t]*[:=,(\-\u2014]|[ \t]+(?:is|was|as)\b)[ \t]*"
    rf"(?:(?:is|was)[ \t]+)?|{_SEP})[\"'\u201c]?"
    + _VALUE)
# the value alone on the next line of a chat or a form, after the line that asks for it
_NEXT_LINE = re.compile(
    rf"(?i:\b{_CUE}(?:[ \t]+on[ \t]+(?:the|your|my)[ \t]+card)?)[ \t]*[?:.]?[ \t]*\n"
    r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\d{1,2}:\d{2}(?:[ \t]*[ap]m)?[ \t]*)?(?:[A-Za-z][\w .'\-]{0,24}:[ \t]*)?"
    + _VALUE + r"[ \t]*(?=$|\n|[.,;!?])", re.MULTILINE)
_NEXT_LINE = gated(_NEXT_LINE, "id-next-line")
_NOT_ID_NOUN = re.compile(r"(?i:\b(?:phone|cell|mobile|fax|telephone|tel|contact|callback|call[ \t]?back|pager|"
                          r"landline|home|work|office|direct|crisis|hotline|help[ \t]?line|respondent|response|"
                          r"submission|survey|lot|batch|model|version|build|part|room|page|zip|postal|area)[ \t]*$)")
# "the number 1000000", "a number of": a bare "number" after an article or a quantifier is no label
_ARTICLE = re.compile(r"(?i:\b(?:a|an|the|any|same|lucky|magic|round|whole|prime|big|large|huge|small)[ \t]*$)")
_HEADER_CUE = re.compile(r"(?i:#|\bno\.|\b(?:id|num|number|nbr|mrn|rx|plate|tag|vin|account|acct|member|case|claim|badge|"
                         r"record|chart|ticket|order|tracking|policy|permit|licen[cs]e|booking|inmate|code)\b)")
_HEADER_NOT = re.compile(r"(?i:\b(?:phone|tel|fax|zip|postal|date|time|dose|qty|quantity|age|count|room|bed|"
                         r"respondent|response|survey|serial|lot)\b)")


# the nouns whose number is one even when it is short ("badge 4471", "Ticket #88412", "store #0288")
_SHORT_NUMBERED = frozenset("badge ticket store branch pharmacy locker wristband bracelet docket inmate booking".split())
_JOINED = re.compile(r"[ \t]*(?:[:=#(,\-\u2014][ \t]*|(?:is|was)[ \t]+)*[\"'\u201c(]?[ \t]*")


def _position_value_ok(text: str, start: int, end: int, short: bool = False) -> bool:
    """A value after a cue that is no phone number, date, range, sum or measure; ``short``:
    four or five digits will do (after the noun of what it numbers and its cue, or a noun
    whose number is one alone: ``_SHORT_NUMBERED``), but never a year."""
    value = text[start:end]
    groups = _GROUPS.split(value)
    if all(g.isdigit() for g in groups):
        least = 4 if short and not readings.year(value) else 6
        if len(groups) > 1 and readings.digit_groups_explained(groups) or _digits(value) < least:
            return False
        return not readings.quantity_after(text, end)
    return not readings.token_explained(text, start, end)


class IdPositionRecognizer(OwnRecognizer):
    """Numbers where only an identifier stands (see the module)."""

    ENTITY = ENTITY
    # run over the whole text: the prefilter says whether it can match (``prefilter.Gated``); it cannot
    # rule out ``_AFTER_CUE`` ("no", "#" and a lookahead for three digits: nearly any text)
    expressions = (_NEXT_LINE,)

    def analyze(self, text, entities, nlp_artifacts=None):
        if _digits(text) < 3:
            return []
        out = []
        for rx in (_AFTER_CUE, _NEXT_LINE):
            for m in rx.finditer(text):
                before = text[max(0, m.start() - 24):m.start()]
                if _NOT_ID_NOUN.search(before) or (m.group(0)[:3].lower() == "num" and _ARTICLE.search(before)):
                    continue
                # right after its noun and cue, or a noun whose number is one alone
                noun, cue = m.group("noun") if "noun" in m.re.groupindex else None, m.groupdict().get("cue")
                short = noun is not None and (cue is not None or noun.lower() in _SHORT_NUMBERED) and \
                    _JOINED.fullmatch(text, m.end("cue") if cue else m.end("noun"), m.start("v")) is not None
                if _position_value_ok(text, m.start("v"), m.end("v"), short):
                    out.append(self.result(m.start("v"), m.end("v"), 0.6))
        out.extend(self._table(text))
        return out

    def _table(self, text: str) -> list[RecognizerResult]:
        """Cells under a header that names an identifier (``| Rx # | Patient |``)."""

        def kind(header: str) -> str | None:
            return "ID" if _HEADER_CUE.search(header) and not _HEADER_NOT.search(header) else None

        return [self.result(start, end, 0.6) for _, cell, start, end in column_cells(text, kind)
                if _digits(cell) >= 4 and _CELL.fullmatch(cell)]
