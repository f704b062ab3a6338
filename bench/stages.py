"""Where deid's time goes, stage by stage, in one process on one corpus.

    python bench/stages.py --records 300

Times, for the same records: the spaCy NER pass alone (what run.py calls
the floor), detection as deid runs it (NER + recognizers + Presidio's
context step), each of Presidio's and deid's recognizers on its own (each
running only the expressions the prefilter leaves it), decide
(the first record pays for loading the drug-name list), and pass 2 split into
the residual scan and the rest (stand-ins, transform). Each stage's CPU time (the process's)
beside its wall time: on a machine shared with other jobs, the CPU time moves less.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402


@dataclass
class Timing:
    records: int
    characters: int
    times: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    per: Counter = field(default_factory=Counter)
    per_cpu: Counter = field(default_factory=Counter)
    outcomes: list = field(default_factory=list)


def measure(records: int, chars: int, seed: int) -> Timing:
    from deid.core.keys import Key
    from deid.core.lexicon import drug_names
    from deid.policy.rules import load_rules
    from deid.read.formats.jsontree import make_record
    from deid.run.process import Finisher, Planner, observe
    from deid.transform.surrogates import Surrogates

    rules = load_rules()
    key = Key(b"bench-key-0123456789abcdef012345", "bench")
    batch = [make_record(row, "c.jsonl", i, i + 1, json.dumps(row), rules)
             for i, row in enumerate(generate(records, chars, seed))]
    texts = [f.text for r in batch for f in r.fields if f.column is None]
    t = Timing(records, sum(map(len, texts)))

    def timed(name, fn):
        start, used = time.perf_counter(), time.process_time()
        out = fn()
        t.times[name], t.cpu[name] = time.perf_counter() - start, time.process_time() - used
        return out

    planner = timed("load the model and recognizers", lambda: Planner(rules))
    # built in a background thread while a run starts; waited for here so that every record is timed alike
    timed("build the prefilter (background thread)", lambda: planner.detector.scanner.prefilter.ready())
    timed("load the drug-name list (once)", drug_names)
    d = planner.detector
    nlp = d.nlp_engine.nlp[rules.language]
    timed("spaCy NER alone (nlp.pipe)", lambda: list(nlp.pipe(texts, batch_size=64)))
    found = timed("detection (NER + recognizers + context)", lambda: d.detect_many(batch))
    for text in texts:
        with d.scanner.prefilter.looking_at(text) as looking:  # only the expressions that can match, as detection runs them
            for rec in d.scanner.everything:
                if looking.rules_out(rec):  # not asked at all (``prefilter.only_patterns``)
                    continue
                start, used = time.perf_counter(), time.process_time()
                rec.analyze(text, rec.supported_entities)
                t.per[rec.name] += time.perf_counter() - start
                t.per_cpu[rec.name] += time.process_time() - used
    t.times["  of which the recognizers besides NER"] = sum(t.per.values())
    t.cpu["  of which the recognizers besides NER"] = sum(t.per_cpu.values())
    plans = timed("decide", lambda: [planner._decide(r, f) for r, f in zip(batch, found)])
    surrogates = Surrogates(key)
    for p in plans:
        observe(p, surrogates)
    stand_ins = timed("freeze the batch's stand-ins", surrogates.freeze)
    finisher = Finisher(rules, key, d.scanner, stand_ins)
    t.outcomes = timed("pass 2 (stand-ins, transform, residual scan)", lambda: [finisher.finish(p) for p in plans])
    changed = [(path, text) for p, o in zip(plans, t.outcomes) for path, text in o.texts.items()
               if text and text != {f.path: f.text for f in p.record.fields}[path]]
    timed("  of which the residual scan (changed texts)", lambda: [d.scanner.scan(path, text) for path, text in changed])
    return t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=300)
    ap.add_argument("--chars", type=int, default=800)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    t = measure(args.records, args.chars, args.seed)
    held = sum(1 for o in t.outcomes if o.held_back)
    if held:
        print(f"stages.py: {held} of {t.records} records were held back in pass 2; its times are not the tool's",
              file=sys.stderr)
        return 1

    print(f"{t.records} records, {t.characters} characters of free text\n")
    print(f"{'':48} {'wall':>9} {'ms/record':>11} {'CPU ms/record':>14}")
    for name, seconds in t.times.items():
        print(f"{name:48} {seconds:7.2f} s {1000 * seconds / t.records:11.1f} {1000 * t.cpu[name] / t.records:14.1f}")
    print("\nrecognizers, most costly first (ms/record, wall and CPU):")
    for name, seconds in t.per.most_common(10):
        print(f"  {name:46} {1000 * seconds / t.records:7.2f} {1000 * t.per_cpu[name] / t.records:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
