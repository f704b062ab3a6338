"""The commands that look after what every run relies on: ``deid key`` (the team's secret
key), ``deid rules`` (checking a rules file) and ``deid audit`` (a sampled human audit of
a published folder, kept in its ledger). The CLI adds the groups to ``deid``."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from deid import console
from deid.core.errors import DeidError
from deid.policy.rules import load_rules
from deid.commands.audit import draw_sample, drawn, record_file, review, to_review, trusted
from deid.commands.auditpage import page as review_page
from deid.commands.published import originals
from deid.config import project_config
from deid.core.keys import load_key, new_key
from deid.ledger.report import check_report_path
from deid.core.files import atomic_writer
from deid.run.places import check_unpublished


def exits_on_deid_error(command):
    """A command whose ``DeidError`` (bad rules, input, key, ...) becomes one line,
    ``deid: error: MESSAGE``, and the error's exit code (2), as every command says it.
    Below the click decorators, right above the ``def``. Any other exception is left to
    ``cli.main`` (an internal error)."""

    @functools.wraps(command)
    def run_command(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except DeidError as exc:
            console.error(str(exc))
            sys.exit(exc.exit_code)

    return run_command


@click.group("key")
def key_group() -> None:
    """The secret key behind stand-ins, fingerprints and the ledger's seal.

    A team shares one key, so that every machine (laptops, CI) makes the same
    stand-ins, reads the same baseline and verifies the same ledgers: make it
    once with `deid key new`, store it as the CI secret DEID_KEY and in each
    member's config folder, and check with `deid key id` that everyone has
    the same id.
    """


@key_group.command("new")
@click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the key to this file (mode 0600; never over an existing file) instead of stdout.")
@exits_on_deid_error
def key_new(path: Path | None) -> None:
    """Make a new random key (32 bytes, hex): printed on stdout for a CI
    secret, or written to --file. Its id goes to stderr."""

    key = new_key(path)
    if path is None:
        click.echo(key.secret.decode())
    console.note(f"deid: key id {key.id}" + (f", written to {path}" if path else ""))


@key_group.command("id")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="The key file (default: $DEID_KEY, else the project configuration's key_file, else the key in "
                   "your config folder).")
@exits_on_deid_error
def key_id(key_file: Path | None) -> None:
    """Print the id of the key deid would use (a keyed fingerprint, not the
    key) and where it comes from: compare it with the `key_id` of a ledger
    or a baseline."""

    if key_file is None and not os.environ.get("DEID_KEY"):
        key_file = project_config().key_file  # the key every other command would use
    key = load_key(key_file, create=False)
    click.echo(f"{key.id}  ({key.source})")


@click.group("rules")
def rules_group() -> None:
    """Work with rules files."""


@rules_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@exits_on_deid_error
def rules_check(file: Path) -> None:
    """Validate a rules FILE without running anything. Exit 0 if valid, 2 if not.

    \b
    Example:
        deid rules check rules/default.yaml
    """
    rules = load_rules(file)
    console.result(f"{file}: ok ({len(rules.entities)} entity rules, {len(rules.columns)} column rules, "
                   f"sha256 {rules.sha256[:12]})")


def _key_file(given: Path | None) -> Path | None:
    """The key file every other command would use: the one given, else $DEID_KEY, else the
    project configuration's."""

    return given if given is not None or os.environ.get("DEID_KEY") else project_config().key_file


def _baseline() -> Path:
    """The baseline ``deid run`` reads: the project configuration's, else .deid-baseline.json."""

    return project_config().baseline or Path(".deid-baseline.json")


_KEY = click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
                    help="The secret key the run used (default: $DEID_KEY, else the project configuration's, "
                         "else the key in your config folder).")


@click.group("audit")
def audit_group() -> None:
    """A sampled human audit of a published folder, kept in its ledger.

    No detector catches everything. Reviewers read a random sample of what was
    published, and the ledger states the leak rate that sample bounds:

    \b
        deid audit sample publish/                 # 59 records: 5% at 95% if none leaks
        deid audit review publish/ INPUT...        # in the terminal, or in a browser:
        deid audit review publish/ INPUT... --html ../audit.html
        deid audit record publish/ deid-verdicts.json   # what the page saved
        deid verify publish/                       # states the bound
    """


