"""The audit ledger: DIR/deid-audit.jsonl, one JSON entry a line, no raw text.

A header (tool, model, the effective rules and their hash, the key's id),
one entry per input record (a keyed HMAC of the input, the output's SHA-256,
the number of identifiers removed per type, and its findings sealed under
the key: per finding its type, score, recognizer, action and rule, a keyed
fingerprint of every removed value and the output offsets of every
decision) and a closing entry (counts, the SHA-256 of every output file, the
chain head and its signatures). Nothing derived from the original text is
unkeyed, and no original offset or length is kept at all: without the key,
the ledger tells how many identifiers of each type a record had, and nothing
else about them. Each entry carries
``prev``, the SHA-256 of the previous line, so the entries form a hash chain.
The schema is in docs/audit.md; ``verify`` (``deid verify``) reads it back.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import IO, Any

from deid.core.keys import LEGACY, Key, fingerprint_forms
from deid.core.model import Outcome
from deid.core.nameparts import name_parts
from deid.core.normalize import as_read
from deid.detect.mentions import any_case, looked_for_again
from deid.read.labels import public_field_path
from deid.read.textio import shown
from deid.core.errors import KeyFileError


SCHEMA = 7  # 7: key_derivation (the working keys stretched from the secret); the rules file as a label
SCHEMAS = frozenset({2, 3, 4, 5, 6, 7})  # what verify and marks read
_PAD = 512  # sealed findings are padded to a multiple of this many bytes


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def line_of(entry: dict[str, Any]) -> str:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def seal(entry: dict[str, Any], key: Key) -> str:
    """HMAC-SHA256(key, the closing entry without its signatures)."""
    body = {k: v for k, v in entry.items() if k not in ("hmac", "ed25519")}
    return key.hmac(line_of(body).encode("utf-8")).hexdigest()


def seal_findings(key: Key, findings: list[dict[str, Any]]) -> str:
    """A record's findings, encrypted under the key (``Key.seal``), padded so
    that the length says little more than the number of findings."""
    body = line_of({"findings": findings}).encode("utf-8")
    body += b" " * (-len(body) % _PAD)  # JSON allows trailing white space
    return base64.b64encode(key.seal(body)).decode("ascii")


def findings_of(entry: dict[str, Any], key: Key) -> list[dict[str, Any]]:
    """A record entry's findings, sealed under the key (an older ledger's findings in
    the clear are sealed as it is read: ``lift``). Raises ``ValueError`` when they do not
    open with ``key``."""
    from cryptography.exceptions import InvalidTag

    try:
        return json.loads(key.unseal(base64.b64decode(entry["sealed"], validate=True)))["findings"]
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"record {entry.get('seq')}: its findings do not open with this key") from exc


def ledger_key(header: dict[str, Any], key: Key) -> Key:
    """``key`` as the ledger with this header used it: its working keys derived
    as ``key_derivation`` says (a ledger before schema 7 used the secret itself)."""
    return key.under(str(header.get("key_derivation", LEGACY)))


def fingerprint(key: Key, value: str) -> str:
    return key.fingerprint(fingerprint_forms(value, any_case(" ".join(value.split()))))


class Ledger:
    def __init__(self, stream: IO[str], header: dict[str, Any], key: Key, sign_key=None):
        self.stream, self.key, self.sign_key = stream, key, sign_key
        self.prev: str | None = None
        self.seq = 0
        self._write({"kind": "header", "schema": SCHEMA, "key_id": key.id, "key_derivation": key.derivation, **header})

    def _write(self, entry: dict[str, Any]) -> None:
        entry["prev"] = self.prev
        line = shown(line_of(entry))  # a file name with invalid bytes must not break the ledger
        self.stream.write(line + "\n")
        self.prev = hashlib.sha256(line.encode("utf-8")).hexdigest()

    def record(self, outcome: Outcome, output: str | None, output_text: str | None, risk=None,
               status: str | None = None) -> None:
        """One record's entry; ``risk`` (``risk.batch.Risk``): its level, the kinds of
        detail that drove it and how many records share them, never their values;
        ``status`` "held_for_review" for a clean record held back for its risk."""
        r = outcome.record
        texts = {f.path: f.text for f in r.fields}
        self.seq += 1
        findings = []
        for x in outcome.redactions:
            f = x.decision.finding
            item = {  # no original offsets: with the output's, they would give each removed value's length
                "field": public_field_path(f.field, r, outcome.texts), "type": f.entity, "score": f.score,
                "recognizer": f.recognizer, "evidence": f.strength, "action": x.decision.action, "rule": x.decision.rule,
                "changed": x.changed, "out_start": x.out_start, "out_end": x.out_end,
            }
            written = outcome.texts.get(f.field)
            if written is not None and x.out_end > x.out_start:
                item["written"] = written[x.out_start:x.out_end]  # a stand-in, or text kept: found again after an edit
            value = as_read(texts[f.field][f.start:f.end]) if x.changed else ""
            if x.changed and looked_for_again(f, value):  # a value removed once has no fingerprint to check
                item["fingerprint"] = fingerprint(self.key, value)
                parts = name_parts(value) if f.entity == "PERSON" else []
                if len(parts) > 1:  # "Szabo" put back alone is caught too
                    item["part_fingerprints"] = sorted({fingerprint(self.key, p) for p in parts})
            findings.append(item)
        removed: dict[str, int] = {}
        for item in findings:
            if item["changed"]:
                removed[item["type"]] = removed.get(item["type"], 0) + 1
        entry: dict[str, Any] = {
            "kind": "record", "seq": self.seq, "source": r.source, "line": r.line, "id": r.id,
            "input_hmac": self.key.mac(r.raw),
            "status": status or ("held_back" if outcome.held_back else "published"),
            "removed": dict(sorted(removed.items())),   # all the ledger tells without the key
            "sealed": seal_findings(self.key, findings),  # the findings, for whoever holds the key
        }
        if risk is not None:
            entry["risk"] = {"level": risk.level, "types": list(risk.types), "shared_by": risk.shared_by}
        if outcome.held_back:
            entry["reason"] = outcome.held_back
        elif status == "held_for_review":
            entry["reason"] = "re-identification risk"
        else:
            entry["output"] = output
            entry["output_sha256"] = sha256(output_text or "")
            entry["residual"] = "pass"
        self._write(entry)

    def close(self, summary: dict[str, Any]) -> None:
        entry = {"kind": "summary", **summary, "chain_head": self.prev, "prev": self.prev}
        entry["hmac"] = seal(entry, self.key)
        if self.sign_key is not None:
            entry["ed25519"] = sign_ed25519(self.sign_key, entry)
        line = line_of(entry)
        self.stream.write(line + "\n")
        self.prev = hashlib.sha256(line.encode("utf-8")).hexdigest()


def load_sign_key(path: Path):
    """An Ed25519 private key in PEM (unencrypted)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise KeyFileError(f"{path}: not a readable, unencrypted PEM private key ({type(exc).__name__})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: not an Ed25519 private key")
    return key


def sign_ed25519(private_key, entry: dict[str, Any]) -> dict[str, str]:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    body = {k: v for k, v in entry.items() if k != "ed25519"}
    public = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return {"public_key": public.hex(), "signature": private_key.sign(line_of(body).encode("utf-8")).hex()}


def load_public_key(path: Path) -> bytes:
    """The raw bytes of an Ed25519 public key in PEM."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

    try:
        key = load_pem_public_key(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"{path}: not a readable PEM public key ({type(exc).__name__})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{path}: not an Ed25519 public key")
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)
