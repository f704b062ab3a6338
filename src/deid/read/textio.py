"""Bytes to text: encoding detection, binary detection, bad-byte marking.

Files are decoded with ``surrogateescape`` so that one bad byte does not stop a
whole file: the record holding it is held back (see ``has_bad_bytes``) and the
rest of the file is processed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

CHUNK = 1 << 20
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_BAD = re.compile("[\udc80-\udcff]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Encoding:
    name: str          # a Python codec name
    bom: bool          # the input started with a byte-order mark
    binary: bool = False
    empty: bool = False


def sniff(path: Path, override: str | None = None) -> Encoding:
    """Work out how to decode ``path``. Reads the file in chunks, never whole."""
    with open(path, "rb") as fh:
        head = fh.read(8192)
    if not head:
        return Encoding(override or "utf-8", False, empty=True)
    for bom, name in _BOMS:
        if head.startswith(bom):
            return Encoding(override or name, True)
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if override or utf16:
            return Encoding(override or utf16, False)
        return Encoding("utf-8", False, binary=True)
    if override:
        codecs.lookup(override)
        return Encoding(override, False)
    if _valid_utf8(path):
        return Encoding("utf-8", False)
    if not _has_utf8_multibyte(path):
        return Encoding("cp1252", False)
    return Encoding("utf-8", False)  # mostly UTF-8 with some bad bytes


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text saved as UTF-16 without a
    byte-order mark (the NUL bytes of its ASCII letters all on one side and
    the decoded text printable), else None: a binary file."""
    head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2], head[1::2]
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= len(zeros) * 0.3 and other.count(0) == 0:
            try:  # incremental: the head may end inside a surrogate pair
                text = codecs.getincrementaldecoder(name)("strict").decode(head, final=False)
            except UnicodeDecodeError:
                continue
            if text.isprintable() or all(ch.isprintable() or ch in "\t\r\n" for ch in text):
                return name
    return None


def _valid_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with open(path, "rb") as fh:
        try:
            while chunk := fh.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _has_utf8_multibyte(path: Path) -> bool:
    with open(path, "rb") as fh:
        tail = b""
        while chunk := fh.read(CHUNK):
            if _UTF8_MULTIBYTE.search(tail + chunk):
                return True
            tail = chunk[-4:]
    return False


def open_text(path: Path, enc: Encoding) -> IO[str]:
    """Open for reading as text, keeping line endings, marking bad bytes."""
    return open(path, "r", encoding=enc.name, errors="surrogateescape", newline="")


def shown(text: str) -> str:
    """Text fit for messages, the ledger and the quarantine: bytes that were
    not valid in the file's encoding become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def has_bad_bytes(text: str) -> bool:
    return _BAD.search(text) is not None


def is_binary_text(text: str) -> bool:
    """NUL or other C0 control characters that text never holds."""
    return "\x00" in text
