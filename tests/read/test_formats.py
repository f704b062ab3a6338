"""Readers and writers, one table per format. No model needed."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.model import Outcome
from deid.read.formats import csvfile, jsonfile, jsonlfile, markdownfile, textfile
from deid.core.markup import detection_text
from deid.read.labels import is_label
from deid.read.textio import sniff

from tests.conftest import write


def read(module, path, rules):
    reader = module.Reader(path, path.name, rules, sniff(path))
    return reader, list(reader.records())


def roundtrip(module, path, rules, change=None):
    """Write every record back, optionally changing field texts."""
    reader, records = read(module, path, rules)
    buf = io.StringIO()
    writer = module.Writer(buf, reader)
    for r in records:
        texts = {f.path: change(f) for f in r.fields} if change else {}
        writer.write(Outcome(r, texts, ()))
    writer.close()
    return records, buf.getvalue()


# -- CSV ------------------------------------------------------------------------

CSV = (
    'Timestamp,Full Name,Story,Score\r\n'
    '2025-01-02,Ann Lee,"She said ""hi""\r\nthen left, quickly",3\r\n'
    '2025-01-03,Bo Chan,short,4\r\n'
)


def test_csv_records_fields_and_columns(tmp_path, rules):
    reader, records = read(csvfile, write(tmp_path / "s.csv", CSV), rules)
    assert reader.header == ["Timestamp", "Full Name", "Story", "Score"]
    assert [r.line for r in records] == [2, 4]
    first = records[0]
    by_path = {f.path: f for f in first.fields}
    assert by_path["Story"].text == 'She said "hi"\r\nthen left, quickly'
    assert by_path["Story"].column is None
    assert by_path["Full Name"].column.id == "person-name"
    assert by_path["Timestamp"].column.id == "submitted"
    assert [(k.entity, k.value) for k in first.known] == [("PERSON", "Ann Lee")]


def test_csv_unchanged_roundtrip_is_byte_identical(tmp_path, rules):
    _, out = roundtrip(csvfile, write(tmp_path / "s.csv", CSV), rules)
    assert out == CSV


def test_csv_bom_and_delimiter_are_kept(tmp_path, rules):
    data = "\ufeffid;Story\n1;hello\n"
    path = write(tmp_path / "s.csv", data.encode("utf-8"))
    _, out = roundtrip(csvfile, path, rules)
    assert out == data


@pytest.mark.parametrize("data, delimiter, fields", [
    # a comma file whose header holds more semicolons than commas
    ('id,Which did you take (kratom; Suboxone; gabapentin; other),Story\n1,kratom,"it helped; a lot"\n2,Suboxone,fine\n',
     ",", ["Which did you take (kratom; Suboxone; gabapentin; other)", "Story"]),
    ("id;Story;Score\n1;it helped, a lot;5\n2;fine, thanks;4\n", ";", ["Story", "Score"]),
    ("id\tStory\n1\tit helped, a lot; really\n", "\t", ["Story"]),
    ("id|Story\n1|ok\n", "|", ["Story"]),
    ('id,Story\n1,"one; two; three; four"\n', ",", ["Story"]),
])
def test_csv_delimiter_is_the_one_that_splits_every_row_alike(tmp_path, rules, data, delimiter, fields):
    reader, records = read(csvfile, write(tmp_path / "s.csv", data), rules)
    assert reader.delimiter == delimiter
    assert [f.path for f in records[0].fields if not is_label(f.path)] == fields and all(not r.error for r in records)


def test_csv_delimiter_can_be_given(tmp_path, rules):
    path = write(tmp_path / "s.csv", "Story;Mood,Notes\nok;fine,hello\n")
    reader = csvfile.Reader(path, path.name, rules, sniff(path), delimiter=",")
    records = list(reader.records())
    assert reader.delimiter == "," and [f.path for f in records[0].fields] == ["Story;Mood", "Notes"]


def test_csv_cp1252_input(tmp_path, rules):
    path = write(tmp_path / "s.csv", "id,Story\n1,caf\u00e9 \u201cok\u201d\n".encode("cp1252"))
    _, records = read(csvfile, path, rules)
    assert records[0].fields[0].text == "caf\u00e9 \u201cok\u201d"


def test_csv_changes_land_in_their_column(tmp_path, rules):
    _, out = roundtrip(csvfile, write(tmp_path / "s.csv", CSV), rules, change=lambda f: None if f.path == "Full Name" else f.text.upper())
    lines = out.split("\r\n")
    assert lines[1].startswith("2025-01-02,,")


@pytest.mark.parametrize(
    "data, line, reason",
    [
        ("a,Story\n1,x,extra\n2,ok\n", 2, "row has 3 fields, the header has 2"),
        ("a,Story\n1\n2,ok\n", 2, "row has 1 fields, the header has 2"),
    ],
)
def test_csv_ragged_rows_are_held_back_and_the_rest_read(tmp_path, rules, data, line, reason):
    _, records = read(csvfile, write(tmp_path / "s.csv", data), rules)
    assert [(r.line, r.error) for r in records] == [(line, reason), (3, None)]
    assert records[1].fields[-1].text == "ok"


def test_csv_duplicate_headers_get_distinct_paths(tmp_path, rules):
    _, records = read(csvfile, write(tmp_path / "s.csv", "Story,Story\nx,y\n"), rules)
    assert [f.path for f in records[0].fields] == ["Story", "Story[2]"]


def test_csv_header_only(tmp_path, rules):
    records, out = roundtrip(csvfile, write(tmp_path / "s.csv", "a,b\n"), rules)
    assert records == [] and out == "a,b\n"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=20), min_size=3, max_size=3), min_size=1, max_size=8))
def test_csv_roundtrip_property(tmp_path_factory, rules, rows):
    """Any rows csv can write come back cell for cell when nothing changes,
    but for formula cells, which are kept inert."""
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Story", "Notes", "Other"])
    w.writerows(rows)
    path = write(tmp_path_factory.mktemp("p") / "s.csv", buf.getvalue())
    _, out = roundtrip(csvfile, path, rules)
    got = list(csv.reader(io.StringIO(out)))
    want = [["Story", "Notes", "Other"]] + [[csvfile.inert(c) for c in r] for r in rows if any(c.strip() for c in r) or len(r) > 1]
    assert got == want


# -- JSONL ----------------------------------------------------------------------

def test_jsonl_walks_nested_values_and_keeps_id(tmp_path, rules):
    line = {"id": "p1", "body": "hello", "meta": {"tags": ["a", "b"], "n": 3}, "flag": True}
    _, records = read(jsonlfile, write(tmp_path / "p.jsonl", json.dumps(line) + "\n"), rules)
    r = records[0]
    assert r.id == "p1"
    assert [f.path for f in r.fields] == ["/body", "/meta/tags/0", "/meta/tags/1"]


def test_jsonl_long_whole_numbers_are_text_to_scan_wherever_they_stand(tmp_path, rules):
    line = {"id": "p1", "callback": 5035550142, "visits": 3, "ratio": 1234567.5, "dob": 19290117, "ok": True}
    _, records = read(jsonlfile, write(tmp_path / "p.jsonl", json.dumps(line) + "\n"), rules)
    fields = {f.path: f.text for f in records[0].fields}
    assert fields == {"/callback": "5035550142", "/dob": "19290117"}
    assert records[0].fields[0].column is None and records[0].fields[1].column.id == "birth-date"


def test_jsonl_broken_line_is_held_back_with_its_line(tmp_path, rules):
    data = '{"id": 1, "t": "a"}\n{"id": 2, "t": \n\n{"id": 3, "t": "c"}\n'
    _, records = read(jsonlfile, write(tmp_path / "p.jsonl", data), rules)
    assert [(r.line, r.error is None) for r in records] == [(1, True), (2, False), (4, True)]
    assert "not valid JSON" in records[1].error
    assert '"t"' not in records[1].error  # the message never quotes the record


def test_jsonl_invalid_utf8_line(tmp_path, rules):
    data = '{"t": "caf\u00e9"}\n'.encode() + b'{"t": "\xff"}\n' + b'{"t": "ok"}\n'
    _, records = read(jsonlfile, write(tmp_path / "p.jsonl", data), rules)
    assert [r.error is None for r in records] == [True, False, True]


def test_jsonl_roundtrip_keeps_types_and_order(tmp_path, rules):
    rows = [{"id": 7, "t": "x", "n": 1.5, "ok": None}, {"t": "y", "z": [1, {"q": "w"}]}]
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    _, out = roundtrip(jsonlfile, write(tmp_path / "p.jsonl", data), rules, change=lambda f: f.text.upper())
    assert [json.loads(x) for x in out.splitlines()] == [
        {"id": 7, "t": "X", "n": 1.5, "ok": None}, {"t": "Y", "z": [1, {"q": "W"}]}
    ]


# -- JSON -----------------------------------------------------------------------

def test_json_array_records_have_lines(tmp_path, rules):
    data = '[\n  {"id": "a", "t": "x"},\n  {"id": "b",\n   "t": "y"}\n]\n'
    reader, records = read(jsonfile, write(tmp_path / "r.json", data), rules)
    assert [(r.id, r.line) for r in records] == [("a", 2), ("b", 3)]
    assert reader.is_array


def test_json_single_object(tmp_path, rules):
    records, out = roundtrip(jsonfile, write(tmp_path / "r.json", '{"id": "a", "t": "x"}'), rules)
    assert len(records) == 1 and json.loads(out) == {"id": "a", "t": "x"}


@pytest.mark.parametrize(
    "data, words",
    [
        ('"just a string"', "expected an object or an array"),
        ("42", "expected an object or an array"),
        ('{"a": 1', "not valid JSON"),
        ('{"a": 1} {"b": 2}', "extra data"),
    ],
)
def test_json_bad_documents_are_held_back_whole(tmp_path, rules, data, words):
    _, records = read(jsonfile, write(tmp_path / "r.json", data), rules)
    assert len(records) == 1 and words in records[0].error


def test_json_array_broken_midway_keeps_the_good_elements(tmp_path, rules):
    _, records = read(jsonfile, write(tmp_path / "r.json", '[{"t": "a"}, {"t": }, {"t": "c"}]'), rules)
    assert [r.error is None for r in records] == [True, False]
    assert records[1].raw.startswith('{"t": }')


def test_json_roundtrip_array(tmp_path, rules):
    data = [{"id": "a", "t": "x", "n": 2}, {"id": "b", "t": "y"}]
    _, out = roundtrip(jsonfile, write(tmp_path / "r.json", json.dumps(data)), rules)
    assert json.loads(out) == data


def test_json_empty_array(tmp_path, rules):
    records, out = roundtrip(jsonfile, write(tmp_path / "r.json", "[ ]"), rules)
    assert records == [] and json.loads(out) == []


def test_json_column_rules_apply_to_keys(tmp_path, rules):
    data = {"id": "a", "respondent": {"name": "Ann Lee", "age": 93}, "story": "x"}
    _, records = read(jsonfile, write(tmp_path / "r.json", json.dumps(data)), rules)
    cols = {f.path: (f.column.id if f.column else None) for f in records[0].fields}
    assert cols == {"/respondent/name": "person-name", "/respondent/age": "age", "/story": None}


# -- text and Markdown ----------------------------------------------------------

def test_text_file_is_one_record(tmp_path, rules):
    records, out = roundtrip(textfile, write(tmp_path / "a.txt", "one\n\ntwo\n"), rules)
    assert len(records) == 1 and records[0].fields[0].text == "one\n\ntwo\n" and out == "one\n\ntwo\n"


def test_text_nul_bytes_are_held_back(tmp_path, rules):
    path = write(tmp_path / "a.txt", "\ufeffabc\x00def".encode("utf-16"))
    _, records = read(textfile, path, rules)
    assert "binary" in records[0].error


def test_whitespace_only_text_has_no_records(tmp_path, rules):
    _, records = read(textfile, write(tmp_path / "a.txt", "  \n\n"), rules)
    assert records == []


MD = """# Title here

