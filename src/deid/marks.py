"""What ``deid run`` wrote, read back from a published folder's ledger.

Each published record's ledger entry holds the output offsets of every
change made to it. When a run's input is itself a published folder (its
ledger beside it), those spans are marked on the records read, so the tool
leaves its own stand-ins alone ("Frances Breland" is not a new person) while
still catching a real name added to the text afterwards.

Marks are trusted only from a ledger whose hash chain and closing seal
verify with this key, and only for a file whose SHA-256 is the one the
ledger sealed: anyone can write a ledger, and a name typed over a stand-in
must not pass as the stand-in. Any other folder is plain input.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from .audit import LEDGER_NAME, file_sha256
from .keys import Key

Span = tuple[str, int, int]  # field, start, end


def load_marks(folder: Path, key: Key, notes: list[str] | None = None) -> dict[str, list[tuple[Span, ...]]]:
    """Output path (relative to ``folder``) -> the marked spans of each of its
    published records, in order. Empty when the folder has no ledger, or one
    that does not verify with ``key``; a file changed since the run has none.
    Why a ledger or a file is not trusted goes to ``notes``."""
    from .ledger_check import Report, read_chain

    path = folder / LEDGER_NAME
    if not path.is_file():
        return {}
    rep = Report()
    entries = read_chain(path, key, None, rep)
    if entries is None or not rep.ok:
        if notes is not None:
            notes.append(f"{path}: {rep.problems[0] if rep.problems else 'not readable'}; "
                         f"{folder} is read as plain text, its stand-ins included")
        return {}
    sealed: dict[str, str] = entries[-1].get("outputs", {})
    unchanged: dict[str, bool] = {}
    marks: dict[str, list[tuple[Span, ...]]] = defaultdict(list)
    for entry in entries:
        if entry.get("kind") != "record" or entry.get("status") != "published":
            continue
        rel = entry["output"]
        if rel not in unchanged:
            target = folder.joinpath(*rel.split("/"))
            unchanged[rel] = target.is_file() and not target.is_symlink() and rel in sealed \
                and file_sha256(target) == sealed[rel]
            if not unchanged[rel] and notes is not None and target.exists():
                notes.append(f"{target}: changed since deid run sealed it; read as plain text, its stand-ins included")
        if not unchanged[rel]:
            continue
        marks[rel].append(tuple(
            (f["field"], f["out_start"], f["out_end"])
            for f in entry.get("findings", [])
            if (f.get("changed") or f.get("recognizer") == "earlier_run") and f.get("out_end", 0) > f.get("out_start", 0)
        ))
    return dict(marks)


def inside(spans: tuple[Span, ...], field: str, start: int, end: int) -> bool:
    return any(f == field and a <= start and end <= b for f, a, b in spans)
