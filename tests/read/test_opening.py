"""Opening a file (``read.opening``): the one place every command opens a file,
with the reader options its run was told, recorded in the ledger so that a
published folder is never read by a guess again. Invented people."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.core.layout import LEDGER_NAME
from deid.policy.rules import load_rules
from deid.read.opening import ReaderOptions, open_records

from tests.conftest import write

# A header and answers with a comma in every line: told "|", a guess would split at the commas.
PIPED = ("id|story, as told\r\n"
         "q1|My sponsor Ilse Marrow drove me to the clinic, twice a week.\r\n"
         "q2|Tapering off methadone took eight months, slowly.\r\n")


@pytest.mark.parametrize("options, recorded", [
    (ReaderOptions(), {}),
    (ReaderOptions(delimiter=";"), {"delimiter": ";"}),
    (ReaderOptions(encoding="cp1252"), {"encoding": "cp1252"}),
    (ReaderOptions(encoding="cp1252", delimiter="\t"), {"encoding": "cp1252", "delimiter": "\t"}),
])
def test_options_are_recorded_only_when_told(options, recorded):
    assert options.recorded() == recorded
    assert ReaderOptions.from_recorded(recorded) == options
    assert options.for_published() == ReaderOptions(delimiter=options.delimiter)  # deid writes UTF-8


@pytest.mark.parametrize("recorded", [None, "|", ["|"], {"delimiter": 3}, {"quoting": "all"}, {"delimiter": ""}])
def test_anything_else_recorded_reads_as_no_options(recorded):
    assert ReaderOptions.from_recorded(recorded) == ReaderOptions()


@pytest.mark.parametrize("options, delimiter, columns", [
    (ReaderOptions(), ",", ["id|story", " as told"]),           # the guess
    (ReaderOptions(delimiter="|"), "|", ["id", "story, as told"]),
])
def test_a_format_takes_the_options_it_names(tmp_path, options, delimiter, columns):
    write(tmp_path / "a.csv", PIPED)
    opened = open_records(tmp_path / "a.csv", "a.csv", load_rules(None), options)
    list(opened.reader.records())  # the header is read with the first row
    assert opened.reader.delimiter == delimiter and opened.reader.header == columns
    # a format that names no options ignores them
    write(tmp_path / "a.txt", "Tapering, slowly.\n")
    assert list(open_records(tmp_path / "a.txt", "a.txt", load_rules(None), options).reader.records())


def test_a_file_no_format_reads_is_refused_by_name(tmp_path):
    write(tmp_path / "notes.docx", "x")
    with pytest.raises(ValueError, match=r"notes\.docx: no format reads files named \*\.docx"):
        open_records(tmp_path / "notes.docx", "notes.docx", load_rules(None))


def _run(args):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_a_published_folder_is_read_with_the_delimiter_its_run_was_told(tmp_path):
    write(tmp_path / "in" / "answers.csv", PIPED)
    out = tmp_path / "pub"
    _run(["run", str(tmp_path / "in"), "--out", str(out), "--delimiter", "|"])
    header = json.loads((out / LEDGER_NAME).read_text(encoding="utf-8").splitlines()[0])
    assert header["reading"] == {"delimiter": "|"}
    published = (out / "answers.csv").read_text(encoding="utf-8")
    assert "Ilse" not in published and published.startswith("id|story, as told")
    _run(["verify", str(out)])  # exit 0: every check holds
    # the published folder checks clean: each column read as the run read it
    checked = CliRunner().invoke(cli, ["check", str(out)])
    assert checked.exit_code == 0, checked.output
    # and the report re-makes the run from its input with the options it was told
    report = tmp_path / "private" / "report.html"
    _run(["report", str(out), "-o", str(report), "--show-original", str(tmp_path / "in")])
    assert "Ilse Marrow" in report.read_text(encoding="utf-8")


def test_a_run_told_nothing_records_nothing(tmp_path):
    write(tmp_path / "in" / "answers.csv", "id,story\r\nq1,Tapering took eight months.\r\n")
    _run(["run", str(tmp_path / "in"), "--out", str(tmp_path / "pub")])
    header = json.loads((tmp_path / "pub" / LEDGER_NAME).read_text(encoding="utf-8").splitlines()[0])
    assert "reading" not in header
