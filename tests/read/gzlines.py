"""Gzip-compressed text, one answer a line: a format that reads and writes bytes
(``binary = True``), added from outside deid (``test_new_formats``) as one module and
one line that registers it, as a ``.docx`` format would be."""

from __future__ import annotations

import gzip
from typing import IO, Iterator

from deid.core.model import Field, Outcome, Record

binary = True


class Reader:
    markup = None

    def __init__(self, path, source, rules, enc):
        assert enc is None  # bytes: no text encoding is guessed for it
        self.path, self.source = path, source

    def records(self) -> Iterator[Record]:
        with gzip.open(self.path, "rt", encoding="utf-8", newline="") as fh:
            index = 0
            for lineno, line in enumerate(fh, start=1):
                text = line.rstrip("\n")
                if text.strip():
                    yield Record(self.source, index, lineno, f"#{index + 1}", (Field("", text, None),), raw=text)
                    index += 1


def serialize(record: Record, reader: Reader) -> str:
    return record.raw + "\n"


def answers(record: Record, reader: Reader) -> dict[str, str]:
    return {}


class Writer:
    def __init__(self, stream: IO[bytes], reader: Reader):
        self.gz = gzip.GzipFile(fileobj=stream, mode="wb", mtime=0)

    def write(self, outcome: Outcome) -> str:
        chunk = (outcome.texts.get("", outcome.record.fields[0].text) or "") + "\n"
        self.gz.write(chunk.encode("utf-8"))
        return chunk

    def close(self) -> None:
        self.gz.close()
