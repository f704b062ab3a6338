"""Stand-ins: consistent, distinct, keyed, never a real name, idempotent."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.keys import Key
from deid.core.lexicon import names
from deid.policy.schema import STYLES
from deid.transform.dateshift import offset_days, shift
from deid.transform.fakes import keep_case
from deid.transform.surrogates import StandIns, Surrogates

KEY = Key(b"k" * 32, "test")
OTHER = Key(b"o" * 32, "test")


def batch(values, key=KEY, style="realistic"):
    s = Surrogates(key)
    for entity, value in values:
        s.observe(entity, value, style)
    return s.freeze()


def test_forms_of_one_name_map_to_parts_of_one_stand_in():
    forms = ["Loretta Szabo", "Loretta", "loretta", "LORETTA", "Ms. Szabo", "SZABO"]
    s = batch([("PERSON", f) for f in forms])
    full = s.stand_in("PERSON", "Loretta Szabo", "realistic", "")
    first, last = full.split()
    assert [s.stand_in("PERSON", f, "realistic", "") for f in forms] == [
        full, first, first.lower(), first.upper(), f"Ms. {last}", last.upper()]
    assert "Loretta" not in full and "Szabo" not in full


@pytest.mark.parametrize("value", ["Deacon", "Bishop", "Van"])
def test_a_name_that_is_only_a_title_or_a_particle_word_is_replaced(value):
    # "Wren and Deacon came by": the person is named Deacon, no title stands before a name
    s = batch([("PERSON", value)])
    assert s.stand_in("PERSON", value, "realistic", "") != value


@pytest.mark.parametrize("value, kept", [("Pilar de los Ríos", " de los "), ("Ana de las Heras", " de las ")])
def test_a_particle_inside_a_name_stays_as_written(value, kept):
    s = batch([("PERSON", value)])
    out = s.stand_in("PERSON", value, "realistic", "")
    assert kept in out and value.split()[-1] not in out and value.split()[0] not in out


@pytest.mark.parametrize("value", ["Dr", "Dr.", "Mrs", "Sgt."])
def test_a_short_title_alone_is_never_looked_for_again(value):
    # a short title is no one's name: taken for one once, it must not go from every "Dr. X" of the batch
    s = batch([("PERSON", value), ("PERSON", "Odalys Brennock")])
    assert value not in s.removed and value.rstrip(".") not in s.removed
    assert s.mentions.find(f"then {value} Brennock called") == [(len(f"then {value} "), len(f"then {value} Brennock"), "PERSON")]


@pytest.mark.parametrize("value, base", [("Loretta's", "Loretta"), ("Szabo\u2019s", "Szabo"), ("Dr. Szabo's", "Dr. Szabo")])
def test_a_possessive_keeps_its_s_and_the_names_stand_in(value, base):
    s = batch([("PERSON", "Loretta Szabo"), ("PERSON", value)])
    assert s.stand_in("PERSON", value, "realistic", "") == s.stand_in("PERSON", base, "realistic", "") + value[-2:]


def test_a_title_before_a_name_stays():
    s = batch([("PERSON", "Bishop Oyelaran")])
    out = s.stand_in("PERSON", "Bishop Oyelaran", "realistic", "")
    assert out.startswith("Bishop ") and "Oyelaran" not in out


def test_labels_number_people_not_forms():
    s = batch([("PERSON", "Loretta Szabo"), ("PERSON", "Loretta"), ("PERSON", "Gary Okafor")], style="label")
    a = s.stand_in("PERSON", "Loretta Szabo", "label", "Participant {letter}")
    assert a == s.stand_in("PERSON", "Loretta", "label", "Participant {letter}")
    assert {a, s.stand_in("PERSON", "Gary Okafor", "label", "Participant {letter}")} == {"Participant A", "Participant B"}
    assert s.stand_in("LOCATION", "Dayton", "label", "[CITY-{n}]").startswith("[CITY-")


@pytest.mark.parametrize(
    "entity, value, shape",
    [
        ("EMAIL_ADDRESS", "lszabo@gmail.com", r"^[a-z]+\.[a-z]+@example\.(com|org|net)$"),
        ("PHONE_NUMBER", "(937) 555-0142", r"^\([2-9]\d\d\) 555-01\d\d$"),
        ("PHONE_NUMBER", "+1 503 555 0177", r"^\+1 [2-9]\d\d 555 01\d\d$"),
        ("US_SSN", "078-05-1120", r"^9\d\d-\d\d-\d{4}$"),
        ("MEDICAL_RECORD_NUMBER", "A12-33491", r"^[A-Z]\d\d-\d{5}$"),
        ("SOCIAL_HANDLE", "@quietriver77", r"^@[a-z]+\d\d$"),
        ("URL", "https://yolanda.example.com/x", r"^https://example\.org/[0-9a-f]{8}$"),
        ("LOCATION", "1187 Sycamore Lane, Flagstaff", r"^\d{4} [A-Z][a-z]+ Lane, [A-Z][a-z]+$"),
        ("ORGANIZATION", "Lakeside Recovery Center", r"^[A-Z][a-z]+ Recovery Center$"),
        ("PERSON", "Terri M.", r"^[A-Z][a-z]+ [A-Z]\.$"),
        ("PERSON", "R.K.", r"^[A-Z]\.[A-Z]\.$"),
        ("PERSON", "QW", r"^[A-Z]{2}$"),             # initials without full stops: a transcript's speaker
        ("PERSON", "LBT", r"^[A-Z]{3}$"),
    ],
)
def test_realistic_stand_ins_keep_the_shape(entity, value, shape):
    out = batch([(entity, value)]).stand_in(entity, value, "realistic", "")
    assert re.match(shape, out), out
    assert out != value


def test_first_names_keep_their_sex():
    s = batch([("PERSON", "Marguerite Thornbury"), ("PERSON", "Terrence Baptiste")])
    assert names()[s.stand_in("PERSON", "Marguerite", "realistic", "").lower()].sex == "F"
    assert names()[s.stand_in("PERSON", "Terrence", "realistic", "").lower()].sex == "M"


@pytest.mark.parametrize(
    "template, value, expected",
    [("LORETTA", "dana", "DANA"), ("loretta", "Dana", "dana"), ("Loretta", "dana", "Dana"),
     ("Delacroix-Owens", "smith-jones", "Smith-Jones")],
)
def test_keep_case(template, value, expected):
    assert keep_case(template, value) == expected


NAME = st.sampled_from(sorted(n for n, i in names().items() if i.usage == "n")[:4000])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(NAME, NAME), min_size=1, max_size=12, unique=True))
def test_property_consistent_distinct_keyed_never_real(people):
    values = [f"{a.title()} {b.title()}" for a, b in people]
    s = batch([("PERSON", v) for v in values])
    again = batch([("PERSON", v) for v in reversed(values)])
    other = batch([("PERSON", v) for v in values], key=OTHER)
    outs = [s.stand_in("PERSON", v, "realistic", "") for v in values]
    # consistent: the same value gets the same stand-in, whatever the order of the batch
    assert outs == [again.stand_in("PERSON", v, "realistic", "") for v in values]
    # distinct words get distinct stand-in words (by role)
    firsts = {a for a, _ in people}
    assert len({s.stand_in("PERSON", a.title(), "realistic", "") for a in firsts}) == len(firsts)
    # never a real name of the batch
    real = {w for v in values for w in v.lower().split()}
    assert not {w for o in outs for w in o.lower().split()} & real
    # another key, other stand-ins
    assert outs != [other.stand_in("PERSON", v, "realistic", "") for v in values] or len(values) == 0


@pytest.mark.parametrize(
    "value, days, expected",
    [("2021-03-14", 10, "2021-03-24"), ("3/14/2019", -14, "2/28/2019"), ("March 3rd, 2021", 30, "April 2nd, 2021"),
     ("the 14th of March", 1, "the 15th of March"), ("two weeks", 10, "two weeks"), ("March 2021", 10, "2021")],
)
def test_date_shift(value, days, expected):
    assert shift(value, days, "[DATE]") == expected


def test_date_shift_is_per_subject_and_keyed():
    a, b = offset_days(KEY, "person:ann lee"), offset_days(KEY, "person:bo chan")
    assert a == offset_days(KEY, "person:ann lee") and a != 0 and -182 <= a <= 182
    assert a != b or offset_days(OTHER, "person:ann lee") != a


def test_the_frozen_table_only_looks_up():
    """``freeze`` returns ``StandIns``: pass 2 cannot teach it, and what the builder learns
    after it does not reach it."""
    s = Surrogates(KEY)
    s.observe("PERSON", "Ilse Marrow")
    table = s.freeze()
    assert isinstance(table, StandIns)
    assert not [m for m in ("observe", "observe_real", "freeze") if hasattr(table, m)]
    before = table.stand_in("PERSON", "Ilse Marrow", "realistic", "")
    s.observe("PERSON", "Oskar Feldmann")
    s.observe_real("PERSON", "Ilse Feldmann")
    assert table.stand_in("PERSON", "Ilse Marrow", "realistic", "") == before
    assert "Oskar Feldmann" not in table.removed and "Ilse Feldmann" not in table.removed


@pytest.mark.parametrize("entity, value, style", [
    ("PERSON", "Oskar Feldmann", "realistic"),       # a name pass 1 never met
    ("PERSON", "Marrow", "realistic"),               # a part of one it met
    ("LOCATION", "Wexley Ford", "realistic"),
    ("EMAIL_ADDRESS", "ilse.marrow@example.com", "realistic"),
    ("PERSON", "Oskar Feldmann", "label"),
    ("LOCATION", "Wexley Ford", "label"),
])
def test_a_look_up_in_pass_2_changes_no_other_stand_in(entity, value, style):
    """Whatever pass 2 asks first, and in whichever process, every answer is the same."""
    known = [("PERSON", "Ilse Marrow"), ("LOCATION", "Quenby Flats"), ("EMAIL_ADDRESS", "oskar@example.org")]

    def answers(first):
        s = Surrogates(KEY)
        for e, v in known:
            s.observe(e, v, style)
        table = s.freeze()
        asks = [(entity, value)] + known if first else known + [(entity, value)]
        return {(e, v): table.stand_in(e, v, style, "[X-{n}]") for e, v in asks}

    assert answers(True) == answers(False)


def test_the_stand_in_styles_are_the_ones_the_rules_accept():
    """A style the rules accept has its stand-ins here, and no other: ``StandIns.STYLES``
    and ``policy.schema.STYLES`` name the same styles."""
    assert set(StandIns.STYLES) == set(STYLES)


@pytest.mark.parametrize("style, shaped", [
    ("label", re.compile(r"\[PERSON-\d+\]")),
    ("realistic", re.compile(r"[A-Z][a-z]+ [A-Z][a-z'-]+")),
])
def test_each_style_gives_its_own_shape(style, shaped):
    s = Surrogates(KEY)
    s.observe("PERSON", "Ilse Marrow", style)
    table = s.freeze()
    assert shaped.fullmatch(table.stand_in("PERSON", "Ilse Marrow", style, "[PERSON-{n}]"))
    with pytest.raises(ValueError, match="unknown stand-in style 'initials'"):
        table.stand_in("PERSON", "Ilse Marrow", "initials", "")
