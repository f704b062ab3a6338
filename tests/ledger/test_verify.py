"""``deid verify``: tamper tests for each kind of edit, files against the
ledger, the residual scan, fingerprints, keys and signatures."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from deid.cli import cli

from tests.conftest import ROOT, SAMPLES, TEST_KEY, ledger_findings, without_digests, write

EVAL = ROOT.parent / "shared" / "eval"


def invoke(*args):
    return CliRunner().invoke(cli, [*map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("pub") / "publish"
    assert invoke("run", SAMPLES, "--out", out).exit_code == 0
    return out


@pytest.fixture
def copy(published, tmp_path):
    dest = tmp_path / "publish"
    shutil.copytree(published, dest)
    return dest


def ledger_lines(folder):
    return (folder / "deid-audit.jsonl").read_text().splitlines()


def write_ledger(folder, lines):
    (folder / "deid-audit.jsonl").write_text("\n".join(lines) + "\n")


def test_a_fresh_run_verifies(published):
    result = invoke("verify", published)
    assert result.exit_code == 0, result.output
    assert "all checks hold" in result.stderr


def test_edited_entry_is_named_by_line(copy):
    lines = ledger_lines(copy)
    entry = json.loads(lines[2])
    entry["status"] = "published" if entry["status"] == "held_back" else "held_back"
    lines[2] = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    write_ledger(copy, lines)
    result = invoke("verify", copy)
    assert result.exit_code == 1
    assert "deid-audit.jsonl:4: the hash chain breaks here: line 3 was edited" in result.stderr


@pytest.mark.parametrize(
    "edit, line",
    [
        (lambda ls: ls[:3] + ls[4:], 4),                      # removed
        (lambda ls: ls[:2] + [ls[3], ls[2]] + ls[4:], 3),     # reordered
        (lambda ls: ls[:3] + [ls[2]] + ls[3:], 4),            # inserted (a copy)
    ],
    ids=["removed", "reordered", "inserted"],
)
def test_removed_reordered_inserted_entries(copy, edit, line):
    write_ledger(copy, edit(ledger_lines(copy)))
    result = invoke("verify", copy)
    assert result.exit_code == 1
    assert f"deid-audit.jsonl:{line}: the hash chain breaks here" in result.stderr


def test_cut_short_ledger(copy):
    write_ledger(copy, ledger_lines(copy)[:-1])
    result = invoke("verify", copy)
    assert result.exit_code == 1 and "no closing entry" in result.stderr


def test_rewritten_ledger_fails_the_seal(copy):
    """Recomputing the chain after an edit is easy; the keyed seal is not."""
    import hashlib

    entries = [json.loads(x) for x in ledger_lines(copy)]
    entries[1]["id"] = "forged"
    prev, out = None, []
    for e in entries:
        e["prev"] = prev
        if e["kind"] == "summary":
            e["chain_head"] = prev
        line = json.dumps(e, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        out.append(line)
        prev = hashlib.sha256(line.encode()).hexdigest()
    write_ledger(copy, out)
    result = invoke("verify", copy)
    assert result.exit_code == 1 and "closing signature does not match" in result.stderr


def test_another_key_does_not_verify_and_says_which_key_is_needed(copy, monkeypatch):
    from deid.core.keys import Key

    needed = Key(TEST_KEY.encode(), "x").id
    monkeypatch.setenv("DEID_KEY", "f6ed5d7e9e7710dd8e40ebb27c63439e24652eafccc2a7ab2a3c9ce42c7149f6")
    result = invoke("verify", copy)
    assert result.exit_code == 1
    assert f"sealed with the key whose id is {needed}" in result.stderr and "DEID_KEY" in result.stderr
    assert TEST_KEY not in result.stderr and "not-the-key" not in result.stderr


def test_a_ledger_whose_key_id_was_changed_still_fails_on_its_seal(copy):
    from deid.ledger.audit import line_of

    lines = (copy / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["key_id"] = "0" * 16
    lines[0] = line_of(header)
    (copy / "deid-audit.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("verify", copy)
    assert result.exit_code == 1 and "deid-audit.jsonl:2: the hash chain breaks here" in result.stderr


@pytest.mark.parametrize("schema", [1, 8, "7"])
def test_a_ledger_schema_this_deid_does_not_know_is_refused(copy, schema):
    from deid.ledger.audit import line_of

    lines = (copy / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["schema"] = schema
    # rebuild the chain so that only the schema is wrong
    import hashlib
    out, prev = [], None
    for i, line in enumerate(lines):
        entry = header if i == 0 else json.loads(line)
        entry["prev"] = prev
        text = line_of(entry)
        out.append(text)
        prev = hashlib.sha256(text.encode()).hexdigest()
    (copy / "deid-audit.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    result = invoke("verify", copy)
    assert result.exit_code == 1 and f"ledger schema {schema!r} is not one this deid reads" in result.stderr


def test_extra_missing_and_edited_files(copy):
    write(copy / "extra.txt", "hello")
    (copy / "forum-posts.jsonl").unlink()
    csv = copy / "survey-export.csv"
    csv.write_text(csv.read_text().replace("Kratom, gabapentin", "Kratom, pregabalin", 1))
    result = invoke("verify", copy)
    assert result.exit_code == 1
    err = result.stderr
    assert "extra.txt: not in the ledger" in err
    assert "forum-posts.jsonl: in the ledger but missing" in err
    assert "survey-export.csv: record row 1 (ledger seq" in err and "was changed" in err


@pytest.mark.parametrize("plant, named", [
    (lambda d: write(d / ".notes.md", "Wendell Okonkwo called."), ".notes.md: not in the ledger"),
    (lambda d: write(d / "img" / ".cache" / "a.txt", "Wendell Okonkwo"), "img/.cache/a.txt: not in the ledger"),
    (lambda d: write(d / "old" / "deid-audit.jsonl", '{"kind": "header"}'), "old/deid-audit.jsonl: not in the ledger"),
    (lambda d: (d / "raw").symlink_to(SAMPLES, target_is_directory=True), "raw: a symbolic link"),
    (lambda d: (d / "notes-link.txt").symlink_to(SAMPLES / "interview-notes.txt"), "notes-link.txt: a symbolic link"),
])
def test_verify_vouches_for_every_file_under_the_folder_or_names_it(copy, plant, named):
    """Hidden files, a second ledger in a subfolder and symbolic links (to a
    folder of raw inputs, say) are each named; nothing under the folder is
    passed over."""
    plant(copy)
    result = invoke("verify", copy)
    assert result.exit_code == 1 and named in result.stderr, result.stderr
    assert "Wendell" not in result.stderr


def test_a_real_name_added_after_the_run_fails_residual_and_names_no_one(copy):
    notes = copy / "interview-notes.txt"
    notes.write_text(notes.read_text() + "\nAdded later: my sister Philippa Worthington-Vance called.\n")
    result = invoke("verify", copy)
    assert result.exit_code == 1
    assert "interview-notes.txt:1: record interview-notes.txt: still holds PERSON (at offset " in result.stderr
    assert "the file was changed after the run: publish what deid wrote" in result.stderr
    assert "Philippa" not in result.stderr


def test_a_removed_value_put_back_fails_the_fingerprint_check(copy):
    """'Thornbury' was removed from the interview notes; putting it back in
    another file is caught without the ledger holding the name."""
    assert "Thornbury" not in (copy / "deid-audit.jsonl").read_text()
    md = copy / "community-stories.md"
    md.write_text(md.read_text().replace("Shared with permission.", "Shared with permission, Thornbury."))
    result = invoke("verify", copy)
    assert result.exit_code == 1
    assert ("community-stories.md:1: record community-stories.md: a name or place removed elsewhere in the batch "
            "appears again (1 word(s) at offset") in result.stderr
    assert "the file was changed after the run: publish what deid wrote" in result.stderr


def test_verify_needs_a_key_and_a_ledger(tmp_path, monkeypatch, copy):
    monkeypatch.delenv("DEID_KEY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty-config"))
    result = invoke("verify", copy)
    assert result.exit_code == 2 and "no key" in result.stderr
    assert not (tmp_path / "empty-config" / "deid" / "key").exists()
    monkeypatch.setenv("DEID_KEY", "04f0e0723d118faacb61b60a33b22658ecf57bc86c18f7ba98b4da1a7ac5a5bf")
    result = invoke("verify", tmp_path)
    assert result.exit_code == 2 and "no ledger" in result.stderr


def test_ed25519_signature(tmp_path):
    private = Ed25519PrivateKey.generate()
    sign = write(tmp_path / "sign.pem", private.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    public = write(tmp_path / "pub.pem", private.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    other = write(tmp_path / "other.pem", Ed25519PrivateKey.generate().public_key().public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    src = write(tmp_path / "in" / "a.txt", "Kratom helped Loretta Szabo.")
    assert invoke("run", src, "--out", tmp_path / "o", "--sign-key", sign).exit_code == 0
    assert invoke("verify", tmp_path / "o", "--public-key", public).exit_code == 0
    bad = invoke("verify", tmp_path / "o", "--public-key", other)
    assert bad.exit_code == 1 and "Ed25519 signature does not match" in bad.stderr
    plain = invoke("verify", tmp_path / "o")
    assert plain.exit_code == 0 and "Ed25519 signature not checked" in plain.stderr


def test_no_gold_identifier_or_key_in_the_ledger(published):
    import yaml

    gold = yaml.safe_load((ROOT / "tests" / "samples_gold.yaml").read_text())
    text = (published / "deid-audit.jsonl").read_text()
    prose = without_digests(text)
    for name, g in gold.items():
        for ident in g["identifiers"]:
            assert str(ident) not in prose, (name, ident)
    from tests.conftest import TEST_KEY

    assert TEST_KEY not in text
    summary = json.loads(text.splitlines()[-1])
    assert summary["chain_head"] == summary["prev"] and len(summary["hmac"]) == 64
    # every changed value has its fingerprint, but an age: it is never looked for again
    assert all(len(f["fingerprint"]) == 32 for line in text.splitlines()[1:-1]
               for f in ledger_findings(json.loads(line)) if f["changed"] and f["type"] != "AGE")


def test_a_stale_output_from_an_earlier_run_is_not_vouched_for(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", "Kratom helped.")
    write(src / "b.txt", "Narcan too.")
    assert invoke("run", src, "--out", tmp_path / "o").exit_code == 0
    write(src / "b.txt", b"\x00\x01binary now")
    result = invoke("run", src, "--out", tmp_path / "o")
    assert result.exit_code == 1 and "holds 1 file(s) this run did not write (e.g. b.txt)" in result.stderr
    check = invoke("verify", tmp_path / "o")
    assert check.exit_code == 1 and "b.txt: not in the ledger" in check.stderr


def test_a_guess_is_checked_in_its_own_record_and_a_known_name_in_every_record(tmp_path, monkeypatch):
    """A value the model guessed in one record went from that record only: the
    same word in another record is published and verifies; put back into its
    own record, it fails. A name the batch knew fails in any record. (Detection
    is replaced by fixed findings, so that only the guess and the name count.)"""
    from deid.core.model import Finding
    from deid.detect.detector import Detector
    from deid.detect.evidence import CONTEXT, MODEL

    def fixed(self, records):
        found = []
        for rec in records:
            fs = []
            for f in rec.fields:
                for word, strength in (("Quillan", MODEL), ("Loretta Szabo", CONTEXT)):
                    at = f.text.find(word)
                    if rec.id == "r1" and at >= 0:
                        fs.append(Finding(f.path, "PERSON", at, at + len(word), 0.85, "test", strength))
            found.append(fs)
        return found

    monkeypatch.setattr(Detector, "detect_many", fixed)
    rows = [{"id": "r1", "story": "Quillan helped me taper. My sister Loretta Szabo drove."},
            {"id": "r2", "story": "The river QUILLAN runs near the clinic."},
            {"id": "r3", "story": "I met Loretta at group."}]
    src = write(tmp_path / "in" / "s.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "pub"
    assert invoke("run", src, "--out", out).exit_code == 0
    lines = (out / "s.jsonl").read_text().splitlines()
    assert "Quillan" not in lines[0] and "QUILLAN" in lines[1] and "Loretta" not in lines[2]
    assert invoke("verify", out).exit_code == 0

    for n, word, what in ((0, "Quillan", "a PERSON value this record removed"),
                          (2, "Szabo", "a name or place removed elsewhere in the batch")):
        bad = tmp_path / f"bad{n}"
        shutil.copytree(out, bad)
        edited = lines.copy()
        story = json.loads(edited[n])
        story["story"] = story["story"] + f" {word}"
        edited[n] = json.dumps(story)
        (bad / "s.jsonl").write_text("\n".join(edited) + "\n")
        result = invoke("verify", bad)
        assert result.exit_code == 1
        assert f"s.jsonl:{n + 1}: record r{n + 1} field '/story': {what} appears again" in result.stderr
        assert word not in result.stderr


def _a_stand_in(folder, name="interview-notes.txt"):
    """A person's stand-in that deid wrote into ``name``, from its ledger."""
    for line in (folder / "deid-audit.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("kind") == "record" and entry.get("output") == name:
            for f in ledger_findings(entry):
                if f["changed"] and f["type"] == "PERSON":
                    return (folder / name).read_text(encoding="utf-8")[f["out_start"]:f["out_end"]]
    raise AssertionError("no stand-in")


def test_a_name_typed_over_a_stand_in_is_caught_and_not_laundered_by_a_re_run(copy, tmp_path):
    notes = copy / "interview-notes.txt"
    stand_in = _a_stand_in(copy)
    notes.write_text(notes.read_text(encoding="utf-8").replace(stand_in, "Wendell Okonkwo"), encoding="utf-8")
    checked = invoke("check", copy)
    assert checked.exit_code == 1 and "interview-notes.txt:" in checked.stdout
    assert "changed since deid run sealed it" in checked.stderr
    again = tmp_path / "again"
    assert invoke("run", copy, "--out", again).exit_code == 0
    published = (again / "interview-notes.txt").read_text(encoding="utf-8")
    assert "Wendell" not in published and "Okonkwo" not in published
    assert invoke("verify", again).exit_code == 0


def test_a_ledger_forged_without_the_key_marks_nothing(copy, monkeypatch):
    """A ledger anyone could write (another key's) vouches for no span: the
    stand-ins it claims are read as text, and so is a real name."""
    notes = copy / "interview-notes.txt"
    notes.write_text(notes.read_text(encoding="utf-8") + "Wendell Okonkwo came too.\n", encoding="utf-8")
    monkeypatch.setenv("DEID_KEY", "0c01a3f988d83c2f52e9a7e5e8c2dfc8633de665884719757fcda729bd08c3c8")
    forged = copy.parent / "forged"
    assert invoke("run", copy, "--out", forged).exit_code == 0
    # the forger's folder, checked with the publisher's key
    monkeypatch.setenv("DEID_KEY", TEST_KEY)
    (forged / "interview-notes.txt").write_text(notes.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("check", forged)
    assert result.exit_code == 1 and "sealed with the key whose id is" in result.stderr


def test_a_folder_published_with_custom_rules_verifies_and_checks_by_them(tmp_path, monkeypatch):
    """verify and check judge a folder by the rules its ledger recorded: a run
    that keeps places publishes a street address, and today's default
    rules, which would remove it, do not fail the folder."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "a.txt", "I moved to Dayton for my methadone, at 1187 Sycamore Lane.\n")
    write(tmp_path / "keep-places.yaml", "extends: default\nentities:\n  LOCATION: {action: keep}\n")
    assert invoke("run", "in", "--out", "pub", "--rules", "keep-places.yaml").exit_code == 0
    assert "1187 Sycamore Lane" in (tmp_path / "pub" / "a.txt").read_text()
    assert invoke("check", "in").exit_code == 1  # by the default rules, the address goes
    assert invoke("verify", "pub").exit_code == 0
    checked = invoke("check", "pub")
    assert (checked.exit_code, checked.stdout) == (0, "")


def test_check_finds_every_published_folder_under_its_paths_and_skips_ledgers(tmp_path, monkeypatch):
    """`deid check content/` with two published folders inside: their stand-ins
    pass, their ledgers are not scanned, and two files of the same name in
    the two folders are no clash (check writes nothing)."""
    monkeypatch.chdir(tmp_path)
    for name in ("spring", "autumn"):
        write(tmp_path / "raw" / name / "notes.txt", f"My sponsor Chase Miller drove me, {name}.\n")
        assert invoke("run", f"raw/{name}", "--out", f"content/{name}").exit_code == 0
    result = invoke("check", "content")
    assert (result.exit_code, result.stdout) == (0, ""), result.stdout
    files = invoke("check", "content/spring/notes.txt", "content/autumn/notes.txt",
                   "content/spring/deid-audit.jsonl", "content/autumn/deid-audit.jsonl")
    assert files.exit_code == 0 and "skipped, a deid ledger" in files.stderr
    notes = tmp_path / "content" / "autumn" / "notes.txt"
    notes.write_text(notes.read_text() + "Wendell Okonkwo came too.\n")
    after = invoke("check", "content")
    assert after.exit_code == 1 and "content/autumn/notes.txt:2:1: " in after.stdout and "Wendell" not in after.stdout


@pytest.mark.parametrize("name", ["psytar_posts", "presidio_synth_v2", "wnut17_dev"])
def test_what_deid_run_publishes_passes_verify_and_check(tmp_path, name):
    """The gate on deid's own output: a whole real batch, published, verifies
    and checks clean (verify and check apply the run's own final check, by
    the run's rules, to the text the run wrote)."""
    source = EVAL / f"{name}.jsonl"
    if not source.exists():
        pytest.skip("../shared/eval is not here")
    lines = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines()]
    write(tmp_path / "in" / f"{name}.jsonl", "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in lines))
    assert invoke("run", tmp_path / "in", "--out", tmp_path / "pub").exit_code == 0
    verified = invoke("verify", tmp_path / "pub")
    assert verified.exit_code == 0, verified.stderr[-2000:]
    checked = invoke("check", tmp_path / "pub")
    assert (checked.exit_code, checked.stdout) == (0, ""), checked.stdout[-2000:]


# -- the library, without the CLI ------------------------------------------------------


def test_verify_folder_reports_each_check_and_names_what_changed(copy):
    from deid.core.keys import Key
    from deid.ledger.verify import verify_folder

    key = Key(TEST_KEY.encode(), "test")
    report = verify_folder(copy, key)
    assert report.ok and report.checked == {"chain": "ok", "files": "ok", "residual": "ok", "fingerprints": "ok",
                                         "risk": "ok", "consent": "ok",
                                         "audit": "no sampled audit in the ledger (deid audit sample DIR)"}
    target = sorted(p for p in copy.rglob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8") + "\nMy sponsor Loretta Szabo called.\n", encoding="utf-8")
    report = verify_folder(copy, key)
    assert not report.ok and report.checked["files"] == "failed"
    assert any(target.name in p for p in report.problems)
    assert not any("Loretta" in p or "Szabo" in p for p in report.problems)  # never the text


def test_verify_folder_with_another_key_opens_nothing(copy):
    from deid.core.keys import Key
    from deid.ledger.verify import verify_folder

    report = verify_folder(copy, Key(b"another-key-0123456789abcdef0123456789", "test"))
    assert not report.ok and report.checked["chain"] == "failed"
    assert report.checked["files"] == "ok"  # not reached: nothing is judged by a ledger that does not open


def test_verify_folder_refuses_a_folder_without_a_ledger(tmp_path):
    from deid.core.errors import UsageError
    from deid.core.keys import Key
    from deid.ledger.verify import verify_folder

    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(UsageError, match="no ledger; give a folder written by deid run"):
        verify_folder(tmp_path, Key(TEST_KEY.encode(), "test"))


# -- what verify cannot read is a failure ------------------------------------------------

def _refuse_listing(monkeypatch, folder):
    """Root lists a folder of mode 0311 anyway: make ``os.scandir`` refuse it,
    as the kernel does for anyone else."""
    import os

    real = os.scandir

    def scandir(path="."):
        if os.path.realpath(path) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.parametrize("inside", ["intake", ".cache", "a/b"])
def test_a_folder_it_cannot_list_is_a_failure(copy, monkeypatch, inside):
    locked = copy / inside
    write(locked / "participants.csv", "name,phone\nAmbrose Tillinghast,555-0143\n")
    locked.chmod(0o311)
    _refuse_listing(monkeypatch, locked)
    try:
        result = invoke("verify", copy)
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert f"{inside}: a folder deid cannot list" in result.stderr and "all checks hold" not in result.stderr
    assert "Ambrose" not in result.output


def test_a_published_file_it_cannot_read_is_a_failure(copy, monkeypatch):
    import deid.ledger.verify as module

    real = module.file_sha256
    monkeypatch.setattr(module, "file_sha256", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "forum-posts.jsonl" else real(p))
    result = invoke("verify", copy)
    assert result.exit_code == 1 and "forum-posts.jsonl: cannot be read (Permission denied)" in result.stderr


def test_a_ledger_it_cannot_read_is_a_failure(copy, monkeypatch):
    from pathlib import Path

    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if self.name == "deid-audit.jsonl" else real(self, *a, **k))
    result = invoke("verify", copy)
    assert result.exit_code == 1 and "deid-audit.jsonl: cannot be read" in result.stderr


@pytest.mark.parametrize("folder", ["", " "])
def test_an_empty_folder_name_is_refused(copy, monkeypatch, folder):
    monkeypatch.chdir(copy)  # a published folder that verifies: "" must not mean it
    result = invoke("verify", folder)
    assert result.exit_code == 2 and "empty path" in result.stderr and "all checks hold" not in result.stderr


def _as_schema(folder, key, schema):
    """Rewrite a ledger as deid wrote it in ``schema`` (2 to 6; see docs/audit.md), the chain
    and the closing seal made again: no key_derivation nor consent rule (6), no risk (5),
    findings in the clear (4), an input hash and input offsets instead of the keyed input
    (3; these are made up here: nothing reads them), no batch list nor medical_lexicon (2)."""
    import hashlib

    from deid.ledger.audit import findings_of, line_of, seal

    entries = [json.loads(line) for line in ledger_lines(folder)]
    header = entries[0]
    header["schema"] = schema
    del header["key_derivation"], header["rules"]["consent"]
    if schema < 6:
        del header["rules"]["risk"]
    if schema < 4:
        del header["key_id"]
    if schema < 3:
        del header["batch_fingerprints"], header["rules"]["medical_lexicon"]
    for entry in entries:
        if entry.get("kind") != "record":
            continue
        if schema < 6:
            entry.pop("risk", None)
        if schema < 5:
            entry["findings"] = findings_of(entry, key)
            del entry["sealed"], entry["removed"]
        if schema < 4:
            entry["input_sha256"] = entry.pop("input_hmac")
            entry["findings"] = [{**f, "start": 0, "end": 1} for f in entry["findings"]]
    prev, out = None, []
    for entry in entries:
        entry["prev"] = prev
        if entry is entries[-1]:
            entry["hmac"] = seal(entry, key)
        out.append(line_of(entry))
        prev = hashlib.sha256(out[-1].encode()).hexdigest()
    write_ledger(folder, out)


def test_a_ledger_from_before_keys_were_stretched_still_verifies(tmp_path, monkeypatch):
    """A schema-6 ledger was keyed with the secret itself: verify and report read
    it with that derivation, and a new run's ledger says which one it used."""
    from deid.core.keys import DERIVATION, LEGACY, Key
    from deid.run import pipeline

    old, load_key = Key(TEST_KEY.encode(), "DEID_KEY").under(LEGACY), pipeline.load_key
    monkeypatch.setattr(pipeline, "load_key", lambda key_file=None: old)
    src = write(tmp_path / "in" / "notes.txt", "My counsellor Ottilie Varga said the dose was fine.\n")
    assert invoke("run", src.parent, "--out", tmp_path / "old").exit_code == 0
    monkeypatch.setattr(pipeline, "load_key", load_key)
    _as_schema(tmp_path / "old", old, 6)
    result = invoke("verify", tmp_path / "old")
    assert result.exit_code == 0 and "all checks hold" in result.stderr, result.stderr
    assert invoke("report", tmp_path / "old", "-o", tmp_path / "old.html").exit_code == 0
    assert "Ottilie" not in (tmp_path / "old.html").read_text()
    assert invoke("run", src.parent, "--out", tmp_path / "new").exit_code == 0
    header = json.loads(ledger_lines(tmp_path / "new")[0])
    assert header["schema"] == 7 and header["key_derivation"] == DERIVATION
    assert header["key_id"] != json.loads(ledger_lines(tmp_path / "old")[0])["key_id"]


@pytest.fixture(scope="module")
def legacy(tmp_path_factory):
    """A run keyed with the secret itself, as every run before schema 7 was, and its key."""
    from deid.core.keys import LEGACY, Key
    from deid.run import pipeline

    old = Key(TEST_KEY.encode(), "DEID_KEY").under(LEGACY)
    rows = [{"id": "r1", "story": "My counsellor Ottilie Varga said the dose was fine."},
            {"id": "r2", "story": "Group on Tuesday helped a lot."}]
    base = tmp_path_factory.mktemp("legacy")
    src = write(base / "in" / "s.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DEID_KEY", TEST_KEY)
        patch.setattr(pipeline, "load_key", lambda key_file=None: old)
        assert invoke("run", src, "--out", base / "pub").exit_code == 0
    return base / "pub", old


@pytest.mark.parametrize("schema", [2, 3, 4, 5, 6])
def test_a_ledger_of_an_older_schema_verifies_and_reports(legacy, tmp_path, schema):
    """Each schema deid wrote is read through the one lift (``ledger.lift``): verify holds,
    says what the ledger did not record, and the report is built."""
    folder = tmp_path / "pub"
    shutil.copytree(legacy[0], folder)
    _as_schema(folder, legacy[1], schema)
    result = invoke("verify", folder)
    assert result.exit_code == 0 and "all checks hold" in result.stderr, result.stderr
    assert ("risk: not recorded" in result.stderr) == (schema < 6)
    assert invoke("report", folder, "-o", tmp_path / "r.html").exit_code == 0
    html = (tmp_path / "r.html").read_text()
    assert "Ottilie" not in html and 'data-type="PERSON"' in html  # the change shown, its findings opened


def test_a_schema_2_value_found_in_another_record_is_named_as_the_batchs(legacy, tmp_path):
    """Fixed on purpose: a schema-2 ledger's values went from the whole batch, and one found
    again in another record was called "a PERSON value this record removed"; it is a value
    removed elsewhere in the batch, as a current ledger's batch list says."""
    folder = tmp_path / "pub"
    shutil.copytree(legacy[0], folder)
    _as_schema(folder, legacy[1], 2)
    lines = (folder / "s.jsonl").read_text().splitlines()
    story = json.loads(lines[1])
    story["story"] += " Varga came too."
    lines[1] = json.dumps(story)
    (folder / "s.jsonl").write_text("\n".join(lines) + "\n")
    result = invoke("verify", folder)
    assert result.exit_code == 1
    assert "s.jsonl:2: record r2 field '/story': a name or place removed elsewhere in the batch appears again" \
        in result.stderr
    assert "this record removed" not in result.stderr and "Varga" not in result.stderr
