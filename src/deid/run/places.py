"""Where a run writes: ``--out`` apart from every input, the run's side
folders (quarantine, journal, lock) out of any folder that looks published,
and one run at a time per ``--out`` (a lock on the folder itself).

A folder looks published when it is named like the folders static-site
generators and web servers publish (``public``, ``site``, ``_site``,
``docs``, ``dist``, ``build``, ``www``, ``htdocs``). Only folders between the
current folder (else the home folder) and ``--out`` count: a run started
inside ``/srv/www`` has chosen to work there.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from deid.core.errors import UsageError

PUBLISHED_NAMES = frozenset({"public", "site", "_site", "docs", "dist", "build", "www", "htdocs"})


def check_apart(out: Path, inputs: list[Path]) -> None:
    """Refuse an ``--out`` that is an input, lies inside one or holds one,
    symbolic links followed: the run would overwrite what it reads."""
    o = out.resolve()
    for p in inputs:
        r = p.resolve()
        if o == r:
            why = "is the input"
        elif r in o.parents:
            why = "is inside the input"
        elif o in r.parents:
            why = "holds the input"
        else:
            continue
        raise UsageError(f"--out {out} {why} {p}: deid would write over what it reads; "
                         "give --out a new folder outside every input")


def _boundary(path: Path) -> Path | None:
    for base in (Path.cwd().resolve(), Path.home().resolve()):
        if base in path.parents:
            return base
    return None


def published_folder(path: Path) -> Path | None:
    """The topmost folder holding ``path`` (itself included) that looks
    published, below the current (else the home) folder."""
    p = path.resolve()
    if p == Path.cwd().resolve():
        return None  # the folder the run was started in is the user's choice, whatever its name
    stop = _boundary(p)
    hit = None
    for a in [p, *p.parents]:
        if stop is None and a != p:
            break
        if stop is not None and (a == stop or stop not in a.parents):
            break
        if a.name.lower() in PUBLISHED_NAMES:
            hit = a
    return hit


def beside(out: Path, suffix: str) -> Path:
    """Where a side folder of ``--out`` goes: beside it
    (``OUT.quarantine``), or, when ``--out`` lies in a folder that looks
    published, beside that folder, named after ``--out``'s path from there
    (``site/public/stories`` -> ``site-public-stories.quarantine`` beside
    ``site``)."""
    root = published_folder(out.parent)
    if root is None:
        return out.parent / (out.name + suffix)
    rel = out.resolve().relative_to(root.parent)
    return root.parent / ("-".join(rel.parts) + suffix)


def check_unpublished(path: Path, what: str) -> None:
    """Refuse a quarantine (record text) inside a folder that looks published."""
    root = published_folder(path)
    if root is not None:
        raise UsageError(f"{what} {path} is inside {root}, a folder that looks published; "
                         "held-back records hold the text deid could not clean: put it elsewhere")


@contextmanager
def lock(out: Path) -> Iterator[None]:
    """Hold ``--out``'s lock for the run: a lock on the folder itself, so
    that no file is left behind; a second run on the same ``--out`` stops at
    once and says which process holds it. The operating system releases the
    lock when the run ends, however it ends. Where ``fcntl`` is missing
    (Windows) there is no lock."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    if out.exists() and not out.is_dir():
        yield  # "--out must be a folder" is said where the folders are checked
        return
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = _holder(fd)
            raise UsageError(f"{out}: another deid run{holder} is writing here; wait for it to finish, "
                             "or give another --out") from None
        yield
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """" (process 1234)" from the kernel's list of locks (Linux), else ""."""
    st = os.fstat(fd)
    inode = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            for line in fh:
                parts = line.split()
                if "FLOCK" in parts and inode in parts:
                    return f" (process {parts[parts.index(inode) - 1]} on this machine)"
    except OSError:
        pass
    return ""
