"""Which files a run reads and where each one lands (``inputs``)."""

from __future__ import annotations

import pytest

from deid.core.errors import UsageError
from deid.core.layout import WORK_SUFFIX
from deid.read.inputs import collect

from tests.conftest import write


def test_a_folder_is_walked_in_a_stable_order_skipping_what_is_not_input(tmp_path):
    root = tmp_path / "in"
    for rel in ("b.txt", "a/z.jsonl", "a/y.csv", ".hidden.txt", ".git/c.txt", "deid-audit.jsonl",
                f"x{WORK_SUFFIX}/plans.jsonl", "notes.docx", "skip/me.txt"):
        write(root / rel, "x\n")
    found, notes = collect([root], exclude=[root / "skip"])
    assert [i.relpath for i in found] == ["b.txt", "a/y.csv", "a/z.jsonl"]  # a folder's files, then its folders
    assert all(i.root == root for i in found)
    assert notes == [f"{(root / 'notes.docx').as_posix()}: skipped, not a supported format (.csv .json .jsonl .md .txt)"]


def test_a_file_lands_under_its_name_and_names_go_through_the_given_mapping(tmp_path):
    f = write(tmp_path / "x" / "interview.md", "x")
    found, _ = collect([f], exclude=[], name=lambda rel: "file-0." + rel.rsplit(".", 1)[1])
    assert [(i.path, i.relpath, i.root) for i in found] == [(f, "file-0.md", f.parent)]
    assert found[0].shown == (f.parent / "file-0.md").as_posix()


@pytest.mark.parametrize("paths, message", [
    ([], "no input given"),
    (["missing.txt"], "missing.txt: no such file or folder"),
    (["a.docx"], "a.docx: unsupported file type"),
])
def test_inputs_that_cannot_be_read_are_refused(tmp_path, paths, message):
    write(tmp_path / "a.docx", "x")
    with pytest.raises(UsageError, match=message):
        collect([tmp_path / p for p in paths], exclude=[])


def test_two_inputs_with_one_output_path_are_refused_for_a_run_not_for_a_check(tmp_path):
    a, b = write(tmp_path / "1" / "s.txt", "x"), write(tmp_path / "2" / "s.txt", "y")
    with pytest.raises(UsageError, match="would both be written to s.txt"):
        collect([a, b], exclude=[])
    assert len(collect([a, b], exclude=[], outputs=False)[0]) == 2
