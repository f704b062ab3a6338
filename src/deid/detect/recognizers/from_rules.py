"""The pattern recognizers a rules file adds (``recognizers``: ``policy.ruleset.RecognizerRule``),
as Presidio's ``PatternRecognizer``: the entity type, the expressions with their scores
(matched with Presidio's flags: in any case, ``^`` and ``$`` at each line), the context words.
Each knows its value by its shape (``evidence.PATTERN``), as the built-in ones of ``BY_SHAPE``
do, and runs where they run: detection, the final check, ``deid check`` and ``deid verify``
(``scanner.PatternScanner``), its expressions gated by the prefilter like Presidio's."""

from __future__ import annotations

from presidio_analyzer import PatternRecognizer

from deid.detect import evidence
from deid.detect.recognizers.base import Pattern
from deid.policy.ruleset import RuleSet


def from_rules(rules: RuleSet) -> list[PatternRecognizer]:
    out = []
    for spec in rules.recognizers:
        rec = PatternRecognizer(
            supported_entity=spec.entity, name=spec.name, supported_language=rules.language,
            patterns=[Pattern(p.name, p.regex, p.score) for p in spec.patterns],
            context=list(spec.context) or None,
        )
        rec.evidence = evidence.PATTERN
        out.append(rec)
    return out
