"""Show that a change alters no byte of what deid publishes: run deid on
samples/ with the code of a base commit and with the working tree, same key
and rules, and compare every output file and the ledger byte for byte.

    .venv/bin/python tools/same_output.py BASE_COMMIT      # exit 0: identical

For a restructure (no behaviour change). The base commit's code is checked out
in a temporary git worktree and run with this checkout's environment.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = "5d0e3a8c91f47b26e0c93a5d7f18b24c6e9a03d5b7c1f28e4a6d90b3c5e7f1a2"


def publish(src: Path, out: Path) -> None:
    env = {**os.environ, "DEID_KEY": KEY, "PYTHONPATH": str(src / "src"), "DEID_WORKERS": "1"}
    subprocess.run([sys.executable, "-m", "deid", "run", str(ROOT / "samples"), "--out", str(out)],
                   check=True, env=env, capture_output=True)


def differences(a: Path, b: Path) -> list[str]:
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    out = [f"only in one run: {f}" for f in sorted(set(files_a) ^ set(files_b))]
    out += [f"differs: {f}" for f in sorted(set(files_a) & set(files_b)) if not filecmp.cmp(a / f, b / f, shallow=False)]
    return out


def main(base: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), base], check=True)
        try:
            publish(tree, Path(tmp) / "before")
            publish(ROOT, Path(tmp) / "after")
            diff = differences(Path(tmp) / "before", Path(tmp) / "after")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)
    for line in diff:
        print(line)
    print(f"samples/ published by {base} and by the working tree: " + ("identical" if not diff else "NOT identical"))
    return 1 if diff else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
