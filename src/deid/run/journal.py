"""The run's journal: the plans of a batch, kept between the two passes.

Plans hold record text, so the folder is created with mode 0700 and the file
with 0600, and both are removed when the run ends, however it ends -- except
when the process is killed outright (kill -9, a power cut). Then the journal
stays, and ``deid run ... --resume`` (same inputs -- their bytes, by a keyed
MAC --, rules and key) replays the
plans already made instead of making them again; a run without ``--resume``
starts a fresh journal. The folder sits beside ``--out`` (``OUT.deid-work``),
as local and private as the quarantine, never inside the published folder.

The journal is JSON lines, one plan a line, each object tagged with its
type from a fixed list (``_TYPES``): reading it builds those types only and
runs nothing, however the file was changed (a pickle would run what it
says).
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path
from typing import Any, Iterator

from deid.core.errors import UsageError
from deid.core.layout import WORK_SUFFIX
from deid.core.model import ColumnRule, Decision, Field, Finding, Known, Plan, Record
from deid.read.frontmatter import FrontMatter, Value
from deid.run.places import beside

PLANS = "plans.jsonl"
HEADER = "run.json"


def default_dir(out: Path) -> Path:
    """Beside --out, out of any folder that looks published (``places.beside``)."""

    return beside(out, WORK_SUFFIX)


class Journal:
    def __init__(self, folder: Path, header: dict, resume: bool = False):
        """``header`` says which run this is (inputs, rules, key); ``resume``
        picks up the journal of a killed run with the same header."""
        self.folder, self.header, self.resume = Path(folder), header, resume
        self.replayed = 0

    def __enter__(self) -> "Journal":
        path = self.folder / PLANS
        if self.resume:
            self._check_header()
            self.replayed = _whole_plans(path)
            self._out = open(path, "ab")
        else:
            if self.folder.is_dir() and not self.folder.is_symlink():
                shutil.rmtree(self.folder)  # a killed run's journal, not resumed
            self.folder.mkdir(mode=0o700, parents=True)
            (self.folder / HEADER).write_text(json.dumps(self.header, sort_keys=True), encoding="utf-8")
            self._out = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._in = None
        return self

    def _check_header(self) -> None:
        try:
            theirs = json.loads((self.folder / HEADER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise UsageError(f"{self.folder}: no journal of a killed run to resume; run again without --resume") from None
        changed = sorted(k for k in set(theirs) | set(self.header) if theirs.get(k) != self.header.get(k))
        if changed:
            raise UsageError(f"{self.folder}: cannot resume: the {', '.join(changed)} changed since the killed run; "
                             "run again without --resume") from None

    def replay(self) -> Iterator[Plan]:
        """The plans the killed run had made, in order."""
        with open(self.folder / PLANS, "rb") as fh:
            for _ in range(self.replayed):
                yield _plan(fh.readline())

    def add(self, plan: Plan) -> None:
        # ASCII with \u escapes: a record read with bad bytes holds lone surrogates, which UTF-8 cannot write
        self._out.write(json.dumps(_encode(plan), ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n")
        self._out.flush()

    def take(self, count: int) -> Iterator[Plan]:
        """The first ``count`` plans, in the order they were added."""
        if self._in is None:
            self._out.close()
            self._in = open(self.folder / PLANS, "rb")
        for _ in range(count):
            yield _plan(self._in.readline())

    def __exit__(self, *exc) -> None:
        try:
            for fh in (self._out, self._in):
                if fh is not None:
                    try:
                        fh.close()
                    except OSError:  # a full disk: the journal goes anyway
                        pass
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _whole_plans(path: Path) -> int:
    """How many plans the journal holds whole; a plan the kill cut short is
    cut off, so that new plans follow the last whole one."""
    count, good = 0, 0
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    break  # the tail a kill cut short
                try:
                    _plan(line)
                except (ValueError, KeyError, TypeError):
                    break
                count, good = count + 1, good + len(line)
    except FileNotFoundError:
        return 0
    with open(path, "r+b") as fh:
        fh.truncate(good)
    return count


# The only types a journal line may build.
_TYPES = {t.__name__: t for t in (Plan, Record, Field, ColumnRule, Known, Decision, Finding, FrontMatter, Value)}


_SCALARS = frozenset((str, int, float, bool, type(None)))
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, looked up once per type


def _encode(value: Any) -> Any:
    """A plan as JSON: dataclasses, tuples and objects tagged (an object of
    the record's own data may hold any key, so it is a list of pairs)."""
    kind = type(value)
    if kind in _SCALARS:  # most values, at the cost of one look-up
        return value
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {"t": kind.__name__, "v": {name: _encode(getattr(value, name)) for name in names}}
    if isinstance(value, tuple):
        return {"t": "tuple", "v": [_encode(v) for v in value]}
    if isinstance(value, dict):
        return {"t": "dict", "v": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"a plan holds a {type(value).__name__}, which the journal cannot keep")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind, inner = value["t"], value["v"]
    if kind == "tuple":
        return tuple(_decode(v) for v in inner)
    if kind == "dict":
        return {_decode(k): _decode(v) for k, v in inner}
    return _TYPES[kind](**{k: _decode(v) for k, v in inner.items()})  # KeyError for any other type


def _plan(line: bytes) -> Plan:
    plan = _decode(json.loads(line))
    if not isinstance(plan, Plan):
        raise TypeError("a journal line that is no plan")
    return plan
