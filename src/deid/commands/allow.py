"""``deid allow TERM``: add a term to the project's rules, the fastest fix for a false positive.

The term goes to the ``allow`` list of the project's rules file (``--rules``, else the
configuration's ``rules``), for every type or, with ``--type``, for one. A file that does not
exist yet is made, extending the default rules. The file is edited as text, its comments
and order kept: the new entry is the last line of its ``allow`` list (a list written
``allow: []`` is written out as lines first). The rules are then loaded again: an edit that
would not load is undone and the error said. A bundled profile (``default``, ``strict``) is
never edited: they belong to deid.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from deid.core.errors import DeidError, UsageError
from deid.policy.rules import PROFILES, load_rules
from deid.policy.ruleset import normalize_term

_ALLOW = re.compile(r"^allow:[ \t]*(?P<rest>.*)$", re.MULTILINE)


def allow_terms(rules_path: Path | None, terms: list[str], entity: str | None) -> tuple[Path, list[str]]:
    """Adds ``terms`` to the rules file; returns the file and the terms it did not hold yet."""
    if rules_path is None:
        raise UsageError("no project rules file to add to: give --rules FILE (made if missing, extending the "
                         "default rules), or set rules = \"FILE\" in .deid.toml")
    if str(rules_path) in PROFILES:
        raise UsageError(f"{rules_path!s} is a profile deid ships: give your own rules file with --rules FILE "
                         f"(extends: {rules_path!s}) and add the term there")
    if any(not t.strip() for t in terms):
        raise UsageError("an empty term allows nothing: give the words to keep")
    if entity is not None:
        known = set(load_rules().entities) | {"IDENTIFIER"}
        if entity not in known:
            near = difflib.get_close_matches(entity, sorted(known), n=1)
            raise UsageError(f"--type {entity}: unknown entity type {entity!r}" + (f"; did you mean {near[0]}?" if near else
                                                                                  "; see docs/rules.md for the types deid finds"))
    existed = rules_path.exists()
    before = rules_path.read_text(encoding="utf-8") if existed else "extends: default\n"
    rules = load_rules(rules_path) if existed else load_rules()
    new = [t for t in terms if (entity or "*", normalize_term(t)) not in rules.allow
           and ("*", normalize_term(t)) not in rules.allow]
    if not new:
        return rules_path, []
    lines = [f"  - {json.dumps(t, ensure_ascii=False)}" if entity is None
             else f"  - {{term: {json.dumps(t, ensure_ascii=False)}, entity: {entity}}}" for t in new]
    text = _added(before, lines)
    rules_path.write_text(text, encoding="utf-8")
    try:
        load_rules(rules_path)
    except DeidError:
        if existed:
            rules_path.write_text(before, encoding="utf-8")
        else:
            rules_path.unlink()
        raise
    return rules_path, new


def _added(text: str, lines: list[str]) -> str:
    """``text`` with ``lines`` added at the end of its top-level ``allow`` list."""
    if not text.endswith("\n"):
        text += "\n"
    m = _ALLOW.search(text)
    if m is None:
        return text + "allow:\n" + "".join(ln + "\n" for ln in lines)
    rest = m.group("rest").split("#", 1)[0].strip()
    if rest == "[]":
        return text[:m.start()] + "allow:\n" + "".join(ln + "\n" for ln in lines) + text[m.end() + 1:]
    if rest:
        raise UsageError("the rules file's allow list is written on one line: write it as one '- term' a line, "
                         "then run deid allow again")
    end = m.end() + 1
    for line in text[end:].splitlines(keepends=True):
        if line.strip() and not line.startswith((" ", "\t", "-")):
            break
        end += len(line)
    body = text[m.end() + 1:end].rstrip("\n")
    tail = text[end:]
    return text[:m.end() + 1] + (body + "\n" if body else "") + "".join(ln + "\n" for ln in lines) + \
        ("\n" if tail and text[m.end() + 1:end].endswith("\n\n") else "") + tail
