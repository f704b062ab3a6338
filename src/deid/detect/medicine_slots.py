"""A medicine no list holds, known by the slot it stands in: a word a sentence
takes, is put on, tapers off or is given ("I take X twice a day", "put me on X",
"tapering off X", "they gave me X in the ER"), or that a medicine's form, a dose
schedule or a condition follows ("X cream", "X at bedtime", "tried X for the
migraines"); and an operation had ("had a X", "after the X", "X procedure").

Brand names are new every year and many look like names; a model or the name
lexicon guesses them as people. Here the words around the guess decide, never the
guessed word itself:

- a word of no name list is a medicine in a taking slot, before a form ("X cream"), a
  dose's schedule ("X every 4 hours"), a condition it is taken for ("X for the
  migraines"), a verb only a medicine takes ("X kicked in"), or owned ("my X") when
  guessed as a person;
- a known first name or surname is a medicine only when both sides say so ("I take
  X every spring"): a taking slot before it and a form, a schedule or a condition
  after it; or before a verb only a medicine takes;
- a word, name or not, said in brackets to be a medicine ("X (the mini pill)");
- never when what follows names or moves a person ("took X to the clinic", "X, she
  said", "gave me X's number") or is a street's number ("on X 41").

``evidence.keep_reason`` asks here for guesses only; a name a person noun, a greeting
or the roster found stands.
"""

from __future__ import annotations

import re

from deid.core.lexicon import is_medical_term, name_info

_PERSON = r"(?:me|him|her|them|us|you)"
# How much of it: "two", "a", "half a", "my", "some", "40 mg of".
_AMOUNT = r"(?:(?:a|an|one|two|three|four|five|six|some|more|my|his|her|their|the|half[ \t]+a|a[ \t]+few|\d+)[ \t]+)?"
# The slots, right before the word.
_SLOT = re.compile(
    r"(?i:\b(?:"
    r"tak(?:e|es|ing)|took|tr(?:y|ies|ied|ying)|start(?:s|ed|ing)?|restart(?:ed)?|stop(?:s|ped|ping)?|"
    r"quit(?:ting)?|prescrib(?:e|es|ed|ing)|pop(?:s|ped|ping)?|snort(?:ed|ing)?|inject(?:ed|ing)?|"
    r"refill(?:ed)?|dos(?:e|ed|ing)|abus(?:e|ed|ing)|miss(?:ed)?|"
    rf"(?:been|am|i'?m|is|was|were|are|be|stay(?:ed)?|still|back|went|go(?:ing)?|got|get|keep|kept|"
    rf"stuck|maintained|put|put[ \t]+{_PERSON}|tried[ \t]+{_PERSON}|switched[ \t]+{_PERSON}|"
    rf"start(?:ed)?[ \t]+{_PERSON})[ \t]+on|"
    r"(?:taper(?:ed|ing)?|came|come|coming|get|got|getting|wean(?:ed|ing)?|went|go|going|be|been|kick(?:ed|ing)?|"
    rf"took|take|taken|taking)(?:[ \t]+{_PERSON})?[ \t]+off(?:[ \t]+of)?|"
    rf"(?:switch(?:ed|ing)?|chang(?:ed|ing))(?:[ \t]+{_PERSON})?[ \t]+(?:from|to|over[ \t]+to|from[ \t]+[^\W\d_]+[ \t]+to)|"
    r"(?:day|week|month)[ \t]+\d+[ \t]+(?:on|of)|"
    rf"(?:gave|give|gives|giving|prescribed|handed|offered|shot)[ \t]+{_PERSON}|"
    r"(?:dose|doses|script|prescription|refill|bottle|box|pack|course|round)[ \t]+(?:of|for)|"
    r"(?:mg|mcg|ml)[ \t]+of|out[ \t]+of|ran[ \t]+out[ \t]+of|withdrawal[ \t]+from|addicted[ \t]+to|hooked[ \t]+on"
    rf")[ \t]+{_AMOUNT})$")
