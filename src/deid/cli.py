"""The command line: thin wrappers that call one library function each."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

# numpy's OpenBLAS starts a thread of its own when numpy loads (spaCy imports it) unless told
# otherwise, and a process that has ever had a second thread runs spaCy's model about a fifth
# slower: the C library's memory allocator takes its locks from then on. Detection asks OpenBLAS
# for nothing worth a thread (its thread used 0.03 s of CPU while the model read 350 texts), so
# it gets none, here before anything imports numpy; worker processes inherit it, a value set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from deid import __version__, console
from deid.cli_groups import audit_group, exits_on_deid_error, key_group, rules_group
from deid.commands.check import run_check
from deid.commands.evaluate import evaluate_file, render
from deid.commands.published import verify_published, write_report
from deid.commands.render import render_check
from deid.commands.review import run_review
from deid.run.options import RECORD_MEGABYTES, RECORD_SECONDS, RunOptions
from deid.run.dryrun import dry_run as dry_run_of
from deid.run.pipeline import engine_address, run
from deid.commands.allow import allow_terms
from deid.commands.init import CI, HOOK, init
from deid.config import project_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deid")
@click.option("--debug", is_flag=True,
              help="On an internal error, print the traceback: where it happened, never the error's message "
                   "(which may quote a record).")
@click.option("-q", "--quiet", is_flag=True,
              help="Say only what went wrong and the result: errors, held-back records, the counts, a verdict.")
@click.option("-v", "--verbose", is_flag=True, help="Also say each file as it is read (by its published name).")
def cli(debug: bool, quiet: bool, verbose: bool) -> None:
    """De-identify free-text testimonials before they are published.

    \b
    Example:
        deid run exports/ --out publish/
    """
    if quiet and verbose:
        console.error("-q and -v ask for opposite things; give one of them")
        sys.exit(2)
    click.get_current_context().meta["deid.level"] = {n for n, on in (("quiet", quiet), ("verbose", verbose)) if on}
    console.set_level(quiet, verbose)


def _level_after(ctx, param, value) -> None:
    """``-q`` / ``-v`` given after the command's name (``deid run -q ...``), as before it."""
    if not value:
        return
    chosen = ctx.meta.setdefault("deid.level", set())
    chosen.add(param.name.split("_")[0])
    if chosen == {"quiet", "verbose"}:
        raise click.UsageError("-q and -v ask for opposite things; give one of them")
    console.set_level(param.name.startswith("quiet"), param.name.startswith("verbose"))


def _with_levels(command: click.Command) -> None:
    for group in ([command] if not isinstance(command, click.Group) else command.commands.values()):
        group.params += [
            click.Option(["-q", "--quiet", "quiet_after"], is_flag=True, expose_value=False, callback=_level_after,
                         help="Say only what went wrong and the result (as `deid -q`)."),
            click.Option(["-v", "--verbose", "verbose_after"], is_flag=True, expose_value=False, callback=_level_after,
                         help="Also say each file as it is read (as `deid -v`)."),
        ]


def _a_number(ctx, param, value):
    """A budget is a number: "nan" would pass the range check and mean no limit."""
    if value is not None and value != value:
        raise click.BadParameter("give a number, 0 for no limit")
    return value


@cli.command("run")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Folder for the publishable batch and its audit ledger (needed unless --dry-run).")
@click.option("--dry-run", is_flag=True,
              help="Write nothing: print, record by record, what the run would publish or hold back and each "
                   "change (before and after: your own text, on your screen only).")
@click.option("--rules", "rules", type=click.Path(dir_okay=False, path_type=Path),
              help="Rules file, or a bundled profile: default, strict (default: default).")
