"""The exact (Clopper-Pearson) one-sided upper bound and the sample size it implies, against
reference values (scipy.stats.beta.ppf(c, k + 1, n - k), computed once outside the project)
and against the definition itself."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.bounds import _log_binom_cdf, sample_size, upper

# (n, k, bound at 95%, bound at 99%): scipy.stats.beta.ppf(c, k + 1, n - k)
REFERENCE = [
    (59, 0, 0.04950760988822693, 0.07508527227826667),
    (59, 1, 0.0778979215188183, 0.10728635950355352),
    (59, 2, 0.102889162709954, 0.13495579964053403),
    (100, 0, 0.029513049607039925, 0.045007413978564045),
    (100, 1, 0.046559811453538935, 0.06454273204858163),
    (100, 3, 0.07571079374983004, 0.09697104526534446),
    (30, 5, 0.31897118194731505, 0.3808046558774122),
    (1240, 4, 0.0073665408900087295, 0.009329909583031249),
    (149, 0, 0.019904816220685077, 0.030434438406408047),
    (20, 19, 0.9974386212234697, 0.9994976094477416),
]


@pytest.mark.parametrize("n, k, at95, at99", REFERENCE)
def test_the_bound_is_the_exact_clopper_pearson_one(n, k, at95, at99):
    assert upper(k, n, 0.95) == pytest.approx(at95, abs=1e-10)
    assert upper(k, n, 0.99) == pytest.approx(at99, abs=1e-10)


def test_every_record_leaking_bounds_nothing():
    assert upper(10, 10, 0.95) == 1.0


@pytest.mark.parametrize("rate, confidence, n", [(0.05, 0.95, 59), (0.02, 0.95, 149), (0.01, 0.99, 459), (0.3, 0.9, 7)])
def test_the_sample_size_is_the_fewest_clean_records_that_bound_the_rate(rate, confidence, n):
    assert sample_size(rate, confidence) == n
    assert upper(0, n, confidence) <= rate < upper(0, n - 1, confidence)


@pytest.mark.parametrize("bad", [(0, 0.95), (1, 0.95), (0.05, 1), (0.05, 0)])
def test_a_rate_or_confidence_outside_zero_and_one_is_refused(bad):
    with pytest.raises(ValueError):
        sample_size(*bad)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1, 400), data=st.data(), confidence=st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_at_the_bound_seeing_k_or_fewer_is_as_likely_as_one_minus_the_confidence(n, data, confidence):
    k = data.draw(st.integers(0, n - 1))
    p = upper(k, n, confidence)
    assert k / n < p < 1
    assert math.exp(_log_binom_cdf(k, n, p)) == pytest.approx(1 - confidence, rel=1e-6)
    if k + 1 < n:
        assert upper(k + 1, n, confidence) > p  # one more leak, a looser bound
    assert upper(k, n + 1, confidence) < p      # one more clean record, a tighter one
