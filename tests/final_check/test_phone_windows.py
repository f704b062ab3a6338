"""The final check leaves out the phone windows whose digits the transform wrote
(``residuals.phone_windows_to_skip``): what it reports must be what it reports asking
every window."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.core.model import Decision, Field, Finding, Record, Redaction
from deid.detect.recognizers.fast import windows_and_runs
from deid.final_check.residuals import phone_windows_to_skip, residuals


def _record(text):
    return Record("s.txt", 0, 1, "r", (Field("", text),))


def _written(text, spans):
    """Spans the transform wrote (left as they are: only where they lie matters here)."""
    return [Redaction(Decision(Finding("", "PHONE_NUMBER", a, b, 0.9, "t"), "replace", "r"), a, b, False)
            for a, b in spans]


def _both(text, spans, rules, detector):
    """The final check's residuals of ``text`` with the windows skipped, and asking every one."""
    record, redactions = _record(text), _written(text, spans)
    scanner = detector.scanner

    def skipping(path, out):
        return scanner.scan(path, out, phone_windows_to_skip(out, spans, rules))

    return (residuals(record, {"": text}, redactions, skipping, rules),
            residuals(record, {"": text}, redactions, scanner.scan, rules))


def _span(text, part):
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize("text, written_parts, skipped", [
    # the number is the stand-in the transform wrote: nothing in its window to report
    ("Ring Bettany Oakhurst on (617) 555-0143 any evening after six.", ["(617) 555-0143"], [True]),
    # an extension after it, with digits of its own: taken with the number, which overlaps the stand-in
    ("Ring the ward on (617) 555-0143 ext 12 before noon.", ["(617) 555-0143"], [True]),
    # part of the number was not written: asked
    ("Ring the ward on (617) 555-0143 before noon.", ["(617)"], [False]),
    # nothing written there: asked
    ("The helpline at 212-555-0177 was busy all night.", [], [False]),
    # a term the rules allow (a crisis line) in the window: a number holding it may be cut around it, so asked
    ("Call (617) 555-0143 or 988 if it gets bad.", ["(617) 555-0143"], [False]),
    # two windows: the written one skipped, the other asked
    ("Mine was (617) 555-0143, and after the move my neighbour Ottoline gave me hers, 303 555 0168.",
     ["(617) 555-0143"], [True, False]),
])
def test_a_window_is_skipped_only_where_its_digits_were_written(text, written_parts, skipped, rules, detector):
    spans = [_span(text, part) for part in written_parts]
    skip = phone_windows_to_skip(text, spans, rules)
    assert [skip(lo, hi, runs) for lo, hi, runs in windows_and_runs(text)] == skipped
    with_skips, asking_all = _both(text, spans, rules, detector)
    assert with_skips == asking_all


_PIECES = ["Call", "me", "at", "(617) 555-0143", "303 555 0168", "+44 20 7946 0958", "ext", "12", "988", "x",
           "2019", "and", "or", ",", ".", "\n", "Wilhelmina", "555-0199", "0.5 mg", "#4471"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.tuples(st.sampled_from(_PIECES), st.booleans()), min_size=1, max_size=14))
def test_skipping_windows_changes_nothing_the_final_check_reports(pieces, rules, detector):
    text, spans = "", []
    for piece, written in pieces:
        if text:
            text += " "
        if written:
            spans.append((len(text), len(text) + len(piece)))
        text += piece
    with_skips, asking_all = _both(text, spans, rules, detector)
    assert with_skips == asking_all


@pytest.mark.parametrize("extra, skipped", [
    ((), True),
    # a term with a digit allowed for phone numbers, in the window: asked
    ((("PHONE_NUMBER", "ward 7"),), False),
    # allowed for any type: asked too
    ((("*", "ward 7"),), False),
    # allowed for another type only: it says nothing of phone numbers
    ((("LOCATION", "ward 7"),), True),
    # a word of the window allowed for phone numbers: asked
    ((("PHONE_NUMBER", "ring"),), False),
])
def test_each_rule_set_skips_by_its_own_allowed_terms(extra, skipped, rules):
    """The allowed terms are worked out once per rule set: another rule set in the same process,
    before or after, is answered by its own."""
    from dataclasses import replace

    text = "Ring ward 7 on (617) 555-0143 before noon."
    spans = [_span(text, "(617) 555-0143")]
    for ruleset in (rules, replace(rules, allow=rules.allow | set(extra)), rules):
        skip = phone_windows_to_skip(text, spans, ruleset)
        expected = skipped if ruleset is not rules else True
        assert [skip(lo, hi, runs) for lo, hi, runs in windows_and_runs(text)] == [expected]
