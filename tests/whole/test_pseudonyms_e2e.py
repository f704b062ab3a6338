"""Stand-ins through the whole pipeline: same key same bytes, another key
other stand-ins, re-running on published output changes nothing, and a real
name added to published output is still caught."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deid.cli import cli
from deid.core.lexicon import names

from tests.conftest import write

FIRST = sorted(n for n, i in names().items() if i.first and i.usage == "n" and i.popular)[:300]
LAST = sorted(n for n, i in names().items() if i.surname and not i.first and i.usage == "n" and i.popular)[:300]
TEMPLATES = [
    "{F} {L} started Suboxone after her overdose. {F} says Narcan saved her.",
    "My sponsor {F} {L} picked up every call. {f} is a saint; the {L} family too.",
    "Name: {F} {L}\nStory: kratom helped {F} taper off oxycodone.",
]


def run(*args):
    return CliRunner().invoke(cli, ["run", *map(str, args)], catch_exceptions=False)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST), st.integers(0, len(TEMPLATES) - 1)),
                min_size=1, max_size=5, unique_by=lambda t: (t[0], t[1])))
def test_property_stand_ins_are_stable_private_and_idempotent(tmp_path_factory, people):
    tmp = tmp_path_factory.mktemp("batch")
    lines = [json.dumps({"id": str(i), "story": TEMPLATES[t].format(F=f.title(), L=l.title(), f=f)})
             for i, (f, l, t) in enumerate(people)]
    src = write(tmp / "in" / "stories.jsonl", "\n".join(lines) + "\n")
    assert run(src, "--out", tmp / "a").exit_code == 0
    assert run(src, "--out", tmp / "b").exit_code == 0
    first = (tmp / "a" / "stories.jsonl").read_text()
    assert first == (tmp / "b" / "stories.jsonl").read_text()          # same key, same bytes
    for f, l, _ in people:                     # no original name survives, as a word ("Thacker" may stand in for "Acker")
        for name in (f, l):
            assert not re.search(rf"\b{re.escape(name)}\b", first.lower()), name
    assert "Suboxone" in first or "kratom" in first or "sponsor" in first
    assert run(tmp / "a", "--out", tmp / "c").exit_code == 0           # idempotent on its output
    assert (tmp / "c" / "stories.jsonl").read_text() == first


def test_another_key_gives_other_stand_ins(tmp_path, monkeypatch):
    src = write(tmp_path / "a.txt", "Loretta Szabo told Loretta's sister about methadone.")
    assert run(src, "--out", tmp_path / "one").exit_code == 0
    monkeypatch.setenv("DEID_KEY", "faa31e2502b01b93203f5c5c490202b7431dd88760ad9a845192b4775e37b048")
    assert run(src, "--out", tmp_path / "two").exit_code == 0
    one, two = (tmp_path / "one" / "a.txt").read_text(), (tmp_path / "two" / "a.txt").read_text()
    assert one != two and "Loretta" not in one + two and "methadone" in one


def test_a_real_name_added_to_published_output_is_caught(tmp_path):
    write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller drove me to the methadone clinic.")
    assert run(tmp_path / "in", "--out", tmp_path / "pub").exit_code == 0
    published = (tmp_path / "pub" / "a.txt").read_text()
    stand_in = published.split("sponsor ")[1].split(" drove")[0]
    (tmp_path / "pub" / "a.txt").write_text(published + " Later Octavia Brandtweiler joined us.")
    result = run(tmp_path / "pub", "--out", tmp_path / "again")
    assert result.exit_code == 0 and "changed since deid run sealed it" in result.stderr
    again = (tmp_path / "again" / "a.txt").read_text()
    # an edited file vouches for nothing: its stand-ins are read as names too
    assert "Octavia" not in again and "Brandtweiler" not in again and "methadone" in again


def test_the_stand_ins_of_an_unchanged_published_file_are_left_alone(tmp_path):
    write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller drove me to the methadone clinic.")
    assert run(tmp_path / "in", "--out", tmp_path / "pub").exit_code == 0
    published = (tmp_path / "pub" / "a.txt").read_text()
    assert run(tmp_path / "pub", "--out", tmp_path / "again").exit_code == 0
    assert (tmp_path / "again" / "a.txt").read_text() == published


def test_date_shift_keeps_intervals_within_a_person(tmp_path):
    rules = write(tmp_path / "r.yaml", "entities:\n  DATE_TIME: {action: shift}\n")
    src = write(tmp_path / "s.jsonl", json.dumps({"id": "1", "name": "Ann Lee", "story": "Overdose on March 3, 2021; detox from March 17, 2021."}) + "\n")
    assert run(src, "--out", tmp_path / "o", "--rules", rules).exit_code == 0
    story = json.loads((tmp_path / "o" / "s.jsonl").read_text())["story"]
    import datetime as dt
    import re

    found = re.findall(r"([A-Z][a-z]+) (\d+), (\d{4})", story)
    dates = [dt.datetime.strptime(" ".join(d), "%B %d %Y").date() for d in found]
    assert len(dates) == 2 and (dates[1] - dates[0]).days == 14
    assert "March 3, 2021" not in story
