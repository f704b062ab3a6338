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

The entries of an older schema are lifted to the current one (``lift``) once
the chain and the seal are checked over them as written: every reader sees one schema.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from deid.core.keys import Key
from deid.core.layout import LEDGER_NAME
from deid.core.model import Span
from deid.ledger.audit import SCHEMAS, file_sha256, findings_of, ledger_key, line_of, seal
from deid.ledger.lift import lift
from deid.ledger.sampled import audit_tail, read_audit
from deid.read.opening import ReaderOptions


@dataclass
class Published:
    folder: Path
    entries: list[dict[str, Any]]
    key: Key
    trusted: dict[str, bool] = field(default_factory=dict)  # output path -> unchanged since the run
    tail: list[dict[str, Any]] = field(default_factory=list)  # the audit entries after the run's (``sampled``)
    _opened: dict[Any, list[dict[str, Any]]] = field(default_factory=dict, repr=False)

    @property
    def header(self) -> dict[str, Any]:
        return self.entries[0]

    @cached_property
    def rules(self):
        """The rules the run recorded (``rules.from_ledger``)."""
        from deid.policy.rules import from_ledger

        h = self.header
        return from_ledger(h.get("rules"), f"{self.folder / LEDGER_NAME} (the run's rules)", str(h.get("rules_sha256", "")))

    @cached_property
    def told(self) -> ReaderOptions:
        """What the run was told about reading its inputs (``--encoding``, ``--delimiter``)."""
        return ReaderOptions.from_recorded(self.header.get("reading"))

    @property
    def reading(self) -> ReaderOptions:
        """The options that read the files the run wrote."""
        return self.told.for_published()

    @cached_property
    def audit(self):
        """The sampled audit its ledger holds (``sampled.read_audit``)."""
        return read_audit(self.entries, self.tail, self.key)

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
        return [tuple((f["field"], f["out_start"], f["out_end"]) for f in self._wrote(e, decided))
                for e in self.records(rel)]

    def written(self, rel: str) -> tuple[dict[str, tuple[Span, ...]], list[tuple[tuple[str, int, int, str], ...]]]:
        """For a file changed since the run (``relocate`` finds the stand-ins again): the
        record entries' stand-in spans by their output's SHA-256 (a record left as it was),
        and, by index, what each wrote there: (field, start, end, text) of each stand-in."""
        entries = self.records(rel)
        exact = {e.get("output_sha256"): tuple((f["field"], f["out_start"], f["out_end"]) for f in self._wrote(e))
                 for e in entries}
        moved = [tuple((f["field"], f["out_start"], f["out_end"], f["written"]) for f in self._wrote(e) if f.get("written"))
                 for e in entries]
        return exact, moved

    def _wrote(self, entry: dict[str, Any], decided: bool = False) -> list[dict[str, Any]]:
        """A record's findings deid wrote a stand-in for (every decided span, with ``decided``)."""
        return [f for f in self.findings(entry)
                if (decided or f.get("changed") or f.get("recognizer") == "earlier_run")
                and f.get("out_end", 0) > f.get("out_start", 0)]

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


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, str] = field(default_factory=dict)   # check -> "ok" / "failed" / note
    audit: list[dict[str, Any]] = field(default_factory=list)  # the audit entries after the run's (``sampled``)
    statement: str = ""  # what the sampled audit proves (``sampled.Audit.statement``)

    def fail(self, check: str, message: str) -> None:
        self.problems.append(message)
        self.checked[check] = "failed"

    @property
    def ok(self) -> bool:
        return not self.problems


