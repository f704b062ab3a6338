"""The one place that wires the stages:

    read -> detect -> decide | -> transform -> verify -> write outputs + audit
      (pass 1, in the engine) |    (pass 2, in the engine; writing here)

Pass 1 reads every file and plans every record; the plans wait in a private
journal (``journal``) while the batch's stand-ins are settled; pass 2
finishes them and this process writes each output file atomically, in input
order. The engine (``engines``) runs both passes here, in worker processes
or on a Dask cluster.
"""

from __future__ import annotations

import codecs
import errno
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from itertools import islice
from typing import Callable, Iterable, Iterator

from deid import __version__
from deid.core.errors import OutputError, UsageError
from deid.core.keys import Key, load_key
from deid.core.layout import LEDGER_NAME
from deid.core.model import Outcome, Plan, Record
from deid.ledger.audit import Ledger, file_sha256, fingerprint, load_sign_key
from deid.ledger.marks import load_marks, published_root
from deid.ledger.report import build_report, check_report_path
from deid.policy.rules import RuleSet, load_rules
from deid.read import ids
from deid.read.formats import format_for, reader_options
from deid.read.inputs import Input, collect
from deid.read.textio import TEMP_PREFIX, Encoding, atomic_writer, sniff
from deid.run.engines import LocalEngine, PoolEngine, default_workers, record_chars
from deid.run.journal import Journal, default_dir as journal_dir
from deid.run.places import check_apart, check_unpublished, lock, published_folder
from deid.run.process import observe
from deid.run.quarantine import Quarantine, default_dir
from deid.transform.surrogates import Surrogates


HELD_LINES = 1000
STORAGE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}
MAX_RECORD_MB = 10.0  # about five minutes of detection for one record on one core


@dataclass
class RunOptions:
    paths: list[Path]
    out: Path
    rules: Path | None = None
    quarantine: Path | None = None
    workers: int | None = None       # None: one per core
    encoding: str | None = None
    key_file: Path | None = None
    roster: Path | None = None
    sign_key: Path | None = None
    report: Path | None = None
    show_original: bool = False
    scheduler: str | None = None     # a Dask scheduler's address: run there
    max_record_mb: float = MAX_RECORD_MB
    resume: bool = False             # replay the journal a killed run left (see ``journal``)
    delimiter: str | None = None     # CSV delimiter, overriding the guess
    on_record: Callable[[Plan], None] | None = None
    on_file: Callable[[int, int, str], None] | None = None  # (number, total, path)
    on_start: Callable[[int], None] | None = None           # the inputs' total size in bytes


@dataclass
class RunSummary:
    records_in: int = 0
    published: int = 0
    held_back: int = 0
    files: int = 0
    removed_by_type: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)   # "file:line: id: reason", the first HELD_LINES
    written: list[str] = field(default_factory=list)  # output files this run wrote
    out: Path | None = None
    ledger: Path | None = None
    quarantine: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.held_back else 0


def run(opts: RunOptions) -> RunSummary:
    """Pass 1 plans every record (detect, decide) and learns the batch's
    names; pass 2 finishes every record (stand-ins, transform, verify) and
    writes the outputs, the quarantine and the ledger."""
    if opts.encoding:
        try:
            codecs.lookup(opts.encoding)
        except LookupError:
            raise UsageError(f"--encoding {opts.encoding!r}: unknown encoding; try utf-8 or cp1252") from None
    rules = load_rules(opts.rules)
    key = load_key(opts.key_file)
    sign_key = load_sign_key(opts.sign_key) if opts.sign_key else None
    check_apart(opts.out, opts.paths)  # before anything is read or written
    if opts.quarantine is not None:
        check_unpublished(opts.quarantine, "--quarantine")
    with lock(opts.out):
        return _run(opts, rules, key, sign_key)


