"""``deid verify DIR``: is this published folder exactly what deid produced,
and does it hold nothing deid should have caught?

1. the ledger's hash chain is intact and its closing HMAC (and Ed25519
   signature, given the public key) matches: an edited, removed, reordered or
   inserted line is named by its number;
2. every file under DIR but the ledger is in the ledger (hidden files and
   subfolders included; a symbolic link is refused, never followed; a
   folder it cannot list and a file it cannot read are failures, never
   passed over), every output the ledger names exists, and each file's and
   each record's SHA-256 matches;
3. the run's own final check, run again on the published text by the rules
   the ledger recorded (the pattern and context recognizers, the name
   lexicon, every span the run decided on left alone: ``final_check.recheck``),
   finds nothing;
4. no removed value's fingerprint matches a word n-gram (1 to 4 words) of
   the published record it was removed from, and no value the batch knew
   (the header's ``batch_fingerprints``) matches one of any published record
   -- without the ledger holding any value (a schema-2 ledger's batch list is every value
   it removed, which then went from the whole batch: ``lift``);
5. no published record's re-identification risk reaches the level the run's
   rules hold back (``risk.hold``), and no record held back for review has an
   output (a ledger from before schema 6 records no risk, its header's ``unrecorded``
   says so (``lift``), and so does the check);
6. no published record answers the consent question the run's rules name
   (``consent``) with an answer they do not allow;
7. the sampled audit (``sampled``), if any, is this run's keyed draw, no reviewer found a
   leak in it, and, where the run's rules or the project's configuration ask for one
   (``audit``), it is complete and bounds the leak rate as they ask. What it proves is said either way (``VerifyReport.statement``).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from deid.core.errors import UsageError
from deid.core.keys import Key
from deid.core.layout import LEDGER_NAME
from deid.detect import word_sense
from deid.detect.scanner import PatternScanner
from deid.final_check.reappear import gram_forms, reappearances
from deid.final_check.residuals import recheck
from deid.ledger.audit import file_sha256, ledger_key, sha256
from deid.ledger.published import Published, VerifyReport, read_chain
from deid.read.inputs import collect
from deid.read.opening import ReaderOptions, open_records



def verify_folder(folder: Path, key: Key, public_key: bytes | None = None, audit=None) -> VerifyReport:
    """Run the seven checks, by the rules the run recorded in its ledger; ``audit``: a sampled
    audit the project's configuration asks for besides theirs (``AuditPolicy``)."""
    ledger_path = folder / LEDGER_NAME
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    if not ledger_path.exists():
        raise UsageError(f"{ledger_path}: no ledger; give a folder written by deid run")
    rep = VerifyReport()
    for check in ("chain", "files", "residual", "fingerprints", "risk", "consent", "audit"):
        rep.checked[check] = "ok"
    try:
        entries = read_chain(ledger_path, key, public_key, rep)
    except (OSError, UnicodeDecodeError) as exc:
        rep.fail("chain", f"{LEDGER_NAME}: cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__}): "
                          "give deid read access to the whole folder")
        return rep
    if entries is None:
        return rep
    key = ledger_key(entries[0], key)
    published = Published(folder, entries, key, tail=rep.audit)
    problem = published.unsealed()
    if problem is not None:
        rep.fail("chain", f"{LEDGER_NAME}: {problem}: the ledger was rewritten, or the key is not the one it was written with")
        return rep
    rules = published.rules
    unread = _files(folder, entries, rep, rules, published.reading)
    for rel in published.outputs():
        published.trusted[rel] = rel not in unread  # checked as it stands; _files said what changed
    scanner = PatternScanner(rules)
    word_sense.use_model(rules.model)  # everyday-word names read as the run read them
    _residual(folder, rep, published, scanner, unread)
    _fingerprints(folder, key, entries, rep, published, unread)
    _risk(entries, rep, rules)
    _audit(rep, published, rules, audit)
    return rep


# -- 7. the sampled audit -------------------------------------------------------------