def read_chain(path: Path, key: Key, public_key: bytes | None, rep: VerifyReport) -> list[dict[str, Any]] | None:
    """The ledger's entries, lifted to the current schema (``lift``) after their chain and
    seal are checked as written, with what is wrong with them in ``rep``: a broken chain,
    a schema this deid does not know, another key's seal. ``None`` when the entries cannot
    be used at all."""
    name = path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    entries, prev = [], None
    for n, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            rep.fail("chain", f"{name}:{n}: not a JSON entry (edited?)")
            return None
        if entry.get("prev") != prev:
            rep.fail("chain", f"{name}:{n}: the hash chain breaks here: line {n - 1} was edited, or a line was removed, inserted or moved before line {n}")
            return None
        if line_of(entry) != line:
            rep.fail("chain", f"{name}:{n}: the entry is not as deid writes it (edited)")
            return None
        prev = hashlib.sha256(line.encode("utf-8")).hexdigest()
        entries.append(entry)
    if not entries or entries[0].get("kind") != "header":
        rep.fail("chain", f"{name}:1: no header entry")
        return None
    schema = entries[0].get("schema")
    if schema not in SCHEMAS:
        rep.fail("chain", f"{name}:1: ledger schema {schema!r} is not one this deid reads "
                          f"({', '.join(map(str, sorted(SCHEMAS)))}): check it with the deid version that wrote it")
        return None
    key = ledger_key(entries[0], key)
    end, problem = audit_tail(entries, key, name)
    entries, rep.audit = entries[:end + 1], entries[end + 1:]
    last = entries[-1]
    if last.get("kind") != "summary":
        rep.fail("chain", f"{name}:{len(entries)}: no closing entry: the ledger was cut short")
        return None
    if problem is not None:
        rep.fail("chain", problem)
    records = [e for e in entries if e.get("kind") == "record"]
    for i, e in enumerate(records, start=1):
        if e.get("seq") != i:
            rep.fail("chain", f"{name}: record entries out of sequence at seq {e.get('seq')}")
            return None
    needed = entries[0].get("key_id")
    if needed is not None and needed != key.id:
        rep.fail("chain", f"{name}:1: this folder was sealed with the key whose id is {needed}; the key from "
                          f"{key.source} has id {key.id}: give the key the run used (--key-file, or DEID_KEY)")
    elif not hmac.compare_digest(str(last.get("hmac", "")), seal(last, key)):
        rep.fail("chain", f"{name}:{len(entries)}: the closing signature does not match this key: the ledger was rewritten, or the key is not the one it was written with")
    sig = last.get("ed25519")
    if public_key is not None:
        if not sig:
            rep.fail("chain", f"{name}:{len(entries)}: no Ed25519 signature to check")
        else:
            _check_ed25519(name, len(entries), last, sig, public_key, rep)
    elif sig:
        rep.checked["chain"] = "ok (Ed25519 signature not checked: give --public-key)"
    return lift(entries, key)


def _check_ed25519(name: str, n: int, entry: dict, sig: dict, public_key: bytes, rep: VerifyReport) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = {k: v for k, v in entry.items() if k != "ed25519"}
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(bytes.fromhex(sig["signature"]), line_of(body).encode())
    except (InvalidSignature, ValueError, KeyError):
        rep.fail("chain", f"{name}:{n}: the Ed25519 signature does not match the public key")


def read_published(folder: Path, key: Key, notes: list[str] | None = None) -> Published | None:
    """``folder``'s ledger when it verifies with ``key``, with which of its
    output files are unchanged; ``None`` when there is no ledger or it does
    not verify. Why a ledger or a file is not trusted goes to ``notes``."""
    path = folder / LEDGER_NAME
    if not path.is_file():
        return None
    rep = VerifyReport()
    entries = read_chain(path, key, None, rep)
    if entries is None or not rep.ok:
        if notes is not None:
            notes.append(f"{path}: {rep.problems[0] if rep.problems else 'not readable'}; "
                         f"{folder} is read as plain text, its stand-ins included")
        return None
    published = Published(folder, entries, ledger_key(entries[0], key), tail=rep.audit)
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
            notes.append(f"{target}: changed since deid run sealed it; the stand-ins deid wrote are left alone where "
                         "they still stand, the rest is judged as new text")
    return published


def load_marks(folder: Path, key: Key, notes: list[str] | None = None) -> dict[str, list[tuple[Span, ...]]]:
    """Output path (relative to ``folder``) -> the stand-ins of each of its
    published records, for the files of a trusted folder that are unchanged."""
    published = read_published(folder, key, notes)
    if published is None:
        return {}
    return {rel: published.spans(rel) for rel, ok in published.trusted.items() if ok}


def relocate(texts: dict[str, str], wrote: tuple[tuple[str, int, int, str], ...]) -> tuple[Span, ...]:
    """The spans of an edited record's fields that still hold, word for word, what deid wrote
    there: each stand-in looked for in order, nearest to where it stood once the edits before
    it are counted. A stand-in typed over, or a name typed in, is not among them; only
    what deid wrote is left alone, and everything else is judged."""
    out: list[Span] = []
    by_field: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for path, start, end, value in wrote:
        by_field[path].append((start, end, value))
    for path, items in by_field.items():
        text = texts.get(path)
        if text is None:
            continue
        shift, at = 0, 0
        for start, end, value in sorted(items):
            spots = [i for i in _occurrences(text, value) if i >= at]
            if not spots:
                continue
            here = min(spots, key=lambda i: abs(i - (start + shift)))
            out.append((path, here, here + len(value)))
            shift, at = here - start, here + len(value)
    return tuple(out)


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


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
