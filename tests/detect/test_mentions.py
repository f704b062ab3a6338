"""How a removed value is looked for again (``mentions``): in any case for names, as
written for ordinary words; the indexed batch mentions find what one big alternation
finds, at a cost that does not grow with the batch."""

from __future__ import annotations

import random
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deid.core.model import Finding
from deid.detect.evidence import CONTEXT, MODEL
from deid.detect.mentions import MentionIndex, _alternation, any_case, looked_for_again, mention, used_as_word


@pytest.mark.parametrize(
    "value, text, found",
    [
        ("Loretta", "loretta and LORETTA and Loretta's", ["loretta", "LORETTA", "Loretta"]),
        ("Rose", "my pain rose; Rose came; ROSE", ["Rose", "ROSE"]),
        ("Will", "I will go; Will went", ["Will"]),
        ("Loretta Szabo", "LORETTA  SZABO wrote", ["LORETTA  SZABO"]),
        ("Exversion", "exversion and Exversion", ["Exversion"]),
        # a number is not found inside a decimal: an age of 97, an A1c of 6.97, a score of 97.5
        ("97", "she is 97. her A1c was 6.97, her score 97.5, at 97, ok", ["97", "97"]),
    ],
)
def test_mentions(value, text, found):
    assert [m.group(0) for m in mention(value).finditer(text)] == found


def test_any_case():
    assert any_case("Szabo") and any_case("Ann Lee") and not any_case("Rose") and not any_case("Orchestra")
    # a value of ordinary words learned from a heading or a list is not a name in lower-case prose
    assert not any_case("Muscle Pain") and not any_case("Lakeside Recovery Center") and not any_case("Grace Hill")


def test_the_batch_index_keeps_the_case_a_value_was_learned_in():
    index = MentionIndex({"Lakeside Recovery Center": "ORGANIZATION", "Loretta Szabo": "PERSON", "Mason": "PERSON"})
    text = "lakeside recovery center, LAKESIDE RECOVERY CENTER, loretta szabo, a mason, Mason"
    assert [text[a:b] for a, b, _ in sorted(index.find(text))] == [
        "LAKESIDE RECOVERY CENTER", "loretta szabo", "Mason"]


def test_the_batch_index_leaves_a_name_word_where_its_position_makes_it_the_word():
    # "Hale" is almost only ever a name, so it is looked for in any case; "felt hale" is the word
    index = MentionIndex({"Hale": "PERSON"})
    text = "Dr. Hale said I would feel hale by spring; hale called back"
    assert [text[a:b] for a, b, _ in sorted(index.find(text))] == ["Hale", "hale"]


def test_the_batch_index_finds_no_number_inside_a_longer_one():
    index = MentionIndex({"97": "AGE"})
    text = "she is 97. her A1c was 6.97, her score 97.5, at 97, ok"
    assert [(a, b) for a, b, _ in sorted(index.find(text))] == [(7, 9), (48, 50)]


WORDS = ["Loretta", "Szabo", "loretta", "Mason", "mason", "Will", "will", "Rose", "Mary-Jane", "O'Brien", "Ann",
         "Anna", "Port Alder", "port", "alder", "Dr", "Cedar Falls", "cedar", "SZABO", "@Will", "Loretta's"]


def _one_alternation(index: MentionIndex, text: str):
    """The former implementation: one regular expression of every value (an exact
    value's mention used as the word, "Rose pollen", is no mention in either)."""
    out = []
    loose, exact = _alternation(index.loose, re.IGNORECASE), _alternation(index.exact, 0)
    if loose:
        out += [(m.start(), m.end(), index.loose[" ".join(m.group(0).split()).casefold()]) for m in loose.finditer(text)]
    if exact:
        out += [(m.start(), m.end(), index.exact[" ".join(m.group(0).split())]) for m in exact.finditer(text)
                if not used_as_word(text, m.start(), m.end(), index.exact[" ".join(m.group(0).split())])]
    return out


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join),
                       st.sampled_from(["PERSON", "LOCATION"]), max_size=6),
       st.lists(st.sampled_from(WORDS + [",", ".", "x", "  ", "\n", "-"]), max_size=30).map(" ".join))
def test_indexed_mentions_match_one_big_alternation(values, text):
    index = MentionIndex(values)
    assert index.find(text) == _one_alternation(index, text)


@pytest.mark.parametrize("values, text", [
    ({"Mason": "PERSON", "@Will Mason": "PERSON"}, "@Will Mason"),   # found by hypothesis
    ({"Mason @Will": "PERSON", "@Will": "PERSON"}, "Mason @Will and @Will"),
])
def test_a_mention_inside_a_longer_one_is_not_found_twice(values, text):
    index = MentionIndex(values)
    assert index.find(text) == _one_alternation(index, text)
    spans = sorted((a, b) for a, b, _ in index.find(text))
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_mentions_cost_does_not_grow_with_the_batch():
    rng = random.Random(5)
    many = {f"{rng.choice('BCDFGHJKLMNPRSTVZ')}{''.join(rng.choice('aeiou') + rng.choice('lmnrst') for _ in range(3))} Zq{i}": "PERSON"
            for i in range(50_000)}
    index = MentionIndex({**many, "Loretta Szabo": "PERSON"})
    text = "My friend Loretta Szabo and I went to group. " * 40
    start = time.perf_counter()
    for _ in range(20):
        found = index.find(text)
    assert len(found) == 40
    assert time.perf_counter() - start < 2.0  # one regex of 50,000 names took minutes


