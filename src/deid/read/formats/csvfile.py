"""CSV survey exports: columns are handled by the rules.

Each row is a record. A value under a column that a column rule names is
handled as a whole (drop, replace, generalize, ...) when it has the shape of
the rule's values (``policy.shapes``: a date under a date column, a name
under a name column); any other value, and every other text column, is free
text.
A header that is not plain words is text too: every row carries it as a
field (``labels``) and the header is written as the first written row
changed it. Embedded newlines, quotes and a BOM work; ragged rows are held
back.
"""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path
from typing import IO, Iterator

from deid.core.model import Field, Known, Outcome, Record
from deid.policy.ruleset import RuleSet
from deid.policy.shapes import governs, identifies
from deid.read.ids import plain
from deid.read.labels import LABEL, label, published_name
from deid.read.textio import Encoding, has_bad_bytes, open_text, shown

csv.field_size_limit(1 << 30)


DELIMITERS = (",", ";", "\t", "|")
_SNIFF_ROWS = 50


READER_OPTIONS = ("delimiter",)  # ``--delimiter``: read.opening.ReaderOptions


class Reader:
    def __init__(self, path: Path, source: str, rules: RuleSet, enc: Encoding, delimiter: str | None = None):
        """``delimiter`` (``--delimiter``) overrides the guess (``_sniff``)."""
        self.path, self.source, self.rules, self.enc = path, source, rules, enc
        self.header: list[str] = []
        self.paths: list[str] = []
        self.labels: list[Field] = []
        self.forced = delimiter
        self.delimiter = delimiter or ","
        self.lineterminator = "\r\n"
        self.bom = enc.bom and enc.name == "utf-8-sig"

    def records(self) -> Iterator[Record]:
        with open_text(self.path, self.enc) as fh:
            head = fh.read(65536)
            fh.seek(0)
            self._sniff(head)
            reader = csv.reader(fh, delimiter=self.delimiter)
            try:
                self.header = next(reader)
            except StopIteration:
                return
            if self.header and self.header[0].startswith("\ufeff"):
                self.header[0] = self.header[0][1:]
            self.paths = _unique(self.header)
            self.labels = [f for f in (label(p, h) for p, h in zip(self.paths, self.header)) if f is not None]
            columns = [self.rules.column_for(h) for h in self.header]
            kept = [self.rules.is_kept_field(h) or (c is not None and c.action == "keep") for h, c in zip(self.header, columns)]
            id_col = next((i for i, h in enumerate(self.header) if self.rules.is_id_field(h)), None)
            index, start = 0, reader.line_num + 1
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield Record(self.source, index, start, f"row {index + 1}", (), raw="", error=f"unreadable CSV ({exc})")
                    return
                line, start = start, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip() and len(self.header) > 1):
                    continue
                yield self._record(row, index, line, columns, kept, id_col)
                index += 1

    def _sniff(self, head: str) -> None:
        """The delimiter that splits the first rows (quotes respected) into as
        many fields as the header, most often, then into the most fields: a
        header "Which (kratom; Suboxone; gabapentin)" in a comma file holds
        more semicolons than commas, its rows do not. This is how
        ``csv.Sniffer`` judges consistency, over the four delimiters deid
        reads only and without guessing quote characters."""
        first = head.split("\n", 1)[0]
        self.lineterminator = "\r\n" if first.endswith("\r") else "\n"
        if self.forced:
            return
        best, best_score = ",", (-1.0, 0)
        for d in DELIMITERS:
            try:
                rows = list(islice(csv.reader(io.StringIO(head), delimiter=d), _SNIFF_ROWS))
            except csv.Error:
                continue
            if len(head) >= 65536 and len(rows) > 1:
                rows = rows[:-1]  # the last row may be cut short by the sample
            rows = [r for r in rows if r and any(c.strip() for c in r)]
            if not rows or len(rows[0]) < 2:
                continue
            width = len(rows[0])
            fits = sum(len(r) == width for r in rows[1:]) / (len(rows) - 1) if len(rows) > 1 else 1.0
            if (fits, width) > best_score:
                best, best_score = d, (fits, width)
        self.delimiter = best

    def _record(self, row, index, line, columns, kept, id_col) -> Record:
        raw = _serialize(row, self.delimiter, self.lineterminator)
        has_id = id_col is not None and id_col < len(row) and bool(row[id_col].strip())
        rid = shown(row[id_col]) if has_id else f"row {index + 1}"
        id_path = self.paths[id_col] if has_id else None
        if len(row) != len(self.header):
            return Record(self.source, index, line, rid, (), raw=raw, id_path=id_path,
                          error=f"row has {len(row)} fields, the header has {len(self.header)}")
        if has_bad_bytes(raw):
            return Record(self.source, index, line, rid, (), raw=raw, id_path=id_path,
                          error="bytes that are not valid in the file's encoding")
        fields, known = [], []
        for i, value in enumerate(row):
            if not value.strip() or (kept[i] and (i == id_col or plain(value))):
                continue  # a kept column keeps the record id and values shaped like ids; the rest is text
            col = None if kept[i] else governs(columns[i], value)  # None: free text (``policy.shapes``)
            fields.append(Field(self.paths[i], value, col))
            if col is not None and col.known and identifies(col.entity, value):
                known.append(Known(col.entity, value, col.id))
        fields += self.labels
        return Record(self.source, index, line, rid, tuple(fields), tuple(known), raw=raw, payload=row, id_path=id_path)


def inert(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
    gets a leading apostrophe, so it is shown, never run."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def _unique(header: list[str]) -> list[str]:
    """Field paths: the header name, with [2], [3] on duplicated names."""
    seen: dict[str, int] = {}
    out = []
    for h in header:
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h}[{seen[h]}]")
    return out


def _serialize(row: list[str], delimiter: str, terminator: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=terminator).writerow(row)
    return buf.getvalue()


def answers(record: Record, reader: Reader) -> dict[str, str]:
    """The row's value under each header (a consent question's answer: ``policy.consent``)."""
    return dict(zip(reader.header, record.payload)) if isinstance(record.payload, list) else {}


def serialize(record: Record, reader: Reader) -> str:
    """A record as ``Writer`` writes it unchanged (for ``deid verify``)."""
    return _serialize([inert(c) for c in record.payload], reader.delimiter, reader.lineterminator) if record.payload else record.raw


class Writer:
    def __init__(self, stream: IO[str], reader: Reader):
        self.stream, self.reader = stream, reader
        self.started = False

    def _start(self, texts: dict[str, str | None] | None) -> None:
        """The header, as the first written row's run changed it; for a file
        with no rows, a header that is not plain words becomes "column N"
        (nothing ran over it)."""
        if not self.started:
            r = self.reader
            scanned = {f.path[len(LABEL):] for f in r.labels}
            header = [published_name(texts, p, h) if texts is not None else (f"column {i + 1}" if p in scanned else h)
                      for i, (p, h) in enumerate(zip(r.paths, r.header))]
            self.stream.write(("\ufeff" if r.bom else "") + _serialize(header, r.delimiter, r.lineterminator))
            self.started = True

    def write(self, outcome: Outcome) -> str:
        self._start(outcome.texts)
        r = self.reader
        row = list(outcome.record.payload)
        where = {p: i for i, p in enumerate(r.paths)}
        for path, new in outcome.texts.items():
            if path in where:  # not a header's label
                row[where[path]] = "" if new is None else new
        chunk = _serialize([inert(c) for c in row], r.delimiter, r.lineterminator)
        self.stream.write(chunk)
        return chunk

    def close(self) -> None:
        if self.reader.header:
            self._start(None)
