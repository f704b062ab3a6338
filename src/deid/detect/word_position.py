"""Whether a lower-case name that a dictionary lists as a word is the word where it stands.

Many given names are words too ("robin", "jade", "rocky", "wade", "clement"); a popular one
keeps its name class in the lexicon, so its position decides, read from the dictionary's
parts of speech (``lexicon.name_words``) and the words just before it:

- a noun after a determiner, a possessive or a quantifier, perhaps with one word between that
  names no person ("a robin", "the blue jay", "my jade plant"; not "my sister jade");
- a verb after a modal or an auxiliary ("couldn't brook", "can wade"), or after "to" that
  follows a verb of trying or needing ("trying to wade"; not "talked to wade");
- an adjective after a verb of being, feeling or seeming, or an adverb of degree ("was
  rocky", "felt clement", "so hale");
- a noun or an adjective right before a lower-case noun or adjective that it modifies, as its
  sentence's tags read it ("the rowan tree", "violet bruises", "glazed it jade green"; not
  "jade drove", "jade cooks dinner", where a verb follows).

Only lower-case words are asked about: a capitalised one is left to ``word_sense``, which
reads its sentence's tags.
"""

from __future__ import annotations

import re

from deid.core.lexicon import common_words, name_info, name_words, occupations, vocabulary
from deid.core.person_nouns import is_person_noun
from deid.detect.word_sense import sentence_tags

_DETERMINERS = frozenset(
    "a an the this that these those my your his her our their its some any no every each another "
    "one two three few several".split())
_MODALS = frozenset(
    "can could will would shall should must might may cannot can't couldn't won't wouldn't shouldn't "
    "mustn't cant couldnt wont wouldnt shouldnt don't didn't doesn't dont didnt doesnt i'd i'll".split())
_TRYING = frozenset(
    "try tried tries trying want wanted wants wanting need needed needs needing have has had having "
    "going gonna able unable used start started starting began begin learn learned learning hope hoped "
    "decided afford refuse refused".split())
