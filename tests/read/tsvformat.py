"""Tab-separated values: a format added from outside deid, as a newcomer would add
one (``test_new_formats``): this module and one line that registers it."""

from __future__ import annotations

from deid.read.formats import csvfile
from deid.read.formats.csvfile import Writer, answers, serialize  # noqa: F401 - this format's own


class Reader(csvfile.Reader):
    def __init__(self, path, source, rules, enc):
        super().__init__(path, source, rules, enc, delimiter="\t")
