"""The audit ledger: DIR/deid-audit.jsonl, one JSON entry a line, no raw text.

A header entry (tool, model, rules hash), one entry per input record (input
and output SHA-256, findings as offsets/type/score/recognizer/action/rule),
and a summary entry. Each entry carries ``prev``, the SHA-256 of the previous
line, so the entries form a hash chain. The schema is in docs/audit.md.
"""

from __future__ import annotations

import hashlib
import json
from typing import IO, Any

from .model import Outcome

SCHEMA = 1
LEDGER_NAME = "deid-audit.jsonl"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


class Ledger:
    def __init__(self, stream: IO[str], header: dict[str, Any]):
        self.stream = stream
        self.prev: str | None = None
        self.seq = 0
        self._write({"kind": "header", "schema": SCHEMA, **header})

    def _write(self, entry: dict[str, Any]) -> None:
        entry["prev"] = self.prev
        line = json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        self.stream.write(line + "\n")
        self.prev = hashlib.sha256(line.encode("utf-8")).hexdigest()

    def record(self, outcome: Outcome, output: str | None, output_text: str | None) -> None:
        r = outcome.record
        self.seq += 1
        entry: dict[str, Any] = {
            "kind": "record",
            "seq": self.seq,
            "source": r.source,
            "line": r.line,
            "id": r.id,
            "input_sha256": sha256(r.raw),
            "status": "held_back" if outcome.held_back else "published",
            "findings": [
                {
                    "field": x.decision.finding.field,
                    "type": x.decision.finding.entity,
                    "start": x.decision.finding.start,
                    "end": x.decision.finding.end,
                    "score": x.decision.finding.score,
                    "recognizer": x.decision.finding.recognizer,
                    "action": x.decision.action,
                    "rule": x.decision.rule,
                    "changed": x.changed,
                    "out_start": x.out_start,
                    "out_end": x.out_end,
                }
                for x in outcome.redactions
            ],
        }
        if outcome.held_back:
            entry["reason"] = outcome.held_back
        else:
            entry["output"] = output
            entry["output_sha256"] = sha256(output_text or "")
            entry["residual"] = "pass"
        self._write(entry)

    def close(self, summary: dict[str, Any]) -> None:
        self._write({"kind": "summary", **summary})
