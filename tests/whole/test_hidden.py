"""Identifiers where they hide, through ``deid run`` as one batch: each
planted value is gone from the output and each medical word is kept; the
output passes ``deid check`` and ``deid verify``. Invented people only."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.transform.generalize import reference_year

from tests.conftest import write

# (text, values that must be gone, words that must stay)
CASES = [
    ("I was born in 1927 and I still take gabapentin.", ["1927"], ["gabapentin", "born in"]),
    ("Tapering at 97, she says. DOB: 2/9/1931.", ["97", "2/9/1931", "1931"], ["Tapering"]),
    ("at 101 my grandmother still walks to the pharmacy", ["101"], ["grandmother", "pharmacy"]),
    ("chart number at the clinic: 00581772, ask them", ["00581772"], ["chart number"]),
    ("my patient number is 4471903 at the methadone program", ["4471903"], ["methadone"]),
    ("call me at five five five, two one two, nine nine eight eight", ["nine nine eight eight"], ["call me"]),
    ("my social is one two three four five six seven eight nine", ["seven eight nine"], ["my social"]),
    ("we lived at lot 22 near the river and I used kratom daily", ["lot 22"], ["kratom"]),
    ("I'm in apt 4C now, off suboxone for a year", ["apt 4C"], ["suboxone"]),
    ("My niece dawn drove me to detox on Tuesday.", ["dawn"], ["detox"]),
    ("My uncle art quit drinking when his liver failed.", [" art "], ["liver"]),
    ("My neighbour محمد العلي drove me to the ER.", ["محمد", "العلي"], ["ER"]),
    ("My sister Наталья Петрова brought naloxone.", ["Наталья", "Петрова"], ["naloxone"]),
    ("My friend 王小明 helped with the withdrawal.", ["王小明"], ["withdrawal"]),
    ("age: 98, retired welder with back pain", ["98"], ["retired welder", "back pain"]),
    # names that are also allowed words, drug makers or verbs, in person context
    ("Dr. Lilly tapered me off Cymbalta slowly.", ["Lilly"], ["Cymbalta", "Dr. "]),
    ("my sponsor Teva checks on me every Sunday", ["Teva"], ["my sponsor"]),
    ("my husband Art helps with the insulin shots", [" Art "], ["insulin"]),
    ("my cousin Pat said the methadone clinic was full", [" Pat "], ["methadone"]),
    # speaker labels in capitals, insurance-style ids, Spanish kinship words
    ("MARGUERITE: In 2020 I started tapering oxycodone.", ["MARGUERITE"], ["oxycodone"]),
    ("policy no. ZT-2020-77812 covered the buprenorphine", ["ZT-2020-77812"], ["buprenorphine"]),
    ("Mi abuela Carmen me cuidó during withdrawal.", ["Carmen"], ["abuela", "withdrawal"]),
]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hidden")
    src = write(folder / "in" / "stories.jsonl", "".join(json.dumps({"id": str(i), "text": t}) + "\n"
                                                      for i, (t, _, _) in enumerate(CASES)))
    result = run("run", src, "--out", folder / "out")
    assert result.exit_code == 0, result.output
    lines = (folder / "out" / "stories.jsonl").read_text(encoding="utf-8").splitlines()
    return folder / "out", {json.loads(line)["id"]: json.loads(line)["text"] for line in lines}


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:30] for c in CASES])
def test_a_hidden_identifier_is_removed_and_the_medicine_kept(published, i):
    _, texts = published
    text, gone, kept = CASES[i]
    out = texts[str(i)]
    for value in gone:
        assert value not in out, out
    for word in kept:
        assert word in out, out


def test_the_output_passes_check_and_verify(published):
    out, _ = published
    assert run("check", out).exit_code == 0
    assert run("verify", out).exit_code == 0


def test_a_year_of_birth_column_beside_an_age_column(tmp_path):
    src = write(tmp_path / "in" / "a.csv", "id,birth_year,age,story\n1,1929,96,I tapered off.\n2,1961,64,ok\n")
    assert run("run", src, "--out", tmp_path / "o").exit_code == 0
    rows = (tmp_path / "o" / "a.csv").read_text().splitlines()
    assert rows[1] == f"1,{reference_year() - 90} or earlier,90+,I tapered off."
    assert rows[2] == "2,1961,64,ok"


def test_markdown_links_and_front_matter_keep_their_markup(tmp_path):
    src = write(tmp_path / "in" / "notes.md",
                "---\nauthor: kvandermeer\ntitle: My taper\n---\n\n"
                "Write to [Lucinda](mailto:lucinda.farr@example.org) about kratom.\n")
    assert run("run", src, "--out", tmp_path / "o").exit_code == 0
    out = (tmp_path / "o" / "notes.md").read_text()
    assert "kvandermeer" not in out and "Lucinda" not in out and "lucinda" not in out
    assert "](mailto:" in out and "title: My taper" in out and "about kratom." in out


def test_a_link_to_a_file_whose_name_holds_a_name_points_at_the_published_file(tmp_path):
    write(tmp_path / "in" / "index.md", "Read [her story](joanna-pike.md) and see ![photo](img/joanna-pike-2022.jpg).\n")
    write(tmp_path / "in" / "joanna-pike.md", "I tapered off kratom.\n")
    assert run("run", tmp_path / "in", "--out", tmp_path / "o").exit_code == 0
    published = sorted(p.name for p in (tmp_path / "o").iterdir() if p.suffix == ".md")
    index = (tmp_path / "o" / "index.md").read_text()
    assert "joanna" not in index and "pike" not in index
    story = next(n for n in published if n != "index.md")
    assert f"[her story]({story})" in index and "![photo](img/file-" in index and ".jpg)" in index
