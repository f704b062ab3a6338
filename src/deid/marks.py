"""A published folder, read back through its ledger: the one reader that
``deid run`` (on a published folder), ``deid check``, ``deid verify`` and
``deid report`` share.

Each published record's ledger entry holds the output offsets of every
decision made on it. When the input is a published folder, those spans are
marked on the records read, so the tool leaves its own stand-ins alone
("Frances Breland" is not a new person) while still catching a real name
added to the text afterwards.

A ledger is trusted only when its hash chain and closing seal verify with
this key, and a file only when its SHA-256 is the one the ledger sealed:
anyone can write a ledger, and a name typed over a stand-in must not pass as
the stand-in. Any other folder or file is plain input. A trusted folder is
judged by the rules its run recorded.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .audit import LEDGER_NAME, file_sha256, findings_of
from .keys import Key

Span = tuple[str, int, int]  # field, start, end


@dataclass
class Published:
    folder: Path
    entries: list[dict[str, Any]]
    key: Key
    trusted: dict[str, bool] = field(default_factory=dict)  # output path -> unchanged since the run
    _opened: dict[Any, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    @property
    def header(self) -> dict[str, Any]:
        return self.entries[0]

    @cached_property
    def rules(self):
        """The rules the run recorded (``rules.from_ledger``)."""
        from .rules import from_ledger

        h = self.header
        return from_ledger(h.get("rules"), f"{self.folder / LEDGER_NAME} (the run's rules)", str(h.get("rules_sha256", "")))

    def outputs(self) -> list[str]:
        """The output files the ledger names, in the order it first names them."""
        return list(self._by_output)

    def records(self, rel: str) -> list[dict[str, Any]]:
        """The published record entries of one output file, in order."""
        return self._by_output.get(rel, [])

    @cached_property
    def _by_output(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in self.entries:
            if e.get("kind") == "record" and e.get("status") == "published":
                out[e.get("output")].append(e)
        return dict(out)

    def spans(self, rel: str, decided: bool = False) -> list[tuple[Span, ...]]:
        """Per published record of ``rel``, the spans deid wrote (its
        stand-ins), or with ``decided`` every span it decided on, kept ones
        included (what the run's final check left alone); nothing for a file
        changed since the run."""
        if not self.trusted.get(rel):
            return []
        return [tuple(
            (f["field"], f["out_start"], f["out_end"])
            for f in self.findings(e)
            if (decided or f.get("changed") or f.get("recognizer") == "earlier_run")
            and f.get("out_end", 0) > f.get("out_start", 0)
        ) for e in self.records(rel)]

    def unsealed(self) -> str | None:
        """``None`` when every record's findings open with the key, else why
        the first one does not (``audit.findings_of``)."""
        try:
            for e in self.entries:
                if e.get("kind") == "record":
                    self.findings(e)
        except ValueError as exc:
            return str(exc)
        return None

    def findings(self, entry: dict[str, Any]) -> list[dict[str, Any]]:
        """A record entry's findings, opened with the key (``audit.findings_of``)
        once per record: verify, check and the spans all ask."""
        seq = entry.get("seq")
        if seq not in self._opened:
            self._opened[seq] = findings_of(entry, self.key)
        return self._opened[seq]


def read_published(folder: Path, key: Key, notes: list[str] | None = None) -> Published | None:
    """``folder``'s ledger when it verifies with ``key``, with which of its
    output files are unchanged; ``None`` when there is no ledger or it does
    not verify. Why a ledger or a file is not trusted goes to ``notes``."""
    from .ledger_check import Report, read_chain

    path = folder / LEDGER_NAME
    if not path.is_file():
        return None
    rep = Report()
    entries = read_chain(path, key, None, rep)
    if entries is None or not rep.ok:
        if notes is not None:
            notes.append(f"{path}: {rep.problems[0] if rep.problems else 'not readable'}; "
                         f"{folder} is read as plain text, its stand-ins included")
        return None
    published = Published(folder, entries, key)
    problem = published.unsealed()
    if problem is not None:
        if notes is not None:
            notes.append(f"{path}: {problem}; {folder} is read as plain text, its stand-ins included")
        return None
    sealed: dict[str, str] = entries[-1].get("outputs", {})
    for rel in published.outputs():
        target = folder.joinpath(*str(rel).split("/"))
        ok = target.is_file() and not target.is_symlink() and rel in sealed and file_sha256(target) == sealed[rel]
        published.trusted[rel] = ok
        if not ok and notes is not None and target.exists():
            notes.append(f"{target}: changed since deid run sealed it; read as plain text, its stand-ins included")
    return published


def load_marks(folder: Path, key: Key, notes: list[str] | None = None) -> dict[str, list[tuple[Span, ...]]]:
    """Output path (relative to ``folder``) -> the stand-ins of each of its
    published records, for the files of a trusted folder that are unchanged."""
    published = read_published(folder, key, notes)
    if published is None:
        return {}
    return {rel: published.spans(rel) for rel, ok in published.trusted.items() if ok}


def published_root(path: Path, root: Path) -> Path | None:
    """The nearest folder holding ``path`` (from its own folder up to
    ``root``) that holds a ledger: the published folder it belongs to."""
    here = path.parent
    while True:
        if (here / LEDGER_NAME).is_file():
            return here
        if here == root or here == here.parent or root not in here.parents:
            return None
        here = here.parent


def inside(spans: tuple[Span, ...], field: str, start: int, end: int) -> bool:
    return any(f == field and a <= start and end <= b for f, a, b in spans)
