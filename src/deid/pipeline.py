"""The one place that wires the stages:

    read -> detect -> decide -> transform -> verify -> write outputs + audit

``run`` streams records file by file; ``process`` is the pure per-record step
(record in, outcome out) that runs in this process or in worker processes.
"""

from __future__ import annotations

import codecs
import multiprocessing
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .audit import LEDGER_NAME, Ledger
from .decide import decide
from .detect import Detector
from .errors import UsageError
from .formats import format_for
from .inputs import Input, collect
from .keys import Key, load_key
from .model import Outcome, Record, Redaction
from .quarantine import Quarantine, default_dir
from .rules import RuleSet, load_rules
from .textio import atomic_writer, sniff
from .transform import apply
from .verify import residual


@dataclass
class RunOptions:
    paths: list[Path]
    out: Path
    rules: Path | None = None
    quarantine: Path | None = None
    workers: int = 1
    encoding: str | None = None
    key_file: Path | None = None
    roster: Path | None = None
    on_record: Callable[[Outcome], None] | None = None
    on_file: Callable[[int, int, str], None] | None = None  # (number, total, path)


@dataclass
class RunSummary:
    records_in: int = 0
    published: int = 0
    held_back: int = 0
    files: int = 0
    removed_by_type: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)   # "file:line: id: reason"
    out: Path | None = None
    ledger: Path | None = None
    quarantine: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.held_back else 0


class Processor:
    """Everything one record needs: rules, key and a loaded detector."""

    def __init__(self, rules: RuleSet, key: Key, roster: tuple[str, ...] = ()):
        self.rules, self.key = rules, key
        self.detector = Detector(rules, roster)

    def process(self, record: Record) -> Outcome:
        if record.error:
            return Outcome(record, {}, (), held_back=record.error)
        try:
            findings = self.detector.detect(record)
            decisions = decide(record, findings, self.rules)
            texts: dict[str, str | None] = {}
            redactions: list[Redaction] = []
            for f in record.fields:
                mine = [d for d in decisions if d.finding.field == f.path]
                if mine:
                    texts[f.path], done = apply(f.text, mine, self.key)
                    redactions += done
            reason = residual(record, texts, redactions, self.detector.scan_patterns, self.rules)
        except Exception as exc:  # fail closed; never echo text from the exception
            return Outcome(record, {}, (), held_back=f"processing failed ({type(exc).__name__})")
        return Outcome(record, texts, tuple(redactions), held_back=reason)


def run(opts: RunOptions) -> RunSummary:
    if opts.encoding:
        try:
            codecs.lookup(opts.encoding)
        except LookupError:
            raise UsageError(f"--encoding {opts.encoding!r}: unknown encoding; try utf-8 or cp1252") from None
    rules = load_rules(opts.rules)
    key = load_key(opts.key_file)
    out = opts.out
    quarantine_dir = opts.quarantine or default_dir(out)
    _check_folders(out, quarantine_dir)
    roster = read_roster(opts.roster) if opts.roster else ()
    inputs, notes = collect(opts.paths, exclude=[out, quarantine_dir])
    summary = RunSummary(out=out, ledger=out / LEDGER_NAME, quarantine=quarantine_dir, notes=notes)
    if key.created:
        summary.notes.append(f"created a new secret key at {key.source} (keep it private; it makes keyed hashes repeatable)")
    with ExitStack() as stack:
        step = _stepper(rules, key, roster, opts.workers, stack)
        processor_meta = step.meta
        ledger_stream = stack.enter_context(atomic_writer(out / LEDGER_NAME))
        ledger = Ledger(ledger_stream, {
            "tool": "deid", "tool_version": __version__,
            "model": {"name": processor_meta[0], "version": processor_meta[1]},
            "rules_sha256": rules.sha256, "rules": rules.path,
            # the roster's names are personal data: only their keyed fingerprints
            "roster": sorted({key.digest("PERSON", n) for n in roster}),
        })
        quarantine = Quarantine(quarantine_dir)
        try:
            for number, inp in enumerate(inputs, start=1):
                if opts.on_file:
                    opts.on_file(number, len(inputs), inp.relpath)
                _run_file(inp, rules, opts, step, ledger, quarantine, summary)
        finally:
            quarantine.close()
        ledger.close({
            "records_in": summary.records_in, "published": summary.published,
            "held_back": summary.held_back, "files": summary.files,
            "removed_by_type": dict(sorted(summary.removed_by_type.items())),
        })
    if not quarantine.count:
        summary.quarantine = None
    return summary


