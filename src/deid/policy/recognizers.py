"""The rules' own recognizers (``recognizers``), checked like every rule with file:line:key
messages: a pattern recognizer a rules file adds (a name, the entity type it finds, one or more
regular expressions with a score, context words), and a built-in recognizer it switches off (or
back on) by its name. ``schema.Validator`` asks ``section``; the result is the rules'
``recognizers`` and ``recognizers_off``, which detection, the final check, ``deid check`` and
``deid verify`` (through the ledger's canonical form) all run by."""

from __future__ import annotations

import difflib
import re
from typing import Any

import regex

from deid.policy.ruleset import PatternRule, RecognizerRule, RuleSet

RECOGNIZER_KEYS = {"name", "entity", "patterns", "context", "enabled"}
PATTERN_KEYS = {"name", "regex", "score"}
# what Presidio's ``PatternRecognizer`` matches with (its ``global_regex_flags``), and so deid
FLAGS = regex.DOTALL | regex.MULTILINE | regex.IGNORECASE
NAME = re.compile(r"^[A-Z][A-Za-z0-9_]*$")

# The names of the built-in pattern recognizers (Presidio's that deid runs and deid's own:
# ``detect.scanner``); a rules file may switch any of them off. A test holds this to the
# recognizers detection builds.
BUILT_IN = tuple("""
    AccountNumberRecognizer AddressedNameRecognizer AgeAnyRecognizer AgeAnyWordsRecognizer
    AgeOfPersonRecognizer AgeRecognizer AgeWordsRecognizer AmountRecognizer AmountWordsRecognizer
    AttributionPlaceRecognizer AttributionRecognizer BareImeiRecognizer BareMbiRecognizer
    BareVinRecognizer BirthDateRecognizer BracketNameRecognizer CaseNumberRecognizer
    ChatSpeakerRecognizer CredentialedNameRecognizer CreditCardRecognizer CreditLineRecognizer
    CryptoRecognizer DateRecognizer DeviceIdRecognizer DeviceSerialRecognizer DistinctiveRecognizer
    FamilyRecognizer FileNameRecognizer FormFieldNameRecognizer FormFieldPlaceRecognizer
    FormFieldUserNameRecognizer GpsCoordinatesRecognizer GreetingNameRecognizer HandleInContextRecognizer
    HealthPlanIdRecognizer
    IbanRecognizer IdPositionRecognizer IdShapeRecognizer InitialsSpeakerRecognizer
    InmateNumberRecognizer IntroductionRecognizer IpRecognizer LeetNameRecognizer
    LicenseNumberRecognizer LongNumberRecognizer LowerPlaceRecognizer MacAddressRecognizer
    MedicalLicenseRecognizer MedicalRecordNumberRecognizer MonthDayRecognizer NameHandleRecognizer
    NameHashtagRecognizer NicknameRecognizer OccupationAfterAgeRecognizer OccupationRecognizer
    OfflineEmailRecognizer OrganisationNameRecognizer OrganisationRecognizer
    OtherScriptNameRecognizer PaymentHandleRecognizer PhoneContextRecognizer PhoneRecognizer
    PlusCodeRecognizer PostcodeRecognizer RareConditionRecognizer RelationNameRecognizer
    RoleNameRecognizer RuralAddressRecognizer SchemeUrlRecognizer SelfReferenceRecognizer
    SexRecognizer SignOffRecognizer SocialHandleRecognizer SpeakerLabelRecognizer
    SpelledNumberRecognizer SpelledSsnRecognizer SpeltNameRecognizer SpokenCoordinatesRecognizer
    SpokenPhoneRecognizer SsnLastFourRecognizer StateAfterTownRecognizer StateBeforeZipRecognizer
    StreetAddressRecognizer SubjectNameRecognizer SurveyIdRecognizer TableNameRecognizer
    ThreeWordAddressRecognizer TimestampRecognizer TitleNameRecognizer TitledSpeakerRecognizer
    TownBeforeZipRecognizer TownThenPostcodeRecognizer UnitAddressRecognizer UnknownJobRecognizer
    UrlRecognizer UsBankRecognizer UsItinRecognizer UsLicenseRecognizer UsPassportRecognizer
    UsSsnRecognizer UsZipRecognizer UserNameRecognizer VCardRecognizer VehicleIdRecognizer
    WorldPostcodeRecognizer WrittenDateRecognizer WrittenOutEmailRecognizer YearInWordsRecognizer
""".split())
# names findings carry that are no pattern recognizer's: a rules recognizer may not take them
OTHER_NAMES = ("NameLexiconRecognizer", "SpacyRecognizer", "CoordinatedName")


