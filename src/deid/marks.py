"""What ``deid run`` wrote, read back from a published folder's ledger.

Each published record's ledger entry holds the output offsets of every
change made to it. When a run's input is itself a published folder (its
ledger beside it), those spans are marked on the records read, so the tool
leaves its own stand-ins alone ("Frances Breland" is not a new person) while
still catching a real name added to the text afterwards.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .audit import LEDGER_NAME

Span = tuple[str, int, int]  # field, start, end


def load_marks(folder: Path) -> dict[str, list[tuple[Span, ...]]]:
    """Output path (relative to ``folder``) -> the marked spans of each of its
    published records, in order. Empty when the folder has no readable ledger."""
    path = folder / LEDGER_NAME
    marks: dict[str, list[tuple[Span, ...]]] = defaultdict(list)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            return {}
        if entry.get("kind") != "record" or entry.get("status") != "published":
            continue
        spans = tuple(
            (f["field"], f["out_start"], f["out_end"])
            for f in entry.get("findings", [])
            if (f.get("changed") or f.get("recognizer") == "earlier_run") and f.get("out_end", 0) > f.get("out_start", 0)
        )
        marks[entry["output"]].append(spans)
    return dict(marks)


def inside(spans: tuple[Span, ...], field: str, start: int, end: int) -> bool:
    return any(f == field and a <= start and end <= b for f, a, b in spans)
