"""The one place that wires the stages:

    read -> detect -> decide | risk | -> transform -> verify -> write outputs + audit
      (pass 1, in the engine) | here |    (pass 2, in the engine; writing here)

Pass 1 reads every file and plans every record; the plans wait in a private
journal (``journal``) while the batch's stand-ins are settled; pass 2
finishes them and this process writes each output file atomically, in input
order. The engine (``engines``) runs both passes here, in worker processes
or on a Dask cluster.
"""

from __future__ import annotations

import codecs
import errno
import json
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import Iterable

from deid import __version__
from deid.core.budget import LIMITS, Limits
from deid.core.errors import OutputError, UsageError
from deid.core.keys import Key, load_key
from deid.core.layout import LEDGER_NAME
from deid.core.model import Outcome, Record
from deid.decide.baseline import Baseline, load_baseline
from deid.ledger.audit import Ledger, file_sha256, fingerprint, load_sign_key
from deid.ledger.report import build_report, check_report_path
from deid.policy.rules import PROFILES, load_rules
from deid.policy.ruleset import RuleSet
from deid.read import ids
from deid.read.inputs import Input, collect
from deid.core.files import atomic_writer
from deid.core.layout import TEMP_PREFIX
from deid.risk.batch import Batch
from deid.risk.profile import profile
from deid.run.engines import LocalEngine, PoolEngine, default_workers
from deid.run.journal import Journal, default_dir as journal_dir
from deid.run.options import RunOptions, RunSummary, read_roster
from deid.run.places import check_apart, check_files_apart, check_unpublished, git_tracked, lock, published_folder
from deid.run.process import observe
from deid.run.quarantine import REVIEW_NAME, Quarantine, default_dir, default_review_dir, sweep
from deid.run.records import all_records, input_size, reader_options
from deid.run.writing import Held, finish_file, out_path
from deid.transform.surrogates import StandIns, Surrogates

STORAGE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS}


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
    notes = []
    for path, what in ((opts.quarantine, "--quarantine"), (opts.review, "--review")):
        if path is not None:
            notes.append(check_unpublished(path, what))  # named inside a git work tree: ignored first, and said
    if opts.report is not None and opts.show_original:
        check_unpublished(opts.report, "--report with --show-original", ignore=False)
    baseline = load_baseline(opts.baseline, key) if opts.baseline is not None else None
    with lock(opts.out):
        return _run(opts, rules, key, sign_key, [n for n in notes if n], baseline)


def _run(opts: RunOptions, rules: RuleSet, key, sign_key, notes: list[str] = (), baseline: Baseline | None = None
         ) -> RunSummary:
    out, quarantine_dir = opts.out, opts.quarantine or default_dir(opts.out)
    review_dir = opts.review or default_review_dir(opts.out)
    inputs, summary, roster, originals = _prepare(opts, key, quarantine_dir, review_dir)
    summary.notes[:0] = notes
    accepted = baseline.accepted_by_file() if baseline is not None else {}
    surrogates, risks = Surrogates(key), Batch(rules.risk)
    writing = [f"the journal in {journal_dir(out)}"]  # what a storage error is about
    try:
        with ExitStack() as stack:
            header = {**_journal_header(inputs, opts, rules, key, roster), "baseline": _accepted_id(accepted, key)}
            journal = stack.enter_context(Journal(journal_dir(out), header, resume=opts.resume))
            engine = engine_for(rules, roster, key, opts.workers, str(journal.folder), stack, opts.scheduler,
                                Limits(opts.record_seconds, opts.record_megabytes))
            files = _pass_one(engine, journal, inputs, opts, rules, key, surrogates, risks, summary, accepted)
            stand_ins = surrogates.freeze()  # every stand-in settled: pass 2 only looks them up
            risks.assess()
            writing[0] = str(out / LEDGER_NAME)
            ledger = Ledger(stack.enter_context(atomic_writer(out / LEDGER_NAME)),
                            {**_ledger_header(engine, rules, key, roster, stand_ins),
                             **({"baseline": _accepted_id(accepted, key)} if accepted else {}),
                             **({"reading": told} if (told := reader_options(opts).recorded()) else {})},
                            key, sign_key)
            held = Held(Quarantine(quarantine_dir), Quarantine(review_dir, REVIEW_NAME), risks)
            try:  # pass 2: one stream of outcomes, in input order, cut back into files
                outcomes = engine.finish(journal.take(sum(f[3] for f in files)), stand_ins)
                for inp, fmt, reader, count in files:
                    writing[0] = str(out_path(out, inp.relpath))
                    finish_file(inp, fmt, reader, islice(outcomes, count), opts, ledger, held, summary, originals)
                writing[0] = str(out / LEDGER_NAME)
            finally:
                held.close()
            ledger.close(_ledger_summary(summary, out))
    except OSError as exc:
        if exc.errno not in STORAGE_ERRORS:
            raise
        raise OutputError(f"{writing[0]}: cannot be written ({exc.strerror}); no half-written file is left and "
                          "this run wrote no ledger: free space and run again") from None
    _stale_note(out, summary)
    summary.quarantine = held.quarantine.path  # the list this run wrote, if any
    summary.review = held.review.path
    if opts.report is not None:
        with atomic_writer(opts.report, mode=0o600 if originals is not None else 0o644) as fh:
            fh.write(build_report(out, key, originals))
    return summary


