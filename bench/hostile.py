"""Inputs too big or too hostile for one record, and how long deid takes on them.

    python bench/hostile.py                             # every kind at 50/100/200/400 KB
    python bench/hostile.py --kinds transcript,dashes --sizes 25,100 --timeout 300

Each kind is generated at each size (in KB) as one document (a ``.txt`` file,
a ``.csv`` of one row for ``columns``) and run through ``deid run --workers 1``
as its own process; the wall time, the CPU time and the peak RSS of the
process are printed, and the ratio of CPU time to the previous size's (linear
growth gives the ratio of the sizes, quadratic its square; CPU time, because
wall time on a shared machine says as much about the neighbours). Start-up
(the model, about 3 s of CPU) is in every figure. The generators are used by the tests too
(``tests/whole/test_limits.py``). Every name, town and number here is invented.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SPEAKERS = ("Interviewer", "Participant")
FIRST = "Odessa Barnaby Philippa Crispin Marguerite Evander Ysolde Fitzgerald Honora Lysander".split()
LAST = "Quenneville Arbuthnot Szczepanski Delacroix Mwangi Ostrowski Featherstone Baptiste".split()
TOWNS = ["Wexley Ford", "Marrowgate", "Lower Pellham", "Brindlecombe"]
LINES = [
    "So tell me about the first time you went to {town}.",
    "I was living with {first} back then, {first} {last}, my cousin, and we both took {drug} most days.",
    "How did {first} feel about the {drug}?",
    "Honestly {first} was the one who got me to see Dr. {last}, who put me on {dose}.",
    "The withdrawal lasted about nine days, mostly sweating and no sleep, and my back pain came back.",
    "Did anyone else from {town} know?",
    "Only {first}. {first} never told my mother, and I am grateful for that even now.",
    "I tapered down by a quarter every two weeks and kept a notebook of every dose.",
    "What would you tell someone starting out with {drug} today?",
    "Go slowly, write it down, and tell one person you trust, like I told {first}.",
]
DRUGS = ["kratom", "buprenorphine", "gabapentin", "methadone", "tramadol"]
DOSES = ["8 mg a day", "2 grams three times a day", "a quarter strip", "300 mg at night"]


def transcript(size: int, seed: int = 11) -> str:
    """A realistic interview of about ``size`` characters: speaker labels, a few
    invented people mentioned again and again, ordinary sentences."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    turn = 0
    while length < size:
        line = rng.choice(LINES).format(first=rng.choice(FIRST), last=rng.choice(LAST), town=rng.choice(TOWNS),
                                        drug=rng.choice(DRUGS), dose=rng.choice(DOSES))
        part = f"{SPEAKERS[turn % 2]}: {line}\n\n"
        turn += 1
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def long_word(size: int, seed: int = 11) -> str:
    """One word of letters, no space anywhere."""
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(size))


def dashes(size: int, seed: int = 11) -> str:
    """``1-1-1-...``: digits joined by hyphens (phone, id and date shapes everywhere)."""
    return ("1-" * (size // 2 + 1))[:size]


def full_name(size: int, seed: int = 11) -> str:
    """One invented full name written again and again."""
    unit = f"{FIRST[3]} {LAST[2]} "
    return (unit * (size // len(unit) + 1))[:size]


def dotted_url(size: int, seed: int = 11) -> str:
    """A web address whose host is dots and letters, on and on."""
    return ("http://" + "a." * size)[:size]


def columns(size: int, seed: int = 11) -> str:
    """A CSV of a header and one row with very many short columns (about ``size`` bytes)."""
    n = max(1, size // 12)
    header = ",".join(f"q{i}" for i in range(n))
    row = ",".join(str(i % 10) for i in range(n))
    return header + "\n" + row + "\n"


KINDS = {"transcript": transcript, "long_word": long_word, "dashes": dashes, "full_name": full_name,
         "dotted_url": dotted_url, "columns": columns}


def write(kind: str, size: int, folder: Path) -> Path:
    path = folder / f"{kind}-{size}.{'csv' if kind == 'columns' else 'txt'}"
    path.write_text(KINDS[kind](size), encoding="utf-8")
    return path


def main(argv=None) -> int:
    from run import measure

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--sizes", default="50,100,200,400", help="in KB (1,000 characters)")
    ap.add_argument("--timeout", type=float, default=0, help="passed to deid run as --record-seconds (0: its default)")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="deid-bench-hostile-"))
    deid = str(Path(sys.executable).with_name("deid"))
    print(f"{'kind':11} {'KB':>5} {'wall s':>8} {'CPU s':>8} {'x prev':>7} {'peak RSS MB':>12}  outcome", flush=True)
    for kind in args.kinds.split(","):
        previous = None
        for kb in map(int, args.sizes.split(",")):
            src = write(kind, kb * 1000, work)
            out = work / f"out-{kind}-{kb}"
            cmd = [deid, "run", str(src), "--out", str(out), "--workers", "1", "--key-file", str(_key(work))]
            if args.timeout:
                cmd += ["--record-seconds", str(args.timeout)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = measure(cmd)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            held = (out / "quarantine").exists() or any(out.parent.glob(f"{out.name}*quarantine*"))
            ratio = f"{cpu / previous:7.2f}" if previous else "      -"
            print(f"{kind:11} {kb:5d} {r['wall_s']:8.1f} {cpu:8.1f} {ratio} {r['peak_rss_mb']:12.0f}  "
                  f"{'held back' if held else 'published'}", flush=True)
            previous = cpu
            src.unlink()
    return 0


def _key(work: Path) -> Path:
    key = work / "key"
    if not key.exists():
        key.write_text("bench-hostile-0123456789abcdef0123456789abcdef\n")
        key.chmod(0o600)
    return key


if __name__ == "__main__":
    sys.exit(main())
