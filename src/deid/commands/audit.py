"""``deid audit``: a sampled human audit of a published folder, kept in its ledger
(``ledger.sampled`` says what is drawn, kept and proved).

- ``sample``: draw the keyed sample (``--n``, or the fewest records that bound the leak
  rate at ``--max-rate`` with ``--confidence`` when no leak is found) into the ledger.
- ``review``: each drawn record without a verdict, its published text beside the original
  read again from the input the user names (``published.originals``: the run is made again
  and must give this folder byte for byte), its changes marked and its risk; the reviewer's
  verdict goes into the ledger as it is given, so a review that stops resumes.
- ``review --html`` (``auditpage``) writes the same as a local HTML page that keeps verdicts
  in the browser and saves them to a file, and ``record`` puts that file's verdicts in the ledger.

The folder must verify with the key first (chain, seal, every file's hash): a sample of a
folder changed since the run would prove nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from deid.core.bounds import sample_size
from deid.core.errors import UsageError
from deid.core.keys import load_key
from deid.core.layout import LEDGER_NAME
from deid.ledger.published import Published, read_published
from deid.ledger.report import published_texts
from deid.ledger.sampled import (CLEAN, DAMAGED, LEAKED, VERDICTS, Audit, append, published_seqs, read_audit,
                                 record_label, sample_entry, verdict_entry)
from deid.run.places import lock

PROMPT = "[c]lean, [l]eaked, [d]amaged (medical meaning lost), [s]kip, [q]uit"
_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")


def trusted(folder: Path, key_file: Path | None) -> Published:
    """The published folder, when its ledger and every file verify with the key."""
    if not (folder / LEDGER_NAME).is_file():
        raise UsageError(f"{folder}: no ledger; give a folder written by deid run")
    notes: list[str] = []
    published = read_published(folder, load_key(key_file, create=False), notes)
    if published is None:
        raise UsageError(notes[0] if notes else f"{folder}: its ledger does not verify with this key")
    changed = sorted(rel for rel, ok in published.trusted.items() if not ok)
    if changed:
        raise UsageError(f"{folder / changed[0]}: changed since deid run sealed it; an audit of it would prove "
                         "nothing: run deid verify, publish what deid wrote, then draw the audit")
    return published


def draw_sample(folder: Path, key_file: Path | None, n: int | None, confidence: float | None,
                max_rate: float | None, asked=None) -> tuple[Audit, bool]:
    """Draw the keyed sample into the ledger (nothing new when the same one is there);
    returns the audit and whether an entry was added. What is not given comes from the run's
    rules' ``audit``, else from ``asked`` (the project configuration's), else 95% and 5%."""
    with lock(folder):
        published = trusted(folder, key_file)
        policy = published.rules.audit or asked
        confidence = confidence if confidence is not None else policy.confidence if policy else 0.95
        if max_rate is None and n is None:
            max_rate = policy.max_rate if policy else 0.05
        population = published_seqs(published.entries)
        if not population:
            raise UsageError(f"{folder}: no published record to sample")
        size = min(n if n is not None else sample_size(max_rate, confidence), len(population))
        held = published.audit.sample
        if held is not None and held.get("n") == size and held.get("confidence") == confidence:
            return published.audit, False
        added = append(folder / LEDGER_NAME, [sample_entry(published.key, published.entries[-1], population, size,
                                                           confidence, max_rate)], published.key)
    return read_audit(published.entries, [*published.tail, *added], published.key), True


@dataclass
class Drawn:
    """One drawn record as a reviewer sees it."""
    seq: int
    label: str
    where: str                      # output:line record id
    risk: dict
    fields: list[tuple[str, str, list[dict], dict]] = field(default_factory=list)  # path, text, changes, originals

    @staticmethod
    def original(text: str, originals: dict) -> tuple[str, list[tuple[int, int]]]:
        """The field's text as read (each change put back) and where each replaced value stands in it."""
        parts, spans, pos, at = [], [], 0, 0
        for (a, b), value in sorted(originals.items()):
            parts += [text[pos:a], value]
            at += a - pos
            spans.append((at, at + len(value)))
            at += len(value)
            pos = b
        return "".join(parts + [text[pos:]]), spans


def drawn(published: Published) -> Audit:
    """The folder's audit, which must hold a sample."""
    if published.audit.sample is None:
        raise UsageError(f"{published.folder}: no audit sample in its ledger; draw one first: "
                         f"deid audit sample {published.folder}")
    return published.audit


def to_review(published: Published, found: dict[int, dict] | None, every: bool = False) -> list[Drawn]:
    """The drawn records not yet given a verdict (all of them with ``every``), in the order
    drawn, with their published text, changes and, from ``found`` (``published.originals``),
    the text each change replaced."""
    audit = drawn(published)
    by_seq = {e["seq"]: e for e in published.entries if e.get("kind") == "record"}
    texts = published_texts(published)
    index: dict[int, tuple[str, int]] = {}
    count: dict[str, int] = {}
    for e in (e for e in published.entries if e.get("kind") == "record" and e.get("status") == "published"):
        index[e["seq"]] = (e["output"], count.get(e["output"], 0))
        count[e["output"]] = count.get(e["output"], 0) + 1
    out = []
    for seq in audit.drawn:
        if seq in audit.verdicts and not every:
            continue
        e = by_seq[seq]
        item = Drawn(seq, record_label(published.key, seq), f"{e['output']}:{e['line']} record {e['id']}", e.get("risk") or {})
        originals = (found or {}).get(seq, {})
        for path, text in texts.get(index[seq], {}).items():
            changes = [f for f in published.findings(e) if f["field"] == path and f["changed"]]
            mine = {(a, b): v for (p, a, b), v in originals.items() if p == path}
            item.fields.append((path, text, changes, mine))
        out.append(item)
    return out