def _run(opts: RunOptions, rules: RuleSet, key, sign_key) -> RunSummary:
    out = opts.out
    quarantine_dir = opts.quarantine or default_dir(out)
    _check_folders(out, quarantine_dir)
    if opts.show_original and opts.report is None:
        raise UsageError("--show-original needs --report FILE.html")
    if opts.report is not None:
        check_report_path(opts.report, out)
    originals: dict | None = {} if opts.show_original else None
    roster = read_roster(opts.roster) if opts.roster else ()
    work = journal_dir(out)
    inputs, notes = collect(opts.paths, exclude=[out, quarantine_dir, work], name=lambda rel: ids.public_path(rel, key))
    summary = RunSummary(out=out, ledger=out / LEDGER_NAME, quarantine=quarantine_dir, notes=notes)
    if opts.on_start:
        opts.on_start(sum(_size(i.path) for i in inputs))
    if key.created:
        summary.notes.append(f"created a new secret key at {key.source} (keep it private; it makes keyed hashes repeatable)")
    published = published_folder(out.parent)
    if published is not None and opts.quarantine is None:
        summary.notes.append(f"{out} is inside {published}, which looks published: the run's journal goes to {work} "
                             f"and held-back records (if any) to {quarantine_dir}, outside it")
    surrogates = Surrogates(key)
    writing = [f"the journal in {work}"]  # what a storage error is about
    try:
        with ExitStack() as stack:
            header = _journal_header(inputs, opts, rules, key, roster)
            journal = stack.enter_context(Journal(work, header, resume=opts.resume))
            engine = engine_for(rules, roster, key, opts.workers, str(journal.folder), stack, opts.scheduler)
            # pass 1: the records of all files as one stream, so that chunks span
            # small files; ``files`` learns each file's record count as it is read.
            # A resumed run replays the plans the killed run made and plans the rest.
            files: list[list] = []
            for plan in journal.replay():
                observe(plan, surrogates)
            if journal.replayed:
                summary.notes.append(f"resumed: {journal.replayed} records were planned by the killed run")
            records = islice(_all_records(inputs, opts, rules, key, summary, files), journal.replayed, None)
            for plan in engine.plan(records):
                observe(plan, surrogates)
                journal.add(plan)
                if opts.on_record:
                    opts.on_record(plan)
            surrogates.freeze()
            writing[0] = str(out / LEDGER_NAME)
            ledger = Ledger(stack.enter_context(atomic_writer(out / LEDGER_NAME)), {
                "tool": "deid", "tool_version": __version__,
                "model": {"name": engine.meta[0], "version": engine.meta[1]},
                "rules_sha256": rules.sha256, "rules_file": rules.path,
                "rules": rules.for_ledger(lambda term: fingerprint(key, term)),
                # the roster's names are personal data: only their keyed fingerprints
                "roster": sorted({fingerprint(key, n) for n in roster}),
                # the names and places removed from the whole batch (strong evidence)
                "batch_fingerprints": sorted({fingerprint(key, v) for v in surrogates.removed}),
            }, key, sign_key)
            quarantine = Quarantine(quarantine_dir)
            try:  # pass 2: one stream of outcomes, in input order, cut back into files
                outcomes = engine.finish(journal.take(sum(f[3] for f in files)), surrogates)
                for inp, fmt, reader, count in files:
                    writing[0] = str(out_path(out, inp.relpath))
                    _finish_file(inp, fmt, reader, islice(outcomes, count), opts, ledger, quarantine, summary, originals)
                writing[0] = str(out / LEDGER_NAME)
            finally:
                quarantine.close()
            ledger.close({
                "records_in": summary.records_in, "published": summary.published,
                "held_back": summary.held_back, "files": summary.files,
                "removed_by_type": dict(sorted(summary.removed_by_type.items())),
                "outputs": {rel: file_sha256(out_path(out, rel)) for rel in summary.written},
            })
    except OSError as exc:
        if exc.errno not in STORAGE_ERRORS:
            raise
        raise OutputError(f"{writing[0]}: cannot be written ({exc.strerror}); no half-written file is left and "
                          "this run wrote no ledger: free space and run again") from None
    stale = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                   if p.is_file() and p.name != LEDGER_NAME and p.relative_to(out).as_posix() not in summary.written)
    if stale:
        summary.notes.append(f"{out} holds {len(stale)} file(s) this run did not write (e.g. {stale[0]}); "
                             "deid verify will refuse them: publish from a fresh folder")
    if not quarantine.count:
        summary.quarantine = None
    if opts.report is not None:
        with atomic_writer(opts.report, mode=0o600 if originals is not None else 0o644) as fh:
            fh.write(build_report(out, key, originals))
    return summary


