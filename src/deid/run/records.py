"""The records of every input, as a run reads them: bad input becomes a record held
back with a reason (never an exception), an oversized record is held back before the model
sees it, and the records of a published file carry the spans deid wrote into it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from deid.core.model import Record
from deid.ledger.published import load_marks, published_root
from deid.policy.ruleset import RuleSet
from deid.read import ids
from deid.read.inputs import Input
from deid.read.formats import format_for
from deid.read.opening import ReaderOptions, is_binary, open_records
from deid.read.textio import Encoding
from deid.run.engines import record_chars
from deid.run.options import MAX_RECORD_MB, RunOptions, RunSummary


def read_file(path: Path, rules: RuleSet, encoding: str | None = None) -> Iterator[Record]:
    """The records of one input file as ``deid run`` reads them: bad input
    becomes records held back with a reason, never an exception; nothing
    for an empty file. (For the readers' fuzz tests.)"""
    opened = _open_file(Input(path, path.name, path.parent), rules, ReaderOptions(encoding=encoding), MAX_RECORD_MB,
                        {}, [])
    return iter(()) if opened is None else iter(opened[2])


def input_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def all_records(inputs: list[Input], opts: RunOptions, rules: RuleSet, key, summary: RunSummary,
                 files: list[list], accepted: dict[str, tuple[tuple[str, str], ...]] | None = None) -> Iterator[Record]:
    """Every record of every input, in order; appends [input, format,
    reader, record count] to ``files`` for each file that has records.
    ``accepted``: by file, as ``deid check`` names it, what the baseline accepts there."""
    folders: dict[Path, dict] = {}  # each published folder's stand-ins, its ledger read once
    for number, inp in enumerate(inputs, start=1):
        opts.progress.on_file(number, len(inputs), inp.relpath)
        home = published_root(inp.path, inp.root)
        if home is not None and home not in folders:
            folders[home] = load_marks(home, key, summary.notes)
        marks = {}
        if home is not None:
            rel = inp.path.relative_to(home).as_posix()
            marks = {inp.path.relative_to(inp.root).as_posix(): folders[home][rel]} if rel in folders[home] else {}
        opened = _open_file(inp, rules, reader_options(opts), opts.max_record_mb, marks, summary.notes)
        if opened is None:
            continue
        fmt, reader, records = opened
        if rules.consent is not None:
            records = _consented(records, fmt, reader, rules)
        entry = [inp, fmt, reader, 0]
        files.append(entry)
        summary.files += 1
        reviewed = (accepted or {}).get(inp.path.as_posix(), ())
        for record in records:
            entry[3] += 1
            yield ids.published(replace(record, accepted=reviewed) if reviewed else record, key)


def reader_options(opts: RunOptions) -> ReaderOptions:
    """What the run was told about reading its inputs (the ledger header records it)."""
    return ReaderOptions(encoding=opts.encoding, delimiter=opts.delimiter)


def _open_file(inp: Input, rules: RuleSet, options: ReaderOptions, max_record_mb: float, marks: dict,
               notes: list[str]):
    """The format, reader and records of one file, or None for an empty file (noted in ``notes``).
    ``marks``: the spans an earlier run wrote into it, by its path under the input's root."""
    try:
        opened = open_records(inp.path, inp.relpath, rules, options)
    except OSError as exc:
        fmt = format_for(inp.path)
        reader = fmt.Reader(inp.path, inp.relpath, rules, None if is_binary(fmt) else Encoding("utf-8", False))
        records: Iterable[Record] = [_unreadable(inp, 0, 1, f"cannot be read ({exc.strerror})")]  # reader never read
    else:
        if opened.empty:
            notes.append(f"{inp.shown}: empty file, nothing to publish")
            return None
        fmt, reader = opened.fmt, opened.reader
        records = _guarded(inp, reader.records())
        if opened.not_text:
            records = [_unreadable(inp, 0, 1, "binary file (NUL bytes); not text")]
    records = _limited(records, max_record_mb)
    marked = marks.get(inp.path.relative_to(inp.root).as_posix())
    if marked:
        records = _marked(records, marked)
    return fmt, reader, records


def _consented(records: Iterable[Record], fmt, reader, rules: RuleSet) -> Iterator[Record]:
    """Records whose writer did not agree to publishing (``RuleSet.consent``) held back
    before the model sees them, the reason saying so."""
    for record in records:
        if not record.error:
            reason = rules.consent.withheld(fmt.answers(record, reader))
            if reason:
                record = replace(record, fields=(), error=reason)
        yield record


def _unreadable(inp: Input, index: int, line: int, reason: str) -> Record:
    return Record(inp.relpath, index, line, inp.relpath, (), raw="", error=reason)


def _guarded(inp: Input, records: Iterable[Record]) -> Iterable[Record]:
    """A reader that fails mid-file (an I/O error) holds back the rest of
    the file as one record instead of stopping the run."""
    index, line = 0, 1
    try:
        for record in records:
            index, line = record.index + 1, record.line + 1
            yield record
    except (OSError, ValueError) as exc:
        yield _unreadable(inp, index, line, f"reading stopped ({type(exc).__name__}); the rest of the file is held back")


def _limited(records: Iterable[Record], max_mb: float) -> Iterable[Record]:
    """A record with more text than one record should hold is held back at
    once, not run through the model for half an hour."""
    for record in records:
        size = record_chars(record)
        if not record.error and size > max_mb * 1_000_000:
            record = replace(record, fields=(), error=(
                f"record holds {size / 1_000_000:.1f} MB of text, over the {max_mb:g} MB limit for one record; "
                "split it, or raise --max-record-mb"))
        yield record


def _marked(records: Iterable[Record], marks: list) -> Iterable[Record]:
    """Records of a published file, each with the spans deid wrote into it."""
    for i, record in enumerate(records):
        yield replace(record, marked=marks[i]) if i < len(marks) else record
