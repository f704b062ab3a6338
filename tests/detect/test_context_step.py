"""The context step finds the token of a match by bisection of the tokens' ends
(``spacy_engine.InPlaceContextEnhancer``): the token Presidio's walk over the tokens finds."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from deid.detect.spacy_engine import InPlaceContextEnhancer

_PIECES = ["Call", "me", "at", "617-555-0143", "(617)", "ext.", "12", "Dr.", "Ysolde", "O'Hara-Pim", "don't",
           "ysolde@example.org", "https://example.org/a?b=1", ",", ".", "  ", "\n", "\t", "\u00e9t\u00e9", "#4471",
           "kratom", "10mg", "U.S.A.", ":-)", "\u2014"]


def _index(finder, artifacts, start):
    try:
        return finder._find_index_of_match_token("w", start, artifacts.tokens, artifacts.tokens_indices)
    except ValueError:
        return "not found"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=0, max_size=20), glue=st.sampled_from(["", " ", "  "]))
def test_the_token_of_a_match_is_presidios(pieces, glue, detector):
    text = glue.join(pieces)
    artifacts = detector.nlp_engine.process_text(text, "en")
    assert list(artifacts.tokens_indices) == [t.idx for t in artifacts.tokens]
    assert artifacts.lemmas == [t.lower_ for t in artifacts.tokens]
    assert artifacts.tokens_indices.ends == [t.idx + len(t) for t in artifacts.tokens]
    for start in range(len(text) + 2):
        assert _index(InPlaceContextEnhancer, artifacts, start) == _index(LemmaContextAwareEnhancer, artifacts, start)


class _Tokens(list):
    """Stands in a spaCy ``Doc``: a list of token texts."""


@pytest.mark.parametrize("starts, texts", [
    ([0, 3, 3, 5], ["ab", "", "xy", "z"]),   # an empty token, which spaCy does not make: Presidio's walk
    ([0, 2], ["ab", "cd"]),
    ([], []),
])
def test_without_the_ends_or_with_an_empty_token_presidios_walk_answers(starts, texts):
    from deid.detect.spacy_engine import _Starts

    indices = _Starts()
    for a, t in zip(starts, texts):
        indices.append(a)
        indices.ends.append(a + len(t))
    for start in range(8):
        for given_indices in (indices, list(starts)):
            ours = _index(InPlaceContextEnhancer, type("A", (), {"tokens": _Tokens(texts), "tokens_indices": given_indices}), start)
            theirs = _index(LemmaContextAwareEnhancer, type("A", (), {"tokens": _Tokens(texts), "tokens_indices": starts}), start)
            assert ours == theirs


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_PIECES + ["phone", "the", "number", "a:b", "-PRON-", "be", "was", "Call:"]),
                       min_size=0, max_size=20), glue=st.sampled_from([" ", "  "]))
def test_the_context_words_are_presidios(pieces, glue, detector):
    """``spacy_engine._Artifacts`` works out the keywords when first asked, as a set: the words
    Presidio's list holds, and the context each result's words take from them is the same."""
    from presidio_analyzer.nlp_engine import NlpArtifacts

    text = glue.join(pieces)
    ours = detector.nlp_engine.process_text(text, "en")
    theirs = NlpArtifacts(entities=ours.entities, tokens=ours.tokens, tokens_indices=ours.tokens_indices,
                          lemmas=ours.lemmas, nlp_engine=detector.nlp_engine, language="en", scores=ours.scores)
    assert "keywords" not in vars(ours)  # not worked out until the context step asks
    assert ours.keywords == set(theirs.keywords)
    for i in range(len(ours.lemmas)):
        for backward in (True, False):
            assert InPlaceContextEnhancer._add_n_words(i, 5, ours.lemmas, ours.keywords, backward) == \
                LemmaContextAwareEnhancer._add_n_words(i, 5, theirs.lemmas, theirs.keywords, backward)


@pytest.mark.parametrize("texts", [
    ["Call Ysolde O'Hara-Pim at 617-555-0143 on Tuesday.", "", "  ", "kratom 10mg \u2014 U.S.A. :-)"],
    ["\n\n", "Dr. Brannock moved to Tromso in 2019.", "\u00e9t\u00e9 \u00e0 Qu\u00e9bec"],
])
def test_the_artifacts_without_the_text_are_process_batchs(detector, texts):
    """``NerOnlySpacyEngine.artifacts`` (what detection asks) gives what Presidio's
    ``process_batch`` gives, less each document's text."""
    engine = detector.nlp_engine
    theirs = [a for _, a in engine.process_batch(texts, "en", batch_size=64)]
    ours = list(engine.artifacts(texts, "en", 64))
    assert len(ours) == len(theirs) == len(texts)
    for a, b in zip(ours, theirs):
        assert [(e.start_char, e.end_char, e.label_) for e in a.entities] == \
            [(e.start_char, e.end_char, e.label_) for e in b.entities]
        assert (a.scores, list(a.tokens_indices), a.tokens_indices.ends, a.lemmas) == \
            (b.scores, list(b.tokens_indices), b.tokens_indices.ends, b.lemmas)
