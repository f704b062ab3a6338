"""One project configuration that every command reads: ``.deid.toml``, or the
``[tool.deid]`` table of ``pyproject.toml``, in the current folder or the
nearest folder above it (up to the repository's root, where ``.git`` is).
``.deid.toml`` holds the keys bare; one written with the ``[tool.deid]`` (or
``[deid]``) header is read the same.

    [tool.deid]
    rules = "deid-rules.yaml"       # relative to the file that says so
    key_file = "~/.config/deid/team.key"
    baseline = ".deid-baseline.json"
    quarantine = "../held-back"
    exclude = ["_data", "*.html"]   # what deid check leaves out, by name (see commands.targets)
    record_seconds = 600            # deid run's budget of one record (0: no limit; see core.budget)
    record_memory_mb = 2048
    audit = {confidence = 0.95, max_rate = 0.02}  # deid verify and check fail until a sampled audit meets it

A command-line option wins over the configuration; ``DEID_KEY`` wins over
``key_file`` (a CI secret), and the configuration over deid's defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from deid.core.errors import UsageError
from deid.policy.ruleset import AuditPolicy

KEYS = ("rules", "key_file", "baseline", "quarantine", "exclude", "record_seconds", "record_memory_mb", "audit")
NUMBERS = {"record_seconds": "seconds", "record_memory_mb": "megabytes"}


@dataclass(frozen=True)
class Config:
    source: Path | None = None
    rules: Path | None = None
    key_file: Path | None = None
    baseline: Path | None = None
    quarantine: Path | None = None
    exclude: tuple[str, ...] = ()
    record_seconds: float | None = None      # None: not configured (deid's default applies)
    record_memory_mb: float | None = None
    audit: AuditPolicy | None = None         # a sampled audit every published folder must hold (``ledger.sampled``)


def find(start: Path | None = None) -> Path | None:
    """The configuration file nearest to ``start`` (the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / ".deid.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file() and "deid" in _read(py).get("tool", {}):
            return py
        if (folder / ".git").exists():
            return None
    return None


def project_config(start: Path | None = None) -> Config:
    path = find(start)
    if path is None:
        return Config()
    data = _read(path)
    if path.name == "pyproject.toml":
        table = data["tool"]["deid"]
    elif set(data) == {"tool"} and isinstance(data["tool"], dict) and set(data["tool"]) == {"deid"}:
        table = data["tool"]["deid"]  # the [tool.deid] table of the README pasted into .deid.toml
    elif set(data) == {"deid"} and isinstance(data["deid"], dict):
        table = data["deid"]
    else:
        table = data
    where = "[tool.deid]" if path.name == "pyproject.toml" else "the file"
    if not isinstance(table, dict):
        raise UsageError(f"{path}: {where} must be a table of {', '.join(KEYS)}")
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            raise UsageError(f"{path}: {where}: unknown key {key!r}; known keys: {', '.join(KEYS)}")
        if key == "exclude":
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise UsageError(f"{path}: {where}: exclude must be a list of file or folder name patterns "
                                 f"written as text, e.g. [\"_data\", \"*.html\"], got {value!r}")
            values[key] = tuple(value)
            continue
        if key in NUMBERS:
            values[key] = _budget(path, where, key, value)
            continue
        if key == "audit":
            values[key] = _audit(path, where, value)
            continue
        if not isinstance(value, str) or not value.strip():
            raise UsageError(f"{path}: {where}: {key} must be a path written as text, got {value!r}")
        p = Path(value).expanduser()
        values[key] = p if p.is_absolute() else path.parent / p
    return Config(source=path, **values)


def _audit(path: Path, where: str, value) -> AuditPolicy:
    ok = isinstance(value, dict) and set(value) <= {"confidence", "max_rate"} and all(
        not isinstance(v, bool) and isinstance(v, (int, float)) and 0 < v < 1 for v in value.values())
    if not ok:
        raise UsageError(f"{path}: {where}: audit must be a table of confidence and max_rate, numbers between 0 and 1, "
                         f"e.g. {{confidence = 0.95, max_rate = 0.02}}, got {value!r}")
    return AuditPolicy(**{k: float(v) for k, v in value.items()})


def _budget(path: Path, where: str, key: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < float("inf"):
        raise UsageError(f"{path}: {where}: {key} must be a number of {NUMBERS[key]}, 0 or more (0: no limit), "
                         f"got {value!r}")
    return float(value)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot be read ({type(exc).__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
