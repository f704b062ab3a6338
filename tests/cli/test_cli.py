"""The command line through click's CliRunner: exit codes, messages, the
quarantine, fail-closed behaviour and bad input."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.run import process
from deid.transform import generalize

from tests.conftest import SAMPLES, ledger_findings, write


def run(*args):
    return CliRunner().invoke(cli, ["run", *map(str, args)], catch_exceptions=False)


def ledger(out):
    return [json.loads(x) for x in (out / "deid-audit.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["rules", "--help"], ["rules", "check", "--help"]])
def test_every_command_is_documented_with_an_example(command):
    result = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert result.exit_code == 0
    if command[-2:] != ["rules", "--help"]:
        assert "Example:" in result.output


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "deid, version" in result.output


USAGE_ERRORS = [
    (lambda t: [t / "missing", "--out", t / "o"], "no such file or folder"),
    (lambda t: [write(t / "a.pdf", "x"), "--out", t / "o"], "unsupported file type"),
    (lambda t: [SAMPLES, "--out", t / "o", "--quarantine", t / "o" / "q"], "must not be inside --out"),
    (lambda t: [SAMPLES, "--out", t / "o", "--workers", "0"], "--workers must be at least 1"),
    (lambda t: [SAMPLES, "--out", t / "o", "--encoding", "klingon"], "unknown encoding"),
    (lambda t: [SAMPLES, "--out", t / "o", "--rules", write(t / "r.yaml", "entities:\n  PERSON: {action: zap}\n")], "r.yaml:2: entities.PERSON.action: unknown action 'zap'"),
    (lambda t: [SAMPLES, "--out", write(t / "file", "x")], "--out must be a folder"),
]


@pytest.mark.parametrize("args, words", USAGE_ERRORS)
def test_usage_errors_exit_2_with_a_clear_message(tmp_path, args, words):
    result = run(*args(tmp_path))
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stderr.startswith("deid: error: ")


def test_same_output_name_from_two_inputs_is_refused(tmp_path):
    a = write(tmp_path / "a" / "s.txt", "x")
    b = write(tmp_path / "b" / "s.txt", "y")
    result = run(a, b, "--out", tmp_path / "o")
    assert result.exit_code == 2 and "would both be written to s.txt" in result.stderr


def test_folder_layout_is_mirrored_and_other_files_skipped(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", "Suboxone helped.")
    write(src / "sub" / "b.jsonl", '{"id": 1, "t": "fine"}\n')
    write(src / "notes.docx", "x")
    write(src / ".hidden.txt", "secret")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 0
    assert (tmp_path / "o" / "a.txt").read_text() == "Suboxone helped."
    assert (tmp_path / "o" / "sub" / "b.jsonl").exists()
    assert not (tmp_path / "o" / ".hidden.txt").exists()
    assert "notes.docx: skipped" in result.stderr


def test_an_output_folder_inside_the_input_is_refused(tmp_path):
    """It used to be skipped on the next run; now it is refused outright (a
    published folder inside the raw export is one typo from overwriting it):
    see test_places.py for the other cases."""
    src = tmp_path / "in"
    write(src / "a.txt", "Hello there.")
    result = run(src, "--out", src / "out")
    assert result.exit_code == 2 and "is inside the input" in result.stderr
    assert not (src / "out").exists()


SECRET = "Octavia Brandtweiler"


@pytest.fixture
def bad_batch(tmp_path):
    src = tmp_path / "in"
    write(src / "posts.jsonl", (
        f'{{"id": "p1", "t": "Kratom helped {SECRET}."}}\n'
        f'{{"id": "p2", "t": "broken {SECRET}\n'
        f'{{"id": "p3", "t": "fine"}}\n'
    ).encode() + b'{"id": "p4", "t": "caf\xe9 ' + SECRET.encode() + b'"}\n' + '{"id": "p5", "t": "caf\u00e9"}\n'.encode())
    write(src / "survey.csv", f"id,Story\n1,Narcan works\n2,{SECRET},extra\n3,ok\n")
    write(src / "empty.json", "")
    write(src / "blob.txt", b"\x00\x01\x02\x03" + SECRET.encode())
    write(src / "broken.json", '[{"id": "a", "t": "ok"}, {"id": "b", "t": ' + f'"{SECRET}"' + ' ')
    return src


def test_bad_input_is_held_back_named_and_accounted_for(bad_batch, tmp_path):
    out = tmp_path / "pub"
    result = run(bad_batch, "--out", out)
    assert result.exit_code == 1
    err = result.stderr
    assert "posts.jsonl:2: record #2: not valid JSON" in err
    assert "posts.jsonl:4: record p4: bytes that are not valid in the file's encoding" in err
    assert "survey.csv:3: record 2: row has 3 fields, the header has 2" in err
    assert "blob.txt:1: record blob.txt: binary file" in err
    assert "broken.json:1: record #2: not valid JSON" in err
    assert "empty.json: empty file, nothing to publish" in err
    assert "Brandtweiler" not in err and "Octavia" not in err
    # the good records of the same files are published; the bad ones are not
    assert [json.loads(x)["id"] for x in (out / "posts.jsonl").read_text().splitlines()] == ["p1", "p3", "p5"]
    assert (out / "survey.csv").read_text() == "id,Story\n1,Narcan works\n3,ok\n"
    assert [r["id"] for r in json.loads((out / "broken.json").read_text())] == ["a"]
    assert not (out / "blob.txt").exists() and not (out / "empty.json").exists()
    # every record is accounted for
    summary = ledger(out)[-1]
    assert summary["records_in"] == summary["published"] + summary["held_back"] == 11
    assert summary["held_back"] == 5
    # nothing under --out holds the secret; the quarantine beside it holds the originals
    for p in out.rglob("*"):
        if p.is_file():
            assert "Brandtweiler" not in p.read_text(errors="replace")
    q = tmp_path / "pub.quarantine" / "held-back.jsonl"
    held = [json.loads(x) for x in q.read_text().splitlines()]
    assert [(h["source"], h["line"]) for h in held] == [
        ("blob.txt", 1), ("broken.json", 1), ("posts.jsonl", 2), ("posts.jsonl", 4), ("survey.csv", 3)
    ]
    assert stat.S_IMODE(os.stat(q).st_mode) == 0o600


def test_a_record_whose_processing_raises_is_held_back_alone(tmp_path, monkeypatch):
    real = process.decide

    def flaky(record, findings, rules):
        if record.id == "p2":
            raise RuntimeError(f"boom {record.fields[0].text}")
        return real(record, findings, rules)

    monkeypatch.setattr(process, "decide", flaky)
    src = write(tmp_path / "p.jsonl", '{"id": "p1", "t": "one"}\n{"id": "p2", "t": "Wilhelmina Zorn"}\n{"id": "p3", "t": "three"}\n')
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "p.jsonl:2: record p2: processing failed (RuntimeError)" in result.stderr
    assert "Wilhelmina" not in result.stderr
    assert [json.loads(x)["id"] for x in (tmp_path / "o" / "p.jsonl").read_text().splitlines()] == ["p1", "p3"]


def test_a_recognizer_that_raises_on_one_record_of_a_batch_holds_back_that_record_only(tmp_path, monkeypatch):
    """Detection runs a chunk of records at once; one record that makes a
    recognizer raise must not take its chunk-mates down with it."""
    from deid.detect.recognizers.fast import GatedUrlRecognizer

    real = GatedUrlRecognizer.analyze

    def fragile(self, text, *args, **kwargs):
        if "Zorn" in text:
            raise ValueError(f"cannot parse {text}")
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(GatedUrlRecognizer, "analyze", fragile)
    lines = [f'{{"id": "p{i}", "t": "Story {i}: my sponsor called."}}' for i in range(1, 9)]
    lines[4] = '{"id": "p5", "t": "Wilhelmina Zorn wrote in."}'
    src = write(tmp_path / "p.jsonl", "\n".join(lines) + "\n")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "p.jsonl:5: record p5: processing failed (ValueError)" in result.stderr
    assert "Wilhelmina" not in result.stderr and "Zorn" not in result.stderr
    published = [json.loads(x)["id"] for x in (tmp_path / "o" / "p.jsonl").read_text().splitlines()]
    assert published == ["p1", "p2", "p3", "p4", "p6", "p7", "p8"]


class Crash(BaseException):
    """Stands for the process dying: nothing in deid catches it."""


def test_a_crash_mid_file_leaves_no_partial_output(tmp_path, monkeypatch):
    real = process.Finisher.finish

    def crash(self, plan):
        if plan.record.index == 1:
            raise Crash()
        return real(self, plan)

    monkeypatch.setattr(process.Finisher, "finish", crash)
    src = write(tmp_path / "p.jsonl", '{"t": "one"}\n{"t": "two"}\n')
    with pytest.raises(Crash):
        CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "o")], catch_exceptions=False)
    assert list((tmp_path / "o").iterdir()) == []


def test_residual_gate_repairs_what_the_first_pass_missed(tmp_path, monkeypatch):
    """Make detection miss an email: the final check finds it, the run
    applies the email rule to it and publishes the record, and the ledger
    says the final check made the change."""
    from deid.detect.detector import Detector

    real = Detector.detect_many
    monkeypatch.setattr(Detector, "detect_many", lambda self, records: [
        [f for f in found if f.entity not in ("EMAIL_ADDRESS", "URL")] for found in real(self, records)])
    src = write(tmp_path / "a.txt", "Write to zed.quimby@example.org about Suboxone.")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o" / "a.txt").read_text() == "Write to [EMAIL] about Suboxone."
    ledger = (tmp_path / "o" / "deid-audit.jsonl").read_text()
    assert "zed.quimby" not in ledger
    record = [json.loads(line) for line in ledger.splitlines()][1]
    assert [(f["type"], f["recognizer"], f["action"], f["rule"]) for f in ledger_findings(record)] == [
        ("EMAIL_ADDRESS", "residual_repair", "replace", "entities.EMAIL_ADDRESS"),
        # the model took the drug for an organisation; the ledger says why it stayed
        ("ORGANIZATION", "SpacyRecognizer", "keep", "medical_term")]


def test_residual_gate_holds_back_what_repair_cannot_fix(tmp_path, monkeypatch):
    """A residual that every round of repair leaves in place (here a check
    that always finds one) holds the record back after the last round, and
    the reason says so; the rounds are bounded."""
    from deid.final_check.residuals import Residual
    from deid.run import process

    rounds = []

    def stubborn(*args, **kwargs):
        rounds.append(1)
        return [Residual("", 9, 31, "EMAIL_ADDRESS", "test")]

    monkeypatch.setattr(process, "residuals", stubborn)
    monkeypatch.setattr(process, "residual", lambda *a: stubborn()[0].reason())
    src = write(tmp_path / "a.txt", "Write to zed.quimby@example.org about Suboxone.")
    result = run(src, "--out", tmp_path / "o", "--workers", "1")
    assert result.exit_code == 1
    assert "residual check: EMAIL_ADDRESS (test)" in result.stderr and "after 3 rounds of repair" in result.stderr
    assert len(rounds) == 4  # three rounds of repair, then the final check
    assert not (tmp_path / "o" / "a.txt").exists()
    assert "zed.quimby" not in (tmp_path / "o" / "deid-audit.jsonl").read_text()


def test_first_run_without_a_key_creates_one_privately(tmp_path, monkeypatch):
    monkeypatch.delenv("DEID_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    result = run(write(tmp_path / "a.txt", "hello"), "--out", tmp_path / "o")
    key = tmp_path / "cfg" / "deid" / "key"
    assert result.exit_code == 0
    assert f"created a new secret key at {key}" in result.stderr
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    again = run(write(tmp_path / "b.txt", "hello"), "--out", tmp_path / "o2")
    assert "created a new secret key" not in again.stderr


def test_a_key_file_readable_by_others_is_refused(tmp_path):
    key = write(tmp_path / "key", "5c1e07a94b2d8f3e6a0b7c9d1e2f3a4b")
    key.chmod(0o644)
    result = run(write(tmp_path / "a.txt", "hello"), "--out", tmp_path / "o", "--key-file", key)
    assert result.exit_code == 2 and "readable by others" in result.stderr
    assert "5c1e07a94b2d8f3e" not in result.stderr


def test_hash_action_uses_the_key(tmp_path):
    rules = write(tmp_path / "r.yaml", "entities:\n  EMAIL_ADDRESS: {action: hash}\n")
    src = write(tmp_path / "a.txt", "Mail ann.lee@example.org today.")
    a = run(src, "--out", tmp_path / "a", "--rules", rules)
    key = write(tmp_path / "key", "993f8e5a71f8384e077fd58fa1e48044161f9cd2d5fe438c03bba1a741541b15")
    key.chmod(0o600)
    b = run(src, "--out", tmp_path / "b", "--rules", rules, "--key-file", key)
    ta, tb = (tmp_path / "a" / "a.txt").read_text(), (tmp_path / "b" / "b.txt" if False else tmp_path / "b" / "a.txt").read_text()
    assert a.exit_code == b.exit_code == 0
    assert ta.startswith("Mail [EMAIL_ADDRESS:") and tb.startswith("Mail [EMAIL_ADDRESS:") and ta != tb


def test_encoding_override(tmp_path):
    src = write(tmp_path / "a.txt", "Kratom \u2013 caf\u00e9".encode("cp1252"))
    result = run(src, "--out", tmp_path / "o", "--encoding", "cp1252")
    assert result.exit_code == 0
    assert (tmp_path / "o" / "a.txt").read_text(encoding="utf-8") == "Kratom \u2013 caf\u00e9"


def test_a_missing_spacy_model_is_an_error_not_a_download(tmp_path):
    rules = write(tmp_path / "r.yaml", "model: en_core_web_not_installed\n")
    result = run(write(tmp_path / "a.txt", "hello"), "--out", tmp_path / "o", "--rules", rules)
    assert result.exit_code == 2
    assert "spaCy model 'en_core_web_not_installed' is not installed" in result.stderr


def test_a_second_run_never_replaces_the_first_ones_held_back_records(tmp_path):
    src = tmp_path / "in"
    write(src / "p.jsonl", '{"t": "ok"}\n{"t": \n')
    assert run(src, "--out", tmp_path / "o").exit_code == 1
    first = (tmp_path / "o.quarantine" / "held-back.jsonl").read_bytes()
    write(src / "p.jsonl", '{"t": "ok"}\n')
    assert run(src, "--out", tmp_path / "o").exit_code == 0                 # nothing held back: the list stays
    write(src / "p.jsonl", '{"t": "ok"}\n{"u": \n')
    again = run(src, "--out", tmp_path / "o2", "--quarantine", tmp_path / "o.quarantine")
    assert again.exit_code == 1 and "held-back-2.jsonl" in again.stderr
    assert (tmp_path / "o.quarantine" / "held-back.jsonl").read_bytes() == first
    assert '{"u": ' in json.loads((tmp_path / "o.quarantine" / "held-back-2.jsonl").read_text())["original"]


class FakeTty:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, s):
        self.text += s

    def flush(self):
        pass


@pytest.mark.parametrize("tty", [True, False])
def test_progress_bar_only_on_a_terminal(tty):
    from deid.console import Progress
    from deid.core.model import Outcome, Record

    stream = FakeTty(tty)
    bar = Progress(stream)
    bar.on_start(200)
    bar.on_file(2, 4, "stories/a.md")
    bar.on_record(Outcome(Record("a.md", 0, 1, "a", (), raw="x" * 100), {}, (), held_back="x"))
    if tty:
        bar.bar.refresh()
        assert "50%" in stream.text and "file 2/4, 1 records, 1 held back" in stream.text  # how far, and what
        assert "B/s" in stream.text  # a rate
    bar.clear()
    if tty:
        assert stream.text.endswith("\r") and stream.text.rsplit("\r", 2)[-2].strip() == ""  # the line is cleared
    else:
        assert stream.text == "" and bar.bar is None


def test_the_progress_bar_starts_no_thread():
    """A process that has had a second thread runs the model slower (``cli``): tqdm's monitor
    thread is not started."""
    import threading

    from deid.console import Progress

    before = threading.active_count()
    bar = Progress(FakeTty(True))
    bar.on_start(200)
    assert bar.bar is not None and threading.active_count() == before
    bar.clear()


def test_roster_names_are_removed_across_the_batch_and_never_stored(tmp_path):
    roster = write(tmp_path / "roster.txt", "# participants\nOctavia Brandtweiler\nRose Quennell\n")
    src = tmp_path / "in"
    write(src / "a.txt", "brandtweiler said Octavia was late. My pain rose.")
    write(src / "b.jsonl", '{"id": "x", "t": "OCTAVIA helped Rose with Narcan."}\n')
    result = run(src, "--out", tmp_path / "o", "--roster", roster)
    assert result.exit_code == 0, result.output
    a = (tmp_path / "o" / "a.txt").read_text()
    b = (tmp_path / "o" / "b.jsonl").read_text()
    assert "rtweiler" not in a and "Octavia" not in a and "My pain rose." in a
    assert "OCTAVIA" not in b and "Rose" not in b and "Narcan" in b
    ledger_text = (tmp_path / "o" / "deid-audit.jsonl").read_text()
    assert "Octavia" not in ledger_text and "Brandtweiler" not in ledger_text
    assert len(json.loads(ledger_text.splitlines()[0])["roster"]) == 2


def test_a_missing_roster_is_a_usage_error(tmp_path):
    result = run(write(tmp_path / "a.txt", "hi"), "--out", tmp_path / "o", "--roster", tmp_path / "nope.txt")
    assert result.exit_code == 2 and "the roster cannot be read" in result.stderr


def test_residual_gate_catches_a_name_the_first_pass_missed(tmp_path, monkeypatch):
    """The model and every name recognizer are made to miss the name: the
    final check's name lexicon finds it and the repair gives it a stand-in."""
    from deid.detect.detector import Detector

    real = Detector.detect_many
    monkeypatch.setattr(Detector, "detect_many", lambda self, records: [
        [f for f in found if f.entity != "PERSON"] for found in real(self, records)])
    src = write(tmp_path / "a.txt", "Yesterday Loretta Szabo took her Suboxone.")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    out = (tmp_path / "o" / "a.txt").read_text()
    assert out.startswith("Yesterday ") and out.endswith(" took her Suboxone.")
    assert "Loretta" not in out and "Szabo" not in out and "Loretta" not in result.stderr
    record = json.loads((tmp_path / "o" / "deid-audit.jsonl").read_text().splitlines()[1])
    assert ("residual_repair", "PERSON") in [(f["recognizer"], f["type"]) for f in ledger_findings(record)]
    assert record["removed"]["PERSON"] == 1
    assert invoke_verify(tmp_path / "o") == 0