@click.option("--quarantine", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for held-back records (default: OUT.quarantine beside --out, or beside the folder that looks published and holds --out).")
@click.option("--review", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for records held back for their re-identification risk (default: OUT.review beside --out, like the quarantine).")
@click.option("--workers", type=int, default=None, envvar="DEID_WORKERS",
              help="Worker processes on this machine, one model load each (default: $DEID_WORKERS, else one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here, or on an existing Dask cluster (needs deid[dask] and --scheduler).")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler's address for --engine dask, e.g. tcp://10.0.0.5:8786.")
@click.option("--resume", is_flag=True,
              help="Continue a run that was killed: replay the plans it made (same inputs, rules and key).")
@click.option("--max-record-mb", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="Hold back any record with more text than this (in millions of characters).")
@click.option("--record-seconds", type=click.FloatRange(min=0), callback=_a_number,
              help=f"Hold back any record that takes longer than this to process (0: no limit; "
                   f"default: record_seconds in the project configuration, else {RECORD_SECONDS:g}).")
@click.option("--record-memory-mb", type=click.FloatRange(min=0), callback=_a_number,
              help=f"Hold back any record that grows a process's memory by more than this many megabytes "
                   f"(0: no limit; default: record_memory_mb in the project configuration, else {RECORD_MEGABYTES:g}).")
@click.option("--encoding", help="Input encoding, overriding detection (e.g. cp1252).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab", "|"]),
              help="CSV delimiter, instead of the guess from the first rows.")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Secret key for keyed hashes (default: $DEID_KEY, else a key created in your config folder).")
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help="Participant names (one a line) to remove wherever they occur in the batch.")
@click.option("--sign-key", type=click.Path(dir_okay=False, path_type=Path),
              help="Ed25519 private key (PEM) to sign the ledger with, besides the HMAC.")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a self-contained HTML review report here (never inside --out).")
@click.option("--show-original", is_flag=True,
              help="Put the original identifiers in the report, marked confidential (for a local reviewer).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Reviewed findings (deid review, deid check): what they accept in a file is kept there "
                   "(default: the project configuration's, else .deid-baseline.json if there is one).")
@exits_on_deid_error
def run_cmd(paths, out, dry_run, rules, quarantine, review, workers, engine, scheduler, resume, max_record_mb,
            record_seconds, record_memory_mb, encoding, delimiter, key_file, roster, sign_key, report, show_original,
            baseline_path) -> None:
    """De-identify PATHS (files or folders) into the folder --out.

    Each input file yields an output file of the same format at the same
    relative path. Records that cannot be safely processed are held back in
    the quarantine; records whose details single a person out in the batch
    are listed for review, and under rules that say so (strict) held back in
    the review folder. Exit 0: all published; 1: some held back; 2: usage,
    rules or input error; 3: none held back but some held for review.

    \b
    Example:
        deid run survey.csv stories/ --out publish/ --rules rules/default.yaml
        deid run survey.csv --dry-run
    """
    if out is None and not dry_run:
        raise click.UsageError("give --out FOLDER for the published batch, or --dry-run to see what would change")
    if dry_run and (out is not None or report is not None or resume):
        raise click.UsageError("--dry-run writes nothing: leave out --out, --report and --resume")
    c = _configured(rules=rules, quarantine=quarantine, key_file=key_file, record_seconds=record_seconds,
                    record_memory_mb=record_memory_mb, baseline=baseline_path)
    rules, quarantine, key_file = c["rules"], c["quarantine"], c["key_file"]
    if baseline_path is not None and not baseline_path.exists():
        raise click.BadParameter(f"{baseline_path}: no such file", param_hint="--baseline")
    baseline = c["baseline"] if c["baseline"].exists() else None  # the project's, once someone has reviewed
    seconds = RECORD_SECONDS if c["record_seconds"] is None else c["record_seconds"]
    megabytes = RECORD_MEGABYTES if c["record_memory_mb"] is None else c["record_memory_mb"]
    bar = console.Progress()
    if click.get_current_context().get_parameter_source("workers") == click.core.ParameterSource.ENVIRONMENT \
            and engine == "dask":
        workers = None  # $DEID_WORKERS is for local runs; only an explicit --workers clashes with dask
    try:
        opts = RunOptions(paths=list(paths), out=out or Path("."), rules=rules, quarantine=quarantine, workers=workers,
                          encoding=encoding, key_file=key_file, roster=roster, sign_key=sign_key, report=report,
                          show_original=show_original, scheduler=engine_address(engine, scheduler, workers),
                          max_record_mb=max_record_mb, record_seconds=seconds or None,
                          record_megabytes=megabytes or None, resume=resume, delimiter=_delimiter(delimiter), review=review,
                          baseline=baseline, progress=bar)
        summary = dry_run_of(opts, lambda line: (bar.clear(), click.echo(line))) if dry_run else run(opts)
    finally:
        bar.clear()  # before the summary, or the error
    console.summary(summary)
    sys.exit(summary.exit_code)


