"""``deid check``: scan files as they are, change nothing, report what would
be removed -- the pre-publish gate for git, pre-commit and CI.

Detection and rules are those of ``deid run``. A file in a folder that
``deid run`` published (its ledger in that folder, found under the paths
given), unchanged since the run and vouched for by a ledger that verifies
with the key, is checked as the run's own final check left it: by the rules
the ledger recorded, every span the run decided on left alone, so realistic
stand-in names pass. Given other rules (``--rules``), such a file is judged
by those instead, as ``deid run`` with them would judge it: only the run's
stand-ins are left alone. A file changed since (a real name typed in), or
under a ledger that does not verify, is checked like any other file,
stand-ins included. A file named like the ledger is skipped only when its
chain and seal verify with the key; otherwise the check fails.

Which files are read and which it cannot judge: ``targets``. The
``deid: allow TYPE`` pragma: ``pragmas``. Findings in the baseline (see
``baseline``) are not reported again. A record that cannot be read fails
the check, naming its file and line.

Values are never printed: each finding shows its type, score, recognizer and
the value masked ("L****** S****"); the baseline and the SARIF output hold
keyed fingerprints of their own (``baseline.value_fingerprint``).
"""

from __future__ import annotations

import getpass
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from deid.ledger.audit import sha256
from deid.ledger.published import relocate
from deid.policy.rules import own_files
from deid.read.frontmatter import FrontMatter
from deid.decide.baseline import ACCEPTED, load_baseline, value_fingerprint
from deid.commands.pragmas import known_types, pragmas
from deid.commands.targets import Failure, Target, targets
from deid.core.keys import Key, load_key
from deid.core.layout import LEDGER_NAME
from deid.core.model import Record
from deid.detect.scanner import PatternScanner
from deid.final_check.residuals import recheck
from deid.ledger.published import Published, published_root, read_published
from deid.policy.rules import load_rules
from deid.read.opening import Opened, ReaderOptions, open_records
from deid.read.labels import is_label
from deid.run.process import Processor


@dataclass(frozen=True)
class CheckFinding:
    file: str       # as given (relative to the folder walked)
    line: int
    column: int
    entity: str
    score: float
    recognizer: str
    masked: str
    fingerprint: str        # the baseline's (never printed)
    shown_fingerprint: str  # the JSON and SARIF output's

    def key(self) -> tuple[str, str, str]:
        return (self.file, self.entity, self.fingerprint)


def check_paths(paths: list[Path], processor, key: Key, delimiter: str | None = None, *, rules_given: bool = False,
                exclude: tuple[str, ...] = (), skip: frozenset[Path] = frozenset(), audit=None
                ) -> tuple[list[CheckFinding], list[str], list[Failure]]:
    """Findings in every file under ``paths``, notes, and what could not be
    judged. ``rules_given``: the processor's rules were asked for, and judge
    a published folder too. ``audit``: the sampled audit the project's configuration
    asks every published folder for (``AuditPolicy``), besides its run's rules'."""
    findings: list[CheckFinding] = []
    found, notes, failures = targets(paths, exclude, skip)
    folders: dict[Path, Published | None] = {}  # each published folder's ledger, read once
    scanners: dict[Path, PatternScanner] = {}
    known = known_types(processor.rules)
    for t in found:
        home = published_root(t.path, t.root)
        if home is not None and home not in folders:
            why: list[str] = []
            folders[home] = read_published(home, key, why)
            notes += why
            if folders[home] is not None and rules_given and folders[home].rules.sha256 != processor.rules.sha256:
                notes.append(f"{home}: judged by the rules given ({processor.rules.path}), not those its run recorded; "
                             "only the run's stand-ins are left alone")
        published = folders.get(home) if home is not None else None
        if t.path.name == LEDGER_NAME:
            _ledger_file(t, home, published, notes, failures)
            continue
        rel = t.path.relative_to(home).as_posix() if published is not None else ""
        sealed = published is not None and published.trusted.get(rel, False)
        own_rules = sealed and not (rules_given and published.rules.sha256 != processor.rules.sha256)
        rules = published.rules if own_rules else processor.rules
        told = ReaderOptions(delimiter=delimiter) if delimiter or published is None else published.reading
        opened = _open(t, rules, told, failures)
        if opened is None:
            continue
        fmt, reader = opened.fmt, opened.reader
        marks = known_types(rules, processor.rules) if own_rules else known
        text = _text(t, opened)
        allowed = pragmas(text, fmt, marks)
        failures += [Failure(t.shown, line, why) for line, why in allowed.errors]
        spans = published.spans(rel, decided=own_rules) if sealed else []
        edited = published.written(rel) if published is not None and not sealed and rel in published.trusted else None
        for i, record in enumerate(reader.records()):
            if record.error:
                failures.append(Failure(t.shown, record.line, f"cannot be read, so not checked: {record.error}"))
                continue
            if i < len(spans):
                record = replace(record, marked=spans[i])
            elif edited is not None:  # a published file edited since (a typo fixed): only new text is judged
                exact, moved = edited
                same = exact.get(sha256(fmt.serialize(record, reader)))
                record = replace(record, marked=same if same is not None else relocate(
                    {f.path: f.text for f in record.fields}, moved[i]) if i < len(moved) else ())
            if own_rules:
                if home not in scanners:  # one scanner a folder, not one a record
                    scanners[home] = PatternScanner(rules)
                scanner = scanners[home]
                found_ = [(r.field, r.start, r.end, r.entity, r.score, r.found_by) for r in recheck(record, scanner.scan, rules)]
            else:
                found_ = _found(record, processor)
            findings += _record_findings(t.shown, text, record, found_, key, allowed)
    failures += [f for home, published in folders.items() if published is not None for f in _unaudited(home, published, audit)]
    return findings, notes, failures


