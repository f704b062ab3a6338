"""A sampled human audit, kept in the ledger: the keyed draw, the verdicts, and what they prove.

No detector catches everything, so the ledger's proof that deid did what it says is not a
proof that nothing identifiable is published. People close the gap by reading a random
sample of the output; this module keeps that audit as evidence.

- **The draw** (``draw``): the published records ordered by HMAC(key, seed, seq), the first
  ``n`` taken. The seed is the SHA-256 of the run's closing entry (its chain head and seal),
  so the sample is fixed by the run and the team key: whoever publishes cannot choose easy
  records, and whoever holds the key draws the same ones again. A larger sample extends a
  smaller one (the same order), so verdicts already given still count.
- **The entries**, appended after the run's closing entry, each chained (``prev``) and
  sealed (``hmac`` under the key) like the rest: ``audit_sample`` (seed, n, confidence,
  max_rate, population, the drawn records' keyed labels) and one ``audit_verdict`` a
  verdict as it is given (record label, verdict, types, whether a leak identifies someone,
  reviewer label, time). No text: records and reviewers appear only as keyed labels.
- **The result** (``Audit``): per drawn record its most severe verdict (leaked, then
  damaged, then clean); the leak and damage rates bounded exactly (``core.bounds``).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from deid.core.bounds import upper
from deid.core.keys import Key
from deid.ledger.audit import line_of, seal
from deid.core.files import atomic_writer

SAMPLE, VERDICT = "audit_sample", "audit_verdict"
KINDS = (SAMPLE, VERDICT)
CLEAN, LEAKED, DAMAGED = "clean", "leaked", "damaged"
VERDICTS = (CLEAN, LEAKED, DAMAGED)
_SEVERITY = {CLEAN: 0, DAMAGED: 1, LEAKED: 2}


def seed_of(summary: dict[str, Any]) -> str:
    """The draw's seed: the SHA-256 of the run's closing entry as the ledger holds it."""
    return hashlib.sha256(line_of(summary).encode("utf-8")).hexdigest()


def record_label(key: Key, seq: int) -> str:
    return key.label("audit record", str(seq), 8)


def reviewer_label(key: Key, reviewer: str) -> str:
    return key.label("audit reviewer", " ".join(reviewer.split()).casefold(), 6)


def draw(key: Key, seed: str, seqs: list[int], n: int) -> list[int]:
    """The ``n`` records (ledger seqs) of the keyed draw, in the order drawn."""
    return sorted(seqs, key=lambda s: key.label("audit draw", f"{seed}\x1f{s}", 16))[:n]


def published_seqs(entries: list[dict[str, Any]]) -> list[int]:
    return [e["seq"] for e in entries if e.get("kind") == "record" and e.get("status") == "published"]


def audit_tail(entries: list[dict[str, Any]], key: Key, name: str) -> tuple[int, str | None]:
    """Where the run's part of a ledger ends (the index of its closing entry) and what is
    wrong with the audit entries after it, if anything: each must be an audit entry sealed
    with the key. (The hash chain was checked already, line by line.)"""
    end = next((i for i, e in enumerate(entries) if e.get("kind") == "summary"), len(entries) - 1)
    for n in range(end + 1, len(entries)):
        e = entries[n]
        if e.get("kind") not in KINDS:
            return end, f"{name}:{n + 1}: after the run's closing entry only audit entries may follow (edited?)"
        if not hmac.compare_digest(str(e.get("hmac", "")), seal(e, key)):
            return end, (f"{name}:{n + 1}: an audit entry not sealed with this key: it was edited, or written "
                         "without the key")
    return end, None


def append(path: Path, entries: list[dict[str, Any]], key: Key) -> list[dict[str, Any]]:
    """Append audit entries to the ledger at ``path``, each chained and sealed; the file is
    written again whole (a crash leaves the old one). Returns the entries as written."""
    text = path.read_text(encoding="utf-8")
    last = text.splitlines()[-1]
    prev = hashlib.sha256(last.encode("utf-8")).hexdigest()
    written, lines = [], []
    for entry in entries:
        entry = {**entry, "prev": prev}
        entry["hmac"] = seal(entry, key)
        line = line_of(entry)
        written.append(entry)
        lines.append(line)
        prev = hashlib.sha256(line.encode("utf-8")).hexdigest()
    with atomic_writer(path) as fh:
        fh.write(text + "".join(line + "\n" for line in lines))
    return written


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def sample_entry(key: Key, summary: dict[str, Any], population: list[int], n: int, confidence: float,
                 max_rate: float | None) -> dict[str, Any]:
    seed = seed_of(summary)
    drawn = draw(key, seed, population, n)
    return {"kind": SAMPLE, "seed": seed, "n": len(drawn), "confidence": confidence, "max_rate": max_rate,
            "population": len(population), "drawn": [record_label(key, s) for s in drawn], "time": now()}


def verdict_entry(key: Key, seq: int, verdict: str, reviewer: str, types: list[str] = (),
                  identifies: bool | None = None) -> dict[str, Any]:
    if verdict not in VERDICTS:
        raise ValueError(f"verdict {verdict!r}: one of {', '.join(VERDICTS)}")
    entry: dict[str, Any] = {"kind": VERDICT, "record": record_label(key, seq), "verdict": verdict,
                             "types": sorted(set(types)), "reviewer": reviewer_label(key, reviewer), "time": now()}
    if verdict == LEAKED:
        entry["identifies"] = bool(identifies)
    return entry


@dataclass
class Audit:
    """The audit a ledger holds: its latest sample and the verdicts given on it."""
    sample: dict[str, Any] | None
    drawn: list[int] = field(default_factory=list)              # ledger seqs, in the order drawn
    verdicts: dict[int, dict[str, Any]] = field(default_factory=dict)  # seq -> its most severe verdict
    reviewers: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)           # a sample that is not the keyed draw, ...

    @property
    def reviewed(self) -> int:
        return len(self.verdicts)

    def count(self, verdict: str) -> int:
        return sum(1 for v in self.verdicts.values() if v["verdict"] == verdict)

    @property
    def complete(self) -> bool:
        return self.sample is not None and self.reviewed == len(self.drawn)

    def bound(self, verdict: str = LEAKED, confidence: float | None = None) -> float | None:
        """The exact upper bound of the rate of ``verdict`` over the published records, from a
        complete sample; None before that."""
        if not self.complete or not self.drawn:
            return None
        c = confidence if confidence is not None else self.sample["confidence"]
        if len(self.drawn) == self.sample["population"]:
            return self.count(verdict) / len(self.drawn)  # every record was read: the rate itself
        return upper(self.count(verdict), len(self.drawn), c)

    def meets(self, confidence: float, max_rate: float) -> bool:
        if not self.complete or self.count(LEAKED):
            return False
        bound = self.bound(LEAKED, confidence)
        return bound is not None and bound <= max_rate

    def statement(self) -> str:
        """What the audit proves, in one line (``deid verify``, ``deid report``)."""
        if self.sample is None:
            return "no sampled audit in the ledger (deid audit sample DIR)"
        n, pop, c = len(self.drawn), self.sample["population"], self.sample["confidence"]
        who = f"{len(self.reviewers)} reviewer{'s' if len(self.reviewers) != 1 else ''}"
        if not self.complete:
            return (f"{self.reviewed} of the {n} records drawn from {pop:,} reviewed so far by {who}: "
                    "no bound until all are (deid audit review DIR INPUT)")
        leaks, damaged = self.count(LEAKED), self.count(DAMAGED)
        how = "every record read" if n == pop else f"{c:.0%}, exact binomial"
        out = (f"{n} of {pop:,} records reviewed by {who}, {leaks} leak{'s' if leaks != 1 else ''}: "
               f"leak rate <= {_pct(self.bound(LEAKED))} ({how})")
        if damaged:
            out += f"; medical meaning lost in {damaged} of {n}: <= {_pct(self.bound(DAMAGED))}"
        return out


def _pct(rate: float | None) -> str:
    return "?" if rate is None else f"{rate * 100:.1f}%"


def read_audit(entries: list[dict[str, Any]], tail: list[dict[str, Any]], key: Key) -> Audit:
    """The audit of a ledger: ``entries`` its run's part (header to closing entry), ``tail``
    the audit entries after it (``audit_tail`` checked their seals). A sample that is not the
    keyed draw of this run (another seed, other records) is a problem, and so is a verdict
    on a record that was not drawn."""
    samples = [e for e in tail if e.get("kind") == SAMPLE]
    if not samples:
        return Audit(None)
    summary = entries[-1]
    population = published_seqs(entries)
    problems = []
    seed = seed_of(summary)
    for s in samples:
        expected = [record_label(key, q) for q in draw(key, seed, population, int(s.get("n", 0)))]
        if s.get("seed") != seed or s.get("drawn") != expected or s.get("population") != len(population):
            problems.append("an audit sample that is not this run's keyed draw (another seed, or records chosen "
                            "by hand): draw it again with deid audit sample")
    latest = samples[-1]
    drawn = draw(key, seed, population, int(latest.get("n", 0)))
    by_label = {record_label(key, q): q for q in drawn}
    audit = Audit(latest, drawn, problems=problems)
    for v in (e for e in tail if e.get("kind") == VERDICT):
        seq = by_label.get(v.get("record"))
        if seq is None:
            if not any(v.get("record") in s.get("drawn", []) for s in samples):
                audit.problems.append("a verdict on a record the sample did not draw")
            continue
        audit.reviewers.add(str(v.get("reviewer")))
        held = audit.verdicts.get(seq)
        if held is None or _SEVERITY.get(v.get("verdict"), 2) > _SEVERITY.get(held.get("verdict"), 2):
            audit.verdicts[seq] = v
    return audit
