"""Decide: turn findings into decisions according to the rules.

Steps, in order: drop findings inside spans an earlier deid run wrote (its
stand-ins, see ``marks``) and findings below their type's threshold or on the allow
list (deny-list and known identifiers always stand); merge overlapping
findings into one span; spread each removed name to its other mentions in the
same record (any type but those kept); add the whole-value decisions of
column rules.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .lexicon import is_drug_name
from .marks import inside
from .mentions import mention
from .model import Decision, Finding, Record
from .rules import RuleSet, normalize_term

CERTAIN = ("deny_list", "known_identifier")
# A stand-in an earlier run wrote (see ``marks``): kept as it is, recorded.
EARLIER, STAND_IN = "earlier_run", "STAND_IN"
# Recognizers whose context is strong enough to make even a drug name a name
# ("Name: Ella", "my sponsor Chase", "Dr. Vicks").
STRONG_CONTEXT = CERTAIN + (
    "FormFieldNameRecognizer", "RelationNameRecognizer", "TitleNameRecognizer",
    "AttributionRecognizer", "TableNameRecognizer", "NicknameRecognizer", "SpeakerLabelRecognizer",
    "IntroductionRecognizer", "AttributionPlaceRecognizer", "SelfReferenceRecognizer",
)
# Types a medical term is never taken for without strong context.
NAMELIKE = ("PERSON", "LOCATION", "ORGANIZATION", "NRP")
# Recognizers that guess from the words alone (the model, the name lexicon):
# a more specific recognizer wins over them, and a term allowed for any type
# ("Ohio" as a place) is allowed for them whatever type they gave it.
SOFT = ("SpacyRecognizer", "NameLexiconRecognizer")
_WORD = re.compile(r"[\w][\w'\u2019\-.]*\w|\w")
FILLER = frozenset(
    "and or & the a an of with plus then first second third fourth fifth sixth seventh eighth "
    "ninth tenth last next".split()
)
_NAME_PART = re.compile(r"[^\W\d_][\w'\u2019\-]*")


def decide(record: Record, findings: list[Finding], rules: RuleSet) -> list[Decision]:
    texts = {f.path: f.text for f in record.fields}
    findings = _outside_marks(findings, record, texts)
    findings += [Finding(path, STAND_IN, a, b, 1.0, EARLIER) for path, a, b in record.marked if path in texts]
    kept = [piece for f in findings for piece in stands(f, texts[f.field], rules)]
    by_field: dict[str, list[Finding]] = defaultdict(list)
    for f in kept:
        by_field[f.field].append(f)
    merged = [m for path in texts for m in _merge(by_field.get(path, []), rules)]
    merged += _outside_marks(_spread(merged, record, rules), record, texts)
    merged = [m for path in texts for m in _merge([f for f in merged if f.field == path], rules)]
    subject = subject_of(record)
    decisions = [_decision(f, rules, subject) for f in merged]
    decisions += _column_decisions(record, rules, subject)
    return sorted(decisions, key=lambda d: (_field_order(record, d.finding.field), d.finding.start))


def _outside_marks(findings: list[Finding], record: Record, texts: dict[str, str]) -> list[Finding]:
    """Findings with the spans an earlier run wrote cut out of them (its
    stand-ins stay as they are); what is left must still hold a word. A guess
    (model, name lexicon) that touches a stand-in is dropped whole: it was
    reading the stand-in, and what is left of it is no finding of its own."""
    if not record.marked:
        return findings
    out = []
    for f in findings:
        if f.recognizer in CERTAIN:
            out.append(f)
            continue
        if f.recognizer.split("+")[0] in SOFT and any(
                p == f.field and a < f.end and f.start < b for p, a, b in record.marked):
            continue
        pieces = [(f.start, f.end)]
        for path, a, b in record.marked:
            if path != f.field:
                continue
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[1] > p[0]]
        for s, e in pieces:
            piece = texts[f.field][s:e]
            if re.search(r"\w", piece):
                lead = len(piece) - len(piece.lstrip(" \t,;:|"))
                trail = len(piece) - len(piece.rstrip(" \t,;:|"))
                out.append(Finding(f.field, f.entity, s + lead, e - trail, f.score, f.recognizer))
    return out


def stands(f: Finding, text: str, rules: RuleSet) -> list[Finding]:
    """The finding, pieces of it, or nothing: below-threshold and allowed
    findings go; a model finding made of allowed terms and filler words
    ("Percocet and Dilaudid", "Third Sublocade") keeps only its other words."""
    if f.recognizer in CERTAIN:
        return [f]
    strong = f.recognizer in STRONG_CONTEXT
    soft = f.recognizer in SOFT

    def allowed(term: str) -> bool:
        if rules.is_allowed(term, f.entity) or (soft and rules.is_allowed_anywhere(term)):
            return True
        return not strong and rules.medical_lexicon and f.entity in NAMELIKE and is_drug_name(normalize_term(term))

    if f.score < rules.for_entity(f.entity).threshold or allowed(text[f.start:f.end]):
        return []
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, f.start, f.end)]
    if len(words) < 2:
        return [f]
    loose = [allowed(text[a:b]) or text[a:b].casefold() in FILLER for a, b in words]
    if not any(allowed(text[a:b]) for a, b in words):
        return [f]
    pieces, run = [], []
    for (a, b), drop in zip(words + [(0, 0)], loose + [True]):
        if drop:
            if run:
                pieces.append(Finding(f.field, f.entity, run[0], run[-1], f.score, f.recognizer))
            run = []
        else:
            run = [run[0] if run else a, b]
    return pieces


def _rank(f: Finding, rules: RuleSet) -> tuple:
    action = "keep" if f.recognizer == EARLIER else rules.for_entity(f.entity).action
    removes = action != "keep"
    surely = action not in ("keep", "generalize")  # generalize may leave the text as it was
    specific = f.recognizer.split("+")[0] not in SOFT  # a pattern knows its type better than a guess
    return (removes, surely, f.recognizer in CERTAIN, specific, f.score, f.end - f.start)


def _merge(findings: list[Finding], rules: RuleSet) -> list[Finding]:
    """Overlapping findings become one span covering all of them, typed by the
    strongest: one that removes text, then one that surely changes it (a
    replaced name over a "date" that generalising would leave as it was), then
    certain ones, then pattern recognizers over guesses ("OH 45402" is a ZIP
    code, not the model's DATE), then score, then length."""
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            a = out[-1]
            best = a if _rank(a, rules) >= _rank(f, rules) else f
            out[-1] = Finding(a.field, best.entity, a.start, max(a.end, f.end), best.score, best.recognizer)
        else:
            out.append(f)
    return out


def _spread(found: list[Finding], record: Record, rules: RuleSet) -> list[Finding]:
    """Other mentions of a removed name in the record: the whole name, and
    each part of a personal name ("Loretta Szabo" -> "Loretta", "szabo",
    "SZABO", "Szabo's"); see ``mentions`` for how case is treated."""
    texts = {f.path: f.text for f in record.fields if f.column is None}
    terms: dict[str, Finding] = {}
    for f in found:
        if f.field not in texts or f.recognizer == EARLIER or rules.for_entity(f.entity).action == "keep":
            continue
        full = " ".join(texts[f.field][f.start:f.end].split())
        if len(full) < 2:
            continue
        terms.setdefault(full, f)
        if f.entity == "PERSON":
            for part in _NAME_PART.findall(full):
                part = re.sub(r"['\u2019]s$", "", part)
                if len(part) >= 2 and part[0].isupper() and part.lower() not in FILLER and not rules.is_allowed(part, f.entity):
                    terms.setdefault(part, f)
    out = []
    for term, origin in terms.items():
        rx = mention(term)
        for path, text in texts.items():
            for m in rx.finditer(text):
                out.append(Finding(path, origin.entity, m.start(), m.end(), origin.score, f"{origin.recognizer}+spread"))
    return out


def _decision(f: Finding, rules: RuleSet, subject: str) -> Decision:
    if f.recognizer == EARLIER:
        return Decision(f, "keep", EARLIER)
    rule = rules.for_entity(f.entity)
    rule_id = f"entities.{f.entity}" if f.entity in rules.entities else "default_action"
    if f.recognizer == "deny_list":
        rule_id = "deny"
    return Decision(f, rule.action, rule_id, (("tag", rule.tag), ("style", rule.style), ("subject", subject)))


def subject_of(record: Record) -> str:
    """Whose record this is, for per-person date shifts: the first known
    name (a name column), else the record id."""
    for k in record.known:
        if k.entity == "PERSON":
            return "person:" + " ".join(k.value.lower().split())
    return f"record:{record.source}:{record.id}"


def _column_decisions(record: Record, rules: RuleSet, subject: str) -> list[Decision]:
    out = []
    for field in record.fields:
        col = field.column
        if col is None or inside(record.marked, field.path, 0, len(field.text)):
            continue
        finding = Finding(field.path, col.entity, 0, len(field.text), 1.0, "column_rule")
        tag = col.tag or rules.for_entity(col.entity).tag
        params = (("tag", tag), ("style", col.style), ("subject", subject))
        out.append(Decision(finding, col.action, f"columns.{col.id}", params))
    return out


def _field_order(record: Record, path: str) -> int:
    for i, f in enumerate(record.fields):
        if f.path == path:
            return i
    return len(record.fields)


def batch_mentions(record: Record, decisions: tuple[Decision, ...], index, rules: RuleSet) -> list[Decision]:
    """Decisions for mentions of names and places removed elsewhere in the
    batch that this record's own decisions do not cover ("Dayton" removed in
    one testimonial goes in the next one too)."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in decisions:
        taken[d.finding.field].append((d.finding.start, d.finding.end))
    subject = subject_of(record)
    out = []
    for f in record.fields:
        if f.column is not None:
            continue
        for start, end, entity in index.find(f.text):
            if rules.for_entity(entity).action == "keep" or inside(record.marked, f.path, start, end):
                continue
            if any(a < end and start < b for a, b in taken[f.path]):
                continue
            taken[f.path].append((start, end))
            out.append(_decision(Finding(f.path, entity, start, end, 1.0, "batch_spread"), rules, subject))
    return out
