"""A private scratch file for the plans of a batch, between the two passes.

Plans hold record text, so the folder is created with mode 0700, the file
with 0600, both removed when the run ends, however it ends -- except when
the process is killed outright (kill -9, power loss): then the next run
removes the folders of runs whose process is gone (the folder's name holds
its run's process id).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from typing import Iterator

from .model import Plan

PREFIX = "deid-run-"


def sweep(tmp: str | None = None) -> list[str]:
    """Remove the scratch folders that killed runs of this user left behind."""
    tmp = tmp or tempfile.gettempdir()
    removed = []
    try:
        names = os.listdir(tmp)
    except OSError:
        return removed
    for name in names:
        pid = name[len(PREFIX):].split("-", 1)[0]
        path = os.path.join(tmp, name)
        if not name.startswith(PREFIX) or not pid.isdigit() or _alive(int(pid)):
            continue
        try:
            if os.lstat(path).st_uid != os.getuid() or os.path.islink(path):
                continue
        except OSError:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


class Spill:
    def __enter__(self) -> "Spill":
        sweep()
        self.folder = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")  # mode 0700
        path = os.path.join(self.folder, "plans.pickle")
        self._out = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._path = path
        self._in = None
        return self

    def add(self, plan: Plan) -> None:
        pickle.dump(plan, self._out, protocol=pickle.HIGHEST_PROTOCOL)

    def take(self, count: int) -> Iterator[Plan]:
        """The next ``count`` plans, in the order they were added."""
        if self._in is None:
            self._out.close()
            self._in = open(self._path, "rb")
        for _ in range(count):
            yield pickle.load(self._in)  # our own file, written above

    def __exit__(self, *exc) -> None:
        for fh in (self._out, self._in):
            if fh is not None:
                fh.close()
        shutil.rmtree(self.folder, ignore_errors=True)