def section(v, value: Any, up: RuleSet | None, entities: dict) -> tuple[tuple[RecognizerRule, ...], tuple[str, ...]]:
    """The ``recognizers`` list over the extended rules' (``up``): each entry a new pattern
    recognizer (one with the name of the extended rules' own takes its place), or a name
    with ``enabled: false`` (switched off) or ``true`` (switched back on). ``v``: the
    ``schema.Validator`` (its messages and pieces); ``entities``: the effective entity rules,
    one of which each new recognizer's type must have."""
    if not isinstance(value, list):
        raise v.fail(("recognizers",), f"expected a list of recognizers, got {type(value).__name__}")
    added = {r.name: r for r in up.recognizers} if up else {}
    off = set(up.recognizers_off) if up else set()
    seen: set[str] = set()
    for i, item in enumerate(value):
        where = ("recognizers", i)
        spec = v.mapping(item, RECOGNIZER_KEYS, where)
        if "name" not in spec:
            raise v.fail(where, "a recognizer needs 'name': a new one's, or the name of one to switch off")
        name = v.string(spec["name"], where + ("name",))
        if name in seen:
            raise v.fail(where + ("name",), f"recognizer {name!r} is named twice in this file; keep one entry")
        seen.add(name)
        if "patterns" in spec:
            added[name] = _new(v, spec, where, name, entities)
            continue
        if "enabled" not in spec:
            raise v.fail(where, "a recognizer needs 'patterns' (a new one), or 'enabled: false' to switch "
                                f"{name!r} off")
        for key in ("entity", "context"):
            if key in spec:
                raise v.fail(where + (key,), f"'{key}' is for a new recognizer, which has 'patterns'; "
                                             f"an entry that switches one off has only 'name' and 'enabled'")
        enabled = v.boolean(spec["enabled"], where + ("enabled",))
        if name in added:
            if not enabled:
                del added[name]
        elif name in BUILT_IN:
            (off.discard if enabled else off.add)(name)
        else:
            known = sorted(set(BUILT_IN) | set(added))
            near = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            raise v.fail(where + ("name",), f"unknown recognizer {name!r}{hint}; the recognizers there are: "
                                            + ", ".join(known))
    return tuple(added.values()), tuple(sorted(off))


def _new(v, spec: dict, where: tuple, name: str, entities: dict) -> RecognizerRule:
    if not NAME.match(name):
        raise v.fail(where + ("name",), f"a recognizer's name is letters, digits and _, starting with a capital "
                                        f"(ClinicMemberRecognizer), got {name!r}")
    if name in BUILT_IN or name in OTHER_NAMES:
        raise v.fail(where + ("name",), f"{name!r} is a built-in recognizer's name; give yours another "
                                        f"(to switch that one off: {{name: {name}, enabled: false}})")
    if spec.get("enabled", True) is not True:
        raise v.fail(where + ("enabled",), "a new recognizer is on; remove the entry to have none")
    if "entity" not in spec:
        raise v.fail(where, "a recognizer needs 'entity': the type it finds (MEMBER_NUMBER, ID_NUMBER, ...)")
    entity = spec["entity"]
    if entity == "*":
        raise v.fail(where + ("entity",), "a recognizer finds one entity type, not '*'")
    v.entity_name(entity, where + ("entity",))
    if entity not in entities:
        raise v.fail(where + ("entity",), f"entity type {entity!r} has no rule; add one under entities "
                                          f"({entity}: {{action: replace}}), or name a type the rules have")
    patterns = spec["patterns"]
    if not isinstance(patterns, list) or not patterns:
        raise v.fail(where + ("patterns",), "expected a list of one or more {regex: ..., score: ...}")
    out = []
    for j, item in enumerate(patterns):
        at = where + ("patterns", j)
        p = v.mapping(item, PATTERN_KEYS, at)
        for key in ("regex", "score"):
            if key not in p:
                raise v.fail(at, f"a pattern needs '{key}'")
        label = v.string(p["name"], at + ("name",)) if "name" in p else f"pattern {j + 1}"
        score = p["score"]
        if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 < score <= 1:
            raise v.fail(at + ("score",), f"score must be a number in (0, 1], got {score!r}")
        out.append(PatternRule(label, expression(v, p["regex"], at + ("regex",)), float(score)))
    context = v.strings(spec.get("context", []), where + ("context",))
    for k, word in enumerate(context):
        if len(word.split()) != 1:
            raise v.fail(where + ("context", k), f"a context word is one word, got {word!r}; list each word")
    return RecognizerRule(name, entity, tuple(out), tuple(context))


