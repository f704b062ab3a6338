"""The two jobs people bring (issue 30), driven end to end as a user would.

A survey export to publish: a form's CSV with a consent question, the writer's name and
contact columns, Age, ZIP, a submission time stamp and a story (some writers' first names are
everyday words, some stories open with them); run, strict, dry-run, allow, and verify agreeing
with run. A static site to guard: a git repository of Markdown posts with front matter, set up
with ``deid init``, gated by the hook's command, published into a folder that verify passes,
with no original text ever where git would stage it. Every person is invented.
"""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess

import pytest
import yaml
from click.testing import CliRunner

from deid.cli import check_main, cli

from tests.conftest import write

FIRST = ["Will", "Hope", "Grant", "Dawn", "Ilse", "Oskar", "Oona", "Lucan", "Henrike", "Ottilie", "Mark", "Faith"]
LAST = ["Marrow", "Feldmann", "Pelletier", "Korhonen", "Dunmore", "Abernethy", "Quenby", "Tanberg", "Oyelaran"]
STORIES = [
    "{f} here, {age}. I was on oxycodone 10mg 4x/day for 6 years; they cut me down in 6 weeks.",
    "Kratom got me off pills. I take 3 grams twice a day now, weekly check-ins at the clinic.",
    "I'm a vet. Methadone 80mg every morning since 2019, and group every other Tuesday.",
    "My husband {g} drove me to every appointment. Gabapentin 300mg at night for the nerve pain.",
    "Tapering off 7-hydroxymitragynine took 14 months. {f} {l} is my name and I'm not ashamed.",
    "Suboxone 8mg, then 4mg, now 2mg. One day I just stopped craving.",
]


def _survey(n: int = 40, seed: int = 7) -> tuple[str, list[dict]]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        f, l, g = rnd.choice(FIRST), rnd.choice(LAST), rnd.choice(FIRST)
        age = rnd.randint(22, 78)
        rows.append({
            "Timestamp": f"2025-04-{1 + i % 28:02d} {9 + i % 9}:{i % 60:02d}:07",
            "Full name": f"{f} {l}", "Email": f"{f.lower()}.{l.lower()}{i}@example.org",
            "Phone": f"(937) 555-01{i % 100:02d}", "Age": str(age), "ZIP": f"45{400 + i:03d}",
            "Tell us your story": rnd.choice(STORIES).format(f=f, l=l, g=g, age=age),
            "May we publish your story?": "No" if i % 10 == 3 else "" if i % 10 == 7 else "Yes",
        })
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue(), rows


def deid(*args):
    return CliRunner().invoke(cli, [*map(str, args)])


