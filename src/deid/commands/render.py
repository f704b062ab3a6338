"""``deid check``'s output: text, JSON and SARIF 2.1.0. Values are never
printed: a finding shows its type, score, recognizer and the value masked;
the JSON and SARIF outputs carry the report fingerprint
(``baseline.value_fingerprint(..., "report")``), which no baseline entry can
be made from. What the check could not judge (``targets.Failure``) goes in
SARIF as the run's error notifications, the run marked unsuccessful."""

from __future__ import annotations

import json
from typing import Iterable

from deid import __version__


def render_text(findings: Iterable) -> str:
    return "".join(f"{f.file}:{f.line}:{f.column}: {f.entity} ({f.score:.2f}, {f.recognizer}) {f.masked}\n" for f in findings)


def render_json(findings: Iterable) -> str:
    return json.dumps([
        {"file": f.file, "line": f.line, "column": f.column, "type": f.entity, "score": f.score,
         "recognizer": f.recognizer, "masked": f.masked, "fingerprint": f.shown_fingerprint}
        for f in findings], indent=2) + "\n"


def render_sarif(findings: list, version: str, failures: Iterable = ()) -> str:
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
        "partialFingerprints": {"deidReport/v2": f.shown_fingerprint},
    } for f in findings]
    run: dict = {"tool": {"driver": {"name": "deid", "version": version, "rules": rules}}, "results": results}
    failures = list(failures)
    if failures:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [{
            "level": "error", "message": {"text": f.why},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.file},
                                                **({"region": {"startLine": f.line}} if f.line else {})}}],
        } for f in failures]}]
    doc = {"version": "2.1.0", "runs": [run]}  # no $schema: it would name a host to fetch; it is optional (SARIF 2.1.0, 3.13.3)
    return json.dumps(doc, indent=2) + "\n"


def render_check(findings, fmt: str, failures=()) -> str:
    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, __version__, failures)
    return render_text(findings)
