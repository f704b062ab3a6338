"""The rules' ``risk`` section, ``to:`` on a generalised type and ``drop_allow_files``:
each checked with file, line and key, and recorded in the ledger's rules."""

from __future__ import annotations

import pytest

from deid.core.errors import RulesError
from deid.policy.rules import from_ledger, load_rules
from tests.conftest import write


def test_the_bundled_profiles_risk_policies():
    default, strict = load_rules(), load_rules("strict")
    assert (default.risk.k, default.risk.high, default.risk.review, default.risk.hold) == (5, 3, "medium", "never")
    assert strict.risk.hold == "high" and strict.risk.k == 5
    assert "OCCUPATION" in default.risk.types


def test_strict_generalises_ages_to_bands_and_no_profile_allows_a_country(tmp_path):
    strict = load_rules("strict")
    assert strict.for_entity("AGE").action == "generalize" and strict.for_entity("AGE").to == "band"
    assert not strict.is_allowed("Sweden", "LOCATION") and not load_rules().is_allowed("Sweden", "LOCATION")
    assert strict.is_allowed("sertraline", "PERSON")  # medical terms stay
    # a project that follows Safe Harbor on states and countries allows the bundled file
    own = write(tmp_path / "r.yaml", "extends: default\nallow_files:\n  - {file: places-allowed.txt, entity: LOCATION}\n")
    assert load_rules(own).is_allowed("Sweden", "LOCATION") and not load_rules(own).is_allowed("Sweden", "PERSON")


def test_drop_allow_files_takes_back_a_file_the_extended_rules_allowed(tmp_path):
    own = write(tmp_path / "r.yaml", "extends: default\ndrop_allow_files: [common-terms.txt]\n")
    assert load_rules().is_allowed("ATM", "PERSON") and not load_rules(own).is_allowed("ATM", "PERSON")
    assert load_rules(own).is_allowed("sertraline", "PERSON")  # the other files stay


def test_a_file_changes_the_risk_policy_key_by_key(tmp_path):
    path = write(tmp_path / "r.yaml", "extends: strict\nrisk:\n  k: 3\n")
    rules = load_rules(path)
    assert (rules.risk.k, rules.risk.hold) == (3, "high")


@pytest.mark.parametrize(
    "text, key, problem",
    [
        ("risk:\n  k: 0\n", "risk.k", "at least 1"),
        ("risk:\n  high: yes\n", "risk.high", "whole number"),
        ("risk:\n  hold: low\n", "risk.hold", "unknown level 'low'"),
        ("risk:\n  review: sometimes\n", "risk.review", "unknown level"),
        ("risk:\n  kk: 5\n", "risk.kk", "unknown key"),
        ("risk:\n  types: []\n", "risk.types", "list of entity types"),
        ("risk:\n  types: [age]\n", "risk.types.0", "UPPER_CASE"),
        ("entities:\n  AGE: {action: generalize, to: decade}\n", "entities.AGE.to", "unknown 'to' 'decade'"),
        ("entities:\n  PERSON: {action: generalize, to: band}\n", "entities.PERSON.to", "for AGE, DATE_TIME only"),
        ("entities:\n  DATE_TIME: {action: generalize, to: band}\n", "entities.DATE_TIME.to", "use one of year, month, season"),
        ("drop_allow_files: [nowhere.txt]\n", "drop_allow_files.0", "cannot be read"),
    ],
)
def test_bad_risk_rules_name_the_line_and_key(tmp_path, text, key, problem):
    path = write(tmp_path / "r.yaml", text)
    with pytest.raises(RulesError) as err:
        load_rules(path)
    message = str(err.value)
    assert "r.yaml:" in message and key in message and problem in message


def test_the_ledger_records_the_risk_policy_and_the_run_can_be_judged_by_it():
    strict = load_rules("strict")
    again = from_ledger(strict.for_ledger(lambda t: t), "ledger", strict.sha256)
    assert again.risk == strict.risk and again.for_entity("AGE").to == "band"


def test_dates_may_keep_their_month_or_season(tmp_path):
    path = write(tmp_path / "r.yaml", "entities:\n  DATE_TIME: {action: generalize, to: season}\n")
    assert load_rules(path).for_entity("DATE_TIME").to == "season"


def test_a_file_whole_on_its_own_gets_the_default_profiles_risk_policy(tmp_path):
    path = write(tmp_path / "r.yaml", "extends: none\nentities:\n  PERSON: {action: replace}\n")
    assert load_rules(path).risk == load_rules().risk
