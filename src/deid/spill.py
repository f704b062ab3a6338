"""A private scratch file for the plans of a batch, between the two passes.

Plans hold record text, so the folder is created with mode 0700, the file
with 0600, both removed when the run ends, however it ends.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from typing import Iterator

from .model import Plan


class Spill:
    def __enter__(self) -> "Spill":
        self.folder = tempfile.mkdtemp(prefix="deid-")  # mode 0700
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
