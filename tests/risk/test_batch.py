"""How many records of a batch share each record's details, and the level (``risk.batch``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deid.policy.ruleset import RiskPolicy
from deid.risk.batch import Batch


def judged(profiles: list[set], **policy) -> list:
    batch = Batch(RiskPolicy(**policy))
    for i, items in enumerate(profiles):
        batch.add(i, frozenset(items))
    batch.assess()
    return [batch.risk(i) for i in range(len(profiles))]


NURSE_30S = {("AGE", "3"), ("OCCUPATION", "29")}


def test_a_combination_five_records_share_is_low():
    risks = judged([NURSE_30S] * 5)
    assert {r.level for r in risks} == {"low"} and risks[0].shared_by == 5


def test_a_rare_combination_is_at_risk_with_its_types():
    risks = judged([NURSE_30S] * 4 + [NURSE_30S | {("FAMILY", "widowed")}])
    assert risks[0].level == "low" and risks[0].shared_by == 5  # the fifth says all the first says, and more
    last = risks[-1]
    assert last.level == "high" and last.shared_by == 1 and last.types == ("AGE", "FAMILY", "OCCUPATION")


def test_records_that_publish_more_hide_those_that_publish_less():
    # four records say more than the first, and all of them say what it says
    risks = judged([NURSE_30S] + [NURSE_30S | {("SEX", "F")}] * 4)
    assert risks[0].shared_by == 5 and risks[0].level == "low"
    assert risks[1].shared_by == 4 and risks[1].level == "high"


def test_one_coarse_detail_alone_is_low():
    risks = judged([{("SEX", "F")}, {("AGE", "3")}])
    assert [r.level for r in risks] == ["low", "low"]


def test_a_distinctive_event_is_at_risk_alone_and_high_with_another_detail():
    risks = judged([{("DISTINCTIVE", "made the news")}, {("DISTINCTIVE", "made the news"), ("AGE", "3")}] * 5)
    assert risks[0].level == "medium" and risks[1].level == "high"


def test_a_record_without_details_is_shared_by_the_whole_batch():
    risks = judged([set(), NURSE_30S, set()])
    assert risks[0].level == "low" and risks[0].shared_by == 3 and risks[0].types == ()


def test_k_and_high_come_from_the_rules():
    assert judged([NURSE_30S] * 2, k=2)[0].level == "low"
    assert judged([NURSE_30S], high=2)[0].level == "high"


_item = st.tuples(st.sampled_from(["AGE", "SEX", "OCCUPATION", "FAMILY"]), st.sampled_from(["1", "2", "3"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sets(_item, max_size=4), max_size=25))
def test_shared_by_counts_the_records_that_publish_every_detail(profiles):
    risks = judged(profiles)
    for items, risk in zip(profiles, risks):
        expected = sum(1 for other in profiles if items <= other)
        assert risk.shared_by == expected
        assert risk.types == tuple(sorted({t for t, _ in items}))
        if risk.shared_by >= 5:
            assert risk.level == "low"


def test_a_small_town_named_is_rare_like_a_distinctive_event():
    risks = judged([{("SMALL_PLACE", "aaronsburg")}, {("SMALL_PLACE", "aaronsburg"), ("AGE", "3")}] * 5)
    assert risks[0].level == "medium" and risks[1].level == "high"


def test_the_date_of_an_event_on_record_is_rare():
    risks = judged([{("EVENT_DATE", "2019")}, {("EVENT_DATE", "2019"), ("AGE", "3")}] * 5)
    assert risks[0].level == "medium" and risks[1].level == "high"