def expression(v, value: Any, at: tuple) -> str:
    """A regular expression Presidio can run (the ``regex`` module, Presidio's flags), that
    matches no empty text and does not look catastrophic (``catastrophic``)."""
    source = v.string(value, at)
    try:
        compiled = regex.compile(source, flags=FLAGS)
    except (regex.error, OverflowError, ValueError, RecursionError) as exc:
        raise v.fail(at, f"bad regular expression {source!r}: {exc}") from None
    why = catastrophic(source)
    if why:
        raise v.fail(at, f"regular expression {source!r} can take exponential time: {why}")
    if compiled.fullmatch("") is not None:
        raise v.fail(at, f"regular expression {source!r} matches an empty text; make it need a character")
    return source


def catastrophic(source: str) -> str | None:
    """Why ``source`` looks catastrophic, or None: an unbounded repeat (``*``, ``+``, ``{n,}``) of a
    group that itself holds an unbounded repeat (``(\\d+)+``, ``(\\w+\\s?)*``), the shape that
    backtracks exponentially on a text that nearly matches. A possessive repeat (``*+``) does
    not backtrack and is not counted. Read from the expression's text: escapes, classes and
    groups of any kind are followed; nothing else of its meaning."""
    stack = [False]  # per open group: whether it holds an unbounded repeat
    last_group = None  # what the group just closed held, when the next token may quantify it
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        group, last_group = last_group, None
        if group and c not in "*+?{":  # a group that held one, not repeated: its parent holds one
            stack[-1] = True
        if c == "\\":
            i += 2
            if source[i - 1:i] in ("p", "P", "N", "x", "u") and source[i:i + 1] == "{":
                i = source.find("}", i) + 1 or n
        elif c == "[":
            i = _class_end(source, i)
        elif c == "(":
            if source.startswith("(?#", i):
                i = source.find(")", i) + 1 or n
                continue
            stack.append(False)
            i += 1
            continue
        elif c == ")":
            inner = stack.pop() if len(stack) > 1 else False
            last_group = inner
            i += 1
            continue
        elif c in "*+?{":
            bound, i = _quantifier(source, i)
            if bound is None:  # a "{" that is no quantifier: a literal
                stack[-1] = stack[-1] or bool(group)
                continue
            possessive = source[i:i + 1] == "+"
            i += 1 if source[i:i + 1] in ("?", "+") else 0
            if bound == "unbounded" and not possessive:
                if group:
                    return "a group repeated without bound holds a repeat without bound; bound one of them ({1,20})"
                stack[-1] = True
            elif group:
                stack[-1] = True  # the group's own repeat is in this one too
            continue
        else:
            i += 1
    return None


def _class_end(source: str, i: int) -> int:
    """The index after the character class that starts at ``i``."""
    j = i + 1
    if source[j:j + 1] == "^":
        j += 1
    if source[j:j + 1] == "]":
        j += 1
    while j < len(source) and source[j] != "]":
        j += 2 if source[j] == "\\" else 1
    return j + 1


def _quantifier(source: str, i: int) -> tuple[str | None, int]:
    """("unbounded" or "bounded", the index after it) for the quantifier at ``i``; (None, i + 1)
    for a "{" that starts none."""
    c = source[i]
    if c in "*+":
        return "unbounded", i + 1
    if c == "?":
        return "bounded", i + 1
    m = re.match(r"\{(\d*)(,?)(\d*)\}", source[i:])
    if not m or not (m.group(1) or m.group(3)):
        return None, i + 1
    return ("unbounded" if m.group(2) and not m.group(3) else "bounded"), i + m.end()
