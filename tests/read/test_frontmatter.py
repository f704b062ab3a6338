"""A static site's front matter (issue 30): the site's own keys keep their values, a name key
follows the name rules, prose keys are text, and a value written back keeps the YAML valid."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from deid.cli import cli
from deid.read import frontmatter

from tests.conftest import write

POST = """---
title: "How Ottilie got off 7-OH"
date: 2025-04-02
slug: first-year
tags: [kratom, tapering]
layout: story
author: Ottilie Abernethy
description: Ottilie Abernethy on tapering with Dr. Henrike Dunmore.
consent: yes
---

Ottilie here, 43. On 2025-03-14 Dr. Henrike Dunmore cut my kratom by a gram a week.
"""

TOML = """+++
title = "Oskar's year"
date = 2025-04-02T10:00:00Z
draft = false
author = "Oskar Feldmann"
+++
Gabapentin at night.
"""


def _values(text):
    head = frontmatter.read(text)
    return {v.path: text[v.start:v.end] for v in head.values}


def test_the_sites_own_keys_are_not_fields_and_the_rest_are():
    assert _values(POST) == {"front matter/title": "How Ottilie got off 7-OH",
                             "front matter/tags/0": "kratom", "front matter/tags/1": "tapering",
                             "front matter/author": "Ottilie Abernethy",
                             "front matter/description": "Ottilie Abernethy on tapering with Dr. Henrike Dunmore.",
                             "front matter/consent": "yes"}
    assert POST[frontmatter.read(POST).end:].startswith("\nOttilie here")


def test_toml_front_matter_and_lists_are_read_too():
    assert _values(TOML) == {"front matter/title": "Oskar's year", "front matter/author": "Oskar Feldmann"}
    text = "---\nauthors:\n  - Ilse Marrow\n  - Oona Pelletier\neditors: [Lucan Korhonen, Oskar Feldmann]\n---\nx\n"
    assert _values(text) == {"front matter/authors/0": "Ilse Marrow", "front matter/authors/1": "Oona Pelletier",
                             "front matter/editors/0": "Lucan Korhonen", "front matter/editors/1": "Oskar Feldmann"}


def test_a_comment_is_text_wherever_it_stands():
    text = ("---\n# from Ilse Marrow's notes\ndate: 2025-04-02  # Oona's birthday\n  # Ilse's birthday\n"
            "slug: spring\n---\nx\n")
    assert _values(text) == {"front matter/#0": "# from Ilse Marrow's notes", "front matter/#1": "# Oona's birthday",
                             "front matter/#2": "# Ilse's birthday"}


def test_a_nested_value_is_read_as_text_and_never_left_unread(tmp_path):
    text = "---\ntitle: Spring\nauthor:\n  name: Ottilie Abernethy\n  site: ours\n---\nGabapentin helped.\n"
    assert _values(text) == {"front matter/title": "Spring", "front matter/author/0": "name: Ottilie Abernethy",
                             "front matter/author/1": "site: ours"}
    src = write(tmp_path / "in" / "p.md", text)
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")]).exit_code == 0
    out = (tmp_path / "out" / "p.md").read_text()
    assert "Ottilie" not in out and "Abernethy" not in out and yaml.safe_load(out.split("---\n")[1])["author"]["name"]


@pytest.mark.parametrize("text", ["No front matter here.\n---\nx\n", "---\ntitle: never closed\n", " ---\ntitle: x\n---\n"])
def test_a_post_without_a_closed_block_at_its_top_has_no_front_matter(text):
    assert frontmatter.read(text) is None


@pytest.mark.parametrize("line, new", [
    ("author: Ottilie Abernethy", "[PERSON]"),
    ("author: Ottilie Abernethy", "Frances Breland"),
    ('title: "Ottilie\'s year"', 'Frances "Fran" Breland'),
    ("title: 'Ottilie'", "Fran's"),
    ("author: Ottilie", ""),
    ("note: Ottilie  # who wrote it", "- a: b"),
])
def test_a_value_written_back_reads_back_as_itself(line, new):
    text = f"---\n{line}\n---\nbody\n"
    v = frontmatter.read(text).values[0]
    out = text[:v.start] + frontmatter.written(v, new) + text[v.end:]
    assert yaml.safe_load(out.split("---\n")[1])[v.key] == new


def test_a_site_post_keeps_its_structure_and_loses_its_names(tmp_path):
    src = write(tmp_path / "site" / "content" / "stories" / "first-year.md", POST)
    ran = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert ran.exit_code == 0, ran.output
    out = (tmp_path / "out" / "first-year.md").read_text(encoding="utf-8")
    head = yaml.safe_load(out.split("---\n")[1])
    assert (head["date"].isoformat(), head["slug"], head["tags"], head["layout"]) == (
        "2025-04-02", "first-year", ["kratom", "tapering"], "story")
    assert not any(n in out for n in ("Ottilie", "Abernethy", "Henrike", "Dunmore"))
    assert head["author"] and head["title"].endswith(" got off 7-OH") and "On 2025 Dr." in out
    assert CliRunner().invoke(cli, ["verify", str(tmp_path / "out")]).exit_code == 0


def test_a_posts_consent_key_is_honoured(tmp_path):
    src = write(tmp_path / "in" / "post.md", POST.replace("consent: yes", "consent: no"))
    ran = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert ran.exit_code == 1 and "1 held back" in ran.output and not (tmp_path / "out" / "post.md").exists()


def test_check_names_the_line_a_front_matter_name_stands_on(tmp_path, monkeypatch):
    write(tmp_path / "post.md", POST)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "post.md"])
    assert result.exit_code == 1
    lines = {ln.split(": ")[0] for ln in result.output.splitlines() if ln.startswith("post.md:")}
    assert {"post.md:7:9", "post.md:12:1"} <= lines  # the author, and the body's first word
    assert not any(ln.startswith("post.md:3:") for ln in lines)  # the date is the site's


# A post's address is the site's, and it is published as the URL: kept, unless a part of it
# holds a name, which becomes the keyed name deid gives a file of that name.
LINKED = """---
title: Spring
slug: wendeline-okafor-first-year
url: /stories/spring-taper/
aliases:
  - /old/wendeline-okafor/
  - /old/spring/
