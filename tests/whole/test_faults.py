"""Faults: a run killed outright (kill -9) leaves no partial output file and
no record text in temp; the next run cleans up after it and publishes every
record once. Input that is UTF-16 without a byte-order mark is read as text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from deid.cli import cli
from deid.run.journal import PLANS

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from corpus import generate  # noqa: E402


def write_batch(folder: Path) -> Path:
    folder.mkdir()
    rows = list(generate(180, 300, seed=13))
    for n in range(3):
        (folder / f"part{n}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in rows[n * 60:(n + 1) * 60]), encoding="utf-8")
    return folder


def deid(*args, env=None):
    return subprocess.Popen([sys.executable, "-m", "deid.cli", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def kill_when(proc, ready, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if ready():
            break
        time.sleep(0.002)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.fixture
def killable(tmp_path):
    src = write_batch(tmp_path / "in")
    clean = tmp_path / "clean"
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(clean), "--workers", "1"]).exit_code == 0
    env = {**os.environ, "DEID_WORKERS": "1"}
    return src, clean, env


def same_as(out: Path, clean: Path) -> None:
    for p in clean.iterdir():
        assert (out / p.name).read_bytes() == p.read_bytes(), p.name
    summary = json.loads((out / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert summary["records_in"] == summary["published"] == 180
    assert CliRunner().invoke(cli, ["verify", str(out)]).exit_code == 0


def test_kill_9_mid_write_then_run_again(tmp_path, killable):
    src, clean, env = killable
    out, work = tmp_path / "out", tmp_path / "out.deid-work"
    proc = deid("run", src, "--out", out, env=env)
    kill_when(proc, lambda: out.is_dir() and any(p.name.startswith(".deid-tmp-") for p in out.iterdir()))

    # no partial output: each visible file is whole; the ledger is not there, so verify refuses
    for p in out.iterdir():
        if not p.name.startswith("."):
            assert p.read_bytes() == (clean / p.name).read_bytes(), p.name
    assert not (out / "deid-audit.jsonl").exists()
    assert CliRunner().invoke(cli, ["verify", str(out)]).exit_code != 0
    assert (work / PLANS).exists() and os.stat(work).st_mode & 0o077 == 0  # private, beside --out

    again = deid("run", src, "--out", out, env=env)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert not any(p.name.startswith(".deid-tmp-") for p in out.rglob("*"))
    assert not work.exists()
    same_as(out, clean)


def test_kill_9_in_pass_1_then_resume(tmp_path, killable):
    src, clean, env = killable
    out, work = tmp_path / "out", tmp_path / "out.deid-work"
    proc = deid("run", src, "--out", out, env=env)
    journal = work / PLANS
    kill_when(proc, lambda: journal.exists() and journal.stat().st_size > 60_000)  # some plans made, not all
    assert not (out / "deid-audit.jsonl").exists()

    again = deid("run", src, "--out", out, "--resume", env=env)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    replayed = int(err.decode().split("resumed: ", 1)[1].split()[0])
    assert 0 < replayed < 180
    assert not work.exists()
    same_as(out, clean)


def test_resume_refuses_a_changed_batch_or_a_missing_journal(tmp_path, killable):
    src, _, env = killable
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--resume"])
    assert result.exit_code == 2 and "no journal of a killed run to resume" in result.output
    proc = deid("run", src, "--out", out, env=env)
    journal = tmp_path / "out.deid-work" / PLANS
    kill_when(proc, lambda: journal.exists() and journal.stat().st_size > 20_000)
    with (src / "part1.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "late", "story": "One more story."}) + "\n")
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--resume"])
    assert result.exit_code == 2
    assert "cannot resume: the inputs changed since the killed run; run again without --resume" in result.output


@pytest.mark.parametrize("part, record", [(0, 0), (2, 59)])
def test_resume_refuses_a_record_changed_in_place_with_its_length_and_time_kept(tmp_path, killable, part, record):
    """A record withdrawn after the kill, its bytes overwritten with as many
    others and the file's time put back: the journal's plans are of the old
    text, so --resume must not publish them."""
    src, _, env = killable
    out = tmp_path / "out"
    proc = deid("run", src, "--out", out, env=env)
    journal = tmp_path / "out.deid-work" / PLANS
    kill_when(proc, lambda: journal.exists() and journal.stat().st_size > 20_000)
    path = src / f"part{part}.jsonl"
    st = path.stat()
    lines = path.read_bytes().splitlines(keepends=True)
    body = json.dumps({"id": "withdrawn", "story": ""}).encode()
    lines[record] = body[:-2] + b"x" * (len(lines[record]) - len(body) - 1) + b'"}\n'
    path.write_bytes(b"".join(lines))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out), "--resume"])
    assert result.exit_code == 2
    assert "cannot resume: the inputs changed since the killed run; run again without --resume" in result.output
    assert not (out / "deid-audit.jsonl").exists()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_text(tmp_path, codec):
    src = tmp_path / "in"
    src.mkdir()
    (src / "survey.csv").write_bytes(
        "id,Story\n1,My name is Loretta Szabo and kratom helped me at the caf\u00e9\n2,Narcan works\n".encode(codec))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = (out / "survey.csv").read_text(encoding="utf-8")
    assert "Szabo" not in text and "kratom helped me at the caf\u00e9" in text and "Narcan works" in text


def test_a_binary_file_is_still_held_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "blob.txt").write_bytes(b"\x00\x01\x02\x03\x89PNG\r\n" * 20)
    result = CliRunner().invoke(cli, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "blob.txt:1: record blob.txt: binary file (NUL bytes); not text" in result.output


def _unshare_works() -> bool:
    import shutil

    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="unshare -n is not permitted here (needs root or user namespaces)")
def test_every_command_works_in_a_network_namespace_without_network(tmp_path):
    """Fresh processes, no network at all: run (two workers), verify, check,
    report and eval all work; nothing waits for or needs a connection."""
    from tests.conftest import SAMPLES

    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "DEID_WORKERS"}
    steps = [  # the commands of a step run side by side (each loads the model: CI has two cores)
        [["run", SAMPLES, "--out", out, "--workers", "2"],
         ["eval", ROOT / "tests" / "fixtures" / "testimonials.jsonl", "--limit", "3"]],
        [["verify", out], ["check", out], ["report", out, "-o", tmp_path / "report.html"]],
    ]
    for step in steps:
        started = [(args[0], subprocess.Popen(["unshare", "-n", sys.executable, "-m", "deid.cli", *map(str, args)],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env))
                   for args in step]
        for name, proc in started:
            _, err = proc.communicate(timeout=300)
            assert proc.returncode == 0, (name, err.decode()[-2000:])


def _private_mounts_work() -> bool:
    import shutil

    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _private_mounts_work(), reason="cannot mount a private tmpfs here (needs root)")
def test_a_full_disk_while_writing_leaves_nothing_half_written(tmp_path):
    """--out on a 256 KB tmpfs (in a private mount namespace, gone with the
    process); the batch's output is larger than that."""
    src = write_batch(tmp_path / "in")
    out = tmp_path / "small"
    out.mkdir()
    script = (f"mount -t tmpfs -o size=256k tmpfs {out} && "
              f"{sys.executable} -m deid.cli run {src} --out {out}/pub; code=$?; "
              f"find {out} -type f -printf '%P %s\\n'; exit $code")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, timeout=300,
                          env={**os.environ, "DEID_WORKERS": "1"})
    err, listing = done.stderr.decode(), done.stdout.decode()
    assert done.returncode == 2, err[-2000:]
    assert "cannot be written (No space left on device); no half-written file is left" in err
    assert "Traceback" not in err
    files = dict(line.rsplit(" ", 1) for line in listing.splitlines())
    assert not any(name.split("/")[-1].startswith(".deid-tmp-") for name in files)  # no temp file left
    assert "pub/deid-audit.jsonl" not in files
    assert not any(name.startswith("pub.deid-work/") for name in files)  # the journal went too
    clean = tmp_path / "clean"
    assert CliRunner().invoke(cli, ["run", str(src), "--out", str(clean), "--workers", "1"]).exit_code == 0
    for name, size in files.items():  # whatever was written is whole
        assert int(size) == (clean / name.split("/", 1)[1]).stat().st_size, name


# -- the readers never raise, whatever the bytes -----------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FUZZ_SEEDS = [
    b"", b"\x00", b"\xff\xfe", b"\xfe\xff\x00", b"\xef\xbb\xbf", b'id,Story\n1,"unterminated\n', b"[" * 5000,
    b'{"t": "x"}\n{', b"a,b\n1,2,3\n\r\n\"", b"# T\n| a | b |\n|---|\n| c |", b"\x00a\x00b\x00c",
]


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.sampled_from(FUZZ_SEEDS), st.binary(max_size=600),
                 st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))),
       st.sampled_from([".csv", ".json", ".jsonl", ".md", ".txt"]))
def test_reading_any_bytes_gives_records_never_an_exception(tmp_path_factory, rules, data, suffix):
    from deid.run.records import read_file

    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data + b" Zqxwvortelinda")
    for record in read_file(path, rules):
        assert record.error is None or "Zqxwvortelinda" not in record.error


def test_the_atheris_harness_runs_clean():
    pytest.importorskip("atheris")
    done = subprocess.run([sys.executable, str(ROOT / "fuzz" / "readers.py"), "-runs=2000", "-max_len=2048",
                           "-seed=1"], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert b"Done 2000 runs" in done.stderr