def _prepare(opts: RunOptions, key, quarantine_dir: Path, review_dir: Path):
    """Before anything is read: the folders, the report's place, the roster and the inputs."""
    out = opts.out
    _check_folders(out, quarantine_dir)
    _check_folders(out, review_dir, "review")
    if opts.show_original and opts.report is None:
        raise UsageError("--show-original needs --report FILE.html")
    if opts.report is not None:
        check_report_path(opts.report, out)
    originals: dict | None = {} if opts.show_original else None
    roster = read_roster(opts.roster) if opts.roster else ()
    work = journal_dir(out)
    names = ids.name_words(roster)  # a file named after someone on the roster is renamed
    inputs, notes = collect(opts.paths, exclude=[out, quarantine_dir, review_dir, work],
                            name=lambda rel: ids.public_file_path(rel, key, names))
    check_files_apart(out, inputs)  # a link into --out, before anything is read
    summary = RunSummary(out=out, ledger=out / LEDGER_NAME, quarantine=quarantine_dir, notes=notes)
    opts.progress.on_start(sum(input_size(i.path) for i in inputs))
    if key.created:
        summary.notes.append(f"created a new secret key at {key.source} (keep it private; it makes keyed hashes repeatable)")
    if opts.quarantine is None and quarantine_dir.parent.resolve() != out.resolve().parent:
        where = published_folder(out.parent) or git_tracked(out.parent)
        summary.notes.append(f"{out} is inside {where}, which may be published or committed: the run's journal goes "
                             f"to {work} and held-back records (if any) to {quarantine_dir}, outside it")
    return inputs, summary, roster, originals


def _pass_one(engine, journal: Journal, inputs: list[Input], opts: RunOptions, rules: RuleSet, key,
              surrogates: Surrogates, risks: Batch, summary: RunSummary, accepted: dict | None = None) -> list[list]:
    """Plan every record into the journal, teach the surrogates the batch's names and
    the risk check its details (``risk``); the
    records of all files are one stream, so that chunks span small files. Returns
    [input, format, reader, record count] per file with records. A resumed run replays the
    plans the killed run made and plans the rest."""
    files: list[list] = []
    for plan in journal.replay():
        observe(plan, surrogates)
        risks.add((plan.record.source, plan.record.index), profile(plan, rules.risk))
    if journal.replayed:
        summary.notes.append(f"resumed: {journal.replayed} records were planned by the killed run")
    records = islice(all_records(inputs, opts, rules, key, summary, files, accepted), journal.replayed, None)
    for plan in engine.plan(records):
        observe(plan, surrogates)
        risks.add((plan.record.source, plan.record.index), profile(plan, rules.risk))
        journal.add(plan)
        opts.progress.on_record(plan)
    return files


def _ledger_header(engine, rules: RuleSet, key, roster: tuple[str, ...], stand_ins: StandIns) -> dict:
    return {
        "tool": "deid", "tool_version": __version__,
        "model": {"name": engine.meta[0], "version": engine.meta[1]},
        "rules_sha256": rules.sha256, "rules_file": rules_label(rules, key),
        "rules": rules.for_ledger(lambda term: fingerprint(key, term)),
        # the roster's names are personal data: only their keyed fingerprints
        "roster": sorted({fingerprint(key, n) for n in roster}),
        # the names and places removed from the whole batch (strong evidence)
        "batch_fingerprints": sorted({fingerprint(key, v) for v in stand_ins.removed}),
    }


