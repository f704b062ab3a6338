"""Build deid's list of names that are dictionary words (run by hand, not at run time).

A name of ``names.tsv`` whose lower-case form an English dictionary lists as a noun, verb,
adjective or adverb ("spry", "sharper", "bramble", "aspen") is a word as often as a name:
the word-frequency test of ``tools/build_lexicons.py`` misses many of them, since a rare
word is as rare in lower case as the surname is with a capital. The dictionary is the
lemma and inflection tables of ``lemminflect`` (MIT; built from the Automatically Generated
Inflection Database, AGID, and the SPECIALIST Lexicon), read at build time from the
package's own data files; only their lower-case entries count (its capitalised entries are
proper nouns).

    /tmp/lexvenv/bin/python tools/build_name_words.py   # the venv of tools/requirements-build.txt

Writes src/deid/data/name_words.txt: a name, a tab, its parts of speech.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "deid" / "data"
PARTS = {"noun", "verb", "adj", "adv"}  # not "aux" ("will", "may": the lexicon knows those) or "pron"


def dictionary() -> dict[str, set[str]]:
    """Lower-case words of lemminflect's tables, lemmas and inflected forms, with their parts of speech."""
    import lemminflect

    resources = Path(lemminflect.__file__).parent / "resources"
    words: dict[str, set[str]] = defaultdict(set)
    with gzip.open(resources / "lemma_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            word, part, *_ = line.rstrip("\n").split(",")
            if part in PARTS and word.isalpha() and word.islower():
                words[word].add(part)
    with gzip.open(resources / "infl_lu.csv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            lemma, part, *forms = line.rstrip("\n").split(",")
            if part not in PARTS:
                continue
            for word in [lemma, *(f for group in forms for f in group.split("/"))]:
                if word.isalpha() and word.islower():
                    words[word].add(part)
    return words


def main() -> None:
    words = dictionary()
    names = [line.split("\t", 1)[0] for line in (OUT / "names.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rows = [f"{name}\t{','.join(sorted(words[name]))}" for name in sorted(names) if name in words]
    (OUT / "name_words.txt").write_text(
        "# names of names.tsv that are English dictionary words, with their parts of speech"
        " (lemminflect 0.2.3, MIT); see tools/build_name_words.py\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} of {len(names)} names are dictionary words -> {OUT / 'name_words.txt'}")


if __name__ == "__main__":
    main()
