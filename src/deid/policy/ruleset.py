"""The rules a run follows, as one frozen value (``RuleSet``): per entity type its action,
threshold and tag; the allow and deny terms; the column rules; and the canonical form the
ledger records. Built from that form alone (``RuleSet.from_canonical``), by
``rules.load_rules`` from a file (``schema.Validator`` checks it and writes the form) and by
``rules.from_ledger`` from a ledger, so the two cannot differ by an option."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from deid.core.model import ColumnRule


def default_rules_path() -> Path:
    return Path(__file__).resolve().parent.parent / "rules" / "default.yaml"


@dataclass(frozen=True)
class EntityRule:
    entity: str
    action: str
    threshold: float
    tag: str
    style: str = "realistic"
    to: str = ""  # for generalize: how far (AGE: "band"); "" is the type's default


LEVELS = ("low", "medium", "high")


@dataclass(frozen=True)
class RiskPolicy:
    """How the batch's re-identification risk is judged (``risk``) and what a
    record's level does: from ``review`` on it is listed for a human, from
    ``hold`` on it is held back into the review folder ("never": no level is). The
    values here are the default profile's, which a file with ``extends: none`` gets
    when it says nothing of risk."""

    k: int = 5
    high: int = 3
    review: str = "medium"
    hold: str = "never"
    types: tuple[str, ...] = ("AGE", "SEX", "OCCUPATION", "FAMILY", "DISTINCTIVE", "RARE_CONDITION", "NRP",
                              "DATE_TIME", "BIRTH_DATE", "ZIP_CODE", "LOCATION", "ORGANIZATION")

    def reaches(self, level: str, threshold: str) -> bool:
        """Whether ``level`` is at or above ``threshold`` (a level or "never")."""
        return threshold in LEVELS and LEVELS.index(level) >= LEVELS.index(threshold)


@dataclass(frozen=True)
class AuditPolicy:
    """A sampled human audit the published folder must hold (``audit``): ``deid verify``
    fails until a complete sample bounds the leak rate at ``max_rate`` with ``confidence``
    (``ledger.sampled``)."""

    confidence: float = 0.95
    max_rate: float = 0.05


@dataclass(frozen=True)
class ConsentRule:
    """Consent to publish: the question a form asked each writer, and the answers that allow it.

    A survey export often carries the writer's answer to "May we publish your story?". The
    rules' ``consent`` names that question by a regular expression over normalised header
    names (``match``, as column rules do) and the answers that allow publishing (``allow``,
    compared as terms are: case, a possessive and outer punctuation ignored). A record whose
    file asks the question is published only when its answer is allowed: "No", a blank, or
    anything the rules do not list ("Yes, but ask me first") holds it back unpublished, with a
    reason that names the question's column, never the answer. A file that asks no such
    question is not judged, unless ``required`` says every record must carry an answer."""
    match: str                  # a regular expression over normalised header names
    allow: tuple[str, ...]      # normalised answers that allow publishing
    required: bool = False      # a record whose file asks no such question is held back too

    def question(self, answers: dict[str, str]) -> str | None:
        """The first header of ``answers`` that asks for consent, or None."""
        return next((h for h in answers if re.fullmatch(self.match, normalize_field_name(h))), None)

    def withheld(self, answers: dict[str, str]) -> str | None:
        """Why a record with these answers (header -> value) may not be published, or None."""
        asked = self.question(answers)
        if asked is None:
            if not self.required:
                return None
            return ("not published: consent.required is set and the record has no column that "
                    "consent.match names; add the consent column, or set consent.required: false")
        if normalize_term(str(answers[asked])) in self.allow:
            return None
        where = normalize_field_name(asked)
        if not str(answers[asked]).strip():
            return (f"not published: no answer to the consent question (column {where!r}); "
                    "a writer who did not answer has not agreed")
        return (f"not published: the answer to the consent question (column {where!r}) is not one "
                "consent.allow lists; add it there if it allows publishing")


@dataclass(frozen=True)
class DenyTerm:
    term: str
    entity: str


@dataclass(frozen=True)
class PatternRule:
    name: str
    regex: str
    score: float


@dataclass(frozen=True)
class RecognizerRule:
    """A pattern recognizer a rules file adds (``recognizers``): the type it finds, its
    expressions with their scores, and the words near a match that raise its score
    (``context``). ``detect.recognizers.from_rules`` makes Presidio's ``PatternRecognizer`` of it."""

    name: str
    entity: str
    patterns: tuple[PatternRule, ...]
    context: tuple[str, ...] = ()

    def form(self) -> dict:
        """As the canonical form (and so the ledger) records it."""
        return {"name": self.name, "entity": self.entity, "patterns": [dict(vars(p)) for p in self.patterns],
                "context": list(self.context)}

    @classmethod
    def of(cls, form: dict) -> "RecognizerRule":
        return cls(str(form["name"]), str(form["entity"]),
                   tuple(PatternRule(str(p["name"]), str(p["regex"]), float(p["score"])) for p in form["patterns"]),
                   tuple(str(w) for w in form["context"]))


