"""The commands other than ``deid run``, each a thin function over the
module that does the work, for the CLI: ``deid eval`` (``evaluate``), ``deid
verify`` (``verify``), ``deid check`` and ``deid review`` (``check``,
``baseline``, ``review``) and ``deid report`` (``report``)."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from deid import __version__
from deid.core.errors import UsageError
from deid.core.keys import load_key
from deid.core.layout import LEDGER_NAME
from deid.ledger.audit import load_public_key
from deid.ledger.report import build_report, check_report_path
from deid.policy.rules import load_rules
from deid.read.textio import atomic_writer
from deid.run.pipeline import process_batch
from deid.run.process import Processor


def evaluate_file(gold: Path, rules_path: Path | None = None, limit: int | None = None,
                  workers: int | None = 1):
    """Run annotated data through both passes as one batch; see ``evaluate``."""
    from deid.commands.evaluate import evaluate, load_gold, records

    rules = load_rules(rules_path)
    golds = list(islice(load_gold(gold), limit))
    return evaluate(golds, process_batch(records(golds, gold.name), rules, load_key(), workers=workers))


def verify_published(folder: Path, key_file: Path | None = None, public_key: Path | None = None):
    """``deid verify``: see ``verify``."""
    from deid.ledger.verify import verify_folder

    key = load_key(key_file, create=False)
    raw = load_public_key(public_key) if public_key else None
    return verify_folder(folder, key, raw)


def run_check(paths: list[Path], rules_path: Path | None, baseline_path: Path, update: bool, reason: str,
              key_file: Path | None, delimiter: str | None = None):
    """``deid check``: findings not accepted by the baseline (all of them are
    accepted into it with ``update``), and notes."""
    import getpass

    from deid.commands.baseline import ACCEPTED, load_baseline
    from deid.commands.check import check_paths

    key = load_key(key_file)
    processor = Processor(load_rules(rules_path), key)
    baseline = load_baseline(baseline_path, key)
    findings, notes = check_paths(paths, processor, key, delimiter)
    if update:
        for f in findings:
            if baseline.verdict(f) is None:
                baseline.add(f, ACCEPTED, getpass.getuser(), reason)
        baseline.save()
    return [f for f in findings if not baseline.accepts(f)], notes


def run_review(paths: list[Path], rules_path: Path | None, baseline_path: Path, key_file: Path | None,
               ask, say, highlight):
    """``deid review``: the terminal I/O comes in as ``ask``/``say`` (see ``review``)."""
    import getpass

    from deid.commands.baseline import load_baseline
    from deid.commands.check import check_paths
    from deid.commands.review import review

    key = load_key(key_file)
    findings, _ = check_paths(paths, Processor(load_rules(rules_path), key), key)
    return review(findings, load_baseline(baseline_path, key), ask=ask, say=say, by=getpass.getuser(), highlight=highlight)


def write_report(folder: Path, report: Path, key_file: Path | None = None) -> None:
    """``deid report``: the shareable report of a finished run."""
    if not (folder / LEDGER_NAME).exists():
        raise UsageError(f"{folder}: no ledger; give a folder written by deid run")
    check_report_path(report, folder)
    key = load_key(key_file, create=False)
    with atomic_writer(report) as fh:
        fh.write(build_report(folder, key))


def render_check(findings, fmt: str) -> str:
    from deid.commands.check import render_json, render_sarif, render_text

    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, __version__)
    return render_text(findings)
