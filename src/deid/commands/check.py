"""``deid check``: scan files as they are, change nothing, report what would
be removed -- the pre-publish gate for git, pre-commit and CI.

Detection and rules are those of ``deid run``. A file in a folder that
``deid run`` published (its ledger in that folder, found under the paths
given), unchanged since the run and vouched for by a ledger that verifies
with the key, is checked as the run's own final check left it: by the rules
the ledger recorded, every span the run decided on left alone, so realistic
stand-in names pass. A file changed since (a real name typed in), or under a
ledger that does not verify, is checked like any other file, stand-ins
included. Ledgers themselves are not scanned. A line holding ``deid: allow``
(``<!-- deid: allow -->`` in Markdown) accepts what is on it; ``deid: allow
PERSON`` accepts one type. Findings in the
baseline (see ``baseline``) are not reported again.

Values are never printed: each finding shows its type, score, recognizer and
the value masked ("L****** S****"); the baseline and the SARIF output hold
keyed fingerprints only.
"""

from __future__ import annotations

import getpass
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from deid import __version__
from deid.commands.baseline import ACCEPTED, load_baseline
from deid.core.keys import Key, load_key
from deid.core.model import Record
from deid.detect.scanner import PatternScanner
from deid.final_check.residuals import recheck
from deid.ledger.audit import fingerprint
from deid.ledger.marks import Published, published_root, read_published
from deid.policy.rules import load_rules
from deid.read.formats import format_for, reader_options
from deid.read.inputs import collect
from deid.read.labels import is_label
from deid.read.textio import sniff
from deid.run.process import Processor

_PRAGMA = re.compile(r"deid:\s*allow(?P<types>(?:[ \t]+[A-Z][A-Z0-9_]*(?:[ \t]*,[ \t]*[A-Z][A-Z0-9_]*)*)?)")


@dataclass(frozen=True)
class CheckFinding:
    file: str       # as given (relative to the folder walked)
    line: int
    column: int
    entity: str
    score: float
    recognizer: str
    masked: str
    fingerprint: str

    def key(self) -> tuple[str, str, str]:
        return (self.file, self.entity, self.fingerprint)


def check_paths(paths: list[Path], processor, key: Key, delimiter: str | None = None) -> tuple[list[CheckFinding], list[str]]:
    """Findings in every supported file under ``paths``, and notes."""
    findings: list[CheckFinding] = []
    inputs, notes = collect(paths, exclude=[], outputs=False)
    folders: dict[Path, Published | None] = {}  # each published folder's ledger, read once
    scanners: dict[Path, PatternScanner] = {}
    for inp in inputs:
        shown = inp.path.as_posix()
        home = published_root(inp.path, inp.root)
        if home is not None and home not in folders:
            folders[home] = read_published(home, key, notes)
        published = folders.get(home) if home is not None else None
        rel = inp.path.relative_to(home).as_posix() if published is not None else ""
        sealed = published is not None and published.trusted.get(rel, False)
        rules = published.rules if sealed else processor.rules
        spans = published.spans(rel, decided=True) if sealed else []
        fmt = format_for(inp.path)
        enc = sniff(inp.path)
        if enc.empty:
            continue
        text = inp.path.read_text(encoding=enc.name, errors="replace")
        allowed = _pragmas(text)
        reader = fmt.Reader(inp.path, inp.relpath, rules, enc, **reader_options(fmt, delimiter))
        for i, record in enumerate(reader.records()):
            if record.error:
                notes.append(f"{shown}:{record.line}: not checked: {record.error}")
                continue
            if sealed:
                record = replace(record, marked=spans[i]) if i < len(spans) else record
                scanner = scanners.setdefault(home, PatternScanner(rules))
                found = [(r.field, r.start, r.end, r.entity, r.score, r.found_by) for r in recheck(record, scanner.scan, rules)]
            else:
                found = _found(record, processor)
            findings += _record_findings(shown, text, record, found, key, allowed)
    return findings, notes


def _found(record: Record, processor) -> list[tuple[str, int, int, str, float, str]]:
    """What ``deid run`` would change in the record: (field, start, end, type, score, recognizer)."""
    outcome = processor.process(record)
    return [(r.decision.finding.field, r.decision.finding.start, r.decision.finding.end, r.decision.finding.entity,
             r.decision.finding.score, r.decision.finding.recognizer) for r in outcome.redactions if r.changed]


