"""Errors meant for people: each names where the problem is and what to do.

No message ever includes record text: it may hold the identifiers we remove.
"""

from __future__ import annotations


class DeidError(Exception):
    """Base class. ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class UsageError(DeidError):
    """Bad arguments or paths."""


class RulesError(DeidError):
    """A rules file that cannot be used. Names the file, line, key and value."""

    def __init__(self, path: str, line: int | None, key: str, problem: str):
        self.path, self.line, self.key, self.problem = path, line, key, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key}: {problem}")


class KeyFileError(DeidError):
    """The secret key could not be read or created."""


class WorkerLost(DeidError):
    """A worker process or the cluster went away for good mid-run."""


class OutputError(DeidError):
    """The published folder or the scratch folder could not be written (a full disk)."""
