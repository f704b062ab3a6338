"""The final check does not judge a finding that lies inside one span the transform wrote
(``residuals``): what stands of a finding lies inside it (``standing.judge``, outside
Markdown), so none of it could be reported. What it reports must be what it reports judging
every finding."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.core.model import Decision, Field, Finding, Record, Redaction
from deid.core.spans import Taken
from deid.detect.standing import judge
from deid.detect import evidence
from deid.final_check import residuals as residuals_module
from deid.final_check.residuals import residuals


class _HoldsNothing(Taken):
    """``Taken`` that never says a span holds another: every finding is judged."""

    def holds(self, start: int, end: int) -> bool:
        return False


def _both(text, spans, rules, detector, markup=None):
    record = Record("s.txt", 0, 1, "r", (Field("", text, markup=markup),))
    redactions = [Redaction(Decision(Finding("", "PERSON", a, b, 0.9, "t"), "replace", "r"), a, b, False)
                  for a, b in spans]
    now = residuals(record, {"": text}, redactions, detector.scanner.scan, rules)
    with mock.patch.object(residuals_module, "Taken", _HoldsNothing):
        judging_all = residuals(record, {"": text}, redactions, detector.scanner.scan, rules)
    return now, judging_all


def _span(text, part):
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize("text, written_parts, reported", [
    # the stand-in the transform wrote is a name: found there, not judged, not reported
    ("Then Perpetua Vantongeren drove me to the clinic in the rain.", ["Perpetua Vantongeren"], False),
    # half of a name was written: the other half is judged, and reported
    ("Then Perpetua Vantongeren drove me to the clinic in the rain.", ["Perpetua"], True),
    # nothing written: judged and reported
    ("My sister Ysolde Carraway-Pim rang me from 617-555-0143.", [], True),
    # a phone number written, a name beside it not
    ("Ysolde Carraway-Pim: 617-555-0143", ["617-555-0143"], True),
])
def test_a_finding_held_by_a_written_span_is_not_judged(text, written_parts, reported, rules, detector):
    now, judging_all = _both(text, [_span(text, part) for part in written_parts], rules, detector)
    assert now == judging_all
    assert bool(now) is reported


_PIECES = ["My", "sister", "Ysolde", "Carraway", "Perpetua", "took", "Lexapro", "and", "kratom", "the",
           "Ohio", "muscle pain", "617-555-0143", "ysolde@example.org", "on March 3", ",", ".", "\n", "Dr.", "Vance"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.tuples(st.sampled_from(_PIECES), st.booleans()), min_size=1, max_size=14),
       markdown=st.booleans())
def test_not_judging_held_findings_changes_nothing_the_final_check_reports(pieces, markdown, rules, detector):
    text, spans = "", []
    for piece, written in pieces:
        if text:
            text += " "
        if written:
            spans.append((len(text), len(text) + len(piece)))
        text += piece
    now, judging_all = _both(text, spans, rules, detector, "markdown" if markdown else None)
    assert now == judging_all


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(_PIECES + ["#YsoldeStrong", "I'm", "VIN", "iris", "bulbs"]), min_size=1, max_size=8),
       cut=st.tuples(st.integers(0, 200), st.integers(0, 200)),
       entity=st.sampled_from(["PERSON", "LOCATION", "ORGANIZATION", "PHONE_NUMBER", "DATE_TIME"]),
       strength=st.sampled_from(sorted({evidence.MODEL, evidence.LEXICON, evidence.CONTEXT, evidence.PATTERN,
                                        evidence.CERTAIN})))
def test_what_stands_of_a_finding_lies_inside_it(words, cut, entity, strength, rules):
    """The premise: outside Markdown, every piece ``judge`` keeps lies within the finding."""
    text = " ".join(words)
    start, end = sorted(min(c, len(text)) for c in cut)
    f = Finding("", entity, start, end, 0.9, "t", strength)
    for piece in judge(f, text, rules)[0]:
        assert start <= piece.start and piece.end <= end
