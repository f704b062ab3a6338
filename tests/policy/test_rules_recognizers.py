"""The rules' own recognizers (``recognizers``): a pattern recognizer a rules file adds and a
built-in one it switches off, checked with file:line:key messages, carried through
``extends`` and recorded in the canonical form only when there are some."""

from __future__ import annotations

import pytest

from deid.core.errors import RulesError
from deid.policy.recognizers import BUILT_IN, catastrophic
from deid.policy.rules import load_rules
from deid.policy.ruleset import PatternRule, RecognizerRule

from tests.conftest import write

MEMBER = """\
recognizers:
  - name: ClinicMemberRecognizer
    entity: MEMBER_NUMBER
    patterns:
      - {name: member number, regex: '\\bMBR[-/]\\d{5}[-/][A-Z]\\b', score: 0.9}
      - {regex: '\\bmember\\s+no\\.?\\s+\\d{6}\\b', score: 0.6}
    context: [member, card]
  - {name: UsZipRecognizer, enabled: false}
entities:
  MEMBER_NUMBER: {action: replace, tag: "[MEMBER-ID]"}
"""


def test_a_rules_file_adds_a_recognizer_and_switches_one_off(tmp_path):
    rules = load_rules(write(tmp_path / "r.yaml", MEMBER))
    assert rules.recognizers == (RecognizerRule("ClinicMemberRecognizer", "MEMBER_NUMBER", (
        PatternRule("member number", r"\bMBR[-/]\d{5}[-/][A-Z]\b", 0.9),
        PatternRule("pattern 2", r"\bmember\s+no\.?\s+\d{6}\b", 0.6)), ("member", "card")),)
    assert rules.recognizers_off == ("UsZipRecognizer",)
    assert rules.for_entity("MEMBER_NUMBER").action == "replace"
    assert rules.canonical["recognizers"] == {"add": [rules.recognizers[0].form()], "off": ["UsZipRecognizer"]}


def test_without_recognizers_the_form_and_its_hash_are_as_before(rules, tmp_path):
    """The key is recorded only when there are some: every older ledger's hash holds."""
    assert "recognizers" not in rules.canonical and rules.recognizers == () and rules.recognizers_off == ()
    assert "recognizers" not in load_rules("strict").canonical
    both = load_rules(write(tmp_path / "r.yaml", "recognizers: []\n"))
    assert both.sha256 == rules.sha256


EXTENDED = [
    # (the child's recognizers, what runs: added names, switched off)
    ("[]", ["ClinicMemberRecognizer"], ["UsZipRecognizer"]),
    ("[{name: UsZipRecognizer, enabled: true}]", ["ClinicMemberRecognizer"], []),
    ("[{name: ClinicMemberRecognizer, enabled: false}]", [], ["UsZipRecognizer"]),
    ("[{name: ClinicMemberRecognizer, enabled: true}]", ["ClinicMemberRecognizer"], ["UsZipRecognizer"]),
    ("[{name: DateRecognizer, enabled: false}, {name: UsZipRecognizer, enabled: false}]",
     ["ClinicMemberRecognizer"], ["DateRecognizer", "UsZipRecognizer"]),
    ("[{name: ClinicMemberRecognizer, entity: ID_NUMBER, patterns: [{regex: 'MBR#\\d+', score: 0.5}]}]",
     ["ClinicMemberRecognizer"], ["UsZipRecognizer"]),
    ("[{name: ShelterTagRecognizer, entity: ID_NUMBER, patterns: [{regex: 'ST#\\d+', score: 0.5}]}]",
     ["ClinicMemberRecognizer", "ShelterTagRecognizer"], ["UsZipRecognizer"]),
]


@pytest.mark.parametrize("child, added, off", EXTENDED)
def test_a_file_extending_another_changes_its_recognizers_by_name(tmp_path, child, added, off):
    write(tmp_path / "team.yaml", MEMBER)
    rules = load_rules(write(tmp_path / "r.yaml", f"extends: team.yaml\nrecognizers: {child}\n"))
    assert ([r.name for r in rules.recognizers], list(rules.recognizers_off)) == (added, off)


def test_a_recognizer_taking_an_extended_ones_name_takes_its_place(tmp_path):
    write(tmp_path / "team.yaml", MEMBER)
    child = "[{name: ClinicMemberRecognizer, entity: ID_NUMBER, patterns: [{regex: 'MBR#\\d+', score: 0.5}]}]"
    rules = load_rules(write(tmp_path / "r.yaml", f"extends: team.yaml\nrecognizers: {child}\n"))
    assert rules.recognizers[0].entity == "ID_NUMBER" and rules.recognizers[0].patterns[0].regex == r"MBR#\d+"


