"""``cli_groups.exits_on_deid_error``: the one place a command's ``DeidError`` becomes
its message and exit code."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from deid.cli_groups import exits_on_deid_error
from deid.core.errors import DeidError, KeyFileError, RulesError, UsageError


class Unusual(DeidError):
    exit_code = 5


@pytest.mark.parametrize("error, code, stderr", [
    (UsageError("stories/a.csv:3: field 'name': no such column; name one of its headers"), 2,
     "deid: error: stories/a.csv:3: field 'name': no such column; name one of its headers\n"),
    (RulesError("rules.yaml", 4, "entities.PERSON.action", "unknown action 'shred'; use one of: redact, replace"), 2,
     "deid: error: rules.yaml:4: entities.PERSON.action: unknown action 'shred'; use one of: redact, replace\n"),
    (KeyFileError("team.key: key file not found; give an existing --key-file or set DEID_KEY"), 2,
     "deid: error: team.key: key file not found; give an existing --key-file or set DEID_KEY\n"),
    (Unusual("the error's own code"), 5, "deid: error: the error's own code\n"),
    (None, 0, ""),
])
def test_a_deid_error_is_its_message_and_exit_code(error, code, stderr):
    @click.command("try")
    @click.option("--name", default="Ilse Marrow")
    @exits_on_deid_error
    def command(name):
        """Says who, or fails."""
        if error is not None:
            raise error
        click.echo(f"hello {name}")

    result = CliRunner().invoke(command, ["--name", "Oskar Feldmann"])
    assert (result.exit_code, result.stderr) == (code, stderr)
    assert result.stdout == ("" if error else "hello Oskar Feldmann\n")
    assert command.help == "Says who, or fails."  # the command's own help, its options kept


def test_any_other_error_is_left_to_the_caller():
    @click.command("try")
    @exits_on_deid_error
    def command():
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        CliRunner().invoke(command, [], catch_exceptions=False)


def _commands(group: click.Group, prefix: str = ""):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_command_says_its_deid_errors_the_one_way():
    from deid.cli import cli

    wrapped = exits_on_deid_error(lambda: None).__code__
    commands = dict(_commands(cli))
    assert {"run", "check", "verify", "key new", "rules check", "audit review"} <= set(commands)
    assert [name for name, command in commands.items() if command.callback.__code__ is not wrapped] == []
