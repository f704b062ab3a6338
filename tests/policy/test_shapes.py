"""Which values a column rule governs (``policy.shapes``): one table per shape,
values of the shape and values that are free text under the same header."""

from __future__ import annotations

import pytest

from deid.core.model import ColumnRule
from deid.policy import shapes


@pytest.mark.parametrize("value, shaped", [
    ("2024-11-05 17:40:02", True),
    ("2024-11-05T17:40:02Z", True),
    ("11/05/24", True),
    ("Nov 5, 1949", True),
    ("5th of November 1949", True),
    ("Thursday 6 pm", True),
    ("autumn 2017", True),
    ("\u201949", True),
    ("'49", True),
    ("1983", True),
    ("June", True),
    ("The night my cousin Ilse Marrow drove me to the ER", False),
    ("2017, after Ilse Marrow left Grantsville", False),
    ("two weeks", False),
    ("n/a", False),
    ("Thursday", False),
    ("I would rather not say", False),
])
def test_dates(value, shaped):
    assert shapes.is_date(value) is shaped


@pytest.mark.parametrize("value, shaped", [
    ("47", True), ("47 years old", True), ("around 50", True), ("40-49", True), ("sixty-two", True),
    ("93+", True), ("seventeen", True), ("8 months", True),
    ("when Oskar Feldmann moved in", False), ("a", False), ("young", False), ("", False),
])
def test_ages(value, shaped):
    assert shapes.is_age(value) is shaped


@pytest.mark.parametrize("value, shaped", [
    ("Ilse Marrow", True), ("marrow, ilse", True), ("I. M.", True), ("Tamsin (Tam) Oyelowo-Hart", True),
    ("Jean-Luc de la Brière", True), ("Participant C", True),
    ("prefer not to give it", False),
    ("My sponsor was Oskar Feldmann, he saved my life", False),
    ("Oskar 2nd", False), ("who knows?", False),
])
def test_names(value, shaped):
    assert shapes.is_name(value) is shaped


@pytest.mark.parametrize("entity, value, shaped", [
    ("ZIP_CODE", "45431", True), ("ZIP_CODE", "45431-2208", True), ("ZIP_CODE", "M5V 2T6", True),
    ("ZIP_CODE", "near the river in Bellbrook", False),
    ("PHONE_NUMBER", "(513) 555-0168", True), ("PHONE_NUMBER", "+44 161 496 0733 ext. 4", True),
    ("PHONE_NUMBER", "ask my brother Anselm", False), ("PHONE_NUMBER", "12", False),
    ("EMAIL_ADDRESS", "t.oyelowo@example.net", True), ("EMAIL_ADDRESS", "write to Tamsin at home", False),
    ("IP_ADDRESS", "198.51.100.23", True), ("IP_ADDRESS", "2001:db8::17", True), ("IP_ADDRESS", "home wifi", False),
    ("SOCIAL_HANDLE", "@tam_oyelowo", True), ("SOCIAL_HANDLE", "my sister runs it, Tamsin", False),
    ("LOCATION", "18 Quarry Road, Yellow Springs", True),
    ("LOCATION", "I moved a lot. Mostly around Cedarville with my aunt Ilse", False),
    ("IDENTIFIER", "MRN 00482913", True), ("IDENTIFIER", "1HGCM82633A004352", True),
    ("IDENTIFIER", "my case was dropped after Oskar testified", False),
    ("SOME_TYPE_OF_MY_OWN", "anything at all, a whole sentence", True),
])
def test_other_shapes(entity, value, shaped):
    assert shapes.fits(entity, value) is shaped


def test_governs_returns_the_rule_only_for_a_value_of_its_shape():
    rule = ColumnRule("dates", "(.*_)?date", "generalize", "DATE_TIME")
    scan = ColumnRule("meds", "meds", "scan", "IDENTIFIER")
    assert shapes.governs(rule, " 2019-04-02 ") is rule
    assert shapes.governs(rule, "The week Ilse Marrow found me") is None
    assert shapes.governs(scan, "4471") is None and shapes.governs(None, "x") is None


@pytest.mark.parametrize("entity, value, again", [
    ("IDENTIFIER", "KRV-0318", True), ("IDENTIFIER", "WX4471902", True), ("IDENTIFIER", "Fenwick Trust", True),
    ("IDENTIFIER", "none", False), ("IDENTIFIER", "N/A", False), ("IDENTIFIER", "NA", False), ("IDENTIFIER", "-", False),
    ("IDENTIFIER", "unknown", False), ("IDENTIFIER", "not sure", False), ("IDENTIFIER", "Yes", False),
    ("DATE_TIME", "Weekly", False),
    ("PERSON", "Hope", True), ("LOCATION", "Hope", True), ("EMAIL_ADDRESS", "wt@example.org", True),
])
def test_a_columns_everyday_answer_is_no_identifier_in_the_text(entity, value, again):
    """A column's "none", "N/A" or "Yes" is dropped or changed in its cell as the rule says,
    and is no identifier in the record's text, where "None of the pills worked" holds it as
    words; a name or a place is one whatever its words (issue 30)."""
    assert shapes.identifies(entity, value) is again
