"""JSON Lines: one JSON value a line; every string value is free text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from deid.core.model import Outcome, Record
from deid.policy.ruleset import RuleSet
from deid.read.formats.jsontree import answers, make_record, rebuild  # noqa: F401 - answers: this format's
from deid.read.textio import Encoding, open_text


class Reader:
    def __init__(self, path: Path, source: str, rules: RuleSet, enc: Encoding):
        self.path, self.source, self.rules, self.enc = path, source, rules, enc

    def records(self) -> Iterator[Record]:
        index = 0
        with open_text(self.path, self.enc) as fh:
            for lineno, line in enumerate(_lines(fh), start=1):
                if not line.strip():
                    continue
                yield self._record(line, index, lineno)
                index += 1

    def _record(self, line: str, index: int, lineno: int) -> Record:
        text = line.rstrip("\r\n")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            return _broken(self.source, index, lineno, text, f"not valid JSON (column {exc.colno}: {exc.msg})")
        except RecursionError:
            return _broken(self.source, index, lineno, text, "JSON nested too deeply")
        return make_record(value, self.source, index, lineno, text, self.rules)  # marks bad bytes


def _lines(fh: IO[str]) -> Iterator[str]:
    # Only \n ends a JSONL line; a stray \r or U+2028 inside a string does not.
    buf = ""
    while chunk := fh.read(1 << 16):
        buf += chunk
        *done, buf = buf.split("\n")
        yield from done
    if buf:
        yield buf


def _broken(source: str, index: int, line: int, raw: str, reason: str) -> Record:
    return Record(source=source, index=index, line=line, id=f"#{index + 1}", fields=(), raw=raw, error=reason)


def _render(value) -> str:
    return json.dumps(value, ensure_ascii=False) + "\n"


def serialize(record: Record, reader: Reader) -> str:
    """A record as ``Writer`` writes it unchanged (for ``deid verify``)."""
    return _render(record.payload[0]) if record.payload else record.raw


class Writer:
    def __init__(self, stream: IO[str], reader: Reader):
        self.stream = stream

    def write(self, outcome: Outcome) -> str:
        chunk = _render(rebuild(outcome.record, outcome.texts))
        self.stream.write(chunk)
        return chunk

    def close(self) -> None:
        pass
