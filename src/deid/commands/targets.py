"""Which files ``deid check`` reads, and which it cannot judge.

Every file given, or found under a folder given, is checked: hidden files
and folders included (a ``.well-known/`` folder is published like any other),
except Git's, Mercurial's and Subversion's own folders (``.git/``, ``.hg/``,
``.svn/``: the history, not what is published) and their settings files
(``.gitignore``, ``.gitattributes``...), deid's own files (``check.deids_own``)
and what the configuration excludes by name.
A file deid has no reader for (``.yml``, ``.html``, ``.mdx``, no suffix...), a
folder it cannot list and a symbolic link to a folder are failures: the check
cannot say they are clean. A file named like the ledger is left to
``check`` (skipped only when its chain verifies with the key).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from deid.core.errors import UsageError
from deid.read.formats import BY_SUFFIX, format_for

VCS_FOLDERS = frozenset({".git", ".hg", ".svn"})
VCS_FILES = frozenset({".gitignore", ".gitattributes", ".gitmodules", ".mailmap", ".hgignore"})


@dataclass(frozen=True)
class Target:
    path: Path
    root: Path    # the folder it was found under (where its ledger may be)
    shown: str    # how output names it: as given, or relative to the folder walked


@dataclass(frozen=True)
class Failure:
    """Something ``deid check`` could not judge: the check fails."""
    file: str
    line: int     # 0: the whole file
    why: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.why}" if self.line else f"{self.file}: {self.why}"


def targets(paths: list[Path], exclude: tuple[str, ...] = (), skip: frozenset[Path] = frozenset()
            ) -> tuple[list[Target], list[str], list[Failure]]:
    """The files to check, notes about files left out on purpose, and failures."""
    if not paths:
        raise UsageError("no input given; name at least one file or folder")
    found: list[Target] = []
    notes: list[str] = []
    failures: list[Failure] = []
    for p in paths:
        if str(p) == "":
            raise UsageError("an empty path was given; name the files or folders to check")
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"{p}: no such file or folder")
        if p.is_dir():
            for sub, shown, problem in _walk(p, failures):
                _add(Target(sub, p, shown), exclude, skip, found, notes, failures, problem)
        else:
            _add(Target(p, p.parent, p.as_posix()), exclude, skip, found, notes, failures)
    return found, notes, failures


def _add(t: Target, exclude, skip, found, notes, failures, problem: str | None = None) -> None:
    pattern = excluded(t.shown, exclude)
    if pattern is not None:
        notes.append(f"{t.shown}: not checked, excluded by the configuration ({pattern!r})")
    elif t.path.resolve() in skip or t.path.name in VCS_FILES:
        return
    elif problem:
        failures.append(Failure(t.shown, 0, problem))
    elif format_for(t.path) is None:
        failures.append(Failure(t.shown, 0, f"deid has no reader for this kind of file (it reads {' '.join(sorted(BY_SUFFIX))}), so it cannot "
                                            "say it is clean: convert it to one of those, or exclude it by name "
                                            "(exclude = [...] in .deid.toml or [tool.deid], or --exclude)"))
    else:
        found.append(t)


def excluded(shown: str, patterns: tuple[str, ...]) -> str | None:
    """The pattern that excludes a file: one matching its path from the
    right ("*.yml", "_data/*.yml") or one of its folders ("_data")."""
    p = PurePosixPath(shown)
    for pattern in patterns:
        if p.match(pattern) or any(q.match(pattern) for q in p.parents if q.name):
            return pattern
    return None


def _walk(root: Path, failures: list[Failure]):
    """(path, as shown, a problem or None) of every file under ``root``."""
    def unlisted(err: OSError) -> None:
        where = Path(err.filename) if err.filename else root
        failures.append(Failure(where.as_posix(), 0, f"cannot be listed ({err.strerror or type(err).__name__}), so "
                                                     "what it holds is not checked: give deid read access, or exclude it by name"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if d not in VCS_FOLDERS)
        for d in list(dirnames):
            if (here / d).is_symlink():
                dirnames.remove(d)
                yield here / d, (here / d).as_posix(), "a symbolic link to a folder, not followed: check its target, or exclude it by name"
        for name in sorted(filenames):
            sub = here / name
            yield sub, sub.as_posix(), None