def _audit(rep: VerifyReport, published: Published, rules, asked=None) -> None:
    audit = published.audit
    rep.statement = audit.statement()
    for problem in audit.problems:
        rep.fail("audit", problem)
    by_seq = {e["seq"]: e for e in published.entries if e.get("kind") == "record"}
    for seq, v in sorted(audit.verdicts.items()):
        if v.get("verdict") == "leaked":
            e = by_seq[seq]
            rep.fail("audit", f"record {e['id']} (ledger seq {seq}, {e.get('output')}:{e.get('line')}): a reviewer "
                              f"found a leak ({', '.join(v.get('types') or ['type not given'])}): add it to the rules' deny list "
                              "or the roster and run deid again on the input, or withdraw the record; then draw the audit again")
    for policy, whose in ((rules.audit, "the run's rules ask"), (asked, "the project's configuration asks")):
        if policy is not None and not audit.meets(policy.confidence, policy.max_rate):
            rep.fail("audit", f"{whose} for a sampled audit that bounds the leak rate at {policy.max_rate:.1%} "
                              f"with {policy.confidence:.0%} confidence; the ledger holds {audit.statement()}: "
                              f"deid audit sample {published.folder} --confidence {policy.confidence:g} --max-rate "
                              f"{policy.max_rate:g}, then deid audit review")
            break
    rep.checked["audit"] = rep.statement if rep.checked["audit"] == "ok" else f"failed: {rep.statement}"


# -- 6. consent (read in the residual check's pass over the records) ---------------------

def _consent(rep: VerifyReport, rule, rel: str, record, answers: dict[str, str]) -> None:
    """No published record answers the consent question the run's rules name with an answer
    they do not allow (the answer is published with the record)."""
    reason = rule.withheld(answers)
    if reason:
        rep.fail("consent", f"{rel}:{record.line}: record {record.id}: published, yet {reason[len('not published: '):]}; "
                            "withdraw it, or run deid again on the input")


# -- 5. the risk --------------------------------------------------------------------

def _risk(entries: list[dict[str, Any]], rep: VerifyReport, rules) -> None:
    if "risk" in entries[0]["unrecorded"]:
        rep.checked["risk"] = "not recorded (a ledger from before deid judged risk)"
        return
    policy = rules.risk
    for e in entries:
        if e.get("kind") != "record":
            continue
        level = (e.get("risk") or {}).get("level")
        if e.get("status") == "published":
            if level is None:
                rep.fail("risk", f"record {e['id']} (ledger seq {e['seq']}): published with no risk recorded")
            elif policy.reaches(level, policy.hold):
                rep.fail("risk", f"record {e['id']} (ledger seq {e['seq']}): published at re-identification risk "
                                 f"{level}, which the run's rules hold back (risk.hold: {policy.hold})")
        elif e.get("status") == "held_for_review" and e.get("output"):
            rep.fail("risk", f"record {e['id']} (ledger seq {e['seq']}): held back for review, yet the ledger names an output")


# -- 1. the chain -------------------------------------------------------------------

# -- 2. the files -------------------------------------------------------------------

