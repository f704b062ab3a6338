"""The ``deid: allow TYPE`` pragma of ``deid check``: where it counts and what
it accepts.

A pragma is the author's note, never the respondent's words, so it counts
only inside a comment the file's format has:

- Markdown: an HTML comment (``<!-- deid: allow PERSON -->``) outside code,
  or a ``#`` comment inside a fenced code block of a language that has them
  (``yaml``, ``sh``, ``toml``, ``python``...);
- plain text, CSV, JSON and JSON lines have no comments: there a pragma is a
  respondent's words like any others and accepts nothing.

It names one or more known entity types, comma-separated, in capitals as
``deid check`` reports them, and accepts findings of those types on the line
the comment starts on, nothing else. A pragma that names no type, a type in
lower case or a type deid does not know is an error (a check failure naming
the file and line), never a pragma that accepts everything.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from types import ModuleType


_PRAGMA = re.compile(r"\bdeid:[ \t]*allow\b(?P<types>[^)\n]*)")
_TYPE = re.compile(r"[A-Z][A-Z0-9_]*")


@dataclass(frozen=True)
class Pragmas:
    allowed: dict[int, frozenset[str]]    # line -> the types its pragma accepts
    errors: tuple[tuple[int, str], ...]   # (line, what is wrong)

    def accepts(self, line: int, entity: str) -> bool:
        return entity in self.allowed.get(line, ())


def pragmas(text: str, fmt: ModuleType | None, known: frozenset[str]) -> Pragmas:
    """The pragmas of a file of format ``fmt``: in the comments its module finds (``comments``;
    none in a format without them)."""
    allowed: dict[int, set[str]] = {}
    errors: list[tuple[int, str]] = []
    comments = getattr(fmt, "comments", None)
    for start, body in comments(text) if comments is not None else ():
        for m in _PRAGMA.finditer(body):
            line = text.count("\n", 0, start) + 1
            types, problem = _types(m.group("types"), known)
            if problem:
                errors.append((line, problem))
            else:
                allowed.setdefault(line, set()).update(types)
    return Pragmas({n: frozenset(t) for n, t in allowed.items()}, tuple(errors))


def _types(written: str, known: frozenset[str]) -> tuple[frozenset[str], str | None]:
    names = [t.strip() for t in written.strip().split(",")]
    if names == [""]:
        return frozenset(), "the deid: allow pragma names no type; name the types it accepts, e.g. deid: allow PERSON"
    for name in names:
        if _TYPE.fullmatch(name) and name in known:
            continue
        if name.upper() in known:
            return frozenset(), f"the deid: allow pragma names a type in lower case: write it in capitals, {name.upper()}"
        near = difflib.get_close_matches(name.upper(), sorted(known), n=1)
        hint = f"; did you mean {near[0]}?" if near else "; name a type deid check reports (docs/rules.md lists them)"
        return frozenset(), f"the deid: allow pragma names a type deid does not know{hint}"
    return frozenset(names), None


def known_types(*rulesets) -> frozenset[str]:
    """The entity types a pragma may name: those the rules give an action, deny or a column."""
    out: set[str] = set()
    for rules in rulesets:
        out |= set(rules.entities) | {d.entity for d in rules.deny} | {c.entity for c in rules.columns}
    return frozenset(out)
