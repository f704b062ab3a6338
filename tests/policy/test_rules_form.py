"""One rules form: the rules a ledger records read back (``rules.from_ledger``) are the rules
the run used, option for option, so ``deid verify`` judges by what the run judged by. Deny
terms are only fingerprints in the ledger, so they alone differ."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from deid.policy.rules import PROFILES, from_ledger, load_rules

from tests.conftest import write

EVERY_OPTION = """
extends: strict
default_threshold: 0.41
keep_fields: [id, ref]
id_fields: [ref]
entities:
  AGE: {action: generalize, to: band}
  PERSON: {action: pseudonym, style: label, tag: "[NAME]", threshold: 0.6}
allow: [Bridgeway Clinic]
deny: [Quillfeather]
columns:
  - {match: "(.*_)?nickname", action: pseudonym, entity: PERSON, known: true}
  - {match: sent_at, action: generalize, entity: DATE_TIME, detail: false}
medical_lexicon: false
risk: {k: 7, high: 2, review: high, hold: never, types: [AGE, ZIP_CODE]}
consent: {match: "(.*_)?ok_to_share", allow: [sure, yes], required: true}
audit: {confidence: 0.9, max_rate: 0.1}
"""


@pytest.mark.parametrize("name", sorted(PROFILES) + ["every option"])
def test_the_rules_a_ledger_records_read_back_as_the_rules_the_run_used(name, tmp_path):
    rules = load_rules(write(tmp_path / "r.yaml", EVERY_OPTION) if name == "every option" else name)
    back = from_ledger(rules.for_ledger(lambda term: "fp:" + term), "ledger", rules.sha256)
    assert back.deny == () and (name != "every option" or rules.deny)
    for f in fields(rules):
        if f.name in ("path", "deny", "canonical"):
            continue
        assert getattr(back, f.name) == getattr(rules, f.name), f.name  # an option forgotten in from_ledger fails here
    assert {k: v for k, v in back.canonical.items() if k != "deny"} == {k: v for k, v in rules.canonical.items() if k != "deny"}
    assert replace(back, path=rules.path, deny=rules.deny) == rules