@dataclass(frozen=True)
class RuleSet:
    path: str
    model: str
    language: str
    default_threshold: float
    default_action: str
    keep_fields: frozenset[str]
    id_fields: tuple[str, ...]
    entities: dict[str, EntityRule]
    allow: frozenset[tuple[str, str]]  # (entity or "*", normalised term)
    deny: tuple[DenyTerm, ...]
    columns: tuple[ColumnRule, ...]
    sha256: str
    medical_lexicon: bool = True
    risk: RiskPolicy = RiskPolicy()
    consent: ConsentRule | None = None
    audit: AuditPolicy | None = None
    recognizers: tuple[RecognizerRule, ...] = ()  # the pattern recognizers the rules add
    recognizers_off: tuple[str, ...] = ()         # the built-in recognizers they switch off, by name
    canonical: dict = field(default_factory=dict, compare=False, repr=False)
    allowed_terms: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # for any type

    @classmethod
    def from_canonical(cls, canonical: dict, path: str, sha256: str | None = None) -> "RuleSet":
        """The rules of ``canonical``, the form the ledger records (``schema.Validator.build``
        writes it, ``for_ledger`` records it); ``sha256``: the digest of the form with its deny
        terms (``digest``), its own when not given. A deny entry recorded as a fingerprint
        only (a ledger's) is no term: such rules have none. An older ledger's form is lifted to
        this one before it comes here (``ledger.lift``); ``audit`` and ``recognizers`` are
        recorded only when a rules file has them."""
        entities = {k: EntityRule(**v) for k, v in canonical["entities"].items()}
        allow = frozenset((str(e), str(t)) for e, t in canonical["allow"])
        risk, consent, audit = canonical["risk"], canonical["consent"], canonical.get("audit")
        recognizers = canonical.get("recognizers") or {"add": [], "off": []}  # recorded only when there are some
        return cls(
            path=path, model=str(canonical["model"]), language=str(canonical["language"]),
            default_threshold=float(canonical["default_threshold"]), default_action=str(canonical["default_action"]),
            keep_fields=frozenset(canonical["keep_fields"]), id_fields=tuple(canonical["id_fields"]),
            entities=entities, allow=allow,
            deny=tuple(DenyTerm(str(d["term"]), str(d["entity"])) for d in canonical["deny"] if "term" in d),
            columns=tuple(ColumnRule(**c) for c in canonical["columns"]),
            sha256=digest(canonical) if sha256 is None else sha256,
            medical_lexicon=bool(canonical["medical_lexicon"]),
            risk=RiskPolicy(int(risk["k"]), int(risk["high"]), str(risk["review"]), str(risk["hold"]),
                            tuple(risk["types"])),
            consent=None if consent is None else ConsentRule(
                str(consent["match"]), tuple(str(a) for a in consent["allow"]), bool(consent["required"])),
            audit=None if audit is None else AuditPolicy(float(audit["confidence"]), float(audit["max_rate"])),
            recognizers=tuple(RecognizerRule.of(r) for r in recognizers["add"]),
            recognizers_off=tuple(str(name) for name in recognizers["off"]),
            canonical=dict(canonical),
            allowed_terms=frozenset(t for _, t in allow),
        )

    def for_ledger(self, fingerprint) -> dict:
        """The effective rules for the ledger: deny terms may be personal
        data, so only their keyed fingerprints are kept."""
        out = dict(self.canonical)
        out["deny"] = [{"entity": d["entity"], "fingerprint": fingerprint(d["term"])} for d in self.canonical.get("deny", [])]
        return out

    def for_entity(self, entity: str) -> EntityRule:
        """The rule for ``entity``; unknown types fall back to the default."""
        rule = self.entities.get(entity)
        if rule is None:
            return EntityRule(entity, self.default_action, self.default_threshold, f"[{entity}]")
        return rule

    def column_for(self, name: str) -> ColumnRule | None:
        """The first column rule whose pattern matches the normalised name."""
        norm = normalize_field_name(name)
        for col in self.columns:
            if re.fullmatch(col.pattern, norm):
                return col
        return None

    def is_kept_field(self, name: str) -> bool:
        return normalize_field_name(name) in self.keep_fields

    def is_id_field(self, name: str) -> bool:
        return normalize_field_name(name) in self.id_fields

    def is_allowed_anywhere(self, text: str) -> bool:
        """Allowed for some type: "Ohio" is allowed as a place."""
        return normalize_term(text) in self.allowed_terms

    def is_allowed(self, text: str, entity: str) -> bool:
        term = normalize_term(text)
        return ("*", term) in self.allow or (entity, term) in self.allow

    @cached_property
    def allowed_phrases(self) -> tuple[tuple[str, str], ...]:
        """The allowed terms of several words, (entity or "*", term): "Bridgeway Clinic" allowed
        keeps a finding of "Bridgeway" alone where the text says "Bridgeway Clinic"."""
        return tuple(sorted((e, t) for e, t in self.allow if " " in t))

    def in_allowed_phrase(self, text: str, start: int, end: int, entity: str) -> bool:
        """Whether ``text[start:end]`` lies inside an allowed term of several words written there."""
        inner = normalize_term(text[start:end])
        if not inner:
            return False
        for e, term in self.allowed_phrases:
            if e not in ("*", entity) or inner not in term:
                continue
            for m in re.finditer(re.escape(inner), term):
                lo, hi = start - m.start(), end + len(term) - m.end()
                if lo >= 0 and hi <= len(text) and normalize_term(text[lo:hi]) == term \
                        and not (lo and text[lo - 1].isalnum()) and not (hi < len(text) and text[hi].isalnum()):
                    return True
        return False


def digest(canonical: dict) -> str:
    """The SHA-256 of a rules form as canonical JSON: what the ledger records as the rules' hash."""
    return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


def normalize_field_name(name: str) -> str:
    """``RecipientLastName`` / ``Last Name:`` -> ``recipient_last_name`` / ``last_name``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", str(name))
    return re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")


@lru_cache(maxsize=65536)  # asked of the same few words, over and over, by decide and the final check
def normalize_term(text: str) -> str:
    """Casefold, drop a possessive, collapse white space, trim punctuation."""
    t = " ".join(text.split()).casefold()
    t = re.sub(r"['\u2019]s$", "", t)
    return t.strip(" .,;:!?\"'()[]{}\u2018\u2019\u201c\u201d")
