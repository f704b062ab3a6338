"""The commands that look after what every run relies on: ``deid key`` (the team's secret
key) and ``deid rules`` (checking a rules file). The CLI adds both groups to ``deid``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from deid import console
from deid.core.errors import DeidError
from deid.policy.rules import load_rules


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
def key_new(path: Path | None) -> None:
    """Make a new random key (32 bytes, hex): printed on stdout for a CI
    secret, or written to --file. Its id goes to stderr."""
    from deid.core.keys import new_key

    try:
        key = new_key(path)
    except DeidError as exc:
        console.error(str(exc))
        sys.exit(exc.exit_code)
    if path is None:
        click.echo(key.secret.decode())
    console.note(f"deid: key id {key.id}" + (f", written to {path}" if path else ""))


@key_group.command("id")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="The key file (default: $DEID_KEY, else the project configuration's key_file, else the key in "
                   "your config folder).")
def key_id(key_file: Path | None) -> None:
    """Print the id of the key deid would use (a keyed fingerprint, not the
    key) and where it comes from: compare it with the `key_id` of a ledger
    or a baseline."""
    from deid.config import project_config
    from deid.core.keys import load_key

    try:
        if key_file is None and not os.environ.get("DEID_KEY"):
            key_file = project_config().key_file  # the key every other command would use
        key = load_key(key_file, create=False)
    except DeidError as exc:
        console.error(str(exc))
        sys.exit(exc.exit_code)
    click.echo(f"{key.id}  ({key.source})")


@click.group("rules")
def rules_group() -> None:
    """Work with rules files."""


@rules_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def rules_check(file: Path) -> None:
    """Validate a rules FILE without running anything. Exit 0 if valid, 2 if not.

    \b
    Example:
        deid rules check rules/default.yaml
    """
    try:
        rules = load_rules(file)
    except DeidError as exc:
        console.error(str(exc))
        sys.exit(exc.exit_code)
    console.result(f"{file}: ok ({len(rules.entities)} entity rules, {len(rules.columns)} column rules, "
                   f"sha256 {rules.sha256[:12]})")
