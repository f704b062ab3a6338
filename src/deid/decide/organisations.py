"""A name inside an organisation's name is the organisation's.

Name recognizers read a word by its position ("Hartley billed me", "PA Department"); the
model reads the whole "Regional Medical Center of Hartley" as an organisation. Merged, the
person's type would win and the organisation get a person's stand-in. Where a person's finding
lies inside an organisation's that holds an organisation's head word outside it ("Center",
"Department", "Services"), the person's finding yields: the whole goes as the organisation.
Known names, the roster and deny-list terms (certain) never yield.
"""

from __future__ import annotations

import re

from deid.core.model import Finding
from deid.core.wordlists import ORG_HEADS
from deid.detect.evidence import CERTAIN

_WORD = re.compile(r"[^\W\d_]+")


def organisations_hold_names(findings: list[Finding], texts: dict[str, str]) -> list[Finding]:
    orgs = [o for o in findings if o.entity == "ORGANIZATION"]
    if not orgs:
        return findings
    return [f for f in findings if not (f.entity == "PERSON" and f.strength != CERTAIN
                                        and any(_holds(o, f, texts[f.field]) for o in orgs))]


def _holds(o: Finding, f: Finding, text: str) -> bool:
    if o.field != f.field or not (o.start <= f.start and f.end <= o.end) or (o.start, o.end) == (f.start, f.end):
        return False
    outside = text[o.start:f.start] + " " + text[f.end:o.end]
    return any(w.lower() in ORG_HEADS for w in _WORD.findall(outside))