@pytest.mark.parametrize("text, value, word", [
    ("we planted the rose bushes", "rose", True),
    ("the cravings hit at dawn", "dawn", True),
    ("this autumn I hiked again", "autumn", True),
    ("she got misty-eyed", "misty", True),
    ("thank you dawn for the rides", "dawn", False),     # no determiner: a person addressed
    ("my wife dawn drove", "dawn", False),
    ("at Dawn's place", "Dawn", False),                  # written with a capital: a name
    ("the jorvik said", "jorvik", False),                # no everyday word
    # a name that a dictionary lists as a word, where its position makes it one
    ("the rest of the week felt rocky again", "rocky", True),
    ("i tried to wade back into work too soon", "wade", True),
    ("my cousin rocky drove", "rocky", False),
    # a name found elsewhere in the record, where it names a disease: medicine
    ("I developed a Baker's cyst behind my knee", "Baker", True),
    ("my dad has Lou Gehrig's disease now", "Lou", True),
    ("Karen's cancer came back", "Karen", False),         # a person's illness
    ("the MRI showed an Arnold-Chiari malformation after all", "Arnold", True),   # the eponym joined by a hyphen
    ("the cardiologist said Lown-Ganong-Levine syndrome, not anxiety", "Lown", True),
    ("Dandy-Lee drove me to the scan", "Dandy", False),   # a double name: no disease's word after it
    ("Every April the flares get worse", "April", True),   # a month after "every"
    # a name found elsewhere, where a drug list holds the word and a medicine's slot holds it here
    ("Our nurse laughed when I said I take Allegra every morning for hay fever.", "Allegra", True),
    ("My doctor switched me to Camila twice a day after the clots.", "Camila", True),
    ("I took Allegra to the clinic every morning.", "Allegra", False),   # a person moved
    ("I take Karen every morning to work.", "Karen", False),              # no drug list holds it
    ("does anyone know if heather (the mini pill) interacts with it", "heather", True),   # said to be one
])
def test_a_lower_case_mention_used_as_the_everyday_word(text, value, word):
    from deid.detect.mentions import used_as_word
    start = text.index(value)
    assert used_as_word(text, start, start + len(value)) is word


def test_the_batch_index_takes_a_word_name_in_lower_case_nowhere():
    # a name that is an everyday word, found once in lower case, is not the word in the next record
    index = MentionIndex({"amber": "PERSON"})
    text = "Amber called, then I found the amber beads"
    assert [(a, b) for a, b, _ in index.find(text)] == [(0, 5)]


@pytest.mark.parametrize("value, text, found", [
    ("sunny", "sunny said stay; it was sunny out; Sunny", ["sunny", "Sunny"]),   # lower case only as a subject
    ("dawn", "dawn and i went at dawn", ["dawn"]),
    ("tavish", "tavish came, TAVISH", ["tavish", "TAVISH"]),                    # no everyday word: as written
])
def test_a_lower_case_word_name_is_mentioned_again_only_as_a_subject(value, text, found):
    assert [m.group(0) for m in mention(value).finditer(text)] == found


@pytest.mark.parametrize("value, again", [("Dr", False), ("Dr.", False), ("Sgt", False), ("Deacon", True), ("Ostrowe", True)])
def test_a_short_title_alone_is_never_looked_for_again(value, again):
    # taken for a name once, "Dr" must not go from every "Dr." of the record or the batch
    for strength in (CONTEXT, MODEL):
        assert looked_for_again(Finding("f", "PERSON", 0, len(value), 0.8, "r", strength), value) is again


@pytest.mark.parametrize("entity, value, again", [
    ("IDENTIFIER", "Yes", False), ("IDENTIFIER", "no", False), ("IDENTIFIER", "Not at all", False),
    ("IDENTIFIER", "KRV-0318", True), ("IDENTIFIER", "Fenwick Trust", True),
    ("DATE_TIME", "Weekly", False),
    ("PERSON", "Will Tanner", True), ("PERSON", "Hope", True),           # a name column's value is a name
    ("EMAIL_ADDRESS", "wt@example.org", True), ("LOCATION", "Hope", True),
])
def test_a_dropped_columns_everyday_words_are_no_identifier_in_the_text(entity, value, again):
    """A column rule's value is looked for again in the record's text only when its type says
    it names someone or somewhere, or its words are no everyday words: a dropped "Yes" of a
    contact question leaves the story's "Yes, I was scared" alone (issue 30)."""
    f = Finding("col", entity, 0, len(value), 1.0, "column_rule", "certain")
    assert looked_for_again(f, value) is again
