from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.keys import Key
from deid.core.model import Decision, Finding
from deid.policy.actions import ACTIONS
from deid.transform import rewrite
from deid.transform.rewrite import apply, new_value

KEY = Key(b"k" * 32, "test")
OTHER = Key(b"o" * 32, "test")


def dec(entity, start, end, action, tag=None):
    return Decision(Finding("", entity, start, end, 0.9, "test"), action, f"entities.{entity}", (("tag", tag or f"[{entity}]"),))


@pytest.mark.parametrize(
    "entity, action, value, expected",
    [
        ("PERSON", "replace", "Ann Lee", "[PERSON]"),
        ("PERSON", "redact", "Ann Lee", ""),
        ("PERSON", "mask", "Loretta Szabo", "L****** S****"),
        ("PERSON", "keep", "Ann Lee", "Ann Lee"),
        ("DATE_TIME", "generalize", "March 3, 2021", "2021"),
        ("ZIP_CODE", "generalize", "45402", "454"),
        ("AGE", "generalize", "93", "90+"),
        ("PERSON", "drop", "Ann Lee", None),
        ("BIRTH_DATE", "pseudonym", "1958-07-22", "1958"),
        ("FILE_NAME", "pseudonym", "img/photo.jpg", "img/photo.jpg"),
        ("PERSON", "hash", "Ann Lee", "[PERSON:" + KEY.digest("PERSON", "Ann Lee", 6) + "]"),
    ],
)
def test_new_value(entity, action, value, expected):
    assert new_value(dec(entity, 0, len(value), action), value, KEY) == expected


def test_hash_is_keyed_stable_and_case_insensitive():
    d = dec("PERSON", 0, 7, "hash")
    a = new_value(d, "Ann Lee", KEY)
    assert a == new_value(d, "ANN  lee", KEY)
    assert a != new_value(d, "Ann Leigh", KEY)
    assert a != new_value(d, "Ann Lee", OTHER)
    assert a.startswith("[PERSON:") and "Ann" not in a


def test_apply_offsets_point_at_new_values():
    text = "Hi Ann Lee, born March 3, 2021, zip 45402."
    ds = [dec("PERSON", 3, 10, "replace"), dec("DATE_TIME", 17, 30, "generalize", "[DATE]"), dec("ZIP_CODE", 36, 41, "generalize")]
    out, reds = apply(text, ds, KEY)
    assert out == "Hi [PERSON], born 2021, zip 454."
    assert [out[r.out_start:r.out_end] for r in reds] == ["[PERSON]", "2021", "454"]
    assert all(r.changed for r in reds)


def test_apply_does_not_mutate_inputs():
    text = "Ann Lee"
    ds = [dec("PERSON", 0, 7, "replace")]
    before = list(ds)
    apply(text, ds, KEY)
    assert ds == before and text == "Ann Lee"


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_apply_property_offsets_and_untouched_text(data):
    """For any non-overlapping spans: every output span holds its new value and
    the text between spans is unchanged."""
    text = data.draw(st.text(alphabet="abc XYZ.,", min_size=1, max_size=60))
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=8))))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]
    actions = data.draw(st.lists(st.sampled_from(["replace", "redact", "mask", "hash", "keep"]), min_size=len(spans), max_size=len(spans)))
    ds = [dec("PERSON", a, b, act) for (a, b), act in zip(spans, actions)]
    out, reds = apply(text, ds, KEY)
    assert len(reds) == len(ds)
    prev_in = prev_out = 0
    for r in reds:
        f = r.decision.finding
        assert out[r.out_start:r.out_end] == (new_value(r.decision, text[f.start:f.end], KEY) or "")
        assert out[prev_out:r.out_start] == text[prev_in:f.start]
        prev_in, prev_out = f.end, r.out_end
    assert out[prev_out:] == text[prev_in:]


def test_every_action_of_the_table_has_one_function_and_no_more():
    assert set(rewrite._DOES) == {a for a in ACTIONS if a != "scan"}  # "scan" only says a column is free text


@pytest.mark.parametrize("action", sorted(a for a in ACTIONS if a != "scan"))
def test_new_value_reaches_every_action_through_the_table(action, monkeypatch):
    """Each action's function in ``_DOES`` is the one ``new_value`` calls, with the
    decision, the value as read and what is around it: none is handled beside the table."""
    seen = []
    monkeypatch.setitem(rewrite._DOES, action, lambda d, value, at: seen.append((d.action, value, at)) or "<new>")
    d = dec("AGE", 8, 10, action)
    assert new_value(d, "93", KEY, None, "she was ", " then") == "<new>"
    assert seen == [(action, "93", rewrite._Around(KEY, None, "she was ", " then"))]


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError, match="unknown action 'shred'"):
        new_value(dec("PERSON", 0, 3, "shred"), "Ann", KEY)
