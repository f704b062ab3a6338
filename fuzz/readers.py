"""Fuzz deid's file readers with atheris (coverage-guided).

    python fuzz/readers.py -runs=20000 -max_len=4096      # or without -runs: until stopped

Each input is written as a .csv, .json, .jsonl, .md and .txt file and read
the way ``deid run`` reads it (``pipeline.read_file``). Whatever the bytes,
reading must give records -- held back with a reason when they are bad --
and never raise; a reason never quotes the file's text.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["deid"]):  # deid's code only: spaCy, Presidio and NumPy take minutes to instrument
    from deid.run.records import read_file
    from deid.policy.rules import load_rules

RULES = load_rules()
FOLDER = Path(tempfile.mkdtemp(prefix="deid-fuzz-"))
SUFFIXES = (".csv", ".json", ".jsonl", ".md", ".txt")


def check(data: bytes) -> None:
    marker = b"Zqxwvortelinda"
    for suffix in SUFFIXES:
        path = FOLDER / f"input{suffix}"
        path.write_bytes(data + marker)
        for record in read_file(path, RULES):
            if record.error:
                assert "Zqxwvortelinda" not in record.error, record.error
            for field in record.fields:
                assert isinstance(field.text, str)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