def _shown(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for a, b, label in sorted(spans):
        if a < pos:
            continue
        out += [text[pos:a], "[", text[a:b], "]{", label, "}"]
        pos = b
    return "".join(out + [text[pos:]])


def show(item: Drawn, number: int, total: int) -> list[str]:
    """A drawn record for the terminal: each changed field published and as read, changes marked."""
    risk = item.risk
    lines = [f"record {number} of {total}: {item.where}"
             + (f" · risk {risk.get('level')}: {', '.join(risk.get('types', [])) or 'no details'}" if risk else "")]
    for path, text, changes, originals in item.fields:
        lines.append(f"  {path or '(document)'}")
        lines.append("    published: " + _shown(text, [(f["out_start"], f["out_end"], f["type"]) for f in changes]))
        if originals:
            was, spans = item.original(text, originals)
            lines.append("    original:  " + _shown(was, [(a, b, "was") for a, b in spans]))
    if len(lines) == 1:
        lines.append("  (nothing changed: read it for what deid missed)")
        lines += [f"  {path or '(document)'}: {text}" for path, text, _, _ in item.fields]
    return lines


def types_of(answer: str) -> list[str]:
    """Entity types from a reviewer's answer ("person, location"), in capitals."""
    names = [t.strip().upper() for t in re.split(r"[,\s]+", answer) if t.strip()]
    bad = [t for t in names if not _TYPE.fullmatch(t)]
    if bad:
        raise ValueError("types are words like PERSON, LOCATION, DRUG")
    return names


def review(published: Published, items: list[Drawn], reviewer: str, ask: Callable[[str], str],
           say: Callable[[str], None]) -> dict[str, int]:
    """Ask for each item's verdict and put each in the ledger as it is given."""
    counts = {v: 0 for v in VERDICTS} | {"skipped": 0}
    ledger = published.folder / LEDGER_NAME
    for number, item in enumerate(items, start=1):
        for line in show(item, number, len(items)):
            say(line)
        while (answer := ask(PROMPT).strip().lower()[:1]) not in ("c", "l", "d", "s", "q"):
            say("please answer c, l, d, s or q")
        if answer == "q":
            break
        if answer == "s":
            counts["skipped"] += 1
            continue
        verdict = {"c": CLEAN, "l": LEAKED, "d": DAMAGED}[answer]
        types, identifies = [], None
        if verdict != CLEAN:
            question = ("what leaked (types, e.g. PERSON, LOCATION)" if verdict == LEAKED
                        else "what was lost (types, e.g. DRUG, CONDITION; optional)")
            while True:
                try:
                    types = types_of(ask(question))
                    break
                except ValueError as exc:
                    say(str(exc))
        if verdict == LEAKED:
            identifies = ask("does it identify someone? [y/n]").strip().lower().startswith("y")
        with lock(published.folder):
            append(ledger, [verdict_entry(published.key, item.seq, verdict, reviewer, types, identifies)], published.key)
        counts[verdict] += 1
    return counts


def record_file(folder: Path, verdicts_file: Path, key_file: Path | None, reviewer: str | None) -> int:
    """Put the verdicts an audit page saved (``auditpage``) in the ledger; returns how many."""
    try:
        data = json.loads(verdicts_file.read_text(encoding="utf-8"))
        items, seed = data["verdicts"], data["seed"]
        who = reviewer or str(data.get("reviewer") or "").strip()
        if not isinstance(items, list):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        raise UsageError(f"{verdicts_file}: not a verdicts file saved by deid's audit page") from None
    if not who:
        raise UsageError(f"{verdicts_file}: says no reviewer; give --reviewer NAME")
    with lock(folder):
        published = trusted(folder, key_file)
        audit = published.audit
        if audit.sample is None or audit.sample.get("seed") != seed:
            raise UsageError(f"{verdicts_file}: made for another sample than the one in {folder}'s ledger; "
                             f"write the page again (deid audit review --html) and review there")
        by_label = {record_label(published.key, s): s for s in audit.drawn}
        entries = []
        for n, v in enumerate(items, start=1):
            seq = by_label.get(v.get("record")) if isinstance(v, dict) else None
            if seq is None or v.get("verdict") not in VERDICTS:
                raise UsageError(f"{verdicts_file}: verdict {n} names no drawn record or no verdict "
                                 f"({', '.join(VERDICTS)}); nothing was recorded")
            raw = v.get("types") or []
            try:
                if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
                    raise ValueError
                types = types_of(" ".join(raw))
            except ValueError:
                raise UsageError(f"{verdicts_file}: verdict {n}: types are words like PERSON, LOCATION, DRUG; "
                                 "nothing was recorded") from None
            entries.append(verdict_entry(published.key, seq, v["verdict"], who, types, v.get("identifies")))
        if entries:
            append(folder / LEDGER_NAME, entries, published.key)
    return len(entries)
