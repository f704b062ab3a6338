"""Words as the name finder sees them: each a ``Token`` with its case, where it stands
(opening a sentence, an initial) and what the lexicons say of it (a name, a common word);
words inside an email, URL, handle or file name are left out."""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.lexicon import common_words, english_suffix, i_run_together, medical_words, misspelt, name_info

_TOKEN = re.compile(r"[A-Z]\.|[^\W\d_](?:[\w\-]*[^\W_])?(?:['\u2019][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"\u201c\u201d(\[>#*|\-\u2014\u2013]|^)\s*$")
_ENDS = frozenset(".!?:;\"\u201c\u201d([>#*|-\u2014\u2013")  # the marks of ``_SENTENCE_END``
_POSSESSIVE = ("'s", "'S", "\u2019s", "\u2019S")  # what ``word[-2:].lower()`` reads as one
_CONTRACTION = re.compile(r"['\u2019](?:m|re|ve|ll|d|t|s|mon)$")  # I'm, you're, don't, it's, c'mon


def _plural_of_common(low: str) -> bool:
    """"Pleasures", "Gadgets": the plural of a common word is a common word."""
    words = common_words()
    return low.endswith("s") and (low[:-1] in words or (low.endswith("es") and low[:-2] in words) or
                                  (low.endswith("ies") and low[:-3] + "y" in words))


@lru_cache(maxsize=65536)
def _word_facts(word: str) -> tuple:
    """What a word is, wherever it stands: (lower case, name info, common?)."""
    low = word.lower()
    if any(c.isdigit() for c in low):  # "Ed25519", "B12": no name has digits
        return low, None, True
    if i_run_together(word):  # "I'ld", "I'am", "Ihave", "Iam"
        return low, None, True
    info = name_info(low.replace("\u2019", "'"))
    if "-" in low.strip("-") and info is None:  # "Long-term", "T-cells", "Anti-depressants"
        parts = [p for p in low.split("-") if p]
        if all(len(p) == 1 or p in common_words() or p in medical_words() for p in parts):
            return low, info, True
    common = low in common_words() or low in medical_words() or _CONTRACTION.search(low) is not None \
        or (info is None and _plural_of_common(low)) \
        or (info is None and english_suffix(low)) \
        or (info is None and misspelt(word) and (len(word) >= 7 or not word[:1].isupper()))
    return low, info, common


class Token:
    __slots__ = ("start", "end", "word", "low", "initial", "title", "upper", "lower", "info", "common", "opens")

    def __init__(self, m: re.Match[str], text: str):
        self._read(m.group(0), m.start(), m.end(), text)

    def _read(self, word: str, start: int, after: int, text: str) -> None:
        """``word`` (a match of ``_TOKEN`` from ``start`` to ``after``) as a token."""
        if word[-2:] in _POSSESSIVE:
            word = word[:-2]
        self.start, self.end, self.word = start, start + len(word), word
        self.low, self.info, self.common = facts = _word_facts(word)
        low = facts[0]
        n = len(word)
        if n == 2:
            self.initial = word[1] == "." or (word.isupper() and text[after:after + 1] == " " and text[after + 1:after + 2].isupper()
                                              and low not in common_words())  # "DJ Khaled", "AJ Styles"
            self.upper = False
        else:
            self.initial = n == 1 and word.isupper() and word not in "AI"
            self.upper = n > 2 and word.isupper()  # "OH", "NA" are abbreviations; an initial has one or two characters
        self.title = word[:1].isupper() and not self.initial and not word.isupper()
        self.lower = word.islower()
        # what ``_SENTENCE_END`` finds in the three characters before: nothing but spaces, or one of its marks after them
        if start == 0:
            self.opens = True
        else:
            before = text[start - 3 if start > 3 else 0:start].rstrip()
            self.opens = not before or before[-1] in _ENDS

    @property
    def capital(self) -> bool:
        return self.title or self.upper

    def usage(self) -> str | None:
        return self.info.usage if self.info else None


_ADDRESS_CHARS = "@./\\_=:#"


def _in_address(text: str, m: re.Match[str]) -> bool:
    """Words inside an email, URL, handle or file name are left to the
    recognizers for those (they cover the whole address)."""
    before = text[m.start() - 1:m.start()] if m.start() else ""
    after = text[m.end():m.end() + 2]
    return (before != "" and before in _ADDRESS_CHARS + "-") or (after[:1] != "" and after[:1] in "@/\\_=") \
        or (after[:1] == "." and after[1:2].isalnum())


def words(text: str) -> list[Token]:
    """The words of ``text`` that may be names, in order."""
    out = []
    new, read, address, ends = Token.__new__, Token._read, _ADDRESS_CHARS + "-", "@/\\_="
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        # ``_in_address``, spelt out here: the name finder reads every word of every text
        if start and text[start - 1] in address:
            continue
        after = text[end:end + 1]
        if after and (after in ends or (after == "." and text[end + 1:end + 2].isalnum())):
            continue
        token = new(Token)
        read(token, m.group(0), start, end, text)
        out.append(token)
    return out


def adjacent(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    return gap in (" ", "\t") or gap == "" and a.initial
