"""Names in structure (issue 28): answers under headers that look like date,
age or name columns, nested ids, Markdown structure and contact cards are
text; end to end they go, and the output verifies and checks clean. A
property test plants names under random headers and in random nested JSON."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.read import ids
from deid.read.formats import csvfile, jsonfile
from deid.read.textio import sniff

from tests.conftest import write

CSV = (
    'id,Tell us about the longest time you stayed clean,In what town were you born,'
    'What did you try at that age,Your quit date,Kin,Person to notify,Notes,Age,Date of birth,Name\r\n'
    'q1,"The spring Ilse Marrow took me in at Grantsville, I stayed clean.",'
    '"Out past Cedarville, where my gran Oona Pelletier raised me.",'
    '"Pills my neighbour Oskar Feldmann sold me.","The morning my cousin Ottilie Abernethy found me.",'
    'Ottilie Abernethy (cousin),Oskar Feldmann,Called Ilse Marrow twice,52,1971-06-30,Henrike Dunmore\r\n'
    'q2,two years,Xenia,nineteen,2022-08-19,none,none,none,47,"Aug 19, 1976",'
    '"I would rather my sponsor Lucan Korhonen wrote this"\r\n'
)
JSON = [
    {"id": "j1", "relapse_time": "It was after Oskar Feldmann moved to Grantsville.",
     "born": "In Cedarville, at home, to Oona Pelletier.",
     "contacts": [{"id": "Ilse Marrow", "role": "sponsor"}, {"id": "ottilie-abernethy", "role": "aunt"}, {"id": 17}],
     "story": "Tapering off methadone took eight months."},
]
MARKDOWN = """# Three voices {#voices-henrike-dunmore}

| Role | Voice | Quote |
|------|-------|-------|
| Peer | Lucan Korhonen | Naloxone saved me twice. |

**Photographer** Oskar Feldmann

The quote is hers.[^dunmore-letter]

[^dunmore-letter]: Sent to us by post.

```
$ grep -r "Ottilie Abernethy" interviews/
```

Sponsor
: Ilse Marrow

