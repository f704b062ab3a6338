"""Decide: turn findings into decisions according to the rules.

Steps, in order: drop findings inside spans an earlier deid run wrote (its
stand-ins, see ``ledger.published``); keep a guess (model, name lexicon) that is only a
medical term or ordinary words, with the reason as a ``keep`` decision (see
``evidence``); drop findings below their type's threshold or on the allow
list (deny-list and known identifiers always stand); merge overlapping
findings into one span; spread each removed name to its other mentions in the
same record (any type but those kept); type every mention of a person's
name word as that person; add the whole-value decisions of column rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from deid.core import budget
from deid.core.lexicon import name_info
from deid.core.model import Decision, Finding, Record, inside
from deid.core.nameparts import name_parts, name_words
from deid.core.spans import Taken
from deid.core.wordlists import SHORT_TITLE_WORDS
from deid.decide.initials import with_initials
from deid.decide.coordinated import names_beside_names, pairs_apart
from deid.decide.organisations import organisations_hold_names
from deid.decide.jobs import jobs_not_names
from deid.decide.particles import whole_names
from deid.decide.places import places_not_people
from deid.decide.times import with_times
from deid.detect.standing import FILLER, dates_not_names, judge
from deid.detect import evidence
from deid.core.model import CERTAIN, EARLIER, GUESSES, LEXICON, MODEL, STAND_IN
from deid.detect.evidence import GROUP_WORD, NAMELIKE
from deid.detect.mentions import looked_for_again, mention, short_forms, used_as_word
from deid.policy.actions import ACTIONS, surely_changes
from deid.policy.ruleset import RuleSet
from deid.core.markup import markup_spans



def decide(record: Record, findings: list[Finding], rules: RuleSet) -> list[Decision]:
    texts = {f.path: f.text for f in record.fields}
    markups = {f.path: f.markup for f in record.fields}
    findings = _outside_marks(findings, record, texts)
    findings += [Finding(path, STAND_IN, a, b, 1.0, EARLIER, CERTAIN) for path, a, b in record.marked if path in texts]
    words: list[tuple[Finding, str]] = []   # guesses that are only medical or ordinary words
    kept = []
    for f in (piece for f in findings for piece in _cells(f, texts[f.field], markups.get(f.field))):
        pieces, reason = judge(f, texts[f.field], rules, markups.get(f.field))
        kept += pieces
        if reason:
            words.append((f, reason))
    kept, words = _one_meaning(kept, words, texts)
    kept = jobs_not_names(_groups_not_names(organisations_hold_names(kept, texts), texts), texts)
    kept = with_times(whole_names(with_initials(places_not_people(dates_not_names(kept, texts), texts), texts), texts), texts)
    kept = pairs_apart(names_beside_names(kept, texts, rules.is_allowed_anywhere), texts)
    by_field: dict[str, list[Finding]] = defaultdict(list)
    for f in kept:
        by_field[f.field].append(f)
    merged = [m for path in texts for m in _merge(by_field.get(path, []), rules)]
    merged += _outside_marks(_spread(merged, record, rules), record, texts)
    merged = [m for path, mine in _by_field(merged, texts).items() for m in _merge(mine, rules)]
    merged = _one_person(merged, texts, rules)
    subject = subject_of(record)
    decisions = [_decision(f, rules, subject) for f in merged]
    decisions += _word_decisions(words, merged)
    decisions += _column_decisions(record, rules, subject)
    order = {path: i for i, path in enumerate(texts)}  # the order of the record's fields
    return sorted(decisions, key=lambda d: (order.get(d.finding.field, len(record.fields)), d.finding.start))


def _one_meaning(kept: list[Finding], words: list[tuple[Finding, str]], texts: dict[str, str]):
    """One word, one meaning in a record: a guess of a value that another
    guess of the record showed to be medical ("took Lexy (10 mg)") is
    medical too ("That said, Lexy ain't all bad")."""
    medical = {" ".join(texts[f.field][f.start:f.end].split()).casefold() for f, reason in words if reason == "medical_term"}
    if not medical:
        return kept, words
    out, also = [], []
    for f in kept:
        same = f.strength in GUESSES and " ".join(texts[f.field][f.start:f.end].split()).casefold() in medical
        (also if same else out).append(f)
    return out, words + [(f, "medical_term") for f in also]




def _groups_not_names(kept: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """A word the model read as a nationality, religion or group ("a Cypriot national",
    "the Nigerian nurse"), shaped like one and used like one (after an article or a
    possessive) is that, not a name: the name lexicon's guess, made from a capital alone,
    yields to the model's reading of the sentence (context still wins; a popular first
    name, "Brian", stays a guess). The model's finding stays, and the rules decide it
    (``NRP``: kept by the default rules, replaced by ``strict``)."""
    groups: dict[str, Taken] = defaultdict(Taken)
    for f in kept:
        if f.entity == "NRP" and f.strength == MODEL:
            groups[f.field].add(f.start, f.end)
    if not groups:
        return kept
    out = []
    for f in kept:
        value = texts[f.field][f.start:f.end]
        info = name_info(value.lower())
        group = f.strength == LEXICON and f.entity == "PERSON" and GROUP_WORD.fullmatch(value) is not None \
            and (info is None or not info.popular) \
            and evidence.DETERMINER_BEFORE.search(texts[f.field], max(0, f.start - 8), f.start) is not None \
            and f.field in groups and groups[f.field].holds(f.start, f.end)
        if not group:
            out.append(f)
    return out


_BREAK = re.compile(r"[ \t]*(?:\n|\||:|,|[\"\u201c\u201d()])[ \t|\n:,\"\u201c\u201d()]*")


def _cells(f: Finding, text: str, markup: str | None = None) -> list[Finding]:
    """A guess cut at line breaks, table cell borders, colons, commas, double
    quotes and brackets, and in Markdown at its markup: no name runs from one
    cell, line, speaker, list item or link part into the next ("Severe |\n|
    Overdose Risk", 'Heather:"I'm', "Foggy, Zoning", "Lucinda](mailto",
    "Daughter (Tamsin");
    each piece is judged on its own, and markup is never replaced."""
    cuts = [m.span() for m in _BREAK.finditer(text, f.start, f.end)] if f.strength in GUESSES else []
    if markup == "markdown" and f.strength in GUESSES:
        cuts = sorted(cuts + [(max(a, f.start), min(b, f.end)) for a, b in markup_spans(text) if a < f.end and f.start < b])
    if not cuts:
        return [f]
    out, at = [], f.start
    for a, b in cuts:
        if a > at and text[at:a].strip():
            out.append(replace(f, start=at, end=a))
        at = max(at, b)
    if f.end > at and text[at:f.end].strip():
        out.append(replace(f, start=at, end=f.end))
    return out


def _word_decisions(words: list[tuple[Finding, str]], merged: list[Finding]) -> list[Decision]:
    """``keep`` decisions for guesses that were only medical or ordinary
    words, so that the ledger says why they stayed; none where a removal
    covers the span, one per span."""
    out: list[Decision] = []
    taken: dict[str, Taken] = defaultdict(Taken)
    for f in merged:
        taken[f.field].add(f.start, f.end)
    for f, reason in sorted(words, key=lambda w: (w[0].field, w[0].start, -w[0].end)):
        if taken[f.field].overlaps(f.start, f.end):
            continue
        taken[f.field].add(f.start, f.end)
        out.append(Decision(f, "keep", reason))
    return out


def _one_person(found: list[Finding], texts: dict[str, str], rules: RuleSet) -> list[Finding]:
    """One person, one stand-in: a name, place or organisation guess made
    only of the words of a person's name found in the record ("Marcus" typed
    LOCATION after "Marcus Whitfield") is that person."""
    parts = set()
    for f in found:
        if f.entity == "PERSON" and f.recognizer != EARLIER and rules.for_entity("PERSON").action != "keep":
            parts.update(w.casefold() for w in evidence.words(texts[f.field][f.start:f.end]))
    if not parts:
        return found
    out = []
    for f in found:
        ws = evidence.words(texts[f.field][f.start:f.end])
        if f.entity in NAMELIKE and f.entity != "PERSON" and f.strength in GUESSES and ws \
                and all(w.casefold() in parts for w in ws):
            f = replace(f, entity="PERSON")
        out.append(f)
    return out


def _outside_marks(findings: list[Finding], record: Record, texts: dict[str, str]) -> list[Finding]:
    """Findings with the spans an earlier run wrote cut out of them (its
    stand-ins stay as they are); what is left must still hold a word. A guess
    (model, name lexicon) that touches a stand-in is dropped whole: it was
    reading the stand-in, and what is left of it is no finding of its own."""
    if not record.marked:
        return findings
    out = []
    for f in findings:
        if f.strength == CERTAIN:
            out.append(f)
            continue
        if f.strength in GUESSES and any(
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
                out.append(replace(f, start=s + lead, end=e - trail))
    return out


def _rank(f: Finding, rules: RuleSet) -> tuple:
    rule = rules.for_entity(f.entity)
    name = "keep" if f.recognizer == EARLIER else rule.action
    removes = ACTIONS[name].removes
    surely = surely_changes(name, f.entity, rule.to)  # generalize may leave the text as it was ("two weeks")
    specific = f.strength not in GUESSES  # a pattern knows its type better than a guess
    return (removes, surely, f.strength == CERTAIN, specific, f.score, f.end - f.start)


def _merge(findings: list[Finding], rules: RuleSet) -> list[Finding]:
    """Overlapping findings become one span covering all of them, typed by the
    strongest: one that removes text, then one that surely changes it (a
    replaced name over a "date" that generalising would leave as it was), then
    certain ones, then pattern recognizers over guesses ("OH 45402" is a ZIP
    code, not the model's DATE), then score, then length."""
    out: list[Finding] = []
    for f in sorted(_bridges_out(_kept_apart(findings, rules)), key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            a = out[-1]
            best = a if _rank(a, rules) >= _rank(f, rules) else f
            end = max(a.end, f.end)
            out[-1] = best if (best.start, best.end) == (a.start, end) else replace(best, start=a.start, end=end)
        else:
            out.append(f)
    return out


def _bridges_out(findings: list[Finding]) -> list[Finding]:
    """Without a guess that findings of recognizers that know (a pattern, a context) cover
    word for word, but for the spaces between them: the model's "OH 43604" is a state and a
    ZIP code, each with its own action, not one span of the first's type."""
    sure = sorted((f.field, f.start, f.end) for f in findings if f.strength not in GUESSES)
    if not sure:
        return findings
    return [f for f in findings if f.strength not in GUESSES or not _covered(f, sure)]


def _covered(f: Finding, sure: list[tuple[str, int, int]]) -> bool:
    at, pieces = f.start, 0
    for field, start, end in sure:
        if field != f.field or end <= at or start >= f.end:
            continue
        if start - at > 2 or (start > at and pieces == 0):
            return False
        at, pieces = max(at, end), pieces + 1
    return pieces > 1 and at >= f.end


def _kept(f: Finding, rules: RuleSet) -> bool:
    return f.recognizer != EARLIER and rules.for_entity(f.entity).action == "keep"


def _kept_apart(findings: list[Finding], rules: RuleSet) -> list[Finding]:
    """A finding the rules keep (an occupation, a nationality) yields to one they
    change where the two overlap, instead of widening it: what is removed is what
    was found to be removed, and no more."""
    changed = [f for f in findings if not _kept(f, rules)]
    if len(changed) == len(findings) or not changed:
        return findings
    return changed + [f for f in findings if _kept(f, rules)
                      and not any(c.start < f.end and f.start < c.end for c in changed)]


def _spread(found: list[Finding], record: Record, rules: RuleSet) -> list[Finding]:
    """Other mentions of a removed name in the record: the whole name, and
    each part of a personal name ("Loretta Szabo" -> "Loretta", "szabo",
    "SZABO", "Szabo's"); see ``mentions`` for how case is treated. A part of
    a known name that is almost only ever a name goes in lower case too
    ("adams" of "Adams Abell"), even if the word is common elsewhere. A guess
    written in lower case is looked for again only when it is almost only
    ever a name ("jenny")."""
    texts = {f.path: f.text for f in record.fields if f.column is None}
    terms: dict[str, Finding] = {}
    for f in found:
        if f.field not in texts or f.recognizer == EARLIER or rules.for_entity(f.entity).action == "keep":
            continue
        full = " ".join(texts[f.field][f.start:f.end].split())
        if len(full) < 2:
            continue
        if not looked_for_again(f, full):
            continue
        terms.setdefault(full, f)
        if f.entity == "PERSON":
            known = evidence.spreads(f.entity, full, f.strength)
            first = name_words(full)[:1]  # the first word, if a name: "Ros" of "Rosalind"; none after "Dr" or "J."
            # not a short title ("Mr" of "Mr K" goes from no other name) nor a filler word
            for part in name_parts(full, skip=SHORT_TITLE_WORDS | FILLER, capitalised=True):
                if not rules.is_allowed(part, f.entity):
                    terms.setdefault(part, f)
                    if known and evidence.lower_case_too(part):
                        terms.setdefault(part.lower(), f)  # "adams" of a known "Adams Abell"
                    for short in short_forms(part) if [part] == first else ():  # the first name's
                        terms.setdefault(short, f)
    out = []
    for term, origin in terms.items():
        budget.check()
        rx = mention(term)
        for path, text in texts.items():
            for m in rx.finditer(text):
                if not used_as_word(text, m.start(), m.end(), origin.entity):
                    out.append(replace(origin, field=path, start=m.start(), end=m.end(), recognizer=f"{origin.recognizer}+spread"))
    return out


def _decision(f: Finding, rules: RuleSet, subject: str) -> Decision:
    if f.recognizer == EARLIER:
        return Decision(f, "keep", EARLIER)
    rule = rules.for_entity(f.entity)
    rule_id = f"entities.{f.entity}" if f.entity in rules.entities else "default_action"
    if f.recognizer == "deny_list":
        rule_id = "deny"
    return Decision(f, rule.action, rule_id, (("tag", rule.tag), ("style", rule.style), ("subject", subject),
                                             ("to", rule.to)))


def repair(record: Record, path: str, start: int, end: int, entity: str, rules: RuleSet) -> Decision:
    """The decision for what the final check found in a record's output, at
    its input offsets: the rule of its type, as for any finding."""
    return _decision(Finding(path, entity, start, end, 1.0, "residual_repair", CERTAIN), rules, subject_of(record))


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
        finding = Finding(field.path, col.entity, 0, len(field.text), 1.0, "column_rule", CERTAIN)
        tag = col.tag or rules.for_entity(col.entity).tag
        params = (("tag", tag), ("style", col.style), ("subject", subject), ("to", rules.for_entity(col.entity).to))
        if not col.detail:
            params += (("detail", "no"),)  # a form's own timestamp: no detail of the person (``risk.profile``)
        out.append(Decision(finding, col.action, f"columns.{col.id}", params))
    return out


def _by_field(findings: list[Finding], texts: dict[str, str]) -> dict[str, list[Finding]]:
    """``findings`` by field, in the record's order of fields (one pass, however many fields)."""
    out: dict[str, list[Finding]] = {path: [] for path in texts}
    for f in findings:
        if f.field in out:
            out[f.field].append(f)
    return out

def batch_mentions(record: Record, decisions: tuple[Decision, ...], index, rules: RuleSet) -> list[Decision]:
    """Decisions for mentions of names and places removed elsewhere in the
    batch that this record's own decisions do not cover ("Dayton" removed in
    one testimonial goes in the next one too)."""
    taken: dict[str, Taken] = defaultdict(Taken)
    for d in decisions:
        taken[d.finding.field].add(d.finding.start, d.finding.end)
    subject = subject_of(record)
    out = []
    for f in record.fields:
        if f.column is not None:
            continue
        for start, end, entity in index.find(f.text):
            if rules.for_entity(entity).action == "keep" or inside(record.marked, f.path, start, end):
                continue
            if taken[f.path].overlaps(start, end):
                continue
            taken[f.path].add(start, end)
            out.append(_decision(Finding(f.path, entity, start, end, 1.0, "batch_spread"), rules, subject))
    return out
