"""spaCy behind Presidio, for detection: the model loaded without the components NER does not
need, its documents read into Presidio's artifacts without a ``Token`` made for each word, the
tokenizer's cache learnt outside a memory zone, and Presidio's context step without its copy
and walk. Used by ``detector`` alone."""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import spacy
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LENGTH, LOWER

from deid.core.errors import RulesError

# Components that NER does not need; excluding them is what makes spaCy cheap.
NOT_FOR_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter", "trainable_lemmatizer"]


def without_unheard_embeddings(nlp):
    """``nlp`` without a shared embedding layer (``tok2vec``, ``transformer``) that no
    component left in it listens to: en_core_web_sm's NER embeds words itself, and its
    ``tok2vec`` served only the tagger and the parser, which NER does not need. A model
    whose NER does listen (a transformer pipeline) keeps its layer."""
    for name in list(nlp.pipe_names):
        listeners = getattr(nlp.get_pipe(name), "listening_components", None)
        if listeners is not None and not [c for c in listeners if c in nlp.pipe_names]:
            nlp.remove_pipe(name)
    return nlp


class NerOnlySpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading an installed model without the
    components NER does not need, and never downloading anything.

    Without a lemmatizer, Presidio's context words are matched against the
    lower-cased tokens instead of lemmas. Presidio drops spaCy's stop words from the
    words it matches; a recognizer's own context word of four letters or more is no
    stop word here ("call" before a phone number; not "us").
    """

    context_words: frozenset[str] = frozenset()

    def is_stopword(self, word: str, language: str) -> bool:
        return word not in self.context_words and super().is_stopword(word, language)

    def load(self) -> None:
        self.nlp = {}
        for model in self.models:
            name = model["model_name"]
            try:
                nlp = spacy.load(name, exclude=NOT_FOR_NER)
            except OSError:
                raise RulesError(
                    "rules", None, "model",
                    f"spaCy model {name!r} is not installed; install it, or name an installed one",
                ) from None
            self.nlp[model["lang_code"]] = without_unheard_embeddings(nlp)

    learn_chars = 200_000  # how much text the tokenizer reads outside a memory zone (``learn``)
    learned = 0  # characters it has read so far

    def learn(self, texts: list[str], language: str) -> None:
        """The tokenizer reads the first texts detection meets (``learn_chars`` characters in
        all) once outside a memory zone, so that its cache learns their words. Inside a memory
        zone spaCy's tokenizer caches nothing, and every word of every text was split again by
        its prefix, suffix and infix expressions: 1.6 s of CPU per 1,000 texts of the bench,
        against 0.3 s after learning from the first 200,000 characters. A cached word splits
        into the tokens it would split into afresh (spaCy caches no word that holds a special
        case), so the documents and the entities are the same; the words learnt stay in the
        vocabulary, as many as ``learn_chars`` holds (the bench's peak RSS did not change)."""
        if self.learned >= self.learn_chars:
            return
        tokenizer = self.nlp[language].tokenizer
        for text in texts:
            if self.learned >= self.learn_chars:
                break
            tokenizer(text)
            self.learned += len(text)

    def artifacts(self, texts: list[str], language: str, batch_size: int):
        """``process_batch``'s artifacts, one per text, in order, without the text of each
        document (which ``process_batch`` rebuilds from the document's tokens, and the caller has)."""
        for doc in self.nlp[language].pipe((str(text) for text in texts), batch_size=batch_size, n_process=1):
            yield self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        # each token's start, length and lower case read as one array (no ``Token`` made for each)
        idx, length, lower = doc.to_array([IDX, LENGTH, LOWER]).T.tolist() if len(doc) else ([], [], [])
        starts, strings = _Starts(idx), doc.vocab.strings
        starts.ends = [a + n for a, n in zip(idx, length)]
        lemmas = [strings[h] for h in lower]
        return _Artifacts(entities=entities, tokens=doc, tokens_indices=starts, lemmas=lemmas, nlp_engine=self,
                          language=language, scores=scores)


class _Artifacts(NlpArtifacts):
    """Presidio's artifacts, with ``keywords`` (the words the context step may take as context:
    no stop word, no punctuation) worked out when the context step first asks, and as a set:
    Presidio only asks whether a word is one of them (``_add_n_words``), and it reads them for
    a text's results of a recognizer with context words only. The same words as Presidio's
    ``set_keywords`` list (a test compares them)."""

    def __init__(self, entities, tokens, tokens_indices, lemmas, nlp_engine, language, scores=None):
        self.entities, self.tokens, self.lemmas, self.tokens_indices = entities, tokens, lemmas, tokens_indices
        self.nlp_engine, self.language = nlp_engine, language
        self.scores = scores if scores else [0.85] * len(entities)

    @cached_property
    def keywords(self) -> frozenset[str]:
        return frozenset(NlpArtifacts.set_keywords(self.nlp_engine, self.lemmas, self.language))


class _Results(list):
    """Presidio's context enhancer deep-copies the results it is given, so
    that it may change their scores; ours are fresh from the recognizers and
    owned by nobody else, so the copy (about 5 % of detection) is skipped."""

    def __deepcopy__(self, memo):
        return self


class _Starts(list):
    """Where each token starts (Presidio's ``tokens_indices``), and where each ends."""

    def __init__(self, starts=()):
        super().__init__(starts)
        self.ends: list[int] = []


class InPlaceContextEnhancer(LemmaContextAwareEnhancer):
    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return super().enhance_using_context(text, _Results(raw_results), nlp_artifacts, recognizers, context)

    @staticmethod
    def _find_index_of_match_token(word, start, tokens, tokens_indices) -> int:
        """Presidio's answer, the first token that starts at ``start`` or ends after it, found by
        bisection of the tokens' ends (which never decrease) instead of a walk over the tokens."""
        ends = getattr(tokens_indices, "ends", None)
        i = bisect_right(ends, start) if ends is not None and len(ends) == len(tokens_indices) else None
        if i is None or i and tokens_indices[i - 1] == start:  # (an empty token at ``start``: Presidio's walk)
            return LemmaContextAwareEnhancer._find_index_of_match_token(word, start, tokens, tokens_indices)
        if i == len(ends):
            raise ValueError(f"Did not find word '{word}' in the list of tokens although it is expected to be found")
        return i
