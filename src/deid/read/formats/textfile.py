"""Plain text: the whole file is one record (one testimonial or interview)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Iterator

from deid.core.model import Field, Outcome, Record
from deid.policy.ruleset import RuleSet
from deid.read.textio import Encoding, has_bad_bytes, is_binary_text, open_text

MARKUP: str | None = None


class Reader:
    markup = MARKUP

    def __init__(self, path: Path, source: str, rules: RuleSet, enc: Encoding):
        self.path, self.source, self.rules, self.enc = path, source, rules, enc
        self.bom = enc.bom

    def records(self) -> Iterator[Record]:
        with open_text(self.path, self.enc) as fh:
            text = fh.read()
        if text.startswith("\ufeff"):
            text = text[1:]
        error = None
        if is_binary_text(text):
            error = "binary content (NUL bytes) in a text file"
        elif has_bad_bytes(text):
            line = text.count("\n", 0, _first_bad(text)) + 1
            error = f"bytes that are not valid in the file's encoding (first at line {line})"
        if not text.strip() and error is None:
            return
        yield Record(self.source, 0, 1, self.source, (Field("", text, None, self.markup),), raw=text, error=error)


def _first_bad(text: str) -> int:
    return next(i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff")


def answers(record: Record, reader: Reader) -> dict[str, str]:
    """A plain text asks no questions (``policy.consent``)."""
    return {}


def serialize(record: Record, reader: Reader) -> str:
    """A record as ``Writer`` writes it unchanged (for ``deid verify``)."""
    return record.raw


class Writer:
    def __init__(self, stream: IO[str], reader: Reader):
        self.stream = stream

    def write(self, outcome: Outcome) -> str:
        text = outcome.texts.get("", outcome.record.fields[0].text)
        self.stream.write(text or "")
        return text or ""

    def close(self) -> None:
        pass