# An operation had ("had a X", "recovering from the X", "since my X", "after the X"), where the
# clause ends after the word ("after the X I could not eat"; not "after the X closed").
_OPERATION = re.compile(r"(?i:\b(?:had|having|needed|scheduled[ \t]+for|recovering[ \t]+from|since|after)[ \t]+"
                        r"(?:a|an|the|my|his|her)[ \t]+)$")
_CLAUSE_ENDS = re.compile(r"(?i:^[ \t]*(?:[,.;:!?)\u2014]|$|(?:i|we|he|she|they|it|and|but|so|my)\b))")
# The verbs of a slot that can move a person too ("took X to the clinic").
_MOVES = re.compile(r"(?i:\b(?:tak(?:e|es|ing)|took|gave|give|gives|giving|handed|got|get|brought)\b)")
# What follows a person moved ("took X to the clinic"), after a verb that can move one.
_MOVED_AFTER = re.compile(
    r"(?i:^[ \t]+(?:to|home|out|back|along|aside|around|over|up|down|shopping|"
    r"with(?![ \t]+(?:food|water|meals?|milk|juice|breakfast|lunch|dinner|a[ \t]+meal)\b)|"
    r"a[ \t]+(?:ride|lift|hug|call|text))\b)")
# What follows a person named, whatever the verb: a possessive, a verb of saying, "X first, she ...".
_NAMED_AFTER = re.compile(
    r"(?i:^(?:['\u2019]s?\b|[ \t]+(?:said|says|told|asked|called|texted|drove|came|who)\b|"
    r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]*,?[ \t]+(?:she|he|who|whom)\b))")
# A medicine's form, a dose schedule, or what it is taken for, right after the word.
_FORM = (r"(?:(?:nasal|eye|ear|oral|topical)[ \t]+)?(?:cream|gel|ointment|lotion|patch(?:es)?|pills?|tabs?|tablets?|"
         r"caps?|capsules?|drops|spray|injections?|shots?|infusions?|refills?|prescription|script|er|xr|sr|cr|ir|xl|odt|"
         r"withdrawals?|taper|dose|doses|dosage|"
         r"procedure|surgery|operation|bypass|repair|maneuver|manoeuvre|resection|fundoplication|shunt|fusion)")
# How many times ("twice", "3x"), before "a day" or alone.
_TIMES = r"(?:once|twice|three[ \t]+times|four[ \t]+times|\d+[ \t]*x)"
_SCHEDULE = (rf"(?:{_TIMES}|every[ \t]+(?:day|night|morning|evening|"
             r"other|\d+|two|three|four|six|eight|twelve|spring|week)|daily|nightly|weekly|at[ \t]+(?:night|bedtime)|"
             r"as[ \t]+needed|prn|bid|tid|qid|qd|qhs|in[ \t]+the[ \t]+(?:morning|evening)|before[ \t]+bed)")
_AFTER = re.compile(rf"(?i:^[ \t]*(?:{_FORM}|{_SCHEDULE})\b)")
# A schedule only a dose keeps ("X twice a day", "X every 4 hours", "X as needed"),
# not one a visit or a call keeps too ("every morning", "weekly").
_DOSE_SCHEDULE = re.compile(
    rf"(?i:^[ \t]*,?[ \t]*(?:{_TIMES}[ \t]+(?:a|per|/)[ \t]*day|"
    r"every[ \t]+\d+[ \t]*(?:-[ \t]*\d+[ \t]*)?(?:hours?|hrs?|h)|as[ \t]+needed|prn|bid|tid|qid|qd|qhs|at[ \t]+bedtime)\b)")
