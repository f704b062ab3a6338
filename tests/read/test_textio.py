from __future__ import annotations

import codecs

import pytest

from deid.core.files import atomic_writer
from deid.read.textio import has_bad_bytes, open_text, sniff

from tests.conftest import write

SNIFF_CASES = [
    # (bytes, codec, bom, binary, empty)
    (b"plain ascii\n", "utf-8", False, False, False),
    ("caf\u00e9 na\u00efve\n".encode("utf-8"), "utf-8", False, False, False),
    (codecs.BOM_UTF8 + b"id,text\n", "utf-8-sig", True, False, False),
    ("caf\u00e9 \u201cquoted\u201d\n".encode("cp1252"), "cp1252", False, False, False),
    (codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"), "utf-16", True, False, False),
    (codecs.BOM_UTF16_BE + "hi".encode("utf-16-be"), "utf-16", True, False, False),
    (b"\x00\x01\x02binary", "utf-8", False, True, False),
    (b"", "utf-8", False, False, True),
    ("caf\u00e9 ".encode("utf-8") + b"\xff broken\n", "utf-8", False, False, False),
]


@pytest.mark.parametrize("data, codec, bom, binary, empty", SNIFF_CASES)
def test_sniff(tmp_path, data, codec, bom, binary, empty):
    enc = sniff(write(tmp_path / "f.txt", data))
    assert (enc.name, enc.bom, enc.binary, enc.empty) == (codec, bom, binary, empty)


def test_override_encoding_wins(tmp_path):
    enc = sniff(write(tmp_path / "f.txt", "abc".encode("latin-1")), "latin-1")
    assert enc.name == "latin-1"


def test_unknown_override_encoding_is_refused(tmp_path):
    with pytest.raises(LookupError):
        sniff(write(tmp_path / "f.txt", b"abc"), "no-such-codec")


def test_bad_bytes_are_marked_not_fatal(tmp_path):
    path = write(tmp_path / "f.txt", "good line\n".encode() + "caf\u00e9 \xff\n".encode("utf-8", "surrogateescape") + b"\xfe bad\n")
    with open_text(path, sniff(path)) as fh:
        lines = fh.read().splitlines()
    assert [has_bad_bytes(x) for x in lines] == [False, False, True]


def test_atomic_writer_leaves_nothing_on_error(tmp_path):
    target = tmp_path / "out" / "f.txt"
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write("half")
            raise RuntimeError("crash")
    assert not target.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_atomic_writer_replaces_whole_file(tmp_path):
    target = write(tmp_path / "f.txt", "old")
    with atomic_writer(target) as fh:
        fh.write("new")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]
