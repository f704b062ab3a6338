"""Writing a file whole: through a temporary file in the same folder, then renamed, so that
a crash leaves the old file or the new one, never half of one. Every file deid writes
(outputs, the ledger, the baseline, reports, review pages) is written so."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from deid.core.layout import TEMP_PREFIX


@contextmanager
def atomic_writer(target: Path, mode: int = 0o644, binary: bool = False) -> Iterator[IO]:
    """Write ``target`` through a temp file in the same folder, then rename: UTF-8 text, or
    bytes with ``binary`` (a format that writes bytes).

    A crash or exception leaves no half-written ``target`` and no temp file.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
