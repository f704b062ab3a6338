"""File formats: one module per format, each the ``Format`` below, and
``BY_SUFFIX``, the one list of which suffix is which format, that inputs,
``deid check`` and (by a test) the pre-commit hook's file pattern read. A new
format is a module and a line in ``BY_SUFFIX``; every command opens a file
through ``read.opening.open_records``, which asks the module what it needs:
``binary = True`` for a format that reads bytes (its ``Reader`` gets no
``Encoding``, its ``Writer`` a binary stream), ``READER_OPTIONS`` for the
command-line options its ``Reader`` takes, and ``comments`` for the comments
a ``deid: allow`` pragma may stand in.

A ``Reader`` yields ``Record``s in file order and never raises for a bad
record: it yields the record with ``error`` set so that the pipeline holds it
back and goes on. A ``Writer`` turns ``Outcome``s back into the same format;
``serialize`` gives a record as the ``Writer`` writes it unchanged (for
``deid verify``).
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import IO, Iterator, Protocol

from deid.core.model import Outcome, Record
from deid.policy.ruleset import RuleSet
from deid.read.textio import Encoding


class Reader(Protocol):
    def __init__(self, path: Path, source: str, rules: RuleSet, enc: Encoding | None) -> None: ...

    def records(self) -> Iterator[Record]: ...


class Writer(Protocol):
    def __init__(self, stream: IO, reader: Reader) -> None: ...

    def write(self, outcome: Outcome) -> str:
        """Writes one record; returns exactly the text written (hashed into the ledger), or for
        a format that writes bytes, the record as ``serialize`` gives it."""
        ...

    def close(self) -> None: ...


class Format(Protocol):
    """What a format module offers (``csvfile``, ``jsonfile``, ...)."""

    Reader: type[Reader]
    Writer: type[Writer]
    # Optional: ``binary: bool`` (default False), ``READER_OPTIONS: tuple[str, ...]`` (names of
    # ``read.opening.ReaderOptions`` fields its Reader takes as keywords), and
    # ``comments(text) -> Iterator[tuple[int, str]]`` (where each comment starts, and its text).

    @staticmethod
    def serialize(record: Record, reader: Reader) -> str: ...

    @staticmethod
    def answers(record: Record, reader: Reader) -> dict[str, str]:
        """The record's value under each top-level header or key (``policy.consent``)."""
        ...

from deid.read.formats import csvfile, jsonfile, jsonlfile, markdownfile, textfile

BY_SUFFIX: dict[str, ModuleType] = {
    ".csv": csvfile,
    ".json": jsonfile,
    ".jsonl": jsonlfile,
    ".ndjson": jsonlfile,
    ".md": markdownfile,
    ".markdown": markdownfile,
    ".txt": textfile,
}


def format_for(path: Path) -> ModuleType | None:
    return BY_SUFFIX.get(path.suffix.lower())