| Name | Age |
|---|---|
| Ann Lee | 61 |

> "A quote," she said.
> — Ann Lee, Bozeman

**Bold** and _under_ and a [link text](https://example.org/a_b) and ![alt words](x.png).
"""


def test_markdown_detection_text_keeps_offsets_and_words():
    masked = detection_text(MD)
    assert len(masked) == len(MD)
    for word in ["Title here", "Ann Lee", "Bozeman", "Bold", "under", "link text", "https://example.org/a_b", "alt words"]:
        assert masked.index(word) == MD.index(word)
    for mark in ["#", "|", "**", "[", "]("]:
        assert mark not in masked


def test_markdown_record_is_marked(tmp_path, rules):
    _, records = read(markdownfile, write(tmp_path / "a.md", MD), rules)
    assert records[0].fields[0].markup == "markdown"


@pytest.mark.parametrize("module", sorted(set(__import__("deid.read.formats", fromlist=["BY_SUFFIX"]).BY_SUFFIX.values()),
                                         key=lambda m: m.__name__))
def test_every_format_module_is_a_format(module):
    """The contract of ``formats.Format``: a Reader with records(), a Writer
    with write() and close(), and serialize()."""
    import inspect

    assert callable(getattr(module.Reader, "records", None))
    assert callable(getattr(module.Writer, "write", None)) and callable(getattr(module.Writer, "close", None))
    assert list(inspect.signature(module.serialize).parameters) == ["record", "reader"]
    assert list(inspect.signature(module.Reader.__init__).parameters)[:5] == ["self", "path", "source", "rules", "enc"]
    assert list(inspect.signature(module.Writer.__init__).parameters)[:3] == ["self", "stream", "reader"]


# -- column rules by value shape (issue 28) --------------------------------------

@pytest.mark.parametrize("header, value, column", [
    ("Tell us about the longest time you stayed clean", "After Ilse Marrow took me to Grantsville", None),
    ("In what town were you born", "Out past Cedarville, my gran Oona Pelletier raised me", None),
    ("What did you try at that age", "Pills my neighbour Oskar Feldmann sold", None),
    ("Your quit date", "The morning my brother Anselm Korhonen found me", None),
    ("Your quit date", "2022-08-19", "dates"),
    ("Date of birth", "Aug 19, 1966", "birth-date"),
    ("Age", "52", "age"),
    ("Age", "ask Tamsin Oyelowo, she knows", None),
    ("Name", "Tamsin Oyelowo", "person-name"),
    ("Name", "I would rather my friend Tamsin Oyelowo wrote this one for me", None),
    ("Email address", "write to Tamsin Oyelowo at home", None),
    ("Kin", "Oona Pelletier (grandmother)", None),
    ("Who to call if you cannot be reached", "Anselm Korhonen", None),
    ("Notes", "Called Oskar Feldmann twice", None),
])
def test_csv_a_column_rule_governs_only_values_of_its_shape(tmp_path, rules, header, value, column):
    path = write(tmp_path / "q.csv", f'id,"{header}"\r\nr1,"{value}"\r\n')
    _, records = read(csvfile, path, rules)
    field = {f.path: f for f in records[0].fields}[header]
    assert field.text == value
    assert (field.column.id if field.column else None) == column
    assert all(k.value != value for k in records[0].known) or column is not None


@pytest.mark.parametrize("data, columns", [
    ({"id": "t1", "relapse_time": "The week Oskar Feldmann got out", "start_time": "2023-01-09 08:00"},
     {"/relapse_time": None, "/start_time": "dates"}),
    ({"id": "t2", "born": "In Cedarville, to Oona Pelletier", "dob": "1971-06-30"},
     {"/born": None, "/dob": "birth-date"}),
    ({"id": "t3", "contacts": [{"id": "Anselm Korhonen", "role": "sponsor"}, {"id": 17}, {"id": "c-0042"}]},
     {"/contacts/0/id": None, "/contacts/0/role": None}),
    ({"id": "t4", "credit": {"id": "tamsin-oyelowo"}, "ref": {"response_id": "R_7x2KpQ"}},
     {"/credit/id": None, "/ref/response_id": "record-id"}),  # an id-shaped value keeps its rule
    ({"id": {"time": "Oskar Feldmann"}}, {"/id/time": None}),  # an "id" that holds an object is text
    ({"id": "t6", "response_id": "Oskar Feldmann"}, {"/response_id": None}),  # a second id that is a name
    ({"id": "t5", "respondent": {"name": "Tamsin Oyelowo", "age": "about forty, when Ilse Marrow died"}},
     {"/respondent/name": "person-name", "/respondent/age": None}),
])
def test_json_column_rules_and_kept_keys_judge_values(tmp_path, rules, data, columns):
    _, records = read(jsonfile, write(tmp_path / "r.json", json.dumps(data)), rules)
    got = {f.path: (f.column.id if f.column else None) for f in records[0].fields if not is_label(f.path)}
    assert got == columns


@pytest.mark.parametrize("row, fields", [
    ("r1,c-0042,Ilse Marrow\r\n", {"id[2]": "Ilse Marrow"}),      # a second id column holding a name is text
    ("Ilse Marrow,c-0042,R_7x2KpQ\r\n", {}),                     # the record's id: ``ids`` publishes it keyed
])
def test_csv_kept_columns_keep_ids_only(tmp_path, rules, row, fields):
    _, records = read(csvfile, write(tmp_path / "k.csv", "id,Response ID,id\r\n" + row), rules)
    assert {f.path: f.text for f in records[0].fields if not is_label(f.path)} == fields
    assert all(f.column is None for f in records[0].fields)
