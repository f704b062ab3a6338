"""A job's word is no name: a guess of a person, place or organisation (the name lexicon, the
model) on a word written in lower case inside an occupation the recognizers found where a
job stands ("a retired saddler", "the only farrier in ...": Saddler and Farrier are
surnames too) is that job, not a name. The occupation stays, and the rules decide it
(``OCCUPATION``: kept by the default rules, generalised by ``strict``)."""

from __future__ import annotations

from collections import defaultdict

from deid.core.model import Finding
from deid.core.spans import Taken
from deid.detect.evidence import GUESSES, NAMELIKE


def jobs_not_names(kept: list[Finding], texts: dict[str, str]) -> list[Finding]:
    """``kept`` without the guesses of a name written in lower case inside an occupation."""
    jobs: dict[str, Taken] = defaultdict(Taken)
    for f in kept:
        if f.entity == "OCCUPATION":
            jobs[f.field].add(f.start, f.end)
    if not jobs:
        return kept
    return [f for f in kept if not (
        f.entity in NAMELIKE and f.strength in GUESSES and texts[f.field][f.start:f.end].islower()
        and f.field in jobs and jobs[f.field].holds(f.start, f.end))]
