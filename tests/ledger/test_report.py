"""The HTML review report: content from the ledger, escaping, the
confidential variant, where it may be written, and what a browser shows
(real headless Chromium through Playwright, at desktop and phone widths)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli

from tests.conftest import SAMPLES, TEST_KEY, ledger_findings, write

HOSTILE = 'My sponsor Chase Miller said <script>window.pwned=1</script> & <img src=x onerror="window.pwned=2">.\n'


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    src = base / "in"
    shutil.copytree(SAMPLES, src)
    write(src / "hostile.txt", HOSTILE)
    write(src / "broken.jsonl", '{"id": "b1", "t": "fine"}\n{"id": "b2", "t": \n')
    plain = invoke("run", src, "--out", base / "pub", "--report", base / "report.html")
    conf = invoke("run", src, "--out", base / "pub2", "--report", base / "confidential.html", "--show-original")
    assert plain.exit_code == conf.exit_code == 1  # the broken line is held back
    return base


def ledger(folder: Path) -> list[dict]:
    return [json.loads(x) for x in (folder / "deid-audit.jsonl").read_text().splitlines()]


def test_summary_and_highlights_match_the_ledger(reports):
    html = (reports / "report.html").read_text()
    entries = ledger(reports / "pub")
    summary = entries[-1]
    for key in ("records_in", "published", "held_back", "files"):
        assert re.search(rf'data-count="{key}"><b>{summary[key]}</b>', html)
    changed = sum(1 for e in entries if e.get("status") == "published" for f in ledger_findings(e) if f["changed"])
    assert html.count("<mark") == changed
    for entity, n in summary["removed_by_type"].items():
        assert re.search(rf'data-types="{entity}">.*?<span>{n}</span>', html)
    assert "broken.jsonl:2</b> record #2: not valid JSON" in html


def test_the_shareable_report_holds_only_what_is_published(reports):
    html = (reports / "report.html").read_text()
    for name in ("Chase", "Loretta", "Thornbury", "Szabo"):
        assert name not in html
    assert "CONFIDENTIAL" not in html
    assert (reports / "report.html").stat().st_mode & 0o777 == 0o644


def test_markup_in_a_testimonial_is_text(reports):
    html = (reports / "report.html").read_text()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html


def test_the_confidential_report(reports):
    html = (reports / "confidential.html").read_text()
    assert "CONFIDENTIAL" in html.split("<main>")[0]
    assert '<del class="original" title="original">Chase Miller</del>' in html
    assert (reports / "confidential.html").stat().st_mode & 0o777 == 0o600


def test_reports_are_refused_inside_the_published_folder(tmp_path):
    src = write(tmp_path / "a.txt", "Kratom helped Loretta Szabo.")
    result = invoke("run", src, "--out", tmp_path / "o", "--report", tmp_path / "o" / "r.html", "--show-original")
    assert result.exit_code == 2 and "may not be written inside the published folder" in result.stderr
    assert invoke("run", src, "--out", tmp_path / "o", "--show-original").exit_code == 2
    assert invoke("run", src, "--out", tmp_path / "o").exit_code == 0
    assert invoke("report", tmp_path / "o", "-o", tmp_path / "o" / "r.html").exit_code == 2
    done = invoke("report", tmp_path / "o")
    assert done.exit_code == 0 and (tmp_path / "o-report.html").exists()
    assert invoke("verify", tmp_path / "o").exit_code == 0


@pytest.mark.parametrize("width, height", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_in_a_real_browser(reports, browser, tmp_path, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((reports / "report.html").as_uri())
    summary = ledger(reports / "pub")[-1]
    assert page.inner_text('[data-count="published"] b') == str(summary["published"])
    assert page.inner_text('[data-count="held_back"] b') == str(summary["held_back"])
    assert page.locator("mark").count() > 20
    assert page.evaluate("typeof window.pwned") == "undefined" and dialogs == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the records"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "MARK"  # highlights take keyboard focus
    shot = tmp_path / f"report-{width}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10000
    page.close()


def test_a_report_needs_the_key_the_run_used(tmp_path, monkeypatch):
    src = write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller helped.")
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(tmp_path / "pub")]).exit_code == 0
    monkeypatch.setenv("DEID_KEY", "5179f7170446ac8337361ad01988fc8bf482a801324d50e960cb6ac9b63aa100")
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "pub"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "sealed with the key whose id is" in result.stderr
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("command", ["report", "verify", "check"])
def test_a_ledger_of_a_newer_schema_is_refused_by_every_reader(tmp_path, command):
    """The one reader of a published folder (``published.read_published``): a ledger
    a newer deid wrote, chain intact, is not read as if this deid knew it."""
    import hashlib

    from deid.ledger.audit import line_of

    src = write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller helped.")
    pub = tmp_path / "pub"
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(pub)]).exit_code == 0
    ledger = pub / "deid-audit.jsonl"
    entries, prev, lines = [json.loads(x) for x in ledger.read_text().splitlines()], None, []
    entries[0]["schema"] = 99
    for e in entries:  # a chain as a newer deid would write it
        e["prev"] = prev
        line = line_of(e)
        lines.append(line)
        prev = hashlib.sha256(line.encode()).hexdigest()
    ledger.write_text("\n".join(lines) + "\n")
    args = {"report": ["report", str(pub), "-o", str(tmp_path / "r.html")], "verify": ["verify", str(pub)],
            "check": ["check", str(pub)]}[command]
    result = CliRunner().invoke(cli, args)
    assert "ledger schema 99 is not one this deid reads" in result.output + (result.stderr or "")
    if command != "check":
        assert result.exit_code != 0


# -- the library, without the CLI ------------------------------------------------------


def test_build_report_shows_what_is_published_and_marks_each_change(tmp_path):
    from deid.core.keys import Key
    from deid.ledger.report import build_report

    src = write(tmp_path / "in" / "a.txt", "My sponsor Loretta Szabo drove me. <b>Kratom</b> helped.\n")
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(tmp_path / "pub")]).exit_code == 0
    html = build_report(tmp_path / "pub", Key(TEST_KEY.encode(), "test"))
    assert "Loretta" not in html and "Szabo" not in html
    assert "&lt;b&gt;Kratom&lt;/b&gt;" in html and "<b>Kratom</b>" not in html  # published text is escaped
    assert html.count("<mark") >= 1


def test_build_report_refuses_a_folder_whose_ledger_does_not_open(tmp_path):
    from deid.core.errors import UsageError
    from deid.core.keys import Key
    from deid.ledger.report import build_report

    src = write(tmp_path / "in" / "a.txt", "My sponsor Loretta Szabo drove me.\n")
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(tmp_path / "pub")]).exit_code == 0
    with pytest.raises(UsageError):
        build_report(tmp_path / "pub", Key(b"another-key-0123456789abcdef0123456789", "test"))


def test_the_confidential_report_of_a_published_folder_from_its_input(tmp_path):
    """`deid report OUT --show-original INPUT` (issue 30: only `run` could): the run is made
    again from the input, and only an input that makes the folder again byte for byte shows."""
    src = write(tmp_path / "in" / "s.jsonl", json.dumps({"id": "r1", "story": "My sponsor Ilse Marrow drove me."}) + "\n")
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "pub")]).exit_code == 0
    report = tmp_path / "private" / "review.html"
    made = CliRunner().invoke(cli, ["report", str(tmp_path / "pub"), "-o", str(report), "--show-original", str(src)])
    assert made.exit_code == 0, made.output
    assert "Ilse Marrow" in report.read_text() and os.stat(report).st_mode & 0o077 == 0
    shareable = CliRunner().invoke(cli, ["report", str(tmp_path / "pub"), "-o", str(tmp_path / "share.html")])
    assert shareable.exit_code == 0 and "Ilse" not in (tmp_path / "share.html").read_text()
    write(src, json.dumps({"id": "r1", "story": "My sponsor Oona Pelletier drove me."}) + "\n")
    other = CliRunner().invoke(cli, ["report", str(tmp_path / "pub"), "-o", str(tmp_path / "r2.html"),
                                     "--show-original", str(src)])
    assert other.exit_code == 2 and "does not make this folder again" in other.output
    assert not (tmp_path / "r2.html").exists() and "Oona" not in other.output