BEGIN:VCARD
FN:Oona Pelletier
N:Pelletier;Oona;;;
NICKNAME:Bee
TEL;TYPE=cell:+1 937 555 0164
END:VCARD
"""
PLANTED = ["Ilse", "Marrow", "Oona", "Pelletier", "Oskar", "Feldmann", "Ottilie", "Abernethy", "Henrike", "Dunmore",
           "Lucan", "Korhonen", "Grantsville", "Cedarville", "Bee", "555 0164"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    folder = tmp_path_factory.mktemp("structure")
    src = folder / "in"
    write(src / "answers.csv", CSV)
    write(src / "nested.json", json.dumps(JSON, indent=2))
    write(src / "voices.md", MARKDOWN)
    out = folder / "pub"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out)], catch_exceptions=False)
    return out, result


@pytest.mark.parametrize("name", ["answers.csv", "nested.json", "voices.md"])
def test_no_planted_name_survives_in_structure(published, name):
    out, result = published
    assert result.exit_code in (0, 3), result.output
    text = (out / name).read_text(encoding="utf-8")
    assert [p for p in PLANTED if re.search(rf"(?i)(?<![^\W_]){re.escape(p)}(?![^\W_])", text)] == []


def test_real_columns_keep_their_rules_and_answers_their_words(published):
    rows = list(csv.DictReader(io.StringIO((published[0] / "answers.csv").read_text(encoding="utf-8"))))
    assert [r["Age"] for r in rows] == ["52", "47"]
    assert [r["Date of birth"] for r in rows] == ["1971", "1976"]
    assert [r["Your quit date"][:4] for r in rows][1] == "2022"
    assert rows[0]["Name"].startswith("Participant ")
    assert "sponsor" in rows[1]["Name"] and "wrote this" in rows[1]["Name"]  # a sentence stays a sentence
    assert "stayed clean" in rows[0]["Tell us about the longest time you stayed clean"]
    assert rows[1]["What did you try at that age"] == "nineteen"
    text = (published[0] / "voices.md").read_text(encoding="utf-8")
    assert "Naloxone saved me twice." in text and "{#voices-" in text and "[^" in text and "BEGIN:VCARD" in text
    data = json.loads((published[0] / "nested.json").read_text(encoding="utf-8"))
    assert data[0]["story"] == JSON[0]["story"] and data[0]["contacts"][2] == {"id": 17}
    assert re.fullmatch(r"[a-z]+-[a-z]+", data[0]["contacts"][1]["id"])  # a slug stays a slug


def test_the_output_verifies_and_checks_clean(published):
    out, _ = published
    verified = CliRunner().invoke(cli, ["verify", str(out)], catch_exceptions=False)
    assert verified.exit_code == 0, verified.output
    checked = CliRunner().invoke(cli, ["check", str(out)], catch_exceptions=False)
    assert (checked.exit_code, checked.stdout) == (0, ""), checked.stdout


# -- property: random headers and nested structures with planted names ----------------------

NAMES = [("Ilse", "Marrow"), ("Oskar", "Feldmann"), ("Oona", "Pelletier"), ("Ottilie", "Abernethy"),
         ("Henrike", "Dunmore"), ("Lucan", "Korhonen")]
SAYINGS = ["{name}", "My sponsor {name} drove me to detox.", "It was the week {name} moved away.",
           "2019-04-02, the day my sister {name} found me.", "Ask my friend {name}, she was there."]
HEAD_WORDS = ["your", "worst", "first", "quit", "sobriety", "relapse", "where", "were", "you", "what", "happened",
              "at", "that", "my", "mother", "emergency", "kin", "notes", "contact", "full", "last"]
ENDINGS = ["time", "date", "born", "age", "name", "kin", "contact", "notes", "id", "story"]


@st.composite
def planted_value(draw):
    first, last = draw(st.sampled_from(NAMES))
    return draw(st.sampled_from(SAYINGS)).format(name=f"{first} {last}"), (first, last)


@st.composite
def header(draw):
    words = draw(st.lists(st.sampled_from(HEAD_WORDS), max_size=4))
    sep = draw(st.sampled_from([" ", "_"]))
    return sep.join(words + [draw(st.sampled_from(ENDINGS))])


@st.composite
def nested(draw, depth=2):
    keys = draw(st.lists(header(), min_size=1, max_size=3, unique=True))
    out, names = {}, []
    for k in keys:
        if depth and draw(st.booleans()):
            value, more = draw(nested(depth - 1))
            out[k] = draw(st.sampled_from([value, [value]]))
        else:
            value, name = draw(planted_value())
            out[k], more = value, [name]
        names += more
    return out, names


def _published(processor, module, path):
    reader = module.Reader(path, path.name, processor.rules, sniff(path))
    buf = io.StringIO()
    writer = module.Writer(buf, reader)
    for record in reader.records():  # as the run does: an id that holds a name is published keyed
        outcome = processor.process(ids.published(record, processor.key))
        assert outcome.held_back is None, outcome.held_back
        writer.write(ids.written(outcome))
    writer.close()
    return buf.getvalue()


def _survivors(text, names):
    return [w for pair in names for w in pair if re.search(rf"(?i)(?<![^\W_]){w}(?![^\W_])", text)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(header(), min_size=1, max_size=4, unique_by=lambda h: h.lower()), st.data())
def test_no_planted_name_survives_under_any_header(tmp_path_factory, processor, headers, data):
    cells = [data.draw(planted_value()) for _ in headers]
    buf = io.StringIO()
    csv.writer(buf).writerows([["id", *headers], ["r1", *[v for v, _ in cells]]])
    path = write(tmp_path_factory.mktemp("prop") / "h.csv", buf.getvalue())
    assert _survivors(_published(processor, csvfile, path), [n for _, n in cells]) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(nested())
def test_no_planted_name_survives_in_nested_json(tmp_path_factory, processor, generated):
    value, names = generated
    path = write(tmp_path_factory.mktemp("prop") / "n.json", json.dumps([{"id": "r1", **value}]))
    assert _survivors(_published(processor, jsonfile, path), names) == []
