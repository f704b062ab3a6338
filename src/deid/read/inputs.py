"""Which files a run reads, and where each one's output goes."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from deid.core.errors import UsageError
from deid.core.layout import LEDGER_NAME, WORK_SUFFIX
from deid.read.formats import format_for


@dataclass(frozen=True)
class Input:
    path: Path
    relpath: str     # the output's path under --out, POSIX style
    root: Path       # the folder it was found in (for its ledger, if any)

    @property
    def shown(self) -> str:
        """How messages name the file: the folder it was found in and its
        output path (``deid run`` keys a file name that may hold a name)."""
        return (self.root / self.relpath).as_posix()


def collect(paths: list[Path], exclude: list[Path], outputs: bool = True,
            name=lambda rel: rel) -> tuple[list[Input], list[str]]:
    """Inputs in a stable order, and notes about files passed over.

    A folder is walked recursively (hidden entries, deid ledgers and the
    ``exclude`` folders skipped, symlinked folders not followed); a file lands
    under its own name; a deid ledger named as a file is passed over too.
    With ``outputs`` (``deid run``), two inputs that would be written to the
    same output path are an error; ``deid check`` writes nothing. ``name``
    gives the output path for a path under a folder or a file's name (``deid
    run``: ``ids.public_file_path``); notes name files by it too.
    """
    if not paths:
        raise UsageError("no input given; name at least one file or folder")
    skip = {p.resolve() for p in exclude}
    found: list[Input] = []
    notes: list[str] = []
    for p in paths:
        if not p.exists():
            raise UsageError(f"{p}: no such file or folder")
        if p.is_dir():
            for sub in _walk(p, skip):
                rel = name(sub.relative_to(p).as_posix())
                if format_for(sub) is None:
                    notes.append(f"{(p / rel).as_posix()}: skipped, not a supported format (.csv .json .jsonl .md .txt)")
                else:
                    found.append(Input(sub, rel, p))
        elif p.name == LEDGER_NAME:
            notes.append(f"{p}: skipped, a deid ledger")
        elif format_for(p) is None:
            raise UsageError(f"{p}: unsupported file type; deid reads .csv .json .jsonl .ndjson .md .txt")
        else:
            found.append(Input(p, name(p.name), p.parent))
    seen: dict[str, Input] = {}
    for i in found if outputs else ():
        if i.relpath in seen:
            raise UsageError(f"{seen[i.relpath].shown} and {i.shown} would both be written to {i.relpath}; run them separately")
        seen[i.relpath] = i
    return found, notes


def _walk(root: Path, skip: set[Path]) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not d.endswith(WORK_SUFFIX)
                             and (here / d).resolve() not in skip)
        for name in sorted(filenames):
            if not name.startswith(".") and name != LEDGER_NAME:
                out.append(here / name)
    return out
