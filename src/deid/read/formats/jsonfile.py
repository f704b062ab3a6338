"""JSON: an array of records, or one record. Every string value is free text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterator

from deid.core.model import Outcome, Record
from deid.policy.ruleset import RuleSet
from deid.read.formats.jsontree import answers, make_record, rebuild  # noqa: F401 - answers: this format's
from deid.read.textio import Encoding, has_bad_bytes, open_text

_WS = " \t\r\n"


class Reader:
    def __init__(self, path: Path, source: str, rules: RuleSet, enc: Encoding):
        self.path, self.source, self.rules, self.enc = path, source, rules, enc
        self.is_array = True

    def records(self) -> Iterator[Record]:
        with open_text(self.path, self.enc) as fh:
            text = fh.read()
        if text.startswith("\ufeff"):
            text = text[1:]
        decoder = json.JSONDecoder()
        pos = _skip(text, 0)
        if has_bad_bytes(text):
            yield self._whole(text, "bytes that are not valid in the file's encoding")
            return
        if pos < len(text) and text[pos] == "[":
            yield from self._array(text, pos + 1, decoder)
            return
        self.is_array = False
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield self._whole(text, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
            return
        except RecursionError:
            yield self._whole(text, "JSON nested too deeply")
            return
        if _skip(text, end) != len(text):
            yield self._whole(text, f"extra data after the JSON value (line {_line(text, end)})")
        elif not isinstance(value, dict):
            yield self._whole(text, f"the JSON document is {_kind(value)}; expected an object or an array of objects")
        else:
            yield make_record(value, self.source, 0, _line(text, pos), text, self.rules)

    def _array(self, text: str, pos: int, decoder: json.JSONDecoder) -> Iterator[Record]:
        index = 0
        pos = _skip(text, pos)
        if pos < len(text) and text[pos] == "]":
            return
        while True:
            try:
                value, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                yield self._rest(text, pos, index, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")
                return
            except RecursionError:
                yield self._rest(text, pos, index, "JSON nested too deeply")
                return
            yield make_record(value, self.source, index, _line(text, pos), text[pos:end], self.rules)
            index += 1
            pos = _skip(text, end)
            if pos < len(text) and text[pos] == ",":
                pos = _skip(text, pos + 1)
                continue
            if pos < len(text) and text[pos] == "]" and _skip(text, pos + 1) == len(text):
                return
            yield self._rest(text, pos, index, f"expected ',' or ']' at line {_line(text, pos)}")
            return

    def _whole(self, text: str, reason: str) -> Record:
        return Record(self.source, 0, 1, "#1", (), raw=text, error=reason)

    def _rest(self, text: str, pos: int, index: int, reason: str) -> Record:
        """Everything from a broken element on is held back as one piece."""
        return Record(self.source, index, _line(text, pos), f"#{index + 1}", (), raw=text[pos:], error=reason)


def _kind(value) -> str:
    """What a JSON value is, in JSON's words."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return {str: "a string", int: "a number", float: "a number"}.get(type(value), "not an object")


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _render(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def serialize(record: Record, reader: Reader) -> str:
    """A record as ``Writer`` writes it unchanged (for ``deid verify``)."""
    return _render(record.payload[0]) if record.payload else record.raw


class Writer:
    """Writes an array with one record per element, or the single object."""

    def __init__(self, stream: IO[str], reader: Reader):
        self.stream, self.reader = stream, reader
        self.count = 0

    def write(self, outcome: Outcome) -> str:
        body = _render(rebuild(outcome.record, outcome.texts))
        if not self.reader.is_array:
            self.stream.write(body + "\n")
        else:
            indented = "\n".join("  " + ln for ln in body.split("\n"))
            self.stream.write(("[\n" if self.count == 0 else ",\n") + indented)
        self.count += 1
        return body

    def close(self) -> None:
        if self.reader.is_array:
            self.stream.write("\n]\n" if self.count else "[]\n")
