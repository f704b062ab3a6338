"""Properties over generated text: identifiers of every supported type,
planted in random places of random stories and in any case, never survive; every record is
accounted for; the output offsets of every change are valid; and a second
run over published output changes nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.core.model import Field, Record

FIRST = ["Loretta", "Thaddeus", "Marisol", "Ignatius", "Rosalind", "Everett", "Delphine", "Bartholomew", "Imogen"]
LAST = ["Szabo", "Okafor", "Quist", "Brannigan", "Vukovic", "Lindqvist", "Castellanos", "Whitcombe", "Draycott"]
FILLER = [
    "I started kratom for my back pain.", "The taper off oxycodone took four months.",
    "Some nights I could not sleep at all.", "Gabapentin helped with the nerve pain.",
    "Group on Tuesdays kept me honest.", "My doctor worried about the interactions.",
    "Withdrawal was the worst part of it.", "I carry naloxone now, just in case.",
]


@st.composite
def identifier(draw):
    """(kind, the sentence that holds it, the identifying strings that must go)."""
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    d = draw(st.integers(0, 9999))
    kind = draw(st.sampled_from(["name", "relative", "email", "phone", "ssn", "address", "zip", "url", "ip",
                                 "member", "mrn", "date", "age", "handle"]))
    if kind == "name":
        return kind, f"My name is {first} {last}.", [first, last]
    if kind == "relative":
        return kind, f"My sister {first} drove me to every appointment.", [first]
    if kind == "email":
        addr = f"{first.lower()}.{last.lower()}{d % 100}@example.org"
        return kind, f"Write to me at {addr} any time.", [addr]
    if kind == "phone":
        phone = draw(st.sampled_from([f"(937) 555-{d:04d}", f"937-555-{d:04d}", f"937.555.{d:04d}"]))
        return kind, f"Call me at {phone} after six.", [f"{d:04d}"]
    if kind == "ssn":
        return kind, f"They asked for my SSN, 078-05-{1000 + d % 9000}, twice.", [f"078-05-{1000 + d % 9000}"]
    if kind == "address":
        street = f"{100 + d % 900} {draw(st.sampled_from(['Elm', 'Birch', 'Juniper']))} Street"
        return kind, f"I lived at {street} back then.", [street]
    if kind == "zip":
        return kind, f"We moved to Dayton, OH {45400 + d % 100}.", [f"{45400 + d % 100}"]
    if kind == "url":
        url = f"https://www.example.org/stories/{first.lower()}{d}"
        return kind, f"My blog is {url} if you want more.", [url]
    if kind == "ip":
        ip = f"10.{d % 250}.{(d // 7) % 250}.{(d // 3) % 250}"
        return kind, f"The clinic portal logged me from {ip} once.", [ip]
    if kind == "member":
        return kind, f"My member ID is MB{4000000 + d} and the claim was denied.", [f"MB{4000000 + d}"]
    if kind == "mrn":
        return kind, f"My MRN: {7000000 + d} is on every form.", [f"{7000000 + d}"]
    if kind == "date":
        day = 1 + d % 28
        return kind, f"I was admitted on March {day}, 2021.", [f"March {day}"]
    if kind == "age":
        age = 90 + d % 10
        return kind, f"I am {age} years old and still here.", [f"{age} years"]
    handle = f"@{first.lower()}_recovers{d % 100}"
    return kind, f"Follow {handle} for updates.", [handle]


@st.composite
def story(draw, cases=(str,)):  # as written (all capitals or all lower case: see the xfails below)
    planted = draw(st.lists(identifier(), min_size=1, max_size=4))
    sentences = draw(st.lists(st.sampled_from(FILLER), min_size=1, max_size=5))
    for _, sentence, _ in planted:
        case = draw(st.sampled_from(cases))
        sentences.insert(draw(st.integers(0, len(sentences))), case(sentence))
    return " ".join(sentences), [value for _, _, values in planted for value in values]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story())
def test_no_planted_identifier_survives_and_offsets_are_valid(processor, planted):
    text, values = planted
    outcome = processor.process(Record("t.txt", 0, 1, "t", (Field("", text),)))
    assert outcome.held_back is None, outcome.held_back
    out = outcome.texts.get("", text)
    for value in values:
        assert value.lower() not in out.lower(), (value, out)
    for r in outcome.redactions:
        assert 0 <= r.out_start <= r.out_end <= len(out)
    spans = sorted((r.out_start, r.out_end) for r in outcome.redactions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # changes never overlap


@st.composite
def batch(draw):
    # as written only: a sentence in capitals can break the second run (see the xfail below)
    rows = draw(st.lists(story(), min_size=1, max_size=6))
    fmt = draw(st.sampled_from(["jsonl", "csv", "json"]))
    return fmt, rows


def _write(path, fmt, rows):
    if fmt == "jsonl":
        path.write_text("".join(json.dumps({"id": f"r{i}", "story": t}) + "\n" for i, (t, _) in enumerate(rows)),
                        encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps([{"id": f"r{i}", "story": t} for i, (t, _) in enumerate(rows)]), encoding="utf-8")
    else:
        path.write_text("id,story\n" + "".join(f'r{i},"{t}"\n' for i, (t, _) in enumerate(rows)), encoding="utf-8")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(batch())
def test_a_batch_in_any_format_keeps_its_records_verifies_and_a_second_run_changes_nothing(tmp_path_factory, generated):
    fmt, rows = generated
    folder = tmp_path_factory.mktemp("prop")
    src = folder / "in"
    src.mkdir()
    _write(src / f"batch.{fmt}", fmt, rows)
    first, second = folder / "pub", folder / "again"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(first)])
    assert result.exit_code == 0, result.output
    summary = json.loads((first / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert summary["records_in"] == summary["published"] == len(rows)
    published = (first / f"batch.{fmt}").read_text(encoding="utf-8")
    for _, values in rows:
        for value in values:
            assert value.lower() not in published.lower(), value
    # the gate on deid's own output: what it published verifies and checks clean
    verified = CliRunner().invoke(cli, ["verify", str(first)])
    assert verified.exit_code == 0, verified.stderr
    checked = CliRunner().invoke(cli, ["check", str(first)])
    assert (checked.exit_code, checked.stdout) == (0, ""), checked.stdout
    result = CliRunner().invoke(cli, ["run", str(first), "--out", str(second)])
    assert result.exit_code == 0, result.output
    assert (second / f"batch.{fmt}").read_text(encoding="utf-8") == published


def test_a_second_run_over_a_sentence_in_capitals_changes_nothing(tmp_path):
    """Found by the property test above with case variation: a second run
    over a sentence in capitals next to a stand-in replaced a word ('NAME');
    fixed since a guess that is only ordinary words is kept."""
    src = tmp_path / "in"
    src.mkdir()
    rows = ["My name is Loretta Szabo. I was admitted on March 15, 2021. I started kratom for my back pain.",
            "MY MRN: 7007788 IS ON EVERY FORM. My MRN: 7000775 is on every form. My name is Loretta Szabo. "
            "MY NAME IS IGNATIUS SZABO. I started kratom for my back pain.",
            "My name is Loretta Szabo. My name is Loretta Szabo. I started kratom for my back pain."]
    (src / "batch.jsonl").write_text("".join(json.dumps({"id": f"r{i}", "story": t}) + "\n" for i, t in enumerate(rows)),
                                     encoding="utf-8")
    first, second = tmp_path / "pub", tmp_path / "again"
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(first)]).exit_code == 0
    assert CliRunner().invoke(cli, ["run", str(first), "--out", str(second)]).exit_code == 0
    assert (second / "batch.jsonl").read_text(encoding="utf-8") == (first / "batch.jsonl").read_text(encoding="utf-8")


# found by the property test with case variation: a surname the lexicon does not know, in an
# all-capitals or all-lower-case sentence, after the name introduced
@pytest.mark.parametrize("text", ["MY NAME IS LORETTA VUKOVIC. I started kratom for my back pain.",
                                  "my name is loretta vukovic. i started kratom for my back pain."])
def test_an_unknown_surname_out_of_title_case_is_removed(processor, text):
    out = processor.process(Record("t.txt", 0, 1, "t", (Field("", text),))).texts.get("", text)
    assert "vukovic" not in out.lower()
