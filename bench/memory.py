"""Does memory stay flat as the batch grows? Peak RSS of ``deid run`` over
generated batches of growing size, JSONL and CSV, in one run.

    python bench/memory.py                          # 1,000 / 10,000 / 40,000 records
    python bench/memory.py --sizes 1000,500000 --formats csv --chars 120

Peak RSS is the largest sum over the deid process and its worker processes
(see run.py). The journal of plans between the two passes is on disk
(``OUT.deid-work`` beside the output), not in memory; its size is printed too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, write  # noqa: E402
from run import measure  # noqa: E402


def write_batch(path: Path, fmt: str, records: int, chars: int, seed: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        write(fh, generate(records, chars, seed), fmt)


def largest_scratch(stop: threading.Event, found: list[int], work: Path) -> None:
    """The biggest journal (plans between the passes, beside --out) seen while running."""
    while not stop.wait(0.5):
        for folder in work.glob("*.deid-work"):
            try:
                found[0] = max(found[0], sum(p.stat().st_size for p in folder.iterdir()))
            except OSError:
                pass


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,40000")
    ap.add_argument("--formats", default="jsonl,csv")
    ap.add_argument("--chars", type=int, default=200)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="deid-bench-mem-"))
    deid = str(Path(sys.executable).with_name("deid"))
    print(f"{'format':6} {'records':>9} {'input MB':>9} {'wall s':>8} {'docs/s':>7} {'peak RSS MB':>12} {'journal MB':>11}")
    for fmt in args.formats.split(","):
        for size in map(int, args.sizes.split(",")):
            src = work / f"batch-{size}.{fmt}"
            write_batch(src, fmt, size, args.chars, args.seed)
            stop, scratch = threading.Event(), [0]
            watcher = threading.Thread(target=largest_scratch, args=(stop, scratch, work), daemon=True)
            watcher.start()
            r = measure([deid, "run", str(src), "--out", str(work / f"out-{fmt}-{size}"), "--workers", str(args.workers)])
            stop.set()
            print(f"{fmt:6} {size:9d} {src.stat().st_size / 2**20:9.1f} {r['wall_s']:8.1f} {size / r['wall_s']:7.1f} "
                  f"{r['peak_rss_mb']:12.0f} {scratch[0] / 2**20:11.1f}", flush=True)
            src.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
