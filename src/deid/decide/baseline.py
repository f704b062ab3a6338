"""The baseline of reviewed findings, like detect-secrets' baseline: a file
in the repository that lists, per reviewed finding, the file, the type, the
keyed fingerprint of the value, the verdict, who gave it and why -- never the
value. ``deid check`` reports only findings the baseline accepts not, and
``deid run`` keeps what it accepts (``honoured``): a finding in the same file,
of the same type and value, becomes a ``keep`` decision with the rule
"baseline", recorded in the ledger like any kept finding. What the deny
list, the roster or an identifier column names stands (evidence
``certain``): a reviewer's verdict on a guess cannot undo the rules.

Nothing ``deid check`` prints can be turned into an entry: the baseline's
fingerprint of a value is keyed under its own name ("baseline"), apart from
the one the JSON and SARIF output show ("report") and the ledger's, and
each entry carries a MAC over its file, type, fingerprint, verdict, author
and reason under the key. An entry written without the key (a fingerprint
copied from CI's SARIF, a line edited by hand) is refused, by its number.
"""

from __future__ import annotations

import hmac
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from deid.core.errors import UsageError
from deid.core.keys import Key, fingerprint_forms
from deid.core.model import Decision, Record
from deid.detect.evidence import CERTAIN
from deid.detect.mentions import any_case
from deid.core.files import atomic_writer

VERSION = 3
READS = (2, 3)  # version 2 wrote the same entries indented; it is read, and written again as 3
END = {"end": "of the reviewed findings"}  # the last line: an entry added at the end changes no line
ACCEPTED, IDENTIFYING = "not_identifying", "identifying"
RULE = "baseline"  # the rule of a decision the baseline made (``honoured``)
_SEALED = ("file", "type", "fingerprint", "verdict", "by", "reason")


def value_fingerprint(key: Key, value: str, purpose: str) -> str:
    """The keyed fingerprint of a found value for ``purpose``: "baseline"
    (the entries) or "report" (JSON and SARIF output). Both are stable for
    the same value under the same key; neither can be made from the other
    without the key."""
    return key.label(purpose, fingerprint_forms(value, any_case(" ".join(value.split()))), 16)


def entry_mac(key: Key, entry: dict) -> str:
    return key.label("baseline entry", json.dumps([str(entry.get(k, "")) for k in _SEALED], ensure_ascii=False), 16)


@dataclass
class Baseline:
    path: Path
    key: Key
    entries: dict[tuple[str, str, str], dict] = field(default_factory=dict)

    def verdict(self, finding) -> str | None:
        entry = self.entries.get(finding.key())
        return entry["verdict"] if entry else None

    def accepts(self, finding) -> bool:
        return self.verdict(finding) == ACCEPTED

    def accepted_by_file(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Per file (as ``deid check`` names it: the path as given or walked), the
        (type, fingerprint) of each finding accepted there: what a run keeps."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for (file, entity, fp), entry in sorted(self.entries.items()):
            if entry["verdict"] == ACCEPTED:
                out[file].append((entity, fp))
        return {file: tuple(pairs) for file, pairs in out.items()}

    def add(self, finding, verdict: str, by: str, reason: str) -> None:
        entry = {"file": finding.file, "type": finding.entity, "fingerprint": finding.fingerprint,
                 "verdict": verdict, "by": by, "reason": reason}
        self.entries[finding.key()] = {**entry, "mac": entry_mac(self.key, entry)}

    def save(self) -> None:
        """One entry a line, sorted, each ending in a comma, and a fixed last line: two people who
        accept different findings change different lines, so git merges their baselines (and
        ``merge=union`` in .gitattributes keeps both when they add at the same place)."""
        head = json.dumps({"version": VERSION, "tool": "deid", "key_id": self.key.id}, ensure_ascii=False)[:-1]
        lines = [head + ', "results": [']
        lines += [json.dumps(self.entries[k], ensure_ascii=False) + "," for k in sorted(self.entries)]
        lines.append(json.dumps(END) + "]}")
        with atomic_writer(self.path) as fh:
            fh.write("\n".join(lines) + "\n")


def load_baseline(path: Path, key: Key) -> Baseline:
    """The baseline at ``path`` (empty when there is none). A baseline made
    with another key is refused, saying which key it needs, instead of
    silently accepting nothing; an entry whose MAC does not hold under the
    key is refused by its number."""
    if not path.exists():
        return Baseline(path, key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("version")
        results = [e for e in data["results"] if e != END]
        for e in results:
            if e["verdict"] not in (ACCEPTED, IDENTIFYING) or not all(isinstance(e.get(k), str) for k in _SEALED):
                raise ValueError("entry")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(f"{path}: not a deid baseline (version {VERSION}); fix it or delete it and run deid check --update-baseline") from None
    if version not in READS:
        raise UsageError(f"{path}: a deid baseline of version {version!r}; this deid reads versions 2 and 3, whose entries "
                         "are sealed with the key: delete it and accept the findings again (deid review, or deid check --update-baseline)")
    made_with = data.get("key_id")
    if made_with != key.id:
        raise UsageError(f"{path}: made with the key whose id is {made_with}; the key from {key.source} has id {key.id}: "
                         "use the team's shared key (DEID_KEY; see `deid key new`), or remake the baseline")
    entries = {}
    for n, e in enumerate(results, start=1):
        if not hmac.compare_digest(str(e.get("mac", "")), entry_mac(key, e)):
            raise UsageError(f"{path}: entry {n} ({e['file']}, {e['type']}) is not sealed with this key: it was edited, or "
                             "written without the key (a fingerprint copied from deid's output is not an entry); remove it "
                             "and accept the finding again with deid review or deid check --update-baseline")
        entries[(e["file"], e["type"], e["fingerprint"])] = e
    return Baseline(path, key, entries)


def honoured(record: Record, decisions: list[Decision], key: Key) -> list[Decision]:
    """The decisions, each one that would change a value the baseline accepts in
    the record's file (``Record.accepted``: type and fingerprint) made a ``keep``
    with the rule ``RULE``; what the deny list, the roster or an identifier column
    names (evidence ``certain``) stands."""
    if not record.accepted:
        return decisions
    accepted = set(record.accepted)
    texts = {f.path: f.text for f in record.fields}
    out = []
    for d in decisions:
        f = d.finding
        if d.action != "keep" and f.strength != CERTAIN and f.field in texts \
                and (f.entity, value_fingerprint(key, texts[f.field][f.start:f.end], "baseline")) in accepted:
            d = Decision(f, "keep", RULE)
        out.append(d)
    return out
