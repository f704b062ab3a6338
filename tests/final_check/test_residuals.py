from __future__ import annotations

from deid.core.model import Decision, Field, Finding, Record, Redaction
from deid.final_check.residuals import residual


def rec(text):
    return Record("s.txt", 0, 1, "r", (Field("", text),))


def red(start, end, out_start, out_end, entity="PERSON", changed=True):
    return Redaction(Decision(Finding("", entity, start, end, 0.9, "t"), "replace", "r"), out_start, out_end, changed)


def no_scan(path, text):
    return []


def test_clean_output_passes(rules):
    r = rec("Ann Lee said hi.")
    assert residual(r, {"": "[PERSON] said hi."}, [red(0, 7, 0, 8)], no_scan, rules) is None


def test_removed_value_reappearing_in_any_case_is_caught(rules):
    r = rec("Ann Lee said hi to ann lee.")
    out = "[PERSON] said hi to ann lee."
    reason = residual(r, {"": out}, [red(0, 7, 0, 8)], no_scan, rules)
    assert reason == "residual check: a removed PERSON value occurs again in field '(document)' at offset 20"
    assert "ann" not in reason.lower()


def test_unchanged_values_are_not_removed_values(rules):
    r = rec("Monday again")
    assert residual(r, {"": "Monday again"}, [red(0, 6, 0, 6, "DATE_TIME", changed=False)], no_scan, rules) is None


def test_pattern_scan_on_output_catches_a_missed_identifier(rules, detector):
    r = rec("Write to me: ann@example.org")
    reason = residual(r, {"": "Write to me: ann@example.org"}, [], detector.scanner.scan, rules)
    assert reason.startswith("residual check: EMAIL_ADDRESS")
    assert "example" not in reason


def test_pattern_scan_ignores_what_the_tool_wrote(rules, detector):
    r = rec("born 03/14/2019 here")
    out = "born 2019 here"
    assert residual(r, {"": out}, [red(5, 15, 5, 9, "DATE_TIME")], detector.scanner.scan, rules) is None
