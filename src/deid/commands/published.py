"""The commands over a published folder, for the CLI: ``deid verify`` (``ledger.verify``)
and ``deid report`` (``ledger.report``)."""

from __future__ import annotations

from pathlib import Path

from deid.core.errors import UsageError
from deid.core.keys import load_key
from deid.core.layout import LEDGER_NAME
from deid.ledger.audit import load_public_key
from deid.ledger.report import build_report, check_report_path
from deid.ledger.verify import verify_folder
from deid.read.textio import atomic_writer


def verify_published(folder: Path, key_file: Path | None = None, public_key: Path | None = None):
    """``deid verify``: see ``verify``."""
    key = load_key(key_file, create=False)
    raw = load_public_key(public_key) if public_key else None
    return verify_folder(folder, key, raw)


def write_report(folder: Path, report: Path, key_file: Path | None = None) -> None:
    """``deid report``: the shareable report of a finished run."""
    if not (folder / LEDGER_NAME).exists():
        raise UsageError(f"{folder}: no ledger; give a folder written by deid run")
    check_report_path(report, folder)
    key = load_key(key_file, create=False)
    with atomic_writer(report) as fh:
        fh.write(build_report(folder, key))
