"""An older ledger read as the current schema: the one place that knows what each schema lacked.

``published.read_chain`` reads a ledger as it was written and checks its hash chain and seal over
those bytes; only then does ``lift`` bring the entries of an older schema (2 to 6) to the
shape of the current one (``audit.SCHEMA``), so that every reader (``published.Published``,
``verify``, ``report``, ``deid audit``, ``policy.rules.from_ledger``) knows one schema.
Step by step, from the schema written:

- 2 to 3: the header had no ``batch_fingerprints``: every value a schema-2 run removed went
  from the whole batch, so the list is the fingerprints (and part fingerprints) of every
  record's findings.
- 3 to 4: a record kept an unkeyed ``input_sha256`` and each finding its input offsets
  ``start`` and ``end``: dropped, as the current schema keeps none (the ``input_hmac`` and
  the header's ``key_id`` it has instead cannot be made again, and nothing reads them).
- 4 to 5: a record's findings were in the clear: sealed under the key, as a run seals
  them, with their count by type (``removed``).
- 5 to 6: no re-identification risk: the rules' ``risk`` holds back and lists nothing
  ("never"), and the header's ``unrecorded`` names ``risk`` (``verify`` says so).
- 6 to 7: no ``key_derivation``: the secret itself was the working key (``keys.LEGACY``).
  ``rules_file`` stays as written (the path as given, where the current schema has a
  label); nothing reads it.

And at any schema, rules recorded before ``medical_lexicon`` or ``consent`` existed get
their defaults (on; none). The lifted header's ``schema`` is the current one, and
``unrecorded`` (a key only a lifted header has: one a ledger holds is overwritten) lists
what the ledger as written never recorded. The run's closing entry and the audit entries after it are left as written:
the sampled audit's seed is the closing entry's hash.
"""

from __future__ import annotations

from typing import Any, Callable

from deid.core.keys import LEGACY, Key
from deid.ledger.audit import SCHEMA, seal_findings
from deid.policy.ruleset import RiskPolicy

Entry = dict[str, Any]


def lift(entries: list[Entry], key: Key) -> list[Entry]:
    """``entries`` (header first, as ``read_chain`` read and checked them) in the current
    schema's shape, new dicts where anything changes; ``key``: the ledger's own
    (``audit.ledger_key``), which seals the findings of a ledger that kept them in the clear."""
    written = int(entries[0].get("schema", SCHEMA))
    header = {**entries[0], "unrecorded": []}
    body = [dict(e) if written < 5 and e.get("kind") == "record" else e for e in entries[1:]]  # 3 to 5 change them
    records = [e for e in body if e.get("kind") == "record"]
    for schema in range(written, SCHEMA):
        _STEPS[schema](header, records, key)
    header["schema"] = SCHEMA
    if isinstance(header.get("rules"), dict):
        header["rules"] = {"medical_lexicon": True, "consent": None, **header["rules"]}
    return [header, *body]


def _batch_fingerprints(header: Entry, records: list[Entry], key: Key) -> None:
    """2 to 3: every value removed anywhere went from the whole batch."""
    header["batch_fingerprints"] = sorted({fp for e in records for f in e.get("findings", [])
                                           for fp in [f.get("fingerprint"), *f.get("part_fingerprints", [])] if fp})


def _no_input_hash(header: Entry, records: list[Entry], key: Key) -> None:
    """3 to 4: no unkeyed hash of the input, no input offsets."""
    for e in records:
        e.pop("input_sha256", None)
        e["findings"] = [{k: v for k, v in f.items() if k not in ("start", "end")} for f in e.get("findings", [])]


def _sealed(header: Entry, records: list[Entry], key: Key) -> None:
    """4 to 5: the findings sealed under the key, and counted by type."""
    for e in records:
        findings = e.pop("findings", [])
        removed: dict[str, int] = {}
        for f in findings:
            if f.get("changed"):
                removed[f["type"]] = removed.get(f["type"], 0) + 1
        e["removed"] = dict(sorted(removed.items()))
        e["sealed"] = seal_findings(key, findings)


def _no_risk(header: Entry, records: list[Entry], key: Key) -> None:
    """5 to 6: no risk was judged: none held back, none listed, and the header says so."""
    header["unrecorded"] = [*header["unrecorded"], "risk"]
    if isinstance(header.get("rules"), dict):
        never = RiskPolicy(review="never", hold="never")
        header["rules"] = {**header["rules"], "risk": {**vars(never), "types": list(never.types)}}


def _legacy_key(header: Entry, records: list[Entry], key: Key) -> None:
    """6 to 7: the secret itself was the working key."""
    header["key_derivation"] = LEGACY


_STEPS: dict[int, Callable[[Entry, list[Entry], Key], None]] = {
    2: _batch_fingerprints, 3: _no_input_hash, 4: _sealed, 5: _no_risk, 6: _legacy_key}