def engine_address(engine: str, scheduler: str | None, workers: int | None) -> str | None:
    """The Dask scheduler to run on, or None to run on this machine."""
    if engine == "dask":
        if not scheduler:
            raise UsageError("--engine dask needs --scheduler ADDRESS (the Dask scheduler, e.g. tcp://10.0.0.5:8786)")
        if workers is not None:
            raise UsageError("--workers is for --engine local; on Dask the cluster's workers do the work")
        return scheduler
    if scheduler:
        raise UsageError("--scheduler is for --engine dask; add --engine dask, or leave --scheduler out")
    return None


def process_batch(records: Iterable[Record], rules: RuleSet, key, roster: tuple[str, ...] = (),
                  workers: int | None = 1, engine=None) -> list[Outcome]:
    """Both passes over records held in memory, as ``run`` does over files:
    plan every record, settle the batch's stand-ins, finish every record.
    ``engine``: one already started (``engines``), to load the model once for
    many batches."""
    import tempfile

    surrogates = Surrogates(key)
    with ExitStack() as stack:
        if engine is None:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="deid-batch-"))
            engine = engine_for(rules, roster, key, workers, scratch, stack)
        plans = []
        for plan in engine.plan(records):
            observe(plan, surrogates)
            plans.append(plan)
        surrogates.freeze()
        return list(engine.finish(plans, surrogates))