def _configured(**given):
    """Options not given on the command line, from the project configuration
    (``config``): the rules, the key file (unless $DEID_KEY is set), the
    baseline, the quarantine and the budget of one record."""
    import os

    cfg = project_config()
    out = dict(given)
    if "exclude" in given:
        out["exclude"] = (*cfg.exclude, *given["exclude"])
    for name in given:
        if given[name] is None:
            if name == "key_file" and os.environ.get("DEID_KEY"):
                continue
            out[name] = getattr(cfg, name)
    if "baseline" in out and out["baseline"] is None:
        out["baseline"] = Path(".deid-baseline.json")
    out["config"] = cfg.source
    return out


def _paths(ctx, param, values):
    """The path arguments as paths; an empty one is refused (``Path("")`` is
    the current folder, which is not what anyone meant)."""
    many = isinstance(values, tuple)
    for v in values if many else (values,):
        if not str(v).strip():
            raise click.BadParameter("an empty path; name the file or folder", ctx=ctx, param=param)
    return [Path(v) for v in values] if many else Path(values)


def _delimiter(choice: str | None) -> str | None:
    return "\t" if choice == "tab" else choice


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Rules file, or a bundled profile: default, strict (default: default).")
@click.option("--limit", type=int, help="Evaluate only the first N texts.")
@click.option("--top", type=int, default=15, show_default=True, help="How many missed and over-redacted strings to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a table.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes (same figures for any number).")
@click.option("--half", type=click.Choice(["a", "b"]),
              help="Only one half of the texts, split by a hash of their ids: tune on one, report both.")
@exits_on_deid_error
def eval_cmd(gold, rules_path, limit, top, as_json, workers, half) -> None:
    """Measure detection on annotated GOLD data (JSONL with text and spans).

    The whole file runs as one batch, as `deid run` would run it. Prints
    per-label recall and precision (exact and overlap), person-name recall,
    redaction recall, the share of other words kept, the share of medical
    terms kept (spans marked "keep": true), the share of texts naming no one
    that were changed, and the most often missed, over-redacted and lost
    strings. Those strings come from GOLD and are only printed here, never
    stored.

    \b
    Example:
        deid eval ../shared/eval/wnut17_dev.jsonl --limit 200
        deid eval ../shared/eval/testimonials_dev.jsonl --half a
    """
    report = evaluate_file(gold, rules_path, limit, workers, half)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else render(report, top))


@cli.command("verify")
@click.argument("folder", type=click.Path(), callback=_paths)
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="The secret key the run used (default: $DEID_KEY, else the key in your config folder).")
@click.option("--public-key", type=click.Path(dir_okay=False, path_type=Path),
              help="Ed25519 public key (PEM) to check the ledger's signature with.")
@exits_on_deid_error
def verify_cmd(folder, key_file, public_key) -> None:
    """Check that FOLDER is exactly what deid run published and holds nothing
    it should have caught: the ledger's hash chain and signature, every file
    and record against the ledger, the run's final check again (by the rules
    the ledger recorded), and no removed
    value's fingerprint in the text. A folder it cannot list or a file it
    cannot read is a failure. Exit 0: all hold; 1: something failed (each
    problem is named with its file and line); 2: usage.

    \b
    Example:
        deid verify publish/
    """
    c = _configured(key_file=key_file, audit=None)
    report = verify_published(folder, c["key_file"], public_key, c["audit"])
    console.verify_report(report)
    sys.exit(0 if report.ok else 1)


