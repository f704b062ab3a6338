"""The small frozen records that pass between pipeline stages.

Stages never reach into each other's internals: a reader yields ``Record``s,
detection yields ``Finding``s, the rules turn them into ``Decision``s, the
transform yields new text plus ``Redaction``s, and the pipeline wraps the
result of one record in an ``Outcome``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How a finding's recognizer knows (``Finding.strength``), strongest first.
CERTAIN = "certain"   # the deny list, the roster, an identifier column
CONTEXT = "context"   # the words around it: "my sponsor ...", "Dr. ...", "Name: ..."
PATTERN = "pattern"   # the value's shape: an email, a phone number, "... Recovery Center"
LEXICON = "lexicon"   # a known name, capitalised and placed like one
MODEL = "model"       # the NER model's guess
GUESSES = frozenset({LEXICON, MODEL})

# A stand-in an earlier run wrote into a published file (``ledger.published``): a finding
# of this type by this recognizer, kept as it is and recorded.
EARLIER, STAND_IN = "earlier_run", "STAND_IN"


@dataclass(frozen=True)
class ColumnRule:
    """How a structured field (CSV column, JSON key) is handled."""

    id: str
    pattern: str
    action: str  # drop | replace | mask | hash | generalize | pseudonym | shift | keep | scan
    entity: str
    known: bool = False
    tag: str = ""          # for replace / a pseudonym label; "" means the entity's tag
    style: str = "label"   # for pseudonym: label or realistic
    detail: bool = True    # its values describe the person (the risk counts them); a form's own timestamp does not


@dataclass(frozen=True)
class Field:
    """One piece of text inside a record.

    ``path`` addresses the value inside the record (a CSV header, a JSON key
    path such as ``answers.2.text``, or ``""`` for a whole document).
    ``column`` is set when a column rule governs the value as a whole.
    ``markup`` names the markup language of the text, if any.
    """

    path: str
    text: str
    column: ColumnRule | None = None
    markup: str | None = None


@dataclass(frozen=True)
class Known:
    """An identifier known before detection (from an identifier column)."""

    entity: str
    value: str
    rule: str


@dataclass(frozen=True)
class Record:
    """One input record: a CSV row, a JSON object, a JSONL line or a document.

    ``payload`` is the parsed form the format module needs to write the record
    back; ``raw`` is the original text, kept only for the quarantine.
    ``error`` is set when the record could not be read properly; such a record
    is held back without being processed.
    """

    source: str
    index: int
    line: int
    id: str
    fields: tuple[Field, ...]
    known: tuple[Known, ...] = ()
    raw: str = field(default="", repr=False)
    payload: Any = field(default=None, repr=False, compare=False)
    error: str | None = None
    # spans a previous deid run wrote here (its stand-ins), from its ledger
    marked: tuple[tuple[str, int, int], ...] = ()
    # where the id stands in the record (a field path), and whether ``id`` is
    # the keyed stand-in the output writes there (``ids``)
    id_path: str | None = None
    id_replaced: bool = False
    # (type, keyed fingerprint) of each finding the baseline accepts in the record's file
    # (``decide.baseline``): the run keeps them
    accepted: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """A detected identifier: offsets into one field's text, never the text.

    ``strength`` is how its recognizer knows (``evidence``: certain, context,
    pattern, lexicon or model); a mention found by spreading a value keeps
    the strength of the finding it came from.
    """

    field: str
    entity: str
    start: int
    end: int
    score: float
    recognizer: str
    strength: str = "pattern"


@dataclass(frozen=True)
class Decision:
    """What the rules decided for one finding."""

    finding: Finding
    action: str
    rule: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str, default: str = "") -> str:
        return dict(self.params).get(name, default)


@dataclass(frozen=True)
class Plan:
    """What detection and the rules decided for one record (pass 1); and, by field, what
    the final check's scan finds in the field's text as read (``Detected.checked``), for a
    field that comes out unchanged."""

    record: Record
    decisions: tuple[Decision, ...]
    held_back: str | None = None
    checked: tuple[tuple[str, tuple[Finding, ...]], ...] = ()


@dataclass(frozen=True)
class Redaction:
    """One change made to a field: input offsets, output offsets, and why."""

    decision: Decision
    out_start: int
    out_end: int
    changed: bool


@dataclass(frozen=True)
class Outcome:
    """The result of processing one record.

    ``texts`` maps field path to its new text (``None`` drops the value).
    ``held_back`` is a reason when the record must not be published.
    """

    record: Record
    texts: dict[str, str | None]
    redactions: tuple[Redaction, ...]
    held_back: str | None = None


Span = tuple[str, int, int]  # field, start, end: a span of a record's text (``Record.marked``)


def inside(spans: tuple[Span, ...], field: str, start: int, end: int) -> bool:
    """Whether ``start:end`` of ``field`` lies within one of ``spans``."""
    return any(f == field and a <= start and end <= b for f, a, b in spans)