def read_roster(path: Path) -> tuple[str, ...]:
    """Participant names, one a line; '#' starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: the roster cannot be read ({type(exc).__name__}); give a UTF-8 text file, one name a line") from None
    names = tuple(n for n in (ln.split("#", 1)[0].strip() for ln in text.splitlines()) if n)
    if not names:
        raise UsageError(f"{path}: the roster holds no names")
    return names


def _check_folders(out: Path, quarantine: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out must be a folder")
    q, o = quarantine.resolve(), out.resolve()
    if q == o or o in q.parents:
        raise UsageError(f"{quarantine}: the quarantine folder must not be inside --out")
    out.mkdir(parents=True, exist_ok=True)
    for folder in (out, quarantine):  # half-written files of a run that was killed outright
        if folder.is_dir():
            for tmp in folder.rglob(f"{TEMP_PREFIX}*"):
                if tmp.is_file() and not tmp.is_symlink():
                    tmp.unlink()


def _journal_header(inputs: list[Input], opts: RunOptions, rules: RuleSet, key, roster) -> dict:
    """What a resumed run must share with the killed one (no personal data:
    file names and sizes, hashes and keyed fingerprints)."""
    def stat(p: Path) -> list:
        try:
            st = p.stat()
            return [st.st_size, st.st_mtime_ns]
        except OSError:
            return []

    return {
        "deid version": __version__,
        "rules": rules.sha256,
        "key": fingerprint(key, "deid journal"),
        "roster": sorted(fingerprint(key, n) for n in roster),
        "inputs": [[i.relpath, *stat(i.path)] for i in inputs],
        "options": {"encoding": opts.encoding, "max_record_mb": opts.max_record_mb, "delimiter": opts.delimiter},
    }


def read_file(path: Path, rules: RuleSet, encoding: str | None = None) -> Iterator[Record]:
    """The records of one input file as ``deid run`` reads them: bad input
    becomes records held back with a reason, never an exception; nothing
    for an empty file. (For the readers' fuzz tests.)"""
    opened = _open_file(Input(path, path.name, path.parent), RunOptions([path], path.parent, encoding=encoding),
                        rules, RunSummary(), {})
    return iter(()) if opened is None else iter(opened[2])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _all_records(inputs: list[Input], opts: RunOptions, rules: RuleSet, key, summary: RunSummary,
                 files: list[list]) -> Iterator[Record]:
    """Every record of every input, in order; appends [input, format,
    reader, record count] to ``files`` for each file that has records."""
    folders: dict[Path, dict] = {}  # each published folder's stand-ins, its ledger read once
    for number, inp in enumerate(inputs, start=1):
        if opts.on_file:
            opts.on_file(number, len(inputs), inp.relpath)
        home = published_root(inp.path, inp.root)
        if home is not None and home not in folders:
            folders[home] = load_marks(home, key, summary.notes)
        marks = {}
        if home is not None:
            rel = inp.path.relative_to(home).as_posix()
            marks = {inp.path.relative_to(inp.root).as_posix(): folders[home][rel]} if rel in folders[home] else {}
        opened = _open_file(inp, opts, rules, summary, marks)
        if opened is None:
            continue
        fmt, reader, records = opened
        entry = [inp, fmt, reader, 0]
        files.append(entry)
        summary.files += 1
        for record in records:
            entry[3] += 1
            yield ids.published(record, key)


def _open_file(inp: Input, opts: RunOptions, rules: RuleSet, summary: RunSummary, marks: dict):
    """The format, reader and records of one file, or None for an empty file."""
    fmt = format_for(inp.path)
    try:
        enc = sniff(inp.path, opts.encoding)
    except OSError as exc:
        enc = None
        records: Iterable[Record] = [_unreadable(inp, 0, 1, f"cannot be read ({exc.strerror})")]
        reader = fmt.Reader(inp.path, inp.relpath, rules, Encoding("utf-8", False))  # never read
    if enc is not None and enc.empty:
        summary.notes.append(f"{inp.shown}: empty file, nothing to publish")
        return None
    if enc is not None:
        reader = fmt.Reader(inp.path, inp.relpath, rules, enc, **reader_options(fmt, opts.delimiter))
        records = _guarded(inp, reader.records())
        if enc.binary:
            records = [_unreadable(inp, 0, 1, "binary file (NUL bytes); not text")]
    records = _limited(records, opts.max_record_mb)
    marked = marks.get(inp.path.relative_to(inp.root).as_posix())
    if marked:
        records = _marked(records, marked)
    return fmt, reader, records


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


def _finish_file(inp: Input, fmt, reader, outcomes: Iterable[Outcome], opts: RunOptions, ledger: Ledger,
                 quarantine: Quarantine, summary: RunSummary, originals: dict | None) -> None:
    """Pass 2 for one file: written whole through a temp file, or not at all."""
    try:
        with atomic_writer(out_path(opts.out, inp.relpath)) as stream:
            _write_file(inp, fmt.Writer(stream, reader), outcomes, ledger, quarantine, summary, originals)
        summary.written.append(inp.relpath)
    except _NothingToWrite:
        pass


def _write_file(inp: Input, writer, outcomes: Iterable[Outcome], ledger, quarantine, summary, originals=None) -> None:
    published = held = 0
    for outcome in outcomes:
        summary.records_in += 1
        if outcome.held_back:
            held += 1
            summary.held_back += 1
            if len(summary.held) < HELD_LINES:  # all of them are in the quarantine; memory stays flat
                summary.held.append(f"{inp.shown}:{outcome.record.line}: record {outcome.record.id}: {outcome.held_back}")
            quarantine.add(outcome, inp.path)
            ledger.record(outcome, None, None)
        else:
            published += 1
            summary.published += 1
            outcome = ids.written(outcome)
            text = writer.write(outcome)
            ledger.record(outcome, inp.relpath, text)
            if originals is not None:  # only for a --show-original report
                texts = {f.path: f.text for f in outcome.record.fields}
                originals[ledger.seq] = {  # the ledger keeps no original offsets; the run knows them
                    (r.decision.finding.field, r.out_start, r.out_end):
                        texts[r.decision.finding.field][r.decision.finding.start:r.decision.finding.end]
                    for r in outcome.redactions if r.changed}
            summary.removed_by_type.update(r.decision.finding.entity for r in outcome.redactions if r.changed)
    writer.close()
    if held and not published:
        raise _NothingToWrite()


class _NothingToWrite(Exception):
    """Every record of a file was held back: leave no output file at all."""


def out_path(out: Path, relpath: str) -> Path:
    return out.joinpath(*relpath.split("/"))


def engine_for(rules: RuleSet, roster: tuple[str, ...], key: Key, workers: int | None, scratch: str,
               stack: ExitStack, scheduler: str | None = None):
    """The engine for ``--workers`` / ``--engine dask --scheduler``."""
    if scheduler is not None:
        from deid.run.dask_engine import DaskEngine

        engine = DaskEngine(rules, roster, key, scheduler)
    else:
        workers = default_workers() if workers is None else workers
        if workers < 1:
            raise UsageError(f"--workers must be at least 1, got {workers}")
        engine = LocalEngine(rules, roster, key) if workers == 1 else PoolEngine(rules, roster, key, workers, scratch)
    stack.callback(engine.close)
    return engine
