"""How sure a sampled audit is: the exact (Clopper-Pearson) one-sided upper bound of a
rate from k events in n records drawn at random, and the smallest sample that bounds it.

If reviewers read ``n`` records drawn at random and find ``k`` leaks, the leak rate of the
whole batch is at most ``upper(k, n, confidence)`` with that confidence: the largest rate
``p`` under which seeing ``k`` or fewer leaks in ``n`` is still as likely as ``1 - confidence``
(P[X <= k | n, p] = 1 - confidence, X binomial). With no leak this is ``1 - (1 - c)^(1/n)``,
so 59 clean records bound the rate at 5% with 95% confidence. Exact, not a normal
approximation (which says nothing useful at k = 0); computed by bisection on the binomial
sum, in logs, so a batch of any size and any k is fine without a statistics library.
"""

from __future__ import annotations

import math


def _log_binom_cdf(k: int, n: int, p: float) -> float:
    """log P[X <= k] for X ~ Binomial(n, p), 0 < p < 1, summed in logs."""
    lp, lq = math.log(p), math.log1p(-p)
    terms = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * lp + (n - i) * lq
             for i in range(k + 1)]
    top = max(terms)
    return top + math.log(sum(math.exp(t - top) for t in terms))


def upper(k: int, n: int, confidence: float) -> float:
    """The exact one-sided upper bound of a rate, ``k`` events seen in ``n`` draws."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie between 0 and 1")
    if n <= 0 or not 0 <= k <= n:
        raise ValueError("need 0 <= k <= n and n > 0")
    if k == n:
        return 1.0
    alpha = 1 - confidence
    if k == 0:
        return -math.expm1(math.log(alpha) / n)  # 1 - alpha^(1/n), without losing digits
    target = math.log(alpha)
    lo, hi = k / n, 1.0  # the CDF falls as p grows: below the bound it is above alpha
    for _ in range(200):
        mid = (lo + hi) / 2
        if _log_binom_cdf(k, n, mid) > target:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return hi


def sample_size(max_rate: float, confidence: float) -> int:
    """The fewest records that bound the rate at ``max_rate`` with ``confidence`` when none of
    them shows the event: the smallest n with (1 - max_rate)^n <= 1 - confidence."""
    if not 0 < max_rate < 1:
        raise ValueError("max_rate must lie between 0 and 1")
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie between 0 and 1")
    n = max(1, math.ceil(math.log(1 - confidence) / math.log1p(-max_rate)))
    while n > 1 and upper(0, n - 1, confidence) <= max_rate:  # the logs' rounding, either way
        n -= 1
    while upper(0, n, confidence) > max_rate:
        n += 1
    return n