permalink: /stories/:title/  # the generator's
layout: story
---
Gabapentin helped.
"""


def test_an_address_that_holds_a_name_is_a_field_of_its_own_and_the_rest_stay_structure():
    head = frontmatter.read(LINKED)
    links = {v.path: LINKED[v.start:v.end] for v in head.values if v.link}
    assert links == {"front matter/slug": "wendeline-okafor-first-year", "front matter/aliases/0": "/old/wendeline-okafor/"}
    assert not any(v.link for v in frontmatter.read(POST).values)  # "first-year" holds no name


def test_a_published_post_has_no_name_in_its_address_and_the_gate_says_where_it_was(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "drafts" / "spring.md", LINKED)
    flagged = CliRunner().invoke(cli, ["check", "drafts"])
    assert flagged.exit_code == 1
    assert "drafts/spring.md:3:7: FILE_NAME" in flagged.output and "drafts/spring.md:6:5: FILE_NAME" in flagged.output
    assert CliRunner().invoke(cli, ["run", "drafts", "--out", "out"]).exit_code == 0
    out = (tmp_path / "out" / "spring.md").read_text(encoding="utf-8")
    head = yaml.safe_load(out.split("---\n")[1])
    assert "wendeline" not in out.lower() and "okafor" not in out.lower()
    assert head["slug"].startswith("file-") and head["aliases"][0].startswith("/old/file-")
    assert (head["url"], head["aliases"][1], head["permalink"]) == ("/stories/spring-taper/", "/old/spring/", "/stories/:title/")
    again = CliRunner().invoke(cli, ["run", "drafts", "--out", "out2"])
    assert again.exit_code == 0 and (tmp_path / "out2" / "spring.md").read_text(encoding="utf-8") == out  # stable
    assert CliRunner().invoke(cli, ["verify", "out"]).exit_code == 0
    assert CliRunner().invoke(cli, ["check", "out"]).exit_code == 0
