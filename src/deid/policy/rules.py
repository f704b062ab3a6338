"""Rules: what to do with each kind of identifier. Validated when loaded.

A rules file is YAML (see rules/default.yaml, documented in docs/rules.md).
Every problem is reported with the file, the line, the key and the bad value,
and nothing is half-loaded. ``load_rules`` reads a file (and the rules it extends),
``schema.Validator`` checks it, and ``from_ledger`` rebuilds the rules a run recorded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from deid.core.errors import RulesError
from deid.policy.ruleset import RuleSet, default_rules_path
from deid.policy.schema import Validator
from deid.policy.yamlsource import YamlDoc, load_yaml


# Bundled rules a command or an ``extends`` may name instead of a file (``--rules strict``);
# a file of such a name is given as a path (``./strict``).
PROFILES = ("default", "strict")


def profile_path(name: str) -> Path:
    return default_rules_path().parent / f"{name}.yaml"


def _where(path: str | Path | None) -> tuple[Path, str]:
    """The file to read and the name to show for it."""
    if path is None:
        return default_rules_path(), "rules/default.yaml"
    if str(path) in PROFILES:
        return profile_path(str(path)), f"rules/{path}.yaml"
    return Path(path), str(path)


@lru_cache(maxsize=1)
def _default_types() -> frozenset[str]:
    return frozenset(load_rules().entities)


def load_rules(path: str | Path | None = None, _seen: tuple[Path, ...] = ()) -> RuleSet:
    """Load and validate a rules file (the bundled default when ``path`` is
    None, a bundled profile when it is one of ``PROFILES``). A rules file
    extends the default (``extends: default``, the default), a profile
    (``extends: strict``) or another file (``extends: FILE``, relative to it)
    and holds only what it changes (see ``schema.Validator.build``);
    ``extends: none`` makes it whole on its own."""
    p, shown = _where(path)
    return _load(p, shown, _seen)


def _load(p: Path, shown: str, _seen: tuple[Path, ...]) -> RuleSet:
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RulesError(shown, None, "file", "not found; give an existing rules file, or a bundled profile: "
                         + ", ".join(PROFILES)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError(shown, None, "file", f"cannot be read ({type(exc).__name__})") from None
    try:
        doc = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise RulesError(shown, line, "yaml", f"not valid YAML: {_yaml_problem(exc)}") from None
    parent = None
    bundled = p.resolve() == default_rules_path().resolve()
    if isinstance(doc.data, dict) and not bundled and doc.data.get("extends", "default") != "none":
        parent = _parent(shown, p, doc, _seen)
    return Validator(shown, p.parent, doc, parent, bundled, frozenset() if bundled else _default_types()).build()


def _parent(shown: str, p: Path, doc: YamlDoc, seen: tuple[Path, ...]) -> RuleSet:
    """The rules a file extends: a bundled profile (``default``, ``strict``) or a file."""
    value = doc.data.get("extends", "default")
    where = doc.line(("extends",)) if "extends" in doc.data else None
    if not isinstance(value, str) or not value.strip():
        raise RulesError(shown, where, "extends", f"expected 'default' or a rules file name, got {value!r}")
    target = profile_path(value) if value in PROFILES else p.parent / value
    here = p.resolve()
    if target.resolve() in seen + (here,):
        raise RulesError(shown, where, "extends", f"{value!r} extends this file again; remove the loop")
    if not target.is_file():
        raise RulesError(shown, where, "extends", f"{value!r} not found; use a bundled profile ("
                         f"{', '.join(PROFILES)}) or a rules file beside this one")
    return _load(target, f"rules/{value}.yaml" if value in PROFILES else str(target), seen + (here,))


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return str(problem) if problem else str(exc).splitlines()[0]


def from_ledger(canonical: Any, shown: str, digest: str) -> RuleSet:
    """The rules a run recorded in its ledger's header (``RuleSet.for_ledger``),
    to judge its published folder by: ``deid verify`` and ``deid check`` use
    these, not today's rules files. Deny terms are only fingerprints there, so
    the rules have none; ``deid verify`` checks their fingerprints instead.
    ``canonical``: the rules as the current ledger schema records them (an older
    ledger's are lifted to it as it is read: ``ledger.lift``)."""
    try:
        return RuleSet.from_canonical(canonical, shown, digest)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RulesError(shown, None, "rules", f"the ledger's rules cannot be read ({type(exc).__name__})") from None


def own_files(path: str | Path | None) -> list[Path]:
    """The files a rules file is made of: itself, the files it extends and the term files they
    list (``deid check`` leaves them alone: they are deid's, and hold the very terms it looks
    for). A bundled profile is none of the project's."""
    out: list[Path] = []
    todo = [path] if path is not None and str(path) not in PROFILES else []
    while todo:
        p = Path(todo.pop())
        if p in out or not p.is_file():
            continue
        out.append(p)
        try:
            data = load_yaml(p.read_text(encoding="utf-8")).data
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        parent = data.get("extends", "default")
        if isinstance(parent, str) and parent not in PROFILES and parent != "none":
            todo.append(p.parent / parent)
        for key in ("allow_files", "deny_files", "drop_allow_files"):
            for item in data.get(key) or []:
                name = item.get("file") if isinstance(item, dict) else item
                if isinstance(name, str) and (p.parent / name).is_file():
                    out.append(p.parent / name)
    return out
