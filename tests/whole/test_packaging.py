"""What the package declares and reads: every third-party package the code
imports is a declared dependency, and nothing reads another package's data
by unpickling it (pickle runs code)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from tests.conftest import ROOT

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
    allowed = {"src/deid/run/engines.py"}
    users = {f for f in _imports().get("pickle", set())}
    assert users <= allowed, sorted(users - allowed)


def _module_graph() -> dict[str, set[str]]:
    """deid module -> the deid modules it imports, at the top or inside a function."""
    names = {}
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names[".".join(parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in names}
    for module, path in names.items():
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")
                    up = up[: len(up) - (node.level - 1)]
                    base = ".".join(up + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for t in targets:
                while t and t not in names:
                    t = t.rsplit(".", 1)[0] if "." in t else ""
                if t and t != module and not module.startswith(t + "."):  # a package holds its modules
                    graph[module].add(t)
    return graph


def test_the_import_graph_has_no_cycle():
    graph = _module_graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


# The flow, in order: a package may import the ones before it, never one after it,
# nor the CLI's modules on top.
STAGES = ("core", "policy", "read", "detect", "decide", "transform", "final_check", "risk", "ledger", "run", "commands")
TOP = {"deid", "deid.cli", "deid.cli_groups", "deid.console", "deid.config", "deid.__main__"}


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def _backward_imports(graph: dict[str, set[str]]) -> list[str]:
    wrong = []
    for module, targets in sorted(graph.items()):
        here = _stage(module)
        if here is None:
            continue
        for t in sorted(targets):
            there = _stage(t)
            if (there is None and t != "deid") or (there is not None and there > here):
                wrong.append(f"{module} imports {t}")
    return wrong


def test_no_stage_imports_a_later_stage_or_the_cli():
    graph = _module_graph()
    assert not _backward_imports(graph)
    # every module lives in a stage package or is one of the few on top
    assert {m for m in graph if _stage(m) is None} == TOP


def test_the_stage_order_check_sees_a_backward_import():
    graph = {"deid.detect.detector": {"deid.core.model", "deid.decide.decisions"},
             "deid.read.inputs": {"deid.cli"}, "deid.ledger.audit": {"deid", "deid.read.ids"}}
    assert _backward_imports(graph) == ["deid.detect.detector imports deid.decide.decisions",
                                        "deid.read.inputs imports deid.cli"]


def test_every_package_says_what_it_holds_and_never_imports():
    for stage in STAGES:
        doc = ast.get_docstring(ast.parse((SRC / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and ("never" in doc or "nothing else" in doc), stage


def test_the_pre_commit_hook_asks_for_exactly_the_formats_deid_reads():
    """One list of formats (``formats.BY_SUFFIX``): the hook's file pattern
    may not drift from it."""
    import yaml

    from deid.read.formats import BY_SUFFIX

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    pattern = re.compile(hook["files"])
    suffixes = {"." + s for s in re.search(r"\(([^)]*)\)", hook["files"]).group(1).split("|")}
    assert suffixes == set(BY_SUFFIX)
    assert all(pattern.search("a" + s) for s in BY_SUFFIX) and not pattern.search("a.docx")


def test_the_closed_word_lists_have_one_home():
    """Particles, titles and months are written once (``wordlists``); the
    recognizers' patterns and the stand-ins' sets are made from them."""
    from deid.core import nameparts, wordlists
    from deid.detect import namefinder
    from deid.detect.recognizers import base
    from deid.transform import surrogates

    assert namefinder._PARTICLES == surrogates.PARTICLES == frozenset(wordlists.PARTICLES)
    assert base._PARTICLE == "(?:" + "|".join(wordlists.PARTICLES) + ")"
    assert surrogates.TITLE_WORDS is nameparts.TITLE_WORDS is wordlists.TITLE_WORDS == {t.lower() for t in base.TITLES.split("|")}
    for module in ("detect/namefinder.py", "transform/surrogates.py", "core/nameparts.py", "detect/recognizers/base.py",
                   "core/lexicon.py", "transform/dateshift.py"):
        text = (SRC / module).read_text(encoding="utf-8")
        assert '"de del della' not in text and "Dr|Mr|Mrs" not in text and '"january", "february"' not in text, module


def test_the_tests_mirror_the_packages():
    """tests/<stage>/ for each stage package, tests/cli/ for the commands on top, and
    tests/whole/ for the suites that go through a whole run."""
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders == set(STAGES) | {"cli", "whole", "fixtures"}
    for folder in folders - {"fixtures"}:
        assert (ROOT / "tests" / folder / "__init__.py").exists(), folder


def _pins(lock: str) -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) of a lock file under requirements/ (a pin may
    carry an environment marker: ``hyperscan==0.9.1 ; sys_platform == "darwin" \\``)."""
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    out = {}
    for m in re.finditer(r"^([A-Za-z0-9][\w.\-]*)==([^\s;]+)(?: ;[^\\\n]*[^\\\n ])?((?: \\\n +--hash=sha256:[0-9a-f]{64})*)", text, re.M):
        out[m.group(1).lower().replace("_", "-")] = (m.group(2), m.group(3).count("--hash="))
    return out


def test_the_lock_files_pin_every_declared_dependency_with_hashes():
    """`make` installs from requirements/*.txt with --require-hashes: each package the
    project declares is there, at a version its range allows, with its hashes; the test lock
    holds the runtime lock's versions. A dependency added without `make lock` fails here."""
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime, test = _pins("runtime.txt"), _pins("test.txt")
    for pins, specs in ((runtime, project["dependencies"]),
                        (test, project["dependencies"] + project["optional-dependencies"]["test"])):
        assert pins and all(hashes for _, hashes in pins.values())
        for spec in specs:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate():
                continue
            name = req.name.lower().replace("_", "-")
            assert name in pins, f"{name} is declared in pyproject.toml but not locked: run make lock"
            assert req.specifier.contains(pins[name][0], prereleases=True), (name, pins[name][0], str(req.specifier))
    assert {n: v for n, (v, _) in runtime.items()} == {n: test[n][0] for n in runtime}



def test_no_file_names_a_code_or_package_hosting_site():
    """deid runs offline: no file of the project (code, data, docs, tests) names a site that
    hosts code or packages; ``tools/unlisted.py`` holds their names as hashes. A word is any run
    of letters, after a backslash too: an escape in a string ("\\n" before a word) must not join
    into a site's name either, for a reader that does not know Python's escapes."""
    import subprocess

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from unlisted import site_name
    finally:
        sys.path.remove(str(ROOT / "tools"))
    word = re.compile(r"[A-Za-z]+")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    named = []
    for name in filter(None, files):
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        named += [name for w in set(word.findall(text)) if site_name(w)]
    assert named == []
