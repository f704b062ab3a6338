"""``deid review``: walk the findings no one has reviewed, one at a time.

All terminal I/O of the review is here, behind two callables (``ask`` reads
an answer, ``say`` prints), so tests drive it without a terminal. The line is
shown with the value highlighted: this is the reviewer's own file, on their
own screen; nothing here is stored but the verdict and the fingerprint.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from deid.decide.baseline import ACCEPTED, Baseline, IDENTIFYING, load_baseline
from deid.commands.check import check_paths, deids_own
from deid.core.keys import load_key
from deid.policy.rules import load_rules
from deid.run.process import Processor

PROMPT = "[a]ccept as not identifying, [m]ark as identifying, [s]kip, [q]uit"


@dataclass
class ReviewCounts:
    accepted: int = 0
    identifying: int = 0
    skipped: int = 0


def review(findings, baseline: Baseline, ask: Callable[[str], str], say: Callable[[str], None],
           by: str, highlight: Callable[[str], str] = lambda s: f"[[{s}]]") -> ReviewCounts:
    counts = ReviewCounts()
    todo = [f for f in findings if baseline.verdict(f) is None]
    try:  # the verdicts given are kept, however the review ends (q, end of input, Ctrl-C, an error)
        for n, f in enumerate(todo, start=1):
            say(f"({n}/{len(todo)}) {f.file}:{f.line}:{f.column}: {f.entity} ({f.score:.2f}, {f.recognizer})")
            say("    " + _shown_line(f, highlight))
            while True:
                answer = ask(PROMPT).strip().lower()[:1]
                if answer in ("a", "m", "s", "q"):
                    break
                say("please answer a, m, s or q")
            if answer == "q":
                break
            if answer == "s":
                counts.skipped += 1
                continue
            reason = ask("why (optional)").strip()
            if answer == "a":
                baseline.add(f, ACCEPTED, by, reason or "reviewed: not identifying")
                counts.accepted += 1
            else:
                baseline.add(f, IDENTIFYING, by, reason or "reviewed: identifying")
                counts.identifying += 1
    finally:
        baseline.save()
    return counts


def _shown_line(f, highlight: Callable[[str], str]) -> str:
    try:
        line = Path(f.file).read_text(encoding="utf-8", errors="replace").splitlines()[f.line - 1]
    except (OSError, IndexError):
        return "(line not available)"
    start = f.column - 1
    width = len(f.masked)
    return line[:start] + highlight(line[start:start + width]) + line[start + width:]


def run_review(paths: list[Path], rules_path: Path | None, baseline_path: Path, key_file: Path | None,
               ask, say, highlight, exclude: tuple[str, ...] = ()):
    """``deid review``: the terminal I/O comes in as ``ask``/``say`` (see ``review``)."""
    key = load_key(key_file)
    findings, _, _ = check_paths(paths, Processor(load_rules(rules_path), key), key, rules_given=rules_path is not None,
                                 exclude=exclude, skip=deids_own(baseline_path, rules_path, key_file, None))
    return review(findings, load_baseline(baseline_path, key), ask=ask, say=say, by=getpass.getuser(), highlight=highlight)