# A number without a unit after the word: a street's ("on Elmgrove 79"), not a dose's.
_NUMBER_AFTER = re.compile(r"(?i:^[ \t]+\d+(?![.,]\d)(?![\d.,]*[ \t]*(?:mg|mcg|ml|g|units?|iu|%)|[\d.]*/\d))")  # not "10/325", "7.5"
# A measure of a drink or a drug right before the word: "a fifth of", "a handle of", "a gram of".
_MEASURE_OF = re.compile(r"(?i:\b(?:a|an|one|two|three|half[ \t]+a)[ \t]+(?:fifth|handle|pint|glass|can|cans|case|"
                         r"litre|liter|gram|grams|eighth|ounce|oz|bump|line|lines|bag|baggie)[ \t]+of[ \t]+)$")
# A thing a writer has, where a person would be given a noun first ("my mom X"): "my X",
# "ur X"; for a word of no name list only.
_OWNED = re.compile(r"(?i:\b(?:my|ur|your|his|her|their|our)[ \t]+$)")
# What only a medicine does: "X kicked in", "X wore off", "does X count as a stimulant".
_DRUG_VERB = re.compile(
    r"(?i:^[ \t]+(?:to[ \t]+)?(?:kick(?:s|ed|ing)?[ \t]+in(?![ \t]+(?:the|a|an|his|her|my|their|our|some|\$|\d))|"
    r"wore[ \t]+off|wear(?:s|ing)?[ \t]+off|"
    r"count[ \t]+as[ \t]+an?|is[ \t]+(?:supposed[ \t]+to[ \t]+be[ \t]+)?for[ \t]+(?:the|my|a)?)\b)")
# Brackets that say what it is: "(the mini pill)", "(my old antidepressant)", "(birth control)".
_EXPLAINED = re.compile(r"(?i:^[ \t]*\([ \t]*(?:(?:the|a|an|my|her|his|their|generic|brand)[ \t]+)?(?:[a-z-]+[ \t]+)?"
                        r"(?:pill|pills|med|meds|medication|medicine|tablet|tablets|capsule|shot|injection|patch|inhaler|"
                        r"spray|cream|drops|antidepressant|antibiotic|painkiller|pain[ \t]+killer|birth[ \t]+control|"
                        r"contraceptive|drug|supplement|steroid|sleeping[ \t]+pill|benzo|opioid|stimulant)\b)")
_FORM_ONLY = re.compile(rf"(?i:^[ \t]*{_FORM}\b)")
_FOR = re.compile(r"(?i:[ \t]+(?:for|(?:works?|worked|helps?|helped)[ \t]+(?:for|with))[ \t]+"
                  r"(?:(?:the|my|his|her|their|a|an|this)[ \t]+)?([^\W\d_][\w'\u2019-]*(?:[ \t]+[^\W\d_][\w'\u2019-]*)?))")


_REST_OF_WORD = re.compile(r"(?:-[^\W\d_]+)+(?![\w-])")
_THE = re.compile(r"(?i:\bthe[ \t]+)$")


# What a medicine is taken for that no list of conditions holds.
_PURPOSES = frozenset({"birth control", "contraception", "sleep", "cravings", "smoking", "quitting smoking", "focus"})


def _for_condition(text: str, end: int) -> bool:
    """"X for the migraines", "X for fibro flares", "X for birth control": taken for a condition."""
    m = _FOR.match(text, end, min(len(text), end + 40))
    if m is None:
        return False
    words = m.group(1).split()
    if any(" ".join(words[:n]).lower() in _PURPOSES for n in (2, 1) if len(words) >= n):
        return True
    return any(is_medical_term(" ".join(words[:n]).strip("'\u2019")) for n in (2, 1) if len(words) >= n) \
        or is_medical_term(re.sub(r"s$", "", words[0]))