@audit_group.command("sample")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--n", "n", type=click.IntRange(min=1), help="Draw this many records.")
@click.option("--confidence", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              help="How sure the bound must be (default: the run's rules' audit.confidence, else the project "
                   "configuration's, else 0.95).")
@click.option("--max-rate", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              help="The leak rate to bound when no leak is found; sets the sample size "
                   "(default: the run's rules' audit.max_rate, else the project configuration's, else 0.05).")
@_KEY
@exits_on_deid_error
def audit_sample(folder: Path, n: int | None, confidence: float | None, max_rate: float | None, key_file) -> None:
    """Draw the sample into FOLDER's ledger: keyed by the team key and the run's
    chain head, so the publisher cannot choose it and anyone with the key draws
    the same records. A larger sample extends a smaller one."""

    if n is not None and max_rate is not None:
        raise click.UsageError("give --n or --max-rate, not both")

    audit, added = draw_sample(folder, _key_file(key_file), n, confidence, max_rate, project_config().audit)
    s = audit.sample
    console.result(f"deid audit: {'drew' if added else 'already drawn:'} {s['n']} of {s['population']:,} published "
                   f"records ({s['confidence']:.0%} confidence"
                   + (f", bounding the leak rate at {s['max_rate']:.1%} if none leaks" if s.get("max_rate") else "")
                   + f"); review them: deid audit review {folder} INPUT...")


@audit_group.command("review")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--html", "html_page", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a local HTML page to review in a browser instead (never inside the published folder "
                   "or a git work tree); it keeps the answers there and saves them for `deid audit record`.")
@click.option("--reviewer", default=None, help="Who reviews (default: your login name); kept as a keyed label.")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path), help="The rules the run used.")
@_KEY
@exits_on_deid_error
def audit_review(folder: Path, inputs, html_page, reviewer, rules_path, key_file) -> None:
    """Review FOLDER's drawn records without a verdict, each beside its original read
    again from INPUTS (the files the run read; the run is made again and must give
    FOLDER byte for byte), in the terminal or, with --html, in a browser. In the
    terminal each verdict goes into the ledger as it is given: stop with q, or at any
    time, and run it again to go on."""
    import getpass

    try:  # Ctrl-C or the end of input at a prompt
        key_file = _key_file(key_file)
        if html_page is not None:
            _page_allowed(html_page, folder)
        published = trusted(folder, key_file)
        audit = drawn(published)  # before the run is made again for the originals
        if all(seq in audit.verdicts for seq in audit.drawn):
            console.result(f"deid audit: every drawn record has a verdict: {audit.statement()}")
            return
        items = to_review(published, originals(folder, list(inputs), rules_path, key_file, _baseline()))
        if html_page is not None:
            _write_page(html_page, items, published, folder)
            return
        counts = review(published, items, reviewer or getpass.getuser(), lambda q: click.prompt(q, default="",
                        show_default=False), click.echo)
    except click.Abort:
        console.note("deid audit: stopped; the verdicts given are in the ledger")
        return
    console.result(f"deid audit: {counts['clean']} clean, {counts['leaked']} leaked, {counts['damaged']} damaged, "
                   f"{counts['skipped']} skipped; {trusted(folder, key_file).audit.statement()}")


def _page_allowed(page: Path, folder: Path) -> None:
    """The page holds original text: never in the published folder, nor where git or a site publishes it."""

    check_report_path(page, folder)
    check_unpublished(page, "--html", ignore=False)


def _write_page(page: Path, items, published, folder: Path) -> None:
    with atomic_writer(page, mode=0o600) as fh:
        fh.write(review_page(items, published.audit.sample["seed"], published.audit.statement(), folder.as_posix()))
    console.result(f"deid audit: {len(items)} record(s) to review in {page} (confidential: original text); "
                   f"save the verdicts there, then deid audit record {folder} deid-verdicts.json")


@audit_group.command("record")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.argument("verdicts", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--reviewer", default=None, help="Who reviewed (default: the name the page was given).")
@_KEY
@exits_on_deid_error
def audit_record(folder: Path, verdicts: Path, reviewer, key_file) -> None:
    """Put the verdicts the review page (`deid audit review --html`) saved into FOLDER's
    ledger, sealed with the key."""

    n = record_file(folder, verdicts, _key_file(key_file), reviewer)
    statement = trusted(folder, _key_file(key_file)).audit.statement()
    console.result(f"deid audit: {n} verdict(s) recorded; {statement}")