def evaluate_file(gold: Path, rules_path: Path | None = None, limit: int | None = None):
    """Run the per-record step over annotated data; see ``evaluate``."""
    from .evaluate import evaluate, load_gold

    rules = load_rules(rules_path)
    processor = Processor(rules, load_key())
    return evaluate(load_gold(gold), processor.process, limit)


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


def _run_file(inp: Input, rules, opts, step, ledger, quarantine, summary) -> None:
    fmt = format_for(inp.path)
    enc = sniff(inp.path, opts.encoding)
    if enc.empty:
        summary.notes.append(f"{inp.path}: empty file, nothing to publish")
        return
    reader = fmt.Reader(inp.path, inp.relpath, rules, enc)
    records: Iterable[Record] = reader.records()
    if enc.binary:
        records = [Record(inp.relpath, 0, 1, inp.relpath, (), raw="", error="binary file (NUL bytes); not text")]
    target = out_path(opts.out, inp.relpath)
    summary.files += 1
    try:
        with atomic_writer(target) as stream:
            _write_file(inp, fmt.Writer(stream, reader), step(records), opts, ledger, quarantine, summary)
    except _NothingToWrite:
        pass


def _write_file(inp: Input, writer, outcomes: Iterable[Outcome], opts, ledger, quarantine, summary) -> None:
    published = held = 0
    for outcome in outcomes:
        summary.records_in += 1
        if outcome.held_back:
            held += 1
            summary.held_back += 1
            summary.held.append(f"{inp.path}:{outcome.record.line}: record {outcome.record.id}: {outcome.held_back}")
            quarantine.add(outcome)
            ledger.record(outcome, None, None)
        else:
            published += 1
            summary.published += 1
            text = writer.write(outcome)
            ledger.record(outcome, inp.relpath, text)
            summary.removed_by_type.update(r.decision.finding.entity for r in outcome.redactions if r.changed)
        if opts.on_record:
            opts.on_record(outcome)
    writer.close()
    if held and not published:
        raise _NothingToWrite()


class _NothingToWrite(Exception):
    """Every record of a file was held back: leave no output file at all."""


def out_path(out: Path, relpath: str) -> Path:
    return out.joinpath(*relpath.split("/"))


# -- in-process or worker processes ----------------------------------------------

class _Local:
    def __init__(self, rules: RuleSet, key: Key, roster: tuple[str, ...]):
        self.processor = Processor(rules, key, roster)
        d = self.processor.detector
        self.meta = (d.model_name, d.model_version)

    def __call__(self, records: Iterable[Record]) -> Iterator[Outcome]:
        return map(self.processor.process, records)


_WORKER: Processor | None = None


def _init_worker(rules: RuleSet, key: Key, roster: tuple[str, ...]) -> None:
    global _WORKER
    _WORKER = Processor(rules, key, roster)


def _work(record: Record) -> Outcome:
    assert _WORKER is not None
    return _WORKER.process(record)


class _Pool:
    """Worker processes, one model load each; results come back in order."""

    def __init__(self, rules: RuleSet, key: Key, roster: tuple[str, ...], workers: int, stack: ExitStack):
        ctx = multiprocessing.get_context("spawn")
        self.pool = stack.enter_context(ctx.Pool(workers, initializer=_init_worker, initargs=(rules, key, roster)))
        self.meta = self.pool.apply(_model_meta)

    def __call__(self, records: Iterable[Record]) -> Iterator[Outcome]:
        return self.pool.imap(_work, records, chunksize=4)


def _model_meta() -> tuple[str, str]:
    assert _WORKER is not None
    d = _WORKER.detector
    return d.model_name, d.model_version


def _stepper(rules: RuleSet, key: Key, roster: tuple[str, ...], workers: int, stack: ExitStack):
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, got {workers}")
    return _Local(rules, key, roster) if workers == 1 else _Pool(rules, key, roster, workers, stack)
