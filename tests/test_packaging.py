"""What the package declares and reads: every third-party package the code
imports is a declared dependency, and nothing reads another package's data
by unpickling it (pickle runs code)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "deid"


def _imports() -> dict[str, set[str]]:
    """Top-level module -> files of src/deid that import it."""
    out: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                out.setdefault(name.split(".")[0], set()).add(path.relative_to(ROOT).as_posix())
    return out


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + [d for ds in project.get("optional-dependencies", {}).values() for d in ds]
    return {re.split(r"[<>=!~;\[ ]", s, maxsplit=1)[0].strip().lower().replace("_", "-") for s in specs}


def test_every_imported_package_is_declared():
    dists = packages_distributions()
    declared = _declared()
    missing = {}
    for module, files in _imports().items():
        if module in sys.stdlib_module_names or module == "deid":
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(files)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_no_module_unpickles_data_it_did_not_write():
    # the engines' scratch file (mode 0600, in the run's private folder) is written by this run itself
    allowed = {"src/deid/engines.py"}
    users = {f for f in _imports().get("pickle", set())}
    assert users <= allowed, sorted(users - allowed)
