"""The bad-input catalogue: each kind of bad input, the exact message the
run gives for it (file and line, never the record's text) and the exit code.
A name is planted in every bad input; it must appear in no message."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli

SECRET = "Octavia Brandtweiler"
STORY = f"My name is {SECRET} and kratom helped me"


def csv_text(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode()


CASES = [
    # name, file, bytes, exit code, message (None: published, no message)
    ("invalid UTF-8", "a.jsonl",  # UTF-8 (the café), then a line with bytes UTF-8 has no meaning for
     json.dumps({"id": "p1", "t": "caf\u00e9"}, ensure_ascii=False).encode() + b"\n"
     + json.dumps({"id": "p2", "t": STORY}).encode()[:-2] + b" \xff\xfe\"}\n",
     1, "a.jsonl:2: record p2: bytes that are not valid in the file's encoding"),
    ("UTF-16 with a BOM", "a.txt", b"\xff\xfe" + STORY.encode("utf-16-le"), 0, None),
    ("UTF-16 without a BOM", "a.txt", STORY.encode("utf-16-be"), 0, None),
    ("NUL bytes", "a.txt", STORY.encode() + b"\x00\x00\x00", 1, "a.txt:1: record a.txt: binary file (NUL bytes); not text"),
    ("a binary file with a text extension", "a.md", bytes(range(256)) * 4, 1,
     "a.md:1: record a.md: binary file (NUL bytes); not text"),
    ("an empty file", "a.csv", b"", 0, "a.csv: empty file, nothing to publish"),
    ("a JSONL line that is not JSON", "a.jsonl",
     f'{{"id": "p1", "t": "ok"}}\n{{"id": "p2", "t": "{SECRET}\n'.encode(), 1,
     "a.jsonl:2: record #2: not valid JSON (column 19: Unterminated string starting at)"),
    ("JSON that is not an object or an array", "a.json", json.dumps(STORY).encode(), 1,
     "a.json:1: record #1: the JSON document is a string; expected an object or an array of objects"),
    ("JSON that is a number", "a.json", b"42", 1,
     "a.json:1: record #1: the JSON document is a number; expected an object or an array of objects"),
    ("deeply nested JSON (10,000 levels)", "a.json",
     ('{"t": ' * 10_000 + json.dumps(STORY) + "}" * 10_000).encode(), 1,
     "a.json:1: record #1: JSON nested too deeply"),
    ("a CSV with ragged rows", "a.csv", csv_text("id,Story", f"1,{STORY},extra", "2,fine"), 1,
     "a.csv:2: record 1: row has 3 fields, the header has 2"),
    ("a CSV with duplicated headers", "a.csv", csv_text("id,Story,Story", "1,fine,also fine"), 0, None),
    ("a CSV with a header only", "a.csv", csv_text("id,Story"), 0, None),
    ("a formula cell", "a.csv", csv_text("id,Story", '1,"=HYPERLINK(""http://x.example"",""click"")"'), 0, None),
]


@pytest.mark.parametrize("name, filename, data, code, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, filename, data, code, message):
    src = tmp_path / "in"
    src.mkdir()
    (src / filename).write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out)])
    assert result.exit_code == code, result.output
    if message:
        assert message in result.output
    assert "Octavia" not in result.output and "Brandtweiler" not in result.output
    for p in out.rglob("*"):
        if p.is_file():
            assert "Brandtweiler" not in p.read_text(encoding="utf-8", errors="replace"), p
    summary = json.loads((out / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert summary["records_in"] == summary["published"] + summary["held_back"]


def test_a_csv_with_a_header_only_is_published_as_its_header(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.csv").write_bytes(csv_text("id,Story"))
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert (tmp_path / "out" / "a.csv").read_text() == "id,Story\n"


def test_duplicated_headers_keep_both_columns(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.csv").write_bytes(csv_text("id,Story,Story", f"1,{STORY},kratom again"))
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    header, row = (tmp_path / "out" / "a.csv").read_text().splitlines()
    assert header == "id,Story,Story" and row.endswith(",kratom again") and "Brandtweiler" not in row


def test_a_50_mb_record_is_held_back_at_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.txt").write_text(f"{STORY}. " + "I slept badly again. " * 2_400_000, encoding="utf-8")
    assert (src / "big.txt").stat().st_size > 50_000_000
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert ("big.txt:1: record big.txt: record holds 50.4 MB of text, over the 10 MB limit for one record; "
            "split it, or raise --max-record-mb") in result.output
    assert "Brandtweiler" not in result.output


def test_an_unreadable_file_is_held_back(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    locked = src / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    (src / "fine.txt").write_text("Naloxone saved a life.", encoding="utf-8")
    if os.geteuid() == 0:  # root reads any file: make reading it fail as it would for anyone else
        from deid.read import opening  # where every command opens a file

        real = opening.sniff

        def refuse(path: Path, override=None):
            if path.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, override)

        monkeypatch.setattr(opening, "sniff", refuse)
    else:
        locked.chmod(0)
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "locked.txt:1: record locked.txt: cannot be read (Permission denied)" in result.output
    assert (tmp_path / "out" / "fine.txt").read_text(encoding="utf-8") == "Naloxone saved a life."


def test_a_symlink_loop_is_held_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").symlink_to("b.txt")
    (src / "b.txt").symlink_to("a.txt")
    (src / "c.txt").write_text("Narcan works.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "a.txt:1: record a.txt: cannot be read (Too many levels of symbolic links)" in result.output
    assert (tmp_path / "out" / "c.txt").exists()


@pytest.mark.skipif(not os.environ.get("DEID_SLOW_TESTS"), reason="slow (about 5 minutes): set DEID_SLOW_TESTS=1")
def test_a_folder_of_100000_small_files(tmp_path):
    src = tmp_path / "in"
    for i in range(100_000):
        folder = src / f"d{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"n{i:06d}.txt").write_text(f"Note {i}: kratom helped.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output[-2000:]
    summary = json.loads((out / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert summary["files"] == summary["records_in"] == summary["published"] == 100_000
    assert sum(1 for p in out.rglob("*.txt")) == 100_000
