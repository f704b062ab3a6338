"""Where a run writes: ``--out`` apart from every input, the run's side
folders (quarantine, review folder, journal) and a report with originals
out of any folder that is or may be published, and one run at a time per
``--out`` (a lock on the folder itself).

A folder may be published when

- it is named like the folders static-site generators and web servers
  publish or copy whole into what they publish (``PUBLISHED_NAMES``: Hugo's
  ``content``, ``static`` and ``public``, Jekyll's and Eleventy's ``_site``,
  MkDocs' ``site`` and ``docs`` -- static page hosts serve a ``docs`` folder --,
  Sphinx's ``_build`` and ``_static``, Apache's ``public_html`` and ``htdocs``,
  bundlers' ``dist``, ``build`` and ``assets``, ``www``...). Only folders
  between the current folder (else the home folder) and the path count: a
  run started inside ``/srv/www`` has chosen to work there;
- or it lies in a git work tree where git would not ignore a new file
  (``git check-ignore``): a ``git add .`` would commit it. Where git is not
  installed, any folder under one holding ``.git`` counts (fail closed).

A side folder deid places itself goes beside the topmost such folder (for a
work tree, beside the repository); one the user names there is refused,
saying why and what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from deid.core.errors import UsageError

PUBLISHED_NAMES = frozenset({
    "public", "public_html", "static", "_static", "site", "_site", "docs", "dist", "build", "_build",
    "www", "wwwroot", "htdocs", "html", "content", "assets", "_posts",
})


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


def check_files_apart(out: Path, inputs) -> None:
    """Refuse an input file (``read.inputs.Input``) that is a file of
    ``--out`` under another name: a symbolic link into it, or a hard link to
    one of its files (the same device and inode). The run would read it and
    then write over it. Checked before anything is read."""
    o = out.resolve()
    if not o.is_dir():
        return
    inodes = {}
    for dirpath, _, filenames in os.walk(o, followlinks=False):
        for name in filenames:
            try:
                st = os.stat(os.path.join(dirpath, name), follow_symlinks=False)
            except OSError:
                continue
            inodes[(st.st_dev, st.st_ino)] = name
    for i in inputs:
        try:
            st = os.stat(i.path)
            r = i.path.resolve()
        except (OSError, RuntimeError):  # a broken link or a loop: said where it is read
            continue
        if o in r.parents or o == r:
            why = "is a symbolic link into"
        elif (st.st_dev, st.st_ino) in inodes:
            why = "is a hard link to a file of"
        else:
            continue
        raise UsageError(f"{i.shown} {why} --out {out}: deid would read it and then write over it; "
                         "copy the file out of --out, or give --out a new folder")


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
    ``site``); and when that place is in a git work tree that would not
    ignore it, beside the work tree, named after ``--out``'s path from there."""
    root = published_folder(out.parent)
    place = out.parent / (out.name + suffix) if root is None else _named_from(root, out, suffix)
    top = git_tracked(place)
    return place if top is None else _named_from(top, out, suffix)


def _named_from(root: Path, out: Path, suffix: str) -> Path:
    rel = out.resolve().relative_to(root.parent)
    return root.parent / ("-".join(rel.parts) + suffix)


def check_unpublished(path: Path, what: str, ignore: bool = True) -> str | None:
    """Refuse a folder or file of original text (``what``: ``--quarantine``,
    ``--review``, ``--report``) where it may be published. A folder the user names inside a
    git work tree, where git would stage it, is added to the work tree's ``.gitignore``
    first (``ignore``; a report with originals is refused there instead); returns the note
    that says so (None when nothing was added)."""
    root = published_folder(path)
    if root is not None:
        raise UsageError(f"{what} {path} is inside {root}, a folder that looks published (a site generator or "
                         "web server would publish it): it holds original record text; give a path outside it")
    top = git_tracked(path)
    if top is None:
        return None
    if not ignore:
        raise UsageError(f"{what} {path} is inside the git work tree {top} and git does not ignore it: it holds "
                         "original record text, which a commit would publish; give a path outside the work tree, "
                         f"or add it to {top / '.gitignore'}")
    rel = path.resolve().relative_to(top).as_posix()
    pattern = f"/{rel}" + ("" if path.suffix and not path.is_dir() else "/")
    ignore = top / ".gitignore"
    present = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    with open(ignore, "a", encoding="utf-8") as fh:
        fh.write(("" if not present or present.endswith("\n") else "\n")
                 + f"# original record text that deid holds back: never committed\n{pattern}\n")
    if git_tracked(path) is not None:
        raise UsageError(f"{what} {path} is inside the git work tree {top} and git still does not ignore it after "
                         f"{pattern} was added to {ignore}: it holds original record text; give a path outside the "
                         "work tree")
    return f"{what} {path} is inside the git work tree {top}: added {pattern} to {ignore}, so no commit takes its original text"


def git_tracked(path: Path) -> Path | None:
    """The top of the git work tree holding ``path`` when git would not ignore
    a new file there, else None. Without git, the nearest folder above
    holding ``.git`` (fail closed); when git fails, the work tree too."""
    p = path.resolve()
    probe = next((a for a in (p, *p.parents) if a.is_dir()), None)
    if probe is None:
        return None
    git = shutil.which("git")
    if git is None:
        return next((a for a in (probe, *probe.parents) if (a / ".git").exists()), None)
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    try:
        found = subprocess.run([git, "-C", str(probe), "rev-parse", "--show-toplevel"],
                               capture_output=True, text=True, timeout=60, env=env)
        if found.returncode != 0 or not found.stdout.strip():
            return None  # not in a work tree
        top = Path(found.stdout.strip()).resolve()
        # a file inside the folder: git matches "folder/" patterns only against what exists
        ignored = subprocess.run([git, "-C", str(top), "check-ignore", "-q", str(p / "deid-probe")],
                                 capture_output=True, timeout=60, env=env)
    except (OSError, subprocess.SubprocessError):
        return next((a for a in (probe, *probe.parents) if (a / ".git").exists()), None)
    return None if ignored.returncode == 0 else top


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