def _one(entry: str, extra: str = "") -> str:
    return f"recognizers:\n  - {entry}\n{extra}"


NEW = "name: ClinicMemberRecognizer, entity: ID_NUMBER"
BAD = [
    # (rules text, line, key, words in the message)
    ("recognizers: {name: x}\n", 1, "recognizers", "expected a list of recognizers"),
    (_one("[UsZipRecognizer]"), 2, "recognizers.0", "expected a mapping"),
    (_one("{enabled: false}"), 2, "recognizers.0", "needs 'name'"),
    (_one("{name: UsZipRecognizer}"), 2, "recognizers.0", "needs 'patterns' (a new one), or 'enabled: false'"),
    (_one("{name: UsZipRecognizr, enabled: false}"), 2, "recognizers.0.name",
     "unknown recognizer 'UsZipRecognizr' (did you mean UsZipRecognizer?); the recognizers there are: AccountNumberRecognizer"),
    (_one("{name: NameLexiconRecognizer, enabled: false}"), 2, "recognizers.0.name", "unknown recognizer"),
    (_one("{name: UsZipRecognizer, enabled: no way}"), 2, "recognizers.0.enabled", "expected true or false"),
    (_one("{name: UsZipRecognizer, enabled: false, entity: ZIP_CODE}"), 2, "recognizers.0.entity",
     "'entity' is for a new recognizer"),
    (_one("{name: UsZipRecognizer, enabled: false, colour: red}"), 2, "recognizers.0.colour", "unknown key 'colour'"),
    ("recognizers:\n  - {name: UsZipRecognizer, enabled: false}\n  - {name: UsZipRecognizer, enabled: true}\n",
     3, "recognizers.1.name", "named twice"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 0.5}}], enabled: false}}"), 2, "recognizers.0.enabled",
     "a new recognizer is on"),
    (_one("{name: UsZipRecognizer, entity: ZIP_CODE, patterns: [{regex: '\\d{5}', score: 0.5}]}"), 2,
     "recognizers.0.name", "'UsZipRecognizer' is a built-in recognizer's name"),
    (_one("{name: clinic member, entity: ID_NUMBER, patterns: [{regex: 'x\\d', score: 0.5}]}"), 2,
     "recognizers.0.name", "letters, digits and _, starting with a capital"),
    (_one("{name: ClinicMemberRecognizer, patterns: [{regex: 'x\\d', score: 0.5}]}"), 2, "recognizers.0",
     "needs 'entity'"),
    (_one("{name: ClinicMemberRecognizer, entity: member_number, patterns: [{regex: 'x\\d', score: 0.5}]}"), 2,
     "recognizers.0.entity", "UPPER_CASE"),
    (_one("{name: ClinicMemberRecognizer, entity: '*', patterns: [{regex: 'x\\d', score: 0.5}]}"), 2,
     "recognizers.0.entity", "one entity type, not '*'"),
    (_one("{name: ClinicMemberRecognizer, entity: MEMBER_NUMBER, patterns: [{regex: 'x\\d', score: 0.5}]}"), 2,
     "recognizers.0.entity", "entity type 'MEMBER_NUMBER' has no rule; add one under entities"),
    (_one(f"{{{NEW}, patterns: []}}"), 2, "recognizers.0.patterns", "one or more"),
    (_one(f"{{{NEW}, patterns: 'x\\d'}}"), 2, "recognizers.0.patterns", "one or more"),
    (_one(f"{{{NEW}, patterns: [{{score: 0.5}}]}}"), 2, "recognizers.0.patterns.0", "needs 'regex'"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d'}}]}}"), 2, "recognizers.0.patterns.0", "needs 'score'"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 0}}]}}"), 2, "recognizers.0.patterns.0.score", "(0, 1]"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 1.5}}]}}"), 2, "recognizers.0.patterns.0.score", "1.5"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: true}}]}}"), 2, "recognizers.0.patterns.0.score", "True"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 0.5, flags: i}}]}}"), 2, "recognizers.0.patterns.0.flags",
     "unknown key 'flags'"),
    (_one(f"{{{NEW}, patterns: [{{name: '', regex: 'x\\d', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.name",
     "non-empty"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'MBR-(\\d{{5}}', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.regex",
     "bad regular expression 'MBR-("),
    (_one(f"{{{NEW}, patterns: [{{regex: '', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.regex", "non-empty"),
    (_one(f"{{{NEW}, patterns: [{{regex: '\\d*', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.regex",
     "matches an empty text"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'MBR(-\\d+)+!', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.regex",
     "can take exponential time"),
    (_one(f"{{{NEW}, patterns: [{{regex: '(\\w+\\s?)*:', score: 0.5}}]}}"), 2, "recognizers.0.patterns.0.regex",
     "bound one of them"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 0.5}}], context: member}}"), 2, "recognizers.0.context",
     "expected a list"),
    (_one(f"{{{NEW}, patterns: [{{regex: 'x\\d', score: 0.5}}], context: [member card]}}"), 2,
     "recognizers.0.context.0", "one word"),
    ("recognizers:\n  - name: ClinicMemberRecognizer\n    entity: ID_NUMBER\n    patterns:\n"
     "      - regex: 'x\\d'\n        score: 0.5\n      - regex: '(a+)+b'\n        score: 0.5\n",
     7, "recognizers.0.patterns.1.regex", "exponential"),
    ("entities:\n  MEMBER_NUMBR: {action: replace}\n"
     "recognizers:\n  - {name: ClinicMemberRecognizer, entity: MEMBER_NUMBER, patterns: [{regex: 'x\\d', score: 0.5}]}\n",
     4, "recognizers.0.entity", "'MEMBER_NUMBER' has no rule"),
]


