"""File formats. Each module offers ``Reader`` (path -> Records) and ``Writer``.

A ``Reader`` yields ``Record``s in file order and never raises for a bad
record: it yields the record with ``error`` set so that the pipeline holds it
back and goes on. A ``Writer`` turns ``Outcome``s back into the same format.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from . import csvfile, jsonfile, jsonlfile, markdownfile, textfile

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


def reader_options(fmt: ModuleType, delimiter: str | None = None) -> dict:
    """The keyword arguments a format's ``Reader`` takes from the command
    line: ``--delimiter`` for CSV."""
    return {"delimiter": delimiter} if fmt is csvfile and delimiter else {}
