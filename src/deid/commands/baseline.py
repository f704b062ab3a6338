"""The baseline of reviewed findings, like detect-secrets' baseline: a file
in the repository that lists, per reviewed finding, the file, the type, the
keyed fingerprint of the value, the verdict, who gave it and why -- never the
value. ``deid check`` reports only findings the baseline does not accept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from deid.core.errors import UsageError
from deid.read.textio import atomic_writer

VERSION = 1
ACCEPTED, IDENTIFYING = "not_identifying", "identifying"


@dataclass
class Baseline:
    path: Path
    entries: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    key_id: str | None = None  # the key its fingerprints were made with (``Key.id``)

    def verdict(self, finding) -> str | None:
        entry = self.entries.get(finding.key())
        return entry["verdict"] if entry else None

    def accepts(self, finding) -> bool:
        return self.verdict(finding) == ACCEPTED

    def add(self, finding, verdict: str, by: str, reason: str) -> None:
        self.entries[finding.key()] = {
            "file": finding.file, "type": finding.entity, "fingerprint": finding.fingerprint,
            "verdict": verdict, "by": by, "reason": reason,
        }

    def save(self) -> None:
        results = [self.entries[k] for k in sorted(self.entries)]
        with atomic_writer(self.path) as fh:
            fh.write(json.dumps({"version": VERSION, "tool": "deid", "key_id": self.key_id, "results": results},
                                indent=2, ensure_ascii=False) + "\n")


def load_baseline(path: Path, key=None) -> Baseline:
    """The baseline at ``path`` (empty when there is none). Its fingerprints
    are keyed: with ``key``, a baseline made with another key is refused,
    saying which key it needs, instead of silently accepting nothing."""
    if not path.exists():
        return Baseline(path, key_id=key.id if key is not None else None)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError("version")
        entries = {}
        for e in data["results"]:
            if e["verdict"] not in (ACCEPTED, IDENTIFYING):
                raise ValueError("verdict")
            entries[(e["file"], e["type"], e["fingerprint"])] = e
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise UsageError(f"{path}: not a deid baseline (version {VERSION}); fix it or delete it and run deid check --update-baseline") from None
    made_with = data.get("key_id")
    if key is not None and made_with is not None and made_with != key.id:
        from deid.core.keys import LEGACY

        if made_with == key.under(LEGACY).id:
            raise UsageError(f"{path}: made with this key by a deid from before keys were stretched (docs/security.md), "
                             "so its fingerprints no longer match: remake it with deid check --update-baseline "
                             "and review its findings again")
        raise UsageError(f"{path}: made with the key whose id is {made_with}; the key from {key.source} has id {key.id}: "
                         "use the team's shared key (DEID_KEY; see `deid key new`), or remake the baseline")
    return Baseline(path, entries, made_with or (key.id if key is not None else None))
