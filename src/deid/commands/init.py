"""``deid init``: set a project up to publish through deid, in the folder it is run in.

In order: the team key first (every stand-in, fingerprint and seal depends on it), so a
project is never configured around a key that is not there: ``DEID_KEY`` when set, else
the key file given (made there, mode 0600, when it does not exist yet), else the key in the
user's config folder (made on first use). Then ``.deid.toml`` (the rules file, the baseline
and, when one was given, the key file: never the key), a rules file that extends the
default (made when missing, ready for ``deid allow``), and ``.gitattributes``'s
``merge=union`` for the baseline, so two people's verdicts merge. Nothing that exists is
written over. What it returns is said to the user, with the hook's and CI's snippets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from deid.core.errors import UsageError
from deid.core.keys import ENV, load_key, new_key

CONFIG, RULES, BASELINE = ".deid.toml", "deid-rules.yaml", ".deid-baseline.json"
UNION = f"{BASELINE} merge=union"

HOOK = """repos:
  - repo: ADDRESS-OF-YOUR-COPY-OF-DEID        # the git address where your copy of deid lives
    rev: v0.1.0                                # a tag or commit
    hooks:
      - id: deid-check
"""
CI = """export DEID_KEY="$DEID_KEY_SECRET"              # the team key, as a CI secret
deid check . --format sarif > deid.sarif        # the posts and exports as they are
deid verify public/                             # a folder deid run published
"""


@dataclass
class Setup:
    key_id: str
    key_source: str
    key_made: bool
    wrote: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def init(folder: Path, key_file: Path | None = None) -> Setup:
    """Sets ``folder`` up (see above)."""
    config = folder / CONFIG
    if config.exists():
        raise UsageError(f"{config}: already exists; deid init writes over nothing (edit it, or remove it first)")
    if key_file is not None and not os.environ.get(ENV):
        made = not key_file.exists()
        key = new_key(key_file) if made else load_key(key_file)
    else:
        key = load_key(None)
        made = key.created
    setup = Setup(key.id, key.source, made)
    lines = ["# deid's project settings (README: Configuration). A command-line option wins over them.",
             f'rules = "{RULES}"', f'baseline = "{BASELINE}"']
    if key_file is not None:
        shown = os.path.relpath(key_file.resolve(), folder.resolve()) if key_file.is_absolute() else str(key_file)
        lines.append(f'key_file = "{shown}"   # DEID_KEY wins over it (CI)')
    lines.append('# exclude = ["_data", "*.html"]   # files deid check has no reader for, left out by name')
    _write(config, "\n".join(lines) + "\n", setup)
    rules = folder / RULES
    if rules.exists():
        setup.kept.append(RULES)
    else:
        _write(rules, "# This project's rules: only what it changes of deid's default (docs/rules.md).\n"
                      "extends: default\nallow: []\n", setup)
    attributes = folder / ".gitattributes"
    present = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if UNION in present.splitlines():
        setup.kept.append(".gitattributes")
    else:
        with open(attributes, "a", encoding="utf-8") as fh:
            fh.write(("" if not present or present.endswith("\n") else "\n") + UNION + "\n")
        setup.wrote.append(".gitattributes")
    return setup


def _write(path: Path, text: str, setup: Setup) -> None:
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(text)
    setup.wrote.append(path.name)
