"""An older ledger read as the current schema (``lift``): one row per schema a deid wrote,
its header and a record entry as that schema wrote them, and what every reader sees."""

from __future__ import annotations

import copy

import pytest

from deid.core.keys import LEGACY, Key
from deid.ledger.audit import SCHEMA, findings_of, seal_findings
from deid.ledger.lift import lift
from deid.policy.rules import from_ledger, load_rules
from deid.policy.ruleset import RiskPolicy

from tests.conftest import TEST_KEY

KEY = Key(TEST_KEY.encode(), "test").under(LEGACY)

NOW = load_rules().for_ledger(lambda term: "fp-" + term)  # the rules as schema 7 records them
BEFORE_CONSENT = {k: v for k, v in NOW.items() if k != "consent"}   # schema 6 and early 7
BEFORE_RISK = {k: v for k, v in BEFORE_CONSENT.items() if k != "risk"}  # 3 to 5
BEFORE_LEXICON = {k: v for k, v in BEFORE_RISK.items() if k != "medical_lexicon"}  # early 2
NEVER = {"k": 5, "high": 3, "review": "never", "hold": "never", "types": list(RiskPolicy().types)}

NAME = {"field": "/story", "type": "PERSON", "score": 0.85, "recognizer": "RelationNameRecognizer",
        "evidence": "context", "action": "pseudonym", "rule": "entities.PERSON", "changed": True,
        "out_start": 11, "out_end": 22, "written": "Ilse Marrow", "fingerprint": "fp-name",
        "part_fingerprints": ["fp-ilse", "fp-marrow"]}
KEPT = {"field": "/story", "type": "DATE_TIME", "score": 0.6, "recognizer": "SpacyRecognizer", "evidence": "model",
        "action": "keep", "rule": "duration", "changed": False, "out_start": 30, "out_end": 37, "written": "9 years"}
FINDINGS = [NAME, KEPT]
WITH_OFFSETS = [{**NAME, "start": 11, "end": 25}, {**KEPT, "start": 33, "end": 40}]  # schemas 2 and 3

HEADER = {"kind": "header", "tool": "deid", "rules_sha256": "r" * 64, "rules_file": "rules/default.yaml",
          "roster": [], "prev": None}
RECORD = {"kind": "record", "seq": 1, "source": "stories.jsonl", "line": 1, "id": "r1", "status": "published",
          "output": "stories.jsonl", "output_sha256": "o" * 64, "residual": "pass", "prev": "p" * 64}
RISK = {"risk": {"level": "low", "types": ["AGE"], "shared_by": 7}}
SEALED = {"removed": {"PERSON": 1}, "sealed": seal_findings(KEY, FINDINGS)}
KEYED = {"key_id": "k" * 16}
BATCH = {"batch_fingerprints": ["fp-oskar"]}


# schema; header and record as it wrote them; the header and record every reader sees
ROWS = [
    (2, {**HEADER, "schema": 2, "rules": BEFORE_LEXICON},
     {**RECORD, "input_sha256": "i" * 64, "findings": WITH_OFFSETS},
     {**HEADER, "rules": {**BEFORE_LEXICON, "medical_lexicon": True, "risk": NEVER, "consent": None},
      "batch_fingerprints": ["fp-ilse", "fp-marrow", "fp-name"], "unrecorded": ["risk"]},
     {**RECORD, **SEALED}),
    (3, {**HEADER, "schema": 3, "rules": BEFORE_RISK, **BATCH},
     {**RECORD, "input_sha256": "i" * 64, "findings": WITH_OFFSETS},
     {**HEADER, "rules": {**BEFORE_RISK, "risk": NEVER, "consent": None}, **BATCH, "unrecorded": ["risk"]},
     {**RECORD, **SEALED}),
    (4, {**HEADER, "schema": 4, "rules": BEFORE_RISK, **BATCH, **KEYED},
     {**RECORD, "input_hmac": "h" * 64, "findings": FINDINGS},
     {**HEADER, "rules": {**BEFORE_RISK, "risk": NEVER, "consent": None}, **BATCH, **KEYED, "unrecorded": ["risk"]},
     {**RECORD, "input_hmac": "h" * 64, **SEALED}),
    (5, {**HEADER, "schema": 5, "rules": BEFORE_RISK, **BATCH, **KEYED},
     {**RECORD, "input_hmac": "h" * 64, **SEALED},
     {**HEADER, "rules": {**BEFORE_RISK, "risk": NEVER, "consent": None}, **BATCH, **KEYED, "unrecorded": ["risk"]},
     {**RECORD, "input_hmac": "h" * 64, **SEALED}),
    (6, {**HEADER, "schema": 6, "rules": BEFORE_CONSENT, **BATCH, **KEYED},
     {**RECORD, "input_hmac": "h" * 64, **SEALED, **RISK},
     {**HEADER, "rules": {**BEFORE_CONSENT, "consent": None}, **BATCH, **KEYED, "unrecorded": []},
     {**RECORD, "input_hmac": "h" * 64, **SEALED, **RISK}),
    (7, {**HEADER, "schema": 7, "rules": NOW, **BATCH, **KEYED, "key_derivation": "scrypt-n16384-r8-p1"},
     {**RECORD, "input_hmac": "h" * 64, **SEALED, **RISK},
     {**HEADER, "rules": NOW, **BATCH, **KEYED, "key_derivation": "scrypt-n16384-r8-p1", "unrecorded": []},
     {**RECORD, "input_hmac": "h" * 64, **SEALED, **RISK}),
]


@pytest.mark.parametrize("schema, header, record, lifted_header, lifted_record", ROWS, ids=[f"schema {r[0]}" for r in ROWS])
def test_a_ledger_of_each_schema_is_read_as_the_current_one(schema, header, record, lifted_header, lifted_record):
    summary = {"kind": "summary", "records_in": 1, "prev": "s" * 64}
    written = [header, record, summary]
    as_written = copy.deepcopy(written)
    lifted = lift(written, KEY)
    derivation = {"key_derivation": LEGACY} if schema < 7 else {}
    assert lifted[0] == {**lifted_header, **derivation, "schema": SCHEMA}
    assert lifted[1] == lifted_record
    assert lifted[2] is summary  # the closing entry as written: the audit's seed is its hash
    assert written == as_written  # the entries read are left as they were
    assert findings_of(lifted[1], KEY) == FINDINGS
    rules = from_ledger(lifted[0]["rules"], "deid-audit.jsonl", "r" * 64)
    assert rules.medical_lexicon and rules.consent == (load_rules().consent if schema == 7 else None)
    assert rules.risk == (RiskPolicy(review="never", hold="never") if schema < 6 else RiskPolicy())


def test_a_ledger_from_before_risk_holds_nothing_back():
    canonical = dict(load_rules().canonical)
    canonical.pop("risk")
    (header,) = lift([{"kind": "header", "schema": 5, "rules": canonical}], KEY)
    assert from_ledger(header["rules"], "old ledger", "x").risk.hold == "never"


def test_the_rules_are_read_only_in_the_current_form():
    """``from_ledger`` takes the lifted form: rules without their risk were never lifted."""
    from deid.core.errors import RulesError

    with pytest.raises(RulesError, match="the ledger's rules cannot be read"):
        from_ledger(BEFORE_RISK, "deid-audit.jsonl", "x")
