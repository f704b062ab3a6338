"""CSV headers and JSON keys are text: a name in one is removed like a name
in the text, and only the published form reaches the output, the ledger
and ``deid verify`` (``labels``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.model import Field, Record
from deid.read.formats.jsontree import _rename
from deid.read.labels import LABEL, label, public_field_path

from tests.conftest import ledger_findings, write


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("name, scanned", [
    ("Story told by Anselm Vick", True),
    ("Renata Oduya", True),
    ("notes_from_ingrid_solberg", True),
    ("Dr. Halloran's notes", True),
    ("5035550142", True),          # a phone number as a key
    ("2024-03-01", True),          # a date as a key
    ("anselm.vick@example.org", True),
    ("Story", False),
    ("What helped you most?", False),
    ("answer_2", False),
    ("created_at", False),
    ("", False),
])
def test_a_name_that_is_not_plain_words_is_scanned(name, scanned):
    assert (label("/" + name, name) is not None) is scanned


def _record(labels: dict[str, str]) -> Record:
    return Record("a", 0, 1, "1", tuple(Field(LABEL + p, n) for p, n in labels.items()))


@pytest.mark.parametrize("labels, texts, path, published", [
    # a CSV header, and the second of two alike
    ({"Story by Anselm Vick": "Story by Anselm Vick"}, {LABEL + "Story by Anselm Vick": "Story by Lee Park"},
     "Story by Anselm Vick", "Story by Lee Park"),
    ({"Tomasz Brandt[2]": "Tomasz Brandt"}, {LABEL + "Tomasz Brandt[2]": "Lee Park"}, "Tomasz Brandt[2]", "Lee Park[2]"),
    # JSON keys, nested, and one with a slash in it
    ({"/Renata Oduya": "Renata Oduya"}, {LABEL + "/Renata Oduya": "Kim Ross"}, "/Renata Oduya", "/Kim Ross"),
    ({"/Renata Oduya": "Renata Oduya", "/Renata Oduya/Corin Haldane": "Corin Haldane"},
     {LABEL + "/Renata Oduya": "Kim Ross", LABEL + "/Renata Oduya/Corin Haldane": "Al Fox"},
     "/Renata Oduya/Corin Haldane/0", "/Kim Ross/Al Fox/0"),
    ({"/Ilse~1Marek": "Ilse/Marek"}, {LABEL + "/Ilse~1Marek": "Kim/Ross"}, "/Ilse~1Marek", "/Kim~1Ross"),
    # the label's own finding is named by its published path
    ({"/Renata Oduya": "Renata Oduya"}, {LABEL + "/Renata Oduya": "Kim Ross"}, LABEL + "/Renata Oduya", LABEL + "/Kim Ross"),
    # nothing changed: as read
    ({"/Renata Oduya": "Renata Oduya"}, {}, "/Renata Oduya/x", "/Renata Oduya/x"),
    ({}, {"/text": "x"}, "/text", "/text"),
])
def test_public_path_names_a_field_as_published(labels, texts, path, published):
    assert public_field_path(path, _record(labels), texts) == published


@pytest.mark.parametrize("before, old, new, after", [
    ({"a": 1, "Vera Lind": 2, "c": 3}, "Vera Lind", "Kim Ross", ["a", "Kim Ross", "c"]),
    ({"Vera Lind": 1, "Kim Ross": 2}, "Vera Lind", "Kim Ross", ["Kim Ross (2)", "Kim Ross"]),
    ({"Vera Lind": 1, "Kim Ross": 2, "Kim Ross (2)": 3}, "Vera Lind", "Kim Ross", ["Kim Ross (3)", "Kim Ross", "Kim Ross (2)"]),
])
def test_a_key_is_renamed_in_its_place_and_no_value_is_lost(before, old, new, after):
    _rename(before, old, new)
    assert list(before) == after and len(before) == len(after)


NAMES = ["Anselm", "Vick", "Renata", "Oduya", "Corin", "Haldane", "Ottilie", "Brennagh", "Wendell", "Sorensen"]


@pytest.mark.parametrize("name, content, output", [
    ("a.csv", "record_id,Story told by Anselm Vick,age\n1,It helped my back.,44\n2,Kratom got me off pills.,51\n", "a.csv"),
    ("b.jsonl", '{"id": "x1", "Renata Oduya": "she tapered fine", "meta": {"Corin Haldane": 3}}\n'
                '{"id": "x2", "Renata Oduya": "no", "notes": "ok"}\n', "b.jsonl"),
    ("c.json", '[{"id": "1", "answers": {"What did Ottilie Brennagh say?": "to slow down"}}]', "c.json"),
    ("d.csv", "id,Wendell Sorensen\n1,yes\n", "d.csv"),
    ("e.jsonl", '{"id": "1", "answers": [{"Ottilie Brennagh": "x", "anselm.vick@example.org": "wrote", "q1": "ok"}]}\n', "e.jsonl"),
])
def test_names_in_headers_and_keys_leave_the_output_and_the_ledger(tmp_path, name, content, output):
    src = write(tmp_path / "in" / name, content)
    out = tmp_path / "o"
    result = run("run", src, "--out", out)
    assert result.exit_code == 0, result.output
    published = (out / output).read_text(encoding="utf-8")
    ledger = (out / "deid-audit.jsonl").read_text(encoding="utf-8")
    for n in NAMES:
        assert n.lower() not in published.lower() and n not in ledger and n not in result.output
    entries = [json.loads(line) for line in ledger.splitlines() if '"kind":"record"' in line]
    for e in entries:
        for f in ledger_findings(e):
            assert not any(n in f["field"] for n in NAMES)
    assert run("verify", out).exit_code == 0
    check = run("check", out)
    assert check.exit_code == 0, check.output


def test_plain_headers_and_keys_are_written_as_read(tmp_path):
    csv_text = "id,Story,What helped you most?,age\n1,It helped.,Sleep,40\n"
    jsonl_text = '{"id": "1", "answers": {"Story": "fine", "created_at": "2024"}}\n'
    write(tmp_path / "in" / "a.csv", csv_text)
    write(tmp_path / "in" / "b.jsonl", jsonl_text)
    assert run("run", tmp_path / "in", "--out", tmp_path / "o").exit_code == 0
    assert (tmp_path / "o" / "a.csv").read_text().splitlines()[0] == "id,Story,What helped you most?,age"
    assert list(json.loads((tmp_path / "o" / "b.jsonl").read_text())["answers"]) == ["Story", "created_at"]


@pytest.mark.parametrize("rows", ["", "1,a,b\n"])  # no row; one ragged row, held back
def test_a_header_that_no_written_row_checked_is_not_written_as_read(tmp_path, rows):
    src = write(tmp_path / "in" / "a.csv", "id,Notes on Ludmila Ferrante\n" + rows)
    assert run("run", src, "--out", tmp_path / "o").exit_code == (1 if rows else 0)
    if rows:  # every row held back: the file is not written at all
        assert not (tmp_path / "o" / "a.csv").exists()
    else:     # no row: the header alone, its name unchecked, so not as read
        assert (tmp_path / "o" / "a.csv").read_text() == "id,column 2\n"


def test_deid_check_reports_a_name_in_a_header_once_at_its_line(tmp_path):
    src = write(tmp_path / "a.csv", "id,Notes from Anselm Vick,age\n1,fine,40\n2,ok,41\n3,good,42\n")
    result = run("check", src)
    assert result.exit_code == 1
    found = [line for line in result.output.splitlines() if line.startswith(str(src))]
    assert len(found) == 1 and found[0].startswith(f"{src}:1:15:"), result.output
    assert "Anselm" not in result.output and "Vick" not in result.output
