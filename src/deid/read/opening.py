"""Opening a file's records: the one place that picks a file's format, works
out how to decode it (unless the format reads bytes) and builds its reader
with the options the run was told (``--encoding``, ``--delimiter``).

``deid run``, ``deid check``, ``deid verify`` and ``deid report`` all open
files here, so a published folder is read with the options its run recorded
in its ledger (``ReaderOptions.recorded``), never guessed again, and a new
format is its module and its line in ``formats.BY_SUFFIX``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from types import ModuleType

from deid.policy.ruleset import RuleSet
from deid.read.formats import Reader, format_for
from deid.read.textio import Encoding, sniff


@dataclass(frozen=True)
class ReaderOptions:
    """What the command line told the readers. Each format's ``Reader`` takes
    those its module names in ``READER_OPTIONS`` (``csvfile``: the delimiter);
    ``encoding`` overrides the guess of a text format's encoding."""

    encoding: str | None = None
    delimiter: str | None = None

    def recorded(self) -> dict[str, str]:
        """The options that were given, as the ledger header records them (none: ``{}``)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_recorded(cls, recorded: object) -> "ReaderOptions":
        """The options a ledger header recorded; anything else there is ignored."""
        if not isinstance(recorded, dict):
            return cls()
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in recorded.items() if k in names and isinstance(v, str) and v})

    def for_published(self) -> "ReaderOptions":
        """The options that read what a run wrote: deid writes UTF-8, in the input's layout."""
        return ReaderOptions(delimiter=self.delimiter)


@dataclass(frozen=True)
class Opened:
    fmt: ModuleType
    reader: Reader
    enc: Encoding | None  # None for a format that reads bytes (``binary = True``)

    @property
    def empty(self) -> bool:
        return self.enc is not None and self.enc.empty

    @property
    def not_text(self) -> bool:
        """NUL bytes where the format expects text."""
        return self.enc is not None and self.enc.binary


def is_binary(fmt: ModuleType) -> bool:
    """Whether the format reads and writes bytes, not text (its module says ``binary = True``)."""
    return bool(getattr(fmt, "binary", False))


def open_records(path: Path, source: str, rules: RuleSet, options: ReaderOptions = ReaderOptions()) -> Opened:
    """``path``'s format and reader (records are read when its ``records()`` is
    iterated). ``source``: the file's name as records and messages give it.
    Raises ``OSError`` when the file cannot be read, ``LookupError`` for an
    encoding Python does not know, and ``ValueError`` for a file no format reads."""
    fmt = format_for(path)
    if fmt is None:
        raise ValueError(f"{source}: no format reads files named *{path.suffix}")
    enc = None if is_binary(fmt) else sniff(path, options.encoding)
    told = {name: getattr(options, name) for name in getattr(fmt, "READER_OPTIONS", ()) if getattr(options, name)}
    return Opened(fmt, fmt.Reader(path, source, rules, enc, **told), enc)