@pytest.mark.parametrize("text, line, key, words", BAD)
def test_a_bad_recognizer_names_file_line_key_and_value(tmp_path, text, line, key, words):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    err = info.value
    assert (err.line, err.key) == (line, key), str(err)
    assert words in str(err), str(err)
    assert str(err).startswith(f"{path}:{line}: ")


GOOD = [
    # a new type with its rule, in either order in the file
    "entities:\n  MEMBER_NUMBER: {action: redact}\n"
    "recognizers:\n  - {name: ClinicMemberRecognizer, entity: MEMBER_NUMBER, patterns: [{regex: 'x\\d', score: 0.5}]}\n",
    # a type the default rules have (ID_NUMBER: replace), a bounded repeat of a group with a repeat
    "recognizers:\n  - {name: A1, entity: ID_NUMBER, patterns: [{regex: '(?:[A-Z][a-z]+\\s){1,4}#\\d+', score: 1}]}\n",
    # the regex module's syntax, as Presidio runs it; a possessive repeat
    "recognizers:\n  - {name: B_2, entity: ID_NUMBER, patterns: [{regex: '\\p{Lu}{3}(?:-\\d+)++', score: 0.3}]}\n",
    # switching every built-in off, and back on in the same file is no error either
    "recognizers:\n" + "".join(f"  - {{name: {n}, enabled: false}}\n" for n in BUILT_IN),
]


@pytest.mark.parametrize("text", GOOD)
def test_good_recognizers_load(tmp_path, text):
    rules = load_rules(write(tmp_path / "good.yaml", text))
    assert rules.recognizers or rules.recognizers_off


def test_a_type_only_a_recognizer_finds_may_have_an_entity_rule(tmp_path):
    """``entities`` may name the type of a recognizer of this file (or the extended one's)."""
    write(tmp_path / "team.yaml", MEMBER)
    rules = load_rules(write(tmp_path / "r.yaml", "extends: team.yaml\nentities:\n  MEMBER_NUMBER: {action: redact}\n"))
    assert rules.for_entity("MEMBER_NUMBER").action == "redact"


@pytest.mark.parametrize("source, looks", [
    (r"MBR-\d{5}-[A-Z]", False),
    (r"(\d+)+", True),
    (r"(a*)*b", True),
    (r"((a+))+", True),
    (r"(?:a+){2,}", True),
    (r"((a+)b)*", True),
    (r"(a|b+)+", True),
    (r"\p{Lu}+(?:\p{Ll}+)*", True),
    (r"(?:[A-Z][a-z]+\s){1,5}", False),   # bounded
    (r"(?:a+)++", False),                  # possessive: no backtracking
    (r"(?:ab)+", False),                   # nothing repeated inside
    (r"(a+){3}", False),
    (r"[(]+(a+)", False),                  # a bracket in a class is no group
    (r"\(a+\)+", False),                   # nor an escaped one
    (r"x{2,}(y)+", False),
    (r"(?#(a+))+x", False),                # a comment
    (r"a{,3}(b+)", False),
])
def test_what_looks_catastrophic(source, looks):
    assert (catastrophic(source) is not None) == looks