@cli.command("report")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the report (default: FOLDER-report.html beside FOLDER).")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="The secret key the run used (default: $DEID_KEY, else the key in your config folder).")
@click.option("--show-original", "inputs", multiple=True, type=click.Path(exists=True, path_type=Path),
              metavar="INPUT", help="The input the run read (repeatable): the report then shows each change beside "
                                    "the text it replaced, marked confidential (for a local reviewer; never where it "
                                    "may be published or committed).")
@click.option("--rules", "rules", type=click.Path(dir_okay=False, path_type=Path),
              help="With --show-original: the rules the run used (default: the project configuration's).")
@exits_on_deid_error
def report_cmd(folder, output, key_file, inputs, rules) -> None:
    """Write the HTML review report of a finished run: what was changed, where
    deid was unsure, what it held back. It shows only what is published, unless
    --show-original names the input the run read.

    \b
    Example:
        deid report publish/ -o review.html
        deid report publish/ -o ~/private/review.html --show-original survey.csv
    """
    output = output or folder.parent / (folder.name + "-report.html")
    c = _configured(key_file=key_file, rules=rules, baseline=None)
    write_report(folder, output, c["key_file"], list(inputs) or None, c["rules"], c["baseline"])
    console.note(f"deid: report: {output}")


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), callback=_paths)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True,
              help="Output format; sarif is SARIF 2.1.0 for code-scanning tools.")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Rules file, or a bundled profile: default, strict (default: default).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Reviewed findings not to report again (default: the project configuration's, else .deid-baseline.json).")
@click.option("--update-baseline", is_flag=True, help="Accept every current finding into the baseline.")
@click.option("--reason", default="accepted with --update-baseline", help="Why, recorded with --update-baseline.")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="Secret key for fingerprints (default: $DEID_KEY, else the key in your config folder).")
@click.option("--delimiter", type=click.Choice([",", ";", "tab", "|"]),
              help="CSV delimiter, instead of the guess from the first rows.")
@click.option("--exclude", "exclude", multiple=True, metavar="PATTERN",
              help="Leave out files or folders by name (\"_data\", \"*.yml\"); adds to the configuration's exclude.")
@exits_on_deid_error
def check_cmd(paths, fmt, rules_path, baseline_path, update_baseline, reason, key_file, delimiter, exclude) -> None:
    """Scan PATHS as they are (nothing is changed) and report every identifier
    deid run would remove, with its value masked. Exit 0: clean; 1: something
    found, or a file it cannot judge (no reader for it, unreadable, a bad
    pragma, a file named like the ledger that does not verify); 2: usage or
    rules error. Findings accepted in the baseline, of a type a
    ``<!-- deid: allow TYPE -->`` comment names on its line, or written by
    deid run (its ledger beside them) are not reported. Given --rules, a
    published folder is judged by them, its stand-ins left alone.

    \b
    Example:
        deid check posts/ --format sarif > deid.sarif
    """
    c = _configured(rules=rules_path, baseline=baseline_path, key_file=key_file, exclude=exclude, audit=None)
    findings, notes, failures = run_check(list(paths), c["rules"], c["baseline"], update_baseline, reason,
                                          c["key_file"], _delimiter(delimiter), c["exclude"], c["config"], c["audit"])
    for note in notes:
        console.note(f"deid: note: {note}")
    for failure in failures:
        console.error(f"not checked: {failure}")
    click.echo(render_check(findings, fmt, failures), nl=False)
    files = len({f.file for f in findings})
    unchecked = f"; {len(failures)} file(s) or record(s) not checked" if failures else ""
    console.result(f"deid check: {len(findings)} finding(s) in {files} file(s){unchecked}" if findings
                   else f"deid check: nothing found{unchecked}")
    sys.exit(1 if findings or failures else 0)