_BEING = frozenset(
    "is was are were be been being am feel feels felt feeling seem seems seemed look looks looked get "
    "gets got getting stay stays stayed become became so very too pretty really quite more less most".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")


def _words_before(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` words right before ``start`` in the same clause, nearest last, in lower
    case; none across punctuation."""
    window = text[max(0, start - 40):start]
    cut = max(window.rfind(c) for c in ",;:.!?()[]\n\"")
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(window[cut + 1:])][-n:]


def _no_name(word: str) -> bool:
    info = name_info(word)
    return info is None or info.usage == "w"  # "blue" of "the blue jay" is a surname too


def said_as_word(text: str, start: int, end: int) -> bool:
    """Whether the lower-case word ``text[start:end]`` is a dictionary word where it stands,
    not a person (see the module)."""
    word = text[start:end]
    if not word.islower():
        return False
    parts = name_words().get(word) or (frozenset({"noun"}) if word in occupations() else None)
    if not parts:
        return False  # "a cooper": a trade, though no dictionary lists the name as a word
    before = _words_before(text, start, 3)
    last = before[-1] if before else ""
    if "noun" in parts and (last in _DETERMINERS or (
            len(before) >= 2 and before[-2] in _DETERMINERS and not is_person_noun(last) and _no_name(last))):
        return True
    if "noun" in parts and (_of_a_thing(before) or _listed_with_things(text, start, end)):
        return True
    if "verb" in parts and (last in _MODALS or (last == "to" and len(before) >= 2 and before[-2] in _TRYING)):
        return True
    if "adj" in parts and last in _BEING:
        return True
    return ("noun" in parts or "adj" in parts) and _modifies_next(text, start, end)


def listed_as_word(text: str, start: int, end: int) -> bool:
    """Whether the lower-case word ``text[start:end]``, a noun a dictionary lists, is an item of
    a list of things (``_listed_with_things``): asked of the model's guesses too."""
    word = text[start:end]
    return word.islower() and "noun" in name_words().get(word, ()) and _listed_with_things(text, start, end)


def _of_a_thing(before: list[str]) -> bool:
    """"a sprig of X", "the smell of X": the thing after a determiner, a noun and "of" (not "a
    friend of X", a person noun)."""
    return len(before) >= 3 and before[-1] == "of" and before[-3] in _DETERMINERS \
        and not is_person_noun(before[-2]) and _no_name(before[-2])


_ITEM_BEFORE = re.compile(r"([a-z]+)[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?$")
_HEAD_OF_ITEM = re.compile(r",[ \t]*((?:[a-z]+[ \t]+){1,3})$")
_REST_OF_ITEM = re.compile(r"(?:[ \t]+[a-z]+){1,3}(?=[ \t]*,)")
_ITEM_AFTER = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?(?:(?:a|an|the|some|my)[ \t]+)?([a-z]+)")


def _listed_with_things(text: str, start: int, end: int) -> bool:
    """Whether the word is an item of a list whose items near it (two on each side) are
    everyday words in lower case, no name and no person ("robin, kettle, frost"; "wren, jay,
    coffee", where another name-word is neither; not "nell, jay and bo", "my kids, robin and
    fern")."""
    items, at, joined = [], start, False
    for _ in range(2):
        m = _ITEM_BEFORE.search(text, max(0, at - 30), at)
        if m is None:
            break
        items.append(m.group(1))
        joined = joined or at == start and m.group(0).rstrip().endswith(("and", "or"))  # ", and fern": a list's end
        at = m.start(1)
        head = _HEAD_OF_ITEM.search(text, max(0, at - 40), at)  # "..., a little clover lawn, X": back to its comma
        at = head.start(1) if head else at
    at = end
    for _ in range(2):
        m = _ITEM_AFTER.match(text, at)
        if m is None:
            break
        at = m.end(1)
        rest = _REST_OF_ITEM.match(text, at)  # "a little clover lawn": the item goes on to its comma, its head last
        items.append(rest.group(0).split()[-1] if rest else m.group(1))
        at = rest.end() if rest else at
    kinds = [_item_kind(w) for w in items]  # (one comma alone is no list: "Jesus christ, everything")
    return (len(items) >= 2 or joined) and "thing" in kinds and "someone" not in kinds


def _item_kind(word: str) -> str:
    if _a_thing(word):
        return "thing"
    if "noun" in name_words().get(word, ()) and not is_person_noun(word):
        return "either"  # "jay" beside "wren": a name-word says nothing either way
    return "someone"


def _a_thing(word: str) -> bool:
    one = word[:-1] if word.endswith("s") else word  # "kids", "nurses"
    info = name_info(word)  # in lower case a name only when it is almost never anything else ("nell")
    if is_person_noun(word) or is_person_noun(one):
        return False
    if info is None:
        return word in vocabulary() or word in common_words()
    # a name too: a thing when the vocabulary (which holds no first name) has it and it is no name
    # almost only, or when mostly the word and no popular first name ("kettle", "rain"; not "mark", "nell")
    return (word in vocabulary() and info.usage != "n") \
        or (word in common_words() and info.usage == "w" and not (info.first and info.popular))


_NEXT = re.compile(r"[ \t]+([a-z]+)\b")
_MODIFIED = frozenset({"NN", "NNS", "JJ"})


def _modifies_next(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands before a lower-case noun or adjective that its
    sentence's tags read as such ("rowan tree"), itself not tagged a proper noun or a verb."""
    nxt = _NEXT.match(text, end)
    if nxt is None or nxt.group(1) in _DETERMINERS or is_person_noun(nxt.group(1)):
        return False
    offset, tags = sentence_tags(text, start, end)
    at = {a + offset: tag for a, _, tag, _ in tags}
    return at.get(start, "NNP") in ("NN", "JJ") and at.get(nxt.start(1)) in _MODIFIED