def _record_findings(shown: str, text: str, record: Record, found, key: Key, allowed) -> list[CheckFinding]:
    out = []
    fields = {f.path: f for f in record.fields}
    header = isinstance(record.payload, list)  # a CSV row: every row carries the header's labels
    for path, start, end, entity, score, recognizer in found:
        if is_label(path) and header and record.index > 0:
            continue  # the header is reported once, at its own line
        value = fields[path].text[start:end]
        line, col = _position(text, record, fields[path].text, start, 1 if is_label(path) and header else None)
        types = allowed.get(line)
        if types is not None and (not types or entity in types):
            continue
        masked = re.sub(r"(?<=\w)\w", "*", value)
        out.append(CheckFinding(shown, line, col, entity, score, recognizer, masked, fingerprint(key, value)))
    return out


def _pragmas(text: str) -> dict[int, frozenset[str]]:
    """Line number -> the types a ``deid: allow`` pragma accepts (empty: all)."""
    out = {}
    for n, line in enumerate(text.splitlines(), start=1):
        m = _PRAGMA.search(line)
        if m:
            out[n] = frozenset(t.strip() for t in m.group("types").replace(",", " ").split())
    return out


def _position(text: str, record: Record, field_text: str, offset: int, line: int | None = None) -> tuple[int, int]:
    """Line and column (1-based) in the file of ``offset`` in a field: a
    document's offsets are the file's; a structured field is looked up from
    its record's first line (or ``line``: a CSV header's), as the format
    writes it (JSON escapes, CSV doubled quotes)."""
    if len(record.fields) == 1 and record.fields[0].path == "" and not isinstance(record.payload, (list, tuple)):
        return _line_col(text, offset)
    quote = (lambda s: s.replace('"', '""')) if isinstance(record.payload, list) else (
        lambda s: json.dumps(s, ensure_ascii=False)[1:-1])
    where = text.find(quote(field_text), _line_start(text, line or record.line))
    if where < 0:
        return record.line, 1
    return _line_col(text, where + len(quote(field_text[:offset])))


def _line_start(text: str, line: int) -> int:
    pos = 0
    for _ in range(line - 1):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return pos
        pos = nxt + 1
    return pos


def _line_col(text: str, pos: int) -> tuple[int, int]:
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def render_text(findings: Iterable[CheckFinding]) -> str:
    return "".join(f"{f.file}:{f.line}:{f.column}: {f.entity} ({f.score:.2f}, {f.recognizer}) {f.masked}\n" for f in findings)


def render_json(findings: Iterable[CheckFinding]) -> str:
    return json.dumps([
        {"file": f.file, "line": f.line, "column": f.column, "type": f.entity, "score": f.score,
         "recognizer": f.recognizer, "masked": f.masked, "fingerprint": f.fingerprint}
        for f in findings], indent=2) + "\n"


def render_sarif(findings: list[CheckFinding], version: str) -> str:
    """SARIF 2.1.0: one rule per type, one result per finding; messages name
    the type and the recognizer, never the value."""
    types = sorted({f.entity for f in findings})
    rules = [{"id": t, "name": t.title().replace("_", ""),
              "shortDescription": {"text": f"Identifier of type {t} in text meant for publication"},
              "defaultConfiguration": {"level": "error"}} for t in types]
    results = [{
        "ruleId": f.entity,
        "ruleIndex": types.index(f.entity),
        "level": "error",
        "message": {"text": f"{f.entity} found by {f.recognizer} (score {f.score:.2f}); remove it or accept it in the baseline"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.file},
                                            "region": {"startLine": f.line, "startColumn": f.column}}}],
        "partialFingerprints": {"deidValue/v1": f.fingerprint},
    } for f in findings]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "deid", "version": version, "rules": rules}}, "results": results}],
    }
    return json.dumps(doc, indent=2) + "\n"


def run_check(paths: list[Path], rules_path: Path | None, baseline_path: Path, update: bool, reason: str,
              key_file: Path | None, delimiter: str | None = None):
    """``deid check``: findings not accepted by the baseline (all of them are
    accepted into it with ``update``), and notes."""
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


def render_check(findings, fmt: str) -> str:
    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, __version__)
    return render_text(findings)
