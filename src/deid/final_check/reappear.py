"""A removed value written again: one rule for the run's final check and for ``deid verify``.

``deid verify`` holds no removed value, only keyed fingerprints of each (and of each word
of a removed name: "Szabo" put back alone), and looks for them among the word n-grams (1 to
``NGRAM`` words) of a published record, outside the spans deid wrote. A run that published
what verify then rejects would make its own gate useless, so the run's final check asks the
same question of each record before it is written, with the values themselves: the same
words, the same n-grams, the same forms (``keys.fingerprint_forms``: any case for a value
that is almost only ever a name, else as written, in title case or in capitals), the same
exception for a one-word value used as the everyday word it is ("Rose pollen"). Only the
test of a form differs: membership in a set here, a keyed fingerprint there.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Iterator

from deid.core.keys import fingerprint_forms
from deid.core.nameparts import without_possessive
from deid.core.spans import Taken
from deid.detect.mentions import any_case, used_as_word

NGRAM = 4
_WORD = re.compile(r"[^\W_][\w'\u2019\-.@]*[^\W_]|[^\W_]")

Runs = list[list[tuple[str, int, int]]]


def value_form(value: str) -> str:
    """The form of a removed value that is looked for (and fingerprinted in the ledger)."""
    return fingerprint_forms(value, any_case(" ".join(value.split())))


def gram_forms(gram: str) -> tuple[str, ...]:
    """The forms of a run of published words that a removed value's form may equal."""
    if gram[:1].isupper():
        return fingerprint_forms(gram, True), fingerprint_forms(gram, False)
    return (fingerprint_forms(gram, True),)


def unmarked_runs(text: str, marked: Iterable[tuple[int, int]]) -> Runs:
    """Runs of words with where each stands (a possessive and a final stop cut off),
    broken wherever deid wrote or decided on a span."""
    spans = Taken(marked)  # asked once a word: a long record's thousands of spans cost no more than its length
    runs: Runs = []
    run: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        if spans.overlaps(m.start(), m.end()):
            if run:
                runs.append(run)
            run = []
            continue
        word = _bare(m.group(0))
        run.append((word, m.start(), m.start() + len(word)))
    if run:
        runs.append(run)
    return runs


def reappearances(text: str, marked: Iterable[tuple[int, int]], removed: Callable[[str], bool],
                  starts: Callable[[str], bool] | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, n-gram) of each n-gram of ``text`` outside ``marked`` that ``removed``
    says is a removed value. ``starts(word)``, when the values are at hand: whether a
    removed value's form begins with the (case-folded) word, so that an n-gram starting
    with any other word is not asked at all (the same answers, a look-up a word)."""
    for run in unmarked_runs(text, marked):
        words = [w for w, _, _ in run]
        for i in range(len(run)):
            if starts is not None and not starts(_folded(words[i])):
                continue
            for size in range(1, min(NGRAM, len(run) - i) + 1):
                gram = " ".join(words[i:i + size])
                if removed(gram) and not (size == 1 and used_as_word(text, run[i][1], run[i][2])):  # "Rose pollen"
                    yield run[i][1], run[i + size - 1][2], gram


class Removed:
    """The removed values a record's output must not hold again, by their forms, with
    their types: ``known(gram)`` for ``reappearances``; ``also``: another set asked after
    this one (a record's own values, then the batch's, built once)."""

    def __init__(self, values: Iterable[tuple[str, str]], also: "Removed | None" = None):
        self.types: dict[str, str] = {}
        for value, entity in values:
            self.types.setdefault(value_form(value), entity)
        self.first_words = {form[2:].split(" ", 1)[0].casefold() for form in self.types}
        self.also = also

    def type_of(self, gram: str) -> str | None:
        found = next((self.types[f] for f in gram_forms(gram) if f in self.types), None)
        return found if found is not None or self.also is None else self.also.type_of(gram)

    def known(self, gram: str) -> bool:
        return self.type_of(gram) is not None

    def starts(self, word: str) -> bool:
        return word in self.first_words or (self.also is not None and self.also.starts(word))

    def empty(self) -> bool:
        return not self.types and (self.also is None or self.also.empty())

    def find(self, text: str, marked: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
        """(start, end, type) of each removed value ``text`` holds again outside ``marked``."""
        if self.empty() or not any(self.starts(_folded(_bare(w))) for w in _WORD.findall(text)):
            return  # no word of the text begins a removed value: most texts, at a look-up a word
        for start, end, gram in reappearances(text, marked, self.known, self.starts):
            yield start, end, self.type_of(gram) or "PERSON"


def _bare(word: str) -> str:
    """A word without a final stop and a possessive, as the n-grams hold it."""
    if word[-1] == ".":
        word = word.rstrip(".")
    if "'" in word or "\u2019" in word:
        word = without_possessive(word)
    return word


def _folded(word: str) -> str:
    if word.isascii():
        return word.casefold()
    return " ".join(unicodedata.normalize("NFKC", word).split()).casefold()
