"""A new format is one module and one line in ``formats.BY_SUFFIX`` (issue 32): a
tab-separated format and a gzip-compressed one (bytes, as a ``.docx`` would be),
each written outside deid, registered by one line, then run, verified and checked
end to end like the formats deid ships. Invented people."""

from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.read.formats import BY_SUFFIX

from tests.conftest import write
from tests.read import gzlines, tsvformat

STORY = "My sponsor Ilse Marrow drove me to the clinic. Tapering off methadone took eight months."


def _invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("suffix, module, content, read_back", [
    (".tsv", tsvformat, f"id\tstory\r\nq1\t{STORY}\r\nq2\tNaloxone saved me twice.\r\n",
     lambda p: p.read_text(encoding="utf-8")),
    (".gz", gzlines, gzip.compress(f"{STORY}\nNaloxone saved me twice.\n".encode(), mtime=0),
     lambda p: gzip.decompress(p.read_bytes()).decode("utf-8")),
])
def test_a_registered_format_is_run_verified_and_checked(tmp_path, monkeypatch, suffix, module, content, read_back):
    monkeypatch.setitem(BY_SUFFIX, suffix, module)  # the one registration line
    src, out = tmp_path / "in", tmp_path / "pub"
    write(src / f"answers{suffix}", content)
    # deid check reads it and finds the name in it
    found = _invoke("check", str(src))
    assert found.exit_code == 1 and f"answers{suffix}" in found.output and "PERSON" in found.output
    ran = _invoke("run", str(src), "--out", str(out))
    assert ran.exit_code == 0, ran.output
    published = read_back(out / f"answers{suffix}")
    assert "Ilse" not in published and "Marrow" not in published
    assert "Tapering off methadone took eight months." in published and "Naloxone saved me twice." in published
    verified = _invoke("verify", str(out))
    assert verified.exit_code == 0, verified.output
    checked = _invoke("check", str(out))
    assert checked.exit_code == 0, checked.output


def test_without_its_line_the_format_is_not_read(tmp_path):
    write(tmp_path / "in" / "answers.tsv", f"id\tstory\r\nq1\t{STORY}\r\n")
    result = _invoke("check", str(tmp_path / "in"))
    assert result.exit_code != 0 and "answers.tsv" in result.output + (result.stderr or "")
