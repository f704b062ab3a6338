"""YAML with lines (``yamlsource``): the line of every value, for the rules' messages."""

from __future__ import annotations

from deid.policy.yamlsource import load_yaml


def test_yaml_values_keep_their_lines():
    doc = load_yaml("version: 1\nentities:\n  PERSON:\n    action: keep\nallow:\n  - kratom\n  - {term: Chase, entity: PERSON}\n")
    assert doc.data["entities"]["PERSON"]["action"] == "keep"
    assert doc.line(("entities", "PERSON", "action")) == 4
    assert doc.line(("allow", 1, "term")) == 7
    assert doc.line(("entities", "PERSON", "threshold")) == 3  # a key not there: its nearest parent's line
    assert load_yaml("").data is None