def test_a_record_id_with_invalid_bytes_is_reported_not_crashed_on(tmp_path):
    write(tmp_path / "in" / "b.csv", "id,Story\n".encode() + "caf\u00e9".encode() + b"\xff,x\n2,fine\n")
    result = run(tmp_path / "in", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "b.csv:2: record caf\u00e9\ufffd: bytes that are not valid" in result.stderr
    held = json.loads((tmp_path / "o.quarantine" / "held-back.jsonl").read_text())
    assert held["id"] == "caf\u00e9\ufffd"
    assert invoke_verify(tmp_path / "o") == 0


def invoke_verify(folder):
    return CliRunner().invoke(cli, ["verify", str(folder)], catch_exceptions=False).exit_code


def test_symlink_loops_and_deep_json_are_held_back_not_fatal(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").symlink_to("b.txt")
    (src / "b.txt").symlink_to("a.txt")
    write(src / "deep.json", "[" * 10000 + "]" * 10000)
    write(src / "ok.txt", "Kratom helped.")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "a.txt:1: record a.txt: cannot be read (Too many levels of symbolic links)" in result.stderr
    assert "deep.json:1: record #1: JSON nested too deeply" in result.stderr
    assert (tmp_path / "o" / "ok.txt").read_text() == "Kratom helped."


def test_formula_cells_are_kept_inert(tmp_path):
    src = write(tmp_path / "f.csv", 'id,Story,Note\n1,"=HYPERLINK(""http://x"",""click"")",+1 for kratom\n2,@home,-fine\n')
    assert run(src, "--out", tmp_path / "o").exit_code == 0
    rows = (tmp_path / "o" / "f.csv").read_text().splitlines()
    assert rows[1] == '1,"\'=HYPERLINK(""http://x"",""click"")",\'+1 for kratom'
    assert rows[2].endswith(",'-fine")
    assert invoke_verify(tmp_path / "o") == 0


@pytest.mark.parametrize("debug", [False, True])
def test_an_internal_error_says_where_never_what(tmp_path, monkeypatch, capsys, debug):
    """A bug whose message quotes a record: no message, no value, in either mode."""
    import deid.cli

    def buggy(opts):
        try:
            {}["x"]
        except KeyError:
            raise ValueError(f"cannot handle {SECRET}") from RuntimeError(SECRET)

    monkeypatch.setattr(deid.cli, "run", buggy)
    args = (["--debug"] if debug else []) + ["run", str(SAMPLES / "interview-notes.txt"), "--out", str(tmp_path / "o")]
    code = deid.cli.main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "deid: error: internal error: ValueError at test_cli.py:" in err  # where it was raised
    assert "Octavia" not in err and "Brandtweiler" not in err
    assert ("Traceback (most recent call last):" in err) is debug
    if debug:
        assert "builtins.ValueError: (message left out)" in err and "builtins.RuntimeError: (message left out)" in err


def test_a_removed_value_left_elsewhere_in_the_record_is_repaired_not_held_back(tmp_path, monkeypatch):
    """The run removed a guessed name once and missed its second mention
    (detection is fixed to one guess and the in-record spread is switched
    off; a guess does not reach the batch index): the
    final check finds the value again and the repair gives it the same
    stand-in, instead of holding the whole record back."""
    from deid.core.model import Finding
    from deid.decide import decisions
    from deid.detect.detector import Detector
    from deid.detect.evidence import MODEL

    def once(self, records):
        out = []
        for rec in records:
            at = rec.fields[0].text.find("Zorbulon")
            out.append([Finding(rec.fields[0].path, "PERSON", at, at + 8, 0.85, "test", MODEL)] if at >= 0 else [])
        return out

    monkeypatch.setattr(Detector, "detect_many", once)
    monkeypatch.setattr(decisions, "_spread", lambda found, record, rules: [])
    src = write(tmp_path / "a.txt", "My sponsor Zorbulon drove me. Later Zorbulon called again.")
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    out = (tmp_path / "o" / "a.txt").read_text()
    stand_in = out.split()[2]
    assert "Zorbulon" not in out and out == f"My sponsor {stand_in} drove me. Later {stand_in} called again."
    record = [json.loads(line) for line in (tmp_path / "o" / "deid-audit.jsonl").read_text().splitlines()][1]
    assert [f["recognizer"] for f in ledger_findings(record)] == ["test", "residual_repair"]


def test_a_comma_csv_with_semicolons_in_its_header_is_read_and_delimiter_can_be_given(tmp_path):
    """Every row of such a file used to be held back: the delimiter was
    guessed from the header line alone."""
    src = write(tmp_path / "in" / "s.csv", 'id,Which (kratom; Suboxone; gabapentin; other),Story\n'
                                            '1,kratom,My sponsor Chase Miller helped\n2,Suboxone,fine\n')
    result = run(tmp_path / "in", "--out", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    out = (tmp_path / "o" / "s.csv").read_text()
    assert out.startswith("id,Which (kratom; Suboxone; gabapentin; other),Story") and "Chase" not in out
    semi = write(tmp_path / "in2" / "s.csv", "id;Story\n1;My sponsor Chase Miller helped, a lot\n")
    forced = run(semi.parent, "--out", tmp_path / "o2", "--delimiter", ";")
    assert forced.exit_code == 0 and "Chase" not in (tmp_path / "o2" / "s.csv").read_text()
    wrong = run(semi.parent, "--out", tmp_path / "o3", "--delimiter", "tab")
    assert wrong.exit_code == 0 and (tmp_path / "o3" / "s.csv").read_text().startswith("id;Story")


def test_identifiers_written_as_json_numbers_are_removed(tmp_path):
    src = write(tmp_path / "in" / "a.jsonl", '{"id": "1", "text": "I was fine.", "callback": 5035550142, "dob": 19290117, "visits": 3}\n')
    result = run(src, "--out", tmp_path / "o")
    assert result.exit_code == 0
    got = json.loads((tmp_path / "o" / "a.jsonl").read_text())
    # a year of birth that tells an age over 89 is Safe Harbor's one category, not the year
    assert "5035550142" not in json.dumps(got) and "1929" not in json.dumps(got) and got["visits"] == 3
    assert got["dob"] == f"{generalize.reference_year() - 90} or earlier"


# -- how much the run says: -q and -v ---------------------------------------------------


def _two_files(tmp_path):
    write(tmp_path / "in" / "joanna-pike-story.txt", "My sponsor Loretta Szabo drove me to the clinic.\n")
    write(tmp_path / "in" / "empty.txt", "")
    return tmp_path / "in"


def test_quiet_says_the_result_and_leaves_out_notes_and_places(tmp_path):
    src = _two_files(tmp_path)
    loud = run(src, "--out", tmp_path / "o1")
    quiet = CliRunner().invoke(cli, ["-q", "run", str(src), "--out", str(tmp_path / "o2")], catch_exceptions=False)
    assert loud.exit_code == quiet.exit_code == 0
    assert "empty file, nothing to publish" in loud.stderr and "deid: output:" in loud.stderr
    assert quiet.stderr == "deid: 1 files, 1 records read, 1 published, 0 held back\n"


def test_quiet_still_says_what_was_held_back_and_every_error(tmp_path):
    write(tmp_path / "in" / "a.jsonl", '{"id": "a1", "text": "fine"}\n{not json\n')
    result = CliRunner().invoke(cli, ["-q", "run", str(tmp_path / "in"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "a.jsonl:2: record #2: not valid JSON" in result.stderr and "deid: quarantine:" in result.stderr
    result = CliRunner().invoke(cli, ["-q", "run", str(tmp_path / "missing"), "--out", str(tmp_path / "o2")])
    assert result.exit_code == 2 and result.stderr.startswith("deid: error: ")


def test_verbose_names_each_file_as_read_by_its_published_name(tmp_path):
    src = _two_files(tmp_path)
    result = CliRunner().invoke(cli, ["-v", "run", str(src), "--out", str(tmp_path / "o")], catch_exceptions=False)
    assert result.exit_code == 0
    lines = [x for x in result.stderr.splitlines() if x.startswith("deid: reading file ")]
    published = sorted(p.name for p in (tmp_path / "o").iterdir() if p.suffix == ".txt")
    assert len(lines) == 2 and lines[0].startswith("deid: reading file 1/2: ")
    assert "joanna" not in result.stderr.lower() and "pike" not in result.stderr.lower()
    assert any(name in lines[1] or name in lines[0] for name in published)
    assert "empty file, nothing to publish" in result.stderr  # -v says what the default says, and more


def test_quiet_and_verbose_together_are_refused(tmp_path):
    result = CliRunner().invoke(cli, ["-q", "-v", "run", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "-q and -v ask for opposite things" in result.stderr


def test_the_strict_profile_removes_what_the_default_keeps_and_both_keep_the_medicine(tmp_path):
    story = ("I moved here in March 2019. As a Greek Catholic I was told my case no. 2019-CV-00123 "
             "would take a while. Gabapentin helped the neuropathy.\n")
    src = write(tmp_path / "in" / "notes.txt", story)
    outs = {}
    for profile in ("default", "strict"):
        result = run(src.parent, "--out", tmp_path / profile, "--rules", profile)
        assert result.exit_code == 0, result.stderr
        outs[profile] = (tmp_path / profile / "notes.txt").read_text(encoding="utf-8")
        assert ledger(tmp_path / profile)[0]["rules_file"] == f"rules/{profile}.yaml"
    default, strict = outs["default"], outs["strict"]
    for text in (default, strict):
        assert "2019-CV-00123" not in text and "[CASE-NUMBER]" in text and "March" not in text
        assert "Gabapentin" in text and "neuropathy" in text
    assert "2019" in default and "Greek" in default   # Safe Harbor keeps the year and a nationality
    assert "2019" not in strict and "Greek" not in strict


@pytest.mark.parametrize("folder", ["Margarethe Oyelaran", "cases/oyelaran-margarethe-1961"])
def test_the_ledger_never_keeps_the_rules_path_as_given(tmp_path, folder):
    """A rules file in a folder named after a participant: the ledger keeps a keyed
    label of the path and the rules' hash, and deid verify still reads the rules."""
    rules = write(tmp_path / folder / "rules.yaml", "entities:\n  EMAIL_ADDRESS: {action: hash}\n")
    src = write(tmp_path / "in" / "a.txt", "Mail ann.lee@example.org today.\n")
    assert run(src.parent, "--out", tmp_path / "o", "--rules", rules).exit_code == 0
    text = (tmp_path / "o" / "deid-audit.jsonl").read_text()
    assert "Oyelaran" not in text and "oyelaran" not in text and "Margarethe" not in text
    assert ledger(tmp_path / "o")[0]["rules_file"].startswith("file ")
    verified = CliRunner().invoke(cli, ["verify", str(tmp_path / "o")], catch_exceptions=False)
    assert verified.exit_code == 0, verified.stderr


def test_a_frame_is_named_by_the_package_not_by_a_folder_called_deid(tmp_path):
    """A clone in a folder named deid: its tests are not deid's own modules (issue 30)."""
    import os

    from deid import console

    own = os.path.join(os.path.dirname(console.__file__), "run", "journal.py")
    assert console._short(own) == "deid/run/journal.py"
    assert console._short(str(tmp_path / "deid" / "tests" / "cli" / "test_cli.py")) == "test_cli.py"


@pytest.mark.parametrize("before, after", [(["-q"], []), ([], ["-q"]), (["-v"], []), ([], ["--verbose"])])
def test_quiet_and_verbose_work_before_or_after_the_command(tmp_path, before, after):
    result = CliRunner().invoke(cli, [*before, "run", *after, str(SAMPLES / "interview-notes.txt"),
                                      "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert ("deid: output:" in result.output) is not ("-q" in before + after)


def test_quiet_and_verbose_together_are_refused_wherever_they_stand(tmp_path):
    result = CliRunner().invoke(cli, ["-q", "run", "-v", str(SAMPLES / "interview-notes.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "opposite things" in result.output