def _unaudited(home: Path, published: Published, asked=None) -> list[Failure]:
    """A published folder whose sampled audit found a leak, or does not yet meet what its run's
    rules or the project's configuration (``asked``) ask for (``audit``): the hook fails, as
    verify does."""
    audit = published.audit
    if audit.count("leaked"):
        return [Failure(home.as_posix(), 0, f"its sampled audit found {audit.count('leaked')} leak(s): deid verify "
                                            f"{home.as_posix()} names them and what to do")]
    return [Failure(home.as_posix(), 0, f"a sampled audit bounding the leak rate at {p.max_rate:.1%} ({p.confidence:.0%}) "
                                        f"is asked for; its ledger holds {audit.statement()}")
            for p in (published.rules.audit, asked) if p is not None and not audit.meets(p.confidence, p.max_rate)][:1]


def _ledger_file(t: Target, home: Path | None, published: Published | None, notes: list[str], failures: list[Failure]) -> None:
    """A file named like the ledger: skipped when it is the ledger of a
    folder that verifies with the key, else a failure."""
    if published is None or home != t.path.parent:
        failures.append(Failure(t.shown, 0, "named like deid's ledger, but its chain and seal do not verify with "
                                            "this key, so it is not one: give the key the run used, or rename it"))
    else:
        notes.append(f"{t.shown}: skipped, a deid ledger that verifies with the key")


def _open(t: Target, rules, options: ReaderOptions, failures: list[Failure]) -> Opened | None:
    """The file opened to be read (None for an empty file, or one that cannot be read: a failure)."""
    try:
        opened = open_records(t.path, t.path.relative_to(t.root).as_posix(), rules, options)
    except OSError as exc:
        failures.append(Failure(t.shown, 0, f"cannot be read ({exc.strerror or type(exc).__name__}): give deid "
                                            "read access, or exclude it by name"))
        return None
    return None if opened.empty else opened


def _text(t: Target, opened: Opened) -> str:
    """The file's text, for the lines findings are reported at and its comments' pragmas
    ("" for a format that reads bytes: its records' own lines are reported)."""
    if opened.enc is None:
        return ""
    try:
        return t.path.read_text(encoding=opened.enc.name, errors="replace")
    except OSError:
        return ""  # its reader says so, record by record


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
        line, col = _position(text, record, fields[path].text, start, 1 if is_label(path) and header else None, path)
        if allowed.accepts(line, entity):
            continue
        masked = re.sub(r"(?<=\w)\w", "*", value)
        out.append(CheckFinding(shown, line, col, entity, score, recognizer, masked,
                                value_fingerprint(key, value, "baseline"), value_fingerprint(key, value, "report")))
    return out


def _position(text: str, record: Record, field_text: str, offset: int, line: int | None = None,
              path: str = "") -> tuple[int, int]:
    """Line and column (1-based) in the file of ``offset`` in a field: a
    document's offsets are the file's; a structured field is looked up from
    its record's first line (or ``line``: a CSV header's), as the format
    writes it (JSON escapes, CSV doubled quotes)."""
    if len(record.fields) == 1 and record.fields[0].path == "" and not isinstance(record.payload, (list, tuple)):
        return _line_col(text, offset)
    if isinstance(record.payload, FrontMatter):  # a post's body and front-matter values stand where the file has them
        head = record.payload
        start = next((v.start for v in head.values if v.path == path), head.end)
        return _line_col(text, start + offset)
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


def deids_own(baseline: Path, rules: Path | None, key_file: Path | None, config: Path | None) -> frozenset[Path]:
    """deid's own files in a project, which ``deid check`` leaves alone."""
    own = [baseline, *own_files(rules)] + ([key_file] if key_file else []) + \
        ([config] if config is not None and config.name == ".deid.toml" else [])
    return frozenset(p.resolve() for p in own)


def run_check(paths: list[Path], rules_path: Path | None, baseline_path: Path, update: bool, reason: str,
              key_file: Path | None, delimiter: str | None = None, exclude: tuple[str, ...] = (),
              config: Path | None = None, audit=None):
    """``deid check``: findings not accepted by the baseline (all of them are
    accepted into it with ``update``), notes, and what could not be judged. deid's own
    files (the baseline, the configuration, the rules and their term files, the key) are
    not checked."""
    key = load_key(key_file)
    processor = Processor(load_rules(rules_path), key)
    baseline = load_baseline(baseline_path, key)
    findings, notes, failures = check_paths(paths, processor, key, delimiter, rules_given=rules_path is not None,
                                            exclude=exclude, skip=deids_own(baseline_path, rules_path, key_file, config),
                                            audit=audit)
    if update:
        for f in findings:
            if baseline.verdict(f) is None:
                baseline.add(f, ACCEPTED, getpass.getuser(), reason)
        baseline.save()
    return [f for f in findings if not baseline.accepts(f)], notes, failures