def _rows(path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_a_survey_export_is_published_with_consent_and_verifies(tmp_path):
    text, rows = _survey()
    src = write(tmp_path / "export" / "qualtrics_export.csv", text)
    ran = deid("run", src, "--out", tmp_path / "pub")
    assert ran.exit_code == 1, ran.output        # rows without a yes are held back
    out = _rows(tmp_path / "pub" / "qualtrics_export.csv")   # its name kept: no name in it
    said_yes = [r for r in rows if r["May we publish your story?"] == "Yes"]
    assert len(out) == len(said_yes) == 32
    for r, o in zip(said_yes, out):
        first, last = r["Full name"].split()
        assert last not in o["Tell us your story"] and r["Email"] not in str(o)
        assert o["Timestamp"] == "2025" and o["ZIP"] == r["ZIP"][:3]
        for dose in ("10mg 4x/day", "in 6 weeks", "twice a day", "80mg every morning", "300mg at night", "14 months"):
            if dose in r["Tell us your story"]:
                assert dose in o["Tell us your story"]
    assert deid("verify", tmp_path / "pub").exit_code == 0      # run published nothing verify rejects
    assert deid("check", tmp_path / "pub").exit_code == 0


def test_strict_keeps_doses_and_durations_and_holds_back_a_few_rows_at_most(tmp_path):
    text, rows = _survey()
    src = write(tmp_path / "export" / "survey.csv", text)
    ran = deid("run", src, "--out", tmp_path / "pub", "--rules", "strict")
    assert ran.exit_code == 1, ran.output
    out = _rows(tmp_path / "pub" / "survey.csv")
    assert len(out) >= 0.9 * 32                                 # a few held for their risk at most
    stories = " ".join(o["Tell us your story"] for o in out)
    assert "[DATE]" not in stories.replace("since [DATE]", "")   # a year is strict's to replace; no dose or duration
    for kept in ("4x/day", "in 6 weeks", "twice a day", "every morning", "14 months", "One day", "I'm a vet"):
        assert kept in stories or not any(kept in r["Tell us your story"] for r in rows)
    assert all(o["ZIP"] == "[ZIP]" and "-" in o["Age"] for o in out)
    assert deid("verify", tmp_path / "pub").exit_code == 0


def test_a_false_positive_is_seen_in_a_dry_run_and_fixed_with_allow(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "export" / "s.csv", "id,Tell us your story,May we publish your story?\r\n"
                                         "r1,Group at Bridgeway Clinic every Tuesday got me through.,Yes\r\n")
    first = deid("run", "export", "--dry-run")
    assert "Bridgeway" in first.stdout and not (tmp_path / "pub").exists()
    assert deid("allow", "Bridgeway Clinic", "--rules", "deid-rules.yaml").exit_code == 0
    second = deid("run", "export", "--dry-run", "--rules", "deid-rules.yaml")
    assert "Bridgeway" not in second.stdout and "r1: published" in second.stdout


def test_a_verdict_given_in_review_is_honoured_by_the_next_run(tmp_path, monkeypatch):
    """A false positive accepted once (``deid review``) is not fixed again by hand in every
    run: the run keeps it, and what the reviewer did not accept still goes."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "drafts" / "gig.md", "Every night of the taper I sang along to Corvin Ashgrove on the radio.\n\n"
                                           "My neighbour Wilhelmina Tosh checked on me daily.\n")
    found = deid("check", "drafts", "--format", "json")
    assert found.exit_code == 1 and len(json.loads(found.stdout)) == 2
    # the first finding is the singer's: accept it; leave the neighbour's unreviewed
    reviewed = CliRunner().invoke(cli, ["review", "drafts"], input="a\na singer, public\nq\n")
    assert reviewed.exit_code == 0, reviewed.output
    pub = deid("run", "drafts", "--out", "pub")
    assert pub.exit_code == 0, pub.output
    text = (tmp_path / "pub" / "gig.md").read_text()
    assert "Corvin Ashgrove" in text and "Wilhelmina" not in text and "Tosh" not in text
    assert deid("verify", "pub").exit_code == 0


def _git(folder, *args):
    return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout


POST = """---
title: "How {f} got off 7-OH"
date: 2025-04-{d:02d}
slug: story-{n}
tags: [kratom, tapering]
layout: story
author: {f} {l}
---

{f} here. Dr. Henrike Dunmore cut my kratom by a gram a week; my sister {g} {l} drove me.
"""


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DEID_KEY")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "v@example.org")
    _git(tmp_path, "config", "user.name", "Volunteer")
    for n, (f, l, g) in enumerate([("Ilse", "Marrow", "Oona"), ("Oskar", "Feldmann", "Faith"), ("Hope", "Quenby", "Dawn")]):
        write(tmp_path / "drafts" / f"story-{n}.md", POST.format(f=f, l=l, g=g, n=n, d=n + 2))
    write(tmp_path / "config.toml", 'baseURL = "/"\n')
    return tmp_path


def test_a_static_site_is_set_up_gated_and_published_without_original_text_in_git(site):
    init = deid("init", "--key-file", "team.key")
    assert init.exit_code == 0, init.output
    assert check_main(["drafts/story-0.md"]) == 1          # the hook's command: a draft with names fails
    pub = deid("run", "drafts", "--out", "content/stories")
    assert pub.exit_code == 0, pub.output
    for n in range(3):
        post = (site / "content" / "stories" / f"story-{n}.md").read_text()
        head = yaml.safe_load(post.split("---\n")[1])
        assert (head["date"].isoformat(), head["slug"], head["layout"]) == (f"2025-04-{n + 2:02d}", f"story-{n}", "story")
        assert not any(name in post for name in ("Ilse", "Marrow", "Oskar", "Feldmann", "Quenby", "Dunmore"))
    assert deid("verify", "content/stories").exit_code == 0
    assert check_main(["content/stories/story-0.md"]) == 0  # the published posts pass the gate
    _git(site, "add", "-A")
    staged = _git(site, "diff", "--cached", "--name-only").split()
    assert ".deid.toml" in staged and "content/stories/story-1.md" in staged
    originals = [p for p in staged if p.startswith("drafts/")]
    everything_else = " ".join((site / p).read_text() for p in staged if p not in originals and p != "team.key"
                               and not p.endswith("deid-audit.jsonl"))
    assert "Marrow" not in everything_else and "Feldmann" not in everything_else
    assert not any("quarantine" in p or "deid-work" in p or ".review" in p for p in staged)
    fixed = site / "content" / "stories" / "story-2.md"
    fixed.write_text(fixed.read_text().replace("cut my kratom", "cut my kratom dose"))   # a volunteer's typo fix
    assert check_main([str(fixed.relative_to(site))]) == 0
