"""The one reader of a published folder (``ledger.published``): it trusts a file only when the ledger's
chain and seal verify with the key and the file's hash is the one sealed."""

from __future__ import annotations

import pytest

from deid.core.keys import Key

from tests.conftest import TEST_KEY, write


@pytest.fixture
def published_folder(tmp_path):
    from click.testing import CliRunner

    from deid.cli import cli

    src = write(tmp_path / "in" / "a.txt", "My sponsor Chase Miller helped.\n")
    write(tmp_path / "in" / "b.txt", "Kratom helped my back.\n")
    assert CliRunner().invoke(cli, ["run", str(src.parent), "--out", str(tmp_path / "pub")]).exit_code == 0
    return tmp_path / "pub"


def test_a_published_folder_is_trusted_file_by_file(published_folder):
    from deid.ledger.published import load_marks, read_published

    key = Key(TEST_KEY.encode(), "test")
    published = read_published(published_folder, key)
    assert published is not None and published.trusted == {"a.txt": True, "b.txt": True}
    assert load_marks(published_folder, key)["a.txt"]  # the stand-in's span of a.txt
    (published_folder / "a.txt").write_text("My sponsor Chase Miller helped.\n")  # a name typed back over it
    notes: list[str] = []
    assert read_published(published_folder, key, notes).trusted == {"a.txt": False, "b.txt": True}
    assert "a.txt: changed since deid run sealed it" in notes[0]
    assert "a.txt" not in load_marks(published_folder, key)


def test_a_folder_with_another_key_or_no_ledger_is_plain_input(published_folder, tmp_path):
    from deid.ledger.published import read_published

    notes: list[str] = []
    assert read_published(published_folder, Key(b"o" * 32, "other"), notes) is None
    assert "is read as plain text" in notes[0]
    assert read_published(tmp_path / "in", Key(TEST_KEY.encode(), "test")) is None