@cli.command("init")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path),
              help="The team key's file: used when it exists, made there (mode 0600) when not; named in .deid.toml.")
@exits_on_deid_error
def init_cmd(key_file) -> None:
    """Set this folder up to publish through deid: the team key first, then
    .deid.toml, a rules file that extends the default, and .gitattributes for
    the baseline; prints the pre-commit hook's and CI's snippets.

    \b
    Example:
        deid init --key-file ~/.config/deid/team.key
    """

    setup = init(Path("."), key_file)
    made = "made a new key" if setup.key_made else "using the key"
    console.result(f"deid init: {made} from {setup.key_source} (id {setup.key_id}); share it with the team as "
                   "the CI secret DEID_KEY and each member's key file, and compare `deid key id`")
    console.result(f"deid init: wrote {', '.join(setup.wrote) or 'nothing'}"
                   + (f"; kept {', '.join(setup.kept)} as they were" if setup.kept else ""))
    click.echo("# .pre-commit-config.yaml\n" + HOOK + "\n# a CI step\n" + CI, nl=False)


@cli.command("allow")
@click.argument("terms", nargs=-1, required=True)
@click.option("--type", "entity", metavar="TYPE", help="Allow the term for this type only (PERSON, LOCATION, ...).")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The rules file to add to (default: the project configuration's rules; made if missing).")
@exits_on_deid_error
def allow_cmd(terms, entity, rules_path) -> None:
    """Add TERMS to the project's rules, so deid never removes them: a false
    positive fixed for good (a drug, a clinic, a word taken for a name).

    \b
    Example:
        deid allow "Bridgeway Clinic" --type ORGANIZATION
    """

    if entity is not None and not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
        raise click.UsageError(f"--type {entity!r}: give an entity type in capitals, e.g. PERSON")
    c = _configured(rules=rules_path)
    path, added = allow_terms(c["rules"], list(terms), entity)
    what = f" for {entity}" if entity else ""
    console.result(f"deid allow: {len(added)} term(s) added to {path}{what}" if added
                   else f"deid allow: {path} allows them already")


def _ask(question: str) -> str:
    """A review's answer; the end of input (or Ctrl-C) is "q": the verdicts given so far are kept."""
    try:
        return click.prompt(question, default="s", show_default=False)
    except click.Abort:
        click.echo()
        return "q"


@cli.command("review")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The baseline (default: the project configuration's, else .deid-baseline.json).")
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Rules file, or a bundled profile: default, strict (default: default).")
@click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path))
@exits_on_deid_error
def review_cmd(paths, baseline_path, rules_path, key_file) -> None:
    """Walk the findings in PATHS that no one has reviewed: accept each as not
    identifying (a public figure quoted by name), mark it as identifying, or
    skip it. Verdicts go to the baseline with who gave them and why.

    \b
    Example:
        deid review posts/
    """
    tty = sys.stdout.isatty()
    c = _configured(rules=rules_path, baseline=baseline_path, key_file=key_file, exclude=())
    counts = run_review(
        list(paths), c["rules"], c["baseline"], c["key_file"],
        ask=_ask, say=click.echo,
        highlight=(lambda v: click.style(v, reverse=True)) if tty else (lambda v: f"[[{v}]]"),
        exclude=c["exclude"],
    )
    console.result(f"deid review: {counts.accepted} accepted, {counts.identifying} marked identifying, "
                   f"{counts.skipped} skipped")


cli.add_command(key_group)
cli.add_command(rules_group)
cli.add_command(audit_group)


def check_main(argv: list[str] | None = None) -> int:
    """The ``deid-check`` console script for pre-commit: ``deid check FILES``."""
    return main(["check", *(sys.argv[1:] if argv is None else argv)])


for _command in list(cli.commands.values()):
    _with_levels(_command)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="deid", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # a bug in deid: say where, never what (the message may quote a record)
        console.internal_error(exc, debug="--debug" in args)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