def _accepted_id(accepted: dict[str, tuple[tuple[str, str], ...]], key: Key) -> str:
    """A keyed label of what the baseline accepted, file by file (no file name, no value):
    a resumed run must have been told the same; the ledger says which verdicts it honoured."""
    return key.label("BASELINE", json.dumps(sorted((f, list(map(list, p))) for f, p in accepted.items())), 16) \
        if accepted else ""


def rules_label(rules: RuleSet, key: Key) -> str:
    """What the ledger says of the rules file: a bundled profile's name
    (``rules/strict.yaml``), else a keyed label of the path as given, never
    the path (a folder may be named after a participant); ``rules_sha256``
    says what the rules were."""
    if rules.path in {f"rules/{name}.yaml" for name in PROFILES}:
        return rules.path
    return "file " + key.label("RULES_FILE", rules.path)


def _ledger_summary(summary: RunSummary, out: Path) -> dict:
    return {
        "records_in": summary.records_in, "published": summary.published,
        "held_back": summary.held_back, "held_for_review": summary.held_for_review, "files": summary.files,
        "risk_levels": dict(sorted(summary.risk_levels.items())),
        "removed_by_type": dict(sorted(summary.removed_by_type.items())),
        "outputs": {rel: file_sha256(out_path(out, rel)) for rel in summary.written},
    }


def _stale_note(out: Path, summary: RunSummary) -> None:
    stale = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                   if p.is_file() and p.name != LEDGER_NAME and p.relative_to(out).as_posix() not in summary.written)
    if stale:
        summary.notes.append(f"{out} holds {len(stale)} file(s) this run did not write (e.g. {stale[0]}); "
                             "deid verify will refuse them: publish from a fresh folder")


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
                  workers: int | None = 1, engine=None, limits: Limits = LIMITS) -> list[Outcome]:
    """Both passes over records held in memory, as ``run`` does over files:
    plan every record, settle the batch's stand-ins, finish every record.
    ``engine``: one already started (``engines``), to load the model once for
    many batches; ``limits``: the budget of one record, for an engine started here."""
    import tempfile

    surrogates = Surrogates(key)
    with ExitStack() as stack:
        if engine is None:
            scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="deid-batch-"))
            engine = engine_for(rules, roster, key, workers, scratch, stack, limits=limits)
        plans = []
        for plan in engine.plan(records):
            observe(plan, surrogates)
            plans.append(plan)
        return list(engine.finish(plans, surrogates.freeze()))


def _check_folders(out: Path, quarantine: Path, what: str = "quarantine") -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: --out must be a folder")
    q, o = quarantine.resolve(), out.resolve()
    if q == o or o in q.parents:
        raise UsageError(f"{quarantine}: the {what} folder must not be inside --out")
    out.mkdir(parents=True, exist_ok=True)
    for tmp in out.rglob(f"{TEMP_PREFIX}*"):  # half-written files of a run that was killed outright
        if tmp.is_file() and not tmp.is_symlink():
            tmp.unlink()
    sweep(quarantine)  # another run may share it: only what no running deid holds


def _journal_header(inputs: list[Input], opts: RunOptions, rules: RuleSet, key, roster) -> dict:
    """What a resumed run must share with the killed one (no personal data:
    file names and sizes, hashes and keyed fingerprints). Each input is bound
    by a keyed MAC of its bytes, not by its size and time alone: a record
    changed in place (same length, time kept) is a changed input."""
    def stat(p: Path) -> list:
        try:
            st = p.stat()
            return [st.st_size, st.st_mtime_ns, _content_mac(p, key)]
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


def _content_mac(path: Path, key: Key) -> str:
    """HMAC(working key, the file's bytes), read in chunks."""
    mac = key.hmac(b"JOURNAL-INPUT\x1f")
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            mac.update(chunk)
    return mac.hexdigest()


def engine_for(rules: RuleSet, roster: tuple[str, ...], key: Key, workers: int | None, scratch: str,
               stack: ExitStack, scheduler: str | None = None, limits: Limits = LIMITS):
    """The engine for ``--workers`` / ``--engine dask --scheduler``; ``limits``: one record's budget."""
    if scheduler is not None:
        from deid.run.dask_engine import DaskEngine

        engine = DaskEngine(rules, roster, key, scheduler, limits)
    else:
        workers = default_workers() if workers is None else workers
        if workers < 1:
            raise UsageError(f"--workers must be at least 1, got {workers}")
        engine = LocalEngine(rules, roster, key, limits) if workers == 1 \
            else PoolEngine(rules, roster, key, workers, scratch, limits)
    stack.callback(engine.close)
    return engine