def _files(folder: Path, entries: list[dict[str, Any]], rep: VerifyReport, rules, reading: ReaderOptions) -> set[str]:
    """Checks every file against the ledger; returns those it could not read."""
    outputs: dict[str, str] = entries[-1].get("outputs", {})
    on_disk = set()
    unread: set[str] = set()
    for rel, kind in _everything(folder):
        if kind == "unlisted":
            rep.fail("files", f"{rel}: a folder deid cannot list, so what it holds cannot be checked: "
                              "give deid read access to the whole published folder")
        elif kind == "link":
            rep.fail("files", f"{rel}: a symbolic link; a published folder holds only the files deid wrote")
        elif kind == "other":
            rep.fail("files", f"{rel}: not a regular file")
        elif rel != LEDGER_NAME:
            on_disk.add(rel)
    for extra in sorted(on_disk - set(outputs)):
        rep.fail("files", f"{extra}: not in the ledger (added after the run?)")
    for missing in sorted(set(outputs) - on_disk):
        rep.fail("files", f"{missing}: in the ledger but missing")
    by_output: dict[str, list[dict]] = {}
    for e in entries:
        if e.get("kind") == "record" and e.get("status") == "published":
            by_output.setdefault(e["output"], []).append(e)
    for rel in sorted(set(outputs) & on_disk):
        path = folder / rel
        try:
            if file_sha256(path) == outputs[rel]:
                continue
            chunks = record_texts(path, rules, reading)
        except (OSError, UnicodeDecodeError) as exc:
            unread.add(rel)
            rep.fail("files", f"{rel}: cannot be read ({getattr(exc, 'strerror', None) or type(exc).__name__}), so it "
                              "cannot be checked: give deid read access to the whole published folder")
            continue
        expected = by_output.get(rel, [])
        for i, e in enumerate(expected):
            if i >= len(chunks):
                rep.fail("files", f"{rel}: record {e['id']} (ledger seq {e['seq']}) is missing")
            elif sha256(chunks[i]) != e["output_sha256"]:
                rep.fail("files", f"{rel}: record {e['id']} (ledger seq {e['seq']}) was changed")
        if len(chunks) > len(expected):
            rep.fail("files", f"{rel}: {len(chunks) - len(expected)} record(s) not in the ledger")
        if len(chunks) == len(expected) and all(sha256(c) == e["output_sha256"] for c, e in zip(chunks, expected)):
            rep.fail("files", f"{rel}: the file differs from what was written, outside its records")
    return unread


def _everything(folder: Path):
    """(relative path, "file" / "link" / "other" / "unlisted") of everything
    under ``folder``, hidden files included, without following links; a
    folder that cannot be listed is "unlisted"."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted.append, followlinks=False):
        while unlisted:
            err = unlisted.pop()
            yield _relative(err.filename, folder), "unlisted"
        here = Path(root)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                yield (here / name).relative_to(folder).as_posix(), "link"
        for name in sorted(files):
            p = here / name
            kind = "link" if p.is_symlink() else "file" if p.is_file() else "other"
            yield p.relative_to(folder).as_posix(), kind
    while unlisted:
        yield _relative(unlisted.pop().filename, folder), "unlisted"


def _relative(name, folder: Path) -> str:
    if not name:
        return "."
    try:
        return Path(name).relative_to(folder).as_posix()
    except ValueError:
        return Path(name).as_posix()


def record_texts(path: Path, rules, options: ReaderOptions = ReaderOptions()) -> list[str]:
    """Each record of a published file, serialised as deid wrote it (``options``: as its run read
    its input, ``Published.reading``)."""
    opened = open_records(path, path.name, rules, options)
    return [opened.fmt.serialize(r, opened.reader) for r in opened.reader.records()]


# -- 3 and 4: the published records --------------------------------------------------

def _published(published: Published, unread: set[str], decided: bool = True, with_answers: bool = False):
    """Each published record, every span the run decided on marked (not
    those of the files that could not be read: ``_files`` failed them); ``with_answers``:
    with the record's value under each top-level header or key too."""
    folder, rules = published.folder, published.rules
    inputs, _ = collect([folder], exclude=[])
    for inp in inputs:
        if inp.relpath in unread:
            continue
        try:
            opened = open_records(inp.path, inp.relpath, rules, published.reading)
        except OSError:
            continue  # not in the ledger, and failed as such by _files
        fmt, reader = opened.fmt, opened.reader
        spans = published.spans(inp.relpath, decided)
        for i, record in enumerate(reader.records()):
            record = replace(record, marked=spans[i]) if i < len(spans) else record
            yield (inp.relpath, record, fmt.answers(record, reader)) if with_answers else (inp.relpath, record)


def _fix(folder: Path, outputs: dict[str, str], known: dict[str, str], rel: str) -> str:
    """What to do about a value found again in ``rel``: re-run, when the file is as the run wrote
    it; else publish what the run wrote (``known`` keeps the answer per file)."""
    if rel not in known:
        as_written = rel in outputs and file_sha256(folder / rel) == outputs[rel]
        known[rel] = ("re-run deid run on the input with this deid (its final check repairs this before "
                      "publishing), or, if the words name no one there, allow them in the rules") if as_written else \
            "the file was changed after the run: publish what deid wrote, or run deid on the edited file"
    return known[rel]


