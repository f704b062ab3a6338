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


def _finish(rules, processor, records, scanned):
    """Plan and finish ``records`` as a batch does, noting each text the scanner is asked about."""
    from deid.core.keys import Key
    from deid.run.process import Finisher, observe
    from deid.transform.surrogates import Surrogates

    scanner = processor.detector.scanner
    key = Key(b"k" * 32, "test")
    plans = processor.planner.plan_many(records)
    surrogates = Surrogates(key)
    for p in plans:
        observe(p, surrogates)
    stand_ins = surrogates.freeze()
    real = scanner.scan

    def noting(path, text, *rest):  # rest: which phone windows need not be asked
        scanned.append(text)
        return real(path, text, *rest)

    finisher = Finisher(rules, key, scanner, stand_ins)
    finisher.scanner = type("Noting", (), {"scan": staticmethod(noting)})()
    return plans, [finisher.finish(p) for p in plans]


def test_a_field_that_comes_out_unchanged_is_checked_from_detections_pass(rules, processor):
    clean = "Tapering off kratom took me eleven weeks, and the sweats eased by week four."
    named = "My sister Odile Brannock drove me to every appointment."
    scanned = []
    plans, outcomes = _finish(rules, processor, [rec(clean), rec(named)], scanned)
    assert dict(plans[0].checked) and not dict(plans[1].checked)  # a field a decision changes is scanned again
    assert outcomes[0].held_back is None and outcomes[1].held_back is None
    assert clean not in scanned            # its findings came from detection's pass
    assert outcomes[1].texts[""] in scanned  # a changed text is scanned again, whole
    assert "Odile" not in outcomes[1].texts[""]


def test_the_check_from_detections_pass_finds_what_a_scan_finds(rules, processor):
    # findings the rules keep: a date, an age, an occupation, a sum
    texts = ["I started methadone in March 2019, at 46, after the clinic moved.",
             "I'm a paramedic and the co-pay was $40 a week."]
    for text in texts:
        plan = processor.planner.plan(rec(text))
        assert list(dict(plan.checked)[""]) == processor.detector.scanner.scan("", text)
