"""The commands over a published folder, for the CLI: ``deid verify`` (``ledger.verify``)
and ``deid report`` (``ledger.report``)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from deid.core.errors import UsageError
from deid.core.keys import load_key
from deid.core.layout import LEDGER_NAME
from deid.ledger.audit import file_sha256, load_public_key
from deid.ledger.report import build_report, check_report_path
from deid.ledger.verify import verify_folder
from deid.read.opening import ReaderOptions
from deid.core.files import atomic_writer
from deid.run.options import RunOptions
from deid.run.pipeline import run
from deid.run.places import check_unpublished
from deid.run.writing import originals_of


def verify_published(folder: Path, key_file: Path | None = None, public_key: Path | None = None, audit=None):
    """``deid verify``: see ``verify``; ``audit``: the sampled audit the project's configuration asks for."""
    key = load_key(key_file, create=False)
    raw = load_public_key(public_key) if public_key else None
    return verify_folder(folder, key, raw, audit)


def write_report(folder: Path, report: Path, key_file: Path | None = None, inputs: list[Path] | None = None,
                 rules: Path | None = None, baseline: Path | None = None) -> None:
    """``deid report``: the shareable report of a finished run; with ``inputs`` (``--show-original
    INPUT``), the confidential one, each change beside the text it replaced, read again from
    the input (``originals``)."""
    if not (folder / LEDGER_NAME).exists():
        raise UsageError(f"{folder}: no ledger; give a folder written by deid run")
    check_report_path(report, folder)
    key = load_key(key_file, create=False)
    found = None
    if inputs:
        check_unpublished(report, "--output with --show-original", ignore=False)
        found = originals(folder, inputs, rules, key_file, baseline)
    with atomic_writer(report, mode=0o600 if found is not None else 0o644) as fh:
        fh.write(build_report(folder, key, found))


def originals(folder: Path, inputs: list[Path], rules: Path | None, key_file: Path | None,
              baseline: Path | None = None) -> dict:
    """What each change of ``folder`` replaced, by ledger seq (``report.build_report``'s
    ``originals``). The ledger keeps no original text nor offsets, so the run is made again
    from ``inputs`` with the same key and rules, into a private temporary folder removed
    afterwards; its outputs must be ``folder``'s byte for byte, else the input is not the one
    the folder was made from and nothing is shown. ``baseline``: the reviewed findings the
    run honoured (the project's, as ``deid run`` reads it), when there is one."""
    found: dict[int, dict] = {}
    seq = [0]

    def told(where: str, outcome, fate: str) -> None:
        seq[0] += 1
        if not outcome.held_back and fate.startswith("published"):
            found[seq[0]] = originals_of(outcome)

    ledger = [json.loads(x) for x in (folder / LEDGER_NAME).read_text(encoding="utf-8").splitlines()]
    reading = ReaderOptions.from_recorded(ledger[0].get("reading") if ledger else None)  # as the run was told
    scratch = Path(tempfile.mkdtemp(prefix="deid-report-"))
    try:
        summary = run(RunOptions(paths=list(inputs), out=scratch / "out", rules=rules, quarantine=scratch / "quarantine",
                                 workers=1, key_file=key_file, review=scratch / "review", on_outcome=told,
                                 encoding=reading.encoding, delimiter=reading.delimiter,
                                 baseline=baseline if baseline is not None and baseline.exists() else None))
        again = {rel: file_sha256(scratch / "out" / rel) for rel in summary.written}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    summary = next((e for e in ledger if e.get("kind") == "summary"), {})  # audit entries may follow it
    if again != summary.get("outputs", {}):
        raise UsageError(f"{folder}: the input given, with these rules and this key, does not make this folder again "
                         "byte for byte: give the input, the rules (--rules) and the key the run used")
    return found