def _residual(folder: Path, rep: VerifyReport, published: Published, scanner, unread: set[str]) -> None:
    outputs: dict[str, str] = published.entries[-1].get("outputs", {})
    fixes: dict[str, str] = {}
    consent = published.rules.consent
    if consent is None:
        rep.checked["consent"] = "not asked (the run's rules name no consent question)"
    for rel, record, answers in _published(published, unread, with_answers=True):
        if record.error:
            rep.fail("residual", f"{rel}:{record.line}: record {record.id}: cannot be read ({record.error})")
            continue
        if consent is not None:
            _consent(rep, consent, rel, record, answers)
        found = recheck(record, scanner.scan, published.rules)
        if not found:
            continue
        fix = _fix(folder, outputs, fixes, rel)
        by_field: dict[str, list] = {}
        for r in found:
            by_field.setdefault(r.field, []).append(r)
        for path, items in by_field.items():
            where = f" field {path!r}" if path else ""
            types = ", ".join(sorted({r.entity for r in items}))
            offsets = ", ".join(str(r.start) for r in items[:5]) + (" ..." if len(items) > 5 else "")
            rep.fail("residual", f"{rel}:{record.line}: record {record.id}{where}: still holds {types} "
                                 f"(at offset {offsets}); {fix}")


def _fingerprints(folder: Path, key: Key, entries, rep: VerifyReport, published: Published, unread: set[str]) -> None:
    records = [e for e in entries if e.get("kind") == "record"]
    header = entries[0]
    deny = {d.get("fingerprint") for d in (header.get("rules") or {}).get("deny", []) if isinstance(d, dict)}

    def removed_in(entry) -> dict[str, str]:
        """Fingerprint -> type of each value the record removed (and of each word of a name)."""
        return {fp: f.get("type", "") for f in published.findings(entry)
                for fp in [f.get("fingerprint"), *f.get("part_fingerprints", [])] if fp}

    batch = dict.fromkeys(header["batch_fingerprints"], "")
    batch.update({fp: "DENY_LIST" for fp in deny if fp})  # deny terms go wherever they stand
    own: dict[str, list[dict[str, str]]] = {}
    for e in records:
        if e.get("status") == "published":
            own.setdefault(e.get("output"), []).append(removed_in(e))
    if not batch and not any(own.values()):
        return
    seen: dict[str, int] = {}
    outputs: dict[str, str] = entries[-1].get("outputs", {})
    fixes: dict[str, str] = {}
    for rel, record in _published(published, unread):
        n = seen[rel] = seen.get(rel, -1) + 1
        fix = _fix(folder, outputs, fixes, rel)
        mine = own.get(rel, [])
        removed = {**batch, **(mine[n] if n < len(mine) else {})}
        if not removed:
            continue
        for field_ in record.fields:
            marked = [(a, b) for f, a, b in record.marked if f == field_.path]
            for start, _, gram in reappearances(field_.text, marked, lambda g: _matches(key, g, removed) is not None):
                entity = _matches(key, gram, removed)
                what = f"a {entity} value this record removed" if entity and entity != "DENY_LIST" else \
                    "a deny term of the rules" if entity else "a name or place removed elsewhere in the batch"
                where = f" field {field_.path!r}" if field_.path else ""
                rep.fail("fingerprints", f"{rel}:{record.line}: record {record.id}{where}: {what} appears again "
                                         f"({len(gram.split())} word(s) at offset {start}); {fix}")


def _matches(key: Key, gram: str, removed: dict[str, str]) -> str | None:
    """The type of the removed value ``gram`` is ("" for a value of the batch's list),
    as ``mentions.mention`` finds one: in any case for a value almost only ever a name,
    else written as it was, in title case or in capitals (not "antiDep" for "AntiDep");
    None when it is none."""
    return next((removed[fp] for fp in (key.fingerprint(f) for f in gram_forms(gram)) if fp in removed), None)
