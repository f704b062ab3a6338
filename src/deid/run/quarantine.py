"""The quarantine: held-back records, kept out of the published folder.

``DIR.quarantine/held-back.jsonl`` holds one entry per held-back record (and
``DIR.review/held-for-review.jsonl`` one per record held back for its
re-identification risk, ``risk``): the
input file as given (``file``), its path and record id as the ledger names
them (``source``, ``id``: keyed where they may hold a name), the line, the
reason and the original record text, so an operator can fix and re-run it.
This folder is local and never published.

Held-back records are never overwritten: each run that holds records back
writes a list of its own, under the first free name (``held-back.jsonl``,
then ``held-back-2.jsonl``, ...), made whole in a temp file and then linked
to that name, which fails rather than replace a file another run made in the
meantime. A run that holds nothing back leaves earlier lists alone.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import IO

from deid.core.model import Outcome
from deid.core.layout import TEMP_PREFIX
from deid.read.textio import shown
from deid.run.places import beside

NAME = "held-back.jsonl"
REVIEW_NAME = "held-for-review.jsonl"  # the review folder's list (records held back for their risk)


def default_dir(out: Path) -> Path:
    """Beside --out, out of any folder that looks published (``places.beside``)."""

    return beside(out, ".quarantine")


def default_review_dir(out: Path) -> Path:
    """Where records held back for their re-identification risk go: beside --out
    like the quarantine, and not in it (nothing is wrong with them but their risk)."""

    return beside(out, ".review")


class Quarantine:
    """A local list of held-back records (``name`` in ``folder``, or the first
    free name after it), each with its reason; ``path`` is the list written."""

    def __init__(self, folder: Path, name: str = NAME):
        self.folder, self.name = folder, name
        self._tmp: str | None = None
        self._stream: IO[str] | None = None
        self.count = 0
        self.path: Path | None = None

    def add(self, outcome: Outcome, file: Path, reason: str | None = None) -> None:
        if self._stream is None:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, self._tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.folder)  # O_EXCL, 0600
            _hold(fd)  # another run's sweep leaves it alone
            self._stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        r = outcome.record
        entry = {
            "file": str(file), "source": r.source, "line": r.line, "id": r.id,
            "reason": reason or outcome.held_back,
            "original": r.raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
        }
        self._stream.write(shown(json.dumps(entry, ensure_ascii=False)) + "\n")
        self.count += 1

    def close(self) -> None:
        """Finish the list under a name no file holds; nothing held back, no file."""
        if self._stream is None:
            return
        stream, tmp = self._stream, self._tmp
        self._stream = self._tmp = None
        try:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            self.path = _link_free(Path(tmp), self.folder, self.name)
        finally:
            stream.close()
            Path(tmp).unlink(missing_ok=True)


def _hold(fd: int, wait: bool = True) -> bool:
    """Lock the open file ``fd`` (released when it is closed); False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def sweep(folder: Path) -> None:
    """Remove the half-written lists of runs that were killed outright; a list
    a running deid is writing (its lock held) stays."""
    if not folder.is_dir():
        return
    for tmp in folder.glob(f"{TEMP_PREFIX}*"):
        if not tmp.is_file() or tmp.is_symlink():
            continue
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except OSError:
            continue
        try:
            if _hold(fd, wait=False):
                tmp.unlink(missing_ok=True)
        finally:
            os.close(fd)


def _link_free(tmp: Path, folder: Path, name: str) -> Path:
    """Give ``tmp`` the first free name of ``name``, ``name-2``, ...: a hard
    link fails when the name is taken, so no list is ever replaced. Where the
    file system has no hard links, the name is created exclusively and filled."""
    stem, suffix = name.rsplit(".", 1) if "." in name else (name, "")
    for n in range(1, 100_000):
        target = folder / (name if n == 1 else f"{stem}-{n}.{suffix}" if suffix else f"{stem}-{n}")
        try:
            os.link(tmp, target)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return target
    raise FileExistsError(errno.EEXIST, f"{folder}: no free name for {name}")