_LIST_NEIGHBOUR = re.compile(r"(?:[ \t]*(?:,|/|&|\band\b|\bor\b|\bplus\b|\bwith\b)[ \t]*)")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# An item's dose, release form and a note in brackets, between it and the list's separator:
# "gabapentin 300 mg, X", "X (stopped), Lyrica", "Opana ER, X".
_ITEM_TAIL = (r"(?:[ \t]+(?:\d+(?:[.,/]\d+)*[ \t]*(?i:mg|mcg|ml|g|units?|iu|%)?|(?i:er|xr|sr|cr|ir|xl|odt)\b))*"
              r"(?:[ \t]*\([^()\n]{0,30}\))?")
_ITEM_BEFORE = re.compile(rf"({_WORD.pattern}){_ITEM_TAIL}{_LIST_NEIGHBOUR.pattern}$")
_ITEM_AFTER = re.compile(rf"{_ITEM_TAIL}{_LIST_NEIGHBOUR.pattern}({_WORD.pattern})")


def listed_with_medicine(text: str, start: int, end: int) -> bool:
    """Whether a list the span stands in ("A, B and C", "A with B") holds a medical term,
    up to four items either way; an item may carry its dose, its release form or a note in
    brackets ("gabapentin 300 mg, A", "A (stopped), Lyrica")."""
    at = start
    for _ in range(4):
        item = _ITEM_BEFORE.search(text, max(0, at - 40), at)
        if item is None:
            break
        if is_medical_term(re.sub(r"['\u2019]s$", "", item.group(1))):
            return True
        at = item.start()
    at = end
    for _ in range(4):
        item = _ITEM_AFTER.match(text, at, min(len(text), at + 40))
        if item is None:
            break
        if is_medical_term(re.sub(r"['\u2019]s$", "", item.group(1))):
            return True
        at = item.end()
    return False




def said_to_be_medicine(text: str, end: int) -> bool:
    """Whether brackets right after ``end`` say the word before them is a medicine ("heather
    (the mini pill)", "Odette (my old antidepressant)")."""
    return _EXPLAINED.match(text[end:end + 60]) is not None


def in_medicine_slot(text: str, start: int, end: int, entity: str = "PERSON") -> bool:
    """Whether the guessed name ``text[start:end]`` is a medicine by its slot (see the
    module's docstring). A guessed place is left alone: "moved to X", "on X" are its
    slots too."""
    if entity == "LOCATION":
        return False
    rest = _REST_OF_WORD.match(text, end)  # a guess of "Roux" in "Roux-en-Y": the whole word
    end = rest.end() if rest else end
    value = text[start:end]
    if not value or " " in value.strip() or not value.strip().replace("-", "").isalpha() \
            or len(value) < (3 if value.isupper() else 4):
        return False
    before = text[max(0, start - 48):start]
    if value.endswith("s") and _THE.search(before):
        return False  # "after the Ostrowskis left": a family
    tail = text[end:end + 40]
    slot = _SLOT.search(before) or (_OPERATION.search(before) if _CLAUSE_ENDS.match(tail) else None)
    if _NAMED_AFTER.match(tail) or (_MOVED_AFTER.match(tail) and (slot is None or _MOVES.search(slot.group(0)))):
        return False
    if _MEASURE_OF.search(before):
        return True  # "a fifth of X", "a gram of X": a drink or a drug, never a person
    if _NUMBER_AFTER.match(tail):
        return False  # "on Elmgrove 79": a street's number, not a dose (that has a unit)
    if said_to_be_medicine(text, end):
        return True  # "heather (the mini pill)"
    if name_info(value) is not None:
        return (slot is not None and (_AFTER.match(tail) is not None or _for_condition(text, end))) \
            or _DRUG_VERB.match(tail) is not None
    return slot is not None or _FORM_ONLY.match(tail) is not None or _DOSE_SCHEDULE.match(tail) is not None \
        or _for_condition(text, end) or _DRUG_VERB.match(tail) is not None or listed_with_medicine(text, start, end) \
        or (entity == "PERSON" and _OWNED.search(before) is not None)  # "her X resignation letter": a firm's
