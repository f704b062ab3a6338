"""The tokenizer learns its cache outside a memory zone (``NerOnlySpacyEngine.learn``): inside one,
spaCy caches nothing. A word read from the cache must split into the tokens, with the
same lexical attributes, and the model find the same entities, as a word split afresh."""

from __future__ import annotations

import json

import pytest
import spacy

from deid.detect.spacy_engine import NOT_FOR_NER, without_unheard_embeddings
from tests.conftest import ROOT

_TEXTS = [
    "Ysolde O'Hara-Pim (34F) moved to Tromso in 2019; call 617-555-0143 or ysolde@example.org.",
    "i started tramadol 50mg after surgery... dr. brannock said it'd help!!",
    "U.S.A. vs. U.K.: 10mg/day, 2x daily -- Benedek's sister, Quorra, didn't care.",
    "Hi Tamsin,\n\nThanks :-) \u2014 \u00e9t\u00e9 \u00e0 Qu\u00e9bec, #StayStrong @wren_m https://quillfen.example.io/a?b=1",
    "",
    "   ",
]


def _fixture_texts() -> list[str]:
    path = ROOT / "tests" / "fixtures" / "testimonials.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _read(nlp, texts):
    """Each text's tokens and lexical attributes, and the entities, read inside a memory zone."""
    with nlp.memory_zone():
        return [([(t.text, t.idx, t.whitespace_, t.lower_, t.norm_, t.shape_, t.prefix_, t.suffix_, t.is_alpha,
                   t.is_punct, t.like_num) for t in doc], [(e.start_char, e.end_char, e.label_) for e in doc.ents])
                for doc in nlp.pipe(texts, batch_size=8)]


@pytest.fixture(scope="module")
def model(rules):
    return without_unheard_embeddings(spacy.load(rules.model, exclude=NOT_FOR_NER))


def test_the_words_learnt_split_and_read_as_afresh(model, rules):
    texts = _TEXTS + _fixture_texts()
    afresh = _read(model, texts)  # nothing cached: every word split by the expressions
    learning = without_unheard_embeddings(spacy.load(rules.model, exclude=NOT_FOR_NER))
    for text in texts:  # what ``NerOnlySpacyEngine.learn`` does: read once outside a memory zone
        learning.tokenizer(text)
    assert _read(learning, texts) == afresh
    assert _read(learning, [t.upper() for t in texts]) == _read(model, [t.upper() for t in texts])


def test_the_engine_learns_only_its_first_characters(detector, monkeypatch):
    engine, read = detector.nlp_engine, []
    monkeypatch.setattr(engine, "learned", 0)
    monkeypatch.setattr(engine, "learn_chars", 50)
    nlp = engine.nlp[detector.language]
    tokenizer = nlp.tokenizer
    monkeypatch.setattr(nlp, "tokenizer", lambda text: (read.append(text), tokenizer(text))[1])
    engine.learn(["a" * 30, "b" * 30, "c" * 30], detector.language)
    engine.learn(["d" * 30], detector.language)
    assert read == ["a" * 30, "b" * 30] and engine.learned == 60
