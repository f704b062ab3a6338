"""Word lists shipped with deid, loaded once per process.

- ``names.tsv``: first names (US SSA baby names) and surnames (US Census 1990),
  each with how it is used: ``n`` the lower-case form is almost only ever the
  name (emma), ``c`` it needs a capital to be a name (mason), ``w`` it is a
  common word too (will, may). Built by tools/build_lexicons.py.
- ``common_words.txt``: lower-case English words too common to be taken for a
  name on their own; ``vocabulary.txt``: a larger list of words and slang.
- the medical lexicon: drug names, generic and brand (107,000 variants), from
  the ``drug-named-entity-recognition`` package's bundled dictionary, plus the
  rules' own term lists.
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class NameInfo:
    first: bool
    surname: bool
    usage: str  # "n", "c" or "w"
    popular: bool = False
    sex: str = ""  # F, M or U for a first name


@lru_cache(maxsize=1)
def names() -> dict[str, NameInfo]:
    out: dict[str, NameInfo] = {}
    for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, usage, popular, sex = line.split("\t")
        out[name] = NameInfo("F" in kind, "S" in kind, usage, popular == "1", sex)
    return out


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    lines = (DATA / "common_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Lower-case words (slang included) frequent enough to be words: a
    lower-case word outside it may be a name, in text written in lower case."""
    lines = (DATA / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def drug_names() -> frozenset[str]:
    """Lower-case drug names from drug-named-entity-recognition's dictionary.

    Read straight from the package's data file, without importing the
    package (its import reads a cache in the home folder and pulls in an HTTP
    client that deid never needs).
    """
    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(list(spec.submodule_search_locations)[0]) / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(path, "rb") as fh:
        data = pickle.load(fh)  # the package's own bundled data, pinned by version
    return frozenset(k for k in data["drug_variant_to_canonical"] if isinstance(k, str) and len(k) > 2)


def is_drug_name(term: str) -> bool:
    """A drug name that is not, far more often, a person's name: "Suboxone"
    is a drug; "Kendrick" and "Allegra" (also brands) are taken for names,
    since a missed name costs more than a lost brand name."""
    if term not in drug_names():
        return False
    info = name_info(term)
    return info is None or info.usage != "n" or term in common_words()


def name_info(word: str) -> NameInfo | None:
    return names().get(word.lower())
